/** Rancher Fleet bundles: the kustomizations Fleet runs over a bundle's Helm chart, which are not rendered alone. */
import { describe, expect, it } from 'vitest';
import { fleetBundleCharts, fleetNotices, fleetPostRenderers } from '../../../src/render/fleet.js';
import { discoverRoots, discoveryReads } from '../../../src/render/discover.js';

/** rancher/fleet-examples' multi-cluster/helm-kustomize, cut down. */
const bundle = [
  'namespace: guestbook',
  'helm:',
  '  chart: https://example.com/guestbook-0.0.1.tgz',
  'kustomize:',
  '  dir: ./overlays/all/',
  'targetCustomizations:',
  '- name: dev',
  '  kustomize:',
  '    dir: overlays/dev',
  '- name: prod',
  '  clusterSelector: {matchLabels: {env: prod}}',
  '',
].join('\n');

describe('fleetPostRenderers', () => {
  it("names the kustomizations of a bundle that installs a chart, from the fleet.yaml's folder", () => {
    expect([...fleetPostRenderers(new Map([['apps/guestbook/fleet.yaml', bundle]]), new Set())]).toEqual([
      ['apps/guestbook/overlays/all', 'apps/guestbook/fleet.yaml'],
      ['apps/guestbook/overlays/dev', 'apps/guestbook/fleet.yaml'],
    ]);
  });

  it('names none for a bundle without a chart (Fleet builds its kustomization as kustomize does), nor for a file that does not parse or is no bundle', () => {
    const kustomizeOnly = 'targetCustomizations:\n- name: dev\n  kustomize:\n    dir: overlays/dev\n';
    expect(fleetPostRenderers(new Map([['a/fleet.yaml', kustomizeOnly], ['b/fleet.yaml', 'helm: [\n'], ['c/not-fleet.yaml', bundle]]), new Set()).size).toBe(0);
    // A bundle whose folder is a chart installs it, `helm:` or not.
    expect([...fleetPostRenderers(new Map([['a/fleet.yaml', kustomizeOnly]]), new Set(['a/Chart.yaml'])).keys()]).toEqual(['a/overlays/dev']);
  });
});

describe('discoverRoots with a Fleet bundle', () => {
  const files: Record<string, string> = {
    'apps/guestbook/fleet.yaml': bundle,
    'apps/guestbook/overlays/dev/kustomization.yaml': 'patches:\n  - path: replicas.yaml\n',
    'apps/guestbook/overlays/dev/replicas.yaml': 'kind: Deployment\nmetadata: {name: frontend}\n',
    'apps/plain/kustomization.yaml': 'resources: [deployment.yaml]\n',
    'apps/plain/deployment.yaml': 'kind: Deployment\n',
  };
  const paths = new Set(Object.keys(files));
  const head = { paths, texts: new Map(discoveryReads(paths).map((p) => [p, files[p]!])) };

  it('reads the fleet.yaml, and keeps the overlay it runs over its chart from rendering alone, with a notice, its files consumed', () => {
    expect(discoveryReads(paths)).toContain('apps/guestbook/fleet.yaml');
    const discovery = discoverRoots(head, head, ['apps/guestbook/overlays/dev/replicas.yaml', 'apps/plain/deployment.yaml']);
    expect(discovery.roots.map((r) => [r.label, r.blocked])).toEqual([
      ['apps/guestbook/overlays/dev', 'Fleet runs it over the Helm chart `apps/guestbook/fleet.yaml` installs (a post-renderer), never alone'],
      ['apps/plain', null],
    ]);
    expect(discovery.consumed.has('apps/guestbook/overlays/dev/replicas.yaml')).toBe(true);
  });
});

describe('fleetNotices', () => {
  const notices = (files: Record<string, string>, changed = Object.keys(files)) =>
    fleetNotices(new Map(Object.entries(files).filter(([p]) => p.endsWith('fleet.yaml'))), new Set(changed), new Set(Object.keys(files))).map((p) => [p.file, p.line, p.kind, p.message]);

  it('says a chart from elsewhere is rendered by Fleet in the cluster, on the `helm:` line', () => {
    expect(notices({ 'apps/guestbook/fleet.yaml': bundle })).toEqual([
      ['apps/guestbook/fleet.yaml', 2, 'not-rendered', 'Fleet bundle not rendered: Fleet renders its chart (`https://example.com/guestbook-0.0.1.tgz`) with its values in the cluster, so the pod specs it makes are not checked here'],
    ]);
    expect(notices({ 'mon/fleet.yaml': 'helm:\n  repo: https://charts.rancher.io\n  chart: rancher-monitoring\n' })[0]?.[3]).toContain('(`rancher-monitoring` from `https://charts.rancher.io`)');
  });

  it('names what a bundle gives a chart of the repository that is not read here, when it is not rendered for that', () => {
    const files = { 'web/fleet.yaml': 'namespace: web\nhelm:\n  values:\n    replicas: 2\n  valuesFiles: [prod.yaml]\n', 'web/prod.yaml': 'replicas: 3\n', 'web/Chart.yaml': 'name: web\n' };
    expect(notices(files)).toEqual([
      [
        'web/fleet.yaml',
        2,
        'not-rendered',
        'Fleet bundle not rendered with its values: Fleet installs the chart `web` with `helm.valuesFiles` and `helm.values` together, not read here: the chart is checked with its own values.yaml only',
      ],
    ]);
    // Fleet's default chart is the bundle's folder: per-cluster settings other than values say it too, on their line; so do the cluster's.
    const perCluster = { 'web/fleet.yaml': 'targetCustomizations:\n- name: prod\n  helm:\n    releaseName: web-prod\n', 'web/Chart.yaml': 'name: web\n' };
    expect(notices(perCluster).map((n) => [n[1], n[3]])).toEqual([[1, expect.stringContaining('with `targetCustomizations[].helm` other than `values` (or beside `helm.values`), not read here')]]);
    const fromCluster = { 'web/fleet.yaml': 'helm:\n  valuesFrom:\n  - secretKeyRef: {name: web}\n  valuesFiles: [gone.yaml]\n', 'web/Chart.yaml': 'name: web\n' };
    expect(notices(fromCluster)[0]?.[3]).toContain('with `helm.valuesFrom`, `helm.valuesFiles` the commit lacks, not read here');
  });

  it('says nothing of a bundle rendered with its values (fleetBundleCharts)', () => {
    expect(notices({ 'web/fleet.yaml': 'helm:\n  values:\n    replicas: 2\n', 'web/Chart.yaml': 'name: web\n' })).toEqual([]);
  });

  it('says nothing of a bundle the change did not touch, one that gives its chart no values, or one of no chart', () => {
    const files = { 'web/fleet.yaml': 'helm:\n  releaseName: web\n', 'web/Chart.yaml': 'name: web\n', 'k/fleet.yaml': 'kustomize:\n  dir: overlays/dev\n' };
    expect(notices(files)).toEqual([]);
    expect(notices({ 'apps/guestbook/fleet.yaml': bundle }, [])).toEqual([]);
  });
});

describe('fleetBundleCharts', () => {
  const charts = (files: Record<string, string>, file = 'apps/web/fleet.yaml') => fleetBundleCharts({ path: file, text: files[file]! }, new Set(Object.keys(files)));

  it('renders a chart of the repository as Fleet installs it: release, namespace, values files or values, on their lines', () => {
    const fleet = ['defaultNamespace: web', 'helm:', '  chart: ../../charts/web', '  releaseName: shop', '  values:', '    replicas: 2', ''].join('\n');
    expect(charts({ 'apps/web/fleet.yaml': fleet, 'charts/web/Chart.yaml': 'name: web\n' })).toEqual([
      {
        kind: 'FleetBundle',
        file: 'apps/web/fleet.yaml',
        name: 'apps/web',
        noticeLine: 2,
        chartDir: 'charts/web',
        release: 'shop',
        namespace: 'web',
        valueFiles: [],
        valueLines: [],
        inline: ['helm', 'values'],
        revision: { kind: 'any' },
        lines: { start: 1, end: 6 },
      },
    ]);
    // Its own folder's chart by default, named after the folder; `namespace` before `defaultNamespace`; values files from its folder.
    const own = { 'apps/web/fleet.yaml': 'namespace: a\ndefaultNamespace: b\nhelm:\n  valuesFiles:\n  - prod.yaml\n', 'apps/web/Chart.yaml': 'name: web\n', 'apps/web/prod.yaml': 'x: 1\n' };
    expect(charts(own).map(({ chartDir, release, namespace, valueFiles, valueLines, inline }) => ({ chartDir, release, namespace, valueFiles, valueLines, inline }))).toEqual([
      { chartDir: 'apps/web', release: 'web', namespace: 'a', valueFiles: ['apps/web/prod.yaml'], valueLines: [5], inline: null },
    ]);
  });

  it("renders the bundle once more for each target customization's values, on their line (fleet-examples' multi-cluster/helm)", () => {
    const fleet = ['namespace: web', 'targetCustomizations:', '- name: dev', '  helm:', '    values:', '      replication: false', '  clusterSelector: {matchLabels: {env: dev}}', '- name: edge', '  clusterSelector: {matchLabels: {env: edge}}', '- name: prod', '  helm:', '    values: {replicas: 3}', ''].join('\n');
    const found = charts({ 'apps/web/fleet.yaml': fleet, 'apps/web/Chart.yaml': 'name: web\n' });
    expect(found.map(({ generated, noticeLine, inline, release, namespace }) => ({ generated, noticeLine, inline, release, namespace }))).toEqual([
      { generated: undefined, noticeLine: 2, inline: null, release: 'web', namespace: 'web' },
      { generated: 'dev', noticeLine: 5, inline: ['targetCustomizations', 0, 'helm', 'values'], release: 'web', namespace: 'web' },
      { generated: 'prod', noticeLine: 12, inline: ['targetCustomizations', 2, 'helm', 'values'], release: 'web', namespace: 'web' },
    ]);
  });

  it('renders none that Fleet renders with what is not read here, nor a chart from elsewhere, nor a folder of no chart', () => {
    const chart = { 'apps/web/Chart.yaml': 'name: web\n' };
    expect(charts({ ...chart, 'apps/web/fleet.yaml': 'helm:\n  repo: https://charts.example\n  chart: web\n' })).toEqual([]);
    // Per-cluster values beside the bundle's own (merged by Fleet), or other per-cluster settings.
    expect(charts({ ...chart, 'apps/web/fleet.yaml': 'helm:\n  values: {replicas: 2}\ntargetCustomizations:\n- name: prod\n  helm: {values: {replicas: 3}}\n' })).toEqual([]);
    expect(charts({ ...chart, 'apps/web/fleet.yaml': 'targetCustomizations:\n- name: prod\n  helm: {releaseName: web-prod}\n' })).toEqual([]);
    expect(charts({ ...chart, 'apps/web/fleet.yaml': 'helm:\n  valuesFiles: [missing.yaml]\n' })).toEqual([]);
    expect(charts({ 'apps/web/fleet.yaml': 'helm:\n  values: {replicas: 2}\n' })).toEqual([]);
  });
});
