/**
 * The fix engine edits the tree it is given (SourceDocument.layout): built
 * from js-yaml's events for files the event reader read, `yaml`'s own tree
 * otherwise. Both must give the very same suggestions and notes, on every
 * fixture and on the benchmark generator's files, at restricted (the level
 * with the most fixes) and baseline.
 */
import { describe, expect, it } from 'vitest';
import { computeFixes } from '../../../src/fixes/fixFile.js';
import type { PodFailures } from '../../../src/fixes/fixFile.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import type { Level } from '../../../src/pss/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';
import { fixtureTexts, generatedTexts } from '../../helpers/manifestTexts.js';

const counts = { documents: 0, fromEvents: 0, suggestions: 0 };

/** The fixes of a file's pod specs, with trees from events (the default) or from `yaml` alone. */
function fixesOf(name: string, text: string, level: Level, eventReader: boolean) {
  const loaded = loadManifestFile(name, text, { maxBytes: Number.MAX_SAFE_INTEGER, eventReader });
  const pods: PodFailures[] = [];
  for (const document of loaded.documents) {
    for (const source of extractPodSpecs(document).pods) pods.push({ source, failures: evaluatePod(source.pod, level, 'latest').failures });
  }
  const fixes = computeFixes({ file: name, text, pods, level, version: 'latest', diff: null });
  if (eventReader) {
    counts.suggestions += fixes.suggestions.length;
    for (const { source } of pods) {
      counts.documents++;
      if (source.document.source.layout !== source.document.source.doc) counts.fromEvents++;
    }
  }
  return fixes;
}

function compareFixes(inputs: readonly { name: string; text: string }[]): void {
  for (const { name, text } of inputs) {
    for (const level of ['restricted', 'baseline'] as const) {
      expect(fixesOf(name, text, level, true), `${name} at ${level}`).toEqual(fixesOf(name, text, level, false));
    }
  }
}

describe('fixes are the same on trees built from events and on yaml trees', () => {
  it('on every fixture', () => {
    const inputs = fixtureTexts();
    const before = { ...counts };
    compareFixes(inputs);
    const documents = counts.documents - before.documents;
    // Every distinct fixture text (test/helpers/manifestTexts.ts), the corpus's 380 among them.
    expect(documents).toBeGreaterThan(900);
    expect(counts.suggestions - before.suggestions).toBeGreaterThan(750);
    // Nearly every pod spec's tree came from events: the comparison is not of yaml with itself.
    expect(counts.fromEvents - before.fromEvents).toBeGreaterThan(0.95 * documents);
  });

  it("on the benchmark generator's files, base and reformatted head", () => {
    const inputs = generatedTexts({ seed: 5, files: 40, docsPerFile: 6, changedFiles: 20 });
    const before = { ...counts };
    compareFixes(inputs);
    expect(counts.fromEvents - before.fromEvents).toBe(counts.documents - before.documents);
    expect(counts.documents - before.documents).toBeGreaterThan(100);
    expect(counts.suggestions - before.suggestions).toBeGreaterThan(100);
  });
});
