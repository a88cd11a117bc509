/** Which Argo CD Applications and Flux HelmReleases install a chart of this repository, and with what (applications.ts). */
import { describe, expect, it } from 'vitest';
import { applicationValuesIn, repositoryKey, tracks } from '../../../src/render/applications.js';
import { applicationCharts } from '../../../src/render/installers.js';

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
        kind: 'Application',
        file: 'apps/web.yaml',
        name: 'web-prod',
        noticeLine: 11,
        chartDir: 'charts/web',
        release: 'web',
        namespace: 'prod',
        valueFiles: ['charts/web/values-prod.yaml', 'env/prod.yaml'],
        // The line that names each values file: here one flow list names both.
        valueLines: [13, 13],
        inline: ['spec', 'source', 'helm', 'valuesObject'],
        revision: { kind: 'default' },
        // The object's lines: where a change to it is.
        lines: { start: 1, end: 15 },
      },
    ]);
    // Each object's own lines, in a file of several.
    expect(chartsOf(`${text}---\n${text.replace('web-prod', 'web-dev')}`).map((c) => [c.name, c.lines])).toEqual([
      ['web-prod', { start: 1, end: 15 }],
      ['web-dev', { start: 17, end: 31 }],
    ]);
    // One per line in a block list, where a missing one Argo CD skips leaves no line.
    const block = application(['source:', '  repoURL: https://github.com/acme/shop.git', '  path: charts/web', '  helm:', '    ignoreMissingValueFiles: true', '    valueFiles:', '      - values-qa.yaml', '      - ../../env/prod.yaml', '      - values-prod.yaml']);
    expect(chartsOf(block)).toMatchObject([{ valueFiles: ['env/prod.yaml', 'charts/web/values-prod.yaml'], valueLines: [15, 16] }]);
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

  it('gives helm the Kubernetes version and API versions the Application names; ones Argo CD would refuse are not rendered', () => {
    const withCapabilities = (lines: string[]) => chartsOf(application(['source:', '  repoURL: https://github.com/acme/shop', '  path: charts/web', '  helm:', ...lines.map((line) => `    ${line}`)]));
    expect(withCapabilities(['kubeVersion: "1.31"', 'apiVersions: [monitoring.coreos.com/v1/ServiceMonitor]'])).toMatchObject([
      { capabilities: { kubeVersion: '1.31', apiVersions: ['monitoring.coreos.com/v1/ServiceMonitor'] } },
    ]);
    expect(withCapabilities(['apiVersions: [policy/v1]'])).toMatchObject([{ capabilities: { kubeVersion: null, apiVersions: ['policy/v1'] } }]);
    expect(withCapabilities(['releaseName: web'])[0]).not.toHaveProperty('capabilities');
    expect(withCapabilities(['apiVersions: policy/v1'])).toEqual([]);
    expect(withCapabilities(['kubeVersion: 1.31'])).toEqual([]);
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

/** A HelmRelease in namespace `apps` whose `spec` holds `spec` (YAML lines under `spec:`). */
const helmRelease = (spec: string[], metadata = ['  namespace: apps']) => ['apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata:', '  name: web', ...metadata, 'spec:', ...spec.map((line) => `  ${line}`), ''].join('\n');
/** A chart of a GitRepository, with more lines under `chart.spec`. */
const gitChart = (more: string[] = [], chart = './charts/web', sourceRef = ['kind: GitRepository', 'name: flux-system', 'namespace: flux-system']) => ['chart:', '  spec:', `    chart: ${chart}`, '    sourceRef:', ...sourceRef.map((line) => `      ${line}`), ...more.map((line) => `    ${line}`)];
const gitRepository = (name: string, namespace: string | null, url: string) =>
  ['apiVersion: source.toolkit.fluxcd.io/v1', 'kind: GitRepository', 'metadata:', `  name: ${name}`, ...(namespace === null ? [] : [`  namespace: ${namespace}`]), 'spec:', `  url: ${url}`, ''].join('\n');
const ours = gitRepository('flux-system', 'flux-system', 'ssh://git@github.com/acme/shop');
const releasesOf = (text: string, known = [ours]) => applicationCharts([{ path: 'apps/web.yaml', text }], repository, paths, [{ path: 'apps/web.yaml', text }, ...known.map((t, i) => ({ path: `flux/${i}.yaml`, text: t }))]);

describe('applicationCharts: Flux HelmReleases', () => {
  it("reads the chart of this repository's GitRepository, the release name and namespace Flux gives, and the inline values", () => {
    expect(releasesOf(helmRelease([...gitChart(), 'targetNamespace: prod', 'values:', '  hostNetwork: true']))).toEqual([
      { kind: 'HelmRelease', file: 'apps/web.yaml', name: 'web', noticeLine: 9, chartDir: 'charts/web', release: 'prod-web', namespace: 'prod', valueFiles: [], valueLines: [], inline: ['spec', 'values'], revision: { kind: 'default' }, lines: { start: 1, end: 16 } },
    ]);
    // Without a target namespace, the release is the object's name, in the object's namespace; `releaseName` names it.
    expect(releasesOf(helmRelease(gitChart()))).toMatchObject([{ release: 'web', namespace: 'apps', inline: null }]);
    expect(releasesOf(helmRelease([...gitChart(), 'releaseName: shop-web']), [ours])).toMatchObject([{ release: 'shop-web' }]);
    expect(releasesOf(helmRelease(gitChart(), []))).toMatchObject([{ namespace: null }]);
    // The GitRepository found in the files given, also in the file itself; its URL in any form.
    const inFile = `${gitRepository('shop', 'apps', 'https://github.com/Acme/shop.git')}---\n${helmRelease(gitChart([], 'charts/web', ['kind: GitRepository', 'name: shop']))}`;
    expect(applicationCharts([{ path: 'apps/web.yaml', text: inFile }], repository, paths)).toMatchObject([{ kind: 'HelmRelease', chartDir: 'charts/web' }]);
  });

  it('reads valuesFiles that start with the chart values.yaml as helm files after it, and nothing else', () => {
    expect(releasesOf(helmRelease(gitChart(['valuesFiles:', '  - ./charts/web/values.yaml', '  - ./charts/web/values-prod.yaml'])))).toMatchObject([{ valueFiles: ['charts/web/values-prod.yaml'], valueLines: [16] }]);
    expect(releasesOf(helmRelease(gitChart(['valuesFile: charts/web/values.yaml'])))).toMatchObject([{ valueFiles: [], valueLines: [] }]);
    // Flux would use them instead of the chart's values.yaml; or one the commit lacks.
    expect(releasesOf(helmRelease(gitChart(['valuesFiles: [charts/web/values-prod.yaml]'])))).toEqual([]);
    expect(releasesOf(helmRelease(gitChart(['valuesFiles: [charts/web/values.yaml, charts/web/values-qa.yaml]'])))).toEqual([]);
    // Unless Flux is told to skip those missing.
    expect(releasesOf(helmRelease(gitChart(['valuesFiles: [charts/web/values.yaml, charts/web/values-qa.yaml, charts/web/values-prod.yaml]', 'ignoreMissingValuesFiles: true'])))).toMatchObject([{ valueFiles: ['charts/web/values-prod.yaml'] }]);
  });

  it("keeps the notice of a release whose name Flux shortens past Helm's 53 characters", () => {
    const long = 'a-rather-long-target-namespace-for-the-web-frontend';
    expect(releasesOf(helmRelease([...gitChart(), `targetNamespace: ${long}`]))).toEqual([]);
    expect(releasesOf(helmRelease([...gitChart(), `targetNamespace: ${long.slice(0, 49)}`]))).toMatchObject([{ release: `${long.slice(0, 49)}-web` }]);
  });

  it('says why the chart of this repository a release installs is not rendered, by the place of its notice', () => {
    const why = (text: string) => {
      const refusals = new Map<string, string>();
      applicationCharts([{ path: 'apps/web.yaml', text }], repository, paths, [{ path: 'apps/web.yaml', text }, { path: 'flux/0.yaml', text: ours }], undefined, refusals);
      return [...refusals];
    };
    // The notice is on the chart's path (line 9).
    expect(why(helmRelease([...gitChart(), 'valuesFrom:', '  - kind: ConfigMap', '    name: web-values']))).toEqual([['apps/web.yaml\u00009', 'its `valuesFrom` reads values from ConfigMaps or Secrets in the cluster']]);
    expect(why(helmRelease([...gitChart(), 'postRenderers:', '  - kustomize:', '      patches: []']))).toEqual([['apps/web.yaml\u00009', 'its `postRenderers` change what helm writes']]);
    expect(why(helmRelease([...gitChart(), 'values:', '  host: "api.${CLUSTER_DOMAIN}"']))[0]![1]).toBe('a Flux Kustomization substitutes its `${…}` variables before it reaches the cluster');
    expect(why(helmRelease([...gitChart(), `targetNamespace: ${'n'.repeat(50)}`]))[0]![1]).toBe('Flux shortens its release name, over 53 characters, with a hash');
    // Another repository's chart: the notice says what it installs; nothing to add.
    expect(why(helmRelease([...gitChart([], 'web', ['kind: HelmRepository', 'name: acme']), 'valuesFrom:', '  - kind: ConfigMap', '    name: v']))).toEqual([]);
  });

  it("keeps the notice of a release it cannot render as Flux would", () => {
    // Values from the cluster, patches of the output.
    expect(releasesOf(helmRelease([...gitChart(), 'valuesFrom:', '  - kind: ConfigMap', '    name: web-values']))).toEqual([]);
    expect(releasesOf(helmRelease([...gitChart(), 'postRenderers:', '  - kustomize:', '      patches: []']))).toEqual([]);
    // What a Flux Kustomization substitutes before it reaches the cluster.
    expect(releasesOf(helmRelease([...gitChart(), 'values:', '  ingress:', '    host: "api.${CLUSTER_DOMAIN}"']))).toEqual([]);
    expect(releasesOf(helmRelease([...gitChart(), 'values:', '  replicas: 2']))).toHaveLength(1);
    // A chart of a chart repository, or of a chart source.
    expect(releasesOf(helmRelease(gitChart([], 'web', ['kind: HelmRepository', 'name: acme'])))).toEqual([]);
    expect(releasesOf(helmRelease(['chartRef:', '  kind: OCIRepository', '  name: web']))).toEqual([]);
    // A GitRepository of another repository, none found, or one of that name elsewhere that is not this one.
    expect(releasesOf(helmRelease(gitChart()), [gitRepository('flux-system', 'flux-system', 'https://github.com/acme/platform')])).toEqual([]);
    expect(releasesOf(helmRelease(gitChart()), [])).toEqual([]);
    expect(releasesOf(helmRelease(gitChart([], './charts/web', ['kind: GitRepository', 'name: flux-system'])), [ours, gitRepository('flux-system', null, 'https://github.com/acme/platform')])).toEqual([]);
    // A chart folder the commit lacks.
    expect(releasesOf(helmRelease(gitChart([], './charts/api')))).toEqual([]);
  });
});

describe('tracks', () => {
  const main = { name: 'main', isDefault: true };
  it('renders for a change what syncs the branch it lands on, or the default branch when that is it', () => {
    expect(tracks({ kind: 'default' }, main)).toBe(true);
    expect(tracks({ kind: 'default' }, { name: 'release-1', isDefault: false })).toBe(false);
    expect(tracks({ kind: 'default' }, { name: 'main', isDefault: null })).toBe(true);
    expect(tracks({ kind: 'named', name: 'main' }, main)).toBe(true);
    expect(tracks({ kind: 'named', name: 'refs/heads/main' }, main)).toBe(true);
    expect(tracks({ kind: 'named', name: 'v1.0' }, main)).toBe(false);
    expect(tracks({ kind: 'pinned' }, main)).toBe(false);
    // A helmfile is applied from whichever branch it is run on.
    expect(tracks({ kind: 'any' }, { name: 'release-1', isDefault: false })).toBe(true);
    // Where the change lands is not known: everything is rendered.
    expect(tracks({ kind: 'pinned' }, undefined)).toBe(true);
  });

  it("reads what an Application's targetRevision and a GitRepository's ref sync", () => {
    const argo = (revision: string | null) => chartsOf(application(['source:', '  repoURL: https://github.com/acme/shop', '  path: charts/web', ...(revision === null ? [] : [`  targetRevision: ${revision}`]), '  helm:', '    releaseName: web']))[0]?.revision;
    expect(argo(null)).toEqual({ kind: 'default' });
    expect(argo('HEAD')).toEqual({ kind: 'default' });
    expect(argo('main')).toEqual({ kind: 'named', name: 'main' });
    const flux = (ref: string[]) => releasesOf(helmRelease(gitChart()), [[gitRepository('flux-system', 'flux-system', 'ssh://git@github.com/acme/shop').trimEnd(), ...ref].join('\n')])[0]?.revision;
    expect(flux([])).toEqual({ kind: 'default' });
    expect(flux(['  ref:', '    branch: main'])).toEqual({ kind: 'named', name: 'main' });
    expect(flux(['  ref:', '    tag: v1.0'])).toEqual({ kind: 'pinned' });
    expect(flux(['  ref:', '    semver: ">=1.0.0"'])).toEqual({ kind: 'pinned' });
  });
});

describe('applicationValuesIn', () => {
  const text = `${application(['source:', '  helm:', '    valuesObject:', '      hostNetwork: true'])}---\n${application(['source:', '  helm:', '    values: "a: 1"'], 'other')}`;
  it("gives the Application's inline values as a values file, {} without them, and null where the file lacks it", () => {
    expect(applicationValuesIn('a.yaml', text, { kind: 'Application', file: 'a.yaml', name: 'web-prod', inline: ['spec', 'source', 'helm', 'valuesObject'] })).toBe('{"hostNetwork":true}');
    expect(applicationValuesIn('a.yaml', text, { kind: 'Application', file: 'a.yaml', name: 'other', inline: ['spec', 'source', 'helm', 'values'] })).toBe('a: 1');
    expect(applicationValuesIn('a.yaml', text, { kind: 'Application', file: 'a.yaml', name: 'other', inline: null })).toBe('{}');
    expect(applicationValuesIn('a.yaml', text, { kind: 'Application', file: 'a.yaml', name: 'gone', inline: null })).toBeNull();
    // A HelmRelease's values, found by its kind: an Application of its name is another object.
    const release = helmRelease(['values:', '  hostNetwork: true']);
    expect(applicationValuesIn('a.yaml', release, { kind: 'HelmRelease', file: 'a.yaml', name: 'web', inline: ['spec', 'values'] })).toBe('{"hostNetwork":true}');
    expect(applicationValuesIn('a.yaml', release, { kind: 'Application', file: 'a.yaml', name: 'web', inline: null })).toBeNull();
  });
});
