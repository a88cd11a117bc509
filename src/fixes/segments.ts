/**
 * A YAML stream cut at its document markers, so that a fix can be verified
 * by re-loading only the documents it touched instead of the whole file
 * (a file of 20 documents is otherwise loaded 20 times over).
 *
 * A `---` at the start of a line always begins a new document: YAML forbids
 * it inside content at column 0, quoted or not. Directives (`%YAML`,
 * `%TAG`) reach into the next document and `...` lets a document begin
 * without a marker, so a stream with either is not cut at all.
 */

const documentStart = /^---(?=[ \t\r\n]|$)/gm;
const crossDocument = /^(?:%|\.\.\.(?:[ \t\r\n]|$))/m;

/**
 * The offsets where the stream's segments start: 0, then each `---` line
 * after the first character. Segment k runs to the start of segment k + 1.
 * Null when the stream cannot be cut (see above).
 */
export function segmentStarts(text: string): number[] | null {
  if (crossDocument.test(text)) return null;
  const starts = [0];
  for (const match of text.matchAll(documentStart)) if (match.index > 0) starts.push(match.index);
  return starts;
}

/** The text of segment `k`. */
export function segmentText(text: string, starts: readonly number[], k: number): string {
  return text.slice(starts[k], starts[k + 1] ?? text.length);
}

/** The segment holding `offset`. */
export function segmentAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
