/**
 * Real git repositories for tests: a base tree committed on `main`, a head
 * tree committed on top of it on `feature` (checked out).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixturesDir } from './paths.js';

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
  });
}

/** Replace the work tree (all but .git) with the contents of `source`. */
function replaceTree(dir: string, source: string): void {
  for (const entry of readdirSync(dir)) if (entry !== '.git') rmSync(path.join(dir, entry), { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
}

export function makeRepo(baseDir: string, headDir: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'psr-repo-'));
  gitIn(dir, 'init', '--quiet', '--initial-branch=main');
  gitIn(dir, 'config', 'user.email', 'test@example.com');
  gitIn(dir, 'config', 'user.name', 'Test');
  gitIn(dir, 'config', 'core.autocrlf', 'false');
  replaceTree(dir, baseDir);
  gitIn(dir, 'add', '--all');
  gitIn(dir, 'commit', '--quiet', '--allow-empty', '-m', 'base');
  gitIn(dir, 'checkout', '--quiet', '-b', 'feature');
  replaceTree(dir, headDir);
  gitIn(dir, 'add', '--all');
  gitIn(dir, 'commit', '--quiet', '--allow-empty', '-m', 'head');
  return dir;
}

export function makeScenarioRepo(name: string): string {
  const scenario = path.join(fixturesDir, 'scenarios', name);
  return makeRepo(path.join(scenario, 'base'), path.join(scenario, 'head'));
}
