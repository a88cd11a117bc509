/**
 * Trees to render read through the GitHub API, as data: the commit's tree
 * listing (git/trees, recursive) and the files' contents (batched reads).
 * Under pull_request_target this is the only way rendering sees the pull
 * request's files: nothing of it is checked out.
 */
import type { GitHubPort } from '../../github/port.js';
import { searchedFile } from './trees.js';
import type { TreeReader } from './trees.js';

export function apiTreeReader(github: GitHubPort, owner: string, repo: string): TreeReader {
  return {
    async list(commit) {
      const tree = await github.listTree(owner, repo, commit);
      // Regular files only: symlinks (120000) and submodules (160000) are not read.
      return { files: new Map(tree.entries.filter((e) => e.mode.startsWith('100')).map((e) => [e.path, e.sha] as const)), truncated: tree.truncated };
    },
    async read(commit, listing, paths) {
      const wanted = paths.filter((p) => listing.has(p));
      const blobs = await github.readBlobs(owner, repo, wanted.map((path) => ({ commit, path })));
      const files = new Map<string, Uint8Array>();
      for (const path of wanted) {
        const blob = blobs.get(`${commit}:${path}`);
        if (blob?.kind === 'text') files.set(path, new TextEncoder().encode(blob.text));
        // A vendored dependency (`charts/redis-1.2.3.tgz`) is one helm cannot render the chart without.
        else if (blob?.kind === 'bytes') files.set(path, blob.data);
      }
      return files;
    },
    /**
     * The API cannot search a tree: every YAML and JSON file is read (in
     * batches) and searched here, as long as there are no more than
     * maxSearchedFiles of them; past that, none is, and all are unsearched.
     */
    async filesNaming(commit, listing, words) {
      const candidates = [...listing.keys()].filter(searchedFile);
      if (candidates.length > maxSearchedFiles) return { files: new Map(), unsearched: candidates.length };
      const read = await this.read(commit, listing, candidates);
      const decoder = new TextDecoder();
      const files = new Map([...read].filter(([, data]) => {
        const text = decoder.decode(data);
        return words.some((word) => text.includes(word));
      }));
      return { files, unsearched: 0 };
    },
  };
}

/** The YAML and JSON files of a tree read through the API to find the GitOps objects in it: a hundred to a query, so ten queries at most. */
export const maxSearchedFiles = 1000;
