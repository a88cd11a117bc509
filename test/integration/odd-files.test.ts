/**
 * Issue 15 items 4 and 10: links and odd files. Under `source: git` a
 * symbolic link in the pull request is reported with its target, never
 * followed; the CLI follows links only inside the folders it was given,
 * never loops, and refuses FIFOs and devices instead of reading forever.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { startEmulator } from '../helpers/github-emulator/index.js';
import { repoRoot } from '../helpers/paths.js';
import { runAction } from '../helpers/runAction.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'psr-odd-'));
  temporary.push(dir);
  return dir;
}

const privileged = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: registry.example/app:1\n    securityContext:\n      privileged: true\n`;

async function check(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['check', '--format', 'json', ...args], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stderr, report: JSON.parse(stdout) as { findings: { file: string; name: string }[]; errors: { file: string; message: string }[] } };
}

/** A pull request that adds `deploy/pod.yaml`, a link to a privileged Pod outside the repository. */
function linkingTrees(): { base: string; head: string; secret: string } {
  const base = folder();
  const head = folder();
  writeFileSync(path.join(base, 'README.md'), 'x\n');
  writeFileSync(path.join(head, 'README.md'), 'x\n');
  mkdirSync(path.join(head, 'deploy'));
  // On the runner this would be a privileged Pod; the link must not make it count, nor hide it.
  const secret = path.join(folder(), 'outside.yaml');
  writeFileSync(secret, privileged('outside'));
  symlinkSync(secret, path.join(head, 'deploy/pod.yaml'));
  return { base, head, secret };
}

describe('symbolic links in a pull request (source: git)', () => {
  it('reports a link with its target and never reads through it', async () => {
    const emulator = await startEmulator();
    try {
      const { base, head, secret } = linkingTrees();
      const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: 1, baseDir: base, headDir: head });
      const run = await runAction(emulator, pr, { workspace: pr.gitDir, inputs: { source: 'git' } });
      const [check] = emulator.state.checkRuns;
      expect(check!.conclusion).not.toBe('success');
      expect(check!.output.summary).toContain(`\`deploy/pod.yaml\`: is a symbolic link to ${secret}; links are not followed, so it was not checked`);
      expect((run.reportJson as { findings: unknown[] }).findings).toEqual([]);
      expect(emulator.unexpectedRequests()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});

describe('symbolic links in a pull request (source: api)', () => {
  it('reports a link with its target, at the top or in a folder, instead of reading the target path as the file', async () => {
    const emulator = await startEmulator();
    try {
      const { base, head, secret } = linkingTrees();
      writeFileSync(path.join(head, 'deploy/web.yaml'), privileged('web'));
      symlinkSync('deploy/web.yaml', path.join(head, 'top.yaml'));
      const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: 1, baseDir: base, headDir: head });
      const run = await runAction(emulator, pr);
      expect(run.stderr).toBe('');
      const [check] = emulator.state.checkRuns;
      expect(check!.output.summary).toContain(`\`deploy/pod.yaml\`: is a symbolic link to ${secret}; links are not followed, so it was not checked`);
      expect(check!.output.summary).toContain('`top.yaml`: is a symbolic link to deploy/web.yaml; links are not followed, so it was not checked');
      // The real file is still checked, once, under its own name.
      expect((run.reportJson as { findings: { file: string; check: string; blocking: boolean }[] }).findings.filter((f) => f.blocking).map((f) => [f.file, f.check])).toEqual([['deploy/web.yaml', 'privileged']]);
      expect(emulator.unexpectedRequests()).toEqual([]);
      expect(emulator.problems).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});

describe('files GitHub calls binary (source: api)', () => {
  it('reads a manifest in UTF-16 through the git blobs API and checks it as kubectl reads it; a binary file stays not checked', async () => {
    const emulator = await startEmulator();
    try {
      const base = folder();
      const head = folder();
      writeFileSync(path.join(base, 'README.md'), 'x\n');
      writeFileSync(path.join(head, 'README.md'), 'x\n');
      mkdirSync(path.join(head, 'deploy'));
      // What Windows PowerShell 5 writes for `kubectl get -o yaml > pod.yaml`: UTF-16 with a byte-order mark.
      writeFileSync(path.join(head, 'deploy/pod.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(privileged('windows'), 'utf16le')]));
      writeFileSync(path.join(head, 'deploy/blob.yaml'), Buffer.from([0x61, 0x3a, 0x00, 0x01]));
      const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: 1, baseDir: base, headDir: head });
      const run = await runAction(emulator, pr);
      expect(run.stderr).toBe('');
      const report = run.reportJson as { findings: { file: string; check: string; blocking: boolean }[]; errors: { file: string; kind: string }[] };
      expect(report.findings.filter((f) => f.blocking).map((f) => [f.file, f.check])).toEqual([['deploy/pod.yaml', 'privileged']]);
      expect(report.errors.map((e) => [e.file, e.kind])).toEqual([['deploy/blob.yaml', 'binary']]);
      // GraphQL says both are binary; their bytes come from the git blobs API, one request each.
      expect(emulator.calls('GET /repos/{owner}/{repo}/git/blobs/{file_sha}')).toHaveLength(2);
      expect(emulator.unexpectedRequests()).toEqual([]);
      expect(emulator.problems).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});

describe('the CLI on links and odd files', () => {
  it('follows links inside the folders given, once, reports links out of them, and never loops', async () => {
    const outside = folder();
    writeFileSync(path.join(outside, 'secret.yaml'), privileged('outside'));
    const root = folder();
    mkdirSync(path.join(root, 'deploy/sub'), { recursive: true });
    writeFileSync(path.join(root, 'deploy/sub/pod.yaml'), privileged('inside'));
    symlinkSync('sub/pod.yaml', path.join(root, 'deploy/same.yaml'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'deploy/out.yaml'));
    symlinkSync(outside, path.join(root, 'deploy/elsewhere'));
    symlinkSync('..', path.join(root, 'deploy/sub/up'));
    symlinkSync('.', path.join(root, 'deploy/self'));
    const { report, status } = await check(root, 'deploy');
    // Read through a link only, it is read there.
    expect([...new Set((await check(root, 'deploy/same.yaml')).report.findings.map((f) => f.file))]).toEqual(['deploy/same.yaml']);
    // The Pod is read once, at its own path, which the search reaches too (as git keeps a link as a link: a chart
    // a link points to is rendered there, its templates not read again through the link); the loops end.
    expect([...new Set(report.findings.map((f) => `${f.file}:${f.name}`))]).toEqual(['deploy/sub/pod.yaml:inside']);
    expect(report.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      `deploy/elsewhere: is a symbolic link to ${outside}, outside the folders given; it was not followed`,
      `deploy/out.yaml: is a symbolic link to ${path.join(outside, 'secret.yaml')}, outside the folders given; it was not followed`,
    ]);
    expect(status).toBe(1);
  });

  it('refuses a FIFO, named or found in a folder, instead of reading it forever', () => {
    const root = folder();
    mkdirSync(path.join(root, 'deploy'));
    writeFileSync(path.join(root, 'deploy/pod.yaml'), privileged('web'));
    spawnSync('mkfifo', [path.join(root, 'deploy/pipe.yaml'), path.join(root, 'named.yaml')]);
    const cli = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'check', '--format', 'json', 'deploy', 'named.yaml'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(cli.error).toBeUndefined();
    const report = JSON.parse(cli.stdout) as { findings: { file: string }[]; errors: { file: string; message: string }[] };
    expect(report.errors.map((e) => `${e.file}: ${e.message}`)).toEqual(['deploy/pipe.yaml: is a FIFO, not a file; it was not read', 'named.yaml: is a FIFO, not a file; it was not read']);
    expect([...new Set(report.findings.map((f) => f.file))]).toEqual(['deploy/pod.yaml']);
    expect(cli.status).toBe(1);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable sub-folder by name and checks the rest', async () => {
    const root = folder();
    mkdirSync(path.join(root, 'deploy/locked'), { recursive: true });
    writeFileSync(path.join(root, 'deploy/pod.yaml'), privileged('web'));
    chmodSync(path.join(root, 'deploy/locked'), 0o000);
    try {
      const { report } = await check(root, 'deploy');
      expect(report.errors.map((e) => e.file)).toEqual(['deploy/locked']);
      expect(report.errors[0]!.message).toMatch(/^cannot read this folder \(EACCES/);
      expect([...new Set(report.findings.map((f) => f.file))]).toEqual(['deploy/pod.yaml']);
    } finally {
      chmodSync(path.join(root, 'deploy/locked'), 0o755);
    }
  });
});
