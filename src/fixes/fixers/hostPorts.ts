/**
 * hostPorts: remove the `hostPort` of each port (the port stays, reachable
 * through a Service). In a Pod with `hostNetwork: true` the API server gives
 * every port a hostPort equal to its containerPort, so the host network
 * goes too, or the removal would change nothing.
 */
import type { Edit, Fixer } from '../types.js';
import { remove } from '../edits.js';
import { hostNetworkOff, writtenAt, writtenHas } from './common.js';

export const fixHostPorts: Fixer = (context) => {
  const edits: Edit[] = context.failure.paths.filter((path) => writtenHas(context, path)).map((path) => remove(path));
  if (context.kind === 'Pod' && writtenAt(context, ['spec', 'hostNetwork']) === true) edits.push(...hostNetworkOff(context));
  return { kind: 'edits', edits, caveat: 'Publish the port through a Service (ClusterIP, NodePort or LoadBalancer) if clients reached it on the node.' };
};
