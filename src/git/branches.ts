/**
 * The branch a `diff` lands on: its `--base`, when that names a branch
 * (`main`, `origin/main`), and whether it is the default branch of the
 * clone's remote (its `HEAD`, when the clone knows it).
 */
import type { LandingBranch } from '../diff/types.js';
import { git, GitError } from './run.js';

/** The full ref a name stands for (`refs/heads/main`), or null when it is none (a commit) or git cannot say. */
async function fullRef(cwd: string, name: string): Promise<string | null> {
  try {
    const ref = (await git(cwd, ['rev-parse', '--symbolic-full-name', name])).toString('utf8').trim();
    return ref === '' ? null : ref;
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}

/** A branch's name without `refs/heads/`, or `refs/remotes/<remote>/`; null for another ref. */
function branchName(ref: string): string | null {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  const remote = /^refs\/remotes\/[^/]+\/(.+)$/.exec(ref);
  return remote === null || remote[1] === 'HEAD' ? null : remote[1]!;
}

export async function landingBranch(cwd: string, base: string): Promise<LandingBranch | undefined> {
  const ref = await fullRef(cwd, base);
  const name = ref === null ? null : branchName(ref);
  if (name === null) return undefined;
  // The remote's default branch, as the clone recorded it (`origin/HEAD`); unknown without one.
  const remoteHead = await fullRef(cwd, 'origin/HEAD');
  const defaultName = remoteHead === null ? null : branchName(remoteHead);
  return { name, isDefault: defaultName === null ? null : defaultName === name };
}
