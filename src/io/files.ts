/**
 * File-system adapter for the CLI: expand the PATH arguments into manifest
 * files and read them, without letting one unreadable or huge file stop the
 * others (it becomes a problem value).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../findings/evaluateFiles.js';
import type { LoadProblem } from '../manifests/types.js';

const manifestExtensions = new Set(['.yaml', '.yml', '.json']);
const skippedDirectories = new Set(['.git', 'node_modules']);

export interface CollectedFiles {
  readonly files: SourceFile[];
  readonly problems: LoadProblem[];
}

/** Paths shown to users are relative to the working directory, with `/` separators. */
function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' || relative.startsWith('..') ? absolute : relative;
  return shown.split(path.sep).join('/');
}

async function walk(directory: string, out: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name)) await walk(full, out);
    } else if (entry.isFile() && manifestExtensions.has(path.extname(entry.name).toLowerCase())) {
      out.push(full);
    }
  }
}

/**
 * Files named explicitly are read whatever their extension; folders are
 * searched for *.yaml, *.yml and *.json. A missing path is an error the
 * caller reports as a usage error.
 */
export async function collectFiles(
  args: readonly string[],
  cwd: string,
  maxBytes: number,
): Promise<CollectedFiles | { missing: string }> {
  const paths: string[] = [];
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      return { missing: arg };
    }
    if (info.isDirectory()) await walk(absolute, paths);
    else paths.push(absolute);
  }
  const files: SourceFile[] = [];
  const problems: LoadProblem[] = [];
  for (const absolute of [...new Set(paths)]) {
    const shown = displayPath(absolute, cwd);
    try {
      const size = (await stat(absolute)).size;
      // Do not read a huge file into memory just to say it is too large.
      if (size > maxBytes) {
        problems.push({ file: shown, line: null, kind: 'too-large', message: `file is ${size} bytes, over the limit of ${maxBytes} bytes; it was not checked` });
        continue;
      }
      files.push({ path: shown, content: await readFile(absolute) });
    } catch (error) {
      problems.push({ file: shown, line: null, kind: 'unreadable', message: `cannot read: ${(error as Error).message}` });
    }
  }
  return { files, problems };
}
