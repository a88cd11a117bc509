/**
 * hostPorts (baseline, v1.0+)
 *
 * Restricted field: ports[*].hostPort of every container (ephemeral included).
 * Allowed: absent, null, 0. Any other value, negative included, is bad.
 */
import { containerList, plural, sortedSet } from '../format.js';
import { at, int, isObject, list, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

function hostPortsV1_0(pod: PodInput): Violation | null {
  const bad: string[] = [];
  const ports: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    let containerIsBad = false;
    list(container, 'ports').forEach((port, index) => {
      if (!isObject(port)) return;
      const hostPort = int(port, 'hostPort');
      if (hostPort !== 0) {
        containerIsBad = true;
        ports.push(String(hostPort));
        paths.push(at(path, 'ports', index, 'hostPort'));
      }
    });
    if (containerIsBad) bad.push(name);
  }
  if (bad.length === 0) return null;
  // The ports are a set of decimal strings, sorted as strings ("10000" < "9").
  const distinct = sortedSet(ports);
  return {
    reason: 'hostPort',
    detail: [
      containerList(bad),
      plural('uses', 'use', bad.length),
      plural('hostPort', 'hostPorts', distinct.length),
      distinct.join(', '),
    ].join(' '),
    paths,
  };
}

export const hostPorts: CheckDefinition = {
  id: 'hostPorts',
  level: 'baseline',
  implementations: [{ minVersion: 0, evaluate: hostPortsV1_0 }],
};
