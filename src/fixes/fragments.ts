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
 * fragment is refused if it has one). The one exception is a List whose
 * anchors and aliases are all whole items (itemAliases.ts): there a run
 * inside an anchored item reaches that item and its alias items, and
 * listItemsByFragments gives them all. What else could tell the readings
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
 * fragmentSplices.ts reshapes a verification's splices so that each lies in
 * one mapping's entries, fragmentRegions.ts finds those runs of entries, and
 * this module reads them alone and compares what they decode to with the
 * expected edits.
 *
 * test/unit/fixes/fragments.test.ts loads every fixed text whole and
 * compares, on the fixes of every fixture and on thousands of seeded splices
 * that no fix would write.
 */
import { isCollection, isMap } from '../manifests/yamlKinds.js';
import type { Node, YAMLMap } from 'yaml';
import { NestingTooDeep, nestingLimit, readEventDocuments } from '../manifests/eventReader.js';
import { readAsJson } from '../manifests/jsonStream.js';
import type { ManifestDocument } from '../manifests/types.js';
import { setKey } from '../manifests/decode.js';
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { jsonEqual } from './edits.js';
import { contentColumnAfter, firstContentColumn } from './fragmentLines.js';
import { FragmentMemory, from, inTextOrder, mergeRegions, regionsIn, to } from './fragmentRegions.js';
import type { MapView, Region } from './fragmentRegions.js';
import { lineWise } from './fragmentSplices.js';
import { itemAliasesOf } from './itemAliases.js';
import { applySplicesWithin, lineTable } from './text.js';
import type { Splice } from './text.js';
import type { Edit } from './types.js';

/**
 * What the document holds at a path once the edits apply, as the caller
 * computed it for the evaluation that follows; undefined where the caller
 * does not know it (nothing is proved there).
 */
export type ExpectedAt = (path: FieldPath) => JsonValue | undefined;

/**
 * Whether the splices turn `document` into exactly its value with `edits`
 * applied (paths relative to the document; `expectedAt` gives that value),
 * proven by reading only the entries they rewrite. False means "not proven
 * here": the caller reads the fixed document whole, which also says why a
 * fix fails.
 */
export function provedByFragments(
  text: string,
  document: ManifestDocument,
  splices: readonly Splice[],
  edits: readonly Edit[],
  expectedAt: ExpectedAt,
  memory: FragmentMemory,
): boolean {
  // Edits name each place they change: alias items, which change with their anchored items, are left to listItemsByFragments.
  const read = readFragments(text, document, splices, false, memory);
  return read !== null && matchesEdits(read, edits, expectedAt);
}

/**
 * The value the fixed document decodes to, when the fragments prove it;
 * else null. For tests, which compare it with a reading of the whole text.
 */
export function fixedValueByFragments(text: string, document: ManifestDocument, splices: readonly Splice[], memory = new FragmentMemory()): JsonValue | null {
  const read = readFragments(text, document, splices, true, memory);
  if (read === null) return null;
  let root = withReadMaps(document.value, read, 0);
  // In a List whose items alias whole items, an alias item is what its anchored item now is.
  const aliases = itemAliasesOf(document);
  if (aliases !== null && isObject(root) && Array.isArray(root.items)) {
    const items = root.items;
    root = { ...root, items: items.map((item, i) => items[aliases.sourceOf[i] ?? i] ?? item) };
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

/** The runs the splices rewrite, read alone; `aliasedItems` admits a List whose items alias whole items (the caller carries each change to the alias items). */
function readFragments(text: string, document: ManifestDocument, splices: readonly Splice[], aliasedItems: boolean, memory: FragmentMemory): ReadMap[] | null {
  const { place, layout, end: documentEnd } = document.source;
  const root = layout.contents as Node | null;
  if (!root || splices.length === 0 || splices.length > spliceLimit) return null;
  // What the event reader read has no anchors, aliases, merge keys or tags; nor has a JSON file (kubectl reads it strictly).
  const json = readAsJson(text);
  // Of the documents `yaml` read, a List whose items alias whole items only (itemAliases.ts): its changes stay within items.
  const aliased = aliasedItems && itemAliasesOf(document) !== null;
  if (place === undefined && !(json && isMap(root) && root.flow) && !aliased) return null;
  const reading: Reading = { json, flowRoot: isCollection(root) && root.flow === true };
  const moved = lineWise(text, splices);
  if (moved === null) return null;
  const regions = regionsIn(text, memory, root, place, document.value, moved, aliased ? layout : null);
  if (regions === null || (aliased && !regions.every((region) => inAnItem(region.map.path)))) return null;
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
    for (let i = lo; i < hi; i++) read.before.add(map.keys[i]!);
    for (const key of Object.keys(fixed)) {
      if (Object.hasOwn(read.fixed, key)) return null;
      setKey(read.fixed, key, fixed[key]!);
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

/** Whether a path lies in an item of a List (`items[i]` or below). */
function inAnItem(path: FieldPath): boolean {
  return path.length >= 2 && path[0] === 'items' && typeof path[1] === 'number';
}

/**
 * What the `kept` items of a List decode to after the splices, proven by
 * reading only the entries they rewrite, for a List that `yaml` read whose
 * items alias whole items only (itemAliases.ts); else null. An alias item
 * decodes to what its anchored item now decodes to (the very same value),
 * and every item a change reaches must be kept: the rest of the document is
 * unchanged by construction. The caller compares these with the expected items.
 */
export function listItemsByFragments(
  text: string,
  document: ManifestDocument,
  splices: readonly Splice[],
  kept: readonly number[],
  memory: FragmentMemory,
): JsonValue[] | null {
  const aliases = itemAliasesOf(document);
  const items = isObject(document.value) ? document.value.items : undefined;
  if (aliases === null || !Array.isArray(items)) return null;
  const read = readFragments(text, document, splices, true, memory);
  if (read === null) return null;
  const byItem = new Map<number, ReadMap[]>();
  for (const map of read) {
    const item = map.map.path[1] as number;
    byItem.set(item, [...(byItem.get(item) ?? []), map]);
  }
  const keeps = new Set(kept);
  const fixed = new Map<number, JsonValue>();
  for (const [item, maps] of byItem) {
    if (!keeps.has(item) || (aliases.usersOf[item] ?? []).some((user) => !keeps.has(user))) return null;
    // The maps' paths are the document's: each replaces its entries within the item.
    fixed.set(item, withReadMaps(items[item] ?? null, maps, 2));
  }
  return kept.map((item) => {
    const source = aliases.sourceOf[item] ?? item;
    return fixed.get(source) ?? items[source] ?? null;
  });
}

/** `value` (at `depth` of the document) with each mapping below it as its runs read now. */
function withReadMaps(value: JsonValue, read: readonly ReadMap[], depth: number): JsonValue {
  let out = value;
  for (const { map, before, fixed } of read) out = replaceAt(out, map.path, depth, (old) => withEntries(old as JsonObject, before, fixed));
  return out;
}

/** A mapping with the entries a run held replaced by those it holds now. */
function withEntries(old: JsonObject, before: ReadonlySet<string>, entries: JsonObject): JsonObject {
  const out: JsonObject = { ...old };
  for (const key of before) delete out[key];
  // setKey: a `__proto__` entry is a key like any other (Object.assign would set the prototype).
  for (const [key, value] of Object.entries(entries)) setKey(out, key, value!);
  return out;
}

/**
 * Whether the mappings read hold, in their runs, exactly the entries the
 * edits leave there. Every edit must lie in a rewritten entry of a mapping
 * read: then nothing outside the runs changes, for no run lies inside an
 * entry of another (mergeRegions folded those), so an edit that reaches an
 * entry outside one mapping's runs lies in a run of a mapping below it,
 * which is compared in turn. The edits were applied once, by the caller, for
 * the evaluation that follows (`expectedAt`): they are not applied again here.
 */
function matchesEdits(read: readonly ReadMap[], edits: readonly Edit[], expectedAt: ExpectedAt): boolean {
  for (const edit of edits) if (!inSomeRun(read, edit.path)) return false;
  for (const { map, before, fixed } of read) {
    const expected = expectedAt(map.path);
    if (!isObject(expected)) return false;
    // An entry the run held and no longer holds must be gone; those it holds now must be the expected ones.
    for (const key of before) if (!Object.hasOwn(fixed, key) && expected[key] !== undefined) return false;
    for (const key in fixed) if (!jsonEqual(expected[key], fixed[key])) return false;
  }
  return true;
}

function inSomeRun(read: readonly ReadMap[], path: FieldPath): boolean {
  for (const map of read) if (inRun(map, path)) return true;
  return false;
}

/** Whether a path lies in one of the entries a mapping's runs held or hold now. */
function inRun({ map, before, fixed }: ReadMap, path: FieldPath): boolean {
  const at = map.path;
  if (path.length <= at.length) return false;
  for (let i = 0; i < at.length; i++) if (path[i] !== at[i]) return false;
  const key = path[at.length];
  return typeof key === 'string' && (before.has(key) || Object.hasOwn(fixed, key));
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
/** Any of the four above (a template action's `{{` too), found in one scan of a block fragment. */
const refusedInBlock = new RegExp(`${rewritten.source}|${blockHeader.source}|${marker.source}|\\{\\{`);
/** kubectl reads a text that starts with `{` as JSON. */
const startsAsJson = /^\s*\{/;

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
  if (!dashesKept || refusedInBlock.test(fixedText)) return null;
  // kubectl reads a file that starts with `{` as JSON.
  if (startsAsJson.test(fixedText)) return null;
  // The fragment starts a line: new entries at the end of a text with no final newline would join its last line, unless they start with a line break.
  const start = from(region);
  if (start > 0 && text.charCodeAt(start - 1) !== 10 && !/^\r?\n/.test(fixedText)) return null;
  // The fragment ends a line, as the old one did: nothing after it joins its last line.
  const end = to(region);
  if (fixedText !== '' && !fixedText.endsWith('\n') && end < text.length) return null;
  const kept = keptBefore(text, region);
  // Blank and comment lines before the first key follow the entry before (none when the run starts its mapping).
  const column = region.lo > 0 ? columnAfterQuiet(fixedText, 0, fixedText.length, map.column, kept) : firstContentColumn(fixedText);
  if (column === false || (column !== null && column !== map.column)) return null;
  // With no entry left in the fragment, the lines after it follow the value of the entry before it.
  const keptLast = column === null && kept;
  const plainLast = column !== null && noBlockScalarAtEnd(text, region, fixedText);
  if (end === map.end && !endsBefore(text, end, texts, r, documentEnd, map.column, keptLast, plainLast)) return null;
  return readAlone(fixedText, map.path.length);
}

/** A character that may start a block scalar (`|`, `>`), wherever it is: a text without one holds none. */
const blockIndicator = /[|>]/;

/** How much of a mapping's last entry noBlockScalarAtEnd reads: past it, a fragment is not worth a scan the size of its document. */
const plainScanLimit = 4096;

/**
 * Whether neither the mapping's last entry as written (up to the region's
 * end) nor the fragment that ends it now holds a block scalar: then the
 * comment and blank lines after the mapping were nothing in the document
 * (no scalar of its took them) and are nothing after the fix, however
 * indented; only a block scalar takes such lines as its content (a comment
 * ends a plain scalar).
 */
function noBlockScalarAtEnd(text: string, region: Region, fixedText: string): boolean {
  const { map } = region;
  const lastEntry = Math.min(map.spanStarts[map.keys.length - 1] ?? from(region), from(region));
  const end = to(region);
  return end - lastEntry <= plainScanLimit && !blockIndicator.test(fixedText) && !blockIndicator.test(text.slice(lastEntry, end));
}

/** A block scalar header with keep chomping (`|+`, `>2+`, `|+2`). */
const keepHeader = /[|>][1-9]?\+/;

/** Whether the entry before a region, as the document has it, may hold a block scalar that keeps its trailing blank lines. */
function keptBefore(text: string, region: Region): boolean {
  return keepHeader.test(text.slice(region.map.spanStarts[region.lo - 1] ?? from(region), from(region)));
}

/**
 * The indentation of the first content line from `start` (null when there
 * is none), as firstContentColumn gives it; false when a blank or comment
 * line before it would not read, in the document, as nothing. Those lines
 * follow the value of the entry before: a block scalar there takes a
 * comment or a line of spaces more indented than its key (`column`) as a
 * line of its own content, and, when it keeps its trailing lines (`kept`),
 * blank lines too. Read alone they are nothing, so they must be nothing in
 * place as well.
 */
function columnAfterQuiet(lines: string, start: number, limit: number, column: number, kept: boolean): number | null | false {
  return contentColumnAfter(lines, start, limit, (line, indent) => {
    const blank = line.trim() === '';
    return (blank ? line.replace(/\r$/, '').length : indent) <= column && !(blank && kept);
  });
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
 * When no block scalar ends the mapping, before the fix or after it
 * (`plainLast`), those lines are nothing however indented.
 */
function endsBefore(text: string, end: number, texts: readonly FragmentTexts[], r: number, documentEnd: number, column: number, kept: boolean, plainLast: boolean): boolean {
  let at = end;
  for (let next = r + 1; next < texts.length; next++) {
    const region = texts[next]!.region;
    if (from(region) !== at) break;
    const fixed = texts[next]!.fixed;
    const first = columnAfterQuiet(fixed, 0, fixed.length, column, kept);
    if (first !== null) return first !== false && first < column;
    at = to(region);
  }
  const limit = Math.min(documentEnd, text.length);
  // The region's last value may now be a block scalar (kept ones are refused in it): the lines after it must not become its content.
  const first = plainLast && at === end ? firstContentColumn(text, at, limit) : columnAfterQuiet(text, at, limit, column, kept);
  return first !== false && (first === null || first < column);
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
  let read;
  try {
    read = readEventDocuments(fragment, lineTable(fragment).starts);
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
