/**
 * The URLs a clone's remotes name: the repository an Argo CD Application
 * names as its source's `repoURL` is this one when it is one of them.
 */
import { git, GitError } from './run.js';

/**
 * Every remote's URL (`remote.<name>.url`); none when the clone has no
 * remote, or git cannot say (`check` outside a clone, or without git).
 */
export async function remoteUrls(cwd: string): Promise<string[]> {
  try {
    const out = (await git(cwd, ['config', '--get-regexp', String.raw`^remote\..*\.url$`])).toString('utf8');
    return out
      .split('\n')
      .map((line) => line.slice(line.indexOf(' ') + 1).trim())
      .filter((url) => url !== '');
  } catch (error) {
    // git config exits 1 when no key matches; no repository or no git are no remote either.
    if (error instanceof GitError) return [];
    throw error;
  }
}
