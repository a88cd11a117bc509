/** The rendering stage with a fake port: what it says about trees it could not list whole. */
import { describe, expect, it } from 'vitest';
import { conclusionOf } from '../../../src/report/checkRun.js';
import { policyContext } from '../../../src/findings/policyContext.js';
import { evaluateWithRendering, planRenderedChangeSet } from '../../../src/render/stage.js';
import type { RenderPort, RenderRoot, RenderedRoot, TreeSnapshot } from '../../../src/render/types.js';
import { helmRoot } from '../../helpers/renderRoots.js';

const options = { policy: policyContext('2026-01-01', { overrides: { level: 'baseline', warnLevel: 'privileged' } }) };

function port(head: TreeSnapshot, base: TreeSnapshot): RenderPort {
  return {
    head,
    base,
    render: async (roots) => {
      expect(roots).toEqual([]);
      return [];
    },
    renderEdited: async () => ({ kind: 'absent' }),
  };
}

const tree = (paths: string[], truncated?: boolean): TreeSnapshot => ({ paths: new Set(paths), texts: new Map(), ...(truncated ? { truncated } : {}) });

describe('evaluateWithRendering on a truncated tree listing', () => {
  const changeSet = { files: [], unselectedPaths: ['overlays/prod/patch.yaml', 'README.md'] };

  it('names the changed files the listing left out, as not rendered: the check run is neutral, never green', async () => {
    const report = await evaluateWithRendering(changeSet, options, port(tree(['README.md'], true), tree(['README.md'])));
    expect(report.findings).toEqual([]);
    expect(report.errors).toEqual([
      {
        file: '(charts and overlays GitHub did not list)',
        line: null,
        kind: 'not-rendered',
        message: expect.stringMatching(/^GitHub listed the head commit's tree only in part .*; changed files not in the listing: `overlays\/prod\/patch\.yaml`\. /),
      },
    ]);
    expect(conclusionOf([], report.errors, 'enforce')).toBe('neutral');
  });

  it('says nothing when both trees were listed whole', async () => {
    const report = await evaluateWithRendering(changeSet, options, port(tree(['README.md', 'overlays/prod/patch.yaml']), tree(['README.md'])));
    expect(report.errors).toEqual([]);
  });
});

describe('evaluateWithRendering on a values file no chart is rendered with', () => {
  it('names it as not rendered: the check run is neutral, never green', async () => {
    const values = { path: 'environments/prod/web-values.yaml', status: 'added' as const, base: { kind: 'absent' as const }, head: { kind: 'content' as const, data: 'securityContext:\n  privileged: true\n' }, hunks: [] };
    const paths = ['environments/prod/web-values.yaml'];
    const report = await evaluateWithRendering({ files: [values] }, options, port(tree(paths), tree([])));
    expect(report.podSpecs).toEqual([]);
    expect(report.errors.map((e) => [e.file, e.kind])).toEqual([['environments/prod/web-values.yaml', 'not-rendered']]);
    expect(conclusionOf([], report.errors, 'enforce')).toBe('neutral');
  });
});

describe('evaluateWithRendering, the search for GitOps objects in files the change leaves as they were', () => {
  /** A port whose head tree holds a chart and an unchanged plain file, that counts its searches. */
  function searching(): { port: RenderPort; searches: () => number } {
    let count = 0;
    const head: TreeSnapshot = { paths: new Set(['charts/web/Chart.yaml', 'charts/web/values.yaml', 'deploy/pod.yaml']), texts: new Map([['charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 1.0.0\n']]) };
    return {
      port: {
        head,
        base: head,
        render: async (roots) => roots.map((root) => ({ root, base: { kind: 'absent' }, head: { kind: 'absent' }, sources: new Map() })),
        renderEdited: async () => ({ kind: 'absent' }),
        installerFiles: async () => {
          count++;
          return { files: [], unsearched: 0 };
        },
      },
      searches: () => count,
    };
  }
  const changeOf = (path: string, text: string) => ({ files: [{ path, status: 'modified' as const, base: { kind: 'content' as const, data: text }, head: { kind: 'content' as const, data: text }, hunks: [] }] });
  const withRepository = { ...options, repositoryUrls: ['https://github.com/acme/shop'] };

  it("searches only when the change touches a chart's folder or holds a HelmRelease (through the API a search reads every YAML file)", async () => {
    const plain = searching();
    await evaluateWithRendering(changeOf('deploy/pod.yaml', 'kind: Pod\n'), withRepository, plain.port);
    expect(plain.searches()).toBe(0);
    const chart = searching();
    await evaluateWithRendering(changeOf('charts/web/values.yaml', 'replicas: 2\n'), withRepository, chart.port);
    expect(chart.searches()).toBe(1);
    const release = searching();
    await evaluateWithRendering(changeOf('deploy/pod.yaml', 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n'), withRepository, release.port);
    expect(release.searches()).toBe(1);
    // Known by no URL, the repository installs nothing of its own: no search.
    const unknown = searching();
    await evaluateWithRendering(changeOf('charts/web/values.yaml', 'replicas: 2\n'), options, unknown.port);
    expect(unknown.searches()).toBe(0);
  });
});

describe('evaluateWithRendering, the charts of Applications an unchanged chart renders', () => {
  it("renders as a parent a chart whose file writes an Application, not one whose CRD names the kind", async () => {
    const rendered: string[] = [];
    const chart = (name: string) => `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`;
    const head: TreeSnapshot = {
      paths: new Set(['web/Chart.yaml', 'web/templates/a.yaml', 'apps/Chart.yaml', 'apps/templates/web.yaml', 'argo-cd/Chart.yaml', 'argo-cd/templates/crd.yaml']),
      texts: new Map([['web/Chart.yaml', chart('web')], ['apps/Chart.yaml', chart('apps')], ['argo-cd/Chart.yaml', chart('argo-cd')]]),
    };
    const files = {
      'apps/templates/web.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web\n',
      'argo-cd/templates/crd.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  names:\n    kind: Application\n',
    };
    const port: RenderPort = {
      head,
      base: head,
      render: async (roots) => {
        rendered.push(...roots.map((root) => root.label));
        return roots.map((root) => ({ root, base: { kind: 'absent' }, head: { kind: 'absent' }, sources: new Map() }));
      },
      renderEdited: async () => ({ kind: 'absent' }),
      installerFiles: async () => ({ files: Object.entries(files).map(([path, text]) => ({ path, content: new TextEncoder().encode(text) })), unsearched: 0 }),
    };
    const change = { files: [{ path: 'web/templates/a.yaml', status: 'modified' as const, base: { kind: 'content' as const, data: 'a: 1\n' }, head: { kind: 'content' as const, data: 'a: 2\n' }, hunks: [] }] };
    await evaluateWithRendering(change, { ...options, repositoryUrls: ['https://github.com/acme/shop'] }, port);
    expect(rendered).toEqual(['web', 'apps']);
  });
});

describe('planRenderedChangeSet, helm missing', () => {
  it("says a chart is not rendered once, not once more per values file it is rendered with", () => {
    const root = (label: string, valuesFiles: string[]) => helmRoot('charts/web', label, valuesFiles);
    const missing = (r: RenderRoot): RenderedRoot => ({ root: r, base: { kind: 'absent' }, head: { kind: 'missing-tool', tool: 'helm' }, sources: new Map() });
    const plan = planRenderedChangeSet({ files: [] }, new Set(), [missing(root('charts/web', [])), missing(root('charts/web (values-prod.yaml)', ['charts/web/values-prod.yaml']))]);
    expect(plan.problems).toEqual([{ file: 'charts/web/Chart.yaml', line: null, kind: 'not-rendered', message: 'charts/web not rendered: helm not found' }]);
  });
});
