/**
 * The policy model: which level blocks, which only warns, what is exempt or
 * disabled, and where each of these came from.
 *
 * Everything here is plain data. The config parser builds a PolicyConfig,
 * the namespace module turns Namespace manifests into label policies, and
 * resolvePolicy combines them for one pod spec into a ResolvedPolicy that
 * says, for each decision, which file and line made it: a reviewer must see
 * why something blocks.
 */
import type { KyvernoRule } from './sources/kyverno.js';
import type { RenderSettings } from '../render/discover.js';
import type { OptOutsRule, PolicyChangesRule } from './stricter.js';
import type { AdviceSettings } from './sources/adviceConfig.js';
import type { CheckFailure, CheckId, Evaluation, Level, LevelVersion, Version } from '../pss/types.js';

/** Where a setting was written in the config file. */
export interface ConfigLocation {
  readonly file: string;
  /** 1-based line of the key. */
  readonly line: number;
  /** The key path, as in error messages: `rules[2]`, `disable[0]`, `level`. */
  readonly key: string;
}

/** A config value with the place it was written. */
export interface Located<T> {
  readonly value: T;
  readonly at: ConfigLocation;
}

/** A mistake in the config file: the run must fail rather than pass silently. */
export interface ConfigError {
  readonly file: string;
  /** 1-based line of the offending key or value (1 when the whole file is concerned). */
  readonly line: number;
  /** The key path, e.g. `rules[2].match.namespaces[0]`; `(file)` when the file itself cannot be read as YAML. */
  readonly key: string;
  readonly message: string;
}

/** The level/version settings shared by the top level and the rules. */
export interface ModeSettings {
  /** Enforce level: its violations block. */
  readonly level?: Located<Level>;
  /** Warn level: its extra violations are reported, never blocking. */
  readonly warnLevel?: Located<Level>;
  /** Version of both modes (the warn mode's unless `warn-version` is set). */
  readonly version?: Located<Version>;
  readonly warnVersion?: Located<Version>;
}

/** A rule: the first one whose `match` fits a pod spec sets its levels. */
export interface PolicyRule extends ModeSettings {
  /** Position in `rules`, 0-based. */
  readonly index: number;
  readonly at: ConfigLocation;
  /**
   * Both conditions must hold when both are given; within a list any entry
   * may match. Null: not a condition.
   */
  readonly namespaces: readonly string[] | null;
  readonly files: readonly string[] | null;
}

/**
 * A per-check disable (Kyverno's `exclude` by control name): the checks are
 * not blocking nor warned for pod specs in scope, and their findings are
 * listed as ignored. Every given scope must match; null scopes are not
 * conditions, so an entry with none applies everywhere.
 */
export interface DisableEntry {
  readonly index: number;
  readonly at: ConfigLocation;
  readonly checks: readonly CheckId[];
  readonly namespaces: readonly string[] | null;
  readonly files: readonly string[] | null;
  readonly workloads: readonly string[] | null;
  /** Kyverno-style image wildcards: a finding is disabled only when every container it concerns runs a matching image. */
  readonly images: readonly string[] | null;
  readonly reason: string | null;
}

export interface PolicyConfig extends ModeSettings {
  /** The config file, or null for the built-in defaults (no file). */
  readonly file: string | null;
  /** How Helm charts are rendered (`render.charts`); absent: each chart with its defaults. */
  readonly render?: RenderSettings;
  /** Judge workloads by the pod-security labels of the repository's Namespace manifests (default true). */
  readonly namespaceLabels?: Located<boolean>;
  /** Disallow annotation opt-outs (default false). */
  readonly strict?: Located<boolean>;
  /** Which opt-out annotations count in a pull request: those at base only (default), any, none. */
  readonly optOuts?: Located<OptOutsRule>;
  /** Whether a pull request's relaxation of the policy blocks (default) or only warns. */
  readonly policyChanges?: Located<PolicyChangesRule>;
  /** Also evaluate at this version and report what would newly fail (non-blocking). */
  readonly previewVersion?: Located<Version>;
  /** Exact names, as Pod Security Admission's exemptions. */
  readonly exemptions: {
    readonly namespaces: readonly Located<string>[];
    readonly runtimeClassNames: readonly Located<string>[];
  };
  readonly rules: readonly PolicyRule[];
  readonly disable: readonly DisableEntry[];
  /** Checks beyond the Pod Security Standards (`advice.*`, `psp.removed`) to enable, disable or make blocking. */
  readonly advice?: AdviceSettings;
}

export type ParseConfigResult =
  | { readonly ok: true; readonly config: PolicyConfig }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/**
 * Values given on the command line or as Action inputs. Only values the
 * user set explicitly belong here: a flag's default must not hide the
 * config file's settings.
 */
export interface PolicyOverrides {
  readonly level?: Level;
  readonly warnLevel?: Level;
  /** Sets both modes' version, like the config's `version`. */
  readonly version?: Version;
  readonly warnVersion?: Version;
  readonly previewVersion?: Version;
  readonly namespaceLabels?: boolean;
  readonly strict?: boolean;
  readonly optOuts?: OptOutsRule;
  readonly policyChanges?: PolicyChangesRule;
  /** How to name each flag in levelSource details: `--level` (default) or `input "level"` for the Action. */
  readonly names?: Partial<Record<OverrideKey, string>>;
}

export type OverrideKey = 'level' | 'warnLevel' | 'version' | 'warnVersion' | 'previewVersion' | 'namespaceLabels' | 'strict' | 'optOuts' | 'policyChanges';

/** A Namespace manifest of the repository, as the caller decoded it. */
export interface NamespaceManifest {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly file: string;
  /** Line of the Namespace object (or of its labels), for messages. */
  readonly line: number;
}

/** What the pod spec is, where it is and what it runs: everything resolution looks at. */
export interface PolicySubject {
  /** Repository-relative path with `/` separators. */
  readonly file: string;
  /** The workload's namespace; null when the manifest does not say (then no namespace pattern, label or exemption applies). */
  readonly namespace: string | null;
  readonly kind: string;
  readonly name: string;
  /** The object's own `metadata.annotations`. */
  readonly workloadAnnotations: Readonly<Record<string, string>>;
  /** The pod template's annotations; null when the object is the pod itself (a Pod). */
  readonly templateAnnotations: Readonly<Record<string, string>> | null;
  readonly runtimeClassName: string | null;
  /** Images of every container (init, regular, ephemeral). */
  readonly images: readonly string[];
}

export type LevelSourceKind = 'default' | 'config-default' | 'flag' | 'config-rule' | 'namespace-label' | 'admission-config' | 'kyverno' | 'advisory';

/** Why a mode has its level (and version): shown with each finding. */
export interface LevelSource {
  readonly kind: LevelSourceKind;
  /** e.g. `rules[2] in .github/pod-security.yaml:14`, `Namespace prod label pod-security.kubernetes.io/enforce=restricted (namespaces.yaml:4)`. */
  readonly detail: string;
  readonly file: string | null;
  readonly line: number | null;
  /** Where the version came from, when that is another place than the level (and not the built-in default). */
  readonly version?: LevelSource;
}

export type Exemption =
  | { readonly kind: 'namespace'; readonly value: string; readonly at: ConfigLocation; readonly message: string }
  | { readonly kind: 'runtimeClass'; readonly value: string; readonly at: ConfigLocation; readonly message: string };

/** A check disabled for this pod spec by the config file. */
export interface DisabledCheck {
  readonly check: CheckId;
  readonly reason: string | null;
  readonly at: ConfigLocation;
  /** Image patterns when the entry is scoped by image (then it applies per finding); null: the whole pod spec. */
  readonly images: readonly string[] | null;
}

/** Where an opt-out annotation was written: the object itself, or its pod template. */
export type OptOutPlace = 'workload' | 'template';

/** `added`: new in the pull request, and `opt-outs: base-only` honours only those already at base. */
export type OptOutStatus = 'honoured' | 'expired' | 'missing-reason' | 'invalid-expires' | 'strict' | 'added';

/** One `pod-security-review/ignore` annotation and whether it counts. */
export interface AnnotationOptOut {
  readonly place: OptOutPlace;
  /** The valid check IDs it names (invalid ones are problems). */
  readonly checks: readonly CheckId[];
  readonly reason: string | null;
  /** YYYY-MM-DD as written, when valid. */
  readonly expires: string | null;
  readonly status: OptOutStatus;
  /** Why it is honoured or not, for the report. */
  readonly message: string;
}

export type PolicyProblemKind =
  | 'missing-reason'
  | 'invalid-check'
  | 'invalid-expires'
  | 'empty-ignore'
  | 'expired'
  | 'strict'
  | 'unknown-annotation'
  | 'unused-annotation';

/**
 * Something about the pod spec's opt-out annotations that must be reported
 * by itself (an ignore without reason is a problem even when it ignores
 * nothing that fails). Non-blocking: what it tried to ignore still counts.
 */
export interface PolicyProblem {
  readonly kind: PolicyProblemKind;
  readonly place: OptOutPlace;
  /** The annotation key concerned. */
  readonly annotation: string;
  readonly message: string;
}

export interface ResolvedPolicy {
  readonly enforce: LevelVersion;
  readonly warn: LevelVersion;
  /**
   * A namespace's `audit` label, when it adds something to `warn` (not
   * privileged, not equal to warn). Audit has no mode of its own here: its
   * violations are reported like warnings (see resolve.ts).
   */
  readonly audit: LevelVersion | null;
  readonly levelSource: LevelSource;
  readonly warnSource: LevelSource;
  readonly auditSource: LevelSource | null;
  readonly preview: { readonly version: Version; readonly source: LevelSource } | null;
  readonly exemption: Exemption | null;
  readonly disabled: readonly DisabledCheck[];
  readonly optOuts: readonly AnnotationOptOut[];
  readonly strict: boolean;
  readonly problems: readonly PolicyProblem[];
}

export type FindingMode = 'enforce' | 'warn' | 'audit' | 'preview';

/** A failed check placed by the policy. */
export interface PolicyFinding {
  readonly mode: FindingMode;
  /** The level/version at which it failed (as written: `latest` stays `latest`). */
  readonly policy: LevelVersion;
  readonly levelSource: LevelSource;
  readonly failure: CheckFailure;
  /** An opt-out for this check that was not honoured (expired, no reason, strict), to say so next to the finding. */
  readonly optOut: AnnotationOptOut | null;
  /** The Kyverno rule that failed, for a finding of Kyverno's (src/policy/sources/kyvernoOutcome.ts). */
  readonly kyvernoRule?: KyvernoRule;
}

export type IgnoreCause =
  | { readonly kind: 'exemption'; readonly exemption: Exemption; readonly message: string }
  | { readonly kind: 'disabled'; readonly disabled: DisabledCheck; readonly message: string }
  | { readonly kind: 'annotation'; readonly optOut: AnnotationOptOut; readonly message: string }
  /** A Kyverno PolicyException exempts the pod spec from a Kyverno rule (src/policy/sources/kyvernoException.ts). */
  | { readonly kind: 'kyverno-exception'; readonly message: string };

export interface IgnoredFinding extends PolicyFinding {
  /** Every cause that applies, exemption first, then config disables, then annotations. Never empty. */
  readonly why: readonly IgnoreCause[];
}

/** The evaluations a split is made from, for the admission messages. */
export interface PolicyEvaluations {
  readonly enforce: Evaluation;
  readonly warn: Evaluation;
  readonly audit: Evaluation | null;
  readonly preview: Evaluation | null;
}

export interface PolicyOutcome {
  readonly evaluations: PolicyEvaluations;
  /** Enforce-level failures that count: the pod spec is blocked. */
  readonly blocking: readonly PolicyFinding[];
  /** Failures at the warn (or audit) level only, of checks that did not fail at enforce. Never blocking. */
  readonly warning: readonly PolicyFinding[];
  /** Failures that do not count, and why. Listed in the summary, never dropped. */
  readonly ignored: readonly IgnoredFinding[];
  /** Enforce-level failures at the preview version of checks that pass today. Never blocking. */
  readonly preview: readonly PolicyFinding[];
  /** True when nothing blocks. */
  readonly allowed: boolean;
}
