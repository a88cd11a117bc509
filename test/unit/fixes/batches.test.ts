/**
 * Pod specs whose fixes lie apart get their suggestions a batch at a time
 * (src/fixes/batches.ts): the same fixes and notes as making every
 * suggestion of the file at once, the reference.
 */
import { describe, expect, it } from 'vitest';
import { listForms, listOfPods } from '../../../bench/lists.js';
import { batchGap, Batches, spanOf } from '../../../src/fixes/batches.js';
import { batchCounts, computeFixes } from '../../../src/fixes/fixFile.js';
import type { FileFixes, FixRequest, PodFailures } from '../../../src/fixes/fixFile.js';
import { lineTable } from '../../../src/fixes/text.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import type { Level } from '../../../src/pss/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';
import { fixtureTexts, generatedTexts } from '../../helpers/manifestTexts.js';

function requestOf(name: string, text: string, level: Level): FixRequest {
  const loaded = loadManifestFile(name, text, { maxBytes: Number.MAX_SAFE_INTEGER });
  const pods: PodFailures[] = loaded.documents.flatMap((document) => extractPodSpecs(document).pods.map((source) => ({ source, failures: evaluatePod(source.pod, level, 'latest').failures })));
  return { file: name, text, pods, level, version: 'latest', diff: null };
}

/** The fixes of a request in batches and all at once. */
function both(request: FixRequest): { batched: FileFixes; atOnce: FileFixes } {
  return { batched: computeFixes(request), atOnce: computeFixes({ ...request, batches: false }) };
}

describe('batches of pod specs', () => {
  it('close when a span starts more than batchGap lines after every span before it', () => {
    const batches = new Batches();
    expect(batches.add(0, { first: 10, last: 20 })).toBeNull();
    // Within the gap: suggestions of the two could touch.
    expect(batches.add(1, { first: 20 + batchGap, last: 30 })).toBeNull();
    // A pod spec without fixes joins the batch open.
    expect(batches.add(2, null)).toBeNull();
    expect(batches.add(3, { first: 30 + batchGap + 1, last: 40 })).toEqual({ closed: [0, 1, 2] });
    expect(batches.add(4, { first: 100, last: 110 })).toEqual({ closed: [3] });
    expect(batches.close()).toEqual([4]);
  });

  it('are tangled when a span reaches back to a closed batch', () => {
    const batches = new Batches();
    batches.add(0, { first: 50, last: 60 });
    expect(batches.add(1, { first: 100, last: 110 })).toEqual({ closed: [0] });
    // Before the open batch but after the closed one: it joins the open one.
    expect(batches.add(2, { first: 70, last: 80 })).toBeNull();
    expect(batches.add(3, { first: 60 + batchGap, last: 65 })).toBe('tangled');
  });

  it('span the lines their splices touch', () => {
    const table = lineTable('a\nb\nc\nd\n');
    expect(spanOf(table, [])).toBeNull();
    expect(spanOf(table, [{ start: 2, end: 3, insert: 'B' }, { start: 6, end: 6, insert: 'x\n' }])).toEqual({ first: 2, last: 4 });
  });
});

describe('suggestions made in batches', () => {
  it('are those made at once, on every fixture, at restricted and baseline', () => {
    let fixed = 0;
    for (const { name, text } of fixtureTexts()) {
      for (const level of ['restricted', 'baseline'] as const) {
        const { batched, atOnce } = both(requestOf(name, text, level));
        expect(batched, `${name} at ${level}`).toEqual(atOnce);
        fixed += batched.suggestions.length;
      }
    }
    expect(fixed).toBeGreaterThan(300);
  }, 600_000);

  it("are those made at once on the benchmark generator's files and Lists", () => {
    for (const { name, text } of generatedTexts({ seed: 11, files: 12, docsPerFile: 6, changedFiles: 6 })) {
      const { batched, atOnce } = both(requestOf(name, text, 'restricted'));
      expect(batched, name).toEqual(atOnce);
    }
    for (const form of listForms) {
      for (const n of [1, 10, 40]) {
        const before = batchCounts.batches;
        const { batched, atOnce } = both(requestOf(`list-${form}-${n}`, listOfPods(n, form), 'baseline'));
        expect(batched, `${form} ${n}`).toEqual(atOnce);
        expect(batched.suggestions.length, `${form} ${n}`).toBeGreaterThan(0);
        // A batch per Pod of a YAML List; one for a single-line JSON List; none with aliases (all at once), which one Pod has none to.
        const batches = { yaml: n, json: 1, anchored: n === 1 ? 1 : 0 }[form];
        expect(batchCounts.batches - before, `${form} ${n}`).toBe(batches);
      }
    }
  }, 600_000);

  it('are made at once after all when the pod specs come out of order and their spans tangle', () => {
    const request = requestOf('list.yaml', listOfPods(6, 'yaml'), 'restricted');
    const [a, b, c, ...rest] = request.pods;
    // Pod 1 then 2 close a batch of pod 1; pod 0 lies before it.
    const tangled = { ...request, pods: [b!, c!, a!, ...rest] };
    const before = batchCounts.tangled;
    const { batched, atOnce } = both(tangled);
    expect(batchCounts.tangled - before).toBe(1);
    expect(batched).toEqual(atOnce);
    expect(batched.pods.flat().filter((fix) => fix.fix !== null).length).toBeGreaterThan(6);
  });
});
