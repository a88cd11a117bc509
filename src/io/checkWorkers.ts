/**
 * The `check` pipeline over worker threads, for large inputs: parsing YAML
 * is most of the work and one thread parses one file at a time, so the
 * files are shared out among workers, one per core.
 *
 * The result is the in-process one, to the byte: the namespace pass runs
 * here first (every worker needs the same policy context), the files that
 * pass already loaded are evaluated here, and the workers' results are put
 * back in file order before they are merged (evaluateFiles.ts).
 *
 * The worker script is the CLI bundle itself (dist/cli.js), started in
 * worker mode: see isCheckWorker in src/cli.ts.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { evaluateFile, mergeResults, namespacePass } from '../findings/evaluateFiles.js';
import type { CheckOptions, CheckReport, FileResult, SourceFile } from '../findings/evaluateFiles.js';
import type { PolicyContext } from '../findings/policyContext.js';
import { contentBytes } from '../manifests/load.js';

const workerTag = 'pod-security-review/check-worker';

/** About this many bytes of manifests per message to a worker: small enough to balance, large enough to be cheap. */
const defaultChunkBytes = 256 * 1024;

interface WorkerSetup {
  readonly tag: typeof workerTag;
  readonly context: PolicyContext;
  readonly options: Omit<CheckOptions, 'policy'>;
}

type ToWorker = { readonly chunk: number; readonly files: readonly SourceFile[] } | { readonly done: true };
interface FromWorker {
  readonly chunk: number;
  readonly results: readonly FileResult[];
}

/** True in a thread started by evaluateFilesInWorkers. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | null)?.tag === workerTag;
}

/** The worker's side: evaluate each chunk of files it is sent, until told it is done. */
export function serveCheckWorker(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort;
  if (port === null) throw new Error('serveCheckWorker outside a worker thread');
  const options: CheckOptions = { ...setup.options, policy: setup.context };
  port.on('message', (message: ToWorker) => {
    if ('done' in message) {
      port.close();
      return;
    }
    const results = message.files.map((file) => evaluateFile(file, undefined, setup.context, options));
    port.postMessage({ chunk: message.chunk, results } satisfies FromWorker);
  });
}

export interface WorkerOptions {
  /** Worker threads to start (at most one per chunk). */
  readonly jobs: number;
  /** A JavaScript file that calls serveCheckWorker when isCheckWorker (the CLI bundle). */
  readonly script: URL;
  /** Bytes of manifests per message to a worker [default: 256 KiB]. */
  readonly chunkBytes?: number;
}

/** Contiguous runs of the files not loaded yet, about chunkBytes each. */
function chunksOf(files: readonly SourceFile[], skip: ReadonlySet<number>, chunkBytes: number): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  files.forEach((file, i) => {
    if (skip.has(i)) return;
    current.push(i);
    bytes += contentBytes(file.content);
    if (bytes >= chunkBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export async function evaluateFilesInWorkers(files: readonly SourceFile[], options: CheckOptions, parallel: WorkerOptions, evaluated?: (file: SourceFile) => void): Promise<CheckReport> {
  const pass = namespacePass(files, options);
  const results: (FileResult | undefined)[] = files.map(() => undefined);
  const chunks = chunksOf(files, new Set(pass.early.keys()), parallel.chunkBytes ?? defaultChunkBytes);
  const setup: WorkerSetup = { tag: workerTag, context: pass.context, options: { load: options.load, fixes: options.fixes } };
  const workers: Worker[] = [];
  const done = new Promise<void>((resolve, reject) => {
    let next = 0;
    let pending = chunks.length;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    if (pending === 0) resolve();
    for (let w = 0; w < Math.min(parallel.jobs, chunks.length); w++) {
      // No execArgv: a worker needs none of the flags this process was started
      // with, and preloads (--import, --require) need not work in a worker.
      const worker = new Worker(parallel.script, { workerData: setup, execArgv: [] });
      workers.push(worker);
      let inHand = 0;
      const feed = () => {
        const indexes = chunks[next];
        if (indexes === undefined) {
          if (inHand === 0) worker.postMessage({ done: true } satisfies ToWorker);
          return;
        }
        inHand++;
        worker.postMessage({ chunk: next++, files: indexes.flatMap((i) => files[i] ?? []) } satisfies ToWorker);
      };
      worker.on('message', (message: FromWorker) => {
        inHand--;
        chunks[message.chunk]?.forEach((fileIndex, j) => {
          results[fileIndex] = message.results[j];
          const file = files[fileIndex];
          if (file) evaluated?.(file);
        });
        if (--pending === 0 && !settled) {
          settled = true;
          resolve();
        }
        feed();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (inHand > 0) fail(new Error(`a check worker stopped (exit status ${code}) before its files were evaluated`));
      });
      // Two chunks in hand, so a worker never waits for the next one.
      feed();
      feed();
    }
  });
  // The early files were loaded here by the namespace pass: evaluate them here, while the workers run.
  for (const [i, documents] of pass.early) {
    const file = files[i];
    if (file) {
      results[i] = evaluateFile(file, documents, pass.context, options);
      evaluated?.(file);
    }
  }
  try {
    await done;
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  return mergeResults(
    pass,
    results.map((result, i) => {
      if (result === undefined) throw new Error(`no result for ${files[i]?.path ?? i}`);
      return result;
    }),
  );
}
