/**
 * The Action against GitHub's limits and failures, on the emulator (as
 * strict as GitHub): retries that cannot duplicate a write, bodies and
 * check runs clamped to GitHub's sizes, files over the GraphQL contents
 * limit, and a check run whatever fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulatorSuite.js';
import { startEmulator } from '../helpers/github-emulator/index.js';
import type { Emulator, PullRequestHandle } from '../helpers/github-emulator/index.js';
import { runAction } from '../helpers/runAction.js';

const suite = useEmulator('psr-limits-');
const tree = suite.tree;
let emulator: Emulator;
let next = 1;
beforeAll(() => {
  emulator = suite.emulator();
});

const pod = (name: string, spec = '  hostPID: true\n', container = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}  containers:\n  - name: app\n    image: registry.example/app:1\n${container}`;

async function pullRequest(head: Record<string, string>, base: Record<string, string> = { 'README.md': 'base\n' }, on: Emulator = emulator): Promise<PullRequestHandle> {
  return on.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: tree(base), headDir: tree({ 'README.md': 'base\n', ...head }) });
}

const checkRunsOf = (pr: PullRequestHandle, on: Emulator = emulator) => on.state.checkRuns.filter((c) => c.headSha === pr.headSha);
const reviewsOf = (pr: PullRequestHandle) => emulator.state.reviews.filter((r) => r.pullNumber === pr.number);

describe('retries (issue 15 item 9, issue 14 item 6)', () => {
  it('never sends a refused request again: a 403 check run and a 422 review are each sent once', async () => {
    const pr = await pullRequest({ 'deploy/pod.yaml': pod('web') });
    emulator.setPermissions({ checks: 'read' });
    // A draft review of the same user makes GitHub refuse every new review with 422.
    const draft = await fetch(`${emulator.url}/repos/${pr.owner}/${pr.repo}/pulls/${pr.number}/reviews`, {
      method: 'POST',
      headers: { authorization: `token ${emulator.token}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
      body: JSON.stringify({ body: 'draft' }),
    });
    expect(draft.status).toBe(200);
    const before = emulator.requests.length;
    const run = await runAction(emulator, pr);
    const statuses = (route: string) => emulator.requests.slice(before).filter((r) => r.route === route).map((r) => r.status);
    // The inline review, then the body-only fallback: two different requests, each once.
    expect(statuses('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews')).toEqual([422, 422]);
    expect(statuses('POST /repos/{owner}/{repo}/check-runs')).toEqual([403]);
    expect(run.outputs.conclusion).toBe('failure');
  });

  it('does not post a review, a check run or a reply twice when GitHub carried it out but answered 502', async () => {
    const pr = await pullRequest({ 'deploy/pod.yaml': pod('web') });
    emulator.faults.serverErrors({ status: 502, route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', processed: true });
    emulator.faults.serverErrors({ status: 502, route: 'POST /repos/{owner}/{repo}/check-runs', processed: true });
    await runAction(emulator, pr);
    expect(reviewsOf(pr)).toHaveLength(1);
    expect(checkRunsOf(pr)).toHaveLength(1);
    expect(checkRunsOf(pr)[0]!.conclusion).toBe('failure');

    // The fix is pushed; the reply saying so is carried out, then answered with 502.
    const fixed = await emulator.pushToPullRequest('acme', 'shop', pr.number, tree({ 'README.md': 'base\n', 'deploy/pod.yaml': pod('web', '  hostPID: false\n') }));
    emulator.faults.serverErrors({ status: 502, route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies', processed: true });
    await runAction(emulator, fixed);
    expect(emulator.state.replies.filter((r) => r.body.includes('Fixed'))).toHaveLength(1);
  });

  it('sends a write again when GitHub failed before carrying it out', async () => {
    const pr = await pullRequest({ 'deploy/pod.yaml': pod('web') });
    emulator.faults.serverErrors({ status: 502, route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews' });
    emulator.faults.serverErrors({ status: 503, route: 'POST /repos/{owner}/{repo}/check-runs' });
    await runAction(emulator, pr);
    expect(reviewsOf(pr)).toHaveLength(1);
    expect(checkRunsOf(pr)).toHaveLength(1);
  });
});

describe('huge pull requests and files (issue 14 item 6)', () => {
  it('keeps the review-body fallback within 65,536 characters and points to the check run', async () => {
    const capped = await startEmulator({ maxReviewComments: 5 });
    try {
      const files: Record<string, string> = {};
      for (let i = 0; i < 120; i++) files[`deploy/pod-${String(i).padStart(3, '0')}.yaml`] = pod(`pod-${i}`);
      const pr = await pullRequest(files, undefined, capped);
      const run = await runAction(capped, pr, { inputs: { 'max-comments': '200' } });
      const [review, ...more] = capped.state.reviews.filter((r) => r.pullNumber === pr.number);
      expect(more).toEqual([]);
      expect(review!.comments).toEqual([]);
      expect([...review!.body].length).toBeLessThanOrEqual(65_536);
      expect(review!.body).toMatch(/and \d+ more comments: every finding is in the \[check run\]\(https:\/\/github\.com\/acme\/shop\/pull\/\d+\/checks\)/);
      expect(capped.calls('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews').map((r) => r.status)).toEqual([422, 200]);
      expect(run.stdout).not.toContain('could not be posted');
      expect(capped.unexpectedRequests()).toEqual([]);
      expect(capped.problems).toEqual([]);
    } finally {
      await capped.close();
    }
  });

  it('reads a manifest over the 512,000-byte GraphQL limit through the REST contents API', async () => {
    const padding = `# ${'x'.repeat(98)}\n`.repeat(6_000);
    const pr = await pullRequest({ 'deploy/big.yaml': `${padding}${pod('big', '  hostNetwork: true\n')}` });
    const run = await runAction(emulator, pr, { inputs: { suggestions: 'false' } });
    const report = run.reportJson as { findings: { file: string; check: string }[]; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'deploy/big.yaml', check: 'hostNamespaces' }));
    expect(emulator.calls('GET /repos/{owner}/{repo}/contents/{path}').map((r) => r.status)).toEqual([200]);
    expect(checkRunsOf(pr)[0]!.conclusion).toBe('failure');
  });

  it('reports such a file as not checked, with the reason, when the contents API fails too', async () => {
    const padding = `# ${'x'.repeat(98)}\n`.repeat(6_000);
    const pr = await pullRequest({ 'deploy/big.yaml': `${padding}${pod('big', '')}` });
    emulator.faults.serverErrors({ status: 502, requests: Number.POSITIVE_INFINITY, route: 'GET /repos/{owner}/{repo}/contents/{path}' });
    const run = await runAction(emulator, pr, { inputs: { suggestions: 'false' } });
    const [check] = checkRunsOf(pr);
    expect(check!.conclusion).not.toBe('success');
    expect(check!.output.title).toContain('1 file not checked');
    expect(check!.output.summary).toContain('`deploy/big.yaml`: file is 606');
    expect(check!.output.summary).toContain('the contents API answered 502');
    expect(run.summary).toContain('`deploy/big.yaml`');
  });
});

describe('the check run and the summary survive (issue 15 item 8)', () => {
  it('clamps an annotation over GitHub’s limits instead of losing the check run', async () => {
    const capability = `CAP_${'X'.repeat(70_000)}`;
    const pr = await pullRequest({ 'deploy/pod.yaml': pod('caps', '', `    securityContext:\n      capabilities:\n        add: [${capability}]\n`) });
    // No inline comments: every finding is an annotation.
    const run = await runAction(emulator, pr, { inputs: { suggestions: 'false', 'max-comments': '0' } });
    expect(run.stdout).not.toContain('internal error');
    const [check] = checkRunsOf(pr);
    expect(check!.conclusion).toBe('failure');
    const capabilities = check!.annotations.find((a) => a.message.includes('non-default capabilities'))!;
    expect(Buffer.byteLength(capabilities.message)).toBeLessThanOrEqual(64 * 1024);
    expect(capabilities.message).toContain('… (truncated)');
    expect(run.outputs).toMatchObject({ conclusion: 'failure', blocking: '1' });
    expect(run.reportJson).not.toBeNull();
  });

  it('keeps the job summary under 1 MiB and summarises annotations past 1,000', async () => {
    const files: Record<string, string> = {};
    const privileged = `    securityContext:\n      privileged: true\n`;
    // 1,000 privileged Pods with long names: 2,000 blocking findings.
    for (let i = 0; i < 10; i++) {
      files[`deploy/pods-${i}.yaml`] = Array.from({ length: 100 }, (_, j) => pod(`privileged-pod-with-a-rather-long-name-${'n'.repeat(200)}-${i}-${j}`, '  hostPID: true\n', privileged)).join('---\n');
    }
    const pr = await pullRequest(files);
    const run = await runAction(emulator, pr, { inputs: { suggestions: 'false', 'max-comments': '0' } });
    expect(Number(run.outputs.blocking)).toBe(2_000);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    expect(run.summary).toContain("The summary was cut at GitHub's 1 MiB limit");
    const [check] = checkRunsOf(pr);
    expect(check!.annotations).toHaveLength(1_000);
    expect(check!.output.summary).toMatch(/\d+ more findings and problems are not annotated on the files/);
    expect(emulator.calls('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}')).toHaveLength(19);
  });

  it('writes the job summary, outputs and reports when the check run cannot be published', async () => {
    const pr = await pullRequest({ 'deploy/pod.yaml': pod('web') });
    emulator.faults.serverErrors({ status: 503, requests: Number.POSITIVE_INFINITY, route: 'POST /repos/{owner}/{repo}/check-runs' });
    const run = await runAction(emulator, pr);
    expect(checkRunsOf(pr)).toEqual([]);
    expect(run.stdout).not.toContain('internal error');
    expect(run.outputs).toMatchObject({ violations: expect.any(String), blocking: '1', conclusion: 'failure' });
    expect(run.reportJson).not.toBeNull();
    expect(run.summary).toContain('`deploy/pod.yaml:');
    expect(run.summary).toContain('The check run could not be published (GitHub answered 503');
    expect(run.status).toBe(1);
  });

  it('ends in a check run saying what failed when the pull request cannot be read', async () => {
    const pr = await pullRequest({ 'deploy/pod.yaml': pod('web') });
    emulator.faults.serverErrors({ status: 502, requests: Number.POSITIVE_INFINITY, route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files' });
    const run = await runAction(emulator, pr);
    expect(run.stdout).not.toContain('internal error');
    const [check] = checkRunsOf(pr);
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(check!.output.title).toBe('Not checked: GitHub failed while the pull request was read');
    expect(check!.output.summary).toContain('GitHub answered 502');
    expect(run.summary).toContain('no manifest was checked');
    expect(run.outputs.conclusion).toBe('failure');
    expect(run.status).toBe(1);
  });

  it('ends in a check run too when the rate limit is used up while reading', async () => {
    const pr = await pullRequest({ 'deploy/pod.yaml': pod('web') });
    emulator.faults.rateLimit({ resetInSeconds: 3_600, requests: 50 });
    const run = await runAction(emulator, pr);
    emulator.faults.clear();
    expect(run.stdout).not.toContain('internal error');
    expect(run.summary).toContain('API rate limit exceeded');
    expect(run.outputs.conclusion).toBe('failure');
    expect(run.status).toBe(1);
  });
});

describe('big pull requests (issue 15 item 5)', () => {
  const padding = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pad-${i}\ndata: {}\n`;
  const files = () => {
    const out: Record<string, string> = {};
    for (let i = 0; i < 7; i++) out[`deploy/a-${i}.yaml`] = padding(i);
    out['deploy/z-privileged.yaml'] = pod('root', '', '    securityContext:\n      privileged: true\n');
    return out;
  };

  it('says that findings in a file GitHub gives no diff for are in the check run, and says nothing of one without findings', async () => {
    // GitHub leaves out the patch of a file whose diff is too long: such a file takes no inline comment.
    const small = await startEmulator({ maxPatchLines: 20 });
    try {
      const long = (name: string, container = '') => `${Array.from({ length: 30 }, (_, i) => `# line ${i}`).join('\n')}\n${pod(name, '', container)}`;
      const restricted = '    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities: {drop: [ALL]}\n      runAsNonRoot: true\n      seccompProfile: {type: RuntimeDefault}\n';
      const pr = await pullRequest({ 'deploy/clean.yaml': long('clean', restricted), 'deploy/root.yaml': long('root', '    securityContext:\n      privileged: true\n') }, undefined, small);
      const run = await runAction(small, pr, { inputs: { suggestions: 'false' } });
      const [check] = checkRunsOf(pr, small);
      expect(check!.output.summary).toContain('GitHub gave no diff for `deploy/root.yaml` (binary or too large): its findings are reported here, not as inline comments.');
      expect(check!.output.summary).not.toContain('deploy/clean.yaml');
      expect(run.summary).toContain('GitHub gave no diff for `deploy/root.yaml`');
      expect(small.state.reviews.flatMap((r) => r.comments)).toEqual([]);

      // Only the file without findings: no word of it.
      const quiet = await pullRequest({ 'deploy/clean.yaml': long('clean', restricted) }, undefined, small);
      await runAction(small, quiet, { inputs: { suggestions: 'false' } });
      expect(checkRunsOf(quiet, small)[0]!.output.summary).not.toContain('gave no diff');
      expect(small.unexpectedRequests()).toEqual([]);
      expect(small.problems).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('from a clone too, comments only where GitHub shows a diff: one comment on a file without would lose them all', async () => {
    // The clone's diff has hunks for every file; GitHub's listing leaves out the patch of the long one (calico.yaml, 700 KB).
    const small = await startEmulator({ maxPatchLines: 20 });
    try {
      const long = `${Array.from({ length: 30 }, (_, i) => `# line ${i}`).join('\n')}\n${pod('root', '', '    securityContext:\n      privileged: true\n')}`;
      const pr = await pullRequest({ 'deploy/host.yaml': pod('host'), 'deploy/root.yaml': long }, undefined, small);
      const run = await runAction(small, pr, { workspace: pr.gitDir, inputs: { source: 'git' } });
      const reviews = small.requests.filter((r) => r.route === 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews');
      expect(reviews.map((r) => r.status)).toEqual([200]);
      // hostPID on line 6, the restricted warnings on the container: none on the long file.
      expect(small.state.reviews.flatMap((r) => r.comments.map((c) => [c.path, c.line]))).toEqual([
        ['deploy/host.yaml', 6],
        ['deploy/host.yaml', 9],
      ]);
      const [check] = checkRunsOf(pr, small);
      expect(check!.output.summary).toContain('GitHub gave no diff for `deploy/root.yaml` (binary or too large): its findings are reported here, not as inline comments.');
      expect(run.outputs.blocking).toBe('2');
      expect(small.unexpectedRequests()).toEqual([]);
      expect(small.problems).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('checks the files past the listing cap, found by comparing the commits’ trees', async () => {
    const capped = await startEmulator({ maxListedFiles: 5 });
    try {
      const pr = await pullRequest(files(), undefined, capped);
      const run = await runAction(capped, pr, { inputs: { suggestions: 'false' } });
      const [check] = checkRunsOf(pr, capped);
      expect(check!.conclusion).toBe('failure');
      expect(check!.annotations).toContainEqual(expect.objectContaining({ path: 'deploy/z-privileged.yaml', annotation_level: 'failure', message: expect.stringContaining('must not set securityContext.privileged=true') }));
      expect(check!.output.summary).toMatch(/GitHub listed 5 of the 8 changed files .*found by comparing the commits' trees/);
      expect(run.outputs.blocking).toBe('1');
      expect(capped.unexpectedRequests()).toEqual([]);
      expect(capped.problems).toEqual([]);
    } finally {
      await capped.close();
    }
  });

  it('is never green when the files past the cap cannot be listed either, and says so', async () => {
    const capped = await startEmulator({ maxListedFiles: 5, maxTreeEntries: 3 });
    try {
      const pr = await pullRequest(files(), undefined, capped);
      const run = await runAction(capped, pr, { inputs: { suggestions: 'false' } });
      const [check] = checkRunsOf(pr, capped);
      expect(check!.conclusion).not.toBe('success');
      expect(check!.output.title).toContain('not checked');
      expect(check!.output.summary).toContain("the rest could not be listed (the commits' trees are too large for GitHub to list)");
      expect(run.summary).toContain('(files GitHub did not list)');
      expect(capped.unexpectedRequests()).toEqual([]);
      expect(capped.problems).toEqual([]);
    } finally {
      await capped.close();
    }
  });
});
