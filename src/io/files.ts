/**
 * File-system adapter for the CLI: expand the PATH arguments into manifest
 * files and read them, without letting one unreadable or huge file stop the
 * others (it becomes a problem value). An unreadable folder, a FIFO or a
 * device, a link out of the folders given: each is a problem naming it,
 * never an internal error and never a read that does not end.
 *
 * Synchronous: the CLI has nothing else to do while it reads, and the
 * promise of each of a thousand files, one after the other, spent half a
 * second waiting on the file system's thread pool (read in turn, they take
 * a few tens of ms).
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
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

/** What a folder search found: manifest paths, and what it refused to read. */
interface Search {
  readonly cwd: string;
  /** The folders given, resolved: links may point anywhere inside them, never outside. */
  readonly roots: readonly string[];
  /** Folders already searched, resolved: a link back to one is a loop, not searched again. */
  readonly searched: Set<string>;
  readonly paths: string[];
  /** Files reached through a link: read after `paths`, so that a file reached both ways is read at its own path. */
  readonly linked: string[];
  readonly problems: LoadProblem[];
}

const isManifestName = (name: string) => manifestExtensions.has(path.extname(name).toLowerCase());

/** A FIFO, a socket or a device: reading one can block forever or never end. */
function kindOf(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  return info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : info.isCharacterDevice() ? 'a character device' : info.isBlockDevice() ? 'a block device' : 'not a regular file';
}

function refuse(search: Search, file: string, message: string): void {
  search.problems.push({ file: displayPath(file, search.cwd), line: null, kind: 'unreadable', message });
}

function walk(directory: string, search: Search, throughLink = false): void {
  let entries;
  try {
    search.searched.add(realpathSync(directory));
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    refuse(search, directory, `cannot read this folder (${(error as Error).message}); the files in it were not checked`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isSymbolicLink()) followLink(full, search);
    else if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name)) walk(full, search, throughLink);
    } else if (isManifestName(entry.name)) {
      if (entry.isFile()) (throughLink ? search.linked : search.paths).push(full);
      else refuse(search, full, `is ${kindOf(entry)}, not a file; it was not read`);
    }
  }
}

/**
 * A link found in a folder is followed only to a place inside the folders
 * given (never out of them: a link to /etc or ~ is not read), and a folder
 * already searched is not searched again (a link to a parent is no loop).
 */
function followLink(link: string, search: Search): void {
  const name = path.basename(link);
  let target: string;
  let resolved: string;
  let info;
  try {
    target = readlinkSync(link);
    resolved = realpathSync(link);
    info = statSync(resolved);
  } catch (error) {
    if (isManifestName(name)) refuse(search, link, `is a symbolic link that cannot be followed (${(error as Error).message}); it was not checked`);
    return;
  }
  if (!info.isDirectory() && !isManifestName(name)) return;
  if (!search.roots.some((root) => resolved === root || resolved.startsWith(`${root}${path.sep}`))) {
    refuse(search, link, `is a symbolic link to ${target}, outside the folders given; it was not followed`);
    return;
  }
  if (info.isDirectory()) {
    if (!skippedDirectories.has(name) && !search.searched.has(resolved)) walk(link, search, true);
  } else if (info.isFile()) search.linked.push(link);
  else refuse(search, link, `is a link to ${kindOf(info)}, not a file; it was not read`);
}

/**
 * Files named explicitly are read whatever their extension; folders are
 * searched for *.yaml, *.yml and *.json. A missing path is an error the
 * caller reports as a usage error.
 */
export function collectFiles(args: readonly string[], cwd: string, maxBytes: number): CollectedFiles | { missing: string } {
  const search: Search = { cwd, roots: [], searched: new Set(), paths: [], linked: [], problems: [] };
  const folders: string[] = [];
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let info;
    try {
      info = statSync(absolute);
    } catch {
      return { missing: arg };
    }
    if (info.isDirectory()) {
      folders.push(absolute);
      (search.roots as string[]).push(realpathSync(absolute));
    } else search.paths.push(absolute);
  }
  for (const folder of folders) walk(folder, search);
  const files: SourceFile[] = [];
  const problems: LoadProblem[] = search.problems;
  // One file reached by two paths (a link inside the folders) is read once, at its own path when the
  // search reached it there too (as git keeps a link as a link): a chart a link points to is rendered at
  // its own path, and its templates are not read again through the link as plain files.
  const seen = new Set<string>();
  for (const absolute of [...search.paths, ...search.linked]) {
    const shown = displayPath(absolute, cwd);
    try {
      const real = realpathSync(absolute);
      if (seen.has(real)) continue;
      seen.add(real);
      const info = statSync(real);
      if (!info.isFile()) {
        problems.push({ file: shown, line: null, kind: 'unreadable', message: `is ${kindOf(info)}, not a file; it was not read` });
        continue;
      }
      const size = info.size;
      // Do not read a huge file into memory just to say it is too large.
      if (size > maxBytes) {
        problems.push({ file: shown, line: null, kind: 'too-large', message: `file is ${size} bytes, over the limit of ${maxBytes} bytes; it was not checked` });
        continue;
      }
      files.push({ path: shown, content: readFileSync(absolute) });
    } catch (error) {
      problems.push({ file: shown, line: null, kind: 'unreadable', message: `cannot read: ${(error as Error).message}` });
    }
  }
  return { files, problems };
}
