/**
 * Trees to render for `check`, read from the file system: every regular
 * file under the folders given (not only manifests: templates, helpers and
 * values files are part of a chart), relative to the working directory.
 * Links, .git and node_modules are not followed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TreeReader } from './trees.js';

const skipped = new Set(['.git', 'node_modules']);

async function walk(root: string, directory: string, out: Map<string, string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return; // an unreadable folder: the manifest reader reports it
  }
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && !skipped.has(entry.name)) await walk(root, full, out);
    else if (entry.isFile()) out.set(path.relative(root, full).split(path.sep).join('/'), full);
  }
}

/** The files under `args` (inside `cwd` only: a rendering reads its root's folder, never above the working directory). */
export function fsTreeReader(cwd: string, args: readonly string[], maxBytes: number): TreeReader {
  return {
    async list() {
      const listing = new Map<string, string>();
      for (const arg of args) {
        const absolute = path.resolve(cwd, arg);
        const relative = path.relative(cwd, absolute);
        if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
        const info = await stat(absolute).catch(() => null);
        if (info?.isDirectory()) await walk(cwd, absolute, listing);
        else if (info?.isFile()) listing.set(relative.split(path.sep).join('/'), absolute);
      }
      return { files: listing, truncated: false };
    },
    async read(_commit, listing, paths) {
      const files = new Map<string, Uint8Array>();
      for (const p of paths) {
        const absolute = listing.get(p);
        if (absolute === undefined) continue;
        const info = await stat(absolute).catch(() => null);
        if (info === null || info.size > maxBytes) continue;
        files.set(p, await readFile(absolute));
      }
      return files;
    },
  };
}
