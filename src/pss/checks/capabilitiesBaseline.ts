/**
 * capabilities_baseline (baseline, v1.0+; overridden at restricted v1.22+ by
 * capabilities_restricted)
 *
 * Restricted field: securityContext.capabilities.add of every container
 * (`drop` is ignored).
 * Allowed: each added capability exactly one of AUDIT_WRITE, CHOWN,
 * DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP,
 * SETGID, SETPCAP, SETUID, SYS_CHROOT (case-sensitive, no `CAP_` prefix).
 */
import { containerList, quoteJoin, sortedSet } from '../format.js';
import { at, list, obj, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

export const allowedV1_0: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

function capabilitiesBaselineV1_0(pod: PodInput): Violation | null {
  const bad: string[] = [];
  const forbidden: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    const capabilities = obj(obj(container, 'securityContext'), 'capabilities');
    let containerIsBad = false;
    list(capabilities, 'add').forEach((entry, index) => {
      // A null entry decodes to the empty capability name.
      const capability = typeof entry === 'string' ? entry : '';
      if (!allowedV1_0.has(capability)) {
        containerIsBad = true;
        forbidden.push(capability);
        paths.push(at(path, 'securityContext', 'capabilities', 'add', index));
      }
    });
    if (containerIsBad) bad.push(name);
  }
  if (bad.length === 0) return null;
  return {
    reason: 'non-default capabilities',
    detail: `${containerList(bad)} must not include ${quoteJoin(sortedSet(forbidden))} in securityContext.capabilities.add`,
    paths,
  };
}

export const capabilitiesBaseline: CheckDefinition = {
  id: 'capabilities_baseline',
  level: 'baseline',
  implementations: [{ minVersion: 0, evaluate: capabilitiesBaselineV1_0 }],
};
