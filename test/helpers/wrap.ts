/**
 * A conformance pod wrapped in each workload kind and in a List: the
 * fixture's pod without apiVersion/kind, indented under a wrapper header.
 * For the wrapping test (same verdicts) and the fix tests (same fixes).
 */
function wrap(podText: string, header: string, indent: number): string {
  const body = podText
    .split('\n')
    .filter((line) => !/^(apiVersion|kind):/.test(line))
    .map((line) => (line === '' ? line : ' '.repeat(indent) + line))
    .join('\n');
  return `${header}\n${body}`;
}

export const wrappers: Readonly<Record<string, (pod: string) => string>> = {
  Deployment: (pod) => wrap(pod, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  StatefulSet: (pod) => wrap(pod, 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  DaemonSet: (pod) => wrap(pod, 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  ReplicaSet: (pod) => wrap(pod, 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  ReplicationController: (pod) => wrap(pod, 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  Job: (pod) => wrap(pod, 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  CronJob: (pod) =>
    wrap(pod, 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: wrapped\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:', 8),
  PodTemplate: (pod) => wrap(pod, 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: wrapped\ntemplate:', 2),
  Rollout: (pod) => wrap(pod, 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: wrapped\nspec:\n  strategy:\n    canary: {}\n  template:', 4),
  'List of Pods': (pod) => `apiVersion: v1\nkind: List\nitems:\n- ${pod.trimEnd().split('\n').join('\n  ')}\n`,
};
