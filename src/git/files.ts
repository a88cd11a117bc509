/** Single files of a commit, read from the object store (never from the working tree). */
import { posix, sep } from 'node:path';
import { git, GitError } from './run.js';

/**
 * The text of `path` at `commit`, or null when the commit has no such file.
 * A path starting with `./` or `../` is relative to `repository` (the
 * working directory), as git reads `<commit>:./<path>`; any other path is
 * relative to the top of the repository.
 */
export async function readFileAt(repository: string, commit: string, path: string): Promise<string | null> {
  try {
    return (await git(repository, ['cat-file', 'blob', `${commit}:${path}`])).toString('utf8');
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}

/** A path relative to `repository` (the working directory) as the repository names it: from its top, with `/`. */
export async function repositoryPath(repository: string, relative: string): Promise<string> {
  const prefix = (await git(repository, ['rev-parse', '--show-prefix'])).toString('utf8').trim();
  return posix.normalize(posix.join(prefix, relative.split(sep).join('/')));
}
