/**
 * Golden tests of what a review posts for every bundled scenario
 * (fixtures/scenarios/<name>/expected/review.md), with the size limits of
 * issue 17: the new-workload comment on line 21 within 700 characters,
 * every comment of `anchors` within 2,000. Regenerate the expected files
 * with UPDATE_GOLDEN=1 and read the diff as a reviewer would.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../helpers/paths.js';
import { reviewScenario, scenarioNames } from '../../helpers/scenarioReview.js';
import type { ScenarioReview } from '../../helpers/scenarioReview.js';

const update = process.env.UPDATE_GOLDEN === '1';

function rendered(review: ScenarioReview): string {
  const out: string[] = ['<!-- review body -->', review.reviewBody, ''];
  for (const c of review.plan.comments) out.push(`<!-- comment ${c.path}:${c.startLine === null ? '' : `${c.startLine}-`}${c.line} (${[...c.body].length} characters) -->`, c.body, '');
  if (review.plan.comments.length === 0) out.push('<!-- no inline comments -->', '');
  return `${out.join('\n')}`;
}

function checkRun(review: ScenarioReview): string {
  const { conclusion, title, summary, text, annotations } = review.checkRun;
  const lines = [`<!-- conclusion: ${conclusion}; title: ${title} -->`, '<!-- annotations -->'];
  for (const a of annotations) lines.push(`<!-- ${a.annotation_level} ${a.path}:${a.start_line} ${a.title}: ${a.message.replaceAll('\n', ' | ')} -->`);
  lines.push('<!-- summary -->', summary, '<!-- text -->', text);
  return `${lines.join('\n')}\n`;
}

function golden(name: string, file: string, text: string): void {
  const expectedPath = path.join(fixturesDir, 'scenarios', name, 'expected', file);
  if (update) {
    mkdirSync(path.dirname(expectedPath), { recursive: true });
    writeFileSync(expectedPath, text);
  }
  // A missing golden file fails (a test run never writes one): UPDATE_GOLDEN=1 writes them, to be read and committed.
  expect(existsSync(expectedPath), `${path.relative(fixturesDir, expectedPath)} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden/review`).toBe(true);
  expect(text).toBe(readFileSync(expectedPath, 'utf8'));
}

const length = (text: string) => [...text].length;

describe.each(scenarioNames())('scenario %s', (name) => {
  it('renders the review as expected', async () => {
    const review = await reviewScenario(name);
    golden(name, 'review.md', rendered(review));
    golden(name, 'check-run.md', checkRun(review));
    golden(name, 'job-summary.md', review.jobSummary);
    // Every comment is one GitHub alert headline, its bullets, and one marker.
    for (const c of review.plan.comments) {
      expect(c.body).toMatch(/^> \[!(CAUTION|WARNING)\]\n> \*\*/);
      expect(c.body.match(/<!-- pod-security-review:/g)).toHaveLength(1);
    }
  });
});

describe('comment sizes', () => {
  it('keeps the new-workload comment on line 21 within 700 characters', async () => {
    const { plan } = await reviewScenario('new-workload');
    const comment = plan.comments.find((c) => c.path === 'deploy/api.yaml' && c.line === 21);
    expect(comment).toBeDefined();
    expect(length(comment!.body)).toBeLessThanOrEqual(700);
  });

  it('keeps every comment of the anchors scenario within 2,000 characters', async () => {
    const { plan } = await reviewScenario('anchors');
    expect(plan.comments.length).toBeGreaterThan(0);
    for (const c of plan.comments) expect(length(c.body), `${c.path}:${c.line}`).toBeLessThanOrEqual(2000);
  });

  it('states the reason for no suggestion once per comment, with examples of the check itself', async () => {
    const { plan } = await reviewScenario('anchors');
    for (const c of plan.comments) {
      const reasons = c.body.match(/^No suggestion: .*$/gm) ?? [];
      expect(new Set(reasons).size).toBe(reasons.length);
      // An edit at a shared node says so once, with every reason the node is shared.
      expect(c.body.match(/The edit is made where the value is defined/g)?.length ?? 0, `${c.path}:${c.line}`).toBeLessThanOrEqual(1);
      // An illustrative example of hostNamespaces must name the namespace the finding is about.
      if (c.body.includes('hostIPC=true') && c.body.includes('Illustrative example')) expect(c.body).toMatch(/```yaml[^`]*hostIPC: false/);
    }
  });
});

describe('comment placement', () => {
  it('sits a pod-level fix on the line of the container it is for, with a range from the splice', async () => {
    const { plan } = await reviewScenario('inherited-fix');
    // runAsNonRoot of container `web` (its securityContext, line 18) is fixed at the pod level, under line 14.
    expect(plan.comments.map((c) => [c.path, c.startLine, c.line])).toEqual([['deploy/web.yaml', 14, 18]]);
    expect(plan.comments[0]!.findings.map((f) => f.line)).toEqual([18]);
  });

  it('leaves a fix spliced at the end of the container it adds keys to on its splice', async () => {
    const { plan } = await reviewScenario('new-workload');
    expect(plan.comments.map((c) => [c.path, c.startLine, c.line])).toEqual([
      ['deploy/api.yaml', null, 16],
      ['deploy/api.yaml', null, 21],
    ]);
  });
});

describe('the review body never hides a blocker', () => {
  it('names the blocking finding on line 23 of modified-with-old-violation, with counts and the check run', async () => {
    const { reviewBody } = await reviewScenario('modified-with-old-violation');
    expect(reviewBody).toContain('- [`deploy/worker.yaml:23`](https://github.com/acme/shop/blob/head/deploy/worker.yaml#L23) Deployment shop/worker: privileged');
    expect(reviewBody).toContain('2 blocking, 4 warnings. [Every finding is in the check run](https://github.com/acme/shop/pull/1/checks).');
    // The blocker comes before the counts.
    expect(reviewBody.indexOf('worker.yaml:23')).toBeLessThan(reviewBody.indexOf('2 blocking'));
  });

  it('lists a file that fails the check and has no comment', async () => {
    // legacy.yaml breaks on line 11, four lines from the pull request's edit: no comment can sit there.
    const { reviewBody, plan } = await reviewScenario('malformed');
    expect(reviewBody).toContain('[`deploy/legacy.yaml:11`](https://github.com/acme/shop/blob/head/deploy/legacy.yaml#L11) could not be checked: malformed YAML');
    // broken.yaml is new, and breaks on its last line (5): that line is in the diff and carries a comment.
    expect(plan.comments.filter((c) => c.path === 'deploy/broken.yaml').map((c) => c.line)).toEqual([5]);
    expect(reviewBody).not.toContain('broken.yaml:');
  });
});

describe('annotations complement the comments', () => {
  it('leave out what has an inline comment and merge the findings of one line', async () => {
    const { checkRun, plan } = await reviewScenario('modified-with-old-violation');
    const commentedLines = plan.comments.map((c) => `${c.path}:${c.line}`);
    expect(commentedLines).toEqual(['deploy/worker.yaml:16']);
    expect(checkRun.annotations.map((a) => [a.path, a.start_line, a.annotation_level, a.title])).toEqual([
      ['deploy/worker.yaml', 23, 'failure', 'Pod Security: Privileged Containers'],
      ['deploy/worker.yaml', 22, 'warning', 'Pod Security: 4 checks'],
    ]);
  });

  it('mark a file that fails the check as a failure', async () => {
    const { checkRun } = await reviewScenario('malformed');
    const levels = (file: string) => checkRun.annotations.filter((a) => a.path === file).map((a) => [a.start_line, a.annotation_level]);
    expect(levels('deploy/legacy.yaml')).toEqual([[11, 'failure']]);
    // The comment on broken.yaml carries its error: no annotation repeats it.
    expect(levels('deploy/broken.yaml')).toEqual([]);
  });
});

describe('check run and job summary', () => {
  it('count by severity on one line and keep the table to four columns', async () => {
    for (const name of ['modified-with-old-violation', 'namespaces', 'anchors']) {
      const { checkRun, jobSummary } = await reviewScenario(name);
      const [counts] = checkRun.summary.split('\n');
      expect(counts).toMatch(/^❌ \*\*\d+\*\* blocking · ⚠️ \*\*\d+\*\* warnings? /);
      for (const row of checkRun.summary.split('\n').filter((l) => l.startsWith('| '))) expect(row.split(' | ')).toHaveLength(4);
      expect(jobSummary).toContain(checkRun.summary);
      // Every finding in full, in the text.
      expect(checkRun.text.match(/^- (❌|⚠️)/gmu)?.length).toBe((await reviewScenario(name)).findings.length);
    }
  });
});
