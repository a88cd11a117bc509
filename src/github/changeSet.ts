/**
 * A pull request's change set read through the API, as data (nothing from
 * the pull request is checked out or run): the file list from
 * pulls.listFiles, the contents of both sides from batched GraphQL reads at
 * the merge base and at head.sha, the hunks from each file's patch.
 */
import { linkContent } from '../diff/links.js';
import { parseFilePatch } from '../diff/parse.js';
import type { ChangeSet, ChangedFile, FileContent, FileStatus, Hunk } from '../diff/types.js';
import { inlineCode } from '../report/markdown.js';
import { selectsFile } from '../scope/select.js';
import type { FileSelection } from '../scope/select.js';
import { GitHubError } from './port.js';
import type { BlobRead, GitHubPort, PullFile, PullFiles, PullRequestRef, Tree } from './port.js';

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

/** `side`: a link at head is reported with its target; at base it counts as absent, as from git. */
function contentOf(read: BlobRead | undefined, maxBytes: number, side: 'base' | 'head'): FileContent {
  if (read === undefined || read.kind === 'absent') return { kind: 'absent' };
  if (read.kind === 'link') return side === 'head' ? linkContent(read.target) : { kind: 'absent' };
  if (read.kind === 'binary') return { kind: 'content', data: new Uint8Array([0]) }; // the loader names it binary
  if (read.kind === 'bytes') return { kind: 'content', data: read.data };
  if (read.kind === 'too-large') return { kind: 'unavailable', reason: read.reason };
  if (Buffer.byteLength(read.text) > maxBytes) {
    return { kind: 'unavailable', reason: `file is ${Buffer.byteLength(read.text)} bytes, over the limit of ${maxBytes} bytes; it was not checked` };
  }
  return { kind: 'content', data: read.text };
}

/**
 * The changes pulls.listFiles left out (it stops at 3,000 files), from the
 * two commits' trees: a path whose blob differs, appears or disappears.
 * Renames show as a removal and an addition; nothing has hunks. Not when
 * GitHub truncated a tree (over 100,000 entries): then the caller says the
 * pull request was not wholly checked.
 */
async function unlistedChanges(
  github: GitHubPort,
  pr: PullRequestRef,
  base: string,
  head: string,
  listed: readonly PullFile[],
): Promise<{ readonly ok: true; readonly files: ChangedFile[] } | { readonly ok: false; readonly reason: string }> {
  let trees: Tree[];
  try {
    trees = [await github.listTree(pr.owner, pr.repo, base), await github.listTree(pr.owner, pr.repo, head)];
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    return { ok: false, reason: `GitHub answered ${error.status} when asked for the commits' trees` };
  }
  const [baseTree, headTree] = trees as [Tree, Tree];
  if (baseTree.truncated || headTree.truncated) return { ok: false, reason: "the commits' trees are too large for GitHub to list" };
  // Regular files and links, as in the local change set (a link is reported, never read through); submodules are not manifests.
  const files = (tree: Tree) => new Map(tree.entries.filter((e) => e.mode.startsWith('100') || e.mode === '120000').map((e) => [e.path, e.sha]));
  const [before, after] = [files(baseTree), files(headTree)];
  const known = new Set(listed.flatMap((f) => [f.filename, ...(f.previousFilename !== null ? [f.previousFilename] : [])]));
  const changed: ChangedFile[] = [];
  const absent = { kind: 'absent' } as const;
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    if (known.has(path) || before.get(path) === after.get(path)) continue;
    const status: FileStatus = !before.has(path) ? 'added' : !after.has(path) ? 'removed' : 'modified';
    changed.push({ path, status, base: absent, head: absent, hunks: null });
  }
  return { ok: true, files: changed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
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
): Promise<ChangeSet & { readonly notices: readonly string[]; readonly withoutDiff: readonly string[]; readonly extra: ReadonlyMap<string, BlobRead> }> {
  const { pr } = request;
  const listed = await github.listPullFiles(pr);
  const mergeBase = await github.mergeBase(pr.owner, pr.repo, request.baseSha, request.headSha);
  const notices: string[] = [];
  let incomplete: string | undefined;
  const candidates: ChangedFile[] = [];
  const unselected: string[] = [];
  const unselectedHunks = new Map<string, Hunk[]>();
  const unlisted: ChangedFile[] = [];
  if (listed.files.length < listed.changedFiles) {
    const shown = `GitHub listed ${listed.files.length} of the ${listed.changedFiles} changed files (its API stops at ${listFilesCap})`;
    const rest = await unlistedChanges(github, pr, mergeBase, request.headSha, listed.files);
    if (rest.ok) {
      const selected = rest.files.filter((file) => selectsFile(request.selection, file));
      unlisted.push(...selected);
      notices.push(`${shown}; the other changed files were found by comparing the commits' trees, and the ${selected.length} ${selected.length === 1 ? 'manifest' : 'manifests'} among them were checked. GitHub shows no diff for them: their findings are reported here, not as inline comments.`);
    } else {
      incomplete = `${shown}, and the rest could not be listed (${rest.reason}); they were not checked. Run the Action with \`source: git\` (checkout with fetch-depth: 0) to check them all.`;
    }
  }

  for (const entry of listed.files) {
    const status = statusOf[entry.status];
    if (!status) continue;
    const previousPath = entry.previousFilename ?? undefined;
    // Select before reading: only manifests cost a read.
    const probe: ChangedFile = { path: entry.filename, ...(previousPath ? { previousPath } : {}), status, base: { kind: 'absent' }, head: { kind: 'absent' }, hunks: null };
    if (!selectsFile(request.selection, probe)) {
      unselected.push(entry.filename, ...(previousPath ? [previousPath] : []));
      if (entry.patch !== null && status !== 'removed') unselectedHunks.set(entry.filename, parseFilePatch(entry.patch));
      continue;
    }
    candidates.push({ ...probe, hunks: entry.patch === null ? null : parseFilePatch(entry.patch) });
  }
  // Said only of those with findings, once they are known (withoutDiffNotice): a large file that passes needs no word.
  const withoutDiff = candidates.filter((f) => f.hunks === null && f.status !== 'removed').map((f) => f.path);
  candidates.push(...unlisted);

  const reads = candidates.flatMap((file) => [
    ...(file.status !== 'added' ? [{ commit: mergeBase, path: file.previousPath ?? file.path }] : []),
    ...(file.status !== 'removed' ? [{ commit: request.headSha, path: file.path }] : []),
  ]);
  const extraReads = request.alsoRead ?? [];
  const blobs = await github.readBlobs(pr.owner, pr.repo, [...reads, ...extraReads], request.maxBytes, true);
  const extra = new Map(extraReads.flatMap((read) => {
    const key = `${read.commit}:${read.path}`;
    const blob = blobs.get(key);
    return blob ? [[key, blob] as const] : [];
  }));
  const files = candidates.map((file) => ({
    ...file,
    base: file.status === 'added' ? ({ kind: 'absent' } as const) : contentOf(blobs.get(`${mergeBase}:${file.previousPath ?? file.path}`), request.maxBytes, 'base'),
    head: file.status === 'removed' ? ({ kind: 'absent' } as const) : contentOf(blobs.get(`${request.headSha}:${file.path}`), request.maxBytes, 'head'),
  }));
  return { files, unselectedPaths: unselected, unselectedHunks, ...(incomplete !== undefined ? { incomplete } : {}), notices, withoutDiff, extra };
}

/**
 * A change set read from the clone, with the files GitHub shows no diff for
 * taking no inline comment, as in one read through the API: its listing of
 * the pull request's files leaves out the patch of a file over its diff
 * limits (500 KB, 20,000 lines: a generated install manifest) and stops at
 * 3,000 files, and a review with one comment on such a file is refused
 * whole (docs: github-platform.md, "One bad comment fails the whole
 * review"). The clone's own diff has hunks for them all.
 */
export function withGitHubDiffs(changeSet: ChangeSet, listed: PullFiles): { readonly changeSet: ChangeSet; readonly withoutDiff: readonly string[] } {
  const patched = new Map(listed.files.map((file) => [file.filename, file.patch !== null]));
  const truncated = listed.files.length < listed.changedFiles;
  // Listed without a patch, or past a listing that stopped short: GitHub has no line of it to comment on.
  const noDiff = (path: string) => patched.get(path) === false || (truncated && !patched.has(path));
  const withoutDiff: string[] = [];
  const files = changeSet.files.map((file) => {
    if (file.hunks === null || file.rendered === true || !noDiff(file.path)) return file;
    if (file.status !== 'removed') withoutDiff.push(file.path);
    return { ...file, hunks: null };
  });
  const unselectedHunks = changeSet.unselectedHunks && new Map([...changeSet.unselectedHunks].filter(([path]) => !noDiff(path)));
  return { changeSet: { ...changeSet, files, ...(unselectedHunks ? { unselectedHunks } : {}) }, withoutDiff };
}

/**
 * The files GitHub gave no diff for (binary, or too large for its diff)
 * that have findings or problems: those cannot be inline comments, and the
 * check run and summary say where they went. Null when there are none.
 */
export function withoutDiffNotice(withoutDiff: readonly string[], reported: readonly { readonly file: string }[]): string | null {
  const files = new Set(reported.map((r) => r.file));
  const named = withoutDiff.filter((path) => files.has(path));
  if (named.length === 0) return null;
  return `GitHub gave no diff for ${named.map((p) => inlineCode(p)).join(', ')} (binary or too large): ${named.length === 1 ? 'its' : 'their'} findings are reported here, not as inline comments.`;
}
