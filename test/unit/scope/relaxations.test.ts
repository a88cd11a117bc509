/** Relaxations of the config file and the cluster's own policies, and relabelled Namespaces (pure; end to end in test/integration/policy-gate.test.ts). */
import { describe, expect, it } from 'vitest';
import { policyContext } from '../../../src/findings/policyContext.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { defaultPolicyConfig, parsePolicyConfig } from '../../../src/policy/config.js';
import { resolvePolicy } from '../../../src/policy/resolve.js';
import { findAdmissionConfig } from '../../../src/policy/sources/admissionConfig.js';
import type { AdmissionConfig } from '../../../src/policy/sources/admissionConfig.js';
import { admissionRelaxations } from '../../../src/scope/clusterPolicyChanges.js';
import { configRelaxations } from '../../../src/scope/configChanges.js';
import { relabelledNamespaces } from '../../../src/scope/relabelled.js';
import { changedFile } from '../../helpers/changedFile.js';

const today = '2026-01-01';
const noLines = () => undefined;

function config(text: string) {
  const parsed = parsePolicyConfig(text, 'psr.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.config;
}

function admission(text: string): AdmissionConfig | null {
  return findAdmissionConfig(loadManifestFile('cluster/psc.yaml', text, { maxBytes: 1_000_000 }).documents, null).config;
}

const psc = (defaults: string, exemptions = '') =>
  `apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\ndefaults:\n${defaults}${exemptions ? `exemptions:\n${exemptions}` : ''}`;

const defaultsUnder = (a: AdmissionConfig | null) =>
  resolvePolicy({ subject: { file: '', namespace: null, kind: '', name: '', workloadAnnotations: {}, templateAnnotations: null, runtimeClassName: null, images: [] }, today, admission: a });

describe('configRelaxations', () => {
  const options = { today, rule: 'block' as const, linesOf: noLines, path: 'psr.yaml' };

  it('reports a removed config whose levels were stricter than the defaults, on line 1', () => {
    const [finding] = configRelaxations(config('level: restricted\n'), defaultPolicyConfig, options);
    expect(finding).toMatchObject({ file: 'psr.yaml', line: 1, status: 'modified', blocking: true, detail: 'level restricted:latest becomes baseline:latest' });
  });

  it('reports a new config that exempts a namespace, as new, and warns with policy-changes: warn', () => {
    const [finding] = configRelaxations(defaultPolicyConfig, config('exemptions:\n  namespaces: [shop]\n'), { ...options, rule: 'warn' });
    expect(finding).toMatchObject({ line: 2, status: 'new', blocking: false, detail: 'namespace shop becomes exempt' });
  });

  it('says nothing of a tightening, a reordering, or the same settings written differently', () => {
    expect(configRelaxations(config('level: baseline\n'), config('level: restricted\nstrict: true\n'), options)).toEqual([]);
    const rules = 'rules:\n  - match: {namespaces: [a]}\n    level: restricted\n  - match: {namespaces: [b]}\n    level: restricted\n';
    const reordered = 'rules:\n  - match: {namespaces: [b]}\n    level: restricted\n  - match: {namespaces: [a]}\n    level: restricted\n';
    expect(configRelaxations(config(rules), config(reordered), options)).toEqual([]);
    expect(configRelaxations(config('disable:\n  - checks: [hostPorts, privileged]\n    reason: one\n'), config('disable:\n  - checks: [privileged, hostPorts]\n    reason: another\n'), options)).toEqual([]);
  });
});

describe('admissionRelaxations', () => {
  const relax = (base: string | null, head: string | null) => {
    const [b, h] = [base === null ? null : admission(base), head === null ? null : admission(head)];
    return admissionRelaxations(b, h, { base: defaultsUnder(b), head: defaultsUnder(h) }, 'block', noLines);
  };

  it('reports lowered defaults and new exemptions (usernames too: the cluster applies them) on their lines', () => {
    const [finding] = relax(psc('  enforce: restricted\n'), psc('  enforce: baseline\n', '  usernames: [ci-bot]\n  runtimeClasses: [kata]\n'));
    expect(finding).toMatchObject({ file: 'cluster/psc.yaml', line: 4, detail: 'enforce restricted:latest becomes baseline:latest; runtimeClass kata becomes exempt; username ci-bot becomes exempt' });
    expect(finding!.locations.map((l) => l.line)).toEqual([4, 6, 7]);
  });

  it('reports a removed configuration that set stricter defaults, where it was', () => {
    expect(relax(psc('  enforce: restricted\n'), null)).toMatchObject([{ file: 'cluster/psc.yaml', line: 2, detail: 'enforce restricted:latest becomes baseline:latest (the PodSecurityConfiguration is removed)' }]);
    expect(relax(null, null)).toEqual([]);
  });
});

describe('relabelledNamespaces', () => {
  const ns = (name: string, labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: {${labels}}\n`;
  const file = changedFile;
  const policy = policyContext(today);

  it('names Namespaces whose pod-security labels become stricter, added or removed with them, and not others', () => {
    const changeSet = {
      files: [
        file('a.yaml', ns('a', 'pod-security.kubernetes.io/enforce: privileged'), ns('a', 'pod-security.kubernetes.io/enforce: baseline')),
        file('b.yaml', ns('b', 'team: x'), ns('b', 'team: y')),
        file('c.yaml', null, ns('c', 'pod-security.kubernetes.io/enforce: restricted')),
        file('same.yaml', null, ns('g', 'pod-security.kubernetes.io/warn: restricted')), // the run's default already
        file('d.yaml', ns('d', 'pod-security.kubernetes.io/enforce: privileged'), null),
        file('lowered.yaml', ns('f', 'pod-security.kubernetes.io/enforce: restricted'), ns('f', 'pod-security.kubernetes.io/enforce: baseline')),
        file('moved-from.yaml', ns('e', 'pod-security.kubernetes.io/enforce: baseline'), null),
        file('moved-to.yaml', null, ns('e', 'pod-security.kubernetes.io/enforce: baseline')),
      ],
    };
    expect(relabelledNamespaces(changeSet, { policy })).toEqual(['a', 'c', 'd']);
    expect(relabelledNamespaces(changeSet, { policy, selection: { include: ['**/*.yaml'], exclude: ['a.yaml'] } })).toEqual(['c', 'd']);
    expect(relabelledNamespaces(changeSet, { policy: policyContext(today, { overrides: { namespaceLabels: false } }) })).toEqual([]);
  });
});
