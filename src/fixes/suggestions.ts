/**
 * From splices to GitHub suggestions.
 *
 * Splices are grouped so that applying every suggestion of a file never
 * conflicts: all edits of one finding share a suggestion (a finding points
 * to exactly one), so do all edits in one area (a container's
 * securityContext, its ports, the pod's securityContext), and suggestions
 * whose line ranges overlap or touch are merged. Suggestions of one
 * container a few lines apart are merged too: a reader sees them as one
 * change, and each suggestion costs a verification. Each group becomes the smallest whole-line replacement that
 * carries it; a pure insertion is written as an anchor line replaced by
 * itself plus the new lines, using the line before or the line after,
 * whichever lies inside one diff hunk.
 */
import type { DiffLines } from '../diff/lines.js';
import type { OwnedSplice } from './render.js';
import { applySplices, applySplicesWithin, byteOffset, changedLinesOf, extentOf, lineLength, lineOf, lineStart, lineTable, lineText } from './text.js';
import type { LineChange, LineTable, Splice } from './text.js';
import { longLine } from './types.js';
import type { Suggestion } from './types.js';
import { UnionFind } from './unionFind.js';

export interface Group {
  readonly splices: readonly OwnedSplice[];
  readonly owners: ReadonlySet<string>;
}

/** Whether a change touches a line too long to repeat in a suggestion (old or new). */
function touchesLongLine(table: LineTable, change: LineChange): boolean {
  for (let line = change.start; line <= change.end; line++) if (lineLength(table, line) > longLine) return true;
  return change.lines.some((line) => line.length > longLine);
}

/**
 * Splices that all lie within one long line and write no line break change
 * that line alone: its number and the characters [lo, hi) they span, found
 * without reading the line (a single-line JSON file is one long line).
 * Null when that is not so, and the lines must be compared.
 */
function withinLongLine(table: LineTable, splices: readonly Splice[]): { line: number; lo: number; hi: number } | null {
  if (splices.length === 0) return null;
  for (const splice of splices) if (splice.insert.includes('\n')) return null;
  const { lo, hi } = extentOf(splices);
  const line = lineOf(table, lo);
  if (lineLength(table, line) <= longLine || hi > lineStart(table, line) + lineLength(table, line)) return null;
  return { line, lo, hi };
}

/** Whether splices within [lo, hi) change the text. */
function changesText(table: LineTable, splices: readonly Splice[], lo: number, hi: number): boolean {
  return applySplicesWithin(table.text, lo, hi, splices) !== table.text.slice(lo, hi);
}

/** Where a group lies: the text it may occupy, and the lines it changes when they are not one long line. */
interface Placement {
  /** Offsets [lo, hi]; null when the group changes nothing. */
  readonly range: { lo: number; hi: number } | null;
  /** changedLinesOf the group, when it was needed to place it. */
  readonly change?: LineChange | null;
}

/**
 * The text a group may occupy, as offsets [lo, hi]: the whole lines it
 * changes (or both anchor candidates of an insertion), or, on a line too
 * long for a suggestion, just the characters its splices replace.
 */
function place(table: LineTable, splices: readonly OwnedSplice[]): Placement {
  const long = withinLongLine(table, splices);
  if (long) return { range: changesText(table, splices, long.lo, long.hi) ? { lo: long.lo, hi: long.hi } : null };
  const change = changedLinesOf(table, splices);
  if (!change) return { range: null, change };
  if (touchesLongLine(table, change)) return { range: extentOf(splices), change };
  const lines = change.end >= change.start ? { lo: change.start, hi: change.end } : { lo: Math.max(1, change.start - 1), hi: Math.min(table.starts.length, change.start) };
  // Lines that overlap or touch merge: the end is where the line after the last one starts.
  return { range: { lo: lineStart(table, lines.lo), hi: lineStart(table, lines.hi + 1) }, change };
}

/** The lines each group of groupSplices changes, found while grouping it (for the table it was grouped on). */
const changeOf = new WeakMap<Group, { readonly table: LineTable; readonly change: LineChange | null }>();

/**
 * An area of a pod spec as splices name it (`0|containers[1].ports`): the
 * pod spec's index, then where in it the edit lands.
 */
export function areaKey(podIndex: number, area: string): string {
  return `${podIndex}|${area}`;
}

/** The area of every edit of a pod spec whose suggestions verify only together: they stay one, in every grouping. */
export const wholePod = 'all';

function isWholePod(area: string): boolean {
  return area.endsWith(`|${wholePod}`);
}

/**
 * How groupSplices joins splices besides their owners and overlapping lines:
 * by area and by nearness in a container (a reader sees them as one change),
 * or only where a pod spec's suggestions must stay one.
 */
type Joining = 'readable' | 'smallest';

/** Union splices that share an owner or an area (`smallest`: a whole-pod area only), each key's splices with the first that has it. */
function unionShared(sets: UnionFind, splices: readonly OwnedSplice[], joining: Joining): void {
  const firstWithOwner = new Map<string, number>();
  const firstWithArea = new Map<string, number>();
  for (let index = 0; index < splices.length; index++) {
    const splice = splices[index]!;
    for (const owner of splice.owners) joinFirst(sets, firstWithOwner, owner, index);
    for (const area of splice.areas) if (joining === 'readable' || isWholePod(area)) joinFirst(sets, firstWithArea, area, index);
  }
}

/** Union splice `index` with the first splice that has `key` (or make it that first one). */
function joinFirst(sets: UnionFind, firstWith: Map<string, number>, key: string, index: number): void {
  const first = firstWith.get(key);
  if (first === undefined) firstWith.set(key, index);
  else sets.union(first, index);
}

/** A set's placement, computed once per set of members (see groupSplices). */
type Placed = Map<number, { readonly size: number; readonly placement: Placement }>;

function placeOf(placed: Placed, table: LineTable, splices: readonly OwnedSplice[], root: number, indices: readonly number[]): Placement {
  const known = placed.get(root);
  if (known?.size === indices.length) return known.placement;
  const members: OwnedSplice[] = [];
  for (const i of indices) members.push(splices[i]!);
  const placement = place(table, members);
  placed.set(root, { size: indices.length, placement });
  return placement;
}

function bySpanStart(a: { readonly range: { readonly lo: number } }, b: { readonly range: { readonly lo: number } }): number {
  return a.range.lo - b.range.lo;
}

/** The indices of the splices in each set, sets in the order of their first splice. */
function membersOf(sets: UnionFind, count: number): Map<number, number[]> {
  const members = new Map<number, number[]>();
  for (let index = 0; index < count; index++) {
    const root = sets.find(index);
    const list = members.get(root);
    if (list) list.push(index);
    else members.set(root, [index]);
  }
  return members;
}

/** Unchanged lines a suggestion may repeat to carry two changes of one container as one. */
export const containerGap = 3;

/** The container a splice edits (`0|containers[1]` of an area `0|containers[1].ports`), or null for the pod's own fields. */
function containerOf(splice: OwnedSplice): string | null {
  for (const area of splice.areas) {
    const dot = area.indexOf('.');
    if (dot >= 0) return area.slice(0, dot);
  }
  return null;
}

/** Two placed groups of one container with at most containerGap unchanged lines between them. */
function nearInContainer(table: LineTable, splices: readonly OwnedSplice[], previous: { root: number; range: { hi: number } }, current: { root: number; range: { lo: number } }): boolean {
  const container = containerOf(splices[previous.root]!);
  if (container === null || containerOf(splices[current.root]!) !== container) return false;
  return lineOf(table, current.range.lo) - lineOf(table, previous.range.hi) <= containerGap;
}

/**
 * The splices in groups, each the splices of one suggestion. With the pull
 * request's diff, a group whose suggestion could not be attached (it
 * reaches lines outside the diff) is split into the smallest groups when
 * one of those could be: a blocking fix written on a line the pull request
 * changed keeps its own suggestion, even when a fix of the same container
 * (a warning the change did not cause) reaches lines it did not touch.
 */
export function groupSplices(table: LineTable, splices: readonly OwnedSplice[], diff: DiffLines | null = null): Group[] {
  const groups = joinedGroups(table, splices, 'readable');
  if (diff === null) return groups;
  const split: Group[] = [];
  for (const group of groups) {
    const parts = attachableParts(table, group, diff);
    if (parts === null) split.push(group);
    else for (const part of parts) split.push(part);
  }
  return split;
}

/** The smallest groups of an unattachable group, when it has several and one of them is attachable; else null. */
function attachableParts(table: LineTable, group: Group, diff: DiffLines): Group[] | null {
  if (group.owners.size < 2 || toSuggestion(table, group, diff)?.attachable !== false) return null;
  const parts = joinedGroups(table, group.splices, 'smallest');
  if (parts.length < 2) return null;
  for (const part of parts) if (toSuggestion(table, part, diff)?.attachable === true) return parts;
  return null;
}

function joinedGroups(table: LineTable, splices: readonly OwnedSplice[], joining: Joining): Group[] {
  const sets = new UnionFind(splices.length);
  unionShared(sets, splices, joining);
  // Merge groups whose lines overlap or touch (or lie near in one container), until none do. A group that
  // did not change keeps its place: it is computed once per set of members.
  // Sets only grow, and a set that joins another stops being a root, so a
  // root with as many members as when it was placed has the same members.
  const placed: Placed = new Map();
  let members: Map<number, number[]>;
  for (;;) {
    members = membersOf(sets, splices.length);
    const spans: { root: number; range: { lo: number; hi: number } }[] = [];
    for (const [root, indices] of members) {
      const range = placeOf(placed, table, splices, root, indices).range;
      if (range !== null) spans.push({ root, range });
    }
    spans.sort(bySpanStart);
    let merged = false;
    for (let i = 1; i < spans.length; i++) {
      const previous = spans[i - 1];
      const current = spans[i];
      if (previous && current && (current.range.lo <= previous.range.hi || (joining === 'readable' && nearInContainer(table, splices, previous, current)))) {
        sets.union(previous.root, current.root);
        merged = true;
      }
    }
    if (!merged) break;
  }
  const groups: Group[] = [];
  for (const [root, indices] of members) {
    const groupSplices: OwnedSplice[] = [];
    const owners = new Set<string>();
    for (const i of indices) {
      const splice = splices[i]!;
      groupSplices.push(splice);
      for (const owner of splice.owners) owners.add(owner);
    }
    const group: Group = { splices: groupSplices, owners };
    const change = placeOf(placed, table, splices, root, indices).change;
    if (change !== undefined) changeOf.set(group, { table, change });
    groups.push(group);
  }
  return groups;
}

/**
 * The suggestion for a group, or null when its splices change nothing.
 * `diff` null (no pull request, e.g. the `check` command) makes it not
 * attachable.
 */
export function toSuggestion(table: LineTable, group: Group, diff: DiffLines | null, bomBytes = 0): Suggestion | null {
  const long = withinLongLine(table, group.splices);
  if (long) return changesText(table, group.splices, long.lo, long.hi) ? rangeSuggestion(table, group.splices, { start: long.line, end: long.line }, bomBytes) : null;
  const known = changeOf.get(group);
  const change = known?.table === table ? known.change : changedLinesOf(table, group.splices);
  if (!change) return null;
  if (touchesLongLine(table, change)) return rangeSuggestion(table, group.splices, change, bomBytes);
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
  const replacement = joinLines(chosen.lines, '\n', true);
  const suggestion: Suggestion = { startLine: chosen.start, endLine: chosen.end, replacement, attachable: attachable(chosen) };
  spliceOf.set(suggestion, linesSplice(table, chosen.start, chosen.end, chosen.lines, replacement));
  return suggestion;
}

/** Lines each followed by `eol`, the last one only when `finalBreak`: one string, not one per line first. */
function joinLines(lines: readonly string[], eol: string, finalBreak: boolean): string {
  if (lines.length === 0) return '';
  const joined = lines.join(eol);
  return finalBreak ? joined + eol : joined;
}

/**
 * The splice each suggestion was made from: verifying it (alone, then with
 * the others) needs neither its replacement split into lines again nor a
 * range suggestion's bytes turned back into characters.
 */
const spliceOf = new WeakMap<Suggestion, Splice>();

/** A fix on a long line: the characters its splices span, replaced; the line is not repeated. */
function rangeSuggestion(table: LineTable, splices: readonly Splice[], change: Pick<LineChange, 'start' | 'end'>, bomBytes: number): Suggestion {
  const { lo: start, hi: end } = extentOf(splices);
  const insert = applySplicesWithin(table.text, start, end, splices);
  const byteStart = bomBytes + byteOffset(table, start);
  const suggestion: Suggestion = {
    startLine: change.start,
    endLine: Math.max(change.start, change.end),
    replacement: null,
    attachable: false,
    edit: { start: byteStart, end: bomBytes + byteOffset(table, end), insert },
  };
  spliceOf.set(suggestion, { start, end, insert });
  return suggestion;
}

/**
 * Apply suggestions to a text: each replaces whole lines. The file's line
 * ending (CRLF or LF) is kept for the new lines, a missing final newline
 * stays missing, and a leading BOM is kept. Suggestions must not overlap.
 */
export function applySuggestions(text: string, suggestions: readonly Suggestion[]): string {
  if (suggestions.length === 0) return text;
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + applySuggestionsTo(lineTable(bom === '' ? text : text.slice(1)), suggestions, bom === '' ? 0 : 3);
}

/**
 * applySuggestions on a text without a BOM whose line table is at hand: the
 * fix engine verifies every suggestion on the same text, and need not find
 * its lines again each time.
 */
export function applySuggestionsTo(table: LineTable, suggestions: readonly Suggestion[], bomBytes = 0): string {
  // Suggestions replace whole lines, which must not overlap; edits within a long line must not overlap either (applySplices).
  const ordered = suggestions.filter((s) => s.edit === undefined).sort((a, b) => a.startLine - b.startLine);
  let next = 1;
  for (const suggestion of ordered) {
    if (suggestion.startLine < next) throw new Error(`suggestion for lines ${suggestion.startLine}-${suggestion.endLine} overlaps another or is outside the file`);
    next = suggestion.endLine + 1;
  }
  return applySplices(table.text, suggestions.map((suggestion) => suggestionSplice(table, suggestion, bomBytes)));
}

/** A suggestion as a splice on the text it was made for: its lines, replaced with the file's line ending (or its edit). */
export function suggestionSplice(table: LineTable, suggestion: Suggestion, bomBytes = 0): Splice {
  const made = spliceOf.get(suggestion);
  if (made) return made;
  if (suggestion.edit) return editSplice(table.text, suggestion.edit, bomBytes);
  const replacement = suggestion.replacement === '' || suggestion.replacement === null ? [] : suggestion.replacement.replace(/\n$/, '').split('\n');
  return linesSplice(table, suggestion.startLine, suggestion.endLine, replacement);
}

/**
 * Lines [startLine, endLine] replaced by `lines`, with the file's line ending
 * (and no final one where the file has none). `replacement`, the lines each
 * with `\n`, is that very text in most files, and is then used as it is.
 */
function linesSplice(table: LineTable, startLine: number, endLine: number, lines: readonly string[], replacement?: string): Splice {
  // An empty text has no line a suggestion could replace.
  const lineCount = table.text === '' ? 0 : table.starts.length;
  if (endLine < startLine || startLine < 1 || endLine > lineCount) throw new Error(`suggestion for lines ${startLine}-${endLine} overlaps another or is outside the file`);
  const keepsFinalBreak = endLine < lineCount || table.finalNewline;
  const insert = replacement !== undefined && keepsFinalBreak && table.eol === '\n' ? replacement : joinLines(lines, table.eol, keepsFinalBreak);
  return { start: lineStart(table, startLine), end: lineStart(table, endLine + 1), insert };
}

/** A byte-range edit as a splice: its UTF-8 offsets (counted with the BOM) turned into offsets in the text. */
function editSplice(text: string, edit: NonNullable<Suggestion['edit']>, bomBytes: number): Splice {
  const charAt = (byte: number): number => {
    let bytes = bomBytes;
    let i = 0;
    while (i < text.length && bytes < byte) {
      const code = text.codePointAt(i) ?? 0;
      bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      i += code >= 0x10000 ? 2 : 1;
    }
    if (bytes !== byte) throw new Error(`the edit's byte offset ${byte} is not at a character of the file`);
    return i;
  };
  return { start: charAt(edit.start), end: charAt(edit.end), insert: edit.insert };
}
