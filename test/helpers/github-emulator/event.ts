// The `pull_request` event payload GitHub writes to GITHUB_EVENT_PATH, for a
// pull request added to the emulator: the fields an Action reads to find the
// pull request, its commits and whether it comes from a fork.
import type { PullRequestHandle } from './types.js';

export interface EventRepository {
  readonly id: number;
  readonly name: string;
  readonly full_name: string;
  readonly owner: { readonly login: string; readonly type: 'User' | 'Organization' };
  readonly fork: boolean;
  readonly private: boolean;
  readonly default_branch: string;
  readonly html_url: string;
}

export interface EventBranch {
  readonly label: string;
  readonly ref: string;
  readonly sha: string;
  readonly user: { readonly login: string };
  readonly repo: EventRepository;
}

export interface PullRequestEventPayload {
  readonly action: string;
  readonly number: number;
  readonly pull_request: {
    readonly number: number;
    readonly title: string;
    readonly body: string | null;
    readonly state: 'open';
    readonly draft: boolean;
    readonly html_url: string;
    readonly url: string;
    readonly user: { readonly login: string; readonly type: 'User' | 'Bot' };
    readonly head: EventBranch;
    readonly base: EventBranch;
  };
  readonly repository: EventRepository;
  readonly sender: { readonly login: string; readonly type: 'User' | 'Bot' };
}

export interface PullRequestEventOptions {
  /** opened (default), synchronize, reopened, edited… */
  readonly action?: string;
  /** API base URL written into `url` fields (GitHub: https://api.github.com). */
  readonly apiUrl?: string;
}

function repository(fullName: string, fork: boolean, defaultBranch: string, id: number): EventRepository {
  const [owner = '', name = ''] = fullName.split('/');
  return {
    id,
    name,
    full_name: fullName,
    owner: { login: owner, type: 'User' },
    fork,
    private: false,
    default_branch: defaultBranch,
    html_url: `https://github.com/${fullName}`,
  };
}

export function pullRequestEvent(pr: PullRequestHandle, options: PullRequestEventOptions = {}): PullRequestEventPayload {
  const apiUrl = options.apiUrl ?? 'https://api.github.com';
  const baseFullName = `${pr.owner}/${pr.repo}`;
  const isFork = pr.headRepoFullName.toLowerCase() !== baseFullName.toLowerCase();
  const baseRepo = repository(baseFullName, false, pr.baseRef, 1);
  const headRepo = isFork ? repository(pr.headRepoFullName, true, pr.baseRef, 2) : baseRepo;
  const headOwner = headRepo.owner.login;
  return {
    action: options.action ?? 'opened',
    number: pr.number,
    pull_request: {
      number: pr.number,
      title: pr.title,
      body: pr.body,
      state: 'open',
      draft: pr.draft,
      html_url: `https://github.com/${baseFullName}/pull/${pr.number}`,
      url: `${apiUrl}/repos/${baseFullName}/pulls/${pr.number}`,
      user: { login: pr.author, type: 'User' },
      head: { label: `${headOwner}:${pr.headRef}`, ref: pr.headRef, sha: pr.headSha, user: { login: headOwner }, repo: headRepo },
      base: { label: `${pr.owner}:${pr.baseRef}`, ref: pr.baseRef, sha: pr.baseSha, user: { login: pr.owner }, repo: baseRepo },
    },
    repository: baseRepo,
    sender: { login: pr.author, type: 'User' },
  };
}
