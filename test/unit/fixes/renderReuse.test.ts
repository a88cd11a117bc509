/**
 * Each pod spec's fixes are rendered once (fixFile.ts): the last step
 * reuses the rendering of a pod spec whose fixes did not change, in a
 * document without aliases. The reuse is taken, and it gives the very
 * fixes of rendering every set of fixes anew (`reuseRenders: false`): on
 * every fixture, on the benchmark generator's files and Lists, and through
 * the last step's rounds, where suggestions are merged and dropped. And
 * List items that alias one anchored pod render a fix once between them
 * when step 2 looks for the fixes they share.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDocument } from 'yaml';
import { listForms, listOfPods } from '../../../bench/lists.js';
import { computeFixes, renderCounts } from '../../../src/fixes/fixFile.js';
import type { FileFixes, PodFailures } from '../../../src/fixes/fixFile.js';
import { mergeRendered, renderEdits } from '../../../src/fixes/render.js';
import type { OwnedEdit } from '../../../src/fixes/render.js';
import { detectStyle } from '../../../src/fixes/style.js';
import { lineTable } from '../../../src/fixes/text.js';
import type { Edit } from '../../../src/fixes/types.js';
import type * as VerifyModule from '../../../src/fixes/verify.js';
import type { Expectation } from '../../../src/fixes/verify.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import type { Level } from '../../../src/pss/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';
import { fixtureTexts, generatedTexts } from '../../helpers/manifestTexts.js';
import type { Refusal } from '../../helpers/refusingVerifier.js';

const wrapper = vi.hoisted(() => ({ refuse: null as Refusal | null }));

vi.mock('../../../src/fixes/verify.js', async (importOriginal) => {
  const { withRefusals } = await import('../../helpers/refusingVerifier.js');
  return withRefusals(await importOriginal<typeof VerifyModule>(), (splices, expectation) => wrapper.refuse?.(splices, expectation) ?? null);
});

beforeEach(() => {
  wrapper.refuse = null;
});

/** The fixes of a file with and without reuse, and how often each rendered and reused (`batches`: FixRequest.batches). */
function both(name: string, text: string, level: Level, batches = true) {
  const loaded = loadManifestFile(name, text, { maxBytes: Number.MAX_SAFE_INTEGER });
  const pods: PodFailures[] = loaded.documents.flatMap((document) => extractPodSpecs(document).pods.map((source) => ({ source, failures: evaluatePod(source.pod, level, 'latest').failures })));
  const request = { file: name, text, pods, level, version: 'latest' as const, diff: null, batches };
  const run = (reuseRenders: boolean): { fixes: FileFixes; rendered: number; reused: number; alike: number } => {
    const before = { ...renderCounts };
    const fixes = computeFixes({ ...request, reuseRenders });
    return { fixes, rendered: renderCounts.rendered - before.rendered, reused: renderCounts.reused - before.reused, alike: renderCounts.alike - before.alike };
  };
  return { pods, reusing: run(true), anew: run(false) };
}

describe("a pod spec's fixes are rendered once", () => {
  it('merged, the renderings of each pod spec are the rendering of all at once, splice for splice', () => {
    const text = listOfPods(5, 'yaml');
    const doc = parseDocument(text);
    const table = lineTable(text);
    const context = { doc, table, style: detectStyle(doc, table), anchors: new Set<string>() };
    // Every kind of change in every item: a new value in place, new keys, an appended item, removed keys and items.
    const editsOf = (i: number): OwnedEdit[] => {
      const container = ['items', i, 'spec', 'containers', 0];
      const edits: Edit[] = [
        { op: 'set', path: [...container, 'securityContext', 'privileged'], value: false },
        { op: 'set', path: ['items', i, 'spec', 'securityContext', 'runAsNonRoot'], value: true },
        { op: 'append', path: [...container, 'securityContext', 'capabilities', 'add'], value: 'CHOWN' },
        { op: 'delete', path: ['items', i, 'spec', 'hostNetwork'] },
        { op: 'delete', path: [...container, 'ports', 0] },
      ];
      return edits.map((edit, k) => ({ edit, owners: new Set([`${i}/${k}`]), areas: new Set([`${i}|${k % 2}`]) }));
    };
    const pods = [0, 1, 2, 3, 4].map(editsOf);
    const whole = renderEdits(context, pods.flat());
    expect(new Set(whole.splices.map((s) => s.insert === '' ? 'removal' : s.start === s.end ? 'insertion' : 'replacement')).size).toBe(3);
    expect(mergeRendered(pods.map((edits) => renderEdits(context, edits)))).toEqual(whole);
  });

  it.each(['yaml', 'json'] as const)('in a List of Pods (%s): step 3 renders each pod spec, the suggestions reuse it', (form) => {
    const n = 25;
    for (const batches of [true, false]) {
      const { pods, reusing, anew } = both(`list.${form}`, listOfPods(n, form), 'restricted', batches);
      expect(pods).toHaveLength(n);
      expect(reusing.fixes).toEqual(anew.fixes);
      expect(reusing.fixes.suggestions.length).toBeGreaterThanOrEqual(n);
      // The suggestions render nothing: each pod spec's last rendering in step 3 is its accepted fixes'.
      expect(reusing.reused).toBe(n);
      expect(anew.reused).toBe(0);
      // In YAML every pod spec's fixes stand together: one rendering each.
      if (form === 'yaml') expect(reusing.rendered).toBe(n);
      // Without reuse, step 4 renders every fix again: all at once, or (YAML Pods lie apart) once per batch of one Pod.
      const again = !batches || form === 'json' ? 1 : n;
      expect(reusing.rendered).toBe(anew.rendered - again);
    }
  });

  it('not in a document with aliases, where one node may serve several pod specs', () => {
    const { reusing, anew } = both('list.yaml', listOfPods(10, 'anchored'), 'restricted');
    expect(reusing.reused).toBe(0);
    expect(reusing.fixes).toEqual(anew.fixes);
  });

  it('once per anchored pod, for the List items that alias it, to find the fixes they share', () => {
    // Two anchored pods, each aliased by nine more items: 20 pod specs, 2 template nodes.
    const { pods, reusing, anew } = both('list.yaml', listOfPods(20, 'anchored'), 'restricted');
    expect(pods).toHaveLength(20);
    const owners = pods.reduce((sum, pod) => sum + pod.failures.length, 0);
    expect(reusing.fixes).toEqual(anew.fixes);
    expect(reusing.fixes.suggestions.length).toBeGreaterThan(0);
    // Every fix of an item that aliases a pod is known from the anchored pod's own.
    expect(reusing.alike).toBe((owners * 18) / 20);
    expect(anew.alike).toBe(0);
    expect(reusing.rendered).toBe(anew.rendered - reusing.alike);
  });

  it('not for a template under a key, which an edit could write at', () => {
    const deployment = (i: number, template: string) =>
      `- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: d-${i}\n  spec:\n    selector: {matchLabels: {app: web}}\n    template: ${template}\n`;
    const pod = `&tmpl\n      metadata:\n        labels: {app: web}\n      spec:\n        hostNetwork: true\n        containers:\n        - name: app\n          image: app:1\n`;
    const text = `apiVersion: v1\nkind: List\nitems:\n${deployment(0, pod)}${deployment(1, '*tmpl')}${deployment(2, '*tmpl')}`;
    const { pods, reusing, anew } = both('list.yaml', text, 'restricted');
    expect(pods).toHaveLength(3);
    expect(reusing.alike).toBe(0);
    expect(reusing.fixes).toEqual(anew.fixes);
    expect(reusing.fixes.pods.flat().some((fix) => fix.fix !== null)).toBe(true);
  });

  it('renders again a pod spec whose suggestions were merged or dropped, and gives the same fixes', () => {
    const n = 12;
    // Every third Pod refuses its suggestions alone (they merge), every sixth also merged (they go).
    const podOf = (expectation: Expectation) => Number(/"items",(\d+)/.exec([...expectation.fixed.keys()][0] ?? '')?.[1] ?? -1);
    wrapper.refuse = (_, expectation) => {
      const pod = podOf(expectation);
      if (pod % 3 !== 0 || expectation.fixed.size !== 1) return null;
      const checks = [...expectation.fixed.values()][0]?.size ?? 0;
      return checks === 1 || pod % 6 === 0 ? 'refused here' : null;
    };
    const { reusing, anew } = both('list.yaml', listOfPods(n, 'yaml'), 'restricted');
    expect(reusing.fixes).toEqual(anew.fixes);
    expect(reusing.fixes.pods.filter((pod) => pod.some((fix) => fix.fixNote?.includes('refused here') === true))).not.toHaveLength(0);
    expect(reusing.reused).toBeGreaterThan(0);
    // The pod specs that changed are rendered again, not the others.
    expect(reusing.rendered).toBeGreaterThan(n);
    expect(reusing.rendered).toBeLessThan(anew.rendered);
  });
});

describe('reused renderings give the fixes of rendering anew', () => {
  it('on every fixture, at restricted and baseline', () => {
    let reused = 0;
    for (const { name, text } of fixtureTexts()) {
      for (const level of ['restricted', 'baseline'] as const) {
        const { reusing, anew } = both(name, text, level);
        expect(reusing.fixes, `${name} at ${level}`).toEqual(anew.fixes);
        reused += reusing.reused;
      }
    }
    expect(reused).toBeGreaterThan(300);
  }, 600_000);

  it("on the benchmark generator's files and Lists", () => {
    for (const { name, text } of generatedTexts({ seed: 7, files: 12, docsPerFile: 6, changedFiles: 6 })) {
      const { reusing, anew } = both(name, text, 'restricted');
      expect(reusing.fixes, name).toEqual(anew.fixes);
    }
    for (const form of listForms) {
      for (const n of [1, 10]) {
        const { reusing, anew } = both(`list-${form}-${n}`, listOfPods(n, form), 'baseline');
        expect(reusing.fixes, `${form} ${n}`).toEqual(anew.fixes);
      }
    }
  }, 600_000);
});
