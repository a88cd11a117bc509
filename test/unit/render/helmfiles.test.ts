/** helmfile releases of this repository's charts: rendered when the file says all of it, else a notice, never a silent pass. */
import { describe, expect, it } from 'vitest';
import { changedFile } from '../../helpers/changedFile.js';
import { helmfileBases, helmfileReleases, helmfileValuesIn, nestedHelmfiles, unrenderedHelmfiles } from '../../../src/render/helmfiles.js';
import { applicationCharts } from '../../../src/render/installers.js';

const paths = new Set([
  'deploy/charts/web/Chart.yaml',
  'deploy/charts/web/values.yaml',
  'deploy/values/web.yaml',
  'deploy/values/web-prod.yaml',
  'deploy/values/web.yaml.gotmpl',
  'shared/charts/api/Chart.yaml',
]);

/** A templated helmfile (Go template tags): read as text. */
const templated = [
  'repositories:',
  '  - name: bitnami',
  '    url: https://charts.bitnami.com/bitnami',
  'releases:',
  '  - name: cache',
  '    chart: bitnami/redis',
  '  - name: web',
  '    namespace: {{ .Environment.Name }}',
  '    chart: "./charts/web"   # ours',
  '    values:',
  '      - values/web-{{ .Environment.Name }}.yaml',
  '    set:',
  '      - name: hostNetwork',
  '        value: true',
  '  - chart: ../shared/charts/api/',
  '    name: api',
  '  - name: web-canary',
  '    chart: ./charts/web',
  '',
].join('\n');

/** A plain helmfile of `releases` (YAML lines under `releases:`). */
const plain = (...releases: string[]) => ['releases:', ...releases.map((line) => `  ${line}`), ''].join('\n');

describe('helmfileReleases', () => {
  it('renders a release of a local chart with its name, namespace, values files and a last map of inline values', () => {
    const text = plain(
      '- name: cache',
      '  chart: bitnami/redis',
      '- name: web',
      '  namespace: prod',
      '  chart: ./charts/web/',
      '  values:',
      '    - values/web.yaml',
      '    - ../deploy/values/web-prod.yaml',
      '    - hostNetwork: true',
      '- name: off',
      '  chart: ./charts/web',
      '  installed: false',
    );
    const { charts, unrendered } = helmfileReleases({ path: 'deploy/helmfile.yaml', text }, paths);
    expect(unrendered).toEqual([]);
    expect(charts).toEqual([
      {
        kind: 'HelmfileRelease',
        file: 'deploy/helmfile.yaml',
        name: 'web',
        noticeLine: 6,
        chartDir: 'deploy/charts/web',
        release: 'web',
        namespace: 'prod',
        valueFiles: ['deploy/values/web.yaml', 'deploy/values/web-prod.yaml'],
        valueLines: [8, 9],
        inline: ['releases', 1, 'values', 2],
        revision: { kind: 'any' },
      },
    ]);
    // Read at each commit by the release's name, wherever the commit has it: its last values entry, when a map.
    const reordered = plain('- name: cache', '  chart: bitnami/redis', '- name: web', '  chart: ./charts/web', '  values: [values/web.yaml]');
    expect(helmfileValuesIn('deploy/helmfile.yaml', text, 'web')).toBe('{"hostNetwork":true}');
    expect(helmfileValuesIn('deploy/helmfile.yaml', plain('- name: web', '  chart: ./charts/web', '  values: [values/web.yaml, {hostNetwork: false}]'), 'web')).toBe('{"hostNetwork":false}');
    expect(helmfileValuesIn('deploy/helmfile.yaml', reordered, 'web')).toBe('{}');
    expect(helmfileValuesIn('deploy/helmfile.yaml', reordered, 'api')).toBeNull();
    // Found among a change's files whatever the repository's URL, which a helmfile's local chart does not name.
    expect(applicationCharts([{ path: 'deploy/helmfile.yaml', text }], new Set(), paths).map((chart) => chart.name)).toEqual(['web']);
  });

  it('leaves unrendered what helmfile would do otherwise than helm is told here, with the line of its chart', () => {
    const releases = [
      ['- name: a', '  chart: ./charts/web', '  set: [{name: hostPID, value: true}]'],
      ['- name: b', '  chart: ./charts/web', '  secrets: [secrets.yaml]'],
      ['- name: c', '  chart: ./charts/web', '  values: [{hostNetwork: true}, values/web.yaml]'],
      ['- name: d', '  chart: ./charts/web', '  values: [values/missing.yaml]'],
      ['- name: e', '  chart: ./charts/web', '  condition: web.enabled'],
      ['- name: f', '  chart: ./charts/none'],
      ['- name: g', '  chart: ./charts/web', '  jsonPatches: []'],
      ['- name: h', '  chart: ./charts/web', '  values: [values/web.yaml.gotmpl]'],
      ['- name: i', '  chart: ./charts/web', '  inherit: [{template: default}]'],
      ['- name: j', '  chart: ./charts/web', '  apiVersions: [monitoring.coreos.com/v1, 1]'],
      ['- name: k', '  chart: ./charts/web', '  valuesPathPrefix: prod/', '  values: [values/web.yaml]'],
      ['- name: l', '  chart: ./charts/web', '  env: [{name: hostPID, value: HOST_PID}]'],
    ];
    const { charts, unrendered } = helmfileReleases({ path: 'deploy/helmfile.yaml', text: plain(...releases.flat()) }, paths);
    expect(charts).toEqual([]);
    expect(unrendered.map((release) => [release.chart, release.line, release.set])).toEqual([
      ['./charts/web', 3, true],
      ['./charts/web', 6, false],
      ['./charts/web', 9, false],
      ['./charts/web', 12, false],
      ['./charts/web', 15, false],
      ['./charts/none', 18, false],
      ['./charts/web', 20, false],
      ['./charts/web', 23, false],
      ['./charts/web', 26, false],
      ['./charts/web', 29, false],
      ['./charts/web', 32, false],
      ['./charts/web', 36, true],
    ]);
    // A template is read as text: every local chart, each on its line.
    expect(helmfileReleases({ path: 'deploy/helmfile.yaml', text: templated }, paths)).toEqual({
      charts: [],
      unrendered: [
        { chart: './charts/web', line: 9, set: true },
        { chart: '../shared/charts/api', line: 15, set: true },
        { chart: './charts/web', line: 18, set: true },
      ],
    });
    // Another name holding the same releases is read by what it holds (see below).
    expect(helmfileReleases({ path: 'deploy/releases.yaml', text: plain('- name: web', '  chart: ./charts/web') }, paths).charts.map((chart) => chart.name)).toEqual(['web']);
  });

  it("leaves every release unrendered when the helmfile's own keys change how they render; its namespace is theirs", () => {
    const release = ['releases:', '  - name: web', '    namespace: dev', '    chart: ./charts/web'];
    const read = (...head: string[]) => helmfileReleases({ path: 'deploy/helmfile.yaml', text: [...head, ...release, ''].join('\n') }, paths);
    const lineOfChart = (head: string[]) => head.length + 4;
    for (const head of [
      ['bases: [../common.yaml]'],
      ['templates:', '  default: {values: [values/web.yaml]}', 'defaultInherit: default'],
      ['chart: ./charts/web'],
      ['helmDefaults:', '  postRenderer: ./kustomize.sh'],
      ['helmDefaults:', '  args: ["--wait", "--post-renderer=./kustomize.sh"]'],
      ['helmDefaults:', '  templateArgs: ["-f extra.yaml"]'],
    ]) {
      expect(read(...head), head.join(' ')).toEqual({ charts: [], unrendered: [{ chart: './charts/web', line: lineOfChart(head), set: false }] });
    }
    // `--set` for every release is in no file the config file can name.
    expect(read('helmDefaults:', '  args: ["--set hostPID=true"]').unrendered).toEqual([{ chart: './charts/web', line: 6, set: true }]);
    // Arguments that change nothing rendered, and templates no release inherits, leave the releases rendered.
    const rendered = read('helmDefaults:', '  wait: true', '  args: ["--timeout 10m", "--atomic"]', 'templates:', '  default: {namespace: ops}');
    expect(rendered.unrendered).toEqual([]);
    expect(rendered.charts.map((chart) => [chart.name, chart.namespace])).toEqual([['web', 'dev']]);
    // The helmfile's `namespace` replaces each release's own.
    expect(read('namespace: prod').charts.map((chart) => [chart.name, chart.namespace])).toEqual([['web', 'prod']]);
    // Its capabilities are each release's that names none, given to helm as helmfile gives them.
    expect(read('apiVersions: [monitoring.coreos.com/v1/ServiceMonitor]', 'kubeVersion: v1.30.0').charts.map((chart) => chart.capabilities)).toEqual([
      { kubeVersion: 'v1.30.0', apiVersions: ['monitoring.coreos.com/v1/ServiceMonitor'] },
    ]);
    const own = helmfileReleases({ path: 'deploy/helmfile.yaml', text: ['kubeVersion: v1.30.0', 'apiVersions: [a/v1]', ...release, '    kubeVersion: "1.29"', '    apiVersions: [b/v1]', ''].join('\n') }, paths);
    expect(own.charts.map((chart) => chart.capabilities)).toEqual([{ kubeVersion: '1.29', apiVersions: ['b/v1'] }]);
  });
});

describe('helmfiles of other names', () => {
  it('reads the releases of local charts of any YAML file that lists them, as helmfile -f or a parent helmfile reads it; no other file', () => {
    const web = plain('- name: web', '  chart: ../deploy/charts/web', '  values: [{hostNetwork: true}]');
    expect(helmfileReleases({ path: 'releases/web.yaml', text: web }, paths).charts.map((chart) => [chart.name, chart.chartDir, chart.inline])).toEqual([['web', 'deploy/charts/web', ['releases', 0, 'values', 0]]]);
    // A template of one is not rendered: its notice names the chart.
    const templated = plain('- name: web', '  chart: ../deploy/charts/web', '  namespace: {{ .Values.ns }}');
    expect(helmfileReleases({ path: 'releases/web.yaml.gotmpl', text: templated }, paths)).toEqual({ charts: [], unrendered: [{ chart: '../deploy/charts/web', line: 3, set: false }] });
    // A values file with a `releases` key, a manifest, remote charts only, another extension: none.
    for (const [path, text] of [
      ['deploy/values/web.yaml', 'releases:\n  - name: nightly\n    schedule: "0 3 * * *"\n'],
      ['deploy/list.yaml', 'kind: ConfigMap\nreleases:\n  - chart: ./charts/web\n'],
      ['releases/cache.yaml', plain('- name: cache', '  chart: bitnami/redis')],
      ['releases/web.txt', web],
    ] as const) {
      expect(helmfileReleases({ path, text }, paths), path).toEqual({ charts: [], unrendered: [] });
    }
  });

  it("finds the files a helmfile names under `helmfiles:`, relative to its folder, globs against the tree's paths; not remote ones, nor those read already", () => {
    const tree = ['deploy/helmfile.yaml', 'deploy/releases/web.yaml', 'deploy/releases/api.yml', 'deploy/releases/notes.md', 'deploy/apps/db.yaml', 'other/helmfile.yaml', 'platform/platform-helmfile.yaml', 'platform/charts/db/db-helmfile.yaml'];
    const parent = [
      'helmfiles:',
      '  - releases/*.y*ml',
      '  - path: apps/db.yaml',
      '    values: [{tier: db}]',
      '  - git::https://github.com/acme/charts.git@helmfile.yaml?ref=v1',
      '  - ../other/helmfile.yaml',
      '',
    ].join('\n');
    const texts = new Map([
      ['deploy/helmfile.yaml', parent],
      ['other/helmfile.yaml', 'releases: []\n'],
    ]);
    expect(nestedHelmfiles(texts, tree)).toEqual(['deploy/apps/db.yaml', 'deploy/releases/api.yml', 'deploy/releases/web.yaml']);
    // A helmfile of another name that only names others (`platform-helmfile.yaml`, as discovery reads it by its name).
    expect(nestedHelmfiles(new Map([['platform/platform-helmfile.yaml', 'helmfiles:\n  - path: ./charts/db/db-helmfile.yaml\n']]), tree)).toEqual(['platform/charts/db/db-helmfile.yaml']);
    // A template names what its values decide: not read.
    expect(nestedHelmfiles(new Map([['deploy/helmfile.yaml', `${parent}# {{ .Environment.Name }}\n`]]), tree)).toEqual([]);
  });
});

describe('unrenderedHelmfiles', () => {
  it("gives a helmfile with releases not rendered a notice on the first one's line, naming each chart once and how to render its values", () => {
    const [notice, ...more] = unrenderedHelmfiles({ files: [changedFile('deploy/helmfile.yaml', '', templated)] }, new Set(), paths);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ file: 'deploy/helmfile.yaml', line: 9, kind: 'not-rendered' });
    expect(notice!.message).toBe(
      'what this file gives `./charts/web`, `../shared/charts/api` (values, `set`) is not checked: helmfile is not run here, and its releases are not rendered as written ' +
        '(a template, `set` or `secrets`, patches, a values file the commit lacks); name the values files in `render.charts[].values` of the config file for each chart',
    );
  });

  it('reads helmfile.d folders and .gotmpl files; says nothing of rendered releases (whatever the file is named), remote charts, removed files, or files that list none', () => {
    const local = 'releases:\n- name: web\n  chart: ./charts/web\n';
    const files = [
      changedFile('helmfile.d/10-web.yaml.gotmpl', '', local),
      changedFile('deploy/web-helmfile.yaml.gotmpl', '', local),
      changedFile('deploy/helmfile.yml', '', local),
      changedFile('helmfile.yml', '', 'releases:\n  - name: cache\n    chart: bitnami/redis\n'),
      changedFile('old/helmfile.yaml', '', null),
      changedFile('deploy/releases.yaml', '', local),
      changedFile('deploy/values/web.yaml', '', 'releases:\n  - name: nightly\n    chart: stable\n'),
    ];
    expect(unrenderedHelmfiles({ files }, new Set(), paths).map((notice) => [notice.file, notice.line])).toEqual([
      ['helmfile.d/10-web.yaml.gotmpl', 3],
      ['deploy/web-helmfile.yaml.gotmpl', 3],
    ]);
  });

  it('names the first three charts and counts the rest', () => {
    const text = ['a', 'b', 'c', 'd', 'e'].map((name) => `- name: ${name}\n  chart: ./charts/${name}\n`).join('');
    const [notice] = unrenderedHelmfiles({ files: [changedFile('helmfile.yaml', '', `releases:\n${text}`)] }, new Set(), paths);
    expect(notice!.message).toMatch(/gives `\.\/charts\/a`, `\.\/charts\/b`, `\.\/charts\/c` and 2 more \(values/);
  });

  it('names only the charts the config file does not render; for those it renders, only `set` entries keep a notice', () => {
    const files = [changedFile('deploy/helmfile.yaml', '', templated)];
    // ./charts/web of deploy/helmfile.yaml is deploy/charts/web; ../shared/charts/api is shared/charts/api.
    expect(unrenderedHelmfiles({ files }, new Set(['deploy/charts/web']), paths).map((notice) => [notice.line, notice.message.slice(0, 50)])).toEqual([
      [15, 'what this file gives `../shared/charts/api` (value'],
    ]);
    const [set] = unrenderedHelmfiles({ files }, new Set(['deploy/charts/web', 'shared/charts/api']), paths);
    expect(set).toMatchObject({ file: 'deploy/helmfile.yaml', line: 9, kind: 'not-rendered' });
    expect(set!.message).toMatch(/^helmfile releases are not rendered here, so what the `set` entries of this file give its charts is not checked: write those values in a values file/);
    const withoutSet = [changedFile('helmfile.yaml.gotmpl', '', 'releases:\n- name: web\n  chart: ./charts/web\n  values: [values/web.yaml]\n')];
    expect(unrenderedHelmfiles({ files: withoutSet }, new Set(['charts/web']), paths)).toEqual([]);
  });
});

describe('helmfile bases', () => {
  it('names each file a helmfile merges in as a base, with the first helmfile that names it; remote and templated ones are not read', () => {
    const texts = new Map([
      ['helmfile.yaml', 'bases:\n  - environments.yaml\n  - ../common/releases.yaml\n  - git::https://github.com/acme/defaults.git@base.yaml?ref=v1\n'],
      ['apps/helmfile.yaml', 'bases:\n  - ../environments.yaml\n  - local.yaml\n'],
      ['templated/helmfile.yaml', 'bases:\n  - {{ .Environment.Name }}.yaml\n'],
      ['values/web.yaml', 'bases:\n  - nothing.yaml\n'],
    ]);
    expect(helmfileBases(texts)).toEqual(
      new Map([
        ['environments.yaml', 'helmfile.yaml'],
        ['apps/local.yaml', 'apps/helmfile.yaml'],
      ]),
    );
  });
});

