/** The GitHub port over Octokit: REST where it is enough, GraphQL to batch and to resolve threads. */
import { randomUUID } from 'node:crypto';
import { noRetry } from './client.js';
import type { GitHubClient } from './client.js';
import { GitHubError } from './port.js';
import type { BlobRead, BlobRequest, CheckRunRequest, CheckRunResult, GitHubPort, NewReviewComment, PullFile, PullFiles, PullRequestRef, Review, ReviewComment, ReviewThread, Tree } from './port.js';
import { errorMessage } from '../errorMessage.js';

/**
 * Objects read per GraphQL query (each one aliased `object` field): 50 files,
 * base and head. An alias-only query costs one point whatever its size.
 */
export const blobsPerQuery = 100;
/** GraphQL Blob.text stops at this many bytes; larger files are read through REST, never half-read. */
export const graphqlTextLimit = 512_000;
/** The REST contents API serves raw files up to this size. */
const restRawLimit = 100 * 1024 * 1024;

function asGitHubError(error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  const message = errorMessage(error);
  if (typeof (error as { status?: unknown }).status === 'number') return new GitHubError(message, (error as { status: number }).status);
  // GraphQL answers 200 with errors; a FORBIDDEN one is a missing permission, like a REST 403.
  const errors = (error as { errors?: unknown }).errors;
  const forbidden = Array.isArray(errors) && errors.some((e) => (e as { type?: unknown }).type === 'FORBIDDEN');
  return new GitHubError(message, forbidden ? 403 : 0);
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw asGitHubError(error);
  }
}

/**
 * A write that must not happen twice. The client never repeats a write;
 * when GitHub fails (5xx, no answer) the write may still have been carried
 * out, so look for it (`landed`) and send it again only when it is not
 * there. A failure to look is the write's failure.
 */
async function safeWrite(write: () => Promise<void>, landed: () => Promise<boolean>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const failure = asGitHubError(error);
    if (!failure.isServerFailure) throw failure;
    let done: boolean;
    try {
      done = await landed();
    } catch {
      throw failure;
    }
    if (!done) await write();
  }
}

/** GraphQL string literal. */
const literal = (text: string) => JSON.stringify(text);

interface BlobNode {
  text: string | null;
  isBinary: boolean | null;
  byteSize: number;
  oid: string;
}

interface TreeNode {
  entries?: { name: string; mode: number }[];
}

/** The folder of a repository path ('' at the top), as a `<commit>:<folder>` expression takes it. */
const folderOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** GraphQL's TreeEntry.mode is the file mode as an integer: 0o120000 for a symbolic link (the octal digits read as decimal are accepted too). */
const isLinkMode = (mode: number) => mode === 0o120000 || mode === 120000;

export function octokitPort(client: GitHubClient): GitHubPort {
  let viewer: Promise<string> | undefined;
  /** Merge bases asked for, by `owner/repo base...head`: the change set and the rendering stage both need the pull request's. */
  const mergeBases = new Map<string, Promise<string>>();

  /** A file read through REST (up to 100 MB) that is over that limit or `maxBytes`: why it is not; else null. */
  function overRestLimit(bytes: number, maxBytes: number): BlobRead | null {
    if (bytes <= maxBytes && bytes <= restRawLimit) return null;
    return { kind: 'too-large', bytes, reason: `file is ${bytes} bytes, over the limit of ${Math.min(maxBytes, restRawLimit)} bytes; it was not checked` };
  }

  /** A file over GraphQL's text limit, read raw through REST (up to 100 MB); why not, when it cannot be. */
  async function readLarge(owner: string, repo: string, request: BlobRequest, bytes: number, maxBytes: number): Promise<BlobRead> {
    const over = overRestLimit(bytes, maxBytes);
    if (over !== null) return over;
    try {
      const { data } = await client.rest.repos.getContent({ owner, repo, path: request.path, ref: request.commit, mediaType: { format: 'raw' } });
      if (typeof data === 'string') return { kind: 'text', text: data };
      return { kind: 'too-large', bytes, reason: `file is ${bytes} bytes, over GitHub's GraphQL limit of ${graphqlTextLimit}, and the contents API did not return it; it was not checked` };
    } catch (error) {
      const failure = asGitHubError(error);
      return { kind: 'too-large', bytes, reason: `file is ${bytes} bytes, over GitHub's GraphQL limit of ${graphqlTextLimit}, and the contents API answered ${failure.status} (${failure.message}); it was not checked` };
    }
  }

  /**
   * A blob GitHub calls binary, as bytes through the git blobs API (up to
   * 100 MB): a chart's vendored dependency (`charts/redis-1.2.3.tgz`) that
   * helm needs, or a manifest in UTF-16, which the loader reads as kubectl
   * does. Still binary when GitHub does not give it.
   */
  async function readBinary(owner: string, repo: string, node: BlobNode, maxBytes: number): Promise<BlobRead> {
    const over = overRestLimit(node.byteSize, maxBytes);
    if (over !== null) return over;
    try {
      const { data } = await client.rest.git.getBlob({ owner, repo, file_sha: node.oid });
      return data.encoding === 'base64' ? { kind: 'bytes', data: new Uint8Array(Buffer.from(data.content, 'base64')) } : { kind: 'binary' };
    } catch {
      return { kind: 'binary' };
    }
  }

  return {
    viewerLogin(): Promise<string> {
      viewer ??= call(async () => {
        const data = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
        return data.viewer.login;
      });
      return viewer;
    },

    async listTree(owner: string, repo: string, commit: string): Promise<Tree> {
      return call(async () => {
        const { data } = await client.rest.git.getTree({ owner, repo, tree_sha: commit, recursive: 'true' });
        const entries = data.tree.filter((e) => e.type !== 'tree' && e.path !== undefined && e.mode !== undefined && e.sha !== undefined);
        return { entries: entries.map((e) => ({ path: e.path!, mode: e.mode!, sha: e.sha! })), truncated: data.truncated };
      });
    },

    async listPullFiles(pr: PullRequestRef): Promise<PullFiles> {
      return call(async () => {
        const { data: pull } = await client.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
        const entries = await client.paginate(client.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
        const files: PullFile[] = entries.map((entry) => ({
          filename: entry.filename,
          status: entry.status,
          previousFilename: entry.previous_filename ?? null,
          patch: entry.patch ?? null,
        }));
        return { files, changedFiles: pull.changed_files };
      });
    },

    mergeBase(owner: string, repo: string, base: string, head: string): Promise<string> {
      const key = `${owner}/${repo} ${base}...${head}`;
      let known = mergeBases.get(key);
      if (known === undefined) {
        known = call(async () => {
          // per_page=1 keeps the answer small: only merge_base_commit is needed.
          const { data } = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 });
          return data.merge_base_commit.sha;
        });
        // A failure is not kept: the next caller asks again.
        known.catch(() => mergeBases.delete(key));
        mergeBases.set(key, known);
      }
      return known;
    },

    async readBlobs(owner: string, repo: string, requests: readonly BlobRequest[], maxBytes = Number.POSITIVE_INFINITY, links = false): Promise<Map<string, BlobRead>> {
      const result = new Map<string, BlobRead>();
      for (let start = 0; start < requests.length; start += blobsPerQuery) {
        const batch = requests.slice(start, start + blobsPerQuery);
        const folders = links ? [...new Set(batch.map((r) => `${r.commit}:${folderOf(r.path)}`))] : [];
        const fields = [
          ...batch.map((r, i) => `f${i}: object(expression: ${literal(`${r.commit}:${r.path}`)}) { ... on Blob { text isBinary byteSize oid } }`),
          ...folders.map((folder, j) => `d${j}: object(expression: ${literal(folder)}) { ... on Tree { entries { name mode } } }`),
        ].join('\n    ');
        const query = `query($owner: String!, $repo: String!) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`;
        const data = await call(() => client.graphql<{ repository: Record<string, (BlobNode & TreeNode) | null> }>(query, { owner, repo }));
        const modes = new Map(folders.map((folder, j) => [folder, new Map((data.repository[`d${j}`]?.entries ?? []).map((e) => [e.name, e.mode]))]));
        for (const [i, request] of batch.entries()) {
          const node = data.repository[`f${i}`] ?? null;
          const key = `${request.commit}:${request.path}`;
          const mode = modes.get(`${request.commit}:${folderOf(request.path)}`)?.get(request.path.slice(request.path.lastIndexOf('/') + 1));
          if (node === null) result.set(key, { kind: 'absent' });
          else if (mode !== undefined && isLinkMode(mode)) result.set(key, { kind: 'link', target: node.text ?? '(unknown)' });
          else if (node.isBinary) result.set(key, await readBinary(owner, repo, node, maxBytes));
          else if (node.text === null || node.byteSize > graphqlTextLimit) result.set(key, await readLarge(owner, repo, request, node.byteSize, maxBytes));
          else result.set(key, { kind: 'text', text: node.text });
        }
      }
      return result;
    },

    async listReviewComments(pr: PullRequestRef): Promise<ReviewComment[]> {
      return call(async () => {
        const comments = await client.paginate(client.rest.pulls.listReviewComments, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
        return comments.map((c) => ({ id: c.id, body: c.body, author: c.user?.login ?? null, inReplyTo: c.in_reply_to_id ?? null, originalCommitId: c.original_commit_id }));
      });
    },

    async listReviewThreads(pr: PullRequestRef): Promise<ReviewThread[]> {
      const threads: ReviewThread[] = [];
      let after: string | null = null;
      for (;;) {
        const data: {
          repository: { pullRequest: { reviewThreads: { nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
        } = await call(() =>
          client.graphql(
            `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`,
            { owner: pr.owner, repo: pr.repo, number: pr.number, after },
          ),
        );
        const page = data.repository.pullRequest.reviewThreads;
        threads.push(...page.nodes.map((t) => ({ id: t.id, resolved: t.isResolved, commentIds: t.comments.nodes.map((c) => c.databaseId) })));
        if (!page.pageInfo.hasNextPage) return threads;
        after = page.pageInfo.endCursor;
      }
    },

    async createReview(pr, review): Promise<void> {
      const write = () =>
        call(async () => {
          await client.rest.pulls.createReview({
          ...noRetry,
          owner: pr.owner,
          repo: pr.repo,
          pull_number: pr.number,
          commit_id: review.commitId,
          body: review.body,
          event: review.event,
          comments: review.comments.map((c: NewReviewComment) => ({
            path: c.path,
            body: c.body,
            line: c.line,
            side: 'RIGHT',
            ...(c.startLine !== null ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}),
          })),
          });
        });
      // The same body on the same commit is this review: a re-run posts no second review on a head.
      const landed = async () => {
        const reviews = await client.paginate(client.rest.pulls.listReviews, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
        return reviews.some((r) => r.commit_id === review.commitId && r.body === review.body);
      };
      await safeWrite(write, landed);
    },

    async replyToComment(pr, commentId, body): Promise<void> {
      const write = () =>
        call(async () => {
          await client.rest.pulls.createReplyForReviewComment({ ...noRetry, owner: pr.owner, repo: pr.repo, pull_number: pr.number, comment_id: commentId, body });
        });
      const landed = async () => {
        const comments = await client.paginate(client.rest.pulls.listReviewComments, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
        return comments.some((c) => c.in_reply_to_id === commentId && c.body === body);
      };
      await safeWrite(write, landed);
    },

    async listReviews(pr: PullRequestRef): Promise<Review[]> {
      return call(async () => {
        const reviews = await client.paginate(client.rest.pulls.listReviews, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
        return reviews.map((r) => ({ id: r.id, state: r.state, body: r.body }));
      });
    },

    async dismissReview(pr, reviewId, message): Promise<void> {
      await call(() => client.rest.pulls.dismissReview({ owner: pr.owner, repo: pr.repo, pull_number: pr.number, review_id: reviewId, message, event: 'DISMISS' }));
    },

    async resolveThread(threadId: string): Promise<void> {
      await call(() => client.graphql(`mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }`, { id: threadId }));
    },

    async publishCheckRun(owner: string, repo: string, run: CheckRunRequest): Promise<CheckRunResult> {
      const output = (annotations: CheckRunRequest['annotations']) => ({ title: run.title, summary: run.summary, ...(run.text ? { text: run.text } : {}), annotations: [...annotations] });
      const batches: CheckRunRequest['annotations'][] = [];
      for (let i = 0; i < run.annotations.length; i += 50) batches.push(run.annotations.slice(i, i + 50));
      const [first = [], ...rest] = batches;
      // A unique external_id finds this run again if GitHub fails after creating it.
      const externalId = randomUUID();
      let id: number | undefined;
      const create = () =>
        call(async () => {
          const { data } = await client.rest.checks.create({ ...noRetry, owner, repo, name: run.name, head_sha: run.headSha, external_id: externalId, status: 'completed', conclusion: run.conclusion, output: output(first) });
          id = data.id;
        });
      const landed = async () => {
        const runs = await client.paginate(client.rest.checks.listForRef, { owner, repo, ref: run.headSha, check_name: run.name, filter: 'all', per_page: 100 });
        id = runs.find((r) => r.external_id === externalId)?.id;
        return id !== undefined;
      };
      await safeWrite(create, landed);
      // Updates append annotations (GitHub's rule), so one that failed is not sent again; title and summary are repeated as required.
      let sent = first.length;
      for (const batch of rest) {
        try {
          await call(() => client.rest.checks.update({ ...noRetry, owner, repo, check_run_id: id!, output: output(batch) }));
          sent += batch.length;
        } catch (error) {
          const failure = asGitHubError(error);
          return { annotationsSent: sent, problem: `GitHub answered ${failure.status} (${failure.message}) when adding annotations to the check run: ${run.annotations.length - sent} of ${run.annotations.length} were not added` };
        }
      }
      return { annotationsSent: sent, problem: null };
    },
  };
}
