/**
 * procMount_restricted (restricted, v1.35+; overrides procMount)
 *
 * Restricted field: securityContext.procMount of every container.
 * Allowed: absent or null, or exactly `Default`; the strict rule of baseline
 * procMount with no user-namespace relaxation (`hostUsers: false` does not
 * help). The reason is `procMount`, as for the baseline check.
 */
import type { CheckDefinition, PodInput, Violation } from '../types.js';
import { procMountStrict } from './procMount.js';

function procMountRestrictedV1_35(pod: PodInput): Violation | null {
  return procMountStrict(pod);
}

export const procMountRestricted: CheckDefinition = {
  id: 'procMount_restricted',
  level: 'restricted',
  implementations: [{ minVersion: 35, overrides: ['procMount'], evaluate: procMountRestrictedV1_35 }],
};
