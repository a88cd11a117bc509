/**
 * seccompProfile_baseline (baseline; v1.0 legacy annotations only; v1.19 fields only)
 *
 * v1.0–v1.18, restricted annotations (the fields are ignored):
 *   seccomp.security.alpha.kubernetes.io/pod and
 *   container.seccomp.security.alpha.kubernetes.io/<name> for each container
 *   name in the spec (keys of other names are ignored).
 *   Allowed values: runtime/default, docker/default, or a localhost/ prefix.
 *   Anything else is forbidden, including the empty string.
 * v1.19+, restricted fields (annotations are ignored):
 *   spec.securityContext.seccompProfile.type and each container's
 *   securityContext.seccompProfile.type. Allowed: an absent seccompProfile, or
 *   a present one with type RuntimeDefault or Localhost (a present `{}` has the
 *   bad type ""). No pod/container precedence.
 */
import { goQuote, quoteJoin, plural, setters, sortedSet } from '../format.js';
import { at, obj, str, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

const reason = 'seccompProfile';
const annotationKeyPod = 'seccomp.security.alpha.kubernetes.io/pod';
const annotationKeyContainerPrefix = 'container.seccomp.security.alpha.kubernetes.io/';

function validAnnotationValue(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

function seccompProfileBaselineV1_0(pod: PodInput): Violation | null {
  const annotations = obj(pod.metadata, 'annotations');
  /** Forbidden `key="value"` entries (a set) and the annotation path of each. */
  const forbidden = new Map<string, FieldPath>();
  const inspect = (key: string): void => {
    const value = annotations?.[key];
    if (typeof value !== 'string' || validAnnotationValue(value)) return;
    const entry = `${key}=${goQuote(value)}`;
    if (!forbidden.has(entry)) forbidden.set(entry, ['metadata', 'annotations', key]);
  };
  inspect(annotationKeyPod);
  for (const { name } of visitContainers(pod)) inspect(annotationKeyContainerPrefix + name);
  if (forbidden.size === 0) return null;

  const entries = sortedSet(forbidden.keys());
  return {
    reason,
    detail: `forbidden ${plural('annotation', 'annotations', entries.length)} ${entries.join(', ')}`,
    paths: entries.map((entry) => forbidden.get(entry) ?? []),
  };
}

function validType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function seccompProfileBaselineV1_19(pod: PodInput): Violation | null {
  const badValues: string[] = [];
  const paths: FieldPath[] = [];
  let podIsBad = false;
  const podProfile = obj(obj(pod.spec, 'securityContext'), 'seccompProfile');
  if (podProfile !== undefined && !validType(str(podProfile, 'type'))) {
    podIsBad = true;
    badValues.push(str(podProfile, 'type'));
    paths.push(['spec', 'securityContext', 'seccompProfile', 'type']);
  }
  const bad: string[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    const profile = obj(obj(container, 'securityContext'), 'seccompProfile');
    if (profile !== undefined && !validType(str(profile, 'type'))) {
      bad.push(name);
      badValues.push(str(profile, 'type'));
      paths.push(at(path, 'securityContext', 'seccompProfile', 'type'));
    }
  }
  if (!podIsBad && bad.length === 0) return null;
  return {
    reason,
    detail: `${setters(podIsBad, bad)} must not set securityContext.seccompProfile.type to ${quoteJoin(sortedSet(badValues))}`,
    paths,
  };
}

export const seccompProfileBaseline: CheckDefinition = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  implementations: [
    { minVersion: 0, evaluate: seccompProfileBaselineV1_0 },
    { minVersion: 19, evaluate: seccompProfileBaselineV1_19 },
  ],
};
