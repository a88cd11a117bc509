/**
 * Objects that have a GitOps controller install a Helm chart (workloads/charts.ts):
 * the pod specs they make are not checked, and `check` and `diff` say so
 * instead of passing them in silence.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../../src/findings/evaluateFiles.js';
import { policyContext } from '../../../src/findings/policyContext.js';
import { problemsVerdict } from '../../../src/findings/unchecked.js';
import type { ChangedFile } from '../../../src/diff/types.js';
import { changedFile } from '../../helpers/changedFile.js';
import { evaluateChangeSet } from '../../../src/scope/scope.js';
import { chartReferenceOf } from '../../../src/workloads/charts.js';
import type { JsonObject } from '../../../src/pss/types.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const policy = policyContext('2026-12-05');

const helmRelease = (values: string) =>
  lines(
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: podinfo',
    '  namespace: podinfo',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: podinfo',
    '      sourceRef: {kind: HelmRepository, name: podinfo}',
    '  values:',
    `    ${values}`,
  );
const configMap = (value: string) => lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: settings, namespace: podinfo}', `data: {level: "${value}"}`);

describe('chartReferenceOf', () => {
  const reference = (apiVersion: string, kind: string, object: object) => chartReferenceOf(apiVersion, kind, object as JsonObject);

  it('reads a Flux HelmRelease: a chart of a source, a chart source, or a patch that names none', () => {
    expect(reference('helm.toolkit.fluxcd.io/v2', 'HelmRelease', { spec: { chart: { spec: { chart: 'podinfo', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } } } } })).toEqual({
      controller: 'Flux',
      chart: 'podinfo from HelmRepository podinfo',
      path: ['spec', 'chart', 'spec', 'chart'],
    });
    expect(reference('helm.toolkit.fluxcd.io/v2beta2', 'HelmRelease', { spec: { chartRef: { kind: 'OCIRepository', name: 'cert-manager' } } })).toEqual({
      controller: 'Flux',
      chart: 'OCIRepository cert-manager',
      path: ['spec', 'chartRef'],
    });
    expect(reference('helm.toolkit.fluxcd.io/v2', 'HelmRelease', { spec: { chart: { spec: { version: '>=1.0.0' } }, values: {} } })).toEqual({
      controller: 'Flux',
      chart: null,
      path: ['spec', 'chart'],
    });
    expect(reference('helm.toolkit.fluxcd.io/v2', 'HelmRelease', { metadata: { name: 'podinfo' } })).toEqual({ controller: 'Flux', chart: null, path: ['kind'] });
  });

  it('reads an Argo CD Application or ApplicationSet whose source is a Helm chart', () => {
    const chart = { repoURL: 'https://charts.example.com', chart: 'nginx', targetRevision: '1.2.3' };
    expect(reference('argoproj.io/v1alpha1', 'Application', { spec: { source: chart } })).toEqual({
      controller: 'Argo CD',
      chart: 'nginx from https://charts.example.com',
      path: ['spec', 'source', 'chart'],
    });
    const directory = { repoURL: 'https://git.example.com/apps.git', path: 'guestbook' };
    const withValues = { repoURL: 'https://git.example.com/apps.git', path: 'charts/web', helm: { valueFiles: ['values-prod.yaml'] } };
    expect(reference('argoproj.io/v1alpha1', 'Application', { spec: { sources: [directory, withValues] } })).toEqual({
      controller: 'Argo CD',
      chart: 'at charts/web of https://git.example.com/apps.git',
      path: ['spec', 'sources', 1, 'helm'],
    });
    expect(reference('argoproj.io/v1alpha1', 'ApplicationSet', { spec: { template: { spec: { source: chart } } } })?.path).toEqual(['spec', 'template', 'spec', 'source', 'chart']);
  });

  it.each([
    ['an Argo CD Application of a directory (its files are checked where they are)', 'argoproj.io/v1alpha1', 'Application', { spec: { source: { repoURL: 'https://git.example.com/a.git', path: 'guestbook' } } }],
    ['an Argo CD Application without a spec', 'argoproj.io/v1alpha1', 'Application', {}],
    ['a HelmRelease of another group', 'example.com/v1', 'HelmRelease', { spec: { chart: { spec: { chart: 'podinfo' } } } }],
    ['a ConfigMap', 'v1', 'ConfigMap', { data: { chart: 'podinfo' } }],
  ])('is null for %s', (_name, apiVersion, kind, object) => {
    expect(reference(apiVersion, kind, object)).toBeNull();
  });
});

describe('a chart a controller installs', () => {
  it('is a file problem of `check`, at the line that names the chart, that leaves the run not green', () => {
    const { errors } = evaluateFiles([{ path: 'release.yaml', content: helmRelease('replicaCount: 2') }], { policy });
    expect(errors).toEqual([
      {
        file: 'release.yaml',
        line: 9,
        kind: 'not-rendered',
        message:
          'HelmRelease podinfo not rendered: Flux renders its chart (podinfo from HelmRepository podinfo) with its values in the cluster, so the pod specs it makes are not checked here',
      },
    ]);
    expect(problemsVerdict(errors, 'neutral')).toBe('neutral');
    expect(problemsVerdict(errors, 'failure')).toBe('failure');
  });

  it('is a problem of `diff` when the change adds or edits it, not when it only shares a file with the change', () => {
    const problems = (file: ChangedFile) => evaluateChangeSet({ files: [file] }, { policy }).errors.map((e) => [e.file, e.line, e.kind]);
    const release = helmRelease('replicaCount: 2');
    expect(problems(changedFile('release.yaml', null, release))).toEqual([['release.yaml', 9, 'not-rendered']]);
    expect(problems(changedFile('release.yaml', release, helmRelease('securityContext: {privileged: true}')))).toEqual([['release.yaml', 9, 'not-rendered']]);
    expect(problems(changedFile('release.yaml', `${release}---\n${configMap('info')}`, `${release}---\n${configMap('debug')}`))).toEqual([]);
    expect(problems(changedFile('release.yaml', release, null))).toEqual([]);
  });
});
