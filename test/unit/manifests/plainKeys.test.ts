/**
 * plainKeys() lets the fix engine keep a map's keys by position instead of
 * its effective entries: the last pair with a key must be the entry
 * effectiveEntries() gives for it, on every map of every fixture, and a map
 * with a merge key must not take that way.
 */
import { describe, expect, it } from 'vitest';
import { isMap, parseAllDocuments } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { effectiveEntries, plainKeys } from '../../../src/manifests/decode.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { preorder } from '../../../src/manifests/preorder.js';
import { fixtureTexts } from '../../helpers/manifestTexts.js';

function mapsOf(doc: Document): YAMLMap[] {
  const maps: YAMLMap[] = [];
  preorder(doc, { node: (node) => (isMap(node) ? maps.push(node) : undefined) });
  return maps;
}

/** Where looking a key up by position differs from the effective entries (none expected); null when plainKeys refuses the map. */
function mismatches(map: YAMLMap, doc: Document): string[] | null {
  const keys = plainKeys(map, doc);
  if (keys === null) return null;
  const entries = effectiveEntries(map, doc);
  const found: string[] = [];
  for (const key of new Set([...keys, ...entries.keys(), 'absent'])) {
    const entry = entries.get(key);
    const pair = map.items[keys.lastIndexOf(key)];
    if (pair !== entry?.pair || (entry !== undefined && (entry.merged || entry.value !== pair?.value))) found.push(key);
  }
  return found;
}

describe('plainKeys', () => {
  it('finds the entry effectiveEntries finds, on every map of every fixture', () => {
    let maps = 0;
    for (const { name, text } of fixtureTexts()) {
      for (const document of loadManifestFile(name, text, { maxBytes: Number.MAX_SAFE_INTEGER }).documents) {
        for (const doc of new Set([document.source.layout, document.source.doc])) {
          for (const map of mapsOf(doc)) {
            const found = mismatches(map, doc);
            if (found === null) continue;
            maps++;
            expect(found, name).toEqual([]);
          }
        }
      }
    }
    expect(maps).toBeGreaterThan(10_000);
  });

  it('gives the last of duplicate keys, and the keys as the decoder reads them', () => {
    const [doc] = parseAllDocuments('a: 1\n"b": 2\na: 3\ny: 4\n0x10: 5\n') as Document[];
    const map = doc!.contents as YAMLMap;
    expect(plainKeys(map, doc!)).toEqual(['a', 'b', 'a', 'true', '16']);
    expect(mismatches(map, doc!)).toEqual([]);
  });

  it('refuses a map with a merge key, whose entries come from elsewhere', () => {
    const [doc] = parseAllDocuments('base: &b {a: 1}\nuser:\n  <<: *b\n  c: 2\n', { merge: false }) as Document[];
    const user = mapsOf(doc!).find((map) => map.items.some((pair) => String((pair.key as { value?: unknown }).value) === 'c'));
    expect(user).toBeDefined();
    expect(plainKeys(user!, doc!)).toBeNull();
    expect(effectiveEntries(user!, doc!).get('a')?.merged).toBe(true);
  });
});
