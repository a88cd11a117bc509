/**
 * collectFiles when a folder cannot be read. Tests run as root here, where
 * permissions do not stop a read, so readdirSync is made to fail as it does for
 * another user (EACCES); test/integration/odd-files.test.ts does it for real
 * when not root.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof Fs>();
  const readdirSync = ((dir: string, options: unknown) => {
    if (path.basename(dir) === 'locked') throw Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES' });
    return fs.readdirSync(dir, options as never);
  }) as typeof fs.readdirSync;
  return { ...fs, readdirSync, default: { ...fs, readdirSync } };
});

const { collectFiles } = await import('../../../src/io/files.js');

const root = mkdtempSync(path.join(tmpdir(), 'psr-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('collectFiles', () => {
  it('reports an unreadable sub-folder by name, as a problem, and reads the rest', () => {
    mkdirSync(path.join(root, 'deploy/locked'), { recursive: true });
    writeFileSync(path.join(root, 'deploy/pod.yaml'), 'kind: Pod\n');
    const collected = collectFiles(['deploy'], root, 1_000_000);
    expect('missing' in collected).toBe(false);
    if ('missing' in collected) return;
    expect(collected.files.map((f) => f.path)).toEqual(['deploy/pod.yaml']);
    expect(collected.problems).toEqual([
      { file: 'deploy/locked', line: null, kind: 'unreadable', message: `cannot read this folder (EACCES: permission denied, scandir '${path.join(root, 'deploy/locked')}'); the files in it were not checked` },
    ]);
  });
});
