/** Shared assertion of the fix tests: untouched lines stay byte-identical. */
import { expect } from 'vitest';
import type { Suggestion } from '../../../src/fixes/types.js';

/**
 * The fixed text is the original with only the suggested ranges replaced:
 * every other line comes out byte for byte (line ending included).
 */
export function expectOnlyRangesChanged(before: string, after: string, suggestions: readonly Suggestion[]): void {
  const split = (t: string) => t.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const original = split(before.replace(/^\uFEFF/, ''));
  const fixed = split(after.replace(/^\uFEFF/, ''));
  let o = 0;
  let f = 0;
  for (const s of [...suggestions].sort((a, b) => a.startLine - b.startLine)) {
    for (; o < s.startLine - 1; o++, f++) expect(fixed[f], `line ${o + 1}`).toBe(original[o]);
    o = s.endLine;
    f += s.replacement === '' || s.replacement === null ? 0 : s.replacement.split('\n').length - 1;
  }
  for (; o < original.length; o++, f++) expect(fixed[f], `line ${o + 1}`).toBe(original[o]);
  expect(f).toBe(fixed.length);
}
