/**
 * One benchmark stage in a process of its own (spawned by bench/run.ts):
 * `node --expose-gc --import tsx --import bench/jsYamlAsBundled.ts bench/child.ts
 * REQUEST.json RESULT.json`.
 * Loads its input before timing, runs the stage the requested number of
 * times (the first run is the cold one; the median is reported), and writes
 * its StageResult, peak RSS included.
 */
import { Session } from 'node:inspector/promises';
import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { evaluateFiles } from '../src/findings/evaluateFiles.js';
import type { SourceFile } from '../src/findings/evaluateFiles.js';
import { policyContext } from '../src/findings/policyContext.js';
import { defaultUnchecked } from '../src/findings/unchecked.js';
import { readGitChangeSet } from '../src/git/changeSet.js';
import { readNamespaceDocuments } from '../src/git/namespaces.js';
import { contentBytes, defaultLoadOptions } from '../src/manifests/load.js';
import { renderJson } from '../src/report/json.js';
import { renderText } from '../src/report/text.js';
import { evaluateChangeSet } from '../src/scope/scope.js';
import { startEmulator } from '../test/helpers/github-emulator/index.js';
import type { Emulator, PullRequestHandle } from '../test/helpers/github-emulator/index.js';
import { runAction } from '../test/helpers/runAction.js';
import { endpointOf } from './economy.js';
import { tsxLoader } from './options.js';
import type { ActionResult, ActionRunMeasure, DiffResult, FilesResult, Memory, PairResult, ProbeReport, StageRequest, StageResult } from './protocol.js';
import { medianOf, round, summarize } from './stats.js';

/**
 * A collection between runs: a minor one (a scavenge). Not a full
 * collection: V8's testing collections also drop the hidden classes of
 * objects that are gone and the optimized code that expects them, so every
 * run compiled the hot functions again (bench/README.md). A run starts with
 * an empty young generation, and the older garbage of the runs before is
 * left to V8's own major collections, as in a long run. (Node 20's V8 made
 * a scavenge of `{ type: 'major' }` too; Node 24's makes it a full one.)
 */
const gcOptions = { type: 'minor' } as const;
const exposedGc = (globalThis as { gc?: (options?: typeof gcOptions) => void }).gc;
const gc = exposedGc && (() => exposedGc(gcOptions));
const log = (message: string) => process.stderr.write(`  [${process.pid}] ${message}\n`);

function readTree(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(full);
      } else if (entry.isFile()) {
        files.push({ path: path.relative(root, full).split(path.sep).join('/'), content: readFileSync(full) });
      }
    }
  };
  walk(root);
  return files;
}


/** Stage 1, the floor: the `yaml` package on the same bytes, as a plain YAML reader would use it. */
function parseFloor(contents: readonly (Uint8Array | string)[]): number {
  const decoder = new TextDecoder('utf-8');
  let documents = 0;
  for (const content of contents) {
    const text = typeof content === 'string' ? content : decoder.decode(content);
    for (const doc of parseAllDocuments(text)) {
      doc.toJS();
      documents++;
    }
  }
  return documents;
}

const rssNowMb = () => round(process.memoryUsage().rss / 1024 / 1024);

/**
 * The child's peak RSS through its first run (null before it ends): the
 * peak of one cold run, as a CLI run has it. Later runs reuse the heap the
 * first one grew, which the major collection between runs does not shrink,
 * so the child's peak at the end would grow with the number of runs.
 */
let firstRunPeakMb: number | null = null;
const afterRun = () => (firstRunPeakMb ??= round(process.resourceUsage().maxRSS / 1024));
/** After a warm-up on another input (StageRequest.warmupTree): its runs are not the input's first. */
const afterOtherInput = () => undefined;
const peakMb = () => firstRunPeakMb ?? round(process.resourceUsage().maxRSS / 1024);

/** Wall times of `runs` runs; their CPU times (the process's, GC threads included) go to `cpu` when given. */
async function repeat(runs: number, label: string, body: () => unknown, cpu?: number[], ran: () => unknown = afterRun): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
    ran();
    const used = process.cpuUsage(cpuStart);
    cpu?.push((used.user + used.system) / 1000);
    log(`${label} run ${i + 1}/${runs}: ${round(samples[i]!)} ms, CPU ${round((used.user + used.system) / 1000)} ms`);
  }
  return samples;
}

/** Run `body` under the V8 sampling profiler (the last run's profile is written to `out`). */
function profiled<T>(body: () => T, out: string): () => Promise<T> {
  return async () => {
    const session = new Session();
    session.connect();
    try {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      const result = body();
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(out, JSON.stringify(profile));
      return result;
    } finally {
      session.disconnect();
    }
  };
}

async function filesStage(request: Extract<StageRequest, { kind: 'parse' | 'check' | 'fixes' }>): Promise<StageResult> {
  const files = readTree(request.tree);
  const warmFiles = request.warmupTree === undefined ? files : readTree(request.warmupTree);
  const warmedOn = request.warmupTree === undefined ? afterRun : afterOtherInput;
  const input = { files: files.length, bytes: files.reduce((sum, f) => sum + contentBytes(f.content), 0) };
  const policy = policyContext(request.today);
  const counts: Record<string, number> = {};
  const before = rssNowMb();
  let samples: number[];
  const cpu: number[] = [];
  let report: ReturnType<typeof evaluateFiles> | undefined;
  if (request.kind === 'parse') {
    if ((request.warmup ?? 0) > 0) await repeat(request.warmup ?? 0, 'parse warm-up', () => parseFloor(warmFiles.map((f) => f.content)), undefined, warmedOn);
    samples = await repeat(
      request.runs,
      'parse',
      () => {
        counts.documents = parseFloor(files.map((f) => f.content));
      },
      cpu,
    );
  } else {
    // Stage 3 is stage 2 with fixes, as `check --format json` runs it.
    const passOn = (input: readonly SourceFile[]) => () => evaluateFiles(input, { policy, fixes: request.kind === 'fixes' });
    const pass = passOn(files);
    const once = request.profile === undefined ? pass : profiled(pass, request.profile);
    if ((request.warmup ?? 0) > 0) await repeat(request.warmup ?? 0, `${request.kind} warm-up`, passOn(warmFiles), undefined, warmedOn);
    samples = await repeat(
      request.runs,
      request.kind,
      async () => {
        report = await once();
      },
      cpu,
    );
    // Counted outside the timed runs.
    if (report !== undefined) {
      counts.podSpecs = report.podSpecs.length;
      counts.denied = report.podSpecs.filter((p) => !p.allowed).length;
      counts.findings = report.findings.length;
      counts.blocking = report.findings.filter((f) => f.blocking).length;
      counts.errors = report.errors.length;
      if (request.kind === 'fixes') {
        // Evidence that the engine ran: findings with a verified fix, and with a note instead.
        counts.withFix = report.findings.filter((f) => f.fix !== null && f.fix !== undefined).length;
        counts.withFixNote = report.findings.filter((f) => f.fixNote !== null && f.fixNote !== undefined).length;
      }
    }
  }
  // Peak RSS is the stage's own: taken before the report is rendered for its size.
  const memory: Memory = { beforeMb: before, peakMb: peakMb() };
  let reportBytes: number | undefined;
  if (request.reportBytes === true && report !== undefined) {
    const header = { enforce: 'baseline:latest', warn: 'restricted:latest' };
    reportBytes = Buffer.byteLength(request.kind === 'fixes' ? renderJson(report, header) : renderText(report, header, defaultUnchecked));
  }
  const result: FilesResult = { kind: request.kind, ms: summarize(samples), cpuMs: summarize(cpu), memory, input, counts, ...(reportBytes !== undefined ? { reportBytes } : {}) };
  return result;
}

/** CPU time of one run of `body` (user + system, every thread), after the collection between runs (gc, above). */
function cpuOf(body: () => unknown): number {
  gc?.();
  const start = process.cpuUsage();
  body();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The text and the JSON report in turns (which goes first alternates), so
 * that both are timed under the same state of the machine: the ratio of
 * each pair is taken, and their median reported.
 */
async function pairStage(request: Extract<StageRequest, { kind: 'pair' }>): Promise<PairResult> {
  const files = readTree(request.tree);
  const warmFiles = request.warmupTree === undefined ? files : readTree(request.warmupTree);
  const policy = policyContext(request.today);
  const report = (input: readonly SourceFile[], fixes: boolean) => () => evaluateFiles(input, { policy, fixes });
  for (let i = 0; i < request.warmup; i++) {
    report(warmFiles, false)();
    report(warmFiles, true)();
  }
  const check: number[] = [];
  const fixes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < request.runs; i++) {
    // Which report goes first alternates: neither always runs right after the other.
    let text: number;
    let json: number;
    if (i % 2 === 0) {
      text = cpuOf(report(files, false));
      json = cpuOf(report(files, true));
    } else {
      json = cpuOf(report(files, true));
      text = cpuOf(report(files, false));
    }
    check.push(text);
    fixes.push(json);
    ratios.push(round(json / text, 2));
    log(`pair ${i + 1}/${request.runs}: text ${round(text)} ms, JSON ${round(json)} ms CPU (${ratios[i]}×)`);
  }
  const ratio = round(medianOf([...ratios].sort((a, b) => a - b)), 2);
  return { kind: 'pair', checkCpuMs: summarize(check), fixesCpuMs: summarize(fixes), ratios, ratio };
}

async function diffStage(request: Extract<StageRequest, { kind: 'diff' }>): Promise<DiffResult> {
  const maxBytes = defaultLoadOptions.maxBytes;
  const policy = policyContext(request.today);
  const git: number[] = [];
  const evaluate: number[] = [];
  const total: number[] = [];
  const counts: Record<string, number> = {};
  const before = rssNowMb();
  let contents: (Uint8Array | string)[] = [];
  for (let i = 0; i < request.runs; i++) {
    gc?.();
    const start = performance.now();
    const changeSet = await readGitChangeSet({ repository: request.repo, base: request.base, head: request.head, maxBytes });
    const namespaces = await readNamespaceDocuments(request.repo, request.head, maxBytes);
    const read = performance.now();
    const report = evaluateChangeSet(changeSet, { policy, headNamespaceDocuments: namespaces });
    const end = performance.now();
    afterRun();
    git.push(read - start);
    evaluate.push(end - read);
    total.push(end - start);
    log(`diff run ${i + 1}/${request.runs}: git ${round(read - start)} ms, evaluate ${round(end - read)} ms`);
    contents = changeSet.files.flatMap((f) => [f.base, f.head].flatMap((c) => (c.kind === 'content' ? [c.data] : [])));
    counts.changedFiles = changeSet.files.length;
    counts.contentBytes = contents.reduce((sum, c) => sum + contentBytes(c), 0);
    counts.evaluatedPodSpecs = report.podSpecs.length;
    counts.newPodSpecs = report.podSpecs.filter((p) => p.status === 'new').length;
    counts.modifiedPodSpecs = report.podSpecs.filter((p) => p.status === 'modified').length;
    counts.unchangedPodSpecs = report.unchangedPodSpecs;
    counts.findings = report.findings.length;
    counts.preexisting = report.findings.filter((f) => f.preexisting).length;
    counts.errors = report.errors.length;
    counts.namespaceDocuments = namespaces.length;
  }
  let withFixes: number[] | null = null;
  if (request.fixRuns > 0) {
    const changeSet = await readGitChangeSet({ repository: request.repo, base: request.base, head: request.head, maxBytes });
    const namespaces = await readNamespaceDocuments(request.repo, request.head, maxBytes);
    let report: ReturnType<typeof evaluateChangeSet> | undefined;
    withFixes = await repeat(request.fixRuns, 'diff evaluate with fixes', () => {
      // As `diff --format json` and the Action run it.
      report = evaluateChangeSet(changeSet, { policy, headNamespaceDocuments: namespaces, fixes: true });
    });
    if (report !== undefined) counts.findingsWithFix = report.findings.filter((f) => f.fix !== null && f.fix !== undefined).length;
  }
  const floor = await repeat(request.runs, 'diff parse floor', () => parseFloor(contents));
  return {
    kind: 'diff',
    gitMs: summarize(git),
    evaluateMs: summarize(evaluate),
    totalMs: summarize(total),
    evaluateWithFixesMs: withFixes === null ? null : summarize(withFixes),
    parseFloorMs: summarize(floor),
    memory: { beforeMb: before, peakMb: peakMb() },
    counts,
  };
}

async function actionStage(request: Extract<StageRequest, { kind: 'action' }>): Promise<ActionResult> {
  const emulator: Emulator = await startEmulator();
  try {
    const pr: PullRequestHandle = await emulator.addPullRequest({ owner: 'acme', repo: 'fleet', number: 1, baseDir: request.baseDir, headDir: request.headDir, title: 'Benchmark pull request' });
    const statusCount = (status: string) => pr.files.filter((f) => f.status === status).length;
    const before = rssNowMb();
    let counter = 0;
    const once = async (): Promise<ActionRunMeasure> => {
      const probeOut = path.join(request.scratch, `probe-${++counter}.json`);
      const wrapper = path.join(request.scratch, `node-${counter}.sh`);
      const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
      // runAction passes only the runner's variables: the wrapper sets the probe's own.
      writeFileSync(wrapper, `#!/bin/sh\nBENCH_PROBE_OUT=${quote(probeOut)} exec ${quote(process.execPath)} --import ${quote(tsxLoader)} --import ${quote(pathToFileURL(request.probe).href)} "$@"\n`);
      chmodSync(wrapper, 0o755);
      const reviewsBefore = emulator.state.reviews.length;
      const commentsBefore = emulator.state.reviews.reduce((n, r) => n + r.comments.length, 0);
      const requestsBefore = emulator.requests.length;
      const start = performance.now();
      // As in production: the throttling waits are part of what stage 5 measures (the tests run without them).
      const run = await runAction(emulator, pr, { inputs: request.inputs, node: wrapper, writeInterval: 'github' });
      const wallMs = performance.now() - start;
      let probe: ProbeReport | null;
      try {
        probe = JSON.parse(readFileSync(probeOut, 'utf8')) as ProbeReport;
      } catch {
        probe = null; // the Action died before its exit handler: no breakdown for this run
      }
      rmSync(probeOut, { force: true });
      rmSync(wrapper, { force: true });
      if (run.status !== 0 && run.status !== 1) log(`the Action exited with ${String(run.status)}: ${run.stderr.slice(0, 2000)}`);
      const lastCheck = emulator.state.checkRuns.at(-1);
      return {
        wallMs: round(wallMs),
        exitStatus: run.status,
        probe,
        requests: emulator.requests.slice(requestsBefore).map((r) => ({ endpoint: endpointOf(r), status: r.status })),
        reviews: emulator.state.reviews.length - reviewsBefore,
        reviewComments: emulator.state.reviews.reduce((n, r) => n + r.comments.length, 0) - commentsBefore,
        annotations: lastCheck?.annotations.length ?? 0,
        conclusion: lastCheck?.conclusion ?? null,
      };
    };
    const first: ActionRunMeasure[] = [];
    const rerun: ActionRunMeasure[] = [];
    for (let i = 0; i < request.runs; i++) {
      emulator.reset();
      first.push(await once());
      log(`action run ${i + 1}/${request.runs}: ${first.at(-1)!.wallMs} ms, ${first.at(-1)!.requests.length} requests`);
      rerun.push(await once());
      log(`action re-run ${i + 1}/${request.runs}: ${rerun.at(-1)!.wallMs} ms, ${rerun.at(-1)!.requests.length} requests`);
    }
    return {
      kind: 'action',
      first,
      rerun,
      pr: { files: pr.files.length, added: statusCount('added'), removed: statusCount('removed'), modified: statusCount('modified'), renamed: statusCount('renamed'), headSha: pr.headSha },
      emulatorProblems: [...emulator.problems],
      unexpectedRequests: emulator.unexpectedRequests().length,
      memory: { beforeMb: before, peakMb: peakMb() },
    };
  } finally {
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const [requestPath, resultPath] = process.argv.slice(2);
  if (requestPath === undefined || resultPath === undefined) throw new Error('usage: child.ts REQUEST.json RESULT.json');
  const request = JSON.parse(readFileSync(requestPath, 'utf8')) as StageRequest;
  let result: StageResult;
  switch (request.kind) {
    case 'parse':
    case 'check':
    case 'fixes':
      result = await filesStage(request);
      break;
    case 'pair':
      result = await pairStage(request);
      break;
    case 'diff':
      result = await diffStage(request);
      break;
    case 'action':
      result = await actionStage(request);
      break;
  }
  writeFileSync(resultPath, JSON.stringify(result));
}

await main();
