/**
 * From splices to GitHub suggestions.
 *
 * Splices are grouped so that applying every suggestion of a file never
 * conflicts: all edits of one finding share a suggestion (a finding points
 * to exactly one), so do all edits in one area (a container, the pod's
 * securityContext), and suggestions whose line ranges overlap or touch are
 * merged. Each group becomes the smallest whole-line replacement that
 * carries it; a pure insertion is written as an anchor line replaced by
 * itself plus the new lines, using the line before or the line after,
 * whichever lies inside one diff hunk.
 */
import type { DiffLines } from '../diff/lines.js';
import type { OwnedSplice } from './render.js';
import { applySplices, changedLinesOf, lineStart, lineTable, lineText } from './text.js';
import type { LineTable, Splice } from './text.js';
import type { Suggestion } from './types.js';

export interface Group {
  readonly splices: readonly OwnedSplice[];
  readonly owners: ReadonlySet<string>;
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    this.parent[i] = root;
    return root;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** The lines a group may occupy: its changed lines, or both anchor candidates of an insertion. */
function span(table: LineTable, splices: readonly OwnedSplice[]): { lo: number; hi: number } | null {
  const change = changedLinesOf(table, splices);
  if (!change) return null;
  if (change.end >= change.start) return { lo: change.start, hi: change.end };
  return { lo: Math.max(1, change.start - 1), hi: Math.min(table.starts.length, change.start) };
}

export function groupSplices(table: LineTable, splices: readonly OwnedSplice[]): Group[] {
  const sets = new UnionFind(splices.length);
  const firstWith = new Map<string, number>();
  splices.forEach((splice, index) => {
    for (const key of [...[...splice.owners].map((o) => `owner:${o}`), ...[...splice.areas].map((a) => `area:${a}`)]) {
      const first = firstWith.get(key);
      if (first === undefined) firstWith.set(key, index);
      else sets.union(first, index);
    }
  });
  // Merge groups whose lines overlap or touch, until none do. A group that
  // did not change keeps its span: it is computed once per set of members.
  const spanOf = new Map<string, { lo: number; hi: number } | null>();
  const memberSpan = (indices: readonly number[]) => {
    const key = indices.join(',');
    if (!spanOf.has(key)) spanOf.set(key, span(table, indices.map((i) => splices[i] as OwnedSplice)));
    return spanOf.get(key) ?? null;
  };
  for (;;) {
    const members = new Map<number, number[]>();
    splices.forEach((_, index) => {
      const root = sets.find(index);
      members.set(root, [...(members.get(root) ?? []), index]);
    });
    const spans = [...members.entries()]
      .map(([root, indices]) => ({ root, range: memberSpan(indices) }))
      .filter((entry): entry is { root: number; range: { lo: number; hi: number } } => entry.range !== null)
      .sort((a, b) => a.range.lo - b.range.lo);
    let merged = false;
    for (let i = 1; i < spans.length; i++) {
      const previous = spans[i - 1];
      const current = spans[i];
      if (previous && current && current.range.lo <= previous.range.hi + 1) {
        sets.union(previous.root, current.root);
        merged = true;
      }
    }
    if (!merged) break;
  }
  const groups = new Map<number, OwnedSplice[]>();
  splices.forEach((splice, index) => {
    const root = sets.find(index);
    groups.set(root, [...(groups.get(root) ?? []), splice]);
  });
  return [...groups.values()].map((members) => ({
    splices: members,
    owners: new Set(members.flatMap((s) => [...s.owners])),
  }));
}

/**
 * The suggestion for a group, or null when its splices change nothing.
 * `diff` null (no pull request, e.g. the `check` command) makes it not
 * attachable.
 */
export function toSuggestion(table: LineTable, group: Group, diff: DiffLines | null): Suggestion | null {
  const change = changedLinesOf(table, group.splices);
  if (!change) return null;
  const lineCount = table.starts.length;
  const candidates: { start: number; end: number; lines: readonly string[] }[] = [];
  if (change.end >= change.start) {
    candidates.push({ start: change.start, end: change.end, lines: change.lines });
  } else {
    // A pure insertion before line `start`: anchor on the line before, or on the line after.
    const before = change.start - 1;
    if (before >= 1) candidates.push({ start: before, end: before, lines: [lineText(table, before), ...change.lines] });
    if (change.start <= lineCount) candidates.push({ start: change.start, end: change.start, lines: [...change.lines, lineText(table, change.start)] });
  }
  const attachable = (c: { start: number; end: number }) =>
    diff !== null &&
    diff.spansOneHunk(c.start, c.end) &&
    // GitHub's handling of a suggestion on a last line without a newline is unknown: do not risk it.
    !(c.end >= lineCount && !table.finalNewline);
  const chosen = candidates.find(attachable) ?? candidates[0];
  if (!chosen) return null;
  return {
    startLine: chosen.start,
    endLine: chosen.end,
    replacement: chosen.lines.map((line) => `${line}\n`).join(''),
    attachable: attachable(chosen),
  };
}

/**
 * Apply suggestions to a text: each replaces whole lines. The file's line
 * ending (CRLF or LF) is kept for the new lines, a missing final newline
 * stays missing, and a leading BOM is kept. Suggestions must not overlap.
 */
export function applySuggestions(text: string, suggestions: readonly Suggestion[]): string {
  if (suggestions.length === 0) return text;
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + applySuggestionsTo(lineTable(bom === '' ? text : text.slice(1)), suggestions);
}

/**
 * applySuggestions on a text without a BOM whose line table is at hand: the
 * fix engine verifies every suggestion on the same text, and need not find
 * its lines again each time.
 */
export function applySuggestionsTo(table: LineTable, suggestions: readonly Suggestion[]): string {
  const ordered = [...suggestions].sort((a, b) => a.startLine - b.startLine);
  let next = 1;
  for (const suggestion of ordered) {
    if (suggestion.startLine < next) throw new Error(`suggestion for lines ${suggestion.startLine}-${suggestion.endLine} overlaps another or is outside the file`);
    next = suggestion.endLine + 1;
  }
  return applySplices(table.text, ordered.map((suggestion) => suggestionSplice(table, suggestion)));
}

/** A suggestion as a splice on the text it was made for: its lines, replaced with the file's line ending. */
export function suggestionSplice(table: LineTable, suggestion: Suggestion): Splice {
  // An empty text has no line a suggestion could replace.
  const lineCount = table.text === '' ? 0 : table.starts.length;
  if (suggestion.endLine < suggestion.startLine || suggestion.startLine < 1 || suggestion.endLine > lineCount) {
    throw new Error(`suggestion for lines ${suggestion.startLine}-${suggestion.endLine} overlaps another or is outside the file`);
  }
  const replacement = suggestion.replacement === '' ? [] : suggestion.replacement.replace(/\n$/, '').split('\n');
  const keepsFinalBreak = suggestion.endLine < lineCount || table.finalNewline;
  const insert = replacement.map((line, i) => (i < replacement.length - 1 || keepsFinalBreak ? line + table.eol : line)).join('');
  return { start: lineStart(table, suggestion.startLine), end: lineStart(table, suggestion.endLine + 1), insert };
}
