/**
 * A Kyverno `validate.podSecurity` rule's verdict on one pod (pure),
 * following Kyverno's documented and tested behaviour:
 *
 * - every check of the level runs (baseline: the baseline checks;
 *   restricted: all of them, overridden ones included), each at the newest
 *   implementation not newer than the version; Kyverno leaves checks out
 *   for `baseline` only, so `privileged` runs all of them too, like
 *   restricted (unlike Pod Security Admission, where privileged checks
 *   nothing);
 * - each `exclude` entry is evaluated on a copy of the pod: without
 *   `images`, the pod with one bare container (its pod-level fields only);
 *   with `images`, only the containers running a matching image. Each field
 *   error of the entry's control found on that copy, when it is the entry's
 *   `restrictedField` (or none is given) and every bad value matches one of
 *   `values` (or none are given), cancels one field error of the real pod at
 *   the same field (with indexes as `*`), in the same container (by name)
 *   for container fields. A check with no field error left passes.
 *
 * Field errors are derived from the engine's own failure paths, with the
 * values Kyverno reports as bad: the value written, the forbidden entries
 * of `capabilities.add`, the whole `capabilities.drop` list, `nil` for an
 * unset allowPrivilegeEscalation in a securityContext; none for a field
 * that must be set.
 */
import { failureOf } from '../../pss/evaluate.js';
import { allChecks, effectiveMinor } from '../../pss/registry.js';
import { isObject, list, str } from '../../pss/pod.js';
import type { CheckFailure, CheckId, FieldPath, JsonObject, JsonValue, Level, PodInput, Version } from '../../pss/types.js';
import { matchWildcard } from '../patterns.js';

/** Pod Security Standards control names, as Kyverno's `controlName`, to the checks they cover. */
export const controlChecks: Readonly<Record<string, readonly CheckId[]>> = {
  Capabilities: ['capabilities_baseline', 'capabilities_restricted'],
  Seccomp: ['seccompProfile_baseline', 'seccompProfile_restricted'],
  'Privileged Containers': ['privileged'],
  'Host Ports': ['hostPorts'],
  '/proc Mount Type': ['procMount'],
  HostProcess: ['windowsHostProcess'],
  SELinux: ['seLinuxOptions'],
  'Host Namespaces': ['hostNamespaces'],
  'HostPath Volumes': ['hostPathVolumes'],
  Sysctls: ['sysctls'],
  AppArmor: ['appArmorProfile'],
  'Privilege Escalation': ['allowPrivilegeEscalation'],
  'Running as Non-root': ['runAsNonRoot'],
  'Running as Non-root user': ['runAsUser'],
  'Volume Types': ['restrictedVolumes'],
};

export interface PodSecurityExclude {
  readonly controlName: string;
  readonly images: readonly string[];
  readonly restrictedField: string;
  readonly values: readonly string[];
}

/** A `podSecurity.exclude` list (or a PolicyException's `podSecurity`), as written. */
export function podSecurityExcludesOf(value: JsonValue | undefined): PodSecurityExclude[] {
  const strings = (v: JsonValue | undefined) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  return (Array.isArray(value) ? value : [])
    .filter(isObject)
    .map((e) => ({ controlName: str(e, 'controlName'), images: strings(e.images), restrictedField: str(e, 'restrictedField'), values: strings(e.values) }));
}

interface FieldError {
  /** Kyverno's field path with indexes as `*`. */
  readonly field: string;
  /** The container a container-level field belongs to (by name); null for pod-level fields. */
  readonly container: string | null;
  readonly badValues: readonly string[];
}

/** The checks Kyverno runs for a level and version, each at its selected implementation. */
function kyvernoFailures(pod: PodInput, level: Level, version: Version): CheckFailure[] {
  const minor = effectiveMinor(version);
  const failures: CheckFailure[] = [];
  for (const check of allChecks) {
    if (level === 'baseline' && check.level !== 'baseline') continue;
    const [first, ...rest] = check.implementations;
    if (!first) continue;
    const implementation = rest.reduce((chosen, next) => (next.minVersion <= minor && chosen.minVersion < next.minVersion ? next : chosen), first);
    const violation = implementation.evaluate(pod);
    if (violation) failures.push(failureOf(check.id, violation));
  }
  return failures;
}

function valueAt(pod: PodInput, path: FieldPath): JsonValue | undefined {
  let value: JsonValue | undefined = { metadata: pod.metadata, spec: pod.spec };
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isObject(value) ? value[segment] : undefined;
  }
  return value;
}

const shown = (value: JsonValue | undefined): string[] =>
  value === undefined || value === null || value === '' || typeof value === 'object' ? [] : [String(value)];

const isContainerList = (segment: unknown) => segment === 'containers' || segment === 'initContainers' || segment === 'ephemeralContainers';

/**
 * The paths Kyverno's field errors are about. Upstream's message (and the
 * engine's paths) name only the containers that set a bad value when there
 * are any; Kyverno's field errors also list those that leave a required
 * field unset (runAsNonRoot, seccomp type), so they are added back.
 */
function kyvernoPaths(failure: CheckFailure, pod: PodInput): readonly FieldPath[] {
  const required: Partial<Record<CheckId, { field: FieldPath; covers: (pod: PodInput) => boolean }>> = {
    runAsNonRoot: { field: ['securityContext', 'runAsNonRoot'], covers: (p) => valueAt(p, ['spec', 'securityContext', 'runAsNonRoot']) === true },
    seccompProfile_restricted: {
      field: ['securityContext', 'seccompProfile', 'type'],
      covers: (p) => ['RuntimeDefault', 'Localhost'].includes(String(valueAt(p, ['spec', 'securityContext', 'seccompProfile', 'type']))),
    },
  };
  const rule = required[failure.check];
  if (!rule || rule.covers(pod)) return failure.paths;
  const paths = [...failure.paths];
  const seen = new Set(paths.map((p) => p.join('.')));
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    list(pod.spec, key).forEach((container, index) => {
      // Unset in the container: the field, or for seccomp the whole profile.
      const unsetPath = rule.field.length === 2 ? ['spec', key, index, ...rule.field] : ['spec', key, index, 'securityContext', 'seccompProfile'];
      const unset = (valueAt(pod, unsetPath) ?? null) === null;
      const path = ['spec', key, index, ...rule.field];
      if (isObject(container) && unset && !seen.has(path.join('.'))) paths.push(path);
    });
  }
  return paths;
}

/** Kyverno's field errors of one failure. */
function fieldErrors(failure: CheckFailure, pod: PodInput): FieldError[] {
  const errors = new Map<string, { field: string; container: string | null; badValues: string[] }>();
  for (const original of kyvernoPaths(failure, pod)) {
    // A volume of no known type is Kyverno's `unknown` one.
    const path = failure.check === 'restrictedVolumes' && original.length === 3 ? [...original, 'unknown'] : original;
    let fieldPath = path;
    let badValues: string[];
    const last = path[path.length - 1];
    const parent = path[path.length - 2];
    if (typeof last === 'number' && (parent === 'add' || parent === 'drop')) {
      // One error per container and list, its bad values the forbidden entries.
      fieldPath = path.slice(0, -1);
      badValues = shown(valueAt(pod, path));
    } else if (last === 'drop') {
      const drop = valueAt(pod, path);
      badValues = Array.isArray(drop) ? [...new Set(drop.map((d) => (typeof d === 'string' ? d : '')))].sort() : [];
    } else if (last === 'hostPath') {
      // Kyverno reports the host path itself.
      badValues = shown(valueAt(pod, [...path, 'path']));
    } else if (last === 'allowPrivilegeEscalation') {
      const securityContext = valueAt(pod, path.slice(0, -1));
      const value = valueAt(pod, path);
      badValues = isObject(securityContext) && (value === undefined || value === null) ? ['nil'] : shown(value);
    } else {
      badValues = shown(valueAt(pod, path));
    }
    const containerLevel = fieldPath[0] === 'spec' && isContainerList(fieldPath[1]) && typeof fieldPath[2] === 'number';
    const container = containerLevel ? str(list(pod.spec, fieldPath[1] as string)[fieldPath[2] as number] as JsonObject | undefined, 'name') : null;
    // As field.Path prints it (map keys in brackets), with every run of digits as `*`, as Kyverno compares them.
    const field = fieldPath
      .map((s, i) => (typeof s === 'number' ? `[${s}]` : fieldPath[i - 1] === 'annotations' ? `[${s}]` : `.${s}`))
      .join('')
      .slice(1)
      .replace(/\d+/g, '*');
    const key = `${field}\u0000${container ?? ''}\u0000${fieldPath.join('.')}`;
    const existing = errors.get(key);
    if (existing) existing.badValues.push(...badValues.filter((v) => !existing.badValues.includes(v)));
    else errors.set(key, { field, container, badValues });
  }
  return [...errors.values()].map((e) => ({ ...e, badValues: [...e.badValues].sort() }));
}

/** The copy of the pod an exclude entry is evaluated on. */
function exclusionPod(pod: PodInput, exclude: PodSecurityExclude): PodInput {
  if (exclude.images.length === 0) {
    const spec: JsonObject = { ...pod.spec, containers: [{ name: 'fake' }] };
    delete spec.initContainers;
    delete spec.ephemeralContainers;
    return { metadata: pod.metadata, spec };
  }
  const spec: JsonObject = {};
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    const matching = list(pod.spec, key).filter((c) => isObject(c) && matchWildcard(str(c, 'image'), exclude.images) !== null);
    if (matching.length > 0) spec[key] = matching;
  }
  return { metadata: {}, spec };
}

export interface RuleVerdict {
  /** The failures that remain, in check order, each with the paths of the field errors that remain. */
  readonly failures: readonly CheckFailure[];
  /** Failures the rule's exclusions removed entirely. */
  readonly excluded: readonly CheckId[];
}

/** Evaluate a podSecurity rule on a pod: Kyverno's failures after its exclusions. */
export function evaluatePodSecurityRule(pod: PodInput, level: Level, version: Version, excludes: readonly PodSecurityExclude[]): RuleVerdict {
  const failures = kyvernoFailures(pod, level, version);
  // The field errors still standing, per check.
  const remaining = new Map(failures.map((f) => [f.check, fieldErrors(f, pod).map((error, index) => ({ error, index }))]));
  for (const exclude of excludes) {
    const checks = controlChecks[exclude.controlName] ?? [];
    const copy = exclusionPod(pod, exclude);
    const containerLevel = exclude.images.length > 0;
    for (const excluded of kyvernoFailures(copy, level, version)) {
      if (!checks.includes(excluded.check)) continue;
      const standing = remaining.get(excluded.check);
      if (!standing) continue;
      for (const error of fieldErrors(excluded, copy)) {
        if (exclude.restrictedField !== '' && error.field !== exclude.restrictedField) continue;
        if (exclude.values.length > 0 && !error.badValues.every((value) => matchWildcard(value, exclude.values) !== null)) continue;
        const index = standing.findIndex(({ error: e }) => e.field === error.field && (!containerLevel || e.container === error.container));
        if (index >= 0) standing.splice(index, 1);
      }
    }
  }
  const kept: CheckFailure[] = [];
  const excluded: CheckId[] = [];
  for (const failure of failures) {
    const standing = remaining.get(failure.check) ?? [];
    const original = fieldErrors(failure, pod).length;
    if (original > 0 && standing.length === 0) excluded.push(failure.check);
    else kept.push(failure);
  }
  return { failures: kept, excluded };
}
