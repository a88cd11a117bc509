/**
 * The fix engine edits the tree it is given (SourceDocument.layout): built
 * from js-yaml's events for files the event reader read, `yaml`'s own tree
 * otherwise. Both must give the very same suggestions and notes, on every
 * fixture and on the benchmark generator's files, at restricted (the level
 * with the most fixes) and baseline.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRepository } from '../../../bench/generate.js';
import { computeFixes } from '../../../src/fixes/fixFile.js';
import type { PodFailures } from '../../../src/fixes/fixFile.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import type { Level } from '../../../src/pss/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';
import { fixturesDir } from '../../helpers/paths.js';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(full);
  }
  return out;
}

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
    const inputs = filesUnder(fixturesDir)
      .map((file) => ({ name: path.relative(fixturesDir, file), text: readFileSync(file, 'utf8') }))
      .filter(({ text }) => !text.includes('\0'));
    const before = { ...counts };
    compareFixes(inputs);
    const documents = counts.documents - before.documents;
    expect(documents).toBeGreaterThan(3000);
    expect(counts.suggestions - before.suggestions).toBeGreaterThan(3000);
    // Nearly every pod spec's tree came from events: the comparison is not of yaml with itself.
    expect(counts.fromEvents - before.fromEvents).toBeGreaterThan(0.95 * documents);
  });

  it("on the benchmark generator's files, base and reformatted head", () => {
    const generated = generateRepository({ seed: 5, files: 40, docsPerFile: 6, changedFiles: 20 });
    const inputs = [...generated.base, ...[...generated.head].map(([name, text]) => [`head/${name}`, text] as const)].map(([name, text]) => ({ name, text }));
    const before = { ...counts };
    compareFixes(inputs);
    expect(counts.fromEvents - before.fromEvents).toBe(counts.documents - before.documents);
    expect(counts.documents - before.documents).toBeGreaterThan(100);
    expect(counts.suggestions - before.suggestions).toBeGreaterThan(100);
  });
});
