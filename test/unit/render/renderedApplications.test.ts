/** The Applications a chart or overlay renders whose charts are rendered too (renderedApplications.ts). */
import { describe, expect, it } from 'vitest';
import { applicationsRendered } from '../../../src/render/renderedApplications.js';
import type { RenderOutput, RenderRoot, RenderedRoot } from '../../../src/render/types.js';

const repository = new Set(['github.com/acme/shop']);
const paths = new Set(['charts/web/Chart.yaml', 'charts/web/values.yaml', 'charts/web/values-prod.yaml']);

const root = { tool: 'helm', dir: 'apps', file: 'apps/Chart.yaml', label: 'apps' } as unknown as RenderRoot;
const application = (name: string, more: string[] = [], repoURL = 'https://github.com/acme/shop') =>
  ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', `  name: ${name}`, 'spec:', '  source:', `    repoURL: ${repoURL}`, '    path: charts/web', '    helm:', ...more.map((l) => `      ${l}`), '  destination:', '    namespace: prod', ''].join('\n');
const output = (text: string | null): RenderOutput => (text === null ? { kind: 'absent' } : { kind: 'rendered', text });
const renderedRoot = (head: string | null, base: string | null): RenderedRoot => ({ root, head: output(head), base: output(base), sources: new Map() });

describe('applicationsRendered', () => {
  it("finds this repository's chart Applications in a rendering, with their inline values at each side and where their notice is", () => {
    const head = `${application('web-prod', ['valueFiles: [values-prod.yaml]', 'valuesObject:', '  hostNetwork: true'])}---\n${application('other', [], 'https://github.com/acme/platform')}`;
    const base = application('web-prod', ['valueFiles: [values-prod.yaml]', 'valuesObject:', '  hostNetwork: false']);
    const [found, ...more] = applicationsRendered([renderedRoot(head, base)], () => 'apps/Chart.yaml#rendering-1', repository, paths, () => true);
    expect(more).toEqual([]);
    expect(found).toEqual({
      application: { kind: 'Application', file: 'apps', name: 'web-prod', noticeLine: 9, chartDir: 'charts/web', release: 'web-prod', namespace: 'prod', valueFiles: ['charts/web/values-prod.yaml'], inline: ['spec', 'source', 'helm', 'valuesObject'], revision: { kind: 'default' } },
      parent: 'apps',
      renderedAs: 'apps/Chart.yaml#rendering-1',
      values: { head: '{"hostNetwork":true}', base: '{"hostNetwork":false}' },
    });
  });

  it('gives no values at a side that does not render the Application, and leaves out those that sync something else', () => {
    const [added] = applicationsRendered([renderedRoot(application('web-prod', ['releaseName: web']), null)], () => 'r', repository, paths, () => true);
    expect(added?.values).toEqual({ head: '{}', base: null });
    expect(applicationsRendered([renderedRoot(application('web-prod', ['releaseName: web']), null)], () => 'r', repository, paths, () => false)).toEqual([]);
    // Nothing rendered at head, nothing to find.
    expect(applicationsRendered([renderedRoot(null, application('web-prod', ['releaseName: web']))], () => 'r', repository, paths, () => true)).toEqual([]);
  });
});
