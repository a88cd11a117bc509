/**
 * The `fix` command on temporary copies of the fixtures: in place and
 * --dry-run (the diff applies with git), the report of what is left and
 * why, the policy options it shares with `check`, exit statuses.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { fixturesDir } from '../helpers/paths.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'psr-fix-cli-'));
  for (const name of ['log-agent.yaml', 'migrate.yaml', 'web.yaml']) cpSync(path.join(fixturesDir, 'examples', name), path.join(dir, name));
  cpSync(path.join(fixturesDir, 'manifests', 'crlf.yaml'), path.join(dir, 'crlf.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function fix(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['fix', ...args], { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('pod-security-review fix', () => {
  it('fixes files in place, keeps their style, and exits 0 when nothing is left', async () => {
    const { status, stdout, stderr } = await fix('--level', 'restricted', 'migrate.yaml', 'web.yaml', 'crlf.yaml');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(
      'restricted:latest (warn restricted:latest): 3 pod specs checked, 0 violating (0 blocking findings, 0 warnings)\n' +
        // One line per file whose edits can stop a workload from working.
        'migrate.yaml: caution: the image must run as a non-root user, or the container will not start; the container no longer runs as UID 0.\n' +
        "crlf.yaml: caution: the container loses device and kernel access; the image must run as a non-root user, or the container will not start.\n" +
        'fixed 10 findings in 2 files: migrate.yaml, crlf.yaml\n',
    );
    expect(read('migrate.yaml')).toBe(readFileSync(path.join(fixturesDir, 'fixes', 'expected', 'examples__migrate.restricted-latest.yaml'), 'utf8'));
    expect(read('web.yaml')).toBe(readFileSync(path.join(fixturesDir, 'examples', 'web.yaml'), 'utf8'));
    // CRLF stays CRLF, including on the new lines.
    expect(read('crlf.yaml')).toMatch(/^apiVersion: v1\r\n/);
    expect(read('crlf.yaml').replaceAll('\r\n', '')).not.toContain('\n');
    // Fixing again finds nothing to do.
    expect((await fix('--level', 'restricted', 'migrate.yaml', 'web.yaml', 'crlf.yaml')).stdout).toContain('fixed 0 findings in 0 files');
  });

  it('names ten changed files on its last line, then how many more', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `migrate-${String(i).padStart(2, '0')}.yaml`);
    for (const name of names) cpSync(path.join(fixturesDir, 'examples', 'migrate.yaml'), path.join(dir, name));
    const { stdout } = await fix('--level', 'restricted', ...names);
    const last = stdout.trimEnd().split('\n').at(-1);
    expect(last).toBe(`fixed 60 findings in 12 files: ${names.slice(0, 10).join(', ')} and 2 more`);
    const fixed = readFileSync(path.join(fixturesDir, 'fixes', 'expected', 'examples__migrate.restricted-latest.yaml'), 'utf8');
    for (const name of names) expect(read(name)).toBe(fixed);
  });

  it('fixes again what the first fixes made safe to fix (an anchor once its users have their own values)', async () => {
    // Two Deployments share a pod spec through an anchor and a merge key. The first round gives the
    // second its own securityContext; only then may the anchored one get it too, for the first.
    cpSync(path.join(fixturesDir, 'scenarios', 'anchors', 'head', 'shared.yaml'), path.join(dir, 'shared.yaml'));
    const { status, stdout } = await fix('--level', 'restricted', 'shared.yaml');
    expect(stdout).not.toContain('not fixed');
    expect(stdout).toContain('2 pod specs checked, 0 violating (0 blocking findings, 0 warnings)');
    expect(stdout).toMatch(/^fixed 10 findings in 1 file: shared\.yaml$/m);
    expect(status).toBe(0);
    const fixed = read('shared.yaml');
    // The first pod spec's own values are written under the anchor, the second's under its merge key.
    expect(fixed).toContain('      spec: &spec\n        hostIPC: false\n');
    expect(fixed.match(/runAsNonRoot: true/g)).toHaveLength(2);
    expect((await fix('--level', 'restricted', 'shared.yaml')).stdout).toContain('fixed 0 findings in 0 files');
  });

  it('leaves what needs a decision, says why, and exits 1', async () => {
    const { status, stdout } = await fix('--level', 'restricted', 'log-agent.yaml');
    expect(status).toBe(1);
    expect(stdout).toBe(
      [
        'log-agent.yaml:30:9: error: DaemonSet logging/log-agent: restricted volume types (volume "varlog" uses restricted volume type "hostPath") [restrictedVolumes]',
        'restricted:latest (warn restricted:latest): 1 pod spec checked, 1 violating (1 blocking finding, 0 warnings)',
        'log-agent.yaml:30: not fixed [restrictedVolumes]: No suggestion: replacing volume "varlog" (hostPath) needs a choice only you can make.',
        "log-agent.yaml: caution: the pod no longer sees the node's network, processes or IPC; the container loses device and kernel access; the image must run as a non-root user, or the container will not start.",
        'fixed 6 findings in 1 file: log-agent.yaml',
        '',
      ].join('\n'),
    );
    expect(read('log-agent.yaml')).toContain('      hostNetwork: false\n');
  });

  it('fixes warnings too (the level the team is heading to), but never ignored findings', async () => {
    writeFileSync(
      path.join(dir, 'opted-out.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    pod-security-review/ignore: hostNamespaces\n    pod-security-review/reason: node agent\nspec:\n  hostPID: true\n  containers:\n  - name: a\n    image: x\n',
    );
    const { stdout } = await fix('--level', 'baseline', 'opted-out.yaml');
    expect(read('opted-out.yaml')).toContain('  hostPID: true\n');
    expect(read('opted-out.yaml')).toContain('runAsNonRoot: true');
    expect(stdout).toContain('ignored: Pod p: host namespaces [hostNamespaces]');
  });

  it('prints a unified diff with --dry-run, writes nothing, and the diff applies with git', async () => {
    const before = read('log-agent.yaml');
    const { status, stdout, stderr } = await fix('--level', 'restricted', '--dry-run', 'log-agent.yaml');
    expect(status).toBe(1);
    expect(read('log-agent.yaml')).toBe(before);
    expect(stdout).toMatch(/^={67}\n--- a\/log-agent\.yaml\n\+\+\+ b\/log-agent\.yaml\n@@ /);
    expect(stderr).toContain('would fix 6 findings in 1 file: log-agent.yaml\n(what is left is shown at its lines in the fixed files, as the diff writes them)\n');
    // Line 30 of the fixed file, which the diff makes longer: not of the file as it is.
    expect(stderr).toContain('log-agent.yaml:30:9: error: DaemonSet logging/log-agent: restricted volume types');
    writeFileSync(path.join(dir, 'fix.patch'), stdout);
    const applied = spawnSync('git', ['apply', '--unsafe-paths', '-p1', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    await fix('--level', 'restricted', 'log-agent.yaml');
    const patched = read('log-agent.yaml');
    expect(patched).not.toBe(before);
  });

  it('names a file outside the working directory in the diff as git does, so that the diff applies from the root', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'psr-fix-outside-'));
    try {
      const file = path.join(outside, 'log-agent.yaml');
      cpSync(path.join(dir, 'log-agent.yaml'), file);
      const { stdout } = await fix('--level', 'restricted', '--dry-run', file);
      const shown = file.slice(1);
      expect(stdout).toContain(`\n--- a/${shown}\n+++ b/${shown}\n@@ `);
      writeFileSync(path.join(dir, 'fix.patch'), stdout);
      const applied = spawnSync('git', ['apply', '-p1', path.join(dir, 'fix.patch')], { cwd: '/', encoding: 'utf8' });
      expect(applied.stderr).toBe('');
      expect(applied.status).toBe(0);
      expect(readFileSync(file, 'utf8')).toContain('allowPrivilegeEscalation: false');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('fixes the mechanical advice with --advice (or the config), alone with --only, with its caution', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: true\n';
    writeFileSync(path.join(dir, 'advice.yaml'), text);
    // Without --advice the advice is neither reported nor fixed.
    await fix('--level', 'baseline', '--warn-level', 'baseline', '--dry-run', 'advice.yaml');
    expect(read('advice.yaml')).toBe(text);
    const only = await fix('--level', 'baseline', '--warn-level', 'baseline', '--advice', '--only', 'advice.readOnlyRootFilesystem', 'advice.yaml');
    expect(read('advice.yaml')).toBe(text.replace('privileged: true\n', 'privileged: true\n      readOnlyRootFilesystem: true\n'));
    expect(only.stdout).toContain('advice.yaml:9: not fixed [privileged]: left out by --only/--skip');
    expect(only.stdout).toContain('advice.yaml:4: not fixed [advice.automountServiceAccountToken]: left out by --only/--skip');
    // Advice without a fixer gets no note.
    expect(only.stdout).not.toContain('not fixed [advice.imageDigest]');
    expect(only.stdout).toContain('advice.yaml: caution: a process that writes outside its volumes fails (mount an emptyDir where it writes).\n');
    const all = await fix('--level', 'baseline', '--warn-level', 'baseline', '--advice', 'advice.yaml');
    expect(read('advice.yaml')).toBe(
      text.replace('privileged: true\n', 'privileged: false\n      readOnlyRootFilesystem: true\n') + '  automountServiceAccountToken: false\n',
    );
    expect(all.stdout).toContain('advice.yaml: caution: the container loses device and kernel access; the pod can no longer call the Kubernetes API.\n');
    expect(all.stdout).toContain('fixed 2 findings in 1 file: advice.yaml');
  });

  it('names the fixable advice checks when --only is mistyped', async () => {
    const { status, stderr } = await fix('--only', 'advice.readOnlyRootFilesytem', 'web.yaml');
    expect(status).toBe(2);
    expect(stderr).toContain('--only "advice.readOnlyRootFilesytem": not a check (did you mean advice.readOnlyRootFilesystem?)');
  });

  it('honours --version', async () => {
    writeFileSync(path.join(dir, 'sysctl.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: s}\nspec:\n  securityContext:\n    sysctls:\n    - {name: net.ipv4.tcp_keepalive_time, value: "60"}\n  containers: [{name: a, image: x}]\n');
    // Allowed from v1.29; forbidden before.
    expect((await fix('--level', 'baseline', '--warn-level', 'privileged', '--version', 'v1.29', 'sysctl.yaml')).status).toBe(0);
    expect(read('sysctl.yaml')).toContain('tcp_keepalive_time');
    expect((await fix('--level', 'baseline', '--warn-level', 'privileged', '--version', 'v1.28', 'sysctl.yaml')).status).toBe(0);
    expect(read('sysctl.yaml')).not.toContain('tcp_keepalive_time');
  });

  it('reports files it cannot read as problems and exits 1', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), 'a: [1\n');
    const { status, stdout } = await fix('bad.yaml');
    expect(status).toBe(1);
    expect(stdout).toContain('bad.yaml:');
    expect(stdout).toContain('error: malformed YAML');
  });

  it.each([
    [['--level', 'strict', '.'], '--level "strict": must be one of privileged, baseline, restricted'],
    [['--version', '1.30', '.'], '--version "1.30": must be "latest" or "v1.x" (did you mean v1.30?)'],
    [[], 'no PATH given'],
    [['missing.yaml'], 'missing.yaml: no such file or directory'],
    [['--frobnicate', '.'], 'unknown option --frobnicate'],
    [['--max-file-size', '0', '.'], '--max-file-size: must be a positive number of bytes'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const { status, stdout, stderr } = await fix(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    // One line, then where the options are.
    expect(stderr).toBe(`pod-security-review fix: ${stderr.split('\n')[0]!.replace(/^pod-security-review fix: /, '')}\nRun \`pod-security-review fix --help\` for the options.\n`);
  });

  it('prints its help and exits 0', async () => {
    const { status, stdout } = await fix('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: pod-security-review fix \[options\] \[--dry-run\] PATH\.\.\./);
  });
});
