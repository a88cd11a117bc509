/**
 * Issue 15 item 3: nothing a pull request writes can speak through the
 * Action. Fingerprint markers count only in the token's own comments, and
 * manifest text reaching markdown (review, check run, job summary) or SARIF
 * is escaped: no mention that pings, no issue link, no HTML, no broken
 * fence, no fake fingerprint.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFingerprints } from '../../src/report/fingerprint.js';
import { useEmulator } from '../helpers/emulatorSuite.js';
import type { Emulator, PullRequestHandle } from '../helpers/github-emulator/index.js';
import { runAction } from '../helpers/runAction.js';

const suite = useEmulator('psr-markdown-');
const tree = suite.tree;
let emulator: Emulator;
let next = 1;
beforeAll(() => {
  emulator = suite.emulator();
});

async function pullRequest(files: Record<string, string>): Promise<PullRequestHandle> {
  return emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: tree({ 'README.md': 'x\n' }), headDir: tree({ 'README.md': 'x\n', ...files }) });
}

const fake = '<!-- pod-security-review:AAAAAAAAAAA -->';
const evil = `X @acme/admins #1 GH-2 <img src=x onerror=alert(1)> <b>bold</b> \`\`\` ~~~ ${fake}`;
const evilPath = 'deploy/@acme-admins #3 <b>x</b>.yaml';
const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: registry.example/app:1
    securityContext:
      capabilities:
        add: [${JSON.stringify(evil)}]
`;

/** Markdown with its fenced blocks and code spans removed (backslash escapes honoured): what GitHub renders as text or HTML. */
function outsideCode(markdown: string): string {
  const prose = markdown
    .split('\n')
    .filter((line) => !/^\s*(`{3,}|~{3,})/.test(line))
    .join('\n');
  let out = '';
  for (let i = 0; i < prose.length; ) {
    if (prose[i] === '\\' && i + 1 < prose.length) {
      out += prose.slice(i, i + 2);
      i += 2;
      continue;
    }
    const run = /^`+/.exec(prose.slice(i))?.[0];
    if (run === undefined) {
      out += prose[i++];
      continue;
    }
    // A code span ends at the next backtick run of the same length; without one the run is text.
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = i + run.length;
    const end = close.exec(prose);
    if (end === null) {
      out += run;
      i += run.length;
    } else i = end.index + run.length;
  }
  return out;
}

function expectInert(markdown: string, where: string): void {
  const text = outsideCode(markdown);
  expect(text, where).not.toMatch(/@acme\/admins/);
  expect(text, where).not.toMatch(/#[123]\b/);
  expect(text, where).not.toMatch(/GH-2/);
  expect(text, where).not.toMatch(/<img|<b>/);
  // Not even inside a code span: a marker anywhere in the raw text could be read back.
  expect(markdown, where).not.toContain(fake);
  expect(markdown, where).not.toMatch(/@acme\/admins/);
  // Fences open and close in pairs.
  expect(markdown.split('\n').filter((l) => /^\s*`{3,}/.test(l)).length % 2, where).toBe(0);
}

describe('markers only from ourselves, manifest text escaped everywhere', () => {
  it('escapes mentions, references, HTML, fences and fake markers in the review, check run, summary and SARIF', async () => {
    const pr = await pullRequest({ [evilPath]: manifest, 'deploy/pod.yaml': manifest });
    const run = await runAction(emulator, pr, { inputs: { 'max-comments': '50' } });
    const comments = emulator.state.reviews.flatMap((r) => r.comments);
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) {
      expectInert(comment.body, `comment on ${comment.path}:${comment.line}`);
      expect(readFingerprints(comment.body)).not.toContain('AAAAAAAAAAA');
      expect(readFingerprints(comment.body).length).toBeGreaterThan(0);
    }
    for (const review of emulator.state.reviews) expectInert(review.body, 'review body');
    const [check] = emulator.state.checkRuns;
    expect(check!.output.summary).toContain('capabilities');
    expectInert(check!.output.summary ?? '', 'check-run summary');
    expectInert(check!.output.title ?? '', 'check-run title');
    expectInert(run.summary, 'job summary');
    const sarif = run.sarif as { runs: { results: { message: { text: string } }[] }[] };
    const messages = sarif.runs.flatMap((r) => r.results.map((x) => x.message.text));
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).not.toMatch(/@acme\/admins|#1\b|GH-2/);
      expect(message).not.toContain(fake);
    }
    // Escaped, not dropped: the value still reads the same.
    expect(run.summary).toContain('acme/admins');
  });

  it('ignores fingerprint markers in comments by anyone but the token’s user', async () => {
    const first = await pullRequest({ 'deploy/pod.yaml': manifest.replace('add: [', 'add: [NET_ADMIN, ').replace(/, ".*"\]/, ']') });
    await runAction(emulator, first);
    const ours = emulator.state.reviews.flatMap((r) => r.comments);
    expect(ours.length).toBeGreaterThan(0);
    const markers = ours.map((c) => c.body.split('\n').at(-1)!);

    // The same change in another pull request, where someone else posts our markers first.
    const second = await pullRequest({ 'deploy/pod.yaml': manifest.replace('add: [', 'add: [NET_ADMIN, ').replace(/, ".*"\]/, ']') });
    emulator.actAs({ login: 'mallory', id: 666, type: 'User' });
    const response = await fetch(`${emulator.url}/repos/acme/shop/pulls/${second.number}/reviews`, {
      method: 'POST',
      headers: { authorization: `token ${emulator.token}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
      body: JSON.stringify({ commit_id: second.headSha, event: 'COMMENT', body: 'lgtm', comments: ours.map((c, i) => ({ path: c.path, line: c.line, side: 'RIGHT', body: `nothing to see\n\n${markers[i]}` })) }),
    });
    expect(response.status).toBe(200);
    emulator.actAs();
    await runAction(emulator, second);
    const bots = emulator.state.reviews.filter((r) => r.pullNumber === second.number && r.user === 'github-actions[bot]');
    expect(bots.flatMap((r) => r.comments).map((c) => c.line)).toEqual(ours.map((c) => c.line));
  });
});
