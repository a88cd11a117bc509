/**
 * renderEdits walks each edit's path on from the previous edit's walk
 * (Walker): the steps the two paths share are taken from the earlier
 * walk, and the walk is the one a walk from the root gives, on every
 * fixture and generated file (anchors, merge keys and duplicate keys
 * included), for paths that share any prefix, that stop where the earlier
 * walk stopped, and that go where it did not.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { listOfPods } from '../../../bench/lists.js';
import { walk, Walker } from '../../../src/fixes/walk.js';
import type { Step, Walk } from '../../../src/fixes/walk.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import type { FieldPath, JsonValue } from '../../../src/pss/types.js';
import { fixtureTexts, generatedTexts } from '../../helpers/manifestTexts.js';

/** Every path of a value, and for each collection a child that does not exist. */
function pathsOf(value: JsonValue, prefix: FieldPath = []): FieldPath[] {
  const out: FieldPath[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...pathsOf(item, [...prefix, i])));
    out.push([...prefix, value.length, 'below']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item ?? null, [...prefix, key]));
    out.push([...prefix, 'no-such-key', 'below']);
  }
  return out;
}

/** What differs between two walks of a path: their depth, or a step's node, pair or parent (compared by identity). */
function differences(path: FieldPath, a: Walk, b: Walk): string[] {
  if (a.depth !== b.depth || a.steps.length !== b.steps.length) return [`${JSON.stringify(path)}: depth ${a.depth} vs ${b.depth}`];
  return a.steps.flatMap((step, i) => {
    const other = b.steps[i]!;
    const same = step.node === other.node && step.written === other.written && step.pair === other.pair && step.parent === other.parent && step.merged === other.merged;
    return same ? [] : [`${JSON.stringify(path)}: step ${i}`];
  });
}

/** Walks each path after the one before it: what differs from walks from the root, and how many steps were taken over. */
function walkInTurn(doc: Document, paths: readonly FieldPath[]): { differ: string[]; reused: number } {
  const differ: string[] = [];
  let reused = 0;
  const walker = new Walker(doc);
  // The earlier walk's path and steps, as they were (the walker walks on in place).
  let earlier: { path: FieldPath; steps: Step[]; depth: number } | null = null;
  for (const path of paths) {
    const walked = walker.walk(path);
    differ.push(...differences(path, walked, walk(doc, path)));
    if (earlier !== null) {
      // The steps of the shared prefix are the earlier walk's very steps.
      for (let i = 1; i <= walked.depth && i <= earlier.depth && path[i - 1] === earlier.path[i - 1]; i++) {
        if (walked.steps[i] === earlier.steps[i]) reused++;
        else differ.push(`${JSON.stringify(path)}: step ${i} walked again`);
      }
    }
    earlier = { path, steps: [...walked.steps], depth: walked.depth };
  }
  return { differ, reused };
}

describe('a walk goes on from the walk before it', () => {
  it('on every fixture and generated file, and a List, in document order and in reverse', () => {
    const texts = [...fixtureTexts(), ...generatedTexts({ seed: 5, files: 20, docsPerFile: 6, changedFiles: 10 }), { name: 'list', text: listOfPods(5, 'yaml') }];
    let reused = 0;
    let documents = 0;
    for (const { name, text } of texts) {
      for (const document of loadManifestFile(name, text, { maxBytes: Number.MAX_SAFE_INTEGER }).documents) {
        const paths = pathsOf(document.value);
        documents++;
        for (const order of [paths, [...paths].reverse()]) {
          const turn = walkInTurn(document.source.layout, order);
          expect(turn.differ, name).toEqual([]);
          reused += turn.reused;
        }
      }
    }
    expect(documents).toBeGreaterThan(500);
    expect(reused).toBeGreaterThan(100_000);
  });

  it('through aliases and merge keys', () => {
    const text = 'base: &b {x: 1, y: {z: 2}}\nuse:\n  <<: *b\n  y: {z: 3}\nalias: *b\nlist: [*b, {a: 1}]\n';
    const [document] = loadManifestFile('anchors.yaml', text, { maxBytes: Number.MAX_SAFE_INTEGER }).documents;
    const paths = pathsOf(document!.value);
    const forward = walkInTurn(document!.source.layout, paths);
    expect(forward.differ).toEqual([]);
    expect(forward.reused).toBeGreaterThan(0);
    expect(walkInTurn(document!.source.layout, [...paths].reverse()).differ).toEqual([]);
  });
});
