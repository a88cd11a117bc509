/**
 * Domain types of the Pod Security Standards engine.
 *
 * The engine is pure: it takes a pod (metadata + spec, as plain JSON-like
 * values after YAML decoding and API-server defaulting) and returns what the
 * Pod Security Admission controller would say, plus the field paths that
 * caused each failure. Upstream only returns text; the paths are ours, and
 * everything downstream (lines, suggestions) depends on them.
 */

/** A JSON value as the API server would decode it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

/** The three Pod Security Standards levels, in order of strictness. */
export type Level = 'privileged' | 'baseline' | 'restricted';

/**
 * A policy version: `latest`, or the minor number N of `v1.N`. Minors beyond
 * Number.MAX_SAFE_INTEGER (valid up to 2^63-1) are bigints, so that messages
 * print exactly the version that was asked for.
 */
export type Version = 'latest' | number | bigint;

/** A level/version pair, printed `<level>:<version>` (e.g. `restricted:latest`). */
export interface LevelVersion {
  readonly level: Level;
  readonly version: Version;
}

/**
 * One step of a field path: an object key or a list index. A path is relative
 * to the pod object, i.e. it starts with `metadata` or `spec`, for example
 * `['spec', 'containers', 1, 'securityContext', 'privileged']`.
 */
export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

/**
 * What the checks read: the pod's metadata (for annotations) and its spec.
 * For a Deployment this is the pod template's metadata and spec.
 */
export interface PodInput {
  readonly metadata: JsonObject;
  readonly spec: JsonObject;
}

/** The upstream check IDs. */
export type CheckId =
  | 'allowPrivilegeEscalation'
  | 'appArmorProfile'
  | 'capabilities_baseline'
  | 'capabilities_restricted'
  | 'hostNamespaces'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'hostProbesAndHostLifecycle'
  | 'privileged'
  | 'procMount'
  | 'procMount_restricted'
  | 'restrictedVolumes'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seLinuxOptions'
  | 'seccompProfile_baseline'
  | 'seccompProfile_restricted'
  | 'sysctls'
  | 'windowsHostProcess';

/**
 * A failed check as one implementation reports it: the upstream forbidden
 * reason and detail, and the field paths that caused it. For a required field
 * that is absent, the path is where it must be set (it does not exist in the
 * manifest; the locator falls back to the nearest existing ancestor).
 */
export interface Violation {
  readonly reason: string;
  readonly detail: string;
  /** In the order the check visits them (pod first, then containers in visiting order). */
  readonly paths: readonly FieldPath[];
}

/** One implementation of a check, active from `minVersion` (the N of v1.N) on. */
export interface CheckImplementation {
  readonly minVersion: number;
  /** Baseline check IDs this (restricted) implementation replaces while it is active. */
  readonly overrides?: readonly CheckId[];
  readonly evaluate: (pod: PodInput) => Violation | null;
}

/** A check and all its versioned implementations, oldest first. */
export interface CheckDefinition {
  readonly id: CheckId;
  readonly level: 'baseline' | 'restricted';
  readonly implementations: readonly CheckImplementation[];
}

/** A failed check in an evaluation result. */
export interface CheckFailure extends Violation {
  readonly check: CheckId;
}

/** The verdict for one pod at one level and version. */
export interface Evaluation {
  readonly allowed: boolean;
  /** Failed checks in upstream evaluation order (the order of the admission message). */
  readonly failures: readonly CheckFailure[];
}
