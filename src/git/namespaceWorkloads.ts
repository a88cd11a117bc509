/**
 * The files of a commit that put objects in given namespaces: when a change
 * relabels a Namespace, the workloads in it are judged anew even where the
 * change did not touch their files (scope/relabelled.ts). `git grep` finds
 * the candidates without a checkout; at most `maxFiles` are read, so a
 * relabelled namespace with thousands of manifests costs a bounded amount,
 * and the rest is named as not re-evaluated.
 */
import type { ChangedFile } from '../diff/types.js';
import { selectsPath } from '../scope/select.js';
import type { FileSelection } from '../scope/select.js';
import { readBlobs } from './changeSet.js';
import { git, GitError } from './run.js';

/** A namespace name as the API server takes it (a DNS label): only those can be put in a search pattern as they are. */
const dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface NamespaceFilesRequest {
  readonly namespaces: readonly string[];
  /** Paths already read (the change's own files). */
  readonly skip: ReadonlySet<string>;
  readonly selection: FileSelection;
  readonly maxBytes: number;
  readonly maxFiles: number;
}

export interface NamespaceFiles {
  /** The files, the same at base and head (no hunks: nothing in them is part of the diff). */
  readonly files: readonly ChangedFile[];
  /** Files that could hold such workloads and were not read (over `maxFiles`, too large), with why. */
  readonly omitted: readonly { readonly path: string; readonly reason: string }[];
}

async function grep(repository: string, commit: string, pattern: string): Promise<string[]> {
  try {
    const listing = (await git(repository, ['grep', '-l', '-z', '-E', pattern, commit, '--', '*.yaml', '*.yml', '*.json'])).toString('utf8');
    // Entries read "<commit>:<path>".
    return listing.split('\0').filter((e) => e !== '').map((entry) => entry.slice(commit.length + 1));
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if (error instanceof GitError && error.exitCode === 1) return [];
    throw error;
  }
}

export async function readNamespaceFiles(repository: string, commit: string, request: NamespaceFilesRequest): Promise<NamespaceFiles> {
  const names = request.namespaces.filter((n) => dnsLabel.test(n));
  if (names.length === 0) return { files: [], omitted: [] };
  // `namespace: shop` in YAML, `"namespace": "shop"` in JSON.
  const pattern = `namespace["']?[[:space:]]*:[[:space:]]*["']?(${names.join('|')})["']?([[:space:],}]|$)`;
  const paths = (await grep(repository, commit, pattern)).filter((p) => !request.skip.has(p) && selectsPath(request.selection, p)).sort();
  const wanted = paths.slice(0, request.maxFiles);
  const omitted = paths.slice(request.maxFiles).map((path) => ({ path, reason: `over the limit of ${request.maxFiles} files read for relabelled namespaces` }));
  if (wanted.length === 0) return { files: [], omitted };
  // Regular files only: a link is never followed, a submodule is not a manifest.
  const entries = (await git(repository, ['ls-tree', '-z', '--full-tree', commit, '--', ...wanted])).toString('utf8').split('\0').filter((e) => e !== '');
  const blobs = new Map<string, string>();
  for (const entry of entries) {
    const [meta = '', path = ''] = entry.split('\t');
    const [mode = '', , sha = ''] = meta.split(' ');
    if (mode.startsWith('100')) blobs.set(path, sha);
  }
  const contents = await readBlobs(repository, [...blobs.values()], request.maxBytes);
  const files: ChangedFile[] = [];
  for (const [path, sha] of blobs) {
    const content = contents.get(sha);
    if (content?.kind !== 'content') {
      omitted.push({ path, reason: content?.kind === 'unavailable' ? content.reason : 'could not be read' });
      continue;
    }
    files.push({ path, status: 'modified', base: content, head: content, hunks: [] });
  }
  return { files, omitted };
}

/** How many unchanged files a relabelled namespace may make a run read. */
export const relabelledFilesCap = 500;

