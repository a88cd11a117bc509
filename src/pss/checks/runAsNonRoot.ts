/**
 * runAsNonRoot (restricted, v1.0+; v1.35 relaxes user-namespace pods)
 *
 * Restricted fields: spec.securityContext.runAsNonRoot and
 * securityContext.runAsNonRoot of every container.
 * Allowed: the pod level absent or true; each container true, or unset while
 * the pod level is true. An explicit false (pod or container) is reported
 * first ("must not set"); only when there is none are the containers left
 * unset without a covering pod-level true reported ("must set").
 * From v1.35 a pod with `hostUsers: false` passes outright.
 */
import { containerList, setters } from '../format.js';
import { at, obj, optBool, usesUserNamespace, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

const reason = 'runAsNonRoot != true';

function runAsNonRootV1_0(pod: PodInput): Violation | null {
  const podValue = optBool(obj(pod.spec, 'securityContext'), 'runAsNonRoot');
  const podIsBad = podValue === false;
  const podCovers = podValue === true;

  const explicitPaths: FieldPath[] = podIsBad ? [['spec', 'securityContext', 'runAsNonRoot']] : [];
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  const implicitPaths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    const value = optBool(obj(container, 'securityContext'), 'runAsNonRoot');
    if (value === false) {
      explicitlyBad.push(name);
      explicitPaths.push(at(path, 'securityContext', 'runAsNonRoot'));
    } else if (value === undefined && !podCovers) {
      implicitlyBad.push(name);
      implicitPaths.push(at(path, 'securityContext', 'runAsNonRoot'));
    }
  }

  if (podIsBad || explicitlyBad.length > 0) {
    return {
      reason,
      detail: `${setters(podIsBad, explicitlyBad)} must not set securityContext.runAsNonRoot=false`,
      paths: explicitPaths,
    };
  }
  if (implicitlyBad.length > 0) {
    return {
      reason,
      detail: `pod or ${containerList(implicitlyBad)} must set securityContext.runAsNonRoot=true`,
      paths: implicitPaths,
    };
  }
  return null;
}

function runAsNonRootV1_35(pod: PodInput): Violation | null {
  if (usesUserNamespace(pod)) return null;
  return runAsNonRootV1_0(pod);
}

export const runAsNonRoot: CheckDefinition = {
  id: 'runAsNonRoot',
  level: 'restricted',
  implementations: [
    { minVersion: 0, evaluate: runAsNonRootV1_0 },
    { minVersion: 35, evaluate: runAsNonRootV1_35 },
  ],
};
