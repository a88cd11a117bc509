/**
 * What the triggering event asks of us. Pull requests get a review and a
 * check; pushes and merge queues a check only; anything else a notice.
 * Commits come from the payload (pull_request.base.sha / head.sha), never
 * from GITHUB_SHA, which is a merge commit for pull_request and the base
 * branch for pull_request_target.
 */
import type { LandingBranch } from '../diff/types.js';
import type { PullRequestRef } from '../github/port.js';

export type EventContext =
  | {
      readonly kind: 'pull-request';
      readonly eventName: string;
      readonly pr: PullRequestRef;
      readonly baseSha: string;
      readonly headSha: string;
      /** The head is in another repository (a fork): the token may be read-only. */
      readonly fromFork: boolean;
      readonly landsOn?: LandingBranch;
    }
  | { readonly kind: 'push'; readonly eventName: string; readonly owner: string; readonly repo: string; readonly baseSha: string; readonly headSha: string; readonly landsOn?: LandingBranch }
  | { readonly kind: 'ignored'; readonly eventName: string; readonly reason: string };

/** A branch from its name or its full ref (`refs/heads/main`), with whether it is the payload repository's default branch; undefined for none (a tag). */
function landingBranch(payload: unknown, ref: string | undefined): LandingBranch | undefined {
  if (ref === undefined || ref === '' || ref.startsWith('refs/tags/')) return undefined;
  const name = ref.replace(/^refs\/heads\//, '');
  const defaultBranch = text(payload, 'repository', 'default_branch');
  return { name, isDefault: defaultBranch === undefined ? null : defaultBranch === name };
}

const reviewedActions = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review']);

type Payload = Record<string, unknown>;
const field = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Payload)[k] : undefined), value);
const text = (value: unknown, ...path: string[]): string | undefined => {
  const v = field(value, ...path);
  return typeof v === 'string' ? v : undefined;
};

export function readEventContext(eventName: string, payload: unknown, repository: string): EventContext {
  const [owner = '', repo = ''] = repository.split('/');
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const action = text(payload, 'action') ?? '';
    if (!reviewedActions.has(action)) {
      return { kind: 'ignored', eventName, reason: `the ${eventName} action "${action}" does not change the code; nothing to review` };
    }
    const number = field(payload, 'pull_request', 'number');
    const baseSha = text(payload, 'pull_request', 'base', 'sha');
    const headSha = text(payload, 'pull_request', 'head', 'sha');
    if (typeof number !== 'number' || !baseSha || !headSha) return { kind: 'ignored', eventName, reason: 'the event payload has no pull request' };
    const headRepo = text(payload, 'pull_request', 'head', 'repo', 'full_name');
    const baseRepo = text(payload, 'pull_request', 'base', 'repo', 'full_name') ?? repository;
    const landsOn = landingBranch(payload, text(payload, 'pull_request', 'base', 'ref'));
    return { kind: 'pull-request', eventName, pr: { owner, repo, number }, baseSha, headSha, fromFork: headRepo !== undefined && headRepo !== baseRepo, ...(landsOn ? { landsOn } : {}) };
  }
  if (eventName === 'merge_group') {
    const baseSha = text(payload, 'merge_group', 'base_sha');
    const headSha = text(payload, 'merge_group', 'head_sha');
    if (!baseSha || !headSha) return { kind: 'ignored', eventName, reason: 'the merge_group payload has no base_sha/head_sha' };
    const landsOn = landingBranch(payload, text(payload, 'merge_group', 'base_ref'));
    return { kind: 'push', eventName, owner, repo, baseSha, headSha, ...(landsOn ? { landsOn } : {}) };
  }
  if (eventName === 'push') {
    const baseSha = text(payload, 'before');
    const headSha = text(payload, 'after');
    if (!baseSha || !headSha || /^0+$/.test(baseSha) || /^0+$/.test(headSha)) {
      return { kind: 'ignored', eventName, reason: 'this push creates or deletes a branch; there is no earlier commit to compare with' };
    }
    const landsOn = landingBranch(payload, text(payload, 'ref'));
    return { kind: 'push', eventName, owner, repo, baseSha, headSha, ...(landsOn ? { landsOn } : {}) };
  }
  return { kind: 'ignored', eventName, reason: `the ${eventName} event is not one this Action reviews (pull_request, pull_request_target, merge_group, push)` };
}
