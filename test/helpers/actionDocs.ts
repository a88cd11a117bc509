/** The README's generated parts: the input and output tables (from action.yml) and the table of contents. */
import { parse } from 'yaml';

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (text: string) => text.trim().replaceAll('|', '\\|').replaceAll('\n', '<br>');

export function actionTables(actionYaml: string): { inputs: string; outputs: string } {
  const action = parse(actionYaml) as ActionMetadata;
  const inputs = [
    '| Input | Default | Description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs).map(([name, input]) => `| \`${name}\` | ${input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``} | ${cell(input.description)} |`),
  ].join('\n');
  const outputs = ['| Output | Description |', '| --- | --- |', ...Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)].join('\n');
  return { inputs, outputs };
}

function replaceBlock(text: string, marker: string, content: string): string {
  const pattern = new RegExp(`(<!-- ${marker} -->\\n)[\\s\\S]*?(<!-- /${marker} -->)`);
  if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${marker} --> … <!-- /${marker} --> block`);
  return text.replace(pattern, (_match, open: string, close: string) => `${open}${content}\n${close}`);
}

export function replaceTables(readme: string, tables: { inputs: string; outputs: string }): string {
  return replaceBlock(replaceBlock(readme, 'inputs', tables.inputs), 'outputs', tables.outputs);
}

/** A markdown document's headings (outside code blocks), with their level and the anchor GitHub gives them. */
export function headingsOf(markdown: string): { level: number; text: string; anchor: string }[] {
  const seen = new Map<string, number>();
  const headings: { level: number; text: string; anchor: string }[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    // CommonMark fences: up to 3 spaces of indent (list items may indent more), and a
    // backtick fence's info string has no backtick (so ```` ``x`` ```` is inline code).
    const fenceLine = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
    if (fenceLine && !(fenceLine[1]!.startsWith('`') && fenceLine[2]!.includes('`'))) {
      const marker = fenceLine[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && fenceLine[2]!.trim() === '') fence = null;
      continue;
    }
    const heading = fence === null ? /^(#{1,6}) +(.*?) *#*$/.exec(line) : null;
    if (!heading) continue;
    const text = heading[2]!;
    // GitHub's slugs: lower case, punctuation dropped, spaces to hyphens, -1, -2… for repeats.
    const slug = text
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    headings.push({ level: heading[1]!.length, text, anchor: count === 0 ? slug : `${slug}-${count}` });
  }
  return headings;
}

/** The table of contents: every section (##) and its subsections (###), after the contents heading itself. */
export function tableOfContents(markdown: string): string {
  return headingsOf(markdown)
    .filter((h) => (h.level === 2 || h.level === 3) && h.text !== 'Contents')
    .map((h) => `${h.level === 3 ? '  ' : ''}- [${h.text}](#${h.anchor})`)
    .join('\n');
}

/** The README with its generated parts rewritten: the Action's tables and the table of contents. */
export function regenerateReadme(readme: string, actionYaml: string): string {
  const withTables = replaceTables(readme, actionTables(actionYaml));
  return replaceBlock(withTables, 'toc', tableOfContents(withTables));
}
