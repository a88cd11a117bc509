/**
 * Which changed files are manifests to look at: minimatch globs, applied to
 * both paths of a rename (a file moved into or out of the selection is
 * still seen from the side that is selected).
 */
import { minimatch } from 'minimatch';
import type { ChangedFile } from '../diff/types.js';

export interface FileSelection {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export const defaultSelection: FileSelection = { include: ['**/*.yaml', '**/*.yml', '**/*.json'], exclude: [] };

export function selectsPath(selection: FileSelection, path: string): boolean {
  const matches = (pattern: string) => minimatch(path, pattern, { dot: true });
  return selection.include.some(matches) && !selection.exclude.some(matches);
}

export function selectsFile(selection: FileSelection, file: ChangedFile): boolean {
  return selectsPath(selection, file.path) || (file.previousPath !== undefined && selectsPath(selection, file.previousPath));
}
