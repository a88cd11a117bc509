/**
 * `diff` on Helm charts, with the real helm v4: charts are rendered at
 * base and head, findings land on the values line the pull request changed
 * or on the template line (found through `# Source:` and the key path),
 * suggestions on values.yaml are verified by rendering again, and a
 * dependency missing from charts/ is a notice naming it, never a fetch.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { fixturesDir } from '../helpers/paths.js';
import { gitIn, makeRepo } from '../helpers/gitRepo.js';
import { podTemplate, podWithValuesSecurityContext, podWithValuesSecurityContexts, workloadTemplate } from '../helpers/chartTemplates.js';
import { inRepo, inTree } from '../helpers/tempTree.js';
import { checkWithConfig, haveHelm, missingTool, renderScenarios, useCachedHelm } from '../helpers/renderTools.js';

const restorePath = useCachedHelm();

interface JsonFinding {
  file: string;
  line: number;
  name: string;
  namespace?: string | null;
  check: string;
  detail?: string;
  status: string;
  preexisting?: boolean;
  fix?: { startLine: number; endLine: number; replacement: string; attachable: boolean } | null;
  fixNote?: string | null;
  locations: { line: number; exact: boolean; inDiff: boolean }[];
  blocking?: boolean;
  rendered?: { tool: string; root: string; sourceFile: string; sourceLine: number; exact: boolean; rendering?: string; application?: string; applicationLine?: number; changeLine?: { file: string; line: number }; values?: { file: string; line: number } };
}

interface JsonReport {
  findings: JsonFinding[];
  renderings?: { tool: string; rendering: string }[];
  errors: { file: string; line?: number | null; kind: string; message: string }[];
  podSpecs: { file: string; line: number; rendering?: string; namespace: string | null; name: string; status: string; allowed?: boolean }[];
}

const { diff, cleanUp } = renderScenarios<JsonReport>();
afterAll(() => {
  restorePath();
  cleanUp();
});

/** A chart's Chart.yaml, as helm create writes its first lines. */
const chartYaml = (name: string, version = '1.0.0') => `apiVersion: v2\nname: ${name}\nversion: ${version}\n`;

/** A Pod of one container, both named `name`, that passes the baseline level: a chart's template with nothing to fix. */
const plainPod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: ${name}\n      image: ${name}:1\n`;

const brief = (f: JsonFinding) => [f.file, f.line, f.name, f.check, f.status];

/** `diff --base BASE --format json --warn-level privileged` in a repository. */
async function diffIn(repo: string, base = 'main'): Promise<JsonReport> {
  let stdout = '';
  await runCli(['diff', '--base', base, '--format', 'json', '--warn-level', 'privileged'], { cwd: repo, stdout: (t) => (stdout += t), stderr: () => undefined });
  return JSON.parse(stdout) as JsonReport;
}

/**
 * A repository whose base and head trees `prepare` writes (into empty
 * folders), committed on main and on feature; `cleanUp` removes both.
 */
function repoOfSides(prepare: (base: string, head: string) => void): { repo: string; cleanUp: () => void } {
  const sides = mkdtempSync(path.join(tmpdir(), 'psr-sides-'));
  const [base, head] = [path.join(sides, 'base'), path.join(sides, 'head')];
  prepare(base, head);
  const repo = makeRepo(base, head);
  return { repo, cleanUp: () => [repo, sides].forEach((dir) => rmSync(dir, { recursive: true, force: true })) };
}

/** `diffIn` a repository of repoOfSides's, removed after. */
async function diffOfSides(prepare: (base: string, head: string) => void): Promise<JsonReport> {
  const { repo, cleanUp } = repoOfSides(prepare);
  try {
    return await diffIn(repo);
  } finally {
    cleanUp();
  }
}

/** `body` in a repository of a render fixture's base and head trees, removed after. */
async function inFixtureRepo(name: string, body: (repo: string) => Promise<void>): Promise<void> {
  const dir = path.join(fixturesDir, 'render', name);
  const repo = makeRepo(path.join(dir, 'base'), path.join(dir, 'head'));
  try {
    await body(repo);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

/** charts/web's Deployment template in `dir` (helm-application's chart) with `hostPID` taken from the value `key`. */
/** DataDog's layout in `side`: charts/agent with `values`, these templates, and test values that set the API key its workloads need. */
function writeAgentChart(side: string, values: string, templates: Record<string, string>): void {
  mkdirSync(path.join(side, 'charts/agent/templates'), { recursive: true });
  mkdirSync(path.join(side, 'charts/agent/ci'), { recursive: true });
  writeFileSync(path.join(side, 'charts/agent/Chart.yaml'), chartYaml('agent'));
  writeFileSync(path.join(side, 'charts/agent/values.yaml'), values);
  for (const [file, text] of Object.entries(templates)) writeFileSync(path.join(side, 'charts/agent/templates', file), text);
  writeFileSync(path.join(side, 'charts/agent/ci/key-values.yaml'), 'apiKey: abc\n');
}

function hostPIDFrom(dir: string, key: string): void {
  const template = path.join(dir, 'charts/web/templates/deployment.yaml');
  writeFileSync(template, readFileSync(template, 'utf8').replace('      containers:\n', `      hostPID: {{ .Values.${key} }}\n      containers:\n`));
}

/**
 * A chart `name` (its files: path in the chart → text; Chart.yaml written) packaged with `helm package` into
 * `chartDir`'s charts/ folder, as `helm dependency build` vendors one: only its archive is left in the tree.
 */
function vendorArchive(cwd: string, chartDir: string, name: string, files: Record<string, string>): void {
  const source = mkdtempSync(path.join(tmpdir(), 'psr-archive-source-'));
  try {
    const sub = path.join(source, name);
    for (const [file, text] of Object.entries({ 'Chart.yaml': chartYaml(name), ...files })) {
      mkdirSync(path.dirname(path.join(sub, file)), { recursive: true });
      writeFileSync(path.join(sub, file), text);
    }
    mkdirSync(path.join(cwd, chartDir, 'charts'), { recursive: true });
    execFileSync('helm', ['package', sub, '--destination', path.join(cwd, chartDir, 'charts')], { stdio: 'ignore' });
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}

/** `check --level restricted` of a chart `web` of values.yaml `values` and one template, templates/pod.yaml. */
const checkWebChart = (values: string, pod: string) => checkTree({ 'web/Chart.yaml': chartYaml('web'), 'web/values.yaml': values, 'web/templates/pod.yaml': pod }, '--level', 'restricted');

/** `check . --format json ARGS` in a folder of its own holding `files` (path → text). */
async function checkTree(files: Record<string, string>, ...args: string[]): Promise<{ status: number; report: JsonReport }> {
  return inTree(files, async (cwd) => {
    let stdout = '';
    const status = await runCli(['check', '.', '--format', 'json', ...args], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
    return { status, report: JSON.parse(stdout) as JsonReport };
  });
}

/**
 * A repository of a Fleet bundle `apps/web` whose folder is a chart (its
 * container's securityContext from `.Values.securityContext`, `{}` in
 * values.yaml): `fleet(false)` its fleet.yaml at base, `fleet(true)` at head.
 */
function fleetBundleRepo(fleet: (privileged: boolean) => string): { repo: string; cleanUp: () => void } {
  const deployment = workloadTemplate('Deployment', 'web', ['      containers:', '        - name: web', '          image: web:1', '          securityContext:', '            {{- toYaml .Values.securityContext | nindent 12 }}']);
  return repoOfSides((base, head) => {
    for (const [side, privileged] of [[base, false], [head, true]] as const) {
      mkdirSync(path.join(side, 'apps/web/templates'), { recursive: true });
      writeFileSync(path.join(side, 'apps/web/Chart.yaml'), chartYaml('web'));
      writeFileSync(path.join(side, 'apps/web/values.yaml'), 'securityContext: {}\n');
      writeFileSync(path.join(side, 'apps/web/templates/deployment.yaml'), deployment);
      writeFileSync(path.join(side, 'apps/web/fleet.yaml'), fleet(privileged));
    }
  });
}

/**
 * vault's pod template: the pod's securityContext from the values key `key` when it is set, else (when `elseIf`
 * holds, if given) literal defaults, `runAsUser` from `uid`; its container passes restricted.
 */
function defaultsUnlessSet(key: string, elseIf?: string): string {
  return podTemplate('web', [
    `  {{- if .Values.${key} }}`,
    '  securityContext:',
    `    {{- toYaml .Values.${key} | nindent 4 }}`,
    elseIf === undefined ? '  {{- else }}' : `  {{- else if ${elseIf} }}`,
    '  securityContext:',
    '    runAsNonRoot: true',
    '    runAsUser: {{ .Values.uid }}',
    '  {{- end }}',
    '  containers:',
    '    - name: web',
    '      image: web:1',
    '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
  ]);
}

/** A chart whose two containers take their securityContext from values keys 30 lines apart (prometheus's server and configmap-reload). */
const farApartChart: Record<string, string> = (() => {
  const container = (name: string, key: string) => [`    - name: ${name}`, `      image: ${name}:1`, `      {{- with .Values.${key} }}`, '      securityContext:', '        {{- toYaml . | nindent 8 }}', '      {{- end }}'];
  const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile: {type: RuntimeDefault}', '  containers:', ...container('web', 'securityContext'), ...container('reload', 'reload.securityContext'), ''].join('\n');
  const values = ['securityContext: {}', ...Array.from({ length: 28 }, (_, i) => `# note ${i + 1}`), 'reload:', '  securityContext: {}', ''].join('\n');
  return { 'web/Chart.yaml': chartYaml('web'), 'web/values.yaml': values, 'web/templates/pod.yaml': pod };
})();

describe.skipIf(!haveHelm())(`diff renders Helm charts ${haveHelm() ? '' : missingTool('helm')}`, () => {
  it('a values change that turns hostNetwork on: the finding and a verified suggestion on the values line', async () => {
    const { status, report } = await diff('helm-values');
    expect(status).toBe(1);
    expect(report.findings.map(brief)).toEqual([['charts/web/values.yaml', 9, 'web-web', 'hostNamespaces', 'modified']]);
    const [finding] = report.findings;
    expect(finding!.rendered).toEqual({ tool: 'helm', root: 'charts/web', sourceFile: 'charts/web/values.yaml', sourceLine: 9, changeLine: { file: 'charts/web/values.yaml', line: 9 }, exact: true });
    expect(finding!.fix).toEqual({ startLine: 9, endLine: 9, replacement: 'hostNetwork: false\n', attachable: true });
    // The Service is not a pod spec; templates are never read as YAML of their own.
    // A pod spec is where its object is written (the template's first line), with the rendering it came from.
    expect(report.podSpecs).toEqual([expect.objectContaining({ file: 'charts/web/templates/deployment.yaml', line: 1, rendering: 'charts/web', name: 'web-web', status: 'modified' })]);
    expect(report.errors).toEqual([]);
  });

  it('a values switch the pull request turned on, which a template writes `hostNetwork: true` under, gets the finding and its suggestion on the line it changed', async () => {
    const { status, report } = await diff('helm-switch');
    expect(status).toBe(1);
    // Not on the template's `hostNetwork: true`, outside the diff: on the switch, turned off again.
    expect(report.findings.map(brief)).toEqual([['charts/operator/values.yaml', 4, 'operator-operator', 'hostNamespaces', 'modified']]);
    expect(report.findings[0]!.fix).toEqual({ startLine: 4, endLine: 4, replacement: 'useOperatorHostNetwork: false\n', attachable: true });
    expect(report.findings[0]!.locations.map((l) => [l.line, l.inDiff])).toEqual([[4, true]]);
  });

  it('a values switch that turns on a securityContext written far below it: the finding keeps its line, and the switch is where the change wrote it', async () => {
    const values = (debug: boolean) => [`debug: ${debug}`, 'image: web:1', ...Array.from({ length: 10 }, (_, i) => `# note ${i + 1}`), 'debugSecurityContext:', '  privileged: true', ''].join('\n');
    const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: {{ .Values.image }}', '      {{- if .Values.debug }}', '      securityContext:', '        {{- toYaml .Values.debugSecurityContext | nindent 8 }}', '      {{- end }}', ''].join('\n');
    const { repo, cleanUp } = repoOfSides((base, head) => {
      for (const [side, debug] of [[base, false], [head, true]] as const) {
        mkdirSync(path.join(side, 'charts/web/templates'), { recursive: true });
        writeFileSync(path.join(side, 'charts/web/Chart.yaml'), chartYaml('web'));
        writeFileSync(path.join(side, 'charts/web/values.yaml'), values(debug));
        writeFileSync(path.join(side, 'charts/web/templates/pod.yaml'), pod);
      }
    });
    try {
      const report = await diffIn(repo);
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.status, f.preexisting])).toEqual([['charts/web/values.yaml', 14, 'privileged', 'modified', false]]);
      // Line 14 is not in the diff; line 1, the switch, is the line the change wrote (the review comments there).
      expect(report.findings[0]!.locations.map((l) => [l.line, l.inDiff])).toEqual([[14, false]]);
      expect(report.findings[0]!.rendered).toMatchObject({ sourceFile: 'charts/web/values.yaml', sourceLine: 14, changeLine: { file: 'charts/web/values.yaml', line: 1 } });
      // Its fix: the switch turned back, verified by rendering again, a suggestion on the line the change wrote.
      expect(report.findings[0]!.fix).toEqual({ startLine: 1, endLine: 1, replacement: 'debug: false\n', attachable: true });
    } finally {
      cleanUp();
    }
  });

  it("comments a finding of a switch the change turned on (`{{ if $.Values.hostPort.enabled }}` inside `range`) on the switch, not on the change's first line, with the switch turned back", async () => {
    // ingress-nginx: its hostPort is written inside a `range` over the container's ports, from `index` of a map.
    const values = (tag: string, enabled: boolean) => [`image: web:${tag}`, 'containerPort:', '  http: 8080', 'hostPort:', `  enabled: ${enabled}`, '  ports:', '    http: 80', ''].join('\n');
    const pod = podTemplate('web', [
      '  containers:',
      '    - name: web',
      '      image: {{ .Values.image }}',
      '      ports:',
      '      {{- range $key, $value := .Values.containerPort }}',
      '        - name: {{ $key }}',
      '          containerPort: {{ $value }}',
      '          {{- if $.Values.hostPort.enabled }}',
      '          hostPort: {{ index $.Values.hostPort.ports $key | default $value }}',
      '          {{- end }}',
      '      {{- end }}',
    ]);
    const { repo, cleanUp } = repoOfSides((base, head) => {
      for (const [side, tag, enabled] of [[base, '1', false], [head, '2', true]] as const) {
        mkdirSync(path.join(side, 'charts/web/templates'), { recursive: true });
        writeFileSync(path.join(side, 'charts/web/Chart.yaml'), chartYaml('web'));
        writeFileSync(path.join(side, 'charts/web/values.yaml'), values(tag, enabled));
        writeFileSync(path.join(side, 'charts/web/templates/pod.yaml'), pod);
      }
    });
    try {
      const report = await diffIn(repo);
      // Line 1 (the image) is the first line the change wrote; line 5 is the switch that writes the template's line 14.
      // Its revert is verified by rendering again, and the finding goes with its suggestion.
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.status])).toEqual([['charts/web/values.yaml', 5, 'hostPorts', 'modified']]);
      expect(report.findings[0]!.rendered).toMatchObject({ changeLine: { file: 'charts/web/values.yaml', line: 5 } });
      expect(report.findings[0]!.fix).toEqual({ startLine: 5, endLine: 5, replacement: '  enabled: false\n', attachable: true });
    } finally {
      cleanUp();
    }
  });

  it("comments a finding on a values line of an object its own switch turned on on that switch, not on the change's first line, which turned on another", async () => {
    // consul: `client.enabled` (first) and `connectInject.cni.enabled` both turned on; the CNI DaemonSet's privileged container,
    // written by values far from either switch, was commented on `client.enabled`.
    const values = (enabled: boolean) =>
      ['agent:', `  enabled: ${enabled}`, 'cni:', `  enabled: ${enabled}`, '  image: cni:1', '  logLevel: info', '  port: 8080', '  retries: 3', '  securityContext:', '    privileged: true', ''].join('\n');
    const guarded = (key: string, pod: string) => `{{- if .Values.${key}.enabled }}\n${pod}{{- end }}\n`;
    const agent = guarded('agent', podTemplate('agent', ['  hostPID: true', '  containers:', '    - name: agent', '      image: agent:1']));
    const cni = guarded('cni', podTemplate('cni', ['  containers:', '    - name: cni', '      image: {{ .Values.cni.image }}', '      securityContext:', '        {{- toYaml .Values.cni.securityContext | nindent 8 }}']));
    const report = await diffOfSides((base, head) => {
      for (const [side, enabled] of [[base, false], [head, true]] as const) {
        mkdirSync(path.join(side, 'charts/node/templates'), { recursive: true });
        writeFileSync(path.join(side, 'charts/node/Chart.yaml'), chartYaml('node'));
        writeFileSync(path.join(side, 'charts/node/values.yaml'), values(enabled));
        writeFileSync(path.join(side, 'charts/node/templates/agent.yaml'), agent);
        writeFileSync(path.join(side, 'charts/node/templates/cni.yaml'), cni);
      }
    });
    expect(report.findings.map((f) => [f.name, f.check, f.file, f.line, f.rendered?.changeLine?.line])).toEqual([
      ['agent', 'hostNamespaces', 'charts/node/templates/agent.yaml', 7, 2],
      ['cni', 'privileged', 'charts/node/values.yaml', 10, 4],
    ]);
  });

  it("renders a Rancher Fleet bundle's chart with its release, namespace and values, and places a finding its values cause on their line", async () => {
    const fleet = (privileged: boolean) => ['namespace: web', 'helm:', '  releaseName: shop', '  values:', '    replicas: 2', ...(privileged ? ['    securityContext:', '      privileged: true'] : []), ''].join('\n');
    const { repo, cleanUp } = fleetBundleRepo(fleet);
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      expect(report.findings.map((f) => [f.file, f.line, f.namespace, f.check, f.status])).toEqual([['apps/web/fleet.yaml', 7, 'web', 'privileged', 'modified']]);
      expect(report.findings[0]!.rendered).toMatchObject({ rendering: 'apps/web (Fleet bundle apps/web)', application: 'apps/web/fleet.yaml' });
      // Verified by rendering the bundle again, a suggestion on the line the change wrote.
      expect(report.findings[0]!.fix).toEqual({ startLine: 7, endLine: 7, replacement: '      privileged: false\n', attachable: true });
    } finally {
      cleanUp();
    }
  });

  it("renders a Fleet bundle once more per target customization's values, and places a finding one causes on its line", async () => {
    const fleet = (privileged: boolean) =>
      ['namespace: web', 'targetCustomizations:', '- name: dev', '  helm:', '    values: {replicas: 1}', '- name: prod', '  helm:', '    values:', '      replicas: 3', ...(privileged ? ['      securityContext:', '        privileged: true'] : []), ''].join('\n');
    const { repo, cleanUp } = fleetBundleRepo(fleet);
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      expect(report.findings.map((f) => [f.file, f.line, f.namespace, f.check, f.rendered?.rendering])).toEqual([
        ['apps/web/fleet.yaml', 11, 'web', 'privileged', 'apps/web (Fleet bundle apps/web, target prod)'],
      ]);
      expect(report.findings[0]!.fix).toEqual({ startLine: 11, endLine: 11, replacement: '        privileged: false\n', attachable: true });
    } finally {
      cleanUp();
    }
  });

  it('a values change to a pod-security key that no rendering shows is said on its line, with the test values to render the chart with', async () => {
    // DataDog's layout: the DaemonSet renders only with an API key, which values.yaml leaves out.
    const values = (privileged: boolean) => `apiKey: null\nimage: agent:1\nprobe:\n  securityContext:\n    privileged: ${privileged}\n`;
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  containers:\n    - name: probe\n      image: {{ .Values.image }}\n      securityContext: {{- toYaml .Values.probe.securityContext | nindent 8 }}\n';
    // The pod the chart renders by default has a token written anew at each rendering: it moves, but not with the change.
    const other = pod.replace('name: agent', 'name: other\n  annotations:\n    token: {{ randAlphaNum 12 | quote }}').replace(/\n {6}securityContext.*\n$/, '\n');
    const write = (side: string, privileged: boolean, image = 'agent:1', extra: Record<string, string> = {}) =>
      writeAgentChart(side, values(privileged).replace('agent:1', image), { 'pod.yaml': `{{- if .Values.apiKey }}\n${pod}{{- end }}\n`, 'other.yaml': other, ...extra });
    const report = await diffOfSides((base, head) => {
      write(base, false);
      write(head, true);
    });
    expect(report.findings).toEqual([]);
    expect(report.errors).toEqual([
      {
        file: 'charts/agent/values.yaml',
        line: 5,
        kind: 'not-rendered',
        message:
          'this change sets `probe.securityContext.privileged`, but `charts/agent` renders the same as before (the templates that read it are off with the values it is rendered with, or nothing reads it): the change is not checked; name a values file that turns them on under `render.charts` in .github/pod-security.yaml, or set `ci-values: true` there to render it with its test values, `charts/agent/ci/key-values.yaml`',
      },
    ]);
    // A change that moves a pod spec the chart renders is checked there; one to another key says nothing; nor does one
    // that goes into an object of no pod spec (a Prometheus custom resource's securityContext, for its operator).
    const prometheus = { 'prometheus.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: main\nspec:\n  securityContext: {{- toYaml .Values.probe.securityContext | nindent 4 }}\n' };
    const shown = await diffOfSides((base, head) => {
      write(base, false);
      write(head, true, 'agent:2');
    });
    const unrelated = await diffOfSides((base, head) => {
      write(base, false, 'agent:1');
      write(head, false, 'agent:3');
    });
    const resource = await diffOfSides((base, head) => {
      write(base, false, 'agent:1', prometheus);
      write(head, true, 'agent:1', prometheus);
    });
    for (const other of [shown, unrelated, resource]) expect(other.errors).toEqual([]);
  });

  it('a change to a template that no rendering writes is said on its first added line, with the test values to render the chart with', async () => {
    // DataDog's agent DaemonSet renders only with an API key: a pull request adding hostNetwork to it rendered the same as before.
    const pod = (extra: string) =>
      `{{- if .Values.apiKey }}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n${extra}  containers:\n    - name: agent\n      image: {{ .Values.image }}\n{{- end }}\n`;
    const other = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: other\nspec:\n  containers:\n    - name: other\n      image: {{ .Values.image }}\n';
    const write = (side: string, agentExtra: string, otherText = other) =>
      writeAgentChart(side, 'apiKey: null\nimage: agent:1\n', {
        'pod.yaml': pod(agentExtra),
        'other.yaml': otherText,
        '_helpers.tpl': `{{- define "agent.name" }}agent{{ end }}\n${agentExtra === '' ? '' : '{{/* hostNetwork */}}\n'}`,
      });
    const report = await diffOfSides((base, head) => {
      write(base, '');
      write(head, '  hostNetwork: true\n');
    });
    expect(report.findings).toEqual([]);
    // Not the helper the change touched too (helm renders no helper as a template of its own).
    expect(report.errors).toEqual([
      {
        file: 'charts/agent/templates/pod.yaml',
        line: 7,
        kind: 'not-rendered',
        message:
          '`charts/agent` writes nothing from this template with the values it is rendered with: the change to it is not checked; name a values file that turns it on under `render.charts` in .github/pod-security.yaml, or set `ci-values: true` there to render it with its test values, `charts/agent/ci/key-values.yaml`',
      },
    ]);
    // A template the chart does render is checked there, and says nothing of the kind.
    const shown = await diffOfSides((base, head) => {
      write(base, '');
      write(head, '', other.replace('spec:\n', 'spec:\n  hostNetwork: true\n'));
    });
    expect(shown.findings.map((f) => [f.file, f.line, f.check])).toEqual([['charts/agent/templates/other.yaml', 6, 'hostNamespaces']]);
    expect(shown.errors).toEqual([]);
  });

  it("a library chart's helper line that makes every chart including it fail gets its revert as the suggestion, verified by giving back what the base rendered", async () => {
    // bitnami's common.compatibility.renderSecurityContext, edited to stop leaving out the values' `privileged`.
    const helper = (left: string) => `{{- define "common.securityContext" -}}\n{{- omit .secContext ${left} | toYaml -}}\n{{- end -}}\n`;
    const deployment = (name: string) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        `  selector: {matchLabels: {app: ${name}}}`,
        '  template:',
        `    metadata: {labels: {app: ${name}}}`,
        '    spec:',
        '      containers:',
        `        - name: ${name}`,
        `          image: ${name}:1`,
        '          securityContext: {{- include "common.securityContext" (dict "secContext" .Values.containerSecurityContext) | nindent 12 }}',
        '',
      ].join('\n');
    const values = 'containerSecurityContext:\n  enabled: true\n  privileged: true\n';
    const { repo, cleanUp } = repoOfSides((base, head) => {
      for (const [side, left] of [[base, '"enabled" "privileged"'], [head, '"enabled"']] as const) {
        mkdirSync(path.join(side, 'charts/common/templates'), { recursive: true });
        writeFileSync(path.join(side, 'charts/common/Chart.yaml'), 'apiVersion: v2\nname: common\nversion: 2.0.0\ntype: library\n');
        writeFileSync(path.join(side, 'charts/common/templates/_sc.tpl'), helper(left));
        for (const chart of ['api', 'web']) {
          mkdirSync(path.join(side, `charts/${chart}/templates`), { recursive: true });
          writeFileSync(path.join(side, `charts/${chart}/Chart.yaml`), `apiVersion: v2\nname: ${chart}\nversion: 1.0.0\ndependencies:\n  - {name: common, version: 2.x.x, repository: "oci://registry.example/charts"}\n`);
          writeFileSync(path.join(side, `charts/${chart}/values.yaml`), values);
          // Two objects the helper renders into: the revert changes both, and gives back the base's.
          writeFileSync(path.join(side, `charts/${chart}/templates/deployment.yaml`), `${deployment(chart)}---\n${deployment(`${chart}-worker`)}`);
        }
      }
    });
    try {
      const report = await diffIn(repo);
      // Each chart's Deployment fails on the helper's line the change wrote; reverting it renders each chart as the base did.
      expect(report.findings.map((f) => [f.file, f.line, f.name, f.check, f.rendered?.root])).toEqual([
        ['charts/common/templates/_sc.tpl', 2, 'api', 'privileged', 'charts/api'],
        ['charts/common/templates/_sc.tpl', 2, 'api-worker', 'privileged', 'charts/api'],
        ['charts/common/templates/_sc.tpl', 2, 'web', 'privileged', 'charts/web'],
        ['charts/common/templates/_sc.tpl', 2, 'web-worker', 'privileged', 'charts/web'],
      ]);
      const revert = { startLine: 2, endLine: 2, replacement: '{{- omit .secContext "enabled" "privileged" | toYaml -}}\n', attachable: true };
      expect(report.findings.map((f) => f.fix)).toEqual([revert, revert, revert, revert]);
    } finally {
      cleanUp();
    }
  });

  it('a chart moved to another folder renders its base where it was: what renders as before is unchanged, not new', async () => {
    const deployment = (name: string, extra: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n${extra}      containers:\n        - name: ${name}\n          image: {{ .Values.image }}\n`;
    const chart = (dir: string, workerExtra: string) => {
      mkdirSync(path.join(dir, 'templates'), { recursive: true });
      writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
      writeFileSync(path.join(dir, 'values.yaml'), 'image: web:1\n');
      writeFileSync(path.join(dir, 'values-prod.yaml'), 'image: web:2\n');
      // The API's hostPID was there before the move: it is not the change's.
      writeFileSync(path.join(dir, 'templates/api.yaml'), deployment('api', '      hostPID: true\n'));
      writeFileSync(path.join(dir, 'templates/worker.yaml'), deployment('worker', workerExtra));
    };
    const { repo, cleanUp } = repoOfSides((base, head) => {
      chart(path.join(base, 'charts/web'), '');
      chart(path.join(head, 'deploy/charts/web'), '      hostIPC: true\n');
    });
    try {
      const report = await diffIn(repo);
      // The worker's hostIPC is what the change wrote; in each rendering (values.yaml, values-prod.yaml) alike.
      expect(report.findings.map((f) => [f.file, f.line, f.name, f.check, f.status])).toEqual([['deploy/charts/web/templates/worker.yaml', 10, 'worker', 'hostNamespaces', 'modified']]);
      expect(report.podSpecs.map((p) => [p.name, p.status])).toEqual([
        ['worker', 'modified'],
        ['worker', 'modified'],
      ]);
    } finally {
      cleanUp();
    }
  });

  it("a line the change added to a library chart's helper gets its deletion as the suggestion, verified by giving back what the base rendered", async () => {
    // A helper that gained a line, which makes every chart including it fail: the line goes, not a field in each chart.
    const helper = (added: string[]) =>
      ['{{- define "common.securityContext" -}}', '{{- $sc := omit .secContext "enabled" -}}', ...added, '{{- toYaml $sc -}}', '{{- end -}}', ''].join('\n');
    const deployment = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      '  selector: {matchLabels: {app: api}}',
      '  template:',
      '    metadata: {labels: {app: api}}',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: api:1',
      '          securityContext: {{- include "common.securityContext" (dict "secContext" .Values.containerSecurityContext) | nindent 12 }}',
      '',
    ].join('\n');
    const { repo, cleanUp } = repoOfSides((base, head) => {
      for (const [side, added] of [[base, []], [head, ['{{- $sc = merge (dict "privileged" true) $sc -}}']]] as const) {
        mkdirSync(path.join(side, 'charts/common/templates'), { recursive: true });
        writeFileSync(path.join(side, 'charts/common/Chart.yaml'), 'apiVersion: v2\nname: common\nversion: 2.0.0\ntype: library\n');
        writeFileSync(path.join(side, 'charts/common/templates/_sc.tpl'), helper([...added]));
        mkdirSync(path.join(side, 'charts/api/templates'), { recursive: true });
        writeFileSync(path.join(side, 'charts/api/Chart.yaml'), 'apiVersion: v2\nname: api\nversion: 1.0.0\ndependencies:\n  - {name: common, version: 2.x.x, repository: "oci://registry.example/charts"}\n');
        writeFileSync(path.join(side, 'charts/api/values.yaml'), 'containerSecurityContext:\n  enabled: true\n  runAsUser: 1000\n');
        writeFileSync(path.join(side, 'charts/api/templates/deployment.yaml'), deployment);
      }
    });
    try {
      const report = await diffIn(repo);
      expect(report.findings.map((f) => [f.file, f.line, f.name, f.check, f.fix])).toEqual([
        ['charts/common/templates/_sc.tpl', 3, 'api', 'privileged', { startLine: 3, endLine: 3, replacement: '', attachable: true }],
      ]);
    } finally {
      cleanUp();
    }
  });

  it("renders this repository's chart for an Argo CD Application with its release, namespace, values files and inline values; another repository's keeps the notice", async () => {
    await inFixtureRepo('helm-application', async (repo) => {
      // A clone of another repository: the Application's chart is not this one's to render.
      const elsewhere = await diffIn(repo);
      expect(elsewhere.findings).toEqual([]);
      expect(elsewhere.errors.map((e) => [e.file, e.kind])).toEqual([['apps/web-prod.yaml', 'not-rendered']]);
      // A clone of acme/shop (the Application's repoURL with .git, the remote in SSH form).
      execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:Acme/shop.git'], { cwd: repo });
      const { findings, errors, podSpecs } = await diffIn(repo);
      expect(errors).toEqual([]);
      expect(podSpecs.map((p) => [p.namespace, p.name, p.status])).toEqual([['prod', 'web', 'modified']]);
      expect(findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
        ['apps/web-prod.yaml', 19, 'hostNamespaces', { startLine: 19, endLine: 19, replacement: '        hostNetwork: false\n', attachable: true }],
      ]);
      // Line 15 is the Application's `helm:`; line 18 the first the change added to it (the image tag).
      expect(findings[0]!.rendered).toEqual({
        tool: 'helm',
        root: 'charts/web',
        rendering: 'charts/web (Application web-prod)',
        application: 'apps/web-prod.yaml',
        applicationLine: 15,
        changeLine: { file: 'apps/web-prod.yaml', line: 18 },
        sourceFile: 'apps/web-prod.yaml',
        sourceLine: 19,
        exact: true,
      });
    });
  });

  /**
   * The report of `diff` in a repository with charts/web (hostNetwork from its values, false) and a helmfile of
   * `releases` (YAML under `releases:`) at base, with what `more` writes there too; `change` edits the head side.
   */
  const helmfileDiff = async (releases: string[], change: (head: string) => void, more: (base: string) => void = () => undefined): Promise<JsonReport> => {
    const { repo, cleanUp } = repoOfSides((base, head) => {
      cpSync(path.join(fixturesDir, 'render', 'helm-application', 'head', 'charts'), path.join(base, 'charts'), { recursive: true });
      mkdirSync(path.join(base, 'values'));
      writeFileSync(path.join(base, 'values/web.yaml'), 'image: web:1.1\n');
      writeFileSync(path.join(base, 'helmfile.yaml'), ['releases:', ...releases.map((line) => `  ${line}`), ''].join('\n'));
      more(base);
      cpSync(base, head, { recursive: true });
      change(head);
    });
    try {
      return await diffIn(repo);
    } finally {
      cleanUp();
    }
  };
  const webRelease = ['- name: web', '  namespace: prod', '  chart: ./charts/web', '  values:', '    - values/web.yaml'];

  it("renders a helmfile release's chart with its values files: a change to one gets its finding there", async () => {
    const report = await helmfileDiff(webRelease, (head) => writeFileSync(path.join(head, 'values/web.yaml'), 'image: web:1.1\nhostNetwork: true\n'));
    expect(report.errors).toEqual([]);
    expect(report.renderings).toEqual([{ tool: 'helm', rendering: 'charts/web (helmfile release web)' }]);
    expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([['prod', 'web', 'modified', false]]);
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
      ['values/web.yaml', 2, 'hostNamespaces', { startLine: 2, endLine: 2, replacement: 'hostNetwork: false\n', attachable: true }],
    ]);
  });

  it("leaves a helmfile base's own releases to a notice: they render only merged into the helmfile that names it", async () => {
    // helmfile.yaml merges releases.yaml in, and gives every release --set hostNetwork=false: rendered alone, the base would fail where helmfile does not.
    const report = await helmfileDiff(
      [],
      (head) => writeFileSync(path.join(head, 'releases.yaml'), ['releases:', ...webRelease.map((line) => `  ${line}`), '      - hostNetwork: true', ''].join('\n')),
      (base) => {
        writeFileSync(path.join(base, 'helmfile.yaml'), 'bases:\n  - releases.yaml\nhelmDefaults:\n  args: ["--set", "hostNetwork=false"]\n');
        writeFileSync(path.join(base, 'releases.yaml'), ['releases:', ...webRelease.map((line) => `  ${line}`), ''].join('\n'));
      },
    );
    expect(report.renderings).toBeUndefined();
    expect(report.findings).toEqual([]);
    expect(report.errors).toEqual([
      {
        file: 'releases.yaml',
        line: 4,
        kind: 'not-rendered',
        message: 'this file is a base of `helmfile.yaml` (its `bases:`), which helmfile merges it into before it reads the releases, and a helmfile with bases is not rendered here: what the releases of this file install is not checked',
      },
    ]);
  });

  it("places a finding a helmfile release's inline values cause on that line of the helmfile, with its suggestion verified", async () => {
    const report = await helmfileDiff(webRelease, (head) => writeFileSync(path.join(head, 'helmfile.yaml'), ['releases:', ...webRelease.map((line) => `  ${line}`), '      - hostNetwork: true', ''].join('\n')));
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix?.replacement])).toEqual([['helmfile.yaml', 7, 'hostNamespaces', '      - hostNetwork: false\n']]);
  });

  it('a helmfile release that gives its chart `set` entries keeps a notice, never a silent pass', async () => {
    const report = await helmfileDiff(webRelease, (head) =>
      writeFileSync(path.join(head, 'helmfile.yaml'), ['releases:', ...webRelease.map((line) => `  ${line}`), '    set:', '      - name: hostNetwork', '        value: true', ''].join('\n')),
    );
    expect(report.findings).toEqual([]);
    expect(report.errors.map((e) => [e.file, e.line, e.kind, e.message.slice(0, 56)])).toEqual([['helmfile.yaml', 4, 'not-rendered', 'what this file gives `./charts/web` (values, `set`) is n']]);
  });

  it('renders the releases of a helmfile another names under `helmfiles:`: its own change, and a change to a values file it names', async () => {
    // helmfile.yaml names releases/*.yaml; releases/web.yaml installs charts/web with values/web.yaml.
    const nested = (change: (head: string) => void) =>
      helmfileDiff([], change, (base) => {
        writeFileSync(path.join(base, 'helmfile.yaml'), 'helmfiles:\n  - path: releases/*.yaml\n');
        mkdirSync(path.join(base, 'releases'));
        writeFileSync(path.join(base, 'releases/web.yaml'), ['releases:', '  - name: web', '    namespace: prod', '    chart: ../charts/web', '    values:', '      - ../values/web.yaml', ''].join('\n'));
      });
    const inline = await nested((head) => writeFileSync(path.join(head, 'releases/web.yaml'), `${readFileSync(path.join(head, 'releases/web.yaml'), 'utf8')}      - hostNetwork: true\n`));
    expect(inline.errors).toEqual([]);
    expect(inline.renderings).toEqual([{ tool: 'helm', rendering: 'charts/web (helmfile release web)' }]);
    expect(inline.findings.map((f) => [f.file, f.line, f.check, f.fix?.replacement])).toEqual([['releases/web.yaml', 7, 'hostNamespaces', '      - hostNetwork: false\n']]);
    // The nested helmfile as it was, its values file changed: discovery reads it through its parent.
    const values = await nested((head) => writeFileSync(path.join(head, 'values/web.yaml'), 'image: web:1.1\nhostNetwork: true\n'));
    expect(values.errors).toEqual([]);
    expect(values.findings.map((f) => [f.file, f.line, f.check])).toEqual([['values/web.yaml', 2, 'hostNamespaces']]);
  });

  it('renders a helmfile release with the Kubernetes version and API versions it names, as its templates see them in the cluster', async () => {
    // A template that turns host namespaces on only for a newer cluster, or one that serves an API.
    const gated = (dir: string) => {
      const template = path.join(dir, 'charts/web/templates/deployment.yaml');
      const capabilities = '      hostPID: {{ semverCompare ">=1.99.0-0" .Capabilities.KubeVersion.Version }}\n      {{- if .Capabilities.APIVersions.Has "example.com/v1/Widget" }}\n      hostIPC: true\n      {{- end }}\n';
      writeFileSync(template, readFileSync(template, 'utf8').replace('      containers:\n', `${capabilities}      containers:\n`));
    };
    const named = ['kubeVersion: v1.99.0', 'apiVersions: [example.com/v1/Widget]'];
    const report = await helmfileDiff(webRelease, (head) => {
      gated(head);
      writeFileSync(path.join(head, 'helmfile.yaml'), [...named, 'releases:', ...webRelease.map((line) => `  ${line}`), ''].join('\n'));
    });
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => [f.check, f.detail])).toEqual([['hostNamespaces', 'hostPID=true, hostIPC=true']]);
    // Without them, helm's own: the chart renders neither.
    const plain = await helmfileDiff(webRelease, gated);
    expect(plain.errors).toEqual([]);
    expect(plain.findings).toEqual([]);
    // The chart alone and for the release, both changed by the template.
    expect(plain.podSpecs.map((p) => [p.name, p.allowed])).toEqual([
      ['web', true],
      ['web', true],
    ]);
  });

  it("renders a chart with the cluster's Kubernetes version and API versions the config file gives", async () => {
    const chart = {
      'charts/web/Chart.yaml': chartYaml('web'),
      'charts/web/templates/deployment.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec:',
        '      hostPID: {{ semverCompare "<1.30.0-0" .Capabilities.KubeVersion.Version }}',
        '      {{- if .Capabilities.APIVersions.Has "example.com/v1/Widget" }}',
        '      hostIPC: true',
        '      {{- end }}',
        '      containers: [{name: web, image: web:1.0}]',
        '',
      ].join('\n'),
    };
    const cluster = 'render:\n  kube-version: v1.29.3\n  api-versions: [example.com/v1/Widget]\n';
    const older = await checkTree({ ...chart, '.github/pod-security.yaml': cluster });
    expect(older.report.errors).toEqual([]);
    expect(older.report.findings.filter((f) => f.check === 'hostNamespaces').map((f) => f.detail)).toEqual(['hostPID=true, hostIPC=true']);
    // helm's own version (newer) and APIs: neither.
    const helms = await checkTree(chart);
    expect(helms.report.findings.filter((f) => f.check === 'hostNamespaces')).toEqual([]);
  });

  it("places a finding an Application's inline values cause on its line in a file of several Applications, with its suggestion", async () => {
    const application = (name: string, namespace: string, hostNetwork: boolean) =>
      [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  destination:',
        `    namespace: ${namespace}`,
        '  source:',
        '    repoURL: https://github.com/acme/shop.git',
        '    path: charts/web',
        '    helm:',
        '      releaseName: web',
        '      valuesObject:',
        `        hostNetwork: ${hostNetwork}`,
        '',
      ].join('\n');
    const { repo, cleanUp } = repoOfSides((base, head) => {
      cpSync(path.join(fixturesDir, 'render', 'helm-application', 'head', 'charts'), path.join(base, 'charts'), { recursive: true });
      cpSync(base, head, { recursive: true });
      mkdirSync(path.join(head, 'apps'));
      writeFileSync(path.join(head, 'apps/web.yaml'), `${application('web-dev', 'dev', false)}---\n${application('web-prod', 'prod', true)}`);
    });
    try {
      execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop'], { cwd: repo });
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      // The second document's valuesObject line (14 lines each, and the `---` between them).
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix?.replacement, f.rendered?.rendering])).toEqual([
        ['apps/web.yaml', 29, 'hostNamespaces', '        hostNetwork: false\n', 'charts/web (Application web-prod)'],
      ]);
    } finally {
      cleanUp();
    }
  });

  it("renders the chart of a Flux HelmRelease from this repository's GitRepository with its values, and places a finding on its values line", async () => {
    await inFixtureRepo('helm-release', async (repo) => {
      // The GitRepository (in a file the change leaves as it was) names acme/shop: a clone of another repository keeps the notice.
      const elsewhere = await diffIn(repo);
      expect(elsewhere.findings).toEqual([]);
      expect(elsewhere.errors.map((e) => [e.file, e.line, e.kind])).toEqual([['apps/web.yaml', 11, 'not-rendered']]);
      execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop.git'], { cwd: repo });
      const { findings, errors, podSpecs } = await diffIn(repo);
      expect(errors).toEqual([]);
      // Flux's release name is `[targetNamespace-]name`, in the target namespace.
      expect(podSpecs.map((p) => [p.namespace, p.name, p.status])).toEqual([['prod', 'prod-web', 'modified']]);
      expect(findings.map((f) => [f.file, f.line, f.check, f.fix, f.rendered?.rendering])).toEqual([
        ['apps/web.yaml', 18, 'hostNamespaces', { startLine: 18, endLine: 18, replacement: '    hostNetwork: false\n', attachable: true }, 'charts/web (HelmRelease web)'],
      ]);
    });
  });

  /**
   * Two sides of a repository with charts/web and an app of apps, `apps`, whose template is an Application of
   * charts/web that takes `hostNetwork` from the parent's values (false at base); `change` edits the head side.
   */
  const appOfApps = (change: (head: string) => void) =>
    repoOfSides((base, head) => {
      const chart = path.join(fixturesDir, 'render', 'helm-application', 'head', 'charts');
      cpSync(chart, path.join(base, 'charts'), { recursive: true });
      mkdirSync(path.join(base, 'apps/templates'), { recursive: true });
      writeFileSync(path.join(base, 'apps/Chart.yaml'), 'apiVersion: v2\nname: apps\nversion: 1.0.0\n');
      writeFileSync(path.join(base, 'apps/values.yaml'), 'hostNetwork: false\n');
      const application = ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: web-prod', 'spec:', '  source:', '    repoURL: https://github.com/acme/shop', '    path: charts/web', '    helm:', '      valuesObject:', '        hostNetwork: {{ .Values.hostNetwork }}', '  destination:', '    namespace: prod', ''];
      writeFileSync(path.join(base, 'apps/templates/web.yaml'), application.join('\n'));
      cpSync(base, head, { recursive: true });
      change(head);
    });

  it('renders the chart of an Application that a chart of Applications renders (an app of apps), with the values that chart gives it', async () => {
    // The change turns the host network on in the parent chart's values, which it renders into the Application.
    const { repo, cleanUp } = appOfApps((head) => writeFileSync(path.join(head, 'apps/values.yaml'), 'hostNetwork: true\n'));
    try {
      // Known by no URL, the Application's chart is not this repository's: the parent's rendering keeps its notice.
      const elsewhere = await diffIn(repo);
      expect(elsewhere.findings).toEqual([]);
      expect(elsewhere.errors.map((e) => [e.file, e.kind, e.message.slice(0, 62)])).toEqual([['apps/templates/web.yaml', 'not-rendered', 'the rendering of apps: Application web-prod not rendered: Argo']]);
      execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop'], { cwd: repo });
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      expect(report.renderings).toEqual([
        { tool: 'helm', rendering: 'apps' },
        { tool: 'helm', rendering: 'charts/web (Application web-prod of apps)' },
      ]);
      expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([['prod', 'web-prod', 'modified', false]]);
      // The value comes through two renderings: the finding is on the parent's values line the change edited, where it is written.
      expect(report.findings.filter((f) => f.blocking).map((f) => [f.file, f.line, f.check, f.rendered?.rendering, f.locations.map((l) => l.inDiff)])).toEqual([
        ['apps/values.yaml', 1, 'hostNamespaces', 'charts/web (Application web-prod of apps)', [true]],
      ]);
    } finally {
      cleanUp();
    }
  });

  it('renders a changed chart for the Applications an app of apps the change leaves as it was renders of it', async () => {
    // The production Application turns the host network on (the parent's values); the change adds hostPID from the same value.
    const { repo, cleanUp } = appOfApps((head) => {
      writeFileSync(path.join(head, 'apps/values.yaml'), 'hostNetwork: true\n');
      hostPIDFrom(head, 'hostNetwork');
    });
    const git = (...args: string[]) => gitIn(repo, ...args);
    try {
      // The parent's values as the head has them at base too: only the template changes.
      git('checkout', '-q', 'main');
      writeFileSync(path.join(repo, 'apps/values.yaml'), 'hostNetwork: true\n');
      git('commit', '-qam', 'prod values');
      git('checkout', '-q', 'feature');
      git('rebase', '-q', 'main');
      git('remote', 'add', 'origin', 'https://github.com/acme/shop');
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      // The parent is read, not checked; the Application it renders gets the template's finding.
      expect(report.renderings).toEqual([
        { tool: 'helm', rendering: 'charts/web' },
        { tool: 'helm', rendering: 'charts/web (Application web-prod of apps)' },
      ]);
      expect(report.findings.filter((f) => f.blocking).map((f) => [f.file, f.line, f.check, f.rendered?.rendering])).toEqual([['charts/web/templates/deployment.yaml', 12, 'hostNamespaces', 'charts/web (Application web-prod of apps)']]);
    } finally {
      cleanUp();
    }
  });

  it('renders an Application a kustomization lists from its file, and one its overlay patches as the overlay renders it', async () => {
    const dir = path.join(fixturesDir, 'render', 'helm-application');
    const { repo, cleanUp } = repoOfSides((base, head) => {
      cpSync(path.join(dir, 'base'), base, { recursive: true });
      cpSync(path.join(dir, 'head'), head, { recursive: true });
      for (const side of [base, head]) writeFileSync(path.join(side, 'apps/kustomization.yaml'), 'resources:\n  - web-prod.yaml\n');
    });
    try {
      execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop'], { cwd: repo });
      // Only listed: rendered from its file, the comment and its suggestion on its valuesObject line.
      const listed = await diffIn(repo);
      expect(listed.errors).toEqual([]);
      expect(listed.findings.map((f) => [f.file, f.line, f.check, f.fix?.replacement, f.rendered?.rendering])).toEqual([['apps/web-prod.yaml', 19, 'hostNamespaces', '        hostNetwork: false\n', 'charts/web (Application web-prod)']]);
      // Patched by the overlay (the host network off again): what the overlay renders is what Argo CD installs, and passes.
      writeFileSync(path.join(repo, 'apps/kustomization.yaml'), 'resources:\n  - web-prod.yaml\npatches:\n  - path: prod.yaml\n');
      writeFileSync(path.join(repo, 'apps/prod.yaml'), 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web-prod\n  namespace: argocd\nspec:\n  source:\n    helm:\n      valuesObject:\n        hostNetwork: false\n');
      gitIn(repo, 'add', '-A');
      gitIn(repo, 'commit', '-qm', 'patched');
      const patched = await diffIn(repo);
      expect(patched.errors).toEqual([]);
      expect(patched.renderings).toEqual([
        { tool: 'kustomize', rendering: 'apps' },
        { tool: 'helm', rendering: 'charts/web (Application web-prod of apps)' },
      ]);
      expect(patched.findings.filter((f) => f.blocking)).toEqual([]);
    } finally {
      cleanUp();
    }
  });

  it('renders a changed chart for an Application an unchanged overlay patches, with the values the overlay gives it', async () => {
    const dir = path.join(fixturesDir, 'render', 'helm-application', 'head');
    const repo = makeRepo(dir, dir);
    const git = (...args: string[]) => gitIn(repo, ...args);
    try {
      // The overlay patches the production Application: debug on. The chart's own values leave it off.
      writeFileSync(path.join(repo, 'apps/kustomization.yaml'), 'resources:\n  - web-prod.yaml\npatches:\n  - path: prod.yaml\n');
      writeFileSync(path.join(repo, 'apps/prod.yaml'), 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web-prod\n  namespace: argocd\nspec:\n  source:\n    helm:\n      valuesObject:\n        debug: true\n');
      writeFileSync(path.join(repo, 'charts/web/values.yaml'), `${readFileSync(path.join(repo, 'charts/web/values.yaml'), 'utf8')}debug: false\n`);
      git('add', '-A');
      git('commit', '-qm', 'overlay', '--amend');
      git('branch', '-f', 'main');
      // The change touches the chart's template only.
      hostPIDFrom(repo, 'debug');
      git('commit', '-qam', 'hostPID from debug');
      git('remote', 'add', 'origin', 'https://github.com/acme/shop');
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      expect(report.renderings).toEqual([
        { tool: 'helm', rendering: 'charts/web' },
        { tool: 'helm', rendering: 'charts/web (Application web-prod of apps)' },
      ]);
      expect(report.findings.filter((f) => f.blocking).map((f) => [f.file, f.check, f.namespace, f.rendered?.rendering])).toEqual([
        ['charts/web/templates/deployment.yaml', 'hostNamespaces', 'prod', 'charts/web (Application web-prod of apps)'],
      ]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  /**
   * A clone of acme/shop with charts/web (values-prod.yaml turns the host network on, values-dev.yaml off)
   * and the files `base` (path: text) on main; `head` (path: text) changes them on feature.
   */
  const installerRepo = (base: Readonly<Record<string, string>>, head: Readonly<Record<string, string>>) => {
    const write = (dir: string, files: Readonly<Record<string, string>>) => {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
    };
    const sides = repoOfSides((baseDir, headDir) => {
      cpSync(path.join(fixturesDir, 'render', 'helm-application', 'head', 'charts'), path.join(baseDir, 'charts'), { recursive: true });
      write(baseDir, { 'charts/web/values-prod.yaml': 'hostNetwork: true\n', 'charts/web/values-dev.yaml': 'hostNetwork: false\n', ...base });
      cpSync(baseDir, headDir, { recursive: true });
      write(headDir, head);
    });
    execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop'], { cwd: sides.repo });
    return sides;
  };
  /**
   * An ApplicationSet `web` with Go templates: `options` (lines under `spec:`), a list of `elements`, a template
   * of charts/web named and placed by `.env` with its `helm` lines, then `more` lines under `spec:`.
   */
  const goSet = ({ options = [], elements, helm, more = [] }: { options?: string[]; elements: string[]; helm: string[]; more?: string[] }) => [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: ApplicationSet',
    'metadata:',
    '  name: web',
    'spec:',
    '  goTemplate: true',
    ...options.map((l) => `  ${l}`),
    '  generators:',
    '    - list:',
    '        elements:',
    ...elements.map((e) => `          - ${e}`),
    '  template:',
    '    metadata:',
    "      name: 'web-{{.env}}'",
    '    spec:',
    '      project: default',
    '      source:',
    '        repoURL: https://github.com/acme/shop',
    '        path: charts/web',
    ...helm.map((l) => `        ${l}`),
    '      destination:',
    "        namespace: '{{.env}}'",
    ...more.map((l) => `  ${l}`),
    '',
  ];
  /** installerRepo with, added at head, the ApplicationSet `set` in `file` and the files `more` (path: text). */
  const applicationSetRepo = (file: string, set: readonly string[], more: Readonly<Record<string, string>> = {}) => installerRepo({}, { [file]: set.join('\n'), ...more });

  it("renders a chart for each Application of an ApplicationSet's list, with the element's values file", async () => {
    const set = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata:',
      '  name: web',
      'spec:',
      '  generators:',
      '    - list:',
      '        elements:',
      '          - {env: prod}',
      '          - {env: dev}',
      '  template:',
      '    metadata:',
      "      name: 'web-{{env}}'",
      '    spec:',
      '      project: default',
      '      source:',
      '        repoURL: https://github.com/acme/shop',
      '        path: charts/web',
      '        helm:',
      '          valueFiles:',
      "            - 'values-{{env}}.yaml'",
      '      destination:',
      "        namespace: '{{env}}'",
      '',
    ];
    const { repo, cleanUp } = applicationSetRepo('apps/web.yaml', set);
    try {
      const report = await diffIn(repo);
      const { findings, errors, podSpecs } = report;
      // Each Application is rendered (and is new: the set is); the set's notice is gone, and the report names what was rendered.
      expect(errors).toEqual([]);
      expect(report.renderings).toEqual([
        { tool: 'helm', rendering: 'charts/web (Application web-prod of ApplicationSet web)' },
        { tool: 'helm', rendering: 'charts/web (Application web-dev of ApplicationSet web)' },
      ]);
      expect(podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([
        ['prod', 'web-prod', 'new', false],
        ['dev', 'web-dev', 'new', true],
      ]);
      // The production values turn the host network on (a values file the change leaves as it was): the finding is on the template line that writes it, as for any Application.
      expect(findings.map((f) => [f.file, f.line, f.check, f.rendered?.rendering])).toEqual([['charts/web/templates/deployment.yaml', 12, 'hostNamespaces', 'charts/web (Application web-prod of ApplicationSet web)']]);
    } finally {
      cleanUp();
    }
  });

  it("renders each Application of a Go-template ApplicationSet with its templatePatch, and a change to the patch's values files is reviewed", async () => {
    const set = (values: string) =>
      goSet({
        options: ['goTemplateOptions: ["missingkey=error"]'],
        elements: ['{env: prod, autoSync: true}'],
        helm: ['helm: {}'],
        more: ['templatePatch: |', '  spec:', '    source:', '      helm:', '        valueFiles:', `          - ${values}`, '  {{- if .autoSync }}', '    syncPolicy:', '      automated: {prune: true}', '  {{- end }}'],
      });
    const { repo, cleanUp } = installerRepo({ 'apps/web.yaml': set('values-dev.yaml').join('\n') }, { 'apps/web.yaml': set('values-{{ .env }}.yaml').join('\n') });
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      expect(report.renderings).toEqual([{ tool: 'helm', rendering: 'charts/web (Application web-prod of ApplicationSet web)' }]);
      expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([['prod', 'web-prod', 'modified', false]]);
      // The patch now names values-prod.yaml, which turns the host network on: a finding of the change, whose line in the set is the one it added.
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.preexisting, f.rendered?.changeLine])).toEqual([
        ['charts/web/templates/deployment.yaml', 12, 'hostNamespaces', false, { file: 'apps/web.yaml', line: 28 }],
      ]);
    } finally {
      cleanUp();
    }
    // A patch that calls a function not read here keeps the set's notice, which says so.
    const refused = installerRepo({ 'apps/web.yaml': set('values-dev.yaml').join('\n') }, { 'apps/web.yaml': set('values-{{ .env | sha256sum }}.yaml').join('\n') });
    try {
      const report = await diffIn(refused.repo);
      expect(report.findings).toEqual([]);
      expect(report.errors.map((e) => [e.file, e.line, e.kind, e.message])).toEqual([
        [
          'apps/web.yaml',
          20,
          'not-rendered',
          'ApplicationSet web not rendered (its templatePatch holds a Go template action or function not read here, or is not one mapping to merge): Argo CD renders its chart (at charts/web of https://github.com/acme/shop) with its values in the cluster, so the pod specs it makes are not checked here',
        ],
      ]);
      // `check` says the same.
      let stdout = '';
      await runCli(['check', 'apps', '--format', 'json'], { cwd: refused.repo, stdout: (t) => (stdout += t), stderr: () => undefined });
      expect((JSON.parse(stdout) as JsonReport).errors.map((e) => e.message)).toEqual([report.errors[0]!.message]);
    } finally {
      refused.cleanUp();
    }
  });

  it("renders each Application of an ApplicationSet with its own parameters in the template's inline values, at each commit", async () => {
    const set = (prodHostNetwork: boolean) =>
      goSet({ elements: [`{env: prod, hostNet: ${prodHostNetwork}}`, '{env: dev, hostNet: false}'], helm: ['helm:', '  valuesObject:', "    hostNetwork: '{{.hostNet}}'"] });
    const { repo, cleanUp } = installerRepo({ 'apps/web.yaml': set(false).join('\n') }, { 'apps/web.yaml': set(true).join('\n') });
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      // The base commit rendered prod with its own element (hostNet false): the change turned the host network on, there only.
      expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([['prod', 'web-prod', 'modified', false]]);
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.preexisting, f.rendered?.changeLine])).toEqual([
        ['charts/web/templates/deployment.yaml', 12, 'hostNamespaces', false, { file: 'apps/web.yaml', line: 10 }],
      ]);
    } finally {
      cleanUp();
    }
  });

  it("renders a chart for each Application of an ApplicationSet's matrix: each chart folder for each environment", async () => {
    const set = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata:',
      '  name: charts',
      'spec:',
      '  generators:',
      '    - matrix:',
      '        generators:',
      '          - git:',
      '              repoURL: https://github.com/acme/shop',
      '              directories:',
      '                - path: charts/*',
      '          - list:',
      '              elements: [{env: prod}, {env: dev}]',
      '  template:',
      '    metadata:',
      "      name: '{{path.basename}}-{{env}}'",
      '    spec:',
      '      source:',
      '        repoURL: https://github.com/acme/shop',
      "        path: '{{path}}'",
      '        helm:',
      "          valueFiles: ['values-{{env}}.yaml']",
      '      destination:',
      "        namespace: '{{env}}'",
      '',
    ];
    const { repo, cleanUp } = applicationSetRepo('apps/charts.yaml', set);
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      expect(report.renderings).toEqual([
        { tool: 'helm', rendering: 'charts/web (Application web-prod of ApplicationSet charts)' },
        { tool: 'helm', rendering: 'charts/web (Application web-dev of ApplicationSet charts)' },
      ]);
      expect(report.findings.map((f) => [f.check, f.rendered?.rendering])).toEqual([['hostNamespaces', 'charts/web (Application web-prod of ApplicationSet charts)']]);
    } finally {
      cleanUp();
    }
  });

  /** An ApplicationSet `clusters` whose git generator reads each `clusters/<name>/config.json`: each cluster's Application installs charts/web with its `env`'s values file. */
  const filesSet = [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: ApplicationSet',
    'metadata:',
    '  name: clusters',
    'spec:',
    '  generators:',
    '    - git:',
    '        repoURL: https://github.com/acme/shop',
    '        files:',
    '          - path: clusters/*/config.json',
    '  template:',
    '    metadata:',
    "      name: 'web-{{path.basename}}'",
    '    spec:',
    '      source:',
    '        repoURL: https://github.com/acme/shop',
    '        path: charts/web',
    '        helm:',
    "          valueFiles: ['values-{{env}}.yaml']",
    '      destination:',
    "        namespace: '{{cluster.namespace}}'",
    '',
  ];
  const clusterConfig = (env: string, namespace: string) => JSON.stringify({ env, cluster: { namespace } });

  it("renders a chart for each Application of an ApplicationSet's git files generator, with the parameters each file gives", async () => {
    const configs = { 'clusters/eu/config.json': clusterConfig('prod', 'shop-eu'), 'clusters/lab/config.json': clusterConfig('dev', 'shop-lab') };
    const { repo, cleanUp } = applicationSetRepo('apps/clusters.yaml', filesSet, configs);
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      expect(report.renderings).toEqual([
        { tool: 'helm', rendering: 'charts/web (Application web-eu of ApplicationSet clusters)' },
        { tool: 'helm', rendering: 'charts/web (Application web-lab of ApplicationSet clusters)' },
      ]);
      expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([
        ['shop-eu', 'web-eu', 'new', false],
        ['shop-lab', 'web-lab', 'new', true],
      ]);
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.rendered?.rendering])).toEqual([['charts/web/templates/deployment.yaml', 12, 'hostNamespaces', 'charts/web (Application web-eu of ApplicationSet clusters)']]);
    } finally {
      cleanUp();
    }
  });

  /** An Application `web` of charts/web in namespace prod with `valueFiles`. */
  const applicationOf = (valueFiles: string) =>
    ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: web', 'spec:', '  source:', '    repoURL: https://github.com/acme/shop', '    path: charts/web', '    helm:', `      valueFiles: [${valueFiles}]`, '  destination:', '    namespace: prod', ''].join('\n');

  it('renders the base side of an Application with the values files it had there: a change to its list alone is checked', async () => {
    const { repo, cleanUp } = installerRepo({ 'apps/web.yaml': applicationOf('values-dev.yaml') }, { 'apps/web.yaml': applicationOf('values-prod.yaml') });
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      // The chart and both values files are as they were: only the Application's list turns the host network on.
      expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([['prod', 'web', 'modified', false]]);
      expect(report.findings.filter((f) => f.blocking).map((f) => [f.file, f.line, f.check, f.status])).toEqual([['charts/web/templates/deployment.yaml', 12, 'hostNamespaces', 'modified']]);
    } finally {
      cleanUp();
    }
  });

  it("renders nothing at base for an Application a set's new list element makes: all it installs is new", async () => {
    const set = (elements: string) => ['apiVersion: argoproj.io/v1alpha1', 'kind: ApplicationSet', 'metadata:', '  name: web', 'spec:', '  generators:', `    - list: {elements: [${elements}]}`, '  template:', '    metadata:', "      name: 'web-{{env}}'", '    spec:', '      source:', '        repoURL: https://github.com/acme/shop', '        path: charts/web', '        helm:', "          valueFiles: ['values-{{env}}.yaml']", '      destination:', "        namespace: '{{env}}'", ''].join('\n');
    const { repo, cleanUp } = installerRepo({ 'apps/web.yaml': set('{env: dev}') }, { 'apps/web.yaml': set('{env: dev}, {env: prod}') });
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      // web-dev installs what it did (unchanged, not listed); web-prod is new.
      expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([['prod', 'web-prod', 'new', false]]);
      expect(report.findings.filter((f) => f.blocking).map((f) => [f.check, f.status, f.rendered?.rendering])).toEqual([['hostNamespaces', 'new', 'charts/web (Application web-prod of ApplicationSet web)']]);
    } finally {
      cleanUp();
    }
  });

  it('renders the Application a new file of a git files generator makes as new, the set left as it was', async () => {
    const set = { 'apps/clusters.yaml': filesSet.join('\n'), 'clusters/lab/config.json': clusterConfig('dev', 'shop-lab') };
    const { repo, cleanUp } = installerRepo(set, { 'clusters/eu/config.json': clusterConfig('prod', 'shop-eu') });
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      expect(report.renderings).toEqual([{ tool: 'helm', rendering: 'charts/web (Application web-eu of ApplicationSet clusters)' }]);
      expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([['shop-eu', 'web-eu', 'new', false]]);
    } finally {
      cleanUp();
    }
  });

  it('renders the Applications of a file a git files generator reads when the change touches that file alone, with the parameters it gave at base there', async () => {
    const set = { 'apps/clusters.yaml': filesSet.join('\n'), 'clusters/lab/config.json': clusterConfig('dev', 'shop-lab') };
    const { repo, cleanUp } = installerRepo({ ...set, 'clusters/eu/config.json': clusterConfig('dev', 'shop-eu') }, { 'clusters/eu/config.json': clusterConfig('prod', 'shop-eu') });
    try {
      const report = await diffIn(repo);
      expect(report.errors).toEqual([]);
      expect(report.renderings).toEqual([{ tool: 'helm', rendering: 'charts/web (Application web-eu of ApplicationSet clusters)' }]);
      expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([['shop-eu', 'web-eu', 'modified', false]]);
      expect(report.findings.filter((f) => f.blocking).map((f) => [f.check, f.status])).toEqual([['hostNamespaces', 'modified']]);
    } finally {
      cleanUp();
    }
  });

  /**
   * A repository whose Application (targetRevision `revision`) turns `debug` on, which the chart's own
   * values leave off, and a change (branch feature) that touches the chart's template only.
   */
  const standingRepo = (revision: string) => {
    const dir = path.join(fixturesDir, 'render', 'helm-application', 'head');
    const repo = makeRepo(dir, dir);
    const git = (...args: string[]) => gitIn(repo, ...args);
    writeFileSync(path.join(repo, 'charts/web/values.yaml'), `${readFileSync(path.join(repo, 'charts/web/values.yaml'), 'utf8')}debug: false\n`);
    const application = path.join(repo, 'apps/web-prod.yaml');
    writeFileSync(application, readFileSync(application, 'utf8').replace('        hostNetwork: true\n', '        debug: true\n').replace('targetRevision: main', `targetRevision: ${revision}`));
    git('commit', '-qam', 'debug value', '--amend');
    git('branch', '-f', 'main');
    hostPIDFrom(repo, 'debug');
    git('commit', '-qam', 'hostPID from debug');
    git('remote', 'add', 'origin', 'https://github.com/acme/shop');
    return repo;
  };
  it('renders a changed chart with the values of the Argo CD Applications of files the change leaves as they were', async () => {
    const repo = standingRepo('main');
    try {
      const { findings, errors, podSpecs } = await diffIn(repo, 'main');
      expect(errors).toEqual([]);
      // The chart's own rendering (debug off) passes; the Application's (debug on) gets the change's blocking finding, on the template line.
      expect(podSpecs.map((p) => [p.namespace, p.name, p.status, p.allowed])).toEqual([
        ['default', 'web', 'modified', true],
        ['prod', 'web', 'modified', false],
      ]);
      expect(findings.map((f) => [f.file, f.line, f.check, f.blocking, f.rendered?.rendering])).toEqual([['charts/web/templates/deployment.yaml', 13, 'hostNamespaces', true, 'charts/web (Application web-prod)']]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('does not render a changed chart for an Application that syncs another revision than the one the change lands on', async () => {
    const repo = standingRepo('v1.0');
    try {
      // Pinned to v1.0, the Application does not install what a change to main makes.
      const onMain = await diffIn(repo, 'main');
      expect(onMain.podSpecs.map((p) => [p.namespace, p.name])).toEqual([['default', 'web']]);
      expect(onMain.findings).toEqual([]);
      // Compared with a commit, where the change lands is not known: every Application of the chart is rendered.
      const commit = execFileSync('git', ['rev-parse', 'main'], { cwd: repo }).toString().trim();
      expect((await diffIn(repo, commit)).findings.map((f) => [f.line, f.check])).toEqual([[13, 'hostNamespaces']]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it("places a finding an Argo CD Application's `values: |` block writes on its line there, with a verified suggestion", async () => {
    await inFixtureRepo('helm-application', async (repo) => {
      // The same change written as a `values` block instead of a `valuesObject` map.
      const file = path.join(repo, 'apps/web-prod.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('      valuesObject:\n', '      values: |\n'));
      const git = (...args: string[]) => gitIn(repo, ...args);
      git('remote', 'add', 'origin', 'https://github.com/acme/shop');
      git('commit', '-qam', 'values as text');
      let stdout = '';
      await runCli(['diff', '--base', 'main', '--format', 'json', '--warn-level', 'privileged'], { cwd: repo, stdout: (t) => (stdout += t), stderr: () => undefined });
      const { findings, errors } = JSON.parse(stdout) as JsonReport;
      expect(errors).toEqual([]);
      expect(findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
        ['apps/web-prod.yaml', 19, 'hostNamespaces', { startLine: 19, endLine: 19, replacement: '        hostNetwork: false\n', attachable: true }],
      ]);
    });
  });

  it('an Argo CD Application gives helm its valueFiles, then its `values` text, and is new where the base commit lacks it', async () => {
    const application = (values: string) =>
      [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata:',
        '  name: web-staging',
        'spec:',
        '  destination:',
        '    namespace: staging',
        '  source:',
        '    repoURL: https://github.com/acme/shop',
        '    path: ./charts/web',
        '    helm:',
        '      valueFiles:',
        '        - ../../environments/staging-values.yaml',
        '        - missing.yaml',
        '      ignoreMissingValueFiles: true',
        '      values: |',
        ...values.split('\n').map((line) => `        ${line}`),
        '',
      ].join('\n');
    const { report } = await inTree(
      {
        'charts/web/Chart.yaml': chartYaml('web'),
        'charts/web/values.yaml': 'hostPID: false\nhostIPC: false\n',
        'charts/web/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  hostPID: {{ .Values.hostPID }}\n  hostIPC: {{ .Values.hostIPC }}\n  containers:\n    - name: web\n      image: web:1\n',
        'environments/staging-values.yaml': 'hostPID: false\nhostIPC: true\n',
        'apps/staging.yaml': application('hostIPC: false'),
      },
      async (cwd) => {
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd });
        git('init', '-q', '-b', 'main');
        git('remote', 'add', 'origin', 'https://github.com/acme/shop');
        git('add', 'charts', 'environments');
        git('commit', '-qm', 'base');
        // The pull request adds the Application and turns hostPID on in the values file it names.
        writeFileSync(path.join(cwd, 'environments/staging-values.yaml'), 'hostPID: true\nhostIPC: true\n');
        git('add', 'apps', 'environments');
        git('commit', '-qm', 'head');
        let stdout = '';
        await runCli(['diff', '--base', 'HEAD~1', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
        return { report: JSON.parse(stdout) as JsonReport };
      },
    );
    // The Application is new: so are its pod specs (its release is its name), judged with staging-values.yaml's hostPID and its own hostIPC over it.
    expect(report.podSpecs.map((p) => [p.namespace, p.name, p.status])).toEqual([['staging', 'web-staging', 'new']]);
    // hostPID from staging-values.yaml, on the line the change set; hostIPC turned off again by the inline values.
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.status, (f as JsonFinding & { detail: string }).detail])).toEqual([
      ['environments/staging-values.yaml', 1, 'hostNamespaces', 'new', 'hostPID=true'],
    ]);
    // The values file is the Application's rendering's: no notice that no chart is rendered with it.
    expect(report.errors).toEqual([]);
  });

  it("a change to an environment's values file (values-prod.yaml beside values.yaml) is rendered on top of values.yaml, with a verified suggestion there", async () => {
    const { status, report } = await diff('helm-environments');
    expect(status).toBe(1);
    // Rendered with values.yaml alone, the chart did not change: only the production rendering fails.
    expect(report.findings.map(brief)).toEqual([['charts/web/values-prod.yaml', 3, 'web-web', 'hostNamespaces', 'modified']]);
    const [finding] = report.findings as (JsonFinding & { rendered: { rendering?: string } })[];
    expect(finding!.rendered).toEqual({ tool: 'helm', root: 'charts/web', rendering: 'charts/web (values-prod.yaml)', sourceFile: 'charts/web/values-prod.yaml', sourceLine: 3, changeLine: { file: 'charts/web/values-prod.yaml', line: 1 }, exact: true });
    expect(finding!.fix).toEqual({ startLine: 3, endLine: 3, replacement: 'hostNetwork: false\n', attachable: true });
    // The staging values are new: that rendering is new at head (no base to render with them, and no warning that it failed).
    expect(report.podSpecs.map((p) => [p.name, p.status])).toEqual([
      ['web-web', 'modified'],
      ['web-web', 'new'],
    ]);
    expect(report.errors).toEqual([]);
  });

  it("reports a finding the chart's own values and an environment's share once, though the environment's empty map makes it place and fix it apart, and a test pod is named anew", async () => {
    const { report } = await checkTree(
      {
        'web/Chart.yaml': chartYaml('web'),
        'web/templates/pod.yaml': podWithValuesSecurityContext('web', ['metadata:', '  name: web']).replace('spec:\n', 'spec:\n  hostNetwork: {{ .Values.hostNetwork }}\n'),
        'web/values.yaml': 'hostNetwork: false\nsecurityContext:\n  privileged: true\n  capabilities:\n    add: [NET_ADMIN]\n',
        // Helm merges `{}` into the map values.yaml sets: production is privileged too, and on the host network.
        'web/values-prod.yaml': '# Production.\nhostNetwork: true\nsecurityContext: {}\n',
        // A test pod named anew at each rendering: the same finding on the same line, under another name in each.
        'web/templates/test.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-test-{{ randAlphaNum 5 | lower }}\nspec:\n  hostPID: true\n  containers:\n    - name: test\n      image: busybox:1\n',
      },
      '--warn-level',
      'privileged',
    );
    const findings = report.findings as (JsonFinding & { rendered: { rendering?: string } })[];
    // Rendered with values-prod.yaml, privileged got a suggestion of its own (`privileged: false` alone) and the
    // capabilities none; they are the findings of the chart's own rendering, with its suggestion over both lines.
    expect(findings.map((f) => [f.file, f.line, f.check, f.rendered.rendering, f.fix && [f.fix.startLine, f.fix.endLine]])).toEqual([
      ['web/values.yaml', 5, 'capabilities_baseline', undefined, [3, 5]],
      ['web/values.yaml', 3, 'privileged', undefined, [3, 5]],
      ['web/templates/test.yaml', 6, 'hostNamespaces', undefined, [6, 6]],
      ['web/values-prod.yaml', 2, 'hostNamespaces', 'web (values-prod.yaml)', [2, 2]],
    ]);
  });

  it("writes a container's securityContext past the `if` that names it two ways (elastic's test pod), so that either branch has it", async () => {
    const pod = podTemplate('web-test', [
      '  containers:',
      '{{- if .Values.nameOverride }}',
      '  - name: {{ .Values.nameOverride | quote }}',
      '{{- else }}',
      '  - name: "{{ .Release.Name }}-test"',
      '{{- end }}',
      '    image: busybox:1',
      '  restartPolicy: Never',
    ]);
    const { report } = await checkTree({ 'web/Chart.yaml': chartYaml('web'), 'web/values.yaml': 'nameOverride: ""\n', 'web/templates/test.yaml': pod });
    const byCheck = new Map(report.findings.map((f) => [f.check, f]));
    // The container the values render is the `else` branch's (line 10), and its map goes after `{{- end }}`, verified by rendering again.
    expect(byCheck.get('allowPrivilegeEscalation')).toMatchObject({ file: 'web/templates/test.yaml', line: 10 });
    expect(byCheck.get('allowPrivilegeEscalation')!.fix).toEqual({
      startLine: 11,
      endLine: 11,
      replacement: '{{- end }}\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n          - ALL\n',
      attachable: false,
    });
  });

  it("takes a forbidden capability out of the values' flow list (traefik's `add: [NET_BIND_SERVICE, NET_ADMIN]`), verified by rendering again", async () => {
    const values = ['securityContext:', '  runAsNonRoot: true', '  allowPrivilegeEscalation: false', '  seccompProfile: {type: RuntimeDefault}', '  capabilities:', '    drop: [ALL]', '    add: [NET_BIND_SERVICE, NET_ADMIN]  # ports', ''].join('\n');
    const { report } = await checkWebChart(values, podWithValuesSecurityContext('web', ['metadata:', '  name: web']));
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
      ['web/values.yaml', 7, 'capabilities_restricted', { startLine: 7, endLine: 7, replacement: '    add: [NET_BIND_SERVICE]  # ports\n', attachable: false }],
    ]);
  });

  it("rewrites a capability the template adds literally into the drop restricted asks for (robot-shop's `add: [\"NET_ADMIN\"]`), the escalation apart", async () => {
    const pod = podTemplate('web', [
      '  containers:',
      '  - name: web',
      '    image: {{ .Values.image }}',
      '    # added for Istio',
      '    securityContext:',
      '      capabilities:',
      '        add: ["NET_ADMIN"]',
      '    ports:',
      '    - containerPort: 3306',
    ]);
    const { report } = await checkWebChart('image: web:1\n', pod);
    const fixOf = (check: string) => report.findings.find((f) => f.check === check)?.fix;
    // The `add` line becomes the `drop` (not with the escalation, which its own finding writes under `securityContext:`).
    expect(fixOf('capabilities_restricted')).toEqual({ startLine: 12, endLine: 12, replacement: '        drop: ["ALL"]\n', attachable: false });
    expect(fixOf('allowPrivilegeEscalation')).toEqual({ startLine: 10, endLine: 10, replacement: '    securityContext:\n      allowPrivilegeEscalation: false\n', attachable: false });
  });

  it("adds the fields a container lacks to the values map a template writes without its switch (`omit . \"enabled\" | toYaml`, sigstore's policy-controller)", async () => {
    const values = ['image: web:1', 'containerSecurityContext:', '  enabled: true', '  runAsUser: 1000', ''].join('\n');
    const pod = podTemplate('web', [
      '  containers:',
      '    - name: web',
      '      image: {{ .Values.image }}',
      '{{- if .Values.containerSecurityContext.enabled }}',
      '      securityContext:',
      '      {{- with .Values.containerSecurityContext }}',
      '      {{- omit . "enabled" | toYaml | nindent 8 }}',
      '      {{- end }}',
      '{{- end }}',
    ]);
    const { report } = await checkWebChart(values, pod);
    // Every finding's fix is the values map's, verified by rendering again (the container's two were only an example).
    const fix = { startLine: 4, endLine: 4, replacement: ['  runAsUser: 1000', '  allowPrivilegeEscalation: false', '  capabilities:', '    drop:', '      - ALL', '  runAsNonRoot: true', '  seccompProfile:', '    type: RuntimeDefault', ''].join('\n'), attachable: false };
    expect(report.findings.map((f) => [f.file, f.check, f.fix])).toEqual(
      ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'].map((check) => ['web/values.yaml', check, fix]),
    );
  });

  it("fills the empty values maps a `with $context := .Values.x` writes (authelia's pod and container maps)", async () => {
    const values = ['image: web:1', 'securityContext:', '  container: {}', '  pod: {}', ''].join('\n');
    const pod = podTemplate('web', [
      '  {{- with $context := .Values.securityContext.pod }}',
      '  securityContext: {{ toYaml $context | nindent 4 }}',
      '  {{- end }}',
      '  containers:',
      '    - name: web',
      '      image: {{ .Values.image }}',
      '      {{- with $context := .Values.securityContext.container }}',
      '      securityContext: {{ toYaml $context | nindent 8 }}',
      '      {{- end }}',
    ]);
    const { report } = await checkWebChart(values, pod);
    // The container's checks fixed on its map's line, the pod's on the pod map's, each filled there and verified by rendering again.
    expect(report.findings.map((f) => [f.file, f.fix?.startLine ?? null, f.check, f.fix?.replacement ?? null])).toEqual([
      ['web/values.yaml', 3, 'allowPrivilegeEscalation', '  container:\n    allowPrivilegeEscalation: false\n    capabilities:\n      drop:\n        - ALL\n'],
      ['web/values.yaml', 3, 'capabilities_restricted', '  container:\n    allowPrivilegeEscalation: false\n    capabilities:\n      drop:\n        - ALL\n'],
      ['web/values.yaml', 4, 'runAsNonRoot', '  pod:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n'],
      ['web/values.yaml', 4, 'seccompProfile_restricted', '  pod:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n'],
    ]);
  });

  it("gives a values key that holds nothing the fixed map whole, when the template's other branch wrote the map (vault's `securityContext.pod: {}`)", async () => {
    const pod = defaultsUnlessSet('securityContext.pod');
    const { report } = await checkWebChart('securityContext:\n  pod: {}\nuid: 100\n', pod);
    // Only seccomp fails. The key given `seccompProfile` alone would take the `else` branch's fields away (refused):
    // it gets them too, the user id the template read from `uid` as the number it rendered.
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
      [
        'web/values.yaml',
        2,
        'seccompProfile_restricted',
        { startLine: 2, endLine: 2, replacement: '  pod:\n    runAsNonRoot: true\n    runAsUser: 100\n    seccompProfile:\n      type: RuntimeDefault\n', attachable: false },
      ],
    ]);
  });

  it("renders a chart whose values schema refers to a remote one without schema validation, once per chart, with a warning (nginx-ingress)", async () => {
    // helm fetches a `$ref` to https://…; the tools run without network, so the chart never rendered at all.
    const schema = JSON.stringify({ type: 'object', properties: { hostNetwork: { $ref: 'https://example.com/defs.json#/definitions/bool' } } });
    const pod = podTemplate('web', ['  hostNetwork: {{ .Values.hostNetwork }}', '  containers:', '    - name: web', '      image: web:1']);
    const { status, report } = await checkTree({ 'web/Chart.yaml': chartYaml('web'), 'web/values.yaml': 'hostNetwork: true\n', 'web/values-prod.yaml': '# Production.\n', 'web/values.schema.json': schema, 'web/templates/pod.yaml': pod });
    expect(status).toBe(1);
    // Both renderings (values.yaml, and values-prod.yaml on top of it) were checked; the warning is the chart's, once.
    expect((report as JsonReport & { renderings: { rendering: string }[] }).renderings.map((r) => r.rendering)).toEqual(['web', 'web (values-prod.yaml)']);
    expect(report.findings.filter((f) => f.check === 'hostNamespaces').map((f) => [f.file, f.line])).toEqual([['web/values.yaml', 1]]);
    expect(report.errors).toEqual([
      {
        file: 'web/Chart.yaml',
        line: null,
        kind: 'schema-not-validated',
        message: "web rendered without schema validation: its values.schema.json refers to `https://example.com/defs.json`, which is never fetched (the tools run without network), so values the chart's schema would refuse are not refused here",
      },
    ]);
  });

  it("gives the findings of a chart's renderings one suggestion over the same values lines, the one that fixes them in each (vault and its OpenShift values)", async () => {
    // The chart's own rendering takes the `else` (its defaults); the environment takes neither branch.
    const pod = defaultsUnlessSet('podSecurityContext', 'not .Values.openshift');
    const files = { 'web/Chart.yaml': chartYaml('web'), 'web/values.yaml': 'podSecurityContext: {}\nuid: 100\nopenshift: false\n', 'web/values-openshift.yaml': 'openshift: true\n', 'web/templates/pod.yaml': pod };
    const { report } = await checkTree(files, '--level', 'restricted');
    // The environment's own suggestion (runAsNonRoot and seccompProfile alone) would drop the chart's `runAsUser` default: the whole map fixes both.
    const whole = { startLine: 1, endLine: 1, replacement: 'podSecurityContext:\n  runAsNonRoot: true\n  runAsUser: 100\n  seccompProfile:\n    type: RuntimeDefault\n', attachable: false };
    expect(report.findings.map((f) => [f.file, f.check, (f as JsonFinding & { rendered: { rendering?: string } }).rendered.rendering, f.fix])).toEqual([
      ['web/values.yaml', 'seccompProfile_restricted', undefined, whole],
      ['web/values.yaml', 'runAsNonRoot', 'web (values-openshift.yaml)', whole],
    ]);
  });

  it("gives a fix that needs two containers' values keys too far apart for one suggestion as their diff, verified together", async () => {
    const { report } = await checkTree(farApartChart);
    const escalation = report.findings.find((f) => f.check === 'allowPrivilegeEscalation')!;
    expect(escalation.fix).toBeNull();
    // The parts, for `fix` to apply together: each a file's lines and their replacement.
    expect((escalation as JsonFinding & { fixParts?: unknown }).fixParts).toEqual([
      { file: 'web/values.yaml', startLine: 1, endLine: 1, replacement: 'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop:\n      - ALL\n' },
      { file: 'web/values.yaml', startLine: 31, endLine: 31, replacement: '  securityContext:\n    allowPrivilegeEscalation: false\n    capabilities:\n      drop:\n        - ALL\n' },
    ]);
    expect(escalation.fixNote).toBe(
      [
        'No suggestion: the fix is 2 changes of `web/values.yaml`, too far apart for one; together they fix it (verified by rendering again):',
        '```diff',
        '@@ web/values.yaml:1 @@',
        '-securityContext: {}',
        '+securityContext:',
        '+  allowPrivilegeEscalation: false',
        '+  capabilities:',
        '+    drop:',
        '+      - ALL',
        ' # note 1',
        '@@ web/values.yaml:31 @@',
        ' reload:',
        '-  securityContext: {}',
        '+  securityContext:',
        '+    allowPrivilegeEscalation: false',
        '+    capabilities:',
        '+      drop:',
        '+        - ALL',
        ' ',
        '```',
      ].join('\n'),
    );
    // A check's caveat is a paragraph of its own: a review comment says the shared diff once.
    const capabilities = report.findings.find((f) => f.check === 'capabilities_restricted')!;
    expect(capabilities.fixNote!.startsWith(`${escalation.fixNote!}\n\nIf a process needs a capability`)).toBe(true);
  });

  it("gives a template's insertions for containers too far apart for one suggestion as their diff, verified together (appmesh-prometheus)", async () => {
    // An init container above the pod's other, more lines apart than a suggestion spans.
    const args = Array.from({ length: 24 }, (_, i) => `        - --flag-${i}`);
    const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile: {type: RuntimeDefault}', '  initContainers:', '    - name: chown', '      image: alpine:3', '      args:', ...args, '  containers:', '    - name: web', '      image: web:1', ''].join('\n');
    const { report } = await checkWebChart('replicas: 1\n', pod);
    const escalation = report.findings.find((f) => f.check === 'allowPrivilegeEscalation')!;
    expect(escalation.fix).toBeNull();
    const insertion = (indent: string) => `${indent}securityContext:\n${indent}  allowPrivilegeEscalation: false\n${indent}  capabilities:\n${indent}    drop:\n${indent}      - ALL\n`;
    expect((escalation as JsonFinding & { fixParts?: { file: string; startLine: number; replacement: string }[] }).fixParts?.map((p) => [p.file, p.startLine, p.replacement.endsWith(insertion('      '))])).toEqual([
      ['web/templates/pod.yaml', 10, true],
      ['web/templates/pod.yaml', 38, true],
    ]);
    expect(escalation.fixNote).toMatch(/^No suggestion: the fix is 2 changes of `web\/templates\/pod\.yaml`, too far apart for one; together they fix it \(verified by rendering again\):/);
  });

  it('gives literal values lines too far apart for one suggestion as their diff, verified together (aws-vpc-cni: privileged in two containers)', async () => {
    const values = ['securityContext:', '  privileged: true', ...Array.from({ length: 28 }, (_, i) => `# note ${i + 1}`), 'reload:', '  securityContext:', '    privileged: true', ''].join('\n');
    const { report } = await checkTree({ ...farApartChart, 'web/values.yaml': values }, '--warn-level', 'baseline');
    const privileged = report.findings.find((f) => f.check === 'privileged')!;
    expect([privileged.file, privileged.line, privileged.fix]).toEqual(['web/values.yaml', 2, null]);
    // Each line alone leaves the other container privileged: both, for `fix` to apply together.
    expect((privileged as JsonFinding & { fixParts?: unknown }).fixParts).toEqual([
      { file: 'web/values.yaml', startLine: 2, endLine: 2, replacement: '  privileged: false\n' },
      { file: 'web/values.yaml', startLine: 33, endLine: 33, replacement: '    privileged: false\n' },
    ]);
    expect(privileged.fixNote).toMatch(/^No suggestion: the fix is 2 changes of `web\/values\.yaml`, too far apart for one; together they fix it \(verified by rendering again\):\n```diff\n@@ web\/values\.yaml:2 @@\n/);
  });

  it("renders a chart with its library chart from a folder of the repository (`file://../common`): a change to the library's helper is the chart's, fixed on the helper's line", async () => {
    const { status, report } = await diff('helm-library');
    expect(status).toBe(1);
    // The library itself is not rendered (helm refuses to install one); the chart that includes its helper is.
    expect(report.errors).toEqual([]);
    expect(report.findings.map(brief)).toEqual([['charts/common/templates/_sc.tpl', 3, 'web', 'privileged', 'modified']]);
    expect(report.findings[0]!.fix).toEqual({ startLine: 3, endLine: 3, replacement: 'privileged: false\n', attachable: true });
  });

  it("renders a dependency from a chart repository with the repository's own chart of its name (bitnami's charts and their `common`), and says so", async () => {
    const oci = 'oci://registry-1.docker.io/bitnamicharts';
    const helper = '{{- define "common.securityContext" -}}\nsecurityContext:\n  privileged: true\n{{- end }}\n';
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: web:1\n      {{- include "common.securityContext" . | nindent 6 }}\n';
    const files = {
      'bitnami/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 2.31.10\ntype: library\n',
      'bitnami/common/templates/_sc.tpl': helper,
      'bitnami/web/Chart.yaml': `apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 2.x.x\n    repository: ${oci}\n`,
      'bitnami/web/templates/pod.yaml': pod,
    };
    const { status, report } = await checkTree(files);
    expect(status).toBe(1);
    // The blocking finding, on the line of the repository's helper that writes it.
    expect(report.findings.filter((f) => f.blocking).map((f) => [f.file, f.line, f.check, f.rendered?.root])).toEqual([['bitnami/common/templates/_sc.tpl', 3, 'privileged', 'bitnami/web']]);
    // One warning on the chart that stood in, naming the charts it stood in for.
    const stoodIn = (charts: string) => ({
      file: 'bitnami/common/Chart.yaml',
      line: null,
      kind: 'dependency-stand-in',
      message: `bitnami/common (2.31.10) is rendered in place of the dependency \`common 2.x.x\` from ${oci}, which is not vendored and never fetched, by ${charts}: vendor it (\`helm dependency build\`) to check the published chart instead`,
    });
    expect(report.errors).toEqual([stoodIn('the chart `bitnami/web`')]);
    const api = { 'bitnami/api/Chart.yaml': files['bitnami/web/Chart.yaml'].replace('name: web', 'name: api'), 'bitnami/api/templates/pod.yaml': pod.replace('name: web', 'name: api') };
    expect((await checkTree({ ...files, ...api })).report.errors).toEqual([stoodIn('2 charts `bitnami/api`, `bitnami/web`')]);
    // A chart whose Chart.lock pins another version says so: that one is what `helm dependency build` vendors.
    const lock = { 'bitnami/api/Chart.lock': `dependencies:\n- name: common\n  repository: ${oci}\n  version: 2.31.4\ndigest: sha256:0\n` };
    expect((await checkTree({ ...files, ...api, ...lock })).report.errors.map((e) => e.message)).toEqual([
      stoodIn('2 charts `bitnami/api`, `bitnami/web`').message.replace('`common 2.x.x`', '`common 2.x.x` (locked at 2.31.4), `common 2.x.x`'),
    ]);
    // A version its range does not allow stands in for nothing: the chart is not rendered without it, as before.
    const older = await checkTree({ ...files, 'bitnami/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.0.0\ntype: library\n' });
    expect(older.report.findings).toEqual([]);
    expect(older.report.errors.map((e) => [e.file, e.kind])).toEqual([['bitnami/web/Chart.yaml', 'not-rendered']]);
    expect(older.report.errors[0]!.message).toMatch(/^bitnami\/web not rendered: dependency `common 2\.x\.x` \(this repository's `bitnami\/common` is 1\.0\.0\) is not vendored in `charts\/`/);
  });

  it('places a field a helper writes from a variable on the one values key that holds it (a `dict` handed to `toYaml $sc`, as DataDog writes it)', async () => {
    const files = {
      'charts/agent/Chart.yaml': 'apiVersion: v2\nname: agent\nversion: 1.0.0\n',
      'charts/agent/values.yaml': 'image: agent:1\npod:\n  securityContext:\n    runAsUser: 0\nprobe:\n  securityContext:\n    privileged: true\n',
      'charts/agent/templates/_helpers.tpl': '{{- define "sc" -}}\n{{- $sc := .securityContext -}}\nsecurityContext:\n{{ toYaml $sc | indent 2 }}\n{{- end -}}\n',
      'charts/agent/templates/pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  {{- include "sc" (dict "securityContext" .Values.pod.securityContext) | nindent 2 }}\n  containers:\n    - name: probe\n      image: {{ .Values.image }}\n      {{- include "sc" (dict "securityContext" .Values.probe.securityContext) | nindent 6 }}\n',
    };
    const { report } = await checkTree(files, '--level', 'restricted');
    const placed = (check: string) => report.findings.filter((f) => f.check === check).map((f) => [f.file, f.line]);
    expect(placed('runAsUser')).toEqual([['charts/agent/values.yaml', 4]]);
    expect(placed('privileged')).toEqual([['charts/agent/values.yaml', 7]]);
  });

  it("writes the fix of a map a library chart's helper writes from the chart's values (spire's `include \"spire-lib.securitycontext\" .`) into those values, verified by rendering again", async () => {
    const helpers =
      '{{- define "lib.securitycontext" }}\n{{- include "lib.securitycontext-extended" (dict "root" . "securityContext" .Values.securityContext) }}\n{{- end }}\n' +
      '{{- define "lib.securitycontext-extended" }}\n{{- toYaml .securityContext }}\n{{- end }}\n';
    const files = {
      'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n',
      'charts/lib/templates/_helpers.tpl': helpers,
      'charts/server/Chart.yaml': 'apiVersion: v2\nname: server\nversion: 1.0.0\ndependencies:\n  - name: lib\n    version: 0.1.0\n    repository: file://../lib\n',
      'charts/server/values.yaml': '## Security context\nsecurityContext: {}\n  # capabilities:\n  #   drop:\n  #   - ALL\n  # runAsNonRoot: true\n',
      'charts/server/templates/pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: server\nspec:\n  containers:\n    - name: server\n      image: server:1\n      securityContext:\n        {{- include "lib.securitycontext" . | nindent 8 }}\n',
    };
    const { report } = await checkTree(files, '--level', 'restricted');
    const restricted = ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'];
    expect(report.findings.map((f) => [f.file, f.line, f.check])).toEqual(restricted.map((check) => ['charts/server/values.yaml', 2, check]));
    // One suggestion for the four, on the values key, in place of the commented-out copy below it.
    const fixes = new Set(report.findings.map((f) => JSON.stringify(f.fix)));
    expect([...fixes]).toEqual([
      JSON.stringify({
        startLine: 2,
        endLine: 6,
        replacement: 'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop:\n      - ALL\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n',
        // `check` reviews no change: no line of it is one a review could comment on.
        attachable: false,
      }),
    ]);
  });

  it("writes the fix of a map `with (default .Values.a .Values.b)` writes into the key it takes first, through `$context.Values` in a range too (mastodon)", async () => {
    const container = (name: string, context: string, own: string) =>
      `      containers:\n        - name: ${name}\n          image: ${name}:1\n          {{- with (default ${context}.Values.securityContext ${context}.Values.${own}.securityContext) }}\n          securityContext:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n`;
    const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n`;
    const files = {
      'mastodon/Chart.yaml': chartYaml('mastodon'),
      'mastodon/values.yaml': 'web:\n  securityContext: {}\nsidekiq:\n  workers: [{name: default}]\n  securityContext: {}\nsecurityContext: {}\n',
      'mastodon/templates/web.yaml': deployment('web') + container('web', '', 'web'),
      'mastodon/templates/sidekiq.yaml': `{{- $context := . }}\n{{- range .Values.sidekiq.workers }}\n---\n${deployment('sidekiq-{{ .name }}')}${container('sidekiq', '$context', 'sidekiq')}{{- end }}\n`,
    };
    const { report } = await checkTree(files, '--level', 'restricted');
    const escalation = report.findings.filter((f) => f.check === 'allowPrivilegeEscalation');
    expect(escalation.map((f) => [f.name, f.file, f.line])).toEqual([
      ['sidekiq-default', 'mastodon/values.yaml', 5],
      ['web', 'mastodon/values.yaml', 2],
    ]);
    expect(escalation.map((f) => f.fix?.replacement)).toEqual([
      '  securityContext:\n    allowPrivilegeEscalation: false\n    capabilities:\n      drop:\n        - ALL\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n',
      '  securityContext:\n    allowPrivilegeEscalation: false\n    capabilities:\n      drop:\n        - ALL\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n',
    ]);
  });

  it('warns of a stand-in only when it wrote something: a subchart its values leave off stood in for nothing checked', async () => {
    const files = {
      'charts/csi/Chart.yaml': 'apiVersion: v2\nname: csi\nversion: 1.2.0\n',
      'charts/csi/templates/pod.yaml': plainPod('csi'),
      'charts/agent/Chart.yaml': 'apiVersion: v2\nname: agent\nversion: 1.0.0\ndependencies:\n  - {name: csi, version: 1.x.x, repository: "https://charts.example", condition: csi.enabled, alias: driver}\n',
      'charts/agent/values.yaml': 'csi:\n  enabled: false\n',
      'charts/agent/templates/pod.yaml': plainPod('agent'),
    };
    const off = await checkTree(files);
    expect(off.report.errors).toEqual([]);
    expect(off.report.podSpecs.map((p) => p.name).sort()).toEqual(['agent', 'csi']);
    // Turned on, the stand-in wrote a pod spec (under its alias's folder in helm's `# Source:` comments): said once, on its Chart.yaml.
    const on = await checkTree({ ...files, 'charts/agent/values.yaml': 'csi:\n  enabled: true\n' });
    expect(on.report.errors.map((e) => [e.file, e.kind])).toEqual([['charts/csi/Chart.yaml', 'dependency-stand-in']]);
    expect(on.report.podSpecs.map((p) => p.name).sort()).toEqual(['agent', 'csi', 'csi']);
  });

  it("reads a vendored archive's values for the branches of its templates, and places a value the parent's values set on their line", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-archive-'));
    try {
      // bitnami's layout: the container's securityContext written only when its `enabled` (in the subchart's own values) is true.
      vendorArchive(cwd, 'charts/app', 'sub', {
        'values.yaml': 'containerSecurityContext:\n  enabled: true\n',
        'templates/pod.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-sub\nspec:\n  containers:\n    - name: sub\n      image: sub:1\n      {{- if .Values.containerSecurityContext.enabled }}\n      securityContext: {{- omit .Values.containerSecurityContext "enabled" | toYaml | nindent 8 }}\n      {{- end }}\n',
      });
      const chart = path.join(cwd, 'charts/app');
      writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - {name: sub, version: 1.0.0, repository: "https://charts.example"}\n');
      writeFileSync(path.join(chart, 'values.yaml'), 'sub:\n  containerSecurityContext:\n    privileged: true\n');
      // The text report, which computes no fix: a verified fix in the values would place the finding there by itself.
      let stdout = '';
      await runCli(['check', '.', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
      // The template line is inside the archive, never pointed at: the parent's values line that sets it is.
      expect(stdout.split('\n')[0]).toMatch(/^charts\/app\/values\.yaml:3: error: Pod default\/app-sub: privileged .*\(rendered by helm from charts\/app\)$/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it("places what a vendored archive writes by itself on the dependency's entry in Chart.yaml (metallb's frr-k8s), under its alias too", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-archive-literal-'));
    try {
      vendorArchive(cwd, 'charts/metallb', 'frr', { 'templates/ds.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-frr\nspec:\n  hostNetwork: true\n  containers:\n    - name: frr\n      image: frr:1\n' });
      const chart = path.join(cwd, 'charts/metallb');
      const chartYamlOf = (alias: string) => `apiVersion: v2\nname: metallb\nversion: 1.0.0\ndependencies:\n  - name: other\n    version: 1.0.0\n    condition: other.enabled\n  - name: frr\n${alias}    version: 1.0.0\n    repository: https://charts.example\n`;
      const placed = async () => {
        let stdout = '';
        await runCli(['check', '.', '--format', 'json'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
        return (JSON.parse(stdout) as JsonReport).findings.filter((f) => f.blocking).map((f) => [f.file, f.line, f.check, f.rendered?.exact]);
      };
      writeFileSync(path.join(chart, 'Chart.yaml'), chartYamlOf(''));
      writeFileSync(path.join(chart, 'values.yaml'), 'other:\n  enabled: false\n');
      expect(await placed()).toEqual([['charts/metallb/Chart.yaml', 8, 'hostNamespaces', false]]);
      writeFileSync(path.join(chart, 'Chart.yaml'), chartYamlOf('    alias: bgp\n'));
      expect(await placed()).toEqual([['charts/metallb/Chart.yaml', 8, 'hostNamespaces', false]]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('places what an aliased dependency renders in its folder, by name, and its values under the alias (bitnami/grafana-loki)', async () => {
    const daemonSet = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: alloy\nspec:\n  selector:\n    matchLabels: {app: alloy}\n  template:\n    metadata:\n      labels: {app: alloy}\n    spec:\n      hostNetwork: {{ .Values.hostNetwork }}\n      containers:\n        - name: alloy\n          image: alloy:1\n          securityContext:\n            privileged: true\n';
    const { report } = await checkTree({
      'charts/loki/Chart.yaml': 'apiVersion: v2\nname: loki\nversion: 1.0.0\ndependencies:\n  - name: grafana-alloy\n    alias: grafanaalloy\n    version: 1.0.0\n    repository: https://charts.example\n',
      'charts/loki/values.yaml': 'grafanaalloy:\n  hostNetwork: true\n',
      'charts/loki/charts/grafana-alloy/Chart.yaml': chartYaml('grafana-alloy', '1.0.0'),
      'charts/loki/charts/grafana-alloy/values.yaml': 'hostNetwork: false\n',
      'charts/loki/charts/grafana-alloy/templates/ds.yaml': daemonSet,
    });
    // helm names the template charts/grafanaalloy/templates/ds.yaml; the file is in charts/grafana-alloy.
    expect(report.findings.filter((f) => f.blocking).map((f) => [f.file, f.line, f.check])).toEqual([
      ['charts/loki/values.yaml', 2, 'hostNamespaces'],
      ['charts/loki/charts/grafana-alloy/templates/ds.yaml', 17, 'privileged'],
    ]);
  });

  it("fixes a dependency's template from a folder of the repository where that template is (argocd-example-apps' kustomized-helm)", async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-guestbook\nspec:\n  containers:\n    - name: guestbook\n      image: guestbook:1\n';
    const { report } = await checkTree(
      {
        'guestbook/Chart.yaml': chartYaml('guestbook', '0.1.0'),
        'guestbook/templates/pod.yaml': pod,
        'plugins/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: guestbook\n    version: 0.1.0\n    repository: file://../../guestbook\n',
      },
      '--level',
      'restricted',
    );
    // Both charts render the pod; its container's map goes into guestbook/templates/pod.yaml, verified through either.
    const escalation = report.findings.filter((f) => f.check === 'allowPrivilegeEscalation');
    expect(escalation.map((f) => [f.file, f.line, f.rendered?.root, f.fix?.startLine])).toEqual([
      ['guestbook/templates/pod.yaml', 7, 'guestbook', 7],
      ['guestbook/templates/pod.yaml', 7, 'plugins/app', 7],
    ]);
  });

  it('pairs a test pod its template names anew at each rendering with the base one: untouched, it is not reported; edited, it is modified', async () => {
    const { report } = await diff('helm-test-pods');
    // connection.yaml renders the same pod spec under another random name: unchanged, so not checked.
    // debug.yaml gained `privileged: true`: modified, its hostIPC already failing before.
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.status, f.preexisting])).toEqual([
      ['charts/web/values.yaml', 9, 'hostNamespaces', 'modified', false],
      ['charts/web/templates/tests/debug.yaml', 8, 'hostNamespaces', 'modified', true],
      ['charts/web/templates/tests/debug.yaml', 14, 'privileged', 'modified', false],
    ]);
    expect(report.findings.map((f) => f.name)).not.toContain(expect.stringMatching(/-test-/));
    expect(report.podSpecs.map((p) => p.status)).toEqual(['modified', 'modified']);
  });

  it("leaves alone a Deployment the change did not touch, though its `rollme: {{ randAlphaNum 5 }}` annotation renders anew each time", async () => {
    const { report } = await diff('helm-rollme');
    // values.yaml bumped the api's tag only: the worker differs from base in its random annotation and BUILD stamp alone.
    expect(report.podSpecs.map((p) => [p.name, p.status])).toEqual([['shop-api', 'modified']]);
    expect(new Set(report.findings.map((f) => f.name))).toEqual(new Set(['shop-api']));
    expect(report.findings.find((f) => f.check === 'privileged')).toMatchObject({ file: 'charts/shop/values.yaml', line: 4, status: 'modified', preexisting: true });
    expect((report as JsonReport & { summary: { unchanged: number } }).summary.unchanged).toBe(1);
  });

  it('says that the change makes a chart fail when it rendered at the base commit, not that it lacks values', async () => {
    // head turns hostNetwork on with a hostPort the template refuses (`fail`): the chart rendered at base.
    const { status, report } = await diff('helm-fail');
    expect(status).toBe(1);
    expect(report.errors.map((e) => [e.file, e.kind])).toEqual([['charts/api/Chart.yaml', 'render-failed']]);
    const [error] = report.errors;
    expect(error!.message).toMatch(/^charts\/api could not be rendered at head, though it rendered at the base commit: the change makes it fail: `helm template api charts\/api .*` failed \(exit status 1\):\n.*hostPort must match port when hostNetwork is on/s);
    expect(error!.message).not.toContain('render.charts');
  });

  it('follows a pod template written in a named template of a helper to the values lines, and suggests their fixes there', async () => {
    // traefik's layout: `template: {{ include "proxy.podTemplate" . | fromYaml | toYaml | nindent 4 }}`.
    const { report } = await diff('helm-named-template', '--warn-level', 'restricted');
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix ?? null])).toEqual([
      ['charts/proxy/values.yaml', 4, 'hostNamespaces', { startLine: 4, endLine: 4, replacement: 'hostNetwork: false\n', attachable: true }],
      ['charts/proxy/values.yaml', 7, 'allowPrivilegeEscalation', { startLine: 7, endLine: 7, replacement: '  allowPrivilegeEscalation: false\n', attachable: true }],
    ]);
    expect(report.findings.every((f) => f.rendered?.exact === true)).toBe(true);
  });

  it("places a volume a values list adds to the template's own on that values item, found by its name", async () => {
    // promtail's layout: `volumes:` writes `config`, then `toYaml .Values.defaultVolumes` the rest.
    const { report } = await checkTree(
      {
        'charts/agent/Chart.yaml': chartYaml('agent'),
        'charts/agent/values.yaml': 'defaultVolumes:\n  - name: cache\n    emptyDir: {}\n  - name: run\n    hostPath:\n      path: /run/agent\n',
        'charts/agent/templates/daemonset.yaml':
          'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: agent}\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      containers:\n        - name: agent\n          image: agent:1\n      volumes:\n        - name: config\n          emptyDir: {}\n        {{- with .Values.defaultVolumes }}\n        {{- toYaml . | nindent 8 }}\n        {{- end }}\n',
      },
      '--warn-level',
      'privileged',
    );
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.rendered?.exact])).toEqual([['charts/agent/values.yaml', 5, 'hostPathVolumes', true]]);
  });

  it("turns on a securityContext map a chart writes only when its `enabled` is true (Bitnami's layout), verified by rendering again", async () => {
    const chart = (values: string) => ({
      'charts/web/Chart.yaml': chartYaml('web'),
      'charts/web/values.yaml': values,
      'charts/web/templates/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: web:1\n          {{- if .Values.containerSecurityContext.enabled }}\n          securityContext: {{- omit .Values.containerSecurityContext "enabled" | toYaml | nindent 12 }}\n          {{- end }}\n',
    });
    const fixesOf = (report: JsonReport) => report.findings.map((f) => [f.file, f.check, f.fix ?? null]);
    // The map holds what restricted needs: switching it on is the whole fix.
    const whole = 'containerSecurityContext:\n  enabled: false\n  runAsNonRoot: true\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]\n  seccompProfile:\n    type: RuntimeDefault\n';
    const on = { startLine: 2, endLine: 2, replacement: '  enabled: true\n', attachable: false };
    expect(fixesOf((await checkTree(chart(whole), '--level', 'restricted')).report)).toEqual(
      ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'].map((check) => ['charts/web/values.yaml', check, on]),
    );
    // It lacks a field: switched on, with the field written in.
    const part = 'containerSecurityContext:\n  enabled: false\n  runAsNonRoot: true\n  capabilities:\n    drop: [ALL]\n  seccompProfile:\n    type: RuntimeDefault\n';
    const [first] = (await checkTree(chart(part), '--level', 'restricted')).report.findings;
    expect(first!.fix).toEqual({
      startLine: 2,
      endLine: 7,
      replacement: '  enabled: true\n  runAsNonRoot: true\n  capabilities:\n    drop: [ALL]\n  seccompProfile:\n    type: RuntimeDefault\n  allowPrivilegeEscalation: false\n',
      attachable: false,
    });
    // No `enabled` at all, an empty map (cortex's `securityContext: {}`): the fields written in, and the switch the template tests turned on.
    const [empty] = (await checkTree(chart('containerSecurityContext: {}\n'), '--level', 'restricted')).report.findings;
    expect(empty!.fix).toEqual({
      startLine: 1,
      endLine: 1,
      replacement: 'containerSecurityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop:\n      - ALL\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n  enabled: true\n',
      attachable: false,
    });
  });

  it('turns on the values switch a template writes a missing field under (microservices-demo\'s `seccompProfile.enable`), verified by rendering again', async () => {
    const { report } = await checkTree(
      {
        'charts/web/Chart.yaml': chartYaml('web'),
        'charts/web/values.yaml': 'seccompProfile:\n  enable: false\n  type: RuntimeDefault\n',
        'charts/web/templates/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        {{- if .Values.seccompProfile.enable }}\n        seccompProfile:\n          type: {{ .Values.seccompProfile.type }}\n        {{- end }}\n      containers:\n        - name: web\n          image: web:1\n          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: [ALL]\n',
      },
      '--level',
      'restricted',
    );
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
      ['charts/web/values.yaml', 2, 'seccompProfile_restricted', { startLine: 2, endLine: 2, replacement: '  enable: true\n', attachable: false }],
    ]);
  });

  it("turns off the values switch a template writes a failing literal under (rook-ceph's `useOperatorHostNetwork`), when its branch takes nothing else away", async () => {
    const deployment = (branch: string[]) => workloadTemplate('Deployment', 'operator', ['      containers:', '        - name: operator', '          image: operator:1', ...branch]);
    const chart = (branch: string[]) => ({
      'charts/op/Chart.yaml': chartYaml('op'),
      'charts/op/values.yaml': 'image: operator:1\nuseOperatorHostNetwork: true\n',
      'charts/op/templates/deployment.yaml': deployment(branch),
    });
    // The switch writes the host network and its DNS policy: off, it is the whole fix, on the values line.
    const plain = ['      {{- if .Values.useOperatorHostNetwork }}', '      hostNetwork: true', '      dnsPolicy: ClusterFirstWithHostNet', '      {{- end }}'];
    const { report } = await checkTree(chart(plain), '--warn-level', 'baseline');
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
      ['charts/op/values.yaml', 2, 'hostNamespaces', { startLine: 2, endLine: 2, replacement: 'useOperatorHostNetwork: false\n', attachable: false }],
    ]);
    // A switch whose branch writes a container too would take it away: the literal is fixed where it is written.
    const sidecar = ['      {{- if .Values.useOperatorHostNetwork }}', '        - name: agent', '          image: agent:1', '      hostNetwork: true', '      {{- end }}'];
    const literal = (await checkTree(chart(sidecar), '--warn-level', 'baseline')).report;
    expect(literal.findings.map((f) => [f.file, f.line, f.check, f.fix?.replacement])).toEqual([['charts/op/templates/deployment.yaml', 18, 'hostNamespaces', '      hostNetwork: false\n']]);
    // A switch another object reads too (its Service's port) would change that one: the literal again.
    const withService = {
      ...chart(plain),
      'charts/op/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: operator\nspec:\n  ports:\n    - port: {{ if .Values.useOperatorHostNetwork }}9443{{ else }}443{{ end }}\n',
    };
    const shared = (await checkTree(withService, '--warn-level', 'baseline')).report;
    expect(shared.findings.map((f) => [f.file, f.line, f.check, f.fix?.replacement])).toEqual([['charts/op/templates/deployment.yaml', 16, 'hostNamespaces', '      hostNetwork: false\n']]);
    // A test pod whose name helm writes anew at each rendering (podinfo's `-grpc-test-{{ randAlphaNum 5 }}`) is no other object changed.
    const withTest = {
      ...chart(plain),
      'charts/op/templates/tests/ping.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-ping-{{ randAlphaNum 5 | lower }}\n  annotations:\n    helm.sh/hook: test\nspec:\n  containers:\n    - name: ping\n      image: busybox:1\n',
    };
    const tested = (await checkTree(withTest, '--warn-level', 'baseline')).report;
    expect(tested.findings.map((f) => [f.file, f.line, f.check, f.fix?.replacement])).toEqual([['charts/op/values.yaml', 2, 'hostNamespaces', 'useOperatorHostNetwork: false\n']]);
  });

  it('writes a values fix into the key that holds the rendered map, of `.Values.a | default .Values.b` (elastic\'s filebeat)', async () => {
    const { report } = await checkTree(
      {
        'charts/beat/Chart.yaml': chartYaml('beat'),
        'charts/beat/values.yaml': 'podSecurityContext: {}\ndaemonset:\n  securityContext:\n    privileged: false\n',
        'charts/beat/templates/daemonset.yaml':
          'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: beat\nspec:\n  selector:\n    matchLabels: {app: beat}\n  template:\n    metadata:\n      labels: {app: beat}\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        seccompProfile: {type: RuntimeDefault}\n      containers:\n      - name: beat\n        image: beat:1\n        securityContext: {{ toYaml ( .Values.podSecurityContext | default .Values.daemonset.securityContext ) | nindent 10 }}\n',
      },
      '--level',
      'restricted',
    );
    const fix = { startLine: 4, endLine: 4, replacement: '    privileged: false\n    allowPrivilegeEscalation: false\n    capabilities:\n      drop:\n        - ALL\n', attachable: false };
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
      // On the values key that writes the map (daemonset.securityContext, line 3), its fix under it.
      ['charts/beat/values.yaml', 3, 'allowPrivilegeEscalation', fix],
      ['charts/beat/values.yaml', 3, 'capabilities_restricted', fix],
    ]);
  });

  it('writes the securityContext maps into a template that writes its container and pod spec itself, verified by rendering again', async () => {
    // Argo CD's helm-guestbook: no values key writes either map.
    const { report } = await checkTree(
      {
        'charts/web/Chart.yaml': chartYaml('web'),
        'charts/web/values.yaml': 'image: web:1\nresources: {}\n',
        'charts/web/templates/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          image: {{ .Values.image }}\n          resources:\n{{ toYaml .Values.resources | indent 12 }}\n',
      },
      '--level',
      'restricted',
    );
    const pod = { startLine: 11, endLine: 11, replacement: '    spec:\n      securityContext:\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n', attachable: false };
    const container = { startLine: 13, endLine: 13, replacement: '        - name: {{ .Chart.Name }}\n          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop:\n                - ALL\n', attachable: false };
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
      ['charts/web/templates/deployment.yaml', 13, 'allowPrivilegeEscalation', container],
      ['charts/web/templates/deployment.yaml', 13, 'capabilities_restricted', container],
      // The pod's checks are found on the container, which lacks the fields too; their fix is the pod's map.
      ['charts/web/templates/deployment.yaml', 13, 'runAsNonRoot', pod],
      ['charts/web/templates/deployment.yaml', 13, 'seccompProfile_restricted', pod],
    ]);
  });

  it("writes every container's securityContext at once when a check needs them all (a test pod with an init container), as one verified suggestion", async () => {
    // grafana's agent-operator test pod: a container and an init container, written in the template, with no securityContext.
    const { report } = await checkTree(
      {
        'charts/probe/Chart.yaml': chartYaml('probe'),
        'charts/probe/values.yaml': 'image: busybox:1\n',
        'charts/probe/templates/tests/probe.yaml':
          "apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\nspec:\n  containers:\n  - name: wget\n    image: {{ .Values.image }}\n    args:  ['web:8080/-/healthy']\n  # wait for the web pod\n  initContainers:\n  - name: sleep\n    image: {{ .Values.image }}\n  restartPolicy: Never\n",
      },
      '--level',
      'restricted',
    );
    const capabilities = '    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n          - ALL\n';
    const containers = `  - name: wget\n${capabilities}    image: {{ .Values.image }}\n    args:  ['web:8080/-/healthy']\n  # wait for the web pod\n  initContainers:\n  - name: sleep\n${capabilities}`;
    const pod = 'spec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n';
    // Each container's map alone fixes neither container check: their suggestion writes both; the pod's checks take the pod's map alone.
    expect(report.findings.map((f) => [f.check, f.fix?.startLine, f.fix?.endLine, f.fix?.replacement])).toEqual([
      ['allowPrivilegeEscalation', 7, 12, containers],
      ['capabilities_restricted', 7, 12, containers],
      ['runAsNonRoot', 5, 5, pod],
      ['seccompProfile_restricted', 5, 5, pod],
    ]);
  });

  it('a new template: a literal value on the template line, a value from .Values on the values line', async () => {
    const { report } = await diff('helm-template');
    expect(report.findings.map(brief)).toEqual([
      ['charts/web/templates/agent.yaml', 15, 'web-web-agent', 'hostNamespaces', 'new'],
      ['charts/web/values.yaml', 17, 'web-web-agent', 'privileged', 'new'],
    ]);
    expect(report.findings.map((f) => f.fix?.replacement)).toEqual(['      hostPID: false\n', '    privileged: false\n']);
    expect(report.findings.every((f) => f.locations.every((l) => l.inDiff))).toBe(true);
  });

  it('objects without a namespace are in the release namespace, so its Namespace labels judge them', async () => {
    // The config renders charts/web in namespace edge, whose labels allow hostNetwork.
    const { status, report } = await diff('helm-namespace');
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.podSpecs).toEqual([expect.objectContaining({ file: 'charts/web/templates/deployment.yaml', rendering: 'charts/web', namespace: 'edge', name: 'web-web', status: 'modified' })]);
  });

  it('a field written by a helper (include): on the helper\'s line, with a suggestion verified by rendering again', async () => {
    const { report } = await diff('helm-include');
    expect(report.findings.map(brief)).toEqual([['charts/agent/templates/_containers.tpl', 5, 'agent', 'privileged', 'new']]);
    expect(report.findings[0]!.rendered).toEqual({ tool: 'helm', root: 'charts/agent', sourceFile: 'charts/agent/templates/_containers.tpl', sourceLine: 5, changeLine: { file: 'charts/agent/values.yaml', line: 1 }, exact: true });
    expect(report.findings[0]!.fix).toEqual({ startLine: 5, endLine: 5, replacement: '    privileged: false\n', attachable: true });
  });

  it('a field the template computes (`dict … | toYaml`): no line is certain, so the first line of its object in the template, with the rendered lines', async () => {
    const { report } = await diff('helm-computed');
    expect(report.findings.map(brief)).toEqual([['charts/agent/templates/daemonset.yaml', 1, 'agent', 'privileged', 'new']]);
    expect(report.findings[0]!.rendered).toEqual({
      tool: 'helm',
      root: 'charts/agent',
      sourceFile: 'charts/agent/templates/daemonset.yaml',
      sourceLine: 1,
      changeLine: { file: 'charts/agent/values.yaml', line: 1 },
      exact: false,
    });
    // The line is its object's, not the field's (not exact); the chart is new, so the diff shows it (before: Chart.yaml's first line).
    expect(report.findings[0]!.locations.map((l) => [l.line, l.exact, l.inDiff])).toEqual([[1, false, true]]);
    expect(report.findings[0]!.fix ?? null).toBeNull();
    // The example is the change to the rendered manifest, with a line of context to say where it goes.
    expect(report.findings[0]!.fixNote).toBe(
      [
        'The rendered manifest would be fixed by this change (an example: edit the template or values that writes it):',
        '```diff',
        // helm leaves a space after the key its `nindent` writes under.
        '           securityContext: ',
        '-            privileged: true',
        '+            privileged: false',
        '```',
      ].join('\n'),
    );
  });

  it('a dependency missing from charts/: the chart is rendered without it and checked, with a notice naming it; nothing is fetched', async () => {
    const { status, report } = await diff('helm-dependency');
    expect(status).toBe(1);
    expect(report.findings.map(brief)).toEqual([['charts/api/values.yaml', 1, 'api', 'hostNamespaces', 'modified']]);
    expect(report.findings[0]!.fix).toEqual({ startLine: 1, endLine: 1, replacement: 'hostPID: false\n', attachable: true });
    // What the dependency renders is not checked; the change (a key of the chart's own) leaves what redis is given as it was: a warning.
    expect(report.errors).toEqual([
      {
        file: 'charts/api/Chart.yaml',
        line: null,
        kind: 'dependency-left-out',
        message:
          'charts/api rendered without dependency `redis 19.6.4`, not vendored in `charts/` (run `helm dependency build` and commit it; dependencies are never fetched): what it renders is not checked; the change leaves it as it was (neither what the chart gives it nor a named template changes)',
      },
    ]);
  });

  it('a dependency missing from charts/ that the change may reach (its values, global, the dependency list, a named template) is a chart not checked in full', async () => {
    const chart = (values: string, extra: Record<string, string> = {}) => ({
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 19.6.4\n    alias: cache\n    condition: cache.enabled\n',
      'charts/api/values.yaml': values,
      'charts/api/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: {{ .Values.image }}\n',
      ...extra,
    });
    const base = chart('image: api:1\ncache:\n  enabled: true\n');
    const kindsAfter = async (head: Record<string, string>) => (await inRepo(base, head, (repo) => diffIn(repo))).errors.map((e) => e.kind);
    // The chart's own key, its README, a template that defines nothing: the dependency renders as before.
    expect(await kindsAfter(chart('image: api:2\ncache:\n  enabled: true\n', { 'charts/api/README.md': 'api\n' }))).toEqual(['dependency-left-out']);
    // Its alias's values, global, its condition, a named template, the dependency list: what it renders may change.
    expect(await kindsAfter(chart('image: api:1\ncache:\n  enabled: true\n  replicas: 3\n'))).toEqual(['not-rendered']);
    expect(await kindsAfter(chart('image: api:1\ncache:\n  enabled: true\nglobal:\n  storageClass: fast\n'))).toEqual(['not-rendered']);
    expect(await kindsAfter(chart('image: api:2\ncache:\n  enabled: true\n', { 'charts/api/templates/_helpers.tpl': '{{- define "api.name" -}}api{{- end }}\n' }))).toEqual(['not-rendered']);
    expect(await kindsAfter({ ...base, 'charts/api/Chart.yaml': base['charts/api/Chart.yaml'].replace('19.6.4', '19.6.5') })).toEqual(['not-rendered']);
  });

  it('a chart that needs a dependency missing from charts/ to render is not rendered: a notice naming it, with helm\'s words', async () => {
    const { report } = await checkTree({
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\ndependencies:\n  - name: common\n    version: 2.0.0\n',
      'charts/api/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ include "common.names.fullname" . }}\nspec:\n  containers: [{name: api, image: api:1}]\n',
    });
    expect(report.findings).toEqual([]);
    expect(report.errors).toEqual([
      expect.objectContaining({
        file: 'charts/api/Chart.yaml',
        kind: 'not-rendered',
        message: expect.stringMatching(
          /^charts\/api not rendered: dependency `common 2\.0\.0` is not vendored in `charts\/` \(run `helm dependency build` and commit it; dependencies are never fetched\), and it does not render without it: `helm template api charts\/api --namespace default` failed \(exit status 1\):\n.*no template "common\.names\.fullname"/s,
        ),
      }),
    ]);
    // grafana/loki: its own template stops on a value it requires; the missing dependency is not why, and is said beside.
    const values = await checkTree({
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\ndependencies:\n  - name: common\n    version: 2.0.0\n',
      'charts/api/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ required "Please define bucket" .Values.bucket }}\nspec:\n  containers: [{name: api, image: api:1}]\n',
    });
    expect(values.report.errors).toEqual([
      expect.objectContaining({
        file: 'charts/api/Chart.yaml',
        kind: 'not-rendered',
        message: expect.stringMatching(
          /^charts\/api not rendered: it stops on a value it requires \(below\), and its dependency `common 2\.0\.0` is not vendored in `charts\/` \(run `helm dependency build` and commit it; dependencies are never fetched\): `helm template api charts\/api --namespace default` failed \(exit status 1\):\n.*Please define bucket.*\n\(the chart needs values its values\.yaml does not set/s,
        ),
      }),
    ]);
  });

  it("a template that stops on the values of a dependency missing from charts/ is the dependency's failure, not one of values to give (kube-prometheus-stack)", async () => {
    const chart = (condition: string) => ({
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\ndependencies:\n  - name: node-exporter\n    version: 4.0.0\n  - name: redis\n    version: 19.6.4\n',
      'charts/api/values.yaml': 'node-exporter:\n  podLabels: {}\nredis: {}\nproxy: {}\n',
      // Chart-testing's test values: a chart that keeps them is told to render with them when its templates stop on a value.
      'charts/api/ci/default-values.yaml': 'proxy:\n  rbac:\n    enabled: true\n',
      'charts/api/templates/pod.yaml': `{{- if ${condition} }}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers: [{name: api, image: api:1}]\n{{- end }}\n`,
    });
    const notVendored =
      'charts/api not rendered: dependencies `node-exporter 4.0.0`, `redis 19.6.4` are not vendored in `charts/` (run `helm dependency build` and commit it; dependencies are never fetched), and it does not render without them: `helm template api charts/api --namespace default` failed (exit status 1):\n';
    // Each dependency's own values.yaml gives what helm stops on, reached by index or by name.
    for (const [condition, stop] of [
      ['(index .Values "node-exporter").kubeRBACProxy.enabled', /at <"node-exporter">:\s*nil pointer evaluating interface \{\}\.enabled$/],
      ['.Values.redis.auth.enabled', /at <\.Values\.redis\.auth\.enabled>:\s*nil pointer evaluating interface \{\}\.enabled$/],
    ] as const) {
      const { report } = await checkTree(chart(condition));
      expect(report.errors).toEqual([expect.objectContaining({ kind: 'not-rendered', message: expect.stringContaining(notVendored) })]);
      expect(report.errors[0]!.message).toMatch(stop);
    }
    // A value of the chart's own: its test values are how to render it, and the dependencies are said beside.
    const own = await checkTree(chart('.Values.proxy.rbac.enabled'));
    expect(own.report.errors[0]!.message).toMatch(
      /^charts\/api not rendered: it stops on a value it requires \(below\), and its dependencies .*nil pointer.*\n\(the chart does not render with its values\.yaml alone: .*its test values, say: `values: \[charts\/api\/ci\/default-values\.yaml\]`\)$/s,
    );
  });

  it('a securityContext the template writes from values: the fix stays an example while the comment is on a line of the diff and the values are not', async () => {
    // The pull request renames the container: its line is in the diff, values.yaml is not.
    const { report } = await diff('helm-scaffold', '--warn-level', 'restricted');
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix ?? null])).toEqual(
      ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'].map((check) => ['charts/app/templates/deployment.yaml', 19, check, null]),
    );
    expect(report.findings[0]!.fixNote).toMatch(/^The rendered manifest would be fixed by this change \(an example/);
  });

  it("gives an old warning the verified fix its chart's values make wherever it lies, and a finding of the change only one on its diff (mastodon)", async () => {
    const pod = podWithValuesSecurityContexts('web', ['metadata:', '  name: web']);
    // The pod's map far below the container's, out of the diff's reach.
    const filler = Array.from({ length: 8 }, (_, i) => `replicas${i}: 1`).join('\n');
    const values = (securityContext: string) => `securityContext:${securityContext}\n${filler}\npodSecurityContext:\n  runAsUser: 1000\n`;
    const { repo, cleanUp } = repoOfSides((base, head) => {
      for (const [side, securityContext] of [[base, ' {}'], [head, '\n  capabilities:\n    add: [NET_ADMIN]']] as const) {
        mkdirSync(path.join(side, 'charts/web/templates'), { recursive: true });
        writeFileSync(path.join(side, 'charts/web/Chart.yaml'), chartYaml('web'));
        writeFileSync(path.join(side, 'charts/web/values.yaml'), values(securityContext));
        writeFileSync(path.join(side, 'charts/web/templates/pod.yaml'), pod);
      }
    });
    try {
      let stdout = '';
      await runCli(['diff', '--base', 'main', '--format', 'json', '--warn-level', 'restricted'], { cwd: repo, stdout: (t) => (stdout += t), stderr: () => undefined });
      const report = JSON.parse(stdout) as JsonReport;
      const of = (check: string) => report.findings.find((f) => f.check === check)!;
      // The change added NET_ADMIN: its blocking finding's suggestion is on the line it wrote.
      expect([of('capabilities_baseline').preexisting, of('capabilities_baseline').fix]).toEqual([false, expect.objectContaining({ startLine: 3, attachable: true })]);
      // The pod's old warnings are fixed in podSecurityContext, which the change did not touch: verified, named in the check run, never commented.
      for (const check of ['runAsNonRoot', 'seccompProfile_restricted']) {
        expect([of(check).preexisting, of(check).fix]).toEqual([true, { startLine: 13, endLine: 13, replacement: '  runAsUser: 1000\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n', attachable: false }]);
      }
    } finally {
      cleanUp();
    }
  });

  it("gives a new object that lines the change only added no suggestion to delete them: its fix is the chart's values, off the diff (mastodon's new Sidekiq worker)", async () => {
    const deployment = `{{- range .Values.workers }}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sidekiq-{{ .name }}\nspec:\n  selector: {matchLabels: {app: {{ .name }}}}\n  template:\n    metadata: {labels: {app: {{ .name }}}}\n    spec:\n      containers:\n        - name: sidekiq\n          image: sidekiq:1\n          {{- with $.Values.securityContext }}\n          securityContext:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n{{- end }}\n`;
    const filler = Array.from({ length: 8 }, (_, i) => `replicas${i}: 1`).join('\n');
    const values = (workers: string[]) => `securityContext:\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n${filler}\nworkers:\n${workers.map((name) => `  - name: ${name}\n`).join('')}`;
    const { repo, cleanUp } = repoOfSides((base, head) => {
      for (const [side, workers] of [[base, ['default']], [head, ['default', 'mailers']]] as const) {
        mkdirSync(path.join(side, 'charts/app/templates'), { recursive: true });
        writeFileSync(path.join(side, 'charts/app/Chart.yaml'), chartYaml('app'));
        writeFileSync(path.join(side, 'charts/app/values.yaml'), values([...workers]));
        writeFileSync(path.join(side, 'charts/app/templates/sidekiq.yaml'), deployment);
      }
    });
    try {
      let stdout = '';
      await runCli(['diff', '--base', 'main', '--format', 'json', '--level', 'restricted'], { cwd: repo, stdout: (t) => (stdout += t), stderr: () => undefined });
      const report = JSON.parse(stdout) as JsonReport;
      const fixes = report.findings.map((f) => [f.name, f.check, f.status, f.fix]);
      const securityContextFix = { startLine: 4, endLine: 4, replacement: expect.stringContaining('  allowPrivilegeEscalation: false\n'), attachable: false };
      expect(fixes).toEqual([
        ['sidekiq-mailers', 'allowPrivilegeEscalation', 'new', securityContextFix],
        ['sidekiq-mailers', 'capabilities_restricted', 'new', securityContextFix],
      ]);
      // Commented where the change wrote the worker, though the fix is not a suggestion there.
      expect(report.findings[0]!.rendered?.changeLine).toEqual({ file: 'charts/app/values.yaml', line: 15 });
    } finally {
      cleanUp();
    }
  });

  it('names the missing tool per chart when helm is not on PATH', async () => {
    const saved = process.env.PATH;
    // git stays reachable; helm does not (it is never installed beside git).
    process.env.PATH = path.dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim());
    try {
      const { status, report } = await diff('helm-values');
      expect(status).toBe(0);
      expect(report.errors.map((e) => [e.file, e.kind, e.message])).toEqual([['charts/web/Chart.yaml', 'not-rendered', 'charts/web not rendered: helm not found']]);
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe.skipIf(!haveHelm())(`check renders the charts under its paths ${haveHelm() ? '' : missingTool('helm')}`, () => {
  /** `run` in a clone of acme/shop (its remote named `remote`) holding helm-application's Application and chart, removed after. */
  const inApplicationClone = <T,>(remote: string, run: (cwd: string) => Promise<T>): Promise<T> => {
    const dir = path.join(fixturesDir, 'render', 'helm-application', 'head');
    const files = Object.fromEntries(['apps/web-prod.yaml', 'charts/web/Chart.yaml', 'charts/web/values.yaml', 'charts/web/templates/deployment.yaml'].map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
    return inTree(files, async (cwd) => {
      execFileSync('git', ['init', '-q'], { cwd });
      execFileSync('git', ['remote', 'add', remote, 'https://github.com/acme/shop'], { cwd });
      return run(cwd);
    });
  };

  it("renders the chart of an Argo CD Application of the clone's repository too, beside the chart's own rendering", async () => {
    const report = await inApplicationClone('upstream', async (cwd) => {
      let stdout = '';
      await runCli(['check', '.', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
      return JSON.parse(stdout) as JsonReport;
    });
    expect(report.errors).toEqual([]);
    // The chart's own values leave the host network off; the Application's turn it on.
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.namespace])).toEqual([['apps/web-prod.yaml', 19, 'hostNamespaces', 'prod']]);
    expect(report.podSpecs.map((p) => [p.namespace, p.name])).toEqual([
      ['default', 'web'],
      ['prod', 'web'],
    ]);
  });

  it('renders the chart an Application given alone installs from elsewhere in the working directory, and nothing else there (check apps/, a pre-commit hook)', async () => {
    const reports = await inApplicationClone('origin', async (cwd) => {
      const checked = async (...paths: string[]) => {
        let stdout = '';
        await runCli(['check', ...paths, '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
        return JSON.parse(stdout) as JsonReport;
      };
      return [await checked('apps'), await checked('apps/web-prod.yaml')];
    });
    for (const report of reports) {
      expect(report.errors).toEqual([]);
      // The Application's rendering only: the chart's own, with its own values, was not asked for.
      expect(report.podSpecs.map((p) => [p.namespace, p.name])).toEqual([['prod', 'web']]);
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.namespace])).toEqual([['apps/web-prod.yaml', 19, 'hostNamespaces', 'prod']]);
    }
  });

  it("renders a Flux HelmRelease's chart for check and fix when the clone's GitRepository is outside the paths given", async () => {
    const dir = path.join(fixturesDir, 'render', 'helm-release', 'head');
    const names = ['apps/web.yaml', 'charts/web/Chart.yaml', 'charts/web/values.yaml', 'charts/web/templates/deployment.yaml', 'clusters/prod/flux-system/gotk-sync.yaml'];
    const files = Object.fromEntries(names.map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
    await inTree(files, async (cwd) => {
      execFileSync('git', ['init', '-q'], { cwd });
      execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/shop.git'], { cwd });
      let stdout = '';
      await runCli(['check', 'apps', 'charts', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
      const report = JSON.parse(stdout) as JsonReport;
      expect(report.errors).toEqual([]);
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.namespace])).toEqual([['apps/web.yaml', 18, 'hostNamespaces', 'prod']]);
      // `fix` writes the HelmRelease's suggestion, verified by rendering again.
      await runCli(['fix', 'apps', 'charts', '--warn-level', 'privileged'], { cwd, stdout: () => undefined, stderr: () => undefined });
      expect(readFileSync(path.join(cwd, 'apps/web.yaml'), 'utf8')).toContain('    hostNetwork: false\n');
      // Without the GitRepository, the chart may be another repository's: the notice stays.
      rmSync(path.join(cwd, 'clusters'), { recursive: true });
      stdout = '';
      await runCli(['check', 'apps', 'charts', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
      expect((JSON.parse(stdout) as JsonReport).errors.map((e) => [e.file, e.kind])).toEqual([['apps/web.yaml', 'not-rendered']]);
    });
  });

  it('ci-values: one rendering per ci/*-values.yaml; a finding they share is reported once, one of their own names its values file', async () => {
    const cwd = path.join(fixturesDir, 'render', 'helm-ci', 'head');
    let stdout = '';
    await runCli(['check', '.', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
    const report = JSON.parse(stdout) as { findings: (JsonFinding & { rendered: { rendering?: string } })[]; podSpecs: unknown[] };
    // values.yaml's hostNetwork: true is in all three renderings (values.yaml, + ci/a, + ci/b).
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.rendered.rendering])).toEqual([
      ['charts/web/values.yaml', 9, 'hostNamespaces', undefined],
      ['charts/web/ci/b-values.yaml', 3, 'privileged', 'charts/web (ci/b-values.yaml)'],
    ]);
    expect(report.podSpecs).toHaveLength(3);
    let text = '';
    await runCli(['check', '.', '--warn-level', 'privileged'], { cwd, stdout: (t) => (text += t), stderr: () => undefined });
    expect(text).toContain('charts/web/ci/b-values.yaml:3: error: Deployment default/web-web: privileged (container "web" must not set securityContext.privileged=true) [privileged] (rendered by helm from charts/web (ci/b-values.yaml))');
  });

  it("lists a chart's pod specs where their objects are written: the template line, the named template's, or the template helm names", async () => {
    const files = {
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'charts/web/values.yaml': 'replicas: 1\n',
      'charts/web/templates/pod.yaml': `# a comment first\n${plainPod('web')}`,
      // A named template's object is where the named template writes it, included by a call over lines too (DataDog's cloudprem).
      'charts/web/templates/_helpers.tpl': `{{- define "web.worker" -}}\n{{- $root := .root -}}\n${plainPod('worker')}{{- end }}\n`,
      'charts/web/templates/worker.yaml': '{{- include "web.worker" (dict\n  "root" .\n) }}\n',
      // An object a chart file holds, which no template line writes: the template that reads it.
      'charts/web/files/job.yaml': plainPod('job'),
      'charts/web/templates/job.yaml': '{{ tpl (.Files.Get "files/job.yaml") . }}\n',
    };
    const { report } = await checkTree(files);
    expect(report.podSpecs.map((p) => [p.file, p.line, p.name, p.rendering])).toEqual([
      ['charts/web/templates/job.yaml', 1, 'job', 'charts/web'],
      ['charts/web/templates/pod.yaml', 2, 'web', 'charts/web'],
      ['charts/web/templates/_helpers.tpl', 3, 'worker', 'charts/web'],
    ]);
  });

  it('says once what the renderings of a chart leave out when they say the same, as the values each takes leave them on', async () => {
    const files = {
      '.github/pod-security.yaml': 'render:\n  charts:\n    - chart: charts/web\n      ci-values: true\n',
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - {name: redis, version: 19.0.0, repository: "https://charts.example", condition: redis.enabled}\n',
      'charts/web/values.yaml': 'redis:\n  enabled: false\n',
      'charts/web/templates/pod.yaml': plainPod('web'),
      'charts/web/ci/a-values.yaml': 'replicas: 1\n',
      'charts/web/ci/b-values.yaml': 'redis:\n  enabled: true\n',
      'charts/web/ci/c-values.yaml': 'redis:\n  enabled: true\nreplicas: 2\n',
    };
    const { report } = await checkTree(files);
    // values.yaml leaves redis off, and so does ci/a; ci/b and ci/c turn it on: one note for those two.
    expect(report.errors.map((e) => [e.file, e.message.split(', not vendored')[0]])).toEqual([['charts/web/Chart.yaml', 'charts/web (2 renderings) rendered without dependency `redis 19.0.0`']]);
    expect(report.podSpecs).toHaveLength(4);
    // The chart's own pod specs were checked: it is counted as rendered in part, not as a file not checked.
    let text = '';
    await inTree(files, (cwd) => runCli(['check', '.'], { cwd, stdout: (t) => (text += t), stderr: () => undefined }));
    expect(text.trimEnd().split('\n').pop()).toMatch(/: 4 pod specs checked, .*\), 1 chart rendered without dependencies$/);
    // One rendering that says it is named as itself.
    const one = await checkTree({ ...files, 'charts/web/ci/c-values.yaml': 'replicas: 2\n' });
    expect(one.report.errors.map((e) => e.message.split(', not vendored')[0])).toEqual(['charts/web (ci/b-values.yaml) rendered without dependency `redis 19.0.0`']);
  });

  it('puts a value that comes from .Values on the values line, as diff and the Action do', async () => {
    const cwd = path.join(fixturesDir, 'render', 'helm-values', 'head');
    let stdout = '';
    const status = await runCli(['check', '.', '--format', 'json', '--warn-level', 'privileged'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as { findings: JsonFinding[] };
    // The template writes `hostNetwork: {{ .Values.hostNetwork }}` (line 17); values.yaml line 9 holds the true.
    expect(report.findings.map((f) => [f.file, f.line, f.name, f.check, f.rendered?.sourceFile])).toEqual([['charts/web/values.yaml', 9, 'web-web', 'hostNamespaces', 'charts/web/values.yaml']]);
  });

  it('stops helm at the config\'s render.max-output-size and reports it on the chart', async () => {
    const { status, report } = await checkWithConfig<JsonReport>('helm-values/head', 'render:\n  max-output-size: 16\n');
    expect(status).toBe(1);
    expect(report.findings).toEqual([]);
    expect(report.errors.map((e) => [e.file, e.kind])).toEqual([['charts/web/Chart.yaml', 'render-failed']]);
    expect(report.errors[0]!.message).toMatch(/^charts\/web could not be rendered: `helm template web charts\/web .*` failed \(its output went over the limit of 16 bytes; raise `render\.max-output-size`/);
  });

  it('says how to give a chart the values its templates require, when its own values.yaml does not set them', async () => {
    const { status, report } = await checkTree(
      {
        'charts/db/Chart.yaml': chartYaml('db'),
        'charts/db/values.yaml': 'password: ""\n',
        'charts/db/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: {{ required "password is required" .Values.password | quote }}\n',
      },
      '--allow-empty',
    );
    expect(status).toBe(1);
    expect(report.errors.map((e) => [e.file, e.kind])).toEqual([['charts/db/Chart.yaml', 'render-failed']]);
    expect(report.errors[0]!.message).toContain('password is required');
    expect(report.errors[0]!.message).toMatch(/\(the chart needs values its values\.yaml does not set: name a values file for it under `render\.charts` in the config file, \.github\/pod-security\.yaml\)$/);
  });

  it('says so too when the chart\'s values schema refuses its own values.yaml', async () => {
    // external-dns: `policy` is required by values.schema.json and left empty in values.yaml.
    const { status, report } = await checkTree(
      {
        'charts/dns/Chart.yaml': chartYaml('dns'),
        'charts/dns/values.yaml': 'policy:\n',
        'charts/dns/values.schema.json': JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', required: ['policy'], properties: { policy: { type: 'string' } } }),
        'charts/dns/ci/ci-values.yaml': 'policy: sync\n',
        'charts/dns/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dns\ndata:\n  policy: {{ .Values.policy | quote }}\n',
      },
      '--allow-empty',
    );
    expect(status).toBe(1);
    expect(report.errors.map((e) => [e.file, e.kind])).toEqual([['charts/dns/Chart.yaml', 'render-failed']]);
    expect(report.errors[0]!.message).toContain("values don't meet the specifications of the schema");
    expect(report.errors[0]!.message).toMatch(/\(the chart needs values its values\.yaml does not set: .*; its test values, say: `values: \[charts\/dns\/ci\/ci-values\.yaml\]`\)$/);
  });

  it("names a chart's test values (ci/*-values.yaml, else another file of ci/) as the values to render it with, and ci-values when it has several", async () => {
    const chart = {
      'charts/db/Chart.yaml': chartYaml('db'),
      'charts/db/values.yaml': 'password: ""\n',
      'charts/db/ci/a-values.yaml': 'password: a\n',
      'charts/db/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: {{ required "password is required" .Values.password | quote }}\n',
    };
    const one = await checkTree(chart, '--allow-empty');
    expect(one.report.errors[0]!.message).toMatch(/\.github\/pod-security\.yaml; its test values, say: `values: \[charts\/db\/ci\/a-values\.yaml\]`\)$/);
    const two = await checkTree({ ...chart, 'charts/db/ci/b-values.yaml': 'password: b\n' }, '--allow-empty');
    expect(two.report.errors[0]!.message).toMatch(/its test values, say: `values: \[charts\/db\/ci\/a-values\.yaml\]`, with `ci-values: true` to render it once more with each of its 2 ci\/\*-values\.yaml files\)$/);
    // A test folder of another layout (aws-load-balancer-controller's ci/values.yaml) is named too, without ci-values.
    const { 'charts/db/ci/a-values.yaml': testValues, ...other } = chart;
    const plain = await checkTree({ ...other, 'charts/db/ci/values.yaml': testValues }, '--allow-empty');
    expect(plain.report.errors[0]!.message).toMatch(/\.github\/pod-security\.yaml; its test values, say: `values: \[charts\/db\/ci\/values\.yaml\]`\)$/);
    // A template that fails otherwise as it runs on values.yaml (temporal's store config, a string where a map is read): named too,
    // only when the chart keeps test values.
    const store = { ...chart, 'charts/db/values.yaml': 'store: none\n', 'charts/db/ci/a-values.yaml': 'store: {driver: sql}\n', 'charts/db/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  driver: {{ get .Values.store "driver" | quote }}\n' };
    const typed = await checkTree(store, '--allow-empty');
    expect(typed.report.errors[0]!.message).toMatch(/executing .*\(the chart does not render with its values\.yaml alone: name a values file .*; its test values, say: `values: \[charts\/db\/ci\/a-values\.yaml\]`\)$/s);
    const untested = Object.fromEntries(Object.entries(store).filter(([file]) => !file.includes('/ci/')));
    expect((await checkTree(untested, '--allow-empty')).report.errors[0]!.message).not.toContain('the chart does not render');
    // Nor a template the chart lacks (jaeger's helpers of a dependency not vendored): that is not the values'.
    const helperless = { ...store, 'charts/db/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ include "common.name" . }}\n' };
    expect((await checkTree(helperless, '--allow-empty')).report.errors[0]!.message).not.toContain('the chart does not render');
    // Named so in the config file, the chart renders.
    const configured = await checkTree({ ...chart, '.github/pod-security.yaml': 'render:\n  charts:\n    - chart: charts/db\n      values: [charts/db/ci/a-values.yaml]\n' }, '--allow-empty');
    expect(configured.report.errors).toEqual([]);
    expect(configured.status).toBe(0);
  });

  it('says so of a chart with no values.yaml whose templates fail on no values, naming a template of its values, and renders that template no more', async () => {
    // envoy gateway's chart: its Makefile writes values.yaml from values.tmpl.yaml with envsubst.
    const chart = {
      'charts/gw/Chart.yaml': chartYaml('gw'),
      'charts/gw/values.tmpl.yaml': 'config:\n  image: ${GatewayImage}\n',
      'charts/gw/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: gw\nspec:\n  containers:\n    - name: gw\n      image: {{ .Values.config.image.name }}\n',
    };
    const { report } = await checkTree(chart, '--allow-empty');
    expect(report.errors.map((e) => [e.file, e.kind])).toEqual([['charts/gw/Chart.yaml', 'render-failed']]);
    expect(report.errors[0]!.message).toMatch(/nil pointer.*\(the chart has no values\.yaml: if a build step writes it \(from `values\.tmpl\.yaml`\?\), name a values file for it under `render\.charts` in the config file, \.github\/pod-security\.yaml, or leave the chart out \(`exclude`\)\)$/s);
    // Without a template of them, the hint says the same without naming one.
    const bare = Object.fromEntries(Object.entries(chart).filter(([file]) => !file.endsWith('values.tmpl.yaml')));
    expect((await checkTree(bare, '--allow-empty')).report.errors[0]!.message).toMatch(/\(the chart has no values\.yaml: if a build step writes it, name a values file/);
  });

  it("writes a values fix in place of `helm create`'s commented-out copy of it, keeping its other examples", async () => {
    const values = ['image: web:1', 'securityContext: {}', '  # capabilities:', '  #   drop:', '  #   - ALL', '  # readOnlyRootFilesystem: true', ''].join('\n');
    const pod = podTemplate('web', ['  containers:', '    - name: web', '      image: {{ .Values.image }}', '      securityContext:', '        {{- toYaml .Values.securityContext | nindent 8 }}']);
    const { report } = await checkTree({ 'charts/web/Chart.yaml': chartYaml('web'), 'charts/web/values.yaml': values, 'charts/web/templates/pod.yaml': pod }, '--warn-level', 'restricted');
    const capabilities = report.findings.find((f) => f.check === 'capabilities_restricted');
    expect([capabilities?.file, capabilities?.fix?.startLine, capabilities?.fix?.endLine]).toEqual(['charts/web/values.yaml', 2, 5]);
    expect(capabilities?.fix?.replacement).toBe('securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop:\n      - ALL\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n');
  });

  it('fixes a check whose fields the values set a few lines apart with one suggestion over them, verified by rendering again', async () => {
    const { report } = await checkTree(
      {
        'charts/agent/Chart.yaml': chartYaml('agent'),
        'charts/agent/values.yaml': "# The node's network\nhostNetwork: true\n\n# Its processes\nhostPID: true\nimage: agent:1\n",
        'charts/agent/templates/daemonset.yaml':
          'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: agent}\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      hostNetwork: {{ .Values.hostNetwork }}\n      hostPID: {{ .Values.hostPID }}\n      containers:\n        - name: agent\n          image: {{ .Values.image }}\n',
      },
      '--warn-level',
      'privileged',
    );
    const [finding, ...others] = report.findings;
    expect(others).toEqual([]);
    expect([finding!.check, finding!.file, finding!.line]).toEqual(['hostNamespaces', 'charts/agent/values.yaml', 2]);
    // Either edit alone leaves the check failing: one suggestion holds both, the lines between as they are.
    expect(finding!.fix).toEqual({ startLine: 2, endLine: 5, replacement: 'hostNetwork: false\n\n# Its processes\nhostPID: false\n', attachable: false });
  });

  it('fixes a securityContext the template writes from values (`helm create`\'s layout) in values.yaml, and places the findings there', async () => {
    const cwd = path.join(fixturesDir, 'render', 'helm-scaffold', 'head');
    let stdout = '';
    await runCli(['check', '.', '--format', 'json', '--warn-level', 'restricted'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
    const report = JSON.parse(stdout) as JsonReport;
    const container = 'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop:\n      - ALL\n';
    const pod = 'podSecurityContext:\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n';
    // On the values key that writes the container's securityContext, where its fields go; each check gets the values
    // key it needs: the container's for its fields, the pod's for the pod's.
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix?.startLine, f.fix?.endLine, f.fix?.replacement])).toEqual([
      ['charts/app/values.yaml', 7, 'allowPrivilegeEscalation', 7, 7, container],
      ['charts/app/values.yaml', 7, 'capabilities_restricted', 7, 7, container],
      ['charts/app/values.yaml', 7, 'runAsNonRoot', 4, 4, pod],
      ['charts/app/values.yaml', 7, 'seccompProfile_restricted', 4, 4, pod],
    ]);
    expect(report.findings[0]!.rendered).toEqual({ tool: 'helm', root: 'charts/app', sourceFile: 'charts/app/values.yaml', sourceLine: 7, exact: true });
    // The text report, which computes no fix, places them there too.
    let text = '';
    await runCli(['check', '.', '--warn-level', 'restricted'], { cwd, stdout: (t) => (text += t), stderr: () => undefined });
    expect(text).toContain('charts/app/values.yaml:7: warning: Deployment default/app-app: runAsNonRoot != true');
  });

  it('writes a vendored subchart\'s securityContext where helm reads its key: the root chart\'s values that override it, else its own', async () => {
    const template = podWithValuesSecurityContext('api', ['metadata:', '  name: {{ .Release.Name }}-api']);
    const chart = (rootValues: string) => ({
      'app/Chart.yaml': chartYaml('app'),
      'app/values.yaml': rootValues,
      'app/charts/api/Chart.yaml': chartYaml('api'),
      'app/charts/api/values.yaml': 'securityContext: {}\n',
      'app/charts/api/templates/pod.yaml': template,
    });
    const container = (indent: string) => ['securityContext:', '  allowPrivilegeEscalation: false', '  capabilities:', '    drop:', '      - ALL', '  runAsNonRoot: true', '  seccompProfile:', '    type: RuntimeDefault', ''].map((line) => (line === '' ? line : `${indent}${line}`)).join('\n');
    const fixes = (report: JsonReport) => [...new Set(report.findings.map((f) => JSON.stringify([f.file, f.line, f.fix?.startLine, f.fix?.replacement])))].map((f) => JSON.parse(f) as unknown);
    const overridden = await checkTree(chart('replicas: 1\napi:\n  securityContext: {}\n'), '--warn-level', 'restricted');
    expect(fixes(overridden.report)).toEqual([['app/values.yaml', 3, 3, container('  ')]]);
    const own = await checkTree(chart('replicas: 1\n'), '--warn-level', 'restricted');
    expect(fixes(own.report)).toEqual([['app/charts/api/values.yaml', 1, 1, container('')]]);
  });

  it('deletes the values line that sets a field the fix removes (`runAsUser: 0`), verified by rendering again', async () => {
    const restricted = 'allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}';
    const { report } = await checkTree({
      'charts/proxy/Chart.yaml': chartYaml('proxy'),
      // traefik's layout: the pod's securityContext is the values map, written whole with toYaml.
      'charts/proxy/values.yaml': 'podSecurityContext:\n  runAsNonRoot: true\n  runAsUser: 0   # bind port 80\n  runAsGroup: 1000\n',
      'charts/proxy/templates/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: proxy\nspec:\n  selector:\n    matchLabels: {app: proxy}\n  template:\n    metadata:\n      labels: {app: proxy}\n    spec:\n      securityContext:\n        {{- toYaml .Values.podSecurityContext | nindent 8 }}\n      containers:\n        - name: proxy\n          image: traefik:3\n          securityContext: {${restricted}}\n`,
    });
    expect(report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([['charts/proxy/values.yaml', 3, 'runAsUser', { startLine: 3, endLine: 3, replacement: '', attachable: false }]]);

    // prometheus-systemd-exporter's layout: the hostPort is the Service's port, so deleting the key would break the Service too:
    // the template's line that writes the hostPort goes instead.
    const shared = await checkTree({
      'charts/exporter/Chart.yaml': chartYaml('exporter'),
      'charts/exporter/values.yaml': 'service:\n  type: ClusterIP\n  port: 9558\n',
      'charts/exporter/templates/daemonset.yaml': `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: exporter\nspec:\n  selector:\n    matchLabels: {app: exporter}\n  template:\n    metadata:\n      labels: {app: exporter}\n    spec:\n      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n      containers:\n        - name: exporter\n          image: exporter:1\n          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n          ports:\n            - containerPort: 9558\n              hostPort: {{ .Values.service.port }}\n`,
      'charts/exporter/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: exporter\nspec:\n  ports:\n    - port: {{ .Values.service.port }}\n',
    });
    expect(shared.report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([
      ['charts/exporter/templates/daemonset.yaml', 19, 'hostPorts', { startLine: 19, endLine: 19, replacement: '', attachable: false }],
    ]);
    // A values key that only the hostPort reads: its own line goes, as a chart's users edit its values, not its templates.
    const own = await checkTree({
      'charts/exporter/Chart.yaml': chartYaml('exporter'),
      'charts/exporter/values.yaml': 'service:\n  type: ClusterIP\n  port: 9558\nhostPort: 9558\n',
      'charts/exporter/templates/daemonset.yaml': `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: exporter\nspec:\n  selector:\n    matchLabels: {app: exporter}\n  template:\n    metadata:\n      labels: {app: exporter}\n    spec:\n      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n      containers:\n        - name: exporter\n          image: exporter:1\n          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n          ports:\n            - containerPort: 9558\n              hostPort: {{ .Values.hostPort }}\n`,
      'charts/exporter/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: exporter\nspec:\n  ports:\n    - port: {{ .Values.service.port }}\n',
    });
    expect(own.report.findings.map((f) => [f.file, f.line, f.check, f.fix])).toEqual([['charts/exporter/values.yaml', 4, 'hostPorts', { startLine: 4, endLine: 4, replacement: '', attachable: false }]]);
  });

  it('places a list item a template writes in a flow sequence on its line, and deletes the line when the fix takes the list away (csi-driver-nfs)', async () => {
    const { report } = await checkTree({
      'charts/nfs/Chart.yaml': chartYaml('nfs'),
      'charts/nfs/values.yaml': 'image: nfs:1\n',
      'charts/nfs/templates/daemonset.yaml': workloadTemplate('DaemonSet', 'nfs', [
        '      containers:',
        '        - name: nfs',
        '          image: {{ .Values.image }}',
        '          securityContext:',
        '            capabilities:',
        '              add: ["SYS_ADMIN"]',
        '              drop:',
        '              - ALL',
      ]),
    });
    expect(report.findings.filter((f) => f.check === 'capabilities_baseline').map((f) => [f.file, f.line, f.rendered?.exact, f.fix?.replacement ?? null])).toEqual([
      ['charts/nfs/templates/daemonset.yaml', 17, true, ''],
    ]);
  });

  it('reads template actions in a rendering as the data they are (a chart that ships a template in an annotation)', async () => {
    const pod = (sidecar: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: injector\n  annotations:\n    sidecar: ${sidecar}\nspec:\n  containers: [{name: app, image: nginx}]\n`;
    const { report } = await checkTree(
      {
        'charts/mesh/Chart.yaml': chartYaml('mesh'),
        // Helm writes the inner action out as text: the rendered Pod holds `{{ .Values.image }}` as data.
        'charts/mesh/templates/injector.yaml': pod('{{ "{{ .Values.image }}" | quote }}'),
        // The same Pod as a plain file is a template: nothing renders it here, and rendered it could differ.
        'deploy/injector.yaml': pod('"{{ .Values.image }}"'),
        // A ConfigMap's actions cannot make a pod, however they are rendered: it is checked as written.
        'deploy/templates.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: templates\ndata:\n  sidecar: "{{ .Values.image }}"\n',
      },
      '--allow-empty',
    );
    expect(report.errors.map((e) => [e.file, e.kind])).toEqual([['deploy/injector.yaml', 'template']]);
  });
});

describe.skipIf(!haveHelm())(`fix renders the charts under its paths ${haveHelm() ? '' : missingTool('helm')}`, () => {
  /** `fix ARGS .` on a copy of the helm-values fixture's head, and its values.yaml afterwards. */
  async function fixChart(...args: string[]): Promise<{ status: number; stdout: string; stderr: string; values: string }> {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-fix-'));
    try {
      cpSync(path.join(fixturesDir, 'render', 'helm-values', 'head'), cwd, { recursive: true });
      let stdout = '';
      let stderr = '';
      const status = await runCli(['fix', '--warn-level', 'privileged', ...args, '.'], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      return { status, stdout, stderr, values: readFileSync(path.join(cwd, 'charts/web/values.yaml'), 'utf8') };
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }

  it('fixes a chart written with CRLF line ends in its template and values, and leaves them CRLF throughout', async () => {
    const crlf = (lines: readonly string[]) => `${lines.join('\r\n')}\r\n`;
    const files = {
      'charts/exporter/Chart.yaml': 'apiVersion: v2\nname: exporter\nversion: 0.1.0\n',
      'charts/exporter/values.yaml': crlf(['image: exporter:1', 'replicas: 1']),
      // prometheus-rabbitmq-exporter's container map: its `drop: ["all"]`, a literal of the template, and no pod map.
      'charts/exporter/templates/deployment.yaml': crlf([
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: exporter',
        'spec:',
        '  selector:',
        '    matchLabels: {app: exporter}',
        '  template:',
        '    metadata:',
        '      labels: {app: exporter}',
        '    spec:',
        '      containers:',
        '        - name: exporter',
        '          image: {{ .Values.image }}',
        '          securityContext:',
        '            allowPrivilegeEscalation: false',
        '            capabilities:',
        '              drop: ["all"]',
        '            runAsNonRoot: true',
      ]),
    };
    const { status, template } = await inTree(files, async (cwd) => {
      const code = await runCli(['fix', '--level', 'restricted', '.'], { cwd, stdout: () => undefined, stderr: () => undefined });
      return { status: code, template: readFileSync(path.join(cwd, 'charts/exporter/templates/deployment.yaml'), 'utf8') };
    });
    expect(status).toBe(0);
    // The pod's map under `spec:` and the capability spelled ALL, each line ending CRLF, no lone CR.
    expect(template).toBe(
      files['charts/exporter/templates/deployment.yaml']
        .replace('    spec:\r\n', '    spec:\r\n      securityContext:\r\n        seccompProfile:\r\n          type: RuntimeDefault\r\n')
        .replace('drop: ["all"]', 'drop: ["ALL"]'),
    );
  });

  it("applies the fix of an Argo CD Application's `valuesObject` to the Application, in a clone of its repository", async () => {
    const head = path.join(fixturesDir, 'render', 'helm-application', 'head');
    const files = Object.fromEntries(['apps/web-prod.yaml', 'charts/web/Chart.yaml', 'charts/web/values.yaml', 'charts/web/templates/deployment.yaml'].map((file) => [file, readFileSync(path.join(head, file), 'utf8')]));
    const { status, application } = await inTree(files, async (cwd) => {
      execFileSync('git', ['init', '-q'], { cwd });
      execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop.git'], { cwd });
      const code = await runCli(['fix', '--warn-level', 'privileged', '.'], { cwd, stdout: () => undefined, stderr: () => undefined });
      return { status: code, application: readFileSync(path.join(cwd, 'apps/web-prod.yaml'), 'utf8') };
    });
    expect(status).toBe(0);
    expect(application).toBe(files['apps/web-prod.yaml']!.replace('hostNetwork: true', 'hostNetwork: false'));
  });

  it("applies a fix in a chart's named template (`_pod.tpl`, which no manifest search reads) and renders the chart again with it", async () => {
    const chart = {
      'web/Chart.yaml': chartYaml('web'),
      'web/values.yaml': 'image: web:1\n',
      'web/templates/_pod.tpl': ['{{- define "web.pod" -}}', 'containers:', '  - name: web', '    image: {{ .Values.image }}', '    securityContext:', '      privileged: true', '{{- end }}', ''].join('\n'),
      'web/templates/pod.yaml': ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  {{- include "web.pod" . | nindent 2 }}', ''].join('\n'),
    };
    const { status, stdout, template } = await inTree(chart, async (cwd) => {
      let out = '';
      const code = await runCli(['fix', '--warn-level', 'baseline', 'web'], { cwd, stdout: (t) => (out += t), stderr: (t) => (out += t) });
      return { status: code, stdout: out, template: readFileSync(path.join(cwd, 'web/templates/_pod.tpl'), 'utf8') };
    });
    expect(template).toBe(chart['web/templates/_pod.tpl'].replace('privileged: true', 'privileged: false'));
    // Nothing else is said: the template is never read as a manifest of its own.
    expect(stdout.trimEnd().split('\n')).toEqual([
      'baseline:latest (warn baseline:latest): 1 pod spec checked, 0 violating (0 blocking findings, 0 warnings)',
      'web/templates/_pod.tpl: caution: the container loses device and kernel access.',
      'fixed 1 finding in 1 file: web/templates/_pod.tpl',
    ]);
    expect(status).toBe(0);
  });

  it("fixes a template's literal line that ends in a comment, keeping the comment (Helm renders it too)", async () => {
    const chart = {
      'web/Chart.yaml': chartYaml('web'),
      'web/values.yaml': 'image: web:1\n',
      'web/templates/pod.yaml': ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  hostNetwork: true # the agent reads the node', '  containers:', '    - name: web', '      image: {{ .Values.image }}', ''].join('\n'),
    };
    const { status, template } = await inTree(chart, async (cwd) => {
      const code = await runCli(['fix', '--warn-level', 'baseline', 'web'], { cwd, stdout: () => undefined, stderr: () => undefined });
      return { status: code, template: readFileSync(path.join(cwd, 'web/templates/pod.yaml'), 'utf8') };
    });
    expect(template).toBe(chart['web/templates/pod.yaml'].replace('hostNetwork: true', 'hostNetwork: false'));
    expect(status).toBe(0);
  });

  it("sets the values key a chart both tests and writes a field from (dapr's global.seccompProfile, a helper's seccompProfile.type), not a template", async () => {
    const restrictedBut = (field: string) => ['      securityContext:', '        allowPrivilegeEscalation: false', '        runAsNonRoot: true', '        capabilities:', '          drop: [ALL]', field].join('\n');
    const pod = (name: string, field: string) => ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, 'spec:', '  containers:', `    - name: ${name}`, `      image: ${name}:1`, restrictedBut(field), ''].join('\n');
    const global = ['  {{- if .Values.global.seccompProfile }}', '        seccompProfile:', '          type: {{ .Values.global.seccompProfile }}', '  {{- end }}'].join('\n');
    const helper = ['{{- define "web.seccomp" -}}', '{{- if and .Values.seccompProfile .Values.seccompProfile.type }}', 'seccompProfile:', '  type: {{ .Values.seccompProfile.type | quote }}', '{{- end }}', '{{- end }}', ''].join('\n');
    const charts = {
      // Two subcharts read the parent's global key: one line fixes both.
      'cp/Chart.yaml': chartYaml('cp'),
      'cp/values.yaml': 'global:\n  seccompProfile: ""\n',
      'cp/charts/operator/Chart.yaml': chartYaml('operator'),
      'cp/charts/operator/templates/pod.yaml': pod('operator', global),
      'cp/charts/sentry/Chart.yaml': chartYaml('sentry'),
      'cp/charts/sentry/templates/pod.yaml': pod('sentry', global),
      'web/Chart.yaml': chartYaml('web'),
      'web/values.yaml': 'seccompProfile:\n  type: ""\n',
      'web/templates/_helpers.tpl': helper,
      'web/templates/pod.yaml': pod('web', '        {{- include "web.seccomp" . | nindent 8 }}'),
    };
    const { status, stdout, files } = await inTree(charts, async (cwd) => {
      let out = '';
      const code = await runCli(['fix', 'cp', 'web'], { cwd, stdout: (t) => (out += t), stderr: (t) => (out += t) });
      return { status: code, stdout: out, files: Object.fromEntries(Object.keys(charts).map((file) => [file, readFileSync(path.join(cwd, file), 'utf8')])) };
    });
    expect(files).toEqual({ ...charts, 'cp/values.yaml': 'global:\n  seccompProfile: "RuntimeDefault"\n', 'web/values.yaml': 'seccompProfile:\n  type: "RuntimeDefault"\n' });
    expect(stdout).toContain('3 pod specs checked, 0 violating (0 blocking findings, 0 warnings)');
    expect(status).toBe(0);
  });

  it("fixes per-element values that a template reads through `index` in a range (temporal's services), each object at its own key", async () => {
    const template = [
      '{{- range $service := (list "frontend" "history") }}',
      '{{- $values := index $.Values.server $service }}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: {{ $.Release.Name }}-{{ $service }}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: app:1',
      '      {{- with $values.containerSecurityContext }}',
      '      securityContext:',
      '        {{- toYaml . | nindent 8 }}',
      '      {{- end }}',
      '{{- end }}',
      '',
    ].join('\n');
    const values = 'server:\n  frontend:\n    containerSecurityContext: {}\n  history:\n    containerSecurityContext: {}\n';
    const chart = { 'web/Chart.yaml': chartYaml('web'), 'web/values.yaml': values, 'web/templates/pods.yaml': template };
    const { status, stdout, written } = await inTree(chart, async (cwd) => {
      let out = '';
      const code = await runCli(['fix', '--level', 'baseline', '--warn-level', 'restricted', '--only', 'allowPrivilegeEscalation,capabilities_restricted', 'web'], { cwd, stdout: (t) => (out += t), stderr: (t) => (out += t) });
      return { status: code, stdout: out, written: readFileSync(path.join(cwd, 'web/values.yaml'), 'utf8') };
    });
    const fixed = '    containerSecurityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n          - ALL\n';
    expect(written).toBe(`server:\n  frontend:\n${fixed}  history:\n${fixed}`);
    expect(stdout).toContain('fixed 4 findings in 1 file: web/values.yaml');
    expect(status).toBe(0);
    // A `range` over the values map itself, its element a variable of the range: the same.
    const ranged = template.replace('{{- range $service := (list "frontend" "history") }}\n{{- $values := index $.Values.server $service }}', '{{- range $service, $values := .Values.server }}');
    const again = await inTree({ ...chart, 'web/templates/pods.yaml': ranged }, async (cwd) => {
      await runCli(['fix', '--level', 'baseline', '--warn-level', 'restricted', '--only', 'allowPrivilegeEscalation,capabilities_restricted', 'web'], { cwd, stdout: () => undefined, stderr: () => undefined });
      return readFileSync(path.join(cwd, 'web/values.yaml'), 'utf8');
    });
    expect(again).toBe(written);
    // A pull request that sets the same value for both: each object's finding on its own element's line, not on the template.
    const privileged = 'server:\n  frontend:\n    containerSecurityContext: {privileged: true}\n  history:\n    containerSecurityContext: {privileged: true}\n';
    const report = await inRepo(chart, { ...chart, 'web/values.yaml': privileged }, (repo) => diffIn(repo));
    expect(report.findings.filter((f) => f.check === 'privileged').map((f) => [f.name, f.file, f.line])).toEqual([
      ['web-frontend', 'web/values.yaml', 3],
      ['web-history', 'web/values.yaml', 5],
    ]);
    // So in the text report of a check, with no fix to place them and no change to say which line: on the element each
    // object is named by (the two elements hold the same value), not on the chart's Chart.yaml.
    const text = await inTree({ ...chart, 'web/values.yaml': privileged }, async (cwd) => {
      let out = '';
      await runCli(['check', '--level', 'baseline', '--warn-level', 'baseline', 'web'], { cwd, stdout: (t) => (out += t), stderr: () => undefined });
      return out;
    });
    expect(text).toMatch(/^web\/values\.yaml:3: error: Pod default\/web-frontend: privileged /m);
    expect(text).toMatch(/^web\/values\.yaml:5: error: Pod default\/web-history: privileged /m);
  });

  it('applies a values fix in several places, given as a diff, all together', async () => {
    const { status, stdout, values } = await inTree(farApartChart, async (cwd) => {
      let out = '';
      const code = await runCli(['fix', '.'], { cwd, stdout: (t) => (out += t), stderr: () => undefined });
      return { status: code, stdout: out, values: readFileSync(path.join(cwd, 'web/values.yaml'), 'utf8') };
    });
    expect(status).toBe(0);
    expect(values.startsWith('securityContext:\n  allowPrivilegeEscalation: false\n')).toBe(true);
    expect(values).toContain('reload:\n  securityContext:\n    allowPrivilegeEscalation: false\n');
    // Rendered again after the fix: the restricted checks of both containers pass.
    expect(stdout).toContain('1 pod spec checked, 0 violating (0 blocking findings, 0 warnings)');
  });

  it("applies the review's verified edit of a values line, and checks the chart rendered again", async () => {
    const { status, stdout, values } = await fixChart();
    expect(status).toBe(0);
    expect(values).toContain('\nhostNetwork: false\n');
    expect(values.replace('hostNetwork: false', 'hostNetwork: true')).toBe(readFileSync(path.join(fixturesDir, 'render/helm-values/head/charts/web/values.yaml'), 'utf8'));
    // Rendered again after the fix: nothing is left, and no template is read as a manifest.
    expect(stdout).toContain('baseline:latest (warn privileged:latest): 1 pod spec checked, 0 violating');
    expect(stdout).not.toContain('template');
    expect(stdout).toContain('fixed 1 finding in 1 file: charts/web/values.yaml');
  });

  it('--dry-run renders the fixed values without writing them, and prints their diff', async () => {
    const { status, stdout, stderr, values } = await fixChart('--dry-run');
    expect(status).toBe(0);
    expect(values).toContain('\nhostNetwork: true\n');
    expect(stdout).toContain('--- a/charts/web/values.yaml\n+++ b/charts/web/values.yaml\n');
    expect(stdout).toContain('-hostNetwork: true\n+hostNetwork: false\n');
    expect(stderr).toContain('1 pod spec checked, 0 violating');
    expect(stderr).toContain('would fix 1 finding in 1 file: charts/web/values.yaml');
    // Nothing is left, so no line numbers to explain.
    expect(stderr).not.toContain('what is left');
  });

  it('--only and --skip choose among the charts\' fixes too', async () => {
    const { status, stdout, values } = await fixChart('--only', 'hostPorts');
    expect(status).toBe(1);
    expect(values).toContain('\nhostNetwork: true\n');
    expect(stdout).toContain('charts/web/values.yaml:9: not fixed [hostNamespaces]: left out by --only/--skip');
    expect((await fixChart('--skip', 'hostPorts')).values).toContain('\nhostNetwork: false\n');
  });

  it('writes a securityContext the template takes from values into values.yaml, in its layout', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-fix-values-'));
    try {
      cpSync(path.join(fixturesDir, 'render', 'helm-scaffold', 'head'), cwd, { recursive: true });
      let stdout = '';
      const status = await runCli(['fix', '--warn-level', 'restricted', '.'], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
      expect(status).toBe(0);
      expect(readFileSync(path.join(cwd, 'charts/app/values.yaml'), 'utf8')).toBe(
        [
          '# Values of the app chart, laid out as `helm create` lays them out.',
          'image: ghcr.io/acme/app:1.0',
          '',
          'podSecurityContext:',
          '  runAsNonRoot: true',
          '  seccompProfile:',
          '    type: RuntimeDefault',
          '  # fsGroup: 2000',
          '',
          'securityContext:',
          '  allowPrivilegeEscalation: false',
          '  capabilities:',
          '    drop:',
          '      - ALL',
          '  # readOnlyRootFilesystem: true',
          '',
        ].join('\n'),
      );
      expect(stdout).toContain('1 pod spec checked, 0 violating');
      expect(stdout).toContain('fixed 4 findings in 1 file: charts/app/values.yaml');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  describe('a chart that merges its defaults under .Values from a template (istio)', () => {
    // istio's charts keep every default under `_internal_defaults_do_not_set` and merge it into `.Values` in
    // `zzz_profile.yaml`; the gateway's pod securityContext writes its sysctls only when the values set none.
    const chart = {
      'gw/Chart.yaml': chartYaml('gw'),
      'gw/values.yaml': ['_internal_defaults_do_not_set:', '  useAppArmorAnnotation: true', '  securityContext: {}', '  containerSecurityContext:', '    privileged: true', ''].join('\n'),
      'gw/templates/zzz_profile.yaml': [
        '{{- $defaults := $.Values._internal_defaults_do_not_set }}',
        '{{- $_ := unset $.Values "_internal_defaults_do_not_set" }}',
        '{{- $b := set $ "Values" (mustMergeOverwrite $defaults $.Values) }}',
        '',
      ].join('\n'),
      'gw/templates/deployment.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: gw',
        'spec:',
        '  selector:',
        '    matchLabels: {app: gw}',
        '  template:',
        '    metadata:',
        '      labels: {app: gw}',
        '      annotations:',
        '        {{- if .Values.useAppArmorAnnotation }}',
        '        container.apparmor.security.beta.kubernetes.io/gw: unconfined',
        '        {{- end }}',
        '    spec:',
        '      securityContext:',
        '      {{- if .Values.securityContext }}',
        '        {{- toYaml .Values.securityContext | nindent 8 }}',
        '      {{- else }}',
        '        sysctls:',
        '        - name: net.ipv4.ip_unprivileged_port_start',
        '          value: "0"',
        '      {{- end }}',
        '      containers:',
        '        - name: gw',
        '          image: gw:1',
        '          securityContext:',
        '            {{- toYaml .Values.containerSecurityContext | nindent 12 }}',
        '',
      ].join('\n'),
    };

    it('places each finding on the line that writes it: the template branch the merged values take, the key under the defaults', async () => {
      const report = await inTree(chart, async (cwd) => {
        let stdout = '';
        await runCli(['check', '.', '--format', 'json', '--warn-level', 'baseline'], { cwd, stdout: (t) => (stdout += t), stderr: () => undefined });
        return JSON.parse(stdout) as JsonReport;
      });
      expect(report.findings.map((f) => [f.file, f.line, f.check, f.rendered?.exact])).toEqual([
        ['gw/templates/deployment.yaml', 13, 'appArmorProfile', true],
        ['gw/values.yaml', 5, 'privileged', true],
      ]);
    });

    it("writes the fix in the defaults, the pod's fields in the container's map: a pod map set in values would take the sysctls away", async () => {
      const { stdout, values } = await inTree(chart, async (cwd) => {
        let out = '';
        await runCli(['fix', '--warn-level', 'restricted', 'gw'], { cwd, stdout: (t) => (out += t), stderr: () => undefined });
        return { stdout: out, values: readFileSync(path.join(cwd, 'gw/values.yaml'), 'utf8') };
      });
      const container = ['    privileged: false', '    allowPrivilegeEscalation: false', '    capabilities:', '      drop:', '        - ALL', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault', ''];
      expect(values).toBe(chart['gw/values.yaml'].replace('    privileged: true\n', container.join('\n')));
      // Rendered again: nothing fails, and the sysctls are still there (the pod's map is the template's own).
      expect(stdout).toContain('1 pod spec checked, 0 violating');
    });
  });

  it('writes the fix in the values map of the branch the values take, keeping the fields it renders (keda)', async () => {
    const chart = {
      'keda/Chart.yaml': chartYaml('keda'),
      'keda/values.yaml': ['podSecurityContext:', '  fsGroup: 1000', '  # operator:', '    # runAsNonRoot: true', ''].join('\n'),
      'keda/templates/deployment.yaml': workloadTemplate('Deployment', 'operator', [
        '      {{- if .Values.podSecurityContext.operator }}',
        '      securityContext:',
        '      {{- toYaml .Values.podSecurityContext.operator | nindent 8 }}',
        '      {{- else }}',
        '      securityContext:',
        '      {{- toYaml .Values.podSecurityContext | nindent 8 }}',
        '      {{- end }}',
        '      containers:',
        '        - name: operator',
        '          image: operator:1',
        '          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
      ]),
    };
    const values = await inTree(chart, async (cwd) => {
      await runCli(['fix', '--warn-level', 'restricted', 'keda'], { cwd, stdout: () => undefined, stderr: () => undefined });
      return readFileSync(path.join(cwd, 'keda/values.yaml'), 'utf8');
    });
    expect(values).toBe(chart['keda/values.yaml'].replace('  fsGroup: 1000\n', '  fsGroup: 1000\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n'));
  });

  it('--render off reads the templates as files, as before: nothing to fix, each a template', async () => {
    const { stdout, values } = await fixChart('--render', 'off');
    expect(values).toContain('\nhostNetwork: true\n');
    expect(stdout).toContain('charts/web/templates/deployment.yaml');
    expect(stdout).toContain('looks like a Go/Helm template');
    expect(stdout).toContain('fixed 0 findings in 0 files');
  });
});
