/**
 * Where the splices of a verification lie in a document's layout tree: for
 * each, the deepest mapping whose entries hold it, as a run of entries
 * (fragments.ts reads each run alone). Block mappings are read by whole
 * lines, flow mappings by entries with their commas.
 */
import { isCollection, isMap, isScalar, isSeq, QUOTE_DOUBLE } from '../manifests/yamlKinds.js';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { DecodeError, plainKeys } from '../manifests/decode.js';
import { placeOffset } from '../manifests/eventReader.js';
import type { Branch, Place } from '../manifests/eventReader.js';
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { lastAtMost, lastAtMostIn } from '../sortedSearch.js';
import { firstContentColumn, lineEndAfter } from './fragmentLines.js';
import { inOrder, lineStartOf } from './text.js';
import type { Splice } from './text.js';
import { Cohort, Generations } from './generations.js';

/** One block mapping of the document, as the layout tree and the decoded value both see it. */
export interface MapView {
  readonly node: YAMLMap;
  readonly path: FieldPath;
  readonly value: JsonObject;
  /** The decoded key of each entry, in the layout's order. */
  readonly keys: readonly string[];
  /** Where each entry's first line starts (the line of its key). */
  readonly spanStarts: readonly number[];
  /** Just after the mapping's last line. */
  readonly end: number;
  /** The column of its keys. */
  readonly column: number;
  /** Just after the `- ` indicators before its first key, when it opens a sequence item (they are blanked when it is read alone); else its first line's start. */
  readonly dashesEnd: number;
  /**
   * A flow mapping (`{…}`): its entries are `key: value` pairs, each with the
   * comma after it, `end` is its closing brace, and it has no column.
   */
  readonly flow: boolean;
}

/** A run of entries [lo, hi) of one mapping that some splices rewrite (lo = hi: new entries between two). */
export interface Region {
  readonly map: MapView;
  lo: number;
  hi: number;
  readonly splices: Splice[];
}

export const from = (region: Region) => region.map.spanStarts[region.lo] ?? region.map.end;
export const to = (region: Region) => region.map.spanStarts[region.hi] ?? region.map.end;

/**
 * The decoded key of each entry of a block mapping, through the reader's
 * places (offset of each key), or, for a document `yaml` read (`doc`), as
 * the decoder reads its keys; null when they do not line up one to one.
 */
function keysOf(node: YAMLMap, place: Place | undefined, doc: Document | null): string[] | null {
  if (place === undefined && doc !== null) return decodedKeys(node, doc);
  if (place === undefined || typeof place === 'number' || Array.isArray(place.children)) return null;
  const children = place.children as Map<string, Place>;
  if (children.size !== node.items.length) return null; // a duplicate key
  // The reader enters keys in the order it reads them, as the entries stand: each must start where its entry's key does.
  // Arrays of their final length: a view is kept as long as its document (see mapView).
  const keys = new Array<string>(children.size);
  const pairs = node.items as Pair[];
  let i = 0;
  for (const [key, child] of children) {
    const pair = pairs[i]!;
    if (!isScalar(pair.key) || pair.key.range?.[0] !== childKeyOffset(child)) return null;
    keys[i++] = key;
  }
  return keys;
}

/** The keys of a mapping of a document `yaml` read, when none is a merge key and none is written twice. */
function decodedKeys(node: YAMLMap, doc: Document): string[] | null {
  let keys: string[] | null;
  try {
    keys = plainKeys(node, doc);
  } catch (error) {
    if (error instanceof DecodeError) return null;
    throw error;
  }
  return keys !== null && new Set(keys).size === keys.length ? keys : null;
}

/** A mapping entry's place is where its key starts (eventReader.ts). */
const childKeyOffset = (child: Place): number => placeOffset(child);

function nodeEnd(node: unknown): number | null {
  const range = (node as Node | null)?.range;
  return range ? range[1] : null;
}

const dashPrefix = /^[ ]*(?:-[ ]+)+$/;

/** The start of the line that holds `offset` when only spaces come before it there; else null. */
function indentedLineStart(text: string, offset: number): number | null {
  let at = offset;
  while (at > 0 && text.charCodeAt(at - 1) === 32) at--;
  return at === 0 || text.charCodeAt(at - 1) === 10 ? at : null;
}

/**
 * Where a node lies in its document, as a chain to the root: walking down to
 * a splice copies no path, and a mapping's path is made once, with its view.
 */
interface PathLink {
  readonly parent: PathLink | null;
  readonly segment: string | number;
}

function pathOf(link: PathLink | null): FieldPath {
  const path: (string | number)[] = [];
  for (let at = link; at !== null; at = at.parent) path.push(at.segment);
  return path.reverse();
}

function mapView(descent: Descent, node: YAMLMap, place: Place | undefined, value: JsonValue | undefined, link: PathLink | null): MapView | null {
  const { views } = descent.kept;
  let view = views.get(node);
  if (view === undefined) {
    view = newMapView(descent.text, node, place, value, pathOf(link), descent.doc);
    views.set(node, view);
  }
  return view;
}

function newMapView(text: string, node: YAMLMap, place: Place | undefined, value: JsonValue | undefined, path: FieldPath, doc: Document | null): MapView | null {
  if (node.items.length === 0 || !isObject(value ?? null)) return null;
  // A document `yaml` read is read by fragments only in its block mappings (itemAliases.ts).
  if (node.flow) return doc === null ? flowMapView(text, node, place, value as JsonObject, path) : null;
  const keys = keysOf(node, place, doc);
  if (keys === null || Object.keys(value as JsonObject).length !== keys.length) return null;
  const pairs = node.items as Pair[];
  const spanStarts = new Array<number>(pairs.length);
  let column = -1;
  let dashesEnd = -1;
  for (let i = 0; i < pairs.length; i++) {
    const keyStart = (pairs[i]!.key as Node).range![0];
    const indented = indentedLineStart(text, keyStart);
    if (i === 0) {
      const lineStart = indented ?? lineStartOf(text, keyStart);
      column = keyStart - lineStart;
      if (indented !== null) dashesEnd = lineStart;
      else if (dashPrefix.test(text.slice(lineStart, keyStart))) dashesEnd = keyStart;
      else return null;
      spanStarts[i] = lineStart;
    } else if (indented === null || keyStart - indented !== column) {
      return null;
    } else {
      spanStarts[i] = indented;
    }
  }
  const last = pairs[pairs.length - 1]!;
  const lastEnd = nodeEnd(last.value) ?? nodeEnd(last.key);
  if (lastEnd === null) return null;
  return { node, path, value: value as JsonObject, keys, spanStarts, end: lineEndAfter(text, lastEnd), column, dashesEnd, flow: false };
}

/** A flow mapping's view: entries from key to key (the comma after each included), up to its closing brace. */
function flowMapView(text: string, node: YAMLMap, place: Place | undefined, value: JsonObject, path: FieldPath): MapView | null {
  // Without the reader's places (a JSON file `yaml` read), keys are JSON strings: a quoted key is its own decoded key.
  const keys = place !== undefined ? keysOf(node, place, null) : quotedKeys(node);
  if (keys === null || Object.keys(value).length !== keys.length) return null;
  const spanStarts = (node.items as Pair[]).map((pair) => (pair.key as Node).range![0]);
  const end = (node.range?.[1] ?? 0) - 1;
  if (text.charAt(end) !== '}' || spanStarts.some((start, i) => i > 0 && start <= spanStarts[i - 1]!)) return null;
  return { node, path, value, keys, spanStarts, end, column: -1, dashesEnd: spanStarts[0]!, flow: true };
}

function quotedKeys(node: YAMLMap): string[] | null {
  const keys: string[] = [];
  for (const pair of node.items as Pair[]) {
    if (!isScalar(pair.key) || pair.key.type !== QUOTE_DOUBLE || typeof pair.key.value !== 'string') return null;
    keys.push(pair.key.value);
  }
  return new Set(keys).size === keys.length ? keys : null;
}

/**
 * The region of each splice under the document's root `root` (null when one
 * has none), as `regionIn` finds them one by one from the root. `doc` is the
 * document when `yaml` read it (no places: keys are decoded from it);
 * `memory` is what the verifications of the file keep (FragmentMemory).
 *
 * The splices of a verification mostly lie in one container or pod spec, as
 * do those of the verifications of one document that follow (its fixes
 * together, then a suggestion at a time), and descending from the root to
 * each costs as much as the rest of locating it: each starts from the
 * deepest collection of the previous descent under the same root that
 * leads to it too (a finger, see `Frame`).
 */
export function regionsIn(
  text: string,
  memory: FragmentMemory,
  root: Node,
  place: Place | undefined,
  value: JsonValue | undefined,
  splices: readonly Splice[],
  doc: Document | null = null,
): Region[] | null {
  const kept = memory.under(root, place, value);
  const descent: Descent = { text, doc, kept };
  const { trail } = kept;
  const regions: Region[] = [];
  for (const splice of splices) {
    const region = trail === null ? regionIn(descent, root, place, value, null, splice) : regionFromTrail(descent, trail, root, place, value, splice);
    if (region === null) return null;
    regions.push(region);
  }
  return regions;
}

/**
 * What is kept under a document's root between verifications (its fixes
 * together, then a suggestion at a time): each mapping's view, made once,
 * and the trail of the last descent (null under a flow root: block
 * collections hold none that regionIn enters, and flow ones are descended
 * into from the root). A layout node belongs to one document of one text,
 * so its view never changes; one map per document keeps each lookup among
 * the few mappings its fixes reach.
 */
interface Kept {
  readonly views: Generations<YAMLMap, MapView | null>;
  trail: Frame[] | null;
}

/**
 * What the verifications of one file keep under each root they read (Kept),
 * let go with the file's verifier. Not a WeakMap of the module's, keyed by
 * the root: what it keeps holds the root, and V8's young-generation
 * collections keep such an entry, and every layout tree it holds, until a
 * full collection (in the reference repository's JSON report, a third of
 * what they copied).
 */
export class FragmentMemory {
  private readonly kept = new Map<Node, Kept>();

  /**
   * @param cohort the caches the views age and forget with (generations.ts); each root's trail
   * stays (a few frames, the way to the next item of a List).
   */
  constructor(private readonly cohort = new Cohort()) {}

  /** What is kept under `root`; its trail is only taken up again from the same place and value. */
  under(root: Node, place: Place | undefined, value: JsonValue | undefined): Kept {
    let kept = this.kept.get(root);
    if (kept === undefined) {
      kept = { views: new Generations(this.cohort), trail: null };
      this.kept.set(root, kept);
    }
    const first = kept.trail?.[0];
    if (isCollection(root) && !root.flow && (kept.trail === null || (first !== undefined && (first.place !== place || first.value !== value)))) kept.trail = [];
    return kept;
  }
}

/** What a descent shares at every level: the text, the document `yaml` read (or null), and what is kept under its root (its views, and the trail where it records its block levels; a null trail records nothing). */
interface Descent {
  readonly text: string;
  readonly doc: Document | null;
  readonly kept: Kept;
}

/**
 * One block collection a descent went through, with what regionIn was
 * given for it, and the entry or item it went on into. Each frame of a trail
 * is the child `next` of the one before, the first the root; the last one's
 * child may have no frame (the descent stopped there, or it is a flow
 * collection, which regionIn enters anew each time).
 */
interface Frame {
  readonly node: YAMLMap | YAMLSeq;
  readonly place: Place | undefined;
  readonly value: JsonValue | undefined;
  readonly link: PathLink | null;
  /** The mapping's view (null for a sequence). */
  readonly view: MapView | null;
  next: number;
}

/**
 * The region of a splice as regionIn finds it from the root, the descent
 * starting at the deepest frame of the trail that the root's descent would
 * reach too. Where that finds nothing, the root's descent would have found
 * the entry of the nearest mapping above that it went through.
 */
function regionFromTrail(descent: Descent, trail: Frame[], root: Node, place: Place | undefined, value: JsonValue | undefined, splice: Splice): Region | null {
  let k = 0;
  while (k + 1 < trail.length && leadsOn(trail[k]!, splice)) k++;
  const start = trail[k];
  trail.length = k;
  // The frame's mapping view is at hand: no need to look it up again.
  const region =
    start === undefined
      ? regionIn(descent, root, place, value, null, splice)
      : start.view !== null
        ? regionInBlock(descent, start.view, start.place, start.value, start.link, splice)
        : regionIn(descent, start.node, start.place, start.value, start.link, splice);
  if (region !== null) return region;
  for (let i = k - 1; i >= 0; i--) {
    const { view, next } = trail[i]!;
    if (view !== null) return { map: view, lo: next, hi: next + 1, splices: [splice] };
  }
  return null;
}

/**
 * Whether regionIn, at a frame, goes on into the same entry or item as
 * before for this splice: regionIn's own steps, for a block mapping whose
 * entry `next` holds a block collection (the frame went on into it). A
 * splice within one entry's span, past the `- ` that opens the mapping,
 * touches that entry alone; new text at the entry's start belongs to the
 * entry before (or opens new entries), and new lines at its end (where the
 * next entry starts) open new entries unless they are more indented than
 * the keys.
 */
function leadsOn(frame: Frame, splice: Splice): boolean {
  const { view, next } = frame;
  if (view === null) return itemAt(frame.node as YAMLSeq, splice) === next;
  const { spanStarts, end, dashesEnd, column } = view;
  const { start, end: spliceEnd, insert } = splice;
  const entryStart = spanStarts[next]!;
  const entryEnd = spanStarts[next + 1] ?? end;
  if (start < dashesEnd || start < entryStart || spliceEnd > entryEnd) return false;
  if (start !== spliceEnd) return true;
  if (start === entryStart) return false;
  if (start < entryEnd || !insert.endsWith('\n')) return true;
  const insertColumn = firstContentColumn(insert);
  return insertColumn === null || insertColumn > column;
}

/** The item of a sequence whose range starts last at or before a splice's start (-1 for none). */
function itemAt(node: YAMLSeq, splice: Splice): number {
  const items = node.items as Node[];
  return lastAtMost(items.length, (i) => items[i]?.range?.[0] ?? Infinity, splice.start);
}

/**
 * The region of one splice under `node`: the deepest block mapping whose
 * entries hold it, or null when no mapping at or under `node` does. Each
 * block collection it enters is recorded in the descent's trail.
 */
function regionIn(descent: Descent, node: Node, place: Place | undefined, value: JsonValue | undefined, link: PathLink | null, splice: Splice): Region | null {
  if (isSeq(node)) return regionInSequence(descent, node, place, value, link, splice);
  if (!isMap(node)) return null;
  const map = mapView(descent, node, place, value, link);
  if (map === null) return null;
  return map.flow ? flowRegionIn(descent, map, place, link, splice) : regionInBlock(descent, map, place, value, link, splice);
}

/** regionIn in a block mapping, given its view. */
function regionInBlock(descent: Descent, map: MapView, place: Place | undefined, value: JsonValue | undefined, link: PathLink | null, splice: Splice): Region | null {
  const { node, spanStarts, end, column, dashesEnd } = map;
  const { start, end: spliceEnd } = splice;
  if (start < spanStarts[0]! || spliceEnd > end) return null;
  // Nothing may rewrite the `- ` that opens the mapping's sequence item.
  if (start < dashesEnd) return null;
  if (start === spliceEnd) {
    // New lines at an entry boundary, at the keys' column: new entries between two.
    const boundary = start === end ? spanStarts.length : indexOfStart(spanStarts, start);
    if (boundary !== -1 && splice.insert.endsWith('\n')) {
      const insertColumn = firstContentColumn(splice.insert);
      if (insertColumn === column) return { map, lo: boundary, hi: boundary, splices: [splice] };
      if (insertColumn !== null && insertColumn < column) return null;
    }
  }
  const lo = firstTouched(spanStarts, splice);
  if (lo < 0) return null;
  const hi = touchedEnd(spanStarts, splice, lo);
  if (hi === lo + 1) {
    const key = map.keys[lo]!;
    const child = (node.items[lo] as Pair).value as Node | null;
    // A flow value in a block mapping is read with its entry (a flow collection's lines are not the block's).
    if (child && (isMap(child) || isSeq(child)) && !child.flow) {
      descent.kept.trail?.push({ node, place, value, link, view: map, next: lo });
      const inner = regionIn(descent, child, childPlace(place, key), map.value[key], { parent: link, segment: key }, splice);
      if (inner !== null) return inner;
    }
  }
  return { map, lo, hi, splices: [splice] };
}

/**
 * The region of a splice in a flow mapping: the entries it touches, or a
 * region inside the one entry whose value (a flow mapping, or a flow
 * sequence of them) holds it. New text at a key's start belongs to the entry
 * before (it follows that entry's comma); at the closing brace, to the last.
 */
function flowRegionIn(descent: Descent, map: MapView, place: Place | undefined, link: PathLink | null, splice: Splice): Region | null {
  const { spanStarts, end, keys } = map;
  const { start, end: spliceEnd } = splice;
  if (start < spanStarts[0]! || spliceEnd > end) return null;
  const lo = firstTouched(spanStarts, splice);
  if (lo < 0) return null;
  const hi = touchedEnd(spanStarts, splice, lo);
  if (hi === lo + 1) {
    const key = keys[lo]!;
    const child = (map.node.items[lo] as Pair).value as Node | null;
    const range = child?.range;
    // Strictly inside the value's brackets: its own entries hold the splice.
    if (child && range && (isMap(child) || isSeq(child)) && child.flow && start > range[0] && spliceEnd < range[1]) {
      const inner = regionIn(descent, child, childPlace(place, key), map.value[key], { parent: link, segment: key }, splice);
      if (inner !== null) return inner;
    }
  }
  return { map, lo, hi, splices: [splice] };
}

/**
 * The first entry a splice touches, by where the spans start: new text at
 * an entry's start belongs to the entry before it (it ends that entry's
 * span); at the mapping's end, to the last entry. -1 for none.
 */
function firstTouched(spanStarts: readonly number[], splice: Splice): number {
  const { start, end } = splice;
  const at = entryAt(spanStarts, start);
  return start === end && at > 0 && spanStarts[at] === start ? at - 1 : at;
}

/** The entry whose span starts at `offset`, or -1 (spans start in increasing order). */
function indexOfStart(spanStarts: readonly number[], offset: number): number {
  const at = entryAt(spanStarts, offset);
  return at >= 0 && spanStarts[at] === offset ? at : -1;
}

/** Just after the last entry a splice touches, the first being `lo`. */
function touchedEnd(spanStarts: readonly number[], splice: Splice, lo: number): number {
  return (splice.start === splice.end ? lo : entryAt(spanStarts, splice.end - 1)) + 1;
}

/** The last entry whose span starts at or before `offset` (-1 for none). */
function entryAt(spanStarts: readonly number[], offset: number): number {
  return lastAtMostIn(spanStarts, offset);
}

function childPlace(place: Place | undefined, key: string | number): Place | undefined {
  if (place === undefined || typeof place === 'number') return undefined;
  const children = (place as Branch).children;
  return typeof key === 'number' ? (Array.isArray(children) ? children[key] : undefined) : Array.isArray(children) ? undefined : children.get(key);
}

/** The region of a splice inside one item of a sequence (a mapping), or null. */
function regionInSequence(descent: Descent, node: YAMLSeq, place: Place | undefined, value: JsonValue | undefined, link: PathLink | null, splice: Splice): Region | null {
  if (!Array.isArray(value) || value.length !== node.items.length) return null;
  const j = itemAt(node, splice);
  const item = node.items[j] as Node | undefined;
  // A flow item holds the splice only inside its braces.
  if (node.flow && !(item?.range && splice.start > item.range[0] && splice.end < item.range[1])) return null;
  if (item === undefined || !isMap(item)) return null;
  if (!node.flow) descent.kept.trail?.push({ node, place, value, link, view: null, next: j });
  return regionIn(descent, item, childPlace(place, j), value[j], { parent: link, segment: j }, splice);
}

/**
 * The regions to read: runs of one mapping that meet or overlap joined into
 * one, and a run that lies inside an entry of another run folded into it.
 * In text order, deeper mappings first at one offset (their new lines come
 * first: text.ts orders splices so). Null when two runs would overlap
 * otherwise. The regions are the caller's, made for this verification: they
 * are joined in place, not copied.
 */
export function mergeRegions(regions: Region[]): Region[] | null {
  if (regions.length === 1) return regions;
  const byMap = new Map<YAMLMap, Region[]>();
  for (const region of sortSmall(regions, byFirstEntry)) {
    let runs = byMap.get(region.map.node);
    if (runs === undefined) {
      runs = [];
      byMap.set(region.map.node, runs);
    }
    const last = runs[runs.length - 1];
    if (last !== undefined && region.lo <= last.hi) {
      last.hi = Math.max(last.hi, region.hi);
      for (const splice of region.splices) last.splices.push(splice);
    } else {
      runs.push(region);
    }
  }
  const runs = [...byMap.values()].flat();
  const outermost: Region[] = [];
  for (const run of runs) if (holderOf(runs, run) === undefined) outermost.push(run);
  for (const run of runs) {
    if (outermost.includes(run)) continue;
    // `holds` is transitive: the outermost run that holds a run holds what it holds.
    const outer = holderOf(outermost, run)!;
    for (const splice of run.splices) outer.splices.push(splice);
  }
  outermost.sort(inReadingOrder);
  for (let i = 1; i < outermost.length; i++) if (from(outermost[i]!) < to(outermost[i - 1]!)) return null;
  return outermost;
}

function byFirstEntry(a: Region, b: Region): number {
  return a.lo - b.lo;
}

/** Regions in text order, the deeper mapping's first at one offset. */
function inReadingOrder(a: Region, b: Region): number {
  return from(a) - from(b) || b.map.path.length - a.map.path.length || to(a) - to(b);
}

/** The first of `runs` that holds `run` (holds), or undefined. */
function holderOf(runs: readonly Region[], run: Region): Region | undefined {
  for (const outer of runs) if (holds(outer, run)) return outer;
  return undefined;
}

/** Whether `inner`'s mapping lies inside one of the entries of `outer`'s run. */
function holds(outer: Region, inner: Region): boolean {
  const path = outer.map.path;
  if (inner.map.path.length <= path.length || !path.every((segment, i) => inner.map.path[i] === segment)) return false;
  const index = outer.map.keys.indexOf(inner.map.path[path.length] as string);
  return index >= outer.lo && index < outer.hi;
}

/**
 * Whether the regions, read one after the other, hold the splices in the
 * order they apply: each region's splices sorted so, and where two regions
 * meet, the first one's new lines there come first.
 */
export function inTextOrder(regions: readonly Region[], splices: readonly Splice[]): boolean {
  // One splice is in order (and overlaps nothing).
  if (splices.length === 1) return true;
  const ordered = inOrder(splices);
  const order = new Map<Splice, number>();
  for (let i = 0; i < ordered.length; i++) order.set(ordered[i]!, i);
  for (const region of regions) sortByRank(region.splices, order);
  for (let i = 1; i < regions.length; i++) {
    const before = regions[i - 1]!;
    const after = regions[i]!;
    const at = to(before);
    if (from(after) === at && lastRankAt(before.splices, at, order) > firstRankAt(after.splices, at, order)) return false;
  }
  return true;
}

/** The latest rank among the splices at `at` (-Infinity for none). */
function lastRankAt(splices: readonly Splice[], at: number, order: ReadonlyMap<Splice, number>): number {
  let last = -Infinity;
  for (const splice of splices) if (splice.start === at) last = Math.max(last, order.get(splice)!);
  return last;
}

/** The earliest rank among the splices at `at` (Infinity for none). */
function firstRankAt(splices: readonly Splice[], at: number, order: ReadonlyMap<Splice, number>): number {
  let first = Infinity;
  for (const splice of splices) if (splice.start === at) first = Math.min(first, order.get(splice)!);
  return first;
}

/** Splices sorted in place by their rank in `order`, by insertion (as sortSmall, with no comparator made per call). */
function sortByRank(splices: Splice[], order: ReadonlyMap<Splice, number>): void {
  for (let i = 1; i < splices.length; i++) {
    const splice = splices[i]!;
    const rank = order.get(splice)!;
    let j = i;
    for (; j > 0 && order.get(splices[j - 1]!)! > rank; j--) splices[j] = splices[j - 1]!;
    splices[j] = splice;
  }
}

/**
 * `array` sorted in place, stably, by insertion: a verification has a few
 * regions and splices, and Array.prototype.sort copies each array it sorts.
 */
function sortSmall<T>(array: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < array.length; i++) {
    const item = array[i]!;
    let j = i;
    for (; j > 0 && compare(array[j - 1]!, item) > 0; j--) array[j] = array[j - 1]!;
    array[j] = item;
  }
  return array;
}
