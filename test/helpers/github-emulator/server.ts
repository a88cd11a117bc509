// A strict local GitHub API for tests: node:http on 127.0.0.1 (ephemeral
// port), repositories made of real git commits, every request checked against
// GitHub's OpenAPI description, review and check-run rules as GitHub applies
// them, and switchable faults. See README.md for what is and is not emulated.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { diffCommits, gitText, initBareRepository, commitTree, listTree, listTreeRecursive, readObjects, resolveCommit, updateRef, writeTreeFromDir, type FileDiff } from './git.js';
import { executeGraphql, type BlobRead, type GraphqlHost, type ThreadView } from './graphql.js';
import {
  coerceParam,
  completeAs,
  describeAjvErrors,
  invalidRequestMessage,
  isObject,
  operation,
  schemaViolationMessages,
  type JsonObject,
  type OperationSpec,
} from './openapi.js';
import { countChanges, parsePatch, type Hunk } from './patch.js';
import {
  BODY_LIMIT,
  REVIEW_TEXT,
  annotationIsValid,
  checkComment,
  codePointLength,
  outputByteViolations,
  toSentence,
  type AnchoredComment,
  type PullFile,
} from './rules.js';
import type {
  Access,
  Actor,
  AddPullRequestOptions,
  Emulator,
  EmulatorOptions,
  EmulatorState,
  FaultControls,
  PullRequestFile,
  PullRequestHandle,
  RecordedAnnotation,
  RecordedCheckRun,
  RecordedRequest,
  RecordedReview,
  RecordedReviewComment,
  RecordedThread,
  ReviewState,
  TokenPermissions,
} from './types.js';

const GITHUB_ACTIONS_BOT: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const DEFAULT_PERMISSIONS: TokenPermissions = { contents: 'read', pull_requests: 'write', checks: 'write' };
const GENERIC_DOCS = 'https://docs.github.com/rest';
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';

type Scope = keyof TokenPermissions;

interface Reply {
  readonly status: number;
  readonly json?: unknown;
  readonly raw?: Buffer | string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly note?: string;
}

interface RepoRecord {
  readonly owner: string;
  readonly name: string;
  readonly id: number;
  readonly gitDir: string;
  defaultBranch: string;
  readonly fork: boolean;
  /** Where this repository's branches live in the shared git directory (forks share their parent's objects). */
  readonly branchPrefix: string;
}

interface FileRecord extends PullRequestFile {
  readonly hunks: readonly Hunk[] | null;
  readonly section: string;
}

interface PullRecord {
  /** Replaced, with files and ruleFiles, when a new head is pushed. */
  handle: PullRequestHandle;
  readonly id: number;
  readonly repo: RepoRecord;
  readonly headRepo: RepoRecord;
  files: readonly FileRecord[];
  ruleFiles: ReadonlyMap<string, PullFile>;
  readonly createdAt: string;
}

interface Context {
  readonly op: OperationSpec;
  readonly params: JsonObject;
  readonly query: JsonObject;
  readonly rawQuery: URLSearchParams;
  readonly body: JsonObject;
  readonly repo: RepoRecord;
  readonly pathname: string;
  readonly accept: string;
}

interface FaultState {
  readOnly: boolean;
  /** `remaining`: how many more requests the fault answers (Infinity: until cleared). */
  primary: { remaining: number; resetAt: number } | null;
  secondary: { remaining: number; status: 403 | 429; retryAfter: number; route: string | null } | null;
  serverErrors: { remaining: number; status: number; route: string | null; processed: boolean }[];
}

interface Route {
  readonly method: string;
  readonly template: string;
  readonly scope: Scope;
  readonly level: 'read' | 'write';
  readonly handle: (ctx: Context) => Promise<Reply>;
}

// ---------------------------------------------------------------------------
// Small readers for validated JSON (the schema has checked the types).

function str(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

function int(o: JsonObject, key: string): number | undefined {
  const v = o[key];
  return typeof v === 'number' ? v : undefined;
}

function list(o: JsonObject, key: string): unknown[] | undefined {
  const v = o[key];
  return Array.isArray(v) ? v : undefined;
}

function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Ruby's Base64.encode64, which GitHub's `content` field uses: a newline after every 60 characters. */
function base64Lines(data: Buffer): string {
  const b64 = data.toString('base64');
  let out = '';
  for (let i = 0; i < b64.length; i += 60) out += `${b64.slice(i, i + 60)}\n`;
  return out;
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDOEmu${Buffer.from(String(id)).toString('base64url')}`;
}

function userJson(login: string, id: number, type: 'User' | 'Bot' | 'Organization'): JsonObject {
  const base = login.replace(/\[bot\]$/, '');
  return {
    login,
    id,
    node_id: nodeId(type === 'Bot' ? 'BOT' : 'U', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: type === 'Bot' ? `https://github.com/apps/${base}` : `https://github.com/${login}`,
    type,
    site_admin: false,
  };
}

function idForLogin(login: string): number {
  if (login === GITHUB_ACTIONS_BOT.login) return GITHUB_ACTIONS_BOT.id;
  let h = 7;
  for (const c of login) h = (h * 31 + c.charCodeAt(0)) % 9_000_000;
  return 1_000_000 + h;
}

function errorJson(message: string, docUrl: string, status: number, extra: JsonObject = {}): JsonObject {
  return { message, ...extra, documentation_url: docUrl, status: String(status) };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchSegments(parts: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  const raw: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const seg = segments[i];
    if (seg === undefined || seg === '') return undefined;
    if (part === '{path}') {
      const rest = segments.slice(i).map((s) => (s === '' ? undefined : safeDecode(s)));
      if (rest.some((s) => s === undefined)) return undefined;
      raw['path'] = rest.join('/');
      return raw;
    }
    if (part.startsWith('{')) {
      const value = safeDecode(seg);
      if (value === undefined) return undefined;
      raw[part.slice(1, -1)] = value;
    } else if (part !== seg) {
      return undefined;
    }
  }
  // A trailing slash or extra segment is another route, which GitHub answers with 404.
  return segments.length === parts.length ? raw : undefined;
}

// ---------------------------------------------------------------------------

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const defaultActor = options.actor ?? GITHUB_ACTIONS_BOT;
  /** Who the token acts as now (`actAs` switches it, to play another user commenting between runs). */
  let actor = defaultActor;
  const actors = new Map<string, Actor>([[actor.login, actor]]);
  const typeOf = (login: string): 'Bot' | 'User' => actors.get(login)?.type ?? 'User';
  const limits = {
    maxListedFiles: options.maxListedFiles ?? 3000,
    maxPatchBytes: options.maxPatchBytes ?? 512_000,
    maxPatchLines: options.maxPatchLines ?? 20_000,
    maxReviewComments: options.maxReviewComments ?? 30,
    maxContentBytes: options.maxContentBytes ?? 1024 * 1024,
    blobTextLimit: options.blobTextLimit ?? 512_000,
    maxDiffFiles: options.maxDiffFiles ?? 300,
    maxTreeEntries: options.maxTreeEntries ?? 100_000,
    rateLimit: options.rateLimit ?? 1000,
  };
  const wording = options.reviewWording ?? 'classic';
  const validateResponses = options.validateResponses ?? true;
  const root = await mkdtemp(path.join(tmpdir(), 'gh-emulator-'));
  const repos = new Map<string, RepoRecord>();
  const pulls = new Map<string, PullRecord>();
  let permissions: TokenPermissions = { ...DEFAULT_PERMISSIONS, ...options.permissions };
  const state: EmulatorState = { reviews: [], reviewComments: [], threads: [], replies: [], checkRuns: [] };
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];
  const ids = { repo: 500, pull: 600_000, review: 80_000_000, comment: 90_000_000, checkRun: 70_000_000, thread: 0, index: 0 };
  const rate = { core: 0, graphql: 0, resetAt: Math.floor(Date.now() / 1000) + 3600 };
  const faults: FaultState = { readOnly: false, primary: null, secondary: null, serverErrors: [] };
  let baseUrl = '';

  const key = (owner: string, name: string): string => `${owner}/${name}`.toLowerCase();
  const pullKey = (owner: string, name: string, n: number): string => `${key(owner, name)}#${n}`;

  const allowed = (scope: Scope, level: 'read' | 'write'): boolean => {
    const granted: Access = faults.readOnly && permissions[scope] === 'write' ? 'read' : permissions[scope];
    return level === 'read' ? granted !== 'none' : granted === 'write';
  };

  // -------------------------------------------------------------------------
  // Repositories and pull requests from folders

  async function ensureRepo(owner: string, name: string, defaultBranch: string, fork: boolean, gitDir?: string): Promise<RepoRecord> {
    const existing = repos.get(key(owner, name));
    if (existing) return existing;
    let dir = gitDir;
    if (dir === undefined) {
      dir = path.join(root, `${owner}+${name}.git`);
      await initBareRepository(dir);
    }
    ids.repo += 1;
    const record: RepoRecord = { owner, name, id: ids.repo, gitDir: dir, defaultBranch, fork, branchPrefix: fork ? `refs/forks/${owner}/` : 'refs/heads/' };
    repos.set(key(owner, name), record);
    return record;
  }

  async function addPullRequest(o: AddPullRequestOptions): Promise<PullRequestHandle> {
    if (pulls.has(pullKey(o.owner, o.repo, o.number))) throw new Error(`pull request ${o.owner}/${o.repo}#${o.number} already exists`);
    const baseRef = o.baseRef ?? 'main';
    const headRef = o.headRef ?? `feature-${o.number}`;
    const repo = await ensureRepo(o.owner, o.repo, baseRef, false);
    const headRepo = o.fork ? await ensureRepo(o.fork.owner, o.fork.repo ?? o.repo, baseRef, true, repo.gitDir) : repo;
    ids.index += 1;
    const indexFile = path.join(root, `index-${ids.index}`);
    await mkdir(root, { recursive: true });
    const baseTree = await writeTreeFromDir(repo.gitDir, o.baseDir, indexFile);
    const baseSha = await commitTree(repo.gitDir, baseTree, undefined, `Base of #${o.number}`);
    const headTree = await writeTreeFromDir(repo.gitDir, o.headDir, indexFile);
    const headSha = await commitTree(repo.gitDir, headTree, baseSha, `Pull request #${o.number}`);
    await updateRef(repo.gitDir, `refs/heads/${baseRef}`, baseSha);
    // A fork's branch lives in the fork; GitHub also keeps refs/pull/N/head in the base.
    await updateRef(repo.gitDir, `${headRepo.branchPrefix}${headRef}`, headSha);
    await updateRef(repo.gitDir, `refs/pull/${o.number}/head`, headSha);
    const diffs = await diffCommits(repo.gitDir, baseSha, headSha, options.detectCopies ?? false);
    const files = diffs.map((d) => fileRecord(d));
    const handle: PullRequestHandle = {
      owner: o.owner,
      repo: o.repo,
      number: o.number,
      baseSha,
      headSha,
      baseRef,
      headRef,
      headRepoFullName: `${headRepo.owner}/${headRepo.name}`,
      title: o.title ?? `Pull request #${o.number}`,
      body: o.body ?? null,
      author: o.author ?? 'octocat',
      draft: o.draft ?? false,
      files: files.map((f) => publicFile(f)),
      gitDir: repo.gitDir,
    };
    ids.pull += 1;
    const ruleFiles = new Map<string, PullFile>(files.map((f) => [f.filename, { filename: f.filename, hunks: f.hunks }]));
    pulls.set(pullKey(o.owner, o.repo, o.number), { handle, id: ids.pull, repo, headRepo, files, ruleFiles, createdAt: nowIso() });
    return handle;
  }

  /**
   * A new commit on the pull request's head branch, with the tree of
   * `headDir`: the file list and diff are recomputed from base to the new
   * head, as GitHub does on a push. Earlier comments and threads stay.
   */
  async function pushToPullRequest(owner: string, repoName: string, number: number, headDir: string): Promise<PullRequestHandle> {
    const p = pulls.get(pullKey(owner, repoName, number));
    if (!p) throw new Error(`no pull request ${owner}/${repoName}#${number}`);
    ids.index += 1;
    const indexFile = path.join(root, `index-${ids.index}`);
    const tree = await writeTreeFromDir(p.repo.gitDir, headDir, indexFile);
    const headSha = await commitTree(p.repo.gitDir, tree, p.handle.headSha, `Push to #${number}`);
    await updateRef(p.repo.gitDir, `${p.headRepo.branchPrefix}${p.handle.headRef}`, headSha);
    await updateRef(p.repo.gitDir, `refs/pull/${number}/head`, headSha);
    const files = (await diffCommits(p.repo.gitDir, p.handle.baseSha, headSha, options.detectCopies ?? false)).map((d) => fileRecord(d));
    p.files = files;
    p.ruleFiles = new Map<string, PullFile>(files.map((f) => [f.filename, { filename: f.filename, hunks: f.hunks }]));
    p.handle = { ...p.handle, headSha, files: files.map((f) => publicFile(f)) };
    return p.handle;
  }

  function publicFile(f: FileRecord): PullRequestFile {
    return {
      filename: f.filename,
      status: f.status,
      ...(f.previous_filename === undefined ? {} : { previous_filename: f.previous_filename }),
      additions: f.additions,
      deletions: f.deletions,
      changes: f.changes,
      sha: f.sha,
      ...(f.patch === undefined ? {} : { patch: f.patch }),
      binary: f.binary,
    };
  }

  function fileRecord(d: FileDiff): FileRecord {
    const c = d.change;
    const statusMap: Record<string, PullRequestFile['status']> = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' };
    const status = statusMap[c.status] ?? 'changed';
    const hunks = d.patch === '' ? [] : parsePatch(d.patch);
    const { additions, deletions } = countChanges(hunks);
    const tooLarge = Buffer.byteLength(d.patch, 'utf8') > limits.maxPatchBytes || hunks.reduce((n, h) => n + h.lines.length + 1, 0) > limits.maxPatchLines;
    // GitHub sends no `patch` for binary files, for empty diffs (pure renames)
    // and for diffs over its size limits; such files cannot take line comments.
    const patch = d.binary || d.patch === '' || tooLarge ? undefined : d.patch;
    return {
      filename: c.newPath,
      status,
      ...(status === 'renamed' || status === 'copied' ? { previous_filename: c.oldPath } : {}),
      additions,
      deletions,
      changes: additions + deletions,
      // The head blob, or the removed blob for deletions.
      sha: status === 'removed' ? c.oldSha : c.newSha,
      ...(patch === undefined ? {} : { patch }),
      binary: d.binary,
      hunks: patch === undefined ? null : hunks,
      section: d.section,
    };
  }

  // -------------------------------------------------------------------------
  // JSON representations (completed from the OpenAPI schemas)

  const apiRepoUrl = (r: { owner: string; name: string }): string => `${baseUrl}/repos/${r.owner}/${r.name}`;

  function repoJson(r: RepoRecord): JsonObject {
    return {
      id: r.id,
      node_id: nodeId('R', r.id),
      name: r.name,
      full_name: `${r.owner}/${r.name}`,
      owner: userJson(r.owner, idForLogin(r.owner), 'User'),
      private: false,
      fork: r.fork,
      html_url: `https://github.com/${r.owner}/${r.name}`,
      url: apiRepoUrl(r),
      default_branch: r.defaultBranch,
      visibility: 'public',
    };
  }

  function pullJson(p: PullRecord): JsonObject {
    const h = p.handle;
    const prUrl = `${apiRepoUrl(p.repo)}/pulls/${h.number}`;
    const html = `https://github.com/${p.repo.owner}/${p.repo.name}/pull/${h.number}`;
    const author = userJson(h.author, idForLogin(h.author), 'User');
    const additions = p.files.reduce((n, f) => n + f.additions, 0);
    const deletions = p.files.reduce((n, f) => n + f.deletions, 0);
    const reviewComments = state.reviewComments.filter((c) => c.pullNumber === h.number && key(c.owner, c.repo) === key(h.owner, h.repo)).length;
    return completeAs('pull-request', {
      url: prUrl,
      id: p.id,
      node_id: nodeId('PR', p.id),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${apiRepoUrl(p.repo)}/issues/${h.number}`,
      commits_url: `${prUrl}/commits`,
      review_comments_url: `${prUrl}/comments`,
      review_comment_url: `${apiRepoUrl(p.repo)}/pulls/comments{/number}`,
      comments_url: `${apiRepoUrl(p.repo)}/issues/${h.number}/comments`,
      statuses_url: `${apiRepoUrl(p.repo)}/statuses/${h.headSha}`,
      number: h.number,
      state: 'open',
      locked: false,
      title: h.title,
      user: author,
      body: h.body,
      labels: [],
      milestone: null,
      created_at: p.createdAt,
      updated_at: p.createdAt,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      draft: h.draft,
      head: { label: `${p.headRepo.owner}:${h.headRef}`, ref: h.headRef, sha: h.headSha, user: userJson(p.headRepo.owner, idForLogin(p.headRepo.owner), 'User'), repo: repoJson(p.headRepo) },
      base: { label: `${p.repo.owner}:${h.baseRef}`, ref: h.baseRef, sha: h.baseSha, user: userJson(p.repo.owner, idForLogin(p.repo.owner), 'User'), repo: repoJson(p.repo) },
      _links: { self: { href: prUrl }, html: { href: html }, issue: { href: `${apiRepoUrl(p.repo)}/issues/${h.number}` }, comments: { href: `${apiRepoUrl(p.repo)}/issues/${h.number}/comments` }, review_comments: { href: `${prUrl}/comments` }, review_comment: { href: `${apiRepoUrl(p.repo)}/pulls/comments{/number}` }, commits: { href: `${prUrl}/commits` }, statuses: { href: `${apiRepoUrl(p.repo)}/statuses/${h.headSha}` } },
      author_association: 'CONTRIBUTOR',
      auto_merge: null,
      active_lock_reason: null,
      merged: false,
      mergeable: true,
      rebaseable: true,
      mergeable_state: 'clean',
      merged_by: null,
      comments: 0,
      review_comments: reviewComments,
      maintainer_can_modify: false,
      commits: 1,
      additions,
      deletions,
      changed_files: p.files.length,
    });
  }

  function diffEntryJson(p: PullRecord, f: FileRecord): JsonObject {
    const full = `${p.repo.owner}/${p.repo.name}`;
    const sha = f.status === 'removed' ? p.handle.baseSha : p.handle.headSha;
    return completeAs('diff-entry', {
      sha: f.sha,
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.changes,
      blob_url: `https://github.com/${full}/blob/${sha}/${encodePath(f.filename)}`,
      raw_url: `https://github.com/${full}/raw/${sha}/${encodePath(f.filename)}`,
      contents_url: `${apiRepoUrl(p.repo)}/contents/${encodePath(f.filename)}?ref=${sha}`,
      ...(f.patch === undefined ? {} : { patch: f.patch }),
      ...(f.previous_filename === undefined ? {} : { previous_filename: f.previous_filename }),
    });
  }

  function reviewJson(r: RecordedReview): JsonObject {
    const html = `https://github.com/${r.owner}/${r.repo}/pull/${r.pullNumber}#pullrequestreview-${r.id}`;
    const prUrl = `${baseUrl}/repos/${r.owner}/${r.repo}/pulls/${r.pullNumber}`;
    return completeAs('pull-request-review', {
      id: r.id,
      node_id: r.nodeId,
      user: userJson(r.user, idForLogin(r.user), typeOf(r.user)),
      body: r.body,
      state: r.state,
      html_url: html,
      pull_request_url: prUrl,
      _links: { html: { href: html }, pull_request: { href: prUrl } },
      ...(r.submittedAt === null ? {} : { submitted_at: r.submittedAt }),
      commit_id: r.commitId,
      author_association: 'NONE',
    });
  }

  function commentJson(c: RecordedReviewComment): JsonObject {
    const prUrl = `${baseUrl}/repos/${c.owner}/${c.repo}/pulls/${c.pullNumber}`;
    const url = `${baseUrl}/repos/${c.owner}/${c.repo}/pulls/comments/${c.id}`;
    const html = `https://github.com/${c.owner}/${c.repo}/pull/${c.pullNumber}#discussion_r${c.id}`;
    return completeAs('pull-request-review-comment', {
      url,
      pull_request_review_id: c.reviewId,
      id: c.id,
      node_id: c.nodeId,
      diff_hunk: c.diffHunk,
      path: c.path,
      position: c.position,
      original_position: c.position,
      commit_id: c.commitId,
      original_commit_id: c.commitId,
      ...(c.inReplyToId === null ? {} : { in_reply_to_id: c.inReplyToId }),
      user: userJson(c.user, idForLogin(c.user), typeOf(c.user)),
      body: c.body,
      created_at: c.createdAt,
      updated_at: c.createdAt,
      html_url: html,
      pull_request_url: prUrl,
      author_association: 'NONE',
      _links: { self: { href: url }, html: { href: html }, pull_request: { href: prUrl } },
      start_line: c.startLine,
      original_start_line: c.startLine,
      start_side: c.startSide,
      line: c.line,
      original_line: c.line,
      side: c.side,
      subject_type: 'line',
    });
  }

  function checkRunJson(run: RecordedCheckRun): JsonObject {
    const repo = repos.get(key(run.owner, run.repo));
    const prs = [...pulls.values()].filter((p) => p.repo === repo && p.headRepo === repo && p.handle.headSha === run.headSha);
    const url = `${baseUrl}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`;
    return completeAs('check-run', {
      id: run.id,
      node_id: run.nodeId,
      head_sha: run.headSha,
      external_id: run.externalId,
      url,
      html_url: `https://github.com/${run.owner}/${run.repo}/runs/${run.id}`,
      details_url: run.detailsUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${url}/annotations` },
      name: run.name,
      check_suite: { id: run.id + 1 },
      app: { id: 15368, slug: 'github-actions', node_id: 'MDM6QXBwMTUzNjg=', name: 'GitHub Actions', owner: userJson('github', 9919, 'Organization'), description: 'Automate your workflow from idea to production', external_url: 'https://help.github.com/en/actions', html_url: 'https://github.com/apps/github-actions', created_at: '2018-07-30T09:30:17Z', updated_at: '2024-04-10T20:33:16Z', permissions: {}, events: [] },
      pull_requests: prs.map((p) => ({
        id: p.id,
        number: p.handle.number,
        url: `${apiRepoUrl(p.repo)}/pulls/${p.handle.number}`,
        head: { ref: p.handle.headRef, sha: p.handle.headSha, repo: { id: p.headRepo.id, url: apiRepoUrl(p.headRepo), name: p.headRepo.name } },
        base: { ref: p.handle.baseRef, sha: p.handle.baseSha, repo: { id: p.repo.id, url: apiRepoUrl(p.repo), name: p.repo.name } },
      })),
    });
  }

  // -------------------------------------------------------------------------
  // Pagination like GitHub: per_page (default 30, at most 100), page, Link.

  function paginate<T>(items: readonly T[], ctx: Context): { page: T[]; headers: Record<string, string> } {
    const perPageIn = int(ctx.query, 'per_page') ?? 30;
    const perPage = perPageIn < 1 ? 30 : Math.min(perPageIn, 100);
    const page = Math.max(int(ctx.query, 'page') ?? 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number): string => {
      const q = new URLSearchParams(ctx.rawQuery);
      q.set('per_page', String(perPage));
      q.set('page', String(n));
      return `<${baseUrl}${ctx.pathname}?${q.toString()}>`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`${link(Math.min(page - 1, last))}; rel="prev"`);
    if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) rels.push(`${link(1)}; rel="first"`);
    return { page: items.slice((page - 1) * perPage, page * perPage), headers: rels.length > 0 ? { link: rels.join(', ') } : {} };
  }

  // -------------------------------------------------------------------------
  // Handlers

  const notFound = (ctx: Context, note: string, message = 'Not Found'): Reply => ({ status: 404, json: errorJson(message, ctx.op.docUrl, 404), note });
  const unprocessable = (ctx: Context, errors: string[], note: string): Reply => ({
    status: 422,
    json: errorJson('Unprocessable Entity', ctx.op.docUrl, 422, { errors }),
    note,
  });
  const validationFailed = (ctx: Context, errors: JsonObject[], note: string): Reply => ({
    status: 422,
    json: errorJson('Validation Failed', ctx.op.docUrl, 422, { errors }),
    note,
  });

  function findPull(ctx: Context): PullRecord | undefined {
    const n = int(ctx.params, 'pull_number');
    return n === undefined ? undefined : pulls.get(pullKey(ctx.repo.owner, ctx.repo.name, n));
  }

  async function getPull(ctx: Context): Promise<Reply> {
    const p = findPull(ctx);
    if (!p) return notFound(ctx, 'no such pull request');
    if (/application\/vnd\.github(\.v3)?\.diff/.test(ctx.accept)) {
      if (p.files.length > limits.maxDiffFiles) {
        return {
          status: 406,
          json: errorJson(`Sorry, the diff exceeded the maximum number of files (${limits.maxDiffFiles}). Consider using 'List pull requests files' API or locally cloning the repository instead.`, ctx.op.docUrl, 406, {
            errors: [{ resource: 'PullRequest', field: 'diff', code: 'too_large' }],
          }),
          note: 'diff too large',
        };
      }
      const text = p.files.map((f) => f.section).join('\n');
      return { status: 200, raw: text === '' || text.endsWith('\n') ? text : `${text}\n`, contentType: 'application/vnd.github.diff; charset=utf-8' };
    }
    if (/application\/vnd\.github(\.v3)?\.patch/.test(ctx.accept)) {
      return { status: 415, json: errorJson('emulator: the patch media type is not emulated', ctx.op.docUrl, 415), note: 'not emulated' };
    }
    return { status: 200, json: pullJson(p) };
  }

  async function listFiles(ctx: Context): Promise<Reply> {
    const p = findPull(ctx);
    if (!p) return notFound(ctx, 'no such pull request');
    // GitHub stops listing at 3,000 files; changed_files still says how many there are.
    const listed = p.files.slice(0, limits.maxListedFiles);
    const { page, headers } = paginate(listed, ctx);
    return { status: 200, json: page.map((f) => diffEntryJson(p, f)), headers };
  }

  /** A SHA, or a branch of this repository (a fork's own branches first), or any ref git resolves. */
  async function resolveRef(repo: RepoRecord, ref: string): Promise<string | undefined> {
    if (ref === '' || ref.startsWith('-')) return undefined;
    if (!/^[0-9a-f]{40}$/.test(ref) && !ref.startsWith('refs/')) {
      const branch = await resolveCommit(repo.gitDir, `${repo.branchPrefix}${ref}`);
      if (branch) return branch;
    }
    return resolveCommit(repo.gitDir, ref);
  }

  async function getContent(ctx: Context): Promise<Reply> {
    const filePath = str(ctx.params, 'path') ?? '';
    const ref = str(ctx.query, 'ref') ?? ctx.repo.defaultBranch;
    const commit = await resolveRef(ctx.repo, ref);
    if (!commit) return notFound(ctx, 'unknown ref', `No commit found for the ref ${ref}`);
    const [obj] = await readObjects(ctx.repo.gitDir, [`${commit}:${filePath}`]);
    if (!obj) return notFound(ctx, 'no such path at that ref');
    const full = `${ctx.repo.owner}/${ctx.repo.name}`;
    const links = (p: string, sha: string, kind: 'blob' | 'tree'): JsonObject => {
      const self = `${apiRepoUrl(ctx.repo)}/contents/${encodePath(p)}?ref=${encodeURIComponent(ref)}`;
      const git = `${apiRepoUrl(ctx.repo)}/git/${kind === 'blob' ? 'blobs' : 'trees'}/${sha}`;
      const html = `https://github.com/${full}/${kind}/${encodeURIComponent(ref)}/${encodePath(p)}`;
      return { url: self, git_url: git, html_url: html, _links: { self, git, html } };
    };
    if (obj.type === 'tree') {
      const entries = await listTree(ctx.repo.gitDir, obj.sha);
      return {
        status: 200,
        json: entries.map((e) => {
          const p = filePath === '' ? e.name : `${filePath}/${e.name}`;
          const type = e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'submodule' : e.mode === '120000' ? 'symlink' : 'file';
          return {
            type,
            size: e.size,
            name: e.name,
            path: p,
            sha: e.sha,
            ...links(p, e.sha, e.type === 'tree' ? 'tree' : 'blob'),
            download_url: type === 'file' ? `https://raw.githubusercontent.com/${full}/${ref}/${encodePath(p)}` : null,
          };
        }),
      };
    }
    if (obj.type !== 'blob') return notFound(ctx, `path names a ${obj.type}`);
    if (/application\/vnd\.github(\.v3)?\.raw/.test(ctx.accept)) {
      return { status: 200, raw: obj.content, contentType: 'text/plain; charset=utf-8' };
    }
    if (obj.size > limits.maxContentBytes) {
      return {
        status: 403,
        json: errorJson(
          'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
          ctx.op.docUrl,
          403,
          { errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }] },
        ),
        note: 'blob over the contents size limit',
      };
    }
    const slash = filePath.lastIndexOf('/');
    const parent = slash < 0 ? '' : filePath.slice(0, slash);
    const name = filePath.slice(slash + 1);
    const [parentTree] = await readObjects(ctx.repo.gitDir, [`${commit}:${parent}`]);
    const entry = parentTree?.type === 'tree' ? (await listTree(ctx.repo.gitDir, parentTree.sha)).find((e) => e.name === name) : undefined;
    if (entry?.mode === '120000') {
      return { status: 200, json: { type: 'symlink', target: obj.content.toString('utf8'), size: obj.size, name, path: filePath, sha: obj.sha, ...links(filePath, obj.sha, 'blob'), download_url: null } };
    }
    return {
      status: 200,
      json: completeAs('content-file', {
        type: 'file',
        encoding: 'base64',
        size: obj.size,
        name,
        path: filePath,
        content: base64Lines(obj.content),
        sha: obj.sha,
        ...links(filePath, obj.sha, 'blob'),
        download_url: `https://raw.githubusercontent.com/${full}/${ref}/${encodePath(filePath)}`,
      }),
    };
  }

  function submittedComments(p: PullRecord): RecordedReviewComment[] {
    const pending = new Set(state.reviews.filter((r) => r.state === 'PENDING').map((r) => r.id));
    return state.reviewComments.filter((c) => c.pullNumber === p.handle.number && key(c.owner, c.repo) === key(p.handle.owner, p.handle.repo) && !pending.has(c.reviewId));
  }

  async function listReviewComments(ctx: Context): Promise<Reply> {
    const p = findPull(ctx);
    if (!p) return notFound(ctx, 'no such pull request');
    let items = submittedComments(p);
    const since = str(ctx.query, 'since');
    if (since !== undefined) items = items.filter((c) => c.createdAt >= since);
    // GitHub ignores `direction` without `sort`; ids grow with creation time.
    if (str(ctx.query, 'sort') !== undefined && str(ctx.query, 'direction') === 'desc') items = [...items].reverse();
    const { page, headers } = paginate(items, ctx);
    return { status: 200, json: page.map(commentJson), headers };
  }

  async function listReviews(ctx: Context): Promise<Reply> {
    const p = findPull(ctx);
    if (!p) return notFound(ctx, 'no such pull request');
    // Pending reviews are visible to their author only.
    const items = state.reviews.filter((r) => r.pullNumber === p.handle.number && key(r.owner, r.repo) === key(p.handle.owner, p.handle.repo) && (r.state !== 'PENDING' || r.user === actor.login));
    const { page, headers } = paginate(items, ctx);
    return { status: 200, json: page.map(reviewJson), headers };
  }

  /** GitHub dismisses approvals and change requests only, once, with a message. */
  async function dismissReview(ctx: Context): Promise<Reply> {
    const p = findPull(ctx);
    if (!p) return notFound(ctx, 'no such pull request');
    const id = int(ctx.params, 'review_id');
    const review = state.reviews.find((r) => r.id === id && r.pullNumber === p.handle.number && key(r.owner, r.repo) === key(p.handle.owner, p.handle.repo));
    if (!review) return notFound(ctx, 'no such review');
    const message = str(ctx.body, 'message') ?? '';
    if (message === '') return unprocessable(ctx, ["Message can't be blank"], 'dismissal without a message');
    if (review.state === 'DISMISSED') return unprocessable(ctx, ['Can not dismiss a dismissed pull request review'], 'already dismissed');
    if (review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED') return unprocessable(ctx, ['Can not dismiss a commented pull request review'], `dismissing a ${review.state} review`);
    review.state = 'DISMISSED';
    review.dismissalMessage = message;
    return { status: 200, json: reviewJson(review) };
  }

  function newThread(p: PullRecord, anchor: AnchoredComment): RecordedThread {
    ids.thread += 1;
    const thread: RecordedThread = {
      id: nodeId('PRRT', ids.thread),
      owner: p.handle.owner,
      repo: p.handle.repo,
      pullNumber: p.handle.number,
      path: anchor.path,
      line: anchor.line,
      startLine: anchor.startLine,
      side: anchor.side,
      startSide: anchor.startSide,
      isResolved: false,
      resolvedBy: null,
      commentIds: [],
    };
    return thread;
  }

  async function createReview(ctx: Context): Promise<Reply> {
    const p = findPull(ctx);
    if (!p) return notFound(ctx, 'no such pull request');
    const event = str(ctx.body, 'event');
    const body = str(ctx.body, 'body') ?? '';
    const commentsIn = (list(ctx.body, 'comments') ?? []).filter(isObject);
    const commitId = str(ctx.body, 'commit_id') ?? p.handle.headSha;
    if (event === 'APPROVE' && !(options.allowApprove ?? false) && actor.login === GITHUB_ACTIONS_BOT.login) {
      return unprocessable(ctx, [REVIEW_TEXT.cannotApprove], 'APPROVE by GitHub Actions');
    }
    const ownPending = state.reviews.some((r) => r.state === 'PENDING' && r.user === actor.login && r.pullNumber === p.handle.number && key(r.owner, r.repo) === key(p.handle.owner, p.handle.repo));
    if (ownPending) return unprocessable(ctx, [REVIEW_TEXT.onePending], 'a pending review exists');
    if (codePointLength(body) > BODY_LIMIT) return unprocessable(ctx, [REVIEW_TEXT.bodyTooLong], 'review body too long');
    if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && body === '' && commentsIn.length === 0) {
      return unprocessable(ctx, [REVIEW_TEXT.bodyBlank], `${event} without body or comments`);
    }
    if (commentsIn.length > limits.maxReviewComments) {
      return unprocessable(ctx, [REVIEW_TEXT.tooMany], `${commentsIn.length} comments > ${limits.maxReviewComments}`);
    }
    if (commitId !== p.handle.headSha) {
      const known = /^[0-9a-f]{40}$/.test(commitId) ? await resolveCommit(ctx.repo.gitDir, commitId) : undefined;
      if (!known) return unprocessable(ctx, [`No commit found for SHA: ${commitId}`], 'unknown commit_id');
      return unprocessable(ctx, [`emulator policy: commit_id ${commitId} is not the head of the pull request (${p.handle.headSha}); the emulator models single-commit pull requests`], 'commit_id not the head');
    }
    const anchored: AnchoredComment[] = [];
    for (const [i, c] of commentsIn.entries()) {
      const result = checkComment(
        { path: str(c, 'path') ?? '', body: str(c, 'body') ?? '', line: int(c, 'line'), side: str(c, 'side'), startLine: int(c, 'start_line'), startSide: str(c, 'start_side'), position: int(c, 'position') },
        p.ruleFiles,
        wording,
      );
      // One bad comment fails the whole review and nothing is recorded.
      if (!result.ok) return unprocessable(ctx, [toSentence(result.messages)], `comments[${i}] rejected`);
      anchored.push(result.comment);
    }
    const reviewState: ReviewState = event === 'APPROVE' ? 'APPROVED' : event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : event === 'COMMENT' ? 'COMMENTED' : 'PENDING';
    ids.review += 1;
    const reviewId = ids.review;
    const createdAt = nowIso();
    const comments: RecordedReviewComment[] = anchored.map((a) => {
      ids.comment += 1;
      const thread = newThread(p, a);
      thread.commentIds.push(ids.comment);
      state.threads.push(thread);
      return {
        id: ids.comment,
        nodeId: nodeId('PRRC', ids.comment),
        reviewId,
        owner: p.handle.owner,
        repo: p.handle.repo,
        pullNumber: p.handle.number,
        path: a.path,
        line: a.line,
        startLine: a.startLine,
        side: a.side,
        startSide: a.startSide,
        body: a.body,
        commitId,
        inReplyToId: null,
        threadId: thread.id,
        diffHunk: a.diffHunk,
        position: a.position,
        user: actor.login,
        createdAt,
      };
    });
    const review: RecordedReview = {
      id: reviewId,
      nodeId: nodeId('PRR', reviewId),
      owner: p.handle.owner,
      repo: p.handle.repo,
      pullNumber: p.handle.number,
      state: reviewState,
      body,
      commitId,
      user: actor.login,
      submittedAt: reviewState === 'PENDING' ? null : createdAt,
      comments,
    };
    state.reviews.push(review);
    state.reviewComments.push(...comments);
    return { status: 200, json: reviewJson(review) };
  }

  async function createReply(ctx: Context): Promise<Reply> {
    const p = findPull(ctx);
    if (!p) return notFound(ctx, 'no such pull request');
    const commentId = int(ctx.params, 'comment_id');
    const target = submittedComments(p).find((c) => c.id === commentId);
    if (!target) return notFound(ctx, 'no such review comment on this pull request');
    const body = str(ctx.body, 'body') ?? '';
    if (body === '') return unprocessable(ctx, [REVIEW_TEXT.bodyBlank], 'blank reply');
    if (codePointLength(body) > BODY_LIMIT) return unprocessable(ctx, [REVIEW_TEXT.bodyTooLong], 'reply too long');
    const thread = state.threads.find((t) => t.id === target.threadId);
    if (!thread) throw new Error(`comment ${target.id} has no thread`);
    // Replies join the thread of the comment they answer (GitHub threads are flat).
    const rootId = thread.commentIds[0] ?? target.id;
    const root = state.reviewComments.find((c) => c.id === rootId) ?? target;
    ids.review += 1;
    ids.comment += 1;
    const createdAt = nowIso();
    const reply: RecordedReviewComment = { ...root, id: ids.comment, nodeId: nodeId('PRRC', ids.comment), reviewId: ids.review, body, inReplyToId: root.id, user: actor.login, createdAt };
    // Each reply is posted as a review of its own, as GitHub does.
    state.reviews.push({ id: ids.review, nodeId: nodeId('PRR', ids.review), owner: p.handle.owner, repo: p.handle.repo, pullNumber: p.handle.number, state: 'COMMENTED', body: '', commitId: root.commitId, user: actor.login, submittedAt: createdAt, comments: [reply] });
    state.reviewComments.push(reply);
    state.replies.push(reply);
    thread.commentIds.push(reply.id);
    return { status: 201, json: commentJson(reply), headers: { location: `${baseUrl}/repos/${p.handle.owner}/${p.handle.repo}/pulls/comments/${reply.id}` } };
  }

  function readAnnotations(output: JsonObject | undefined): RecordedAnnotation[] {
    return (output ? (list(output, 'annotations') ?? []) : []).filter(isObject).map((a) => {
      const level = str(a, 'annotation_level');
      return {
        path: str(a, 'path') ?? '',
        start_line: int(a, 'start_line') ?? 0,
        end_line: int(a, 'end_line') ?? 0,
        ...(int(a, 'start_column') === undefined ? {} : { start_column: int(a, 'start_column') }),
        ...(int(a, 'end_column') === undefined ? {} : { end_column: int(a, 'end_column') }),
        annotation_level: level === 'warning' || level === 'failure' ? level : 'notice',
        message: str(a, 'message') ?? '',
        ...(str(a, 'title') === undefined ? {} : { title: str(a, 'title') }),
        ...(str(a, 'raw_details') === undefined ? {} : { raw_details: str(a, 'raw_details') }),
      };
    });
  }

  /** The checks GitHub applies to a check-run body beyond the schema. */
  function checkRunProblems(ctx: Context, output: JsonObject | undefined, annotations: RecordedAnnotation[]): Reply | undefined {
    const bytes = output ? outputByteViolations({ summary: str(output, 'summary'), text: str(output, 'text') }) : [];
    if (bytes.length > 0) return validationFailed(ctx, bytes.map((b) => ({ resource: 'CheckRun', code: 'custom', field: b.field, message: b.message })), 'output over 65535 bytes');
    if (!annotations.every((a) => annotationIsValid({ ...a, start_column: a.start_column, end_column: a.end_column, title: a.title, raw_details: a.raw_details }))) {
      return validationFailed(ctx, [{ resource: 'CheckRun', code: 'invalid', field: 'annotations' }], 'invalid annotation lines or columns');
    }
    return undefined;
  }

  async function createCheckRun(ctx: Context): Promise<Reply> {
    const headSha = str(ctx.body, 'head_sha') ?? '';
    const commit = /^[0-9a-f]{40}$/.test(headSha) ? await resolveCommit(ctx.repo.gitDir, headSha) : undefined;
    if (commit !== headSha) return { status: 422, json: errorJson(`No commit found for SHA: ${headSha}`, ctx.op.docUrl, 422), note: 'unknown head_sha' };
    const output = isObject(ctx.body['output']) ? ctx.body['output'] : undefined;
    const annotations = readAnnotations(output);
    const problem = checkRunProblems(ctx, output, annotations);
    if (problem) return problem;
    const conclusion = str(ctx.body, 'conclusion') ?? null;
    const statusIn = str(ctx.body, 'status');
    const status = conclusion !== null ? 'completed' : statusIn === 'in_progress' || statusIn === 'completed' ? statusIn : 'queued';
    const now = nowIso();
    ids.checkRun += 1;
    const run: RecordedCheckRun = {
      id: ids.checkRun,
      nodeId: nodeId('CR', ids.checkRun),
      owner: ctx.repo.owner,
      repo: ctx.repo.name,
      name: str(ctx.body, 'name') ?? '',
      headSha,
      status,
      conclusion,
      startedAt: str(ctx.body, 'started_at') ?? now,
      completedAt: status === 'completed' ? (str(ctx.body, 'completed_at') ?? now) : null,
      detailsUrl: str(ctx.body, 'details_url') ?? null,
      externalId: str(ctx.body, 'external_id') ?? null,
      output: { title: output ? (str(output, 'title') ?? null) : null, summary: output ? (str(output, 'summary') ?? null) : null, text: output ? (str(output, 'text') ?? null) : null },
      annotations,
      updates: 0,
    };
    state.checkRuns.push(run);
    return { status: 201, json: checkRunJson(run) };
  }

  async function updateCheckRun(ctx: Context): Promise<Reply> {
    const id = int(ctx.params, 'check_run_id');
    const run = state.checkRuns.find((r) => r.id === id && key(r.owner, r.repo) === key(ctx.repo.owner, ctx.repo.name));
    if (!run) return notFound(ctx, 'no such check run');
    const output = isObject(ctx.body['output']) ? ctx.body['output'] : undefined;
    const annotations = readAnnotations(output);
    const problem = checkRunProblems(ctx, output, annotations);
    if (problem) return problem;
    const now = nowIso();
    const name = str(ctx.body, 'name');
    if (name !== undefined) run.name = name;
    const detailsUrl = str(ctx.body, 'details_url');
    if (detailsUrl !== undefined) run.detailsUrl = detailsUrl;
    const externalId = str(ctx.body, 'external_id');
    if (externalId !== undefined) run.externalId = externalId;
    const startedAt = str(ctx.body, 'started_at');
    if (startedAt !== undefined) run.startedAt = startedAt;
    const status = str(ctx.body, 'status');
    if (status === 'queued' || status === 'in_progress' || status === 'completed' || status === 'waiting' || status === 'requested' || status === 'pending') run.status = status;
    const conclusion = str(ctx.body, 'conclusion');
    if (conclusion !== undefined) {
      run.conclusion = conclusion;
      run.status = 'completed';
    }
    if (run.status === 'completed' && run.completedAt === null) run.completedAt = str(ctx.body, 'completed_at') ?? now;
    if (output) {
      // title, summary and text replace the previous ones; annotations append.
      run.output = { title: str(output, 'title') ?? run.output.title, summary: str(output, 'summary') ?? run.output.summary, text: str(output, 'text') ?? run.output.text };
      run.annotations.push(...annotations);
    }
    run.updates += 1;
    return { status: 200, json: checkRunJson(run) };
  }

  /** `GET …/commits/{ref}/check-runs`: the runs on that commit, newest first, filtered by `check_name` (filter=latest keeps one per name). */
  async function listCheckRunsForRef(ctx: Context): Promise<Reply> {
    const ref = str(ctx.params, 'ref') ?? '';
    const commit = await resolveRef(ctx.repo, ref);
    if (!commit) return { status: 422, json: errorJson(`No commit found for SHA: ${ref}`, ctx.op.docUrl, 422), note: 'unknown ref' };
    const name = str(ctx.query, 'check_name');
    let runs = state.checkRuns.filter((r) => key(r.owner, r.repo) === key(ctx.repo.owner, ctx.repo.name) && r.headSha === commit && (name === undefined || r.name === name)).reverse();
    if ((str(ctx.query, 'filter') ?? 'latest') === 'latest') runs = runs.filter((r, i) => runs.findIndex((o) => o.name === r.name) === i);
    const { page, headers } = paginate(runs, ctx);
    return { status: 200, json: { total_count: runs.length, check_runs: page.map(checkRunJson) }, headers };
  }

  /** `GET …/git/trees/{sha}`: a tree (or a commit's tree), every entry with `recursive`; `truncated` past the entry limit. */
  async function getTree(ctx: Context): Promise<Reply> {
    const sha = str(ctx.params, 'tree_sha') ?? '';
    const commit = await resolveRef(ctx.repo, sha);
    const [obj] = await readObjects(ctx.repo.gitDir, [commit ? `${commit}^{tree}` : sha]);
    if (!obj || obj.type !== 'tree') return notFound(ctx, 'no such tree');
    const recursive = ctx.rawQuery.get('recursive') !== null;
    const all = recursive ? await listTreeRecursive(ctx.repo.gitDir, obj.sha) : (await listTree(ctx.repo.gitDir, obj.sha)).map((e) => ({ ...e, path: e.name }));
    const listed = all.slice(0, limits.maxTreeEntries);
    const repoUrl = apiRepoUrl(ctx.repo);
    return {
      status: 200,
      json: {
        sha: obj.sha,
        url: `${repoUrl}/git/trees/${obj.sha}`,
        truncated: listed.length < all.length,
        tree: listed.map((e) => ({
          path: e.path,
          mode: e.mode,
          type: e.type,
          sha: e.sha,
          ...(e.type === 'blob' ? { size: e.size } : {}),
          url: `${repoUrl}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
        })),
      },
    };
  }

  /** `GET …/git/blobs/{sha}`: a blob's bytes, base64 in lines of 60 characters as GitHub sends them. */
  async function getBlob(ctx: Context): Promise<Reply> {
    const sha = str(ctx.params, 'file_sha') ?? '';
    const [obj] = /^[0-9a-f]{40}$/.test(sha) ? await readObjects(ctx.repo.gitDir, [sha]) : [];
    if (!obj || obj.type !== 'blob') return notFound(ctx, 'no such blob');
    const content = (obj.content.toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('');
    return {
      status: 200,
      json: { sha: obj.sha, node_id: `B_${Buffer.from(obj.sha).toString('base64url').slice(0, 20)}`, size: obj.size, url: `${apiRepoUrl(ctx.repo)}/git/blobs/${obj.sha}`, content, encoding: 'base64' },
    };
  }

  /** `GET …/compare/{base}...{head}`: the merge base and the commits, from real git (files are not listed). */
  async function compareCommits(ctx: Context): Promise<Reply> {
    const basehead = str(ctx.params, 'basehead') ?? '';
    const match = /^([^.]+)\.\.\.([^.]+)$/.exec(basehead);
    if (!match) return notFound(ctx, 'compare needs BASE...HEAD');
    const [base, head] = [await resolveCommit(ctx.repo.gitDir, match[1]!), await resolveCommit(ctx.repo.gitDir, match[2]!)];
    if (!base || !head) return notFound(ctx, 'unknown commit');
    const mergeBase = (await gitText(['--git-dir', ctx.repo.gitDir, 'merge-base', base, head])).trim();
    const count = async (range: string) => Number((await gitText(['--git-dir', ctx.repo.gitDir, 'rev-list', '--count', range])).trim());
    const [aheadBy, behindBy] = [await count(`${mergeBase}..${head}`), await count(`${mergeBase}..${base}`)];
    const repoUrl = `${baseUrl}/repos/${ctx.repo.owner}/${ctx.repo.name}`;
    const htmlUrl = `https://github.com/${ctx.repo.owner}/${ctx.repo.name}`;
    const commitJson = async (sha: string): Promise<JsonObject> => {
      const raw = await gitText(['--git-dir', ctx.repo.gitDir, 'show', '-s', '--format=%T%n%P%n%an%n%ae%n%aI%n%cn%n%ce%n%cI%n%B', sha]);
      const [tree = '', parents = '', an = '', ae = '', ad = '', cn = '', ce = '', cd = '', ...message] = raw.split('\n');
      return {
        url: `${repoUrl}/commits/${sha}`,
        sha,
        node_id: `C_${sha.slice(0, 20)}`,
        html_url: `${htmlUrl}/commit/${sha}`,
        comments_url: `${repoUrl}/commits/${sha}/comments`,
        commit: {
          url: `${repoUrl}/git/commits/${sha}`,
          author: { name: an, email: ae, date: new Date(ad).toISOString() },
          committer: { name: cn, email: ce, date: new Date(cd).toISOString() },
          message: message.join('\n').trim(),
          comment_count: 0,
          tree: { sha: tree, url: `${repoUrl}/git/trees/${tree}` },
        },
        author: null,
        committer: null,
        parents: parents.split(' ').filter((p) => p !== '').map((p) => ({ sha: p, url: `${repoUrl}/commits/${p}`, html_url: `${htmlUrl}/commit/${p}` })),
      };
    };
    const commits = (await gitText(['--git-dir', ctx.repo.gitDir, 'rev-list', '--reverse', `${mergeBase}..${head}`])).split('\n').filter((c) => c !== '');
    return {
      status: 200,
      json: {
        url: `${repoUrl}/compare/${basehead}`,
        html_url: `${htmlUrl}/compare/${basehead}`,
        permalink_url: `${htmlUrl}/compare/${ctx.repo.owner}:${base}...${ctx.repo.owner}:${head}`,
        diff_url: `${htmlUrl}/compare/${basehead}.diff`,
        patch_url: `${htmlUrl}/compare/${basehead}.patch`,
        base_commit: await commitJson(base),
        merge_base_commit: await commitJson(mergeBase),
        status: aheadBy > 0 && behindBy > 0 ? 'diverged' : aheadBy > 0 ? 'ahead' : behindBy > 0 ? 'behind' : 'identical',
        ahead_by: aheadBy,
        behind_by: behindBy,
        total_commits: commits.length,
        commits: await Promise.all(commits.map(commitJson)),
      },
    };
  }

  const routes: readonly Route[] = [
    { method: 'GET', template: '/repos/{owner}/{repo}/compare/{basehead}', scope: 'contents', level: 'read', handle: compareCommits },
    { method: 'GET', template: '/repos/{owner}/{repo}/git/trees/{tree_sha}', scope: 'contents', level: 'read', handle: getTree },
    { method: 'GET', template: '/repos/{owner}/{repo}/git/blobs/{file_sha}', scope: 'contents', level: 'read', handle: getBlob },
    { method: 'GET', template: '/repos/{owner}/{repo}/commits/{ref}/check-runs', scope: 'checks', level: 'read', handle: listCheckRunsForRef },
    { method: 'GET', template: '/repos/{owner}/{repo}/pulls/{pull_number}', scope: 'pull_requests', level: 'read', handle: getPull },
    { method: 'GET', template: '/repos/{owner}/{repo}/pulls/{pull_number}/files', scope: 'pull_requests', level: 'read', handle: listFiles },
    { method: 'GET', template: '/repos/{owner}/{repo}/contents/{path}', scope: 'contents', level: 'read', handle: getContent },
    { method: 'GET', template: '/repos/{owner}/{repo}/pulls/{pull_number}/comments', scope: 'pull_requests', level: 'read', handle: listReviewComments },
    { method: 'GET', template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', scope: 'pull_requests', level: 'read', handle: listReviews },
    { method: 'POST', template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', scope: 'pull_requests', level: 'write', handle: createReview },
    { method: 'PUT', template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals', scope: 'pull_requests', level: 'write', handle: dismissReview },
    { method: 'POST', template: '/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies', scope: 'pull_requests', level: 'write', handle: createReply },
    { method: 'POST', template: '/repos/{owner}/{repo}/check-runs', scope: 'checks', level: 'write', handle: createCheckRun },
    { method: 'PATCH', template: '/repos/{owner}/{repo}/check-runs/{check_run_id}', scope: 'checks', level: 'write', handle: updateCheckRun },
  ];

  /** Template match; `{path}` (always last) takes the rest of the URL, slashes included. */
  function matchRoute(method: string, pathname: string): { route: Route; raw: Record<string, string> } | undefined {
    const segments = pathname.split('/').slice(1);
    for (const route of routes) {
      if (route.method !== method) continue;
      const raw = matchSegments(route.template.split('/').slice(1), segments);
      if (raw) return { route, raw };
    }
    return undefined;
  }

  // -------------------------------------------------------------------------
  // GraphQL host

  const graphqlHost: GraphqlHost = {
    blobTextLimit: limits.blobTextLimit,
    get viewerLogin() {
      return actor.type === 'Bot' ? actor.login.replace(/\[bot\]$/, '') : actor.login;
    },
    repositoryExists: (owner, name) => repos.has(key(owner, name)),
    async readObjects(owner, name, expressions) {
      const repo = repos.get(key(owner, name));
      if (!repo) return expressions.map(() => undefined);
      const objects = await readObjects(repo.gitDir, expressions);
      return Promise.all(
        objects.map(async (o): Promise<BlobRead | undefined> => {
          if (o === undefined) return undefined;
          if (o.type === 'blob') return { kind: 'blob', oid: o.sha, content: o.content };
          if (o.type !== 'tree') return { kind: o.type, oid: o.sha };
          const entries = await listTree(repo.gitDir, o.sha);
          return { kind: 'tree', oid: o.sha, entries: entries.map((e) => ({ name: e.name, mode: e.mode, type: e.type, oid: e.sha })) };
        }),
      );
    },
    reviewThreads(owner, name, number) {
      const p = pulls.get(pullKey(owner, name, number));
      if (!p) return undefined;
      const visible = new Set(submittedComments(p).map((c) => c.id));
      return state.threads
        .filter((t) => t.pullNumber === number && key(t.owner, t.repo) === key(owner, name) && t.commentIds.some((id) => visible.has(id)))
        .map(threadView);
    },
    resolveThread(threadId) {
      const thread = state.threads.find((t) => t.id === threadId);
      if (!thread) return undefined;
      thread.isResolved = true;
      thread.resolvedBy = actor.login;
      return threadView(thread);
    },
    can: (scope, level) => allowed(scope, level),
  };

  function threadView(t: RecordedThread): ThreadView {
    return {
      id: t.id,
      isResolved: t.isResolved,
      path: t.path,
      line: t.line,
      startLine: t.startLine,
      diffSide: t.side,
      startDiffSide: t.startSide,
      comments: t.commentIds.flatMap((id) => {
        const c = state.reviewComments.find((x) => x.id === id);
        if (!c) return [];
        // GraphQL names Bots without the "[bot]" suffix the REST API shows.
        const login = typeOf(c.user) === 'Bot' ? c.user.replace(/\[bot\]$/, '') : c.user;
        return [{ id: c.nodeId, databaseId: c.id, body: c.body, path: c.path, createdAt: c.createdAt, authorLogin: login }];
      }),
    };
  }

  // -------------------------------------------------------------------------
  // The request pipeline

  function rateHeaders(resource: 'core' | 'graphql', exhausted: boolean, resetAt: number): Record<string, string> {
    const used = rate[resource];
    return {
      'x-ratelimit-limit': String(limits.rateLimit),
      'x-ratelimit-remaining': exhausted ? '0' : String(Math.max(limits.rateLimit - used, 0)),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-used': String(exhausted ? limits.rateLimit : used),
      'x-ratelimit-resource': resource,
    };
  }

  function takeServerError(route: string | null, processed = false): { status: number } | undefined {
    const fault = faults.serverErrors.find((f) => f.remaining > 0 && f.processed === processed && (f.route === null || f.route === route));
    if (!fault) return undefined;
    fault.remaining -= 1;
    return { status: fault.status };
  }

  async function handleRequest(req: IncomingMessage, bodyText: string): Promise<{ reply: Reply; record: Omit<RecordedRequest, 'status' | 'note' | 'receivedAt'> }> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    let parsedBody: unknown;
    let bodyParseError = false;
    if (bodyText !== '') {
      try {
        parsedBody = JSON.parse(bodyText);
      } catch {
        bodyParseError = true;
        parsedBody = bodyText;
      }
    }
    const isGraphql = method === 'POST' && pathname === '/graphql';
    const match = isGraphql ? undefined : matchRoute(method, pathname);
    const routeName = isGraphql ? 'POST /graphql' : match ? `${match.route.method} ${match.route.template}` : null;
    const op = match ? operation(match.route.method, match.route.template) : undefined;
    const record: Omit<RecordedRequest, 'status' | 'note' | 'receivedAt'> = { method, path: pathname, route: routeName, operationId: isGraphql ? 'graphql' : (op?.operationId ?? null), query, body: parsedBody, graphql: null };
    const docUrl = isGraphql ? 'https://docs.github.com/graphql' : (op?.docUrl ?? GENERIC_DOCS);

    if (!isGraphql && (!match || !op)) {
      return { reply: { status: 404, json: errorJson('Not Found', GENERIC_DOCS, 404), note: 'no emulated route' }, record };
    }

    // Authentication
    const auth = req.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(auth)?.[1];
    if (!token) {
      const message = isGraphql ? 'This endpoint requires you to be authenticated.' : 'Requires authentication';
      return { reply: { status: 401, json: errorJson(message, docUrl, 401), note: 'no token' }, record };
    }
    if (options.token !== undefined && token !== options.token) {
      return { reply: { status: 401, json: errorJson('Bad credentials', docUrl, 401), note: 'wrong token' }, record };
    }

    // Faults, then the rate-limit budget
    const serverError = takeServerError(routeName);
    if (serverError) {
      const message = serverError.status === 503 ? 'Service Unavailable' : 'Server Error';
      return { reply: { status: serverError.status, json: { message }, note: 'fault: server error' }, record };
    }
    const resource = isGraphql ? 'graphql' : 'core';
    if (faults.secondary && faults.secondary.remaining > 0 && (faults.secondary.route === null || faults.secondary.route === routeName)) {
      faults.secondary.remaining -= 1;
      const s = faults.secondary;
      return {
        reply: {
          status: s.status,
          json: errorJson('You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.', `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`, s.status),
          headers: { 'retry-after': String(s.retryAfter), ...rateHeaders(resource, false, rate.resetAt) },
          note: 'fault: secondary rate limit',
        },
        record,
      };
    }
    const primaryFault = faults.primary && faults.primary.remaining > 0 ? faults.primary : null;
    if (primaryFault || rate[resource] >= limits.rateLimit) {
      if (primaryFault) primaryFault.remaining -= 1;
      const resetAt = primaryFault ? primaryFault.resetAt : rate.resetAt;
      const message = `API rate limit exceeded for installation ID 1.`;
      const headers = rateHeaders(resource, true, resetAt);
      if (isGraphql) {
        // GraphQL answers 200 with a RATE_LIMITED error and the same headers.
        return { reply: { status: 200, json: { errors: [{ type: 'RATE_LIMITED', message }] }, headers, note: 'fault: primary rate limit' }, record };
      }
      return { reply: { status: 403, json: errorJson(message, RATE_LIMIT_DOCS, 403), headers, note: 'fault: primary rate limit' }, record };
    }
    rate[resource] += 1;
    const limitHeaders = rateHeaders(resource, false, rate.resetAt);
    const withLimits = (reply: Reply): Reply => ({ ...reply, headers: { ...limitHeaders, ...reply.headers } });

    if (isGraphql) {
      if (bodyParseError) return { reply: withLimits({ status: 400, json: { message: 'Problems parsing JSON', documentation_url: docUrl }, note: 'invalid JSON' }), record };
      const result = await executeGraphql(parsedBody, graphqlHost);
      return { reply: withLimits({ status: 200, json: result.body }), record: { ...record, graphql: result.kind } };
    }
    if (!match || !op) throw new Error('unreachable: REST request without a route');

    // Path parameters: GitHub's router answers 404 when they do not fit.
    const params: JsonObject = {};
    for (const p of op.pathParams) params[p.name] = coerceParam(match.raw[p.name] ?? '', p.schema);
    if (!op.validatePath(params)) {
      return { reply: withLimits({ status: 404, json: errorJson('Not Found', docUrl, 404), note: `path parameters do not match the operation: ${describeAjvErrors(op.validatePath.errors)}` }), record: { ...record, route: null } };
    }
    const repo = repos.get(key(String(params['owner']), String(params['repo'])));
    if (!repo) return { reply: withLimits({ status: 404, json: errorJson('Not Found', docUrl, 404), note: 'unknown repository' }), record };

    // Permissions (checked before the body, as GitHub does)
    if (!allowed(match.route.scope, match.route.level)) {
      return {
        reply: withLimits({
          status: 403,
          json: errorJson('Resource not accessible by integration', docUrl, 403),
          headers: { 'x-accepted-github-permissions': `${match.route.scope}=${match.route.level}` },
          note: `token lacks ${match.route.scope}: ${match.route.level}`,
        }),
        record,
      };
    }

    if (bodyParseError) return { reply: withLimits({ status: 400, json: errorJson('Problems parsing JSON', docUrl, 400), note: 'invalid JSON' }), record };

    // Query parameters (stricter than GitHub, which ignores values it cannot read)
    const queryValues: JsonObject = {};
    for (const p of op.queryParams) {
      const v = url.searchParams.get(p.name);
      if (v !== null) queryValues[p.name] = coerceParam(v, p.schema);
    }
    if (!op.validateQuery(queryValues)) {
      const messages = schemaViolationMessages(op.validateQuery.errors ?? []);
      return { reply: withLimits({ status: 422, json: errorJson(invalidRequestMessage(messages), docUrl, 422), note: 'query parameters violate the OpenAPI schema' }), record };
    }

    // The JSON body against the operation's request schema
    let body: JsonObject = {};
    if (op.validateBody) {
      const candidate = parsedBody === undefined && !op.bodyRequired ? {} : parsedBody;
      if (!op.validateBody(candidate)) {
        const messages = schemaViolationMessages(op.validateBody.errors ?? []);
        return { reply: withLimits({ status: 422, json: errorJson(invalidRequestMessage(messages), docUrl, 422), note: 'body violates the OpenAPI schema' }), record };
      }
      if (isObject(candidate)) body = candidate;
    }

    const reply = await match.route.handle({ op, params, query: queryValues, rawQuery: url.searchParams, body, repo, pathname, accept: req.headers.accept ?? '' });
    const lostAnswer = reply.status < 300 ? takeServerError(routeName, true) : undefined;
    if (lostAnswer) return { reply: { status: lostAnswer.status, json: { message: 'Server Error' }, note: 'fault: server error after the request was carried out' }, record };
    if (validateResponses && reply.json !== undefined && reply.status >= 200 && reply.status < 300) {
      const validator = op.responseValidator(reply.status);
      if (validator && !validator(reply.json)) {
        const problem = `${routeName ?? pathname} ${reply.status}: response does not match the OpenAPI schema: ${describeAjvErrors(validator.errors)}`;
        problems.push(problem);
        return { reply: withLimits({ status: 500, json: { message: `emulator bug: ${problem}` }, note: 'emulator bug' }), record };
      }
    }
    return { reply: withLimits(reply), record };
  }

  function readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }

  function send(res: ServerResponse, reply: Reply): void {
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `EMU:${requests.length + 1}`,
      ...reply.headers,
    };
    if (reply.raw !== undefined) {
      res.writeHead(reply.status, { ...headers, 'content-type': reply.contentType ?? 'text/plain; charset=utf-8' });
      res.end(reply.raw);
      return;
    }
    if (reply.json === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply.json));
  }

  const server = createServer((req, res) => {
    const receivedAt = Date.now();
    readBody(req)
      .then((text) => handleRequest(req, text))
      .then(({ reply, record }) => {
        requests.push({ ...record, status: reply.status, note: reply.note ?? null, receivedAt });
        send(res, reply);
      })
      .catch((e: unknown) => {
        const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
        problems.push(`${req.method ?? ''} ${req.url ?? ''}: ${message}`);
        requests.push({ method: req.method ?? '', path: req.url ?? '', route: null, operationId: null, query: {}, body: undefined, graphql: null, status: 500, note: 'emulator crash', receivedAt });
        send(res, { status: 500, json: { message: `emulator crash: ${message}` } });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('the emulator is not listening on a TCP port');
  baseUrl = `http://127.0.0.1:${address.port}`;

  const faultControls: FaultControls = {
    readOnly(on = true) {
      faults.readOnly = on;
    },
    rateLimit(o = {}) {
      faults.primary = { remaining: o.requests ?? Number.POSITIVE_INFINITY, resetAt: Math.floor(Date.now() / 1000) + (o.resetInSeconds ?? 60) };
    },
    secondaryRateLimit(o = {}) {
      faults.secondary = { remaining: o.requests ?? Number.POSITIVE_INFINITY, status: o.status ?? 403, retryAfter: o.retryAfter ?? 60, route: o.route ?? null };
    },
    serverErrors(o = {}) {
      faults.serverErrors.push({ remaining: o.requests ?? 1, status: o.status ?? 500, route: o.route ?? null, processed: o.processed ?? false });
    },
    clear() {
      faults.readOnly = false;
      faults.primary = null;
      faults.secondary = null;
      faults.serverErrors = [];
    },
  };

  return {
    url: baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    token: options.token ?? 'ghs_emulator_token',
    state,
    requests,
    faults: faultControls,
    problems,
    addPullRequest,
    pushToPullRequest,
    unexpectedRequests: () => requests.filter((r) => r.route === null),
    calls: (route) => requests.filter((r) => r.route === route),
    setPermissions(p) {
      permissions = { ...permissions, ...p };
    },
    actAs(who = defaultActor) {
      actor = who;
      actors.set(who.login, who);
    },
    reset() {
      actor = defaultActor;
      state.reviews.length = 0;
      state.reviewComments.length = 0;
      state.threads.length = 0;
      state.replies.length = 0;
      state.checkRuns.length = 0;
      requests.length = 0;
      problems.length = 0;
      faultControls.clear();
      rate.core = 0;
      rate.graphql = 0;
    },
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Keep-alive sockets (undici, Octokit) would otherwise hold close() open.
        server.closeAllConnections();
      });
      await rm(root, { recursive: true, force: true });
    },
  };
}
