/**
 * The cluster's PodSecurityConfiguration as a policy source: reading it
 * (alone or inside an AdmissionConfiguration, with the API server's
 * defaults), and its place below namespace labels, as the API server layers
 * them.
 */
import { describe, expect, it } from 'vitest';
import { policyContext } from '../../../../src/findings/policyContext.js';
import { evaluateFiles } from '../../../../src/findings/evaluateFiles.js';
import { loadManifestFile } from '../../../../src/manifests/load.js';
import { indexNamespaces } from '../../../../src/policy/namespaces.js';
import { resolvePolicy } from '../../../../src/policy/resolve.js';
import { findAdmissionConfig } from '../../../../src/policy/sources/admissionConfig.js';
import type { AdmissionConfig } from '../../../../src/policy/sources/admissionConfig.js';
import { formatLevelVersion } from '../../../../src/pss/levels.js';

const admissionText = `apiVersion: apiserver.config.k8s.io/v1
kind: AdmissionConfiguration
plugins:
- name: EventRateLimit
  path: eventconfig.yaml
- name: PodSecurity
  configuration:
    apiVersion: pod-security.admission.config.k8s.io/v1
    kind: PodSecurityConfiguration
    defaults:
      enforce: restricted
      enforce-version: v1.30
      audit: restricted
      warn: restricted
    exemptions:
      usernames: [system:serviceaccount:ci:deployer]
      runtimeClasses: [kata]
      namespaces: [kube-system]
`;

function read(text: string, file = 'cluster/admission.yaml', path: string | null = null) {
  return findAdmissionConfig(loadManifestFile(file, text).documents, path);
}

function admission(text = admissionText): AdmissionConfig {
  const { config } = read(text);
  if (!config) throw new Error('no config');
  return config;
}

describe('findAdmissionConfig', () => {
  it('reads the PodSecurity plugin of an AdmissionConfiguration, with where each setting was written', () => {
    const { config, problems, notices } = read(admissionText);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      file: 'cluster/admission.yaml',
      line: 9,
      defaults: { enforce: { level: 'restricted', version: 30 }, audit: { level: 'restricted', version: 'latest' }, warn: { level: 'restricted', version: 'latest' } },
    });
    expect(config!.written.enforce.level).toEqual({ file: 'cluster/admission.yaml', line: 11, key: 'defaults.enforce' });
    expect(config!.exemptions.namespaces.map((e) => [e.value, e.at.line, e.at.key])).toEqual([['kube-system', 18, 'exemptions.namespaces[0]']]);
    expect(config!.exemptions.runtimeClassNames.map((e) => e.value)).toEqual(['kata']);
    // usernames depend on the requesting user: noted, never applied.
    expect(notices).toEqual([{ file: 'cluster/admission.yaml', line: 16, message: expect.stringContaining('exemptions.usernames (system:serviceaccount:ci:deployer) depend on who creates the pod') }]);
  });

  it('reads a PodSecurityConfiguration alone; unset levels are privileged and versions latest, as the API server defaults them', () => {
    const { config } = read('apiVersion: pod-security.admission.config.k8s.io/v1beta1\nkind: PodSecurityConfiguration\ndefaults:\n  warn: baseline\n');
    expect(config!.defaults).toEqual({
      enforce: { level: 'privileged', version: 'latest' },
      audit: { level: 'privileged', version: 'latest' },
      warn: { level: 'baseline', version: 'latest' },
    });
  });

  it('refuses an invalid one, as the API server would not start', () => {
    const { config, problems } = read('apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\ndefaults:\n  enforce: strict\n');
    expect(config).toBeNull();
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [4, 'defaults.enforce: Invalid value: "strict": must be one of privileged, baseline, restricted'],
      [2, 'the API server would refuse to start with this PodSecurityConfiguration; it is not used'],
    ]);
  });

  it('uses the first of two and notes the other; a pinned path admits only that file', () => {
    const one = loadManifestFile('a.yaml', 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\ndefaults: {enforce: baseline}\n').documents;
    const two = loadManifestFile('b.yaml', 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\ndefaults: {enforce: restricted}\n').documents;
    const both = findAdmissionConfig([...one, ...two], null);
    expect(both.config?.file).toBe('a.yaml');
    expect(both.notices.map((n) => n.message)).toEqual(['another PodSecurityConfiguration; the one in a.yaml:2 is used (set the admission config path to choose)']);
    expect(findAdmissionConfig([...one, ...two], 'b.yaml').config?.defaults.enforce.level).toBe('restricted');
  });

  it('ignores other kinds and API groups', () => {
    expect(read('apiVersion: example.com/v1\nkind: PodSecurityConfiguration\ndefaults: {enforce: restricted}\n').config).toBeNull();
    expect(read('apiVersion: apiserver.config.k8s.io/v1\nkind: AdmissionConfiguration\nplugins:\n- name: PodSecurity\n  path: psa.yaml\n').config).toBeNull();
  });
});

const subject = { file: 'apps/web.yaml', namespace: 'shop', kind: 'Deployment', name: 'web', workloadAnnotations: {}, templateAnnotations: {}, runtimeClassName: null, images: ['nginx'] };
const today = '2026-07-15';

describe('the PodSecurityConfiguration in resolution', () => {
  it('replaces the built-in defaults, with its place as the level source', () => {
    const policy = resolvePolicy({ subject, today, admission: admission() });
    expect(formatLevelVersion(policy.enforce)).toBe('restricted:v1.30');
    expect(policy.levelSource).toMatchObject({ kind: 'admission-config', detail: 'PodSecurityConfiguration defaults.enforce in cluster/admission.yaml:11; version v1.30 from PodSecurityConfiguration defaults.enforce-version in cluster/admission.yaml:12' });
    // Its audit default is reported like warnings (only when it adds something to warn).
    expect(policy.audit).toBeNull();
  });

  it('reports an audit default that differs from warn', () => {
    const policy = resolvePolicy({ subject, today, admission: admission(admissionText.replace('warn: restricted', 'warn: baseline')) });
    expect(formatLevelVersion(policy.audit!)).toBe('restricted:latest');
    expect(policy.auditSource?.kind).toBe('admission-config');
  });

  it('lies below namespace labels, which it is the defaults of (warn inheritance included)', () => {
    const namespaces = indexNamespaces([{ name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' }, file: 'ns.yaml', line: 4 }]);
    const policy = resolvePolicy({ subject, today, admission: admission(), namespaces });
    // The label sets the level; the version is still the configuration's default.
    expect(formatLevelVersion(policy.enforce)).toBe('baseline:v1.30');
    // Warn keeps the configuration's restricted (not stricter than baseline: no inheritance).
    expect(formatLevelVersion(policy.warn)).toBe('restricted:latest');
    expect(policy.warnSource.kind).toBe('admission-config');
  });

  it('exempts its namespaces and runtime classes, exactly by name, naming the file', () => {
    const exempt = resolvePolicy({ subject: { ...subject, namespace: 'kube-system' }, today, admission: admission() }).exemption;
    expect(exempt?.message).toBe('namespace kube-system is exempt (exemptions.namespaces[0] in cluster/admission.yaml:18)');
    expect(resolvePolicy({ subject: { ...subject, runtimeClassName: 'kata' }, today, admission: admission() }).exemption?.kind).toBe('runtimeClass');
    expect(resolvePolicy({ subject: { ...subject, namespace: 'kube-system-2' }, today, admission: admission() }).exemption).toBeNull();
  });
});

describe('check with a PodSecurityConfiguration among the files', () => {
  const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`;

  it('judges by its defaults, and its notes are reported', () => {
    const report = evaluateFiles(
      [
        { path: 'cluster/admission.yaml', content: admissionText },
        { path: 'apps/web.yaml', content: deployment },
      ],
      { policy: policyContext(today) },
    );
    expect(report.findings.filter((f) => f.blocking).map((f) => f.check)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(report.notices?.map((n) => n.line)).toEqual([16]);
    expect(report.cluster?.admission?.file).toBe('cluster/admission.yaml');
  });

  it('is not read when the admission-config source is off, and a pinned path that holds none is a problem', () => {
    const files = [
      { path: 'cluster/admission.yaml', content: admissionText },
      { path: 'apps/web.yaml', content: deployment },
    ];
    const off = evaluateFiles(files, { policy: policyContext(today, { sourceOptions: { sources: new Set(['config', 'namespace-labels']) } }) });
    expect(off.findings.filter((f) => f.blocking)).toEqual([]);
    const pinned = evaluateFiles(files, { policy: policyContext(today, { sourceOptions: { admissionConfigPath: 'apps/web.yaml' } }) });
    expect(pinned.errors.map((e) => [e.file, e.kind])).toEqual([['apps/web.yaml', 'invalid']]);
  });
});
