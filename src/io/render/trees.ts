/**
 * Trees to render, read as data from git (never a checkout of the pull
 * request): the listing of a commit, the texts discovery needs, and the
 * files of the roots written into a private temporary folder. Symlinks and
 * submodules are left out, so a rendering cannot read outside its tree.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readBlobs } from '../../git/changeSet.js';
import { filesNaming } from '../../git/grep.js';
import { git, GitError } from '../../git/run.js';
import { discoveryReads } from '../../render/discover.js';
import { nestedHelmfiles } from '../../render/helmfiles.js';
import type { TreeSnapshot } from '../../render/types.js';

/** The regular files of a commit (path → object id). */
export interface TreeListing {
  readonly files: Map<string, string>;
  /** The source listed only part of the tree (GitHub's git trees API past 100,000 entries or 7 MB). */
  readonly truncated: boolean;
  /** The files `check` was given (and what their kustomizations need), when the listing holds more: the rest of the tree its GitOps objects may install from. */
  readonly given?: ReadonlySet<string>;
}

/** One version of the repository, read through git or the API. */
export interface TreeReader {
  /** Every regular file of the commit; null when the commit is not there. */
  list(commit: string): Promise<TreeListing | null>;
  /** The contents of some of those files; a file too large or unreadable is left out. */
  read(commit: string, listing: ReadonlyMap<string, string>, paths: readonly string[]): Promise<Map<string, Uint8Array>>;
  /** The YAML and JSON files of the commit whose text holds one of `words`, when the source can search a whole tree. */
  filesNaming?(commit: string, listing: ReadonlyMap<string, string>, words: readonly string[]): Promise<FilesNamed>;
}

/** Files found by their text, and how many that might hold it were not read (0: the search is whole). */
export interface FilesNamed {
  readonly files: Map<string, Uint8Array>;
  readonly unsearched: number;
}

/** Whether a path is one filesNaming searches: a YAML or JSON file. */
export const searchedFile = (path: string): boolean => /\.(?:ya?ml|json)$/.test(path);

export function gitTreeReader(repository: string, maxBytes: number): TreeReader {
  return {
    async list(commit) {
      let output: string;
      try {
        output = (await git(repository, ['ls-tree', '-r', '-z', '--full-tree', commit])).toString('utf8');
      } catch (error) {
        if (error instanceof GitError) return null;
        throw error;
      }
      const listing = new Map<string, string>();
      for (const entry of output.split('\0')) {
        // "<mode> <type> <id>\t<path>"; regular files only.
        const tab = entry.indexOf('\t');
        if (tab < 0) continue;
        const [mode = '', type = '', id = ''] = entry.slice(0, tab).split(' ');
        if (type === 'blob' && mode.startsWith('100')) listing.set(entry.slice(tab + 1), id);
      }
      return { files: listing, truncated: false };
    },
    async read(_commit, listing, paths) {
      const wanted = paths.flatMap((p) => (listing.has(p) ? [[p, listing.get(p)!] as const] : []));
      const blobs = await readBlobs(repository, wanted.map(([, id]) => id), maxBytes);
      const files = new Map<string, Uint8Array>();
      for (const [p, id] of wanted) {
        const blob = blobs.get(id);
        if (blob?.kind === 'content') files.set(p, typeof blob.data === 'string' ? Buffer.from(blob.data) : blob.data);
      }
      return files;
    },
    async filesNaming(commit, listing, words) {
      return { files: await this.read(commit, listing, await filesNaming(repository, words, commit)), unsearched: 0 };
    },
  };
}

export interface Snapshot {
  readonly tree: TreeSnapshot;
  readonly listing: ReadonlyMap<string, string>;
}

/** How many levels of helmfiles named by helmfiles discovery reads (helmfile itself nests without a limit; repositories use one or two). */
const nestedHelmfileDepth = 3;

/** A commit's listing and the texts discovery reads; null when the commit is not there. */
export async function snapshotOf(reader: TreeReader, commit: string): Promise<Snapshot | null> {
  const listed = await reader.list(commit);
  if (listed === null) return null;
  const listing = listed.files;
  const files = await reader.read(commit, listing, discoveryReads(listing.keys()));
  const texts = new Map([...files].map(([p, data]) => [p, Buffer.from(data).toString('utf8')] as const));
  // The helmfiles those name (`helmfiles: [releases/*.yaml]`), and theirs, a few levels down: each level looked in once.
  let parents: Iterable<string> = [...texts.keys()];
  for (let depth = 0; depth < nestedHelmfileDepth; depth++) {
    const nested = nestedHelmfiles(texts, listing.keys(), parents).filter((p) => listing.has(p));
    if (nested.length === 0) break;
    for (const [p, data] of await reader.read(commit, listing, nested)) texts.set(p, Buffer.from(data).toString('utf8'));
    parents = nested;
  }
  return { tree: { paths: new Set(listing.keys()), texts, ...(listed.truncated ? { truncated: true } : {}), ...(listed.given ? { given: listed.given } : {}) }, listing };
}

/** A private temporary folder holding the given files; `dispose` removes it. */
export async function writeTree(files: ReadonlyMap<string, Uint8Array>): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'psr-render-'));
  for (const [relative, data] of files) {
    const target = path.join(dir, ...relative.split('/'));
    // Paths come from git or the API; refuse any that would leave the folder.
    if (!target.startsWith(dir + path.sep)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
