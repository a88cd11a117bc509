/**
 * Every bundled scenario's review as planned (test/golden/review) is posted
 * to the GitHub emulator, which applies GitHub's anchor rules: each comment
 * on a line of the diff, each range inside one hunk, `start_line` before
 * `line`. Each suggestion, placed on its finding's line (report/placement.ts),
 * applies to the head file exactly as the fix engine's verified one does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulatorSuite.js';
import { fixturesDir } from '../helpers/paths.js';
import { reviewScenario, scenarioNames } from '../helpers/scenarioReview.js';

const { emulator } = useEmulator('comment-placement-');
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const scenarioDir = (name: string, side: 'base' | 'head') => path.join(fixturesDir, 'scenarios', name, side);

/** The head file after GitHub commits a suggestion: lines start..end replaced by the block. */
function applied(text: string, start: number, end: number, block: string): string {
  const lines = text.split('\n');
  lines.splice(start - 1, end - start + 1, ...(block === '' ? [] : block.replace(/\n$/, '').split('\n')));
  return lines.join('\n');
}

let number = 1;

describe.each(scenarioNames())('scenario %s', (name) => {
  it('posts every planned comment where GitHub accepts it, and each suggestion applies as the verified fix', async () => {
    const review = await reviewScenario(name);
    const base = scenarioDir(name, 'base');
    const pr = await emulator().addPullRequest({ owner: 'acme', repo: 'shop', number: number++, ...(existsSync(base) ? { baseDir: base } : {}), headDir: scenarioDir(name, 'head') });
    const octokit = new Octokit({ auth: emulator().token, baseUrl: emulator().url, log: quiet });
    const comments = review.plan.comments;
    if (comments.length === 0) return;
    const response = await octokit.rest.pulls.createReview({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      commit_id: pr.headSha,
      event: 'COMMENT',
      body: review.reviewBody,
      comments: comments.map((c) => ({ path: c.path, body: c.body, line: c.line, side: 'RIGHT' as const, ...(c.startLine !== null ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}) })),
    });
    expect(response.status).toBe(200);
    const posted = emulator().state.reviews.find((r) => r.pullNumber === pr.number)!.comments;
    expect(posted.map((c) => [c.path, c.startLine, c.line])).toEqual(comments.map((c) => [c.path, c.startLine, c.line]));
    for (const comment of comments) {
      const block = /(`{3,})suggestion\n([\s\S]*?)\1/.exec(comment.body);
      if (!block) continue;
      const head = readFileSync(path.join(scenarioDir(name, 'head'), comment.path), 'utf8');
      const fix = comment.findings[0]!.fix!;
      const expected = applied(head, fix.startLine, fix.endLine, fix.replacement!);
      expect(applied(head, comment.startLine ?? comment.line, comment.line, block[2]!), `${comment.path}:${comment.line}`).toBe(expected);
    }
  });
});
