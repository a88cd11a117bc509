/**
 * windowsHostProcess (baseline, v1.0+; does not depend on spec.os)
 *
 * Restricted fields: spec.securityContext.windowsOptions.hostProcess and
 * securityContext.windowsOptions.hostProcess of every container.
 * Allowed: absent, null, false. Only an explicit `true` is bad, with no
 * pod/container precedence.
 */
import { setters } from '../format.js';
import { at, obj, optBool, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, JsonObject, PodInput, Violation } from '../types.js';

function hostProcess(securityContext: JsonObject | undefined): boolean {
  return optBool(obj(securityContext, 'windowsOptions'), 'hostProcess') === true;
}

function windowsHostProcessV1_0(pod: PodInput): Violation | null {
  const paths: FieldPath[] = [];
  const podIsBad = hostProcess(obj(pod.spec, 'securityContext'));
  if (podIsBad) paths.push(['spec', 'securityContext', 'windowsOptions', 'hostProcess']);
  const bad: string[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    if (hostProcess(obj(container, 'securityContext'))) {
      bad.push(name);
      paths.push(at(path, 'securityContext', 'windowsOptions', 'hostProcess'));
    }
  }
  if (!podIsBad && bad.length === 0) return null;
  return {
    reason: 'hostProcess',
    detail: `${setters(podIsBad, bad)} must not set securityContext.windowsOptions.hostProcess=true`,
    paths,
  };
}

export const windowsHostProcess: CheckDefinition = {
  id: 'windowsHostProcess',
  level: 'baseline',
  implementations: [{ minVersion: 0, evaluate: windowsHostProcessV1_0 }],
};
