/**
 * The `check` command: its JSON contract, text output, exit statuses and
 * usage errors, in process; and the committed bundle, run as users run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { version } from '../../src/version.js';
import { nodeBinaries } from '../helpers/nodes.js';
import { inTree } from '../helpers/tempTree.js';
import { repoRoot } from '../helpers/paths.js';

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { cwd: repoRoot, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe('pod-security-review check', () => {
  it('gives the JSON contract for a fixture', async () => {
    const { status, stdout } = await cli('check', '--level', 'restricted', '--format', 'json', 'fixtures/manifests/yaml11-booleans.yaml');
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.errors).toEqual([]);
    expect(report.policy).toBe('restricted:latest');
    expect(report.findings.map((f: { check: string }) => f.check)).toEqual([
      'hostNamespaces',
      'privileged',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ]);
    expect(report.findings[1]).toEqual({
      file: 'fixtures/manifests/yaml11-booleans.yaml',
      line: 12,
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: null,
      name: 'yaml11',
      container: 'app',
      containers: ['app'],
      check: 'privileged',
      reason: 'privileged',
      detail: 'container "app" must not set securityContext.privileged=true',
      level: 'restricted',
      version: 'latest',
      mode: 'enforce',
      blocking: true,
      levelSource: { kind: 'flag', detail: '--level restricted' },
      // One verified suggestion fixes all of the container's findings; the file writes YAML 1.1 booleans, and so does the fix.
      fix: {
        startLine: 12,
        endLine: 13,
        replacement:
          '      privileged: no\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n      runAsNonRoot: true\n' +
          '  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n',
        attachable: false,
      },
      fixNote: null,
      locations: [{ path: 'spec.containers[0].securityContext.privileged', line: 12, column: 7, exact: true, container: 'app' }],
    });
    expect(report.findings.map((f: { fix: { startLine: number } | null }) => f.fix?.startLine)).toEqual([7, 12, 12, 12, 12, 12, 12]);
    expect(report.summary).toEqual({ podSpecs: 1, denied: 1, findings: 7, blocking: 7, ignored: 0, errors: 0 });
    expect([report.policy, report.warnPolicy]).toEqual(['restricted:latest', 'restricted:latest']);
    expect(report.findings[0].locations).toEqual([{ path: 'spec.hostPID', line: 7, column: 3, exact: true, container: null }]);
    expect(report.podSpecs).toEqual([
      expect.objectContaining({
        kind: 'Pod',
        name: 'yaml11',
        allowed: false,
        message: expect.stringMatching(/^pods "yaml11" is forbidden: violates PodSecurity "restricted:latest": host namespaces \(hostPID=true\), privileged/),
      }),
    ]);
  });

  it('writes SARIF for code scanning with --format sarif, every finding a result on its line', async () => {
    const json = JSON.parse((await cli('check', '--level', 'restricted', '--format', 'json', 'fixtures/examples')).stdout);
    const { status, stdout } = await cli('check', '--level', 'restricted', '--format', 'sarif', 'fixtures/examples');
    expect(status).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    type Location = { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } };
    const results = sarif.runs[0].results.map(({ ruleId, locations: [first] }: { ruleId: string; locations: [Location] }) => [
      ruleId,
      first.physicalLocation.artifactLocation.uri,
      first.physicalLocation.region.startLine,
    ]);
    expect(results).toEqual(json.findings.map((f: { check: string; file: string; line: number }) => [f.check, f.file, f.line]));
    expect(results.length).toBeGreaterThan(0);
    for (const rule of sarif.runs[0].tool.driver.rules) expect(rule.properties['security-severity']).toMatch(/^\d\.\d$/);
  });

  it('orders locations as the fields appear in the file', async () => {
    const { stdout } = await cli('check', '--format', 'json', 'fixtures/manifests/flow-style.yaml');
    const ape = JSON.parse(stdout).findings.find((f: { check: string }) => f.check === 'allowPrivilegeEscalation');
    expect(ape.container).toBeNull();
    expect(ape.containers).toEqual(['app', 'sidecar']);
    expect(ape.locations.map((l: { line: number; exact: boolean }) => [l.line, l.exact])).toEqual([
      [5, false],
      [6, false],
    ]);
  });

  it('checks folders, keeps going past bad files, and names each one', async () => {
    const { status, stdout } = await cli('check', '--level', 'baseline', '--format', 'json', 'fixtures/manifests');
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    const errors = report.errors.map((e: { file: string; line: number | null; kind: string }) => [e.file, e.line, e.kind]);
    expect(errors).toEqual([
      ['fixtures/manifests/alias-bomb.yaml', 1, 'alias-bomb'],
      ['fixtures/manifests/binary.yaml', null, 'binary'],
      ['fixtures/manifests/helm-template.yaml', 4, 'template'],
      ['fixtures/manifests/malformed.yaml', 9, 'malformed'],
      ['fixtures/manifests/wrong-field-types.yaml', 9, 'invalid'],
      ['fixtures/manifests/wrong-field-types.yaml', 13, 'invalid'],
    ]);
    // The intact document after the malformed one is still checked.
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'fixtures/manifests/malformed.yaml', name: 'intact', check: 'hostNamespaces', line: 15 }));
    // Every kind in all-kinds.yaml is found; the Service and ConfigMap are not pod specs.
    const kinds = report.podSpecs.filter((p: { file: string }) => p.file.endsWith('all-kinds.yaml')).map((p: { kind: string }) => p.kind);
    expect(kinds).toEqual(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController', 'PodTemplate']);
  });

  it('leaves out the files --exclude names, and names that way out on a malformed file among test data', async () => {
    const files = {
      'deploy/app.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: app:1\n',
      // A parser's own test of a bad input: no manifest, malformed on purpose.
      'pkg/parser/testdata/bad.yaml': 'key: [unclosed\n',
    };
    const run = (...args: string[]) =>
      inTree(files, async (cwd) => {
        let stdout = '';
        const status = await runCli(['check', '.', '--format', 'json', '--warn-level', 'privileged', ...args], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
        const report = JSON.parse(stdout) as { errors: { file: string; kind: string; message: string }[]; findings: { file: string; check: string }[] };
        return { status, errors: report.errors, findings: report.findings.map((f) => [f.file, f.check]) };
      });
    const all = await run();
    expect(all.errors).toEqual([expect.objectContaining({ file: 'pkg/parser/testdata/bad.yaml', kind: 'malformed', message: expect.stringMatching(/ \(test data\? leave the folder out with the exclude input, or --exclude, as '\*\*\/testdata\/\*\*'\)$/) })]);
    const excluded = await run('--exclude', '**/testdata/**');
    expect(excluded.errors).toEqual([]);
    expect(excluded.findings).toEqual([['deploy/app.yaml', 'hostNamespaces']]);
    expect(excluded.status).toBe(1);
    expect((await run('--exclude', '**/testdata/**', '--exclude', 'deploy/*')).findings).toEqual([]);
  });

  it('exits 0 when everything passes', async () => {
    const { status, stdout } = await cli('check', '--level', 'restricted', 'fixtures/pss-conformance/restricted/v1.37/pass/base.yaml');
    expect(status).toBe(0);
    expect(stdout).toBe('restricted:latest (warn restricted:latest): 1 pod spec checked, 0 violating (0 blocking findings, 0 warnings)\n');
  });

  it('prints file:line:column for each finding in text, errors and warnings marked, warnings with their level and its source', async () => {
    const { stdout, status } = await cli('check', '--level', 'baseline', 'fixtures/manifests/comments.yaml');
    expect(status).toBe(1);
    expect(stdout).toBe(
      'fixtures/manifests/comments.yaml:17:11: error: Deployment commented: privileged (container "app" must not set securityContext.privileged=true) [privileged]\n' +
        'fixtures/manifests/comments.yaml:16:9: warning: Deployment commented: allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false) [allowPrivilegeEscalation] at restricted:latest (built-in default)\n' +
        'fixtures/manifests/comments.yaml:16:9: warning: Deployment commented: unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]) [capabilities_restricted] at restricted:latest (built-in default)\n' +
        'fixtures/manifests/comments.yaml:16:9: warning: Deployment commented: runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true) [runAsNonRoot] at restricted:latest (built-in default)\n' +
        'fixtures/manifests/comments.yaml:16:9: warning: Deployment commented: seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost") [seccompProfile_restricted] at restricted:latest (built-in default)\n' +
        'baseline:latest (warn restricted:latest): 1 pod spec checked, 1 violating (1 blocking finding, 4 warnings)\n',
    );
  });

  it('exits 0 when only warnings remain', async () => {
    const { status, stdout } = await cli('check', '--level', 'privileged', 'fixtures/manifests/comments.yaml');
    expect(status).toBe(0);
    expect(stdout).toContain('(0 blocking findings, 5 warnings)');
  });

  it('treats a template alone as a notice, not a failure, unless --unchecked failure makes it one', async () => {
    const { status, stdout } = await cli('check', 'fixtures/manifests/helm-template.yaml');
    expect(status).toBe(0);
    expect(stdout).toContain('helm-template.yaml:4: note: looks like a Go/Helm template');
    const strict = await cli('check', '--unchecked', 'failure', 'fixtures/manifests/helm-template.yaml');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('helm-template.yaml:4: error: looks like a Go/Helm template');
  });

  it('honours the version', async () => {
    const file = 'fixtures/pss-conformance/baseline/v1.37/pass/sysctls1.yaml';
    expect((await cli('check', '--level', 'baseline', '--version', 'v1.37', file)).status).toBe(0);
    expect((await cli('check', '--level', 'baseline', '--version', 'v1.0', file)).status).toBe(1);
  });

  it.each([
    [['check', '--level', 'strict', 'x'], '--level "strict": must be one of privileged, baseline, restricted'],
    [['check', '--version', '1.30', 'x'], '--version "1.30": must be "latest" or "v1.x" (did you mean v1.30?)'],
    [['check', '--format', 'xml', 'x'], '--format "xml": must be one of text, json, sarif'],
    [['check'], 'no PATH given'],
    [['check', 'no/such/file.yaml'], 'no/such/file.yaml: no such file or directory'],
    [['check', '--frobnicate', 'x'], 'unknown option --frobnicate'],
    [['check', '--levle', 'restricted', 'x'], 'unknown option --levle (did you mean --level?)'],
    [['check', '--level', 'restriced', 'x'], '--level "restriced": must be one of privileged, baseline, restricted (did you mean restricted?)'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const { status, stderr, stdout } = await cli(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    // One line, then where the options are.
    expect(stderr).toBe(`pod-security-review check: ${stderr.split('\n')[0]!.replace(/^pod-security-review check: /, '')}\nRun \`pod-security-review check --help\` for the options.\n`);
  });

  it('exits 2 on a base given as diff\'s argument, as `git diff main` takes it, naming the flag', async () => {
    const { status, stderr } = await cli('diff', 'main');
    expect(status).toBe(2);
    expect(stderr).toBe('pod-security-review diff: unexpected argument "main": give the base as `--base main`\nRun `pod-security-review diff --help` for the options.\n');
  });

  it('exits 2 on an unknown command, listing the commands', async () => {
    const { status, stderr } = await cli('lint', 'x');
    expect(status).toBe(2);
    expect(stderr).toBe('pod-security-review: unknown command "lint"; run `pod-security-review --help` for the commands\n');
    expect((await cli('chek', 'x')).stderr).toContain('unknown command "chek" (did you mean check?)');
  });
});

describe.each(nodeBinaries().map((n) => [n.version, n.path] as const))('the committed bundle dist/cli.js on Node %s', (_version, node) => {
  const run = (...args: string[]) => spawnSync(node, [path.join(repoRoot, 'dist/cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });

  it('prints its version', () => {
    const result = run('--version');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('checks manifests with the same verdict as the sources', async () => {
    const args = ['check', '--level', 'restricted', '--format', 'json', 'fixtures/manifests'];
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse((await cli(...args)).stdout));
  });

  it('exits 2 on a usage error', () => {
    expect(run('check', '--level', 'nope', '.').status).toBe(2);
  });

  it('ends quietly, with the run\'s status, when its reader stops early (`check . | head -1`)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-pipe-'));
    try {
      // A report far larger than a pipe's buffer, of which the reader takes one line.
      const pods = Array.from({ length: 400 }, (_, i) => `- {apiVersion: v1, kind: Pod, metadata: {name: p${i}}, spec: {hostPID: true, containers: [{name: a, image: b}]}}`);
      writeFileSync(path.join(dir, 'list.yaml'), `apiVersion: v1\nkind: List\nitems:\n${pods.join('\n')}\n`);
      const shell = spawnSync('bash', ['-c', `set -o pipefail; ${JSON.stringify(node)} ${JSON.stringify(path.join(repoRoot, 'dist/cli.js'))} check --render off list.yaml | head -1`], { cwd: dir, encoding: 'utf8' });
      expect(shell.stdout).toMatch(/^list\.yaml:4:\d+: error: Pod p0: host namespaces/);
      expect(shell.stderr).toBe('');
      expect(shell.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pod-security-review check with a policy config', () => {
  it('reports each mistake of an invalid config with its key and line, and exits 2', async () => {
    const { status, stderr } = await cli('check', '--config', 'fixtures/policy/invalid.yaml', 'fixtures/examples');
    expect(status).toBe(2);
    expect(stderr).toContain('invalid policy config:');
    expect(stderr).toMatch(/fixtures\/policy\/invalid\.yaml:\d+: /);
  });

  it('applies the Namespace manifests among the files it checks', async () => {
    const { stdout } = await cli('check', '--format', 'json', '--config', 'fixtures/scenarios/namespaces/head/.github/pod-security.yaml', 'fixtures/scenarios/namespaces/head');
    const api = JSON.parse(stdout).findings.filter((f: { name: string }) => f.name === 'api');
    expect(api.map((f: { level: string; version: string }) => `${f.level}:${f.version}`)).toEqual(Array(4).fill('restricted:v1.30'));
  });
});

describe('pod-security-review check --preview-version', () => {
  it('reports, never blocking, what would start failing after an upgrade', async () => {
    const file = 'fixtures/pss-conformance/baseline/v1.37/fail/hostprobesandhostlifecycle0.yaml';
    const { status, stdout } = await cli('check', '--level', 'baseline', '--warn-level', 'privileged', '--version', 'v1.30', '--preview-version', 'latest', '--format', 'json', file);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.findings.map((f: { check: string; mode: string; blocking: boolean; level: string; version: string }) => [f.check, f.mode, f.blocking, `${f.level}:${f.version}`])).toEqual([
      ['hostProbesAndHostLifecycle', 'preview', false, 'baseline:latest'],
    ]);
    // Without the preview, v1.30 has no such check: nothing at all.
    expect(JSON.parse((await cli('check', '--level', 'baseline', '--warn-level', 'privileged', '--version', 'v1.30', '--format', 'json', file)).stdout).findings).toEqual([]);
  });
});

describe('the committed bundle dist/cli.js on a terminal', () => {
  // util-linux `script` runs the command on a pseudo-terminal: stdout and stderr are a real TTY.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)('shows a progress line on stderr for a large input, rewritten in place and erased before the report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-tty-'));
    try {
      const filler = `# ${'x'.repeat(1022)}\n`.repeat(1024);
      for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, `pod${i}.yaml`), `${filler}apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n  - name: c\n    image: i\n`);
      const command = `${JSON.stringify(process.execPath)} dist/cli.js check --render off ${JSON.stringify(dir)}`;
      const run = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^\rchecking 0\/5 files, 0\.0\/5\.0 MiB \(0%\)…/);
      // Erased (spaces, back to column 0) before the report, which is coloured on a terminal.
      const erased = /… *\r {20,}\r/.exec(run.stdout);
      expect(erased).not.toBeNull();
      expect(run.stdout.slice(erased!.index + erased![0].length).startsWith('\u001b[33m')).toBe(true);
      // In a pipe: neither.
      const piped = spawnSync(process.execPath, ['dist/cli.js', 'check', '--render', 'off', dir], { cwd: repoRoot, encoding: 'utf8' });
      expect(piped.stderr).toBe('');
      expect(piped.stdout).not.toContain('\r');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
