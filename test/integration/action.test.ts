/**
 * The Action end to end: the committed dist/index.js, run as the runner runs
 * it, against the local GitHub emulator (OpenAPI-validated, as strict as
 * GitHub about anchors), on the scenario fixtures.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../helpers/github-emulator/index.js';
import type { Emulator, PullRequestHandle } from '../helpers/github-emulator/index.js';
import { nodeBinaries } from '../helpers/nodes.js';
import { fixturesDir } from '../helpers/paths.js';
import { runAction } from '../helpers/runAction.js';
import { readFingerprints } from '../../src/report/fingerprint.js';

const scenario = (name: string, side: 'base' | 'head') => path.join(fixturesDir, 'scenarios', name, side);

let emulator: Emulator;
let next = 1;
const temporary: string[] = [];
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => emulator.reset());
afterEach(() => {
  // Every request the Action made must be one the emulator knows: no unexpected endpoints, no emulator bugs.
  expect(emulator.unexpectedRequests()).toEqual([]);
  expect(emulator.problems).toEqual([]);
  emulator.faults.clear();
  emulator.setPermissions({ contents: 'read', pull_requests: 'write', checks: 'write' });
});

async function pullRequest(name: string): Promise<PullRequestHandle> {
  return emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: scenario(name, 'base'), headDir: scenario(name, 'head') });
}

const reviewsOf = (pr: PullRequestHandle) => emulator.state.reviews.filter((r) => r.pullNumber === pr.number);
const checkRunsOf = (pr: PullRequestHandle) => emulator.state.checkRuns.filter((c) => c.headSha === pr.headSha);

describe('the Action on a pull request', () => {
  it('reviews only the changed pod specs: inline comments on diff lines, everything in the check run, summary and outputs', async () => {
    const pr = await pullRequest('modified-with-old-violation');
    const run = await runAction(emulator, pr);
    expect(run.stderr).toBe('');
    // One review, one inline comment: hostPID (line 16) is in the diff; privileged (line 23) and the warnings are not.
    const [review, ...more] = reviewsOf(pr);
    expect(more).toEqual([]);
    expect(review).toMatchObject({ state: 'COMMENTED', commitId: pr.headSha });
    expect(review!.comments.map((c) => [c.path, c.line, c.startLine, c.side])).toEqual([['deploy/worker.yaml', 16, null, 'RIGHT']]);
    expect(review!.comments[0]!.body).toContain('\n- host namespaces (hostPID=true)\n');
    expect(review!.comments[0]!.body).toContain('<!-- pod-security-review:');
    // The check run carries every finding.
    const [check] = checkRunsOf(pr);
    expect(check).toMatchObject({ name: 'Pod Security', status: 'completed', conclusion: 'failure' });
    expect(check!.output.title).toBe('2 blocking violations, 4 warnings');
    // Annotations complement the comment: line 16 has one; line 22's four warnings share one annotation.
    expect(check!.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ['deploy/worker.yaml', 23, 'failure'],
      ['deploy/worker.yaml', 22, 'warning'],
    ]);
    expect(check!.output.summary).toMatch(/^❌ \*\*2\*\* blocking · ⚠️ \*\*4\*\* warnings — /);
    expect(check!.output.summary).toContain('| Location | Workload | What fails | Status |');
    expect(check!.output.text).toContain('- ❌ `privileged`: privileged (container "worker" must not set securityContext.privileged=true)');
    // The review body names the blocker that has no comment.
    expect(review!.body).toContain('[`deploy/worker.yaml:23`](https://github.com/acme/shop/blob/');
    // Namespace manifests: the workload's namespace is not among the changed files, so the note says which.
    expect(check!.output.summary).toContain('Namespace `shop` is not defined in the changed files');
    expect(run.summary).toContain('## Pod Security: 2 blocking violations, 4 warnings');
    expect(run.summary).toContain('`deploy/worker.yaml:16`');
    expect((run.reportJson as { findings: unknown[] }).findings).toHaveLength(6);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::2 blocking violations, 4 warnings');
  });

  it('posts nothing new when run again on the same head', async () => {
    const pr = await pullRequest('new-workload');
    await runAction(emulator, pr);
    const reviews = reviewsOf(pr).length;
    const comments = emulator.state.reviewComments.length;
    const second = await runAction(emulator, pr);
    expect(reviewsOf(pr)).toHaveLength(reviews);
    expect(emulator.state.reviewComments).toHaveLength(comments);
    // The check run is still reported for the head commit.
    expect(checkRunsOf(pr)).toHaveLength(2);
    expect(second.outputs.conclusion).toBe('failure');
  });

  it('resolves the thread of a finding that a push fixed, and replies once when it may not resolve', async () => {
    const pr = await pullRequest('new-workload');
    emulator.setPermissions({ contents: 'write' });
    await runAction(emulator, pr);
    // Two comments: hostNetwork on its line, and the four restricted warnings that share the container's line.
    expect(emulator.state.threads.filter((t) => t.pullNumber === pr.number)).toHaveLength(2);
    // Push a head where the workload no longer uses the host network.
    const fixed = mkdtempSync(path.join(tmpdir(), 'psr-fixed-'));
    temporary.push(fixed);
    cpSync(scenario('new-workload', 'head'), fixed, { recursive: true });
    writeFileSync(path.join(fixed, 'deploy/api.yaml'), readFileSync(path.join(fixed, 'deploy/api.yaml'), 'utf8').replace('      hostNetwork: true\n', ''));
    const pushed = await emulator.pushToPullRequest('acme', 'shop', pr.number, fixed);
    const run = await runAction(emulator, pushed);
    const threads = emulator.state.threads.filter((t) => t.pullNumber === pr.number);
    expect(threads.filter((t) => t.isResolved)).toHaveLength(1);
    expect(run.outputs.blocking).toBe('0');
    expect(run.status).toBe(0);
    // Nothing new to say: no second review.
    expect(reviewsOf(pr)).toHaveLength(1);
  });

  it('replies once, instead of resolving, when the token may not resolve threads', async () => {
    const pr = await pullRequest('new-workload');
    await runAction(emulator, pr);
    const fixed = mkdtempSync(path.join(tmpdir(), 'psr-fixed-'));
    temporary.push(fixed);
    cpSync(scenario('new-workload', 'head'), fixed, { recursive: true });
    writeFileSync(path.join(fixed, 'deploy/api.yaml'), readFileSync(path.join(fixed, 'deploy/api.yaml'), 'utf8').replace('      hostNetwork: true\n', ''));
    const pushed = await emulator.pushToPullRequest('acme', 'shop', pr.number, fixed);
    await runAction(emulator, pushed);
    await runAction(emulator, pushed);
    expect(emulator.state.threads.filter((t) => t.pullNumber === pr.number && t.isResolved)).toEqual([]);
    expect(emulator.state.replies.map((r) => r.body)).toEqual([expect.stringContaining('✅ Fixed: this finding is gone')]);
  });

  it('requests changes only for blockers, and dismisses its change request once nothing blocks', async () => {
    const pr = await pullRequest('new-workload');
    await runAction(emulator, pr, { inputs: { 'review-event': 'REQUEST_CHANGES' } });
    expect(reviewsOf(pr).map((r) => r.state)).toEqual(['CHANGES_REQUESTED']);
    const fixed = mkdtempSync(path.join(tmpdir(), 'psr-fixed-'));
    temporary.push(fixed);
    cpSync(scenario('new-workload', 'head'), fixed, { recursive: true });
    writeFileSync(path.join(fixed, 'deploy/api.yaml'), readFileSync(path.join(fixed, 'deploy/api.yaml'), 'utf8').replace('      hostNetwork: true\n', ''));
    const pushed = await emulator.pushToPullRequest('acme', 'shop', pr.number, fixed);
    const run = await runAction(emulator, pushed, { inputs: { 'review-event': 'REQUEST_CHANGES' } });
    expect(run.outputs.blocking).toBe('0');
    const [first] = reviewsOf(pr);
    expect(first).toMatchObject({ state: 'DISMISSED', dismissalMessage: expect.stringContaining('Nothing blocks at') });
  });

  it('comments on a malformed line in the diff and fails the check with a failure annotation elsewhere', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'psr-base-'));
    const head = mkdtempSync(path.join(tmpdir(), 'psr-head-'));
    temporary.push(base, head);
    writeFileSync(path.join(base, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    writeFileSync(path.join(head, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: a: b: c\ndata:\n  k: v\n');
    const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: base, headDir: head });
    const run = await runAction(emulator, pr);
    const comments = reviewsOf(pr).flatMap((r) => r.comments);
    expect(comments.map((c) => c.path)).toEqual(['ok.yaml']);
    expect(comments[0]!.body).toMatch(/^> \[!CAUTION\]\n> \*\*`ok\.yaml` could not be checked\*\* \(blocking\)/);
    // The comment carries it: no annotation repeats it.
    expect(checkRunsOf(pr)[0]!.annotations).toEqual([]);
    expect(checkRunsOf(pr)[0]!.conclusion).toBe('failure');
    expect(run.status).toBe(1);
  });

  it('with a read-only token (a fork pull request) still reports every finding', async () => {
    const pr = await pullRequest('modified-with-old-violation');
    emulator.faults.readOnly(true);
    const run = await runAction(emulator, pr);
    expect(reviewsOf(pr)).toEqual([]);
    expect(checkRunsOf(pr)).toEqual([]);
    expect(run.stdout).toContain('::warning::The token cannot write to this repository');
    // No comment could be posted: every finding is annotated, the findings of one line together.
    expect(run.stdout).toContain('::error title=Pod Security%3A Host Namespaces,file=deploy/worker.yaml,line=16::host namespaces (hostPID=true) [hostNamespaces]');
    expect(run.stdout).toContain('::error title=Pod Security%3A Privileged Containers,file=deploy/worker.yaml,line=23::');
    expect(run.stdout.match(/::warning title=Pod Security%3A 4 checks,file=deploy\/worker.yaml,line=22::/g)).toHaveLength(1);
    expect(run.summary).toContain('The token cannot write to this repository');
    expect(run.summary).toContain('`deploy/worker.yaml:23`');
    expect(run.outputs).toMatchObject({ violations: '6', blocking: '2', conclusion: 'failure' });
    expect(run.status).toBe(1);
  });

  it('waits out a secondary rate limit and recovers from server errors', async () => {
    const pr = await pullRequest('new-workload');
    emulator.faults.secondaryRateLimit({ retryAfter: 1, requests: 1, route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews' });
    emulator.faults.serverErrors({ requests: 1, status: 502, route: 'POST /repos/{owner}/{repo}/check-runs' });
    const run = await runAction(emulator, pr);
    expect(reviewsOf(pr)).toHaveLength(1);
    expect(checkRunsOf(pr)).toHaveLength(1);
    expect(run.outputs.conclusion).toBe('failure');
  });

  it('reports everything in the summary and the job status when GitHub keeps failing', async () => {
    const pr = await pullRequest('new-workload');
    emulator.faults.serverErrors({ requests: 20, status: 503, route: 'POST /repos/{owner}/{repo}/check-runs' });
    const run = await runAction(emulator, pr);
    expect(checkRunsOf(pr)).toEqual([]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::');
  });

  it('publishes the check run and the summary with every finding when the review keeps failing', async () => {
    const pr = await pullRequest('modified-with-old-violation');
    emulator.faults.serverErrors({ requests: 20, status: 503, route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews' });
    const run = await runAction(emulator, pr);
    expect(reviewsOf(pr)).toEqual([]);
    const [check] = checkRunsOf(pr);
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(check!.annotations.map((a) => [a.path, a.start_line])).toContainEqual(['deploy/worker.yaml', 16]);
    // Without the comment, every finding is annotated: three lines.
    expect(check!.annotations).toHaveLength(3);
    expect(check!.output.summary).toContain('The review could not be posted (GitHub answered 503');
    expect(run.stdout).toContain('::warning::The review could not be posted (GitHub answered 503');
    expect(run.summary).toContain('The review could not be posted');
    // The finding that would have been an inline comment is listed as such nowhere: it is in the tables.
    expect(run.summary).toContain('`deploy/worker.yaml:16`');
    expect(run.outputs).toMatchObject({ violations: '6', blocking: '2', conclusion: 'failure' });
    expect(run.stdout).not.toContain('internal error');
    expect(run.status).toBe(1);
  });

  it('says which step failed when it is not the review: reading the earlier comments', async () => {
    const pr = await pullRequest('modified-with-old-violation');
    emulator.faults.serverErrors({ requests: 20, status: 502, route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments' });
    const run = await runAction(emulator, pr);
    expect(reviewsOf(pr)).toEqual([]);
    expect(checkRunsOf(pr)[0]!.annotations).toHaveLength(3);
    expect(run.stdout).toContain('::warning::The earlier comments could not be read (GitHub answered 502');
    expect(run.summary).toContain('The earlier comments could not be read');
    expect(run.outputs).toMatchObject({ violations: '6', blocking: '2', conclusion: 'failure' });
  });

  it('publishes the check run when a pending review of the same user blocks a new one', async () => {
    const pr = await pullRequest('modified-with-old-violation');
    // A draft review left by the same token (another step of the workflow): GitHub allows one per user.
    const draft = await fetch(`${emulator.url}/repos/${pr.owner}/${pr.repo}/pulls/${pr.number}/reviews`, {
      method: 'POST',
      headers: { authorization: `token ${emulator.token}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
      body: JSON.stringify({ body: 'draft' }),
    });
    expect(draft.status).toBe(200);
    const run = await runAction(emulator, pr);
    expect(reviewsOf(pr).map((r) => r.state)).toEqual(['PENDING']);
    expect(checkRunsOf(pr)).toHaveLength(1);
    expect(checkRunsOf(pr)[0]!.annotations).toHaveLength(3);
    expect(run.stdout).toContain('::warning::GitHub rejected the inline comments');
    expect(run.stdout).toContain('::warning::The review could not be posted (GitHub answered 422');
    expect(run.summary).toContain('User can only have one pending review per pull request');
    expect(run.outputs).toMatchObject({ violations: '6', blocking: '2', conclusion: 'failure' });
  });

  it('caps inline comments and lists the rest', async () => {
    const pr = await pullRequest('namespaces');
    const run = await runAction(emulator, pr, { inputs: { 'max-comments': '2' } });
    const [review] = reviewsOf(pr);
    expect(review!.comments).toHaveLength(2);
    expect(review!.body).toMatch(/blockers? ha(s|ve) no inline comment/);
    expect(review!.body).toContain('[Every finding is in the check run](https://github.com/acme/shop/pull/');
    // What the two comments do not carry is annotated, once per line: together they cover every finding.
    const commented = review!.comments.flatMap((c) => readFingerprints(c.body)).length;
    const annotated = checkRunsOf(pr)[0]!.annotations.filter((a) => a.title !== 'Pod Security: file not checked' && a.title !== 'Pod Security: manifest warning');
    expect(annotated.reduce((n, a) => n + a.message.split('\n').length, 0) + commented).toBe(Number(run.outputs.violations));
    expect(run.summary).toContain('**Ignored by the policy**');
    expect(run.summary).toContain('namespace kube-system is exempt');
    expect(run.summary).toContain('**Opt-out annotations that do not count**');
  });

  it('comments the findings left over by the cap on later pushes, max-comments at a time, and nothing more on a re-run', async () => {
    const all = await pullRequest('namespaces');
    await runAction(emulator, all, { inputs: { 'max-comments': '100' } });
    const commentable = reviewsOf(all).flatMap((r) => r.comments).length;
    expect(commentable).toBeGreaterThanOrEqual(3);

    let pr = await pullRequest('namespaces');
    const commentsOf = () => reviewsOf(pr).flatMap((r) => r.comments);
    const perPush: number[] = [];
    for (let push = 0; push <= commentable; push++) {
      const before = commentsOf().length;
      await runAction(emulator, pr, { inputs: { 'max-comments': '1' } });
      const posted = commentsOf().length;
      perPush.push(posted - before);
      // A re-run of the same head adds nothing, whatever is left over.
      await runAction(emulator, pr, { inputs: { 'max-comments': '1' } });
      expect(commentsOf()).toHaveLength(posted);
      // The next push changes no manifest: a new head commit with the same findings.
      const next = mkdtempSync(path.join(tmpdir(), 'psr-push-'));
      temporary.push(next);
      cpSync(scenario('namespaces', 'head'), next, { recursive: true });
      writeFileSync(path.join(next, `NOTES-${push}.md`), 'not a manifest\n');
      pr = await emulator.pushToPullRequest('acme', 'shop', pr.number, next);
    }
    // One more on each push, then nothing (and no review) once every one has its comment.
    expect(perPush).toEqual([...Array.from({ length: commentable }, () => 1), 0]);
    expect(reviewsOf(pr)).toHaveLength(commentable);
    const comments = commentsOf().map((c) => `${c.path}:${c.line}:${c.body}`);
    expect(new Set(comments).size).toBe(commentable);
  });

  it('applies the policy from the base commit, and reads namespaces from a checkout', async () => {
    const pr = await pullRequest('namespaces');
    const run = await runAction(emulator, pr, { workspace: pr.gitDir });
    const report = run.reportJson as { findings: { name: string; level: string; version: string; levelSource: { kind: string } }[]; ignored: unknown[] };
    expect(report.findings.filter((f) => f.name === 'api').map((f) => `${f.level}:${f.version}`)).toEqual(Array(4).fill('restricted:v1.30'));
    expect(report.ignored).toHaveLength(3);
    // Read from git, not the API: no blob reads. The files are listed once, for which of them GitHub shows a diff of.
    expect(emulator.calls('GET /repos/{owner}/{repo}/pulls/{pull_number}/files')).toHaveLength(1);
    expect(emulator.requests.filter((r) => r.graphql !== null && r.graphql.includes('blobs'))).toEqual([]);
  });

  it('does nothing but say why on an event it does not review', async () => {
    const pr = await pullRequest('new-workload');
    const run = await runAction(emulator, pr, { eventName: 'issues', payload: { action: 'opened' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Nothing to do: the issues event is not one this Action reviews');
    expect(run.outputs.conclusion).toBe('skipped');
    expect(reviewsOf(pr)).toEqual([]);
  });

  it('checks a merge group from the local repository, without a review', async () => {
    const pr = await pullRequest('new-workload');
    const run = await runAction(emulator, pr, { eventName: 'merge_group', payload: { merge_group: { base_sha: pr.baseSha, head_sha: pr.headSha } }, workspace: pr.gitDir });
    expect(reviewsOf(pr)).toEqual([]);
    expect(checkRunsOf(pr)).toMatchObject([{ conclusion: 'failure' }]);
    expect(run.status).toBe(1);
  });

  it('fails with a clear message on a bad input', async () => {
    const pr = await pullRequest('new-workload');
    const run = await runAction(emulator, pr, { inputs: { level: 'strict' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::input level: "strict": must be one of privileged, baseline, restricted');
  });
});

describe.each(nodeBinaries().map((n) => [n.version, n.path] as const))('the bundle on Node %s', (_version, node) => {
  it('reviews a pull request', async () => {
    const pr = await pullRequest('json');
    const run = await runAction(emulator, pr, { node });
    expect(run.stderr).toBe('');
    expect(reviewsOf(pr)).toHaveLength(1);
    expect(run.outputs.conclusion).toBe('failure');
  });
});

describe('the Action when GitHub truncates the pull request', () => {
  it('says that files were not listed, and still checks the ones it got', async () => {
    const capped = await startEmulator({ maxListedFiles: 1 });
    try {
      const pr = await capped.addPullRequest({ owner: 'acme', repo: 'shop', number: 1, baseDir: scenario('namespaces', 'base'), headDir: scenario('namespaces', 'head') });
      const run = await runAction(capped, pr);
      expect(run.summary).toMatch(/GitHub listed 1 of the \d+ changed files/);
      expect(capped.state.checkRuns[0]!.output.summary).toMatch(/GitHub listed 1 of the \d+ changed files/);
      expect(capped.unexpectedRequests()).toEqual([]);
    } finally {
      await capped.close();
    }
  });
});

describe('suggestions posted by the Action', () => {
  // new-workload: suggestions on their splice; inherited-fix: a pod-level fix whose range reaches down to the container's line.
  it.each([
    ['new-workload', 'deploy/api.yaml'],
    ['inherited-fix', 'deploy/web.yaml'],
  ])('on %s apply to the head file and fix the findings of their comment, without breaking anything else', async (name, file) => {
    const { evaluateFiles } = await import('../../src/findings/evaluateFiles.js');
    const { policyContext } = await import('../../src/findings/policyContext.js');
    const pr = await pullRequest(name);
    await runAction(emulator, pr, { inputs: { level: 'restricted' } });
    const comments = reviewsOf(pr).flatMap((r) => r.comments);
    const withSuggestion = comments.filter((c) => /```+suggestion\n/.test(c.body));
    expect(withSuggestion.length).toBeGreaterThan(0);
    if (name === 'inherited-fix') expect(withSuggestion.map((c) => [c.startLine, c.line])).toEqual([[14, 18]]);
    const head = readFileSync(path.join(scenario(name, 'head'), file), 'utf8');
    const evaluate = (text: string) =>
      evaluateFiles([{ path: file, content: text }], { policy: policyContext('2026-01-01', { overrides: { level: 'restricted' } }) }).findings.map((f) => f.check);
    const before = evaluate(head);
    for (const comment of withSuggestion) {
      const block = /(`{3,})suggestion\n([\s\S]*?)\1/.exec(comment.body)!;
      const lines = head.split('\n');
      const start = (comment.startLine ?? comment.line) - 1;
      lines.splice(start, comment.line - start, ...(block[2] === '' ? [] : block[2]!.replace(/\n$/, '').split('\n')));
      const after = evaluate(lines.join('\n'));
      // The comment's marker names one fingerprint per finding it fixes: that many findings are gone, and none is new.
      const fixed = readFingerprints(comment.body).length;
      expect(fixed).toBeGreaterThan(0);
      expect(before.length - after.length, `findings left after applying the suggestion at ${comment.line}`).toBeGreaterThanOrEqual(fixed);
      for (const check of after) expect(before).toContain(check);
    }
  });
});

describe('the Action paces its writes to GitHub', () => {
  it('spaces writes and GraphQL queries at least 1 s apart, as GitHub advises, unless POD_SECURITY_REVIEW_WRITE_INTERVAL_MS says otherwise', async () => {
    const pr = await pullRequest('new-workload');
    const paced = await runAction(emulator, pr, { writeInterval: 'github' });
    expect(paced.stdout).not.toContain('POD_SECURITY_REVIEW_WRITE_INTERVAL_MS');
    const writes = emulator.requests.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => r.route)).toEqual(expect.arrayContaining(['POST /graphql', 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', 'POST /repos/{owner}/{repo}/check-runs']));
    // A floor, not a speed: a loaded machine only spaces them further. The
    // client starts each write at least 1 s after the one before; arrivals
    // can only lag their start, so first to last spans (n - 1) s, less the
    // lag of the first arrival (a scheduling delay: well under 0.5 s).
    const arrivals = writes.map((r) => r.receivedAt);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual((arrivals.length - 1) * 1000 - 500);
    // Set explicitly, the spacing is replaced, and the log says so.
    const unpaced = await runAction(emulator, pr, { writeInterval: 0 });
    expect(unpaced.stdout).toContain('GitHub API writes are spaced 0 ms apart (POD_SECURITY_REVIEW_WRITE_INTERVAL_MS)');
    expect(unpaced.outputs.conclusion).toBe(paced.outputs.conclusion);
  });

  it('fails with a clear message on a bad POD_SECURITY_REVIEW_WRITE_INTERVAL_MS', async () => {
    const pr = await pullRequest('new-workload');
    const run = await runAction(emulator, pr, { writeInterval: -5 });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::POD_SECURITY_REVIEW_WRITE_INTERVAL_MS: "-5" is not a whole number of milliseconds from 0 to 999999');
    expect(emulator.requests).toEqual([]);
  });
});

describe('the Action spends few API requests', () => {
  it('reads the contents of F changed manifests and the config (at base and head) in ⌈(2F + 2)/100⌉ GraphQL queries, and lists files 100 per page', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'psr-many-base-'));
    const head = mkdtempSync(path.join(tmpdir(), 'psr-many-head-'));
    temporary.push(base, head);
    const pod = (name: string, extra: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n  - name: app\n    image: registry.example/app:1\n`;
    for (let i = 0; i < 120; i++) {
      writeFileSync(path.join(base, `pod-${i}.yaml`), pod(`pod-${i}`, ''));
      writeFileSync(path.join(head, `pod-${i}.yaml`), pod(`pod-${i}`, i === 0 ? '  hostPID: true\n' : '  hostIPC: false\n'));
    }
    const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: base, headDir: head });
    await runAction(emulator, pr, { inputs: { 'warn-level': 'privileged' } });
    const graphql = emulator.requests.filter((r) => r.route === 'POST /graphql').map((r) => r.graphql);
    // ⌈(2 × 120 + 2)/100⌉ = 3 queries for base and head contents and the config file at both (and 1 for review threads).
    expect(graphql.filter((g) => g === 'blobs')).toHaveLength(3);
    expect(graphql.filter((g) => g === 'reviewThreads')).toHaveLength(1);
    expect(emulator.calls('GET /repos/{owner}/{repo}/pulls/{pull_number}/files')).toHaveLength(2);
    expect(emulator.calls('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews')).toHaveLength(1);
    expect(emulator.calls('POST /repos/{owner}/{repo}/check-runs')).toHaveLength(1);
    // The merge base is asked once, though the change set and the rendering stage both need it.
    expect(emulator.calls('GET /repos/{owner}/{repo}/compare/{basehead}')).toHaveLength(1);
  });
});
