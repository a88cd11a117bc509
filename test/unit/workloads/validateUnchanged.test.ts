/**
 * Extraction of a fixed document skips the validation of what the fix left
 * as it was (validate.ts, extractPodSpecsAfresh's originalOf): with the
 * original pod specs given, it finds exactly what a full validation finds,
 * on documents of the fixtures and the generated files edited at random,
 * with values of the wrong type too (which must still be reported).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../bench/prng.js';
import type { Rng } from '../../../bench/prng.js';
import { applyEditsToJson, EditError, remove, set, valueAt } from '../../../src/fixes/edits.js';
import type { Edit, NewValue } from '../../../src/fixes/types.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { isObject } from '../../../src/pss/pod.js';
import type { FieldPath, JsonValue } from '../../../src/pss/types.js';
import { extractPodSpecs, extractPodSpecsAfresh } from '../../../src/workloads/extract.js';
import { fixtureTexts, generatedTexts } from '../../helpers/manifestTexts.js';

const documents = [...fixtureTexts(), ...generatedTexts({ seed: 13, files: 10, docsPerFile: 6, changedFiles: 0 })]
  .flatMap(({ name, text }) => loadManifestFile(name, text, { maxBytes: Number.MAX_SAFE_INTEGER }).documents)
  .filter((document) => extractPodSpecs(document).pods.length > 0);

/** What a fix could write (NewValue), of every type a field may wrongly get. */
const values: NewValue[] = ['x', 'ALL', '80', '1.5', 'true', true, false, {}, { a: '1' }, { drop: ['ALL'] }, [], ['x']];

/** A random path to an object field under `root` (the last segment a key), or null. */
function randomField(rng: Rng, root: JsonValue, prefix: FieldPath): FieldPath | null {
  let path = prefix;
  let node = root;
  let found: FieldPath | null = null;
  for (let depth = 0; depth < 12; depth++) {
    if (Array.isArray(node)) {
      if (node.length === 0) break;
      const index = rng.int(0, node.length - 1);
      path = [...path, index];
      node = node[index] ?? null;
    } else if (isObject(node)) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = rng.pick(keys);
      path = [...path, key];
      node = node[key] ?? null;
      found = path;
    } else break;
    // Mostly deep fields, as fixes edit: a shallow one replaces most of the object.
    if (found !== null && rng.chance(depth < 3 ? 0.05 : 0.2)) break;
  }
  return found;
}

describe('validation of a fixed document against the original', () => {
  it('finds what a full validation finds', () => {
    expect(documents.length).toBeGreaterThan(200);
    const rng = createRng(7);
    let invalid = 0;
    let skipped = 0;
    let conflicts = 0;
    for (let round = 0; round < 3; round++) {
      for (const document of documents) {
        const original = extractPodSpecs(document);
        const byPath = new Map(original.pods.map((source) => [JSON.stringify(source.objectPath), source]));
        const edits: Edit[] = [];
        for (let i = rng.int(1, 4); i > 0; i--) {
          const source = rng.pick(original.pods);
          // Mostly inside the pod template, as fixes edit; sometimes anywhere in the object.
          const from = rng.chance(0.8) ? source.templatePath : source.objectPath;
          const field = randomField(rng, valueAt(document.value, from) ?? null, from);
          if (field !== null) edits.push(rng.chance(0.2) ? remove(field) : set(field, rng.pick(values)));
        }
        let value: JsonValue;
        try {
          value = applyEditsToJson(document.value, edits);
        } catch (error) {
          // Random edits can contradict each other (a field removed, then set below it).
          if (error instanceof EditError) {
            conflicts++;
            continue;
          }
          throw error;
        }
        const fixed = { ...document, value };
        const asked: string[] = [];
        const reused = extractPodSpecsAfresh(fixed, (objectPath) => {
          asked.push(JSON.stringify(objectPath));
          return byPath.get(JSON.stringify(objectPath));
        });
        const full = extractPodSpecsAfresh(fixed);
        expect(reused).toEqual(full);
        if (full.problems.length > 0) invalid++;
        if (asked.length > 0) skipped++;
      }
    }
    // Both sides are exercised: edits that break validation, and documents whose originals were used.
    expect(invalid).toBeGreaterThan(300);
    expect(skipped).toBeGreaterThan(500);
    expect(conflicts).toBeLessThan(100);
  });

  it('still validates a value that is not the original one', () => {
    const [document] = loadManifestFile('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n').documents;
    const original = extractPodSpecs(document!);
    const edited = { ...document!, value: applyEditsToJson(document!.value, [set(['spec', 'hostNetwork'], 'yes')]) };
    const extraction = extractPodSpecsAfresh(edited, () => original.pods[0]);
    expect(extraction.pods).toEqual([]);
    expect(extraction.problems.map((p) => p.message)).toEqual([expect.stringContaining('spec.hostNetwork: expected a boolean, found the string "yes"')]);
  });
});
