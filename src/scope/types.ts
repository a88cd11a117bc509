/** Findings of a change set: findings that know whether the change caused them. */
import type { Finding, FindingLocation, PodSpecVerdict, Report } from '../findings/types.js';

/** A pod spec the change introduced (`new`) or changed (`modified`). */
export type ChangeStatus = 'new' | 'modified';

export interface DiffLocation extends FindingLocation {
  /** The line is an added or context line of the diff: it can carry an inline comment. */
  readonly inDiff: boolean;
}

export interface DiffFinding extends Finding {
  readonly status: ChangeStatus;
  /** The same check already failed, for the same containers and volumes, before the change. */
  readonly preexisting: boolean;
  readonly locations: readonly DiffLocation[];
}

export interface DiffPodSpecVerdict extends PodSpecVerdict {
  readonly status: ChangeStatus;
  /** Where the pod spec was before the change, when it was moved or renamed. */
  readonly previousFile: string | null;
}

export interface DiffReport extends Report<DiffFinding, DiffPodSpecVerdict> {
  readonly unchangedPodSpecs: number;
  /** The Namespaces whose manifests were read (changed files and the rest of the head commit, when given). */
  readonly namespacesRead?: readonly string[];
}
