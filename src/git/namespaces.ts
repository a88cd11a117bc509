/**
 * The Namespace manifests of a whole commit, not only of the changed files:
 * their pod-security labels decide the levels of the workloads in them. The
 * cluster's own policy documents (policy/sources) are read with them.
 * `git grep` finds the candidate files without a checkout.
 */
import { loadManifestFile } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import { git, GitError } from './run.js';

export async function readNamespaceDocuments(repository: string, commit: string, maxBytes: number): Promise<ManifestDocument[]> {
  let listing: string;
  try {
    listing = (await git(repository, ['grep', '-l', '-z', '-E', 'kind:[[:space:]]*"?(Namespace|PodSecurityConfiguration|ClusterPolicy|Policy)"?', commit, '--', '*.yaml', '*.yml', '*.json'])).toString('utf8');
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if (error instanceof GitError && error.exitCode === 1) return [];
    throw error;
  }
  const documents: ManifestDocument[] = [];
  for (const entry of listing.split('\0').filter((e) => e !== '')) {
    // Entries read "<commit>:<path>".
    const file = entry.slice(commit.length + 1);
    const content = await git(repository, ['cat-file', 'blob', entry]);
    if (content.length > maxBytes) continue;
    documents.push(...loadManifestFile(file, content, { maxBytes }).documents);
  }
  return documents;
}
