/**
 * Follow a field path through the YAML nodes of a document, the way the
 * decoder reads them (aliases, merge keys, the last duplicate key wins), and
 * record what makes an edit there unsafe: a node reached through an alias or
 * a merge key is shared with another place, and so is a node whose anchor
 * some alias uses. Editing it would change every user.
 */
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { resolved } from '../manifests/anchors.js';
import { effectiveEntries, plainKeys } from '../manifests/decode.js';
import type { Entry } from '../manifests/decode.js';
import { isAlias, isCollection, isMap, isScalar, isSeq } from '../manifests/yamlKinds.js';
import type { FieldPath } from '../pss/types.js';

/** One step of a walk: the node at `path.slice(0, depth)`. */
export interface Step {
  /** The node (aliases resolved). Null for a key whose value is empty. */
  readonly node: Node | null;
  /** The node as written at this place: an Alias when the value is `*name`. */
  readonly written: Node | null;
  /** The pair holding this node when it is a map value. */
  readonly pair: Pair | null;
  /** The collection holding this node (the map or sequence of the previous step). */
  readonly parent: YAMLMap | YAMLSeq | null;
  /** The value came from a merge key (`<<`), not from the map itself. */
  readonly merged: boolean;
}

export interface Walk {
  /** steps[0] is the document root; steps[i] the node at path.slice(0, i). */
  readonly steps: readonly Step[];
  /** How many segments of the path exist. */
  readonly depth: number;
}

/**
 * How each map's keys are looked up, found once: every edit walks from the
 * root, and a List's fixes walk its root and each item's maps many times
 * over. A small map without merge keys keeps only its keys by position (a
 * List of thousands of Pods has tens of thousands of such maps, kept while
 * it is fixed); others keep their effective entries, looked up in constant
 * time. Trees are never edited after loading (fixes are text splices).
 */
const keysOf = new WeakMap<YAMLMap, readonly string[] | ReadonlyMap<string, Entry>>();
const smallMap = 16;

/** The step to a map's value at `key`, or undefined when the map has no such key. */
function mapStep(map: YAMLMap, doc: Document, key: string): Step | undefined {
  let keys = keysOf.get(map);
  if (!keys) {
    keys = (map.items.length <= smallMap ? plainKeys(map, doc) : null) ?? effectiveEntries(map, doc);
    keysOf.set(map, keys);
  }
  if (!Array.isArray(keys)) {
    const entry = (keys as ReadonlyMap<string, Entry>).get(key);
    return entry && valueStep(doc, entry.value as Node | null, entry.pair, map, entry.merged);
  }
  // Like the decoder: the last of duplicate keys wins. (A loop: lastIndexOf took a fifth of rendering.)
  for (let i = keys.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (keys[i] === key && pair) return valueStep(doc, pair.value as Node | null, pair, map, false);
  }
  return undefined;
}

function valueStep(doc: Document, value: Node | null | undefined, pair: Pair | null, parent: YAMLMap | YAMLSeq, merged: boolean): Step {
  const written = value ?? null;
  return { node: resolve(doc, written), written, pair, parent, merged };
}

export function walk(doc: Document, path: FieldPath): Walk {
  const steps = [rootStep(doc)];
  walkOn(doc, path, steps);
  return { steps, depth: steps.length - 1 };
}

function rootStep(doc: Document): Step {
  const root = doc.contents as Node | null;
  return { node: resolve(doc, root), written: root, pair: null, parent: null, merged: false };
}

/**
 * Walks of one document's paths one after the other, each going on from the
 * steps of the walk before it as far as both paths agree (trees are never
 * edited): the edits of a pod spec all start with its template's path, and
 * each would walk it from the root. The steps are kept in one array, cut
 * back and walked on: a walk it gives holds until the next one.
 */
export class Walker implements Walk {
  readonly steps: Step[];
  private path: FieldPath = [];

  constructor(private readonly doc: Document) {
    this.steps = [rootStep(doc)];
  }

  get depth(): number {
    return this.steps.length - 1;
  }

  walk(path: FieldPath): Walk {
    const earlier = this.path;
    const most = Math.min(path.length, this.depth);
    let shared = 0;
    while (shared < most && path[shared] === earlier[shared]) shared++;
    this.steps.length = shared + 1;
    walkOn(this.doc, path, this.steps);
    this.path = path;
    return this;
  }
}

/** Walk `path` on from the steps of its first `steps.length - 1` segments, adding a step for each segment found. */
function walkOn(doc: Document, path: FieldPath, steps: Step[]): void {
  let current = steps[steps.length - 1]?.node ?? null;
  for (let i = steps.length - 1; i < path.length; i++) {
    const segment = path[i];
    let next: Step | undefined;
    if (typeof segment === 'string' && isMap(current)) next = mapStep(current, doc, segment);
    else if (typeof segment === 'number' && isSeq(current) && segment < current.items.length) {
      next = valueStep(doc, current.items[segment] as Node | null, null, current, false);
    }
    if (!next) break;
    steps.push(next);
    current = next.node;
  }
}

function resolve(doc: Document, node: Node | null): Node | null {
  return (resolved(doc, node) as Node | undefined) ?? null;
}

/** A node carries an anchor that an alias uses: it has other users. */
export function isShared(node: Node | null, anchors: ReadonlySet<string>): boolean {
  const anchor = (node as { anchor?: string } | null)?.anchor;
  return typeof anchor === 'string' && anchors.has(anchor);
}

/** Whether a subtree defines an anchor that an alias uses (deleting it would break the alias). */
export function definesUsedAnchor(node: Node | null, anchors: ReadonlySet<string>): boolean {
  if (node === null) return false;
  if (isShared(node, anchors)) return true;
  if (isScalar(node) || isAlias(node)) return false;
  if (isCollection(node)) {
    for (const item of node.items) {
      if (isMap(node)) {
        if (definesUsedAnchor((item as Pair).key as Node | null, anchors) || definesUsedAnchor((item as Pair).value as Node | null, anchors)) return true;
      } else if (definesUsedAnchor(item as Node | null, anchors)) return true;
    }
  }
  return false;
}

/** Why an edit at a walk's nodes would change another place, or null when it would not. */
export function sharedReason(walked: Walk, upTo: number, anchors: ReadonlySet<string>): string | null {
  // The step at `upTo` may itself be an alias (replacing the reference
  // changes only this place) or merged: only the steps above it count.
  for (let i = 1; i < upTo; i++) {
    const step = walked.steps[i];
    if (!step) break;
    // Anything below an alias is shared.
    if (isAlias(step.written)) return `it is reached through the alias *${step.written.source}`;
    if (step.merged) return 'it comes from a merge key (<<), which copies a map defined elsewhere';
  }
  // No anchor used (most documents): no node is shared that way, and every edit asks.
  if (anchors.size === 0) return null;
  for (let i = 0; i < upTo; i++) {
    const node = walked.steps[i]?.node ?? null;
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (isShared(node, anchors)) return `it is inside the anchored node &${anchor ?? ''}, which is also used elsewhere`;
  }
  return null;
}
