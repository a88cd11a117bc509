/**
 * The splices of a verification, reshaped so that each one lies within the
 * entries of one mapping (fragmentRegions.ts), writing the same text:
 * suggestions rewrite whole lines, most of which a fix leaves alone.
 */
import { contentIndent, firstContentColumn } from './fragmentLines.js';
import { applySplicesWithin, extentOf, SpliceConflict } from './text.js';
import type { Splice } from './text.js';
import { sameItems } from './sameItems.js';

/**
 * The splices narrowed, new lines moved after the line break they were
 * written before, and lines for mappings at several depths cut apart; null
 * when, together, they would not write what the given splices write.
 */
export function lineWise(text: string, splices: readonly Splice[]): Splice[] | null {
  // Loops, not callbacks: a callback made per call is compiled again after each major collection (see FileFixer).
  const split: Splice[] = [];
  for (const splice of splices) for (const part of byKeptLines(text, splice)) split.push(part);
  // Split apart, the new lines could land beside another splice's in another order: then the splices are reshaped whole.
  if (!sameItems(split, splices)) {
    const reshaped = reshape(text, splices, split);
    if (reshaped !== null) return reshaped;
  }
  return reshape(text, splices, splices);
}

function reshape(text: string, given: readonly Splice[], splices: readonly Splice[]): Splice[] | null {
  const narrow: Splice[] = [];
  for (const splice of splices) narrow.push(narrowed(text, splice));
  const moved = atLineStarts(text, narrow);
  if (moved === null) return null;
  const parts: Splice[] = [];
  for (const splice of moved) for (const part of byIndentation(text, splice)) parts.push(part);
  return sameText(text, given, parts);
}

/**
 * A splice that rewrites whole lines and writes each of them again, in
 * order, among new ones, as the new lines inserted between the kept ones. A
 * suggestion that adds a `securityContext` to two containers rewrites every
 * line from the first to the second: split, each part lies in the
 * container it adds to (not in the pod spec's `containers` entry), and
 * reads as the very text the pod's combined verification read. Else the
 * splice itself.
 */
function byKeptLines(text: string, splice: Splice): Splice[] {
  const { start, end, insert } = splice;
  const wholeLines = end > start && (start === 0 || text.charCodeAt(start - 1) === 10) && text.charCodeAt(end - 1) === 10 && insert.endsWith('\n');
  if (!wholeLines || splice.column !== undefined) return [splice];
  const parts: Splice[] = [];
  // Where the new lines not yet placed start, in `insert`.
  let from = 0;
  for (let line = start; line < end; ) {
    const lineEnd = text.indexOf('\n', line) + 1;
    const kept = text.slice(line, lineEnd);
    let at = from;
    // At line starts of `insert` only (it ends with a line break: each search finds one).
    while (at < insert.length && !insert.startsWith(kept, at)) at = insert.indexOf('\n', at) + 1;
    if (at >= insert.length) return [splice];
    if (at > from) parts.push({ ...splice, start: line, end: line, insert: insert.slice(from, at) });
    from = at + kept.length;
    line = lineEnd;
  }
  if (from < insert.length) parts.push({ ...splice, start: end, end, insert: insert.slice(from) });
  return parts.length > 0 ? parts : [splice];
}

/**
 * A splice without the text it writes back as it was, at either end: a
 * suggestion rewrites whole lines, most of which a fix leaves alone (the
 * line before new entries, say), and the fragment is what changes.
 */
function narrowed(text: string, splice: Splice): Splice {
  const { start, end, insert } = splice;
  const most = Math.min(end - start, insert.length);
  let head = 0;
  while (head < most && text.charCodeAt(start + head) === insert.charCodeAt(head)) head++;
  // What stays of a line's indentation goes with the change: the change then starts its line.
  while (head > 0 && text.charCodeAt(start + head - 1) === 32) head--;
  let tail = 0;
  while (tail < most - head && text.charCodeAt(end - 1 - tail) === insert.charCodeAt(insert.length - 1 - tail)) tail++;
  if (head === 0 && tail === 0) return splice;
  return { ...splice, start: start + head, end: end - tail, insert: insert.slice(head, insert.length - tail) };
}

/**
 * The splices with new lines written at the end of a line (before its line
 * break) written after the break instead: the same text, and lines that
 * start a line, as the regions need. Null when a moved splice would land
 * beside another one (their order could change).
 */
function atLineStarts(text: string, splices: readonly Splice[]): Splice[] | null {
  const out: Splice[] = [];
  let movedAny = false;
  for (const splice of splices) {
    const moved = afterLineBreak(text, splice);
    if (moved !== splice) movedAny = true;
    out.push(moved);
  }
  if (!movedAny) return out;
  // A splice that stays where it was must not meet one that moved: their order could change.
  for (let i = 0; i < splices.length; i++) {
    const stayed = splices[i]!;
    if (out[i] !== stayed) continue;
    for (let j = 0; j < splices.length; j++) {
      const was = splices[j]!.start;
      const now = out[j]!.start;
      if (out[j] !== splices[j] && stayed.start <= now && stayed.end >= was) return null;
    }
  }
  return out;
}

/** An insertion of new lines written at the end of a line (before its line break) written after the break; any other splice as it is. */
function afterLineBreak(text: string, splice: Splice): Splice {
  if (splice.start !== splice.end) return splice;
  const eol = text.startsWith('\r\n', splice.start) ? '\r\n' : text.startsWith('\n', splice.start) ? '\n' : null;
  if (eol === null || !splice.insert.startsWith(eol)) return splice;
  const at = splice.start + eol.length;
  return { ...splice, start: at, end: at, insert: splice.insert.slice(eol.length) + eol };
}

/**
 * New lines for mappings at several depths (a container's `securityContext`,
 * then the pod's, written at one offset where both mappings end) as one
 * splice per depth, each starting at a line less indented than the one
 * before: each then belongs to a mapping of its own. A splice that also
 * replaces lines keeps the replacement in the part as indented as the lines
 * it replaces (the new entries of their mapping), the parts before it
 * written just before and those after just after; when every new line is
 * less indented than the replaced ones (a nested entry removed, entries
 * added to the mappings around it), the lines are removed and the parts
 * written after. Else the last part keeps the replacement.
 */
function byIndentation(text: string, given: Splice): Splice[] {
  const splice = wholeLines(text, given);
  const { start, end, insert } = splice;
  const atLineStart = start === 0 || text.charCodeAt(start - 1) === 10;
  if (start === end ? !insert.endsWith('\n') : !atLineStart) return [given];
  const depths = byDepth(insert);
  const parts = depths.map(({ lines, column }): Splice => ({ ...splice, end: start, insert: lines, column: column ?? undefined }));
  if (start === end) return parts.length > 1 ? parts : [given];
  // The replaced lines' mapping is the one whose entries are as indented as they are.
  const replaced = firstContentColumn(text, start, end);
  const own = depths.findIndex(({ column }) => column === replaced);
  if (own !== -1) return parts.length > 1 ? parts.map((part, i) => (i < own ? part : i > own ? { ...part, start: end, end } : { ...part, end })) : [given];
  if (replaced !== null && depths.every(({ column }) => column !== null && column < replaced)) {
    return [{ ...splice, insert: '', column: undefined }, ...parts.map((part) => ({ ...part, start: end, end }))];
  }
  if (parts.length < 2) return [given];
  parts[parts.length - 1] = { ...parts[parts.length - 1]!, end };
  return parts;
}

/** Lines cut before each line less indented than every one before it, each run with its least indentation (null: blank and comment lines only). */
function byDepth(insert: string): { lines: string; column: number | null }[] {
  const runs: { lines: string; column: number | null }[] = [];
  let runStart = 0;
  let runColumn: number | null = null;
  for (let at = 0; at < insert.length; ) {
    // A replacement's last line may have no line break.
    const newline = insert.indexOf('\n', at);
    const lineEnd = newline === -1 ? insert.length : newline + 1;
    const column = contentIndent(insert, at, newline === -1 ? insert.length : newline);
    if (column !== null) {
      if (runColumn !== null && column < runColumn) {
        runs.push({ lines: insert.slice(runStart, at), column: runColumn });
        runStart = at;
      }
      if (runColumn === null || column < runColumn) runColumn = column;
    }
    at = lineEnd;
  }
  runs.push({ lines: insert.slice(runStart), column: runColumn });
  return runs;
}

/**
 * A replacement of several lines as one of whole lines: narrowing left it
 * short of its last line break, or starting within its first line (a value
 * changed, new lines after it), where the old and the new text agree. Its
 * parts then replace and write whole lines, as regions read them.
 */
function wholeLines(text: string, splice: Splice): Splice {
  let { start, end, insert } = splice;
  if (start === end) return splice;
  if (!insert.endsWith('\n')) {
    const eol = text.startsWith('\r\n', end) ? '\r\n' : text.startsWith('\n', end) ? '\n' : null;
    if (eol === null) return splice;
    end += eol.length;
    insert += eol;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (lineStart < start && insert.indexOf('\n') < insert.length - 1) {
    insert = text.slice(lineStart, start) + insert;
    start = lineStart;
  }
  return start === splice.start && end === splice.end ? splice : { ...splice, start, end, insert };
}

/**
 * The narrowed and moved splices when, applied together, they write what the
 * given ones write (splices at one offset apply in an order of their own,
 * which moving one could change); else null.
 */
function sameText(text: string, given: readonly Splice[], changed: Splice[] | null): Splice[] | null {
  if (changed === null || (given.length < 2 && changed.length === 1) || sameItems(changed, given)) return changed;
  const lo = Math.min(extentOf(given).lo, extentOf(changed).lo);
  const hi = Math.max(extentOf(given).hi, extentOf(changed).hi);
  try {
    return applySplicesWithin(text, lo, hi, given) === applySplicesWithin(text, lo, hi, changed) ? changed : null;
  } catch (caught) {
    if (caught instanceof SpliceConflict) return null;
    throw caught;
  }
}
