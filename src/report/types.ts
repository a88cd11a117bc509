/** What the reporters need to know about a finding. */
import type { DiffFinding } from '../scope/types.js';

export type { Suggestion as SuggestionLike } from '../fixes/types.js';

/** A finding of a pull request: its change status, lines in the diff, and fix. */
export type ReviewFinding = DiffFinding;
