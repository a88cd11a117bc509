/**
 * Typed reading of the plain pod objects with the decoding rules of the
 * upstream Go structs (spec §0.1): absent and null are the same; absent
 * strings read as "", integers as 0, plain booleans as false; optional
 * booleans keep three states; a present empty object is present.
 *
 * The loader has already rejected values of the wrong type (the API server
 * would), so these readers only need to treat wrong types as absent to stay
 * total.
 */
import type { FieldPath, JsonObject, JsonValue, PodInput } from './types.js';

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, or undefined when absent or null ("present" means non-null). */
export function obj(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return isObject(value) ? value : undefined;
}

export function list(parent: JsonObject | undefined, key: string): JsonValue[] {
  const value = parent?.[key];
  return Array.isArray(value) ? value : [];
}

export function str(parent: JsonObject | undefined, key: string): string {
  const value = parent?.[key];
  return typeof value === 'string' ? value : '';
}

export function int(parent: JsonObject | undefined, key: string): number {
  const value = parent?.[key];
  return typeof value === 'number' ? value : 0;
}

/** An optional integer: undefined when absent or null. */
export function optInt(parent: JsonObject | undefined, key: string): number | undefined {
  const value = parent?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** A plain (non-pointer) boolean: absent and null read as false. */
export function bool(parent: JsonObject | undefined, key: string): boolean {
  return parent?.[key] === true;
}

/** An optional (pointer) boolean: true, false, or undefined when absent/null. */
export function optBool(parent: JsonObject | undefined, key: string): boolean | undefined {
  const value = parent?.[key];
  return typeof value === 'boolean' ? value : undefined;
}

/** The three container lists, in upstream visiting order (spec §0.2). */
export const containerListKeys = ['initContainers', 'containers', 'ephemeralContainers'] as const;
export type ContainerListKey = (typeof containerListKeys)[number];

/** A container as the checks see it, with the path of its entry. */
export interface VisitedContainer {
  readonly name: string;
  readonly container: JsonObject;
  /** e.g. ['spec', 'initContainers', 0] */
  readonly path: FieldPath;
}

/** Every container of the pod: init, then regular, then ephemeral, in list order. */
export function visitContainers(pod: PodInput): VisitedContainer[] {
  const visited: VisitedContainer[] = [];
  for (const key of containerListKeys) {
    list(pod.spec, key).forEach((entry, index) => {
      if (!isObject(entry)) return;
      visited.push({ name: str(entry, 'name'), container: entry, path: ['spec', key, index] });
    });
  }
  return visited;
}

/** Windows pod (spec §1.8): present `spec.os` with `name` exactly "windows". */
export function isWindowsPod(pod: PodInput): boolean {
  return str(obj(pod.spec, 'os'), 'name') === 'windows';
}

/** User-namespace pod (spec §1.8): `spec.hostUsers` present and false. */
export function usesUserNamespace(pod: PodInput): boolean {
  return optBool(pod.spec, 'hostUsers') === false;
}

/** Append segments to a path. */
export function at(path: FieldPath, ...segments: FieldPath): FieldPath {
  return path.concat(segments);
}
