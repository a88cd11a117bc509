/** `pod-security-review init`: write a commented policy file and the workflow that runs the Action. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configTemplate, workflowPath, workflowTemplate } from '../init/templates.js';
import { defaultConfigPath } from '../policy/config.js';
import { parseLevel } from '../pss/levels.js';
import { UsageError } from './options.js';
import type { CliIO } from './options.js';

export const initUsage = `Usage: pod-security-review init [--level L] [--force] [DIR]

Write, in the repository at DIR (default: the current directory):
  ${defaultConfigPath}        the policy, every key explained
  ${workflowPath}   the workflow that reviews pull requests

Options:
  --level L    the enforced level written in the policy: baseline, restricted
               or privileged [default: baseline]
  --force      overwrite files that exist (otherwise they are left alone)
  -h, --help   show this help

Exit status: 0 written, 1 a file exists (nothing written), 2 usage error.
`;

export async function initCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { level: { type: 'string', default: 'baseline' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(initUsage);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('init takes one directory at most');
  const level = parseLevel(values.level);
  if (!level.ok) throw new UsageError(`--level: ${JSON.stringify(values.level)} ${level.error}`);
  const root = path.resolve(io.cwd, positionals[0] ?? '.');
  const files = [
    { name: defaultConfigPath, text: configTemplate(level.value) },
    { name: workflowPath, text: workflowTemplate() },
  ];
  const existing = files.filter((f) => existsSync(path.join(root, f.name)));
  if (existing.length > 0 && !values.force) {
    io.stderr(`pod-security-review init: ${existing.map((f) => f.name).join(' and ')} already ${existing.length === 1 ? 'exists' : 'exist'}; nothing written (--force overwrites)\n`);
    return 1;
  }
  for (const file of files) {
    const full = path.join(root, file.name);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, file.text);
    io.stdout(`wrote ${path.relative(io.cwd, full) || full}\n`);
  }
  io.stdout(
    `\nNext: commit both files, then require the "Pod Security" check in the branch protection rule\n` +
      `of your default branch. Try the policy locally with: npx pod-security-review check --config ${defaultConfigPath} .\n`,
  );
  return 0;
}
