/**
 * Namespace labels (spec §4.3): the policy the admission controller would
 * apply to a namespace, computed from its `pod-security.kubernetes.io/*`
 * labels exactly as upstream's PolicyToEvaluate does, including the
 * fallbacks for invalid values (enforce fails closed to restricted, audit
 * and warn fail open to privileged, a bad version reads as latest) and warn
 * inheriting from enforce.
 *
 * The defaults the labels override are an input: for the admission
 * controller they are the cluster's PodSecurityConfiguration `defaults`;
 * here resolvePolicy passes what the config file and flags say for the pod
 * spec, which play that role.
 */
import type { ManifestDocument } from '../manifests/types.js';
import { goQuote } from '../pss/format.js';
import { formatLevelVersion, levelRank, parseLevel, parseVersion } from '../pss/levels.js';
import { isObject, obj } from '../pss/pod.js';
import type { FieldPath, JsonValue, Level, LevelVersion } from '../pss/types.js';
import type { NamespaceManifest } from './types.js';

export const labelPrefix = 'pod-security.kubernetes.io/';

export const namespaceLabels = {
  enforce: `${labelPrefix}enforce`,
  enforceVersion: `${labelPrefix}enforce-version`,
  audit: `${labelPrefix}audit`,
  auditVersion: `${labelPrefix}audit-version`,
  warn: `${labelPrefix}warn`,
  warnVersion: `${labelPrefix}warn-version`,
} as const;

export type Mode = 'enforce' | 'audit' | 'warn';

/** The three modes of Pod Security Admission. */
export interface AdmissionPolicy {
  readonly enforce: LevelVersion;
  readonly audit: LevelVersion;
  readonly warn: LevelVersion;
}

/** The PodSecurityConfiguration defaults when none are configured. */
export const privilegedDefaults: AdmissionPolicy = {
  enforce: { level: 'privileged', version: 'latest' },
  audit: { level: 'privileged', version: 'latest' },
  warn: { level: 'privileged', version: 'latest' },
};

/** Where one part (level or version) of a mode's policy came from. */
export type LabelOrigin =
  | { readonly kind: 'default' }
  /** The label was present; `valid: false` means the fallback applies. */
  | { readonly kind: 'label'; readonly label: string; readonly value: string; readonly valid: boolean }
  /** Warn inherited the enforce level (or version) from this label. */
  | { readonly kind: 'inherited'; readonly label: string; readonly value: string };

export interface ModeOrigins {
  readonly level: LabelOrigin;
  readonly version: LabelOrigin;
}

/** An invalid label value, with the upstream error text. */
export interface LabelError {
  readonly label: string;
  readonly value: string;
  /** e.g. `metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "foo": must be one of privileged, baseline, restricted` */
  readonly message: string;
}

export interface LabelPolicy {
  readonly policy: AdmissionPolicy;
  readonly origins: Readonly<Record<Mode, ModeOrigins>>;
  readonly errors: readonly LabelError[];
}

function labelError(label: string, value: string, error: string): LabelError {
  // field.Invalid(labelsPath.Key(key), value, err): Go quotes string values with %q.
  return { label, value, message: `metadata.labels[${label}]: Invalid value: ${goQuote(value)}: ${error}` };
}

/**
 * Upstream's PolicyToEvaluate: the policy for a namespace with these labels,
 * starting from `defaults`. Errors are values; evaluation still uses the
 * fallbacks, as the admission controller does.
 */
export function policyToEvaluate(labels: Readonly<Record<string, string>>, defaults: AdmissionPolicy = privilegedDefaults): LabelPolicy {
  const errors: LabelError[] = [];
  const policy = { enforce: { ...defaults.enforce }, audit: { ...defaults.audit }, warn: { ...defaults.warn } };
  const def: ModeOrigins = { level: { kind: 'default' }, version: { kind: 'default' } };
  const origins: Record<Mode, { level: LabelOrigin; version: LabelOrigin }> = {
    enforce: { ...def },
    audit: { ...def },
    warn: { ...def },
  };
  const has = (label: string): string | undefined => (Object.hasOwn(labels, label) ? labels[label] : undefined);

  // Each mode's level, then its version. `failLevel` is the upstream fallback:
  // enforce fails closed (the parser's own fallback, restricted), audit and
  // warn fail open to privileged.
  const readMode = (mode: Mode, levelLabel: string, versionLabel: string, failLevel: Level | null): boolean => {
    let validLevel = false;
    const level = has(levelLabel);
    if (level !== undefined) {
      const parsed = parseLevel(level);
      policy[mode].level = parsed.ok ? parsed.value : (failLevel ?? parsed.fallback);
      validLevel = parsed.ok;
      if (!parsed.ok) errors.push(labelError(levelLabel, level, parsed.error));
      origins[mode].level = { kind: 'label', label: levelLabel, value: level, valid: parsed.ok };
    }
    const version = has(versionLabel);
    if (version !== undefined) {
      const parsed = parseVersion(version);
      policy[mode].version = parsed.ok ? parsed.value : parsed.fallback;
      if (!parsed.ok) errors.push(labelError(versionLabel, version, parsed.error));
      origins[mode].version = { kind: 'label', label: versionLabel, value: version, valid: parsed.ok };
    }
    return validLevel;
  };

  if (Object.keys(labels).length === 0) return { policy, origins, errors };
  const hasValidEnforce = readMode('enforce', namespaceLabels.enforce, namespaceLabels.enforceVersion, null);
  readMode('audit', namespaceLabels.audit, namespaceLabels.auditVersion, 'privileged');
  readMode('warn', namespaceLabels.warn, namespaceLabels.warnVersion, 'privileged');

  // Warn defaults to the enforce level when enforce is explicitly set (and
  // valid) to something stricter than the default warn level and no warn
  // label says otherwise. Audit never inherits.
  const hasWarnLevel = has(namespaceLabels.warn) !== undefined;
  const hasWarnVersion = has(namespaceLabels.warnVersion) !== undefined;
  if (!hasWarnLevel && hasValidEnforce && levelRank(policy.enforce.level) > levelRank(policy.warn.level)) {
    policy.warn.level = policy.enforce.level;
    const enforceLabel = namespaceLabels.enforce;
    origins.warn.level = { kind: 'inherited', label: enforceLabel, value: labels[enforceLabel] ?? '' };
    if (!hasWarnVersion) {
      policy.warn.version = policy.enforce.version;
      const versionOrigin = origins.enforce.version;
      origins.warn.version =
        versionOrigin.kind === 'label' ? { kind: 'inherited', label: versionOrigin.label, value: versionOrigin.value } : versionOrigin;
    }
  }
  return { policy, origins, errors };
}

/** A Namespace of the repository with its parsed labels. */
export interface NamespaceEntry {
  readonly manifest: NamespaceManifest;
  /** Only the pod-security labels: the others do not matter here. */
  readonly podSecurityLabels: Readonly<Record<string, string>>;
  /** Errors of the labels against privileged defaults (they do not depend on the defaults). */
  readonly errors: readonly LabelError[];
}

export interface NamespaceProblem {
  readonly file: string;
  readonly line: number;
  readonly namespace: string;
  readonly message: string;
  /** invalid: a label value the admission controller falls back from; conflict: a second definition with other labels. */
  readonly kind: 'invalid' | 'conflict';
  /** For a conflict, the file of the definition whose labels are used (this problem's file holds the other one). */
  readonly firstFile?: string;
}

export interface NamespaceIndex {
  /** The first definition of each name (in the order given). */
  readonly byName: ReadonlyMap<string, NamespaceEntry>;
  /** Each file's (or rendering's) own first definition of each name it defines: see namespaceEntryOf. */
  readonly byFile?: ReadonlyMap<string, ReadonlyMap<string, NamespaceEntry>>;
  /** Invalid label values (upstream texts) and conflicting duplicates (warnings): report each once per run. */
  readonly problems: readonly NamespaceProblem[];
}

export const emptyNamespaceIndex: NamespaceIndex = { byName: new Map(), problems: [] };

function podSecurityLabelsOf(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([key]) => key.startsWith(labelPrefix)));
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * The Namespace a pod spec of `file` is admitted under: the file's (or
 * rendering's) own definition of it, when it has one, else the first one.
 * `kubectl apply` of a file or of an overlay's rendering creates its
 * Namespace before its pods, so they are admitted under those labels,
 * whatever other overlays define (EKS Workshop's pss-psa module: one
 * overlay per level, each with its own Namespace `pss`).
 */
export function namespaceEntryOf(index: NamespaceIndex, file: string, name: string): NamespaceEntry | undefined {
  return index.byFile?.get(file)?.get(name) ?? index.byName.get(name);
}

/**
 * Index the repository's Namespace manifests by name. A namespace defined
 * twice with the same pod-security labels is fine (overlays often repeat
 * it); with different labels the conflict is a warning naming both files:
 * the cluster keeps whichever is applied last, which the repository does
 * not say. A pod spec in a file or rendering that defines the namespace is
 * judged by that definition (namespaceEntryOf); any other by the first one
 * (in the order given: sort the files for a stable answer).
 */
export function indexNamespaces(manifests: readonly NamespaceManifest[]): NamespaceIndex {
  const byName = new Map<string, NamespaceEntry>();
  const byFile = new Map<string, Map<string, NamespaceEntry>>();
  const problems: NamespaceProblem[] = [];
  for (const manifest of manifests) {
    const podSecurityLabels = podSecurityLabelsOf(manifest.labels);
    const entry: NamespaceEntry = { manifest, podSecurityLabels, errors: policyToEvaluate(podSecurityLabels).errors };
    const own = byFile.get(manifest.file) ?? new Map<string, NamespaceEntry>();
    byFile.set(manifest.file, own);
    if (!own.has(manifest.name)) own.set(manifest.name, entry);
    const existing = byName.get(manifest.name);
    if (existing) {
      if (!sameLabels(existing.podSecurityLabels, podSecurityLabels)) {
        const first = `${existing.manifest.file}:${existing.manifest.line}`;
        const second = `${manifest.file}:${manifest.line}`;
        problems.push({
          file: manifest.file,
          line: manifest.line,
          namespace: manifest.name,
          message:
            `Namespace ${manifest.name} is defined in ${first} and in ${second} with different pod-security labels; ` +
            `the cluster keeps whichever is applied last, which the review cannot know: a pod spec applied with one of them (in its file or rendering) is judged by that one, any other by the labels of ${first}`,
          kind: 'conflict',
          firstFile: existing.manifest.file,
        });
      }
      continue;
    }
    byName.set(manifest.name, entry);
    for (const error of entry.errors) {
      problems.push({
        file: manifest.file,
        line: manifest.line,
        namespace: manifest.name,
        message: `Namespace ${manifest.name}: ${error.message}; the admission controller ${fallbackText(error.label)}`,
        kind: 'invalid',
      });
    }
  }
  return { byName, byFile, problems };
}

function fallbackText(label: string): string {
  if (label === namespaceLabels.enforce) return 'enforces restricted instead';
  if (label === namespaceLabels.audit || label === namespaceLabels.warn) return 'uses privileged instead (nothing is reported)';
  return 'uses latest instead';
}

/** The policy of a namespace on its own (privileged defaults), printed `enforce=…, audit=…, warn=…`, for summaries. */
export function describeNamespacePolicy(entry: NamespaceEntry, defaults: AdmissionPolicy = privilegedDefaults): string {
  const { policy } = policyToEvaluate(entry.podSecurityLabels, defaults);
  return (['enforce', 'audit', 'warn'] as const).map((mode) => `${mode}=${formatLevelVersion(policy[mode])}`).join(', ');
}

export interface NamespaceExtraction {
  readonly namespaces: readonly NamespaceManifest[];
  /** Label values that are not strings: the API server would reject the Namespace. */
  readonly problems: readonly { readonly file: string; readonly path: FieldPath; readonly namespace: string; readonly message: string }[];
}

/**
 * The Namespace objects of a decoded document (also the items of a `List`
 * or `NamespaceList`). Labels are `map[string]string` to the API server, so
 * a label whose value is not a string makes the object invalid: reported,
 * and the object skipped rather than guessed. `lineOf` maps a field path of
 * the document to its line (locate() in the caller).
 */
export function namespacesFromDocument(document: ManifestDocument, lineOf: (path: FieldPath) => number): NamespaceExtraction {
  const namespaces: NamespaceManifest[] = [];
  const problems: { file: string; path: FieldPath; namespace: string; message: string }[] = [];
  const visit = (value: JsonValue | undefined, path: FieldPath, itemKind: string | null) => {
    if (!isObject(value)) return;
    const kind = typeof value.kind === 'string' ? value.kind : itemKind;
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : itemKind ? 'v1' : undefined;
    if ((kind === 'List' || kind === 'NamespaceList') && Array.isArray(value.items)) {
      const items = value.items;
      items.forEach((item, index) => visit(item, [...path, 'items', index], kind === 'NamespaceList' ? 'Namespace' : null));
      return;
    }
    if (kind !== 'Namespace' || apiVersion !== 'v1') return;
    const metadata = obj(value, 'metadata');
    const name = metadata?.name;
    if (typeof name !== 'string' || name === '') return;
    const decoded: Record<string, string> = {};
    let valid = true;
    for (const [key, labelValue] of Object.entries(obj(metadata, 'labels') ?? {})) {
      // A Go map[string]string reads null as "".
      if (typeof labelValue === 'string' || labelValue === null || labelValue === undefined) {
        decoded[key] = labelValue ?? '';
        continue;
      }
      valid = false;
      const type = Array.isArray(labelValue) ? 'a list' : typeof labelValue;
      problems.push({
        file: document.file,
        path: [...path, 'metadata', 'labels', key],
        namespace: name,
        message: `metadata.labels[${key}]: must be a string, not ${type} (quote it); the API server would reject this Namespace`,
      });
    }
    if (valid) namespaces.push({ name, labels: decoded, file: document.file, line: lineOf([...path, 'metadata', 'labels']) });
  };
  visit(document.value, [], null);
  return { namespaces, problems };
}
