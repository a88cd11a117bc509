// Public types of the GitHub emulator: options, the recorded state tests
// assert on, the request log and the fault controls.
import type { DiffSide } from './patch.js';
import type { ReviewWording } from './rules.js';

export type { DiffSide } from './patch.js';
export type { ReviewWording } from './rules.js';

export type Access = 'none' | 'read' | 'write';

/** The GITHUB_TOKEN permissions the emulator enforces (scope names as in a workflow's `permissions:`). */
export interface TokenPermissions {
  readonly contents: Access;
  readonly pull_requests: Access;
  readonly checks: Access;
}

export interface Actor {
  /** REST login, e.g. `github-actions[bot]`; GraphQL shows Bots without the `[bot]` suffix, as GitHub does. */
  readonly login: string;
  readonly id: number;
  readonly type: 'Bot' | 'User';
}

export interface EmulatorOptions {
  /** The only accepted token; when absent any non-empty token is accepted. */
  readonly token?: string;
  /** Who the token acts as. Default: github-actions[bot] (id 41898282). */
  readonly actor?: Actor;
  /** Default: contents read, pull_requests write, checks write (the Action's documented minimum). */
  readonly permissions?: Partial<TokenPermissions>;
  /** `pulls/{n}/files` stops after this many files (GitHub: 3000). */
  readonly maxListedFiles?: number;
  /** A file's `patch` is omitted above this many bytes (GitHub's per-file limit, 500 KB: guessed as 512,000). */
  readonly maxPatchBytes?: number;
  /** …or above this many diff lines (GitHub: 20,000). */
  readonly maxPatchLines?: number;
  /** More inline comments than this in one review are refused (GitHub documents no cap; the field reports ~30). */
  readonly maxReviewComments?: number;
  /** `contents` refuses blobs above this size without the raw media type (GitHub: 1 MB). */
  readonly maxContentBytes?: number;
  /** GraphQL `Blob.text` stops here with isTruncated: true (GitHub: 512,000 bytes). */
  readonly blobTextLimit?: number;
  /** `git/trees/{sha}?recursive=1` stops here with `truncated: true` (GitHub: 100,000 entries). */
  readonly maxTreeEntries?: number;
  /** The `.diff` media type of `pulls/{n}` answers 406 above this many files (GitHub: 300). */
  readonly maxDiffFiles?: number;
  /** Whether `event: APPROVE` is allowed (GitHub refuses it for GitHub Actions unless a setting allows it). */
  readonly allowApprove?: boolean;
  /** `classic` review texts ("…line must be part of the diff") or the 2026 ones ("Line could not be resolved"). */
  readonly reviewWording?: ReviewWording;
  /** Check every JSON response against the OpenAPI response schema (a mismatch is an emulator bug: 500 + `problems`). */
  readonly validateResponses?: boolean;
  /** Primary rate limit per resource (core, graphql); GITHUB_TOKEN gets 1,000 per hour per repository. */
  readonly rateLimit?: number;
  /** Detect copies (status `copied`) as well as renames. */
  readonly detectCopies?: boolean;
}

export interface AddPullRequestOptions {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  /** Folder holding the base tree; absent means an empty base (every file added). */
  readonly baseDir?: string;
  /** Folder holding the head tree. */
  readonly headDir: string;
  readonly baseRef?: string;
  readonly headRef?: string;
  readonly title?: string;
  readonly body?: string;
  /** Login of the pull request's author. */
  readonly author?: string;
  /** For a pull request from a fork: the fork's owner (and name, default the same repo name). */
  readonly fork?: { readonly owner: string; readonly repo?: string };
  readonly draft?: boolean;
}

/** One file of the pull request as `pulls/{n}/files` reports it (before the listing cap). */
export interface PullRequestFile {
  readonly filename: string;
  readonly status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed';
  readonly previous_filename?: string;
  readonly additions: number;
  readonly deletions: number;
  readonly changes: number;
  readonly sha: string | null;
  /** Absent for binary files, pure renames and patches over the size limits. */
  readonly patch?: string;
  readonly binary: boolean;
}

export interface PullRequestHandle {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  readonly baseRef: string;
  readonly headRef: string;
  /** `owner/repo` of the head repository (the fork for fork pull requests). */
  readonly headRepoFullName: string;
  readonly title: string;
  readonly body: string | null;
  /** Login of the pull request's author. */
  readonly author: string;
  readonly draft: boolean;
  readonly files: readonly PullRequestFile[];
  /** The bare git repository holding both commits. */
  readonly gitDir: string;
}

export interface RecordedReviewComment {
  readonly id: number;
  readonly nodeId: string;
  readonly reviewId: number;
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  readonly path: string;
  readonly line: number;
  readonly startLine: number | null;
  readonly side: DiffSide;
  readonly startSide: DiffSide | null;
  readonly body: string;
  readonly commitId: string;
  readonly inReplyToId: number | null;
  readonly threadId: string;
  readonly diffHunk: string;
  readonly position: number;
  readonly user: string;
  readonly createdAt: string;
}

export type ReviewState = 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';

export interface RecordedReview {
  readonly id: number;
  readonly nodeId: string;
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  /** Changes once: an approval or a change request can be dismissed. */
  state: ReviewState;
  /** The message given when it was dismissed. */
  dismissalMessage?: string;
  readonly body: string;
  readonly commitId: string;
  readonly user: string;
  readonly submittedAt: string | null;
  readonly comments: readonly RecordedReviewComment[];
}

export interface RecordedThread {
  /** GraphQL node id (PRRT_…). */
  readonly id: string;
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  readonly path: string;
  readonly line: number;
  readonly startLine: number | null;
  readonly side: DiffSide;
  readonly startSide: DiffSide | null;
  isResolved: boolean;
  resolvedBy: string | null;
  /** The thread's comments in order: the first is the review comment, the rest replies. */
  readonly commentIds: number[];
}

export interface RecordedAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly start_column?: number;
  readonly end_column?: number;
  readonly annotation_level: 'notice' | 'warning' | 'failure';
  readonly message: string;
  readonly title?: string;
  readonly raw_details?: string;
}

export interface RecordedCheckRun {
  readonly id: number;
  readonly nodeId: string;
  readonly owner: string;
  readonly repo: string;
  name: string;
  readonly headSha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation sent, across create and all updates (GitHub appends). */
  readonly annotations: RecordedAnnotation[];
  /** How many successful PATCH requests the run received. */
  updates: number;
}

export interface EmulatorState {
  readonly reviews: RecordedReview[];
  /** Every review comment, replies included, in creation order. */
  readonly reviewComments: RecordedReviewComment[];
  readonly threads: RecordedThread[];
  /** Replies only (also in reviewComments). */
  readonly replies: RecordedReviewComment[];
  readonly checkRuns: RecordedCheckRun[];
}

export interface RecordedRequest {
  readonly method: string;
  /** The path as requested, without the query string. */
  readonly path: string;
  /** "METHOD /template", e.g. "POST /repos/{owner}/{repo}/check-runs"; null when no emulated route matched (answered 404). */
  readonly route: string | null;
  readonly operationId: string | null;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly status: number;
  /** For POST /graphql: blobs, reviewThreads, blobs+reviewThreads, resolveReviewThread or invalid. */
  readonly graphql: string | null;
  /** Why the emulator answered as it did, when that is not obvious from the status. */
  readonly note: string | null;
  /** When the request arrived (ms since the epoch): how far apart the client spaced its requests. */
  readonly receivedAt: number;
}

export interface FaultControls {
  /** Every write answers 403 "Resource not accessible by integration" (a fork PR's token). */
  readOnly(on?: boolean): void;
  /** Primary rate limit: 403 with x-ratelimit-remaining: 0, for `requests` requests (default: until cleared). */
  rateLimit(options?: { readonly resetInSeconds?: number; readonly requests?: number }): void;
  /** Secondary rate limit: 403 (or 429) with retry-after, for `requests` requests (default: until cleared). */
  secondaryRateLimit(options?: { readonly status?: 403 | 429; readonly retryAfter?: number; readonly requests?: number; readonly route?: string }): void;
  /**
   * The next `requests` (default 1) requests, or those to `route` ("METHOD /template"), fail with `status` (default 500).
   * `processed: true`: the request is carried out first and only its answer is lost (GitHub has posted a review and
   * answered 502, src-d/lookout#264), so a client that simply retries a write duplicates it.
   */
  serverErrors(options?: { readonly requests?: number; readonly status?: 500 | 502 | 503 | 504; readonly route?: string; readonly processed?: boolean }): void;
  clear(): void;
}

export interface Emulator {
  /** Base URL for Octokit's `baseUrl` (http://127.0.0.1:<port>). */
  readonly url: string;
  readonly graphqlUrl: string;
  /** A token the emulator accepts. */
  readonly token: string;
  readonly state: EmulatorState;
  readonly requests: readonly RecordedRequest[];
  readonly faults: FaultControls;
  /** Emulator bugs noticed while serving (responses that do not match the OpenAPI schema). */
  readonly problems: readonly string[];
  addPullRequest(options: AddPullRequestOptions): Promise<PullRequestHandle>;
  /** Push a new head commit (the tree of `headDir`) to a pull request; returns the updated handle. */
  pushToPullRequest(owner: string, repo: string, number: number, headDir: string): Promise<PullRequestHandle>;
  /** Requests that matched no emulated route. */
  unexpectedRequests(): RecordedRequest[];
  /** Requests to one route, "METHOD /template". */
  calls(route: string): RecordedRequest[];
  setPermissions(permissions: Partial<TokenPermissions>): void;
  /** From now on the token acts as `actor` (another user commenting between runs); without one, as at the start. */
  actAs(actor?: Actor): void;
  /** Forgets recorded state, requests, problems and faults; pull requests stay. */
  reset(): void;
  close(): Promise<void>;
}
