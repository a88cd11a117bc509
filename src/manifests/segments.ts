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
import { lastAtMostIn } from '../sortedSearch.js';

/** A line break as a multiline `^` sees one (JavaScript's line terminators). */
const breaks = '\n\r\u2028\u2029';
const atLineStart = (text: string, i: number) => i === 0 || breaks.includes(text.charAt(i - 1));
/** After a marker: a blank, a line break or the end. */
const endsMarker = (text: string, i: number) => i >= text.length || ' \t'.includes(text.charAt(i)) || breaks.includes(text.charAt(i));

/** Offsets of `marker` at the start of a line and followed by a blank, a break or the end. */
function* markers(text: string, marker: string): Generator<number> {
  for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + 1)) {
    if (atLineStart(text, i) && endsMarker(text, i + marker.length)) yield i;
  }
}

/**
 * The offsets where the stream's segments start: 0, then each `---` line
 * after the first character. Segment k runs to the start of segment k + 1.
 * Null when the stream cannot be cut (see above). (A scan with indexOf: the
 * verifier cuts every fixed text, and a multiline regular expression costs
 * several times more on large files.)
 */
export function segmentStarts(text: string): number[] | null {
  for (let i = text.indexOf('%'); i !== -1; i = text.indexOf('%', i + 1)) if (atLineStart(text, i)) return null;
  if (!markers(text, '...').next().done) return null;
  const starts = [0];
  for (const i of markers(text, '---')) if (i > 0) starts.push(i);
  return starts;
}

/** The text of segment `k`. */
export function segmentText(text: string, starts: readonly number[], k: number): string {
  return text.slice(starts[k], starts[k + 1] ?? text.length);
}

/** The segment holding `offset`. */
export function segmentAt(starts: readonly number[], offset: number): number {
  return Math.max(0, lastAtMostIn(starts, offset));
}
