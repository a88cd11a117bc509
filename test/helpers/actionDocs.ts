/** The README's input and output tables, generated from action.yml. */
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

export function replaceTables(readme: string, tables: { inputs: string; outputs: string }): string {
  const replace = (text: string, marker: string, table: string) => {
    const pattern = new RegExp(`(<!-- ${marker} -->\\n)[\\s\\S]*?(<!-- /${marker} -->)`);
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${marker} --> … <!-- /${marker} --> block`);
    return text.replace(pattern, (_match, open: string, close: string) => `${open}${table}\n${close}`);
  };
  return replace(replace(readme, 'inputs', tables.inputs), 'outputs', tables.outputs);
}
