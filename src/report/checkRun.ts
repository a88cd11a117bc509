/**
 * The check run's conclusion and output (pure). The conclusion is the gate
 * branch protection reads: `failure` blocks a merge; `success` and
 * `neutral` do not.
 */
import { fixNoteLine } from './fixNoteLine.js';
import { findingCounts, problemCounts } from './counts.js';
import { defaultUnchecked, problemSeverity, problemsVerdict, uncheckedText } from '../findings/unchecked.js';
import type { UncheckedPolicy } from '../findings/unchecked.js';
import { problemClass } from '../manifests/types.js';
import type { ProblemClass } from '../manifests/types.js';
import type { LoadProblem } from '../manifests/types.js';
import { escapeText, inlineCode } from './markdown.js';
import { alikeRenderings, lineWorkload, rootsByTool, workloadsNamed } from './namesBy.js';
import { addTo } from '../multiMap.js';
import { fixCommandLine, renderedFixWords } from './renderedFix.js';
import { summaryMarkdown } from './summary.js';
import type { SummaryInput } from './summary.js';
import { checkTitles } from './explanations.js';
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
  const { blocking, warnings: warned } = findingCounts(findings);
  const parts: string[] = [];
  if (blocking > 0) parts.push(`${blocking} blocking ${blocking === 1 ? 'violation' : 'violations'}`);
  if (warned > 0) parts.push(`${warned} ${warned === 1 ? 'warning' : 'warnings'}`);
  parts.push(...problemCounts(errors));
  if (uncheckedText(errors) !== '' && checked === 0 && findings.length === 0) return `Nothing checked: ${parts.join(', ')}`;
  return parts.length === 0 ? 'No Pod Security violations' : parts.join(', ');
}

/** What already has an inline comment: no annotation repeats it on the diff. */
export interface Commented {
  readonly findings: ReadonlySet<ReviewFinding>;
  readonly problems: ReadonlySet<LoadProblem>;
}

const levelRank = { notice: 0, warning: 1, failure: 2 } as const;

/** Group by file and line, in first-seen order: one annotation per line. */
function byLine<T>(items: readonly T[], where: (item: T) => { file: string; line: number }): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const { file, line } = where(item);
    const key = `${file}\u0000${line}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

/** An annotation's title by the problem's class (a failing one is always a file not checked). */
const problemTitles: Readonly<Record<ProblemClass, string>> = {
  invalid: 'Pod Security: file not checked',
  unchecked: 'Pod Security: file not checked',
  warning: 'Pod Security: manifest warning',
  note: 'Pod Security: file left off',
};

/** A file that fails the check is a failure; one not checked, a notice unless `unchecked: failure` makes it fail. */
const problemLevel = (e: LoadProblem, unchecked: UncheckedPolicy): Annotation['annotation_level'] => {
  const severity = problemSeverity(e, unchecked);
  return severity === 'error' ? 'failure' : severity;
};

/**
 * Annotations complement the inline comments: a finding or a failing file
 * with a comment gets none (unless `commented` is left out, as when the
 * token cannot comment), and the findings of one line share one
 * annotation, at the level of the most severe.
 */
export function annotationsOf(findings: readonly ReviewFinding[], errors: readonly LoadProblem[], commented?: Commented, unchecked: UncheckedPolicy = defaultUnchecked): Annotation[] {
  const findingAnnotations = byLine(
    findings.filter((f) => !commented?.findings.has(f)),
    (f) => ({ file: f.file, line: f.line }),
  ).map((group): Annotation => {
    const first = group[0]!;
    const checks = [...new Set(group.map((f) => f.check))];
    const workloads = new Set(group.map((f) => `${f.kind} ${f.namespace === null ? '' : `${f.namespace}/`}${f.name}`));
    return {
      path: first.file,
      start_line: first.line,
      end_line: first.line,
      annotation_level: group.some((f) => f.blocking) ? 'failure' : 'warning',
      title: checks.length === 1 ? `Pod Security: ${checkTitles[checks[0]!].control}` : `Pod Security: ${checks.length} checks`,
      message: group.map((f) => `${workloads.size > 1 ? `${f.kind} ${f.name}: ` : ''}${f.reason} (${f.detail}) [${f.check}]`).join('\n'),
    };
  });
  const problemAnnotations = byLine(
    errors.filter((e) => !commented?.problems.has(e)),
    (e) => ({ file: e.file, line: e.line ?? 1 }),
  ).map((group): Annotation => {
    const level = group.map((e) => problemLevel(e, unchecked)).reduce((a, b) => (levelRank[b] > levelRank[a] ? b : a));
    return {
      path: group[0]!.file,
      start_line: group[0]!.line ?? 1,
      end_line: group[0]!.line ?? 1,
      annotation_level: level,
      title: group.every((e) => e.renderedInPart === true) ? 'Pod Security: dependencies not checked' : level === 'failure' ? 'Pod Security: file not checked' : problemTitles[problemClass(group[0]!)],
      message: [...new Set(group.map((e) => e.message))].join('\n'),
    };
  });
  return [...findingAnnotations, ...problemAnnotations];
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
  /** Every finding in full: the check run's details. */
  readonly text: string;
  readonly annotations: readonly Annotation[];
}

const modeWords: Record<ReviewFinding['mode'], string> = { enforce: 'the enforced level', warn: 'the warn level', audit: 'the audit level', preview: 'an upgrade preview' };

/** What became of a finding's fix, in a few words. */
function fixWords(f: ReviewFinding, commented: boolean): string {
  if (f.fix) return f.fix.attachable && commented ? 'suggested inline' : `a verified fix exists: ${renderedFixWords(f) ?? inlineCode(fixCommandLine(f))}`;
  return fixNoteLine(f.fixNote ?? '', commented ? 'the review comment' : 'the JSON report') ?? 'no suggestion';
}

/** One finding in full, but for what rendered it. */
interface Entry {
  readonly head: string;
  readonly status: string;
  readonly fix: string;
  readonly optOutNote: string | null;
}

function entryOf(f: ReviewFinding, commented: boolean): Entry {
  return {
    head: `- ${f.blocking ? '❌' : '⚠️'} \`${f.check}\`: ${escapeText(`${f.reason} (${f.detail})`)}`,
    status: `  \`${f.level}:${f.version}\`, ${modeWords[f.mode]}, from ${escapeText(f.levelSource.detail)}; ${f.status}${f.preexisting ? ', already failing before this change' : ''}${commented ? ', commented' : ''}`,
    fix: fixWords(f, commented),
    optOutNote: f.optOutNote,
  };
}

/**
 * Every finding in full, grouped by location and workload: the check, the
 * upstream message, the level with where it comes from, whether it is new,
 * and its fix. The summary above it stays short. The findings that several
 * renderings make alike on one source line (overlays that share a base,
 * whatever they name its workload) are one entry under one heading naming
 * them all, as the review comments on that line once.
 */
export function checkRunText(findings: readonly ReviewFinding[], inline?: ReadonlySet<ReviewFinding>): string {
  const groups = new Map<string, ReviewFinding[]>();
  for (const f of findings) addTo(groups, [f.file, f.line, ...lineWorkload(f)].join('\u0000'), f);
  const lines: string[] = [];
  for (const group of groups.values()) {
    lines.push(`#### ${inlineCode(`${group[0]!.file}:${group[0]!.line}`)} ${escapeText(workloadsNamed(group))}`, '');
    for (const { read, rendered } of alikeRenderings(group, (f) => entryOf(f, inline?.has(f) ?? false), (entry) => JSON.stringify(entry))) {
      const { head, status, fix, optOutNote } = read;
      const by = rendered.length === 0 ? '' : `, rendered by ${rootsByTool(rendered, inlineCode)}`;
      lines.push(head, `${status}${by}. Fix: ${fix}`);
      if (optOutNote !== null) lines.push(`  ${escapeText(optOutNote)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function checkRunOutput(input: SummaryInput, mode: Mode, unchecked: UncheckedPolicy = defaultUnchecked, commented?: Commented): CheckRunOutput {
  return {
    conclusion: conclusionOf(input.findings, input.errors, mode, unchecked),
    title: titleOf(input.findings, input.errors, input.podSpecs),
    summary: truncateUtf8(summaryMarkdown(input), maxOutputBytes),
    text: truncateUtf8(checkRunText(input.findings, input.inline), maxOutputBytes),
    annotations: annotationsOf(input.findings, input.errors, commented, unchecked),
  };
}
