/**
 * The committed Action bundle, run as the runner runs it: `node
 * dist/index.js` with INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, reading workflow commands from stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSettings } from '../../src/main.js';
import { nodeBinaries } from '../helpers/nodes.js';
import { repoRoot } from '../helpers/paths.js';

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runAction(node: string, inputs: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'psr-action-'));
  temporary.push(dir);
  const output = path.join(dir, 'output');
  const summary = path.join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: repoRoot, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(node, [path.join(repoRoot, 'dist/index.js')], { cwd: repoRoot, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
}

describe.each(nodeBinaries().map((n) => [n.version, n.path] as const))('dist/index.js on Node %s', (_version, node) => {
  it('annotates every finding, writes the summary and output, and fails the job', () => {
    const result = runAction(node, { paths: 'fixtures/manifests/comments.yaml fixtures/manifests/helm-template.yaml', level: 'baseline' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '::error title=Pod Security%3A privileged,file=fixtures/manifests/comments.yaml,line=17::privileged (container "app" must not set securityContext.privileged=true)',
    );
    expect(result.stdout).toContain('::warning title=Pod Security%3A file not checked,file=fixtures/manifests/helm-template.yaml,line=4::looks like a Go/Helm template');
    expect(result.stdout).toContain('::error::1 Pod Security violations at baseline:latest');
    expect(result.output).toMatch(/^violations<<(\S+)\n1\n\1\n$/);
    expect(result.summary).toContain('## Pod Security (baseline:latest)');
    expect(result.summary).toContain('| fixtures/manifests/comments.yaml:17 | Deployment commented | `privileged` |');
    expect(result.summary).toContain('- `fixtures/manifests/helm-template.yaml:4`: looks like a Go/Helm template');
  });

  it('passes when nothing violates, and reports without failing with fail-on: never', () => {
    expect(runAction(node, { paths: 'fixtures/pss-conformance/restricted/v1.37/pass/base.yaml' }).status).toBe(0);
    const report = runAction(node, { paths: 'fixtures/manifests/comments.yaml', 'fail-on': 'never' });
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('::error title=Pod Security%3A privileged');
  });

  it('fails with a clear message on a bad input', () => {
    const result = runAction(node, { level: 'strict' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error::input level "strict": must be one of privileged, baseline, restricted');
  });
});

describe('readSettings', () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('applies the documented defaults', () => {
    expect(readSettings(inputs({}))).toEqual({ paths: ['.'], policy: { level: 'restricted', version: 'latest' }, failOnViolations: true });
  });

  it('splits paths on spaces and new lines', () => {
    expect(readSettings(inputs({ paths: 'a.yaml\n  deploy/ b.yaml\n' })).paths).toEqual(['a.yaml', 'deploy/', 'b.yaml']);
  });

  it.each([
    [{ version: 'v1.30.1' }, 'input version "v1.30.1": must be "latest" or "v1.x"'],
    [{ 'fail-on': 'always' }, 'input fail-on "always": must be one of violations, never'],
  ])('rejects %j', (values, message) => {
    expect(() => readSettings(inputs(values))).toThrow(message);
  });
});
