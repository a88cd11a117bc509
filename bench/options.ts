/** The benchmark's command line: `npm run bench -- [--quick] [--files N] …`. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, '..');
/** tsx's loader as a file URL, for `node --import` from any working directory. */
export const tsxLoader = import.meta.resolve('tsx');

export const allStages = ['parse', 'check', 'fixes', 'diff', 'action', 'scale', 'lists', 'cold', 'cli', 'render'] as const;
export type StageName = (typeof allStages)[number];

export interface BenchOptions {
  readonly quick: boolean;
  readonly seed: number;
  /** The reference repository (stages 1–4, the CLI). */
  readonly files: number;
  readonly docsPerFile: number;
  /** Percentage of its files the head revision touches (stage 4). */
  readonly changedPercent: number;
  /** The pull request of stage 5: files changed, files at base, documents per file. */
  readonly prFiles: number;
  readonly prBaseFiles: number;
  readonly prDocsPerFile: number;
  readonly runs: number;
  readonly fixRuns: number;
  readonly actionRuns: number;
  /** Stage 2 scaling: base size in files (same documents per file) and factors. */
  readonly scaleBaseFiles: number;
  readonly scaleFactors: readonly number[];
  readonly scaleRuns: number;
  /** Lists of N Pods in one document (YAML, single-line JSON, anchored): the sizes, and a cap per run. */
  readonly listSizes: readonly number[];
  readonly listRuns: number;
  readonly listTimeoutSeconds: number;
  readonly coldRuns: number;
  readonly cliRuns: number;
  readonly cliJsonRuns: number;
  readonly stages: readonly StageName[];
  /** Stages to CPU-profile (check, fixes): one extra run each, summarized. */
  readonly profile: readonly ('check' | 'fixes')[];
  readonly out: string;
  readonly keep: boolean;
  /** The date policies are evaluated at (opt-outs expire): fixed, for identical results. */
  readonly today: string;
}

export const usage = `Usage: npm run bench -- [options]

Measures pod-security-review on synthetic repositories (deterministic from
--seed): 1. parse floor, 2. check, 3. check + fixes, 4. diff on a real git
repository, 5. the Action against the local GitHub emulator; CLI cold start,
the real CLI's check, stage-2 scaling, and Lists of N Pods in one document
(YAML, single-line JSON, anchored: the JSON report's growth over N). Prints
a markdown table and writes the results as JSON.

Sizes (defaults; --quick in brackets):
  --files N             reference repository files [1000; 100]
  --docs N              documents per file, half of them workloads [20]
  --changed-percent K   files the head revision touches, for stage 4 [10]
  --pr-files F          files changed by stage 5's pull request [60; 10]
  --pr-base-files N     files of that repository at base [2F]
  --pr-docs N           documents per file in that repository [6; 4]
  --scale-base N        stage-2 scaling: files at 1x [20; 2]
  --scale-factors LIST  [1,10,100]
Repetitions (median, min and max are reported):
  --runs N              stages 1, 2, 4 [5; 3]
  --fix-runs N          stage 3, and stage 4's evaluate with fixes [3; 1]
  --action-runs N       stage 5, each a first run and a re-run [3; 1]
  --scale-runs N        [3; 1]
  --list-sizes LIST     Pods per List document, in the lists stage [10,100,1000,5000; 10,100,1000]
  --list-runs N         [3; 1]
  --list-timeout S      a lists run over S seconds is stopped and larger sizes of
                        its form are not tried [120; 30]
  --cold-runs N         CLI cold start spawns [10; 5]
  --cli-runs N          the CLI's check (text) on the reference repository [3; 1]
  --cli-json-runs N     the same with --format json (it computes fixes) [1]
Other:
  --quick               small sizes and fewer runs
  --stages LIST         subset of ${allStages.join(',')}
  --profile LIST        CPU-profile stage check and/or fixes (one extra run each)
  --seed N              [1]
  --out PATH            [bench/results/latest.json]
  --keep                keep the generated repositories (their folder is printed)
`;

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, not ${JSON.stringify(value)}`);
  return n;
}

function list<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: readonly T[]): readonly T[] {
  if (value === undefined) return fallback;
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`--${name}: unknown ${JSON.stringify(item)} (one of ${allowed.join(', ')})`);
  return items as T[];
}

export function parseOptions(args: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...args],
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      quick: { type: 'boolean' },
      seed: { type: 'string' },
      files: { type: 'string' },
      docs: { type: 'string' },
      'changed-percent': { type: 'string' },
      'pr-files': { type: 'string' },
      'pr-base-files': { type: 'string' },
      'pr-docs': { type: 'string' },
      runs: { type: 'string' },
      'fix-runs': { type: 'string' },
      'action-runs': { type: 'string' },
      'scale-base': { type: 'string' },
      'scale-factors': { type: 'string' },
      'scale-runs': { type: 'string' },
      'list-sizes': { type: 'string' },
      'list-runs': { type: 'string' },
      'list-timeout': { type: 'string' },
      'cold-runs': { type: 'string' },
      'cli-runs': { type: 'string' },
      'cli-json-runs': { type: 'string' },
      stages: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const prFiles = positiveInt('pr-files', values['pr-files'], quick ? 10 : 60);
  const factors = (values['scale-factors'] ?? '1,10,100').split(',').map((s) => positiveInt('scale-factors', s.trim(), 1));
  const listSizes = (values['list-sizes'] ?? (quick ? '10,100,1000' : '10,100,1000,5000')).split(',').map((s) => positiveInt('list-sizes', s.trim(), 1));
  const changedPercent = Number(values['changed-percent'] ?? 10);
  if (!(changedPercent > 0 && changedPercent <= 100)) throw new Error('--changed-percent must be in (0, 100]');
  return {
    quick,
    seed: positiveInt('seed', values.seed, 1, 0),
    files: positiveInt('files', values.files, quick ? 100 : 1000, 2),
    docsPerFile: positiveInt('docs', values.docs, 20, 2),
    changedPercent,
    prFiles,
    prBaseFiles: positiveInt('pr-base-files', values['pr-base-files'], 2 * prFiles, 2),
    prDocsPerFile: positiveInt('pr-docs', values['pr-docs'], quick ? 4 : 6, 2),
    runs: positiveInt('runs', values.runs, quick ? 3 : 5),
    fixRuns: positiveInt('fix-runs', values['fix-runs'], quick ? 1 : 3),
    actionRuns: positiveInt('action-runs', values['action-runs'], quick ? 1 : 3),
    scaleBaseFiles: positiveInt('scale-base', values['scale-base'], quick ? 2 : 20, 2),
    scaleFactors: [...new Set(factors)].sort((a, b) => a - b),
    scaleRuns: positiveInt('scale-runs', values['scale-runs'], quick ? 1 : 3),
    listSizes: [...new Set(listSizes)].sort((a, b) => a - b),
    listRuns: positiveInt('list-runs', values['list-runs'], quick ? 1 : 3),
    listTimeoutSeconds: positiveInt('list-timeout', values['list-timeout'], quick ? 30 : 120),
    coldRuns: positiveInt('cold-runs', values['cold-runs'], quick ? 5 : 10),
    cliRuns: positiveInt('cli-runs', values['cli-runs'], quick ? 1 : 3),
    cliJsonRuns: positiveInt('cli-json-runs', values['cli-json-runs'], 1),
    stages: list('stages', values.stages, allStages, allStages),
    profile: list('profile', values.profile, ['check', 'fixes'] as const, []),
    out: path.resolve(values.out ?? path.join(benchDir, 'results', 'latest.json')),
    keep: values.keep ?? false,
    today: '2026-06-01',
  };
}
