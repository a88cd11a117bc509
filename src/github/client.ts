/**
 * The one Octokit client: retries server errors (not 4xx), and waits out
 * primary and secondary rate limits as GitHub asks, a bounded number of
 * times.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export interface ClientOptions {
  readonly token: string;
  readonly baseUrl: string;
  /** Retries on rate limits before giving up. */
  readonly rateLimitRetries?: number;
  readonly log?: (message: string) => void;
  /** Tests shorten the waits; GitHub's retry-after is honoured otherwise. */
  readonly retryAfterBaseValue?: number;
}

const ThrottledOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof ThrottledOctokit>;

export function createClient(options: ClientOptions): GitHubClient {
  const retries = options.rateLimitRetries ?? 2;
  const log = options.log ?? (() => {});
  return new ThrottledOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'pod-security-review',
    request: { retries: 2, retryAfter: 1 },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      ...(options.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: options.retryAfterBaseValue } : {}),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, count: number) => {
        log(`rate limited on ${request.method} ${request.url}; retry ${count + 1} of ${retries} in ${retryAfter} s`);
        return count < retries;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, count: number) => {
        log(`secondary rate limit on ${request.method} ${request.url}; retry ${count + 1} of ${retries} in ${retryAfter} s`);
        return count < retries;
      },
    },
  });
}
