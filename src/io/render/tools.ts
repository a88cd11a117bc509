/**
 * The rendering tools, run on a tree written to a temporary folder:
 * `kustomize build` (or `kubectl kustomize`) with its safe defaults (files
 * only under the root, no plugins, no exec functions, no Helm inflation),
 * and `helm template` with private, empty Helm homes (no repositories, no
 * plugins) and no cluster, so `lookup` finds nothing.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { shownDir } from '../../render/paths.js';
import type { RenderOutput, RenderRoot } from '../../render/types.js';
import { runTool, toolEnvironment } from './process.js';
import type { LimitHit, ToolLimits, ToolResult } from './process.js';

interface Command {
  readonly command: string;
  readonly args: readonly string[];
}

/** What to do when a limit stopped a tool: the config key that raises it. */
const raise: Record<LimitHit, string> = {
  timeout: 'raise `render.timeout` (seconds) in the config file if it needs longer',
  output: 'raise `render.max-output-size` (bytes) in the config file if it is meant to be that large',
};

/** The first lines of stderr, for a one-paragraph message. */
function firstLines(stderr: string, count = 5): string {
  const lines = stderr.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  return lines.slice(0, count).join('\n') + (lines.length > count ? '\n…' : '');
}

function shown(command: Command): string {
  return [command.command, ...command.args].map((a) => (/^[\w./:=@-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

function kustomizeCommands(dir: string): Command[] {
  const target = shownDir(dir);
  return [
    { command: 'kustomize', args: ['build', target] },
    { command: 'kubectl', args: ['kustomize', target] },
  ];
}

function helmCommand(root: RenderRoot): Command {
  const helm = root.helm!;
  return {
    command: 'helm',
    args: ['template', helm.release, shownDir(root.dir), '--namespace', helm.namespace, ...helm.valuesFiles.flatMap((v) => ['--values', v])],
  };
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
  const commands = root.tool === 'kustomize' ? kustomizeCommands(root.dir) : [helmCommand(root)];
  const ran = await runFirst(commands, treeDir, env, root.limits, missing);
  if (ran === null) return { kind: 'missing-tool', tool: root.tool === 'kustomize' ? 'kustomize (or kubectl)' : 'helm' };
  const { command, result } = ran;
  if (result.kind === 'ok') return { kind: 'rendered', text: result.stdout };
  // Paths in the temporary folder are shown relative to the repository.
  const stderr = result.kind === 'failed' ? firstLines(result.stderr.replaceAll(`${treeDir}/`, '').replaceAll(treeDir, '.')) : '';
  const reason = result.kind === 'failed' ? `${result.reason}${result.limit ? `; ${raise[result.limit]}` : ''}` : 'not found';
  return { kind: 'failed', message: `\`${shown(command)}\` failed (${reason})${stderr === '' ? '' : `:\n${stderr}`}` };
}
