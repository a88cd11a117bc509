/**
 * GitHub's size limits, and the one place that makes text fit them (pure).
 * Everything the Action sends or writes goes through here last: one field
 * over a limit makes GitHub refuse the whole request (a 422 for a check run
 * or a review) or drop the whole thing (a job summary over 1 MiB), and
 * with it every finding. Where text is cut, it says so and where the rest
 * is.
 *
 * Sources: /work/shared/docs/github-platform.md §1.4, §5.2 and the
 * workflow-commands limits; the emulator enforces the same numbers.
 */
import type { Annotation } from './checkRun.js';
import { truncateChars, truncateUtf8, utf8Length } from './truncate.js';

/** Review and comment bodies, in code points. */
export const commentChars = 65_536;
/** Check-run `output.summary` and `output.text`, in UTF-8 bytes. */
export const checkOutputBytes = 65_535;
/** Annotation `message` and `raw_details`: 64 KB. */
export const annotationTextBytes = 64 * 1024;
/** Annotation `title`, in characters. */
export const annotationTitleChars = 255;
/** Check-run `output.title`: undocumented; kept to the annotation title's limit, a line anyone can read. */
export const checkTitleChars = 255;
/** Annotations per create or update request. */
export const annotationsPerRequest = 50;
/**
 * Annotations sent per check run. Each 50 cost one request (and a second of
 * throttling): past this the rest are counted in the summary, whose table
 * lists every finding anyway.
 */
export const annotationCap = 1_000;
/**
 * The job summary: GitHub drops a step's summary over 1 MiB. The budget
 * leaves room for the short notes appended after the check-run calls.
 */
export const jobSummaryBytes = 1024 * 1024 - 16 * 1024;

/** A line too long is cut mid-line; otherwise the cut falls at a line end, so no table row or fence is left half-written. */
export function clampMarkdown(text: string, maxBytes: number, note: string): string {
  if (utf8Length(text) <= maxBytes) return text;
  const tail = `\n\n> [!WARNING]\n> ${note}\n`;
  const cut = truncateUtf8(text, maxBytes - utf8Length(tail), '');
  const lastLine = cut.lastIndexOf('\n');
  return `${lastLine > 0 ? cut.slice(0, lastLine) : cut}${tail}`;
}

export function clampAnnotation(annotation: Annotation): Annotation {
  return {
    ...annotation,
    title: truncateChars(annotation.title, annotationTitleChars, '…'),
    message: truncateUtf8(annotation.message, annotationTextBytes, '… (truncated)'),
  };
}

/** Blocking first, then warnings, then notices: what the cap keeps is what matters most. */
const levelRank = { failure: 0, warning: 1, notice: 2 } as const;

/** At most `annotationCap` annotations, each within its limits, and how many were left out. */
export function capAnnotations(annotations: readonly Annotation[], cap = annotationCap): { readonly sent: Annotation[]; readonly left: number } {
  const ordered = annotations.map((a, i) => ({ a, i })).sort((x, y) => levelRank[x.a.annotation_level] - levelRank[y.a.annotation_level] || x.i - y.i);
  const sent = ordered.slice(0, cap).map(({ a }) => clampAnnotation(a));
  return { sent, left: Math.max(annotations.length - cap, 0) };
}

/** What a check run carries, within GitHub's limits. */
export function clampCheckRunText(output: { readonly title: string; readonly summary: string; readonly text?: string }): { title: string; summary: string; text?: string } {
  return {
    title: truncateChars(output.title, checkTitleChars, '…'),
    summary: clampMarkdown(output.summary, checkOutputBytes, 'The summary was cut at GitHub’s 65,535-byte limit; the job summary and the JSON report have everything.'),
    ...(output.text !== undefined && output.text !== ''
      ? { text: clampMarkdown(output.text, checkOutputBytes, 'The details were cut at GitHub’s 65,535-byte limit; the job summary and the JSON report have everything.') }
      : {}),
  };
}

/**
 * A body made of a head and sections, within `maxChars`: as many sections
 * as fit, in order, then `rest(n)` saying where the other n are.
 */
export function fitSections(head: string, sections: readonly string[], rest: (left: number) => string, maxChars = commentChars): string {
  const length = (text: string) => [...text].length;
  const whole = [head, ...sections].join('\n\n');
  if (length(whole) <= maxChars) return whole;
  const parts = [head];
  let used = length(head);
  for (const [i, section] of sections.entries()) {
    const tail = rest(sections.length - i);
    if (used + 2 + length(section) + 2 + length(tail) > maxChars) {
      parts.push(tail);
      return truncateChars(parts.join('\n\n'), maxChars);
    }
    parts.push(section);
    used += 2 + length(section);
  }
  return truncateChars(parts.join('\n\n'), maxChars);
}
