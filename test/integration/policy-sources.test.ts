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

describe('the cluster PodSecurityConfiguration', () => {
  it('replaces the built-in defaults: restricted blocks, kube-system is exempt, usernames are noted', async () => {
    const pr = await pullRequest('admission-config');
    const run = await runAction(emulator, pr);
    expect(run.stderr).toBe('');
    const [check] = checkRunsOf(pr);
    expect(check).toMatchObject({ conclusion: 'failure' });
    // The finding has an inline comment: no annotation repeats it.
    expect(reviewsOf(pr).flatMap((r) => r.comments).map((c) => [c.path, c.line])).toEqual([['apps/web.yaml', 19]]);
    expect(check!.annotations).toEqual([]);
    expect(check!.output.summary).toContain('namespace kube-system is exempt (exemptions.namespaces\\[0\\] in cluster/admission.yaml:17)');
    expect(run.summary).toContain('policy `restricted:latest, warn restricted:latest`');
    expect(run.summary).toContain('`cluster/admission.yaml:15`: exemptions.usernames (system:serviceaccount:kube-system:replicaset-controller) depend on who creates the pod');
    const [comment] = reviewsOf(pr).flatMap((r) => r.comments);
    expect(comment!.body).toContain('from PodSecurityConfiguration defaults.enforce in cluster/admission.yaml:10');
  });
});

describe('the CLI with the cluster PodSecurityConfiguration', () => {
  async function cli(...args: string[]): Promise<{ status: number; stdout: string }> {
    const { runCli } = await import('../../src/cli/run.js');
    let stdout = '';
    const status = await runCli(args, { cwd: path.join(fixturesDir, 'scenarios', 'admission-config', 'head'), stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
    return { status, stdout };
  }

  it('check --admission-config reads a pinned file even outside the PATHs, and names it in the header', async () => {
    const { status, stdout } = await cli('check', '--admission-config', 'cluster/admission.yaml', 'apps/web.yaml');
    expect(status).toBe(1);
    expect(stdout).toContain('apps/web.yaml:16:9: error: Deployment shop/web: unrestricted capabilities');
    expect(stdout).toContain('cluster/admission.yaml:15: note: exemptions.usernames');
    expect(stdout).toContain('restricted:latest (warn restricted:latest): 1 pod spec checked, 1 violating');
  });

  it('check --policy-sources without admission-config keeps the built-in defaults', async () => {
    const { status, stdout } = await cli('check', '--policy-sources', 'config,namespace-labels', '.');
    expect(status).toBe(1);
    expect(stdout).toContain('baseline:latest (warn restricted:latest): 2 pod specs checked, 1 violating');
    expect(stdout).not.toContain('note:');
  });

  it('rejects an unknown source', async () => {
    const { status, stdout } = await cli('check', '--policy-sources', 'labels', '.');
    expect(status).toBe(2);
    expect(stdout).toContain('--policy-sources "labels": unknown policy source "labels"');
  });
});

describe('Kyverno validate.podSecurity rules', () => {
  it('block what an Enforce rule forbids where its namespace selector matches, after its exclusions by control and image', async () => {
    const pr = await pullRequest('kyverno-podsecurity');
    const run = await runAction(emulator, pr);
    expect(run.stderr).toBe('');
    const [check] = checkRunsOf(pr);
    expect(check).toMatchObject({ conclusion: 'failure' });
    // prod: Kyverno's restricted rule blocks the sidecar's runAsNonRoot; nginx's capabilities are excluded by image, so only the admission controller's warning remains.
    const { findings } = run.reportJson as { findings: { file: string; line: number; check: string; blocking: boolean; levelSource: { kind: string } }[] };
    expect(findings.filter((f) => f.blocking).map((f) => [f.file, f.line, f.check, f.levelSource.kind])).toEqual([['apps/web-prod.yaml', 23, 'runAsNonRoot', 'kyverno']]);
    expect(findings.filter((f) => f.file === 'apps/web-prod.yaml' && f.check === 'capabilities_restricted').map((f) => [f.blocking, f.levelSource.kind])).toEqual([[false, 'default']]);
    expect(findings.filter((f) => f.file === 'apps/web-dev.yaml').every((f) => !f.blocking)).toBe(true);
    expect(run.outputs).toMatchObject({ blocking: '1' });
    expect(run.summary).toContain('ClusterPolicy/psa: rule require-team-label (pattern) not evaluated (only validate.podSecurity rules are)');
    const comment = reviewsOf(pr).flatMap((r) => r.comments).find((c) => c.path === 'apps/web-prod.yaml' && c.body.includes('runAsNonRoot'));
    expect(comment?.body).toContain('kyverno: ClusterPolicy/psa rule restricted (policies/psa.yaml:8)');
  });
});

describe('Kyverno PolicyExceptions and preconditions', () => {
  it('honour the exceptions at the base commit, list what they exempt as ignored, and skip a rule whose preconditions do not hold', async () => {
    const pr = await pullRequest('kyverno-exception');
    const run = await runAction(emulator, pr);
    expect(run.stderr).toBe('');
    const report = run.reportJson as {
      findings: { file: string; check: string; blocking: boolean; levelSource: { detail: string } }[];
      ignored: { file: string; check: string; why: string[] }[];
    };
    // metrics-proxy: exempt from runAsNonRoot only; its capabilities still fail the rule, which names the exception.
    expect(report.findings.map((f) => [f.file, f.check, f.blocking, f.levelSource.detail])).toEqual([
      ['apps/metrics-proxy.yaml', 'capabilities_restricted', true, 'kyverno: ClusterPolicy/psa rule restricted (policies/psa.yaml:8); with PolicyException kyverno/metrics-proxy-root (policies/exceptions.yaml:20)'],
    ]);
    // node-agent: the DaemonSet is out of the generated rule altogether; ci-runner: the rule's precondition is false.
    expect(report.ignored.filter((f) => f.file === 'apps/node-agent.yaml').map((f) => f.check).sort()).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'hostNamespaces', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(report.ignored.find((f) => f.file === 'apps/metrics-proxy.yaml')?.why).toEqual(['PolicyException kyverno/metrics-proxy-root (policies/exceptions.yaml:20) exempts it from Kyverno ClusterPolicy/psa rule restricted']);
    expect([...report.findings, ...report.ignored].some((f) => f.file === 'apps/ci-runner.yaml')).toBe(false);
    expect(run.summary).toContain("2 PolicyExceptions honoured as Kyverno does when it runs with PolicyExceptions enabled (--enablePolicyException) in the exceptions' namespaces");
    expect(run.summary).toContain('Kyverno podSecurity rule evaluated: ClusterPolicy/psa rule restricted (restricted:latest, Enforce)');
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });
    expect(run.outputs).toMatchObject({ blocking: '1' });
  });
});

describe('hardening advice', () => {
  it('runs when the config enables it, never blocking except what it lists as blocking', async () => {
    const pr = await pullRequest('advice');
    const run = await runAction(emulator, pr);
    expect(run.stderr).toBe('');
    const { findings } = run.reportJson as { findings: { check: string; blocking: boolean }[] };
    expect(findings.filter((f) => f.check.startsWith('advice.')).map((f) => [f.check, f.blocking])).toEqual([
      ['advice.readOnlyRootFilesystem', false],
      ['advice.automountServiceAccountToken', false],
      ['advice.highUid', false],
      ['advice.imageDigest', true],
      ['advice.resourceLimits', false],
    ]);
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });
  });
});
