/**
 * hostProbesAndHostLifecycle (baseline, v1.34+; absent before)
 *
 * Restricted fields, for every container:
 * - livenessProbe / readinessProbe / startupProbe: httpGet.host, tcpSocket.host
 * - lifecycle.postStart / lifecycle.preStop: httpGet.host, tcpSocket.host
 * (grpc, exec and sleep handlers are ignored.)
 * Allowed: absent, null, "". Any non-empty host is bad, localhost included.
 * Unlike every other check, the bad container names are de-duplicated and
 * sorted.
 */
import { containerList, plural, quoteJoin, sortedSet } from '../format.js';
import { at, obj, str, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, JsonObject, PodInput, Violation } from '../types.js';

const probes = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const lifecycleHandlers = ['postStart', 'preStop'] as const;
const actions = ['httpGet', 'tcpSocket'] as const;

/** The non-empty hosts of a probe or lifecycle handler, with their paths. */
function badHosts(handler: JsonObject | undefined, handlerPath: FieldPath): { host: string; path: FieldPath }[] {
  const found: { host: string; path: FieldPath }[] = [];
  for (const action of actions) {
    const host = str(obj(handler, action), 'host');
    if (host !== '') found.push({ host, path: at(handlerPath, action, 'host') });
  }
  return found;
}

function hostProbesAndHostLifecycleV1_34(pod: PodInput): Violation | null {
  const bad: string[] = [];
  const hosts: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    const found = [
      ...probes.flatMap((probe) => badHosts(obj(container, probe), at(path, probe))),
      ...lifecycleHandlers.flatMap((handler) =>
        badHosts(obj(obj(container, 'lifecycle'), handler), at(path, 'lifecycle', handler)),
      ),
    ];
    if (found.length === 0) continue;
    bad.push(name);
    for (const { host, path: hostPath } of found) {
      hosts.push(host);
      paths.push(hostPath);
    }
  }
  if (bad.length === 0) return null;
  const containers = sortedSet(bad);
  const distinctHosts = sortedSet(hosts);
  return {
    reason: 'probe or lifecycle host',
    detail: [
      containerList(containers),
      plural('uses', 'use', containers.length),
      plural('probe or lifecycle host', 'probe or lifecycle hosts', distinctHosts.length),
      quoteJoin(distinctHosts),
    ].join(' '),
    paths,
  };
}

export const hostProbesAndHostLifecycle: CheckDefinition = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  implementations: [{ minVersion: 34, evaluate: hostProbesAndHostLifecycleV1_34 }],
};
