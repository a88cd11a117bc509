/**
 * The npm package ships only what runs, and runs from its tarball: packed,
 * installed into an empty folder (no dependencies to fetch: the CLI is one
 * bundle), `npx pod-security-review` works there, as does the pre-commit
 * hook's entry. The problem matcher recognises every kind of line the text
 * report prints.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { version } from '../../src/version.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('package.json', () => {
  it('is a proper CLI package: bin, repository, keywords, engines, and nothing to install', () => {
    expect(packageJson.bin).toEqual({ 'pod-security-review': 'dist/cli.js' });
    expect(packageJson.repository).toMatchObject({ type: 'git' });
    expect((packageJson.keywords as string[]).length).toBeGreaterThan(4);
    expect(packageJson.engines).toEqual({ node: '>=20' });
    // The bundles inline every library, so users install nothing else.
    expect(packageJson.dependencies).toBeUndefined();
    expect(readFileSync(path.join(repoRoot, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it("bundles js-yaml's parser with its state made without an object spread (scripts/bundle.ts says why)", () => {
    for (const bundle of ['dist/cli.js', 'dist/index.js']) {
      const text = readFileSync(path.join(repoRoot, bundle), 'utf8');
      const start = text.indexOf('function parseEvents(');
      expect(start, bundle).toBeGreaterThan(-1);
      const state = text.slice(start, text.indexOf('while (state.position', start));
      expect(state).toContain('DEFAULT_PARSER_OPTIONS');
      expect(state).not.toMatch(/\.\.\.\s*DEFAULT_PARSER_OPTIONS/);
    }
  });

  it('.nvmrc pins a Node version every locked package supports', () => {
    const nvmrc = readFileSync(path.join(repoRoot, '.nvmrc'), 'utf8').trim();
    expect(nvmrc).toMatch(/^\d+(\.\d+\.\d+)?$/);
    const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { runs: { using: string } };
    expect(action.runs.using).toBe(`node${nvmrc.split('.')[0]}`);
  });
});

describe('npm pack', () => {
  let work: string;
  let tarball: string;
  let project: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'psr-pack-'));
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = path.join(work, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path).sort();
    // An empty project, as a user's: install the tarball and nothing else.
    project = path.join(work, 'project');
    execFileSync('mkdir', [project]);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "user-project", "private": true }\n');
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: project, stdio: 'ignore' });
  }, 120_000);
  let files: string[] = [];

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('ships exactly the CLI bundle, its schema, problem matcher and notices', () => {
    expect(files).toEqual(['CHANGELOG.md', 'LICENSE', 'NOTICE', 'README.md', 'dist/cli.js', 'package.json', 'problem-matcher.json', 'schema/pod-security.schema.json']);
  });

  it('installs with no dependencies', () => {
    const installed = JSON.parse(readFileSync(path.join(project, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(installed.packages)).toEqual(['node_modules/pod-security-review']);
  });

  // `--` so that npx passes --version on to the tool rather than answering it itself.
  const npx = (...args: string[]) => spawnSync('npx', ['--no', '--', 'pod-security-review', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });

  it('npx pod-security-review --version', () => {
    const result = npx('--version');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('npx pod-security-review check on a fixture, and init', () => {
    const result = npx('check', '--level', 'restricted', path.join(fixturesDir, 'examples'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('restricted:latest (warn restricted:latest): 3 pod specs checked, 2 violating');
    // A folder without pod specs is a mistake of the command line unless --allow-empty says it is expected.
    const empty = npx('check', '.');
    expect(empty.stderr).toBe('pod-security-review check: no pod spec found in 2 files; pass --allow-empty if that is expected\n');
    expect(empty.status).toBe(1);
    const allowed = npx('check', '--allow-empty', '.');
    expect(allowed.stderr).toBe('pod-security-review check: no pod spec found in 2 files\n');
    expect(allowed.status).toBe(0);
    expect(npx('init').status).toBe(0);
    expect(npx('check', '--config', '.github/pod-security.yaml', '.').stdout).toMatch(/^baseline:latest \(warn restricted:latest\): 0 pod specs checked/m);
  });

  it("the pre-commit hook's entry runs check on the staged files it is given", () => {
    const [hook] = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    expect(hook).toMatchObject({ id: 'pod-security-review', language: 'node' });
    const [bin, ...args] = hook!.entry.split(' ');
    expect(Object.keys(packageJson.bin as object)).toContain(bin);
    const files = ['examples/web.yaml', 'examples/log-agent.yaml', 'manifests/deployment.json'];
    for (const file of [...files, 'manifests/list.yaml']) expect(new RegExp(hook!.files).test(file)).toBe(true);
    expect(new RegExp(hook!.files).test('README.md')).toBe(false);
    const result = npx(...args, ...files.map((f) => path.join(fixturesDir, f)));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('log-agent.yaml:20:');
    // Staged YAML without a pod spec passes the hook.
    const withoutPodSpec = npx(...args, path.join(fixturesDir, 'manifests/not-kubernetes.yaml'));
    expect(withoutPodSpec.stderr).toBe('pod-security-review check: no pod spec found in 1 file\n');
    expect(withoutPodSpec.status).toBe(0);
  });
});

interface Matcher {
  owner: string;
  severity: string;
  pattern: { regexp: string; file: number; line?: number; column?: number; message: number }[];
}
const matchers = (JSON.parse(readFileSync(path.join(repoRoot, 'problem-matcher.json'), 'utf8')) as { problemMatcher: Matcher[] }).problemMatcher;

/** What the runner makes of a line: the first matcher that matches. */
function annotate(line: string): { severity: string; file: string; line: string | undefined; column: string | undefined; message: string } | null {
  for (const matcher of matchers) {
    const [pattern] = matcher.pattern;
    const m = new RegExp(pattern!.regexp).exec(line);
    if (!m) continue;
    const group = (n: number | undefined) => (n === undefined ? undefined : m[n]);
    return { severity: matcher.severity, file: m[pattern!.file]!, line: group(pattern!.line), column: group(pattern!.column), message: m[pattern!.message]! };
  }
  return null;
}

describe('problem matcher', () => {
  it('annotates every finding and file problem of the text report (file:line:column: error|warning|note: message) with its severity, and nothing else', async () => {
    const upgrade = 'fixtures/pss-conformance/baseline/v1.34/fail/hostprobesandhostlifecycle0.yaml';
    const lines: string[] = [];
    // Files not checked are notes, and errors when --unchecked failure makes them fail the run.
    for (const unchecked of ['neutral', 'failure']) {
      let stdout = '';
      const io = { cwd: repoRoot, stdout: (t: string) => (stdout += t), stderr: () => {} };
      await runCli(['check', '--version', 'v1.33', '--preview-version', 'latest', '--unchecked', unchecked, 'fixtures/examples', 'fixtures/manifests', upgrade], io);
      const report = stdout.trimEnd().split('\n');
      const summary = report.pop()!;
      expect(annotate(summary)).toBe(null);
      lines.push(...report);
    }
    const seen = new Set<string>();
    for (const line of lines) {
      const annotation = annotate(line);
      expect(annotation, line).not.toBe(null);
      const { file, line: lineNumber, column } = annotation!;
      const position = [file, lineNumber, column].filter((part) => part !== undefined).join(':');
      // The runner's file, line and column are the text's, and the word after them is the severity.
      const word = /^(error|warning|audit warning|upgrade preview|note): /.exec(line.slice(position.length + 2))?.[1];
      expect(line.startsWith(`${position}: `), line).toBe(true);
      expect(annotation!.severity, line).toBe(word === 'error' ? 'error' : word === 'upgrade preview' || word === 'note' ? 'notice' : word === undefined ? 'none' : 'warning');
      seen.add(`${annotation!.severity}${lineNumber === undefined ? ' (file)' : column === undefined ? ' (line)' : ' (line:column)'}`);
    }
    // Findings carry their field's column; file problems their line, or only the file.
    expect([...seen].sort()).toEqual(['error (file)', 'error (line)', 'error (line:column)', 'notice (file)', 'notice (line)', 'notice (line:column)', 'warning (line:column)']);
  });

  it('reads the severities the text report uses for notes, policy problems and file warnings', () => {
    expect(annotate('deploy/a.yaml:12:9: error: Deployment shop/a: privileged (…) [privileged]')).toMatchObject({ severity: 'error', line: '12', column: '9', message: 'Deployment shop/a: privileged (…) [privileged]' });
    expect(annotate('deploy/a.yaml:7: warning: Deployment shop/a: opt-out without a reason')).toMatchObject({ severity: 'warning', line: '7', column: undefined });
    expect(annotate('deploy/a.yaml:3:5: audit warning: Deployment shop/a: x')).toMatchObject({ severity: 'warning', column: '5' });
    expect(annotate('cluster/admission.yaml:15: note: exemptions.usernames are not known here')).toMatchObject({ severity: 'notice', line: '15' });
    expect(annotate('deploy/a.yaml: warning: a Namespace defined twice')).toMatchObject({ severity: 'warning', file: 'deploy/a.yaml', line: undefined });
    expect(annotate('deploy/big.yaml: note: file is 5000000 bytes, over the limit')).toMatchObject({ severity: 'notice', file: 'deploy/big.yaml', line: undefined });
    expect(annotate('deploy/a.yaml:4:3: ignored: Deployment shop/a: x [privileged]: disabled')).toBe(null);
  });
});
