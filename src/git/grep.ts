/**
 * Files of a clone's working tree found by their text, through git: what
 * `check` and `fix` need of the repository beyond the paths they are given
 * (the Flux GitRepository that makes a HelmRelease's chart this
 * repository's is usually in `clusters/…/flux-system/`).
 */
import { git, GitError } from './run.js';

/**
 * The YAML and JSON files under `cwd`, tracked or new (not ignored), whose
 * text holds `word`, relative to `cwd`; none outside a clone or without git.
 */
export async function workingFilesNaming(cwd: string, word: string): Promise<string[]> {
  let output: Buffer;
  try {
    output = await git(cwd, ['grep', '-l', '-z', '-I', '-F', '--untracked', '-e', word, '--', '*.yaml', '*.yml', '*.json']);
  } catch (error) {
    // Exit 1 is "no file holds it"; no repository or no git find nothing either.
    if (error instanceof GitError) return [];
    throw error;
  }
  return output
    .toString('utf8')
    .split('\0')
    .filter((name) => name !== '');
}
