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
  /**
   * A custom resource whose controller creates its pods from the template
   * as written (an Argo Rollouts Rollout, as a Deployment does): its own
   * fields are the CRD's, so only the template is decoded as the API
   * server decodes a pod template.
   */
  readonly custom?: true;
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
  // Admission judges the pods its ReplicaSets create from `spec.template`, as a Deployment's (none with `workloadRef`).
  { kind: 'Rollout', groups: ['argoproj.io'], template: ['spec', 'template'], custom: true },
];

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → "". */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/**
 * The groups the API server itself serves (a CRD cannot claim them): the core
 * group, the historic unsuffixed ones, and every `*.k8s.io` group.
 */
function isBuiltInGroup(group: string): boolean {
  return ['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling'].includes(group) || group.endsWith('.k8s.io');
}

/**
 * A pod kind in a built-in group that does not serve it (`kind: Pod` with
 * `apiVersion: apps/v1`): the API server refuses the object. Returns where
 * the kind is served, e.g. `v1` or `apps/v1`; undefined otherwise (a pod
 * workload, or a custom resource of the same name in another group).
 */
export function misplacedWorkloadKind(apiVersion: string, kind: string): string | undefined {
  const group = apiGroup(apiVersion);
  const named = workloadKinds.find((w) => w.kind === kind && w.custom !== true);
  if (named === undefined || named.groups.includes(group) || !isBuiltInGroup(group)) return undefined;
  const home = named.groups[0] ?? '';
  return home === '' ? 'v1' : `${home}/v1`;
}

export function findWorkloadKind(apiVersion: string, kind: string): WorkloadKind | undefined {
  const group = apiGroup(apiVersion);
  return workloadKinds.find((w) => w.kind === kind && w.groups.includes(group));
}
