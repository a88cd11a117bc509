/**
 * Where a suggestion's comment sits (pure).
 *
 * GitHub shows a comment under the last line of its range (`line`), and a
 * suggestion replaces exactly that range (`start_line`..`line`), showing
 * every line of it as removed and every line of the block as added. The
 * fix engine splices where the YAML needs the new keys, which is not always
 * on the finding's field:
 * - a pod-level fix (a `securityContext` key every container inherits) is
 *   spliced above the container the finding is about: the range is widened
 *   down to the finding's line, so the comment sits on it;
 * - a fix spliced below the finding's field, on a line of another block
 *   (not one of the field's own lines, such as the last line of the
 *   container it adds keys to): the range is widened up to the field, so
 *   it starts there.
 * Widening repeats the unchanged lines in the suggestion, which therefore
 * applies exactly as the verified one. It never crosses hunks (GitHub
 * refuses it), never overlaps another suggestion of the same file (GitHub
 * applies one suggestion per line in a batch) and adds at most
 * `maxRepeatedLines` lines (a suggestion of mostly unchanged lines hides
 * its change).
 */
import type { DiffLines } from '../diff/lines.js';
import type { ReviewFinding, SuggestionLike } from './types.js';

export interface Anchor {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly suggestion: SuggestionLike | null;
}

/** At most this many unchanged lines are added to a suggestion to reach its finding's field. */
export const maxRepeatedLines = 6;

/** The findings' lines in the diff, in file order: the offending fields, or their nearest existing parents. */
function offendingLines(findings: readonly ReviewFinding[], lines: DiffLines): number[] {
  const all = findings.flatMap((f) => f.locations.filter((l) => l.inDiff && lines.has(l.line)).map((l) => l.line));
  return [...new Set(all)].sort((a, b) => a - b);
}

const indentOf = (text: string) => text.length - text.trimStart().length;

/**
 * True when `line` is one of the lines of the YAML block that opens at
 * `field` (the field's value, or the rest of the list item it starts):
 * every line between them is blank, a comment, or indented deeper than the
 * field (a key's block sequence may also sit at the key's own indentation).
 * Read from the diff's text, so unknown lines count as outside.
 */
function withinBlockOf(field: number, line: number, lines: DiffLines): boolean {
  const first = lines.textOf(field);
  if (first === undefined) return false;
  const indent = indentOf(first);
  const opensBlock = /:\s*(#.*)?$/.test(first);
  for (let l = field + 1; l <= line; l++) {
    const text = lines.textOf(l);
    if (text === undefined) return false;
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (indentOf(text) > indent || (opensBlock && indentOf(text) === indent && trimmed.startsWith('- '))) continue;
    return false;
  }
  return true;
}

/** The range widened to `start..end` with the unchanged lines repeated, or null when a line's text is unknown. */
function widened(anchor: Anchor, suggestion: SuggestionLike, start: number, end: number, lines: DiffLines): Anchor | null {
  if (suggestion.replacement === null) return null;
  const texts = (from: number, to: number): string[] | null => {
    const out: string[] = [];
    for (let line = from; line <= to; line++) {
      const text = lines.textOf(line);
      if (text === undefined) return null;
      out.push(`${text}\n`);
    }
    return out;
  };
  const before = texts(start, anchor.start - 1);
  const after = texts(anchor.end + 1, end);
  if (before === null || after === null) return null;
  const replacement = `${before.join('')}${suggestion.replacement}${after.join('')}`;
  return { ...anchor, start, end, suggestion: { ...suggestion, startLine: start, endLine: end, replacement } };
}

/**
 * The anchors of one review, each suggestion's range widened to its
 * findings' first offending field where that is allowed (see above);
 * anchors without a suggestion sit on their finding's line already.
 */
export function placeOnOffendingFields(
  groups: readonly { readonly anchor: Anchor; readonly findings: readonly ReviewFinding[] }[],
  diffLinesOf: (path: string) => DiffLines,
): Anchor[] {
  const placed = groups.map((g) => g.anchor);
  const overlapsAnother = (index: number, start: number, end: number) =>
    placed.some((other, i) => i !== index && other.suggestion !== null && other.path === placed[index]!.path && other.start <= end && start <= other.end);
  // In file order, so that of two neighbouring suggestions the first one reaches its field first.
  const order = placed.map((_, i) => i).sort((a, b) => (placed[a]!.path < placed[b]!.path ? -1 : placed[a]!.path > placed[b]!.path ? 1 : placed[a]!.start - placed[b]!.start));
  for (const index of order) {
    const anchor = placed[index]!;
    const suggestion = anchor.suggestion;
    if (suggestion === null) continue;
    const lines = diffLinesOf(anchor.path);
    const fields = offendingLines(groups[index]!.findings, lines);
    if (fields.length === 0 || fields.some((line) => line >= anchor.start && line <= anchor.end)) continue;
    const after = fields.find((line) => line > anchor.end);
    const before = fields.filter((line) => line < anchor.start).at(-1);
    const candidates = [
      ...(after === undefined ? [] : [[anchor.start, after] as const]),
      ...(before === undefined || withinBlockOf(before, anchor.start, lines) ? [] : [[before, anchor.end] as const]),
    ];
    for (const [start, end] of candidates) {
      if (end - start - (anchor.end - anchor.start) > maxRepeatedLines || !lines.spansOneHunk(start, end) || overlapsAnother(index, start, end)) continue;
      const wider = widened(anchor, suggestion, start, end, lines);
      if (wider === null) continue;
      placed[index] = wider;
      break;
    }
  }
  return placed;
}
