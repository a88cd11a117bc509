/**
 * A cut text (cutText.ts): the fixed text it builds is the pieces' texts,
 * each with its own splices applied, and the change it names from the
 * splices is the one read off the two texts built whole (as verdict keys
 * were made before), on hand-made
 * cases and on many random ones (texts of few characters, so that common
 * prefixes and suffixes run on past the splices).
 */
import { describe, expect, it } from 'vitest';
import { CutText } from '../../../src/fixes/cutText.js';
import type { Piece } from '../../../src/fixes/cutText.js';
import { applySplices, SpliceConflict } from '../../../src/fixes/text.js';
import type { Splice } from '../../../src/fixes/text.js';

/** The change from `before` to `after` with the common prefix and suffix trimmed, read off both texts. */
function changeOf(before: string, after: string): { where: string; text: string } {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { where: `${prefix}:${before.length - suffix}`, text: after.slice(prefix, after.length - suffix) };
}

/** The cut text with the splices applied, piece by piece: each splice in the first piece that holds it. */
function reference(text: string, pieces: readonly Piece[], splices: readonly Splice[]): string | null {
  const placed = splices.map(() => false);
  const parts = pieces.map((piece) => {
    const mine: Splice[] = [];
    splices.forEach((splice, s) => {
      if (placed[s] || splice.start < piece.from || splice.end > piece.to) return;
      placed[s] = true;
      mine.push({ ...splice, start: splice.start - piece.from, end: splice.end - piece.from });
    });
    return piece.lead + applySplices(text.slice(piece.from, piece.to), mine);
  });
  return placed.includes(false) ? null : parts.join('');
}

/** What a verdict was keyed by before: the change between the two texts built whole. */
function referenceChange(text: string, pieces: readonly Piece[], splices: readonly Splice[]): { where: string; text: string; length: number } | null {
  const after = reference(text, pieces, splices);
  if (after === null) return null;
  return { ...changeOf(reference(text, pieces, []) ?? '', after), length: after.length };
}

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function randomCase(next: (n: number) => number): { text: string; pieces: Piece[]; splices: Splice[] } {
  const alphabet = 'aab \n';
  const word = (length: number) => Array.from({ length }, () => alphabet[next(alphabet.length)]).join('');
  const text = word(5 + next(40));
  // Cut points in order; pieces are some of the spans between them (touching or not).
  const cuts = [...new Set(Array.from({ length: 2 + next(6) }, () => next(text.length + 1)))].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (next(3) === 0) continue;
    pieces.push({ from: cuts[i]!, to: cuts[i + 1]!, lead: next(3) === 0 ? ',' : '' });
  }
  if (next(4) === 0) pieces.push({ from: text.length, to: text.length, lead: '' });
  // Splices in text order that do not overlap, some of them insertions at one offset: mostly inside
  // the pieces (on their ends too), now and then anywhere.
  const splices: Splice[] = [];
  const splice = (start: number, end: number) => splices.push({ start, end, insert: word(next(5)), ...(next(3) === 0 ? { column: next(4) } : {}) });
  if (next(4) === 0) {
    let at = next(4);
    while (at <= text.length && splices.length < 5) {
      const end = Math.min(text.length, at + next(4));
      splice(at, end);
      at = end + (next(3) === 0 ? 0 : next(8));
    }
  } else {
    for (const { from, to } of pieces) {
      let at = from + next(to - from + 1);
      while (at <= to && next(2) === 0) {
        const end = Math.min(to, at + next(4));
        splice(at, end);
        at = end + next(3);
      }
    }
  }
  // Given out of order now and then: they apply in text order.
  if (next(4) === 0) splices.reverse();
  return { text, pieces, splices };
}

describe('CutText', () => {
  const pieces: Piece[] = [
    { from: 0, to: 6, lead: '' },
    { from: 10, to: 16, lead: ',' },
  ];
  const text = 'abcdefGHIJklmnopQRST';
  const cut = new CutText(text, pieces);

  it('builds the pieces with their splices and names no change when there is none', () => {
    expect(cut.apply([])).toBe('abcdef,klmnop');
    expect(cut.apply([{ start: 11, end: 12, insert: 'L' }])).toBe('abcdef,kLmnop');
    expect(cut.change([])).toEqual({ where: '13:13', text: '', length: 13 });
  });

  it('gives one name to one fixed text however the splices are cut', () => {
    const apart = cut.change([
      { start: 1, end: 2, insert: 'X' },
      { start: 3, end: 4, insert: 'Y' },
    ]);
    const together = cut.change([{ start: 0, end: 5, insert: 'aXcYe' }]);
    expect(apart).toEqual({ where: '1:4', text: 'XcY', length: 13 });
    expect(together).toEqual(apart);
    // Across pieces: each keeps its own splice, and the comma between stays.
    const across = cut.change([
      { start: 5, end: 6, insert: 'F' },
      { start: 10, end: 11, insert: 'K' },
    ]);
    expect(across).toEqual({ where: '5:8', text: 'F,K', length: 13 });
    expect(cut.change([{ start: 5, end: 6, insert: 'F' }, { start: 10, end: 11, insert: 'K' }].reverse())).toEqual(across);
  });

  it('tells different fixed texts apart, and insertions at one offset by their order', () => {
    const ab = cut.change([
      { start: 2, end: 2, insert: 'a' },
      { start: 2, end: 2, insert: 'b' },
    ]);
    const ba = cut.change([
      { start: 2, end: 2, insert: 'b' },
      { start: 2, end: 2, insert: 'a' },
    ]);
    expect(ab?.where).toBe(ba?.where);
    expect(ab?.text).not.toBe(ba?.text);
    expect(ab).toEqual(cut.change([{ start: 2, end: 2, insert: 'ab' }]));
    // Deeper new lines go first at one offset, as the fixed text has them.
    expect(cut.change([{ start: 2, end: 2, insert: 'a' }, { start: 2, end: 2, insert: 'b', column: 4 }])).toEqual(ba);
  });

  it('reads on past the splices for what did not change', () => {
    // Inserting `cd` before `cd`: the change is named after the text that is the same.
    expect(cut.change([{ start: 2, end: 2, insert: 'cd' }])).toEqual({ where: '4:4', text: 'cd', length: 15 });
    expect(changeOf('abcdef,klmnop', 'abcdcdef,klmnop')).toEqual({ where: '4:4', text: 'cd' });
  });

  it('refuses a splice outside the pieces, and throws on overlapping ones as applying them would', () => {
    expect(cut.change([{ start: 7, end: 8, insert: 'x' }])).toBeNull();
    expect(cut.apply([{ start: 5, end: 11, insert: 'x' }])).toBeNull();
    const overlapping = [
      { start: 1, end: 3, insert: 'x' },
      { start: 2, end: 4, insert: 'y' },
    ];
    expect(() => cut.change(overlapping)).toThrow(SpliceConflict);
    expect(() => cut.apply(overlapping)).toThrow(SpliceConflict);
  });

  it('matches the texts built whole on random cuts and splices', () => {
    const next = random(14);
    let compared = 0;
    for (let run = 0; run < 20000; run++) {
      const { text, pieces, splices } = randomCase(next);
      let expected: ReturnType<typeof referenceChange> | 'conflict';
      try {
        expected = referenceChange(text, pieces, splices);
      } catch (error) {
        if (!(error instanceof SpliceConflict)) throw error;
        expected = 'conflict';
      }
      const cutText = new CutText(text, pieces);
      const where = JSON.stringify({ text, pieces, splices });
      if (expected === 'conflict') {
        expect(() => cutText.change(splices), where).toThrow(SpliceConflict);
        continue;
      }
      expect(cutText.change(splices), where).toEqual(expected);
      expect(cutText.apply(splices), where).toBe(reference(text, pieces, splices));
      if (expected !== null) compared++;
    }
    // Most random cases must place their splices, or the comparison says little.
    expect(compared).toBeGreaterThan(10000);
  });
});
