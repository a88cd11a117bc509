/**
 * What a change set does to one file, read from the change set itself
 * (pure): its text at the merge base and at head. A change to the policy
 * config is judged from there, not against the base branch's tip, which may
 * have moved on since the pull request branched.
 */
import type { ChangeSet, FileContent } from '../diff/types.js';
import { textToRead } from '../manifests/load.js';
import { defaultPolicyConfig, parsePolicyConfig } from '../policy/config.js';
import type { ConfigError, PolicyConfig } from '../policy/types.js';

export type FileChange =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'changed'; readonly base: string | null; readonly head: string | null }
  /** Changed, but the source did not read it (outside the API's file selection). */
  | { readonly kind: 'unread' };

const text = (content: FileContent) => (content.kind === 'content' ? textToRead(content.data) : null);

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

/** What a change does to the policy config, to be reviewed for relaxations. */
export type ConfigChange =
  /** Unchanged, or invalid at base: nothing to compare (the base commit's config judges). */
  | { readonly kind: 'none' }
  /** Invalid at head: it would stop every run once merged. */
  | { readonly kind: 'invalid'; readonly errors: readonly ConfigError[] }
  | { readonly kind: 'changed'; readonly base: PolicyConfig; readonly head: PolicyConfig; readonly path: string };

/** The config's text at base and at head (null: absent, the built-in defaults), parsed for review. */
export function configChange(base: string | null, head: string | null, path: string): ConfigChange {
  if (base === head) return { kind: 'none' };
  const parse = (text: string | null) => (text === null ? ({ ok: true, config: defaultPolicyConfig } as const) : parsePolicyConfig(text, path));
  const [before, after] = [parse(base), parse(head)];
  if (!after.ok) return { kind: 'invalid', errors: after.errors };
  return before.ok ? { kind: 'changed', base: before.config, head: after.config, path } : { kind: 'none' };
}
