// Real git, spawned as a child process: the emulator serves commit SHAs,
// blobs and diffs computed by git itself, so tests see what GitHub (which
// also runs git) would compute, not what a hand-written model thinks.
import { spawn } from 'node:child_process';
import { devNull } from 'node:os';

export class GitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

// Fixed identity and dates make commit SHAs depend on content only, so the
// same fixture always yields the same SHAs (useful in golden files).
const FIXED_ENV: Record<string, string> = {
  GIT_AUTHOR_NAME: 'Emulator',
  GIT_AUTHOR_EMAIL: 'emulator@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'Emulator',
  GIT_COMMITTER_EMAIL: 'emulator@example.invalid',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  // The machine's git config (autocrlf, diff.algorithm, textconv, renames…)
  // must not change what the emulator serves.
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: devNull,
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

function gitEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // An inherited GIT_DIR or GIT_INDEX_FILE (e.g. when tests run from a git
    // hook) would make every command act on the wrong repository.
    if (!k.startsWith('GIT_')) env[k] = v;
  }
  return { ...env, ...FIXED_ENV, ...extra };
}

export interface GitRunOptions {
  readonly input?: string | Buffer;
  readonly env?: Record<string, string>;
  readonly cwd?: string;
}

/** Runs git and resolves with stdout as bytes; rejects with stderr on a non-zero exit. */
export function git(args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { env: gitEnv(options.env ?? {}), cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(`git ${args.join(' ')} failed (${String(code)}): ${stderr.trim()}`, code, stderr));
    });
    child.stdin.on('error', () => {
      // git may exit before reading all input; the exit code reports the failure.
    });
    child.stdin.end(options.input ?? '');
  });
}

export async function gitText(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  return (await git(args, options)).toString('utf8');
}

export async function initBareRepository(gitDir: string): Promise<void> {
  await git(['init', '--quiet', '--bare', '--initial-branch=main', gitDir]);
}

/**
 * Writes a tree for the contents of `dir` (every file, ignored or not) into
 * the repository, through a private index so the folder itself is untouched.
 */
export async function writeTreeFromDir(gitDir: string, dir: string | undefined, indexFile: string): Promise<string> {
  if (dir === undefined) {
    return (await gitText(['--git-dir', gitDir, 'mktree'], { input: '' })).trim();
  }
  const env = { GIT_INDEX_FILE: indexFile };
  await git(['--git-dir', gitDir, '--work-tree', dir, 'read-tree', '--empty'], { env });
  // Pathspecs are relative to the working directory, hence cwd.
  await git(['--git-dir', gitDir, '--work-tree', dir, 'add', '--all', '--force', '--', '.'], { env, cwd: dir });
  return (await gitText(['--git-dir', gitDir, 'write-tree'], { env })).trim();
}

export async function commitTree(gitDir: string, tree: string, parent: string | undefined, message: string): Promise<string> {
  const args = ['--git-dir', gitDir, 'commit-tree', tree, '-m', message];
  if (parent !== undefined) args.push('-p', parent);
  return (await gitText(args)).trim();
}

export async function updateRef(gitDir: string, ref: string, sha: string): Promise<void> {
  await git(['--git-dir', gitDir, 'update-ref', ref, sha]);
}

/** One changed path as `git diff-tree --raw` reports it. */
export interface RawChange {
  /** A, M, D, R, C, T (type change) */
  readonly status: string;
  readonly similarity: number | null;
  readonly oldMode: string;
  readonly newMode: string;
  readonly oldSha: string;
  readonly newSha: string;
  readonly oldPath: string;
  readonly newPath: string;
}

export interface FileDiff {
  readonly change: RawChange;
  /** The hunks only (from the first `@@`), without the final newline; '' when there are none. */
  readonly patch: string;
  readonly binary: boolean;
  /** The whole `diff --git` section, as served by the `.diff` media type. */
  readonly section: string;
}

const ZERO_SHA = '0000000000000000000000000000000000000000';

function parseRaw(raw: string): RawChange[] {
  // -z format: ":oldmode newmode oldsha newsha STATUS\0path\0[path2\0]"
  const parts = raw.split('\0');
  const changes: RawChange[] = [];
  let i = 0;
  while (i < parts.length) {
    const head = parts[i];
    if (head === undefined || head === '') {
      i += 1;
      continue;
    }
    const m = /^:(\d{6}) (\d{6}) ([0-9a-f]{40}) ([0-9a-f]{40}) ([A-Z])(\d*)$/.exec(head);
    if (!m) throw new Error(`unexpected git diff-tree --raw record: ${JSON.stringify(head)}`);
    const status = m[5] ?? '';
    const twoPaths = status === 'R' || status === 'C';
    const first = parts[i + 1] ?? '';
    const second = twoPaths ? (parts[i + 2] ?? '') : first;
    changes.push({
      status,
      similarity: m[6] ? Number(m[6]) : null,
      oldMode: m[1] ?? '',
      newMode: m[2] ?? '',
      oldSha: m[3] ?? ZERO_SHA,
      newSha: m[4] ?? ZERO_SHA,
      oldPath: first,
      newPath: second,
    });
    i += twoPaths ? 3 : 2;
  }
  return changes;
}

function splitSections(patchOutput: string): string[] {
  const sections: string[] = [];
  const lines = patchOutput.split('\n');
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith('diff --git ')) {
      if (current) sections.push(current.join('\n'));
      current = [line];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) sections.push(current.join('\n'));
  return sections;
}

function hunksOf(section: string): { patch: string; binary: boolean } {
  const lines = section.split('\n');
  const first = lines.findIndex((l) => l.startsWith('@@ '));
  const binary = lines.some((l) => l.startsWith('Binary files ') || l === 'GIT binary patch');
  if (first < 0) return { patch: '', binary };
  let body = lines.slice(first);
  // The section ends with the newline that terminated the last line.
  while (body.length > 0 && body[body.length - 1] === '') body = body.slice(0, -1);
  return { patch: body.join('\n'), binary };
}

/**
 * The per-file diff between two commits, like GitHub's pull request files:
 * `-M` rename detection (and `-C` when asked), 3 lines of context, hunks only.
 */
export async function diffCommits(gitDir: string, base: string, head: string, detectCopies: boolean): Promise<FileDiff[]> {
  const detect = detectCopies ? ['-M', '-C'] : ['-M'];
  const common = ['--git-dir', gitDir, '-c', 'core.quotepath=false', 'diff-tree', '-r', '--no-commit-id', ...detect];
  const raw = await gitText([...common, '--raw', '-z', '--no-abbrev', base, head]);
  const patch = await gitText([...common, '-p', '--no-color', '--no-ext-diff', '--no-textconv', '--diff-algorithm=myers', '-U3', '--full-index', base, head]);
  const changes = parseRaw(raw);
  const sections = splitSections(patch);
  // Both commands walk the same pairs in the same order, so they zip; a
  // mismatch would mean a path git could not express on one line.
  if (sections.length !== changes.length) {
    throw new Error(`git diff-tree returned ${changes.length} raw records but ${sections.length} patch sections`);
  }
  return changes.map((change, i) => {
    const section = sections[i] ?? '';
    return { change, section, ...hunksOf(section) };
  });
}

export interface GitObject {
  readonly sha: string;
  readonly type: 'blob' | 'tree' | 'commit' | 'tag';
  readonly size: number;
  readonly content: Buffer;
}

/**
 * Reads objects by git revision expression (`<sha>:<path>`, `<branch>:<path>`)
 * in one `cat-file --batch` process; missing objects are undefined. Input goes
 * through stdin, so expressions can never be taken for command-line options.
 */
export async function readObjects(gitDir: string, expressions: readonly string[]): Promise<(GitObject | undefined)[]> {
  if (expressions.length === 0) return [];
  if (expressions.some((e) => e.includes('\n'))) {
    return Promise.all(expressions.map(async (e) => (e.includes('\n') ? undefined : (await readObjects(gitDir, [e]))[0])));
  }
  const out = await git(['--git-dir', gitDir, 'cat-file', '--batch'], { input: expressions.map((e) => `${e}\n`).join('') });
  const results: (GitObject | undefined)[] = [];
  let offset = 0;
  for (let i = 0; i < expressions.length; i += 1) {
    const eol = out.indexOf(0x0a, offset);
    if (eol < 0) throw new Error('truncated git cat-file --batch output');
    const header = out.subarray(offset, eol).toString('utf8');
    offset = eol + 1;
    const m = /^([0-9a-f]{40}) (blob|tree|commit|tag) (\d+)$/.exec(header);
    if (!m) {
      // "<expr> missing" or "<expr> ambiguous"
      results.push(undefined);
      continue;
    }
    const size = Number(m[3]);
    const content = out.subarray(offset, offset + size);
    offset += size + 1;
    const type = m[2];
    if (type !== 'blob' && type !== 'tree' && type !== 'commit' && type !== 'tag') throw new Error(`unexpected object type ${String(type)}`);
    results.push({ sha: m[1] ?? '', type, size, content: Buffer.from(content) });
  }
  return results;
}

/** Resolves a revision to a commit SHA, or undefined when it names no commit. */
export async function resolveCommit(gitDir: string, rev: string): Promise<string | undefined> {
  const [obj] = await readObjects(gitDir, [`${rev}^{commit}`]);
  return obj?.type === 'commit' ? obj.sha : undefined;
}

export interface TreeEntry {
  readonly mode: string;
  readonly type: 'blob' | 'tree' | 'commit';
  readonly sha: string;
  readonly size: number;
  readonly name: string;
}

/** Lists a tree object by SHA (callers resolve user input to a SHA first). */
export async function listTree(gitDir: string, treeSha: string): Promise<TreeEntry[]> {
  if (!/^[0-9a-f]{40}$/.test(treeSha)) throw new Error(`not a tree SHA: ${treeSha}`);
  const out = await gitText(['--git-dir', gitDir, 'ls-tree', '-z', '-l', treeSha]);
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (record === '') continue;
    const m = /^(\d{6}) (blob|tree|commit) ([0-9a-f]{40}) +(-|\d+)\t(.*)$/s.exec(record);
    if (!m) throw new Error(`unexpected ls-tree record: ${JSON.stringify(record)}`);
    const type = m[2];
    if (type !== 'blob' && type !== 'tree' && type !== 'commit') continue;
    entries.push({ mode: m[1] ?? '', type, sha: m[3] ?? '', size: m[4] === '-' ? 0 : Number(m[4]), name: m[5] ?? '' });
  }
  return entries;
}

/** Every entry under a tree, sub-trees included, with paths from its root (`ls-tree -r -t`), as `git/trees?recursive=1` lists them. */
export async function listTreeRecursive(gitDir: string, treeSha: string): Promise<(TreeEntry & { readonly path: string })[]> {
  if (!/^[0-9a-f]{40}$/.test(treeSha)) throw new Error(`not a tree SHA: ${treeSha}`);
  const out = await gitText(['--git-dir', gitDir, 'ls-tree', '-r', '-t', '-z', '-l', treeSha]);
  const entries: (TreeEntry & { readonly path: string })[] = [];
  for (const record of out.split('\0')) {
    if (record === '') continue;
    const m = /^(\d{6}) (blob|tree|commit) ([0-9a-f]{40}) +(-|\d+)\t(.*)$/s.exec(record);
    if (!m) throw new Error(`unexpected ls-tree record: ${JSON.stringify(record)}`);
    const type = m[2] as 'blob' | 'tree' | 'commit';
    const entryPath = m[5] ?? '';
    entries.push({ mode: m[1] ?? '', type, sha: m[3] ?? '', size: m[4] === '-' ? 0 : Number(m[4]), name: entryPath.slice(entryPath.lastIndexOf('/') + 1), path: entryPath });
  }
  return entries;
}

/** Git's own binary heuristic (a NUL in the first 8000 bytes), which GitHub's blob views follow. */
export function looksBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}
