/**
 * A pull request's change set read through the API, as data (nothing from
 * the pull request is checked out or run): the file list from
 * pulls.listFiles, the contents of both sides from batched GraphQL reads at
 * the merge base and at head.sha, the hunks from each file's patch.
 */
import { parseFilePatch } from '../diff/parse.js';
import type { ChangeSet, ChangedFile, FileContent, FileStatus } from '../diff/types.js';
import { inlineCode } from '../report/markdown.js';
import { selectsFile } from '../scope/select.js';
import type { FileSelection } from '../scope/select.js';
import type { BlobRead, GitHubPort, PullRequestRef } from './port.js';

/** pulls.listFiles stops here, whatever the pull request holds. */
export const listFilesCap = 3000;

const statusOf: Record<string, FileStatus | undefined> = {
  added: 'added',
  modified: 'modified',
  changed: 'modified',
  renamed: 'renamed',
  copied: 'copied',
  removed: 'removed',
};

function contentOf(read: BlobRead | undefined, maxBytes: number): FileContent {
  if (read === undefined || read.kind === 'absent') return { kind: 'absent' };
  if (read.kind === 'binary') return { kind: 'content', data: new Uint8Array([0]) }; // the loader names it binary
  if (read.kind === 'too-large') return { kind: 'unavailable', reason: read.reason };
  if (Buffer.byteLength(read.text) > maxBytes) {
    return { kind: 'unavailable', reason: `file is ${Buffer.byteLength(read.text)} bytes, over the limit of ${maxBytes} bytes; it was not checked` };
  }
  return { kind: 'content', data: read.text };
}

export interface ApiChangeSetRequest {
  readonly pr: PullRequestRef;
  readonly baseSha: string;
  readonly headSha: string;
  readonly selection: FileSelection;
  readonly maxBytes: number;
  /** Other files to read in the same batched queries (the policy config), returned as `extra` by `commit:path`. */
  readonly alsoRead?: readonly { readonly commit: string; readonly path: string }[];
}

export async function readApiChangeSet(
  github: GitHubPort,
  request: ApiChangeSetRequest,
): Promise<ChangeSet & { readonly notices: readonly string[]; readonly extra: ReadonlyMap<string, BlobRead> }> {
  const { pr } = request;
  const listed = await github.listPullFiles(pr);
  const mergeBase = await github.mergeBase(pr.owner, pr.repo, request.baseSha, request.headSha);
  const notices: string[] = [];
  let incomplete: string | undefined;
  if (listed.files.length < listed.changedFiles) {
    incomplete = `GitHub listed ${listed.files.length} of the ${listed.changedFiles} changed files (its API stops at ${listFilesCap}); the others were not checked. Run the Action with \`source: git\` (checkout with fetch-depth: 0) to check them all.`;
    notices.push(incomplete);
  }

  const candidates: ChangedFile[] = [];
  for (const entry of listed.files) {
    const status = statusOf[entry.status];
    if (!status) continue;
    const previousPath = entry.previousFilename ?? undefined;
    // Select before reading: only manifests cost a read.
    const probe: ChangedFile = { path: entry.filename, ...(previousPath ? { previousPath } : {}), status, base: { kind: 'absent' }, head: { kind: 'absent' }, hunks: null };
    if (!selectsFile(request.selection, probe)) continue;
    candidates.push({ ...probe, hunks: entry.patch === null ? null : parseFilePatch(entry.patch) });
  }
  const withoutPatch = candidates.filter((f) => f.hunks === null && f.status !== 'removed').map((f) => f.path);
  if (withoutPatch.length > 0) {
    notices.push(`GitHub gave no diff for ${withoutPatch.map((p) => inlineCode(p)).join(', ')} (binary or too large): findings there are reported here, not as inline comments.`);
  }

  const reads = candidates.flatMap((file) => [
    ...(file.status !== 'added' ? [{ commit: mergeBase, path: file.previousPath ?? file.path }] : []),
    ...(file.status !== 'removed' ? [{ commit: request.headSha, path: file.path }] : []),
  ]);
  const extraReads = request.alsoRead ?? [];
  const blobs = await github.readBlobs(pr.owner, pr.repo, [...reads, ...extraReads], request.maxBytes);
  const extra = new Map(extraReads.flatMap((read) => {
    const key = `${read.commit}:${read.path}`;
    const blob = blobs.get(key);
    return blob ? [[key, blob] as const] : [];
  }));
  const files = candidates.map((file) => ({
    ...file,
    base: file.status === 'added' ? ({ kind: 'absent' } as const) : contentOf(blobs.get(`${mergeBase}:${file.previousPath ?? file.path}`), request.maxBytes),
    head: file.status === 'removed' ? ({ kind: 'absent' } as const) : contentOf(blobs.get(`${request.headSha}:${file.path}`), request.maxBytes),
  }));
  return { files, ...(incomplete !== undefined ? { incomplete } : {}), notices, extra };
}
