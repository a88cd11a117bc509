/**
 * Equality of decoded values as the API server sees them: an absent key and
 * a null value decode the same way.
 */
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';

type JsonRecord = Record<string, JsonValue | undefined>;

function isRecord(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const aObject = a as JsonRecord;
  const bObject = b as JsonRecord;
  const keys = new Set([...Object.keys(aObject), ...Object.keys(bObject)]);
  return [...keys].every((key) => sameJson(aObject[key] ?? null, bObject[key] ?? null));
}

/**
 * Where two values differ, as few paths as say it: the deepest map key or
 * list item whose values differ (a list that changed length is one path,
 * the list's).
 */
export function differingPaths(a: JsonValue | undefined, b: JsonValue | undefined, at: FieldPath = []): FieldPath[] {
  // Compared as it descends (a whole comparison at every level would read each subtree once per level above it).
  if (a === b) return [];
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) => differingPaths(a[key] ?? null, b[key] ?? null, [...at, key]));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.flatMap((item, i) => differingPaths(item, b[i], [...at, i]));
  return [at];
}

/** The value with null written at `path`, copied only along the path; the very value when the path leads nowhere. */
export function nullAt(value: JsonValue, path: FieldPath): JsonValue {
  const [step, ...rest] = path;
  if (step === undefined) return null;
  if (typeof step === 'number' && Array.isArray(value) && step < value.length) {
    const item = nullAt(value[step]!, rest);
    if (item === value[step]) return value;
    const copy = [...value];
    copy[step] = item;
    return copy;
  }
  if (typeof step === 'string' && isRecord(value) && value[step] !== undefined) {
    const field = nullAt(value[step]!, rest);
    return field === value[step] ? value : { ...value, [step]: field };
  }
  return value;
}
