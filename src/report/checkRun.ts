/**
 * The check run's conclusion and output (pure). The conclusion is the gate
 * branch protection reads: `failure` blocks a merge; `success` and
 * `neutral` do not.
 */
import { defaultUnchecked, problemsVerdict, uncheckedText } from '../findings/unchecked.js';
import type { UncheckedPolicy } from '../findings/unchecked.js';
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

export function conclusionOf(findings: readonly ReviewFinding[], errors: readonly LoadProblem[], mode: Mode, unchecked: UncheckedPolicy = defaultUnchecked): Conclusion {
  // Invalid input fails like a violation (the cluster would reject it too); a file not checked is never a pass by itself.
  const fromProblems = problemsVerdict(errors, unchecked);
  if (findings.some((f) => f.blocking) || fromProblems === 'failure') return mode === 'warn' ? 'neutral' : 'failure';
  return fromProblems;
}

/** Counts of what blocks and warns, then the files not checked; `checked` (pod specs evaluated) says when nothing was. */
export function titleOf(findings: readonly ReviewFinding[], errors: readonly LoadProblem[], checked?: number): string {
  const blocking = findings.filter((f) => f.blocking).length;
  const parts: string[] = [];
  if (blocking > 0) parts.push(`${blocking} blocking ${blocking === 1 ? 'violation' : 'violations'}`);
  if (findings.length > blocking) parts.push(`${findings.length - blocking} ${findings.length - blocking === 1 ? 'warning' : 'warnings'}`);
  const invalid = new Set(errors.filter(failsRun).map((e) => e.file)).size;
  if (invalid > 0) parts.push(`${invalid} invalid ${invalid === 1 ? 'file' : 'files'}`);
  const notChecked = uncheckedText(errors);
  if (notChecked !== '') parts.push(notChecked);
  const warnings = errors.filter(isWarning).length;
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'manifest warning' : 'manifest warnings'}`);
  if (notChecked !== '' && checked === 0 && findings.length === 0) return `Nothing checked: ${parts.join(', ')}`;
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

export function checkRunOutput(input: SummaryInput, mode: Mode, unchecked: UncheckedPolicy = defaultUnchecked): CheckRunOutput {
  return {
    conclusion: conclusionOf(input.findings, input.errors, mode, unchecked),
    title: titleOf(input.findings, input.errors, input.podSpecs),
    summary: truncateUtf8(summaryMarkdown(input), maxOutputBytes),
    annotations: annotationsOf(input.findings, input.errors),
  };
}
