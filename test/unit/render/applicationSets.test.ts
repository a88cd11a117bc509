/** The Applications of an Argo CD ApplicationSet whose charts are rendered (applicationSets.ts, through installers.ts). */
import { describe, expect, it } from 'vitest';
import { applicationValuesIn } from '../../../src/render/applications.js';
import { applicationCharts } from '../../../src/render/installers.js';

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
      { kind: 'ApplicationSet', file: 'apps/web.yaml', name: 'web', generated: 'web-prod', noticeLine: 18, chartDir: 'charts/web', release: 'web', namespace: 'shop-prod', valueFiles: ['charts/web/values-prod.yaml'], valueLines: [21], inline: null, revision: { kind: 'default' } },
      { kind: 'ApplicationSet', file: 'apps/web.yaml', name: 'web', generated: 'web-dev', noticeLine: 18, chartDir: 'charts/web', release: 'web', namespace: 'shop-dev', valueFiles: ['charts/web/values-dev.yaml'], valueLines: [21], inline: null, revision: { kind: 'default' } },
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

  it("reads inline values from the set's template, the same for every Application, and none that a parameter fills", () => {
    const values = ['valuesObject:', '  hostNetwork: true'];
    const [prod] = chartsOf(applicationSet(listOf('{env: prod}'), template('web-{{env}}', 'charts/web', 'prod', values)));
    expect(prod?.inline).toEqual(['spec', 'template', 'spec', 'source', 'helm', 'valuesObject']);
    const text = applicationSet(listOf('{env: prod}'), template('web-{{env}}', 'charts/web', 'prod', values));
    expect(applicationValuesIn('apps/web.yaml', text, { kind: 'ApplicationSet', file: 'apps/web.yaml', name: 'web', inline: prod!.inline })).toBe('{"hostNetwork":true}');
    expect(chartsOf(applicationSet(listOf('{env: prod}'), template('web-{{env}}', 'charts/web', 'prod', ['valuesObject:', '  stage: "{{env}}"'])))).toEqual([]);
  });
});
