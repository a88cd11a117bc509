/**
 * procMount (baseline, v1.0+; v1.35+ relaxed for user-namespace pods;
 * overridden at restricted v1.35+ by procMount_restricted). The ID has no
 * `_baseline` suffix.
 *
 * Restricted field: securityContext.procMount of every container.
 * Allowed: absent or null (also when securityContext is absent), or exactly
 * `Default`. Any other present value is bad, including `Unmasked` and "".
 */
import { containerList, quoteJoin, sortedSet } from '../format.js';
import { at, obj, usesUserNamespace, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

/**
 * The strict rule (spec §2.10), with no user-namespace relaxation. Also the
 * only rule of procMount_restricted (spec §2.11).
 */
export function procMountStrict(pod: PodInput): Violation | null {
  const bad: string[] = [];
  const values: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    // procMount is an optional string: a present "" is a bad value.
    const value = obj(container, 'securityContext')?.['procMount'];
    if (typeof value !== 'string' || value === 'Default') continue;
    bad.push(name);
    values.push(value);
    paths.push(at(path, 'securityContext', 'procMount'));
  }
  if (bad.length === 0) return null;
  return {
    reason: 'procMount',
    detail: `${containerList(bad)} must not set securityContext.procMount to ${quoteJoin(sortedSet(values))}`,
    paths,
  };
}

function procMountV1_0(pod: PodInput): Violation | null {
  return procMountStrict(pod);
}

/** As v1.0, but a user-namespace pod (`spec.hostUsers: false`, spec §1.8) passes outright. */
function procMountV1_35(pod: PodInput): Violation | null {
  if (usesUserNamespace(pod)) return null;
  return procMountStrict(pod);
}

export const procMount: CheckDefinition = {
  id: 'procMount',
  level: 'baseline',
  implementations: [
    { minVersion: 0, evaluate: procMountV1_0 },
    { minVersion: 35, evaluate: procMountV1_35 },
  ],
};
