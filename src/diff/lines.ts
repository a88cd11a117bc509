/**
 * Which lines of the head version are part of the diff: added lines and
 * context lines inside a hunk. Only those can carry an inline review
 * comment, and a multi-line comment or suggestion must stay inside one hunk.
 */
import type { Hunk } from './types.js';

export interface DiffLines {
  /** True when the head line is an added or context line of some hunk. */
  has(headLine: number): boolean;
  /** The index of the hunk holding the head line, or -1. */
  hunkOf(headLine: number): number;
  /** True when every line from start to end (inclusive) is in one and the same hunk. */
  spansOneHunk(start: number, end: number): boolean;
  /** The head line ranges of the hunks, inclusive. */
  readonly ranges: readonly { readonly start: number; readonly end: number }[];
}

export function diffLines(hunks: readonly Hunk[] | null): DiffLines {
  const ranges = (hunks ?? [])
    .map((hunk) => ({ start: hunk.headStart, end: hunk.headStart + hunk.headCount - 1 }))
    .filter((range) => range.end >= range.start);
  const hunkOf = (line: number) => ranges.findIndex((r) => line >= r.start && line <= r.end);
  return {
    ranges,
    has: (line) => hunkOf(line) !== -1,
    hunkOf,
    spansOneHunk: (start, end) => start <= end && hunkOf(start) !== -1 && hunkOf(start) === hunkOf(end),
  };
}
