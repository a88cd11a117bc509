/**
 * Renderings run side by side (one tool process per core by default): with
 * the real `kubectl kustomize` (or `kustomize build`), several overlays
 * rendered at once give each overlay its own output, in the order of the
 * roots, exactly as one at a time.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsTreeReader } from '../../src/io/render/fsTree.js';
import { openRenderer } from '../../src/io/render/renderer.js';
import type { RenderMemo } from '../../src/io/render/renderer.js';
import { defaultLoadOptions } from '../../src/manifests/load.js';
import { discoverRoots } from '../../src/render/discover.js';
import type { RenderedRoot } from '../../src/render/types.js';
import { haveHelm, haveKustomize, missingTool, useCachedHelm } from '../helpers/renderTools.js';
import { gitIn, makeRepo } from '../helpers/gitRepo.js';
import { gitTreeReader } from '../../src/io/render/trees.js';
import { fixturesDir } from '../helpers/paths.js';

// helm from the cache .ci/run fills, for the chart below.
const restorePath = useCachedHelm();
afterAll(restorePath);

const overlays = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

/** A tree of independent overlays, each rendering one Deployment named after it. */
function overlayTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'psr-render-concurrency-'));
  for (const name of overlays) {
    const dir = path.join(root, 'overlays', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'kustomization.yaml'), `namePrefix: ${name}-\nresources:\n  - deployment.yaml\n`);
    writeFileSync(
      path.join(dir, 'deployment.yaml'),
      ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:', '        - name: app', `          image: registry.example.com/${name}:1`, ''].join('\n'),
    );
  }
  return root;
}

/** Each root's label with what its head rendered. */
async function renderAll(tree: string, concurrency: number, memo?: RenderMemo): Promise<[string, RenderedRoot['head']][]> {
  const port = await openRenderer({ reader: fsTreeReader(tree, ['.'], defaultLoadOptions.maxBytes), base: null, head: '', concurrency, ...(memo ? { memo } : {}) });
  if (port === null) throw new Error('the tree was not readable');
  const { roots } = discoverRoots(port.head, null, port.head.paths);
  return (await port.render(roots)).map((rendered) => [rendered.root.label, rendered.head]);
}

describe.skipIf(!haveKustomize())(`renderings side by side ${haveKustomize() ? '' : missingTool('kubectl (or kustomize)')}`, () => {
  const tree = overlayTree();
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('gives each overlay its own output, in the order of the roots, as one at a time does', async () => {
    const together = await renderAll(tree, overlays.length);
    const alone = await renderAll(tree, 1);
    expect(together.map(([label]) => label)).toEqual(overlays.map((name) => `overlays/${name}`));
    together.forEach(([, head], i) => {
      expect(head.kind).toBe('rendered');
      const text = head.kind === 'rendered' ? head.text : '';
      expect(text).toContain(`name: ${overlays[i]}-web`);
      expect(text).toContain(`image: registry.example.com/${overlays[i]}:1`);
    });
    expect(together).toEqual(alone);
  });

  it('with a memo kept across renderers (fix, round after round), runs the tool only for a root whose files changed', async () => {
    const changing = overlayTree();
    const searchPath = process.env.PATH;
    try {
      const memo: RenderMemo = new Map();
      const first = await renderAll(changing, 2, memo);
      const deployment = path.join(changing, 'overlays', 'alpha', 'deployment.yaml');
      writeFileSync(deployment, readFileSync(deployment, 'utf8').replace('alpha:1', 'alpha:2'));
      // No tool to run any more: what renders comes from the memo.
      process.env.PATH = '';
      const second = await renderAll(changing, 2, memo);
      expect(second[0]).toEqual(['overlays/alpha', { kind: 'missing-tool', tool: 'kustomize (or kubectl)' }]);
      expect(second.slice(1)).toEqual(first.slice(1));
    } finally {
      process.env.PATH = searchPath;
      rmSync(changing, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!haveKustomize())(`a root that fails at head ${haveKustomize() ? '' : missingTool('kubectl (or kustomize)')}`, () => {
  /** Each root of a fixture's pull request rendered at base and head, with the memo of what the tool ran for (one entry per run). */
  async function renderPullRequest(fixture: string, maxOutputSize?: number): Promise<{ rendered: RenderedRoot[]; runs: number }> {
    const dir = path.join(fixturesDir, 'render', fixture);
    const repo = makeRepo(path.join(dir, 'base'), path.join(dir, 'head'));
    try {
      const memo: RenderMemo = new Map();
      const [base, head] = ['main', 'feature'].map((ref) => gitIn(repo, 'rev-parse', ref).trim());
      const port = await openRenderer({ reader: gitTreeReader(repo, defaultLoadOptions.maxBytes), base: base!, head: head!, memo });
      if (port === null) throw new Error('the repository was not readable');
      const changed = gitIn(repo, 'diff', '--name-only', 'main', 'feature').split('\n').filter((line) => line !== '');
      const { roots } = discoverRoots(port.head, port.base, changed, { charts: [], ...(maxOutputSize === undefined ? {} : { maxOutputSize }) });
      return { rendered: await port.render(roots), runs: memo.size };
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  }

  it('is rendered at base as well when it failed by itself, to tell whether the change broke it', async () => {
    // kustomize-broken: head adds a patch file that is not there; the base renders.
    const { rendered } = await renderPullRequest('kustomize-broken');
    const broken = rendered.find((r) => r.root.label === 'overlays/broken')!;
    expect(broken.head.kind).toBe('failed');
    expect(broken.base.kind).toBe('rendered');
  });

  it('is not rendered again at base when it was stopped at a limit (which would stop the base too)', async () => {
    // kustomize-image: an overlay whose head changes an image; 16 bytes of output stop both sides.
    const { rendered, runs } = await renderPullRequest('kustomize-image', 16);
    expect(rendered.map((r) => [r.head.kind, r.head.kind === 'failed' ? r.head.stopped : null, r.base.kind])).toEqual(rendered.map(() => ['failed', true, 'absent']));
    expect(runs).toBe(rendered.length);
  });
});

describe.skipIf(!haveHelm())(`a rendering's source texts ${haveHelm() ? '' : missingTool('helm')}`, () => {
  it("keeps the texts of a chart's files that may write a rendered field, not its README or CHANGELOG", async () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'psr-render-sources-'));
    try {
      const chart = path.join(tree, 'charts', 'web');
      mkdirSync(path.join(chart, 'templates'), { recursive: true });
      writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
      writeFileSync(path.join(chart, 'values.yaml'), 'image: web:1\n');
      writeFileSync(path.join(chart, 'templates', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{name: web, image: "{{ .Values.image }}"}]\n');
      writeFileSync(path.join(chart, 'README.md'), '# web\n');
      writeFileSync(path.join(chart, 'CHANGELOG.md'), '## 1.0.0\n');
      const port = await openRenderer({ reader: fsTreeReader(tree, ['.'], defaultLoadOptions.maxBytes), base: null, head: '' });
      const { roots } = discoverRoots(port!.head, null, port!.head.paths);
      // The rendering reads every file of the chart; only those that may write a field are kept as texts.
      expect(roots[0]!.sources).toContain('charts/web/README.md');
      const [rendered] = await port!.render(roots);
      expect(rendered!.head.kind).toBe('rendered');
      expect([...rendered!.sources.keys()].sort()).toEqual(['charts/web/Chart.yaml', 'charts/web/templates/pod.yaml', 'charts/web/values.yaml']);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
