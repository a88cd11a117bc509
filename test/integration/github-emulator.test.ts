// The local GitHub emulator, driven the way the Action will drive it: with
// @octokit/rest (and plain fetch where Octokit would hide the raw answer).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { REVIEW_TEXT, pullRequestEvent, startEmulator, type Emulator, type PullRequestHandle } from '../helpers/github-emulator/index.js';

const OWNER = 'acme';
const REPO = 'shop';
const REVIEW_DOCS = 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request';
const CHECKS_DOCS = 'https://docs.github.com/rest/checks/runs#create-a-check-run';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

// deploy/app.yaml: the head changes line 7 and lines 22-23, far enough apart
// for git to make two hunks.
const APP_BASE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: prod
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: web
          image: shop:1.0
          ports:
            - containerPort: 8080
          securityContext:
            runAsNonRoot: true
        - name: sidecar
          image: proxy:2.1
          securityContext:
            allowPrivilegeEscalation: false
      volumes:
        - name: cache
          emptyDir: {}
      restartPolicy: Always
`;
const APP_HEAD = APP_BASE.replace('replicas: 2', 'replicas: 3').replace('            runAsNonRoot: true\n', '            privileged: true\n            runAsUser: 0\n');
const OLD_DOC = Array.from({ length: 10 }, (_, i) => `Line ${i + 1} of the operations guide.`).join('\n') + '\n';
const BIG_YAML = Array.from({ length: 400 }, (_, i) => `key${i}: value-${i}`).join('\n') + '\n';
// Over the 1 MB contents limit and the 512,000-byte GraphQL text limit.
const HUGE_TEXT = Array.from({ length: 20_000 }, (_, i) => `${String(i).padStart(6, '0')} ${'x'.repeat(53)}`).join('\n') + '\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

function writeTree(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface HttpFailure {
  readonly status: number;
  readonly message: string;
  readonly data: unknown;
  readonly headers: Readonly<Record<string, unknown>>;
}

/** The HTTP error a request ends with (Octokit's RequestError, read structurally). */
async function failure(request: Promise<unknown>): Promise<HttpFailure> {
  try {
    await request;
  } catch (e) {
    if (e instanceof Error && 'status' in e && typeof e.status === 'number') {
      const response = 'response' in e && typeof e.response === 'object' && e.response !== null ? e.response : {};
      const data = 'data' in response ? response.data : undefined;
      const headers = 'headers' in response && typeof response.headers === 'object' && response.headers !== null ? Object.fromEntries(Object.entries(response.headers)) : {};
      return { status: e.status, message: e.message, data, headers };
    }
    throw e;
  }
  throw new Error('expected the request to fail');
}

interface GraphqlFailureShape {
  readonly errors: readonly { readonly message: string; readonly type?: string }[];
  readonly data: unknown;
}

async function graphqlFailure(request: Promise<unknown>): Promise<GraphqlFailureShape> {
  try {
    await request;
  } catch (e) {
    if (e instanceof Error && 'errors' in e && Array.isArray(e.errors)) {
      const errors = e.errors.map((x: unknown) => ({
        message: typeof x === 'object' && x !== null && 'message' in x ? String(x.message) : '',
        ...(typeof x === 'object' && x !== null && 'type' in x ? { type: String(x.type) } : {}),
      }));
      return { errors, data: 'data' in e ? e.data : undefined };
    }
    throw e;
  }
  throw new Error('expected the GraphQL request to fail');
}

/**
 * A request Octokit's types would refuse (that is the point: the emulator must
 * reject what a buggy caller sends). A plain `string` route selects Octokit's
 * untyped overload.
 */
function untypedRequest(route: string, parameters: Record<string, unknown>): Promise<unknown> {
  return octokit.request(route, parameters);
}

/** What `git diff` itself prints for two files, without its headers: the independent reference. */
function gitPatch(a: string, b: string): string {
  const out = spawnSync('git', ['diff', '--no-index', '--no-color', '-U3', a, b], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  const lines = out.stdout.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('@@'))).join('\n').replace(/\n$/, '');
}

let work: string;
let emulator: Emulator;
let octokit: Octokit;
let pr: PullRequestHandle;
let many: PullRequestHandle;
let forkPr: PullRequestHandle;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'emulator-test-'));
  emulator = await startEmulator({ maxListedFiles: 25, maxPatchBytes: 4096 });
  octokit = new Octokit({ auth: emulator.token, baseUrl: emulator.url, log: quiet });
  const base = writeTree(path.join(work, 'pr1/base'), {
    'deploy/app.yaml': APP_BASE,
    'deploy/remove-me.yaml': 'kind: ConfigMap\n',
    'docs/old-name.md': OLD_DOC,
  });
  const head = writeTree(path.join(work, 'pr1/head'), {
    'deploy/app.yaml': APP_HEAD,
    'deploy/new.yaml': 'kind: Pod\nmetadata:\n  name: new\n',
    'docs/new-name.md': OLD_DOC.replace('Line 10 of', 'Line ten of'),
    'assets/logo.png': PNG,
    'deploy/big.yaml': BIG_YAML,
    'data/huge.txt': HUGE_TEXT,
  });
  pr = await emulator.addPullRequest({ owner: OWNER, repo: REPO, number: 1, baseDir: base, headDir: head, title: 'Harden shop' });
  const manyFiles = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`many/file-${String(i).padStart(2, '0')}.yaml`, `n: ${i}\n`]));
  many = await emulator.addPullRequest({ owner: OWNER, repo: REPO, number: 2, headDir: writeTree(path.join(work, 'pr2/head'), manyFiles) });
  forkPr = await emulator.addPullRequest({
    owner: OWNER,
    repo: REPO,
    number: 3,
    baseDir: base,
    headDir: writeTree(path.join(work, 'pr3/head'), { 'deploy/app.yaml': APP_HEAD, 'deploy/remove-me.yaml': 'kind: ConfigMap\n', 'docs/old-name.md': OLD_DOC }),
    headRef: 'patch-1',
    fork: { owner: 'contributor' },
    author: 'contributor',
  });
});

afterAll(async () => {
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  emulator.reset();
  emulator.setPermissions({ contents: 'read', pull_requests: 'write', checks: 'write' });
});

afterEach(() => {
  // A response that does not match GitHub's schema is an emulator bug.
  expect(emulator.problems).toEqual([]);
});

describe('pull requests from real git', () => {
  it('serves the real commit SHAs and the pull request shape', async () => {
    const { data } = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 });
    expect(data.head.sha).toBe(pr.headSha);
    expect(data.base.sha).toBe(pr.baseSha);
    expect(data.head.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(spawnSync('git', ['--git-dir', pr.gitDir, 'rev-parse', `${pr.headSha}^`], { encoding: 'utf8' }).stdout.trim()).toBe(pr.baseSha);
    expect(data.head.repo?.full_name).toBe('acme/shop');
    expect(data.changed_files).toBe(pr.files.length);
    const fork = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 3 });
    expect(fork.data.head.repo?.full_name).toBe('contributor/shop');
    expect(fork.data.head.repo?.fork).toBe(true);
    expect(fork.data.base.repo.full_name).toBe('acme/shop');
  });

  it('lists files with statuses, renames and patches computed by git diff -M', async () => {
    const { data } = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 1, per_page: 100 });
    const byName = new Map(data.map((f) => [f.filename, f]));
    expect([...byName.keys()].sort()).toEqual(['assets/logo.png', 'data/huge.txt', 'deploy/app.yaml', 'deploy/big.yaml', 'deploy/new.yaml', 'deploy/remove-me.yaml', 'docs/new-name.md']);
    const app = byName.get('deploy/app.yaml');
    expect(app).toMatchObject({ status: 'modified', additions: 3, deletions: 2, changes: 5 });
    expect(app?.patch).toBe(gitPatch(path.join(work, 'pr1/base/deploy/app.yaml'), path.join(work, 'pr1/head/deploy/app.yaml')));
    expect(app?.patch).toMatch(/^@@ -4,7 \+4,7 @@/);
    expect(app?.patch).not.toContain('+++');
    expect(byName.get('docs/new-name.md')).toMatchObject({ status: 'renamed', previous_filename: 'docs/old-name.md', additions: 1, deletions: 1 });
    expect(byName.get('deploy/remove-me.yaml')).toMatchObject({ status: 'removed', additions: 0, deletions: 1 });
    expect(byName.get('deploy/new.yaml')).toMatchObject({ status: 'added', additions: 3, deletions: 0, patch: '@@ -0,0 +1,3 @@\n+kind: Pod\n+metadata:\n+  name: new' });
    // Binary: no patch at all.
    expect(byName.get('assets/logo.png')).toMatchObject({ status: 'added', additions: 0, deletions: 0 });
    expect(byName.get('assets/logo.png')).not.toHaveProperty('patch');
  });

  it('omits the patch of a file whose diff is over the size limit, but still counts its lines', async () => {
    const { data } = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 1 });
    const big = data.find((f) => f.filename === 'deploy/big.yaml');
    expect(big).toMatchObject({ status: 'added', additions: 400, deletions: 0, changes: 400 });
    expect(big).not.toHaveProperty('patch');
  });

  it('paginates files with Link headers and stops at the listing cap', async () => {
    const first = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 2, per_page: 10 });
    expect(first.data).toHaveLength(10);
    expect(first.headers.link).toBe(
      `<${emulator.url}/repos/acme/shop/pulls/2/files?per_page=10&page=2>; rel="next", <${emulator.url}/repos/acme/shop/pulls/2/files?per_page=10&page=3>; rel="last"`,
    );
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: OWNER, repo: REPO, pull_number: 2, per_page: 10 });
    // 30 files changed, 25 listed (the emulator's cap here; GitHub's is 3,000).
    expect(all).toHaveLength(25);
    expect(all.map((f) => f.filename)).toEqual(many.files.slice(0, 25).map((f) => f.filename));
    const { data: pull } = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 2 });
    expect(pull.changed_files).toBe(30);
    expect(emulator.calls('GET /repos/{owner}/{repo}/pulls/{pull_number}/files')).toHaveLength(4);
    const past = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 2, per_page: 100, page: 2 });
    expect(past.data).toEqual([]);
  });

  it('serves file contents at a ref as base64 blobs, raw on request', async () => {
    const atHead = await octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'deploy/app.yaml', ref: pr.headSha });
    const atBase = await octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'deploy/app.yaml', ref: pr.baseSha });
    for (const [response, text] of [
      [atHead, APP_HEAD],
      [atBase, APP_BASE],
    ] as const) {
      const file = response.data;
      if (Array.isArray(file) || file.type !== 'file' || !('content' in file)) throw new Error('expected a file');
      expect(file.encoding).toBe('base64');
      expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe(text);
      expect(file.size).toBe(Buffer.byteLength(text));
    }
    const raw = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: OWNER, repo: REPO, path: 'deploy/app.yaml', ref: pr.headRef, mediaType: { format: 'raw' } });
    expect(raw.data).toBe(APP_HEAD);
    expect((await failure(octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'deploy/new.yaml', ref: pr.baseSha }))).status).toBe(404);
    const tooLarge = await failure(octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'data/huge.txt', ref: pr.headSha }));
    expect(tooLarge.status).toBe(403);
    expect(tooLarge.data).toMatchObject({ errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }] });
    const dir = await octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'deploy', ref: pr.headSha });
    expect(Array.isArray(dir.data) ? dir.data.map((e) => e.name) : []).toEqual(['app.yaml', 'big.yaml', 'new.yaml']);
  });

  it('serves a fork’s branch on the fork repository, and the whole diff on request', async () => {
    const onFork = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: 'contributor', repo: REPO, path: 'deploy/app.yaml', ref: 'patch-1', mediaType: { format: 'raw' } });
    expect(onFork.data).toBe(APP_HEAD);
    expect((await failure(octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'deploy/app.yaml', ref: 'patch-1' }))).data).toMatchObject({ message: 'No commit found for the ref patch-1' });
    const diff = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 3, mediaType: { format: 'diff' } });
    expect(String(diff.data)).toMatch(/^diff --git a\/deploy\/app.yaml b\/deploy\/app.yaml\n/);
    const small = await startEmulator({ maxDiffFiles: 5 });
    try {
      await small.addPullRequest({ owner: OWNER, repo: REPO, number: 2, headDir: path.join(work, 'pr2/head') });
      const client = new Octokit({ auth: small.token, baseUrl: small.url, log: quiet });
      const tooLarge = await failure(client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 2, mediaType: { format: 'diff' } }));
      expect(tooLarge.status).toBe(406);
      expect(tooLarge.data).toMatchObject({ message: "Sorry, the diff exceeded the maximum number of files (5). Consider using 'List pull requests files' API or locally cloning the repository instead." });
    } finally {
      await small.close();
    }
  });

  it('builds pull_request event payloads for same-repository and fork pull requests', () => {
    const same = pullRequestEvent(pr, { action: 'synchronize', apiUrl: emulator.url });
    expect(same).toMatchObject({
      action: 'synchronize',
      number: 1,
      pull_request: { number: 1, head: { sha: pr.headSha, ref: 'feature-1', repo: { full_name: 'acme/shop', fork: false } }, base: { sha: pr.baseSha, ref: 'main', repo: { full_name: 'acme/shop' } }, user: { login: 'octocat' } },
      repository: { name: 'shop', owner: { login: 'acme' }, full_name: 'acme/shop' },
    });
    const fork = pullRequestEvent(forkPr);
    expect(fork.pull_request.head).toMatchObject({ sha: forkPr.headSha, ref: 'patch-1', repo: { full_name: 'contributor/shop', fork: true } });
    expect(fork.pull_request.base.repo.full_name).toBe('acme/shop');
    expect(fork.pull_request.user.login).toBe('contributor');
  });
});

const SUGGESTION = 'Run as a non-root user:\n```suggestion\n            runAsNonRoot: true\n            runAsUser: 1000\n```';

describe('reviews', () => {
  it('records a valid review with a multi-line suggestion inside one hunk', async () => {
    const { data, status } = await octokit.rest.pulls.createReview({
      owner: OWNER,
      repo: REPO,
      pull_number: 1,
      commit_id: pr.headSha,
      event: 'COMMENT',
      body: 'Pod security review',
      comments: [
        { path: 'deploy/app.yaml', line: 7, side: 'RIGHT', body: 'replicas changed' },
        { path: 'deploy/app.yaml', start_line: 22, start_side: 'RIGHT', line: 23, side: 'RIGHT', body: SUGGESTION },
        { path: 'deploy/app.yaml', line: 7, side: 'LEFT', body: 'was 2' },
        { path: 'deploy/new.yaml', line: 1, body: 'new file' },
      ],
    });
    expect(status).toBe(200);
    expect(data).toMatchObject({ state: 'COMMENTED', body: 'Pod security review', commit_id: pr.headSha, user: { login: 'github-actions[bot]', type: 'Bot' } });
    const [review] = emulator.state.reviews;
    expect(review?.id).toBe(data.id);
    expect(review?.comments.map((c) => [c.path, c.startLine, c.line, c.side])).toEqual([
      ['deploy/app.yaml', null, 7, 'RIGHT'],
      ['deploy/app.yaml', 22, 23, 'RIGHT'],
      ['deploy/app.yaml', null, 7, 'LEFT'],
      ['deploy/new.yaml', null, 1, 'RIGHT'],
    ]);
    expect(review?.comments[1]).toMatchObject({ body: SUGGESTION, startSide: 'RIGHT', commitId: pr.headSha });
    expect(emulator.state.threads).toHaveLength(4);
    const listed = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner: OWNER, repo: REPO, pull_number: 1 });
    expect(listed.map((c) => c.id)).toEqual(review?.comments.map((c) => c.id));
    expect(listed[1]).toMatchObject({ start_line: 22, line: 23, side: 'RIGHT', start_side: 'RIGHT', pull_request_review_id: data.id, commit_id: pr.headSha });
    expect(listed[1]?.diff_hunk.split('\n').at(-1)).toBe('+            runAsUser: 0');
    const reviews = await octokit.rest.pulls.listReviews({ owner: OWNER, repo: REPO, pull_number: 1 });
    expect(reviews.data.map((r) => r.id)).toEqual([data.id]);
  });

  const base = { path: 'deploy/app.yaml', body: 'finding' };
  const rejections: readonly { name: string; comments: Record<string, unknown>[]; message: string }[] = [
    { name: 'a line outside every hunk', comments: [{ ...base, line: 15 }], message: `${REVIEW_TEXT.lineNotInDiff} and ${REVIEW_TEXT.hunkBlank}` },
    { name: 'a RIGHT comment on a removed-only line number', comments: [{ path: 'deploy/remove-me.yaml', body: 'x', line: 1, side: 'RIGHT' }], message: `${REVIEW_TEXT.lineNotInDiff} and ${REVIEW_TEXT.hunkBlank}` },
    { name: 'start_line equal to line', comments: [{ ...base, start_line: 23, line: 23 }], message: REVIEW_TEXT.startNotBefore },
    { name: 'start_line after line', comments: [{ ...base, start_line: 23, line: 22 }], message: REVIEW_TEXT.startNotBefore },
    { name: 'a range crossing two hunks', comments: [{ ...base, start_line: 7, line: 22 }], message: REVIEW_TEXT.startNotInHunk },
    { name: 'a path that is not in the pull request', comments: [{ ...base, path: 'deploy/other.yaml', line: 1 }], message: REVIEW_TEXT.pathInvalid },
    { name: 'a line in a binary file', comments: [{ path: 'assets/logo.png', body: 'x', line: 1 }], message: `${REVIEW_TEXT.lineNotInDiff} and ${REVIEW_TEXT.hunkBlank}` },
    { name: 'a line in a file whose patch GitHub omits', comments: [{ path: 'deploy/big.yaml', body: 'x', line: 1 }], message: `${REVIEW_TEXT.lineNotInDiff} and ${REVIEW_TEXT.hunkBlank}` },
    { name: 'a suggestion on the LEFT side', comments: [{ ...base, line: 7, side: 'LEFT', body: '```suggestion\n  replicas: 2\n```' }], message: REVIEW_TEXT.leftSuggestion },
    { name: 'a comment body over 65,536 characters', comments: [{ ...base, line: 7, body: 'é'.repeat(65_537) }], message: 'body is too long (maximum is 65536 characters)' },
    { name: 'the legacy position', comments: [{ ...base, position: 4 }], message: REVIEW_TEXT.positionUsed },
    { name: 'one bad comment among good ones', comments: [{ ...base, line: 7 }, { ...base, line: 15 }, { ...base, line: 22 }], message: `${REVIEW_TEXT.lineNotInDiff} and ${REVIEW_TEXT.hunkBlank}` },
    { name: 'more comments than GitHub accepts', comments: Array.from({ length: 31 }, () => ({ ...base, line: 7 })), message: 'was submitted too quickly' },
  ];

  it.each(rejections)('rejects $name with GitHub’s 422 and records nothing', async ({ comments, message }) => {
    const error = await failure(untypedRequest('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: OWNER, repo: REPO, pull_number: 1, event: 'COMMENT', body: 'x', comments }));
    expect(error.status).toBe(422);
    expect(error.data).toEqual({ message: 'Unprocessable Entity', errors: [message], documentation_url: REVIEW_DOCS, status: '422' });
    // Octokit's message: what the Action will see in its logs.
    expect(error.message).toBe(`Unprocessable Entity: ${JSON.stringify(message)} - ${REVIEW_DOCS}`);
    expect(emulator.state.reviews).toEqual([]);
    expect(emulator.state.reviewComments).toEqual([]);
    expect(emulator.state.threads).toEqual([]);
  });

  it('refuses APPROVE from GitHub Actions, and a second pending review', async () => {
    const approve = await failure(octokit.rest.pulls.createReview({ owner: OWNER, repo: REPO, pull_number: 1, event: 'APPROVE' }));
    expect(approve.data).toMatchObject({ errors: ['GitHub Actions is not permitted to approve pull requests.'] });
    const pending = await octokit.rest.pulls.createReview({ owner: OWNER, repo: REPO, pull_number: 1, comments: [{ path: 'deploy/app.yaml', line: 7, body: 'draft' }] });
    expect(pending.data.state).toBe('PENDING');
    const second = await failure(octokit.rest.pulls.createReview({ owner: OWNER, repo: REPO, pull_number: 1, event: 'COMMENT', body: 'again' }));
    expect(second.data).toMatchObject({ errors: ['User can only have one pending review per pull request'] });
    // Pending comments are not visible in the listing.
    expect((await octokit.rest.pulls.listReviewComments({ owner: OWNER, repo: REPO, pull_number: 1 })).data).toEqual([]);
    expect(emulator.state.reviews).toHaveLength(1);
  });

  it('speaks the 2026 wording when asked', async () => {
    const modern = await startEmulator({ reviewWording: 'resolved' });
    try {
      await modern.addPullRequest({ owner: OWNER, repo: REPO, number: 1, baseDir: path.join(work, 'pr1/base'), headDir: path.join(work, 'pr1/head') });
      const client = new Octokit({ auth: modern.token, baseUrl: modern.url, log: quiet });
      const line = await failure(client.rest.pulls.createReview({ owner: OWNER, repo: REPO, pull_number: 1, event: 'COMMENT', body: 'x', comments: [{ path: 'deploy/app.yaml', line: 15, body: 'x' }] }));
      expect(line.data).toMatchObject({ errors: ['Line could not be resolved'] });
      const file = await failure(client.rest.pulls.createReview({ owner: OWNER, repo: REPO, pull_number: 1, event: 'COMMENT', body: 'x', comments: [{ path: 'nope.yaml', line: 1, body: 'x' }] }));
      expect(file.data).toMatchObject({ errors: ['Path could not be resolved'] });
    } finally {
      await modern.close();
    }
  });
});

describe('OpenAPI validation', () => {
  const post = (body: Record<string, unknown>): Promise<HttpFailure> => failure(untypedRequest('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: OWNER, repo: REPO, pull_number: 1, ...body }));

  it('answers schema violations with GitHub’s "Invalid request" texts and records nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ event: 'COMMENT', body: 'x', comments: [{ path: 'deploy/app.yaml', line: '7', body: 'x' }] }, `For 'properties/line', "7" is not an integer.`],
      [{ event: 'LGTM', body: 'x' }, 'LGTM is not a member of ["APPROVE", "REQUEST_CHANGES", "COMMENT"].'],
      [{ event: 'COMMENT', body: 'x', comments: [{ line: 7, body: 'x' }] }, `"path" wasn't supplied.`],
      [{ event: 'COMMENT', body: 'x', comments: [{ path: 'deploy/app.yaml', line: 7, side: 'right', body: 'x' }] }, 'right is not a member of ["LEFT", "RIGHT"].'],
      [{ event: 'COMMENT', body: 'x', comments: [{}] }, `"body", "path" weren't supplied.`],
      [{ event: 'COMMENT', body: null }, `For 'properties/body', nil is not a string.`],
    ];
    for (const [body, message] of cases) {
      const error = await post(body);
      expect(error.status).toBe(422);
      expect(error.data).toEqual({ message: `Invalid request.\n\n${message}`, documentation_url: REVIEW_DOCS, status: '422' });
    }
    expect(emulator.state.reviews).toEqual([]);
  });

  it('accepts unknown properties where the schema does not forbid them', async () => {
    const response = await untypedRequest('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: OWNER, repo: REPO, pull_number: 1, event: 'COMMENT', body: 'x', comments: [{ path: 'deploy/app.yaml', line: 7, body: 'x', bogus: true }] });
    expect(response).toMatchObject({ status: 200 });
  });

  it('answers a missing body, bad JSON and bad query parameters', async () => {
    const headers = { authorization: `token ${emulator.token}`, 'content-type': 'application/json' };
    const noBody = await fetch(`${emulator.url}/repos/acme/shop/check-runs`, { method: 'POST', headers });
    expect(noBody.status).toBe(422);
    expect(await noBody.json()).toEqual({ message: "Invalid request.\n\nFor 'links/0/schema', nil is not an object.", documentation_url: CHECKS_DOCS, status: '422' });
    const badJson = await fetch(`${emulator.url}/repos/acme/shop/check-runs`, { method: 'POST', headers, body: '{"name":' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ message: 'Problems parsing JSON' });
    const badQuery = await fetch(`${emulator.url}/repos/acme/shop/pulls/1/files?per_page=ten`, { headers });
    expect(badQuery.status).toBe(422);
    expect(await badQuery.json()).toMatchObject({ message: `Invalid request.\n\nFor 'properties/per_page', "ten" is not an integer.` });
  });
});

describe('check runs', () => {
  const annotation = (i: number) => ({ path: 'deploy/app.yaml', start_line: 1 + (i % 30), end_line: 1 + (i % 30), annotation_level: 'failure' as const, message: `finding ${i}` });

  it('creates and updates a run, appending annotations 50 at a time', async () => {
    const created = await octokit.rest.checks.create({
      owner: OWNER,
      repo: REPO,
      name: 'pod-security',
      head_sha: pr.headSha,
      status: 'in_progress',
      output: { title: 'Pod security', summary: 'checking', annotations: Array.from({ length: 50 }, (_, i) => annotation(i)) },
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ name: 'pod-security', head_sha: pr.headSha, status: 'in_progress', conclusion: null, output: { annotations_count: 50 } });
    expect(created.data.pull_requests.map((p) => p.number)).toEqual([1]);
    const updated = await octokit.rest.checks.update({
      owner: OWNER,
      repo: REPO,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: 'Pod security', summary: '2 pod specs violate restricted', text: 'details', annotations: Array.from({ length: 50 }, (_, i) => annotation(50 + i)) },
    });
    expect(updated.data).toMatchObject({ status: 'completed', conclusion: 'failure', output: { annotations_count: 100, summary: '2 pod specs violate restricted' } });
    const [run] = emulator.state.checkRuns;
    expect(run).toMatchObject({ name: 'pod-security', headSha: pr.headSha, status: 'completed', conclusion: 'failure', updates: 1, output: { title: 'Pod security', summary: '2 pod specs violate restricted', text: 'details' } });
    expect(run?.annotations.map((a) => a.message)).toEqual(Array.from({ length: 100 }, (_, i) => `finding ${i}`));
  });

  it('lists the runs of a commit by name, newest first, with their external_id', async () => {
    for (const id of ['first', 'second']) await octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'pod-security', head_sha: pr.headSha, external_id: id, conclusion: 'success' });
    await octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'other', head_sha: pr.headSha, conclusion: 'success' });
    const all = await octokit.rest.checks.listForRef({ owner: OWNER, repo: REPO, ref: pr.headSha, check_name: 'pod-security', filter: 'all' });
    expect(all.data.total_count).toBe(2);
    expect(all.data.check_runs.map((r) => r.external_id)).toEqual(['second', 'first']);
    const latest = await octokit.rest.checks.listForRef({ owner: OWNER, repo: REPO, ref: pr.headSha });
    expect(latest.data.check_runs.map((r) => r.name)).toEqual(['other', 'pod-security']);
  });

  it('rejects 51 annotations, oversized output and senseless annotations, recording nothing', async () => {
    const create = (output: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      failure(untypedRequest('POST /repos/{owner}/{repo}/check-runs', { owner: OWNER, repo: REPO, name: 'pod-security', head_sha: pr.headSha, output: { title: 'T', ...output }, ...extra }));
    const tooMany = await create({ summary: 's', annotations: Array.from({ length: 51 }, (_, i) => annotation(i)) });
    expect(tooMany.data).toEqual({ message: 'Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied.', documentation_url: CHECKS_DOCS, status: '422' });
    const tooLong = await create({ summary: 'a'.repeat(65_536) });
    expect(tooLong.data).toMatchObject({ message: 'Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.' });
    // 40,000 characters but 80,000 UTF-8 bytes: GitHub counts bytes.
    const tooBig = await create({ summary: 'é'.repeat(40_000) });
    expect(tooBig.data).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'CheckRun', code: 'custom', field: 'summary', message: 'summary exceeds a maximum bytesize of 65535' }],
      documentation_url: CHECKS_DOCS,
      status: '422',
    });
    const columns = await create({ summary: 's', annotations: [{ ...annotation(0), end_line: 3, start_column: 1, end_column: 4 }] });
    expect(columns.data).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'CheckRun', code: 'invalid', field: 'annotations' }] });
    const backwards = await create({ summary: 's', annotations: [{ ...annotation(0), start_line: 5, end_line: 2 }] });
    expect(backwards.status).toBe(422);
    const noConclusion = await create({ summary: 's' }, { status: 'completed' });
    expect(noConclusion.data).toMatchObject({ message: 'Invalid request.\n\nNo subschema in "anyOf" matched.' });
    const unknownSha = await create({ summary: 's' }, { head_sha: 'f'.repeat(40) });
    expect(unknownSha.data).toMatchObject({ message: `No commit found for SHA: ${'f'.repeat(40)}` });
    expect(emulator.state.checkRuns).toEqual([]);
  });

  it('validates updates the same way', async () => {
    const { data } = await octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'pod-security', head_sha: pr.headSha });
    const completedWithout = await failure(untypedRequest('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner: OWNER, repo: REPO, check_run_id: data.id, status: 'completed' }));
    expect(completedWithout.data).toMatchObject({ message: 'Invalid request.\n\nNo subschema in "anyOf" matched.' });
    const over = await failure(octokit.rest.checks.update({ owner: OWNER, repo: REPO, check_run_id: data.id, output: { title: 'T', summary: 's', annotations: Array.from({ length: 51 }, (_, i) => annotation(i)) } }));
    expect(over.status).toBe(422);
    const missing = await failure(octokit.rest.checks.update({ owner: OWNER, repo: REPO, check_run_id: data.id + 1000, conclusion: 'success' }));
    expect(missing.status).toBe(404);
    expect(emulator.state.checkRuns[0]).toMatchObject({ status: 'queued', updates: 0, annotations: [] });
  });
});

describe('GraphQL', () => {
  it('reads blobs in one aliased batch', async () => {
    const query = `query($owner: String!, $name: String!) {
      repository(owner: $owner, name: $name) {
        h0: object(expression: "${pr.headSha}:deploy/app.yaml") { ... on Blob { text isBinary byteSize isTruncated oid } }
        b0: object(expression: "${pr.baseSha}:deploy/app.yaml") { ... on Blob { text isBinary byteSize } }
        b1: object(expression: "${pr.baseSha}:deploy/new.yaml") { ... on Blob { text } }
        h2: object(expression: "${pr.headSha}:assets/logo.png") { ... on Blob { text isBinary byteSize } }
        h3: object(expression: "${pr.headSha}:data/huge.txt") { ... on Blob { text isTruncated byteSize } }
      }
    }`;
    interface BlobFields {
      text?: string | null;
      isBinary?: boolean;
      byteSize?: number;
      isTruncated?: boolean;
      oid?: string;
    }
    const data = await octokit.graphql<{ repository: Record<string, BlobFields | null> }>(query, { owner: OWNER, name: REPO });
    const blobs = data.repository;
    expect(blobs['h0']).toMatchObject({ text: APP_HEAD, isBinary: false, byteSize: Buffer.byteLength(APP_HEAD), isTruncated: false });
    expect(blobs['h0']?.oid).toBe(pr.files.find((f) => f.filename === 'deploy/app.yaml')?.sha);
    expect(blobs['b0']).toEqual({ text: APP_BASE, isBinary: false, byteSize: Buffer.byteLength(APP_BASE) });
    expect(blobs['b1']).toBeNull();
    expect(blobs['h2']).toEqual({ text: null, isBinary: true, byteSize: PNG.length });
    expect(blobs['h3']).toMatchObject({ isTruncated: true, byteSize: Buffer.byteLength(HUGE_TEXT) });
    expect(blobs['h3']?.text).toBe(HUGE_TEXT.slice(0, 512_000));
    expect(emulator.requests.map((r) => r.graphql)).toEqual(['blobs']);
  });

  it('answers shapes it does not emulate with a GraphQL error', async () => {
    const unsupported = await graphqlFailure(octokit.graphql('query { organization(login: "acme") { id } }'));
    expect(unsupported.errors[0]?.message).toBe("emulator: field 'organization' on type 'Query' is not emulated (see test/helpers/github-emulator/README.md)");
    const syntax = await graphqlFailure(octokit.graphql('query { repository(owner: "acme", name: "shop") { object(expression: "x") { ... on Blob { text } }'));
    expect(syntax.errors[0]?.message).toMatch(/^Parse error on end of file/);
    const missingFirst = await graphqlFailure(octokit.graphql('query { repository(owner: "acme", name: "shop") { pullRequest(number: 1) { reviewThreads { nodes { id } } } } }'));
    expect(missingFirst.errors[0]?.message).toBe('You must provide a `first` or `last` value to properly paginate the `reviewThreads` connection.');
    const noRepo = await graphqlFailure(octokit.graphql('query { repository(owner: "acme", name: "nope") { nameWithOwner } }'));
    expect(noRepo.errors[0]).toEqual({ type: 'NOT_FOUND', message: "Could not resolve to a Repository with the name 'acme/nope'." });
    expect(emulator.requests.map((r) => r.graphql)).toEqual(['invalid', 'invalid', 'invalid', 'blobs']);
  });

  it('names the viewer as GraphQL does: a Bot without the [bot] suffix', async () => {
    expect(await octokit.graphql('query { viewer { login } }')).toEqual({ viewer: { login: 'github-actions' } });
    expect(emulator.requests.at(-1)?.graphql).toBe('viewer');
  });

  it('lists review threads with their replies and resolves one when the token may', async () => {
    const { data: review } = await octokit.rest.pulls.createReview({
      owner: OWNER,
      repo: REPO,
      pull_number: 1,
      event: 'COMMENT',
      body: 'review',
      comments: [
        { path: 'deploy/app.yaml', line: 7, body: 'first' },
        { path: 'deploy/app.yaml', start_line: 22, line: 23, body: SUGGESTION },
      ],
    });
    const [first] = emulator.state.reviews[0]?.comments ?? [];
    if (!first) throw new Error('no comment recorded');
    const reply = await octokit.rest.pulls.createReplyForReviewComment({ owner: OWNER, repo: REPO, pull_number: 1, comment_id: first.id, body: 'fixed?' });
    expect(reply.status).toBe(201);
    expect(reply.data).toMatchObject({ in_reply_to_id: first.id, path: 'deploy/app.yaml', line: 7, body: 'fixed?' });
    expect(emulator.state.replies.map((r) => r.id)).toEqual([reply.data.id]);

    interface Threads {
      repository: { pullRequest: { reviewThreads: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; isResolved: boolean; path: string; line: number; startLine: number | null; comments: { nodes: { databaseId: number; body: string; author: { login: string } }[] } }[] } } };
    }
    const threadsQuery = `query($after: String) { repository(owner: "acme", name: "shop") { pullRequest(number: 1) {
      reviewThreads(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        nodes { id isResolved path line startLine comments(first: 10) { nodes { databaseId body author { login } } } } } } } }`;
    const page1 = await octokit.graphql<Threads>(threadsQuery, {});
    const threads1 = page1.repository.pullRequest.reviewThreads;
    expect(threads1.totalCount).toBe(2);
    expect(threads1.pageInfo.hasNextPage).toBe(true);
    expect(threads1.nodes[0]).toMatchObject({ isResolved: false, path: 'deploy/app.yaml', line: 7, startLine: null });
    // GraphQL names the bot without "[bot]", unlike REST.
    expect(threads1.nodes[0]?.comments.nodes).toEqual([
      { databaseId: first.id, body: 'first', author: { login: 'github-actions' } },
      { databaseId: reply.data.id, body: 'fixed?', author: { login: 'github-actions' } },
    ]);
    const page2 = await octokit.graphql<Threads>(threadsQuery, { after: threads1.pageInfo.endCursor });
    expect(page2.repository.pullRequest.reviewThreads.nodes[0]).toMatchObject({ startLine: 22, line: 23 });
    expect(page2.repository.pullRequest.reviewThreads.pageInfo.hasNextPage).toBe(false);

    const threadId = threads1.nodes[0]?.id ?? '';
    const resolve = `mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }`;
    // contents: read is not enough to resolve (github/gh-aw#35726).
    const denied = await graphqlFailure(octokit.graphql(resolve, { id: threadId }));
    expect(denied.errors[0]).toEqual({ type: 'FORBIDDEN', message: 'Resource not accessible by integration' });
    expect(emulator.state.threads[0]?.isResolved).toBe(false);
    emulator.setPermissions({ contents: 'write' });
    const resolved = await octokit.graphql<{ resolveReviewThread: { thread: { id: string; isResolved: boolean } } }>(resolve, { id: threadId });
    expect(resolved.resolveReviewThread.thread).toEqual({ id: threadId, isResolved: true });
    expect(emulator.state.threads.map((t) => t.isResolved)).toEqual([true, false]);
    const unknown = await graphqlFailure(octokit.graphql(resolve, { id: 'PRRT_nope' }));
    expect(unknown.errors[0]).toEqual({ type: 'NOT_FOUND', message: "Could not resolve to a node with the global id of 'PRRT_nope'" });
    expect(review.id).toBe(emulator.state.reviews[0]?.id);
  });
});

describe('faults', () => {
  it('answers every write with 403 for a read-only token, and still serves reads', async () => {
    emulator.faults.readOnly();
    const review = await failure(octokit.rest.pulls.createReview({ owner: OWNER, repo: REPO, pull_number: 1, event: 'COMMENT', body: 'x' }));
    expect(review.status).toBe(403);
    expect(review.data).toEqual({ message: 'Resource not accessible by integration', documentation_url: REVIEW_DOCS, status: '403' });
    const check = await failure(octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'x', head_sha: pr.headSha }));
    expect(check.status).toBe(403);
    expect(check.headers['x-accepted-github-permissions']).toBe('checks=write');
    // Permission comes before validation, as on GitHub: a broken body still gets 403.
    expect((await failure(untypedRequest('POST /repos/{owner}/{repo}/check-runs', { owner: OWNER, repo: REPO }))).status).toBe(403);
    expect((await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })).status).toBe(200);
    // GraphQL mutations fail the GraphQL way: HTTP 200 with a FORBIDDEN error.
    emulator.setPermissions({ contents: 'write' });
    const mutation = await graphqlFailure(octokit.graphql('mutation { resolveReviewThread(input: { threadId: "PRRT_x" }) { thread { id } } }'));
    expect(mutation.errors).toEqual([{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }]);
    expect(emulator.requests.at(-1)).toMatchObject({ route: 'POST /graphql', status: 200, graphql: 'resolveReviewThread' });
    expect(emulator.state.reviews).toEqual([]);
    expect(emulator.state.checkRuns).toEqual([]);
  });

  it('signals the primary rate limit the way Octokit’s throttling plugin reads it', async () => {
    emulator.faults.rateLimit({ resetInSeconds: 120, requests: 1 });
    const limited = await failure(octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 }));
    expect(limited.status).toBe(403);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000 + 100);
    expect(limited.data).toMatchObject({ message: 'API rate limit exceeded for installation ID 1.' });

    emulator.faults.rateLimit({ resetInSeconds: 0, requests: 1 });
    const seen: number[] = [];
    const Throttled = Octokit.plugin(throttling);
    const client = new Throttled({
      auth: emulator.token,
      baseUrl: emulator.url,
      log: quiet,
      throttle: { retryAfterBaseValue: 1, onRateLimit: (after: number) => (seen.push(after), true), onSecondaryRateLimit: () => false },
    });
    const { status } = await client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 });
    expect(status).toBe(200);
    expect(seen).toHaveLength(1);

    // GraphQL reports it in the body, with the same headers.
    emulator.faults.rateLimit({ requests: 1 });
    const graphql = await fetch(emulator.graphqlUrl, { method: 'POST', headers: { authorization: `bearer ${emulator.token}` }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(graphql.status).toBe(200);
    expect(graphql.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(graphql.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(await graphql.json()).toEqual({ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for installation ID 1.' }] });
  });

  it('signals secondary rate limits with retry-after, on 403 and 429', async () => {
    emulator.faults.secondaryRateLimit({ status: 429, retryAfter: 7, requests: 1 });
    const limited = await failure(octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 }));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.message).toMatch(/secondary rate limit/);

    emulator.faults.secondaryRateLimit({ status: 403, retryAfter: 1, requests: 1, route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}' });
    const retried: number[] = [];
    const Throttled = Octokit.plugin(throttling);
    const client = new Throttled({
      auth: emulator.token,
      baseUrl: emulator.url,
      log: quiet,
      throttle: { retryAfterBaseValue: 1, onRateLimit: () => false, onSecondaryRateLimit: (after: number) => (retried.push(after), true) },
    });
    expect((await client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })).status).toBe(200);
    expect(retried).toEqual([1]);
  });

  it('can lose the answer of a request it carried out, as GitHub sometimes does', async () => {
    emulator.faults.serverErrors({ status: 502, route: 'POST /repos/{owner}/{repo}/check-runs', processed: true });
    expect((await failure(octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'x', head_sha: pr.headSha }))).status).toBe(502);
    expect(emulator.state.checkRuns).toHaveLength(1);
    expect(emulator.requests.at(-1)?.note).toBe('fault: server error after the request was carried out');
  });

  it('fails the next requests with 5xx, then recovers', async () => {
    emulator.faults.serverErrors({ requests: 2, status: 502 });
    const Retrying = Octokit.plugin(retry);
    const client = new Retrying({ auth: emulator.token, baseUrl: emulator.url, log: quiet, retry: { retryAfterBaseValue: 1 } });
    const { status } = await client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 });
    expect(status).toBe(200);
    expect(emulator.requests.map((r) => r.status)).toEqual([502, 502, 200]);

    emulator.faults.serverErrors({ requests: 1, route: 'POST /repos/{owner}/{repo}/check-runs' });
    expect((await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })).status).toBe(200);
    expect((await failure(octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'x', head_sha: pr.headSha }))).status).toBe(500);
    expect((await octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'x', head_sha: pr.headSha })).status).toBe(201);
    expect(emulator.state.checkRuns).toHaveLength(1);
  });
});

describe('git trees', () => {
  it('lists a commit’s tree recursively, with modes and blob SHAs, and says when it stops', async () => {
    const { data } = await octokit.rest.git.getTree({ owner: OWNER, repo: REPO, tree_sha: many.headSha, recursive: 'true' });
    expect(data.truncated).toBe(false);
    expect(data.tree.filter((e) => e.type === 'tree').map((e) => e.path)).toEqual(['many']);
    expect(data.tree.filter((e) => e.type === 'blob').map((e) => e.path)).toEqual(many.files.map((f) => f.filename));
    expect(data.tree.every((e) => /^[0-9a-f]{40}$/.test(e.sha ?? '') && e.mode === (e.type === 'tree' ? '040000' : '100644'))).toBe(true);
    const small = await startEmulator({ maxTreeEntries: 1 });
    try {
      const capped = await small.addPullRequest({ owner: OWNER, repo: REPO, number: 2, headDir: path.join(work, 'pr2/head') });
      const client = new Octokit({ auth: small.token, baseUrl: small.url, log: quiet });
      const truncated = await client.rest.git.getTree({ owner: OWNER, repo: REPO, tree_sha: capped.headSha, recursive: '1' });
      expect(truncated.data).toMatchObject({ truncated: true, tree: [expect.objectContaining({ path: 'many' })] });
      expect(small.problems).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe('authentication and unknown routes', () => {
  it('answers 401 without a token, and for a wrong one when a token is set', async () => {
    const anonymous = await fetch(`${emulator.url}/repos/acme/shop/pulls/1`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Requires authentication', status: '401' });
    const graphql = await fetch(emulator.graphqlUrl, { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) });
    expect(graphql.status).toBe(401);
    const strict = await startEmulator({ token: 'ghs_right' });
    try {
      const wrong = await fetch(`${strict.url}/repos/acme/shop/pulls/1`, { headers: { authorization: 'token ghs_wrong' } });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ message: 'Bad credentials' });
    } finally {
      await strict.close();
    }
  });

  it('answers 404 with GitHub’s error shape for anything not emulated, and records it', async () => {
    const comment = await failure(octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 1, body: 'hi' }));
    expect(comment.status).toBe(404);
    expect(comment.data).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    expect((await failure(octokit.request('DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: OWNER, repo: REPO, pull_number: 1 }))).status).toBe(404);
    expect((await failure(untypedRequest('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: OWNER, repo: REPO, pull_number: 'abc' }))).status).toBe(404);
    expect((await failure(octokit.rest.pulls.get({ owner: OWNER, repo: 'other', pull_number: 1 }))).status).toBe(404);
    expect(emulator.unexpectedRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/shop/issues/1/comments',
      'DELETE /repos/acme/shop/pulls/1/reviews',
      'GET /repos/acme/shop/pulls/abc',
    ]);
    expect(emulator.requests.at(-1)).toMatchObject({ route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}', status: 404, note: 'unknown repository' });
  });
});
