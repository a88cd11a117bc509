/**
 * Namespace labels (spec §4.3): upstream's PolicyToEvaluate, its examples,
 * fallbacks and error texts, and the repository's Namespace manifests.
 */
import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/locate/locate.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { formatLevelVersion } from '../../../src/pss/levels.js';
import {
  describeNamespacePolicy,
  indexNamespaces,
  namespaceEntryOf,
  namespacesFromDocument,
  policyToEvaluate,
  privilegedDefaults,
} from '../../../src/policy/namespaces.js';
import type { AdmissionPolicy } from '../../../src/policy/namespaces.js';
import type { NamespaceManifest } from '../../../src/policy/types.js';

const p = 'pod-security.kubernetes.io/';

function printed(policy: AdmissionPolicy): Record<string, string> {
  return { enforce: formatLevelVersion(policy.enforce), audit: formatLevelVersion(policy.audit), warn: formatLevelVersion(policy.warn) };
}

describe('policyToEvaluate: the upstream examples (defaults privileged:latest)', () => {
  it.each([
    ['no labels', {}, { enforce: 'privileged:latest', audit: 'privileged:latest', warn: 'privileged:latest' }],
    ['enforce=baseline', { [`${p}enforce`]: 'baseline' }, { enforce: 'baseline:latest', audit: 'privileged:latest', warn: 'baseline:latest' }],
    [
      'enforce=baseline, enforce-version=v1.22',
      { [`${p}enforce`]: 'baseline', [`${p}enforce-version`]: 'v1.22' },
      { enforce: 'baseline:v1.22', audit: 'privileged:latest', warn: 'baseline:v1.22' },
    ],
    [
      'enforce=baseline, warn-version=v1.23',
      { [`${p}enforce`]: 'baseline', [`${p}warn-version`]: 'v1.23' },
      { enforce: 'baseline:latest', audit: 'privileged:latest', warn: 'baseline:v1.23' },
    ],
    [
      'enforce=baseline, warn=privileged',
      { [`${p}enforce`]: 'baseline', [`${p}warn`]: 'privileged' },
      { enforce: 'baseline:latest', audit: 'privileged:latest', warn: 'privileged:latest' },
    ],
    ['enforce=foo', { [`${p}enforce`]: 'foo' }, { enforce: 'restricted:latest', audit: 'privileged:latest', warn: 'privileged:latest' }],
    [
      'every label',
      {
        [`${p}enforce`]: 'baseline',
        [`${p}enforce-version`]: 'v1.30',
        [`${p}audit`]: 'restricted',
        [`${p}audit-version`]: 'v1.31',
        [`${p}warn`]: 'restricted',
        [`${p}warn-version`]: 'latest',
      },
      { enforce: 'baseline:v1.30', audit: 'restricted:v1.31', warn: 'restricted:latest' },
    ],
    ['audit never inherits', { [`${p}enforce`]: 'restricted' }, { enforce: 'restricted:latest', audit: 'privileged:latest', warn: 'restricted:latest' }],
  ])('%s', (_label, labels, expected) => {
    const result = policyToEvaluate(labels);
    expect(printed(result.policy)).toEqual(expected);
    expect(result.errors).toHaveLength(_label === 'enforce=foo' ? 1 : 0);
  });

  it('reports invalid values with the upstream texts and falls back per mode', () => {
    const result = policyToEvaluate({
      [`${p}enforce`]: 'foo',
      [`${p}enforce-version`]: 'v1',
      [`${p}audit`]: 'Restricted',
      [`${p}audit-version`]: '1.25',
      [`${p}warn`]: '',
      [`${p}warn-version`]: 'v1.01',
    });
    // Enforce fails closed, audit and warn fail open, versions read as latest.
    expect(printed(result.policy)).toEqual({ enforce: 'restricted:latest', audit: 'privileged:latest', warn: 'privileged:latest' });
    expect(result.errors.map((e) => e.message)).toEqual([
      'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "foo": must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "v1": must be "latest" or "v1.x"',
      'metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: "Restricted": must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/audit-version]: Invalid value: "1.25": must be "latest" or "v1.x"',
      'metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "": must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "v1.01": must be "latest" or "v1.x"',
    ]);
  });

  it('quotes label values the Go way', () => {
    const { errors } = policyToEvaluate({ [`${p}enforce`]: 'a"b\n' });
    expect(errors[0]?.message).toBe('metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "a\\"b\\n": must be one of privileged, baseline, restricted');
  });

  it('treats an empty value as present (and invalid), not as absent', () => {
    const result = policyToEvaluate({ [`${p}enforce`]: '' });
    expect(printed(result.policy).enforce).toBe('restricted:latest');
    expect(result.errors).toHaveLength(1);
  });

  it('does not let warn inherit from an invalid enforce label', () => {
    const result = policyToEvaluate({ [`${p}enforce`]: 'foo', [`${p}enforce-version`]: 'v1.25' });
    expect(printed(result.policy)).toEqual({ enforce: 'restricted:v1.25', audit: 'privileged:latest', warn: 'privileged:latest' });
  });

  it('inherits only when enforce is stricter than the default warn level', () => {
    const withRestrictedWarn: AdmissionPolicy = { ...privilegedDefaults, warn: { level: 'restricted', version: 20 } };
    // enforce=baseline is not stricter than the default warn restricted: warn keeps its default, version included.
    expect(printed(policyToEvaluate({ [`${p}enforce`]: 'baseline' }, withRestrictedWarn).policy).warn).toBe('restricted:v1.20');
    // enforce=restricted over a default warn baseline: warn becomes restricted at the enforce version.
    const withBaselineWarn: AdmissionPolicy = { ...privilegedDefaults, warn: { level: 'baseline', version: 'latest' } };
    const inherited = policyToEvaluate({ [`${p}enforce`]: 'restricted', [`${p}enforce-version`]: 'v1.28' }, withBaselineWarn);
    expect(printed(inherited.policy).warn).toBe('restricted:v1.28');
    expect(inherited.origins.warn).toEqual({
      level: { kind: 'inherited', label: `${p}enforce`, value: 'restricted' },
      version: { kind: 'inherited', label: `${p}enforce-version`, value: 'v1.28' },
    });
  });

  it('inherits the default enforce version when no enforce-version label is given', () => {
    const defaults: AdmissionPolicy = { enforce: { level: 'baseline', version: 25 }, audit: privilegedDefaults.audit, warn: { level: 'privileged', version: 'latest' } };
    const result = policyToEvaluate({ [`${p}enforce`]: 'restricted' }, defaults);
    expect(printed(result.policy)).toEqual({ enforce: 'restricted:v1.25', audit: 'privileged:latest', warn: 'restricted:v1.25' });
    expect(result.origins.warn.version).toEqual({ kind: 'default' });
  });

  it('keeps the defaults when the namespace has no labels at all', () => {
    const defaults: AdmissionPolicy = { enforce: { level: 'baseline', version: 30 }, audit: privilegedDefaults.audit, warn: { level: 'restricted', version: 'latest' } };
    expect(policyToEvaluate({}, defaults).policy).toEqual(defaults);
  });

  it('records where each part came from', () => {
    const result = policyToEvaluate({ [`${p}enforce`]: 'baseline', [`${p}warn`]: 'nope' });
    expect(result.origins.enforce).toEqual({ level: { kind: 'label', label: `${p}enforce`, value: 'baseline', valid: true }, version: { kind: 'default' } });
    expect(result.origins.warn.level).toEqual({ kind: 'label', label: `${p}warn`, value: 'nope', valid: false });
  });
});

describe('indexNamespaces', () => {
  const ns = (name: string, labels: Record<string, string>, file = 'ns.yaml', line = 1): NamespaceManifest => ({ name, labels, file, line });

  it('keeps only pod-security labels and reports invalid ones once, with the fallback', () => {
    const index = indexNamespaces([ns('prod', { team: 'a', [`${p}enforce`]: 'strict' }, 'deploy/ns.yaml', 4)]);
    expect(index.byName.get('prod')?.podSecurityLabels).toEqual({ [`${p}enforce`]: 'strict' });
    expect(index.problems).toEqual([
      {
        file: 'deploy/ns.yaml',
        line: 4,
        namespace: 'prod',
        message:
          'Namespace prod: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted; the admission controller enforces restricted instead',
        kind: 'invalid',
      },
    ]);
    const warn = indexNamespaces([ns('a', { [`${p}warn`]: 'x', [`${p}warn-version`]: 'y' })]);
    expect(warn.problems.map((pr) => pr.message.split('; ')[1])).toEqual([
      'the admission controller uses privileged instead (nothing is reported)',
      'the admission controller uses latest instead',
    ]);
  });

  it('accepts repeated identical definitions and warns of conflicting ones, naming both files, using the first', () => {
    const index = indexNamespaces([
      ns('prod', { [`${p}enforce`]: 'restricted' }, 'base/ns.yaml', 3),
      ns('prod', { [`${p}enforce`]: 'restricted', team: 'x' }, 'overlays/a/ns.yaml', 3),
      ns('prod', { [`${p}enforce`]: 'baseline' }, 'overlays/b/ns.yaml', 5),
    ]);
    expect(index.byName.get('prod')?.manifest.file).toBe('base/ns.yaml');
    expect(index.problems).toEqual([
      {
        file: 'overlays/b/ns.yaml',
        line: 5,
        namespace: 'prod',
        message:
          'Namespace prod is defined in base/ns.yaml:3 and in overlays/b/ns.yaml:5 with different pod-security labels; ' +
          'the cluster keeps whichever is applied last, which the review cannot know: a pod spec applied with one of them (in its file or rendering) is judged by that one, any other by the labels of base/ns.yaml:3',
        kind: 'conflict',
        firstFile: 'base/ns.yaml',
      },
    ]);
  });

  it("judges a pod spec by its own file's (or rendering's) definition, any other by the first", () => {
    // EKS Workshop's pss-psa module: each overlay renders Namespace pss with its own level.
    const index = indexNamespaces([
      ns('pss', { [`${p}enforce`]: 'baseline' }, 'baseline/ns.yaml', 3),
      ns('pss', { [`${p}enforce`]: 'restricted' }, 'restricted/all.yaml', 1),
      ns('pss', { [`${p}enforce`]: 'privileged' }, 'restricted/all.yaml', 9),
    ]);
    expect(namespaceEntryOf(index, 'restricted/all.yaml', 'pss')?.manifest).toEqual(expect.objectContaining({ file: 'restricted/all.yaml', line: 1 }));
    expect(namespaceEntryOf(index, 'baseline/ns.yaml', 'pss')?.manifest.file).toBe('baseline/ns.yaml');
    expect(namespaceEntryOf(index, 'apps/web.yaml', 'pss')?.manifest.file).toBe('baseline/ns.yaml');
    expect(namespaceEntryOf(index, 'apps/web.yaml', 'other')).toBeUndefined();
  });

  it('describes a namespace policy for summaries', () => {
    const index = indexNamespaces([ns('prod', { [`${p}enforce`]: 'baseline', [`${p}enforce-version`]: 'v1.30' })]);
    expect(describeNamespacePolicy(index.byName.get('prod')!)).toBe('enforce=baseline:v1.30, audit=privileged:latest, warn=baseline:v1.30');
  });
});

describe('namespacesFromDocument', () => {
  const load = (text: string) => {
    const loaded = loadManifestFile('ns.yaml', text);
    return loaded.documents.map((doc) => namespacesFromDocument(doc, (path) => locate(doc.source, path).line));
  };

  it('reads name, labels and the line of the labels', () => {
    const [result] = load(
      ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: prod', '  labels:', `    ${p}enforce: restricted`, `    ${p}warn-version: ~`, ''].join('\n'),
    );
    expect(result).toEqual({
      namespaces: [{ name: 'prod', labels: { [`${p}enforce`]: 'restricted', [`${p}warn-version`]: '' }, file: 'ns.yaml', line: 5 }],
      problems: [],
    });
  });

  it('reads the items of List and NamespaceList, and skips other kinds', () => {
    const [list, typed, other] = load(
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- {apiVersion: v1, kind: Namespace, metadata: {name: a}}',
        '- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}',
        '---',
        'apiVersion: v1',
        'kind: NamespaceList',
        'items:',
        '- metadata: {name: c, labels: {team: shop}}',
        '---',
        'apiVersion: example.com/v1',
        'kind: Namespace',
        'metadata: {name: d}',
        '',
      ].join('\n'),
    );
    expect(list?.namespaces.map((n) => n.name)).toEqual(['a']);
    expect(typed?.namespaces).toEqual([{ name: 'c', labels: { team: 'shop' }, file: 'ns.yaml', line: 10 }]);
    expect(other?.namespaces).toEqual([]);
  });

  it('refuses label values that are not strings (the API server would)', () => {
    const [result] = load(['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: prod', '  labels:', `    ${p}enforce-version: 1.30`, ''].join('\n'));
    expect(result?.namespaces).toEqual([]);
    expect(result?.problems).toEqual([
      {
        file: 'ns.yaml',
        path: ['metadata', 'labels', `${p}enforce-version`],
        namespace: 'prod',
        message: `metadata.labels[${p}enforce-version]: must be a string, not number (quote it); the API server would reject this Namespace`,
      },
    ]);
  });
});
