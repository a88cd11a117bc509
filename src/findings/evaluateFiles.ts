/**
 * The `check` pipeline, pure: file contents in, findings and problems out.
 * files → documents → (Namespace manifests for the policy) → pod specs →
 * evaluation under the policy → findings with lines.
 */
import { defaultLoadOptions, loadManifestFile } from '../manifests/load.js';
import type { LoadOptions } from '../manifests/load.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import { evaluatePodSpec, namespaceIndexOf } from './policyContext.js';
import type { PolicyContext } from './policyContext.js';
import type { Finding, IgnoredFinding, PodSpecVerdict, PolicyProblemReport, Report } from './types.js';

export { containerOfPath } from './finding.js';

export interface SourceFile {
  /** The path shown to users (relative to the working directory or repository root). */
  readonly path: string;
  readonly content: Uint8Array | string;
}

export interface CheckOptions {
  readonly policy: PolicyContext;
  /** Judge workloads by the Namespace manifests among the files (on unless the config or a flag says otherwise). */
  readonly load?: LoadOptions;
}

export type CheckReport = Report;

/** Problems sorted by file, then line. */
export function sortProblems(problems: LoadProblem[]): LoadProblem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

export function evaluateFiles(files: readonly SourceFile[], options: CheckOptions): CheckReport {
  const errors: LoadProblem[] = [];
  const documents: ManifestDocument[] = [];
  for (const file of files) {
    const loaded = loadManifestFile(file.path, file.content, options.load ?? defaultLoadOptions);
    errors.push(...loaded.problems);
    documents.push(...loaded.documents);
  }
  // The Namespace manifests among the files decide their workloads' levels, as in the cluster.
  const namespaces = namespaceIndexOf(documents);
  errors.push(...namespaces.problems);
  const context: PolicyContext = { ...options.policy, namespaces: namespaces.index };

  const findings: Finding[] = [];
  const ignored: IgnoredFinding[] = [];
  const policyProblems: PolicyProblemReport[] = [];
  const podSpecs: PodSpecVerdict[] = [];
  for (const document of documents) {
    const extraction = extractPodSpecs(document);
    errors.push(...extraction.problems);
    for (const source of extraction.pods) {
      const evaluated = evaluatePodSpec(source, context);
      podSpecs.push(evaluated.verdict);
      findings.push(...evaluated.findings);
      ignored.push(...evaluated.ignored);
      policyProblems.push(...evaluated.problems);
    }
  }
  return { findings, ignored, policyProblems, errors: sortProblems(errors), podSpecs };
}
