/**
 * The rendering tools, run on a tree written to a temporary folder:
 * `kustomize build` (or `kubectl kustomize`) with its safe defaults (files
 * only under the root, no plugins, no exec functions, no Helm inflation
 * unless the config turns it on),
 * and `helm template` with private, empty Helm homes (no repositories, no
 * plugins) and no cluster, so `lookup` finds nothing.
 */
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ciValuesOf, ciYamlOf, exampleCiValues, valuesTemplate } from '../../render/discover.js';
import { dirOf, inDir, joinPath, shownDir } from '../../render/paths.js';
import type { Capabilities, RenderOutput, RenderRoot } from '../../render/types.js';
import { runTool, toolEnvironment } from './process.js';
import type { LimitHit, ToolLimits, ToolResult } from './process.js';
import { inRepositoryTerms, readableStderr } from './toolStderr.js';

interface Command {
  readonly command: string;
  readonly args: readonly string[];
}

/** What to do when a limit stopped a tool: the config key that raises it. */
const raise: Record<LimitHit, string> = {
  timeout: 'raise `render.timeout` (seconds) in the config file if it needs longer',
  output: 'raise `render.max-output-size` (bytes) in the config file if it is meant to be that large',
};

function shown(command: Command): string {
  return [command.command, ...command.args].map((a) => (/^[\w./:=@-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

/** `kustomize build`, else `kubectl kustomize`; with Helm inflation, through the helm found on PATH. */
export function kustomizeCommands(dir: string, helm: string | null): Command[] {
  const target = shownDir(dir);
  const inflate = helm === null ? [] : ['--enable-helm', '--helm-command', helm];
  return [
    { command: 'kustomize', args: ['build', ...inflate, target] },
    { command: 'kubectl', args: ['kustomize', ...inflate, target] },
  ];
}

/** An executable's path on PATH, or null. */
async function onPath(name: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** kustomize before v5.8.1 checks for helm v3 and refuses v4; say what to do rather than leave its words alone. */
function helmVersionHint(stderr: string): string | null {
  return /requires helm V3|helm version -c --short/i.test(stderr) ? 'kustomize before v5.8.1, as bundled with kubectl, cannot run helm v4: put kustomize v5.8.1 or later on PATH' : null;
}

/** How helm says a template failed as it ran on a value (a nil one, one of the wrong type). */
const runFailure = /wrong type for value|nil pointer evaluating|can't evaluate field|of untyped nil/;

/** The operand helm names where a template failed as it ran (`at <.Values.redis.auth.enabled>:`). */
const failedOperand = new RegExp(`\\bat <([^>\\n]*)>:\\s*(?:${runFailure.source})`);

/**
 * A chart whose templates stop on a value its values.yaml leaves out (`required`, `fail`: helm's "execution
 * error"): its rendering is only ever meant to run with values of the user's, which the config file names.
 * A chart that keeps test values in `ci/` (chart-testing's convention) is named one of them, also when
 * its templates fail otherwise as they run on its values.yaml.
 */
function chartValuesHint(root: RenderRoot, stderr: string): string | null {
  // A template's `required`/`fail`, or the chart's values.schema.json refusing its own defaults (external-dns: `policy`).
  const needsValues = /execution error at|values don't meet the specifications of the schema/i.test(stderr);
  // Another failure of a template as it runs on a value (temporal's `wrong type for value`, reading a store its
  // values.yaml leaves out; a nil one) says as much only when the chart keeps test values: they are how its
  // authors render it. A template it lacks (jaeger's `common.*` helpers, from a dependency not vendored) is no value's.
  const failedRunning = /\bexecuting "/.test(stderr) && runFailure.test(stderr) && !/no template "/.test(stderr);
  if (!needsValues && (!failedRunning || onMissingDependencyValues(root, stderr))) return null;
  const configFile = 'name a values file for it under `render.charts` in the config file, .github/pod-security.yaml';
  // A chart whose values.yaml a build step writes (envoy gateway's, from values.tmpl.yaml by envsubst) renders on no values at all.
  // (A chart with no values.yaml that stops on a value it requires is one meant to run on the user's values, as above.)
  if (!root.sources.includes(inDir(root.dir, 'values.yaml'))) {
    const template = root.sources.find((file) => dirOf(file) === root.dir && valuesTemplate.test(file));
    const from = template === undefined ? '' : ` (from \`${template.slice(inDir(root.dir, '').length)}\`?)`;
    if (template !== undefined || !needsValues) return `the chart has no values.yaml: if a build step writes it${from}, ${configFile}, or leave the chart out (\`exclude\`)`;
  }
  const hint = needsValues ? `the chart needs values its values.yaml does not set: ${configFile}` : `the chart does not render with its values.yaml alone: ${configFile}`;
  const ci = ciValuesOf(root.dir, root.sources).filter((file) => !root.helm?.valuesFiles.includes(file));
  if (ci.length === 0) {
    // A test folder of another layout (aws-load-balancer-controller's `ci/values.yaml`): named, not rendered with ci-values.
    const test = exampleCiValues(ciYamlOf(root.dir, root.sources));
    if (test === undefined) return needsValues ? hint : null;
    return `${hint}; its test values, say: \`values: [${test}]\``;
  }
  const first = exampleCiValues(ci);
  const more = ci.length > 1 ? `, with \`ci-values: true\` to render it once more with each of its ${ci.length} ci/*-values.yaml files` : '';
  return `${hint}; its test values, say: \`values: [${first}]\`${more}`;
}

/**
 * Whether a template stopped on the values of a dependency not vendored:
 * its own values.yaml would have given them (kube-prometheus-stack's
 * `(index .Values "prometheus-node-exporter").kubeRBACProxy.enabled`, which
 * helm reports `at <"prometheus-node-exporter">`; or `at
 * <.Values.redis.auth.enabled>`). Then the missing dependency is why, not
 * values the user should give.
 */
function onMissingDependencyValues(root: RenderRoot, stderr: string): boolean {
  const operand = failedOperand.exec(stderr)?.[1];
  if (operand === undefined) return false;
  const keys = (root.renderedWithout ?? []).flatMap((dependency) => dependency.keys);
  return keys.some((key) => operand === JSON.stringify(key) || operand === `.Values.${key}` || operand.startsWith(`.Values.${key}.`));
}

/**
 * An overlay whose kustomization names a file the repository lacks: often one a build step writes
 * (ingress-nginx's `common/manifest.yaml`, rendered by `helm template` in its release script). One the
 * repository holds was not written for the rendering because it is over the file size limit.
 */
function missingFileHint(root: RenderRoot, stderr: string): string | null {
  const missing = /lstat (\S+): no such file or directory/.exec(stderr)?.[1];
  if (missing === undefined) return null;
  // Above the tree's root (inRepositoryTerms): `check` renders the files under its working directory.
  if (missing.startsWith('../')) {
    return `\`${missing}\` lies above the folder rendered (\`check\`'s working directory; in a review, the repository): run \`check\` from a folder that holds it, or leave this overlay out (\`exclude\`)`;
  }
  // Named from the overlay's folder (kustomize's own), or from the repository's (a base's, inRepositoryTerms).
  if ([missing, joinPath(root.dir, missing)].some((path) => path !== null && root.sources.includes(path))) {
    return `\`${missing}\` is over the file size limit (\`max-file-size\`, 4 MiB by default), so it was not read for the rendering: raise the limit to check this overlay`;
  }
  return `\`${missing}\` is not in the repository: if a build step writes it, leave this overlay out (\`exclude\`)`;
}

/**
 * An overlay that names a file outside its folder (cluster-api's `../bases/cluster-with-kcp.yaml`): kustomize
 * refuses it by default, and its authors build it with `--load-restrictor LoadRestrictionsNone`, which would let
 * a kustomization read any file of the machine: it is never run so here.
 */
function outsideRootHint(stderr: string): string | null {
  const outside = /security; file '([^']+)' is not in or below '[^']+'/.exec(stderr)?.[1];
  return outside === undefined
    ? null
    : `kustomize refuses a file outside the overlay's folder (\`${outside}\`) unless built with \`--load-restrictor LoadRestrictionsNone\`, never used here (it lets a kustomization read any file of the machine): name that file's folder as a kustomization instead, or leave the overlay out (\`exclude\`)`;
}

/**
 * A `patches` list of file names (argocd-example-apps' kustomized-helm):
 * kustomize takes each entry as a map, and stops on the Go type it reads
 * into, which says nothing of what to write.
 */
function patchEntryHint(stderr: string): string | null {
  if (!/cannot unmarshal string into Go struct field Kustomization\.patches of type types\.Patch/.test(stderr)) return null;
  return 'each entry of `patches` is a map, `- path: FILE` or `- patch: |` with the patch inline; a bare file name was a `patchesStrategicMerge` entry';
}

/** The remote schema helm could not load for a chart's values.schema.json (`failing loading "https://…"`), or null. */
function remoteSchemaOf(stderr: string): string | null {
  return /failing loading "(https?:\/\/[^"#]+)/.exec(stderr)?.[1] ?? null;
}

/** What a failed render's stderr says to do, when it says something we know: a hint of its own tool. */
function hintFor(root: RenderRoot, stderr: string): string | null {
  if (root.tool === 'kustomize') return (root.inflateHelm ? helmVersionHint(stderr) : null) ?? outsideRootHint(stderr) ?? patchEntryHint(stderr) ?? missingFileHint(root, stderr);
  return chartValuesHint(root, stderr);
}

/** Where an Argo CD Application's inline values are written in a root's tree (renderer.ts): read after its values files, as Argo CD reads them. */
export const applicationValuesPath = '.pod-security-review/application-values.yaml';

function helmCommand(root: RenderRoot): Command {
  const helm = root.helm!;
  const valuesFiles = helm.application === undefined ? helm.valuesFiles : [...helm.valuesFiles, applicationValuesPath];
  return {
    command: 'helm',
    args: ['template', helm.release, shownDir(root.dir), '--namespace', helm.namespace, ...valuesFiles.flatMap((v) => ['--values', v]), ...capabilityArguments(helm.capabilities)],
  };
}

/** The capabilities an installer names, as helm template's arguments (as Argo CD and helmfile give them). */
function capabilityArguments(capabilities: Capabilities | undefined): string[] {
  if (capabilities === undefined) return [];
  const { kubeVersion, apiVersions } = capabilities;
  return [...apiVersions.flatMap((v) => ['--api-versions', v]), ...(kubeVersion === null ? [] : ['--kube-version', kubeVersion])];
}

async function runFirst(commands: readonly Command[], cwd: string, env: Record<string, string>, limits: ToolLimits, missing: Set<string>): Promise<{ command: Command; result: ToolResult } | null> {
  for (const command of commands) {
    if (missing.has(command.command)) continue;
    const result = await runTool(command.command, command.args, { cwd, env, limits });
    if (result.kind !== 'not-found') return { command, result };
    missing.add(command.command);
  }
  return null;
}

/**
 * Render one root in `treeDir` (the repository's files for it, at one
 * commit). `missing`: the commands found missing so far in this run, not
 * looked for again.
 */
export async function renderIn(root: RenderRoot, treeDir: string, missing: Set<string>): Promise<RenderOutput> {
  const home = path.join(treeDir, '.psr-home');
  await mkdir(home, { recursive: true });
  const env = toolEnvironment(home, {
    KUSTOMIZE_PLUGIN_HOME: path.join(home, 'kustomize-plugins'),
    HELM_CACHE_HOME: path.join(home, 'helm-cache'),
    HELM_CONFIG_HOME: path.join(home, 'helm-config'),
    HELM_DATA_HOME: path.join(home, 'helm-data'),
    HELM_PLUGINS: path.join(home, 'helm-plugins'),
    KUBECONFIG: path.join(home, 'no-kubeconfig'),
  });
  const helm = root.inflateHelm ? await onPath('helm') : null;
  if (root.inflateHelm && helm === null) return { kind: 'missing-tool', tool: 'helm (for its `helmCharts`)' };
  const commands = root.tool === 'kustomize' ? kustomizeCommands(root.dir, helm) : [helmCommand(root)];
  const ran = await runFirst(commands, treeDir, env, root.limits, missing);
  if (ran === null) return { kind: 'missing-tool', tool: root.tool === 'kustomize' ? 'kustomize (or kubectl)' : 'helm' };
  const { command, result } = ran;
  if (result.kind === 'ok') return { kind: 'rendered', text: result.stdout };
  // A chart whose values schema refers to a remote one (nginx-ingress's kubernetes-json-schema): never fetched, so
  // rendered again without schema validation, and said, rather than not checked at all.
  const remote = root.tool === 'helm' && result.kind === 'failed' ? remoteSchemaOf(result.stderr) : null;
  if (remote !== null) {
    const again = await runTool(command.command, [...command.args, '--skip-schema-validation'], { cwd: treeDir, env, limits: root.limits });
    if (again.kind === 'ok') return { kind: 'rendered', text: again.stdout, schemaNotFetched: remote };
  }
  // Paths in the temporary folder are shown relative to the repository.
  const stderr = result.kind === 'failed' ? readableStderr(result.stderr, treeDir) : '';
  const reason = result.kind === 'failed' ? `${result.reason}${result.limit ? `; ${raise[result.limit]}` : ''}` : 'not found';
  const hint = result.kind === 'failed' ? hintFor(root, inRepositoryTerms(result.stderr, treeDir)) : null;
  return { kind: 'failed', message: `\`${shown(command)}\` failed (${reason})${stderr === '' ? '' : `:\n${stderr}`}`, ...(hint !== null ? { hint } : {}), ...(result.kind === 'failed' && result.limit ? { stopped: true as const } : {}) };
}
