/**
 * seLinuxOptions (baseline, v1.0+; v1.31 allows container_engine_t)
 *
 * Restricted fields: spec.securityContext.seLinuxOptions and
 * securityContext.seLinuxOptions of every container, sub-fields type, user
 * and role (level is ignored).
 * Allowed, for each present seLinuxOptions object (judged independently):
 * type "" (or absent), container_t, container_init_t, container_kvm_t, and
 * from v1.31 container_engine_t; user and role absent or "".
 */
import { plural, quoteJoin, setters, sortedSet } from '../format.js';
import { at, obj, str, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, JsonObject, PodInput, Violation } from '../types.js';

const allowedTypesV1_0: ReadonlySet<string> = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
export const allowedTypesV1_31: ReadonlySet<string> = new Set([...allowedTypesV1_0, 'container_engine_t']);

function seLinuxOptionsWith(pod: PodInput, allowedTypes: ReadonlySet<string>): Violation | null {
  const badTypes: string[] = [];
  let setUser = false;
  let setRole = false;
  const paths: FieldPath[] = [];

  /** Judges one present seLinuxOptions object; true when it is valid. */
  const judge = (options: JsonObject, optionsPath: FieldPath): boolean => {
    let valid = true;
    const type = str(options, 'type');
    if (!allowedTypes.has(type)) {
      valid = false;
      badTypes.push(type);
      paths.push(at(optionsPath, 'type'));
    }
    if (str(options, 'user') !== '') {
      valid = false;
      setUser = true;
      paths.push(at(optionsPath, 'user'));
    }
    if (str(options, 'role') !== '') {
      valid = false;
      setRole = true;
      paths.push(at(optionsPath, 'role'));
    }
    return valid;
  };

  let podIsBad = false;
  const podOptions = obj(obj(pod.spec, 'securityContext'), 'seLinuxOptions');
  if (podOptions !== undefined) {
    podIsBad = !judge(podOptions, ['spec', 'securityContext', 'seLinuxOptions']);
  }
  const bad: string[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    const options = obj(obj(container, 'securityContext'), 'seLinuxOptions');
    if (options !== undefined && !judge(options, at(path, 'securityContext', 'seLinuxOptions'))) {
      bad.push(name);
    }
  }
  if (!podIsBad && bad.length === 0) return null;

  const parts: string[] = [];
  const types = sortedSet(badTypes);
  if (types.length > 0) parts.push(`${plural('type', 'types', types.length)} ${quoteJoin(types)}`);
  if (setUser) parts.push('user may not be set');
  if (setRole) parts.push('role may not be set');
  return {
    reason: 'seLinuxOptions',
    detail: `${setters(podIsBad, bad)} set forbidden securityContext.seLinuxOptions: ${parts.join('; ')}`,
    paths,
  };
}

function seLinuxOptionsV1_0(pod: PodInput): Violation | null {
  return seLinuxOptionsWith(pod, allowedTypesV1_0);
}

function seLinuxOptionsV1_31(pod: PodInput): Violation | null {
  return seLinuxOptionsWith(pod, allowedTypesV1_31);
}

export const seLinuxOptions: CheckDefinition = {
  id: 'seLinuxOptions',
  level: 'baseline',
  implementations: [
    { minVersion: 0, evaluate: seLinuxOptionsV1_0 },
    { minVersion: 31, evaluate: seLinuxOptionsV1_31 },
  ],
};
