/**
 * Hardening advice beyond the Pod Security Standards (pure): named
 * advisory checks (`advice.*`) on a pod spec. They never change an
 * admission verdict; they run only when enabled (the config's `advice`,
 * `check --advice`) and block only when the config says so.
 */
import type { Finding, FindingLocation } from '../../findings/types.js';
import { locate } from '../../locate/locate.js';
import { formatFieldPath } from '../../pss/paths.js';
import { isObject, list, obj, optBool, optInt, str, visitContainers } from '../../pss/pod.js';
import type { FieldPath, PodInput } from '../../pss/types.js';
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

type AdviceCheck = (pod: PodInput) => Advice | null;

/** Per container: the ones failing `bad`, with the path to point at. */
function perContainer(pod: PodInput, bad: (container: Record<string, unknown>, path: FieldPath) => FieldPath | null) {
  const names: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    // Ephemeral containers are for debugging: limits and file systems are not theirs to set.
    if (path[1] === 'ephemeralContainers') continue;
    const at = bad(container, path);
    if (at) {
      names.push(name);
      paths.push(at);
    }
  }
  return { names, paths };
}

const checks: Record<AdviceCheckId, AdviceCheck> = {
  'advice.readOnlyRootFilesystem': (pod) => {
    // The API server refuses readOnlyRootFilesystem in a Windows pod: advice it could not follow is noise.
    if (str(obj(pod.spec, 'os'), 'name') === 'windows') return null;
    const { names, paths } = perContainer(pod, (c, path) => (optBool(obj(c as never, 'securityContext'), 'readOnlyRootFilesystem') === true ? null : [...path, 'securityContext', 'readOnlyRootFilesystem']));
    return names.length === 0 ? null : { check: 'advice.readOnlyRootFilesystem', reason: 'writable root file system', detail: `${containerNames(names)} should set securityContext.readOnlyRootFilesystem=true`, paths };
  },
  'advice.automountServiceAccountToken': (pod) =>
    optBool(pod.spec, 'automountServiceAccountToken') === false
      ? null
      : {
          check: 'advice.automountServiceAccountToken',
          reason: 'service account token mounted',
          detail: 'pod should set automountServiceAccountToken=false unless it calls the Kubernetes API',
          paths: [['spec', 'automountServiceAccountToken']],
        },
  'advice.highUid': (pod) => {
    const podContext = obj(pod.spec, 'securityContext');
    const low: string[] = [];
    const paths: FieldPath[] = [];
    for (const key of ['runAsUser', 'runAsGroup'] as const) {
      const podValue = optInt(podContext, key);
      const { names, paths: containerPaths } = perContainer(pod, (c, path) => {
        const value = optInt(obj(c as never, 'securityContext'), key) ?? podValue;
        return value !== undefined && value > 10000 ? null : [...path, 'securityContext', key];
      });
      if (names.length > 0) {
        low.push(`${containerNames(names)} should run with ${key} above 10000`);
        paths.push(...containerPaths);
      }
    }
    return low.length === 0 ? null : { check: 'advice.highUid', reason: 'UID or GID not above 10000', detail: low.join('; '), paths };
  },
  'advice.dropNetRaw': (pod) => {
    const { names, paths } = perContainer(pod, (c, path) => {
      const capabilities = obj(obj(c as never, 'securityContext'), 'capabilities');
      const drop = list(capabilities, 'drop');
      const adds = list(capabilities, 'add').includes('NET_RAW');
      return !adds && (drop.includes('ALL') || drop.includes('NET_RAW')) ? null : [...path, 'securityContext', 'capabilities', adds ? 'add' : 'drop'];
    });
    return names.length === 0 ? null : { check: 'advice.dropNetRaw', reason: 'NET_RAW not dropped', detail: `${containerNames(names)} should drop NET_RAW (or ALL) and not add it`, paths };
  },
  'advice.imageDigest': (pod) => {
    const { names, paths } = perContainer(pod, (c, path) => (/@sha256:[0-9a-f]{64}$/.test(str(c as never, 'image')) ? null : [...path, 'image']));
    return names.length === 0 ? null : { check: 'advice.imageDigest', reason: 'image not pinned by digest', detail: `${containerNames(names)} should name the image by digest (image@sha256:…)`, paths };
  },
  'advice.resourceLimits': (pod) => {
    const { names, paths } = perContainer(pod, (c, path) => {
      const limits = obj(obj(c as never, 'resources'), 'limits');
      return isObject(limits) && limits.cpu !== undefined && limits.memory !== undefined ? null : [...path, 'resources', 'limits'];
    });
    return names.length === 0 ? null : { check: 'advice.resourceLimits', reason: 'no resource limits', detail: `${containerNames(names)} should set resources.limits.cpu and memory`, paths };
  },
};

/** The advice checks a pod spec fails, of those `enabled` lets through (default: all), in the order of adviceCheckIds. */
export function adviceFailures(pod: PodInput, enabled: (id: AdviceCheckId) => boolean = () => true): Advice[] {
  const failures: Advice[] = [];
  for (const [id, check] of Object.entries(checks) as [AdviceCheckId, AdviceCheck][]) {
    if (!enabled(id)) continue;
    const advice = check(pod);
    if (advice) failures.push(advice);
  }
  return failures;
}

/** The enabled advice checks' findings for one pod spec, in the order of adviceFailures. */
export function adviceFindings(source: PodSpecSource, settings: ExtraChecks): Finding[] {
  const findings: Finding[] = [];
  for (const advice of adviceFailures(source.pod, (id) => settings.enabled.has(id))) {
    const id = advice.check;
    const blocking = settings.blocking.has(id);
    const locations: FindingLocation[] = advice.paths
      .map((podPath) => {
        const documentPath = [...source.templatePath, ...podPath];
        const where = locate(source.document.source, documentPath);
        const container = podPath[1] === 'containers' || podPath[1] === 'initContainers' ? str(list(source.pod.spec, String(podPath[1]))[podPath[2] as number] as never, 'name') : null;
        return { path: formatFieldPath(documentPath), line: where.line, column: where.column, exact: where.exact, container };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
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
