/**
 * `npm run bench`: the benchmark harness. See `npm run bench -- --help` and
 * bench/README.md.
 *
 * Generates deterministic synthetic repositories in a temp folder (a real
 * git repository for the diff), runs each stage in a child process of its
 * own (bench/child.ts: its peak RSS is its own), prints a markdown table to
 * stdout and writes the results to bench/results/latest.json (or --out).
 * Progress goes to stderr.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version as toolVersion } from '../src/version.js';
import { countByEndpoint, economy } from './economy.js';
import { commitRepository, generateRepository, writeTree } from './generate.js';
import { growthExponent, listForms, listOfPods } from './lists.js';
import { measureRender } from './render.js';
import type { GeneratedRepository } from './generate.js';
import { benchDir, parseOptions, repoRoot, tsxLoader, usage } from './options.js';
import type { BenchOptions, StageName } from './options.js';
import { summarizeProfile } from './profile.js';
import type { CpuProfile, ProfileSummary } from './profile.js';
import type { ActionResult, ActionRunMeasure, DiffResult, FilesResult, PairResult, ProbeReport, StageRequest, StageResult } from './protocol.js';
import { evaluateTargets, renderMarkdown } from './report.js';
import { timeOf } from './report.js';
import type { ActionRunsEntry, ActionStageEntry, BenchResults, CliRun, DiffStageEntry, FilesStageEntry, ListFormEntry, ListMeasure, ListPoint, ListsEntry, ScalePoint, Skipped } from './report.js';
import { perSecond, round, summarize } from './stats.js';

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);
const childScript = path.join(benchDir, 'child.ts');
/** Preloaded into each child: js-yaml as the bundles inline it (jsYamlAsBundled.ts). */
const jsYamlAsBundled = pathToFileURL(path.join(benchDir, 'jsYamlAsBundled.ts')).href;
const probeScript = path.join(benchDir, 'action-probe.ts');
const cliScript = path.join(repoRoot, 'dist', 'cli.js');

let requestCounter = 0;

/** The most warm-up runs of a List size (N = 10 takes 499 at the default sizes, a few seconds). */
const maxListWarmup = 1000;

/**
 * Lists of more Pods warm up on a List of this many Pods of the same form:
 * warmed up on themselves, the largest got no warm-up run at all (one of its
 * three timed runs was the cold one), and N = 1,000 got four, after which
 * V8 was still compiling the fix engine (bench/README.md).
 */
const warmupListSize = 100;

/** A stage child stopped at its time cap (the lists stage: a quadratic engine would take hours). */
class StageTimeout extends Error {}

/** Run one stage in a child process: `node --expose-gc --import tsx --import bench/jsYamlAsBundled.ts bench/child.ts`. */
async function runStage(work: string, request: StageRequest, timeoutMs?: number): Promise<StageResult> {
  const id = ++requestCounter;
  const requestPath = path.join(work, `request-${id}.json`);
  const resultPath = path.join(work, `result-${id}.json`);
  writeFileSync(requestPath, JSON.stringify(request));
  let timedOut = false;
  const status = await new Promise<number | null>((resolve, reject) => {
    // The child's stdout goes to our stderr: stdout carries only the report.
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', jsYamlAsBundled, childScript, requestPath, resultPath], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  if (timedOut) throw new StageTimeout(`stage ${request.kind} stopped after ${Math.round((timeoutMs ?? 0) / 1000)} s`);
  if (status !== 0 || !existsSync(resultPath)) throw new Error(`stage ${request.kind} failed (exit status ${String(status)})`);
  return JSON.parse(readFileSync(resultPath, 'utf8')) as StageResult;
}

function environment(): Record<string, string | number> {
  const gitVersion = spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
    git: gitVersion,
    tool: `pod-security-review ${toolVersion}`,
  };
}

function filesEntry(result: StageResult, parseMedian: number | null): FilesStageEntry | Skipped {
  const r = result as FilesResult;
  const podSpecs = r.counts.podSpecs ?? 0;
  return {
    status: 'measured',
    ms: r.ms,
    ...(r.cpuMs ? { cpuMs: r.cpuMs } : {}),
    podSpecs,
    podSpecsPerSecond: perSecond(podSpecs, r.ms.median),
    ratioToParse: parseMedian !== null && parseMedian > 0 ? round(r.ms.median / parseMedian, 2) : null,
    peakRssMb: r.memory.peakMb,
    rssBeforeMb: r.memory.beforeMb,
    input: r.input,
    counts: r.counts,
  };
}

/** `existing`: the review comments and threads on the pull request when each of these runs started. */
function actionRuns(runs: readonly ActionRunMeasure[], pr: ActionResult['pr'], existing: { comments: number; threads: number }): ActionRunsEntry {
  const probes = runs.map((r) => r.probe).filter((p): p is ProbeReport => p !== null);
  const waiting = runs.map((r) => r.probe?.waitingMs ?? 0);
  const first = runs[0]!;
  const byEndpoint = countByEndpoint(first.requests);
  const same = runs.every((r) => JSON.stringify(countByEndpoint(r.requests)) === JSON.stringify(byEndpoint));
  return {
    wall: summarize(runs.map((r) => r.wallMs)),
    notWaiting: summarize(runs.map((r, i) => r.wallMs - waiting[i]!)),
    waiting: summarize(waiting),
    apiInFlight: summarize(runs.map((r) => r.probe?.inFlightMs ?? 0)),
    cpu: summarize(runs.map((r) => r.probe?.cpuMs ?? 0)),
    actionPeakRssMb: round(Math.max(0, ...probes.map((p) => p.maxRssMb))),
    requests: { total: first.requests.length, byEndpoint, non2xx: first.requests.filter((r) => r.status < 200 || r.status >= 300).length, sameInEveryRun: same },
    reviewComments: first.reviewComments,
    annotations: first.annotations,
    conclusion: first.conclusion,
    exitStatus: first.exitStatus,
    economy: economy(
      { files: pr.files, added: pr.added, removed: pr.removed, comments: first.reviewComments, annotations: first.annotations, existingComments: existing.comments, existingThreads: existing.threads, binaryBlobs: 0 /* the generator writes text only */ },
      byEndpoint,
    ),
  };
}

function spawnTimed(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): { ms: number; status: number | null } {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  return { ms: performance.now() - start, status: child.status };
}

function generate(label: string, dir: string, spec: Parameters<typeof generateRepository>[0], withGit: boolean): GeneratedRepository {
  const start = performance.now();
  const repo = generateRepository(spec);
  writeTree(path.join(dir, 'base'), repo.base);
  if (repo.head.size > 0) writeTree(path.join(dir, 'head'), repo.head);
  if (withGit) commitRepository(path.join(dir, 'repo'), path.join(dir, 'base'), path.join(dir, 'head'));
  progress(`${label}: ${repo.stats.files} files, ${(repo.stats.bytes / 1024 / 1024).toFixed(1)} MiB, ${repo.stats.podSpecs} pod specs, generated in ${Math.round(performance.now() - start)} ms`);
  return repo;
}

/**
 * The warm-up runs of a List of `n` Pods (not recorded), so that every List
 * is timed with optimized code, as in the scaling stage: as many Pods as the
 * largest List holds. Five runs were not enough at N = 10: the fix engine,
 * most of the JSON report's code, was still in V8's interpreter (26 ms a run
 * there, 4 ms once compiled). A larger List warms up on a small one of its
 * form (`warmupDir`): the same code, in runs that cost little.
 */
function listWarmup(n: number, largest: number, warmupDir: string): { readonly warmup: number; readonly warmupTree?: string } {
  if (n > warmupListSize) return { warmup: Math.min(maxListWarmup, Math.ceil(largest / warmupListSize)), warmupTree: warmupDir };
  return { warmup: Math.min(maxListWarmup, Math.ceil(largest / n) - 1) };
}

/** Pairs of runs of the text and the JSON report in one child (StageRequest 'pair'); null when over the time cap. */
async function measurePair(work: string, o: BenchOptions, dir: string, warm: ReturnType<typeof listWarmup>): Promise<ListPoint['paired']> {
  progress(`lists: ${path.basename(dir)}, text and JSON in turns`);
  // An odd number of pairs has a middle one; each pair runs both reports after both warmed up.
  const runs = 2 * o.listRuns - 1;
  const timeoutMs = o.listTimeoutSeconds * 1000 * 2 * (runs + warm.warmup) + 30_000;
  try {
    const r = (await runStage(work, { kind: 'pair', tree: dir, runs, ...warm, today: o.today }, timeoutMs)) as PairResult;
    return { ratio: r.ratio, ratios: r.ratios };
  } catch (error) {
    if (error instanceof StageTimeout) return null;
    throw error;
  }
}

/**
 * The lists stage: for each form and size, the parse floor, the text report
 * (check) and the JSON report (check + fixes) on a file holding one List of
 * N Pods, each in a child of its own, then both reports in turns in one more
 * child, for their ratio. A run over the time cap is stopped, recorded as
 * such, and larger sizes of that form and report are skipped.
 */
async function measureLists(work: string, o: BenchOptions): Promise<ListsEntry> {
  const forms: ListFormEntry[] = [];
  const largest = Math.max(...o.listSizes);
  for (const form of listForms) {
    const points: ListPoint[] = [];
    const stopped = new Set<'parse' | 'check' | 'fixes'>();
    const warmupDir = path.join(work, `list-${form}-warmup`);
    if (largest > warmupListSize) {
      mkdirSync(warmupDir, { recursive: true });
      writeFileSync(path.join(warmupDir, form === 'json' ? 'list.json' : 'list.yaml'), listOfPods(warmupListSize, form));
    }
    for (const n of o.listSizes) {
      const dir = path.join(work, `list-${form}-${n}`);
      mkdirSync(dir, { recursive: true });
      const text = listOfPods(n, form);
      writeFileSync(path.join(dir, form === 'json' ? 'list.json' : 'list.yaml'), text);
      const point: Record<'parse' | 'check' | 'fixes', ListMeasure> = { parse: { status: 'skipped' }, check: { status: 'skipped' }, fixes: { status: 'skipped' } };
      let counts: Readonly<Record<string, number>> = {};
      let reportBytes: number | null = null;
      const warm = listWarmup(n, largest, warmupDir);
      for (const kind of ['parse', 'check', 'fixes'] as const) {
        if (stopped.has(kind)) continue;
        progress(`lists: ${form}, N = ${n}, ${kind}`);
        const timeoutMs = o.listTimeoutSeconds * 1000 * (o.listRuns + warm.warmup) + 30_000;
        try {
          const r = (await runStage(work, { kind, tree: dir, runs: o.listRuns, ...warm, today: o.today, reportBytes: kind !== 'parse' }, timeoutMs)) as FilesResult;
          point[kind] = { status: 'measured', ms: r.ms, ...(r.cpuMs ? { cpuMs: r.cpuMs } : {}), peakRssMb: r.memory.peakMb, reportBytes: r.reportBytes ?? null };
          if (kind === 'fixes') counts = r.counts;
          if (kind === 'fixes') reportBytes = r.reportBytes ?? null;
        } catch (error) {
          if (!(error instanceof StageTimeout)) throw error;
          point[kind] = { status: 'timeout', afterSeconds: Math.round(timeoutMs / 1000) };
          stopped.add(kind);
        }
      }
      const paired = point.check.status === 'measured' && point.fixes.status === 'measured' ? await measurePair(work, o, dir, warm) : null;
      rmSync(dir, { recursive: true, force: true });
      points.push({ n, bytes: Buffer.byteLength(text), ...point, counts, reportBytes, paired });
    }
    rmSync(warmupDir, { recursive: true, force: true });
    // Fitted on CPU time: wall time on a machine shared with other work is noise.
    const fit = (kind: 'parse' | 'check' | 'fixes') => growthExponent(points.flatMap((p) => (p[kind].status === 'measured' ? [{ n: p.n, ms: timeOf(p[kind]) }] : [])));
    forms.push({ form, points, exponent: { parse: fit('parse'), check: fit('check'), fixes: fit('fixes') } });
  }
  return { status: 'measured', forms };
}

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const o = options;
  const want = (stage: StageName) => o.stages.includes(stage);
  const work = mkdtempSync(path.join(tmpdir(), 'psr-bench-'));
  progress(`working in ${work}`);
  try {
    const refDir = path.join(work, 'reference');
    const reference = generate('reference repository', refDir, { seed: o.seed, files: o.files, docsPerFile: o.docsPerFile, changedFiles: Math.max(1, Math.round((o.files * o.changedPercent) / 100)) }, want('diff'));
    const prDir = path.join(work, 'pull-request');
    const pullRequest = want('action') ? generate('pull request repository', prDir, { seed: o.seed + 1, files: o.prBaseFiles, docsPerFile: o.prDocsPerFile, changedFiles: o.prFiles }, false) : null;
    const baseTree = path.join(refDir, 'base');

    const stages: { -readonly [K in keyof BenchResults['stages']]: BenchResults['stages'][K] } = {
      parse: { status: 'skipped', reason: 'not requested (--stages)' },
      check: { status: 'skipped', reason: 'not requested (--stages)' },
      fixes: { status: 'skipped', reason: 'not requested (--stages)' },
      diff: { status: 'skipped', reason: 'not requested (--stages)' },
      action: { status: 'skipped', reason: 'not requested (--stages)' },
    };
    const guard = async <T>(label: string, body: () => Promise<T>): Promise<T | Skipped> => {
      try {
        return await body();
      } catch (error) {
        progress(`${label} failed: ${(error as Error).message}`);
        return { status: 'failed', reason: (error as Error).message };
      }
    };

    let parseMedian: number | null = null;
    if (want('parse')) {
      progress('stage 1: parse only');
      stages.parse = await guard('stage 1', async () => {
        const entry = filesEntry(await runStage(work, { kind: 'parse', tree: baseTree, runs: o.runs, today: o.today }), null);
        // The floor parses the same documents: its pod specs are the input's.
        return entry.status === 'measured' ? { ...entry, podSpecs: reference.stats.podSpecs, podSpecsPerSecond: perSecond(reference.stats.podSpecs, entry.ms.median), ratioToParse: 1 } : entry;
      });
      if (stages.parse.status === 'measured') parseMedian = (stages.parse as FilesStageEntry).ms.median;
    }
    if (want('check')) {
      progress('stage 2: check');
      stages.check = await guard('stage 2', async () => filesEntry(await runStage(work, { kind: 'check', tree: baseTree, runs: o.runs, today: o.today }), parseMedian));
    }
    if (want('fixes')) {
      progress('stage 3: check + fixes');
      stages.fixes = await guard('stage 3', async () => filesEntry(await runStage(work, { kind: 'fixes', tree: baseTree, runs: o.fixRuns, today: o.today }), parseMedian));
    }
    // Stages 2 and 3 in turns, for their ratio (the lists stage does the same per List; bench/README.md).
    let referencePair: BenchResults['referencePair'] = { status: 'skipped', reason: 'needs stages 2 and 3' };
    if (stages.check.status === 'measured' && stages.fixes.status === 'measured') {
      progress('stages 2 and 3 in turns');
      referencePair = await guard('stages 2 and 3 in turns', async () => {
        const r = (await runStage(work, { kind: 'pair', tree: baseTree, runs: o.fixRuns, warmup: 1, today: o.today })) as PairResult;
        return { status: 'measured' as const, ratio: r.ratio, ratios: r.ratios };
      });
    }
    if (want('diff')) {
      progress('stage 4: diff');
      stages.diff = await guard('stage 4', async (): Promise<DiffStageEntry> => {
        const r = (await runStage(work, { kind: 'diff', repo: path.join(refDir, 'repo'), base: 'main', head: 'head', runs: o.runs, fixRuns: o.fixRuns, today: o.today })) as DiffResult;
        const evaluated = r.counts.evaluatedPodSpecs ?? 0;
        return {
          status: 'measured',
          git: r.gitMs,
          evaluate: r.evaluateMs,
          total: r.totalMs,
          evaluateWithFixes: r.evaluateWithFixesMs,
          parseFloor: r.parseFloorMs,
          evaluatedPodSpecs: evaluated,
          podSpecsPerSecond: perSecond(evaluated, r.evaluateMs.median),
          ratioToParse: r.parseFloorMs.median > 0 ? round(r.evaluateMs.median / r.parseFloorMs.median, 2) : null,
          expected: reference.headStats ? { modifiedPodSpecs: reference.headStats.modifiedPodSpecs, newPodSpecs: reference.headStats.newPodSpecs, changedFiles: reference.headStats.changedFiles } : null,
          peakRssMb: r.memory.peakMb,
          counts: r.counts,
        };
      });
    }
    if (want('action') && pullRequest) {
      progress('stage 5: the Action against the GitHub emulator (throttled writes: this takes a while)');
      stages.action = await guard('stage 5', async (): Promise<ActionStageEntry> => {
        const scratch = path.join(work, 'action');
        mkdirSync(scratch, { recursive: true });
        const r = (await runStage(work, { kind: 'action', baseDir: path.join(prDir, 'base'), headDir: path.join(prDir, 'head'), runs: o.actionRuns, probe: probeScript, inputs: {}, scratch })) as ActionResult;
        const firstComments = r.first[0]?.reviewComments ?? 0;
        return {
          status: 'measured',
          pr: r.pr,
          first: actionRuns(r.first, r.pr, { comments: 0, threads: 0 }),
          // The re-run finds the first run's comments, each in its own thread.
          rerun: actionRuns(r.rerun, r.pr, { comments: firstComments, threads: firstComments }),
          hostPeakRssMb: r.memory.peakMb,
          emulatorProblems: r.emulatorProblems,
          unexpectedRequests: r.unexpectedRequests,
        };
      });
    }

    let scaling: BenchResults['scaling'] = { status: 'skipped', reason: 'not requested (--stages)' };
    if (want('scale')) {
      scaling = await guard('scaling', async () => {
        const points: ScalePoint[] = [];
        for (const factor of o.scaleFactors) {
          const dir = path.join(work, `scale-${factor}`);
          const repo = generate(`scaling ${factor}×`, dir, { seed: o.seed + 2, files: o.scaleBaseFiles * factor, docsPerFile: o.docsPerFile, changedFiles: 0 }, false);
          progress(`stage 2 at ${factor}×`);
          // Warm-up runs (not recorded) so that small inputs are timed with optimized code too: about the work of one run at the largest factor.
          const warmup = Math.min(20, Math.ceil(Math.max(...o.scaleFactors) / factor) - 1);
          const r = (await runStage(work, { kind: 'check', tree: path.join(dir, 'base'), runs: o.scaleRuns, warmup, today: o.today })) as FilesResult;
          rmSync(dir, { recursive: true, force: true });
          points.push({ factor, files: repo.stats.files, bytes: repo.stats.bytes, podSpecs: repo.stats.podSpecs, warmupRuns: warmup, ms: r.ms, peakRssMb: r.memory.peakMb, usPerPodSpec: round((r.ms.median * 1000) / Math.max(1, repo.stats.podSpecs)) });
        }
        const ratios = (a: ScalePoint, b: ScalePoint) => ({ from: a.factor, to: b.factor, inputRatio: round(b.podSpecs / a.podSpecs, 2), timeRatio: round(b.ms.median / a.ms.median, 2) });
        const overall = ratios(points[0]!, points[points.length - 1]!);
        return {
          status: 'measured' as const,
          points,
          timeRatio: overall.timeRatio,
          inputRatio: overall.inputRatio,
          timeRatioPerInputRatio: round(overall.timeRatio / overall.inputRatio, 2),
          steps: points.slice(1).map((p, i) => ratios(points[i]!, p)),
        };
      });
    }

    let lists: BenchResults['lists'] = { status: 'skipped', reason: 'not requested (--stages)' };
    if (want('lists')) {
      lists = await guard('lists', async () => measureLists(work, o));
    }

    let render: BenchResults['render'] = { status: 'skipped', reason: 'not requested (--stages)' };
    if (want('render')) {
      progress('rendering: cost per root (kustomize, helm)');
      render = await guard('render', async () => measureRender(work, { workloads: o.quick ? 10 : 50, overlays: o.quick ? 2 : 4, runs: o.runs, today: o.today }, progress));
    }

    let coldStart: BenchResults['coldStart'] = { status: 'skipped', reason: 'not requested (--stages)' };
    let cli: BenchResults['cli'] = { status: 'skipped', reason: 'not requested (--stages)' };
    if ((want('cold') || want('cli')) && !existsSync(cliScript)) {
      const skipped: Skipped = { status: 'skipped', reason: 'dist/cli.js is missing (npm run bundle)' };
      coldStart = skipped;
      cli = skipped;
    } else {
      if (want('cold')) {
        progress(`CLI cold start (${o.coldRuns} spawns)`);
        const runsOf = (args: readonly string[]) => Array.from({ length: o.coldRuns }, () => spawnTimed(args, { cwd: repoRoot }).ms);
        coldStart = { status: 'measured', cli: summarize(runsOf([cliScript, '--version'])), nodeBaseline: summarize(runsOf(['-e', '0'])) };
      }
      if (want('cli')) {
        cli = await guard('cli', async () => {
          const measure = (format: 'text' | 'json', runs: number): CliRun => {
            progress(`the CLI: check --format ${format} on the reference repository (${runs} run${runs === 1 ? '' : 's'})`);
            const walls: number[] = [];
            let peak = 0;
            let status: number | null = null;
            for (let i = 0; i < runs; i++) {
              const probeOut = path.join(work, `cli-probe-${format}-${i}.json`);
              // The probe (preloaded) only records the process's peak RSS here.
              const run = spawnTimed(['--import', tsxLoader, '--import', pathToFileURL(probeScript).href, cliScript, 'check', '--format', format, '.'], { cwd: baseTree, env: { ...process.env, BENCH_PROBE_OUT: probeOut } });
              // 0: nothing blocks, 1: something does; anything else is a crash, not a measurement.
              if (run.status !== 0 && run.status !== 1) throw new Error(`node dist/cli.js check --format ${format} exited with status ${String(run.status)}`);
              walls.push(run.ms);
              status = run.status;
              peak = Math.max(peak, (JSON.parse(readFileSync(probeOut, 'utf8')) as ProbeReport).maxRssMb);
              progress(`CLI --format ${format} run ${i + 1}/${runs}: ${Math.round(run.ms)} ms, exit status ${String(status)}`);
            }
            return { wall: summarize(walls), peakRssMb: round(peak), exitStatus: status };
          };
          return { status: 'measured' as const, podSpecs: reference.stats.podSpecs, text: measure('text', o.cliRuns), json: measure('json', o.cliJsonRuns) };
        });
      }
    }

    const profiles: Record<string, ProfileSummary> = {};
    for (const stage of o.profile) {
      progress(`CPU profile of stage ${stage}`);
      const out = path.join(work, `${stage}.cpuprofile`);
      await runStage(work, { kind: stage, tree: baseTree, runs: 1, today: o.today, profile: out });
      if (existsSync(out)) {
        profiles[stage] = summarizeProfile(JSON.parse(readFileSync(out, 'utf8')) as CpuProfile, repoRoot);
        const kept = path.join(path.dirname(o.out), `${stage}.cpuprofile`);
        mkdirSync(path.dirname(kept), { recursive: true });
        writeFileSync(kept, readFileSync(out));
        progress(`profile written to ${path.relative(process.cwd(), kept)} (open it in Chrome DevTools)`);
      }
    }

    const recorded: Omit<BenchOptions, 'out'> = Object.fromEntries(Object.entries(o).filter(([key]) => key !== 'out')) as Omit<BenchOptions, 'out'>;
    const partial: Omit<BenchResults, 'targets'> = {
      schema: 1,
      generatedAt: new Date().toISOString(),
      environment: environment(),
      options: recorded,
      inputs: {
        reference: { base: reference.stats, head: reference.headStats },
        pullRequest: pullRequest ? { base: pullRequest.stats, head: pullRequest.headStats } : null,
      },
      stages,
      referencePair,
      coldStart,
      cli,
      scaling,
      lists,
      render,
      profiles,
    };
    const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
    mkdirSync(path.dirname(o.out), { recursive: true });
    writeFileSync(o.out, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(renderMarkdown(results));
    progress(`results written to ${path.relative(process.cwd(), o.out) || o.out}`);
    const failed = Object.values(stages).some((s) => s.status === 'failed') || [scaling, lists, render, coldStart, cli].some((s) => s.status === 'failed');
    return failed ? 1 : 0;
  } finally {
    if (o.keep) progress(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
