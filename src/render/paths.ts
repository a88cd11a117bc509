/** Repository-relative paths (forward slashes), without the file system (pure). */

/** The folder of a path ('' for a file at the root). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** `dir` joined with a relative reference, normalised; null when it leaves the repository. */
export function joinPath(dir: string, reference: string): string | null {
  if (reference.startsWith('/')) return null;
  const parts = dir === '' ? [] : dir.split('/');
  for (const part of reference.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** The path of `name` inside `dir` ('' for the repository root). */
export function inDir(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** Whether `path` is `dir` itself or inside it. */
export function isInside(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** The folder as users read it: `.` for the repository root. */
export function shownDir(dir: string): string {
  return dir === '' ? '.' : dir;
}
