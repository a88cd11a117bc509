/**
 * Which lines of the head version are part of the diff: added lines and
 * context lines inside a hunk. Only those can carry an inline review
 * comment, and a multi-line comment or suggestion must stay inside one hunk.
 */
import type { ChangeSet, Hunk } from './types.js';

export interface DiffLines {
  /** True when the head line is an added or context line of some hunk. */
  has(headLine: number): boolean;
  /** The index of the hunk holding the head line, or -1. */
  hunkOf(headLine: number): number;
  /** True when every line from start to end (inclusive) is in one and the same hunk. */
  spansOneHunk(start: number, end: number): boolean;
  /** The head line ranges of the hunks, inclusive. */
  readonly ranges: readonly { readonly start: number; readonly end: number }[];
  /** The text of a head line of some hunk (without its line break), or undefined outside the hunks. */
  textOf(headLine: number): string | undefined;
  /** True when the head line is one the change added (or rewrote), not a context line. */
  added(headLine: number): boolean;
}

export function diffLines(hunks: readonly Hunk[] | null): DiffLines {
  const ranges = (hunks ?? [])
    .map((hunk) => ({ start: hunk.headStart, end: hunk.headStart + hunk.headCount - 1 }))
    .filter((range) => range.end >= range.start);
  const hunkOf = (line: number) => ranges.findIndex((r) => line >= r.start && line <= r.end);
  // Built on first use: most callers only ask which lines are in the diff.
  let texts: Map<number, string> | undefined;
  const textOf = (line: number) => {
    if (!texts) {
      texts = new Map();
      for (const hunk of hunks ?? []) for (const l of hunk.lines) if (l.kind !== 'removed') texts.set(l.headLine, l.text.replace(/\r$/, ''));
    }
    return texts.get(line);
  };
  let addedLines: Set<number> | undefined;
  const added = (line: number) => {
    addedLines ??= new Set((hunks ?? []).flatMap((hunk) => hunk.lines.flatMap((l) => (l.kind === 'added' ? [l.headLine] : []))));
    return addedLines.has(line);
  };
  return {
    textOf,
    added,
    ranges,
    has: (line) => hunkOf(line) !== -1,
    hunkOf,
    spansOneHunk: (start, end) => start <= end && hunkOf(start) !== -1 && hunkOf(start) === hunkOf(end),
  };
}

/**
 * The diff lines of each path of a change set, made once per path: its
 * selected files', and those of files the selection left out whose hunks
 * the source read (a chart's helper template, where a rendered finding may
 * be placed and commented on). No lines for a path it does not hold.
 */
export function changeSetLines(changeSet: ChangeSet | null): (path: string) => DiffLines {
  const hunks = new Map<string, readonly Hunk[] | null>([...(changeSet?.unselectedHunks ?? []), ...(changeSet?.files ?? []).map((f) => [f.path, f.hunks] as const)]);
  const made = new Map<string, DiffLines>();
  return (path) => {
    let lines = made.get(path);
    if (lines === undefined) made.set(path, (lines = diffLines(hunks.get(path) ?? null)));
    return lines;
  };
}
