/**
 * hostNamespaces (baseline, v1.0+)
 *
 * Restricted fields: spec.hostNetwork, spec.hostPID, spec.hostIPC.
 * Allowed: absent, null, false. Only `true` is bad.
 */
import { bool } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

/** In the order the detail lists them. */
const fields = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

function hostNamespacesV1_0(pod: PodInput): Violation | null {
  const items: string[] = [];
  const paths: FieldPath[] = [];
  for (const field of fields) {
    if (bool(pod.spec, field)) {
      items.push(`${field}=true`);
      paths.push(['spec', field]);
    }
  }
  if (items.length === 0) return null;
  return { reason: 'host namespaces', detail: items.join(', '), paths };
}

export const hostNamespaces: CheckDefinition = {
  id: 'hostNamespaces',
  level: 'baseline',
  implementations: [{ minVersion: 0, evaluate: hostNamespacesV1_0 }],
};
