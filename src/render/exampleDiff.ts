/**
 * A rendered fix that no source line can take as a suggestion is shown as
 * an example: what it changes in the rendered manifest. The replacement
 * whole hid the change: a host port removed from a container showed thirty
 * lines of the container (its command, env, ports) and nothing missing from
 * them. A diff with a line of context around each change shows it.
 */
import { structuredPatch } from 'diff';
import { linesText } from '../fixes/text.js';

/** The lines a fix replaces and their replacement as the body of a ```diff block: `-`, `+` and context lines, `@@` between separate changes. */
export function exampleDiff(replaced: readonly string[], replacement: string): string {
  const before = linesText(replaced);
  const { hunks } = structuredPatch('', '', before, replacement, undefined, undefined, { context: 1 });
  // "\ No newline at end of file" is about the files, not the change.
  return hunks.map((hunk) => hunk.lines.filter((line) => !line.startsWith('\\')).join('\n')).join('\n@@\n');
}

/**
 * Lines `startLine`…`endLine` (1-based) of `lines` replaced by `newLines`,
 * as a diff body with the line either side as context (`shown` picks which
 * of those context lines to show).
 */
export function linesChangeDiff(lines: readonly string[], startLine: number, endLine: number, newLines: readonly string[], shown = (context: string[]) => context): string {
  const above = shown(lines.slice(Math.max(0, startLine - 2), startLine - 1));
  const below = shown(lines.slice(endLine, endLine + 1));
  return exampleDiff([...above, ...lines.slice(startLine - 1, endLine), ...below], linesText([...above, ...newLines, ...below]));
}

/** Lines of a file replaced, 1-based and inclusive, and their new text. */
interface FileChange {
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly newLines: readonly string[];
}

/**
 * Changes of source files as the body of one ```diff block: each under a
 * `@@ file:line @@` header, with a line of context either side; null when a
 * file's text is not known.
 */
export function sourceChangesDiff(changes: readonly FileChange[], textOf: (file: string) => string | undefined): string | null {
  const parts: string[] = [];
  for (const { file, startLine, endLine, newLines } of [...changes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.startLine - b.startLine))) {
    const lines = textOf(file)?.split('\n');
    if (lines === undefined) return null;
    parts.push(`@@ ${file}:${startLine} @@\n${linesChangeDiff(lines, startLine, endLine, newLines)}`);
  }
  return parts.join('\n');
}
