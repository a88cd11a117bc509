/**
 * resolvePolicy: the precedence of defaults, config, flags, rules and
 * namespace labels, the level source of each, exemptions and disables.
 * (Opt-out annotations: annotations.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { formatLevelVersion } from '../../../src/pss/levels.js';
import { defaultConfigPath, formatConfigError, parsePolicyConfig } from '../../../src/policy/config.js';
import { indexNamespaces } from '../../../src/policy/namespaces.js';
import { annotationPath, matchRule, resolvePolicy, subjectFromPodSpec } from '../../../src/policy/resolve.js';
import type { ResolveInput } from '../../../src/policy/resolve.js';
import type { NamespaceManifest, PolicyConfig, PolicySubject, ResolvedPolicy } from '../../../src/policy/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';

const file = defaultConfigPath;
const today = '2026-07-15';
const p = 'pod-security.kubernetes.io/';

function config(text: string): PolicyConfig {
  const result = parsePolicyConfig(text, file);
  if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
  return result.config;
}

function subject(over: Partial<PolicySubject> = {}): PolicySubject {
  return {
    file: 'deploy/shop/web.yaml',
    namespace: 'shop',
    kind: 'Deployment',
    name: 'web',
    workloadAnnotations: {},
    templateAnnotations: {},
    runtimeClassName: null,
    images: ['nginx:1.27'],
    ...over,
  };
}

function namespaces(...manifests: [string, Record<string, string>][]) {
  return indexNamespaces(manifests.map(([name, labels], i): NamespaceManifest => ({ name, labels, file: 'deploy/namespaces.yaml', line: 4 + 10 * i })));
}

function resolve(input: Partial<ResolveInput> = {}): ResolvedPolicy {
  return resolvePolicy({ subject: subject(), today, ...input });
}

function levels(policy: ResolvedPolicy): { enforce: string; warn: string } {
  return { enforce: formatLevelVersion(policy.enforce), warn: formatLevelVersion(policy.warn) };
}

describe('resolvePolicy: precedence and level sources', () => {
  it('defaults to enforce baseline, warn restricted, version latest', () => {
    const policy = resolve();
    expect(levels(policy)).toEqual({ enforce: 'baseline:latest', warn: 'restricted:latest' });
    expect(policy.levelSource).toEqual({ kind: 'default', detail: 'built-in default', file: null, line: null });
    expect(policy.warnSource.kind).toBe('default');
    expect(policy.audit).toBeNull();
    expect(policy.preview).toBeNull();
    expect(policy.exemption).toBeNull();
    expect(policy.disabled).toEqual([]);
    expect(policy.optOuts).toEqual([]);
    expect(policy.problems).toEqual([]);
    expect(policy.strict).toBe(false);
  });

  it('takes the config defaults over the built-in ones', () => {
    const policy = resolve({ config: config('# policy\nlevel: restricted\nwarn-level: restricted\nversion: v1.30\n') });
    expect(levels(policy)).toEqual({ enforce: 'restricted:v1.30', warn: 'restricted:v1.30' });
    expect(policy.levelSource).toEqual({
      kind: 'config-default',
      detail: `level in ${file}:2; version v1.30 from version in ${file}:4`,
      file,
      line: 2,
      version: { kind: 'config-default', detail: `version in ${file}:4`, file, line: 4 },
    });
  });

  it('lets warn-version set the warn mode alone', () => {
    const policy = resolve({ config: config('version: v1.30\nwarn-version: latest\n') });
    expect(levels(policy)).toEqual({ enforce: 'baseline:v1.30', warn: 'restricted:latest' });
    expect(policy.levelSource.detail).toBe(`built-in default; version v1.30 from version in ${file}:1`);
    expect(policy.warnSource.detail).toBe(`built-in default; version latest from warn-version in ${file}:2`);
  });

  it('lets explicit flags override the config defaults', () => {
    const policy = resolve({ config: config('level: baseline\nversion: v1.30\n'), overrides: { level: 'restricted' } });
    expect(levels(policy)).toEqual({ enforce: 'restricted:v1.30', warn: 'restricted:v1.30' });
    expect(policy.levelSource.kind).toBe('flag');
    expect(policy.levelSource.detail).toBe(`--level restricted; version v1.30 from version in ${file}:2`);
    const versioned = resolve({ config: config('version: v1.30\n'), overrides: { version: 'latest', warnLevel: 'baseline' } });
    expect(levels(versioned)).toEqual({ enforce: 'baseline:latest', warn: 'baseline:latest' });
    expect(versioned.warnSource.detail).toBe('--warn-level baseline; version latest from --version latest');
  });

  it('names flags the way the caller says (Action inputs)', () => {
    const policy = resolve({ overrides: { level: 'restricted', names: { level: 'input "level"' } } });
    expect(policy.levelSource).toEqual({ kind: 'flag', detail: 'input "level" restricted', file: null, line: null });
  });

  it('lets a matching rule override flags and config defaults, field by field', () => {
    const cfg = config(['level: baseline', 'warn-level: baseline', 'rules:', '  - match: {namespaces: [shop]}', '    level: restricted', ''].join('\n'));
    const policy = resolve({ config: cfg, overrides: { level: 'privileged' } });
    expect(levels(policy)).toEqual({ enforce: 'restricted:latest', warn: 'baseline:latest' });
    expect(policy.levelSource).toEqual({ kind: 'config-rule', detail: `rules[0] in ${file}:4`, file, line: 4 });
    expect(policy.warnSource).toMatchObject({ kind: 'config-default', detail: `warn-level in ${file}:2` });
  });

  it('uses the first matching rule, in order', () => {
    const cfg = config(
      [
        'rules:',
        '  - match: {namespaces: [prod-*], files: ["deploy/prod/**"]}', // both conditions must hold
        '    level: restricted',
        '  - match: {namespaces: ["prod-{eu,us}"]}',
        '    level: baseline',
        '    version: v1.25',
        '  - match: {files: ["**/*.yaml"]}',
        '    level: privileged',
        '',
      ].join('\n'),
    );
    const at = (namespace: string | null, path: string) => resolve({ config: cfg, subject: subject({ namespace, file: path }) });
    expect(at('prod-eu', 'deploy/prod/web.yaml').levelSource.detail).toBe(`rules[0] in ${file}:2`);
    expect(levels(at('prod-eu', 'deploy/staging/web.yaml'))).toEqual({ enforce: 'baseline:v1.25', warn: 'restricted:v1.25' });
    expect(at('prod-eu', 'deploy/staging/web.yaml').levelSource.detail).toBe(`rules[1] in ${file}:4`);
    expect(at('prod-asia', 'deploy/staging/web.yaml').levelSource.detail).toBe(`rules[2] in ${file}:7`);
    expect(at('prod-asia', 'deploy/staging/web.json').levelSource.kind).toBe('default');
    // No namespace: no namespace pattern matches, even `*`.
    expect(at(null, 'deploy/prod/web.yaml').levelSource.detail).toBe(`rules[2] in ${file}:7`);
  });

  it('matches file globs with minimatch on repository-relative paths', () => {
    const cfg = config('rules:\n  - match: {files: ["deploy/prod/**", "*.yaml"]}\n    level: restricted\n');
    const rule = (path: string) => matchRule(cfg.rules, subject({ file: path }))?.index ?? null;
    expect(rule('deploy/prod/web.yaml')).toBe(0);
    expect(rule('deploy/prod/a/b/c.yml')).toBe(0);
    expect(rule('./deploy/prod/web.yaml')).toBe(0);
    expect(rule('deploy/prod/.hidden/x.yaml')).toBe(0);
    expect(rule('top.yaml')).toBe(0);
    expect(rule('deploy/web.yaml')).toBeNull(); // `*` does not cross folders
    expect(rule('deploy/production/web.yml')).toBeNull();
    const star = config('rules:\n  - match: {namespaces: ["*"]}\n    level: restricted\n');
    expect(matchRule(star.rules, subject({ namespace: null }))).toBeNull();
    expect(matchRule(star.rules, subject({ namespace: 'anything' }))?.index).toBe(0);
  });

  it('lets namespace labels win over rules, flags and config', () => {
    const cfg = config('level: restricted\nrules:\n  - match: {namespaces: [shop]}\n    level: restricted\n    version: v1.30\n');
    const policy = resolve({ config: cfg, overrides: { level: 'restricted' }, namespaces: namespaces(['shop', { [`${p}enforce`]: 'baseline' }]) });
    expect(levels(policy)).toEqual({ enforce: 'baseline:v1.30', warn: 'restricted:v1.30' });
    expect(policy.levelSource).toEqual({
      kind: 'namespace-label',
      detail: `Namespace shop label ${p}enforce=baseline (deploy/namespaces.yaml:4); version v1.30 from rules[0] in ${file}:3`,
      file: 'deploy/namespaces.yaml',
      line: 4,
      version: { kind: 'config-rule', detail: `rules[0] in ${file}:3`, file, line: 3 },
    });
    // Warn has no label and does not inherit (baseline is not stricter than restricted): its level is the
    // built-in default, its version the rule's.
    expect(policy.warnSource.detail).toBe(`built-in default; version v1.30 from rules[0] in ${file}:3`);
  });

  it('applies version labels and warn labels', () => {
    const policy = resolve({
      namespaces: namespaces(['shop', { [`${p}enforce`]: 'restricted', [`${p}enforce-version`]: 'v1.29', [`${p}warn`]: 'restricted', [`${p}warn-version`]: 'latest' }]),
    });
    expect(levels(policy)).toEqual({ enforce: 'restricted:v1.29', warn: 'restricted:latest' });
    expect(policy.levelSource.detail).toBe(
      `Namespace shop label ${p}enforce=restricted (deploy/namespaces.yaml:4); version v1.29 from Namespace shop label ${p}enforce-version=v1.29 (deploy/namespaces.yaml:4)`,
    );
    expect(policy.warnSource.detail).toBe(
      `Namespace shop label ${p}warn=restricted (deploy/namespaces.yaml:4); version latest from Namespace shop label ${p}warn-version=latest (deploy/namespaces.yaml:4)`,
    );
  });

  it('lets warn inherit a stricter enforce label, as upstream', () => {
    const policy = resolve({
      config: config('warn-level: baseline\n'),
      namespaces: namespaces(['shop', { [`${p}enforce`]: 'restricted', [`${p}enforce-version`]: 'v1.28' }]),
    });
    expect(levels(policy)).toEqual({ enforce: 'restricted:v1.28', warn: 'restricted:v1.28' });
    expect(policy.warnSource).toMatchObject({
      kind: 'namespace-label',
      detail: `Namespace shop label ${p}enforce=restricted, inherited by warn (deploy/namespaces.yaml:4); version v1.28 from Namespace shop label ${p}enforce-version=v1.28, inherited by warn (deploy/namespaces.yaml:4)`,
    });
  });

  it('falls back on invalid labels as upstream and says so', () => {
    const policy = resolve({ namespaces: namespaces(['shop', { [`${p}enforce`]: 'foo', [`${p}warn`]: 'bar', [`${p}enforce-version`]: 'v1' }]) });
    expect(levels(policy)).toEqual({ enforce: 'restricted:latest', warn: 'privileged:latest' });
    expect(policy.levelSource.detail).toBe(
      `Namespace shop label ${p}enforce="foo" is invalid, so restricted applies as upstream (deploy/namespaces.yaml:4); version latest from Namespace shop label ${p}enforce-version="v1" is invalid, so latest applies as upstream (deploy/namespaces.yaml:4)`,
    );
    expect(policy.warnSource.detail).toBe(`Namespace shop label ${p}warn="bar" is invalid, so privileged applies as upstream (deploy/namespaces.yaml:4)`);
  });

  it('ignores labels of other namespaces, and all labels when namespace-labels is off', () => {
    const index = namespaces(['shop', { [`${p}enforce`]: 'restricted' }], ['other', { [`${p}enforce`]: 'privileged' }]);
    expect(resolve({ namespaces: index, subject: subject({ namespace: 'billing' }) }).levelSource.kind).toBe('default');
    expect(resolve({ namespaces: index, subject: subject({ namespace: null }) }).levelSource.kind).toBe('default');
    const off = config('namespace-labels: false\n');
    expect(resolve({ namespaces: index, config: off }).levelSource.kind).toBe('default');
    expect(resolve({ namespaces: index, config: off, overrides: { namespaceLabels: true } }).levelSource.kind).toBe('namespace-label');
    expect(resolve({ namespaces: index, overrides: { namespaceLabels: false } }).levelSource.kind).toBe('default');
  });

  it('uses the config when the Namespace has no pod-security labels (the cluster defaults)', () => {
    const policy = resolve({ config: config('level: restricted\n'), namespaces: namespaces(['shop', { team: 'web' }]) });
    expect(policy.levelSource.kind).toBe('config-default');
  });

  it('maps the audit label to an extra reported mode, unless it adds nothing', () => {
    const policy = resolve({ namespaces: namespaces(['shop', { [`${p}warn`]: 'baseline', [`${p}audit`]: 'restricted', [`${p}audit-version`]: 'v1.30' }]) });
    expect(formatLevelVersion(policy.warn)).toBe('baseline:latest');
    expect(policy.audit && formatLevelVersion(policy.audit)).toBe('restricted:v1.30');
    expect(policy.auditSource?.detail).toBe(
      `Namespace shop label ${p}audit=restricted (deploy/namespaces.yaml:4); version v1.30 from Namespace shop label ${p}audit-version=v1.30 (deploy/namespaces.yaml:4)`,
    );
    expect(resolve({ namespaces: namespaces(['shop', { [`${p}audit`]: 'restricted' }]) }).audit).toBeNull(); // equals warn restricted:latest
    expect(resolve({ namespaces: namespaces(['shop', { [`${p}audit`]: 'privileged' }]) }).audit).toBeNull();
    expect(resolve({ namespaces: namespaces(['shop', { [`${p}audit`]: 'nope' }]) }).audit).toBeNull(); // fails open
    expect(resolve({ namespaces: namespaces(['shop', { [`${p}audit-version`]: 'v1.20' }]) }).audit).toBeNull();
  });

  it('resolves the preview version from flags or config, when it can show something', () => {
    const cfg = config('version: v1.30\npreview-version: latest\n');
    expect(resolve({ config: cfg }).preview).toEqual({
      version: 'latest',
      source: { kind: 'config-default', detail: `preview-version in ${file}:2`, file, line: 2 },
    });
    expect(resolve({ config: cfg, overrides: { previewVersion: 35 } }).preview).toEqual({
      version: 35,
      source: { kind: 'flag', detail: '--preview-version v1.35', file: null, line: null },
    });
    expect(resolve({ config: config('preview-version: latest\n') }).preview).toBeNull(); // already at latest
    expect(resolve({ config: config('level: privileged\nversion: v1.30\npreview-version: latest\n') }).preview).toBeNull();
  });

  it('refuses a malformed today (a caller bug, not a user mistake)', () => {
    expect(() => resolve({ today: '15/07/2026' })).toThrow(/today must be a date YYYY-MM-DD/);
  });
});

describe('resolvePolicy: exemptions (exact names, as Pod Security Admission)', () => {
  const cfg = config('exemptions:\n  namespaces: [kube-system, shop]\n  runtimeClassNames: [kata, gvisor]\n');

  it('exempts a listed namespace, naming the entry', () => {
    expect(resolve({ config: cfg }).exemption).toEqual({
      kind: 'namespace',
      value: 'shop',
      at: { file, line: 2, key: 'exemptions.namespaces[1]' },
      message: `namespace shop is exempt (exemptions.namespaces[1] in ${file}:2)`,
    });
  });

  it('exempts a listed runtimeClassName', () => {
    const policy = resolve({ config: cfg, subject: subject({ namespace: 'web', runtimeClassName: 'gvisor' }) });
    expect(policy.exemption).toMatchObject({ kind: 'runtimeClass', value: 'gvisor', message: `runtimeClassName gvisor is exempt (exemptions.runtimeClassNames[1] in ${file}:3)` });
  });

  it('checks the namespace first, like upstream', () => {
    expect(resolve({ config: cfg, subject: subject({ runtimeClassName: 'kata' }) }).exemption?.kind).toBe('namespace');
  });

  it('never matches an empty or unknown value, and matches exactly', () => {
    expect(resolve({ config: cfg, subject: subject({ namespace: null }) }).exemption).toBeNull();
    expect(resolve({ config: cfg, subject: subject({ namespace: 'web', runtimeClassName: '' }) }).exemption).toBeNull();
    expect(resolve({ config: cfg, subject: subject({ namespace: 'kube-system-2', runtimeClassName: 'kata-fc' }) }).exemption).toBeNull();
    expect(resolve({ config: cfg, subject: subject({ namespace: 'Shop' }) }).exemption).toBeNull();
  });
});

describe('resolvePolicy: per-check disables', () => {
  const cfg = config(
    [
      'disable:',
      '  - checks: [hostPorts]',
      '    namespaces: [ingress-*]',
      '    reason: ingress needs host ports',
      '  - checks: [seLinuxOptions, sysctls]',
      '    files: ["legacy/**"]',
      '  - checks: [privileged]',
      '    workloads: [node-agent, "csi-*"]',
      '  - checks: [capabilities_baseline]',
      '    images: ["registry.k8s.io/ingress-nginx/*"]',
      '  - checks: [appArmorProfile]',
      '    namespaces: [shop]',
      '    workloads: [api]',
      '  - checks: [windowsHostProcess]',
      '',
    ].join('\n'),
  );
  const disabled = (over: Partial<PolicySubject>) => resolve({ config: cfg, subject: subject(over) }).disabled.map((d) => d.check);

  it('applies an entry without scope everywhere', () => {
    expect(disabled({})).toEqual(['windowsHostProcess']);
  });

  it('scopes by namespace glob, file glob, workload name and image', () => {
    expect(disabled({ namespace: 'ingress-public' })).toEqual(['hostPorts', 'windowsHostProcess']);
    expect(disabled({ file: 'legacy/a/b.yaml' })).toEqual(['seLinuxOptions', 'sysctls', 'windowsHostProcess']);
    expect(disabled({ name: 'csi-driver' })).toEqual(['privileged', 'windowsHostProcess']);
    expect(disabled({ images: ['busybox', 'registry.k8s.io/ingress-nginx/controller:v1.11.0@sha256:abc'] })).toEqual(['capabilities_baseline', 'windowsHostProcess']);
    expect(disabled({ images: ['registry.k8s.io/other:v1'] })).toEqual(['windowsHostProcess']);
  });

  it('requires every given scope to match', () => {
    expect(disabled({ namespace: 'shop', name: 'api' })).toEqual(['appArmorProfile', 'windowsHostProcess']);
    expect(disabled({ namespace: 'shop', name: 'web' })).toEqual(['windowsHostProcess']);
    expect(disabled({ namespace: 'billing', name: 'api' })).toEqual(['windowsHostProcess']);
    expect(disabled({ namespace: null, name: 'api' })).toEqual(['windowsHostProcess']);
  });

  it('keeps the reason, the place and the image scope', () => {
    const policy = resolve({ config: cfg, subject: subject({ namespace: 'ingress-a', images: ['registry.k8s.io/ingress-nginx/c:1'] }) });
    expect(policy.disabled).toEqual([
      { check: 'hostPorts', reason: 'ingress needs host ports', at: { file, line: 2, key: 'disable[0]' }, images: null },
      { check: 'capabilities_baseline', reason: null, at: { file, line: 9, key: 'disable[3]' }, images: ['registry.k8s.io/ingress-nginx/*'] },
      { check: 'windowsHostProcess', reason: null, at: { file, line: 14, key: 'disable[5]' }, images: null },
    ]);
  });
});

describe('subjectFromPodSpec', () => {
  const load = (text: string) => {
    const [document] = loadManifestFile('deploy/app.yaml', text).documents;
    return extractPodSpecs(document!).pods;
  };

  it('reads the workload and template annotations, runtime class and images', () => {
    const [pod] = load(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        '  namespace: shop',
        '  annotations: {pod-security-review/ignore: hostPorts, other: ~}',
        'spec:',
        '  template:',
        '    metadata:',
        '      annotations: {pod-security-review/reason: why}',
        '    spec:',
        '      runtimeClassName: kata',
        '      initContainers: [{name: init, image: busybox}]',
        '      containers: [{name: app, image: "nginx:1.27"}, {name: side}]',
        '',
      ].join('\n'),
    );
    const s = subjectFromPodSpec(pod!);
    expect(s).toEqual({
      file: 'deploy/app.yaml',
      namespace: 'shop',
      kind: 'Deployment',
      name: 'web',
      workloadAnnotations: { 'pod-security-review/ignore': 'hostPorts', other: '' },
      templateAnnotations: { 'pod-security-review/reason': 'why' },
      runtimeClassName: 'kata',
      images: ['busybox', 'nginx:1.27', ''],
    });
    expect(subjectFromPodSpec(pod!, 'repo/deploy/app.yaml').file).toBe('repo/deploy/app.yaml');
    expect(annotationPath(pod!, 'template', 'pod-security-review/reason')).toEqual(['spec', 'template', 'metadata', 'annotations', 'pod-security-review/reason']);
    expect(annotationPath(pod!, 'workload', 'pod-security-review/ignore')).toEqual(['metadata', 'annotations', 'pod-security-review/ignore']);
  });

  it('has no separate template for a Pod, and finds List items', () => {
    const [pod] = load('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p, annotations: {a: b}}\n  spec: {containers: [{name: c, image: x}]}\n');
    const s = subjectFromPodSpec(pod!);
    expect(s).toMatchObject({ kind: 'Pod', name: 'p', namespace: null, workloadAnnotations: { a: 'b' }, templateAnnotations: null, runtimeClassName: null, images: ['x'] });
    expect(annotationPath(pod!, 'workload', 'a')).toEqual(['items', 0, 'metadata', 'annotations', 'a']);
  });
});
