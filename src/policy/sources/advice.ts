/**
 * Hardening advice beyond the Pod Security Standards (pure): named
 * advisory checks (`advice.*`) on a pod spec. They never change an
 * admission verdict; they run only when enabled (the config's `advice`,
 * `check --advice`) and block only when the config says so.
 */
import type { Finding, FindingLocation } from '../../findings/types.js';
import { byPlace, locationOf } from '../../findings/finding.js';
import { isObject, list, obj, optBool, optInt, str, visitContainers } from '../../pss/pod.js';
import type { FieldPath, JsonObject, PodInput } from '../../pss/types.js';
import type { PodSpecSource } from '../../workloads/extract.js';
import type { AdviceCheckId } from './extraChecks.js';
import type { ExtraChecks } from './settings.js';

/** One failed advice check of a pod spec: like an upstream check's failure, with the paths a fix edits. */
export interface Advice {
  readonly check: AdviceCheckId;
  readonly reason: string;
  readonly detail: string;
  /** Pod-relative paths, as the engine's. */
  readonly paths: readonly FieldPath[];
}

const containerNames = (names: readonly string[]) => `${names.length === 1 ? 'container' : 'containers'} ${names.map((n) => JSON.stringify(n)).join(', ')}`;

/**
 * What one container must do, as the field to point at when it does not
 * (a container-relative path, a constant: deciding allocates nothing), or
 * null when it does.
 */
type ContainerRule = (container: JsonObject, pod: PodInput) => FieldPath | null;

/** One requirement of an advice check: of the pod itself, or of every container. */
type Requirement =
  | { readonly of: 'pod'; readonly unmet: (pod: PodInput) => boolean; readonly path: FieldPath; readonly detail: string }
  | { readonly of: 'containers'; readonly rule: ContainerRule; readonly detail: (containers: string) => string };

/**
 * An advice check: it fails when a requirement is unmet, and its detail
 * joins the sentences of the unmet ones. Written once as data, so that the
 * verdict alone (verification asks only which checks fail) and the full
 * failure (the check's findings) cannot disagree.
 */
interface AdviceCheck {
  readonly reason: string;
  /** False for a pod the advice does not apply to (nothing it could follow). */
  readonly appliesTo?: (pod: PodInput) => boolean;
  readonly requirements: readonly Requirement[];
}

/** The containers advice is about: ephemeral containers are for debugging, limits and file systems are not theirs to set. */
const adviceContainerLists = ['initContainers', 'containers'] as const;

/** Whether some container breaks `rule`: visitContainers' order and entries, without building a path or a name. */
function someContainerBreaks(pod: PodInput, rule: ContainerRule): boolean {
  for (const key of adviceContainerLists) {
    for (const entry of list(pod.spec, key)) {
      if (isObject(entry) && rule(entry, pod) !== null) return true;
    }
  }
  return false;
}

/** The containers breaking `rule`, with the pod-relative paths to point at. */
function containersBreaking(pod: PodInput, rule: ContainerRule): { names: string[]; paths: FieldPath[] } {
  const names: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    if (path[1] === 'ephemeralContainers') continue;
    const field = rule(container, pod);
    if (field) {
      names.push(name);
      paths.push([...path, ...field]);
    }
  }
  return { names, paths };
}

function unmet(requirement: Requirement, pod: PodInput): boolean {
  return requirement.of === 'pod' ? requirement.unmet(pod) : someContainerBreaks(pod, requirement.rule);
}

const securityContextOf = (container: JsonObject) => obj(container, 'securityContext');
const readOnlyRootFilesystemField: FieldPath = ['securityContext', 'readOnlyRootFilesystem'];
const capabilitiesAddField: FieldPath = ['securityContext', 'capabilities', 'add'];
const capabilitiesDropField: FieldPath = ['securityContext', 'capabilities', 'drop'];
const imageField: FieldPath = ['image'];
const limitsField: FieldPath = ['resources', 'limits'];

/** runAsUser or runAsGroup above 10000, the container's own or else the pod's. */
function highId(key: 'runAsUser' | 'runAsGroup'): Requirement {
  const field: FieldPath = ['securityContext', key];
  return {
    of: 'containers',
    rule: (container, pod) => {
      const value = optInt(securityContextOf(container), key) ?? optInt(obj(pod.spec, 'securityContext'), key);
      return value !== undefined && value > 10000 ? null : field;
    },
    detail: (containers) => `${containers} should run with ${key} above 10000`,
  };
}

const checks: Record<AdviceCheckId, AdviceCheck> = {
  'advice.readOnlyRootFilesystem': {
    reason: 'writable root file system',
    // The API server refuses readOnlyRootFilesystem in a Windows pod: advice it could not follow is noise.
    appliesTo: (pod) => str(obj(pod.spec, 'os'), 'name') !== 'windows',
    requirements: [
      {
        of: 'containers',
        rule: (container) => (optBool(securityContextOf(container), 'readOnlyRootFilesystem') === true ? null : readOnlyRootFilesystemField),
        detail: (containers) => `${containers} should set securityContext.readOnlyRootFilesystem=true`,
      },
    ],
  },
  'advice.automountServiceAccountToken': {
    reason: 'service account token mounted',
    requirements: [
      {
        of: 'pod',
        unmet: (pod) => optBool(pod.spec, 'automountServiceAccountToken') !== false,
        path: ['spec', 'automountServiceAccountToken'],
        detail: 'pod should set automountServiceAccountToken=false unless it calls the Kubernetes API',
      },
    ],
  },
  'advice.highUid': { reason: 'UID or GID not above 10000', requirements: [highId('runAsUser'), highId('runAsGroup')] },
  'advice.dropNetRaw': {
    reason: 'NET_RAW not dropped',
    requirements: [
      {
        of: 'containers',
        rule: (container) => {
          const capabilities = obj(securityContextOf(container), 'capabilities');
          const drop = list(capabilities, 'drop');
          const adds = list(capabilities, 'add').includes('NET_RAW');
          return !adds && (drop.includes('ALL') || drop.includes('NET_RAW')) ? null : adds ? capabilitiesAddField : capabilitiesDropField;
        },
        detail: (containers) => `${containers} should drop NET_RAW (or ALL) and not add it`,
      },
    ],
  },
  'advice.imageDigest': {
    reason: 'image not pinned by digest',
    requirements: [
      {
        of: 'containers',
        rule: (container) => (/@sha256:[0-9a-f]{64}$/.test(str(container, 'image')) ? null : imageField),
        detail: (containers) => `${containers} should name the image by digest (image@sha256:…)`,
      },
    ],
  },
  'advice.resourceLimits': {
    reason: 'no resource limits',
    requirements: [
      {
        of: 'containers',
        rule: (container) => {
          const limits = obj(obj(container, 'resources'), 'limits');
          return isObject(limits) && limits.cpu !== undefined && limits.memory !== undefined ? null : limitsField;
        },
        detail: (containers) => `${containers} should set resources.limits.cpu and memory`,
      },
    ],
  },
};

const checkEntries = Object.entries(checks) as [AdviceCheckId, AdviceCheck][];

function fails(check: AdviceCheck, pod: PodInput): boolean {
  return (check.appliesTo?.(pod) ?? true) && check.requirements.some((requirement) => unmet(requirement, pod));
}

/** The failure of `check` on the pod, with its detail and paths, or null when it passes. */
function failure(id: AdviceCheckId, check: AdviceCheck, pod: PodInput): Advice | null {
  if (check.appliesTo && !check.appliesTo(pod)) return null;
  const details: string[] = [];
  const paths: FieldPath[] = [];
  for (const requirement of check.requirements) {
    if (requirement.of === 'pod') {
      if (!requirement.unmet(pod)) continue;
      details.push(requirement.detail);
      paths.push(requirement.path);
      continue;
    }
    const breaking = containersBreaking(pod, requirement.rule);
    if (breaking.names.length === 0) continue;
    details.push(requirement.detail(containerNames(breaking.names)));
    paths.push(...breaking.paths);
  }
  return details.length === 0 ? null : { check: id, reason: check.reason, detail: details.join('; '), paths };
}

/** The advice checks a pod spec fails, of those `enabled` lets through (default: all), in the order of adviceCheckIds. */
export function adviceFailures(pod: PodInput, enabled: (id: AdviceCheckId) => boolean = () => true): Advice[] {
  const failures: Advice[] = [];
  for (const [id, check] of checkEntries) {
    if (!enabled(id)) continue;
    const advice = failure(id, check, pod);
    if (advice) failures.push(advice);
  }
  return failures;
}

/**
 * The ids of the advice checks a pod spec fails, as adviceFailures finds
 * them, in the same order, but deciding only: no detail, path or name is
 * built, and a check stops at its first unmet requirement (what
 * verification asks of every fixed pod spec).
 */
export function failingAdvice(pod: PodInput): AdviceCheckId[] {
  const failing: AdviceCheckId[] = [];
  for (const [id, check] of checkEntries) if (fails(check, pod)) failing.push(id);
  return failing;
}

/** The enabled advice checks' findings for one pod spec, in the order of adviceFailures. */
export function adviceFindings(source: PodSpecSource, settings: ExtraChecks): Finding[] {
  const findings: Finding[] = [];
  for (const advice of adviceFailures(source.pod, settings.enabled.has.bind(settings.enabled))) {
    const id = advice.check;
    const blocking = settings.blocking.has(id);
    const locations: FindingLocation[] = advice.paths.map((podPath) => locationOf(source, podPath)).sort(byPlace);
    const containers = [...new Set(locations.map((l) => l.container).filter((c): c is string => c !== null))];
    findings.push({
      file: source.document.file,
      apiVersion: source.apiVersion,
      kind: source.kind,
      namespace: source.namespace,
      name: source.name,
      container: containers.length === 1 ? (containers[0] ?? null) : null,
      containers,
      check: advice.check,
      reason: advice.reason,
      detail: advice.detail,
      level: 'restricted',
      version: 'latest',
      line: locations[0]?.line ?? source.document.line,
      locations,
      mode: blocking ? 'enforce' : 'warn',
      blocking,
      levelSource: { kind: 'advisory', detail: `hardening advice ${advice.check}${blocking ? ', blocking by the config' : ''}` },
      optOutNote: null,
      fix: null,
      fixNote: null,
    });
  }
  return findings;
}
