/**
 * `pod-security-review diff` on the scenario fixtures, each turned into a
 * real git repository: only new or modified pod specs are evaluated, with
 * their status, whether each violation predates the change, and whether
 * each line can carry an inline comment.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { gitIn, makeRepo, makeScenarioRepo } from '../helpers/gitRepo.js';

const repos: string[] = [];
afterAll(() => {
  for (const dir of repos) rmSync(dir, { recursive: true, force: true });
});

interface JsonFinding {
  file: string;
  name: string;
  check: string;
  line: number;
  status: string;
  preexisting: boolean;
  locations: { path: string; line: number; inDiff: boolean }[];
}

/** These tests are about scoping: no warn level unless a test asks for one. */
async function diff(scenario: string, ...args: string[]) {
  const cwd = makeScenarioRepo(scenario);
  repos.push(cwd);
  let stdout = '';
  let stderr = '';
  const warn = args.includes('--warn-level') ? [] : ['--warn-level', 'privileged'];
  const status = await runCli(['diff', '--base', 'main', '--format', 'json', ...warn, ...args], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  expect(stderr).toBe('');
  const report = JSON.parse(stdout) as {
    summary: { podSpecs: number; findings: number; errors: number; unchanged: number };
    findings: JsonFinding[];
    errors: { file: string; line: number | null; kind: string; message: string }[];
    podSpecs: { file: string; name: string; status: string; previousFile: string | null; allowed: boolean }[];
  };
  const brief = report.findings.map((f) => [f.file, f.name, f.check, f.line, f.status, f.preexisting, f.locations.map((l) => [l.line, l.inDiff])]);
  return { status, report, brief };
}

describe('pod-security-review diff', () => {
  it('evaluates a new workload', async () => {
    const { status, brief, report } = await diff('new-workload', '--level', 'baseline');
    expect(status).toBe(1);
    expect(brief).toEqual([['deploy/api.yaml', 'api', 'hostNamespaces', 16, 'new', false, [[16, true]]]]);
    expect(report.podSpecs).toMatchObject([{ file: 'deploy/api.yaml', name: 'api', status: 'new', previousFile: null, allowed: false }]);
  });

  it('marks an old violation of a modified workload as preexisting, and its line as outside the diff', async () => {
    const { brief } = await diff('modified-with-old-violation', '--level', 'baseline');
    expect(brief).toEqual([
      ['deploy/worker.yaml', 'worker', 'hostNamespaces', 16, 'modified', false, [[16, true]]],
      ['deploy/worker.yaml', 'worker', 'privileged', 23, 'modified', true, [[23, false]]],
    ]);
  });

  it('with --only-new-violations, reports only what the change introduced', async () => {
    const { brief, status } = await diff('modified-with-old-violation', '--level', 'baseline', '--only-new-violations');
    expect(status).toBe(1);
    expect(brief.map((f) => f[2])).toEqual(['hostNamespaces']);
  });

  it('stays quiet about an unchanged violating workload in a changed multi-document file', async () => {
    const { brief, report } = await diff('unchanged-in-changed-file', '--level', 'baseline');
    expect(brief).toEqual([['deploy/all.yaml', 'cart', 'hostNamespaces', 39, 'modified', false, [[39, true]]]]);
    expect(report.summary.unchanged).toBe(1);
  });

  it('ignores a change of formatting only', async () => {
    const { status, report } = await diff('reformat-only', '--level', 'baseline');
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ podSpecs: 0, unchanged: 1 });
  });

  it('follows renames: a changed renamed workload is modified, a pure rename is unchanged', async () => {
    const { brief, report } = await diff('rename', '--level', 'baseline');
    expect(brief).toEqual([['new/web.yaml', 'web', 'privileged', 22, 'modified', true, [[22, false]]]]);
    expect(report.podSpecs).toMatchObject([{ name: 'web', status: 'modified', previousFile: 'old/web.yaml' }]);
    expect(report.summary.unchanged).toBe(1);
  });

  it('reports nothing for a deleted file', async () => {
    const { status, report } = await diff('delete', '--level', 'baseline');
    expect(status).toBe(0);
    expect(report).toMatchObject({ findings: [], errors: [], podSpecs: [] });
  });

  it('evaluates only the changed item of a List', async () => {
    const { brief, report } = await diff('list', '--level', 'baseline');
    expect(brief).toEqual([['list.yaml', 'second', 'hostNamespaces', 22, 'modified', false, [[22, true]]]]);
    expect(report.summary.unchanged).toBe(1);
  });

  it('reads JSON manifests', async () => {
    const { brief } = await diff('json', '--level', 'baseline');
    expect(brief).toEqual([
      ['pod.json', 'debug', 'hostNamespaces', 6, 'new', false, [[6, true]]],
      ['pod.json', 'debug', 'privileged', 8, 'new', false, [[8, true]]],
    ]);
  });

  it('sees a change to an anchored block in every workload that uses it', async () => {
    const { brief } = await diff('anchors', '--level', 'baseline');
    expect(brief).toEqual([
      ['shared.yaml', 'one', 'hostNamespaces', 11, 'modified', false, [[11, true]]],
      ['shared.yaml', 'two', 'hostNamespaces', 11, 'modified', false, [[11, true]]],
    ]);
  });

  it('names a malformed file and still checks the others; a file malformed at base counts as new', async () => {
    const { brief, report, status } = await diff('malformed', '--level', 'baseline');
    expect(status).toBe(1);
    expect(report.errors).toMatchObject([
      { file: 'deploy/broken.yaml', kind: 'malformed', line: 5 },
      { file: 'deploy/legacy.yaml', kind: 'malformed', line: 11 },
    ]);
    expect(brief).toEqual([
      ['deploy/fixed.yaml', 'fixed', 'hostNamespaces', 16, 'new', false, [[16, true]]],
      ['deploy/ok.yaml', 'ok', 'hostNamespaces', 16, 'modified', false, [[16, true]]],
    ]);
  });

  it('skips templates with a notice and non-Kubernetes YAML silently', async () => {
    const { report, status } = await diff('template-and-other-yaml');
    expect(status).toBe(0);
    expect(report.errors).toEqual([
      { file: 'chart/templates/deployment.yaml', line: 4, kind: 'template', message: expect.stringContaining('Go/Helm template') },
    ]);
    expect(report.findings).toEqual([]);
  });

  it('keeps the identity of a workload moved between two changed files', async () => {
    const { brief, report } = await diff('moved-between-files', '--level', 'baseline');
    // xray changed its image (in its pod template); yankee only moved from a.yaml to b.yaml.
    expect(report.errors).toEqual([]);
    expect(brief).toEqual([['a.yaml', 'xray', 'hostNamespaces', 16, 'modified', true, [[16, true]]]]);
    expect(report.podSpecs).toMatchObject([{ name: 'xray', status: 'modified' }]);
    expect(report.summary.unchanged).toBe(2);
  });

  it('selects files with --include and --exclude, on both paths of a rename', async () => {
    expect((await diff('rename', '--level', 'baseline', '--include', 'new/**')).brief.map((f) => f[1])).toEqual(['web']);
    expect((await diff('rename', '--level', 'baseline', '--include', 'old/**')).brief.map((f) => f[1])).toEqual(['web']);
    expect((await diff('rename', '--level', 'baseline', '--exclude', '**/web.yaml')).brief).toEqual([]);
  });

  it('compares from the merge base, like git diff base...head', async () => {
    const cwd = makeScenarioRepo('new-workload');
    repos.push(cwd);
    // main moves on after the branch point with a violating file of its own.
    gitIn(cwd, 'checkout', '--quiet', 'main');
    gitIn(cwd, 'checkout', '--quiet', 'feature', '--', 'deploy/api.yaml');
    gitIn(cwd, 'mv', 'deploy/api.yaml', 'deploy/main-only.yaml');
    gitIn(cwd, 'commit', '--quiet', '-m', 'main moves on');
    gitIn(cwd, 'checkout', '--quiet', 'feature');
    let stdout = '';
    await runCli(['diff', '--base', 'main', '--format', 'json', '--level', 'baseline', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => {} });
    expect(JSON.parse(stdout).findings.map((f: JsonFinding) => f.file)).toEqual(['deploy/api.yaml']);
  });

  it('prints status and preexisting in text', async () => {
    const cwd = makeScenarioRepo('modified-with-old-violation');
    repos.push(cwd);
    let stdout = '';
    await runCli(['diff', '--base', 'main', '--level', 'baseline', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => {} });
    expect(stdout).toBe(
      'deploy/worker.yaml:16:7: error: Deployment shop/worker (modified): host namespaces (hostPID=true) [hostNamespaces]\n' +
        'deploy/worker.yaml:23:11: error: Deployment shop/worker (modified, already failing before): privileged (container "worker" must not set securityContext.privileged=true) [privileged]\n' +
        'baseline:latest (warn privileged:latest): 1 pod spec checked, 1 violating (2 blocking findings, 0 warnings); 0 unchanged pod specs not checked\n',
    );
  });

  it.each([
    [['--head', 'HEAD'], '--base REF is required'],
    [['--base', 'no-such-branch'], '--base no-such-branch: no such commit here; fetch it (git fetch origin no-such-branch), or in GitHub Actions, check out with fetch-depth: 0'],
  ])('exits 2 on %j', async (args, message) => {
    const cwd = makeScenarioRepo('new-workload');
    repos.push(cwd);
    let stderr = '';
    const status = await runCli(['diff', ...args], { cwd, stdout: () => {}, stderr: (t) => (stderr += t) });
    expect(status).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('pod-security-review diff under a policy', () => {
  it('judges each workload by its namespace labels, config rules, exemptions, disables and opt-outs', async () => {
    const cwd = makeScenarioRepo('namespaces');
    repos.push(cwd);
    let stdout = '';
    const status = await runCli(['diff', '--base', 'main', '--format', 'json'], { cwd, stdout: (t) => (stdout += t), stderr: () => {} });
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    const byWorkload = (name: string) => report.findings.filter((f: { name: string }) => f.name === name);
    const summarize = (name: string) => byWorkload(name).map((f: { check: string; mode: string; blocking: boolean; level: string; version: string; levelSource: { kind: string } }) => [f.check, f.mode, f.blocking, `${f.level}:${f.version}`, f.levelSource.kind]);

    // prod: restricted at the labelled version, blocking.
    expect(summarize('api')).toEqual([
      ['allowPrivilegeEscalation', 'enforce', true, 'restricted:v1.30', 'namespace-label'],
      ['capabilities_restricted', 'enforce', true, 'restricted:v1.30', 'namespace-label'],
      ['runAsNonRoot', 'enforce', true, 'restricted:v1.30', 'namespace-label'],
      ['seccompProfile_restricted', 'enforce', true, 'restricted:v1.30', 'namespace-label'],
    ]);
    // dev: baseline blocks, restricted warns (both from labels).
    expect(summarize('tools').map((f: unknown[]) => f.slice(0, 3))).toEqual([
      ['hostNamespaces', 'enforce', true],
      ['allowPrivilegeEscalation', 'warn', false],
      ['capabilities_restricted', 'warn', false],
      ['runAsNonRoot', 'warn', false],
      ['seccompProfile_restricted', 'warn', false],
    ]);
    // An invalid enforce label fails closed to restricted, as upstream; the Namespace itself is an error.
    expect(byWorkload('legacy').every((f: { level: string; blocking: boolean }) => f.level === 'restricted' && f.blocking)).toBe(true);
    expect(report.errors).toEqual([
      expect.objectContaining({ file: 'cluster/namespaces.yaml', line: 21, message: expect.stringContaining('Invalid value: "strict": must be one of privileged, baseline, restricted') }),
    ]);
    // A config rule by file.
    expect(byWorkload('billing')[0].levelSource).toEqual({ kind: 'config-rule', detail: 'rules[0] in .github/pod-security.yaml:6' });
    // Ignored findings are listed with why, never dropped.
    expect(report.ignored.map((f: { name: string; check: string; why: string[] }) => [f.name, f.check, f.why[0]])).toEqual([
      ['agent', 'hostNamespaces', expect.stringContaining('namespace kube-system is exempt')],
      ['debug', 'privileged', expect.stringContaining('break-glass debugging pod')],
      ['ingress', 'hostPorts', expect.stringContaining('disabled by disable[0] in .github/pod-security.yaml:9')],
    ]);
    // An opt-out without a reason is not honoured, and is reported itself.
    expect(summarize('cache')).toEqual([['hostNamespaces', 'enforce', true, 'baseline:latest', 'config-default']]);
    expect(byWorkload('cache')[0].optOutNote).toContain('not honoured');
    expect(report.policyProblems).toEqual([expect.objectContaining({ file: 'apps/cache.yaml', line: 7, name: 'cache', annotation: 'pod-security-review/ignore' })]);
  });

  it("reports the Namespace label problems that concern the change, not those of Namespaces it neither edits nor checks a pod spec in", async () => {
    const namespace = (name: string, level: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;
    const deployment = (namespace: string, image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: ${namespace}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;
    const base = mkdtempSync(path.join(tmpdir(), 'psr-labels-base-'));
    const head = mkdtempSync(path.join(tmpdir(), 'psr-labels-head-'));
    repos.push(base, head);
    const files: Record<string, string> = {
      // Two definitions of shop with other labels, and an invalid label on legacy: there before any change.
      'cluster/shop-a.yaml': namespace('shop', 'restricted'),
      'cluster/shop-b.yaml': namespace('shop', 'baseline'),
      'cluster/legacy.yaml': namespace('legacy', 'strict'),
      // A label value that is no string: the API server would refuse the Namespace.
      'cluster/numbered.yaml': `${namespace('numbered', 'baseline')}    pod-security.kubernetes.io/enforce-version: 1.25\n`,
      'web/app.yaml': deployment('web', 'web:1'),
      'shop/app.yaml': deployment('shop', 'shop:1'),
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
      writeFileSync(path.join(base, file), text);
    }
    const review = async (edits: Record<string, string>) => {
      rmSync(head, { recursive: true, force: true });
      cpSync(base, head, { recursive: true });
      for (const [file, text] of Object.entries(edits)) writeFileSync(path.join(head, file), text);
      const cwd = makeRepo(base, head);
      repos.push(cwd);
      let stdout = '';
      const status = await runCli(['diff', '--base', 'main', '--format', 'json'], { cwd, stdout: (t) => (stdout += t), stderr: () => {} });
      const report = JSON.parse(stdout) as { errors: { file: string; kind: string }[] };
      return { status, errors: report.errors.map((e) => [e.file, e.kind]) };
    };
    // A change to a workload in another namespace hears of neither, and its run does not fail for the invalid label.
    expect(await review({ 'web/app.yaml': deployment('web', 'web:2') })).toEqual({ status: 0, errors: [] });
    // A workload in shop is judged by one of two definitions: the conflict is the change's concern.
    expect((await review({ 'shop/app.yaml': deployment('shop', 'shop:2') })).errors).toEqual([['cluster/shop-b.yaml', 'namespace-conflict']]);
    // So is a conflict whose first definition the change edits, and an invalid label it writes.
    expect((await review({ 'cluster/shop-a.yaml': namespace('shop', 'privileged') })).errors).toEqual([['cluster/shop-b.yaml', 'namespace-conflict']]);
    expect((await review({ 'cluster/legacy.yaml': namespace('legacy', 'stricter') })).errors).toEqual([['cluster/legacy.yaml', 'invalid']]);
  });

  it('turns namespace labels off, and fails on an invalid config naming key and line', async () => {
    const cwd = makeScenarioRepo('namespaces');
    repos.push(cwd);
    let stdout = '';
    await runCli(['diff', '--base', 'main', '--format', 'json', '--namespace-labels', 'false'], { cwd, stdout: (t) => (stdout += t), stderr: () => {} });
    const api = JSON.parse(stdout).findings.filter((f: { name: string }) => f.name === 'api');
    expect(api).toEqual([]); // prod's restricted label no longer applies; the config default is baseline
    let stderr = '';
    const status = await runCli(['diff', '--base', 'main', '--config', 'fixtures-invalid.yaml'], { cwd, stdout: () => {}, stderr: (t) => (stderr += t) });
    expect(status).toBe(2);
    expect(stderr).toContain('--config fixtures-invalid.yaml: not in the base commit'); // diff reads the config at REF
  });
});
