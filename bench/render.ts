/**
 * The rendering stage's cost, per root, beside its evaluation cost: a
 * generated repository with a shared Kustomize base used by several
 * overlays and a Helm chart, whose head revision changes the base and the
 * chart's values. Each root is rendered at base and head with the real
 * tools (render: base + head, trees written from git included), then its
 * rendered pod specs are evaluated and mapped back to their sources
 * (evaluate: scope with fixes, mapping), both in this process; then the
 * suggestions mapped there are verified by rendering the root again with
 * each (verify: as many renderings as the stage needs, counted).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { policyContext } from '../src/findings/policyContext.js';
import { gitRenderPort } from '../src/io/render/git.js';
import { discoverRoots } from '../src/render/discover.js';
import { mapRenderedReport } from '../src/render/mapReport.js';
import { placingPort, planRenderedChangeSet } from '../src/render/stage.js';
import type { RenderPort } from '../src/render/types.js';
import { verifySuggestions } from '../src/render/verify.js';
import { evaluateChangeSet } from '../src/scope/scope.js';
import type { Skipped } from './report.js';
import { summarize } from './stats.js';
import type { Summary } from './stats.js';

export interface RenderRootMeasure {
  readonly tool: string;
  readonly root: string;
  readonly renderedBytes: number;
  readonly podSpecs: number;
  readonly findings: number;
  /** Both sides rendered, with their trees written from git (ms). */
  readonly render: Summary;
  /** Scope (with fixes) and the mapping to sources (ms). */
  readonly evaluate: Summary;
  /** The verification of the suggestions mapped to sources, renderings included (ms). */
  readonly verify: Summary;
  /** How many renderings one verification took. */
  readonly verifyRenders: number;
  /** Findings with a verified suggestion. */
  readonly fixed: number;
}

export interface RenderEntry {
  readonly status: 'measured';
  readonly roots: readonly RenderRootMeasure[];
  /** Roots not measured, with why (a tool missing). */
  readonly skipped: readonly string[];
}

function deployment(name: string, extra: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
${extra}      containers:
        - name: app
          image: registry.example/${name}:1.0
          securityContext:
            allowPrivilegeEscalation: false
`;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** base/ with `workloads` Deployments, `overlays` overlays over it, and a chart with `workloads` Deployments. */
function generate(dir: string, workloads: number, overlays: number): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  const baseFiles = (hostPID: boolean) => {
    const files: Record<string, string> = { 'base/kustomization.yaml': `resources:\n${Array.from({ length: workloads }, (_, i) => `  - app-${i}.yaml\n`).join('')}` };
    for (let i = 0; i < workloads; i++) files[`base/app-${i}.yaml`] = deployment(`app-${i}`, hostPID && i === 0 ? '      hostPID: true\n' : '');
    return files;
  };
  const chart = (hostNetwork: boolean) => ({
    'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
    'charts/web/values.yaml': `hostNetwork: ${hostNetwork}\nreplicas: 2\n`,
    ...Object.fromEntries(
      Array.from({ length: workloads }, (_, i) => [`charts/web/templates/web-${i}.yaml`, deployment(`web-${i}`, '      hostNetwork: {{ .Values.hostNetwork }}\n').replace('name: web-', 'name: {{ .Release.Name }}-')]),
    ),
  });
  mkdirSync(dir, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'user.name', 'bench');
  write(dir, { ...baseFiles(false), ...chart(false) });
  for (let o = 0; o < overlays; o++) write(dir, { [`overlays/env-${o}/kustomization.yaml`]: `namePrefix: env-${o}-\nnamespace: env-${o}\nresources:\n  - ../../base\n` });
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  write(dir, { ...baseFiles(true), ...chart(true) });
  git('commit', '-q', '-am', 'head');
}

/** helm from PATH, else from where .ci/run caches it. */
function withCachedHelm(): void {
  if (spawnSync('helm', ['version'], { stdio: 'ignore' }).status === 0) return;
  const bin = path.join(process.env.PSR_HELM_DIR ?? path.join(homedir(), '.cache/pod-security-review/helm'), 'bin');
  if (existsSync(path.join(bin, 'helm'))) process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
}

export async function measureRender(work: string, options: { workloads: number; overlays: number; runs: number; today: string }, progress: (m: string) => void): Promise<RenderEntry | Skipped> {
  withCachedHelm();
  const dir = path.join(work, 'render-repo');
  generate(dir, options.workloads, options.overlays);
  const tools = await gitRenderPort(dir, 'main~1', 'main', 4 * 1024 * 1024);
  if (tools === null) return { status: 'failed', reason: 'the generated repository could not be read' };
  // As the stage renders: Helm's output placed in its release namespace (part of the render's cost).
  const port = placingPort(tools);
  const changed = ['base/app-0.yaml', 'charts/web/values.yaml'];
  const policy = policyContext(options.today);
  const roots: RenderRootMeasure[] = [];
  const skipped: string[] = [];
  for (const root of discoverRoots(port.head, port.base, changed).roots) {
    const renderMs: number[] = [];
    const evaluateMs: number[] = [];
    const verifyMs: number[] = [];
    let rendered = null;
    for (let run = 0; run < options.runs; run++) {
      let start = performance.now();
      [rendered] = await port.render([root]);
      renderMs.push(performance.now() - start);
      if (rendered!.head.kind !== 'rendered') break;
      start = performance.now();
      const plan = planRenderedChangeSet({ files: [] }, new Set(), [rendered!]);
      const report = evaluateChangeSet(plan.changeSet, { policy, fixes: true });
      const mapped = mapRenderedReport(report, plan.renderings, { files: [] }, port.head.paths);
      evaluateMs.push(performance.now() - start);
      let renders = 0;
      const counting: RenderPort = {
        head: port.head,
        base: port.base,
        render: (roots) => port.render(roots),
        renderEdited: (edited, edits) => {
          renders++;
          return port.renderEdited(edited, edits);
        },
      };
      start = performance.now();
      const verified = await verifySuggestions(mapped, counting, policy);
      verifyMs.push(performance.now() - start);
      if (run === options.runs - 1) {
        roots.push({
          tool: root.tool,
          root: root.label,
          renderedBytes: Buffer.byteLength(rendered!.head.text),
          podSpecs: mapped.report.podSpecs.length,
          findings: mapped.report.findings.length,
          render: summarize(renderMs),
          evaluate: summarize(evaluateMs),
          verify: summarize(verifyMs),
          verifyRenders: renders,
          fixed: verified.findings.filter((f) => f.fix !== null).length,
        });
      }
    }
    if (rendered?.head.kind === 'missing-tool') skipped.push(`${root.label}: ${rendered.head.tool} not found`);
    else if (rendered?.head.kind === 'failed') skipped.push(`${root.label}: ${rendered.head.message.split('\n')[0] ?? ''}`);
    progress(`render: ${root.label} measured`);
  }
  return { status: 'measured', roots, skipped };
}
