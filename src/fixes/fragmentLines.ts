/**
 * Lines as the fragments see them (fragments.ts): where a line ends, and
 * which lines hold nothing but blanks or a comment.
 */

/** A line of spaces, or of a comment after spaces (a `\r` before its `\n` allowed). */
export const blankOrComment = /^[ ]*(?:#.*)?\r?$/;

/** Just after the line that holds `offset - 1` (offset itself when a line starts there). */
export function lineEndAfter(text: string, offset: number): number {
  if (offset === 0 || text.charCodeAt(offset - 1) === 10) return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The indentation of the first line of `lines` that is not blank or a comment, or null. */
export function firstContentColumn(lines: string, start = 0, limit = lines.length): number | null {
  const column = contentColumnAfter(lines, start, limit, () => true);
  return column === false ? null : column;
}

/**
 * The indentation of the first line from `start` (before `limit`) that is
 * not blank or a comment, or null when there is none; false as soon as
 * `quiet` refuses one of the blank or comment lines before it.
 */
export function contentColumnAfter(lines: string, start: number, limit: number, quiet: (line: string, indent: number) => boolean): number | null | false {
  let at = start;
  while (at < limit) {
    const newline = lines.indexOf('\n', at);
    const lineEnd = newline === -1 || newline >= limit ? limit : newline;
    const indent = contentIndent(lines, at, lineEnd);
    if (indent !== null) return indent;
    const line = lines.slice(at, lineEnd);
    if (!quiet(line, indentOf(line))) return false;
    at = lineEnd + 1;
  }
  return null;
}

/** The whitespace before a line's first other character, as trimStart counts it (all of a blank line). */
const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * The indentation of the line [from, to) of `lines` (no line break in it),
 * as indentOf counts it, when it is not blank or a comment (blankOrComment);
 * null when it is. Fragments test every line they read or write so: this
 * reads the characters in place, and cuts the line out only when a
 * character other than a space or a printable ASCII one starts it.
 */
export function contentIndent(lines: string, from: number, to: number): number | null {
  let at = from;
  while (at < to && lines.charCodeAt(at) === 32) at++;
  if (at === to || (at === to - 1 && lines.charCodeAt(at) === 13)) return null;
  const first = lines.charCodeAt(at);
  if (first === 35 && isCommentRest(lines, at + 1, to)) return null;
  // `#` and the rest of printable ASCII are no whitespace: the spaces are the indentation.
  if (first > 32 && first < 127) return at - from;
  const line = lines.slice(from, to);
  return blankOrComment.test(line) ? null : indentOf(line);
}

/** Whether [from, to) can follow a comment's `#` in blankOrComment: `.` takes no line terminator, and a `\r` may end it. */
function isCommentRest(lines: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = lines.charCodeAt(at);
    if ((code === 13 && at !== to - 1) || code === 0x2028 || code === 0x2029) return false;
  }
  return true;
}
