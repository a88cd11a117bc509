/** What the reporters need to know about a finding, beyond the finding itself. */
import type { DiffFinding } from '../scope/types.js';

/** A replacement for lines startLine..endLine of the head file (a GitHub suggestion when attachable). */
export interface SuggestionLike {
  readonly startLine: number;
  readonly endLine: number;
  readonly replacement: string;
  /** The whole range lies inside one hunk of the diff: it can be posted as a suggestion. */
  readonly attachable: boolean;
}

export interface ReviewFinding extends DiffFinding {
  readonly fix: SuggestionLike | null;
  /** Why there is no fix, or what to do instead. */
  readonly fixNote: string | null;
}
