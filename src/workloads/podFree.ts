/**
 * Which documents can hold a pod spec, for the loader's template rule
 * (load.ts): a file whose template actions all lie in objects that hold
 * none is checked as written, not reported as a template.
 *
 * Other programs write Go templates into Kubernetes objects that are applied
 * as they are, their actions left for those programs: an Argo CD
 * ApplicationSet's `{{ .path.basename }}`, the alert texts of a
 * PrometheusRule or an AlertmanagerConfig, or YAML that is no Kubernetes
 * object at all (an Alertmanager configuration). Whatever renders those
 * actions, if anything does, an object of a kind without a pod template, or
 * with no kind, cannot become a pod spec, so there is nothing more to check
 * by rendering it.
 */
import type { LoadOptions } from '../manifests/load.js';
import { templateAction } from '../manifests/templateActions.js';
import { isObject } from '../pss/pod.js';
import type { JsonValue } from '../pss/types.js';
import { findWorkloadKind, misplacedWorkloadKind } from './kinds.js';

/**
 * Whether a decoded document holds no pod spec whatever its values say: a
 * list (Ansible's tasks: kubectl reads no object from a document that is a
 * list, and an action in an item cannot make the document a map), or an
 * object that has neither apiVersion nor kind (no Kubernetes object:
 * extraction finds nothing in it, and an action could not add a key without
 * breaking the YAML), or whose both are written out (no template action in
 * either) and name no pod workload (in its group or misplaced), and that is
 * no List (whose items could be workloads).
 */
export function holdsNoPodSpec(value: JsonValue): boolean {
  if (Array.isArray(value)) return true;
  if (!isObject(value)) return false;
  const { apiVersion, kind } = value;
  if (apiVersion === undefined && kind === undefined) return true;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return false;
  if (templateAction.test(apiVersion) || templateAction.test(kind) || kind.endsWith('List')) return false;
  return findWorkloadKind(apiVersion, kind) === undefined && misplacedWorkloadKind(apiVersion, kind) === undefined;
}

/** The load options of a file whose pod specs are evaluated: template actions count only in documents that can hold one. */
export function podLoadOptions(load: LoadOptions): LoadOptions {
  return { ...load, podFree: holdsNoPodSpec };
}
