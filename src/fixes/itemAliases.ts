/**
 * A `List` whose items share whole Pods through anchors and aliases
 * (`- &pod0 …` then `- *pod0`, the shape of a generated bundle), seen as
 * which item each item is a copy of.
 *
 * Fragments (fragments.ts) prove a fix by reading only the entries it
 * rewrites, which needs to know every place that a rewritten entry reaches.
 * In general an alias can refer into any node, and a merge key copies a map
 * into another, so the event reader's documents (which have neither) are
 * the only ones read that way. This module recognises the one shape where
 * the places are still plain to see: every anchor is on an item of `items`,
 * every alias is an item of `items`, no anchor name is used twice, and no
 * mapping or sequence carries a tag (which could change how its entries
 * decode, as no tag in an event reader's document can). Then
 * an alias item decodes to exactly what its anchored item decodes to, and a
 * change inside the anchored item reaches that item and its alias items,
 * nothing else. The helpers at the end serve verify.ts when it verifies
 * such a List's items through their fragments.
 */
import { isAlias, isMap, isScalar, isSeq } from '../manifests/yamlKinds.js';
import type { Document, Node, YAMLSeq } from 'yaml';
import { aliasTarget } from '../manifests/anchors.js';
import { allowedAliasRatio } from '../manifests/decode.js';
import { preorder } from '../manifests/preorder.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { JsonObject, JsonValue } from '../pss/types.js';
import { jsonEqual, toJson } from './edits.js';
import type { Edit } from './types.js';

export interface ItemAliases {
  /** The item each item decodes as: its own index, or the index of the anchored item it aliases. */
  readonly sourceOf: readonly number[];
  /** The alias items of each anchored item (empty for the others). */
  readonly usersOf: readonly (readonly number[])[];
}

const known = new WeakMap<Document, ItemAliases | null>();

/**
 * The item aliases of a loaded document: only a document `yaml` read can
 * have any (the event reader reads no alias), and only a block List has
 * them as whole items (a JSON file's root is a flow mapping).
 */
export function itemAliasesOf(document: ManifestDocument): ItemAliases | null {
  return document.source.place === undefined ? itemAliases(document.source.layout) : null;
}

/** The item aliases of a List document, or null when its anchors and aliases are not all whole items (or it is no List). */
export function itemAliases(doc: Document): ItemAliases | null {
  let aliases = known.get(doc);
  if (aliases === undefined) {
    aliases = findItemAliases(doc);
    known.set(doc, aliases);
  }
  return aliases;
}

function itemsOf(doc: Document): YAMLSeq | null {
  const root = doc.contents;
  if (!isMap(root) || root.flow || root.anchor !== undefined) return null;
  const pairs = root.items.filter((pair) => isScalar(pair.key) && pair.key.value === 'items');
  const items = pairs.length === 1 ? pairs[0]!.value : null;
  return isSeq(items) && !items.flow && items.anchor === undefined ? items : null;
}

function findItemAliases(doc: Document): ItemAliases | null {
  const seq = itemsOf(doc);
  if (seq === null) return null;
  const indexOf = new Map<unknown, number>();
  seq.items.forEach((item, i) => indexOf.set(item, i));
  const sourceOf = seq.items.map((_, i) => i);
  const usersOf: number[][] = seq.items.map(() => []);
  const anchors = new Set<string>();
  let plain = true;
  preorder(doc, {
    node(node: Node) {
      if (!plain) return;
      const item = indexOf.get(node);
      if (isAlias(node)) {
        // An alias anywhere but as a whole item, or of something but a whole earlier item, is not this shape.
        const target = aliasTarget(doc, node);
        const source = target === undefined ? undefined : indexOf.get(target);
        if (item === undefined || source === undefined || source >= item) plain = false;
        else {
          sourceOf[item] = source;
          usersOf[source]!.push(item);
        }
      } else if (node.anchor !== undefined) {
        // An anchor on anything but an item, or a name given twice (an alias takes the latest).
        if (item === undefined || anchors.has(node.anchor)) plain = false;
        anchors.add(node.anchor);
      }
      if ((isMap(node) || isSeq(node)) && node.tag !== undefined) plain = false;
      // A merge key copies a map into another (even an inline one): left to the whole reading.
      if (isMap(node) && node.items.some((pair) => isScalar(pair.key) && pair.key.value === '<<')) plain = false;
    },
  });
  return plain ? { sourceOf, usersOf } : null;
}

/** Whether two items' edits (paths from the document) are the same below the item, in the same order. */
export function sameEditsBelowItems(a: readonly Edit[], b: readonly Edit[]): boolean {
  return (
    a.length === b.length &&
    a.every((edit, i) => {
      const other = b[i]!;
      if (edit.op !== other.op || edit.path.length !== other.path.length) return false;
      for (let k = 2; k < edit.path.length; k++) if (edit.path[k] !== other.path[k]) return false;
      return !('value' in edit) || ('value' in other && jsonEqual(toJson(edit.value), toJson(other.value)));
    })
  );
}

/**
 * Whether reading the kept items as a small List (verifySmallList in
 * verify.ts) could stop at the decoder's alias budget (decode.ts): a fix
 * that grows an anchored item grows every alias of it. The decoder counts
 * one node per value, an alias item one of its own and then its anchored
 * item's nodes as aliased, and stops once more than 100 nodes are aliased,
 * more than 1,000 decoded, and the share aliased exceeds allowedAliasRatio.
 * That share rises only while an alias item is decoded, so it is checked at
 * the end of each, with the fields before the items left out, the 1,000
 * ignored and the lowest allowed share taken (at everything the small List
 * decodes): never less strict than the decoder.
 */
export function mayExceedAliasBudget(fields: JsonObject, items: readonly JsonValue[], kept: readonly number[], sourceOf: readonly number[]): boolean {
  const counts = items.map(nodeCount);
  let total = 2;
  for (const [key, value] of Object.entries(fields)) if (key !== 'items') total += nodeCount(value ?? null);
  counts.forEach((count, j) => (total += count + (sourceOf[kept[j]!] !== kept[j] ? 1 : 0)));
  const allowed = allowedAliasRatio(total);
  // The List and its `items`.
  let decoded = 2;
  let aliased = 0;
  for (const [j, item] of kept.entries()) {
    const count = counts[j]!;
    if (sourceOf[item] === item) {
      decoded += count;
      continue;
    }
    decoded += 1 + count;
    aliased += count;
    if (aliased > 100 && aliased / decoded > allowed) return true;
  }
  return false;
}

/** Values the decoder reads to make a JSON value (itself and every value below it; keys are not counted), kept per object. */
const nodeCounts = new WeakMap<object, number>();

function nodeCount(value: JsonValue): number {
  if (value === null || typeof value !== 'object') return 1;
  let count = nodeCounts.get(value);
  if (count === undefined) {
    count = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) count += nodeCount(child ?? null);
    nodeCounts.set(value, count);
  }
  return count;
}
