/**
 * A file's text as kubectl's YAML reader sees it, character for character:
 * the readers here (js-yaml's events, `yaml`) follow YAML 1.2, kubectl reads
 * with goyaml (libyaml's YAML 1.1 scanner), and where the two differ on the
 * characters themselves the text is rewritten before it is read.
 *
 * - Line breaks: goyaml breaks lines at NEL (U+0085), U+2028, U+2029 and a
 *   lone CR too, so `# note<NEL>  hostPID: true` is a comment followed by a
 *   field. They become `\n`.
 * - A byte-order mark that starts a later document: kubectl cuts the stream
 *   at its `---` lines and decodes each document on its own, and goyaml drops
 *   a BOM at the start of its input. So a BOM just after a `---` line is no
 *   character of the document (`\uFEFFapiVersion` would be a key). The line
 *   break moves over it: `---\n\uFEFF` becomes `--- \n`.
 *
 * Every rewrite keeps the length, so an offset in the rewritten text is the
 * same offset in the file. Lines are still counted in the file's own text,
 * at `\n` only, as git and GitHub count them (the line a human edits).
 */

const goyamlBreaks = /\r(?!\n)|[\u0085\u2028\u2029]/;
/** A BOM just after a `---` line (a marker, then blanks or a comment). */
const bomAfterMarker = /^(---(?:[ \t][^\r\n]*)?)(\r?\n)\uFEFF/gm;

export function asGoyamlReads(text: string): string {
  let out = text;
  if (goyamlBreaks.test(out)) out = out.replace(/\r(?!\n)|[\u0085\u2028\u2029]/g, '\n');
  if (out.includes('\uFEFF')) out = out.replace(bomAfterMarker, (_, marker: string, lineBreak: string) => `${marker} ${lineBreak}`);
  return out;
}
