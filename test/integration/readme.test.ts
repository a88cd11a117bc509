/**
 * The README stays true: the command it documents for a local run works and
 * prints what the README shows.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('documents npm ci and npm test as the set-up commands', () => {
    expect(readme).toMatch(/```sh\nnpm ci +# install\nnpm test +# all tests/);
  });

  it('shows the real output of its example command', () => {
    const command = /```sh\n(node dist\/cli\.js check [^\n]+)\n```/.exec(readme)?.[1];
    expect(command).toBe('node dist/cli.js check --level restricted fixtures/examples');
    const shown = /```text\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf(command!)))?.[1] ?? '';
    const [, ...args] = command!.split(' ');
    const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const shownLines = shown.split('\n').filter((line) => line !== '' && line !== '…');
    expect(shownLines.length).toBeGreaterThan(2);
    for (const line of shownLines) expect(result.stdout.split('\n')).toContain(line);
  });
});

describe('README diff example', () => {
  it('shows the real output of diff on its scenario', async () => {
    const { runCli } = await import('../../src/cli/run.js');
    const { makeScenarioRepo } = await import('../helpers/gitRepo.js');
    const scenario = /scripts\/scenario-repo\.ts ([\w-]+)\)"\nnode "\$OLDPWD\/dist\/cli\.js" (diff [^\n]+)\n```/.exec(readme);
    expect(scenario?.[1]).toBe('modified-with-old-violation');
    const cwd = makeScenarioRepo(scenario![1]!);
    let stdout = '';
    await runCli(scenario![2]!.split(' '), { cwd, stdout: (t) => (stdout += t), stderr: () => {} });
    const shown = /```text\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf(scenario![0])))?.[1];
    expect(stdout).toBe(shown);
  });
});

describe('README generated parts', () => {
  it('the Action tables match action.yml and the contents match the headings (regenerate with npx tsx scripts/readme-inputs.ts)', async () => {
    const { actionTables, regenerateReadme } = await import('../helpers/actionDocs.js');
    const actionYaml = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
    expect(actionTables(actionYaml).inputs.split('\n').length).toBeGreaterThan(10);
    expect(regenerateReadme(readme, actionYaml)).toBe(readme);
    expect(readme).toContain('- [Quick start](#quick-start)');
  });
});

describe('README local run', () => {
  it('npm run local reviews a fixture pull request and prints what it posted', async () => {
    expect(readme).toContain('npm run local ');
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/local.ts', 'json'], { cwd: repoRoot });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(stdout).toContain('== Review (COMMENTED) ==');
    expect(stdout).toContain('-- pod.json:6 --');
    expect(stdout).toContain('== Check run "Pod Security": failure');
    expect(stdout).toContain('Exit status: 1');
  });
});

describe('README fix example', () => {
  it('shows the diff fix --dry-run really prints', async () => {
    const { runCli } = await import('../../src/cli/run.js');
    const command = /```sh\nnode dist\/cli\.js (fix [^\n]+)\n```/.exec(readme)?.[1];
    expect(command).toBe('fix --level restricted --dry-run fixtures/examples/log-agent.yaml');
    let stdout = '';
    await runCli(command!.split(' '), { cwd: repoRoot, stdout: (t) => (stdout += t), stderr: () => {} });
    const shown = /```diff\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    // The README leaves out the separator line and the hunk headers' trailing context.
    const normalise = (diff: string) => diff.split('\n').filter((l) => !/^=+$/.test(l)).map((l) => l.replace(/^(@@ [^@]+ @@).*$/, '$1')).join('\n').trim();
    expect(normalise(stdout)).toBe(normalise(shown));
  });
});
