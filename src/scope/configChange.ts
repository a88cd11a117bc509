/**
 * What a change set does to one file, read from the change set itself
 * (pure): its text at the merge base and at head. A change to the policy
 * config is judged from there, not against the base branch's tip, which may
 * have moved on since the pull request branched.
 */
import type { ChangeSet, FileContent } from '../diff/types.js';
import { textOf } from '../findings/fixes.js';

export type FileChange =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'changed'; readonly base: string | null; readonly head: string | null }
  /** Changed, but the source did not read it (outside the API's file selection). */
  | { readonly kind: 'unread' };

const text = (content: FileContent) => (content.kind === 'content' ? textOf(content.data) : null);

export function fileChange(changeSet: ChangeSet, path: string): FileChange {
  // At head: the file now at the path (renamed there: it was not there before).
  const now = changeSet.files.find((f) => f.path === path && f.status !== 'removed');
  // At base: the file that was at the path (renamed or copied away, modified, removed).
  const before = changeSet.files.find((f) => (f.previousPath ?? f.path) === path && f.status !== 'added');
  if (!now && !before) return changeSet.unselectedPaths?.includes(path) ? { kind: 'unread' } : { kind: 'unchanged' };
  const base = before ? text(before.base) : null;
  // A copy leaves the original where it was.
  const head = now ? text(now.head) : before?.status === 'copied' ? base : null;
  return base === head ? { kind: 'unchanged' } : { kind: 'changed', base, head };
}
