/**
 * No way around the review (issue 15, items 1, 2, 6 and 11), through the CLI
 * on real git repositories and through the committed Action bundle on the
 * local GitHub emulator: comments cannot hide a manifest, a file not
 * checked is never a green check, and a pull request cannot relax the
 * policy that judges it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { startEmulator } from '../helpers/github-emulator/index.js';
import type { Emulator, PullRequestHandle } from '../helpers/github-emulator/index.js';
import { makeRepo } from '../helpers/gitRepo.js';
import { runAction } from '../helpers/runAction.js';

const temporary: string[] = [];

/** A folder holding the given files. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'psr-gate-'));
  temporary.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function cli(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

interface JsonReport {
  findings: { file: string; line: number; name: string; check: string; blocking: boolean; status?: string; reason: string; level: string }[];
  errors: { file: string; line: number | null; kind: string; message: string }[];
  podSpecs: { name: string; status?: string }[];
}

/** `diff --base main` on a repository made of a base and a head tree. */
async function diffJson(base: Record<string, string>, head: Record<string, string>, ...args: string[]) {
  const repo = makeRepo(tree(base), tree(head));
  temporary.push(repo);
  const run = await cli(repo, 'diff', '--base', 'main', '--format', 'json', '--warn-level', 'privileged', ...args);
  expect(run.stderr).toBe('');
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport };
}

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** The DaemonSet: privileged and host-namespaced, behind one comment line with `{{`. */
const commentedDaemonSet = `# Rendered from chart node-agent; values: {{ .Values.agent }}
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-agent, namespace: shop}
spec:
  selector: {matchLabels: {app: node-agent}}
  template:
    metadata: {labels: {app: node-agent}}
    spec:
      hostPID: true
      hostNetwork: true
      containers:
      - {name: agent, image: alpine, securityContext: {privileged: true}}
      volumes:
      - {name: root, hostPath: {path: /}}
`;

const helmTemplate = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chart.fullname" . }}
spec:
  template:
    spec:
      containers:
      - name: app
        image: "{{ .Values.image }}"
`;

describe('item 1: template detection cannot hide a manifest (CLI)', () => {
  it('checks a manifest whose only template action is in a comment', async () => {
    const dir = tree({ 'agent.yaml': commentedDaemonSet });
    const { status, stdout } = await cli(dir, 'check', '--level', 'baseline', '--format', 'json', 'agent.yaml');
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((f) => f.blocking).map((f) => f.check)).toEqual(['hostNamespaces', 'hostPathVolumes', 'privileged']);
    expect(status).toBe(1);
  });

  it('reviews a pull request that adds it, in diff', async () => {
    const { status, report } = await diffJson({ 'README.md': 'shop\n' }, { 'README.md': 'shop\n', 'deploy/agent.yaml': commentedDaemonSet }, '--level', 'baseline');
    expect(report.errors).toEqual([]);
    expect(report.podSpecs).toMatchObject([{ name: 'node-agent', status: 'new' }]);
    expect(status).toBe(1);
  });

  it('lets a template alone pass by default, says it was not checked, and fails it with --unchecked failure', async () => {
    const dir = tree({ 'chart/templates/deployment.yaml': helmTemplate });
    const neutral = await cli(dir, 'check', 'chart');
    expect(neutral.status).toBe(0);
    expect(neutral.stdout).toContain('chart/templates/deployment.yaml:4: error: looks like a Go/Helm template');
    const strict = await cli(dir, 'check', '--unchecked', 'failure', 'chart');
    expect(strict.status).toBe(1);
    const bad = await cli(dir, 'check', '--unchecked', 'maybe', 'chart');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--unchecked "maybe": must be one of neutral, failure, success');
  });
});

describe('the Action', () => {
  let emulator: Emulator;
  let next = 1;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(() => emulator.reset());
  afterEach(() => {
    expect(emulator.unexpectedRequests()).toEqual([]);
    expect(emulator.problems).toEqual([]);
  });

  async function pullRequest(base: Record<string, string>, head: Record<string, string>): Promise<PullRequestHandle> {
    return emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: tree(base), headDir: tree(head) });
  }
  const checkRunOf = (pr: PullRequestHandle) => emulator.state.checkRuns.find((c) => c.headSha === pr.headSha);

  describe('item 1: a file not checked is never a green check', () => {
    it('fails a privileged DaemonSet behind a template comment', async () => {
      const pr = await pullRequest({ 'README.md': 'shop\n' }, { 'README.md': 'shop\n', 'deploy/agent.yaml': commentedDaemonSet });
      const run = await runAction(emulator, pr);
      expect(run.outputs.conclusion).toBe('failure');
      expect(checkRunOf(pr)?.output.title).toMatch(/^3 blocking violations, \d+ warnings$/);
      expect(run.status).toBe(1);
    });

    it('is neutral, saying nothing was checked, when the only changed manifest is a template', async () => {
      const pr = await pullRequest({ 'README.md': 'shop\n' }, { 'README.md': 'shop\n', 'chart/templates/deployment.yaml': helmTemplate });
      const run = await runAction(emulator, pr);
      expect(checkRunOf(pr)).toMatchObject({ conclusion: 'neutral', output: { title: 'Nothing checked: 1 file not checked (1 template)' } });
      expect(run.outputs.conclusion).toBe('neutral');
      expect(run.summary).toContain('## Pod Security: Nothing checked: 1 file not checked (1 template)');
      expect(run.status).toBe(0);
    });

    it('fails on a file not checked with unchecked: failure, and passes with unchecked: success', async () => {
      const files = { 'README.md': 'shop\n', 'chart/templates/deployment.yaml': helmTemplate };
      const strict = await runAction(emulator, await pullRequest({ 'README.md': 'shop\n' }, files), { inputs: { unchecked: 'failure' } });
      expect(strict.outputs.conclusion).toBe('failure');
      expect(strict.status).toBe(1);
      const lenient = await runAction(emulator, await pullRequest({ 'README.md': 'shop\n' }, files), { inputs: { unchecked: 'success' } });
      expect(lenient.outputs.conclusion).toBe('success');
    });

    it('is neutral on a binary file named like a manifest', async () => {
      const pr = await pullRequest({ 'README.md': 'shop\n' }, { 'README.md': 'shop\n', 'deploy/blob.yaml': 'kind: Pod\n\u0000\u0001binary' });
      const run = await runAction(emulator, pr);
      expect(run.outputs.conclusion).toBe('neutral');
      expect(checkRunOf(pr)?.output.title).toMatch(/^Nothing checked: 1 file not checked/);
    });
  });
});
