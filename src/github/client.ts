/**
 * The one Octokit client, and its retry rules:
 * - rate limits (primary and secondary, 403/429 as GitHub marks them) are
 *   waited out as GitHub asks, a bounded number of times, for every
 *   request: GitHub did not process a rate-limited request;
 * - server errors (5xx, and GraphQL's "Something went wrong") are retried
 *   for reads only. A write that failed with 5xx may have been done anyway
 *   (GitHub has been seen to post a review and answer 502), so the port
 *   looks for it before trying again (octokitPort.ts, `safeWrite`);
 * - any other 4xx is an answer, never retried: sending it again gets the
 *   same answer and spends the rate limit.
 *
 * plugin-retry takes a request's own `request.retries` over everything,
 * even for statuses it must not retry, so no default is set there; writes
 * pass `noRetry`.
 *
 * Writes and GraphQL queries are paced as GitHub advises against secondary
 * rate limits: plugin-throttling spaces them 1 s apart, and writes that
 * notify people (reviews, comments, replies) 3 s apart. `writeInterval`
 * replaces both spacings, for a server known to have no secondary rate
 * limits (a GitHub Enterprise Server whose administrator turned them off, a
 * test server); the Action sets it only from an explicit setting and says so.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

export interface ClientOptions {
  readonly token: string;
  readonly baseUrl: string;
  /** Retries on rate limits before giving up. */
  readonly rateLimitRetries?: number;
  /** Retries of a read on server errors before giving up. */
  readonly serverErrorRetries?: number;
  readonly log?: (message: string) => void;
  /** Tests shorten the waits; GitHub's retry-after is honoured otherwise. */
  readonly retryAfterBaseValue?: number;
  /** A rate limit that lifts later than this many seconds is not waited for: the run reports it instead of stalling. */
  readonly maxRateLimitWait?: number;
  /** Least milliseconds between two writes or GraphQL queries; unset: GitHub's advice (see above). */
  readonly writeInterval?: number;
}

const ThrottledOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof ThrottledOctokit>;

/** Every 4xx: only rate limits are worth another try, and the throttling plugin owns those. */
export const clientErrorStatuses: readonly number[] = Array.from({ length: 100 }, (_, i) => 400 + i);

/** Options for a write, which plugin-retry must never repeat. */
export const noRetry = { request: { retries: 0 } } as const;

/** The throttling plugin's write and notification queues, with one spacing for both (per client, where the plugin's own are per process). */
function pacedQueues(minTime: number): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  return {
    write: new Bottleneck.Group({ id: 'octokit-write', maxConcurrent: 1, minTime }),
    notifications: new Bottleneck.Group({ id: 'octokit-notifications', maxConcurrent: 1, minTime }),
  };
}

export function createClient(options: ClientOptions): GitHubClient {
  const retries = options.rateLimitRetries ?? 2;
  const log = options.log ?? (() => {});
  const maxWait = options.maxRateLimitWait ?? 120;
  const wait = (kind: string, retryAfter: number, request: { method: string; url: string }, count: number): boolean => {
    if (count >= retries || retryAfter > maxWait) {
      log(`${kind} on ${request.method} ${request.url}; it lifts in ${retryAfter} s: not waiting`);
      return false;
    }
    log(`${kind} on ${request.method} ${request.url}; retry ${count + 1} of ${retries} in ${retryAfter} s`);
    return true;
  };
  return new ThrottledOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'pod-security-review',
    retry: { retries: options.serverErrorRetries ?? 2, doNotRetry: [...clientErrorStatuses] },
    throttle: {
      ...(options.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: options.retryAfterBaseValue } : {}),
      ...(options.writeInterval !== undefined ? pacedQueues(options.writeInterval) : {}),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, count: number) => wait('rate limited', retryAfter, request, count),
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, count: number) => wait('secondary rate limit', retryAfter, request, count),
    },
  });
}
