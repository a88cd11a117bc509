/** The GitHub port over Octokit: REST where it is enough, GraphQL to batch and to resolve threads. */
import type { GitHubClient } from './client.js';
import { GitHubError } from './port.js';
import type { BlobRead, BlobRequest, CheckRunRequest, GitHubPort, NewReviewComment, PullFile, PullFiles, PullRequestRef, ReviewComment, ReviewThread } from './port.js';

/**
 * Objects read per GraphQL query (each one aliased `object` field): 50 files,
 * base and head. An alias-only query costs one point whatever its size.
 */
export const blobsPerQuery = 100;
/** GraphQL Blob.text stops at this many bytes; larger files are reported, not half-read. */
const graphqlTextLimit = 512_000;

function asGitHubError(error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  const message = error instanceof Error ? error.message : String(error);
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

/** GraphQL string literal. */
const literal = (text: string) => JSON.stringify(text);

interface BlobNode {
  text: string | null;
  isBinary: boolean | null;
  byteSize: number;
}

export function octokitPort(client: GitHubClient): GitHubPort {
  return {
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

    async mergeBase(owner: string, repo: string, base: string, head: string): Promise<string> {
      return call(async () => {
        // per_page=1 keeps the answer small: only merge_base_commit is needed.
        const { data } = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 });
        return data.merge_base_commit.sha;
      });
    },

    async readBlobs(owner: string, repo: string, requests: readonly BlobRequest[]): Promise<Map<string, BlobRead>> {
      const result = new Map<string, BlobRead>();
      for (let start = 0; start < requests.length; start += blobsPerQuery) {
        const batch = requests.slice(start, start + blobsPerQuery);
        const fields = batch
          .map((r, i) => `f${i}: object(expression: ${literal(`${r.commit}:${r.path}`)}) { ... on Blob { text isBinary byteSize } }`)
          .join('\n    ');
        const query = `query($owner: String!, $repo: String!) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`;
        const data = await call(() => client.graphql<{ repository: Record<string, BlobNode | null> }>(query, { owner, repo }));
        batch.forEach((request, i) => {
          const node = data.repository[`f${i}`] ?? null;
          const key = `${request.commit}:${request.path}`;
          if (node === null) result.set(key, { kind: 'absent' });
          else if (node.isBinary) result.set(key, { kind: 'binary' });
          else if (node.text === null || node.byteSize > graphqlTextLimit) result.set(key, { kind: 'too-large', bytes: node.byteSize });
          else result.set(key, { kind: 'text', text: node.text });
        });
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
      await call(() =>
        client.rest.pulls.createReview({
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
        }),
      );
    },

    async replyToComment(pr, commentId, body): Promise<void> {
      await call(() => client.rest.pulls.createReplyForReviewComment({ owner: pr.owner, repo: pr.repo, pull_number: pr.number, comment_id: commentId, body }));
    },

    async resolveThread(threadId: string): Promise<void> {
      await call(() => client.graphql(`mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }`, { id: threadId }));
    },

    async publishCheckRun(owner: string, repo: string, run: CheckRunRequest): Promise<void> {
      const output = (annotations: CheckRunRequest['annotations']) => ({ title: run.title, summary: run.summary, annotations: [...annotations] });
      const batches: CheckRunRequest['annotations'][] = [];
      for (let i = 0; i < run.annotations.length; i += 50) batches.push(run.annotations.slice(i, i + 50));
      const [first = [], ...rest] = batches;
      const { data } = await call(() =>
        client.rest.checks.create({ owner, repo, name: run.name, head_sha: run.headSha, status: 'completed', conclusion: run.conclusion, output: output(first) }),
      );
      // Updates append annotations (GitHub's rule); title and summary are repeated as required.
      for (const batch of rest) {
        await call(() => client.rest.checks.update({ owner, repo, check_run_id: data.id, output: output(batch) }));
      }
    },
  };
}
