/**
 * Edits as JSON operations: what a set of edits should do to the decoded
 * document. Verification compares this expectation with what the spliced
 * text really decodes to, so a text edit that changes anything else (an
 * alias user, a neighbouring key, a block scalar) is caught.
 */
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import type { Edit, NewValue } from './types.js';

export function set(path: FieldPath, value: NewValue): Edit {
  return { op: 'set', path, value };
}

export function remove(path: FieldPath): Edit {
  return { op: 'delete', path };
}

export function append(path: FieldPath, value: string): Edit {
  return { op: 'append', path, value };
}

/** The value at a path, or undefined when some step is missing. */
export function valueAt(root: JsonValue | undefined, path: FieldPath): JsonValue | undefined {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isObject(current) ? current[segment] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** True when the key (or list index) at the path exists, even with a null value. */
export function exists(root: JsonValue | undefined, path: FieldPath): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (typeof last === 'number') return Array.isArray(parent) && last < parent.length;
  return isObject(parent) && last !== undefined && Object.prototype.hasOwnProperty.call(parent, last);
}

/** Each edit's key, made once: an edit is rendered, deduplicated and named in verdict keys many times over. */
const editKeys = new WeakMap<Edit, string>();

/** Identity of an edit, so that two fixers proposing the same edit share it. Edits are immutable, so the key is kept with the edit. */
export function editKey(edit: Edit): string {
  let key = editKeys.get(edit);
  if (key === undefined) {
    key = JSON.stringify([edit.op, edit.path, 'value' in edit ? edit.value : null]);
    editKeys.set(edit, key);
  }
  return key;
}

export function prefixEdit(prefix: FieldPath, edit: Edit): Edit {
  return { ...edit, path: [...prefix, ...edit.path] };
}

export function toJson(value: NewValue): JsonValue {
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return [...(value as readonly string[])];
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value as { readonly [key: string]: NewValue })) out[key] = toJson(item);
  return out;
}

export class EditError extends Error {}

/**
 * Apply edits (paths relative to the document) to a copy of a decoded
 * document. Identical edits count once; list items are removed by their
 * original index. The document is left as it is: only the maps and lists on
 * the edited paths are copied (a whole copy per verification cost more than
 * the comparison), the rest is shared with it.
 *
 * With `depth`, `document` is the value at the first `depth` segments of
 * every edit's path (one List item: `['items', 3]`), and the edits are
 * applied below it, with the same errors as on the whole document.
 */
export function applyEditsToJson(document: JsonValue, edits: readonly Edit[], depth = 0): JsonValue {
  const copies = new Set<JsonValue>();
  /** A container of the result that may be written: a copy of the document's. */
  const writable = <T extends JsonObject | JsonValue[]>(container: T): T => {
    if (copies.has(container)) return container;
    const copy = (Array.isArray(container) ? [...container] : { ...container }) as T;
    copies.add(copy);
    return copy;
  };
  const root: JsonValue = typeof document === 'object' && document !== null ? writable(document) : document;
  const unique = [...new Map(edits.map((edit) => [editKey(edit), edit])).values()];
  const parentOf = (path: FieldPath, create: boolean): JsonObject | JsonValue[] => {
    if (path.length <= depth) throw new Error(`the edit of ${JSON.stringify(path)} is not below depth ${depth}`);
    let current: JsonValue = root;
    for (let i = depth; i < path.length - 1; i++) {
      const segment = path[i] as string | number;
      const holder = current as JsonObject & JsonValue[];
      let next: JsonValue | undefined = typeof segment === 'number' ? (Array.isArray(current) ? current[segment] : undefined) : isObject(current) ? current[segment] : undefined;
      if ((next === undefined || next === null) && create && typeof segment === 'string' && isObject(current)) {
        next = {};
        copies.add(next);
      }
      if (next === undefined || next === null || typeof next !== 'object') throw new EditError(`no container at ${JSON.stringify(path.slice(0, i + 1))}`);
      next = writable(next);
      holder[segment] = next;
      current = next;
    }
    if (typeof current !== 'object' || current === null) throw new EditError(`no container for ${JSON.stringify(path)}`);
    return current;
  };

  for (const edit of unique.filter((e) => e.op === 'set')) {
    const parent = parentOf(edit.path, true);
    const last = edit.path[edit.path.length - 1];
    if (typeof last !== 'string' || Array.isArray(parent)) throw new EditError(`cannot set ${JSON.stringify(edit.path)}`);
    parent[last] = toJson((edit as { value: NewValue }).value);
  }
  // Remove list items from the highest index down, so the original indices stay valid.
  const deletions = unique
    .filter((e) => e.op === 'delete')
    .sort((a, b) => {
      const ia = a.path[a.path.length - 1];
      const ib = b.path[b.path.length - 1];
      return (typeof ib === 'number' ? ib : -1) - (typeof ia === 'number' ? ia : -1);
    });
  for (const edit of deletions) {
    const parent = parentOf(edit.path, false);
    const last = edit.path[edit.path.length - 1];
    if (typeof last === 'number' && Array.isArray(parent)) parent.splice(last, 1);
    else if (typeof last === 'string' && !Array.isArray(parent)) delete parent[last];
    else throw new EditError(`cannot delete ${JSON.stringify(edit.path)}`);
  }
  for (const edit of unique.filter((e) => e.op === 'append')) {
    const parent = parentOf(edit.path, true);
    const last = edit.path[edit.path.length - 1];
    if (typeof last !== 'string' || Array.isArray(parent)) throw new EditError(`cannot append to ${JSON.stringify(edit.path)}`);
    const list = parent[last];
    parent[last] = Array.isArray(list) ? [...list, (edit as { value: string }).value] : [(edit as { value: string }).value];
  }
  return root;
}

/** Structural equality of decoded JSON (object key order does not matter). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isObject(a ?? null) && isObject(b ?? null)) {
    const ao = a as JsonObject;
    const bo = b as JsonObject;
    const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
    const otherKeys = Object.keys(bo).filter((k) => bo[k] !== undefined);
    return keys.length === otherKeys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonEqual(ao[k], bo[k]));
  }
  return false;
}
