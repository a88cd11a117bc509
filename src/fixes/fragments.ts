/**
 * A fixed document read again through the few lines its fix rewrites.
 *
 * Verification (verify.ts) proves a fix by reading the fixed text again, as
 * the check would. A fix rewrites a few entries of a few block mappings (a
 * container's `securityContext`, a new key of the pod spec), so most of what
 * that reading costs is for lines the fix did not touch. Here the fixed text
 * of each rewritten run of entries is read alone, by the same reader
 * (eventReader.ts), and the rest of the document is known unchanged by
 * construction: the document decodes to its old value with those entries
 * replaced by what the fragments decode to.
 *
 * Why a run of whole entries of a block mapping reads the same alone as in
 * its document: entries of a block mapping are whole lines, at the column
 * of the mapping's keys. Read alone, with the same columns (a `- ` that
 * opens the mapping's sequence item blanked to spaces), the fragment must
 * decode as one mapping whose first line is a key at that column, and the
 * reader refuses any line that is less indented. In the document, a line at
 * that column that is a key ends whatever value came before it (a block or
 * plain scalar continues only on more indented lines), and the line after
 * the fragment ends it the same way: the next entry's key, or, at the end of
 * the mapping, a less indented line (checked). So the lines of the fragment
 * are the same entries in both readings. Nothing in the document refers to
 * them from afar: only documents the event reader read are read this way,
 * and it reads no anchors, aliases, merge keys, tags or directives (the
 * fragment is refused if it has one). What else could tell the readings
 * apart is refused too: block scalar headers with an indentation indicator
 * (relative to the parent) or keep chomping (which reaches past the
 * fragment), duplicate keys, a mapping left with no entries (it would read
 * as null), document markers, characters that goyamlText.ts rewrites, and
 * template actions. Blank and comment lines are nothing read alone, but in
 * the document they follow a value: those before the fragment's first key
 * follow the entry before it, those after a run that ends its mapping
 * follow the run's last value, and a block scalar there takes a comment or a
 * line of spaces more indented than its key as content (a kept one, blank
 * lines too); such lines are refused.
 *
 * test/unit/fixes/fragments.test.ts loads every fixed text whole and
 * compares, on the fixes of every fixture and on thousands of seeded splices
 * that no fix would write.
 */
import { Scalar, isCollection, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { NestingTooDeep, nestingLimit, placeOffset, readEventDocuments } from '../manifests/eventReader.js';
import type { Branch, Place } from '../manifests/eventReader.js';
import { readAsJson } from '../manifests/jsonStream.js';
import type { ManifestDocument } from '../manifests/types.js';
import { setKey } from '../manifests/decode.js';
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { lastAtMost } from '../sortedSearch.js';
import { applyEditsToJson, EditError, jsonEqual } from './edits.js';
import { applySplicesWithin, extentOf, inOrder, SpliceConflict } from './text.js';
import type { Splice } from './text.js';
import type { Edit } from './types.js';

/** One block mapping of the document, as the layout tree and the decoded value both see it. */
interface MapView {
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
interface Region {
  readonly map: MapView;
  lo: number;
  hi: number;
  readonly splices: Splice[];
}

const from = (region: Region) => region.map.spanStarts[region.lo] ?? region.map.end;
const to = (region: Region) => region.map.spanStarts[region.hi] ?? region.map.end;

/**
 * Whether the splices turn `document` into exactly its value with `edits`
 * applied (paths relative to the document), proven by reading only the
 * entries they rewrite. False means "not proven here": the caller reads the
 * fixed document whole, which also says why a fix fails.
 */
export function provedByFragments(text: string, document: ManifestDocument, splices: readonly Splice[], edits: readonly Edit[]): boolean {
  const read = readFragments(text, document, splices);
  return read !== null && matchesEdits(read, edits);
}

/**
 * The value the fixed document decodes to, when the fragments prove it;
 * else null. For tests, which compare it with a reading of the whole text.
 */
export function fixedValueByFragments(text: string, document: ManifestDocument, splices: readonly Splice[]): JsonValue | null {
  const read = readFragments(text, document, splices);
  if (read === null) return null;
  let root: JsonValue = document.value;
  for (const { map, fixed, before } of read) {
    root = replaceAt(root, map.path, 0, (old) => {
      const out: JsonObject = { ...(old as JsonObject) };
      for (const key of before) delete out[key];
      // setKey: a `__proto__` entry is a key like any other (Object.assign would set the prototype).
      for (const [key, value] of Object.entries(fixed)) setKey(out, key, value!);
      return out;
    });
  }
  return root;
}

function replaceAt(value: JsonValue, path: FieldPath, depth: number, change: (old: JsonValue) => JsonValue): JsonValue {
  if (depth === path.length) return change(value);
  const segment = path[depth]!;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as JsonObject) }) as JsonObject & JsonValue[];
  copy[segment] = replaceAt(copy[segment] ?? null, path, depth + 1, change);
  return copy;
}

/** A mapping read after the fix through its runs: the keys of the entries they held, and the entries they hold now. */
interface ReadMap {
  readonly map: MapView;
  readonly before: Set<string>;
  readonly fixed: JsonObject;
}

/**
 * Past this many splices in one verification (all fixes of a large document
 * that is not read item by item), the document is read whole: matching
 * splices and regions with one another costs their number squared.
 */
const spliceLimit = 256;

function readFragments(text: string, document: ManifestDocument, splices: readonly Splice[]): ReadMap[] | null {
  const { place, layout, end: documentEnd } = document.source;
  const root = layout.contents as Node | null;
  if (!root || splices.length === 0 || splices.length > spliceLimit) return null;
  // What the event reader read has no anchors, aliases, merge keys or tags; nor has a JSON file (kubectl reads it strictly).
  const json = readAsJson(text);
  if (place === undefined && !(json && isMap(root) && root.flow)) return null;
  const reading: Reading = { json, flowRoot: isCollection(root) && root.flow === true };
  const lineWise = atLineStarts(text, splices.map((splice) => narrowed(text, splice)));
  const moved = sameText(text, splices, lineWise && lineWise.flatMap(byIndentation));
  if (moved === null) return null;
  const regions: Region[] = [];
  for (const splice of moved) {
    const region = regionIn(text, root, place, document.value, null, splice);
    if (region === null) return null;
    regions.push(region);
  }
  const merged = mergeRegions(regions);
  if (merged === null || !inTextOrder(merged, moved)) return null;
  const texts = merged.map((region) => fragmentTexts(text, region));
  const byMap = new Map<YAMLMap, ReadMap>();
  for (const r of texts.keys()) {
    const { map, lo, hi } = texts[r]!.region;
    const fixed = readRegion(text, texts, r, documentEnd, reading);
    if (fixed === null) return null;
    let read = byMap.get(map.node);
    if (read === undefined) {
      read = { map, before: new Set(), fixed: {} };
      byMap.set(map.node, read);
    }
    // The old entries are known by their keys (the reader's places name them): they are not read again.
    for (const key of map.keys.slice(lo, hi)) read.before.add(key);
    for (const [key, value] of Object.entries(fixed)) {
      if (Object.hasOwn(read.fixed, key)) return null;
      setKey(read.fixed, key, value!);
    }
  }
  for (const { map, before, fixed } of byMap.values()) {
    const written = Object.keys(fixed);
    // A key written twice counts once, and which one depends on their order; a mapping with no entries left reads as null.
    if (written.some((key) => !before.has(key) && Object.hasOwn(map.value, key))) return null;
    if (map.keys.length - before.size + written.length === 0) return null;
  }
  return [...byMap.values()];
}

/**
 * A splice without the text it writes back as it was, at either end: a
 * suggestion rewrites whole lines, most of which a fix leaves alone (the
 * line before new entries, say), and the fragment is what changes.
 */
function narrowed(text: string, splice: Splice): Splice {
  const { start, end, insert } = splice;
  const most = Math.min(end - start, insert.length);
  let head = 0;
  while (head < most && text.charCodeAt(start + head) === insert.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < most - head && text.charCodeAt(end - 1 - tail) === insert.charCodeAt(insert.length - 1 - tail)) tail++;
  if (head === 0 && tail === 0) return splice;
  return { ...splice, start: start + head, end: end - tail, insert: insert.slice(head, insert.length - tail) };
}

/**
 * The splices with new lines written at the end of a line (before its line
 * break) written after the break instead: the same text, and lines that
 * start a line, as the regions need. Null when a moved splice would land
 * beside another one (their order could change).
 */
function atLineStarts(text: string, splices: readonly Splice[]): Splice[] | null {
  const moves: [number, number][] = [];
  const out = splices.map((splice) => {
    if (splice.start !== splice.end) return splice;
    const eol = text.startsWith('\r\n', splice.start) ? '\r\n' : text.startsWith('\n', splice.start) ? '\n' : null;
    if (eol === null || !splice.insert.startsWith(eol)) return splice;
    const at = splice.start + eol.length;
    moves.push([splice.start, at]);
    return { ...splice, start: at, end: at, insert: splice.insert.slice(eol.length) + eol };
  });
  if (moves.length === 0) return out;
  // A splice that stays where it was must not meet one that moved: their order could change.
  const stayed = splices.filter((splice, index) => out[index] === splice);
  if (stayed.some((splice) => moves.some(([was, now]) => splice.start <= now && splice.end >= was))) return null;
  return out;
}

/**
 * New lines for mappings at several depths (a container's `securityContext`,
 * then the pod's, written at one offset where both mappings end) as one
 * splice per depth, each starting at a line less indented than the one
 * before: each then belongs to a mapping of its own.
 */
function byIndentation(splice: Splice): Splice[] {
  const { start, end, insert } = splice;
  if (start !== end || !insert.endsWith('\n')) return [splice];
  const parts: Splice[] = [];
  let partStart = 0;
  let partColumn: number | null = null;
  for (let at = 0; at < insert.length; ) {
    const lineEnd = insert.indexOf('\n', at) + 1;
    const line = insert.slice(at, lineEnd - 1);
    if (!blankOrComment.test(line)) {
      const column = line.length - line.trimStart().length;
      if (partColumn !== null && column < partColumn) {
        parts.push({ ...splice, insert: insert.slice(partStart, at), column: partColumn });
        partStart = at;
      }
      if (partColumn === null || column < partColumn) partColumn = column;
    }
    at = lineEnd;
  }
  if (parts.length === 0) return [splice];
  parts.push({ ...splice, insert: insert.slice(partStart), column: partColumn ?? undefined });
  return parts;
}

/**
 * The narrowed and moved splices when, applied together, they write what the
 * given ones write (splices at one offset apply in an order of their own,
 * which moving one could change); else null.
 */
function sameText(text: string, given: readonly Splice[], changed: Splice[] | null): Splice[] | null {
  if (changed === null || (given.length < 2 && changed.length === 1) || (changed.length === given.length && changed.every((splice, i) => splice === given[i]))) return changed;
  const lo = Math.min(extentOf(given).lo, extentOf(changed).lo);
  const hi = Math.max(extentOf(given).hi, extentOf(changed).hi);
  try {
    return applySplicesWithin(text, lo, hi, given) === applySplicesWithin(text, lo, hi, changed) ? changed : null;
  } catch (caught) {
    if (caught instanceof SpliceConflict) return null;
    throw caught;
  }
}

/**
 * Whether the regions, read one after the other, hold the splices in the
 * order they apply: each region's splices sorted so, and where two regions
 * meet, the first one's new lines there come first.
 */
function inTextOrder(regions: readonly Region[], splices: readonly Splice[]): boolean {
  const order = new Map(inOrder(splices).map((splice, i) => [splice, i]));
  const rank = (splice: Splice) => order.get(splice)!;
  for (const region of regions) region.splices.sort((a, b) => rank(a) - rank(b));
  for (let i = 1; i < regions.length; i++) {
    const [before, after] = [regions[i - 1]!, regions[i]!];
    const at = to(before);
    if (from(after) !== at) continue;
    const last = before.splices.filter((splice) => splice.start === at).map(rank);
    const first = after.splices.filter((splice) => splice.start === at).map(rank);
    if (last.length > 0 && first.length > 0 && Math.max(...last) > Math.min(...first)) return false;
  }
  return true;
}

/** Each mapping's edits below it; false when an edit lies outside every rewritten entry or the fixed entries differ from the edited ones. */
function matchesEdits(read: readonly ReadMap[], edits: readonly Edit[]): boolean {
  const mine: Edit[][] = read.map(() => []);
  for (const edit of edits) {
    const r = read.findIndex(({ map, before, fixed }) => {
      const path = map.path;
      if (edit.path.length <= path.length || !path.every((segment, i) => edit.path[i] === segment)) return false;
      const key = edit.path[path.length];
      return typeof key === 'string' && (before.has(key) || Object.hasOwn(fixed, key));
    });
    if (r === -1) return false;
    mine[r]!.push(edit);
  }
  return read.every(({ map, before, fixed }, r) => {
    const old = map.value;
    let expected: JsonValue;
    try {
      expected = mine[r]!.length === 0 ? old : applyEditsToJson(old, mine[r]!, map.path.length);
    } catch (error) {
      if (error instanceof EditError) return false;
      throw error;
    }
    if (!isObject(expected)) return false;
    // Entries outside the runs are the old ones (no edit reaches them); those inside are what the fragments read now.
    let count = 0;
    for (const key of Object.keys(old)) {
      if (before.has(key)) continue;
      if (expected[key] !== old[key] && !jsonEqual(expected[key], old[key])) return false;
      count++;
    }
    for (const [key, value] of Object.entries(fixed)) {
      if (!jsonEqual(expected[key], value)) return false;
      count++;
    }
    return Object.keys(expected).filter((key) => expected[key] !== undefined).length === count;
  });
}

// ---------------------------------------------------------------------------
// Finding the region of a splice: the deepest block mapping whose entries hold it.

/** The decoded key of each entry of a block mapping, through the reader's places (offset of each key); null when they do not line up one to one. */
function keysOf(node: YAMLMap, place: Place | undefined): string[] | null {
  if (place === undefined || typeof place === 'number' || Array.isArray(place.children)) return null;
  const children = place.children as Map<string, Place>;
  if (children.size !== node.items.length) return null; // a duplicate key
  const byOffset = new Map<number, string>();
  for (const [key, child] of children) byOffset.set(childKeyOffset(child), key);
  const keys: string[] = [];
  for (const pair of node.items as Pair[]) {
    const key = isScalar(pair.key) ? byOffset.get(pair.key.range?.[0] ?? -1) : undefined;
    if (key === undefined) return null;
    keys.push(key);
  }
  return keys;
}

/** A mapping entry's place is where its key starts (eventReader.ts). */
const childKeyOffset = (child: Place): number => placeOffset(child);

const lineStartOf = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** Just after the line that holds `offset - 1` (offset itself when a line starts there). */
function lineEndAfter(text: string, offset: number): number {
  if (offset === 0 || text.charCodeAt(offset - 1) === 10) return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function nodeEnd(node: unknown): number | null {
  const range = (node as Node | null)?.range;
  return range ? range[1] : null;
}

const blankOrComment = /^[ ]*(?:#.*)?\r?$/;
const dashPrefix = /^[ ]*(?:-[ ]+)+$/;

/**
 * Each mapping's view, made once: a document's fixes are verified together,
 * then a suggestion at a time, and the same mappings hold them. A layout node
 * belongs to one document of one text, so its view never changes.
 */
const views = new WeakMap<YAMLMap, MapView | null>();

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

function mapView(text: string, node: YAMLMap, place: Place | undefined, value: JsonValue | undefined, link: PathLink | null): MapView | null {
  let view = views.get(node);
  if (view === undefined) {
    view = newMapView(text, node, place, value, pathOf(link));
    views.set(node, view);
  }
  return view;
}

function newMapView(text: string, node: YAMLMap, place: Place | undefined, value: JsonValue | undefined, path: FieldPath): MapView | null {
  if (node.items.length === 0 || !isObject(value ?? null)) return null;
  if (node.flow) return flowMapView(text, node, place, value as JsonObject, path);
  const keys = keysOf(node, place);
  if (keys === null || Object.keys(value as JsonObject).length !== keys.length) return null;
  const pairs = node.items as Pair[];
  const spanStarts: number[] = [];
  let column = -1;
  let dashesEnd = -1;
  for (const [i, pair] of pairs.entries()) {
    const keyStart = (pair.key as Node).range![0];
    const lineStart = lineStartOf(text, keyStart);
    const prefix = text.slice(lineStart, keyStart);
    if (i === 0) {
      column = keyStart - lineStart;
      if (/^[ ]*$/.test(prefix)) dashesEnd = lineStart;
      else if (dashPrefix.test(prefix)) dashesEnd = keyStart;
      else return null;
    } else if (keyStart - lineStart !== column || !/^[ ]*$/.test(prefix)) {
      return null;
    }
    spanStarts.push(lineStart);
  }
  const last = pairs[pairs.length - 1]!;
  const lastEnd = nodeEnd(last.value) ?? nodeEnd(last.key);
  if (lastEnd === null) return null;
  return { node, path, value: value as JsonObject, keys, spanStarts, end: lineEndAfter(text, lastEnd), column, dashesEnd, flow: false };
}

/** A flow mapping's view: entries from key to key (the comma after each included), up to its closing brace. */
function flowMapView(text: string, node: YAMLMap, place: Place | undefined, value: JsonObject, path: FieldPath): MapView | null {
  // Without the reader's places (a JSON file `yaml` read), keys are JSON strings: a quoted key is its own decoded key.
  const keys = place !== undefined ? keysOf(node, place) : quotedKeys(node);
  if (keys === null || Object.keys(value).length !== keys.length) return null;
  const spanStarts = (node.items as Pair[]).map((pair) => (pair.key as Node).range![0]);
  const end = (node.range?.[1] ?? 0) - 1;
  if (text.charAt(end) !== '}' || spanStarts.some((start, i) => i > 0 && start <= spanStarts[i - 1]!)) return null;
  return { node, path, value, keys, spanStarts, end, column: -1, dashesEnd: spanStarts[0]!, flow: true };
}

function quotedKeys(node: YAMLMap): string[] | null {
  const keys: string[] = [];
  for (const pair of node.items as Pair[]) {
    if (!isScalar(pair.key) || pair.key.type !== Scalar.QUOTE_DOUBLE || typeof pair.key.value !== 'string') return null;
    keys.push(pair.key.value);
  }
  return new Set(keys).size === keys.length ? keys : null;
}

/** The indentation of the first line of `lines` that is not blank or a comment, or null. */
function firstContentColumn(lines: string, start = 0, limit = lines.length): number | null {
  let at = start;
  while (at < limit) {
    const newline = lines.indexOf('\n', at);
    const lineEnd = newline === -1 || newline >= limit ? limit : newline;
    const line = lines.slice(at, lineEnd);
    if (!blankOrComment.test(line)) return line.length - line.trimStart().length;
    at = lineEnd + 1;
  }
  return null;
}

/**
 * The region of one splice under `node`: the deepest block mapping whose
 * entries hold it, or null when no mapping at or under `node` does.
 */
function regionIn(text: string, node: Node, place: Place | undefined, value: JsonValue | undefined, link: PathLink | null, splice: Splice): Region | null {
  if (isSeq(node)) return regionInSequence(text, node, place, value, link, splice);
  if (!isMap(node)) return null;
  const map = mapView(text, node, place, value, link);
  if (map === null) return null;
  if (map.flow) return flowRegionIn(text, map, place, link, splice);
  const { spanStarts, end, column, dashesEnd } = map;
  const n = spanStarts.length;
  const { start, end: spliceEnd } = splice;
  if (start < spanStarts[0]! || spliceEnd > end) return null;
  // Nothing may rewrite the `- ` that opens the mapping's sequence item.
  if (start < dashesEnd) return null;
  if (start === spliceEnd) {
    // New lines at an entry boundary, at the keys' column: new entries between two.
    const boundary = start === end ? n : spanStarts.indexOf(start);
    if (boundary !== -1 && splice.insert.endsWith('\n')) {
      const insertColumn = firstContentColumn(splice.insert);
      if (insertColumn === column && !(boundary === 0 && dashesEnd > spanStarts[0]!)) return { map, lo: boundary, hi: boundary, splices: [splice] };
      if (insertColumn !== null && insertColumn < column) return null;
    }
  }
  // The entries the splice touches: an insertion at a boundary belongs to the entry before it.
  const lo = start === spliceEnd && start > spanStarts[0]! && spanStarts.includes(start) ? entryAt(spanStarts, start - 1) : entryAt(spanStarts, start);
  const hi = (start === spliceEnd ? lo : entryAt(spanStarts, spliceEnd - 1)) + 1;
  if (lo < 0 || lo >= n) return null;
  if (hi === lo + 1) {
    const key = map.keys[lo]!;
    const child = (node.items[lo] as Pair).value as Node | null;
    // A flow value in a block mapping is read with its entry (a flow collection's lines are not the block's).
    const inner = child && (isMap(child) || isSeq(child)) && !child.flow ? regionIn(text, child, childPlace(place, key), map.value[key], { parent: link, segment: key }, splice) : null;
    if (inner !== null) return inner;
  }
  return { map, lo, hi, splices: [splice] };
}

/**
 * The region of a splice in a flow mapping: the entries it touches, or a
 * region inside the one entry whose value (a flow mapping, or a flow
 * sequence of them) holds it. New text at a key's start belongs to the entry
 * before (it follows that entry's comma); at the closing brace, to the last.
 */
function flowRegionIn(text: string, map: MapView, place: Place | undefined, link: PathLink | null, splice: Splice): Region | null {
  const { spanStarts, end, keys } = map;
  const n = spanStarts.length;
  const { start, end: spliceEnd } = splice;
  if (start < spanStarts[0]! || spliceEnd > end) return null;
  const lo = start === spliceEnd && start > spanStarts[0]! && (start === end || spanStarts.includes(start)) ? entryAt(spanStarts, start - 1) : entryAt(spanStarts, start);
  const hi = (start === spliceEnd ? lo : entryAt(spanStarts, spliceEnd - 1)) + 1;
  if (lo < 0 || lo >= n) return null;
  if (hi === lo + 1) {
    const key = keys[lo]!;
    const child = (map.node.items[lo] as Pair).value as Node | null;
    const range = child?.range;
    // Strictly inside the value's brackets: its own entries hold the splice.
    if (child && range && (isMap(child) || isSeq(child)) && child.flow && start > range[0] && spliceEnd < range[1]) {
      const inner = regionIn(text, child, childPlace(place, key), map.value[key], { parent: link, segment: key }, splice);
      if (inner !== null) return inner;
    }
  }
  return { map, lo, hi, splices: [splice] };
}

/** The last entry whose span starts at or before `offset` (-1 for none). */
function entryAt(spanStarts: readonly number[], offset: number): number {
  return lastAtMost(spanStarts.length, (i) => spanStarts[i]!, offset);
}

function childPlace(place: Place | undefined, key: string | number): Place | undefined {
  if (place === undefined || typeof place === 'number') return undefined;
  const children = (place as Branch).children;
  return typeof key === 'number' ? (Array.isArray(children) ? children[key] : undefined) : Array.isArray(children) ? undefined : children.get(key);
}

/** The region of a splice inside one item of a sequence (a mapping), or null. */
function regionInSequence(text: string, node: YAMLSeq, place: Place | undefined, value: JsonValue | undefined, link: PathLink | null, splice: Splice): Region | null {
  if (!Array.isArray(value) || value.length !== node.items.length) return null;
  const items = node.items as Node[];
  const j = lastAtMost(items.length, (i) => items[i]?.range?.[0] ?? Infinity, splice.start);
  const item = items[j];
  // A flow item holds the splice only inside its braces.
  if (node.flow && !(item?.range && splice.start > item.range[0] && splice.end < item.range[1])) return null;
  if (item === undefined || !isMap(item)) return null;
  return regionIn(text, item, childPlace(place, j), value[j], { parent: link, segment: j }, splice);
}

/**
 * The regions to read: runs of one mapping that meet or overlap joined into
 * one, and a run that lies inside an entry of another run folded into it.
 * In text order, deeper mappings first at one offset (their new lines come
 * first: text.ts orders splices so). Null when two runs would overlap
 * otherwise.
 */
function mergeRegions(regions: readonly Region[]): Region[] | null {
  const byMap = new Map<YAMLMap, Region[]>();
  for (const region of [...regions].sort((a, b) => a.lo - b.lo)) {
    const runs = byMap.get(region.map.node) ?? [];
    byMap.set(region.map.node, runs);
    const last = runs[runs.length - 1];
    if (last !== undefined && region.lo <= last.hi) {
      last.hi = Math.max(last.hi, region.hi);
      last.splices.push(...region.splices);
    } else {
      runs.push({ ...region, splices: [...region.splices] });
    }
  }
  const runs = [...byMap.values()].flat();
  const outermost = runs.filter((run) => !runs.some((outer) => holds(outer, run)));
  for (const run of runs) {
    if (outermost.includes(run)) continue;
    // `holds` is transitive: the outermost run that holds a run holds what it holds.
    outermost.find((outer) => holds(outer, run))!.splices.push(...run.splices);
  }
  outermost.sort((a, b) => from(a) - from(b) || b.map.path.length - a.map.path.length || to(a) - to(b));
  for (let i = 1; i < outermost.length; i++) if (from(outermost[i]!) < to(outermost[i - 1]!)) return null;
  return outermost;
}

/** Whether `inner`'s mapping lies inside one of the entries of `outer`'s run. */
function holds(outer: Region, inner: Region): boolean {
  const path = outer.map.path;
  if (inner.map.path.length <= path.length || !path.every((segment, i) => inner.map.path[i] === segment)) return false;
  const index = outer.map.keys.indexOf(inner.map.path[path.length] as string);
  return index >= outer.lo && index < outer.hi;
}

// ---------------------------------------------------------------------------
// Reading a region alone.

/** Characters that goyamlText.ts rewrites, a lone carriage return, and a byte-order mark: the fragment is left to the whole reading. */
const rewritten = /[\u0085\u2028\u2029\uFEFF]|\r(?!\n)/;
/** A block scalar header with an indentation indicator or keep chomping. */
const blockHeader = /[|>](?:[-+]?[1-9]|[1-9]?\+)/;
const templateStart = '{{';
/** A document marker or directive at the start of a line: it would cut the stream (segments.ts). */
const marker = /(?:^|\n)(?:---|\.\.\.|%)/;

/** A region's text after the fix, read alone: the `- ` before the first key blanked (it is the sequence's, and leaves the key at its column). */
interface FragmentTexts {
  readonly region: Region;
  readonly fixed: string;
  /** Whether no splice rewrites the `- ` (it must stay the sequence's). */
  readonly dashesKept: boolean;
}

function fragmentTexts(text: string, region: Region): FragmentTexts {
  const start = from(region);
  const end = to(region);
  const dashesEnd = region.lo === 0 ? region.map.dashesEnd : start;
  const blanks = ' '.repeat(dashesEnd - start);
  return {
    region,
    fixed: blanks + applySplicesWithin(text, dashesEnd, end, region.splices),
    dashesKept: region.splices.every((splice) => splice.start >= dashesEnd),
  };
}

/** How the document is read: as JSON (kubectl reads a file that starts with `{` strictly), and whether its root is a flow collection. */
interface Reading {
  readonly json: boolean;
  readonly flowRoot: boolean;
}

/** What a region's fixed text decodes to alone, when it reads as it would in place; else null. */
function readRegion(text: string, texts: readonly FragmentTexts[], r: number, documentEnd: number, reading: Reading): JsonObject | null {
  const { region, fixed: fixedText, dashesKept } = texts[r]!;
  const { map } = region;
  if (map.flow) return readFlowRun(fixedText, region, reading);
  if (!dashesKept || rewritten.test(fixedText) || blockHeader.test(fixedText) || marker.test(fixedText) || fixedText.includes(templateStart)) return null;
  // kubectl reads a file that starts with `{` as JSON.
  if (fixedText.trimStart().startsWith('{')) return null;
  // The fragment starts a line: new entries at the end of a text with no final newline would join its last line, unless they start with a line break.
  const start = from(region);
  if (start > 0 && text.charCodeAt(start - 1) !== 10 && !/^\r?\n/.test(fixedText)) return null;
  // The fragment ends a line, as the old one did: nothing after it joins its last line.
  const end = to(region);
  if (fixedText !== '' && !fixedText.endsWith('\n') && end < text.length) return null;
  const column = firstContentColumn(fixedText);
  if (column !== null && column !== map.column) return null;
  if (region.lo > 0 && !quietAfterValue(fixedText, 0, fixedText.length, map.column, keptBefore(text, region))) return null;
  // With no entry left in the fragment, the lines after it follow the value of the entry before it.
  const keptLast = column === null && keptBefore(text, region);
  if (end === map.end && !endsBefore(text, end, texts, r, documentEnd, map.column, keptLast)) return null;
  return readAlone(fixedText, map.path.length);
}

/** A block scalar header with keep chomping (`|+`, `>2+`, `|+2`). */
const keepHeader = /[|>][1-9]?\+/;

/** Whether the entry before a region, as the document has it, may hold a block scalar that keeps its trailing blank lines. */
function keptBefore(text: string, region: Region): boolean {
  return keepHeader.test(text.slice(region.map.spanStarts[region.lo - 1] ?? from(region), from(region)));
}

/**
 * Whether the blank and comment lines from `start` up to the first content
 * line read, in the document, as nothing but blank lines and comments. They
 * follow the value of the entry before: a block scalar there takes a comment
 * or a line of spaces more indented than its key as a line of its own
 * content, and, when it keeps its trailing lines (`kept`), blank lines too.
 * Read alone they are nothing, so they must be nothing in place as well.
 */
function quietAfterValue(lines: string, start: number, limit: number, column: number, kept: boolean): boolean {
  let at = start;
  while (at < limit) {
    const newline = lines.indexOf('\n', at);
    const lineEnd = newline === -1 || newline >= limit ? limit : newline;
    const line = lines.slice(at, lineEnd);
    if (!blankOrComment.test(line)) return true;
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === '';
    if ((blank ? line.replace(/\r$/, '').length : indent) > column || (blank && kept)) return false;
    at = lineEnd + 1;
  }
  return true;
}

const trailingComma = /,[ \t\r\n]*$/;

/**
 * What a run of a flow mapping's entries decodes to, read alone between
 * braces. Flow content is read the same anywhere on its line; over several
 * lines it is only when no block indentation bounds it (the document is a
 * flow collection). The comma that parts the run from the next entry must
 * still be there (and none before the closing brace), and a JSON file must
 * stay JSON.
 */
function readFlowRun(fixedText: string, region: Region, reading: Reading): JsonObject | null {
  if (rewritten.test(fixedText) || fixedText.includes(templateStart)) return null;
  if (!reading.flowRoot && /[\r\n]/.test(fixedText)) return null;
  const comma = trailingComma.exec(fixedText);
  if ((comma !== null) !== (region.hi < region.map.keys.length)) return null;
  const members = comma === null ? fixedText : fixedText.slice(0, comma.index);
  if (members.trim() === '') return null;
  const fragment = `{${members}}`;
  if (reading.json) {
    try {
      JSON.parse(fragment);
    } catch {
      return null;
    }
  }
  return readAlone(fragment, region.map.path.length);
}

/**
 * Whether the first line after a region that ends its mapping, in the fixed
 * text (regions that start right there come first), is less indented than
 * the mapping's keys, or there is none before the document ends; and the
 * blank and comment lines before it are no more indented than the keys (and
 * none is blank when `kept`: the value before them keeps its trailing lines).
 */
function endsBefore(text: string, end: number, texts: readonly FragmentTexts[], r: number, documentEnd: number, column: number, kept: boolean): boolean {
  let at = end;
  for (let next = r + 1; next < texts.length; next++) {
    const region = texts[next]!.region;
    if (from(region) !== at) break;
    const fixed = texts[next]!.fixed;
    if (!quietAfterValue(fixed, 0, fixed.length, column, kept)) return false;
    const first = firstContentColumn(fixed);
    if (first !== null) return first < column;
    at = to(region);
  }
  const limit = Math.min(documentEnd, text.length);
  // The region's last value may now be a block scalar (kept ones are refused in it): the lines after it must not become its content.
  if (!quietAfterValue(text, at, limit, column, kept)) return false;
  const first = firstContentColumn(text, at, limit);
  return first === null || first < column;
}

/**
 * What fragments read alone decode to, by their text. A fix writes the same
 * lines into many pod specs (and a pod spec's fixes are verified together and
 * one suggestion at a time), and js-yaml costs about 20 µs a call however
 * short the text: the same text is read once. Values are shared, never
 * changed. Bounded: emptied when full.
 */
const readCache = new Map<string, { readonly value: JsonObject; readonly depth: number } | null>();
const readCacheLimit = 4096;
const cachedLength = 2048;

/** The one mapping a fragment decodes to alone (an empty fragment holds no entries), or null. */
function readAlone(fragment: string, depth: number): JsonObject | null {
  let read = readCache.get(fragment);
  if (read === undefined) {
    read = readMapping(fragment);
    if (fragment.length <= cachedLength) {
      if (readCache.size >= readCacheLimit) readCache.clear();
      readCache.set(fragment, read);
    }
  }
  // In place, the fragment nests `depth` levels deeper: it must stay within the reader's limit there too.
  return read === null || depth + read.depth + 2 > nestingLimit ? null : read.value;
}

function readMapping(fragment: string): { value: JsonObject; depth: number } | null {
  if (firstContentColumn(fragment) === null) return { value: {}, depth: 0 };
  const lineStarts = [0];
  for (let i = fragment.indexOf('\n'); i !== -1; i = fragment.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let read;
  try {
    read = readEventDocuments(fragment, lineStarts);
  } catch (caught) {
    if (caught instanceof NestingTooDeep) return null;
    throw caught;
  }
  if (read === null || read.documents.length !== 1) return null;
  const value = read.documents[0]!.value;
  return isObject(value) ? { value, depth: depthOf(value) } : null;
}

function depthOf(value: JsonValue): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value)) deepest = Math.max(deepest, depthOf(child ?? null));
  return deepest + 1;
}
