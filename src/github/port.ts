/**
 * The narrow GitHub interface: only the calls the Action makes, in domain
 * terms. The real implementation is octokitPort.ts; tests run it against
 * the local emulator over HTTP.
 */
import type { Annotation } from '../report/checkRun.js';

export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export interface PullFile {
  readonly filename: string;
  readonly status: string;
  readonly previousFilename: string | null;
  /** Hunks only; absent for binary files and diffs GitHub considers too large. */
  readonly patch: string | null;
}

export interface PullFiles {
  readonly files: readonly PullFile[];
  /** The number of changed files GitHub reports for the pull request. */
  readonly changedFiles: number;
}

export type BlobRead =
  | { readonly kind: 'text'; readonly text: string }
  /** A symbolic link (mode 120000), when asked for: the path it points to, never what is there. */
  | { readonly kind: 'link'; readonly target: string }
  | { readonly kind: 'absent' }
  /** Bytes of a blob GitHub calls binary (a chart's vendored .tgz, a manifest in UTF-16): the reader decides what they are. */
  | { readonly kind: 'bytes'; readonly data: Uint8Array }
  /** Binary, and its bytes could not be read. */
  | { readonly kind: 'binary' }
  | { readonly kind: 'too-large'; readonly bytes: number; readonly reason: string };

export interface BlobRequest {
  readonly commit: string;
  readonly path: string;
}

export interface ReviewComment {
  readonly id: number;
  readonly body: string;
  readonly author: string | null;
  readonly inReplyTo: number | null;
  /** The commit the comment was made on (original_commit_id). */
  readonly originalCommitId: string | null;
}

export interface ReviewThread {
  readonly id: string;
  readonly resolved: boolean;
  readonly commentIds: readonly number[];
}

/** A submitted review, as read back (for dismissing our own change requests). */
export interface Review {
  readonly id: number;
  readonly state: string;
  readonly body: string;
}

export interface NewReviewComment {
  readonly path: string;
  readonly line: number;
  readonly startLine: number | null;
  readonly body: string;
}

export interface CheckRunRequest {
  readonly name: string;
  readonly headSha: string;
  readonly conclusion: 'success' | 'failure' | 'neutral';
  readonly title: string;
  readonly summary: string;
  /** The details under the summary. */
  readonly text?: string;
  readonly annotations: readonly Annotation[];
}

/** One entry of a commit's tree, listed recursively. */
export interface TreeEntry {
  readonly path: string;
  /** Git's file mode: 100644/100755 files, 120000 symlinks, 160000 submodules, 040000 folders. */
  readonly mode: string;
  readonly sha: string;
}

export interface Tree {
  readonly entries: readonly TreeEntry[];
  /** GitHub stopped listing (100,000 entries or 7 MB): some entries are missing. */
  readonly truncated: boolean;
}

/** What became of a check run: published, and which annotations could not be appended (never retried: they would repeat). */
export interface CheckRunResult {
  readonly annotationsSent: number;
  readonly problem: string | null;
}

export interface GitHubPort {
  /** The login the token acts as, as REST shows it on comments (`github-actions[bot]` for GITHUB_TOKEN). */
  viewerLogin(): Promise<string>;
  listPullFiles(pr: PullRequestRef): Promise<PullFiles>;
  /** The merge base of two commits: the pull request's diff is taken from there, not from base.sha. */
  mergeBase(owner: string, repo: string, base: string, head: string): Promise<string>;
  /**
   * Read many files at many commits, batched. Keyed by `${commit}:${path}`.
   * Files over GraphQL's text limit are read through REST, unless larger than `maxBytes`.
   * With `links`, each path's mode is read too (its folder's entries, in the
   * same queries), and a symbolic link comes back as `link`: GraphQL would
   * give its target path as if it were the file's text.
   */
  readBlobs(owner: string, repo: string, requests: readonly BlobRequest[], maxBytes?: number, links?: boolean): Promise<Map<string, BlobRead>>;
  /** Every file of a commit, with its mode and blob SHA (to list a pull request's files when pulls.listFiles stops short). */
  listTree(owner: string, repo: string, commit: string): Promise<Tree>;
  listReviewComments(pr: PullRequestRef): Promise<ReviewComment[]>;
  listReviewThreads(pr: PullRequestRef): Promise<ReviewThread[]>;
  createReview(pr: PullRequestRef, review: { commitId: string; body: string; event: 'COMMENT' | 'REQUEST_CHANGES'; comments: readonly NewReviewComment[] }): Promise<void>;
  replyToComment(pr: PullRequestRef, commentId: number, body: string): Promise<void>;
  listReviews(pr: PullRequestRef): Promise<Review[]>;
  /** Dismiss an approval or a change request, with a message. */
  dismissReview(pr: PullRequestRef, reviewId: number, message: string): Promise<void>;
  resolveThread(threadId: string): Promise<void>;
  /** Create the check run with its first 50 annotations, then append the rest. */
  publishCheckRun(owner: string, repo: string, run: CheckRunRequest): Promise<CheckRunResult>;
}

/** An API failure, with the HTTP status (0 when the request never got an answer). */
export class GitHubError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }

  /** A token without the permission: 403 that is not a rate limit, or 404 on a write (as reviewdog treats them). */
  get isPermission(): boolean {
    return (this.status === 403 && !/rate limit/i.test(this.message)) || this.status === 404;
  }

  /** GitHub failed (5xx) or never answered: a write may or may not have been carried out. */
  get isServerFailure(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}
