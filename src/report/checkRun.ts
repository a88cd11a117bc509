/**
 * The check run's conclusion and output (pure). The conclusion is the gate
 * branch protection reads: `failure` blocks a merge; `success` and
 * `neutral` do not.
 */
import { failsRun, isUnchecked, isWarning } from '../manifests/types.js';
import type { LoadProblem } from '../manifests/types.js';
import { summaryMarkdown } from './summary.js';
import type { SummaryInput } from './summary.js';
import { truncateUtf8 } from './truncate.js';
import type { ReviewFinding } from './types.js';

/** GitHub's limit for summary and text, in UTF-8 bytes. */
export const maxOutputBytes = 65_535;
/** GitHub's limit of annotations per create or update request. */
export const annotationsPerRequest = 50;

export type Mode = 'enforce' | 'warn';
export type Conclusion = 'success' | 'failure' | 'neutral';

export interface Annotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly annotation_level: 'notice' | 'warning' | 'failure';
  readonly title: string;
  readonly message: string;
}

export function conclusionOf(findings: readonly ReviewFinding[], errors: readonly LoadProblem[], mode: Mode): Conclusion {
  // A file that could not be checked is not a pass: the cluster would reject it too.
  const failing = findings.some((f) => f.blocking) || errors.some(failsRun);
  // A chart or overlay that was not rendered is never a silent green.
  if (!failing) return errors.some((e) => e.kind === 'not-rendered') ? 'neutral' : 'success';
  return mode === 'warn' ? 'neutral' : 'failure';
}

export function titleOf(findings: readonly ReviewFinding[], errors: readonly LoadProblem[]): string {
  const blocking = findings.filter((f) => f.blocking).length;
  const parts: string[] = [];
  if (blocking > 0) parts.push(`${blocking} blocking ${blocking === 1 ? 'violation' : 'violations'}`);
  if (findings.length > blocking) parts.push(`${findings.length - blocking} ${findings.length - blocking === 1 ? 'warning' : 'warnings'}`);
  const notChecked = errors.filter((e) => !isWarning(e)).length;
  if (notChecked > 0) parts.push(`${notChecked} ${notChecked === 1 ? 'file' : 'files'} not checked`);
  const warnings = errors.length - notChecked;
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'manifest warning' : 'manifest warnings'}`);
  return parts.length === 0 ? 'No Pod Security violations' : parts.join(', ');
}

export function annotationsOf(findings: readonly ReviewFinding[], errors: readonly LoadProblem[]): Annotation[] {
  return [
    ...findings.map((f) => ({
      path: f.file,
      start_line: f.line,
      end_line: f.line,
      annotation_level: f.blocking ? ('failure' as const) : ('warning' as const),
      title: `Pod Security: ${f.check}`,
      message: `${f.reason} (${f.detail})`,
    })),
    ...errors.map((e) => ({
      path: e.file,
      start_line: e.line ?? 1,
      end_line: e.line ?? 1,
      annotation_level: isUnchecked(e) ? ('notice' as const) : ('warning' as const),
      title: isWarning(e) ? 'Pod Security: manifest warning' : 'Pod Security: file not checked',
      message: e.message,
    })),
  ];
}

export function inBatches<T>(items: readonly T[], size = annotationsPerRequest): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

export interface CheckRunOutput {
  readonly conclusion: Conclusion;
  readonly title: string;
  readonly summary: string;
  readonly annotations: readonly Annotation[];
}

export function checkRunOutput(input: SummaryInput, mode: Mode): CheckRunOutput {
  return {
    conclusion: conclusionOf(input.findings, input.errors, mode),
    title: titleOf(input.findings, input.errors),
    summary: truncateUtf8(summaryMarkdown(input), maxOutputBytes),
    annotations: annotationsOf(input.findings, input.errors),
  };
}
