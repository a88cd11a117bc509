/**
 * The kinds that carry a pod spec, and where (spec §4.1). Kinds are matched
 * by API group and kind, whatever the version, like the admission controller
 * matches group and resource; a CRD that reuses a name (`Job` in another
 * group) is not a pod workload.
 */
import type { FieldPath } from '../pss/types.js';

export interface WorkloadKind {
  readonly kind: string;
  /** API groups ("" is the core group); `extensions` is the historic home of apps kinds. */
  readonly groups: readonly string[];
  /** Path from the object to the pod template (the object with `metadata` and `spec`). */
  readonly template: FieldPath;
  /** Without a template the object creates no pods (only a ReplicationController may lack one). */
}

const apps = ['apps', 'extensions'];

export const workloadKinds: readonly WorkloadKind[] = [
  { kind: 'Pod', groups: [''], template: [] },
  { kind: 'PodTemplate', groups: [''], template: ['template'] },
  { kind: 'ReplicationController', groups: [''], template: ['spec', 'template'] },
  { kind: 'ReplicaSet', groups: apps, template: ['spec', 'template'] },
  { kind: 'Deployment', groups: apps, template: ['spec', 'template'] },
  { kind: 'StatefulSet', groups: ['apps'], template: ['spec', 'template'] },
  { kind: 'DaemonSet', groups: apps, template: ['spec', 'template'] },
  { kind: 'Job', groups: ['batch'], template: ['spec', 'template'] },
  { kind: 'CronJob', groups: ['batch'], template: ['spec', 'jobTemplate', 'spec', 'template'] },
];

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → "". */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export function findWorkloadKind(apiVersion: string, kind: string): WorkloadKind | undefined {
  const group = apiGroup(apiVersion);
  return workloadKinds.find((w) => w.kind === kind && w.groups.includes(group));
}
