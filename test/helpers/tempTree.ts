/** A folder of files written for a test, removed afterwards. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `run` in a folder of its own holding `files` (path → text), removed afterwards. */
export async function inTree<T>(files: Record<string, string>, run: (cwd: string) => Promise<T>): Promise<T> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-tree-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
      writeFileSync(path.join(cwd, file), text);
    }
    return await run(cwd);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
