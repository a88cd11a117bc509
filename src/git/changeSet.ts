/**
 * A change set read from a local git repository: what `git diff base...head`
 * shows, with renames (-M), the blob contents of both sides, and the hunks.
 */
import { linkContent } from '../diff/links.js';
import { parseGitDiff } from '../diff/parse.js';
import type { ChangeSet, ChangedFile, FileContent, FileStatus, Hunk } from '../diff/types.js';
import { git } from './run.js';

export interface GitRange {
  readonly repository: string;
  readonly base: string;
  readonly head: string;
  /** Blobs larger than this are not read (their content is `unavailable`). */
  readonly maxBytes: number;
}

type EntryType = 'file' | 'link' | 'other';

/** `000000` is a side where the path does not exist; 100644/100755 files, 120000 links, 160000 submodules. */
function typeOf(mode: string): EntryType {
  if (mode === '000000' || mode.startsWith('100')) return 'file';
  return mode === '120000' ? 'link' : 'other';
}

interface RawEntry {
  readonly status: FileStatus;
  readonly path: string;
  readonly previousPath?: string;
  readonly baseBlob: string | null;
  readonly headBlob: string | null;
  /** What each side is: a file, a symbolic link (read as a link, never followed), or something else (a submodule). */
  readonly baseType: EntryType;
  readonly headType: EntryType;
}

const zeroSha = /^0+$/;
const statusOf: Record<string, FileStatus> = { A: 'added', M: 'modified', R: 'renamed', C: 'copied', D: 'removed', T: 'modified' };

/** `git diff --raw -z` output: `:mode mode sha sha STATUS\0path\0[path\0]`. */
function parseRaw(output: string): RawEntry[] {
  const fields = output.split('\0');
  const entries: RawEntry[] = [];
  for (let i = 0; i < fields.length; ) {
    const header = fields[i++] ?? '';
    if (header === '') continue;
    const [baseMode = '', headMode = '', baseSha = '', headSha = '', code = ''] = header.slice(1).split(' ');
    const letter = code[0] ?? '';
    const status = statusOf[letter];
    const first = fields[i++] ?? '';
    const second = letter === 'R' || letter === 'C' ? (fields[i++] ?? '') : undefined;
    if (!status) continue; // U (unmerged), X (unknown): nothing to review
    entries.push({
      status,
      path: second ?? first,
      ...(second !== undefined ? { previousPath: first } : {}),
      baseBlob: zeroSha.test(baseSha) ? null : baseSha,
      headBlob: zeroSha.test(headSha) ? null : headSha,
      baseType: typeOf(baseMode),
      headType: typeOf(headMode),
    });
  }
  return entries;
}

/** Read blobs with two `cat-file` batch calls: sizes first, then the contents small enough. */
export async function readBlobs(repository: string, shas: readonly string[], maxBytes: number): Promise<Map<string, FileContent>> {
  const result = new Map<string, FileContent>();
  const unique = [...new Set(shas)];
  if (unique.length === 0) return result;
  const check = (await git(repository, ['cat-file', '--batch-check'], `${unique.join('\n')}\n`)).toString('utf8');
  const wanted: string[] = [];
  for (const line of check.split('\n')) {
    const [sha = '', type = '', size = ''] = line.split(' ');
    if (sha === '' || type !== 'blob') continue;
    const bytes = Number(size);
    if (bytes > maxBytes) result.set(sha, { kind: 'unavailable', reason: `file is ${bytes} bytes, over the limit of ${maxBytes} bytes; it was not checked` });
    else wanted.push(sha);
  }
  if (wanted.length === 0) return result;
  const batch = await git(repository, ['cat-file', '--batch'], `${wanted.join('\n')}\n`);
  // Each object: "<sha> blob <size>\n<content>\n".
  let offset = 0;
  while (offset < batch.length) {
    const newline = batch.indexOf(0x0a, offset);
    const [sha = '', , size = '0'] = batch.subarray(offset, newline).toString('utf8').split(' ');
    const start = newline + 1;
    const end = start + Number(size);
    result.set(sha, { kind: 'content', data: batch.subarray(start, end) });
    offset = end + 1;
  }
  return result;
}

/** A symbolic link at head: its blob holds the path it points to. */
function linkAt(blob: FileContent): FileContent {
  return linkContent(blob.kind === 'content' ? Buffer.from(blob.data as Uint8Array).toString('utf8') : '(unknown)');
}

/** The merge base of base and head, as `git diff base...head` uses. */
export async function mergeBase(repository: string, base: string, head: string): Promise<string> {
  return (await git(repository, ['merge-base', base, head])).toString('utf8').trim();
}

export async function resolveCommit(repository: string, ref: string): Promise<string> {
  return (await git(repository, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
}

export async function readGitChangeSet(range: GitRange): Promise<ChangeSet> {
  const { repository, maxBytes } = range;
  const headCommit = await resolveCommit(repository, range.head);
  const baseCommit = await mergeBase(repository, await resolveCommit(repository, range.base), headCommit);
  const diffArgs = ['diff', '-M', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', baseCommit, headCommit];
  const raw = parseRaw((await git(repository, ['diff', '--raw', '-z', '-M', '--no-abbrev', baseCommit, headCommit])).toString('utf8'));
  const patches = parseGitDiff((await git(repository, [...diffArgs, '-U3', '--'])).toString('utf8'));
  const hunksByPath = new Map<string, Hunk[]>();
  for (const patch of patches) {
    const key = patch.headPath ?? patch.basePath;
    if (key !== null) hunksByPath.set(key, patch.hunks);
  }
  // Submodules are not manifests; a link is read as a link (its target), never followed on the runner's disk.
  const entries = raw.filter((entry) => entry.baseType !== 'other' && entry.headType !== 'other');
  const blobs = await readBlobs(repository, entries.flatMap((e) => [e.baseBlob, e.headBlob].filter((s): s is string => s !== null)), maxBytes);
  const contentOf = (sha: string | null): FileContent =>
    sha === null ? { kind: 'absent' } : (blobs.get(sha) ?? { kind: 'unavailable', reason: 'the blob could not be read' });

  const files: ChangedFile[] = entries.map((entry) => {
    const base = entry.baseType === 'link' ? ({ kind: 'absent' } as const) : contentOf(entry.baseBlob);
    const head = entry.headType === 'link' ? linkAt(contentOf(entry.headBlob)) : contentOf(entry.headBlob);
    const hunks = hunksByPath.get(entry.path) ?? [];
    // git prints no hunks for a binary file; say so rather than "no changed lines".
    const binary = [base, head].some((c) => c.kind === 'content' && Buffer.from(c.data as Uint8Array).includes(0));
    return {
      path: entry.path,
      ...(entry.previousPath !== undefined ? { previousPath: entry.previousPath } : {}),
      status: entry.status,
      base,
      head,
      hunks: binary ? null : hunks,
    };
  });
  return { files };
}
