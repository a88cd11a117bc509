/**
 * The Action end to end on pull requests that change only Helm values or
 * Kustomize patches: the committed dist/index.js against the local GitHub
 * emulator (OpenAPI-validated, strict about anchors), rendering with the
 * real helm and kubectl kustomize from trees read through the API, as under
 * pull_request_target: each comment on the source line a human edits, and a
 * suggestion on values.yaml verified by rendering again.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent, startEmulator } from '../helpers/github-emulator/index.js';
import type { Emulator, PullRequestHandle } from '../helpers/github-emulator/index.js';
import { fixturesDir } from '../helpers/paths.js';
import { haveHelm, haveKustomize, missingTool, useCachedHelm } from '../helpers/renderTools.js';
import { runAction } from '../helpers/runAction.js';

const restorePath = useCachedHelm();
const scenario = (name: string, side: 'base' | 'head') => path.join(fixturesDir, 'render', name, side);

let emulator: Emulator;
let next = 1;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
  restorePath();
});
beforeEach(() => emulator.reset());
afterEach(() => {
  expect(emulator.unexpectedRequests()).toEqual([]);
  expect(emulator.problems).toEqual([]);
});

async function pullRequest(name: string): Promise<PullRequestHandle> {
  return emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: scenario(name, 'base'), headDir: scenario(name, 'head') });
}

/** The Action under pull_request_target, as a fork's pull request runs it: everything read through the API, no checkout. */
const runUnderTarget = (pr: PullRequestHandle, inputs?: Record<string, string>, on: Emulator = emulator) =>
  runAction(on, pr, { eventName: 'pull_request_target', payload: pullRequestEvent(pr, { action: 'synchronize', apiUrl: on.url }), ...(inputs ? { inputs } : {}) });
const reviewsOf = (pr: PullRequestHandle) => emulator.state.reviews.filter((r) => r.pullNumber === pr.number);
const checkRunsOf = (pr: PullRequestHandle) => emulator.state.checkRuns.filter((c) => c.headSha === pr.headSha);

/** A scenario's pull request run under pull_request_target, which posts one review without a word on stderr. */
async function oneReviewUnderTarget(scenarioName: string) {
  const pr = await pullRequest(scenarioName);
  const run = await runUnderTarget(pr);
  expect(run.stderr).toBe('');
  const [review, ...more] = reviewsOf(pr);
  expect(more).toEqual([]);
  return { pr, run, review: review! };
}

describe.skipIf(!haveHelm() || !haveKustomize())(`the Action renders charts and overlays ${haveHelm() && haveKustomize() ? '' : missingTool('helm or kubectl')}`, () => {
  it('a values change that turns hostNetwork on: a comment on the values line with a verified suggestion, under pull_request_target', async () => {
    const { pr, run, review } = await oneReviewUnderTarget('helm-values');
    // hostNetwork on its values line. The restricted checks the container already failed, on the values key
    // that writes its securityContext (line 11, a context line of the diff), are old warnings: no comment.
    expect(review!.comments.map((c) => [c.path, c.line, c.side])).toEqual([['charts/web/values.yaml', 9, 'RIGHT']]);
    const body = review!.comments[0]!.body;
    expect(body).toContain('```suggestion\nhostNetwork: false\n```');
    // The rendering read the trees through the API (git/trees), nothing else.
    expect(emulator.calls('GET /repos/{owner}/{repo}/git/trees/{tree_sha}').length).toBeGreaterThan(0);
    const [check] = checkRunsOf(pr);
    expect(check).toMatchObject({ conclusion: 'failure' });
    // Commented findings are not annotated again; the old warnings are, on their values line, with the suggestion in the JSON report.
    expect(check!.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([['charts/web/values.yaml', 11, 'warning']]);
    expect(run.outputs).toMatchObject({ violations: '4', blocking: '1', conclusion: 'failure' });
    expect(run.summary).toContain('`charts/web/values.yaml:9`');
    const report = run.reportJson as { findings: { rendered: unknown; fix: { startLine: number } | null }[] };
    expect(report.findings[0]!.rendered).toEqual({ tool: 'helm', root: 'charts/web', sourceFile: 'charts/web/values.yaml', sourceLine: 9, changeLine: { file: 'charts/web/values.yaml', line: 9 }, exact: true });
    expect(report.findings[1]!.rendered).toEqual({ tool: 'helm', root: 'charts/web', sourceFile: 'charts/web/values.yaml', sourceLine: 11, changeLine: { file: 'charts/web/values.yaml', line: 9 }, exact: true });
    expect(report.findings[1]!.fix?.startLine).toBe(12);
  });

  it("an Argo CD Application of this repository's chart: rendered with its values, the comment and a verified suggestion on its `valuesObject` line", async () => {
    const { pr, run, review } = await oneReviewUnderTarget('helm-application');
    // The Application installs charts/web from acme/shop itself, in namespace prod, as release web, with hostNetwork on.
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([['apps/web-prod.yaml', 19]]);
    expect(review.comments[0]!.body).toContain('```suggestion\n        hostNetwork: false\n```');
    expect(review.comments[0]!.body).toContain('charts/web (Application web-prod)');
    const report = run.reportJson as { findings: { namespace: string; name: string; check: string }[]; errors: unknown[] };
    expect(report.findings.find((f) => f.check === 'hostNamespaces')).toMatchObject({ namespace: 'prod', name: 'web' });
    // Its pod specs are checked: no notice that they are not, and the check run says what fails.
    expect(report.errors).toEqual([]);
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });
  });

  it("a new Application whose values file the change leaves as it was: the comment on the Application's line naming that file, saying where the value is written", async () => {
    const { pr, run, review } = await oneReviewUnderTarget('helm-application-values-file');
    // No line of the diff writes hostNetwork (charts/web/values-prod.yaml is as it was): the new Application's entry that names that file does.
    // What the chart's template alone fails (no securityContext) is on the line that names the chart.
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([
      ['apps/web-prod.yaml', 18],
      ['apps/web-prod.yaml', 15],
    ]);
    expect(review.comments[1]!.body).toContain('4 restricted');
    const body = review.comments[0]!.body;
    expect(body).toContain('(blocking)\n\n- host namespaces (hostNetwork=true)\n');
    expect(body).toContain('_Rendered by helm from `charts/web (Application web-prod)`._ Its line in the chart: `charts/web/templates/deployment.yaml` line 12 (the value from `charts/web/values-prod.yaml` line 1)');
    // The finding is where its value is written, in the report and the check run alike.
    const report = run.reportJson as { findings: { file: string; line: number; check: string }[] };
    expect(report.findings.find((f) => f.check === 'hostNamespaces')).toMatchObject({ file: 'charts/web/templates/deployment.yaml', line: 12 });
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });

    // A value of the chart's own values.yaml, which the Application does not name: the comment on its line that names the chart.
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-application-line-'));
    try {
      for (const side of ['base', 'head'] as const) {
        cpSync(scenario('helm-application-values-file', side), path.join(dir, side), { recursive: true });
        writeFileSync(path.join(dir, side, 'charts/web/values.yaml'), 'image: web:1.0\nhostNetwork: true\n');
        writeFileSync(path.join(dir, side, 'charts/web/values-prod.yaml'), 'image: web:2.0\n');
      }
      const ownValues = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: path.join(dir, 'base'), headDir: path.join(dir, 'head') });
      await runUnderTarget(ownValues);
      const [ownReview] = reviewsOf(ownValues);
      expect(ownReview!.comments.map((c) => [c.path, c.line])).toEqual([['apps/web-prod.yaml', 15]]);
      expect(ownReview!.comments[0]!.body).toContain('(the value from `charts/web/values.yaml` line 2)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an Application that only swaps the values file it names: rendered at base with the old one, the comment on the entry that names the new one', async () => {
    const { pr, review } = await oneReviewUnderTarget('helm-application-swapped-values');
    // Neither values file changed: values-prod.yaml, which the Application now names in place of values-dev.yaml, turns the host network on.
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([['apps/web.yaml', 18]]);
    expect(review.comments[0]!.body).toContain('Its line in the chart: `charts/web/templates/deployment.yaml` line 12 (the value from `charts/web/values-prod.yaml` line 1)');
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });
  });

  it('an Application the change moves to a namespace that enforces restricted, with a checkout: judged there anew, the comment on the line that moves it', async () => {
    const pr = await pullRequest('helm-application-namespace-moved');
    // The Namespace manifests are read from the checkout (without one, only the changed files are).
    const run = await runAction(emulator, pr, { workspace: pr.gitDir, inputs: { source: 'git' } });
    expect(run.stderr).toBe('');
    const [review] = reviewsOf(pr);
    // The chart and its values are as they were; its Deployment now lands in prod, whose label enforces restricted.
    expect(review!.comments.map((c) => [c.path, c.line])).toEqual([['apps/web.yaml', 10]]);
    expect(review!.comments[0]!.body).toContain('from Namespace prod label pod-security.kubernetes.io/enforce=restricted');
    const report = run.reportJson as { podSpecs: { namespace: string; name: string; status: string }[] };
    expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status])).toEqual([['prod', 'web', 'modified']]);
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });
  });

  it("a change to two elements of an ApplicationSet's list: each Application's comment on its own element", async () => {
    const { pr, review } = await oneReviewUnderTarget('helm-applicationset-list-elements');
    // Both clusters now take values-prod.yaml, which turns the host network on: each finding on the element that says so.
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([
      ['apps/web.yaml', 10],
      ['apps/web.yaml', 11],
    ]);
    expect(review.comments[0]!.body).toContain('charts/web (Application web-eu of ApplicationSet web)');
    expect(review.comments[1]!.body).toContain('charts/web (Application web-us of ApplicationSet web)');
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });
  });

  it("a change to the file an ApplicationSet's git files generator reads, the set left as it was: its Application rendered at both commits, the comment on the line the change wrote", async () => {
    const { pr, run, review } = await oneReviewUnderTarget('helm-applicationset-files');
    // clusters/eu/config.json now names the prod environment, whose values file turns the host network on; the lab cluster is as it was.
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([['clusters/eu/config.json', 2]]);
    expect(review.comments[0]!.body).toContain('_Rendered by helm from `charts/web (Application web-eu of ApplicationSet clusters)`._');
    const report = run.reportJson as { podSpecs: { namespace: string; name: string; status: string }[] };
    expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status])).toEqual([['shop-eu', 'web-eu', 'modified']]);
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });
  });

  it("a helmfile release's values file, the helmfile left as it was, read through the API: the comment and a verified suggestion on the values line", async () => {
    const { pr, review } = await oneReviewUnderTarget('helmfile-values');
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([['values/web.yaml', 2]]);
    expect(review.comments[0]!.body).toContain('```suggestion\nhostNetwork: false\n```');
    expect(review.comments[0]!.body).toContain('charts/web (helmfile release web)');
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });
  });

  it("a Flux HelmRelease of this repository's chart, its GitRepository in a file the change leaves as it was, found through the API: the comment on its `values` line", async () => {
    const { pr, run, review } = await oneReviewUnderTarget('helm-release');
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([['apps/web.yaml', 18]]);
    expect(review.comments[0]!.body).toContain('```suggestion\n    hostNetwork: false\n```');
    expect(review.comments[0]!.body).toContain('charts/web (HelmRelease web)');
    const report = run.reportJson as { findings: { namespace: string; name: string; check: string }[]; errors: unknown[] };
    expect(report.findings.find((f) => f.check === 'hostNamespaces')).toMatchObject({ namespace: 'prod', name: 'prod-web' });
    expect(report.errors).toEqual([]);
    expect(checkRunsOf(pr)[0]).toMatchObject({ conclusion: 'failure' });
    // The check run and the job summary say what was rendered and checked.
    expect(checkRunsOf(pr)[0]!.output?.summary).toContain('Rendered and checked: `charts/web (HelmRelease web)` (helm).');
    expect(run.summary).toContain('Rendered and checked: `charts/web (HelmRelease web)` (helm).');
  });

  it("a chart's release namespace: no notice asks for the labels of helm's default, one does for a namespace the config names", async () => {
    // Through the API only the changed files are read, so a Namespace the pod specs name is not (a notice says so).
    const notice = 'is not defined in the changed files';
    const pr = await pullRequest('helm-values');
    const run = await runUnderTarget(pr);
    const report = run.reportJson as { podSpecs: { namespace: string | null; assumedNamespace?: true }[] };
    // Placed in `default`, as helm renders it, but that says nothing of where the chart will be installed.
    expect(report.podSpecs.map((p) => [p.namespace, p.assumedNamespace])).toEqual([['default', true]]);
    expect(checkRunsOf(pr)[0]!.output.summary).not.toContain(notice);

    const dir = mkdtempSync(path.join(tmpdir(), 'psr-release-namespace-'));
    try {
      for (const side of ['base', 'head'] as const) {
        cpSync(scenario('helm-values', side), path.join(dir, side), { recursive: true });
        mkdirSync(path.join(dir, side, '.github'));
        writeFileSync(path.join(dir, side, '.github', 'pod-security.yaml'), 'render:\n  charts:\n    - chart: charts/web\n      namespace: shop\n');
      }
      const named = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: path.join(dir, 'base'), headDir: path.join(dir, 'head') });
      const namedRun = await runUnderTarget(named);
      expect((namedRun.reportJson as typeof report).podSpecs.map((p) => [p.namespace, p.assumedNamespace])).toEqual([['shop', undefined]]);
      expect(checkRunsOf(named)[0]!.output.summary).toContain(`Namespace \`shop\` ${notice}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a library chart's helper: the comment and its suggestion on the helper's line, though the file selection reads no .tpl as a manifest", async () => {
    const { run, review } = await oneReviewUnderTarget('helm-library');
    expect(review.comments.map((c) => [c.path, c.line, c.side])).toEqual([['charts/common/templates/_sc.tpl', 3, 'RIGHT']]);
    expect(review.comments[0]!.body).toContain('```suggestion\nprivileged: false\n```');
    expect(run.outputs).toMatchObject({ blocking: '1', conclusion: 'failure' });
  });

  it('an overlay patch: the comment on the patch line, the suggestion verified by rendering again', async () => {
    const pr = await pullRequest('kustomize-patch');
    const run = await runAction(emulator, pr, { inputs: { 'warn-level': 'privileged' } });
    expect(run.stderr).toBe('');
    const [review] = reviewsOf(pr);
    expect(review!.comments.map((c) => [c.path, c.line])).toEqual([['overlays/prod/debug.yaml', 11]]);
    expect(review!.comments[0]!.body).toContain('```suggestion\n            privileged: false\n```');
    expect(run.outputs).toMatchObject({ violations: '1', blocking: '1', conclusion: 'failure' });
  });

  it('an inline patch in the kustomization: the comment on the line inside the patch, with a verified suggestion', async () => {
    const pr = await pullRequest('kustomize-inline');
    const run = await runUnderTarget(pr, { 'warn-level': 'privileged' });
    expect(run.stderr).toBe('');
    const [review] = reviewsOf(pr);
    expect(review!.comments.map((c) => [c.path, c.line])).toEqual([['overlays/prod/kustomization.yaml', 20]]);
    expect(review!.comments[0]!.body).toContain('```suggestion\n                  privileged: false\n```');
    expect(run.outputs).toMatchObject({ violations: '1', blocking: '1', conclusion: 'failure' });
  });

  /** A pull request that turns hostNetwork on in a subchart through the parent's values (`sub.hostNetwork`), the subchart vendored as a folder or as the archive `helm dependency build` leaves. */
  function vendoredChart(trees: string, archive: boolean): { base: string; head: string } {
    const sub = path.join(trees, 'sub');
    mkdirSync(path.join(sub, 'templates'), { recursive: true });
    writeFileSync(path.join(sub, 'Chart.yaml'), 'apiVersion: v2\nname: sub\nversion: 0.1.0\n');
    writeFileSync(path.join(sub, 'values.yaml'), 'hostNetwork: false\n');
    writeFileSync(path.join(sub, 'templates/pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-sub\nspec:\n  hostNetwork: {{ .Values.hostNetwork }}\n  containers: [{name: sub, image: sub:1}]\n');
    for (const [side, hostNetwork] of [['base', false], ['head', true]] as const) {
      const chart = path.join(trees, side, 'charts/web');
      mkdirSync(path.join(chart, 'charts'), { recursive: true });
      if (archive) execFileSync('helm', ['package', sub, '--destination', path.join(chart, 'charts')], { stdio: 'ignore' });
      else cpSync(sub, path.join(chart, 'charts/sub'), { recursive: true });
      writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: 0.1.0\n  repository: https://charts.example.com\n');
      writeFileSync(path.join(chart, 'values.yaml'), `sub:\n  hostNetwork: ${hostNetwork}\n`);
    }
    return { base: path.join(trees, 'base'), head: path.join(trees, 'head') };
  }

  // GitHub calls the archive binary: its bytes come from the git blobs API, and its templates are read inside it.
  it.each([
    ['as a .tgz', true],
    ['as a folder', false],
  ] as const)('a chart whose dependency is vendored %s renders through the API; the finding is on the parent\'s values line that sets it', async (_name, archive) => {
    const trees = mkdtempSync(path.join(tmpdir(), 'psr-vendored-'));
    try {
      const { base, head } = vendoredChart(trees, archive);
      const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: base, headDir: head });
      const run = await runUnderTarget(pr, { 'warn-level': 'privileged' });
      expect(run.stderr).toBe('');
      const report = run.reportJson as { findings: { file: string; line: number; name: string; check: string; blocking: boolean }[]; errors: unknown[] };
      expect(report.errors).toEqual([]);
      expect(report.findings.map((f) => [f.file, f.line, f.name, f.check, f.blocking])).toEqual([['charts/web/values.yaml', 2, 'web-sub', 'hostNamespaces', true]]);
      expect(emulator.calls('GET /repos/{owner}/{repo}/git/blobs/{file_sha}').length > 0).toBe(archive);
      expect(reviewsOf(pr)[0]!.comments[0]!.body).toContain('```suggestion\n  hostNetwork: false\n```');
    } finally {
      rmSync(trees, { recursive: true, force: true });
    }
  });

  it("says once, among its notices, that some fixes were not computed when an overlay's verifications ran out", async () => {
    // 26 patches, each of its own Deployment and verified by a rendering of its own: 24 are rendered, the limit for one root.
    const deployment = (i: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  selector:\n    matchLabels: {app: web-${i}}\n  template:\n    metadata:\n      labels: {app: web-${i}}\n    spec:\n      containers:\n      - name: app\n        image: registry.example/app:1\n`;
    const patch = (i: number) => `- target:\n    kind: Deployment\n    name: web-${i}\n  patch: |-\n    - op: add\n      path: /spec/template/spec/hostPID\n      value: true\n`;
    const n = 26;
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-verifications-'));
    try {
      for (const side of ['base', 'head'] as const) {
        mkdirSync(path.join(dir, side, 'deploy', 'base'), { recursive: true });
        writeFileSync(path.join(dir, side, 'deploy', 'base', 'deployments.yaml'), Array.from({ length: n }, (_, i) => deployment(i)).join('---\n'));
        writeFileSync(path.join(dir, side, 'deploy', 'base', 'kustomization.yaml'), 'resources:\n- deployments.yaml\n');
      }
      mkdirSync(path.join(dir, 'head', 'deploy', 'prod'));
      writeFileSync(path.join(dir, 'head', 'deploy', 'prod', 'kustomization.yaml'), `resources:\n- ../base\npatches:\n${Array.from({ length: n }, (_, i) => patch(i)).join('')}`);
      const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: path.join(dir, 'base'), headDir: path.join(dir, 'head') });
      const run = await runUnderTarget(pr, { 'warn-level': 'privileged' });
      const notice = "The fixes of 2 findings in 1 file were not computed (a work budget ran out; every finding is reported, each fix's note says which); `pod-security-review fix` computes them.";
      expect(run.outputs).toMatchObject({ violations: String(n), blocking: String(n), conclusion: 'failure' });
      expect(run.stdout.split('\n').filter((line) => line.includes('were not computed'))).toEqual([`::warning::${notice}`]);
      expect(checkRunsOf(pr)[0]!.output.summary).toContain(`> [!NOTE]\n> ${notice}`);
      expect(run.summary).toContain(`> [!NOTE]\n> ${notice}`);
      const report = run.reportJson as { findings: { fix: unknown; fixNote: string | null }[] };
      expect(report.findings.filter((f) => f.fix !== null)).toHaveLength(n - 2);
      expect(report.findings.filter((f) => f.fixNote?.startsWith('not computed: verifying its suggestion would render `deploy/prod` more than 24 times'))).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a finding commented on with only an example gets one more comment, with its suggestion, once a push makes its fix a line of the values (bitnami)', async () => {
    // Bitnami's layout: the container's map is written only when its `enabled` is true.
    const values = (enabled: boolean) =>
      `image: web:1\ncontainerSecurityContext:\n  enabled: ${enabled}\n  runAsNonRoot: true\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_ADMIN"]\n  seccompProfile:\n    type: RuntimeDefault\n`;
    const template = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: {{ .Values.image }}',
      '          {{- if .Values.containerSecurityContext.enabled }}',
      '          securityContext: {{- omit .Values.containerSecurityContext "enabled" | toYaml | nindent 12 }}',
      '          {{- end }}',
      '',
    ].join('\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-suggestion-later-'));
    try {
      // Base: the map on, and no capability added. The first head turns it off and adds one; the second turns it on again.
      for (const [side, text] of [['base', values(true).replace('    add: ["NET_ADMIN"]\n', '')], ['head', values(false)], ['head2', values(true)]] as const) {
        mkdirSync(path.join(dir, side, 'charts', 'web', 'templates'), { recursive: true });
        writeFileSync(path.join(dir, side, 'charts', 'web', 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
        writeFileSync(path.join(dir, side, 'charts', 'web', 'values.yaml'), text);
        writeFileSync(path.join(dir, side, 'charts', 'web', 'templates', 'deployment.yaml'), template);
      }
      const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: path.join(dir, 'base'), headDir: path.join(dir, 'head') });
      await runUnderTarget(pr, { level: 'restricted' });
      const commentsOf = () => reviewsOf(pr).flatMap((r) => r.comments);
      // With the map off, turning it on cannot fix the capabilities (it adds NET_ADMIN): an example, no suggestion.
      const capabilities = commentsOf().find((c) => c.body.includes('capabilities not dropped'));
      expect(capabilities!.body).not.toContain('```suggestion');
      const pushed = await emulator.pushToPullRequest('acme', 'shop', pr.number, path.join(dir, 'head2'));
      await runUnderTarget(pushed, { level: 'restricted' });
      // Now the fix is the values' `add` line taken away: a comment with that suggestion, on that line.
      const later = commentsOf().filter((c) => c.body.includes('capabilities not dropped') && c !== capabilities);
      expect(later.map((c) => [c.path, c.line])).toEqual([['charts/web/values.yaml', 8]]);
      expect(later[0]!.body).toContain('```suggestion\n```');
      // Pushed again as it is: nothing more to say about it.
      const again = await emulator.pushToPullRequest('acme', 'shop', pr.number, path.join(dir, 'head2'));
      await runUnderTarget(again, { level: 'restricted' });
      expect(commentsOf().filter((c) => c.body.includes('capabilities not dropped'))).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a change to a chart helper only (not a manifest file) re-renders the chart through the API', async () => {
    const pr = await pullRequest('helm-helpers');
    const run = await runAction(emulator, pr, { inputs: { 'warn-level': 'privileged' } });
    expect(run.stderr).toBe('');
    const report = run.reportJson as { podSpecs: { file: string; name: string; status: string }[]; findings: unknown[]; errors: unknown[] };
    expect(report.podSpecs).toEqual([expect.objectContaining({ file: 'charts/web/templates/deployment.yaml', rendering: 'charts/web', name: 'web-web', status: 'modified' })]);
    expect(report.findings).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ conclusion: 'success' });
  });

  it('a tree GitHub lists only in part: a notice naming the changed files it left out, in the check run and summary', async () => {
    // GitHub truncates git/trees past 100,000 entries; here past 7, which leaves out charts/web/values.yaml.
    const small = await startEmulator({ maxTreeEntries: 7 });
    try {
      const pr = await small.addPullRequest({ owner: 'acme', repo: 'shop', number: 1, baseDir: scenario('helm-values', 'base'), headDir: scenario('helm-values', 'head') });
      const run = await runUnderTarget(pr, undefined, small);
      expect(run.stderr).toBe('');
      const report = run.reportJson as { errors: { file: string; line: number | null; kind: string; message: string }[] };
      // The chart was found (its Chart.yaml is listed) but renders without its values: helm fails, at base as at head, and says so.
      expect(report.errors.map((e) => [e.file, e.kind])).toEqual([
        ['(charts and overlays GitHub did not list)', 'not-rendered'],
        ['charts/web/Chart.yaml', 'not-rendered'],
      ]);
      expect(report.errors[1]!.message).toMatch(/^charts\/web not rendered: it fails at the base commit too, so not because of this change: /);
      expect(report.errors[0]).toEqual(
        {
          file: '(charts and overlays GitHub did not list)',
          line: null,
          kind: 'not-rendered',
          message:
            "GitHub listed the base and head commits' trees only in part (its git trees API truncates past 100,000 entries or 7 MB), so Helm charts and Kustomize overlays in the part it left out were not discovered or rendered, and those it listed may have rendered without some of their files; changed files not in the listing: `charts/web/values.yaml`. `pod-security-review diff` on a clone renders them all.",
        },
      );
      // Nothing the change broke, nothing checked: neutral, never a silent green (`not-rendered` is unchecked input).
      const [check] = small.state.checkRuns.filter((c) => c.headSha === pr.headSha);
      expect(check).toMatchObject({ conclusion: 'neutral' });
      expect(check!.output.summary).toContain('GitHub listed the base and head commits');
      expect(run.summary).toContain('GitHub listed the base and head commits');
      expect(small.unexpectedRequests()).toEqual([]);
      expect(small.problems).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('a base line two overlays render alike: one comment, and every count says one finding', async () => {
    const trees = mkdtempSync(path.join(tmpdir(), 'psr-shared-base-'));
    try {
      for (const [side, privileged] of [['base', false], ['head', true]] as const) {
        const root = path.join(trees, side);
        mkdirSync(path.join(root, 'base'), { recursive: true });
        writeFileSync(path.join(root, 'base/kustomization.yaml'), 'resources:\n- deployment.yaml\n');
        writeFileSync(
          path.join(root, 'base/deployment.yaml'),
          `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: web:1\n        securityContext:\n          privileged: ${privileged}\n`,
        );
        // Two variants of one install (as Argo CD's ha and non-ha): same name and namespace, different labels.
        for (const variant of ['single', 'ha']) {
          mkdirSync(path.join(root, 'overlays', variant), { recursive: true });
          writeFileSync(path.join(root, 'overlays', variant, 'kustomization.yaml'), `namespace: shop\nresources:\n- ../../base\nlabels:\n- pairs: {variant: ${variant}}\n`);
        }
      }
      const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: path.join(trees, 'base'), headDir: path.join(trees, 'head') });
      const run = await runAction(emulator, pr, { inputs: { 'warn-level': 'privileged' } });
      expect(run.stderr).toBe('');
      const report = run.reportJson as { findings: { file: string; line: number; rendered: { root: string } }[] };
      // The JSON report keeps each rendering's finding...
      expect(report.findings.map((f) => [f.file, f.line, f.rendered.root])).toEqual([
        ['base/deployment.yaml', 16, 'overlays/ha'],
        ['base/deployment.yaml', 16, 'overlays/single'],
      ]);
      // ...and everything a person reads counts the line once.
      const [review] = reviewsOf(pr);
      expect(review!.comments.map((c) => [c.path, c.line])).toEqual([['base/deployment.yaml', 16]]);
      expect(review!.body).toContain('1 blocking, 0 warnings.');
      expect(checkRunsOf(pr)[0]!.output.title).toBe('1 blocking violation');
      expect(run.summary).toContain('❌ **1** blocking · ⚠️ **0** warnings');
      expect(run.outputs).toMatchObject({ violations: '1', blocking: '1', conclusion: 'failure' });
    } finally {
      rmSync(trees, { recursive: true, force: true });
    }
  });

  it("a library chart bumped in charts that do not vendor it: one line of the summary for them all, a neutral check run", async () => {
    // k8s-at-home's charts: each renders through the remote library `common`, and a pull request bumps it in all of them.
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-library-bump-'));
    try {
      const names = ['adguard', 'bazarr', 'calibre', 'deluge'];
      for (const [side, version] of [['base', '4.5.2'], ['head', '4.5.3']] as const) {
        for (const name of names) {
          const chart = path.join(dir, side, 'charts', name);
          mkdirSync(path.join(chart, 'templates'), { recursive: true });
          writeFileSync(path.join(chart, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndependencies:\n  - name: common\n    repository: https://library-charts.k8s-at-home.com\n    version: ${version}\n`);
          writeFileSync(path.join(chart, 'templates', 'common.yaml'), '{{ include "common.all" . }}\n');
        }
      }
      const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: next++, baseDir: path.join(dir, 'base'), headDir: path.join(dir, 'head') });
      const run = await runAction(emulator, pr);
      const [check] = checkRunsOf(pr);
      expect(check).toMatchObject({ conclusion: 'neutral' });
      const listed = (check!.output.summary ?? '').split('\n').filter((line) => line.startsWith('- '));
      expect(listed).toEqual([
        `- 4 files not rendered, each because dependency \`common 4.5.3\` is not vendored in \`charts/\` (run \`helm dependency build\` and commit it; dependencies are never fetched), and it does not render without it: ${names.map((name) => `\`charts/${name}/Chart.yaml\``).join(', ')}`,
      ]);
      expect(run.summary).toContain(listed[0]);
      // Each chart's annotation keeps its own message, with helm's words.
      expect(check!.annotations.map((a) => a.path)).toEqual(names.map((name) => `charts/${name}/Chart.yaml`));
      for (const annotation of check!.annotations) expect(annotation.message).toMatch(/no template "common\.all"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without helm on PATH: a notice per chart and a neutral check run, never a silent green', async () => {
    const pr = await pullRequest('helm-values');
    const gitDir = path.dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim());
    const saved = process.env.PATH;
    process.env.PATH = gitDir;
    let run;
    try {
      run = await runAction(emulator, pr);
    } finally {
      process.env.PATH = saved;
    }
    expect(reviewsOf(pr)).toEqual([]);
    const [check] = checkRunsOf(pr);
    expect(check).toMatchObject({ conclusion: 'neutral' });
    expect(check!.output.summary).toContain('charts/web not rendered: helm not found');
    expect(run.outputs).toMatchObject({ conclusion: 'neutral' });
    expect(run.status).toBe(0);
  });
});
