/**
 * The fix engine's vocabulary: what a fixer proposes (edits on field
 * paths), and what the engine hands out (verified line suggestions).
 */
import type { AdviceCheckId } from '../policy/sources/extraChecks.js';
import type { CheckId, FieldPath, Level, PodInput, Version, Violation } from '../pss/types.js';

/** The hardening advice checks that have a mechanical fix (src/policy/sources/advice.ts). */
export type FixableAdviceCheck = Extract<AdviceCheckId, 'advice.readOnlyRootFilesystem' | 'advice.automountServiceAccountToken'>;

/** What the engine fixes: every upstream check, and the advice checks with a fixer. */
export type FixableCheck = CheckId | FixableAdviceCheck;

/** A failed check the engine fixes: an upstream check's failure, or an advice check's (same shape, pod-relative paths). */
export interface FixFailure extends Violation {
  readonly check: FixableCheck;
  /**
   * A blocking finding's failure, marked in a review (a diff): its fix keeps
   * a short suggestion of its own rather than share a long one with fixes
   * of warnings (FileFixer's besideBlocking).
   */
  readonly blocking?: true;
}

/**
 * A replacement of whole lines of the head file, the shape of a GitHub
 * suggestion: lines `startLine..endLine` become `replacement`.
 */
export interface Suggestion {
  /** 1-based first line replaced. */
  readonly startLine: number;
  /** 1-based last line replaced (inclusive); never before startLine. */
  readonly endLine: number;
  /**
   * The new text of those lines. Every line ends with "\n" (LF, also in CRLF
   * files: GitHub writes suggestions with LF, and applySuggestions restores
   * the file's line ending), so "" deletes the lines, and a fenced
   * suggestion block is "```suggestion\n" + replacement + "```".
   */
  readonly replacement: string | null;
  /** True when every line of the range is in one diff hunk, so GitHub accepts it as an inline suggestion. */
  readonly attachable: boolean;
  /**
   * Set instead of `replacement` (which is then null) when a line the fix
   * changes is too long for a suggestion (over `longLine` characters: a
   * single-line JSON document): the fix as an edit within those lines, the
   * bytes `start`…`end` (UTF-8 offsets in the file, a byte-order mark
   * included) replaced by `insert`. Never attachable.
   */
  readonly edit?: { readonly start: number; readonly end: number; readonly insert: string };
}

/** Lines longer than this are not repeated in a suggestion: the fix is an edit within the line. */
export const longLine = 1000;

/** The fix of one finding (one failed check of one pod spec). */
export interface FindingFix {
  readonly check: FixableCheck;
  /** The suggestion that carries the fix; several findings may share one. Null when there is no safe mechanical fix. */
  readonly fix: Suggestion | null;
  /**
   * Without a fix: why, and what to do instead (with an illustrative,
   * explicitly not applicable YAML example). With a fix: what to check
   * before applying it, when that matters (e.g. the image must run as a
   * non-root user); otherwise null.
   */
  readonly fixNote: string | null;
}

/** A value a fix writes: scalars, lists of strings, and maps of those. */
export type NewValue = NewScalar | readonly string[] | { readonly [key: string]: NewValue };

/**
 * A scalar a fix writes. Numbers only come from a rendered map a chart's
 * values are given whole (render/mapWriters.ts: `runAsUser: 100`); no
 * fixer writes one.
 */
export type NewScalar = boolean | string | number;

export function isNewScalar(value: NewValue): value is NewScalar {
  return typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number';
}

/**
 * An edit on a field path relative to the pod (`['spec', 'containers', 0,
 * 'securityContext', 'privileged']`).
 * - `set`: write a value, creating the missing maps on the way;
 * - `delete`: remove a map key, or a list item (numeric last segment);
 * - `append`: add an item to an existing list.
 */
export type Edit =
  | { readonly op: 'set'; readonly path: FieldPath; readonly value: NewValue }
  | { readonly op: 'delete'; readonly path: FieldPath }
  | { readonly op: 'append'; readonly path: FieldPath; readonly value: string };

/** What a fixer decides for one failure. */
export type FixPlan =
  | {
      readonly kind: 'edits';
      readonly edits: readonly Edit[];
      /** Shown with the fix: what to check before applying it. */
      readonly caveat?: string;
    }
  | {
      /** No mechanical fix: knowledge we lack is needed. */
      readonly kind: 'manual';
      readonly note: string;
    };

export interface FixContext {
  readonly failure: FixFailure;
  /** The pod the checks saw (template metadata and the defaulted spec). */
  readonly pod: PodInput;
  /** The pod template as written in the file (no API-server defaulting): what edits can touch. */
  readonly written: PodInput;
  /** The workload kind (`Pod`, `Deployment`, …): the API server defaults some fields of Pods only. */
  readonly kind: string;
  readonly level: Level;
  readonly version: Version;
}

export type Fixer = (context: FixContext) => FixPlan;
