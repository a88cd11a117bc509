/** The unified-diff parser on hunks produced by real git. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffLines } from '../../../src/diff/lines.js';
import { parseFilePatch, parseGitDiff } from '../../../src/diff/parse.js';
import { readGitChangeSet } from '../../../src/git/changeSet.js';
import { gitIn, makeRepo } from '../../helpers/gitRepo.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A repo whose two commits hold the given files (null: absent). */
function repoWith(files: Record<string, [string | Buffer | null, string | Buffer | null]>): string {
  const base = mkdtempSync(path.join(tmpdir(), 'psr-base-'));
  const head = mkdtempSync(path.join(tmpdir(), 'psr-head-'));
  dirs.push(base, head);
  for (const [name, [before, after]] of Object.entries(files)) {
    if (before !== null) writeFileSync(path.join(base, name), before);
    if (after !== null) writeFileSync(path.join(head, name), after);
  }
  const repo = makeRepo(base, head);
  dirs.push(repo);
  return repo;
}

function gitDiff(repo: string): string {
  return gitIn(repo, 'diff', '-M', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', 'main', 'feature');
}

describe('parseGitDiff', () => {
  it('numbers added, removed and context lines on their sides', () => {
    const repo = repoWith({ 'f.yaml': ['a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nb\nc\nD\nd2\ne\nf\ng\nh\n'] });
    const [file] = parseGitDiff(gitDiff(repo));
    expect(file).toMatchObject({ basePath: 'f.yaml', headPath: 'f.yaml' });
    expect(file!.hunks).toEqual([
      {
        baseStart: 1,
        baseCount: 7,
        headStart: 1,
        headCount: 8,
        lines: [
          { kind: 'context', baseLine: 1, headLine: 1, text: 'a' },
          { kind: 'context', baseLine: 2, headLine: 2, text: 'b' },
          { kind: 'context', baseLine: 3, headLine: 3, text: 'c' },
          { kind: 'removed', baseLine: 4, text: 'd' },
          { kind: 'added', headLine: 4, text: 'D' },
          { kind: 'added', headLine: 5, text: 'd2' },
          { kind: 'context', baseLine: 5, headLine: 6, text: 'e' },
          { kind: 'context', baseLine: 6, headLine: 7, text: 'f' },
          { kind: 'context', baseLine: 7, headLine: 8, text: 'g' },
        ],
      },
    ]);
  });

  it('handles "\\ No newline at end of file" on either side', () => {
    const repo = repoWith({ 'f.yaml': ['a\nb', 'a\nB\n'] });
    const [file] = parseGitDiff(gitDiff(repo));
    expect(file!.hunks[0]!.lines).toEqual([
      { kind: 'context', baseLine: 1, headLine: 1, text: 'a' },
      { kind: 'removed', baseLine: 2, text: 'b' },
      { kind: 'added', headLine: 2, text: 'B' },
    ]);
  });

  it('keeps CRLF line content and counts lines the same way', () => {
    const repo = repoWith({ 'f.yaml': ['a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'] });
    const hunk = parseGitDiff(gitDiff(repo))[0]!.hunks[0]!;
    expect(hunk.lines).toEqual([
      { kind: 'context', baseLine: 1, headLine: 1, text: 'a\r' },
      { kind: 'removed', baseLine: 2, text: 'b\r' },
      { kind: 'added', headLine: 2, text: 'B\r' },
      { kind: 'context', baseLine: 3, headLine: 3, text: 'c\r' },
    ]);
  });

  it('gives renamed files both paths, with unicode and spaces in names', () => {
    const body = Array.from({ length: 20 }, (_, i) => `line${i}`).join('\n');
    const repo = repoWith({ 'old name.yaml': [`${body}\n`, null], 'nouveau é.yaml': [null, `${body}\nadded\n`] });
    const [file] = parseGitDiff(gitDiff(repo));
    expect(file).toMatchObject({ basePath: 'old name.yaml', headPath: 'nouveau é.yaml' });
    expect(file!.hunks[0]!.lines.filter((l) => l.kind === 'added')).toEqual([{ kind: 'added', headLine: 21, text: 'added' }]);
  });

  it('numbers the lines of an added file from 1', () => {
    const repo = repoWith({ 'new.yaml': [null, 'a\nb\n'] });
    expect(parseGitDiff(gitDiff(repo))[0]).toMatchObject({ basePath: null, headPath: 'new.yaml', hunks: [{ headStart: 1, headCount: 2, baseCount: 0 }] });
  });
});

describe('parseFilePatch (GitHub patch field: hunks without file headers)', () => {
  it('parses several hunks', () => {
    const hunks = parseFilePatch('@@ -1,2 +1,2 @@\n-a\n+A\n b\n@@ -10,0 +11,2 @@\n+x\n+y');
    expect(hunks.map((h) => [h.headStart, h.headCount, h.lines.length])).toEqual([
      [1, 2, 3],
      [11, 2, 2],
    ]);
  });
});

describe('diffLines', () => {
  const hunks = parseFilePatch('@@ -1,3 +1,4 @@\n a\n+b\n c\n d\n@@ -20,3 +21,3 @@\n x\n-y\n+Y\n z');
  const lines = diffLines(hunks);

  it('knows which head lines are in the diff, context included', () => {
    expect([1, 2, 3, 4, 5, 20, 21, 22, 23, 24].map((n) => lines.has(n))).toEqual([true, true, true, true, false, false, true, true, true, false]);
  });

  it('accepts a range only inside one hunk', () => {
    expect(lines.spansOneHunk(1, 4)).toBe(true);
    expect(lines.spansOneHunk(4, 21)).toBe(false);
    expect(lines.spansOneHunk(22, 23)).toBe(true);
    expect(lines.spansOneHunk(23, 22)).toBe(false);
  });

  it('has no lines without hunks', () => {
    expect(diffLines(null).has(1)).toBe(false);
    expect(diffLines([]).ranges).toEqual([]);
  });
});

describe('readGitChangeSet', () => {
  it('reads statuses, both contents, binary and oversized files', async () => {
    const body = Array.from({ length: 20 }, (_, i) => `k${i}: v`).join('\n');
    const repo = repoWith({
      'kept.yaml': ['a: 1\n', 'a: 2\n'],
      'gone.yaml': ['b: 1\n', null],
      'from.yaml': [`${body}\n`, null],
      'to dir é.yaml': [null, `${body}\nextra: 1\n`],
      'bin.yaml': [Buffer.from([0, 1, 2]), Buffer.from([0, 1, 3])],
      'big.yaml': ['c: 1\n', `c: ${'x'.repeat(5000)}\n`],
    });
    const changeSet = await readGitChangeSet({ repository: repo, base: 'main', head: 'feature', maxBytes: 1000 });
    const byPath = Object.fromEntries(changeSet.files.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(['big.yaml', 'bin.yaml', 'gone.yaml', 'kept.yaml', 'to dir é.yaml']);
    expect(byPath['kept.yaml']).toMatchObject({ status: 'modified', base: { kind: 'content' }, head: { kind: 'content' } });
    expect(Buffer.from(byPath['kept.yaml']!.head.kind === 'content' ? byPath['kept.yaml']!.head.data : '').toString()).toBe('a: 2\n');
    expect(byPath['gone.yaml']).toMatchObject({ status: 'removed', head: { kind: 'absent' } });
    expect(byPath['to dir é.yaml']).toMatchObject({ status: 'renamed', previousPath: 'from.yaml' });
    expect(byPath['to dir é.yaml']!.hunks).toHaveLength(1);
    expect(byPath['bin.yaml']!.hunks).toBeNull();
    expect(byPath['big.yaml']!.head).toEqual({ kind: 'unavailable', reason: 'file is 5004 bytes, over the limit of 1000 bytes; it was not checked' });
  });
});
