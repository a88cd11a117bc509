/**
 * `init` writes a policy file that the parser and the published schema both
 * accept and that `check --config` runs with, and a workflow that works as
 * pasted; it never overwrites a file unless told to.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { parsePolicyConfig } from '../../src/policy/config.js';
import { policyConfigSchema } from '../../src/policy/schema.js';
import { repoRoot } from '../helpers/paths.js';
import { expectUsableWorkflow } from '../helpers/workflows.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function emptyRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'psr-init-'));
  dirs.push(dir);
  return dir;
}

async function cli(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe('pod-security-review init', () => {
  it('writes a policy file the parser and the schema accept, with the level asked for', async () => {
    const dir = emptyRepo();
    const { status, stdout } = await cli(dir, 'init', '--level', 'restricted');
    expect(status).toBe(0);
    expect(stdout).toContain('wrote .github/pod-security.yaml\nwrote .github/workflows/pod-security.yml\n');
    const text = readFileSync(path.join(dir, '.github/pod-security.yaml'), 'utf8');
    const parsed = parsePolicyConfig(text, '.github/pod-security.yaml');
    expect(parsed.ok && parsed.config.level?.value).toBe('restricted');
    const validate = new Ajv({ strictRequired: false, allowUnionTypes: true }).compile(policyConfigSchema());
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    // Every commented-out example is valid too, once uncommented.
    const uncommented = text.replace(/^# (?=(preview-version|exemptions|rules|disable):| {2})/gm, '');
    expect(uncommented).toContain('\nrules:\n  - match:');
    expect(parsePolicyConfig(uncommented, 'x').ok).toBe(true);
    expect(validate(parse(uncommented)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('writes a policy that check --config runs with', async () => {
    const dir = emptyRepo();
    await cli(dir, 'init');
    const config = path.join(dir, '.github/pod-security.yaml');
    const { status, stdout, stderr } = await cli(repoRoot, 'check', '--config', config, 'fixtures/examples');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(stdout).toMatch(/^baseline:latest \(warn restricted:latest\): 3 pod specs checked/m);
  });

  it('writes a workflow that works as pasted', async () => {
    const dir = emptyRepo();
    await cli(dir, 'init');
    const workflow = expectUsableWorkflow(readFileSync(path.join(dir, '.github/workflows/pod-security.yml'), 'utf8'));
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'merge_group']);
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(true);
  });

  it('leaves existing files alone unless --force', async () => {
    const dir = emptyRepo();
    mkdirSync(path.join(dir, '.github'));
    writeFileSync(path.join(dir, '.github/pod-security.yaml'), 'level: privileged\n');
    const refused = await cli(dir, 'init');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('pod-security-review init: .github/pod-security.yaml already exists; nothing written (--force overwrites)\n');
    expect(readFileSync(path.join(dir, '.github/pod-security.yaml'), 'utf8')).toBe('level: privileged\n');
    expect((await cli(dir, 'init', '--force')).status).toBe(0);
    expect(readFileSync(path.join(dir, '.github/pod-security.yaml'), 'utf8')).toContain('level: baseline');
  });

  it('refuses an unknown level as a usage error', async () => {
    const { status, stderr } = await cli(emptyRepo(), 'init', '--level', 'strict');
    expect(status).toBe(2);
    expect(stderr).toContain('--level: "strict" must be one of privileged, baseline, restricted');
  });
});
