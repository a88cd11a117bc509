/** Helpers shared by the fixers. */
import { isObject, obj, optBool, visitContainers } from '../../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue, PodInput } from '../../pss/types.js';
import { exists, remove, set, valueAt } from '../edits.js';
import type { Edit, FixContext, NewValue } from '../types.js';

/** The written value at a pod-relative path (undefined when absent). */
export function writtenAt(context: FixContext, path: FieldPath): JsonValue | undefined {
  return valueAt(context.written as unknown as JsonValue, path);
}

/** Whether the pod-relative path exists in the manifest as written. */
export function writtenHas(context: FixContext, path: FieldPath): boolean {
  return exists(context.written as unknown as JsonValue, path);
}

/** Set every failing field to the same allowed value. */
export function setEach(paths: readonly FieldPath[], value: NewValue): Edit[] {
  return paths.map((path) => set(path, value));
}

/**
 * Set a profile's `type` to RuntimeDefault. A `localhostProfile` beside it
 * is only valid with `type: Localhost`, so it goes too.
 */
export function runtimeDefaultProfile(context: FixContext, typePath: FieldPath): Edit[] {
  const profilePath = typePath.slice(0, -1);
  const edits: Edit[] = [set(typePath, 'RuntimeDefault')];
  if (writtenHas(context, [...profilePath, 'localhostProfile'])) edits.push(remove([...profilePath, 'localhostProfile']));
  return edits;
}

/**
 * Remove list items by index; when every item goes, remove the key instead
 * (an absent list reads like an empty one, and no `add: []` is left behind).
 */
export function removeItems(context: FixContext, listPath: FieldPath, indices: readonly number[]): Edit[] {
  const list = writtenAt(context, listPath);
  const length = Array.isArray(list) ? list.length : 0;
  const unique = [...new Set(indices)];
  if (unique.length === length && length > 0) return [remove(listPath)];
  return unique.map((index) => remove([...listPath, index]));
}

/** Group item paths (`[..., 'add', 2]`) by their list. */
export function byList(paths: readonly FieldPath[]): Map<string, { list: FieldPath; indices: number[] }> {
  const groups = new Map<string, { list: FieldPath; indices: number[] }>();
  for (const path of paths) {
    const index = path[path.length - 1];
    if (typeof index !== 'number') continue;
    const list = path.slice(0, -1);
    const key = JSON.stringify(list);
    const group = groups.get(key) ?? { list, indices: [] };
    group.indices.push(index);
    groups.set(key, group);
  }
  return groups;
}

function hostProcessPaths(pod: PodInput): FieldPath[] {
  const paths: FieldPath[] = [];
  const isOn = (securityContext: JsonObject | undefined) => optBool(obj(securityContext, 'windowsOptions'), 'hostProcess') === true;
  if (isOn(obj(pod.spec, 'securityContext'))) paths.push(['spec', 'securityContext', 'windowsOptions', 'hostProcess']);
  for (const { container, path } of visitContainers(pod)) {
    if (isOn(obj(container, 'securityContext'))) paths.push([...path, 'securityContext', 'windowsOptions', 'hostProcess']);
  }
  return paths;
}

/**
 * Turning `hostNetwork` off: Windows HostProcess containers require the host
 * network (the API server rejects the pod otherwise), so they are turned off
 * with it.
 */
export function hostNetworkOff(context: FixContext): Edit[] {
  return [set(['spec', 'hostNetwork'], false), ...setEach(hostProcessPaths(context.written), false)];
}

export function isWrittenObject(value: JsonValue | undefined): value is JsonObject {
  return isObject(value ?? null);
}
