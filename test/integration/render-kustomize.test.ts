/**
 * `diff` on Kustomize overlays, with the real `kubectl kustomize` (or
 * `kustomize build`): overlays are rendered at base and head, only what
 * the rendering changed is evaluated, findings land on the patch or
 * resource line that writes the value, and patches are never read as
 * manifests of their own.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { workloadTemplate } from '../helpers/chartTemplates.js';
import { fixturesDir } from '../helpers/paths.js';
import { inRepo, inTree } from '../helpers/tempTree.js';
import { makeRepo } from '../helpers/gitRepo.js';
import { checkWithConfig, haveHelm, haveKustomize, haveKustomizeForHelm, kustomizeCacheBin, missingTool, renderScenarios, useCachedHelm } from '../helpers/renderTools.js';

const { diff, cleanUp } = renderScenarios<JsonReport>();
afterAll(() => cleanUp());

interface JsonFinding {
  file: string;
  line: number;
  name: string;
  namespace: string | null;
  check: string;
  status: string;
  preexisting: boolean;
  fix?: { startLine: number; endLine: number; replacement: string; attachable: boolean } | null;
  fixNote?: string | null;
  locations: { line: number; exact: boolean; inDiff: boolean }[];
  rendered?: { tool: string; root: string; sourceFile: string; sourceLine: number; exact: boolean };
  levelSource: { kind: string; detail: string };
}

interface JsonReport {
  summary: { podSpecs: number; findings: number; errors: number; unchanged: number };
  findings: JsonFinding[];
  errors: { file: string; line: number | null; kind: string; message: string }[];
  podSpecs: { file: string; line: number; rendering?: string; name: string; status: string; message: string | null }[];
}


/** The securityContext lines restricted's fix adds to a container (at 10 spaces) and its pod spec (at 6). */
const restrictedContext = [
  '          securityContext:',
  '            allowPrivilegeEscalation: false',
  '            capabilities:',
  '              drop:',
  '                - ALL',
  '      securityContext:',
  '        runAsNonRoot: true',
  '        seccompProfile:',
  '          type: RuntimeDefault',
  '',
].join('\n');

/** kustomize-patch's debug.yaml line 11 (`privileged: true`) fixed at restricted: the patch writes the container's securityContext. */
const patchFixed = `            privileged: false\n${restrictedContext.slice(restrictedContext.indexOf('\n') + 1)}`;

/** A command with `--format json` in `cwd`: its exit status and report. */
async function jsonOf(cwd: string, args: readonly string[]): Promise<{ status: number; report: JsonReport }> {
  let stdout = '';
  const status = await runCli([...args, '--format', 'json'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
  return { status, report: JSON.parse(stdout) as JsonReport };
}

/** `check --format json .` in `cwd` (the default policy: baseline, with restricted's warnings). */
const checkJson = (cwd: string, ...args: string[]) => jsonOf(cwd, ['check', '.', ...args]);

/** The overlays `check .` could not render, in a folder of its own holding `files` (path → text). */
async function renderFailures(files: Record<string, string>): Promise<JsonReport['errors']> {
  const { report } = await inTree(files, (cwd) => checkJson(cwd));
  return report.errors.filter((e) => e.kind === 'render-failed');
}

/** `diff --base main --format json` in a repository of makeRepo's. */
const diffJson = (repo: string, ...args: string[]) => jsonOf(repo, ['diff', '--base', 'main', ...args]);

/**
 * kustomize and kubectl on PATH behind shims that log each run (`line`: a
 * shell word, run in the tree the tool is given), then run the real tool; a
 * tool not on PATH gets no shim, so the next one is looked for as without.
 */
function loggedTools(line: string): { runs: () => string[]; restore: () => void } {
  const shims = mkdtempSync(path.join(tmpdir(), 'psr-kustomize-shim-'));
  const log = path.join(shims, 'calls.log');
  const originalPath = process.env.PATH;
  for (const tool of ['kustomize', 'kubectl']) {
    const real = execFileSync('sh', ['-c', `command -v ${tool} || true`], { encoding: 'utf8' }).trim();
    if (real !== '') writeFileSync(path.join(shims, tool), `#!/bin/sh\necho ${line} >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  }
  process.env.PATH = `${shims}${path.delimiter}${originalPath ?? ''}`;
  return {
    runs: () => readFileSync(log, 'utf8').trim().split('\n'),
    restore: () => {
      process.env.PATH = originalPath;
      rmSync(shims, { recursive: true, force: true });
    },
  };
}

const brief = (f: JsonFinding) => [f.file, f.line, f.namespace, f.name, f.check, f.status, f.preexisting];

describe.skipIf(!haveKustomize())(`diff renders Kustomize overlays ${haveKustomize() ? '' : missingTool('kubectl (or kustomize)')}`, () => {
  it('puts a patch that adds privileged: true on the patch line, with a suggestion verified by rendering again', async () => {
    const { status, report } = await diff('kustomize-patch');
    expect(status).toBe(1);
    expect(report.findings.map(brief)).toEqual([['overlays/prod/debug.yaml', 11, 'shop', 'prod-web', 'privileged', 'modified', false]]);
    const [finding] = report.findings;
    expect(finding!.rendered).toEqual({ tool: 'kustomize', root: 'overlays/prod', sourceFile: 'overlays/prod/debug.yaml', sourceLine: 11, changeLine: { file: 'overlays/prod/kustomization.yaml', line: 7 }, exact: true });
    expect(finding!.locations).toEqual([expect.objectContaining({ line: 11, inDiff: true })]);
    expect(finding!.fix).toEqual({ startLine: 11, endLine: 11, replacement: '            privileged: false\n', attachable: true });
    // The patches are judged through the rendering only: no finding, pod spec or error names them as manifests.
    // The pod spec is where its base defines the object, named with the overlay it came through.
    expect(report.podSpecs).toEqual([expect.objectContaining({ file: 'base/deployment.yaml', line: 1, rendering: 'overlays/prod', name: 'prod-web', status: 'modified' })]);
    expect(report.errors).toEqual([]);
  });

  it('a field the pod lacks lands where it belongs, as in a plain file: the patch\'s securityContext, else the resource\'s container', async () => {
    const { report } = await diff('kustomize-patch', '--warn-level', 'restricted');
    const missing = report.findings.filter((f) => f.check === 'runAsNonRoot');
    // debug.yaml line 10 is the container's `securityContext:`, which the patch writes; no line writes runAsNonRoot.
    expect(missing.map(brief)).toEqual([['overlays/prod/debug.yaml', 10, 'shop', 'prod-web', 'runAsNonRoot', 'modified', true]]);
    expect(missing[0]!.rendered).toEqual({ tool: 'kustomize', root: 'overlays/prod', sourceFile: 'overlays/prod/debug.yaml', sourceLine: 10, changeLine: { file: 'overlays/prod/kustomization.yaml', line: 7 }, exact: true });
    expect(missing[0]!.locations).toEqual([expect.objectContaining({ line: 10, exact: false, inDiff: true })]);
    // No line writes the value, but the patch file writes the object: fixed as the patch, with the patch's other
    // checks in one suggestion, verified by rendering the overlay again.
    expect(missing[0]!.fix).toEqual({ startLine: 11, endLine: 11, replacement: patchFixed, attachable: true });
    expect(report.findings.filter((f) => f.file === 'overlays/prod/debug.yaml').map((f) => [f.check, f.fix?.replacement])).toEqual(
      ['privileged', 'allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'].map((check) => [check, patchFixed]),
    );
    const image = await diff('kustomize-image', '--warn-level', 'restricted');
    expect(image.report.findings.filter((f) => f.check === 'runAsNonRoot').map(brief)).toEqual([['base/deployment.yaml', 16, 'shop', 'web', 'runAsNonRoot', 'modified', true]]);
  });

  it('a HelmRelease overlays patch is not rendered, said once where its chart is named, as in a plain file', async () => {
    // The base release and one overlay change its values (values the chart may turn into a pod's): the pods are Flux's to render.
    const { status, report } = await diff('kustomize-helmrelease');
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.errors).toEqual([
      {
        file: 'apps/base/podinfo/release.yaml',
        line: 9,
        kind: 'not-rendered',
        message:
          'the renderings of apps/production, apps/staging: HelmRelease podinfo not rendered: Flux renders its chart (podinfo from HelmRepository podinfo) with its values in the cluster, so the pod specs it makes are not checked here',
      },
    ]);
  });

  it('an inline patch in the kustomization: the finding on the line of the value inside it, with a verified suggestion', async () => {
    const { status, report } = await diff('kustomize-inline');
    expect(status).toBe(1);
    expect(report.findings.map(brief)).toEqual([['overlays/prod/kustomization.yaml', 20, 'shop', 'web', 'privileged', 'modified', false]]);
    const [finding] = report.findings;
    expect(finding!.rendered).toEqual({ tool: 'kustomize', root: 'overlays/prod', sourceFile: 'overlays/prod/kustomization.yaml', sourceLine: 20, changeLine: { file: 'overlays/prod/kustomization.yaml', line: 15 }, exact: true });
    expect(finding!.locations).toEqual([expect.objectContaining({ line: 20, inDiff: true })]);
    expect(finding!.fix).toEqual({ startLine: 20, endLine: 20, replacement: '                  privileged: false\n', attachable: true });
  });

  it('renders every overlay a changed base affects, and still checks the plain manifests beside them', async () => {
    const { report } = await diff('kustomize-base');
    expect(report.findings.map(brief)).toEqual([
      ['deploy/job.yaml', 10, 'shop', 'migrate', 'hostNamespaces', 'modified', false],
      ['base/deployment.yaml', 14, 'dev', 'dev-web', 'hostNamespaces', 'modified', false],
      ['base/deployment.yaml', 14, 'shop', 'prod-web', 'hostNamespaces', 'modified', false],
    ]);
    expect(report.findings[1]!.rendered).toMatchObject({ root: 'overlays/dev', sourceFile: 'base/deployment.yaml', sourceLine: 14 });
    expect(report.findings[2]!.rendered).toMatchObject({ root: 'overlays/prod' });
    expect(report.findings.every((f) => f.locations.every((l) => l.inDiff))).toBe(true);
  });

  it('an image-only change in an overlay makes the pod spec modified, with only its old violations', async () => {
    const { status, report } = await diff('kustomize-image');
    expect(status).toBe(1);
    expect(report.findings.map(brief)).toEqual([['base/deployment.yaml', 14, 'shop', 'web', 'hostNamespaces', 'modified', true]]);
    // Not in the diff: no inline comment, listed in the check run and summary.
    expect(report.findings[0]!.locations).toEqual([expect.objectContaining({ line: 14, inDiff: false })]);
    const quiet = await diff('kustomize-image', '--only-new-violations');
    expect(quiet.report.findings).toEqual([]);
    expect(quiet.report.podSpecs).toEqual([expect.objectContaining({ name: 'web', status: 'modified' })]);
  });

  it('never fetches a remote base, names a render error with its command and stderr, and checks every other file', async () => {
    const { status, report } = await diff('kustomize-broken');
    expect(status).toBe(1);
    expect(report.findings.map(brief)).toEqual([['deploy/pod.yaml', 7, 'ops', 'tools', 'hostNamespaces', 'modified', false]]);
    expect(report.errors.map((e) => [e.file, e.kind])).toEqual([
      ['overlays/broken/kustomization.yaml', 'render-failed'],
      ['overlays/remote/kustomization.yaml', 'not-rendered'],
    ]);
    const [broken, remote] = report.errors;
    // head added the patch that is not there: the overlay rendered at base, so the change made it fail.
    expect(broken!.message).toMatch(/^overlays\/broken could not be rendered at head, though it rendered at the base commit: the change makes it fail: `(kubectl kustomize|kustomize build) overlays\/broken` failed \(exit status 1\):\n.*missing-patch\.yaml/s);
    // The change broke it: no hint of a build step.
    expect(broken!.message).not.toContain('build step');
    // Checked as it stands, the file it names and lacks is named as the repository names it (not in the temporary tree).
    const checked = await checkJson(path.join(fixturesDir, 'render', 'kustomize-broken', 'head'));
    expect(checked.report.errors.find((e) => e.file === 'overlays/broken/kustomization.yaml')!.message).toMatch(
      /\n\(`overlays\/broken\/missing-patch\.yaml` is not in the repository: if a build step writes it, leave this overlay out \(`exclude`\)\)$/,
    );
    expect(remote!.message).toBe('overlays/remote not rendered: remote base `https://github.com/example/platform//deploy/web?ref=v1.2.0` is never fetched');
  });

  it('an overlay that fails at the base commit too is not checked, not invalid: the change did not break it', async () => {
    // sourcegraph's k3s overlays fail to build upstream; a change to a component they share failed every pull request.
    const side = (image: string) => ({
      'base/kustomization.yaml': 'resources: [pod.yaml]\n',
      'base/pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: ${image}\n`,
      'overlays/broken/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: missing-patch.yaml\n',
    });
    const { status, report } = await inRepo(side('web:1'), side('web:2'), (repo) => diffJson(repo));
    expect(report.errors).toEqual([
      {
        file: 'overlays/broken/kustomization.yaml',
        line: null,
        kind: 'not-rendered',
        message: expect.stringMatching(/^overlays\/broken not rendered: it fails at the base commit too, so not because of this change: `(kubectl kustomize|kustomize build) overlays\/broken` failed/),
      },
    ]);
    // Nothing is checked and nothing fails the run: the exit code says no violation.
    expect(status).toBe(0);
  });

  it('a root that renders at head but not at base: every pod spec it renders is new, and a notice names the root', async () => {
    // The base commit's overlay names a patch file that is not there; head adds it.
    const { status, report } = await diff('kustomize-base-broken');
    expect(status).toBe(1);
    expect(report.findings.map(brief)).toEqual([['overlays/prod/deployment.yaml', 12, 'shop', 'web', 'hostNamespaces', 'new', false]]);
    expect(report.errors.map((e) => [e.file, e.line, e.kind])).toEqual([['overlays/prod/kustomization.yaml', null, 'base-not-rendered']]);
    expect(report.errors[0]!.message).toMatch(/^overlays\/prod could not be rendered at the base commit, so every pod spec it renders is judged as new: `(kubectl kustomize|kustomize build) overlays\/prod` failed \(exit status 1\):\n.*tuning\.yaml/s);
    // A notice, not an error of the run: the findings alone decide it.
    const quiet = await diff('kustomize-base-broken', '--warn-level', 'privileged', '--level', 'privileged');
    expect(quiet.status).toBe(0);
  });

  it('shows a status line on a terminal while the overlays render, erased before the report', async () => {
    let stderr = '';
    let stdout = '';
    const status = await runCli(['check', '.', '--format', 'json'], { cwd: path.join(fixturesDir, 'render', 'kustomize-patch', 'head'), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrTty: true });
    expect(status).toBe(1);
    expect(stderr).toContain('\rrendering 1 chart or overlay…');
    // Erased: the line's last write blanks it and goes back to its start.
    expect(stderr).toMatch(/\r +\r$/);
    expect(JSON.parse(stdout).findings.length).toBeGreaterThan(0);
  });

  it('--render off reads every file as a plain manifest, as before', async () => {
    const { report } = await diff('kustomize-patch', '--render', 'off');
    // The patch, read as a Deployment of its own (the mistake rendering avoids).
    expect(report.findings.map((f) => [f.file, f.name, f.check])).toEqual([['overlays/prod/debug.yaml', 'web', 'privileged']]);
  });
});

describe.skipIf(!haveKustomize())(`diff renders a moved overlay's base where it was ${haveKustomize() ? '' : missingTool('kubectl (or kustomize)')}`, () => {
  it('an overlay moved to another folder, its privileged pod as it was, is unchanged, not new', async () => {
    const sides = mkdtempSync(path.join(tmpdir(), 'psr-moved-'));
    const write = (dir: string) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'kustomization.yaml'), 'namePrefix: prod-\nresources:\n- deployment.yaml\n');
      writeFileSync(
        path.join(dir, 'deployment.yaml'),
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n          securityContext: {privileged: true}\n',
      );
    };
    write(path.join(sides, 'base/overlays/prod'));
    write(path.join(sides, 'head/environments/prod'));
    const repo = makeRepo(path.join(sides, 'base'), path.join(sides, 'head'));
    try {
      let stdout = '';
      const status = await runCli(['diff', '--base', 'main', '--format', 'json'], { cwd: repo, stdout: (t) => (stdout += t), stderr: () => undefined });
      const report = JSON.parse(stdout) as JsonReport;
      expect(report.findings).toEqual([]);
      expect(report.summary.unchanged).toBe(1);
      expect(status).toBe(0);
    } finally {
      for (const dir of [repo, sides]) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!haveKustomize())(`check renders the overlays under its paths ${haveKustomize() ? '' : missingTool('kubectl (or kustomize)')}`, () => {
  it('finds on the patch line, leaves patches out of the plain files, and names the overlays it could not render', async () => {
    const cwd = path.join(fixturesDir, 'render', 'kustomize-patch', 'head');
    let stdout = '';
    const status = await runCli(['check', '.', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.findings.map((f) => [f.file, f.line, f.name, f.check, f.rendered?.root])).toEqual([['overlays/prod/debug.yaml', 11, 'prod-web', 'privileged', 'overlays/prod']]);
    expect(report.findings[0]).not.toHaveProperty('status');
    expect(report.podSpecs.map((p) => [p.file, p.name])).toEqual([['base/deployment.yaml', 'prod-web']]);

    // An overlay given alone renders with the base it references beside it.
    let overlay = '';
    expect(await runCli(['check', 'overlays/prod', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (overlay += t), stderr: () => undefined })).toBe(1);
    const alone = JSON.parse(overlay) as JsonReport;
    expect(alone.findings.map((f) => [f.file, f.line, f.name, f.check])).toEqual([['overlays/prod/debug.yaml', 11, 'prod-web', 'privileged']]);
    expect(alone.errors).toEqual([]);

    const broken = path.join(fixturesDir, 'render', 'kustomize-broken', 'head');
    let text = '';
    await runCli(['check', '.'], { cwd: broken, stdout: (t) => (text += t), stderr: () => undefined });
    expect(text).toContain('overlays/broken/kustomization.yaml: error: overlays/broken could not be rendered: `');
    expect(text).not.toContain('psr-render-');
    // Not rendered is not checked: a note, which fails nothing by default (a failed rendering is an error).
    expect(text).toContain('overlays/remote/kustomization.yaml: note: overlays/remote not rendered: remote base');
  });

  it('names an overlay outside the working directory as not rendered, rather than leaving its patch to pass for a manifest unexplained', async () => {
    const overlay = path.join(fixturesDir, 'render', 'kustomize-patch', 'head', 'overlays', 'prod');
    let text = '';
    await runCli(['check', overlay, '--warn-level', 'privileged'], { cwd: path.join(fixturesDir, 'manifests'), stdout: (t) => (text += t), stderr: () => undefined });
    expect(text).toContain(
      `${overlay}/kustomization.yaml: note: ${overlay} not rendered: it is outside the working directory, the only place charts and overlays are rendered from; run \`check\` from a folder that holds it\n`,
    );
  });

  it('a patch named alone is judged through the overlay that uses it, never as a Deployment of its own; a file no kustomization uses stays plain', async () => {
    const run = async (cwd: string, ...args: string[]) => {
      let stdout = '';
      const status = await runCli(['check', ...args, '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
      return { status, report: JSON.parse(stdout) as JsonReport };
    };
    const patchTree = path.join(fixturesDir, 'render', 'kustomize-patch', 'head');
    const patch = await run(patchTree, 'overlays/prod/debug.yaml');
    expect(patch.status).toBe(1);
    // The overlay's prod-web in namespace shop, not the patch's bare `web` without a namespace.
    expect(patch.report.findings.map((f) => [f.file, f.line, f.namespace, f.name, f.check, f.rendered?.root])).toEqual([['overlays/prod/debug.yaml', 11, 'shop', 'prod-web', 'privileged', 'overlays/prod']]);
    expect(patch.report.podSpecs.map((p) => [p.file, p.name])).toEqual([['base/deployment.yaml', 'prod-web']]);
    expect(patch.report.errors).toEqual([]);
    // --render off: read as it is written, as before.
    const off = await run(patchTree, 'overlays/prod/debug.yaml', '--render', 'off');
    expect(off.report.findings.map((f) => [f.file, f.name, f.check])).toEqual([['overlays/prod/debug.yaml', 'web', 'privileged']]);
    // A plain manifest beside overlays, which no kustomization uses.
    const plain = await run(path.join(fixturesDir, 'render', 'kustomize-base', 'head'), 'deploy/job.yaml');
    expect(plain.report.findings.map((f) => [f.file, f.line, f.name, f.check, f.rendered])).toEqual([['deploy/job.yaml', 10, 'migrate', 'hostNamespaces', undefined]]);
    expect(plain.report.podSpecs.map((p) => p.file)).toEqual(['deploy/job.yaml']);
  });

  it('renders an overlay whose deprecated `bases` names a file beside the base folder, as kustomize reads it', async () => {
    const files = {
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
      'base/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n',
      'overlay/kustomization.yaml': 'namespace: shop\nbases:\n  - ../base/\n  - job.yaml\n',
      'overlay/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      hostPID: true\n      containers:\n        - name: migrate\n          image: migrate:1\n',
    };
    const { report } = await inTree(files, (cwd) => checkJson(cwd, '--warn-level', 'privileged'));
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => [f.file, f.line, f.namespace, f.name, f.check, f.rendered?.root])).toEqual([['overlay/job.yaml', 8, 'shop', 'migrate', 'hostNamespaces', 'overlay']]);
  });

  it('renders only the overlays of the paths given when an installer among them has the whole tree read; a file only an overlay elsewhere uses is a plain manifest', async () => {
    // argo-cd: `check manifests` also rendered examples/plugins/helm, which uses manifests/base, and reported its patch.
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n';
    const files = {
      'deploy/base/kustomization.yaml': 'resources:\n- web.yaml\n',
      'deploy/base/web.yaml': deployment,
      // An Argo CD Application given: the tree is read whole, for the chart it may install.
      'deploy/app.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web\nspec:\n  source:\n    repoURL: https://github.com/acme/elsewhere\n    path: charts/web\n',
      'examples/debug/kustomization.yaml': 'resources:\n- ../../deploy/base\npatches:\n- path: debug.yaml\n',
      'examples/debug/debug.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext: {privileged: true}\n',
      'shared/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      hostPID: true\n      containers:\n        - name: migrate\n          image: migrate:1\n',
      'examples/jobs/kustomization.yaml': 'resources:\n- ../../shared/job.yaml\n',
    };
    const report = await inTree(files, async (cwd) => {
      let stdout = '';
      await runCli(['check', 'deploy', 'shared', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
      return JSON.parse(stdout) as JsonReport;
    });
    // Nothing of examples/: the Job is judged as written, the Deployment through deploy/base alone.
    expect(report.findings.map((f) => [f.file, f.line, f.name, f.check, f.rendered?.root])).toEqual([['shared/job.yaml', 8, 'migrate', 'hostNamespaces', undefined]]);
    expect(report.podSpecs.map((p) => p.file).sort()).toEqual(['deploy/base/web.yaml', 'shared/job.yaml']);
  });

  it('an overlay or a base file given alone renders with the files its base generates from and patches with, in folders of their own', async () => {
    // podinfo's deploy/bases/frontend: a configMapGenerator reads scripts/*.sh (and an env file), which no manifest walk lists.
    const files = {
      'base/kustomization.yaml':
        'resources:\n- deployment.yaml\nconfigMapGenerator:\n- name: scripts\n  files:\n  - scripts/warm.sh\n  - init=scripts/init.sh\n  envs:\n  - config/app.env\n' +
        // gatekeeper's config/crd: the old patch fields name files in a folder of their own too.
        'patchesJson6902:\n- target: {group: apps, version: v1, kind: Deployment, name: web}\n  path: patches/replicas.yaml\npatchesStrategicMerge:\n- patches/labels.yaml\n',
      'base/patches/replicas.yaml': '- op: add\n  path: /spec/replicas\n  value: 2\n',
      'base/patches/labels.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {tier: web}\n',
      'base/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers:\n        - name: web\n          image: web:1\n',
      'base/scripts/warm.sh': 'curl http://frontend\n',
      'base/scripts/init.sh': 'true\n',
      'base/config/app.env': 'MODE=dev\n',
      'overlays/dev/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: dev-\n',
    };
    const checkOf = async (cwd: string, given: string) => {
      let stdout = '';
      await runCli(['check', given, '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
      return JSON.parse(stdout) as JsonReport;
    };
    const [overlay, base] = await inTree(files, async (cwd) => [await checkOf(cwd, 'overlays/dev'), await checkOf(cwd, 'base/deployment.yaml')]);
    expect(overlay!.errors).toEqual([]);
    expect(overlay!.findings.map((f) => [f.file, f.line, f.name, f.check, f.rendered?.root])).toEqual([['base/deployment.yaml', 8, 'dev-web', 'hostNamespaces', 'overlays/dev']]);
    expect(base!.errors).toEqual([]);
    expect(base!.findings.map((f) => [f.file, f.line, f.name, f.check, f.rendered?.root])).toEqual([['base/deployment.yaml', 8, 'web', 'hostNamespaces', 'base']]);
  });

  it('fixes what no literal edit writes in the file that writes the object (a base resource), verified on each overlay by rendering again', async () => {
    const { report } = await checkJson(path.join(fixturesDir, 'render', 'kustomize-base', 'head'));
    const base = report.findings.filter((f) => f.file === 'base/deployment.yaml' && f.line === 16);
    // Both overlays' restricted warnings: one fix of the base's container and pod spec, as a plain file would get it.
    expect(base.map((f) => [f.name, f.check, f.fix?.startLine, f.fix?.endLine])).toEqual(
      ['dev-web', 'prod-web'].flatMap((name) => ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'].map((check) => [name, check, 17, 17])),
    );
    expect(new Set(base.map((f) => f.fix?.replacement))).toEqual(new Set([`          image: nginx:1.27\n${restrictedContext}`]));
    // The engine's caveat, not the rendered example.
    expect(base.find((f) => f.check === 'runAsNonRoot')?.fixNote).toMatch(/^The image must then run as a non-root user/);
  });

  it('fixes an inline patch written as a literal block in the kustomization, on its lines there', async () => {
    const { report } = await checkJson(path.join(fixturesDir, 'render', 'kustomize-inline', 'head'));
    // The block is indented 6 more than the patch's own lines.
    const block = patchFixed.replace(/^(?=[^\n])/gm, '      ');
    expect(report.findings.map((f) => [f.file, f.check, f.fix?.startLine, f.fix?.endLine, f.fix?.replacement])).toEqual(
      ['privileged', 'allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'].map((check) => ['overlays/prod/kustomization.yaml', check, 20, 20, block]),
    );
  });

  it('fixes a JSON 6902 operation whose value writes the securityContext, in a patch file or a literal block', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-operation-fix-'));
    try {
      cpSync(path.join(fixturesDir, 'render', 'kustomize-patch', 'head', 'base'), path.join(cwd, 'base'), { recursive: true });
      const operation = '- op: add\n  path: /spec/template/spec/containers/0/securityContext\n  value:\n    privileged: true\n';
      mkdirSync(path.join(cwd, 'overlays/file'), { recursive: true });
      writeFileSync(path.join(cwd, 'overlays/file/kustomization.yaml'), 'resources: [../../base]\npatches:\n  - path: sc.yaml\n    target: {kind: Deployment, name: web}\n');
      writeFileSync(path.join(cwd, 'overlays/file/sc.yaml'), operation);
      mkdirSync(path.join(cwd, 'overlays/inline'), { recursive: true });
      const block = operation.replace(/^(?=[^\n])/gm, '      ');
      writeFileSync(path.join(cwd, 'overlays/inline/kustomization.yaml'), `resources: [../../base]\npatches:\n  - target: {kind: Deployment, name: web}\n    patch: |-\n${block}`);
      const { report } = await checkJson(cwd);
      // privileged on its value's line, the fields it lacks where the operation writes the map: one suggestion for all.
      const value = ['    privileged: false', '    allowPrivilegeEscalation: false', '    capabilities:', '      drop:', '        - ALL', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault', ''].join('\n');
      const checks = ['privileged', 'allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'];
      expect(report.findings.map((f) => [f.file, f.check, f.fix?.startLine, f.fix?.replacement])).toEqual([
        ...checks.map((check) => ['overlays/file/sc.yaml', check, 4, value]),
        ...checks.map((check) => ['overlays/inline/kustomization.yaml', check, 8, value.replace(/^(?=[^\n])/gm, '      ')]),
      ]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it("places the fields a base's container lacks on the base, not on each overlay's patch that names the container, with one fix for all", async () => {
    // gitops-environment-promotion: each environment's settings patch gives the container its env vars.
    const deployment = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '        - name: web', '          image: web:1', ''].join('\n');
    const settings = (env: string) => ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', '          env:', `            - {name: ENV, value: ${env}}`, ''].join('\n');
    const overlay = (env: string) => ({
      [`envs/${env}/kustomization.yaml`]: `namePrefix: ${env}-\nresources: [../../base]\npatches:\n  - path: settings.yaml\n`,
      [`envs/${env}/settings.yaml`]: settings(env),
    });
    const files = { 'base/kustomization.yaml': 'resources: [deployment.yaml]\n', 'base/deployment.yaml': deployment, ...overlay('dev'), ...overlay('prod') };
    const { report } = await inTree(files, (cwd) => checkJson(cwd, '--level', 'restricted'));
    const checks = ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'];
    const fix = { startLine: 14, endLine: 14, replacement: `          image: web:1\n${restrictedContext}`, attachable: false };
    expect(report.findings.map((f) => [f.file, f.line, f.name, f.check, f.fix])).toEqual(
      ['dev-web', 'prod-web'].flatMap((name) => checks.map((check) => ['base/deployment.yaml', 13, name, check, fix])),
    );
  });

  /**
   * `check` on a base Deployment whose container `app` writes `securityContext` (the container's map, then
   * the pod's, as lines under it) and an overlay `overlays/dev` whose JSON 6902 patch is `operations`.
   */
  async function checkRemovals(containerMap: string, podMap: string, operations: string): Promise<JsonReport> {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-removed-'));
    try {
      mkdirSync(path.join(cwd, 'base'));
      mkdirSync(path.join(cwd, 'overlays/dev'), { recursive: true });
      writeFileSync(path.join(cwd, 'base/kustomization.yaml'), 'resources: [deployment.yaml]\n');
      const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n';
      writeFileSync(path.join(cwd, 'base/deployment.yaml'), `${deployment}${containerMap}${podMap}`);
      writeFileSync(path.join(cwd, 'overlays/dev/kustomization.yaml'), `resources: [../../base]\npatches:\n  - target: {kind: Deployment, name: web}\n    patch: |-\n${operations}`);
      return (await checkJson(cwd)).report;
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }
  const removedChecks = ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'];

  it("places a field a JSON 6902 `remove` took away on that operation's path line, not on the base that writes it, and deletes the operation as the fix", async () => {
    // Argo CD's dev-tilt overlay: its base's containers are restricted, the overlay removes their securityContext.
    const restricted = '          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities: {drop: [ALL]}\n            runAsNonRoot: true\n            seccompProfile: {type: RuntimeDefault}\n';
    const operations = '      - op: replace\n        path: /spec/template/spec/containers/0/image\n        value: nginx:dev\n      - op: remove\n        path: /spec/template/spec/containers/0/securityContext\n';
    const report = await checkRemovals(restricted, '', operations);
    // The operation's two lines go, verified by rendering again: the base's securityContext is back.
    const deletion = { startLine: 8, endLine: 9, replacement: '', attachable: false };
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual(removedChecks.map((check) => ['overlays/dev/kustomization.yaml', 9, check, deletion]));
  });

  it("deletes the operation that removed the pod's securityContext too, for a check the pod's map passes for every container", async () => {
    // Argo CD's notifications-controller in dev-tilt: the container's map holds the capabilities, the pod's runAsNonRoot and seccompProfile.
    const container = '          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities: {drop: [ALL]}\n';
    const pod = '      securityContext:\n        runAsNonRoot: true\n        seccompProfile: {type: RuntimeDefault}\n';
    const operations =
      '      - op: remove\n        path: /spec/template/spec/containers/0/securityContext\n      - op: remove\n        path: /spec/template/spec/securityContext\n      - op: replace\n        path: /spec/template/spec/containers/0/image\n        value: nginx:dev\n';
    const report = await checkRemovals(container, pod, operations);
    // runAsNonRoot is placed on the container's field, but the container's operation alone does not bring it back:
    // both operations go (lines 5 to 8), one deletion that fixes all four, verified by rendering again.
    const deletion = { startLine: 5, endLine: 8, replacement: '', attachable: false };
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual(removedChecks.map((check) => ['overlays/dev/kustomization.yaml', 6, check, deletion]));
  });

  it('verifies the deletions of operations whose patches each target one object in one rendering, not one each', async () => {
    // Argo CD's dev-tilt: nine patches each remove one Deployment's securityContext; each deletion was rendered alone (1.5 s each).
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-removals-'));
    // The real tools, each run logged: how many renderings verifying the fixes took.
    const tools = loggedTools('"$*"');
    try {
      mkdirSync(path.join(cwd, 'base'), { recursive: true });
      mkdirSync(path.join(cwd, 'overlays/dev'), { recursive: true });
      const restricted = '          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities: {drop: [ALL]}\n            runAsNonRoot: true\n            seccompProfile: {type: RuntimeDefault}\n';
      const deployment = (name: string) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n${restricted}`;
      writeFileSync(path.join(cwd, 'base/kustomization.yaml'), 'resources: [web.yaml, api.yaml]\n');
      writeFileSync(path.join(cwd, 'base/web.yaml'), deployment('web'));
      writeFileSync(path.join(cwd, 'base/api.yaml'), deployment('api'));
      // Each patch keeps an operation of its own once the removal goes (a patch of no operation is no patch).
      const patch = (name: string) =>
        `  - target: {kind: Deployment, name: ${name}}\n    patch: |-\n      - op: remove\n        path: /spec/template/spec/containers/0/securityContext\n      - op: replace\n        path: /spec/template/spec/containers/0/image\n        value: nginx:dev\n`;
      writeFileSync(path.join(cwd, 'overlays/dev/kustomization.yaml'), `resources: [../../base]\npatches:\n${patch('web')}${patch('api')}`);
      let stdout = '';
      await runCli(['check', 'overlays/dev', '--format', 'json'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
      const report = JSON.parse(stdout) as JsonReport;
      // Each finding's fix deletes its own patch's operation, verified by rendering again.
      expect(report.findings.map((f) => [f.name, f.check, f.fix?.startLine, f.fix?.endLine, f.fix?.replacement])).toEqual([
        ...removedChecks.map((check) => ['api', check, 12, 13, '']),
        ...removedChecks.map((check) => ['web', check, 5, 6, '']),
      ]);
      // The overlay once as it is, and once with both deletions: each patch can reach its own Deployment only.
      expect(tools.runs()).toHaveLength(2);
    } finally {
      tools.restore();
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('finds a value on the operation of a patch whose target names its objects by pattern, for each object it selects', async () => {
    // sourcegraph's privileged component: one patch for `kind: StatefulSet|Deployment, name: codeinsights-db|codeintel-db|pgsql`.
    const workload = (kind: string, name: string) =>
      `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n`;
    const files = {
      'base/kustomization.yaml': 'resources: [web.yaml, db.yaml, web-2.yaml]\n',
      'base/web.yaml': workload('Deployment', 'web'),
      'base/db.yaml': workload('StatefulSet', 'db'),
      'base/web-2.yaml': workload('Deployment', 'web-2'),
      'overlays/dev/kustomization.yaml': 'resources: [../../base]\nnamePrefix: dev-\npatches:\n  - path: root.yaml\n    target: {kind: StatefulSet|Deployment, name: web|db}\n',
      'overlays/dev/root.yaml': '- op: add\n  path: /spec/template/spec/securityContext\n  value:\n    runAsUser: 0\n',
    };
    const { report } = await inTree(files, (cwd) => jsonOf(cwd, ['check', 'overlays/dev', '--level', 'restricted']));
    const runAsUser = report.findings.filter((f) => f.check === 'runAsUser');
    // Both objects the pattern selects (dev-web-2 is not: the pattern matches whole names), on the operation's value line.
    expect(runAsUser.map((f) => [f.name, f.file, f.line, f.rendered?.exact])).toEqual([
      ['dev-web', 'overlays/dev/root.yaml', 4, true],
      ['dev-db', 'overlays/dev/root.yaml', 4, true],
    ]);
  });

  it("leaves a patch the kustomization names only in a comment out of the plain files, with a note, and judges it once uncommented", async () => {
    // Kubebuilder's config/default: `#- path: manager_webhook_patch.yaml`, a Deployment fragment naming the container.
    const restricted = '          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities: {drop: [ALL]}\n            runAsNonRoot: true\n            seccompProfile: {type: RuntimeDefault}\n';
    const manager = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: controller-manager\nspec:\n  selector:\n    matchLabels: {app: manager}\n  template:\n    metadata:\n      labels: {app: manager}\n    spec:\n      containers:\n        - name: manager\n          image: controller:latest\n${restricted}`;
    const webhook = (port: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: controller-manager\nspec:\n  template:\n    spec:\n      containers:\n        - name: manager\n          ports:\n            - containerPort: ${port}\n`;
    const tree = (entry: string, port: number) => ({
      'config/manager/kustomization.yaml': 'resources: [manager.yaml]\n',
      'config/manager/manager.yaml': manager,
      'config/default/manager_webhook_patch.yaml': webhook(port),
      'config/default/kustomization.yaml': `resources:\n- ../manager\npatches:\n${entry}- path: manager_webhook_patch.yaml\n`,
    });
    const note = { file: 'config/default/manager_webhook_patch.yaml', line: null, kind: 'left-off', message: expect.stringContaining('config/default/kustomization.yaml:4 names it only in a comment') };
    const left = await inTree(tree('#', 9444), (cwd) => checkJson(cwd, '--level', 'restricted'));
    expect([left.report.findings, left.report.errors, left.status]).toEqual([[], [note], 0]);
    // Given alone (a pre-commit hook's staged file): the kustomization above it is read for the comment, never rendered.
    const alone = await inTree(tree('#', 9444), (cwd) => jsonOf(cwd, ['check', 'config/default/manager_webhook_patch.yaml', '--level', 'restricted']));
    expect([alone.report.findings, alone.report.errors, alone.report.podSpecs]).toEqual([[], [note], []]);
    // A pull request that edits it: the note, no finding.
    const changed = await inRepo(tree('#', 9443), tree('#', 9444), (repo) => diffJson(repo, '--level', 'restricted'));
    expect([changed.report.findings, changed.report.errors, changed.status]).toEqual([[], [note], 0]);
    // Uncommented, the patch is judged through the rendering: the fragment passes as the Deployment it patches.
    const taken = await inTree(tree('', 9444), (cwd) => checkJson(cwd, '--level', 'restricted'));
    expect([taken.report.findings, taken.report.errors]).toEqual([[], []]);
    expect(taken.report.podSpecs.map((p) => p.name)).toEqual(['controller-manager']);
  });

  it("judges an overlay's pods by the Namespace it renders with them, when other overlays define it with other labels", async () => {
    // EKS Workshop's pss-psa module: one overlay per level, each rendering Namespace pss with its own labels.
    const files: Record<string, string> = {
      'workload/kustomization.yaml': 'namespace: pss\nresources: [namespace.yaml, pod.yaml]\n',
      'workload/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: pss\n',
      'workload/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
    };
    for (const level of ['baseline', 'restricted']) {
      files[`${level}/kustomization.yaml`] = 'resources: [../workload]\npatches:\n  - path: namespace.yaml\n';
      files[`${level}/namespace.yaml`] = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: pss\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;
    }
    const { report } = await inTree(files, (cwd) => checkJson(cwd, '--level', 'privileged', '--warn-level', 'privileged'));
    // The restricted overlay's pod fails restricted (blocking); the baseline overlay's passes baseline.
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect([f.rendered?.root, f.levelSource.detail]).toEqual(['restricted', expect.stringMatching(/pod-security\.kubernetes\.io\/enforce=restricted \(restricted\/namespace\.yaml:/)]);
  });

  it("renders an overlay whose generator reads a file the repository lacks (a build step's .env) with an empty stand-in, and says so", async () => {
    // Azure's aks-store-demo: `configMapGenerator: [{envs: [.env]}]`, the .env written by azd at deploy time and ignored by git.
    const files = {
      'app/kustomization.yaml': 'resources: [deployment.yaml]\nconfigMapGenerator:\n  - name: settings\n    envs: [.env]\n',
      'app/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      hostNetwork: true\n      containers:\n        - name: web\n          image: nginx:1.27\n          envFrom:\n            - configMapRef: {name: settings}\n',
    };
    const { status, report } = await inTree(files, (cwd) => checkJson(cwd, '--warn-level', 'baseline'));
    // Its pod spec is checked (hostNetwork, on the resource's line), the generated ConfigMap's data is not the deployed one.
    expect(report.findings.map((f) => [f.file, f.line, f.check])).toEqual([['app/deployment.yaml', 12, 'hostNamespaces']]);
    expect(report.errors).toEqual([
      { file: 'app/kustomization.yaml', line: null, kind: 'input-stand-in', message: expect.stringMatching(/^app rendered with an empty stand-in for `app\/\.env`, a generator's input the repository lacks/) },
    ]);
    expect(status).toBe(1);
  });

  it("renders an operator's overlay with its CRDs cut to their metadata, and whole when a patch reaches into one by name", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-crds-'));
    // Each run logs the overlay it builds and the size of the CRD file in the tree it was given.
    const tools = loggedTools('"$* $(wc -c < base/crds.yaml)"');
    try {
      const schema = '          properties:\n' + Array.from({ length: 200 }, (_, i) => `            field${i}: {type: string}\n`).join('');
      const crd = `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n${schema}`;
      const deployment =
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n          securityContext:\n            privileged: true\n';
      const files: Record<string, string> = {
        'base/kustomization.yaml': 'resources: [crds.yaml, deploy.yaml]\n',
        'base/crds.yaml': crd,
        'base/deploy.yaml': deployment,
        'overlays/plain/kustomization.yaml': 'namespace: shop\nnamePrefix: plain-\nresources: [../../base]\n',
        // A patch that reaches the CRD by its name alone: it fails on the stub, so the overlay renders again whole.
        'overlays/patched/kustomization.yaml':
          'namespace: shop\nresources: [../../base]\npatches:\n  - target: {name: widgets.example.com}\n    patch: |-\n      - op: replace\n        path: /spec/group\n        value: example.org\n',
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
        writeFileSync(path.join(cwd, file), text);
      }
      let stdout = '';
      const status = await runCli(['check', '.'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
      expect(status).toBe(1);
      // Both overlays rendered, and the Deployment judged in each.
      expect(stdout).toContain('base/deploy.yaml:12: error: Deployments shop/web, shop/plain-web: privileged');
      expect(stdout).not.toContain('could not be rendered');
      const stub = Buffer.byteLength('apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n');
      const whole = Buffer.byteLength(crd);
      const sizes = (overlay: string) => tools.runs().filter((run) => run.includes(overlay)).map((run) => Number(run.split(' ').pop()));
      expect(sizes('overlays/plain')).toEqual([stub]);
      expect(sizes('overlays/patched')).toEqual([stub, whole]);
    } finally {
      tools.restore();
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('keeps as an example the part of such a fix that the rendering does not confirm (an overlay replaces what it adds)', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-object-fix-'));
    try {
      mkdirSync(path.join(cwd, 'base'));
      mkdirSync(path.join(cwd, 'overlays/prod'), { recursive: true });
      cpSync(path.join(fixturesDir, 'render', 'kustomize-patch', 'head', 'base'), path.join(cwd, 'base'), { recursive: true });
      // The overlay writes the pod's securityContext whole: what the base's fix adds there is gone in the rendering.
      const operation = '- op: add\n  path: /spec/template/spec/securityContext\n  value: {runAsUser: 1000}\n';
      writeFileSync(path.join(cwd, 'overlays/prod/kustomization.yaml'), `resources: [../../base]\npatches:\n  - target: {kind: Deployment, name: web}\n    patch: ${JSON.stringify(operation)}\n`);
      const { report } = await checkJson(cwd);
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix?.startLine ?? null])).toEqual([
        ['base/deployment.yaml', 15, 'allowPrivilegeEscalation', 16],
        ['base/deployment.yaml', 15, 'capabilities_restricted', 16],
        ['base/deployment.yaml', 15, 'runAsNonRoot', null],
        ['base/deployment.yaml', 15, 'seccompProfile_restricted', null],
      ]);
      expect(report.findings[2]!.fixNote).toMatch(/^The rendered manifest would be fixed by this change \(an example/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('a Namespace two overlays define with other labels is named by the source lines that write it, not by their renderings', async () => {
    const namespace = (level: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;
    const files: Record<string, string> = {};
    for (const [overlay, level] of [['secure', 'restricted'], ['insecure', 'privileged']] as const) {
      files[`${overlay}/kustomization.yaml`] = 'resources:\n- namespace.yaml\n';
      files[`${overlay}/namespace.yaml`] = namespace(level);
    }
    const { report } = await inTree(files, (cwd) => checkJson(cwd, '--allow-empty'));
    const [conflict] = report.errors.filter((e) => e.kind === 'namespace-conflict');
    expect(conflict!.message).toMatch(/Namespace shop is defined in (in)?secure\/namespace\.yaml:5 and in (in)?secure\/namespace\.yaml:5 with different pod-security labels/);
    expect(conflict!.message).not.toContain('#rendering-');
  });

  it('leaves out an overlay --exclude names, and renders a base only it used on its own', async () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers:\n        - name: web\n          image: web:1\n';
    const files = {
      'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'base/deploy.yaml': deployment,
      'overlays/dev/kustomization.yaml': 'namePrefix: dev-\nresources: [../../base]\n',
      'overlays/prod/kustomization.yaml': 'namePrefix: prod-\nresources: [../../base]\n',
    };
    const names = (...args: string[]) => inTree(files, async (cwd) => (await checkJson(cwd, '--warn-level', 'privileged', ...args)).report.findings.map((f) => f.name));
    expect(await names()).toEqual(['dev-web', 'prod-web']);
    expect(await names('--exclude', 'overlays/dev/**')).toEqual(['prod-web']);
    expect(await names('--exclude', 'overlays/**')).toEqual(['web']);
  });

  it("says a Namespace file's conflict once, not again for each rendering of an overlay that takes it in", async () => {
    // kubeflow/manifests: oauth2-proxy's base Namespace, restricted, and an Istio overlay's privileged one, named first.
    const namespace = (level: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;
    const deployment = (image: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n`;
    const files = (image: string): Record<string, string> => ({
      'a-mesh/namespaces.yaml': namespace('privileged'),
      'base/kustomization.yaml': 'resources: [namespace.yaml, deploy.yaml]\n',
      'base/namespace.yaml': namespace('restricted'),
      'base/deploy.yaml': deployment(image),
      'overlays/dev/kustomization.yaml': 'resources: [../../base]\n',
      'overlays/prod/kustomization.yaml': 'resources: [../../base]\n',
    });
    const { report } = await inRepo(files('web:1'), files('web:2'), (repo) => diffJson(repo));
    expect(report.errors).toEqual([
      expect.objectContaining({ file: 'base/namespace.yaml', line: 5, kind: 'namespace-conflict', message: expect.stringMatching(/^Namespace shop is defined in a-mesh\/namespaces\.yaml:5 and in base\/namespace\.yaml:5 with/) }),
    ]);
  });

  it('verifies the fixes of an overlay whose rendering is over the file size limit (an operator with its CRDs: 12 MB for Argo Workflows)', async () => {
    const files = {
      'kustomization.yaml': 'resources:\n- deploy.yaml\n- crd-a.yaml\n- crd-b.yaml\n',
      'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers:\n        - name: web\n          image: web:1\n',
      // Each file within the 4 MiB a repository's file may have, their rendering over it: read whole all the same.
      ...Object.fromEntries(['a', 'b'].map((name) => [`crd-${name}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  schema: ${'x'.repeat(3 * 1024 * 1024)}\n`])),
    };
    const { report } = await inTree(files, (cwd) => checkJson(cwd));
    expect(report.errors).toEqual([]);
    const [host] = report.findings.filter((f) => f.check === 'hostNamespaces');
    expect([host!.file, host!.line, host!.fix]).toEqual(['deploy.yaml', 8, { startLine: 8, endLine: 8, replacement: '      hostNetwork: false\n', attachable: false }]);
  });

  it('an overlay whose resource is over the file size limit says so, not that the repository lacks it', async () => {
    const files = {
      'base/kustomization.yaml': 'resources:\n- crd.yaml\n',
      'base/crd.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: schema\ndata:\n  schema: ${'x'.repeat(5 * 1024 * 1024)}\n`,
      'overlay/kustomization.yaml': 'resources:\n- ../base\n',
    };
    const failed = await renderFailures(files);
    // The base is rendered through the overlay, which names the file from the repository's folder.
    expect(failed.map((e) => e.file)).toEqual(['overlay/kustomization.yaml']);
    expect(failed[0]!.message).toMatch(/\(`base\/crd\.yaml` is over the file size limit \(`max-file-size`, 4 MiB by default\), so it was not read for the rendering: raise the limit to check this overlay\)$/);
  });

  it("an overlay that names a file outside its folder (cluster-api's templates) says why kustomize refuses it, and what to do", async () => {
    const files = {
      'bases/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{name: web, image: web:1}]\n',
      'ipv6/kustomization.yaml': 'resources:\n- ../bases/pod.yaml\n',
    };
    const [failed] = await renderFailures(files);
    expect(failed!.file).toBe('ipv6/kustomization.yaml');
    expect(failed!.message).toMatch(
      /\n\(kustomize refuses a file outside the overlay's folder \(`bases\/pod\.yaml`\) unless built with `--load-restrictor LoadRestrictionsNone`, never used here \(it lets a kustomization read any file of the machine\): name that file's folder as a kustomization instead, or leave the overlay out \(`exclude`\)\)$/,
    );
  });

  it("an overlay whose `patches` lists bare file names (argocd-example-apps) says how kustomize wants each entry", async () => {
    const files = {
      'app/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{name: web, image: web:1}]\n',
      'app/patch.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n',
      'app/kustomization.yaml': 'resources:\n- pod.yaml\npatches:\n- patch.yaml\n',
    };
    const [failed] = await renderFailures(files);
    expect(failed!.file).toBe('app/kustomization.yaml');
    expect(failed!.message).toMatch(
      /cannot unmarshal string into Go struct field Kustomization\.patches of type types\.Patch\n\(each entry of `patches` is a map, `- path: FILE` or `- patch: \|` with the patch inline; a bare file name was a `patchesStrategicMerge` entry\)$/,
    );
  });

  it("places a restricted volume on its resource's line though kustomize writes the volume's keys in another order (nfs-subdir-external-provisioner's `server`, `path`)", async () => {
    const deployment = workloadTemplate('Deployment', 'web', [
      '      containers:',
      '        - name: web',
      '          image: web:1',
      '      volumes:',
      '        - name: root',
      '          nfs:',
      '            server: 10.3.243.101',
      '            path: /ifs/kubernetes',
    ]);
    const { report } = await inTree({ 'deploy/kustomization.yaml': 'resources:\n  - deployment.yaml\n', 'deploy/deployment.yaml': deployment }, (cwd) => checkJson(cwd, '--level', 'restricted'));
    const volume = report.findings.find((f) => f.check === 'restrictedVolumes');
    // Line 17 writes `nfs:` (rendered `nfs: {path, server}`), not line 1 with "no source line writes it".
    expect([volume?.file, volume?.line, volume?.rendered?.exact]).toEqual(['deploy/deployment.yaml', 17, true]);
  });

  it("an overlay whose base lies above the folder `check` runs in names it as the user would, and says where to run from (seldon-core's k8s/)", async () => {
    const files = {
      'operator/config/crd/kustomization.yaml': 'resources: [pod.yaml]\n',
      'operator/config/crd/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers: [{name: web, image: web:1}]\n',
      'k8s/kustomize/crds/kustomization.yaml': 'resources:\n  - ../../../operator/config/crd\n',
    };
    const { inside, above } = await inTree(files, async (cwd) => ({ inside: await checkJson(path.join(cwd, 'k8s')), above: await jsonOf(cwd, ['check', 'k8s']) }));
    const [failed] = inside.report.errors;
    expect(failed!.file).toBe('kustomize/crds/kustomization.yaml');
    // Not the temporary folder's parent (`/tmp/operator`): the path from the folder checked.
    expect(failed!.message).not.toMatch(/\/tmp\//);
    expect(failed!.message).toMatch(
      /lstat \.\.\/operator: no such file or directory.*\n\(`\.\.\/operator` lies above the folder rendered \(`check`'s working directory; in a review, the repository\): run `check` from a folder that holds it, or leave this overlay out \(`exclude`\)\)$/s,
    );
    // From the folder above, the base is rendered with the overlay.
    expect(above.report.errors).toEqual([]);
    expect(above.report.findings.map((f) => [f.file, f.check])).toContainEqual(['operator/config/crd/pod.yaml', 'hostNamespaces']);
  });

  it("a field of the wrong type, or a variable Flux's postBuild substitutes, in what an overlay renders is placed on the line that writes it", async () => {
    const files = {
      'kustomization.yaml': 'resources:\n- deploy.yaml\n',
      'deploy.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${REPLICAS}\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n          securityContext:\n            privileged: "yes"\n',
    };
    const { report } = await inTree(files, (cwd) => checkJson(cwd));
    expect(report.errors.map((e) => [e.file, e.line, e.kind])).toEqual([
      ['deploy.yaml', 6, 'template'],
      ['deploy.yaml', 13, 'invalid'],
    ]);
    expect(report.errors[0]!.message).toMatch(/^the rendering of \.: spec\.replicas is `\$\{REPLICAS\}`, a variable substituted before the cluster reads the object/);
  });

  it('a level from a Kyverno policy an overlay renders names the policy by its source line', async () => {
    const files = {
      'kustomization.yaml': 'resources:\n- policy.yaml\n- pod.yaml\n- exception.yaml\n',
      'exception.yaml':
        'apiVersion: kyverno.io/v2\nkind: PolicyException\nmetadata:\n  name: web-exception\n  namespace: shop\nspec:\n  exceptions: [{policyName: psa, ruleNames: [restricted]}]\n  match: {any: [{resources: {kinds: [Pod], names: [web]}}]}\n  podSecurity: [{controlName: Capabilities, images: ["web*"]}]\n',
      'policy.yaml':
        'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: psa\nspec:\n  validationFailureAction: Enforce\n  rules:\n    - name: restricted\n      match: {any: [{resources: {kinds: [Pod]}}]}\n      validate: {podSecurity: {level: restricted, version: latest}}\n',
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers: [{name: web, image: web:1}]\n',
    };
    const { report } = await inTree(files, (cwd) => checkJson(cwd));
    // The exception (honoured for capabilities) is named by its source line too.
    expect(new Set(report.findings.map((f) => f.levelSource.detail))).toEqual(
      new Set(['kyverno: ClusterPolicy/psa rule restricted (policy.yaml:4); with PolicyException shop/web-exception (exception.yaml:4)', 'built-in default']),
    );
    expect(report.podSpecs[0]!.message).toMatch(/^kyverno: ClusterPolicy\/psa rule restricted \(policy\.yaml:4\); with PolicyException shop\/web-exception \(exception\.yaml:4\): would violate PodSecurity/);
  });

  it('a Namespace an overlay renders is read for its labels, never as a pull request lowering them: check knows no change', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-namespace-'));
    try {
      writeFileSync(path.join(cwd, 'kustomization.yaml'), 'resources:\n- namespace.yaml\n- pod.yaml\n');
      writeFileSync(path.join(cwd, 'namespace.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: monitoring\n  labels:\n    pod-security.kubernetes.io/warn: privileged\n');
      writeFileSync(path.join(cwd, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\n  namespace: monitoring\nspec:\n  containers: [{name: agent, image: agent:1}]\n');
      const run = async (...args: string[]) => {
        let stdout = '';
        const status = await runCli(['check', '.', '--format', 'json', ...args], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
        return { status, report: JSON.parse(stdout) as JsonReport };
      };
      const rendered = await run();
      const plain = await run('--render', 'off');
      expect(rendered.status).toBe(0);
      // The Namespace's warn level applies to its Pod, as it does to the plain files: no restricted warnings, and no finding of its own.
      expect(rendered.report.findings).toEqual([]);
      expect(plain.report.findings).toEqual([]);
      expect(rendered.report.podSpecs.map((p) => p.name)).toEqual(['agent']);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('checks a rendering larger than --max-file-size: the tool\'s output is bounded by render.max-output-size, each file it read by --max-file-size', async () => {
    // Each file of the overlay is under 300 bytes; its rendering is 327.
    const cwd = path.join(fixturesDir, 'render', 'kustomize-patch', 'head');
    let stdout = '';
    const status = await runCli(['check', '.', '--max-file-size', '300', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => [f.file, f.line, f.name, f.check])).toEqual([['overlays/prod/debug.yaml', 11, 'prod-web', 'privileged']]);
  });

  it('honours the config\'s render.timeout and render.max-output-size, and names the limit hit and the key that raises it', async () => {
    const small = await checkWithConfig<JsonReport>('kustomize-patch/head', 'render:\n  max-output-size: 10\n');
    expect(small.status).toBe(1);
    expect(small.report.findings).toEqual([]);
    expect(small.report.errors.map((e) => [e.file, e.kind])).toEqual([['overlays/prod/kustomization.yaml', 'render-failed']]);
    expect(small.report.errors[0]!.message).toMatch(
      /^overlays\/prod could not be rendered: `(kubectl kustomize|kustomize build) overlays\/prod` failed \(its output went over the limit of 10 bytes; raise `render\.max-output-size` \(bytes\) in the config file if it is meant to be that large\)/,
    );
    const slow = await checkWithConfig<JsonReport>('kustomize-patch/head', 'render:\n  timeout: 0.001\n');
    expect(slow.report.errors.map((e) => [e.file, e.kind])).toEqual([['overlays/prod/kustomization.yaml', 'render-failed']]);
    expect(slow.report.errors[0]!.message).toContain('failed (timed out after 0.001 s; raise `render.timeout` (seconds) in the config file if it needs longer)');
    // Limits large enough: the same tree renders, and its finding is back.
    const roomy = await checkWithConfig<JsonReport>('kustomize-patch/head', 'render:\n  timeout: 120\n  max-output-size: 1048576\n');
    expect(roomy.report.errors).toEqual([]);
    expect(roomy.report.findings.map((f) => [f.file, f.line, f.check])).toEqual([['overlays/prod/debug.yaml', 11, 'privileged']]);
  });
});

const restoreHelm = useCachedHelm();
afterAll(() => restoreHelm());
const inflationTools = haveHelm() && haveKustomizeForHelm();

describe.skipIf(!haveKustomize())(`fix renders the overlays under its paths ${haveKustomize() ? '' : missingTool('kubectl (or kustomize)')}`, () => {
  /** `fix ARGS .` on a copy of a fixture's head, and the texts of `files` before and after. */
  async function fixOverlays(fixture: string, files: readonly string[], ...args: string[]) {
    const head = path.join(fixturesDir, 'render', fixture, 'head');
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-fix-'));
    try {
      cpSync(head, cwd, { recursive: true });
      let stdout = '';
      const status = await runCli(['fix', ...args, '.'], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
      const read = (root: string) => new Map(files.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
      return { status, stdout, before: read(head), after: read(cwd) };
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }

  it('fixes the patch that makes the overlay fail, not the base it patches, and counts the pod spec once', async () => {
    const { status, stdout, before, after } = await fixOverlays('kustomize-patch', ['overlays/prod/debug.yaml', 'base/deployment.yaml'], '--warn-level', 'restricted');
    expect(status).toBe(0);
    expect(after.get('overlays/prod/debug.yaml')).toBe(before.get('overlays/prod/debug.yaml')!.replace('            privileged: true\n', patchFixed));
    expect(after.get('base/deployment.yaml')).toBe(before.get('base/deployment.yaml'));
    // Rendered again after the fix: nothing is left, and the patch is not a Deployment of its own.
    expect(stdout).toContain('1 pod spec checked, 0 violating');
    expect(stdout).toContain('fixed 5 findings in 1 file: overlays/prod/debug.yaml');
  });

  it('fixes a base that two overlays render once, with the fix that verified on each, and the plain files beside it', async () => {
    const { status, stdout, before, after } = await fixOverlays('kustomize-base', ['base/deployment.yaml', 'deploy/job.yaml']);
    expect(status).toBe(0);
    expect(after.get('base/deployment.yaml')).toBe(before.get('base/deployment.yaml')!.replace('hostPID: true', 'hostPID: false').replace('          image: nginx:1.27\n', `          image: nginx:1.27\n${restrictedContext}`));
    expect(after.get('deploy/job.yaml')).toContain('hostIPC: false');
    expect(stdout).toContain('3 pod specs checked, 0 violating');
    // The base's five findings are one each, however many overlays render them (dev-web, prod-web): ten, with the job's five.
    expect(stdout).toContain('fixed 10 findings in 2 files: base/deployment.yaml, deploy/job.yaml');
  });

  it('fixes only the files it is given, and says how to fix what the rendering finds in the others', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-fix-named-'));
    try {
      const deployment = (name: string, field: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      ${field}: true\n      containers: [{name: app, image: app:1}]\n`;
      writeFileSync(path.join(cwd, 'kustomization.yaml'), 'resources: [a.yaml, b.yaml]\n');
      writeFileSync(path.join(cwd, 'a.yaml'), deployment('a', 'hostPID'));
      writeFileSync(path.join(cwd, 'b.yaml'), deployment('b', 'hostIPC'));
      let stdout = '';
      const status = await runCli(['fix', '--warn-level', 'baseline', 'a.yaml'], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
      expect(status).toBe(1);
      expect(readFileSync(path.join(cwd, 'a.yaml'), 'utf8')).toBe(deployment('a', 'hostPID').replace('hostPID: true', 'hostPID: false'));
      expect(readFileSync(path.join(cwd, 'b.yaml'), 'utf8')).toBe(deployment('b', 'hostIPC'));
      expect(stdout).toContain('b.yaml:8: not fixed [hostNamespaces]: not among the paths given; `pod-security-review fix b.yaml` fixes it\n');
      expect(stdout).toContain('fixed 1 finding in 1 file: a.yaml');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
  it('says once why a finding of a base that two overlays render is not fixed', async () => {
    const volume = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: app:1}]\n      volumes:\n        - name: logs\n          hostPath: {path: /var/log}\n';
    const files = { 'base/kustomization.yaml': 'resources: [agent.yaml]\n', 'base/agent.yaml': volume, 'dev/kustomization.yaml': 'resources: [../base]\nnamePrefix: dev-\n', 'prod/kustomization.yaml': 'resources: [../base]\nnamePrefix: prod-\n' };
    await inTree(files, async (cwd) => {
      let stdout = '';
      const status = await runCli(['fix', '.'], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
      expect(status).toBe(1);
      // dev-agent and prod-agent: one finding of the base's line each per check, one line of output for all four.
      expect(stdout.match(/^base\/agent\.yaml:.*not fixed.*$/gm)).toEqual([expect.stringMatching(/^base\/agent\.yaml:\d+: not fixed \[hostPathVolumes, restrictedVolumes\]: No suggestion: /)]);
    });
  });
});

describe.skipIf(!inflationTools)(`Kustomize Helm inflation ${inflationTools ? '' : missingTool('helm or kustomize v5.8.1')}`, () => {
  it('is off by default: an overlay with helmCharts is a notice naming it and the config key, and nothing is inflated', async () => {
    const { status, report } = await checkWithConfig<JsonReport>('kustomize-helm/head', '');
    expect(status).toBe(0);
    expect(report.errors.map((e) => [e.file, e.kind, e.message])).toEqual([
      [
        'overlays/app/kustomization.yaml',
        'not-rendered',
        'overlays/app not rendered: its `helmCharts` need Helm inflation, which is off (set `render.kustomize.helm: true` in the config file to run it, with charts from the repository only)',
      ],
    ]);
    expect(report.findings).toEqual([]);
  });

  it('render.kustomize.helm: true inflates a chart kept beside the overlay, with its values file, through kustomize and the real helm', async () => {
    const saved = process.env.PATH;
    process.env.PATH = `${kustomizeCacheBin}${path.delimiter}${saved ?? ''}`;
    try {
      const { status, report } = await checkWithConfig<JsonReport>('kustomize-helm/head', 'render:\n  kustomize:\n    helm: true\n');
      expect(report.errors).toEqual([]);
      expect(status).toBe(1);
      // web-values.yaml sets hostNetwork: true over the chart's false; the chart is rendered through the overlay only, not as a chart of its own.
      expect(report.findings.map((f) => [f.file, f.name, f.check, f.rendered?.tool, f.rendered?.root])).toEqual([['overlays/app/kustomization.yaml', 'web-web', 'hostNamespaces', 'kustomize', 'overlays/app']]);
      expect(report.podSpecs.map((p) => [p.file, p.name])).toEqual([['overlays/app/kustomization.yaml', 'web-web']]);
    } finally {
      process.env.PATH = saved;
    }
  });
});
