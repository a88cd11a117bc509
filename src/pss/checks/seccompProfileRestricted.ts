/**
 * seccompProfile_restricted (restricted, v1.19+; v1.25 exempts Windows pods;
 * both override seccompProfile_baseline)
 *
 * Restricted fields: spec.securityContext.seccompProfile.type and each
 * container's securityContext.seccompProfile.type (annotations are ignored).
 * Allowed: type RuntimeDefault or Localhost, set on the container, or left
 * unset on the container while the pod level has a valid type. A present
 * profile with any other type (including "" for a present `{}`) is reported
 * first ("must not set"), the pod level even when every container overrides
 * it; only when there is none are the uncovered containers reported
 * ("must set").
 * From v1.25 a Windows pod (spec.os.name "windows") passes outright.
 */
import { containerList, quoteJoin, setters, sortedSet } from '../format.js';
import { at, isWindowsPod, obj, str, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

const reason = 'seccompProfile';

function validType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function seccompProfileRestrictedV1_19(pod: PodInput): Violation | null {
  const badValues: string[] = [];
  const explicitPaths: FieldPath[] = [];
  let podIsBad = false;
  let podCovers = false;
  const podProfile = obj(obj(pod.spec, 'securityContext'), 'seccompProfile');
  if (podProfile !== undefined) {
    const type = str(podProfile, 'type');
    if (validType(type)) {
      podCovers = true;
    } else {
      podIsBad = true;
      badValues.push(type);
      explicitPaths.push(['spec', 'securityContext', 'seccompProfile', 'type']);
    }
  }

  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  const implicitPaths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    const profile = obj(obj(container, 'securityContext'), 'seccompProfile');
    if (profile !== undefined) {
      const type = str(profile, 'type');
      if (!validType(type)) {
        explicitlyBad.push(name);
        badValues.push(type);
        explicitPaths.push(at(path, 'securityContext', 'seccompProfile', 'type'));
      }
    } else if (!podCovers) {
      implicitlyBad.push(name);
      implicitPaths.push(at(path, 'securityContext', 'seccompProfile', 'type'));
    }
  }

  if (podIsBad || explicitlyBad.length > 0) {
    return {
      reason,
      detail: `${setters(podIsBad, explicitlyBad)} must not set securityContext.seccompProfile.type to ${quoteJoin(sortedSet(badValues))}`,
      paths: explicitPaths,
    };
  }
  if (implicitlyBad.length > 0) {
    return {
      reason,
      detail: `pod or ${containerList(implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      paths: implicitPaths,
    };
  }
  return null;
}

function seccompProfileRestrictedV1_25(pod: PodInput): Violation | null {
  if (isWindowsPod(pod)) return null;
  return seccompProfileRestrictedV1_19(pod);
}

export const seccompProfileRestricted: CheckDefinition = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  implementations: [
    { minVersion: 19, overrides: ['seccompProfile_baseline'], evaluate: seccompProfileRestrictedV1_19 },
    { minVersion: 25, overrides: ['seccompProfile_baseline'], evaluate: seccompProfileRestrictedV1_25 },
  ],
};
