/**
 * Edits as JSON operations: what a set of edits should do to the decoded
 * document. Verification compares this expectation with what the spliced
 * text really decodes to, so a text edit that changes anything else (an
 * alias user, a neighbouring key, a block scalar) is caught.
 */
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { isNewScalar } from './types.js';
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

/** The same operation on the same path with an equal value (as JSON: whatever its maps' key order). */
export function sameEdit(a: Edit, b: Edit): boolean {
  if (a.op !== b.op || a.path.length !== b.path.length) return false;
  // From the end: the edits of one pod spec share their first segments and differ in their last.
  for (let i = a.path.length - 1; i >= 0; i--) if (a.path[i] !== b.path[i]) return false;
  return jsonEqual('value' in a ? (a.value as JsonValue) : null, 'value' in b ? (b.value as JsonValue) : null);
}

/** Up to this many entries, an EditIndex compares each edit with all of them (a pod spec's fixes: a few edits). */
const fewEdits = 16;

interface IndexedEdit<T> {
  readonly edit: Edit;
  readonly entry: T;
}

/** The entry of the first of `indexed` whose edit equals `edit`. */
function firstEqual<T>(indexed: readonly IndexedEdit<T>[], edit: Edit): T | undefined {
  for (const known of indexed) if (sameEdit(known.edit, edit)) return known.entry;
  return undefined;
}

/**
 * Entries found again by their edit. A few are compared one by one (most
 * indexes hold one pod spec's edits, and every render and verification
 * makes one); past `fewEdits`, by joined path first (edits of many pod
 * specs have paths of their own), then compared whole (sameEdit).
 */
export class EditIndex<T> {
  private few: IndexedEdit<T>[] | null = [];
  private readonly byPath = new Map<string, IndexedEdit<T>[]>();

  /** The entry of an equal edit, if one was added; else undefined, and `entry` is added. */
  findOrAdd(edit: Edit, entry: T): T | undefined {
    const few = this.few;
    if (few !== null) {
      const known = firstEqual(few, edit);
      if (known !== undefined) return known;
      if (few.length < fewEdits) {
        few.push({ edit, entry });
        return undefined;
      }
      // Too many to compare one by one: index them by path from now on.
      this.few = null;
      for (const indexed of few) this.alike(indexed.edit).push(indexed);
    }
    const alike = this.alike(edit);
    const known = firstEqual(alike, edit);
    if (known === undefined) alike.push({ edit, entry });
    return known;
  }

  /** The entries whose edit has the path of `edit`. */
  private alike(edit: Edit): IndexedEdit<T>[] {
    const path = edit.path.join('\u0000');
    let alike = this.byPath.get(path);
    if (alike === undefined) this.byPath.set(path, (alike = []));
    return alike;
  }
}

export function prefixEdit(prefix: FieldPath, edit: Edit): Edit {
  // concat, not spreads: a path of exact length (an owner keeps its edits until its suggestion is made).
  return { ...edit, path: prefix.concat(edit.path) };
}

export function toJson(value: NewValue): JsonValue {
  if (isNewScalar(value)) return value;
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
  const root: JsonValue = typeof document === 'object' && document !== null ? writableCopy(document, copies) : document;
  const { sets, deletions, appends } = byOperation(edits);
  for (const edit of sets) {
    const parent = parentOf(root, edit.path, depth, true, copies);
    const last = edit.path[edit.path.length - 1];
    if (typeof last !== 'string' || Array.isArray(parent)) throw new EditError(`cannot set ${JSON.stringify(edit.path)}`);
    parent[last] = toJson((edit as { value: NewValue }).value);
  }
  // Remove list items from the highest index down, so the original indices stay valid.
  if (deletions.length > 1) deletions.sort(byLastIndexDown);
  for (const edit of deletions) {
    const parent = parentOf(root, edit.path, depth, false, copies);
    const last = edit.path[edit.path.length - 1];
    if (typeof last === 'number' && Array.isArray(parent)) parent.splice(last, 1);
    else if (typeof last === 'string' && !Array.isArray(parent)) delete parent[last];
    else throw new EditError(`cannot delete ${JSON.stringify(edit.path)}`);
  }
  for (const edit of appends) {
    const parent = parentOf(root, edit.path, depth, true, copies);
    const last = edit.path[edit.path.length - 1];
    if (typeof last !== 'string' || Array.isArray(parent)) throw new EditError(`cannot append to ${JSON.stringify(edit.path)}`);
    const list = parent[last];
    parent[last] = Array.isArray(list) ? [...list, (edit as { value: string }).value] : [(edit as { value: string }).value];
  }
  return root;
}

/**
 * The edits by operation, identical ones once (the first of them), each in
 * its order. Verification applies a pod spec's few edits thousands of times
 * over: one pass, and an index only when there are two to compare.
 */
function byOperation(edits: readonly Edit[]): { sets: Edit[]; deletions: Edit[]; appends: Edit[] } {
  const sets: Edit[] = [];
  const deletions: Edit[] = [];
  const appends: Edit[] = [];
  const seen = edits.length > 1 ? new EditIndex<Edit>() : null;
  for (const edit of edits) {
    if (seen?.findOrAdd(edit, edit) !== undefined) continue;
    if (edit.op === 'set') sets.push(edit);
    else if (edit.op === 'delete') deletions.push(edit);
    else if (edit.op === 'append') appends.push(edit);
  }
  return { sets, deletions, appends };
}

/** Deletions from the highest list index down. */
function byLastIndexDown(a: Edit, b: Edit): number {
  return lastIndex(b) - lastIndex(a);
}

/** The list index a deletion removes, or -1 for a map key (removed last, after every list item). */
function lastIndex(edit: Edit): number {
  const last = edit.path[edit.path.length - 1];
  return typeof last === 'number' ? last : -1;
}

/** A container of the result that may be written: a copy of the document's, made once (`copies` holds the result's own). */
function writableCopy<T extends JsonObject | JsonValue[]>(container: T, copies: Set<JsonValue>): T {
  if (copies.has(container)) return container;
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as T;
  copies.add(copy);
  return copy;
}

/**
 * The container an edit's path ends in, copied (with every container on the
 * way) into the result; with `create`, missing maps on the way are made.
 * Throws EditError when the path leads through something else.
 */
function parentOf(root: JsonValue, path: FieldPath, depth: number, create: boolean, copies: Set<JsonValue>): JsonObject | JsonValue[] {
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
    next = writableCopy(next, copies);
    holder[segment] = next;
    current = next;
  }
  if (typeof current !== 'object' || current === null) throw new EditError(`no container for ${JSON.stringify(path)}`);
  return current;
}

/**
 * Structural equality of decoded JSON (object key order does not matter; a
 * key whose value is undefined counts as absent). Verification compares
 * every fixed item or document with its expectation: nothing is allocated.
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (!isObject(a ?? null) || !isObject(b ?? null)) return false;
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  let keys = 0;
  for (const key in ao) {
    if (!Object.hasOwn(ao, key) || ao[key] === undefined) continue;
    if (!Object.hasOwn(bo, key) || !jsonEqual(ao[key], bo[key])) return false;
    keys++;
  }
  return keys === definedKeys(bo);
}

/** How many own keys of `object` have a value. */
function definedKeys(object: JsonObject): number {
  let count = 0;
  for (const key in object) if (Object.hasOwn(object, key) && object[key] !== undefined) count++;
  return count;
}
