/**
 * The cluster's own policy as the review's policy (issue 19), end to end:
 * the committed dist/index.js against the GitHub emulator, one scenario
 * repository per source (fixtures/scenarios; `npm run local -- NAME` shows
 * what each posts).
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../helpers/github-emulator/index.js';
import type { Emulator, PullRequestHandle } from '../helpers/github-emulator/index.js';
import { fixturesDir } from '../helpers/paths.js';
import { runAction } from '../helpers/runAction.js';

const scenario = (name: string, side: 'base' | 'head') => path.join(fixturesDir, 'scenarios', name, side);

let emulator: Emulator;
let next = 1;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());
afterEach(() => {
  expect(emulator.unexpectedRequests()).toEqual([]);
  expect(emulator.problems).toEqual([]);
});

async function pullRequest(name: string): Promise<PullRequestHandle> {
  return emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: scenario(name, 'base'), headDir: scenario(name, 'head') });
}

const reviewsOf = (pr: PullRequestHandle) => emulator.state.reviews.filter((r) => r.pullNumber === pr.number);
const checkRunsOf = (pr: PullRequestHandle) => emulator.state.checkRuns.filter((c) => c.headSha === pr.headSha);

describe('PodSecurityPolicy leftovers', () => {
  it('comments on the kind line of each added or modified PSP, never blocking, with the replacing labels', async () => {
    const pr = await pullRequest('psp-leftover');
    const run = await runAction(emulator, pr);
    expect(run.stderr).toBe('');
    const comments = reviewsOf(pr).flatMap((r) => r.comments);
    expect(comments.map((c) => [c.path, c.line])).toEqual([
      ['cluster/psp.yaml', 16],
      ['cluster/restricted-psp.yaml', 3],
    ]);
    expect(comments[0]!.body).toContain('the closest Pod Security level is baseline (restricted would forbid');
    expect(comments[0]!.body).toContain('pod-security.kubernetes.io/enforce: baseline');
    expect(comments[1]!.body).toContain('the closest Pod Security level is restricted');
    const [check] = checkRunsOf(pr);
    expect(check).toMatchObject({ conclusion: 'success' });
    expect(run.outputs).toMatchObject({ violations: '2', blocking: '0' });
    expect(run.status).toBe(0);
  });
});
