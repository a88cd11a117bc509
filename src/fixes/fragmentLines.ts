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
    const line = lines.slice(at, lineEnd);
    const indent = line.length - line.trimStart().length;
    if (!blankOrComment.test(line)) return indent;
    if (!quiet(line, indent)) return false;
    at = lineEnd + 1;
  }
  return null;
}
