/**
 * allowPrivilegeEscalation (restricted, v1.8+; v1.25+ exempts Windows pods)
 *
 * Restricted field: securityContext.allowPrivilegeEscalation of every
 * container (init, regular, ephemeral). There is no pod-level field.
 * Allowed: only an explicit `false`. An absent securityContext, an absent or
 * null field, or `true` is bad.
 */
import { containerList } from '../format.js';
import { at, isWindowsPod, obj, optBool, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

function allowPrivilegeEscalationV1_8(pod: PodInput): Violation | null {
  const bad: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    if (optBool(obj(container, 'securityContext'), 'allowPrivilegeEscalation') !== false) {
      bad.push(name);
      paths.push(at(path, 'securityContext', 'allowPrivilegeEscalation'));
    }
  }
  if (bad.length === 0) return null;
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containerList(bad)} must set securityContext.allowPrivilegeEscalation=false`,
    paths,
  };
}

/** As v1.8, but a Windows pod (spec §1.8) passes outright. */
function allowPrivilegeEscalationV1_25(pod: PodInput): Violation | null {
  if (isWindowsPod(pod)) return null;
  return allowPrivilegeEscalationV1_8(pod);
}

export const allowPrivilegeEscalation: CheckDefinition = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  implementations: [
    { minVersion: 8, evaluate: allowPrivilegeEscalationV1_8 },
    { minVersion: 25, evaluate: allowPrivilegeEscalationV1_25 },
  ],
};
