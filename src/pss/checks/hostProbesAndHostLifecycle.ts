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

/** Where each handler sits in a container, with how to read it: constants, so that a container that passes allocates nothing. */
const handlers: readonly { readonly at: FieldPath; readonly of: (container: JsonObject) => JsonObject | undefined }[] = [
  ...probes.map((probe) => ({ at: [probe], of: (container: JsonObject) => obj(container, probe) })),
  ...lifecycleHandlers.map((handler) => ({ at: ['lifecycle', handler], of: (container: JsonObject) => obj(obj(container, 'lifecycle'), handler) })),
];

/** The non-empty hosts of a container's probes and lifecycle handlers, in that order, with their paths. */
function badHosts(container: JsonObject, containerPath: FieldPath): { host: string; path: FieldPath }[] {
  const found: { host: string; path: FieldPath }[] = [];
  for (const handler of handlers) {
    const object = handler.of(container);
    if (object === undefined) continue;
    for (const action of actions) {
      const host = str(obj(object, action), 'host');
      if (host !== '') found.push({ host, path: at(containerPath, ...handler.at, action, 'host') });
    }
  }
  return found;
}

function hostProbesAndHostLifecycleV1_34(pod: PodInput): Violation | null {
  const bad: string[] = [];
  const hosts: string[] = [];
  const paths: FieldPath[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    const found = badHosts(container, path);
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
