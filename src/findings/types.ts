/** A finding: one failed check of one pod spec, placed in its file. */
import type { Suggestion } from '../fixes/types.js';
import type { LoadProblem } from '../manifests/types.js';
import type { RenderedOrigin } from '../render/types.js';
import type { FindingMode, LevelSourceKind } from '../policy/types.js';
import type { ClusterSources } from '../policy/sources/cluster.js';
import type { FindingCheck } from '../policy/sources/extraChecks.js';
import type { Level } from '../pss/types.js';

export interface FindingLocation {
  /** The field path in the document, e.g. `spec.template.spec.containers[0].securityContext.privileged`. */
  readonly path: string;
  /** 1-based line of the field, or of its nearest existing ancestor when it is absent. */
  readonly line: number;
  readonly column: number;
  /** False when the field is absent and the line is that of the nearest existing ancestor. */
  readonly exact: boolean;
  /** The container the field belongs to, if any. */
  readonly container: string | null;
}

export interface Finding {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
  /** The container concerned when exactly one is; null for pod-level findings or several containers. */
  readonly container: string | null;
  /** Every container the finding names, in visiting order. */
  readonly containers: readonly string[];
  /** An upstream check ID, or one of ours (`psp.removed`, `advice.*`). */
  readonly check: FindingCheck;
  readonly reason: string;
  readonly detail: string;
  readonly level: Level;
  /** The version as requested (`latest`, `v1.30`). */
  readonly version: string;
  /** The first location's line. */
  readonly line: number;
  /** Ordered as the fields appear in the file. */
  readonly locations: readonly FindingLocation[];
  /**
   * enforce: fails the enforced level (blocking); warn / audit: fails only
   * the warn or audit level; preview: would start failing at the preview
   * version. `level` and `version` are those of this mode.
   */
  readonly mode: FindingMode;
  /** Blocking findings fail the run; the others are reported only. */
  readonly blocking: boolean;
  /** Where this mode's level came from (flag, config rule, namespace label, default). */
  readonly levelSource: { readonly kind: LevelSourceKind; readonly detail: string };
  /** An opt-out annotation names this check but does not count (expired, no reason, strict mode). */
  readonly optOutNote: string | null;
  /** The verified replacement that fixes it (shared by the findings it fixes together), or null. */
  readonly fix: Suggestion | null;
  /** Without a fix: why, and what to do instead; with one: what to check before applying it. */
  readonly fixNote: string | null;
  /**
   * Without a fix, a verified one that no suggestion can hold: changes of
   * several places too far apart for one (a chart's values keys at either
   * end of values.yaml), each a replacement of a file's lines, all needed
   * together. `fixNote` shows them; `pod-security-review fix` applies them.
   */
  readonly fixParts?: readonly FixPart[];
  /** Set when the pod spec comes from a Helm chart or Kustomize overlay: `file` and `line` are then the source the rendering read. */
  readonly rendered?: RenderedOrigin;
}

/**
 * What an evaluation reports: findings (of a kind F), ignored findings,
 * opt-out problems, files that could not be checked, and a verdict per pod
 * spec. `check` and `diff` produce it; the renderers read it.
 */
export interface Report<F extends Finding = Finding, V extends PodSpecVerdict = PodSpecVerdict> {
  readonly findings: readonly F[];
  /** Findings the policy ignores, with why: listed, never dropped. */
  readonly ignored: readonly IgnoredFinding[];
  readonly policyProblems: readonly PolicyProblemReport[];
  readonly errors: readonly LoadProblem[];
  readonly podSpecs: readonly V[];
  /** In a diff: how many pod specs the change did not touch (not evaluated). */
  readonly unchangedPodSpecs?: number;
  /** What the review notes about the policy sources it read (usernames exemptions, rules not evaluated…); never failing. */
  readonly notices?: readonly ReportNotice[];
  /** The cluster's own policies the run found (policy/sources), so that headers name the defaults they set. */
  readonly cluster?: ClusterSources;
  /** The charts and overlays rendered at head and checked (render/stage.ts), so that a reader sees what was: none when nothing was rendered. */
  readonly renderings?: readonly RenderingSummary[];
}

/** A rendering the run checked: its tool and its name (`charts/web (Application web-prod)`). */
export interface RenderingSummary {
  readonly tool: 'helm' | 'kustomize';
  readonly rendering: string;
}

/** A note about a policy source, at the place it concerns. */
export interface ReportNotice {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** A finding the policy ignores (exemption, config disable, annotation opt-out): listed, never dropped. */
export interface IgnoredFinding extends Finding {
  readonly why: readonly string[];
}

/** Something wrong with a pod spec's opt-out annotations, reported on its own. */
export interface PolicyProblemReport {
  readonly file: string;
  readonly line: number;
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly annotation: string;
  readonly message: string;
}

/** One change of a fix in several places: a file's lines `startLine`…`endLine` replaced (each line of `replacement` ends with a newline). */
export interface FixPart {
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly replacement: string;
}

/** The verdict for one pod spec, with the message the API server would print. */
export interface PodSpecVerdict {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string | null;
  /** Set when the namespace is only the one a chart renders into when none is configured (helm's `default`), not one the repository names. */
  readonly assumedNamespace?: true;
  /** A rendered pod spec's rendering, as the report's `renderings` name it (`charts/web (ci/b-values.yaml)`): `file` and `line` are where its object is written, which several renderings may share. */
  readonly rendering?: string;
  readonly name: string;
  readonly line: number;
  readonly allowed: boolean;
  /** `pods "x" is forbidden: violates PodSecurity …` for a Pod, `would violate PodSecurity …` for a workload; null when allowed. */
  readonly message: string | null;
}
