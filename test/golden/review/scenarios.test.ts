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
  const out: string[] = [];
  for (const c of review.plan.comments) out.push(`<!-- comment ${c.path}:${c.startLine === null ? '' : `${c.startLine}-`}${c.line} (${[...c.body].length} characters) -->`, c.body, '');
  if (review.plan.comments.length === 0) out.push('<!-- no inline comments -->', '');
  return `${out.join('\n')}`;
}

function golden(name: string, file: string, text: string): void {
  const expectedPath = path.join(fixturesDir, 'scenarios', name, 'expected', file);
  if (update || !existsSync(expectedPath)) {
    mkdirSync(path.dirname(expectedPath), { recursive: true });
    writeFileSync(expectedPath, text);
  }
  expect(text).toBe(readFileSync(expectedPath, 'utf8'));
}

const length = (text: string) => [...text].length;

describe.each(scenarioNames())('scenario %s', (name) => {
  it('renders the review as expected', async () => {
    const review = await reviewScenario(name);
    golden(name, 'review.md', rendered(review));
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
      // An illustrative example of hostNamespaces must name the namespace the finding is about.
      if (c.body.includes('hostIPC=true') && c.body.includes('Illustrative example')) expect(c.body).toMatch(/```yaml[^`]*hostIPC: false/);
    }
  });
});
