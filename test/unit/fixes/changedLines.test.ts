/**
 * changedLines splits only the window between the characters two texts
 * share at both ends; its answer must be the one of splitting and comparing
 * every line, the obvious algorithm kept here as the reference.
 */
import { describe, expect, it } from 'vitest';
import { applySplices, changedLines, changedLinesOf, lineTable } from '../../../src/fixes/text.js';
import type { LineChange, Splice } from '../../../src/fixes/text.js';

function reference(before: string, after: string): LineChange | null {
  if (before === after) return null;
  const a = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const b = after.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { start: prefix + 1, end: a.length - suffix, lines: b.slice(prefix, b.length - suffix).map((line) => line.replace(/\r?\n$/, '')) };
}

/** A deterministic generator (no Math.random): texts of few distinct lines, so that edits often repeat neighbours. */
function* cases(count: number): Generator<[string, string]> {
  let seed = 12345;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['a', 'b', '  c: 1', '', 'a\r', '- x'];
  const text = () => {
    const lines = Array.from({ length: next(7) }, () => pieces[next(pieces.length)]);
    return lines.join('\n') + (next(3) === 0 ? '' : '\n');
  };
  for (let i = 0; i < count; i++) {
    const before = text();
    const lines = before.split('\n');
    // Insert, delete or replace a few lines, or change the final newline.
    const at = next(lines.length + 1);
    const op = next(4);
    if (op === 0) lines.splice(at, 0, ...Array.from({ length: 1 + next(2) }, () => pieces[next(pieces.length)]!));
    else if (op === 1) lines.splice(at, 1 + next(2));
    else if (op === 2) lines.splice(at, 1, pieces[next(pieces.length)]!);
    const after = op === 3 ? (before.endsWith('\n') ? before.slice(0, -1) : `${before}\n`) : lines.join('\n');
    yield [before, after];
  }
}

describe('changedLines', () => {
  it('agrees with comparing every line, on 20,000 generated edits', () => {
    let changed = 0;
    for (const [before, after] of cases(20_000)) {
      const expected = reference(before, after);
      if (expected) changed++;
      expect(changedLines(before, after), JSON.stringify([before, after])).toEqual(expected);
      // With the ends known to be shared (as splices tell), counted even where they overlap.
      let prefix = 0;
      while (prefix < Math.min(before.length, after.length) && before[prefix] === after[prefix]) prefix++;
      let suffix = 0;
      while (suffix < Math.min(before.length, after.length) && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
      expect(changedLines(before, after, { prefix, suffix }), JSON.stringify([before, after, prefix, suffix])).toEqual(expected);
      expect(changedLines(before, after, { prefix: prefix >> 1, suffix: suffix >> 1 })).toEqual(expected);
    }
    expect(changed).toBeGreaterThan(10_000);
  });

  it('names the lines of a change in the middle of a long text', () => {
    const before = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const after = before.replace('line 500\n', 'line 500\n  inserted\n').replace('line 700\n', '');
    expect(changedLines(before, after)).toEqual(reference(before, after));
    expect(changedLines(before, after)?.start).toBe(502);
  });
});

/** Texts of few distinct lines and non-overlapping splices on them that often write a copy of a neighbouring line. */
function* splicedCases(count: number): Generator<[string, Splice[]]> {
  let seed = 4242;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    // The high bits: the low bits of this generator repeat with a short period.
    return (seed >>> 8) % n;
  };
  const pieces = ['a\n', 'b\n', '  c: 1\n', '\n', 'a\r\n', '- x\n', 'a', 'c: 2'];
  for (let i = 0; i < count; i++) {
    const text = Array.from({ length: next(9) }, () => pieces[next(pieces.length)]).join('');
    const splices: Splice[] = [];
    let at = 0;
    for (let n = next(4); n > 0 && at <= text.length; n--) {
      const start = at + next(text.length - at + 1);
      const end = start + next(Math.min(4, text.length - start) + 1);
      const insert = Array.from({ length: next(3) }, () => pieces[next(pieces.length)]).join('');
      splices.push({ start, end, insert });
      // Two insertions at one offset apply in their given order.
      at = end + (next(3) === 0 ? 0 : 1);
    }
    yield [text, splices];
  }
}

describe('changedLinesOf', () => {
  it('agrees with changedLines of the whole texts, on 20,000 generated splice sets', () => {
    let changed = 0;
    for (const [text, splices] of splicedCases(20_000)) {
      const expected = reference(text, applySplices(text, splices));
      if (expected) changed++;
      expect(changedLinesOf(lineTable(text), splices), JSON.stringify([text, splices])).toEqual(expected);
    }
    expect(changed).toBeGreaterThan(10_000);
  });

  it('places an inserted copy of the following lines where the whole texts do, far from the splice', () => {
    const text = `head\n${'- x\n'.repeat(50)}tail\n`;
    const splices = [{ start: 5, end: 5, insert: '- x\n' }];
    const change = changedLinesOf(lineTable(text), splices);
    expect(change).toEqual(reference(text, applySplices(text, splices)));
    expect(change?.start).toBe(52);
  });
});
