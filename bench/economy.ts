/**
 * API economy of one Action run: the requests it made, by endpoint, against
 * the target formula and against the formula the code achieves
 * (read off src/github/octokitPort.ts, src/github/changeSet.ts and
 * src/main.ts, with the batch size imported from the source, and checked
 * here term by term against what the emulator recorded: a change in the
 * Action's requests, or a dist/index.js older than the source, shows up as
 * a mismatch).
 */
import { blobsPerQuery } from '../src/github/octokitPort.js';
import type { RecordedRequest } from '../test/helpers/github-emulator/index.js';

/** `GET /pulls/{pull_number}`, `POST /graphql (blobs)`: the emulator's route without the repository prefix. */
export function endpointOf(request: Pick<RecordedRequest, 'route' | 'method' | 'path' | 'graphql'>): string {
  if (request.route === null) return `unmatched ${request.method} ${request.path}`;
  const route = request.route.replace('/repos/{owner}/{repo}', '');
  return request.graphql !== null ? `${route} (${request.graphql})` : route;
}

export function countByEndpoint(requests: readonly { readonly endpoint: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) counts[r.endpoint] = (counts[r.endpoint] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What a run saw, as the formulas' variables. */
export interface EconomyInput {
  /** F: files the pull request changed (all are manifests here). */
  readonly files: number;
  readonly added: number;
  readonly removed: number;
  /** C: inline comments this run posted. */
  readonly comments: number;
  /** A: annotations of this run's check run. */
  readonly annotations: number;
  /** Review comments (replies included) already on the pull request when the run started. */
  readonly existingComments: number;
  /** Review threads already on the pull request when the run started. */
  readonly existingThreads: number;
  /** B: files GitHub's GraphQL calls binary (a chart's vendored .tgz, a manifest in UTF-16), whose bytes are read through git/blobs. */
  readonly binaryBlobs: number;
}

export interface EconomyTerm {
  readonly term: string;
  readonly endpoints: readonly string[];
  /** The target for this term; null where the target only says "plus reads". */
  readonly targetFormula: string | null;
  readonly target: number | null;
  readonly achievedFormula: string;
  /** What the achieved formula predicts. */
  readonly predicted: number;
  readonly actual: number;
}

export interface Economy {
  readonly input: EconomyInput;
  readonly terms: readonly EconomyTerm[];
  readonly targetFormula: string;
  readonly achievedFormula: string;
  readonly target: number;
  readonly predicted: number;
  readonly actual: number;
  /** Every term's prediction equals the count recorded. */
  readonly formulaHolds: boolean;
  /** Requests no term accounts for. */
  readonly unaccounted: Readonly<Record<string, number>>;
}

const ceil = (n: number, d: number) => Math.ceil(n / d);

export function economy(input: EconomyInput, byEndpoint: Readonly<Record<string, number>>): Economy {
  const F = input.files;
  // Blob reads: both sides of modified and renamed files, the head of added ones, the base of removed ones.
  const reads = 2 * F - input.added - input.removed;
  const count = (endpoints: readonly string[]) => endpoints.reduce((n, e) => n + (byEndpoint[e] ?? 0), 0);
  const term = (t: Omit<EconomyTerm, 'actual'>): EconomyTerm => ({ ...t, actual: count(t.endpoints) });
  const terms: EconomyTerm[] = [
    term({ term: 'pull request', endpoints: ['GET /pulls/{pull_number}'], targetFormula: '1', target: 1, achievedFormula: '1', predicted: 1 }),
    term({ term: 'files', endpoints: ['GET /pulls/{pull_number}/files'], targetFormula: '⌈F/100⌉', target: ceil(F, 100), achievedFormula: '⌈F/100⌉', predicted: Math.max(1, ceil(F, 100)) }),
    term({ term: 'merge base', endpoints: ['GET /compare/{basehead}'], targetFormula: null, target: null, achievedFormula: '1', predicted: 1 }),
    term({
      term: `contents (GraphQL, ${blobsPerQuery} blobs a query) + policy config`,
      endpoints: ['POST /graphql (blobs)', 'GET /contents/{path}'],
      targetFormula: '⌈F/50⌉',
      target: ceil(F, 50),
      achievedFormula: `⌈(R + 1)/${blobsPerQuery}⌉ (R = 2F − added − removed blob reads, + 1: the config file, in the same queries)`,
      predicted: ceil(reads + 1, blobsPerQuery),
    }),
    term({
      term: 'idempotence: existing comments',
      endpoints: ['GET /pulls/{pull_number}/comments'],
      targetFormula: null,
      target: null,
      achievedFormula: '⌈max(1, K)/100⌉ (K comments already there)',
      predicted: Math.max(1, ceil(input.existingComments, 100)),
    }),
    term({ term: "idempotence: the token's login (whose comments count)", endpoints: ['POST /graphql (viewer)'], targetFormula: null, target: null, achievedFormula: '1', predicted: 1 }),
    term({
      term: 'idempotence: review threads',
      endpoints: ['POST /graphql (reviewThreads)'],
      targetFormula: null,
      target: null,
      achievedFormula: '⌈max(1, T)/100⌉ (T threads already there)',
      predicted: Math.max(1, ceil(input.existingThreads, 100)),
    }),
    term({
      term: 'rendering: the file lists of both commits (charts and overlays)',
      endpoints: ['GET /git/trees/{tree_sha}'],
      targetFormula: null,
      target: null,
      achievedFormula: '2 (base and head, read through the API without a checkout)',
      predicted: 2,
    }),
    term({
      term: 'files GitHub calls binary, read as bytes',
      endpoints: ['GET /git/blobs/{file_sha}'],
      targetFormula: null,
      target: null,
      achievedFormula: 'B (a chart\'s vendored .tgz, a manifest in UTF-16: one each)',
      predicted: input.binaryBlobs,
    }),
    term({ term: 'review', endpoints: ['POST /pulls/{pull_number}/reviews'], targetFormula: '1', target: 1, achievedFormula: '[C > 0] (no review when nothing is new)', predicted: input.comments > 0 ? 1 : 0 }),
    term({
      term: 'check run',
      endpoints: ['POST /check-runs', 'PATCH /check-runs/{check_run_id}'],
      targetFormula: '1 + ⌈A/50⌉',
      target: 1 + ceil(input.annotations, 50),
      achievedFormula: 'max(1, ⌈A/50⌉) (the create carries the first 50 annotations)',
      predicted: Math.max(1, ceil(input.annotations, 50)),
    }),
    term({
      term: 'fixed findings (replies, resolved threads)',
      endpoints: ['POST /pulls/{pull_number}/comments/{comment_id}/replies', 'POST /graphql (resolveReviewThread)'],
      targetFormula: null,
      target: null,
      achievedFormula: 'one per finding that disappeared',
      predicted: 0,
    }),
  ];
  const accounted = new Set(terms.flatMap((t) => t.endpoints));
  const unaccounted = Object.fromEntries(Object.entries(byEndpoint).filter(([endpoint]) => !accounted.has(endpoint)));
  const sum = (values: readonly (number | null)[]) => values.reduce<number>((n, v) => n + (v ?? 0), 0);
  return {
    input,
    terms,
    targetFormula: '1 (PR) + ⌈F/100⌉ (files) + ⌈F/50⌉ (contents) + 1 (review) + 1 + ⌈A/50⌉ (check run) + reads for idempotence',
    achievedFormula:
      `1 (PR) + ⌈F/100⌉ (files) + 1 (merge base) + ⌈(R + 1)/${blobsPerQuery}⌉ (contents + config) + 1 + ⌈K/100⌉ + ⌈T/100⌉ (idempotence reads: the token's login, then at least 1 each) + 2 (file lists, for rendering) + B (files GitHub calls binary) + [C > 0] (review) + max(1, ⌈A/50⌉) (check run)`,
    target: sum(terms.map((t) => t.target)),
    predicted: sum(terms.map((t) => t.predicted)),
    actual: sum(terms.map((t) => t.actual)) + sum(Object.values(unaccounted)),
    formulaHolds: terms.every((t) => t.predicted === t.actual) && Object.keys(unaccounted).length === 0,
    unaccounted,
  };
}
