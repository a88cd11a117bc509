/** A folder of files written for a test, removed afterwards. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeRepo } from './gitRepo.js';

/** Write `files` (path → text) under `dir`. */
function writeFiles(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/** `run` in a folder of its own holding `files` (path → text), removed afterwards. */
export async function inTree<T>(files: Record<string, string>, run: (cwd: string) => Promise<T>): Promise<T> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-tree-'));
  try {
    writeFiles(cwd, files);
    return await run(cwd);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** `run` in a git repository whose `main` holds `base` and whose checked-out `feature` holds `head` (makeRepo), removed afterwards. */
export async function inRepo<T>(base: Record<string, string>, head: Record<string, string>, run: (repo: string) => Promise<T>): Promise<T> {
  const sides = mkdtempSync(path.join(tmpdir(), 'psr-render-sides-'));
  const dirs = [sides];
  try {
    writeFiles(path.join(sides, 'base'), base);
    writeFiles(path.join(sides, 'head'), head);
    const repo = makeRepo(path.join(sides, 'base'), path.join(sides, 'head'));
    dirs.push(repo);
    return await run(repo);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
