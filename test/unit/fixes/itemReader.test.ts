/**
 * Which reader loads a List's fixed items (verify.ts): items tied by an
 * alias go to `yaml` at once (the event reader gives any text with an alias
 * back to it), every other text to loadManifestFile as it chooses — also
 * the items of a single-line JSON List, which the event reader gave back
 * whole for its long line but reads item by item. The loader is wrapped to
 * record what it was asked; the fixes are those of whole-document
 * verification. Items are read whole here (`fragments: false`).
 */
import { describe, expect, it, vi } from 'vitest';
import { listOfPods } from '../../../bench/lists.js';
import { computeFixes } from '../../../src/fixes/fixFile.js';
import type { PodFailures } from '../../../src/fixes/fixFile.js';
import type * as LoadModule from '../../../src/manifests/load.js';
import type { LoadOptions } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';

const loads = vi.hoisted(() => [] as { text: string; byYaml: boolean }[]);

vi.mock('../../../src/manifests/load.js', async (importOriginal) => {
  const real = await importOriginal<typeof LoadModule>();
  return {
    ...real,
    loadManifestFile: (file: string, content: Uint8Array | string, options?: LoadOptions) => {
      loads.push({ text: String(content), byYaml: options?.eventReader === false });
      return real.loadManifestFile(file, content, options);
    },
  };
});

const { loadManifestFile } = await import('../../../src/manifests/load.js');

function podsOf(text: string): PodFailures[] {
  const loaded = loadManifestFile('list', text, { maxBytes: Number.MAX_SAFE_INTEGER });
  return loaded.documents.flatMap((document) => extractPodSpecs(document).pods.map((source) => ({ source, failures: evaluatePod(source.pod, 'restricted', 'latest').failures })));
}

/** The fixed texts of List items loaded while fixing `text` by item, and the fixes (checked against whole-document verification). */
function itemLoads(text: string): { byYaml: number; byChoice: number } {
  // Items read whole: a YAML List's fixes are otherwise proven through their fragments (fragments.test.ts), with no load at all.
  const request = { file: 'list', text, pods: podsOf(text), level: 'restricted' as const, version: 'latest' as const, diff: null, fragments: false };
  loads.length = 0;
  const byItem = computeFixes(request);
  const items = loads.filter((load) => load.text !== text);
  expect(byItem.pods.flat().some((fix) => fix.fix !== null)).toBe(true);
  expect(byItem).toEqual(computeFixes({ ...request, wholeDocuments: true }));
  return { byYaml: items.filter((load) => load.byYaml).length, byChoice: items.filter((load) => !load.byYaml).length };
}

describe('the reader of fixed List items', () => {
  it('is yaml at once for items tied by an alias', () => {
    const { byYaml, byChoice } = itemLoads(listOfPods(20, 'anchored'));
    expect(byYaml).toBeGreaterThan(0);
    expect(byChoice).toBe(0);
  });

  it("is the loader's own choice for a single-line JSON List and a YAML List without aliases", () => {
    for (const form of ['json', 'yaml'] as const) {
      const { byYaml, byChoice } = itemLoads(listOfPods(5, form));
      expect(byYaml, form).toBe(0);
      expect(byChoice, form).toBeGreaterThan(0);
    }
  });
});
