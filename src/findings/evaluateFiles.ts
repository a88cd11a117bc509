/**
 * The `check` pipeline, pure: file contents in, findings and problems out.
 * files → documents → (Namespace manifests for the policy) → pod specs →
 * evaluation under the policy → findings with lines.
 */
import { defaultLoadOptions, loadManifestFile } from '../manifests/load.js';
import type { LoadOptions } from '../manifests/load.js';
import type { LoadProblem } from '../manifests/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import { fixFindings, textOf } from './fixes.js';
import { evaluatePodSpec, namespaceIndexOf } from './policyContext.js';
import type { PodSpecEvaluation, PolicyContext } from './policyContext.js';
import type { Finding, IgnoredFinding, PodSpecVerdict, PolicyProblemReport, Report } from './types.js';

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
}

export type CheckReport = Report;

/** Problems sorted by file, then line. */
export function sortProblems(problems: LoadProblem[]): LoadProblem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

export function evaluateFiles(files: readonly SourceFile[], options: CheckOptions): CheckReport {
  const errors: LoadProblem[] = [];
  const loadedFiles = files.map((file) => {
    const loaded = loadManifestFile(file.path, file.content, options.load ?? defaultLoadOptions);
    errors.push(...loaded.problems);
    return { file, documents: loaded.documents };
  });
  // The Namespace manifests among the files decide their workloads' levels, as in the cluster.
  const namespaces = namespaceIndexOf(loadedFiles.flatMap((f) => f.documents));
  errors.push(...namespaces.problems);
  const context: PolicyContext = { ...options.policy, namespaces: namespaces.index };

  const findings: Finding[] = [];
  const ignored: IgnoredFinding[] = [];
  const policyProblems: PolicyProblemReport[] = [];
  const podSpecs: PodSpecVerdict[] = [];
  for (const { file, documents } of loadedFiles) {
    const evaluations: PodSpecEvaluation[] = [];
    for (const document of documents) {
      const extraction = extractPodSpecs(document);
      errors.push(...extraction.problems);
      for (const source of extraction.pods) {
        const evaluated = evaluatePodSpec(source, context);
        evaluations.push(evaluated);
        podSpecs.push(evaluated.verdict);
        ignored.push(...evaluated.ignored);
        policyProblems.push(...evaluated.problems);
      }
    }
    const perPod = evaluations.map((e) => e.findings);
    const fixed = options.fixes ? fixFindings(file.path, textOf(file.content), evaluations, perPod, null).findings : perPod;
    findings.push(...fixed.flat());
  }
  return { findings, ignored, policyProblems, errors: sortProblems(errors), podSpecs };
}
