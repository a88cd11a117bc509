/**
 * What the orchestrator (bench/run.ts) asks of a stage child (bench/child.ts)
 * and what the child answers. Each stage runs in a child process of its own
 * so that its peak RSS (process.resourceUsage().maxRSS) is its own.
 */
import type { Summary } from './stats.js';

export type StageRequest =
  | {
      readonly kind: 'parse' | 'check' | 'fixes';
      readonly tree: string;
      readonly runs: number;
      /** Runs before the measured ones, not recorded (JIT warm-up, for the scaling series). */
      readonly warmup?: number;
      /**
       * The input the warm-up runs read, when not `tree`: a smaller one of the
       * same form, so that a large input is timed with compiled code after a
       * few seconds of warm-up (the peak RSS is then taken at the end of the
       * first measured run).
       */
      readonly warmupTree?: string;
      readonly today: string;
      /** Write a CPU profile of the (last) run here (check and fixes only). */
      readonly profile?: string;
      /** Also render the report (text for check, JSON for fixes, as the CLI would) and give its size. */
      readonly reportBytes?: boolean;
    }
  | {
      /**
       * The text report (check) and the JSON report (check + fixes) on the
       * same input, pass for pass in turns, after warm-up runs of both: their
       * ratio under the same state of the machine, which moves by as much as
       * 2× within minutes (each report's own child times it apart).
       */
      readonly kind: 'pair';
      readonly tree: string;
      /** Pairs of runs measured. */
      readonly runs: number;
      readonly warmup: number;
      readonly warmupTree?: string;
      readonly today: string;
    }
  | { readonly kind: 'diff'; readonly repo: string; readonly base: string; readonly head: string; readonly runs: number; readonly fixRuns: number; readonly today: string }
  | {
      readonly kind: 'action';
      readonly baseDir: string;
      readonly headDir: string;
      readonly runs: number;
      /** bench/action-probe.ts, preloaded (with tsx) into the Action's process. */
      readonly probe: string;
      readonly inputs: Readonly<Record<string, string>>;
      readonly scratch: string;
    };

export interface Memory {
  /** RSS once the modules and the input are loaded, before the first run. */
  readonly beforeMb: number;
  /** process.resourceUsage().maxRSS of the child at the end of its first run (a cold run's peak; stages that run no pass in the child: at the end). */
  readonly peakMb: number;
}

export interface FilesResult {
  readonly kind: 'parse' | 'check' | 'fixes';
  readonly ms: Summary;
  /** CPU time of the same runs (user + system, all of the process's threads): steadier than wall time on a loaded machine. */
  readonly cpuMs?: Summary;
  readonly memory: Memory;
  readonly input: { readonly files: number; readonly bytes: number };
  readonly counts: Readonly<Record<string, number>>;
  /** The rendered report's size in bytes (text for check, JSON for fixes), when asked for. */
  readonly reportBytes?: number;
}

export interface PairResult {
  readonly kind: 'pair';
  /** CPU time of each report's runs (user + system, all of the process's threads). */
  readonly checkCpuMs: Summary;
  readonly fixesCpuMs: Summary;
  /** The JSON report's CPU time over the text report's, pair by pair, and their median. */
  readonly ratios: readonly number[];
  readonly ratio: number;
}

export interface DiffResult {
  readonly kind: 'diff';
  /** readGitChangeSet + readNamespaceDocuments (git spawns and parsing their output). */
  readonly gitMs: Summary;
  /** evaluateChangeSet, without fixes. */
  readonly evaluateMs: Summary;
  /** git + evaluate, per run. */
  readonly totalMs: Summary;
  /** evaluateChangeSet with fixes, as `diff --format json` and the Action run it; null with --fix-runs 0. */
  readonly evaluateWithFixesMs: Summary | null;
  /** parseAllDocuments + toJS on the change set's contents (both sides): the floor for the same bytes. */
  readonly parseFloorMs: Summary;
  readonly memory: Memory;
  readonly counts: Readonly<Record<string, number>>;
}

export interface ActionRunMeasure {
  readonly wallMs: number;
  readonly exitStatus: number | null;
  readonly probe: ProbeReport | null;
  readonly requests: readonly { readonly endpoint: string; readonly status: number }[];
  readonly reviewComments: number;
  readonly annotations: number;
  readonly reviews: number;
  readonly conclusion: string | null;
}

export interface ProbeReport {
  readonly exitCode: number;
  readonly lifetimeMs: number;
  readonly probeLoadedAtMs: number;
  readonly eventLoop: { readonly idleMs: number; readonly activeMs: number };
  readonly inFlightMs: number;
  readonly idleInFlightMs: number;
  readonly waitingMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly requests: readonly { readonly method: string; readonly url: string; readonly status: number; readonly startMs: number; readonly endMs: number }[];
}

export interface ActionResult {
  readonly kind: 'action';
  /** Per repetition: the first run on a fresh pull request, then a re-run on the same head (idempotence). */
  readonly first: readonly ActionRunMeasure[];
  readonly rerun: readonly ActionRunMeasure[];
  readonly pr: {
    readonly files: number;
    readonly added: number;
    readonly removed: number;
    readonly modified: number;
    readonly renamed: number;
    readonly headSha: string;
  };
  readonly emulatorProblems: readonly string[];
  readonly unexpectedRequests: number;
  readonly memory: Memory;
}

export type StageResult = FilesResult | PairResult | DiffResult | ActionResult;
