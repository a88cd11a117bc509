/**
 * Where splices lie in a document's layout tree (src/fixes/fragmentRegions.ts).
 * regionsIn starts each splice's descent from the deepest collection of the
 * previous one that surely leads to it: the regions it finds must be those
 * a descent from the root finds for each splice alone, whatever the order of
 * the splices and wherever they lie (inside one entry, on the boundaries
 * between entries, across entries, on the `- ` of a sequence item).
 */
import { describe, expect, it } from 'vitest';
import type { Node } from 'yaml';
import { createRng } from '../../../bench/prng.js';
import { listOfPods } from '../../../bench/lists.js';
import { FragmentMemory, regionsIn } from '../../../src/fixes/fragmentRegions.js';
import type { Region } from '../../../src/fixes/fragmentRegions.js';
import type { Splice } from '../../../src/fixes/text.js';
import type { ManifestDocument } from '../../../src/manifests/types.js';
import { documentsOf } from '../../helpers/fragmentAgreement.js';
import { fixtureTexts } from '../../helpers/manifestTexts.js';

type Rng = ReturnType<typeof createRng>;

/** Each document's memory, as a file's verifier keeps one: descents go on from the trail of the one before. */
const memories = new WeakMap<ManifestDocument, FragmentMemory>();

function regionsOf(text: string, document: ManifestDocument, splices: readonly Splice[]): Region[] | null {
  const { layout, place } = document.source;
  let memory = memories.get(document);
  if (memory === undefined) memories.set(document, (memory = new FragmentMemory()));
  return regionsIn(text, memory, layout.contents as Node, place, document.value, splices);
}

/** A splice somewhere in [start, end): at a line's start or end, inside a line, or over a few lines. */
function splice(text: string, start: number, end: number, rng: Rng): Splice {
  const at = rng.int(start, Math.max(start, end - 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  const lineEnd = newline === -1 ? text.length : newline;
  switch (rng.int(0, 4)) {
    case 0: {
      // Mostly at the column of the line there (new entries of its mapping), else a level in or out.
      const column = /^ */.exec(text.slice(lineStart))![0].length;
      const indent = ' '.repeat(Math.max(0, column + rng.pick([-2, 0, 0, 2])));
      return { start: lineStart, end: lineStart, insert: rng.pick([`${indent}key: 1\n`, `${indent}- item\n`, `${indent}# note\n`, '\n']) };
    }
    case 1:
      return { start: lineEnd, end: lineEnd, insert: rng.pick(['\n  a: 1', ' # note', '']) };
    case 2:
      return { start: lineStart, end: Math.min(end, lineEnd + 1 + rng.int(0, 40)), insert: rng.pick(['', '    b: 2\n']) };
    default:
      return { start: at, end: Math.min(text.length, at + rng.int(0, 3)), insert: rng.pick(['', 'x', '- ', ':']) };
  }
}

/** The region of a splice alone, descending from the root: in a document loaded afresh, which no descent has walked yet. */
function regionAlone(text: string, index: number, splice: Splice): Region | null {
  return regionsOf(text, documentsOf(text)[index]!, [splice])?.[0] ?? null;
}

describe('the regions of a verification’s splices', () => {
  it('are those a descent from the root finds for each splice alone, in any order, verification after verification', () => {
    const rng = createRng(26);
    const texts = [...fixtureTexts().filter(({ name }) => !name.startsWith('pss-conformance')), { name: 'list', text: listOfPods(8, 'yaml') }];
    let compared = 0;
    let found = 0;
    for (let n = 0; n < 600; n++) {
      const { name, text } = rng.pick(texts);
      const documents = documentsOf(text);
      if (documents.length === 0) continue;
      const index = rng.int(0, documents.length - 1);
      const document = documents[index]!;
      const { start, end } = document.source;
      // Several verifications of one document, each starting where the last left off.
      for (let verification = 0; verification < 3; verification++) {
        // Half the time the splices crowd into a few lines, as a fix's do.
        const from = rng.chance(0.5) ? rng.int(start, Math.max(start, end - 200)) : start;
        const to = Math.min(end, from === start ? end : from + 200);
        const splices = Array.from({ length: rng.int(2, 10) }, () => splice(text, from, to, rng));
        if (rng.chance(0.5)) splices.sort((a, b) => a.start - b.start);
        const alone = splices.map((one) => regionAlone(text, index, one));
        const where = `${name} #${n}.${verification} ${JSON.stringify(splices)}`;
        // One splice at a time, each starting from the trail the one before left, then all of them in one call.
        const oneByOne = splices.map((one) => regionsOf(text, document, [one])?.[0] ?? null);
        const together = regionsOf(text, document, splices);
        expect(together === null, where).toBe(alone.includes(null));
        for (const regions of [oneByOne, together ?? []]) {
          regions.forEach((region, i) => {
            const expected = alone[i]!;
            compared++;
            if (expected === null) return expect(region, where).toBeNull();
            found++;
            // Each load has its own layout nodes: the mapping is known by its path and its entries.
            expect([region?.map.path, region?.map.spanStarts, region?.lo, region?.hi, region?.splices], where).toEqual([expected.map.path, expected.map.spanStarts, expected.lo, expected.hi, [splices[i]]]);
          });
        }
      }
    }
    // The comparison ran, on sets of splices that all have regions too.
    expect(compared).toBeGreaterThan(5000);
    expect(found).toBeGreaterThan(2000);
  });
});
