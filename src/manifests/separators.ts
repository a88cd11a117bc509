/**
 * kubectl cuts a file into documents before any YAML is read
 * (apimachinery's YAMLReader): at each line that starts with `---`, and it
 * refuses such a line when anything but blanks or a comment follows
 * (`--- !!map`, `--- {a: 1}`, `----`). It then decodes the first YAML
 * document of each piece only (goyaml's Unmarshal): a document that follows
 * a document end (`...`) with no `---` line before it is never applied, and
 * a piece that opens with a directive (`%YAML 1.1`) or a document end is
 * refused ("did not find expected <document start>", "did not find expected
 * node content"). A YAML reader reads them all, so those documents are set
 * aside, and those files refused, here: the cluster never sees them.
 * `kubectl kustomize` reads a file the same way.
 */
import { lastAtMostIn } from '../sortedSearch.js';

/** The first line kubectl refuses while cutting `text` into documents (1-based), with why; null when it cuts it cleanly. */
export function kubectlCutError(text: string): { readonly line: number; readonly message: string } | null {
  const separator = badSeparator(text);
  const directive = directiveAt(text);
  const end = endOpeningPiece(text);
  const at = Math.min(separator ?? Infinity, directive ?? Infinity, end ?? Infinity);
  if (at === Infinity) return null;
  const line = lineOf(text, at);
  if (at === directive) {
    return { line, message: 'a YAML directive: kubectl cuts a file into documents at each line that starts with --- before reading any, so the directive is left alone, which it refuses (did not find expected <document start>)' };
  }
  if (at === end) {
    return { line, message: 'a document end (...) with no document before it: kubectl cuts a file into documents at each line that starts with --- before reading any, and refuses a piece that ends before it starts (did not find expected node content)' };
  }
  const marker = text.slice(at, lineEnd(text, at)).trim();
  return { line, message: `invalid document separator "${marker}": kubectl cuts a file into documents at each line that starts with ---, and only blanks or a comment may follow it` };
}

/**
 * The documents kubectl never reads, by their place in `documents`: those
 * that start after a document end (`...`) in the piece their `---` line
 * (or the start of the file) opens, their content starting at
 * `source.start`. Most files have no document end: one search decides.
 */
export function documentsKubectlSkips(text: string, documents: readonly { readonly source: { readonly start: number } }[]): number[] {
  // A skipped document follows another: a file of one document (most) is not searched.
  if (documents.length < 2) return [];
  const ends = markerLines(text, documentEnd);
  if (ends.length === 0) return [];
  const cuts = markerLines(text, '---');
  const skipped: number[] = [];
  for (let i = 0; i < documents.length; i++) {
    const start = documents[i]!.source.start;
    const piece = cuts[lastAtMostIn(cuts, start)] ?? 0;
    const end = ends[lastAtMostIn(ends, start - 1)];
    if (end !== undefined && end >= piece) skipped.push(i);
  }
  return skipped;
}

const documentEnd = '...';

/** Where each line that starts with `marker` (followed by the end of the line or a blank) starts, in order. */
function markerLines(text: string, marker: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + marker.length)) {
    if ((at === 0 || text.charCodeAt(at - 1) === 0x0a) && endsMarker(text.charCodeAt(at + marker.length))) found.push(at);
  }
  return found;
}

/** Whether the character after a marker ends it: the end of the text or of the line, or a blank. */
function endsMarker(code: number): boolean {
  return Number.isNaN(code) || code === 0x0a || code === 0x0d || code === 0x20 || code === 0x09;
}

/** Where the first document end (`...`) that opens one of kubectl's pieces starts (only blanks and comments before it since the last cut), or null. */
function endOpeningPiece(text: string): number | null {
  for (const at of markerLines(text, documentEnd)) if (opensPiece(text, at)) return at;
  return null;
}

/** Where the first line that starts with `---` and goes on with more than blanks or a comment starts, or null. */
function badSeparator(text: string): number | null {
  // kubectl reads lines as they end with \n (a \r before it is trimmed with the blanks).
  for (let at = text.indexOf('---'); at !== -1; at = text.indexOf('---', at + 3)) {
    if (at > 0 && text.charCodeAt(at - 1) !== 0x0a) continue;
    // Most markers end their line: nothing to read after them.
    const next = text.charCodeAt(at + 3);
    if (next === 0x0a || next === 0x0d || Number.isNaN(next)) continue;
    const rest = text.slice(at + 3, lineEnd(text, at)).trim();
    // An action (`--- {{ .x }}`) is a template's to render, not kubectl's to read.
    if (rest !== '' && !rest.startsWith('#') && !rest.includes('{{')) return at;
  }
  return null;
}

/**
 * Where the first `%YAML` or `%TAG` directive that opens one of kubectl's
 * pieces starts (only blanks and comments before it since the last cut), or
 * null. One after a document's `...` end is left unread: kubectl decodes the
 * first document of each piece.
 */
function directiveAt(text: string): number | null {
  for (let at = text.startsWith('%') ? 0 : text.indexOf('\n%'); at !== -1; at = text.indexOf('\n%', at + 1)) {
    const start = text.charCodeAt(at) === 0x0a ? at + 1 : at;
    if (/^%(?:YAML|TAG)[ \t]/.test(text.slice(start, start + 6)) && opensPiece(text, start)) return start;
  }
  return null;
}

/** Whether only blank and comment lines lie between the line at `start` and the start of the file or the last line that starts with `---`. */
function opensPiece(text: string, start: number): boolean {
  for (let end = start - 1; end >= 0; ) {
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(lineStart, end).trim();
    if (text.startsWith('---', lineStart)) return true;
    if (line !== '' && !line.startsWith('#')) return false;
    end = lineStart - 1;
  }
  return true;
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
