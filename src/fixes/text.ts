/**
 * Text mechanics of a fix: lines, character splices, and the smallest line
 * range a set of splices changes.
 *
 * Fixes never re-serialise a file. They are character splices on the head
 * text at offsets taken from the YAML parser, so every byte outside the
 * splices stays as it was (comments, blank lines, CRLF, odd indentation).
 */
import { lastAtMostIn } from '../sortedSearch.js';

/** Replace `text.slice(start, end)` with `insert`. Offsets are in the text the parser saw. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
  /**
   * For new lines: their indentation. New lines inserted at the same offset
   * belong to nested collections that all end there (a `drop` list closing
   * its `capabilities`, closing its `securityContext`): the most indented
   * go first, so each lands inside its own collection.
   */
  readonly column?: number;
}

/** Where the line that holds `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The start offset of every line, and the line ending the file uses. */
export interface LineTable {
  readonly text: string;
  /** starts[i] is the offset of line i + 1. */
  readonly starts: readonly number[];
  /** '\r\n' when the first line break of the file is CRLF, else '\n'. */
  readonly eol: string;
  /** Whether the last line ends with a line break. */
  readonly finalNewline: boolean;
}

export function lineTable(text: string): LineTable {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // A file ending with a newline has no line after it.
  const finalNewline = text.endsWith('\n');
  if (finalNewline && starts.length > 1) starts.pop();
  const firstBreak = text.indexOf('\n');
  return { text, starts, eol: firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n', finalNewline };
}

/** 1-based line of an offset. */
export function lineOf(table: LineTable, offset: number): number {
  return Math.max(0, lastAtMostIn(table.starts, offset)) + 1;
}

/** Offset where a 1-based line starts; the text length for the line after the last. */
export function lineStart(table: LineTable, line: number): number {
  return table.starts[line - 1] ?? table.text.length;
}

/** Length of a 1-based line without its line break, from the table alone. */
export function lineLength(table: LineTable, line: number): number {
  const start = lineStart(table, line);
  let end = lineStart(table, line + 1);
  if (end > start && table.text.charCodeAt(end - 1) === 10) end--;
  if (end > start && table.text.charCodeAt(end - 1) === 13) end--;
  return end - start;
}

/** UTF-8 bytes of the UTF-16 code units text[from, to): a surrogate pair is 4. */
function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/** Bytes before every `byteMarkEvery`-th character, per text: byteOffset costs a few thousand characters, not the text before. */
const byteMarks = new WeakMap<LineTable, number[]>();
const byteMarkEvery = 4096;

/** The UTF-8 byte offset of a character offset of the table's text. */
export function byteOffset(table: LineTable, offset: number): number {
  let marks = byteMarks.get(table);
  if (!marks) {
    marks = [0];
    for (let at = 0; at + byteMarkEvery <= table.text.length; at += byteMarkEvery) marks.push((marks[marks.length - 1] ?? 0) + utf8Length(table.text, at, at + byteMarkEvery));
    byteMarks.set(table, marks);
  }
  const mark = Math.min(Math.floor(offset / byteMarkEvery), marks.length - 1);
  return (marks[mark] ?? 0) + utf8Length(table.text, mark * byteMarkEvery, offset);
}

/** 0-based column of an offset. */
export function columnOf(table: LineTable, offset: number): number {
  return offset - lineStart(table, lineOf(table, offset));
}

/** Offset just after the line break of the line holding `offset` (or the text end). */
export function afterLineOf(table: LineTable, offset: number): number {
  return lineStart(table, lineOf(table, offset) + 1);
}

/** Offset of the line break ending the line of `offset` (before a CR of a CRLF), or the text end. */
export function lineBreakOf(table: LineTable, offset: number): number {
  const next = lineStart(table, lineOf(table, offset) + 1);
  let end = next;
  if (end > 0 && table.text[end - 1] === '\n' && end > offset) end--;
  if (end > 0 && table.text[end - 1] === '\r' && end > offset) end--;
  return end;
}

/** How many spaces a line starts with (every new line is written so: a loop, not a regular expression). */
export function leadingSpaces(line: string): number {
  let count = 0;
  while (line.charCodeAt(count) === 32) count++;
  return count;
}

/** Offset of the last non-whitespace character before `end` (or `floor` when there is none). */
export function lastContentBefore(text: string, end: number, floor = 0): number {
  let i = end - 1;
  while (i > floor && isBlankAt(text, i)) i--;
  return i;
}

/** Whether the character at an offset is white space as /\s/ sees it, without a one-character string for ASCII. */
export function isBlankAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(text[offset] ?? '');
}

/** The text of a 1-based line without its line break ('' past the last line). */
export function lineText(table: LineTable, line: number): string {
  const start = lineStart(table, line);
  let end = lineStart(table, line + 1);
  if (end > start && table.text[end - 1] === '\n') end--;
  if (end > start && table.text[end - 1] === '\r') end--;
  return table.text.slice(start, end);
}

export class SpliceConflict extends Error {}

/**
 * Apply splices to a text. Splices must not overlap; insertions at the same
 * offset keep their given order.
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  return applySplicesWithin(text, 0, text.length, splices);
}

/**
 * The new text of `text.slice(from, to)` once splices that all lie within it
 * are applied: the splices keep their offsets in the whole text, so no
 * rebased copy of each is made.
 */
export function applySplicesWithin(text: string, from: number, to: number, splices: readonly Splice[]): string {
  let out = '';
  let at = from;
  for (const splice of inOrder(splices)) {
    out += text.slice(at, splice.start) + splice.insert;
    at = splice.end;
  }
  return out + text.slice(at, to);
}

/** The first and last offsets splices touch, without an array of their offsets. */
export function extentOf(splices: readonly Splice[]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const splice of splices) {
    if (splice.start < lo) lo = splice.start;
    if (splice.end > hi) hi = splice.end;
  }
  return { lo, hi };
}

/** Which of two splices applies first: by offset, nested new lines (deeper column) first; 0 leaves them as given. */
function compareSplices(a: Splice, b: Splice): number {
  return a.start - b.start || a.end - b.end || (b.column ?? -1) - (a.column ?? -1);
}

/** Why splices that overlap are refused (SpliceConflict's message). */
export const overlappingSplices = 'two edits of the fix would overlap in the text';

/** The splices in the order they apply; throws SpliceConflict when two overlap. */
export function inOrder(splices: readonly Splice[]): Splice[] {
  // Renderers mostly give splices in order already: then nothing needs sorting.
  let sorted = true;
  for (let i = 1; i < splices.length && sorted; i++) sorted = compareSplices(splices[i - 1] as Splice, splices[i] as Splice) <= 0;
  // The sort is stable: splices that compare equal keep their given order, with no copy of each that remembers it.
  const ordered = sorted ? [...splices] : [...splices].sort(compareSplices);
  let at = 0;
  for (const splice of ordered) {
    if (splice.start < at) throw new SpliceConflict(overlappingSplices);
    at = splice.end;
  }
  return ordered;
}

/** Lines as a replacement's text: each ends with a line break, and none is '' (the lines replaced are deleted). */
export function linesText(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * The smallest line range of `before` that changes in `after`, by trimming
 * the lines both share at the start and at the end. `start..end` is
 * 1-based and inclusive; `end = start - 1` means a pure insertion before
 * line `start`. `lines` are the new lines (without line breaks).
 */
export interface LineChange {
  readonly start: number;
  readonly end: number;
  readonly lines: readonly string[];
}

export function changedLines(before: string, after: string, shared: SharedEnds = { prefix: 0, suffix: 0 }): LineChange | null {
  return lineChange(before, after, shared, (windowStart) => {
    let breaks = 0;
    for (let at = before.indexOf('\n'); at !== -1 && at < windowStart; at = before.indexOf('\n', at + 1)) breaks++;
    return breaks;
  });
}

/**
 * changedLines of the text and the text with these splices, read from the
 * text and the new text of the lines the splices touch: a fix costs the size
 * of what it changes, not of the file, even where the change could be placed
 * further down (the new text repeats the lines after it).
 */
export function changedLinesOf(table: LineTable, splices: readonly Splice[]): LineChange | null {
  if (splices.length === 0) return null;
  const text = table.text;
  const { lo, hi } = extentOf(splices);
  const from = lineStart(table, lineOf(table, lo));
  const to = lineStart(table, lineOf(table, hi) + 1);
  const after = new SplicedText(text, from, to, applySplicesWithin(text, from, to, splices));
  return lineChange(text, after, { prefix: lo, suffix: text.length - hi }, (windowStart) => breaksBefore(table, windowStart));
}

/** What lineChange reads of a new text: a string has all of it. */
interface TextLike {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end: number): string;
}

/**
 * A text with its [from, to) replaced by `middle`, read without being built:
 * the file is long and the middle short. A class, not an object of closures:
 * every group of suggestions of a file makes one.
 */
class SplicedText implements TextLike {
  readonly length: number;
  private readonly shift: number;
  private readonly middleEnd: number;

  constructor(
    private readonly text: string,
    private readonly from: number,
    to: number,
    private readonly middle: string,
  ) {
    this.shift = middle.length - (to - from);
    this.middleEnd = from + middle.length;
    this.length = text.length + this.shift;
  }

  charCodeAt(i: number): number {
    if (i < this.from) return this.text.charCodeAt(i);
    return i < this.middleEnd ? this.middle.charCodeAt(i - this.from) : this.text.charCodeAt(i - this.shift);
  }

  slice(start: number, end: number): string {
    const { text, from, middle, middleEnd, shift } = this;
    let out = '';
    if (start < from) out += text.slice(start, Math.min(end, from));
    if (end > from && start < middleEnd) out += middle.slice(Math.max(start, from) - from, Math.min(end, middleEnd) - from);
    if (end > middleEnd) out += text.slice(Math.max(start, middleEnd) - shift, end - shift);
    return out;
  }
}

/** How many line breaks precede an offset that starts a line (the line after a final newline included). */
function breaksBefore(table: LineTable, offset: number): number {
  if (offset >= table.text.length && table.finalNewline) return table.starts.length;
  return lineOf(table, offset) - 1;
}

/**
 * changedLines proper. `shared` must be true of the texts; `breaksBefore`
 * counts the line breaks of `before` ahead of the window's start.
 */
function lineChange(before: string, after: TextLike, shared: SharedEnds, breaksBefore: (windowStart: number) => number): LineChange | null {
  // Only the window between the characters both texts share at the start and
  // at the end is split into lines: a file is long and a fix is a few lines.
  const shortest = Math.min(before.length, after.length);
  let prefixChars = Math.min(shared.prefix, shortest);
  while (prefixChars < shortest && before.charCodeAt(prefixChars) === after.charCodeAt(prefixChars)) prefixChars++;
  if (prefixChars === before.length && before.length === after.length) return null;
  let suffixChars = Math.min(shared.suffix, shortest - prefixChars);
  while (suffixChars < shortest - prefixChars && before.charCodeAt(before.length - 1 - suffixChars) === after.charCodeAt(after.length - 1 - suffixChars)) suffixChars++;
  // The window starts at the line holding the first difference: every line before it is shared.
  const windowStart = prefixChars === 0 ? 0 : before.lastIndexOf('\n', prefixChars - 1) + 1;
  // It ends where the shared end has a whole line, line break before it included.
  const breakInSuffix = before.indexOf('\n', before.length - suffixChars);
  const windowEnd = breakInSuffix === -1 ? before.length : breakInSuffix + 1;
  // Within the window the first lines differ. Lines the windows share at
  // their ends are compared where they lie, with their line breaks (so a
  // changed final newline counts), not split out of both windows first.
  const afterWindow = after.slice(windowStart, windowEnd + after.length - before.length);
  let beforeEnd = windowEnd;
  let afterEnd = afterWindow.length;
  while (beforeEnd > windowStart && afterEnd > 0) {
    const lineLength = beforeEnd - lineStartBefore(before, windowStart, beforeEnd);
    if (lineLength !== afterEnd - lineStartBefore(afterWindow, 0, afterEnd) || !sameText(before, beforeEnd - lineLength, afterWindow, afterEnd - lineLength, lineLength)) break;
    beforeEnd -= lineLength;
    afterEnd -= lineLength;
  }
  const linesBefore = breaksBefore(windowStart);
  return { start: linesBefore + 1, end: linesBefore + linesIn(before, windowStart, beforeEnd), lines: linesOf(afterWindow, afterEnd) };
}

/** Where the line that ends at `end` starts, not before `floor` (a line ends after its line break, or at the window's end). */
function lineStartBefore(text: string, floor: number, end: number): number {
  let at = end - 1;
  while (at > floor && text.charCodeAt(at - 1) !== 10) at--;
  return at;
}

/** Whether `length` characters of two texts, from `aFrom` and `bFrom`, are the same. */
function sameText(a: string, aFrom: number, b: string, bFrom: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a.charCodeAt(aFrom + i) !== b.charCodeAt(bFrom + i)) return false;
  return true;
}

/** How many lines text[from, to) holds: one per line break, and one for a last line without one. */
function linesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return to > from && text.charCodeAt(to - 1) !== 10 ? count + 1 : count;
}

/** Characters two texts are known to share at the start and at the end (at least), so that changedLines need not compare them. */
export interface SharedEnds {
  readonly prefix: number;
  readonly suffix: number;
}

/**
 * The lines of text[0, end) without their line breaks (`\n` or `\r\n`; a
 * `\r` not before a `\n` stays), and no empty line after a final one.
 * Found with indexOf, not a regular expression: every group of suggestions
 * of a file takes its new lines so.
 */
function linesOf(text: string, end: number): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', start)) {
    lines.push(text.slice(start, at > start && text.charCodeAt(at - 1) === 13 ? at - 1 : at));
    start = at + 1;
  }
  if (start < end) lines.push(text.slice(start, end));
  return lines;
}
