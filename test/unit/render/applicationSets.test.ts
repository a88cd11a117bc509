/** The Applications of an Argo CD ApplicationSet whose charts are rendered (applicationSets.ts, through installers.ts). */
import { describe, expect, it } from 'vitest';
import { applicationValuesIn } from '../../../src/render/applications.js';
import { sanitizedName } from '../../../src/render/gitFilesGenerator.js';
import { applicationCharts, parameterFileReads } from '../../../src/render/installers.js';

const repository = new Set(['github.com/acme/shop']);
const paths = new Set([
  'charts/web/Chart.yaml',
  'charts/web/values.yaml',
  'charts/web/values-prod.yaml',
  'charts/web/values-dev.yaml',
  'charts/api/Chart.yaml',
  'charts/api/values.yaml',
  'charts/.hidden/Chart.yaml',
  'charts/lib/templates/_helpers.tpl',
]);

/** An ApplicationSet with `generators` and `template` (YAML lines under `spec:`), and more lines under `spec:`. */
const applicationSet = (generators: string[], template: string[], more: string[] = []) =>
  ['apiVersion: argoproj.io/v1alpha1', 'kind: ApplicationSet', 'metadata:', '  name: web', 'spec:', '  generators:', ...generators.map((l) => `    ${l}`), '  template:', ...template.map((l) => `    ${l}`), ...more.map((l) => `  ${l}`), ''].join('\n');

const listOf = (...elements: string[]) => ['- list:', '    elements:', ...elements.map((e) => `      - ${e}`)];

/** A template of an Application of `path`, named `name`, in namespace `namespace`, with more lines under `helm:`. */
const template = (name: string, path: string, namespace: string, helm: string[] = []) => [
  'metadata:',
  `  name: '${name}'`,
  'spec:',
  '  source:',
  '    repoURL: https://github.com/acme/shop.git',
  `    path: '${path}'`,
  '    helm:',
  '      releaseName: web',
  ...helm.map((l) => `      ${l}`),
  '  destination:',
  `    namespace: '${namespace}'`,
];

const chartsOf = (text: string) => applicationCharts([{ path: 'apps/web.yaml', text }], repository, paths);

describe('ApplicationSet charts', () => {
  it("makes one Application per list element, with the element's parameters put in", () => {
    const text = applicationSet(listOf('{env: prod, ns: shop-prod}', "{env: dev, ns: shop-dev, values: {tier: '2'}}"), template('web-{{env}}', 'charts/web', '{{ ns }}', ['valueFiles:', "  - 'values-{{env}}.yaml'"]));
    expect(chartsOf(text)).toEqual([
      { kind: 'ApplicationSet', file: 'apps/web.yaml', name: 'web', generated: 'web-prod', noticeLine: 18, chartDir: 'charts/web', release: 'web', namespace: 'shop-prod', valueFiles: ['charts/web/values-prod.yaml'], valueLines: [21], inline: null, revision: { kind: 'default' }, lines: { start: 1, end: 23 }, parameterLines: [{ start: 9, end: 9 }] },
      { kind: 'ApplicationSet', file: 'apps/web.yaml', name: 'web', generated: 'web-dev', noticeLine: 18, chartDir: 'charts/web', release: 'web', namespace: 'shop-dev', valueFiles: ['charts/web/values-dev.yaml'], valueLines: [21], inline: null, revision: { kind: 'default' }, lines: { start: 1, end: 23 }, parameterLines: [{ start: 10, end: 23 }] },
    ]);
  });

  it("makes one Application per directory of this repository its git generator's patterns take", () => {
    const git = (directories: string[], more: string[] = []) => ['- git:', '    repoURL: https://github.com/acme/shop', ...more.map((l) => `    ${l}`), '    directories:', ...directories.map((d) => `      - ${d}`)];
    const names = (text: string) => chartsOf(text).map((c) => [c.generated, c.chartDir]);
    const each = template('{{path.basename}}', '{{path}}', '{{path[1]}}');
    // A folder without a chart makes an Application that installs none: the set keeps its notice.
    expect(names(applicationSet(git(['path: charts/*']), each))).toEqual([]);
    expect(names(applicationSet(git(['path: charts/*', '{path: charts/lib, exclude: true}']), each))).toEqual([
      ['api', 'charts/api'],
      ['web', 'charts/web'],
    ]);
    // Behind a prefix, and only at the revision the template syncs.
    const prefixed = template('{{app.path.basename}}', '{{app.path}}', 'shop');
    expect(names(applicationSet(git(['path: charts/web'], ['pathParamPrefix: app']), prefixed))).toEqual([['web', 'charts/web']]);
    expect(names(applicationSet(git(['path: charts/web'], ['revision: release-1']), each))).toEqual([]);
    // Another repository's directories are not known here.
    expect(names(applicationSet(['- git:', '    repoURL: https://github.com/acme/platform', '    directories:', '      - path: charts/web'], each))).toEqual([]);
  });

  it("fills a git generator's `values` from each of its parameter sets, for the template to read as `values.<key>`", () => {
    const git = ['- git:', '    repoURL: https://github.com/acme/shop', '    directories:', '      - path: charts/web', '    values:', "      team: '{{path.basename}}-team'", "      stage: '{{stage}}'"];
    const names = (text: string) => chartsOf(text).map((c) => [c.generated, c.namespace]);
    // A parameter no set has stays as written, as in the template.
    expect(names(applicationSet(git, template('{{path.basename}}', '{{path}}', '{{values.team}}')))).toEqual([['web', 'web-team']]);
    expect(names(applicationSet(git, template('{{path.basename}}', '{{path}}', '{{values.stage}}')))).toEqual([]);
    // With Go templates, `values` is a map; a value that names a missing parameter is not filled (Argo CD's missingkey=error fails it).
    const goGit = ['- git:', '    repoURL: https://github.com/acme/shop', '    directories:', '      - path: charts/web', '    values:', "      team: '{{.path.basename}}-team'"];
    expect(names(applicationSet(goGit, template('{{.path.basename}}', '{{.path.path}}', '{{.values.team}}'), ['goTemplate: true']))).toEqual([['web', 'web-team']]);
    expect(names(applicationSet([...goGit, "      stage: '{{.stage}}'"], template('{{.path.basename}}', '{{.path.path}}', '{{.values.team}}'), ['goTemplate: true']))).toEqual([]);
  });

  it('keeps the notice of a set whose Applications are not known here, or not all renderable', () => {
    const plain = template('web-{{env}}', 'charts/web', 'prod');
    expect(chartsOf(applicationSet(listOf('{env: prod}'), plain))).toHaveLength(1);
    // Go templates, patches of the template, a generator's own template, other generators.
    expect(chartsOf(applicationSet(listOf('{env: prod}'), plain, ['goTemplate: true']))).toEqual([]);
    expect(chartsOf(applicationSet(listOf('{env: prod}'), plain, ['templatePatch: "{}"']))).toEqual([]);
    expect(chartsOf(applicationSet(['- list:', '    elements: [{env: prod}]', '    template: {metadata: {}}'], plain))).toEqual([]);
    expect(chartsOf(applicationSet(['- clusters: {}'], plain))).toEqual([]);
    // Argo CD refuses an element that is not all strings; a parameter no element sets stays as written.
    expect(chartsOf(applicationSet(listOf('{env: prod, replicas: 2}'), plain))).toEqual([]);
    expect(chartsOf(applicationSet(listOf('{stage: prod}'), plain))).toEqual([]);
    // One element whose Application installs no chart here leaves the whole set to its notice.
    expect(chartsOf(applicationSet(listOf('{env: prod, chart: web}', '{env: dev, chart: nope}'), template('web-{{env}}', 'charts/{{chart}}', 'prod')))).toEqual([]);
  });

  it('makes the Applications of each generator, and of each pair of a matrix of two', () => {
    const names = (text: string) => chartsOf(text).map((c) => [c.generated, c.chartDir, c.namespace]);
    const each = template('{{path.basename}}-{{env}}', '{{path}}', 'shop-{{env}}');
    const git = ['- git:', '    repoURL: https://github.com/acme/shop', '    directories:', '      - path: charts/*', '      - {path: charts/lib, exclude: true}'];
    const matrix = (first: string[], second: string[]) => ['- matrix:', '    generators:', ...first.map((l) => `      ${l}`), ...second.map((l) => `      ${l}`)];
    // Two generators: the Applications of both.
    expect(names(applicationSet([...listOf("{env: prod, path: charts/web, path.basename: web}"), ...listOf("{env: dev, path: charts/api, path.basename: api}")], each))).toEqual([
      ['web-prod', 'charts/web', 'shop-prod'],
      ['api-dev', 'charts/api', 'shop-dev'],
    ]);
    // Every directory for every environment.
    expect(names(applicationSet(matrix(git, listOf('{env: prod}', '{env: dev}')), each))).toEqual([
      ['api-prod', 'charts/api', 'shop-prod'],
      ['api-dev', 'charts/api', 'shop-dev'],
      ['web-prod', 'charts/web', 'shop-prod'],
      ['web-dev', 'charts/web', 'shop-dev'],
    ]);
    // Argo CD refuses the set: one name made twice, or one parameter given two values by a pair.
    expect(names(applicationSet([...listOf("{env: prod, path: charts/web, path.basename: web}"), ...listOf("{env: prod, path: charts/web, path.basename: web}")], each))).toEqual([]);
    expect(names(applicationSet(matrix(git, listOf('{env: prod, path: charts/web}')), each))).toEqual([]);
    // The second generator reading the first's parameters, a matrix of three or in a matrix: not put together here.
    expect(names(applicationSet(matrix(git, listOf("{env: '{{path.basename}}'}")), each))).toEqual([]);
    expect(names(applicationSet(matrix(git, [...listOf('{env: prod}'), ...listOf('{env: dev}')]), each))).toEqual([]);
    expect(names(applicationSet(matrix(git, matrix(listOf('{env: prod}'), listOf('{tier: a}'))), each))).toEqual([]);
  });

  it("makes the first generator's Applications of a merge, each with the parameters of the later ones that share its merge keys", () => {
    const names = (text: string) => chartsOf(text).map((c) => [c.generated, c.namespace]);
    const each = template('web-{{env}}', 'charts/web', '{{ns}}');
    const merge = (keys: string[], ...generators: string[][]) => ['- merge:', `    mergeKeys: [${keys.join(', ')}]`, '    generators:', ...generators.flat().map((l) => `      ${l}`)];
    const base = listOf('{env: prod, ns: shop}', '{env: dev, ns: shop}');
    // dev is overridden; staging matches no Application of the first generator, and makes none.
    expect(names(applicationSet(merge(['env'], base, listOf('{env: dev, ns: shop-dev}', '{env: staging, ns: shop-staging}')), each))).toEqual([
      ['web-prod', 'shop'],
      ['web-dev', 'shop-dev'],
    ]);
    // Argo CD refuses a generator whose sets share their merge keys (a key none has is null), and a merge without keys or of one generator.
    expect(names(applicationSet(merge(['env'], listOf('{env: prod, ns: a}', '{env: prod, ns: b}'), base), each))).toEqual([]);
    expect(names(applicationSet(merge(['tier'], base, listOf('{env: dev, ns: shop-dev}')), each))).toEqual([]);
    expect(names(applicationSet(merge([], base, listOf('{env: dev, ns: shop-dev}')), each))).toEqual([]);
    expect(names(applicationSet(merge(['env'], base), each))).toEqual([]);
  });

  it("reads inline values from the set's template, filled with each Application's parameters when they hold some", () => {
    const values = ['valuesObject:', '  hostNetwork: true'];
    const [prod] = chartsOf(applicationSet(listOf('{env: prod}'), template('web-{{env}}', 'charts/web', 'prod', values)));
    expect(prod?.inline).toEqual(['spec', 'template', 'spec', 'source', 'helm', 'valuesObject']);
    expect(prod?.inlineFill).toBeUndefined();
    const text = applicationSet(listOf('{env: prod}'), template('web-{{env}}', 'charts/web', 'prod', values));
    expect(applicationValuesIn('apps/web.yaml', text, { kind: 'ApplicationSet', file: 'apps/web.yaml', name: 'web', inline: prod!.inline })).toBe('{"hostNetwork":true}');
    // With parameters: each Application fills the template's values (read again at each commit) with its own.
    const staged = applicationSet(listOf('{env: prod}', '{env: dev}'), template('web-{{env}}', 'charts/web', 'prod', ['valuesObject:', '  stage: "{{env}}"']));
    const charts = chartsOf(staged);
    expect(charts.map((c) => c.inlineFill?.params)).toEqual([{ env: 'prod' }, { env: 'dev' }]);
    expect(charts.map((c) => applicationValuesIn('apps/web.yaml', staged, { kind: 'ApplicationSet', file: 'apps/web.yaml', name: 'web', inline: c.inline }, c.inlineFill))).toEqual(['{"stage":"prod"}', '{"stage":"dev"}']);
    // One no parameter fills would reach helm as written: the notice stays.
    expect(chartsOf(applicationSet(listOf('{env: prod}'), template('web-{{env}}', 'charts/web', 'prod', ['valuesObject:', '  stage: "{{nothing}}"'])))).toEqual([]);
    // A Go template in them that is not read here keeps the notice.
    const go = applicationSet(listOf('{env: prod}'), template('web-{{.env}}', 'charts/web', 'prod', ['valuesObject:', '  stage: "{{ .env | sha256sum }}"']), ['goTemplate: true']);
    expect(chartsOf(go)).toEqual([]);
  });

  describe("a git generator's files", () => {
    /** The tree: the charts above, and these files (path: text) its generators may read. */
    const chartsWith = (files: Record<string, string>, generator: string[], each: string[]) => {
      const text = applicationSet(generator, each);
      const tree = new Set([...paths, ...Object.keys(files)]);
      return applicationCharts([{ path: 'apps/web.yaml', text }], repository, tree, undefined, new Map(Object.entries(files)));
    };
    const filesOf = (patterns: string[], more: string[] = []) => ['- git:', '    repoURL: https://github.com/acme/shop', ...more.map((l) => `    ${l}`), '    files:', ...patterns.map((p) => `      - ${p}`)];
    const clusters = {
      'clusters/prod/config.json': '{"env": "prod", "cluster": {"namespace": "shop-prod"}}',
      'clusters/dev/config.json': '{"env": "dev", "cluster": {"namespace": "shop-dev"}}',
    };
    const each = template('web-{{env}}', 'charts/web', '{{cluster.namespace}}', ['valueFiles:', "  - 'values-{{env}}.yaml'"]);
    const names = (charts: readonly { generated?: string; namespace: string | null }[]) => charts.map((c) => [c.generated, c.namespace]);

    it('makes one Application per file its patterns list, in path order, with its fields flattened and its place', () => {
      const charts = chartsWith(clusters, filesOf(['path: clusters/*/config.json']), each);
      expect(charts.map((c) => [c.generated, c.namespace, c.valueFiles, c.parameterFiles])).toEqual([
        ['web-dev', 'shop-dev', ['charts/web/values-dev.yaml'], ['clusters/dev/config.json']],
        ['web-prod', 'shop-prod', ['charts/web/values-prod.yaml'], ['clusters/prod/config.json']],
      ]);
      // The file's place, behind a prefix when the generator has one: a folder's name as Kubernetes names it, its segments, the file's name.
      const placed = { 'clusters/Prod_EU/cluster.yaml': 'env: prod\n' };
      const place = template('{{path.basenameNormalized}}-{{path.filenameNormalized}}', 'charts/web', '{{path[0]}}-{{path.basename}}-{{path.filename}}');
      expect(names(chartsWith(placed, filesOf(['path: clusters/*/cluster.yaml']), place))).toEqual([['prod-eu-cluster.yaml', 'clusters-Prod_EU-cluster.yaml']]);
      const prefixed = template('{{app.path.basename}}', 'charts/web', '{{app.path}}');
      expect(names(chartsWith(placed, filesOf(['path: clusters/*/cluster.yaml'], ['pathParamPrefix: app']), prefixed))).toEqual([['Prod_EU', 'clusters/Prod_EU']]);
    });

    it('makes one Application per object of a file that lists them, and prints values as Go does', () => {
      const listed = { 'envs.yaml': "- env: prod\n  cluster: {namespace: shop-prod}\n- env: dev\n  cluster: {namespace: '5'}\n" };
      expect(names(chartsWith(listed, filesOf(['path: envs.yaml']), each))).toEqual([
        ['web-prod', 'shop-prod'],
        ['web-dev', '5'],
      ]);
      // Lists flatten by index; booleans, numbers and nulls print as `%v` does.
      const values = { 'envs.yaml': 'env: prod\ncluster: {namespace: [a, true, 2.5, null]}\n' };
      const spelled = template('web-{{env}}', 'charts/web', '{{cluster.namespace.0}}-{{cluster.namespace.1}}-{{cluster.namespace.2}}-{{cluster.namespace.3}}');
      expect(names(chartsWith(values, filesOf(['path: envs.yaml']), spelled))).toEqual([['web-prod', 'a-true-2.5-<nil>']]);
      // A field named like a place parameter gives way to it.
      const named = template('web-{{env}}', 'charts/web', '{{path}}');
      expect(names(chartsWith({ 'envs.yaml': 'env: prod\npath: elsewhere\n' }, filesOf(['path: envs.yaml']), named))).toEqual([['web-prod', '.']]);
    });

    it('leaves out the files of exclude patterns', () => {
      expect(names(chartsWith(clusters, filesOf(['path: clusters/*/config.json', '{path: clusters/dev/config.json, exclude: true}']), each))).toEqual([['web-prod', 'shop-prod']]);
    });

    it('keeps the notice when the controller might read the files otherwise, or would refuse one', () => {
      const none = (files: Record<string, string>, patterns: string[]) => expect(chartsWith(files, filesOf(patterns), each)).toEqual([]);
      // `git ls-files` (the default) takes clusters/prod/config.json for `clusters/*.json`, doublestar (the new globbing) does not.
      none({ ...clusters, 'clusters/base.json': '{"env": "base", "cluster": {"namespace": "b"}}' }, ['path: clusters/*.json']);
      // A folder: all its files to git, a folder (which fails to read) to doublestar; braces, brackets and escapes.
      none(clusters, ['path: clusters/prod']);
      none(clusters, ['path: "clusters/{prod,dev}/config.json"']);
      none(clusters, ['path: "clusters/[pd]*/config.json"']);
      // A file that is not read here, holds two documents, a scalar or a list of scalars.
      const tree = new Set([...paths, ...Object.keys(clusters)]);
      const unread = new Map([['clusters/prod/config.json', clusters['clusters/prod/config.json']]]);
      expect(applicationCharts([{ path: 'apps/web.yaml', text: applicationSet(filesOf(['path: clusters/*/config.json']), each) }], repository, tree, undefined, unread)).toEqual([]);
      none({ 'envs.yaml': 'env: prod\n---\nenv: dev\n' }, ['path: envs.yaml']);
      none({ 'envs.yaml': 'prod\n' }, ['path: envs.yaml']);
      none({ 'envs.yaml': '[prod, dev]\n' }, ['path: envs.yaml']);
      // A number Go prints in exponent form (1e+06), and two fields that flatten to one name (which wins is Go's map order).
      none({ 'envs.yaml': 'env: prod\ncluster: {namespace: 1000000}\n' }, ['path: envs.yaml']);
      none({ 'envs.yaml': 'env: prod\ncluster.namespace: a\ncluster: {namespace: b}\n' }, ['path: envs.yaml']);
    });

    it('reads a file that starts with a document marker, or holds nothing, as the controller does', () => {
      const fixed = template('web-prod', 'charts/web', 'shop');
      expect(names(chartsWith({ 'envs.yaml': '# environments\n---\nenv: prod\n' }, filesOf(['path: envs.yaml']), fixed))).toEqual([['web-prod', 'shop']]);
      expect(names(chartsWith({ 'envs.yaml': '' }, filesOf(['path: envs.yaml']), fixed))).toEqual([['web-prod', 'shop']]);
    });

    it('makes the Applications of a merge of its files with a list that overrides some of them', () => {
      const merge = ['- merge:', '    mergeKeys: [env]', '    generators:', ...[...filesOf(['path: clusters/*/config.json']), ...listOf("{env: prod, 'cluster.namespace': shop-eu}")].map((l) => `      ${l}`)];
      const charts = chartsWith(clusters, merge, each);
      expect(charts.map((c) => [c.generated, c.namespace, c.parameterFiles])).toEqual([
        ['web-dev', 'shop-dev', ['clusters/dev/config.json']],
        ['web-prod', 'shop-eu', ['clusters/prod/config.json']],
      ]);
      const text = applicationSet(merge, each);
      expect(parameterFileReads([{ path: 'apps/web.yaml', text }], repository, new Set([...paths, ...Object.keys(clusters)])).sort()).toEqual(['clusters/dev/config.json', 'clusters/prod/config.json']);
    });

    it('names the files its sets read, for the stage to read them first', () => {
      const text = applicationSet(['- matrix:', '    generators:', ...filesOf(['path: clusters/*/config.json']).map((l) => `      ${l}`), ...listOf('{tier: a}').map((l) => `      ${l}`)], each);
      expect(parameterFileReads([{ path: 'apps/web.yaml', text }], repository, new Set([...paths, ...Object.keys(clusters)])).sort()).toEqual(['clusters/dev/config.json', 'clusters/prod/config.json']);
      // Another repository's files: none.
      expect(parameterFileReads([{ path: 'apps/web.yaml', text: text.replace('acme/shop', 'acme/platform') }], repository, new Set(Object.keys(clusters)))).toEqual([]);
    });
  });

  it('says why a set keeps its notice, by the place of the notice, when it knows', () => {
    const why = (text: string) => {
      const refusals = new Map<string, string>();
      applicationCharts([{ path: 'apps/web.yaml', text }], repository, paths, undefined, undefined, refusals);
      return [...refusals];
    };
    const each = template('web-{{env}}', 'charts/web', 'shop');
    // The notice is on the set's `helm:` (line 15 here).
    expect(why(applicationSet(['- clusters: {}'], each))).toEqual([['apps/web.yaml\u000015', 'its `clusters` generator reads the cluster or another service, not this repository']]);
    expect(why(applicationSet(['- matrix:', '    generators:', '      - clusters: {}', ...listOf('{env: prod}').map((l) => `      ${l}`)], each))[0]![1]).toBe('its `clusters` generator reads the cluster or another service, not this repository');
    expect(why(applicationSet(listOf('{env: prod}', '{env: prod}'), each))[0]![1]).toBe('two of its Applications would have one name, which Argo CD refuses');
    expect(why(applicationSet(listOf('{env: prod}'), each, ['templatePatch: |', '  spec: {}']))[0]![1]).toBe('its templatePatch is read only with `goTemplate: true`');
    const go = ['goTemplate: true'];
    expect(why(applicationSet(listOf('{env: prod}'), template('web-{{ .env | sha256sum }}', 'charts/web', 'shop'), go))[0]![1]).toBe('its template holds a Go template action or function not read here, or one that fails');
    // Rendered, or installing what the notice names already (a chart elsewhere): nothing to add.
    expect(why(applicationSet(listOf('{env: prod}'), each))).toEqual([]);
    expect(why(applicationSet(listOf('{env: prod}'), template('web-{{env}}', 'charts/nowhere', 'shop')))).toEqual([]);
  });

  it("gives a directory's name as a Kubernetes name would have it, as Argo CD's SanitizeName does", () => {
    expect(sanitizedName('Prod_EU')).toBe('prod-eu');
    expect(sanitizedName('-.web.-')).toBe('web');
    expect(sanitizedName('a'.repeat(300))).toHaveLength(253);
    const each = template('{{path.basenameNormalized}}', '{{path}}', 'shop');
    const git = ['- git:', '    repoURL: https://github.com/acme/shop', '    directories:', '      - path: charts/web'];
    expect(chartsOf(applicationSet(git, each)).map((c) => c.generated)).toEqual(['web']);
  });

  describe('with Go templates', () => {
    const goSet = (generators: string[], each: string[]) => applicationSet(generators, each, ['goTemplate: true', 'goTemplateOptions: ["missingkey=error"]']);
    const names = (charts: readonly { generated?: string; namespace: string | null; chartDir: string }[]) => charts.map((c) => [c.generated, c.chartDir, c.namespace]);
    const git = (more: string[], ...patterns: string[]) => ['- git:', '    repoURL: https://github.com/acme/shop', ...more.map((l) => `    ${l}`), '    directories:', ...patterns.map((p) => `      - path: ${p}`)];

    it("fills each string of the template with the parameters' fields, as text/template prints them", () => {
      const each = template('web-{{ .env }}', 'charts/web', '{{.cluster.namespace}}-{{.replicas}}', ['valueFiles:', "  - 'values-{{.env}}.yaml'"]);
      const elements = listOf('{env: prod, cluster: {namespace: shop}, replicas: 3}', '{env: dev, cluster: {namespace: lab}, replicas: 1}');
      expect(chartsOf(goSet(elements, each)).map((c) => [c.generated, c.namespace, c.valueFiles])).toEqual([
        ['web-prod', 'shop-3', ['charts/web/values-prod.yaml']],
        ['web-dev', 'lab-1', ['charts/web/values-dev.yaml']],
      ]);
    });

    it("gives a directory's place as one map, its segments a list, behind the prefix when set", () => {
      const each = template('{{.path.basenameNormalized}}', '{{.path.path}}', "{{index .path.segments 0}}");
      expect(names(chartsOf(goSet(git([], 'charts/web', 'charts/api'), each)))).toEqual([
        ['api', 'charts/api', 'charts'],
        ['web', 'charts/web', 'charts'],
      ]);
      const prefixed = template('{{.app.path.basename}}', '{{.app.path.path}}', 'shop');
      expect(names(chartsOf(goSet(git(['pathParamPrefix: app'], 'charts/web'), prefixed)))).toEqual([['web', 'charts/web', 'shop']]);
    });

    it("gives a file's fields as they are, nested, with its place as a map", () => {
      const text = goSet(['- git:', '    repoURL: https://github.com/acme/shop', '    files:', '      - path: clusters/*/config.json'], template('web-{{.path.basename}}', 'charts/web', '{{.cluster.namespace}}'));
      const files = { 'clusters/eu/config.json': '{"cluster": {"namespace": "shop-eu"}}' };
      const charts = applicationCharts([{ path: 'apps/web.yaml', text }], repository, new Set([...paths, ...Object.keys(files)]), undefined, new Map(Object.entries(files)));
      expect(charts.map((c) => [c.generated, c.namespace, c.parameterFiles])).toEqual([['web-eu', 'shop-eu', ['clusters/eu/config.json']]]);
    });

    it('keeps the notice of a template that does more than the actions and functions read here, or prints a field that is not there or not a scalar', () => {
      const elements = listOf('{env: Prod, cluster: {namespace: shop}}');
      const none = (name: string, namespace = 'shop') => expect(chartsOf(goSet(elements, template(name, 'charts/web', namespace)))).toEqual([]);
      expect(chartsOf(goSet(elements, template('web-{{ .env | lower }}', 'charts/web', '{{ default "dev" .stage }}'))).map((c) => [c.generated, c.namespace])).toEqual([]);
      // `default` of a missing parameter: under missingkey=error (this set's option) the template fails; without it, it gives the default.
      const lenient = applicationSet(elements, template('web-{{ .env | lower }}', 'charts/web', '{{ default "dev" .stage }}'), ['goTemplate: true']);
      expect(chartsOf(lenient).map((c) => [c.generated, c.namespace])).toEqual([['web-prod', 'dev']]);
      none('web-{{ .env | sha256sum }}');
      none('web-{{.stage}}');
      none('web-{{.env}}', '{{.cluster}}');
      none('web-{{ with $x := .env }}{{ $x }}{{ end }}');
      // A trim marker trims nothing here (no space before it): the name is read.
      expect(chartsOf(goSet(elements, template('web-{{- .env | lower }}', 'charts/web', 'shop'))).map((c) => c.generated)).toEqual(['web-prod']);
      none('web-{{ .env');
      // Argo CD's flat `{{env}}` is a function call to a Go template.
      none('web-{{env}}');
    });

    it('makes a matrix whose generators give other names, and a merge whose parameter maps it merges deep, as mergo does', () => {
      const each = template('{{.path.basename}}-{{.env}}', '{{.path.path}}', 'shop-{{.env}}');
      const matrix = (first: string[], second: string[]) => ['- matrix:', '    generators:', ...first.map((l) => `      ${l}`), ...second.map((l) => `      ${l}`)];
      expect(names(chartsOf(goSet(matrix(git([], 'charts/web'), listOf('{env: prod}')), each)))).toEqual([['web-prod', 'charts/web', 'shop-prod']]);
      expect(names(chartsOf(goSet(matrix(git([], 'charts/web'), listOf('{env: prod, path: {basename: x}}')), each)))).toEqual([]);
      const merge = (second: string) => ['- merge:', '    mergeKeys: [env]', '    generators:', ...[...listOf('{env: prod, path: {basename: web, path: charts/web}}', '{env: dev, path: {basename: web, path: charts/web}}'), ...listOf(second)].map((l) => `      ${l}`)];
      expect(names(chartsOf(goSet(merge('{env: prod}'), each)))).toEqual([
        ['web-prod', 'charts/web', 'shop-prod'],
        ['web-dev', 'charts/web', 'shop-dev'],
      ]);
      // The later generator's map merges into the first's key by key: `path.path` stays, `path.basename` is replaced.
      expect(names(chartsOf(goSet(merge('{env: prod, path: {basename: api}}'), each)))).toEqual([
        ['api-prod', 'charts/web', 'shop-prod'],
        ['web-dev', 'charts/web', 'shop-dev'],
      ]);
    });

    describe('and a templatePatch', () => {
      /** A Go-template set of two elements with `patch` (lines) as its templatePatch. */
      const patched = (patch: string[], options = ['goTemplate: true', 'goTemplateOptions: ["missingkey=error"]'], helm: string[] = []) =>
        applicationSet(listOf('{env: prod, autoSync: true, ns: shop}', '{env: dev, autoSync: false, ns: lab}'), template('web-{{.env}}', 'charts/web', 'default', helm), [
          ...options,
          'templatePatch: |',
          ...patch.map((l) => `  ${l}`),
        ]);

      it('makes each Application with its patch applied: what it gives the chart is rendered with', () => {
        // The patch of Argo CD's documentation: values files by parameter, automated sync for some.
        const text = patched(['spec:', '  destination:', '    namespace: {{ .ns }}', '  source:', '    helm:', '      valueFiles:', '      {{- range (list "values-prod.yaml" "values-dev.yaml") }}', '        - {{ . }}', '      {{- end }}', '{{- if .autoSync }}', '  syncPolicy:', '    automated: {prune: true}', '{{- end }}']);
        expect(chartsOf(text).map((c) => [c.generated, c.namespace, c.valueFiles])).toEqual([
          ['web-prod', 'shop', ['charts/web/values-prod.yaml', 'charts/web/values-dev.yaml']],
          ['web-dev', 'lab', ['charts/web/values-prod.yaml', 'charts/web/values-dev.yaml']],
        ]);
        // A function not read here keeps the notice.
        expect(chartsOf(patched(['spec:', '  destination:', '    namespace: {{ .ns | sha256sum }}']))).toEqual([]);
        const byEnv = patched(['spec:', '  destination:', '    namespace: {{ .ns }}', '  source:', '    helm:', '      valueFiles:', '        - values-{{ .env }}.yaml', '{{- if .autoSync }}', '  syncPolicy:', '    automated: {prune: true}', '{{- end }}']);
        // Line 24 is the set's `templatePatch:`, which names the values files; the release stays the template's.
        expect(chartsOf(byEnv).map((c) => [c.generated, c.namespace, c.release, c.valueFiles, c.valueLines])).toEqual([
          ['web-prod', 'shop', 'web', ['charts/web/values-prod.yaml'], [24]],
          ['web-dev', 'lab', 'web', ['charts/web/values-dev.yaml'], [24]],
        ]);
        // A patch left empty by its branches changes nothing.
        expect(chartsOf(patched(['{{- if eq .env "qa" }}', 'spec:', '  destination:', '    namespace: qa', '{{- end }}'])).map((c) => [c.generated, c.namespace])).toEqual([
          ['web-prod', 'default'],
          ['web-dev', 'default'],
        ]);
      });

      it('keeps the notice of a patch it does not read, one that changes inline values, or one without Go templates', () => {
        expect(chartsOf(patched(['spec:', '  destination:', '    $patch: replace', '    namespace: x']))).toEqual([]);
        expect(chartsOf(patched(['spec:', '  destination: {namespace: {{ .missing }}}']))).toEqual([]);
        expect(chartsOf(patched(['- a list']))).toEqual([]);
        // Argo CD reads a templatePatch only with goTemplate on.
        expect(chartsOf(patched(['spec:', '  destination:', '    namespace: x'], []))).toEqual([]);
        // Inline values the patch changes are not the template's lines: not rendered here.
        const inline = ['valuesObject:', '  hostNetwork: true'];
        expect(chartsOf(patched(['spec:', '  source:', '    helm:', '      valuesObject:', '        hostNetwork: false'], undefined, inline))).toEqual([]);
        expect(chartsOf(patched(['spec:', '  syncPolicy: {automated: {}}'], undefined, inline)).map((c) => c.inline)).toEqual([
          ['spec', 'template', 'spec', 'source', 'helm', 'valuesObject'],
          ['spec', 'template', 'spec', 'source', 'helm', 'valuesObject'],
        ]);
      });

      it('never moves an Application to another project, and removes what a null names', () => {
        const [app] = chartsOf(patched(['spec:', '  project: other', '  source:', '    helm:', '      releaseName: null']));
        // Without a release name, Argo CD uses the Application's name.
        expect(app?.release).toBe('web-prod');
      });
    });
  });
});
