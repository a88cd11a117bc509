/**
 * The real rendering tools for tests. `kubectl kustomize` comes with
 * kubectl; helm v4 is built from the Go module proxy by .ci/run into a
 * cache outside the work tree, and put on PATH there. Locally, a helm in
 * that cache is put on PATH for the test file that asks for it. A test
 * that needs a tool that is truly absent is skipped with the reason.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { homedir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { makeRepo } from './gitRepo.js';
import { fixturesDir } from './paths.js';

/** Where .ci/run installs helm (PSR_HELM_DIR overrides, as in .ci/run). */
export const helmCacheBin = path.join(process.env.PSR_HELM_DIR ?? path.join(homedir(), '.cache/pod-security-review/helm'), 'bin');

function runs(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Put the cached helm on PATH when PATH has none; returns a function that restores PATH. */
export function useCachedHelm(): () => void {
  const saved = process.env.PATH;
  if (!runs('helm', ['version']) && existsSync(path.join(helmCacheBin, 'helm'))) process.env.PATH = `${helmCacheBin}${path.delimiter}${saved ?? ''}`;
  return () => {
    process.env.PATH = saved;
  };
}

/**
 * Where .ci/run installs kustomize v5.8.1 (PSR_KUSTOMIZE_DIR overrides): the
 * first kustomize that runs helm v4 for Helm inflation; kubectl's bundled
 * one (v5.5) refuses it. Put on PATH only by the tests of Helm inflation,
 * so that the others keep rendering with kubectl's.
 */
export const kustomizeCacheBin = path.join(process.env.PSR_KUSTOMIZE_DIR ?? path.join(homedir(), '.cache/pod-security-review/kustomize'), 'bin');

/** Whether the cached kustomize is there (CI: it must be). */
export const haveKustomizeForHelm = (): boolean => required('kustomize v5.8.1 (in the cache of .ci/run)', existsSync(path.join(kustomizeCacheBin, 'kustomize')));

/** CI sets PSR_REQUIRE_RENDER_TOOLS=1: there a missing tool is a failure, not a skip. */
function required(name: string, found: boolean): boolean {
  if (!found && process.env.PSR_REQUIRE_RENDER_TOOLS === '1') throw new Error(`${name} is required here (PSR_REQUIRE_RENDER_TOOLS=1) but not found on PATH`);
  return found;
}

export const haveKustomize = (): boolean => required('kubectl (or kustomize)', runs('kustomize', ['version']) || runs('kubectl', ['kustomize', '--help']));
export const haveHelm = (): boolean => required('helm', runs('helm', ['version']));

/** The reason a test is skipped, shown in its name. */
export function missingTool(name: string): string {
  return `(skipped: ${name} is not installed; .ci/run installs it)`;
}

/**
 * `diff --base main --format json --warn-level privileged` on a render
 * scenario (fixtures/render/NAME/{base,head} committed as a repository),
 * as the render test files run it; `cleanUp` removes the repositories.
 */
export function renderScenarios<Report>(): { diff(scenario: string, ...args: string[]): Promise<{ status: number; report: Report }>; cleanUp(): void } {
  const repos: string[] = [];
  return {
    async diff(scenario, ...args) {
      const dir = path.join(fixturesDir, 'render', scenario);
      const cwd = makeRepo(path.join(dir, 'base'), path.join(dir, 'head'));
      repos.push(cwd);
      let stdout = '';
      let stderr = '';
      const status = await runCli(['diff', '--base', 'main', '--format', 'json', '--warn-level', 'privileged', ...args], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      expect(stderr).toBe('');
      return { status, report: JSON.parse(stdout) as Report };
    },
    cleanUp() {
      for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `check . --format json` on a copy of a render fixture's tree with this
 * `.github/pod-security.yaml` (to try the config's render settings on the
 * real tools); the copy is removed afterwards.
 */
export async function checkWithConfig<Report>(tree: string, config: string, ...args: string[]): Promise<{ status: number; report: Report }> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'psr-render-config-'));
  try {
    cpSync(path.join(fixturesDir, 'render', tree), cwd, { recursive: true });
    mkdirSync(path.join(cwd, '.github'), { recursive: true });
    writeFileSync(path.join(cwd, '.github', 'pod-security.yaml'), config);
    let stdout = '';
    let stderr = '';
    const status = await runCli(['check', '.', '--format', 'json', '--warn-level', 'privileged', ...args], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect(stderr).toBe('');
    return { status, report: JSON.parse(stdout) as Report };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
