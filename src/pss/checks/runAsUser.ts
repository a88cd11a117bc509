/**
 * runAsUser (restricted, v1.23+; v1.35 relaxes user-namespace pods)
 *
 * Restricted fields: spec.securityContext.runAsUser and
 * securityContext.runAsUser of every container.
 * Allowed: absent, null, or any non-zero value. A present 0 is bad, with no
 * pod/container precedence (a pod-level 0 is reported even when every
 * container sets a non-zero value, and vice versa).
 * From v1.35 a pod with `hostUsers: false` passes outright.
 */
import { setters } from '../format.js';
import { at, obj, optInt, usesUserNamespace, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

function runAsUserV1_23(pod: PodInput): Violation | null {
  const paths: FieldPath[] = [];
  const podIsBad = optInt(obj(pod.spec, 'securityContext'), 'runAsUser') === 0;
  if (podIsBad) paths.push(['spec', 'securityContext', 'runAsUser']);
  const bad: string[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    if (optInt(obj(container, 'securityContext'), 'runAsUser') === 0) {
      bad.push(name);
      paths.push(at(path, 'securityContext', 'runAsUser'));
    }
  }
  if (!podIsBad && bad.length === 0) return null;
  return {
    reason: 'runAsUser=0',
    detail: `${setters(podIsBad, bad)} must not set runAsUser=0`,
    paths,
  };
}

function runAsUserV1_35(pod: PodInput): Violation | null {
  if (usesUserNamespace(pod)) return null;
  return runAsUserV1_23(pod);
}

export const runAsUser: CheckDefinition = {
  id: 'runAsUser',
  level: 'restricted',
  implementations: [
    { minVersion: 23, evaluate: runAsUserV1_23 },
    { minVersion: 35, evaluate: runAsUserV1_35 },
  ],
};
