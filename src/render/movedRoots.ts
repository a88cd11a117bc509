/**
 * Charts and overlays a change moved to another folder (pure): a pull
 * request that renames `charts/web` to `deploy/charts/web` renders the same
 * pod specs as before, and must say nothing of them. A root whose folder the
 * base lacks is taken as moved from a folder the head lacks whose root file
 * (Chart.yaml, kustomization) the base had with the very same text; its
 * base side renders there. One with no such folder, or several, is new.
 */
import { isInside } from './paths.js';
import type { HelmInvocation, MovedRoot, RenderRoot, TreeSnapshot } from './types.js';

/**
 * The folders the change moved, at base by their folder at head: `head` and
 * `base` give each side's root folders with their root file's text.
 */
export function movedFolders(head: ReadonlyMap<string, string | undefined>, base: ReadonlyMap<string, string | undefined>): Map<string, string> {
  // Folders gone at head, by their root file's text: a text two of them had is no one folder's.
  const gone = new Map<string, string | null>();
  for (const [dir, text] of base) {
    if (head.has(dir) || text === undefined || dir === '') continue;
    gone.set(text, gone.has(text) ? null : dir);
  }
  const moved = new Map<string, string>();
  const claimed = new Map<string, number>();
  for (const [dir, text] of head) {
    const from = base.has(dir) || text === undefined || dir === '' ? undefined : gone.get(text);
    if (from === undefined || from === null) continue;
    moved.set(dir, from);
    claimed.set(from, (claimed.get(from) ?? 0) + 1);
  }
  // A folder copied to two places moved to neither.
  for (const [dir, from] of moved) if ((claimed.get(from) ?? 0) > 1) moved.delete(dir);
  return moved;
}

/** Root folders with their root file's text in a tree (undefined: not there), as movedFolders takes them: `roots` are `[folder, file]`. */
export function rootFileTexts(tree: TreeSnapshot, roots: readonly (readonly [string, string])[]): Map<string, string | undefined> {
  return new Map(roots.map(([dir, file]) => [dir, tree.texts.get(file)]));
}

/** A root as its base side renders it: where it was before the change moved it, with its values files there and its dependencies from there. */
export function atOldPlace(root: RenderRoot): RenderRoot {
  const from: MovedRoot | undefined = root.movedFrom;
  if (from === undefined) return root;
  if (root.helm === null) return { ...root, dir: from.dir, file: from.file };
  const invocation = withoutDependencies(root.helm);
  const valuesFiles = invocation.valuesFiles.map((path) => pathBeforeMove(path, root.dir, from.dir));
  return { ...root, dir: from.dir, file: from.file, helm: { ...invocation, ...from.dependencies, valuesFiles } };
}

/** Where a path inside folder `dir` was when the folder was `from` (one outside it stays). */
export function pathBeforeMove(path: string, dir: string, from: string): string {
  return isInside(path, dir) ? `${from}${path.slice(dir.length)}` : path;
}

/** A helm invocation without its dependencies: the head's, which the base does not have where they were resolved. */
function withoutDependencies({ withoutDependencies: _without, localDependencies: _local, dependencyAliases: _aliases, ...invocation }: HelmInvocation): Omit<HelmInvocation, keyof NonNullable<MovedRoot['dependencies']>> {
  return invocation;
}
