/**
 * Commented-out entries that a fix writes for real (pure).
 *
 * Helm charts keep the secure settings as comments under an empty map:
 * `helm create` writes `securityContext: {}` over `# capabilities:`,
 * `#   drop:`, `#   - ALL`; nextcloud's metrics keep
 * `# allowPrivilegeEscalation: false` under their securityContext. A fix
 * that writes those entries above the comments would leave the example
 * repeating what is now set. The entries of the comment lines right below
 * the new lines (their `#` at the entries' column, or a `# ` just before
 * it) that read, uncommented, as exactly an entry the new lines write, key
 * and value, go; any other comment stays,
 * in its place and byte for byte. Comments are nothing to the decoded
 * value: verification reads the fixed text as ever.
 */
import { parseDocument } from 'yaml';
import type { JsonObject, JsonValue } from '../pss/types.js';
import { isObject } from '../pss/pod.js';
import { jsonEqual } from './edits.js';
import { leadingSpaces, lineStart, lineText } from './text.js';
import type { LineTable } from './text.js';

/** One commented-out entry: its lines [from, to) and its text uncommented. */
interface CommentedEntry {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** Past this many comment lines the run is not read (a long commented-out block of another map). */
const maxCommentLines = 200;

/**
 * Where the lines the new lines replace end, and the text of the comment
 * lines before that end to keep after them: null when no commented entry
 * right below `line` (1-based, where the new lines go) copies one they write.
 */
export function commentedCopies(table: LineTable, line: number, newLines: readonly string[]): { readonly end: number; readonly kept: string } | null {
  const column = leadingSpaces(newLines[0] ?? '');
  const entries = commentedEntries(table, line, column);
  if (entries.length === 0) return null;
  const written = yamlValue(newLines.join('\n'));
  if (!isObject(written)) return null;
  const copies = new Set(entries.filter((entry) => copiesOneOf(entry, written)));
  const last = [...copies].pop();
  if (last === undefined) return null;
  let kept = '';
  for (const entry of entries) {
    if (entry.from >= last.to) break;
    if (!copies.has(entry)) kept += table.text.slice(lineStart(table, entry.from), lineStart(table, entry.to));
  }
  return { end: lineStart(table, last.to), kept };
}

/** Whether an entry, uncommented, is a map of one key that `written` has with the same value. */
function copiesOneOf(entry: CommentedEntry, written: JsonObject): boolean {
  const value = yamlValue(entry.text);
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && Object.hasOwn(written, keys[0]!) && jsonEqual(written[keys[0]!], value[keys[0]!]);
}

/**
 * The comment lines from `line` on, cut into entries, as they read
 * uncommented at `column` (the new entries' column). Two layouts are
 * read: the `#` at that column, then a space (`helm create`: `  # capabilities:`
 * for an entry at column 2), or `# ` in the two columns before it
 * (nextcloud: `  # seccompProfile:` / `  #   type: …` for entries at
 * column 4). A line that, uncommented, starts at the column with a key
 * opens an entry; more indented lines and `- ` items continue it. A blank
 * line, a line of another layout, or any other line ends the run.
 */
function commentedEntries(table: LineTable, line: number, column: number): CommentedEntry[] {
  const first = lineText(table, line);
  const hash = leadingSpaces(first);
  // Where the commented text starts: after `# ` at the column, or in place after a `# ` before it.
  const content = hash === column ? column + 2 : hash === column - 2 ? column : -1;
  if (content < 0) return [];
  const entries: { from: number; to: number; lines: string[] }[] = [];
  for (let at = line; at < line + maxCommentLines; at++) {
    const text = lineText(table, at);
    if (leadingSpaces(text) !== hash || text.charCodeAt(hash) !== 35 || (text.length > hash + 1 && text.charCodeAt(hash + 1) !== 32)) break;
    const rest = text.slice(content);
    const continues = rest === '' || rest.startsWith(' ') || rest.startsWith('- ');
    const uncommented = `${' '.repeat(column)}${rest}`;
    const current = entries[entries.length - 1];
    if (continues && current !== undefined) {
      current.lines.push(uncommented);
      current.to = at + 1;
    } else entries.push({ from: at, to: at + 1, lines: [uncommented] });
  }
  return entries.map(({ from, to, lines }) => ({ from, to, text: lines.join('\n') }));
}

/** What a text decodes to, or undefined when it is not one clean YAML document (prose in a comment). */
function yamlValue(text: string): JsonValue | undefined {
  const document = parseDocument(text, { logLevel: 'silent', uniqueKeys: true });
  return document.errors.length > 0 || document.warnings.length > 0 ? undefined : (document.toJS() as JsonValue);
}
