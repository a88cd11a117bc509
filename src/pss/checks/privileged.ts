/**
 * privileged (baseline, v1.0+)
 *
 * Restricted field: securityContext.privileged of every container.
 * Allowed: absent, null, false. Only an explicit `true` is bad.
 */
import { containerList } from '../format.js';
import { at, obj, optBool, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

function privilegedV1_0(pod: PodInput): Violation | null {
  const bad: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    if (optBool(obj(container, 'securityContext'), 'privileged') === true) {
      bad.push(name);
      paths.push(at(path, 'securityContext', 'privileged'));
    }
  }
  if (bad.length === 0) return null;
  return {
    reason: 'privileged',
    detail: `${containerList(bad)} must not set securityContext.privileged=true`,
    paths,
  };
}

export const privileged: CheckDefinition = {
  id: 'privileged',
  level: 'baseline',
  implementations: [{ minVersion: 0, evaluate: privilegedV1_0 }],
};
