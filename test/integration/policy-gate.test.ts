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
import { readNamespaceFiles } from '../../src/git/namespaceWorkloads.js';
import { defaultSelection } from '../../src/scope/select.js';
import { startEmulator } from '../helpers/github-emulator/index.js';
import type { Emulator, PullRequestHandle } from '../helpers/github-emulator/index.js';
import { gitIn, makeRepo } from '../helpers/gitRepo.js';
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
async function diffRun(base: Record<string, string>, head: Record<string, string>, ...args: string[]) {
  const repo = makeRepo(tree(base), tree(head));
  temporary.push(repo);
  const run = await cli(repo, 'diff', '--base', 'main', '--format', 'json', '--warn-level', 'privileged', ...args);
  return { status: run.status, stderr: run.stderr, report: JSON.parse(run.stdout) as JsonReport };
}

/** The same, with nothing on stderr. */
async function diffJson(base: Record<string, string>, head: Record<string, string>, ...args: string[]) {
  const { status, stderr, report } = await diffRun(base, head, ...args);
  expect(stderr).toBe('');
  return { status, report };
}

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** The issue's DaemonSet: privileged and host-namespaced, behind one comment line with `{{`. */
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
    expect(neutral.stdout).toContain('chart/templates/deployment.yaml:4: note: looks like a Go/Helm template');
    const strict = await cli(dir, 'check', '--unchecked', 'failure', 'chart');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('chart/templates/deployment.yaml:4: error: looks like a Go/Helm template');
    const bad = await cli(dir, 'check', '--unchecked', 'maybe', 'chart');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--unchecked "maybe": must be one of neutral, failure, success');
  });
});

const namespace = (name: string, labels: Record<string, string>) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n${Object.entries(labels)
    .map(([k, v]) => `    pod-security.kubernetes.io/${k}: ${v}\n`)
    .join('')}`;

/** A Deployment with host networking (baseline fails), and restricted's usual gaps. */
const deployment = (name: string, ns: string, extra: { templateAnnotations?: Record<string, string>; image?: string; runtimeClassName?: string } = {}) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    'spec:',
    '  template:',
    ...(extra.templateAnnotations
      ? ['    metadata:', '      annotations:', ...Object.entries(extra.templateAnnotations).map(([k, v]) => `        ${k}: "${v}"`)]
      : []),
    '    spec:',
    ...(extra.runtimeClassName ? [`      runtimeClassName: ${extra.runtimeClassName}`] : []),
    '      hostNetwork: true',
    '      containers:',
    `      - name: ${name}`,
    `        image: ${extra.image ?? 'nginx'}`,
    '',
  ].join('\n');

const optOut = { 'pod-security-review/ignore': 'hostNamespaces', 'pod-security-review/reason': 'the agent needs the node network' };

const relaxed = (report: JsonReport) => report.findings.filter((f) => f.check === 'policy.relaxed');
const blockingChecks = (report: JsonReport, name: string) => report.findings.filter((f) => f.name === name && f.blocking && f.check !== 'policy.relaxed').map((f) => f.check);

describe('item 2: a pull request cannot relax the policy that judges it (CLI diff)', () => {
  const base = { 'deploy/ns.yaml': namespace('shop', { enforce: 'restricted' }), 'deploy/api.yaml': deployment('api', 'shop') };

  it('reports a lowered label on its line, blocking, and judges the changed pod spec under the stricter base label', async () => {
    const head = { 'deploy/ns.yaml': namespace('shop', { enforce: 'privileged' }), 'deploy/api.yaml': deployment('api', 'shop', { image: 'nginx:2' }) };
    const { status, report } = await diffJson(base, head);
    expect(relaxed(report)).toMatchObject([
      { file: 'deploy/ns.yaml', line: 6, name: 'shop', blocking: true, level: 'restricted', reason: 'the pull request relaxes the pod-security labels of Namespace shop' },
    ]);
    // Privileged at head, but restricted at base: the stricter one judges the change.
    expect(blockingChecks(report, 'api')).toEqual(expect.arrayContaining(['hostNamespaces', 'runAsNonRoot']));
    expect(status).toBe(1);
  });

  it('warns instead with --policy-changes warn', async () => {
    const head = { 'deploy/ns.yaml': namespace('shop', { enforce: 'privileged' }), 'deploy/api.yaml': base['deploy/api.yaml'] };
    const { report } = await diffJson(base, head, '--policy-changes', 'warn');
    expect(relaxed(report)).toMatchObject([{ file: 'deploy/ns.yaml', blocking: false }]);
  });

  it('says nothing of a Namespace file the selection excludes, and takes its labels as they are', async () => {
    const ns = { 'cluster/ns.yaml': namespace('tools', { enforce: 'privileged' }) };
    const { report } = await diffJson(ns, { 'cluster/ns.yaml': `${ns['cluster/ns.yaml']}  annotations: {owner: platform}\n`, 'deploy/api.yaml': deployment('api', 'tools') }, '--exclude', 'cluster/**');
    expect(report.findings).toEqual([]);
  });

  it('reads the config file at the base commit, not from the working tree', async () => {
    const repo = makeRepo(
      tree({ '.github/pod-security.yaml': 'level: baseline\n', 'deploy/api.yaml': deployment('api', 'shop') }),
      tree({ '.github/pod-security.yaml': 'level: privileged\nexemptions:\n  namespaces: [shop]\n', 'ops/strict.yaml': 'level: restricted\n', 'deploy/api.yaml': deployment('api', 'shop', { image: 'nginx:2' }) }),
    );
    temporary.push(repo);
    const run = await cli(repo, 'diff', '--base', 'main', '--format', 'json', '--warn-level', 'privileged');
    expect(blockingChecks(JSON.parse(run.stdout) as JsonReport, 'api')).toEqual(['hostNamespaces']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('.github/pod-security.yaml is read at the base commit');
    // What the change does to the config is itself a policy change, on its lines.
    expect(relaxed(JSON.parse(run.stdout) as JsonReport)).toMatchObject([
      { file: '.github/pod-security.yaml', line: 1, blocking: true, detail: 'level baseline:latest becomes privileged:latest; namespace shop becomes exempt' },
    ]);
    // From a sub-folder, the path is relative to it, as check reads it.
    const nested = await cli(path.join(repo, 'deploy'), 'diff', '--base', 'main', '--format', 'json', '--config', '../.github/pod-security.yaml');
    expect(blockingChecks(JSON.parse(nested.stdout) as JsonReport, 'api')).toEqual(['hostNamespaces']);
    const added = await cli(repo, 'diff', '--base', 'main', '--config', 'ops/strict.yaml');
    expect(added.status).toBe(2);
    expect(added.stderr).toContain('--config ops/strict.yaml: not in the base commit');
  });

  it('reports what a change to the config relaxes, each on its line, and nothing for a tightening', async () => {
    const config = '.github/pod-security.yaml';
    const before = 'strict: true\nrules:\n  - match: {namespaces: [legacy]}\n    level: baseline\n  - match: {files: ["ops/**"]}\n    level: restricted\n';
    const after = 'rules:\n  - match: {namespaces: [legacy]}\n    level: privileged\ndisable:\n  - checks: [hostPorts]\n    reason: ingress\nopt-outs: any\npolicy-changes: warn\nnamespace-labels: false\n';
    const { status, report } = await diffRun({ [config]: before }, { [config]: after });
    const [finding] = relaxed(report) as (JsonReport['findings'][number] & { detail: string; locations: { line: number }[] })[];
    expect(finding).toMatchObject({ file: config, line: 1, blocking: true, reason: `the pull request relaxes the policy config ${config}` });
    expect(finding!.detail.split('; ')).toEqual([
      'disable[0] disables hostPorts',
      'rules[0] lowers the enforce level of what it matches to privileged:latest',
      'rules[1] (restricted:latest for what it matched) is removed',
      'strict is no longer true',
      'opt-outs base-only becomes any',
      'policy-changes block becomes warn',
      'namespace-labels becomes false: Namespace labels no longer judge',
    ]);
    expect(finding!.locations.map((l) => l.line)).toEqual([1, 2, 5, 7, 8, 9]);
    expect(status).toBe(1);
    const tightened = await diffRun({ [config]: after }, { [config]: before });
    expect(relaxed(tightened.report)).toEqual([]);
  });

  it('says nothing of the config when only the base branch changed it since the branch point', async () => {
    const config = '.github/pod-security.yaml';
    const repo = makeRepo(tree({ [config]: 'level: baseline\n', 'deploy/api.yaml': deployment('api', 'shop') }), tree({ [config]: 'level: baseline\n', 'deploy/api.yaml': deployment('api', 'shop', { image: 'nginx:2' }) }));
    temporary.push(repo);
    gitIn(repo, 'checkout', '--quiet', 'main');
    writeFileSync(path.join(repo, config), 'level: restricted\n');
    gitIn(repo, 'commit', '--quiet', '-am', 'tighten');
    gitIn(repo, 'checkout', '--quiet', 'feature');
    const run = await cli(repo, 'diff', '--base', 'main', '--format', 'json', '--warn-level', 'privileged');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(relaxed(report)).toEqual([]);
    // Judged by the base branch as it is now.
    expect(blockingChecks(report, 'api')).toEqual(expect.arrayContaining(['hostNamespaces', 'runAsNonRoot']));
    expect(run.stderr).toBe('');
  });

  it('reports a new Namespace labelled privileged', async () => {
    const { status, report } = await diffJson({ 'README.md': 'x\n' }, { 'README.md': 'x\n', 'deploy/ns.yaml': namespace('tools', { enforce: 'privileged' }) });
    expect(relaxed(report)).toMatchObject([{ file: 'deploy/ns.yaml', line: 6, name: 'tools', blocking: true, level: 'baseline' }]);
    expect(status).toBe(1);
  });

  it('reports a workload moved into a more lenient path, and judges it under the stricter', async () => {
    const config = { '.github/pod-security.yaml': 'level: baseline\nrules:\n  - match: {files: ["legacy/**"]}\n    level: privileged\n' };
    const api = deployment('api', 'shop');
    const { report } = await diffJson({ ...config, 'deploy/api.yaml': api }, { ...config, 'legacy/api.yaml': api });
    expect(relaxed(report)).toMatchObject([{ file: 'legacy/api.yaml', line: 4, name: 'api', blocking: true, detail: expect.stringContaining('moved from deploy/api.yaml') }]);
    expect(blockingChecks(report, 'api')).toEqual(['hostNamespaces']);
  });

  it('reports a workload moved into an exempt namespace, on its namespace line', async () => {
    const config = { '.github/pod-security.yaml': 'exemptions:\n  namespaces: [kube-system]\n' };
    const { report } = await diffJson({ ...config, 'deploy/api.yaml': deployment('api', 'shop') }, { ...config, 'deploy/api.yaml': deployment('api', 'kube-system') });
    expect(relaxed(report)).toMatchObject([{ file: 'deploy/api.yaml', line: 5, blocking: true, detail: expect.stringContaining('it becomes exempt') }]);
    expect(blockingChecks(report, 'api')).toEqual(['hostNamespaces']);
  });
});

describe('item 11: opt-outs a pull request adds (CLI diff)', () => {
  const base = { 'deploy/agent.yaml': deployment('agent', 'shop', { image: 'agent:1' }) };
  const head = { 'deploy/agent.yaml': deployment('agent', 'shop', { image: 'agent:2', templateAnnotations: optOut }) };

  it('does not honour a new opt-out by default, and reports it on its annotation line', async () => {
    const { status, report } = await diffJson(base, head);
    expect(blockingChecks(report, 'agent')).toEqual(['hostNamespaces']);
    expect(relaxed(report)).toMatchObject([{ file: 'deploy/agent.yaml', line: 10, blocking: true, detail: 'adds an opt-out of hostNamespaces' }]);
    expect(status).toBe(1);
  });

  it('honours it with --opt-outs any, and nothing at all with --opt-outs none', async () => {
    const any = await diffJson(base, head, '--opt-outs', 'any');
    expect(any.report.findings).toEqual([]);
    expect(any.status).toBe(0);
    const none = await diffJson(head, { 'deploy/agent.yaml': head['deploy/agent.yaml'].replace('agent:2', 'agent:3') }, '--opt-outs', 'none');
    expect(blockingChecks(none.report, 'agent')).toEqual(['hostNamespaces']);
    expect(relaxed(none.report)).toEqual([]);
  });

  it('keeps honouring an opt-out already at base', async () => {
    const { status, report } = await diffJson(head, { 'deploy/agent.yaml': head['deploy/agent.yaml'].replace('agent:2', 'agent:3') });
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
  });

  it('reads opt-outs: any from the config file', async () => {
    const config = { '.github/pod-security.yaml': 'opt-outs: any\n' };
    const { report } = await diffJson({ ...config, ...base }, { ...config, ...head });
    expect(report.findings).toEqual([]);
  });
});

describe('item 6: policy follows the object, not only its text (CLI diff)', () => {
  it('evaluates a pod spec renamed out of a lenient files rule as modified, its violations new', async () => {
    const config = { '.github/pod-security.yaml': 'rules:\n  - match: {files: ["legacy/**"]}\n    level: privileged\n' };
    const api = deployment('api', 'shop');
    const { status, report } = await diffJson({ ...config, 'legacy/api.yaml': api }, { ...config, 'deploy/api.yaml': api });
    expect(report.podSpecs).toMatchObject([{ name: 'api', status: 'modified' }]);
    expect(report.findings).toMatchObject([{ file: 'deploy/api.yaml', check: 'hostNamespaces', blocking: true, status: 'modified', preexisting: false }]);
    expect(status).toBe(1);
  });

  it('evaluates an unchanged workload whose Namespace label the change raises', async () => {
    const api = deployment('api', 'shop');
    const { report } = await diffJson({ 'deploy/app.yaml': `${namespace('shop', { enforce: 'privileged' })}---\n${api}` }, { 'deploy/app.yaml': `${namespace('shop', { enforce: 'baseline' })}---\n${api}` });
    expect(report.podSpecs).toMatchObject([{ name: 'api', status: 'modified' }]);
    expect(blockingChecks(report, 'api')).toEqual(['hostNamespaces']);
  });
});

/** The cluster's PodSecurityConfiguration: enforce on line 4, exempt namespaces on line 6, runtime classes on line 7. */
const admissionConfig = (o: { enforce?: string; namespaces?: string[]; runtimeClasses?: string[] } = {}) =>
  [
    'apiVersion: pod-security.admission.config.k8s.io/v1',
    'kind: PodSecurityConfiguration',
    'defaults:',
    `  enforce: ${o.enforce ?? 'baseline'}`,
    'exemptions:',
    `  namespaces: [${(o.namespaces ?? []).join(', ')}]`,
    `  runtimeClasses: [${(o.runtimeClasses ?? []).join(', ')}]`,
    '',
  ].join('\n');

/** A Kyverno baseline rule on every pod: its failureAction on line 13, its podSecurity excludes from line 18. */
const kyvernoPolicy = (o: { action?: string; exclude?: string[] } = {}) =>
  [
    'apiVersion: kyverno.io/v1',
    'kind: ClusterPolicy',
    'metadata:',
    '  name: psa',
    'spec:',
    '  rules:',
    '    - name: baseline',
    '      match:',
    '        any:',
    '          - resources:',
    '              kinds: [Pod]',
    '      validate:',
    `        failureAction: ${o.action ?? 'Enforce'}`,
    '        podSecurity:',
    '          level: baseline',
    '          version: latest',
    ...(o.exclude ? ['          exclude:', ...o.exclude.map((control) => `            - controlName: ${control}`)] : []),
    '',
  ].join('\n');

describe("items 2 and 6: the cluster's own policies are read at base too (CLI diff)", () => {
  const api = deployment('api', 'shop');
  const bumped = deployment('api', 'shop', { image: 'nginx:2' });

  it('reports a PodSecurityConfiguration exemption the change adds, on its line, and judges the workload without it', async () => {
    const { status, report } = await diffJson(
      { 'cluster/admission.yaml': admissionConfig(), 'deploy/api.yaml': api },
      { 'cluster/admission.yaml': admissionConfig({ namespaces: ['shop'] }), 'deploy/api.yaml': bumped },
    );
    expect(relaxed(report)).toMatchObject([{ file: 'cluster/admission.yaml', line: 6, blocking: true, detail: expect.stringContaining('namespace shop becomes exempt') }]);
    expect(blockingChecks(report, 'api')).toEqual(['hostNamespaces']);
    expect(status).toBe(1);
  });

  it('reports lowered PodSecurityConfiguration defaults on their line, and judges under the base ones', async () => {
    const { report } = await diffJson(
      { 'cluster/admission.yaml': admissionConfig(), 'deploy/api.yaml': api },
      { 'cluster/admission.yaml': admissionConfig({ enforce: 'privileged' }), 'deploy/api.yaml': bumped },
    );
    expect(relaxed(report)).toMatchObject([{ file: 'cluster/admission.yaml', line: 4, blocking: true, detail: expect.stringContaining('enforce baseline:latest becomes privileged') }]);
    expect(blockingChecks(report, 'api')).toEqual(['hostNamespaces']);
  });

  it('reports a Kyverno exclusion the change adds, on its line, and judges under the base rule', async () => {
    const { status, report } = await diffJson(
      { 'policies/psa.yaml': kyvernoPolicy(), 'deploy/api.yaml': api },
      { 'policies/psa.yaml': kyvernoPolicy({ exclude: ['Host Namespaces'] }), 'deploy/api.yaml': bumped },
      '--level',
      'privileged',
    );
    expect(relaxed(report)).toMatchObject([{ file: 'policies/psa.yaml', line: 18, blocking: true, detail: expect.stringContaining('adds an exclusion of Host Namespaces') }]);
    expect(blockingChecks(report, 'api')).toEqual(['hostNamespaces']);
    expect(status).toBe(1);
  });

  it('reports a Kyverno rule turned from Enforce to Audit, and one removed', async () => {
    const audit = await diffJson(
      { 'policies/psa.yaml': kyvernoPolicy(), 'deploy/api.yaml': api },
      { 'policies/psa.yaml': kyvernoPolicy({ action: 'Audit' }), 'deploy/api.yaml': bumped },
      '--level',
      'privileged',
    );
    expect(relaxed(audit.report)).toMatchObject([{ file: 'policies/psa.yaml', line: 13, blocking: true, detail: expect.stringContaining('Enforce becomes Audit') }]);
    expect(blockingChecks(audit.report, 'api')).toEqual(['hostNamespaces']);
    const removed = await diffJson({ 'policies/psa.yaml': kyvernoPolicy(), 'deploy/api.yaml': api }, { 'deploy/api.yaml': bumped }, '--level', 'privileged');
    expect(relaxed(removed.report)).toMatchObject([{ file: 'policies/psa.yaml', blocking: true, detail: expect.stringContaining('removed') }]);
    expect(blockingChecks(removed.report, 'api')).toEqual(['hostNamespaces']);
  });

  it("reports a Namespace relabelled out of a Kyverno rule's namespaceSelector, and judges its pods under the base labels", async () => {
    const selecting = kyvernoPolicy().replace('              kinds: [Pod]\n', '              kinds: [Pod]\n              namespaceSelector:\n                matchLabels: {env: prod}\n');
    const shop = (env: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    env: ${env}\n`;
    const { status, report } = await diffJson(
      { 'policies/psa.yaml': selecting, 'cluster/ns.yaml': shop('prod'), 'deploy/api.yaml': api },
      { 'policies/psa.yaml': selecting, 'cluster/ns.yaml': shop('dev'), 'deploy/api.yaml': bumped },
      '--level',
      'privileged',
    );
    expect(relaxed(report)).toMatchObject([{ file: 'cluster/ns.yaml', line: 6, blocking: true, detail: 'Kyverno ClusterPolicy/psa rule baseline no longer selects it' }]);
    expect(blockingChecks(report, 'api')).toEqual(['hostNamespaces']);
    expect(status).toBe(1);
  });

  it('says nothing of a change that tightens them', async () => {
    const { report } = await diffJson(
      { 'cluster/admission.yaml': admissionConfig({ enforce: 'privileged', namespaces: ['shop'] }), 'policies/psa.yaml': kyvernoPolicy({ action: 'Audit', exclude: ['Host Namespaces'] }) },
      { 'cluster/admission.yaml': admissionConfig(), 'policies/psa.yaml': kyvernoPolicy() },
    );
    expect(relaxed(report)).toEqual([]);
  });

  it('reports a runtimeClassName moved to an exempt runtime class, on its line', async () => {
    const cluster = { 'cluster/admission.yaml': admissionConfig({ runtimeClasses: ['kata'] }) };
    const { status, report } = await diffJson({ ...cluster, 'deploy/api.yaml': api }, { ...cluster, 'deploy/api.yaml': deployment('api', 'shop', { runtimeClassName: 'kata' }) });
    expect(relaxed(report)).toMatchObject([{ file: 'deploy/api.yaml', line: 9, blocking: true, detail: expect.stringContaining('runtimeClassName kata is exempt') }]);
    expect(blockingChecks(report, 'api')).toEqual(['hostNamespaces']);
    expect(status).toBe(1);
  });

  it('lets a new workload use an exemption already at base', async () => {
    const cluster = { 'cluster/admission.yaml': admissionConfig({ runtimeClasses: ['kata'] }) };
    const { status, report } = await diffJson(cluster, { ...cluster, 'deploy/api.yaml': deployment('api', 'shop', { runtimeClassName: 'kata' }) });
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
  });
});

describe('item 6: a relabelled Namespace re-evaluates its workloads outside the change (CLI diff)', () => {
  const webJson = `${JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec: { hostPID: true, containers: [{ name: 'web', image: 'nginx' }] } }, null, 2)}\n`;
  const files = { 'deploy/api.yaml': deployment('api', 'shop'), 'deploy/web.json': webJson, 'other/tool.yaml': deployment('tool', 'tools') };

  it('judges the workloads of a Namespace whose label the change raises, in files it does not touch', async () => {
    const { status, report } = await diffJson({ 'cluster/ns.yaml': namespace('shop', { enforce: 'privileged' }), ...files }, { 'cluster/ns.yaml': namespace('shop', { enforce: 'baseline' }), ...files });
    expect(report.podSpecs.map((p) => [p.name, p.status])).toEqual([
      ['api', 'modified'],
      ['web', 'modified'],
    ]);
    expect(blockingChecks(report, 'api')).toEqual(['hostNamespaces']);
    expect(blockingChecks(report, 'web')).toEqual(['hostNamespaces']);
    expect(report.findings.filter((f) => f.name === 'tool')).toEqual([]);
    expect(status).toBe(1);
  });

  it('reads a bounded number of such files, and names those it leaves out', async () => {
    const repo = makeRepo(tree(files), tree(files));
    temporary.push(repo);
    const found = await readNamespaceFiles(repo, 'HEAD', { namespaces: ['shop', 'not a name|.*'], skip: new Set(['deploy/api.yaml']), selection: defaultSelection, maxBytes: 1_000_000, maxFiles: 1 });
    expect(found.files.map((f) => f.path)).toEqual(['deploy/web.json']);
    const capped = await readNamespaceFiles(repo, 'HEAD', { namespaces: ['shop'], skip: new Set(), selection: defaultSelection, maxBytes: 1_000_000, maxFiles: 1 });
    expect(capped.files.map((f) => f.path)).toEqual(['deploy/api.yaml']);
    expect(capped.omitted).toEqual([{ path: 'deploy/web.json', reason: 'over the limit of 1 files read for relabelled namespaces' }]);
  });

  it('leaves them alone when the change lowers the label (the relaxation is the finding), or when the selection excludes them', async () => {
    const lowered = await diffJson({ 'cluster/ns.yaml': namespace('shop', { enforce: 'baseline' }), ...files }, { 'cluster/ns.yaml': namespace('shop', { enforce: 'privileged' }), ...files });
    expect(lowered.report.podSpecs).toEqual([]);
    expect(lowered.report.findings.map((f) => [f.file, f.check])).toEqual([['cluster/ns.yaml', 'policy.relaxed']]);
    const excluded = await diffJson({ 'cluster/ns.yaml': namespace('shop', { enforce: 'privileged' }), ...files }, { 'cluster/ns.yaml': namespace('shop', { enforce: 'baseline' }), ...files }, '--exclude', 'deploy/**');
    expect(excluded.report.podSpecs).toEqual([]);
    expect(excluded.status).toBe(0);
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

  interface ActionReport {
    findings: { file: string; line: number; name: string; check: string; blocking: boolean; status: string; preexisting: boolean; detail: string }[];
  }
  const relaxedIn = (run: { reportJson: unknown }) => (run.reportJson as ActionReport).findings.filter((f) => f.check === 'policy.relaxed');

  describe('items 2 and 11: the pull request cannot relax its own policy', () => {
    const base = { 'deploy/ns.yaml': namespace('shop', { enforce: 'restricted' }), 'deploy/agent.yaml': deployment('agent', 'shop', { image: 'agent:1' }) };
    const head = {
      'deploy/ns.yaml': namespace('shop', { enforce: 'privileged' }),
      'deploy/agent.yaml': deployment('agent', 'shop', { image: 'agent:2', templateAnnotations: optOut }),
    };

    it('blocks a lowered label and an added opt-out, commenting on the lines that relax, and judges the workload at base', async () => {
      const pr = await pullRequest(base, head);
      const run = await runAction(emulator, pr);
      expect(run.stderr).toBe('');
      expect(relaxedIn(run).map((f) => [f.file, f.line, f.blocking])).toEqual([
        ['deploy/ns.yaml', 6, true],
        ['deploy/agent.yaml', 10, true],
      ]);
      const findings = (run.reportJson as ActionReport).findings;
      // Restricted (base's label) judges it, and the opt-out it adds does not count.
      expect(findings.filter((f) => f.name === 'agent' && f.blocking).map((f) => f.check)).toEqual(expect.arrayContaining(['hostNamespaces', 'runAsNonRoot', 'policy.relaxed']));
      expect(checkRunOf(pr)?.conclusion).toBe('failure');
      const commented = emulator.state.reviews.filter((r) => r.pullNumber === pr.number).flatMap((r) => r.comments.map((c) => `${c.path}:${c.line}`));
      expect(commented).toEqual(expect.arrayContaining(['deploy/ns.yaml:6', 'deploy/agent.yaml:10']));
      expect(run.status).toBe(1);
    });

    it('honours the base config: opt-outs: any and policy-changes: warn', async () => {
      const config = { '.github/pod-security.yaml': 'opt-outs: any\npolicy-changes: warn\n' };
      const pr = await pullRequest({ ...config, ...base }, { ...config, ...head });
      const run = await runAction(emulator, pr);
      expect(relaxedIn(run).map((f) => [f.file, f.blocking])).toEqual([['deploy/ns.yaml', false]]);
      // Still the stricter label: restricted at base.
      expect((run.reportJson as ActionReport).findings.filter((f) => f.name === 'agent' && f.blocking).map((f) => f.check)).toContain('runAsNonRoot');
    });

    it('comments on what the pull request relaxes in the config file, and still judges by the base one', async () => {
      const pr = await pullRequest(
        { '.github/pod-security.yaml': 'level: restricted\n', 'deploy/agent.yaml': deployment('agent', 'shop', { image: 'agent:1' }) },
        { '.github/pod-security.yaml': 'level: privileged\n', 'deploy/agent.yaml': deployment('agent', 'shop', { image: 'agent:2' }) },
      );
      const run = await runAction(emulator, pr);
      expect(run.stderr).toBe('');
      expect(relaxedIn(run).map((f) => [f.file, f.line, f.blocking, f.detail])).toEqual([['.github/pod-security.yaml', 1, true, 'level restricted:latest becomes privileged:latest']]);
      expect((run.reportJson as ActionReport).findings.filter((f) => f.name === 'agent' && f.blocking).map((f) => f.check)).toContain('runAsNonRoot');
      const commented = emulator.state.reviews.filter((r) => r.pullNumber === pr.number).flatMap((r) => r.comments.map((c) => `${c.path}:${c.line}`));
      expect(commented).toContain('.github/pod-security.yaml:1');
      const local = await runAction(emulator, pr, { workspace: pr.gitDir, inputs: { source: 'git' } });
      expect(relaxedIn(local).map((f) => [f.file, f.line])).toEqual([['.github/pod-security.yaml', 1]]);
    });

    it('reads the same from a checkout (source: git)', async () => {
      const pr = await pullRequest(base, head);
      const run = await runAction(emulator, pr, { workspace: pr.gitDir, inputs: { source: 'git' } });
      expect(relaxedIn(run).map((f) => [f.file, f.line])).toEqual([
        ['deploy/ns.yaml', 6],
        ['deploy/agent.yaml', 10],
      ]);
      expect(run.outputs.conclusion).toBe('failure');
    });
  });

  describe('item 6: policy follows the object', () => {
    it('evaluates a workload renamed out of a lenient files rule, unchanged in text, as modified', async () => {
      const config = { '.github/pod-security.yaml': 'rules:\n  - match: {files: ["legacy/**"]}\n    level: privileged\n' };
      const api = deployment('api', 'shop');
      const pr = await pullRequest({ ...config, 'legacy/api.yaml': api }, { ...config, 'deploy/api.yaml': api });
      const run = await runAction(emulator, pr);
      expect((run.reportJson as ActionReport).findings.filter((f) => f.blocking).map((f) => [f.file, f.check, f.status, f.preexisting])).toEqual([['deploy/api.yaml', 'hostNamespaces', 'modified', false]]);
      expect(run.outputs.conclusion).toBe('failure');
    });
  });

  describe('item 6: a relabelled Namespace', () => {
    it('re-evaluates its workloads outside the change from a checkout, and says through the API that it could not', async () => {
      const files = { 'deploy/api.yaml': deployment('api', 'shop') };
      const pr = await pullRequest({ 'cluster/ns.yaml': namespace('shop', { enforce: 'privileged' }), ...files }, { 'cluster/ns.yaml': namespace('shop', { enforce: 'baseline' }), ...files });
      const local = await runAction(emulator, pr, { workspace: pr.gitDir, inputs: { source: 'git' } });
      expect(local.stderr).toBe('');
      const blocking = (run: { reportJson: unknown }) => (run.reportJson as ActionReport).findings.filter((f) => f.blocking).map((f) => [f.file, f.check, f.status]);
      expect(blocking(local)).toEqual([['deploy/api.yaml', 'hostNamespaces', 'modified']]);
      expect(local.outputs.conclusion).toBe('failure');
      // Not in the diff: no inline comment, an annotation on its line.
      expect(checkRunOf(pr)?.annotations.filter((a) => a.annotation_level === 'failure').map((a) => [a.path, a.start_line])).toEqual([['deploy/api.yaml', 9]]);
      const api = await runAction(emulator, pr);
      expect(blocking(api)).toEqual([]);
      expect(api.summary).toContain('Namespace `shop`: the pull request raises the pod-security labels, and without a local checkout only the changed files are read');
    });
  });

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
