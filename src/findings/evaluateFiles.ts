/**
 * The `check` pipeline, pure: file contents in, findings and problems out.
 * files → documents → (Namespace manifests for the policy) → pod specs →
 * evaluation under the policy → findings with lines.
 */
import { defaultLoadOptions, loadManifestFile, textOf } from '../manifests/load.js';
import type { LoadOptions } from '../manifests/load.js';
import type { FixableCheck } from '../fixes/types.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { namespaceLabelsOn } from '../policy/resolve.js';
import { readsClusterSources } from '../policy/sources/cluster.js';
import { adviceFindings } from '../policy/sources/advice.js';
import { pspFindingsOf } from '../policy/sources/psp.js';
import { defaultExtraChecks } from '../policy/sources/settings.js';
import { extractPodSpecs, extractPodSpecsAfresh } from '../workloads/extract.js';
import { podLoadOptions } from '../workloads/podFree.js';
import { fixFindings } from './fixes.js';
import { evaluatePodSpec, repositoryPolicy } from './policyContext.js';
import type { PodSpecEvaluation, PolicyContext } from './policyContext.js';
import type { Finding, IgnoredFinding, PodSpecVerdict, PolicyProblemReport, Report, ReportNotice } from './types.js';

export { containerOfPath } from './finding.js';

export interface SourceFile {
  /** The path shown to users (relative to the working directory or repository root). */
  readonly path: string;
  readonly content: Uint8Array | string;
}

export interface CheckOptions {
  readonly policy: PolicyContext;
  readonly load?: LoadOptions;
  /** Compute a verified fix (or a note) for every finding. */
  readonly fixes?: boolean;
  /** Fix only these checks (`fix --only/--skip`); default all. */
  readonly fixChecks?: (check: FixableCheck) => boolean;
}

export type CheckReport = Report;

/** Problems sorted by file, then line. */
export function sortProblems(problems: LoadProblem[]): LoadProblem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/**
 * Whether a file may hold a Namespace manifest, decided on its raw content
 * without parsing. Conservative: the word `Namespace` spelled out, or a
 * backslash (a double-quoted escape could spell it, `"Name\x73pace"`). Any
 * other way of writing a scalar keeps its letters together.
 */
export function mayHoldNamespace(content: Uint8Array | string): boolean {
  // The cluster's own policy documents are read in the same pass (policy/sources/cluster.ts).
  const words = ['Namespace', 'PodSecurityConfiguration', 'kyverno.io', '\\'];
  if (typeof content === 'string') return words.some((word) => content.includes(word));
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return words.some((word) => bytes.includes(word));
}

/** What evaluating one file gives; evaluateFiles merges them in file order. */
export interface FileResult {
  readonly findings: readonly Finding[];
  readonly ignored: readonly IgnoredFinding[];
  readonly policyProblems: readonly PolicyProblemReport[];
  readonly podSpecs: readonly PodSpecVerdict[];
  /** Load problems (unless already reported by the namespace pass) and extraction problems. */
  readonly errors: readonly LoadProblem[];
}

/**
 * The first pass: the Namespace manifests among the files decide their
 * workloads' levels, as in the cluster, so they are read first. Only the
 * files that may hold one are loaded for that, and kept (`early`, by file
 * index); every other file is loaded when its turn comes and let go after,
 * so memory holds one file's syntax trees at a time, not the whole input's.
 */
export interface NamespacePass {
  readonly context: PolicyContext;
  readonly early: Map<number, readonly ManifestDocument[]>;
  /** The early files' load problems, then the Namespace manifests' problems. */
  readonly errors: readonly LoadProblem[];
  /** Notes about the policy sources read (policy/sources). */
  readonly notices: readonly ReportNotice[];
}

export function namespacePass(files: readonly SourceFile[], options: CheckOptions): NamespacePass {
  const errors: LoadProblem[] = [];
  const early = new Map<number, readonly ManifestDocument[]>();
  // The cluster's own policy documents are read in the same pass, even with namespace labels off.
  const wanted = namespaceLabelsOn(options.policy.config, options.policy.overrides) || readsClusterSources(options.policy.sourceOptions ?? {});
  files.forEach((file, i) => {
    if (!wanted || !mayHoldNamespace(file.content)) return;
    const loaded = loadManifestFile(file.path, file.content, podLoadOptions(options.load ?? defaultLoadOptions));
    errors.push(...loaded.problems);
    early.set(i, loaded.documents);
  });
  const repository = repositoryPolicy([...early.values()].flat(), options.policy);
  errors.push(...repository.problems, ...repository.labelProblems.map((label) => label.problem));
  return { context: repository.context, early, errors, notices: repository.notices };
}

/**
 * Builds the layout trees of the documents whose pod specs have findings
 * (the ones the fix engine edits) while the file's events are at hand, then
 * lets the events go. Held through the fix work, they were copied by every
 * young-generation collection during it: about a third of what survived one in
 * the reference repository's JSON report.
 */
function layoutsThenRelease(evaluations: readonly PodSpecEvaluation[], advice: readonly (readonly Finding[])[], releaseEvents: () => void): void {
  for (let i = 0; i < evaluations.length; i++) {
    const evaluation = evaluations[i]!;
    if (evaluation.findings.length + (advice[i]?.length ?? 0) > 0) void evaluation.source.document.source.layout;
  }
  releaseEvents();
}

/** One file under the run's policy context; `documents` when the namespace pass already loaded it. */
export function evaluateFile(file: SourceFile, documents: readonly ManifestDocument[] | undefined, context: PolicyContext, options: CheckOptions): FileResult {
  const errors: LoadProblem[] = [];
  // The fix engine reads the file's text too: decoded once, for both (a string is loaded as it is).
  const text = options.fixes === true ? textOf(file.content) : null;
  let releaseEvents: (() => void) | undefined;
  if (documents === undefined) {
    // Its fixes are computed next, on trees built from the events of this read.
    const load = podLoadOptions(options.load ?? defaultLoadOptions);
    const loaded = loadManifestFile(file.path, text ?? file.content, options.fixes === true ? { ...load, keepEvents: true } : load);
    errors.push(...loaded.problems);
    documents = loaded.documents;
    releaseEvents = loaded.releaseEvents;
  }
  const evaluations: PodSpecEvaluation[] = [];
  for (const document of documents) {
    // Kept with the document only when fixes follow: their verifier reads it again (a text report would hold every file's until the end).
    const extraction = options.fixes === true ? extractPodSpecs(document) : extractPodSpecsAfresh(document);
    errors.push(...extraction.problems);
    for (const chart of extraction.charts) errors.push(chart.problem);
    for (const source of extraction.pods) evaluations.push(evaluatePodSpec(source, context));
  }
  // Loops, not callbacks: a callback made per file is compiled again after each major collection (see FileFixer).
  const perPod: (readonly Finding[])[] = [];
  const advice: Finding[][] = [];
  const ignored: IgnoredFinding[] = [];
  const policyProblems: PolicyProblemReport[] = [];
  const podSpecs: PodSpecVerdict[] = [];
  for (const evaluation of evaluations) {
    perPod.push(evaluation.findings);
    advice.push(adviceFindings(evaluation.source, context.extraChecks ?? defaultExtraChecks));
    for (const finding of evaluation.ignored) ignored.push(finding);
    for (const problem of evaluation.problems) policyProblems.push(problem);
    podSpecs.push(evaluation.verdict);
  }
  if (releaseEvents !== undefined) layoutsThenRelease(evaluations, advice, releaseEvents);
  const fixed = options.fixes ? fixFindings(file.path, text, evaluations, perPod, null, options.fixChecks, advice) : { findings: perPod, advice };
  return {
    findings: [
      ...fixed.findings.flat(),
      ...fixed.advice.flat(),
      ...pspFindingsOf(documents, context.extraChecks ?? defaultExtraChecks),
    ],
    ignored,
    policyProblems,
    podSpecs,
    errors,
  };
}

/** The report of a run: the namespace pass's problems, then each file's results in file order. */
export function mergeResults(pass: Pick<NamespacePass, 'errors' | 'notices' | 'context'>, results: readonly FileResult[]): CheckReport {
  const passErrors = pass.errors;
  return {
    ...(pass.notices.length > 0 ? { notices: pass.notices } : {}),
    ...(pass.context.cluster ? { cluster: pass.context.cluster } : {}),
    findings: results.flatMap((r) => r.findings),
    ignored: results.flatMap((r) => r.ignored),
    policyProblems: results.flatMap((r) => r.policyProblems),
    errors: sortProblems([...passErrors, ...results.flatMap((r) => r.errors)]),
    podSpecs: results.flatMap((r) => r.podSpecs),
  };
}

export function evaluateFiles(files: readonly SourceFile[], options: CheckOptions, evaluated?: (file: SourceFile) => void): CheckReport {
  const pass = namespacePass(files, options);
  const results = files.map((file, i) => {
    const documents = pass.early.get(i);
    pass.early.delete(i);
    const result = evaluateFile(file, documents, pass.context, options);
    evaluated?.(file);
    return result;
  });
  return mergeResults(pass, results);
}
