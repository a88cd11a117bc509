/**
 * Following a rendered field path into a source document (pure). Lists of
 * named items (containers, volumes, env…) are merged by name when patches
 * apply, so an index in the rendered pod is translated to the source's
 * item of the same name; other indexes are kept only where the source is
 * the whole object (a resource), never in a patch.
 */
import { jsonEqual, valueAt } from '../fixes/edits.js';
import type { FieldPath, JsonValue } from '../pss/types.js';

export { valueAt };

const isObject = (value: JsonValue | undefined): value is { [key: string]: JsonValue } => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a source writes the rendered value, whatever the order of its maps' keys: kustomize writes
 * them sorted (`nfs: {path, server}` for a source's `nfs: {server, path}`).
 */
function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return a !== undefined && b !== undefined && jsonEqual(a, b);
}

/**
 * The source path writing `path` of the rendered object, when the source
 * holds the whole path with the rendered value; else null.
 * `keepIndexes`: unnamed list items keep their index (a resource, not a patch).
 * `anyValue`: the source need only hold the path (an object or container
 * that a missing field belongs in), not the rendered value.
 */
export function translatePath(rendered: JsonValue, source: JsonValue, path: FieldPath, keepIndexes: boolean, anyValue = false): FieldPath | null {
  const out: (string | number)[] = [];
  let r: JsonValue | undefined = rendered;
  let s: JsonValue | undefined = source;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(r) || !Array.isArray(s)) return null;
      const item: JsonValue | undefined = r[segment];
      let index: number = keepIndexes ? segment : -1;
      if (isObject(item) && typeof item.name === 'string') index = s.findIndex((x) => isObject(x) && x.name === item.name);
      if (index < 0 || index >= s.length) return null;
      out.push(index);
      r = item;
      s = s[index];
    } else {
      if (!isObject(s) || !(segment in s)) return null;
      out.push(segment);
      r = isObject(r) ? r[segment] : undefined;
      s = s[segment];
    }
  }
  return anyValue || sameValue(r, s) ? out : null;
}
