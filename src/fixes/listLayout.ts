/**
 * A `List` document cut into its items, so that a fix of one item is
 * verified on that item alone.
 *
 * The text of a List is a prefix (everything before the first item: the
 * document marker, `apiVersion`, `kind`, `items:`), one slot per item, and a
 * suffix. In block style a slot is whole lines (the item's `-` line to the
 * line after its last value, comments after it included); in flow style
 * (JSON) it is the item's node, and items are separated by commas. Keeping
 * the prefix, the suffix and some slots gives a smaller List whose items are
 * exactly those items as written: a fixed item is loaded and evaluated in
 * that small List, and every other item is unchanged by construction (no
 * splice lies in it, and no alias of it refers into a changed item).
 *
 * Aliases tie items together: an item whose alias refers into another item
 * needs that item to be read (`dependencies`), and changes when it changes
 * (`users`). Anything the cut cannot be sure of (aliases between the prefix
 * and the items, duplicate `items` keys, anchors on flow items, a merge key
 * at the root) gives null: the caller verifies the whole document instead.
 */
import { visit } from 'yaml';
import { isCollection, isMap, isScalar, isSeq } from '../manifests/yamlKinds.js';
import type { Document, Node } from 'yaml';
import { aliasTarget } from '../manifests/anchors.js';
import { CutText } from './cutText.js';
import type { Piece } from './cutText.js';
import { lineStartOf } from './text.js';
import type { Splice } from './text.js';
import { lastAtMostIn } from '../sortedSearch.js';

export interface ListLayout {
  readonly flow: boolean;
  /** Where the document's segment starts and ends in the file. */
  readonly from: number;
  readonly to: number;
  /** Item i's text is [slotStart[i], slotEnd[i]). Block slots are contiguous; flow slots are the item nodes. */
  readonly slotStart: readonly number[];
  readonly slotEnd: readonly number[];
  /** Items whose anchors item i's aliases use. */
  readonly dependencies: readonly (readonly number[])[];
  /** Items with aliases that refer into item i. */
  readonly users: readonly (readonly number[])[];
  /** Block style: the column of the items' `-` (null in flow style). */
  readonly dashColumn: number | null;
}

/** Where a node's content ends (the event-built trees leave a block collection's end to its last item). */
function contentEnd(node: Node): number {
  if (isCollection(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const tail = (isMap(node) ? ((last as { value?: Node | null; key?: Node | null }).value ?? (last as { key?: Node | null }).key) : last) as Node | null;
    if (tail) return contentEnd(tail);
  }
  return node.range?.[1] ?? 0;
}

/** The offset after the line break of the line holding the character before `offset`, or `to`. */
function lineAfter(text: string, offset: number, to: number): number {
  if (offset > 0 && text.charCodeAt(offset - 1) === 10) return offset;
  const next = text.indexOf('\n', offset);
  return next === -1 || next >= to ? to : next + 1;
}

/**
 * The layout of the List document `doc` (its segment is [from, to) of
 * `text`), whose decoded `items` has `itemCount` entries; null when it cannot
 * be cut safely. `aliases: false` says the document has none (the event
 * reader read it): its tree need not be searched for them.
 */
export function listLayout(doc: Document, text: string, from: number, to: number, itemCount: number, aliases = true): ListLayout | null {
  const root = doc.contents;
  if (!isMap(root) || root.anchor !== undefined || root.tag !== undefined) return null;
  // Exactly one plain `items` key, and no merge key that could bring another.
  const pairs = root.items.filter((pair) => isScalar(pair.key) && (pair.key.value === 'items' || pair.key.value === '<<'));
  const [pair] = pairs;
  if (pairs.length !== 1 || !pair || !isScalar(pair.key) || pair.key.value !== 'items') return null;
  const seq = pair.value;
  if (!isSeq(seq) || seq.anchor !== undefined || seq.tag !== undefined || seq.items.length !== itemCount || itemCount === 0) return null;
  const items = seq.items as (Node | null)[];
  if (items.some((item) => item === null || !item.range)) return null;
  const nodes = items as Node[];

  const slotStart: number[] = [];
  const slotEnd: number[] = [];
  let dashColumn: number | null = null;
  if (seq.flow) {
    for (const node of nodes) {
      // An anchor or tag is written before the node's range: the slot would lose it.
      if ((node as { anchor?: string }).anchor !== undefined || (node as { tag?: string }).tag !== undefined) return null;
      slotStart.push(node.range![0]);
      slotEnd.push(node.range![1]);
    }
  } else {
    const first = seq.range?.[0] ?? 0;
    const start = lineStartOf(text, first);
    if (start < from || text.slice(start, first).trim() !== '') return null;
    dashColumn = first - start;
    let at = start;
    for (const node of nodes) {
      const end = lineAfter(text, contentEnd(node), to);
      if (node.range![0] < at || end <= at) return null;
      slotStart.push(at);
      slotEnd.push(end);
      at = end;
    }
  }

  const ties = aliases ? aliasTies(doc, slotStart, slotEnd) : { dependencies: nodes.map(() => none), users: nodes.map(() => none) };
  if (ties === null) return null;
  return { flow: seq.flow === true, from, to, slotStart, slotEnd, ...ties, dashColumn };
}

const none: readonly number[] = [];

/** Which items alias into which (ListLayout's `dependencies` and `users`); null when an alias crosses between the items and the prefix or suffix. */
function aliasTies(doc: Document, slotStart: readonly number[], slotEnd: readonly number[]): Pick<ListLayout, 'dependencies' | 'users'> | null {
  // Which slot holds an offset: -1 for the prefix or suffix.
  const slotOf = (offset: number): number => {
    const slot = lastAtMostIn(slotStart, offset);
    return slot >= 0 && offset < (slotEnd[slot] ?? 0) ? slot : -1;
  };
  const dependencies: Set<number>[] = slotStart.map(() => new Set());
  const users: Set<number>[] = slotStart.map(() => new Set());
  let crossing = false;
  visit(doc, {
    Alias(_, alias) {
      const target = aliasTarget(doc, alias);
      const user = slotOf(alias.range?.[0] ?? -1);
      const source = target?.range ? slotOf(target.range[0]) : -1;
      if (user === -1 || source === -1) {
        // The prefix or suffix aliasing an item, or an item aliasing the prefix: not cut.
        if (user !== source) crossing = true;
        return;
      }
      if (user !== source) {
        dependencies[user]?.add(source);
        users[source]?.add(user);
      }
    },
  });
  return crossing ? null : { dependencies: dependencies.map((set) => [...set]), users: users.map((set) => [...set]) };
}

/**
 * Whether a splice that ends where the next item's slot starts only
 * replaces the end of the item before: it starts at a line start, and what
 * it writes is whole lines, each indented deeper than the items' `-`. What
 * follows (the next item's slot: comments, then its `-` line) reads as it
 * did, since nothing deeper than the `-` can hold it.
 */
function endsItemBefore(layout: ListLayout, text: string, splice: Splice): boolean {
  const column = layout.dashColumn;
  if (column === null || (splice.start > 0 && text.charCodeAt(splice.start - 1) !== 10)) return false;
  if (splice.insert === '') return true;
  if (!splice.insert.endsWith('\n')) return false;
  return everyLineDeeper(splice.insert, column);
}

/**
 * Whether each line of `lines` (which end with a line break) is indented
 * deeper than `column` and holds more than its indentation (a `\r` before
 * the break aside). Read in place: suggestions that end at an item's
 * boundary ask it of every line they write.
 */
function everyLineDeeper(lines: string, column: number): boolean {
  for (let at = 0; at < lines.length; ) {
    const end = lines.indexOf('\n', at);
    let indent = 0;
    while (lines.charCodeAt(at + indent) === 32) indent++;
    const length = (lines.charCodeAt(end - 1) === 13 && end > at ? end - 1 : end) - at;
    if (indent <= column || indent >= length) return false;
    at = end + 1;
  }
  return true;
}

/**
 * The items one splice lies in or touches: a splice on the boundary of two
 * block items touches both, unless it only replaces the end of the first
 * (endsItemBefore).
 */
export function itemsOfSplice(layout: ListLayout, text: string, splice: Splice): number[] {
  const [from, to] = touchedItems(layout, text, splice);
  const items: number[] = [];
  for (let i = from; i < to; i++) items.push(i);
  return items;
}

/** The one item a splice lies in or touches (itemsOfSplice), or -1 when it touches none or several: asked of every splice of most fixes, with no array. */
export function itemOfSplice(layout: ListLayout, text: string, splice: Splice): number {
  const [from, to] = touchedItems(layout, text, splice);
  return to - from === 1 ? from : -1;
}

/** The items a splice lies in or touches, as the range [from, to) of their indexes. */
function touchedItems(layout: ListLayout, text: string, splice: Splice): readonly [number, number] {
  const count = layout.slotStart.length;
  // The first slot that ends at or after the splice's start (slots are in text order): the one after the last that ends before it.
  const from = lastAtMostIn(layout.slotEnd, splice.start - 1) + 1;
  let to = from;
  while (to < count && (layout.slotStart[to] ?? 0) <= splice.end) to++;
  if (to - from === 2 && splice.end === layout.slotEnd[from] && endsItemBefore(layout, text, splice)) return [from, from + 1];
  return [from, to];
}

/**
 * The items to read when `changed` items change: those, every item that
 * aliases into a changed one (it changes too), and every item a read one
 * aliases (it must be there for the alias to resolve). Sorted.
 */
export function itemsToRead(layout: ListLayout, changed: Iterable<number>): number[] {
  const changing = new Set<number>();
  grow(changing, changed, layout.users);
  const read = new Set<number>();
  grow(read, changing, layout.dependencies);
  return [...read].sort(ascending);
}

/** `set` with the items of `from`, and every item `ties` names of an item in it, in turn. */
function grow(set: Set<number>, from: Iterable<number>, ties: readonly (readonly number[] | undefined)[]): void {
  const queue = [...from];
  while (queue.length > 0) {
    const i = queue.pop()!;
    if (set.has(i)) continue;
    set.add(i);
    for (const tied of ties[i] ?? []) queue.push(tied);
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}

/**
 * The smaller List holding only the `kept` items (sorted): the prefix, each
 * run of consecutive kept items as one piece (so a splice on a boundary
 * between them lands once), and the suffix. Flow runs are joined by commas.
 */
export function listCut(text: string, layout: ListLayout, kept: readonly number[]): CutText {
  const last = layout.slotStart.length - 1;
  const pieces: Piece[] = [{ from: layout.from, to: layout.slotStart[0] ?? layout.from, lead: '' }];
  let runStart = -1;
  kept.forEach((i, k) => {
    if (runStart === -1) runStart = i;
    const next = kept[k + 1];
    if (next !== i + 1) {
      pieces.push({ from: layout.slotStart[runStart] ?? 0, to: layout.slotEnd[i] ?? 0, lead: pieces.length > 1 && layout.flow ? ',' : '' });
      runStart = -1;
    }
  });
  pieces.push({ from: layout.slotEnd[last] ?? layout.to, to: layout.to, lead: '' });
  return new CutText(text, pieces);
}
