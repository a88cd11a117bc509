import { describe, expect, it } from 'vitest';
import { lastAtMost, lastAtMostIn } from '../../src/sortedSearch.js';

/** The answer by looking at every key. */
function byScan(keys: readonly number[], value: number): number {
  let found = -1;
  keys.forEach((key, index) => {
    if (key <= value) found = index;
  });
  return found;
}

describe('lastAtMost', () => {
  it('is -1 for no keys and for a value below every key', () => {
    expect(lastAtMost(0, () => 0, 5)).toBe(-1);
    expect(lastAtMost(3, (i) => [4, 6, 9][i] ?? 0, 3)).toBe(-1);
  });

  it('finds the last key at most the value, equal keys included, as a scan does', () => {
    const keys = [0, 0, 2, 5, 5, 5, 8, 13, 13, 21];
    for (let value = -2; value <= 23; value++) expect(lastAtMost(keys.length, (i) => keys[i] ?? 0, value)).toBe(byScan(keys, value));
  });

  it('agrees with a scan on generated ascending keys of every length up to 40', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let length = 0; length <= 40; length++) {
      const keys: number[] = [];
      for (let i = 0, key = 0; i < length; i++) keys.push((key += next() % 4));
      for (let value = -1; value <= (keys.at(-1) ?? 0) + 1; value++) {
        expect(lastAtMost(length, (i) => keys[i] ?? 0, value)).toBe(byScan(keys, value));
        expect(lastAtMostIn(keys, value)).toBe(byScan(keys, value));
      }
    }
  });
});

describe('lastAtMostIn (keys in an array; checked against a scan with lastAtMost above)', () => {
  it('is -1 for no keys and for a value below every key', () => {
    expect(lastAtMostIn([], 5)).toBe(-1);
    expect(lastAtMostIn([4, 6, 9], 3)).toBe(-1);
  });
});
