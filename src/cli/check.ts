/** `pod-security-review check`: every pod spec in the given files and folders. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { evaluateFiles } from '../findings/evaluateFiles.js';
import type { CheckReport, SourceFile } from '../findings/evaluateFiles.js';
import { defaultPolicies } from '../findings/policyContext.js';
import { evaluateFilesInWorkers } from '../io/checkWorkers.js';
import { contentBytes } from '../manifests/load.js';
import { colourReport } from './colour.js';
import { progressFor } from './progress.js';
import { notComputedLines } from '../report/notComputed.js';
import { renderReport } from './reportFormat.js';
import { cloneContext, mergeReports, renderingsUnder, rootsOutside } from './renderings.js';
import { colours, contextFor, emptyInputStatus, excludedBy, excludeOption, excludeOptionHelp, failureStatus, filesOfPaths, policyOptions, policyOptionsHelp, readPolicyOptions, UsageError } from './options.js';
import type { CliIO } from './options.js';

const MiB = 1024 * 1024;

/**
 * Inputs smaller than this are checked in this thread: starting workers
 * would cost more than they save. Measured with npm run bench's repositories
 * on 2 vCPUs (node dist/cli.js check --jobs 1 vs 2): for the text report,
 * 10 MB took 1.47 s vs 1.62 s and 31 MB 4.02 s vs 3.43 s, so two workers
 * broke even at about 14 MB; with fixes (the JSON report), which cost some
 * 3x more per byte, at about 5 MB (10 MB: 6.61 s vs 5.61 s).
 */
const parallelFromBytes = 16 * MiB;
const fixesCostFactor = 3;

/**
 * Since one thread checks faster (the event reader, the fix engine's
 * rework), two workers on two cores no longer pay at those sizes. Measured
 * again on 2 vCPUs, Node 20 and 24, the bench's reference repository copied
 * two and three times (--jobs 1 vs 2, wall): the text report of 20 MB 2.2–2.9
 * s vs 2.3–2.7 s, of 30 MB 3.1–3.8 s vs 3.0–3.7 s; the JSON report of 10 MB
 * 2.8–3.0 s vs 2.9–3.1 s, of 30 MB 7.4–8.6 s vs 6.7–7.7 s: at most a tenth
 * sooner, for 35–45% more CPU time and up to half as much memory again. So
 * two cores check in one thread; from three, one worker per core past the
 * sizes above (not measured again: the machine we measure on has two).
 */
const parallelFromCores = 3;

export const checkUsage = `Usage: pod-security-review check [options] PATH...

Evaluate the pod specs in Kubernetes manifests (files, or folders searched for
*.yaml, *.yml and *.json) against the Pod Security Standards, with the
verdicts of the Pod Security Admission controller. Namespace manifests among
them set their workloads' levels, as in the cluster.

Options:
${policyOptionsHelp}
  --advice             also run the hardening advice checks (advice.*: readOnlyRootFilesystem,
                       automountServiceAccountToken, highUid, dropNetRaw, imageDigest,
                       resourceLimits), never blocking unless the config's advice.blocking says
  --jobs N             worker threads that parse and evaluate files [default: on ${parallelFromCores} cores
                       or more, one per core from ${parallelFromBytes / MiB} MiB of input (about ${(parallelFromBytes / MiB / fixesCostFactor).toFixed(1)} MiB with
                       --format json), else none]
  --render MODE        auto: render the Kustomize overlays and Helm charts found under
                       the paths (kustomize or kubectl, helm, from PATH) and check what
                       they render, on the source lines; off: read every file as a
                       plain manifest [default: auto]
${excludeOptionHelp}
  --allow-empty        exit 0 when no manifest or no pod spec is found (else 1)

Exit status: 0 nothing blocks, 1 a blocking violation, a malformed or invalid
file, or (with --unchecked failure) a file not checked, 2 usage or config error.
`;

/** The worker threads --jobs asks for (0: none), read before any file so a bad value costs nothing. */
function parseJobs(given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  const jobs = Number(given);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs: must be a whole number of worker threads, 1 or more (1: no workers)');
  return jobs === 1 ? 0 : jobs;
}

/** Worker threads for `check`: --jobs, else one per core on inputs worth it; 0 means none. */
function jobsFor(requested: number | undefined, files: readonly SourceFile[], fixes: boolean, io: CliIO): number {
  const cores = io.cores ?? availableParallelism();
  if (requested !== undefined) return requested;
  const bytes = files.reduce((n, f) => n + contentBytes(f.content), 0);
  return defaultJobs(bytes, fixes, cores);
}

/** Without --jobs: one worker per core when the input and the cores are worth it, else none (0). */
export function defaultJobs(bytes: number, fixes: boolean, cores: number): number {
  return cores >= parallelFromCores && bytes * (fixes ? fixesCostFactor : 1) >= parallelFromBytes ? cores : 0;
}

export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...policyOptions, ...excludeOption, jobs: { type: 'string' }, render: { type: 'string', default: 'auto' }, 'allow-empty': { type: 'boolean', default: false }, advice: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout(checkUsage);
    return 0;
  }
  if (values.render !== 'auto' && values.render !== 'off') throw new UsageError(`--render ${JSON.stringify(values.render)}: must be one of auto, off`);
  const requestedJobs = parseJobs(values.jobs);
  let options = readPolicyOptions(values);
  const selection = excludedBy(values.exclude);
  const collected = await filesOfPaths(positionals, io, options.maxBytes, 'check', selection);
  const admissionPath = options.sourceOptions.admissionConfigPath;
  if (admissionPath !== undefined && admissionPath !== null) {
    // Read like the manifests (it holds no pod spec), under the path they are shown with.
    const admission = await filesOfPaths([admissionPath], io, options.maxBytes, 'read');
    const shown = admission.files[0]?.path ?? admissionPath;
    if (!collected.files.some((f) => f.path === shown)) collected.files.push(...admission.files);
    options = { ...options, sourceOptions: { ...options.sourceOptions, admissionConfigPath: shown } };
  }
  const policy = contextFor(io, options, values.advice === true);
  // Fixes are part of the JSON contract; the text report does not show them, so it does not pay for them.
  const checkOptions = { policy, load: { maxBytes: options.maxBytes }, fixes: options.format === 'json' };
  // Charts and overlays under the paths are rendered; the files they use are judged through the rendering only.
  // Argo CD Applications and Flux HelmReleases among the files that install a chart of this repository (a clone's remote) get it rendered with their settings.
  const applications = { plainFiles: collected.files, ...(values.render === 'auto' ? await cloneContext(io, options.maxBytes) : {}) };
  const rendered = values.render === 'auto' ? await renderingsUnder(io, positionals, options.maxBytes, { ...checkOptions, ...applications, selection, ...(policy.config.render ? { render: policy.config.render } : {}) }) : null;
  const files = rendered ? collected.files.filter((f) => !rendered.consumed.has(f.path)) : collected.files;
  const jobs = jobsFor(requestedJobs, files, checkOptions.fixes, io);
  const progress = progressFor(files, io);
  const advance = progress?.advance;
  const evaluated = jobs > 0 && io.workerScript ? await evaluateFilesInWorkers(files, checkOptions, { jobs, script: io.workerScript }, advance) : evaluateFiles(files, checkOptions, advance);
  progress?.end();
  const problems = rendered ? [...collected.problems, ...rootsOutside(files, 'check')] : collected.problems;
  const report: CheckReport = rendered ? mergeReports(evaluated, rendered, problems) : { ...evaluated, errors: [...problems, ...evaluated.errors] };
  const header = defaultPolicies(policy, report.cluster);
  const output = renderReport(options.format, report, header, options.unchecked);
  io.stdout(options.format === 'text' && colours(io) ? colourReport(output) : output);
  notComputedNotice(report, io);
  const status = failureStatus(report, options.unchecked);
  return emptyInputStatus('check', collected.files.length, report.podSpecs.length, report.errors.length, values['allow-empty'], io) ?? status;
}

/** Said once per run (on stderr) when some fixes were not computed: the findings are whole. */
function notComputedNotice(report: CheckReport, io: CliIO): void {
  for (const line of notComputedLines(report.findings)) io.stderr(`pod-security-review: ${line}\n`);
}

