/** Discovery: which overlays and charts a change set affects, and which files they consume. */
import { describe, expect, it } from 'vitest';
import { discoverRoots, discoveryReads, exampleCiValues, maxApplications, maxEnvironments } from '../../../src/render/discover.js';
import { releaseNameOf } from '../../../src/render/releaseName.js';
import type { RenderSettings } from '../../../src/render/discover.js';
import { isRemote } from '../../../src/render/kustomization.js';
import { leftOutNote, valuesChainOf } from '../../../src/render/dependencyNotes.js';
import type { TreeSnapshot } from '../../../src/render/types.js';

function tree(files: Record<string, string>): TreeSnapshot {
  const paths = new Set(Object.keys(files));
  return { paths, texts: new Map(discoveryReads(paths).map((p) => [p, files[p]!])) };
}

const repo = tree({
  'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
  'base/deployment.yaml': 'kind: Deployment\n',
  'components/debug/kustomization.yaml': 'kind: Component\npatches:\n  - path: debug.yaml\n',
  'components/debug/debug.yaml': 'kind: Deployment\n',
  'overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: replicas.yaml\n',
  'overlays/prod/replicas.yaml': 'kind: Deployment\n',
  'overlays/dev/kustomization.yaml': 'resources: [../../base]\ncomponents: [../../components/debug]\nconfigMapGenerator:\n  - name: env\n    files: [settings.env]\n',
  'overlays/dev/settings.env': 'A=1\n',
  'overlays/edge/kustomization.yaml': 'resources:\n  - github.com/acme/platform/deploy?ref=v1\n',
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 19.0.0\n  - name: common\n    version: 2.0.0\n',
  'charts/web/values.yaml': 'hostNetwork: false\n',
  'charts/web/templates/deployment.yaml': 'kind: Deployment\n',
  'charts/web/charts/common/Chart.yaml': 'name: common\n',
  'charts/web/ci/prod-values.yaml': 'replicas: 2\n',
  'deploy/plain.yaml': 'kind: Pod\n',
});

const roots = (changed: string[], settings?: Parameters<typeof discoverRoots>[3]) => discoverRoots(repo, repo, changed, settings).roots.map((r) => [r.tool, r.label, r.blocked !== null]);

describe('discoverRoots', () => {
  it('a changed base affects every overlay that uses it, and only the top overlays are rendered', () => {
    expect(roots(['base/deployment.yaml'])).toEqual([
      ['kustomize', 'overlays/dev', false],
      ['kustomize', 'overlays/prod', false],
    ]);
  });

  it('follows patches, components and generator files transitively', () => {
    expect(roots(['overlays/prod/replicas.yaml'])).toEqual([['kustomize', 'overlays/prod', false]]);
    expect(roots(['components/debug/debug.yaml'])).toEqual([['kustomize', 'overlays/dev', false]]);
    expect(roots(['overlays/dev/settings.env'])).toEqual([['kustomize', 'overlays/dev', false]]);
  });

  it("reads a Helm 2 chart's dependencies from its requirements.yaml", () => {
    const files = {
      'redis-ha/Chart.yaml': 'name: redis-ha\nversion: 2.0\n',
      'redis-ha/requirements.yaml': 'dependencies:\n- name: redis-ha\n  version: 4.35.10\n  repository: https://charts.example\n',
      'redis-ha/values.yaml': 'x: 1\n',
    };
    const legacy = tree(files);
    const [chart] = discoverRoots(legacy, legacy, ['redis-ha/values.yaml']).roots;
    // Rendered without it, saying so.
    expect(chart!.blocked).toBeNull();
    expect(chart!.helm!.withoutDependencies).toEqual(['redis-ha']);
    expect(chart!.leftOut!.map((d) => d.shown)).toEqual(['redis-ha 4.35.10']);
    // Vendored, it renders whole.
    const vendored = tree({ ...files, 'redis-ha/charts/redis-ha-4.35.10.tgz': '' });
    const [whole] = discoverRoots(vendored, vendored, ['redis-ha/values.yaml']).roots;
    expect([whole!.blocked, whole!.leftOut, whole!.helm!.withoutDependencies]).toEqual([null, undefined, undefined]);
  });

  it('names a dependency taken in twice under aliases once, as one archive vendors both', () => {
    const files = {
      'demo/Chart.yaml':
        'apiVersion: v2\nname: demo\nversion: 1.0.0\ndependencies:\n  - name: collector\n    version: 0.1.0\n  - name: collector\n    version: 0.1.0\n    alias: profiler\n  - name: jaeger\n    version: 4.0.0\n',
      'demo/values.yaml': 'x: 1\n',
    };
    const charts = tree(files);
    expect(discoverRoots(charts, charts, ['demo/values.yaml']).roots[0]!.leftOut!.map((d) => d.shown)).toEqual(['collector 0.1.0', 'jaeger 4.0.0']);
    const vendored = tree({ ...files, 'demo/charts/collector-0.1.0.tgz': '', 'demo/charts/jaeger-4.0.0.tgz': '' });
    expect(discoverRoots(vendored, vendored, ['demo/values.yaml']).roots[0]!.leftOut).toBeUndefined();
  });

  it("names only the missing dependencies the values a rendering takes leave on, as helm reads a condition or tags", () => {
    const prod = 'postgresql: {enabled: true}\n';
    const chart = (values: string, configured = false) => {
      const texts = {
        'app/Chart.yaml':
          'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: postgresql\n    version: 15.0.0\n    condition: postgresql.enabled,global.postgresql.enabled\n  - name: redis\n    version: 19.0.0\n    tags: [cache]\n  - name: metrics\n    version: 1.0.0\n',
        'app/values.yaml': values,
        'app/prod.yaml': prod,
      };
      const files = tree(texts);
      const settings = configured ? { charts: [{ chart: 'app', values: ['app/prod.yaml'] }] } : undefined;
      const root = discoverRoots(files, files, ['app/values.yaml'], settings).roots[0]!;
      // What the stage says, from the texts the rendering read.
      return { root, note: root.leftOut === undefined ? null : leftOutNote(root.leftOut, valuesChainOf('app', root.helm!.valuesFiles, new Map(Object.entries(texts)))) };
    };
    // All three are left out of the rendering, whatever the values say.
    expect(chart('').root.helm!.withoutDependencies).toEqual(['postgresql', 'redis', 'metrics']);
    // Nothing says postgresql or redis is off: each is named, as is metrics, which has no switch.
    expect(chart('').note).toBe(
      'rendered without dependencies `postgresql 15.0.0`, `redis 19.0.0`, `metrics 1.0.0`, not vendored in `charts/` (run `helm dependency build` and commit it; dependencies are never fetched): what they render is not checked',
    );
    // The first condition path that holds a boolean decides; a tag set off turns a dependency off.
    expect(chart('postgresql:\n  enabled: false\nglobal:\n  postgresql: {enabled: true}\ntags: {cache: false}\n').note).toContain('dependency `metrics 1.0.0`,');
    expect(chart('global:\n  postgresql: {enabled: false}\n').note).toContain('`redis 19.0.0`, `metrics 1.0.0`');
    // A values file the rendering takes after values.yaml turns postgresql back on.
    expect(chart('postgresql: {enabled: false}\ntags: {cache: false}\n', true).note).toContain('dependencies `postgresql 15.0.0`, `metrics 1.0.0`,');
    // A values file not among the texts read: any of them may be on.
    const root = chart('postgresql: {enabled: false}\ntags: {cache: false}\n', true).root;
    expect(leftOutNote(root.leftOut!, valuesChainOf('app', root.helm!.valuesFiles, new Map([['app/values.yaml', 'tags: {cache: false}\n']])))).toContain('`postgresql 15.0.0`, `redis 19.0.0`, `metrics 1.0.0`');
    // Every one off: nothing to say.
    const off = tree({ 'db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 19.0.0\n    condition: redis.enabled\n', 'db/values.yaml': 'redis:\n  enabled: false\n' });
    expect(leftOutNote(discoverRoots(off, off, ['db/values.yaml']).roots[0]!.leftOut!, [{ redis: { enabled: false } }])).toBeNull();
  });

  it('never renders a Component on its own, even one no kustomization takes in', () => {
    const withUnused = tree({
      'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'base/deployment.yaml': 'kind: Deployment\n',
      'components/unused/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: patch.yaml\n',
      'components/unused/patch.yaml': 'kind: Deployment\n',
    });
    const found = discoverRoots(withUnused, withUnused, ['components/unused/patch.yaml', 'components/unused/kustomization.yaml', 'base/deployment.yaml']);
    expect(found.roots.map((r) => r.label)).toEqual(['base']);
    // Its patch names a Deployment but is no Deployment: it stays consumed, never a plain manifest.
    expect(found.consumed.has('components/unused/patch.yaml')).toBe(true);
  });

  it('a remote base blocks the overlay; a chart renders without a dependency missing from charts/, naming it', () => {
    expect(roots(['overlays/edge/kustomization.yaml'])).toEqual([['kustomize', 'overlays/edge', true]]);
    const [chart] = discoverRoots(repo, repo, ['charts/web/values.yaml']).roots;
    expect(chart!.blocked).toBeNull();
    expect(chart!.helm!.withoutDependencies).toEqual(['redis']);
    expect(chart!.leftOut!.map((d) => d.shown)).toEqual(['redis 19.0.0']);
  });

  it('a chart is affected by its files and its configured values files; ci values are extra renderings on request', () => {
    expect(roots(['charts/web/templates/deployment.yaml'])).toEqual([['helm', 'charts/web', false]]);
    expect(roots(['charts/web/charts/common/Chart.yaml'])).toEqual([['helm', 'charts/web', false]]);
    expect(roots(['charts/web/ci/prod-values.yaml'], { charts: [{ chart: 'charts/web', ciValues: true, release: 'shop', namespace: 'prod' }] })).toEqual([
      ['helm', 'charts/web', false],
      ['helm', 'charts/web (ci/prod-values.yaml)', false],
    ]);
    const [, ci] = discoverRoots(repo, repo, ['charts/web/values.yaml'], { charts: [{ chart: 'charts/web', ciValues: true, release: 'shop', namespace: 'prod' }] }).roots;
    expect(ci!.helm).toEqual({ release: 'shop', namespace: 'prod', namespaceGiven: true, valuesFiles: ['charts/web/ci/prod-values.yaml'], withoutDependencies: ['redis'] });
  });

  it("renders a chart once more with each values file beside its values.yaml (an environment's), unless the config names its values", () => {
    const files = {
      'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'web/values.yaml': 'replicas: 1\n',
      'web/values-prod.yaml': 'replicas: 3\n',
      'web/staging.values.yml': 'replicas: 2\n',
      'web/values.schema.json': '{}',
      // JupyterHub's chart writes its schema in YAML: no one's values.
      'web/values.schema.yaml': '$schema: http://json-schema.org/draft-07/schema#\ntype: object\n',
      // envoy gateway's chart: a template of its values.yaml, which envsubst fills at build time.
      'web/values.tmpl.yaml': 'image: ${GatewayImage}\n',
      'web/templates/values-configmap.yaml': 'kind: ConfigMap\n',
      'web/examples/values-demo.yaml': 'replicas: 1\n',
      'web/README.md': '',
    };
    const chart = tree(files);
    const found = (settings?: Parameters<typeof discoverRoots>[3]) => discoverRoots(chart, chart, ['web/values-prod.yaml'], settings).roots.map((r) => [r.label, r.helm!.valuesFiles]);
    // Templates and examples in its subfolders are installed nowhere, nor is a schema or a template of values; the values file the change touches comes first.
    expect(found()).toEqual([
      ['web', []],
      ['web (values-prod.yaml)', ['web/values-prod.yaml']],
      ['web (staging.values.yml)', ['web/staging.values.yml']],
    ]);
    // Values the config names are the chart's values everywhere, and `values: []` says it has none other.
    expect(found({ charts: [{ chart: 'web', values: ['web/values-prod.yaml'] }] })).toEqual([['web', ['web/values-prod.yaml']]]);
    expect(found({ charts: [{ chart: 'web', values: [] }] })).toEqual([['web', []]]);
    // A values file the config names outside the chart is the rendering's: never a manifest of its own.
    expect(discoverRoots(chart, chart, ['web/values.yaml'], { charts: [{ chart: 'web', values: ['envs/prod.yaml'] }] }).consumed.has('envs/prod.yaml')).toBe(true);
    // Every rendering is rendered without the dependency the chart lacks (the stage says it once for those that say the same).
    const withDependency = tree({ ...files, 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 19.0.0\n' });
    expect(discoverRoots(withDependency, withDependency, ['web/values.yaml']).roots.map((r) => [r.label, r.leftOut?.map((d) => d.shown)])).toEqual([
      ['web', ['redis 19.0.0']],
      ['web (staging.values.yml)', ['redis 19.0.0']],
      ['web (values-prod.yaml)', ['redis 19.0.0']],
    ]);
  });

  it('renders the charts of at most maxApplications Argo CD Applications, and names the rest', () => {
    const chart = tree({ 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n', 'web/values.yaml': 'replicas: 1\n' });
    const applications = Array.from({ length: maxApplications + 7 }, (_, i) => ({
      kind: 'Application' as const,
      file: `apps/web-${i}.yaml`,
      name: `web-${i}`,
      noticeLine: 12,
      chartDir: 'web',
      release: 'web',
      namespace: `team-${i}`,
      valueFiles: [],
      inline: null,
      revision: { kind: 'default' as const },
    }));
    const { roots, problems } = discoverRoots(chart, chart, ['apps/web-0.yaml'], undefined, applications);
    expect(roots.map((r) => r.label)).toEqual(Array.from({ length: maxApplications }, (_, i) => `web (Application web-${i})`));
    expect(roots[3]!.helm).toMatchObject({ release: 'web', namespace: 'team-3', namespaceGiven: true, application: { kind: 'Application', file: 'apps/web-3.yaml', name: 'web-3', inline: null } });
    expect(problems).toEqual([
      {
        file: `apps/web-${maxApplications}.yaml`,
        line: 12,
        kind: 'not-rendered',
        message: `the charts of ${maxApplications} of ${maxApplications + 7} Argo CD Applications are rendered with their settings (at most ${maxApplications} in one run), so what \`web-25\`, \`web-26\`, \`web-27\`, \`web-28\`, \`web-29\` and 2 more install is not checked here: check them a few at a time (smaller pull requests, or fewer paths given to \`check\`)`,
      },
    ]);
  });

  it("gives every chart the cluster's capabilities from the config file, and an installer's own in place of those it names", () => {
    const chart = tree({ 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n', 'web/values.yaml': 'replicas: 1\n' });
    const cluster = { kubeVersion: '1.29', apiVersions: ['example.com/v1/Widget'] };
    const application = (capabilities?: { kubeVersion: string | null; apiVersions: string[] }) => ({
      kind: 'Application' as const,
      file: 'apps/web.yaml',
      name: 'web',
      noticeLine: 9,
      chartDir: 'web',
      release: 'web',
      namespace: 'prod',
      valueFiles: [],
      inline: null,
      revision: { kind: 'default' as const },
      ...(capabilities ? { capabilities } : {}),
    });
    const capabilitiesOf = (applications: ReturnType<typeof application>[], settings: RenderSettings = { charts: [], capabilities: cluster }) =>
      discoverRoots(chart, chart, ['web/values.yaml', 'apps/web.yaml'], settings, applications).roots.map((r) => [r.label, r.helm?.capabilities]);
    expect(capabilitiesOf([application()])).toEqual([
      ['web', cluster],
      ['web (Application web)', cluster],
    ]);
    // The Application's version, the cluster's APIs; and its APIs when it names them.
    expect(capabilitiesOf([application({ kubeVersion: '1.31', apiVersions: [] })])[1]).toEqual(['web (Application web)', { kubeVersion: '1.31', apiVersions: ['example.com/v1/Widget'] }]);
    expect(capabilitiesOf([application({ kubeVersion: null, apiVersions: ['policy/v1'] })])[1]).toEqual(['web (Application web)', { kubeVersion: '1.29', apiVersions: ['policy/v1'] }]);
    // No config: helm's own (none given), or the Application's.
    expect(capabilitiesOf([application()], { charts: [] })).toEqual([
      ['web', undefined],
      ['web (Application web)', undefined],
    ]);
  });

  it('renders the Applications of unchanged files whose chart or values files the change touches, after those of the change', () => {
    const files = tree({
      'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'web/values.yaml': 'replicas: 1\n',
      'web/templates/deployment.yaml': 'kind: Deployment\n',
      'common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.0.0\ntype: library\n',
      'api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 1.0.0\n    repository: file://../common\n',
      'api/values.yaml': 'replicas: 1\n',
      'envs/prod/api.yaml': 'replicas: 3\n',
    });
    const application = (name: string, chartDir: string, valueFiles: string[] = []) => ({ kind: 'Application' as const, file: `apps/${name}.yaml`, name, noticeLine: 9, chartDir, release: name, namespace: 'prod', valueFiles, inline: null, revision: { kind: 'default' as const } });
    const standing = [application('web-prod', 'web'), application('api-prod', 'api', ['envs/prod/api.yaml'])];
    const labels = (changed: string[], applications = [application('web-dev', 'web')]) => discoverRoots(files, files, changed, undefined, applications, { applications: standing, unsearched: 0 }).roots.map((r) => r.label);
    // A template of the chart: its own rendering, the change's Application, then the standing one of that chart.
    expect(labels(['web/templates/deployment.yaml'])).toEqual(['web', 'web (Application web-dev)', 'web (Application web-prod)']);
    // A dependency in a folder of the repository changes the chart that reads it; a values file changes its Application only.
    expect(labels(['common/templates/_helpers.tpl'], [])).toEqual(['api', 'api (Application api-prod)']);
    expect(labels(['envs/prod/api.yaml'], [])).toEqual(['api (Application api-prod)']);
    expect(discoverRoots(files, files, ['envs/prod/api.yaml'], undefined, [], { applications: standing, unsearched: 0 }).consumed.has('envs/prod/api.yaml')).toBe(true);
    // A change that touches neither renders no standing Application.
    expect(labels(['deploy/plain.yaml'], [])).toEqual([]);
    // One that an overlay may change (a patch, here) is rendered through the overlay, not from its file; one it only lists is.
    const overlaid = (kustomization: string) => {
      const t = tree({ ...Object.fromEntries([...files.paths].map((p) => [p, files.texts.get(p) ?? ''])), 'apps/kustomization.yaml': kustomization, 'apps/web-prod.yaml': 'kind: Application\n', 'apps/prod.yaml': 'kind: Application\n' });
      return discoverRoots(t, t, ['web/templates/deployment.yaml'], undefined, [], { applications: standing, unsearched: 0 }).roots.map((r) => r.label);
    };
    expect(overlaid('resources: [web-prod.yaml]\npatches:\n  - path: prod.yaml\n')).toEqual(['web']);
    expect(overlaid('resources: [web-prod.yaml]\n')).toEqual(['web', 'web (Application web-prod)']);
  });

  it('says, on each chart the change touches, when the files that may install it were not searched', () => {
    const charts = tree({ 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n', 'api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n' });
    const { problems } = discoverRoots(charts, charts, ['web/templates/a.yaml'], undefined, [], { applications: [], unsearched: 1500 });
    expect(problems).toEqual([
      {
        file: 'web/Chart.yaml',
        line: null,
        kind: 'not-rendered',
        message:
          'web changes, and the Argo CD Applications and Flux HelmReleases that may install it from files this change leaves as they were are not looked for: the head commit has 1500 YAML and JSON files, too many to read through GitHub\'s API (check out both commits with `fetch-depth: 0` to search them with git)',
      },
    ]);
    // A change that touches no chart has nothing to say.
    expect(discoverRoots(charts, charts, ['deploy/a.yaml'], undefined, [], { applications: [], unsearched: 1500 }).problems).toEqual([]);
  });

  it("names a changed chart's standing Applications past maxApplications on the chart", () => {
    const chart = tree({ 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n', 'web/values.yaml': 'replicas: 1\n' });
    const standing = Array.from({ length: maxApplications + 2 }, (_, i) => ({ kind: 'Application' as const, file: `apps/web-${i}.yaml`, name: `web-${i}`, noticeLine: 9, chartDir: 'web', release: 'web', namespace: null, valueFiles: [], inline: null, revision: { kind: 'default' as const } }));
    const { roots, problems } = discoverRoots(chart, chart, ['web/values.yaml'], undefined, [], { applications: standing, unsearched: 0 });
    expect(roots).toHaveLength(maxApplications + 1);
    expect(problems).toEqual([
      {
        file: 'web/Chart.yaml',
        line: null,
        kind: 'not-rendered',
        message: `web changes, and what it installs through the Argo CD Applications \`web-25\`, \`web-26\` is not checked with their values (at most ${maxApplications} of them are rendered in one run): check them with \`pod-security-review check\` on their files`,
      },
    ]);
  });

  it("renders at most maxEnvironments of a chart's values files, those the change touches first, and names the rest", () => {
    const files: Record<string, string> = { 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n', 'web/values.yaml': 'replicas: 1\n' };
    for (let i = 10; i < 22; i++) files[`web/values-${i}.yaml`] = 'replicas: 2\n';
    const chart = tree(files);
    const { roots, problems } = discoverRoots(chart, chart, ['web/values-21.yaml']);
    expect(roots.map((r) => r.label)).toEqual(['web', 'web (values-21.yaml)', ...Array.from({ length: maxEnvironments - 1 }, (_, i) => `web (values-${10 + i}.yaml)`)]);
    expect(problems).toEqual([
      {
        file: 'web/Chart.yaml',
        line: null,
        kind: 'not-rendered',
        message:
          'web is rendered with 8 of the 12 values files beside its values.yaml (those the change touches first), so what `values-17.yaml`, `values-18.yaml`, `values-19.yaml`, `values-20.yaml` set is not checked: name the ones that matter in `render.charts[].values` of the config file',
      },
    ]);
  });

  it('renders no library chart (helm refuses to install one), and never reads its templates as manifests', () => {
    const library = tree({
      'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.0.0\ntype: library\n',
      'charts/common/templates/_labels.tpl': '{{- define "common.labels" -}}\napp: x\n{{- end -}}\n',
    });
    const { roots: none, consumed } = discoverRoots(library, library, ['charts/common/templates/_labels.tpl']);
    expect(none).toEqual([]);
    expect(consumed.has('charts/common/templates/_labels.tpl')).toBe(true);
  });

  it('consumes what renderings read, and leaves plain manifests alone', () => {
    const { consumed, roots: none } = discoverRoots(repo, repo, ['deploy/plain.yaml']);
    expect(none).toEqual([]);
    expect([...consumed].sort()).toEqual([
      'base/deployment.yaml',
      'base/kustomization.yaml',
      'charts/web/Chart.yaml',
      'charts/web/charts/common/Chart.yaml',
      'charts/web/ci/prod-values.yaml',
      'charts/web/templates/deployment.yaml',
      'charts/web/values.yaml',
      'components/debug/debug.yaml',
      'components/debug/kustomization.yaml',
      'overlays/dev/kustomization.yaml',
      'overlays/dev/settings.env',
      'overlays/edge/kustomization.yaml',
      'overlays/prod/kustomization.yaml',
      'overlays/prod/replicas.yaml',
    ]);
  });
});

describe('exampleCiValues', () => {
  it("names a chart's default-looking test values first, else the first by name with case aside", () => {
    const collector = ['c/ci/GOMEMLIMIT-values.yaml', 'c/ci/clusterrole-values.yaml', 'c/ci/daemonset-values.yaml'];
    expect(exampleCiValues(collector)).toBe('c/ci/clusterrole-values.yaml');
    expect(exampleCiValues([...collector, 'c/ci/default-values.yaml'])).toBe('c/ci/default-values.yaml');
    expect(exampleCiValues(['c/ci/zeta-values.yaml', 'c/ci/values.yaml'])).toBe('c/ci/values.yaml');
    expect(exampleCiValues([])).toBeUndefined();
  });
});

describe('isRemote', () => {
  it.each([
    ['https://github.com/acme/platform//deploy?ref=v1', true],
    ['git@github.com:acme/platform.git', true],
    ['github.com/acme/platform/deploy?ref=v1', true],
    ['../../base', false],
    ['deployment.yaml', false],
    ['./config.v2/deploy.yaml', false],
  ])('%s → %s', (reference, remote) => {
    expect(isRemote(reference)).toBe(remote);
  });

  it('Helm inflation: off by default; when on, the chart in chartHome and the values files are consumed, the chart is no root of its own, and a chart only in a repo is never pulled', () => {
    const inflating = tree({
      'apps/kustomization.yaml': 'helmGlobals: {chartHome: ../vendor}\nhelmCharts:\n  - name: web\n    valuesFile: web.yaml\n  - name: db\n    repo: https://charts.example\n    version: 1.0.0\n',
      'apps/web.yaml': 'hostNetwork: true\n',
      'vendor/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'vendor/web/templates/deployment.yaml': 'kind: Deployment\n',
      'local/kustomization.yaml': 'helmCharts:\n  - name: api\n',
      'local/charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
    });
    const on = discoverRoots(inflating, null, ['apps/web.yaml', 'local/charts/api/Chart.yaml'], { charts: [], kustomizeHelm: true });
    expect(on.roots.map((r) => [r.tool, r.label, r.inflateHelm, r.blocked])).toEqual([
      ['kustomize', 'apps', true, 'remote base `https://charts.example (chart db)` is never fetched'],
      ['kustomize', 'local', true, null],
    ]);
    expect(on.roots[1]!.sources).toEqual(['local/charts/api/Chart.yaml', 'local/kustomization.yaml']);
    expect([...on.consumed].sort()).toEqual(['apps/kustomization.yaml', 'apps/web.yaml', 'local/charts/api/Chart.yaml', 'local/kustomization.yaml', 'vendor/web/Chart.yaml', 'vendor/web/templates/deployment.yaml']);
    const off = discoverRoots(inflating, null, ['local/charts/api/Chart.yaml']);
    expect(off.roots.map((r) => [r.tool, r.label, r.inflateHelm, r.blocked?.startsWith('its `helmCharts` need Helm inflation, which is off') ?? false])).toEqual([
      ['kustomize', 'local', false, true],
      ['helm', 'local/charts/api', false, false],
    ]);
  });
});

describe('releaseNameOf', () => {
  it('keeps a chart name helm takes as a release name, and makes one of any other', () => {
    expect(releaseNameOf('web')).toBe('web');
    expect(releaseNameOf('kube-prometheus-stack')).toBe('kube-prometheus-stack');
    expect(releaseNameOf('feature-REPLACE_WITH_feature-name')).toBe('feature-replace-with-feature-name');
    expect(releaseNameOf('My_Chart.v2_')).toBe('my-chart.v2');
    expect(releaseNameOf('_a.-b')).toBe('a.b');
    expect(releaseNameOf('x'.repeat(52) + '-yz')).toBe('x'.repeat(52));
    expect(releaseNameOf('__')).toBe('release');
  });
});
