/**
 * The policy for one pod spec: which level blocks, which warns, at which
 * versions, what is exempt, disabled or opted out, and where each decision
 * was made.
 *
 * Precedence of the levels and versions, lowest first; each layer replaces
 * only what it sets (a rule that sets `level` keeps the warn level below it):
 *
 * 1. built-in defaults: enforce baseline, warn restricted, version latest;
 * 2. the config file's top-level `level`, `warn-level`, `version`, `warn-version`;
 * 3. explicit flags (CLI options, Action inputs). They replace the config's
 *    defaults, being the same kind of statement ("judge this run at…") made
 *    later and closer to the run; but they do not replace rules or labels,
 *    which say something specific about a namespace or a path that a
 *    run-wide default must not erase;
 * 4. the first config rule that matches the pod spec's namespace and file;
 * 5. the pod-security labels of the pod spec's Namespace manifest in the
 *    repository (unless `namespace-labels: false`). They win over rules
 *    because they are what the cluster enforces: a review that disagreed
 *    with the admission controller would block what the cluster admits or,
 *    worse, pass what it denies. Layers 1–4 play the role of the cluster's
 *    PodSecurityConfiguration defaults, and the labels are applied to them
 *    exactly as upstream does (§4.3), fallbacks and warn inheritance included.
 *
 * Audit labels: Pod Security Admission has three modes; this tool has two
 * (blocking and reported). An `audit` label only reports, like `warn`, so
 * its violations are reported as warnings. The two are evaluated separately
 * rather than merged into "the stricter of the two", because levels at
 * different versions are not ordered (baseline:latest has a check that
 * restricted:v1.30 lacks): evaluating both reports exactly the union of what
 * the cluster would warn about and audit, which is the point.
 *
 * Exemptions (exact namespace and RuntimeClass names, like upstream) and
 * disables come from the config only; opt-out annotations from the
 * manifest. Exemptions are checked before labels, as upstream does.
 */
import type { PodSpecSource } from '../workloads/extract.js';
import { formatLevelVersion, formatVersion } from '../pss/levels.js';
import { isObject, obj, str, visitContainers } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue, Level, LevelVersion, Version } from '../pss/types.js';
import { isCalendarDate, readOptOut } from './annotations.js';
import { defaultPolicyConfig } from './config.js';
import { namespaceLabels, policyToEvaluate } from './namespaces.js';
import type { LabelOrigin, NamespaceEntry, NamespaceIndex } from './namespaces.js';
import { emptyNamespaceIndex, namespaceEntryOf } from './namespaces.js';
import { matchFile, matchImage, matchName } from './patterns.js';
import { admissionSource } from './sources/admissionConfig.js';
import type { AdmissionConfig } from './sources/admissionConfig.js';
import type {
  AnnotationOptOut,
  ConfigLocation,
  DisableEntry,
  DisabledCheck,
  Exemption,
  LevelSource,
  Located,
  ModeSettings,
  OptOutPlace,
  OverrideKey,
  PolicyConfig,
  PolicyOverrides,
  PolicyProblem,
  PolicyRule,
  PolicySubject,
  ResolvedPolicy,
} from './types.js';

export const defaultLevels = {
  enforce: { level: 'baseline', version: 'latest' },
  warn: { level: 'restricted', version: 'latest' },
} as const satisfies Record<string, LevelVersion>;

export interface ResolveInput {
  readonly subject: PolicySubject;
  /** The parsed config file, or defaultPolicyConfig when there is none. */
  readonly config?: PolicyConfig;
  /** The repository's Namespace manifests (indexNamespaces). */
  readonly namespaces?: NamespaceIndex;
  readonly overrides?: PolicyOverrides;
  /** Today, YYYY-MM-DD: opt-outs expire against it (the pure core reads no clock). */
  readonly today: string;
  /** The cluster's PodSecurityConfiguration found in the repository: it replaces the built-in defaults (layer 1). */
  readonly admission?: AdmissionConfig | null;
}

interface Sourced<T> {
  readonly value: T;
  readonly source: LevelSource;
}

/** The four parts the layers set. */
interface Parts {
  enforceLevel: Sourced<Level>;
  enforceVersion: Sourced<Version>;
  warnLevel: Sourced<Level>;
  warnVersion: Sourced<Version>;
}

const builtIn: LevelSource = { kind: 'default', detail: 'built-in default', file: null, line: null };

const defaultFlagNames: Record<OverrideKey, string> = {
  level: '--level',
  warnLevel: '--warn-level',
  version: '--version',
  warnVersion: '--warn-version',
  previewVersion: '--preview-version',
  namespaceLabels: '--namespace-labels',
  strict: '--strict',
  optOuts: '--opt-outs',
  policyChanges: '--policy-changes',
};

function where(at: ConfigLocation): string {
  return `${at.file}:${at.line}`;
}

/** Apply one layer's settings: `version` sets both modes unless `warn-version` is also given. */
function apply(parts: Parts, settings: ModeSettings, sourceOf: (located: Located<unknown>) => LevelSource): void {
  if (settings.level) parts.enforceLevel = { value: settings.level.value, source: sourceOf(settings.level) };
  if (settings.warnLevel) parts.warnLevel = { value: settings.warnLevel.value, source: sourceOf(settings.warnLevel) };
  if (settings.version) {
    const version = { value: settings.version.value, source: sourceOf(settings.version) };
    parts.enforceVersion = version;
    parts.warnVersion = version;
  }
  if (settings.warnVersion) parts.warnVersion = { value: settings.warnVersion.value, source: sourceOf(settings.warnVersion) };
}

function configDefaultSource(located: Located<unknown>): LevelSource {
  return { kind: 'config-default', detail: `${located.at.key} in ${where(located.at)}`, file: located.at.file, line: located.at.line };
}

function flagSource(name: string, value: Level | Version): LevelSource {
  const text = typeof value === 'string' ? value : formatVersion(value);
  return { kind: 'flag', detail: `${name} ${text}`, file: null, line: null };
}

function ruleSource(rule: PolicyRule): LevelSource {
  return { kind: 'config-rule', detail: `${rule.at.key} in ${where(rule.at)}`, file: rule.at.file, line: rule.at.line };
}

/** Layer 1 from the cluster's PodSecurityConfiguration defaults. */
function admissionParts(admission: AdmissionConfig): Parts {
  const part = <T>(mode: 'enforce' | 'warn', key: 'level' | 'version', value: T): Sourced<T> => ({ value, source: admissionSource(admission, mode, key) });
  return {
    enforceLevel: part('enforce', 'level', admission.defaults.enforce.level),
    enforceVersion: part('enforce', 'version', admission.defaults.enforce.version),
    warnLevel: part('warn', 'level', admission.defaults.warn.level),
    warnVersion: part('warn', 'version', admission.defaults.warn.version),
  };
}

/** The first rule whose conditions all hold. */
export function matchRule(rules: readonly PolicyRule[], subject: PolicySubject): PolicyRule | null {
  for (const rule of rules) {
    if (rule.namespaces && (subject.namespace === null || matchName(subject.namespace, rule.namespaces) === null)) continue;
    if (rule.files && matchFile(subject.file, rule.files) === null) continue;
    return rule;
  }
  return null;
}

function labelSource(entry: NamespaceEntry, origin: LabelOrigin, fallback: string): LevelSource {
  const { manifest } = entry;
  const at = `${manifest.file}:${manifest.line}`;
  let detail: string;
  if (origin.kind === 'inherited') detail = `Namespace ${manifest.name} label ${origin.label}=${origin.value}, inherited by warn (${at})`;
  else if (origin.kind === 'label' && !origin.valid) {
    detail = `Namespace ${manifest.name} label ${origin.label}=${JSON.stringify(origin.value)} is invalid, so ${fallback} applies as upstream (${at})`;
  }
  else if (origin.kind === 'label') detail = `Namespace ${manifest.name} label ${origin.label}=${origin.value} (${at})`;
  else detail = `Namespace ${manifest.name} (${at})`;
  return { kind: 'namespace-label', detail, file: manifest.file, line: manifest.line };
}

/** A mode's source: the level's, plus the version's when that came from elsewhere and says something. */
function combine(level: Sourced<Level>, version: Sourced<Version>): LevelSource {
  const same = level.source.kind === version.source.kind && level.source.detail === version.source.detail;
  if (same || level.value === 'privileged' || version.source.kind === 'default') return level.source;
  const detail = `${level.source.detail}; version ${formatVersion(version.value)} from ${version.source.detail}`;
  return { ...level.source, detail, version: version.source };
}

function findExemption(config: PolicyConfig, subject: PolicySubject): Exemption | null {
  // Exact string equality, and an empty or unknown value never matches (§4.4).
  if (subject.namespace) {
    const entry = config.exemptions.namespaces.find((e) => e.value === subject.namespace);
    if (entry) {
      const message = `namespace ${entry.value} is exempt (${entry.at.key} in ${where(entry.at)})`;
      return { kind: 'namespace', value: entry.value, at: entry.at, message };
    }
  }
  if (subject.runtimeClassName) {
    const entry = config.exemptions.runtimeClassNames.find((e) => e.value === subject.runtimeClassName);
    if (entry) {
      return {
        kind: 'runtimeClass',
        value: entry.value,
        at: entry.at,
        message: `runtimeClassName ${entry.value} is exempt (${entry.at.key} in ${where(entry.at)})`,
      };
    }
  }
  return null;
}

/** Whether a disable entry's scopes (other than images, which are decided per finding) cover the subject. */
function disableApplies(entry: DisableEntry, subject: PolicySubject): boolean {
  if (entry.namespaces && (subject.namespace === null || matchName(subject.namespace, entry.namespaces) === null)) return false;
  if (entry.files && matchFile(subject.file, entry.files) === null) return false;
  if (entry.workloads && matchName(subject.name, entry.workloads) === null) return false;
  // No container runs a matching image: the entry cannot apply to any finding.
  if (entry.images && !subject.images.some((image) => matchImage(image, entry.images ?? []) !== null)) return false;
  return true;
}

/** Whether Namespace manifests' labels are read at all (`namespace-labels`, on by default). */
export function namespaceLabelsOn(config: PolicyConfig, overrides: PolicyOverrides): boolean {
  return overrides.namespaceLabels ?? config.namespaceLabels?.value ?? true;
}

/** What resolution reads of no pod spec at all: the run's default levels. */
export const noSubject: PolicySubject = { file: '', namespace: null, kind: '', name: '', workloadAnnotations: {}, templateAnnotations: null, runtimeClassName: null, images: [] };

export function resolvePolicy(input: ResolveInput): ResolvedPolicy {
  const { subject, today } = input;
  const config = input.config ?? defaultPolicyConfig;
  const namespaces = input.namespaces ?? emptyNamespaceIndex;
  const overrides = input.overrides ?? {};
  if (!isCalendarDate(today)) throw new Error(`resolvePolicy: today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const flagName = (key: OverrideKey) => overrides.names?.[key] ?? defaultFlagNames[key];

  // Layers 1–4; the cluster's PodSecurityConfiguration, when the repository has one, is layer 1.
  const admission = input.admission ?? null;
  const parts: Parts = admission
    ? admissionParts(admission)
    : {
        enforceLevel: { value: defaultLevels.enforce.level, source: builtIn },
        enforceVersion: { value: defaultLevels.enforce.version, source: builtIn },
        warnLevel: { value: defaultLevels.warn.level, source: builtIn },
        warnVersion: { value: defaultLevels.warn.version, source: builtIn },
      };
  apply(parts, config, configDefaultSource);
  // Flags are shaped like config settings so that `version` means the same in both.
  const flagAt = (key: OverrideKey): ConfigLocation => ({ file: '', line: 0, key: flagName(key) });
  const flagSettings: ModeSettings = {
    level: overrides.level === undefined ? undefined : { value: overrides.level, at: flagAt('level') },
    warnLevel: overrides.warnLevel === undefined ? undefined : { value: overrides.warnLevel, at: flagAt('warnLevel') },
    version: overrides.version === undefined ? undefined : { value: overrides.version, at: flagAt('version') },
    warnVersion: overrides.warnVersion === undefined ? undefined : { value: overrides.warnVersion, at: flagAt('warnVersion') },
  };
  apply(parts, flagSettings, (located) => flagSource(located.at.key, located.value as Level | Version));
  const rule = matchRule(config.rules, subject);
  if (rule) apply(parts, rule, () => ruleSource(rule));

  // Layer 5: the namespace's labels, applied to layers 1–4 as to the cluster's defaults.
  let audit: Sourced<LevelVersion> | null = null;
  const labelsOn = namespaceLabelsOn(config, overrides);
  const entry = labelsOn && subject.namespace !== null ? namespaceEntryOf(namespaces, subject.file, subject.namespace) : undefined;
  if (entry) {
    const { policy, origins } = policyToEvaluate(entry.podSecurityLabels, {
      enforce: { level: parts.enforceLevel.value, version: parts.enforceVersion.value },
      warn: { level: parts.warnLevel.value, version: parts.warnVersion.value },
      audit: admission?.defaults.audit ?? { level: 'privileged', version: 'latest' },
    });
    const relabel = <T>(current: Sourced<T>, value: T, origin: LabelOrigin, fallback: string): Sourced<T> =>
      origin.kind === 'default' ? current : { value, source: labelSource(entry, origin, fallback) };
    parts.enforceLevel = relabel(parts.enforceLevel, policy.enforce.level, origins.enforce.level, 'restricted');
    parts.enforceVersion = relabel(parts.enforceVersion, policy.enforce.version, origins.enforce.version, 'latest');
    parts.warnLevel = relabel(parts.warnLevel, policy.warn.level, origins.warn.level, 'privileged');
    parts.warnVersion = relabel(parts.warnVersion, policy.warn.version, origins.warn.version, 'latest');
    if (origins.audit.level.kind === 'label' && policy.audit.level !== 'privileged') {
      const auditLevel = { value: policy.audit.level, source: labelSource(entry, origins.audit.level, 'privileged') };
      const versionOrigin = origins.audit.version;
      const auditVersion = { value: policy.audit.version, source: versionOrigin.kind === 'label' ? labelSource(entry, versionOrigin, 'latest') : builtIn };
      audit = { value: { level: policy.audit.level, version: policy.audit.version }, source: combine(auditLevel, auditVersion) };
    }
  }

  // The configuration's audit default, where no label replaced it.
  if (!audit && admission && admission.defaults.audit.level !== 'privileged' && !(entry && Object.hasOwn(entry.podSecurityLabels, namespaceLabels.audit))) {
    const level = { value: admission.defaults.audit.level, source: admissionSource(admission, 'audit', 'level') };
    const version = { value: admission.defaults.audit.version, source: admissionSource(admission, 'audit', 'version') };
    audit = { value: admission.defaults.audit, source: combine(level, version) };
  }

  const enforce: LevelVersion = { level: parts.enforceLevel.value, version: parts.enforceVersion.value };
  const warn: LevelVersion = { level: parts.warnLevel.value, version: parts.warnVersion.value };
  // An audit mode identical to warn adds nothing to report.
  if (audit && formatLevelVersion(audit.value) === formatLevelVersion(warn)) audit = null;

  const previewVersion: Sourced<Version> | null =
    overrides.previewVersion !== undefined
      ? { value: overrides.previewVersion, source: flagSource(flagName('previewVersion'), overrides.previewVersion) }
      : config.previewVersion
        ? { value: config.previewVersion.value, source: configDefaultSource(config.previewVersion) }
        : null;
  // A preview at the enforced version, or of a level that checks nothing, cannot show anything new.
  const preview =
    previewVersion && enforce.level !== 'privileged' && formatVersion(previewVersion.value) !== formatVersion(enforce.version)
      ? { version: previewVersion.value, source: previewVersion.source }
      : null;

  // `opt-outs: none` is strict by another name.
  const noOptOuts = (overrides.optOuts ?? config.optOuts?.value) === 'none';
  const strict = noOptOuts || (overrides.strict ?? config.strict?.value ?? false);
  let strictWhere: string | null = null;
  if (noOptOuts) strictWhere = overrides.optOuts !== undefined || !config.optOuts ? `${flagName('optOuts')} none` : `opt-outs: none in ${where(config.optOuts.at)}`;
  else if (strict) strictWhere = overrides.strict !== undefined || !config.strict ? flagName('strict') : `strict: true in ${where(config.strict.at)}`;

  const optOuts: AnnotationOptOut[] = [];
  const problems: PolicyProblem[] = [];
  const places: [OptOutPlace, Readonly<Record<string, string>>][] = [['workload', subject.workloadAnnotations]];
  if (subject.templateAnnotations) places.push(['template', subject.templateAnnotations]);
  for (const [place, annotations] of places) {
    const reading = readOptOut(annotations, place, { kind: subject.kind, today, strict: strictWhere });
    optOuts.push(...reading.optOuts);
    problems.push(...reading.problems);
  }

  const disabled: DisabledCheck[] = config.disable
    .filter((entry) => disableApplies(entry, subject))
    .flatMap((entry) => entry.checks.map((check) => ({ check, reason: entry.reason, at: entry.at, images: entry.images })));

  return {
    enforce,
    warn,
    audit: audit?.value ?? null,
    levelSource: combine(parts.enforceLevel, parts.enforceVersion),
    warnSource: combine(parts.warnLevel, parts.warnVersion),
    auditSource: audit?.source ?? null,
    preview,
    exemption: findExemption(config, subject) ?? (admission ? findExemption({ ...config, exemptions: admission.exemptions }, subject) : null),
    disabled,
    optOuts,
    strict,
    problems,
  };
}

function annotationsOf(metadata: JsonObject | undefined): Record<string, string> {
  const annotations = obj(metadata, 'annotations') ?? {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations)) {
    // map[string]string: null is "", anything else was rejected by the loader's field validation.
    if (typeof value === 'string' || value === null) out[key] = value ?? '';
  }
  return out;
}

/** The subject of a pod spec found by extractPodSpecs, with a repository-relative file path. */
export function subjectFromPodSpec(source: PodSpecSource, file: string = source.document.file): PolicySubject {
  let object: JsonValue | undefined = source.document.value;
  for (const segment of source.objectPath) {
    if (typeof segment === 'number') object = Array.isArray(object) ? object[segment] : undefined;
    else object = isObject(object) ? object[segment] : undefined;
  }
  const workloadMetadata = isObject(object) ? obj(object, 'metadata') : undefined;
  const isPodItself = source.templatePath.length === source.objectPath.length;
  const runtimeClassName = str(source.pod.spec, 'runtimeClassName');
  return {
    file,
    namespace: source.namespace,
    kind: source.kind,
    name: source.name,
    workloadAnnotations: annotationsOf(workloadMetadata),
    templateAnnotations: isPodItself ? null : annotationsOf(source.pod.metadata),
    runtimeClassName: runtimeClassName === '' ? null : runtimeClassName,
    images: visitContainers(source.pod).map((c) => str(c.container, 'image')),
  };
}

/** The document path of an opt-out annotation, to locate its line. */
export function annotationPath(source: PodSpecSource, place: OptOutPlace, annotation: string): FieldPath {
  const base = place === 'template' ? source.templatePath : source.objectPath;
  return [...base, 'metadata', 'annotations', annotation];
}
