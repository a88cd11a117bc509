/**
 * A rendered fix that no source line can take as a suggestion is shown as
 * an example: what it changes in the rendered manifest. The replacement
 * whole hid the change: a host port removed from a container showed thirty
 * lines of the container (its command, env, ports) and nothing missing from
 * them. A diff with a line of context around each change shows it.
 */
import { structuredPatch } from 'diff';

/** The lines a fix replaces and their replacement as the body of a ```diff block: `-`, `+` and context lines, `@@` between separate changes. */
export function exampleDiff(replaced: readonly string[], replacement: string): string {
  const before = replaced.length === 0 ? '' : `${replaced.join('\n')}\n`;
  const { hunks } = structuredPatch('', '', before, replacement, undefined, undefined, { context: 1 });
  // "\ No newline at end of file" is about the files, not the change.
  return hunks.map((hunk) => hunk.lines.filter((line) => !line.startsWith('\\')).join('\n')).join('\n@@\n');
}
