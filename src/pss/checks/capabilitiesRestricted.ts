/**
 * capabilities_restricted (restricted, v1.22+; v1.25+ exempts Windows pods;
 * both implementations override capabilities_baseline)
 *
 * Restricted fields: securityContext.capabilities.drop and .add of every
 * container.
 * Required: `drop` contains exactly "ALL" (case-sensitive). An absent
 * securityContext or capabilities misses it (and nothing else is checked).
 * Allowed `add` entries: only NET_BIND_SERVICE.
 */
import { containerList, quoteJoin, sortedSet } from '../format.js';
import { at, isWindowsPod, list, obj, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

function capabilitiesRestrictedV1_22(pod: PodInput): Violation | null {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    const capabilities = obj(obj(container, 'securityContext'), 'capabilities');
    const capabilitiesPath = at(path, 'securityContext', 'capabilities');
    if (!capabilities) {
      missingDropAll.push(name);
      paths.push(at(capabilitiesPath, 'drop'));
      continue;
    }
    if (!list(capabilities, 'drop').includes('ALL')) {
      missingDropAll.push(name);
      paths.push(at(capabilitiesPath, 'drop'));
    }
    let containerAddsForbidden = false;
    list(capabilities, 'add').forEach((entry, index) => {
      // A null entry decodes to the empty capability name.
      const capability = typeof entry === 'string' ? entry : '';
      if (capability !== 'NET_BIND_SERVICE') {
        containerAddsForbidden = true;
        forbidden.push(capability);
        paths.push(at(capabilitiesPath, 'add', index));
      }
    });
    if (containerAddsForbidden) addingForbidden.push(name);
  }
  const details: string[] = [];
  if (missingDropAll.length > 0) {
    details.push(`${containerList(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  }
  if (addingForbidden.length > 0) {
    details.push(
      `${containerList(addingForbidden)} must not include ${quoteJoin(sortedSet(forbidden))} in securityContext.capabilities.add`,
    );
  }
  if (details.length === 0) return null;
  return { reason: 'unrestricted capabilities', detail: details.join('; '), paths };
}

/** As v1.22, but a Windows pod (spec §1.8) passes outright. */
function capabilitiesRestrictedV1_25(pod: PodInput): Violation | null {
  if (isWindowsPod(pod)) return null;
  return capabilitiesRestrictedV1_22(pod);
}

export const capabilitiesRestricted: CheckDefinition = {
  id: 'capabilities_restricted',
  level: 'restricted',
  implementations: [
    { minVersion: 22, overrides: ['capabilities_baseline'], evaluate: capabilitiesRestrictedV1_22 },
    { minVersion: 25, overrides: ['capabilities_baseline'], evaluate: capabilitiesRestrictedV1_25 },
  ],
};
