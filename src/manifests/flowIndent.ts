/**
 * Quoted scalars and flow collections whose continuation lines are less
 * indented than their key:
 *
 * ```yaml
 *   annotations:
 *     note: "first line
 *   second line"
 * ```
 *
 * goyaml (kubectl) does not look at indentation inside a quoted scalar or a
 * flow collection, and folds the continuation line's leading blanks away:
 * the value is "first line second line". YAML 1.2, and so both readers here,
 * require the continuation lines to be indented; they refuse the file. Real
 * repositories have such lines (CRD descriptions, operators' annotations).
 *
 * The loader reads a file this way only when the readers refused it: each
 * such continuation line is indented further (blanks that the fold discards,
 * so no value changes), the text is read again, and every offset is mapped
 * back to the file's own. One scan of the text, one more parse.
 */
import { lastAtMost } from '../sortedSearch.js';

/** The indented text, and where blanks were inserted (offsets in the original text, counts). */
export interface Reindented {
  readonly text: string;
  /** Offsets (in the original) of the lines that were indented, ascending. */
  readonly at: readonly number[];
  /** Blanks inserted up to and including each of `at`. */
  readonly inserted: readonly number[];
}

const isBlank = (c: string) => c === ' ' || c === '\t';

/**
 * The text with the continuation lines of quoted scalars and flow
 * collections indented past the column where each one opens, or null when
 * no line needed it. A scan that knows comments, block scalars and where a
 * node may start; it never changes what a well-indented file means.
 */
export function reindentFlowContinuations(text: string): Reindented | null {
  const pieces: string[] = [];
  const at: number[] = [];
  const inserted: number[] = [];
  let total = 0;
  let copied = 0;

  // Inside a quoted scalar or a flow collection: its opening column and what closes it.
  let quote: '"' | "'" | null = null;
  let depth = 0;
  let openColumn = 0;
  // The block scalar being skipped: lines indented more than this are its content.
  let blockParentIndent = -1;

  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text.charAt(i) === ' ') i++;
    const indent = i - lineStart;
    const blankLine = i >= lineEnd || text.charAt(i) === '\r' || (text.charAt(i) === '\t' && text.slice(i, lineEnd).trim() === '');

    if (blockParentIndent >= 0) {
      if (blankLine || indent > blockParentIndent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockParentIndent = -1;
    }

    const inFlow = quote !== null || depth > 0;
    if (inFlow && !blankLine && indent <= openColumn) {
      // A document marker at column 0 ends the document for kubectl's reader: left as it is.
      const marker = indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i));
      if (!marker) {
        const add = openColumn + 1 - indent;
        pieces.push(text.slice(copied, lineStart), ' '.repeat(add));
        copied = lineStart;
        total += add;
        at.push(lineStart);
        inserted.push(total);
      }
    }

    // Scan the line's content. `nodeStart`: a quote or bracket here opens a node.
    let nodeStart = quote === null && depth === 0;
    for (; i < lineEnd; i++) {
      const c = text.charAt(i);
      if (quote !== null) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && text.charAt(i + 1) === "'") i++;
          else quote = null;
        }
        continue;
      }
      if (isBlank(c)) continue;
      if (c === '#' && (i === lineStart || isBlank(text.charAt(i - 1)))) break; // a comment
      if ((c === '"' || c === "'") && (nodeStart || depth > 0 && /[[{,:]/.test(previousNonBlank(text, i, lineStart)))) {
        if (depth === 0) openColumn = i - lineStart;
        quote = c;
        continue;
      }
      if ((c === '[' || c === '{') && (nodeStart || depth > 0)) {
        if (depth === 0) openColumn = i - lineStart;
        depth++;
        nodeStart = false;
        continue;
      }
      if (depth > 0) {
        if (c === ']' || c === '}') depth--;
        continue;
      }
      if ((c === '|' || c === '>') && nodeStart) {
        blockParentIndent = indent;
        break;
      }
      // After an indicator and a blank (`- `, `? `, `: `), or an anchor or tag, a node may start.
      const next = text.charAt(i + 1);
      if ((c === '-' || c === '?' || c === ':') && (isBlank(next) || i + 1 >= lineEnd || next === '\r')) {
        nodeStart = true;
        continue;
      }
      if ((c === '&' || c === '!') && nodeStart) {
        while (i + 1 < lineEnd && !isBlank(text.charAt(i + 1))) i++;
        continue;
      }
      nodeStart = false;
    }
    lineStart = lineEnd + 1;
  }
  if (at.length === 0) return null;
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), at, inserted };
}

function previousNonBlank(text: string, i: number, lineStart: number): string {
  let j = i - 1;
  while (j >= lineStart && isBlank(text.charAt(j))) j--;
  return j < lineStart ? ',' : text.charAt(j);
}

/** The original offset of an offset in the indented text (inside inserted blanks: the line's start). */
export function originalOffset(reindented: Reindented, offset: number): number {
  const { at, inserted } = reindented;
  // The last insertion whose blanks start at or before `offset` in the indented text.
  const found = lastAtMost(at.length, (i) => (at[i] ?? 0) + (i > 0 ? (inserted[i - 1] ?? 0) : 0), offset);
  if (found < 0) return offset;
  return Math.max(at[found] ?? 0, offset - (inserted[found] ?? 0));
}
