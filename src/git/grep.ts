/**
 * Files found by their text, through git: the YAML and JSON files that
 * name a GitOps object. A review searches the head commit for the Argo CD
 * Applications and Flux HelmReleases of a changed chart; `check` and `fix`
 * search the clone's working tree for the Flux GitRepository that makes a
 * HelmRelease's chart this repository's (usually in
 * `clusters/…/flux-system/`, seldom among the paths they are given).
 */
import { git, GitError } from './run.js';

/**
 * The YAML and JSON files whose text holds one of `words`: of `commit`
 * when given (repository-relative), else of the working tree under `cwd`,
 * tracked or new but not ignored (relative to `cwd`). None outside a clone
 * or without git.
 */
export async function filesNaming(cwd: string, words: readonly string[], commit?: string): Promise<string[]> {
  const where = commit === undefined ? ['--untracked'] : [commit];
  let output: Buffer;
  try {
    // One pass over the files, in git: the tree is never read into the process.
    output = await git(cwd, ['grep', '-l', '-z', '-I', '-F', ...words.flatMap((word) => ['-e', word]), ...where, '--', '*.yaml', '*.yml', '*.json']);
  } catch (error) {
    // Exit 1 is "no file holds it"; no repository, no git or an unknown commit find nothing either.
    if (error instanceof GitError) return [];
    throw error;
  }
  const names = output.toString('utf8').split('\0');
  if (commit === undefined) return names.filter((name) => name !== '');
  // Each name in a commit is `<commit>:<path>`.
  return names.filter((name) => name.startsWith(`${commit}:`)).map((name) => name.slice(commit.length + 1));
}
