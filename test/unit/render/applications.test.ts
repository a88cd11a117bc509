/** Which Argo CD Applications install a chart of this repository, and with what (applications.ts). */
import { describe, expect, it } from 'vitest';
import { applicationCharts, applicationValuesIn, repositoryKey } from '../../../src/render/applications.js';

describe('repositoryKey', () => {
  it('names a repository one way whatever the form of its URL', () => {
    for (const url of ['https://github.com/Acme/Shop.git', 'https://github.com/acme/shop/', 'git@github.com:acme/shop.git', 'ssh://git@github.com/acme/shop', 'https://token@github.com/acme/shop']) {
      expect(repositoryKey(url), url).toBe('github.com/acme/shop');
    }
    expect(repositoryKey('https://gitlab.example.com/group/sub/repo.git')).toBe('gitlab.example.com/group/sub/repo');
    expect(repositoryKey('not a url')).toBeNull();
    expect(repositoryKey('https://github.com/')).toBeNull();
  });
});

const repository = new Set(['github.com/acme/shop']);
const paths = new Set(['charts/web/Chart.yaml', 'charts/web/values.yaml', 'charts/web/values-prod.yaml', 'env/prod.yaml']);

/** An Application whose `source` (or `sources`) is `source`, as YAML lines under `spec:`. */
const application = (source: string[], name = 'web-prod') =>
  ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', `  name: ${name}`, 'spec:', '  destination:', '    namespace: prod', ...source.map((line) => `  ${line}`), ''].join('\n');
const chartsOf = (text: string) => applicationCharts([{ path: 'apps/web.yaml', text }], repository, paths);

describe('applicationCharts', () => {
  it('reads the chart, release, namespace, values files and inline values of a Helm source of this repository', () => {
    const text = application([
      'source:',
      '  repoURL: https://github.com/acme/shop.git',
      '  path: charts/web',
      '  helm:',
      '    releaseName: web',
      '    valueFiles: [values-prod.yaml, ../../env/prod.yaml]',
      '    valuesObject:',
      '      hostNetwork: true',
    ]);
    expect(chartsOf(text)).toEqual([
      {
        file: 'apps/web.yaml',
        name: 'web-prod',
        noticeLine: 11,
        chartDir: 'charts/web',
        release: 'web',
        namespace: 'prod',
        valueFiles: ['charts/web/values-prod.yaml', 'env/prod.yaml'],
        inline: ['spec', 'source', 'helm', 'valuesObject'],
      },
    ]);
  });

  it('takes the Helm source of several, the release from the name, and `values` text when there is no `valuesObject`', () => {
    const text = application([
      'sources:',
      '  - repoURL: https://github.com/acme/config',
      '    ref: config',
      '  - repoURL: git@github.com:acme/shop.git',
      '    path: charts/web/',
      '    helm:',
      '      values: |',
      '        hostNetwork: true',
    ]);
    expect(chartsOf(text)).toMatchObject([{ chartDir: 'charts/web', release: 'web-prod', valueFiles: [], inline: ['spec', 'sources', 1, 'helm', 'values'] }]);
  });

  it("templates in `helm.namespace` when it names one, over the destination's", () => {
    const text = application(['source:', '  repoURL: https://github.com/acme/shop', '  path: charts/web', '  helm:', '    namespace: web-system']);
    expect(chartsOf(text)).toMatchObject([{ namespace: 'web-system' }]);
  });

  it("reads a values file through the `ref` of a source of this repository from its root; another repository's is not rendered", () => {
    const sources = (refRepository: string) =>
      application([
        'sources:',
        '  - repoURL: https://github.com/acme/shop',
        '    path: charts/web',
        '    helm:',
        '      valueFiles: [values-prod.yaml, $values/env/prod.yaml]',
        `  - repoURL: ${refRepository}`,
        '    ref: values',
      ]);
    expect(chartsOf(sources('https://github.com/acme/shop.git'))).toMatchObject([{ valueFiles: ['charts/web/values-prod.yaml', 'env/prod.yaml'] }]);
    expect(chartsOf(sources('https://github.com/acme/config'))).toEqual([]);
  });

  it('keeps what it cannot render as Argo CD would: another repository, a chart repository, parameters, a `$ref` or missing values file, no chart there', () => {
    const helmSource = (lines: string[], repoURL = 'https://github.com/acme/shop', path = 'charts/web') => application(['source:', `  repoURL: ${repoURL}`, `  path: ${path}`, '  helm:', ...lines.map((l) => `    ${l}`)]);
    expect(chartsOf(helmSource(['releaseName: web'], 'https://github.com/acme/other'))).toEqual([]);
    expect(chartsOf(application(['source:', '  repoURL: https://charts.example.com', '  chart: web', '  targetRevision: 1.0.0', '  helm:', '    releaseName: web']))).toEqual([]);
    expect(chartsOf(helmSource(['parameters:', '  - {name: hostNetwork, value: "true"}']))).toEqual([]);
    expect(chartsOf(helmSource(['valueFiles: [$config/web.yaml]']))).toEqual([]);
    expect(chartsOf(helmSource(['valueFiles: [$values]']))).toEqual([]);
    expect(chartsOf(helmSource(['valueFiles: [values-staging.yaml]']))).toEqual([]);
    expect(chartsOf(helmSource(['valueFiles: [../../../outside.yaml]']))).toEqual([]);
    expect(chartsOf(helmSource(['releaseName: web'], undefined, 'charts/api'))).toEqual([]);
    // A values file the commit lacks is skipped when Argo CD is told to skip it.
    expect(chartsOf(helmSource(['valueFiles: [values-staging.yaml, values-prod.yaml]', 'ignoreMissingValueFiles: true']))).toMatchObject([{ valueFiles: ['charts/web/values-prod.yaml'] }]);
    // Known by no URL, this repository is none of them.
    expect(applicationCharts([{ path: 'a.yaml', text: helmSource(['releaseName: web']) }], new Set(), paths)).toEqual([]);
  });
});

describe('applicationValuesIn', () => {
  const text = `${application(['source:', '  helm:', '    valuesObject:', '      hostNetwork: true'])}---\n${application(['source:', '  helm:', '    values: "a: 1"'], 'other')}`;
  it("gives the Application's inline values as a values file, {} without them, and null where the file lacks it", () => {
    expect(applicationValuesIn('a.yaml', text, 'web-prod', ['spec', 'source', 'helm', 'valuesObject'])).toBe('{"hostNetwork":true}');
    expect(applicationValuesIn('a.yaml', text, 'other', ['spec', 'source', 'helm', 'values'])).toBe('a: 1');
    expect(applicationValuesIn('a.yaml', text, 'other', null)).toBe('{}');
    expect(applicationValuesIn('a.yaml', text, 'gone', null)).toBeNull();
  });
});
