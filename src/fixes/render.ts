/**
 * Edits on field paths → character splices on the head text.
 *
 * Each edit is resolved on the parsed document (the `yaml` package's nodes
 * and their source ranges) and becomes the smallest splice that does it:
 * a scalar's text is replaced in place (keeping its quotes), new keys are
 * written as new lines at the column of their siblings (or inside the braces
 * of a flow map), removed keys and items take their whole lines with them.
 * Edits on the same map are combined first, so two fixes that both need a
 * new `securityContext` create one.
 */
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { DecodeError, scalarValue } from '../manifests/decode.js';
import { BLOCK_FOLDED, BLOCK_LITERAL, isAlias, isMap, isPair, isScalar, isSeq, PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE } from '../manifests/yamlKinds.js';
import type { FieldPath } from '../pss/types.js';
import { formatBoolean, formatString, prefersFlow, renderBlockPairs, renderBlockValue, renderFlow, renderFlowPair, spaces } from './style.js';
import type { DocumentStyle } from './style.js';
import { commentedCopies } from './commentedCopies.js';
import { afterLineOf, columnOf, isBlankAt, lastContentBefore, leadingSpaces, lineBreakOf, lineOf, lineStart, lineText } from './text.js';
import type { LineTable, Splice } from './text.js';
import { isNewScalar } from './types.js';
import type { Edit, NewValue } from './types.js';
import { definesUsedAnchor, sharedReason, Walker } from './walk.js';
import type { Walk } from './walk.js';

/** An edit with a path relative to the document, and who needs it. */
export interface OwnedEdit {
  readonly edit: Edit;
  /** The findings this edit fixes (ids chosen by the caller). */
  readonly owners: ReadonlySet<string>;
  /** Where it lands (a container, the pod's securityContext, …): edits of one area share a suggestion. */
  readonly areas: ReadonlySet<string>;
  /**
   * A value that comes from a merge key is written where the merged map
   * defines it (for every map that merges it), not overridden here: used
   * when every user of that map fails the same check (fixFile.ts).
   */
  readonly atSource?: boolean;
}

export interface OwnedSplice extends Splice {
  readonly owners: ReadonlySet<string>;
  readonly areas: ReadonlySet<string>;
}

/** An edit that cannot be made safely or at all, with the reason shown to users. */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly owners: ReadonlySet<string>,
    /** True when the edit would change a node shared with another place (anchors, aliases, merge keys). */
    readonly shared = false,
  ) {
    super(message);
  }
}

/** A layout the renderer does not edit (e.g. a key that does not start its line): no fix, with this reason. */
class Unsupported extends Error {}

export interface RenderContext {
  readonly doc: Document;
  readonly table: LineTable;
  readonly style: DocumentStyle;
  readonly anchors: ReadonlySet<string>;
}

/** New content to write under a map: keys to leaf values or to more new keys. */
type Tree = Map<string, NewValue | Tree>;

/** Who a splice is for: the findings it fixes, and where it lands. */
type Ownership = Pick<OwnedEdit, 'owners' | 'areas'>;

/** Whether every edit has the very sets of `first` (edits of one owner in one area). */
function sameOwnership(edits: readonly OwnedEdit[], first: Ownership): boolean {
  for (const edit of edits) if (edit.owners !== first.owners || edit.areas !== first.areas) return false;
  return true;
}

/**
 * An op knows the edits it was made from; their owners and areas are united
 * only when its splices are written, and only when they differ: most ops
 * come from one edit (or from edits of one owner), whose sets its splices
 * then share instead of copying them (a List renders thousands of ops).
 */
interface Owned {
  readonly from: OwnedEdit[];
}

function ownershipOf(op: Owned): Ownership {
  const first = op.from[0];
  if (first === undefined) return { owners: new Set(), areas: new Set() };
  if (op.from.length === 1 || sameOwnership(op.from, first)) return first;
  const owners = new Set<string>();
  const areas = new Set<string>();
  for (const edit of op.from) {
    for (const owner of edit.owners) owners.add(owner);
    for (const area of edit.areas) areas.add(area);
  }
  return { owners, areas };
}

interface ScalarOp extends Owned {
  readonly node: Node;
  value: boolean | string;
}
interface InsertOp extends Owned {
  readonly map: YAMLMap;
  readonly tree: Tree;
}
interface FillOp extends Owned {
  readonly pair: Pair;
  readonly parent: YAMLMap;
  readonly tree: Tree;
  /** A single value to write (instead of keys). */
  value?: NewValue;
}
interface AppendOp extends Owned {
  readonly seq: YAMLSeq;
  readonly items: string[];
}
interface DeletePairsOp extends Owned {
  readonly map: YAMLMap;
  readonly parentPair: Pair | null;
  readonly pairs: Set<Pair>;
}
interface DeleteItemsOp extends Owned {
  readonly seq: YAMLSeq;
  readonly parentPair: Pair | null;
  readonly indices: Set<number>;
}

/** A key with no value, or `null`/`~`: the place to write a new value is the key's line. */
function isEmptyValue(node: Node | null): boolean {
  if (node === null) return true;
  if (!isScalar(node)) return false;
  try {
    return scalarValue(node) === null;
  } catch (error) {
    if (error instanceof DecodeError) return false;
    throw error;
  }
}

function treeOf(value: NewValue): NewValue | Tree {
  if (isNewScalar(value) || Array.isArray(value)) return value;
  const tree: Tree = new Map();
  for (const [key, item] of Object.entries(value as { readonly [key: string]: NewValue })) tree.set(key, treeOf(item));
  return tree;
}

function sameValue(a: NewValue | Tree, b: NewValue | Tree): boolean {
  return JSON.stringify(fromTree(a)) === JSON.stringify(fromTree(b));
}

/** Add `value` at `keys` under a tree; a different value already there is a conflict. */
function addToTree(tree: Tree, keys: readonly string[], value: NewValue, owners: ReadonlySet<string>): void {
  const last = keys.length - 1;
  if (last < 0) throw new RenderError('nothing to add', owners);
  // Down to the map of the last key, making the maps missing on the way (a loop: every new key of a fix comes here).
  let under = tree;
  for (let i = 0; i < last; i++) {
    const key = keys[i] as string;
    let child = under.get(key);
    if (child === undefined) {
      child = new Map();
      under.set(key, child);
    }
    if (!(child instanceof Map)) throw new RenderError(`two fixes disagree about ${key}`, owners);
    under = child;
  }
  const key = keys[last] as string;
  const existing = under.get(key);
  const added = treeOf(value);
  if (existing instanceof Map && added instanceof Map) {
    // Two fixes adding keys to the same new map: one map with both.
    for (const [k, v] of added) addToTree(existing, [k], fromTree(v), owners);
    return;
  }
  if (existing !== undefined && !sameValue(existing, added)) throw new RenderError(`two fixes write different values at ${key}`, owners);
  under.set(key, added);
}

function fromTree(value: NewValue | Tree): NewValue {
  if (!(value instanceof Map)) return value;
  const out: { [key: string]: NewValue } = {};
  for (const [key, item] of value) out[key] = fromTree(item);
  return out;
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

export interface Rendered {
  readonly splices: readonly OwnedSplice[];
  /** Owners whose edits touch a node shared with another place, and why. */
  readonly shared: ReadonlyMap<string, string>;
  /**
   * Where the splices of each kind of change end in `splices` (new scalars,
   * filled keys, new keys, appended items, removed keys, removed items: the
   * order renderEdits writes them in), so that renderings merge (mergeRendered).
   */
  readonly kindEnds: readonly number[];
}

/**
 * Renderings of edits on disjoint nodes of one document, merged into the
 * very rendering renderEdits gives for all their edits at once, in the
 * order of the parts: its splices come kind by kind, each kind in the
 * order of the edits. With no node shared (no alias in the document), the
 * pod specs of a document are such parts: each renders once and is merged.
 */
export function mergeRendered(parts: readonly Rendered[]): Rendered {
  if (parts.length === 1 && parts[0]) return parts[0];
  const splices: OwnedSplice[] = [];
  const kindEnds: number[] = [];
  for (let kind = 0; kind < kindCount; kind++) {
    for (const part of parts) {
      const end = part.kindEnds[kind] ?? 0;
      for (let i = kind === 0 ? 0 : (part.kindEnds[kind - 1] ?? 0); i < end; i++) splices.push(part.splices[i] as OwnedSplice);
    }
    kindEnds.push(splices.length);
  }
  const shared = new Map<string, string>();
  for (const part of parts) for (const [owner, reason] of part.shared) if (!shared.has(owner)) shared.set(owner, reason);
  return { splices, shared, kindEnds };
}

/** The kinds of change renderEdits writes, one after the other. */
const kindCount = 6;

export function renderEdits(context: RenderContext, edits: readonly OwnedEdit[]): Rendered {
  return new EditRenderer(context).render(edits);
}

/**
 * One rendering of edits: each edit becomes an op on the node it lands in
 * (ops on one node merge), then each op its splices. A class, not closures
 * made per call: every pod spec's fixes are rendered, and a closure's
 * optimized code goes with it (see FileFixer in fixFile.ts).
 */
class EditRenderer {
  private readonly anchors: ReadonlySet<string>;
  // Made at the first shared node: most renderings have none, and each is kept while its pod spec's fixes stand.
  private shared: Map<string, string> | null = null;
  private readonly scalars = new Map<Node, ScalarOp>();
  private readonly inserts = new Map<YAMLMap, InsertOp>();
  private readonly fills = new Map<Pair, FillOp>();
  private readonly appends = new Map<YAMLSeq, AppendOp>();
  private readonly pairDeletes = new Map<YAMLMap, DeletePairsOp>();
  private readonly itemDeletes = new Map<YAMLSeq, DeleteItemsOp>();
  private readonly splices: OwnedSplice[] = [];

  constructor(private readonly context: RenderContext) {
    this.anchors = context.anchors;
  }

  render(edits: readonly OwnedEdit[]): Rendered {
    // The edits of a pod spec share its template's path: each walk goes on from the last one's steps.
    const walker = new Walker(this.context.doc);
    for (const owned of edits) this.add(walker.walk(owned.edit.path), owned);
    // A flow map whose every key goes and that gets new ones is written as one splice, the insertion's
    // (insertSplice): it does the removals too, for their owners.
    for (const [map, op] of this.pairDeletes) {
      const insert = this.inserts.get(map);
      if (insert && emptiedFlowMap(map, op)) insert.from.push(...op.from);
    }
    // Likewise a flow list whose every item goes and that gets new ones (appendSplice).
    for (const [seq, op] of this.itemDeletes) {
      const append = this.appends.get(seq);
      if (append && emptiedFlowList(seq, op)) append.from.push(...op.from);
    }
    const kindEnds = this.write();
    return { splices: this.splices, shared: this.shared ?? nothingShared, kindEnds };
  }

  private fail(message: string, edit: OwnedEdit): never {
    throw new RenderError(message, edit.owners);
  }

  private failShared(message: string, edit: OwnedEdit): never {
    throw new RenderError(message, edit.owners, true);
  }

  /**
   * A node shared with another place (an anchor some alias uses, a value
   * reached through an alias or a merge key) is edited where it is defined,
   * which changes every user. That is only kept if verification proves the
   * other users unchanged (e.g. they override the value), so remember why.
   */
  private markShared(edit: OwnedEdit, reason: string | null): void {
    if (reason === null) return;
    this.shared ??= new Map();
    for (const owner of edit.owners) if (!this.shared.has(owner)) this.shared.set(owner, reason);
  }

  private addInsert(map: YAMLMap, keys: readonly string[], value: NewValue, edit: OwnedEdit): void {
    let op = this.inserts.get(map);
    if (!op) {
      op = { map, tree: new Map(), from: [] };
      this.inserts.set(map, op);
    }
    addToTree(op.tree, keys, value, edit.owners);
    op.from.push(edit);
  }

  private addFill(pair: Pair, parent: YAMLMap, keys: readonly string[], value: NewValue, edit: OwnedEdit): void {
    let op = this.fills.get(pair);
    if (!op) {
      op = { pair, parent, tree: new Map(), from: [] };
      this.fills.set(pair, op);
    }
    if (keys.length === 0) {
      if (op.value !== undefined && !sameValue(op.value, value)) this.fail('two fixes write different values here', edit);
      if (op.tree.size > 0) this.fail('two fixes disagree about a value', edit);
      op.value = value;
    } else {
      if (op.value !== undefined) this.fail('two fixes disagree about a value', edit);
      addToTree(op.tree, keys, value, edit.owners);
    }
    op.from.push(edit);
  }

  /** One edit, walked to where it lands, as an op. */
  private add(walked: Walk, owned: OwnedEdit): void {
    const { edit } = owned;
    const path = edit.path;
    const complete = walked.depth === path.length;
    const target = walked.steps[walked.depth];
    if (!target) this.fail('the field could not be found', owned);
    const step = target as NonNullable<typeof target>;

    if (edit.op === 'delete') {
      if (!complete) this.fail(`the field to remove does not exist`, owned);
      // The key lives in the map that holds it: editing inside the chain up to that map.
      this.markShared(owned, sharedReason(walked, walked.depth, this.anchors));
      if (step.merged) this.failShared('the field to remove comes from a merge key (<<), which copies a map defined elsewhere', owned);
      if (definesUsedAnchor(step.written, this.anchors)) this.failShared('the field to remove defines an anchor that an alias uses', owned);
      const parent = step.parent;
      const parentStep = walked.steps[walked.depth - 1];
      if (isMap(parent) && step.pair) {
        let op = this.pairDeletes.get(parent);
        if (!op) {
          op = { map: parent, parentPair: parentStep?.pair ?? null, pairs: new Set(), from: [] };
          this.pairDeletes.set(parent, op);
        }
        op.pairs.add(step.pair);
        op.from.push(owned);
      } else if (isSeq(parent) && typeof path[path.length - 1] === 'number') {
        let op = this.itemDeletes.get(parent);
        if (!op) {
          op = { seq: parent, parentPair: parentStep?.pair ?? null, indices: new Set(), from: [] };
          this.itemDeletes.set(parent, op);
        }
        op.indices.add(path[path.length - 1] as number);
        op.from.push(owned);
      } else this.fail('the field to remove is not a map key or list item', owned);
      return;
    }

    if (edit.op === 'append') {
      if (!complete || !isSeq(step.node)) {
        // No list yet: the same as writing a one-item list.
        this.renderSet(walked, path, [edit.value], owned);
        return;
      }
      this.markShared(owned, sharedReason(walked, walked.depth + 1, this.anchors));
      let op = this.appends.get(step.node);
      if (!op) {
        op = { seq: step.node, items: [], from: [] };
        this.appends.set(step.node, op);
      }
      if (!op.items.includes(edit.value)) op.items.push(edit.value);
      op.from.push(owned);
      return;
    }

    this.renderSet(walked, path, edit.value, owned);
  }

  private renderSet(walked: Walk, path: FieldPath, value: NewValue, owned: OwnedEdit): void {
    const depth = walked.depth;
    const complete = depth === path.length;
    const step = walked.steps[depth];
    if (!step) this.fail('the field could not be found', owned);
    const target = step as NonNullable<typeof step>;

    if (complete) {
      const parentStep = walked.steps[depth - 1];
      const parentMap = parentStep?.node;
      const key = path[path.length - 1];
      if (target.merged && owned.atSource === true) {
        // Edited where the merged map defines it: shared by everything that merges it (counting the merged step itself).
        this.markShared(owned, sharedReason(walked, depth + 1, this.anchors));
      } else if (target.merged) {
        // The value comes from a merge key: a key written after `<<` in this
        // map wins over the merged one, and leaves the shared map alone.
        if (!isMap(parentMap) || typeof key !== 'string') this.fail('the field comes from a merge key and cannot be overridden here', owned);
        this.markShared(owned, sharedReason(walked, depth, this.anchors));
        this.addInsert(parentMap as YAMLMap, [key as string], value, owned);
        return;
      }
      this.markShared(owned, sharedReason(walked, depth, this.anchors));
      if (this.isShared(target.written)) this.markShared(owned, `the value carries the anchor &${(target.written as { anchor?: string }).anchor ?? ''}, which an alias also uses`);
      if (isEmptyValue(target.written) && target.pair && isMap(target.parent)) {
        this.addFill(target.pair, target.parent, [], value, owned);
        return;
      }
      if ((isScalar(target.written) || isAlias(target.written)) && (typeof value === 'boolean' || typeof value === 'string')) {
        const node = target.written as Node;
        const existing = this.scalars.get(node);
        if (existing && existing.value !== value) this.fail('two fixes write different values here', owned);
        const op = existing ?? { node, value, from: [] };
        this.scalars.set(node, op);
        op.from.push(owned);
        return;
      }
      this.fail('the field has a value this fix cannot replace', owned);
    }

    // Part of the path is missing: write it under the deepest node that exists.
    const rest = path.slice(depth);
    if (rest.some((segment) => typeof segment !== 'string')) this.fail('a list item to write into does not exist', owned);
    const keys = rest as string[];
    this.markShared(owned, sharedReason(walked, depth + 1, this.anchors));
    const node = target.node;
    if (isMap(node)) {
      // An empty `{}` under a block key becomes a block map, like its neighbours.
      if (node.flow && node.items.length === 0 && target.pair && isMap(target.parent) && !target.parent.flow) {
        this.addFill(target.pair, target.parent, keys, value, owned);
      } else this.addInsert(node, keys, value, owned);
      return;
    }
    if (isEmptyValue(target.written) && target.pair && isMap(target.parent)) {
      this.addFill(target.pair, target.parent, keys, value, owned);
      return;
    }
    this.fail('the place to write is not a map', owned);
  }

  private isShared(node: Node | null | undefined): boolean {
    const anchor = (node as { anchor?: string } | null | undefined)?.anchor;
    return typeof anchor === 'string' && this.anchors.has(anchor);
  }

  /** Every op's splices, kind after kind; returns where each kind's splices end. */
  private write(): number[] {
    const { context, splices, inserts, appends, pairDeletes } = this;
    const kindEnds: number[] = [];
    // The op being written: a layout the renderer does not edit fails its owners' fixes alone.
    let current: Owned | null = null;
    try {
      for (const op of this.scalars.values()) this.emit((current = op), scalarSplice(context, op));
      kindEnds.push(splices.length);
      for (const op of this.fills.values()) this.emit((current = op), fillSplices(context, op));
      kindEnds.push(splices.length);
      for (const op of inserts.values()) this.emit((current = op), insertSplice(context, op.map, fromTree(op.tree) as { [key: string]: NewValue }, pairDeletes.get(op.map)));
      kindEnds.push(splices.length);
      for (const op of appends.values()) this.emit((current = op), appendSplice(context, op, this.itemDeletes.get(op.seq)));
      kindEnds.push(splices.length);
      for (const op of pairDeletes.values()) this.emit((current = op), deletePairSplices(context, op, inserts.has(op.map)));
      kindEnds.push(splices.length);
      for (const op of this.itemDeletes.values()) this.emit((current = op), deleteItemSplices(context, op, appends.has(op.seq)));
      kindEnds.push(splices.length);
    } catch (error) {
      // Anything else is a bug, and fails loudly.
      if (error instanceof Unsupported && current !== null) throw new RenderError(`the fix cannot be written in this layout (${error.message})`, ownershipOf(current).owners);
      throw error;
    }
    return kindEnds;
  }

  private emit(op: Owned, made: Splice | readonly Splice[]): void {
    const ownership = ownershipOf(op);
    if (!Array.isArray(made)) this.splices.push(ownedSplice(made as Splice, ownership));
    else for (const splice of made as readonly Splice[]) this.splices.push(ownedSplice(splice, ownership));
  }
}

const nothingShared: ReadonlyMap<string, string> = new Map();

/** A splice with its owners, built field by field: spreading every splice costs more than rendering it. */
function ownedSplice(splice: Splice, { owners, areas }: Ownership): OwnedSplice {
  const { start, end, insert, column } = splice;
  return column === undefined ? { start, end, insert, owners, areas } : { start, end, insert, column, owners, areas };
}

/* ---------------------------------------------------------------------- */
/* Source positions                                                        */

function rangeOf(node: Node | null | undefined): [number, number, number] {
  const range = node?.range;
  if (!range) throw new Unsupported('a node without a source position');
  return range;
}

/** The offset just after the last character that belongs to a node's content. */
function contentEnd(node: Node | null | undefined): number {
  if (node === null || node === undefined) throw new Unsupported('an empty node has no content');
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    if (isPair(last)) return last.value !== null && last.value !== undefined ? contentEnd(last.value as Node) : rangeOf(last.key as Node)[1];
    return contentEnd(last as Node);
  }
  return rangeOf(node)[1];
}

/** Offset of the last content character of a node (skipping the trailing line breaks of block scalars). */
function lastChar(context: RenderContext, node: Node | null | undefined, floor: number): number {
  return lastContentBefore(context.table.text, contentEnd(node), floor);
}

function pairEnd(pair: Pair): number {
  return pair.value !== null && pair.value !== undefined ? contentEnd(pair.value as Node) : rangeOf(pair.key as Node)[1];
}

/** The offset just after the `:` of a block or flow pair. */
function colonEnd(context: RenderContext, pair: Pair): number {
  const text = context.table.text;
  let i = rangeOf(pair.key as Node)[1];
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== ':') throw new Unsupported('a key without a colon on its line');
  return i + 1;
}

/** A map whose keys are all double-quoted is written as JSON: new keys and strings are quoted the same way. */
function quotesKeys(map: YAMLMap): boolean {
  return map.items.length > 0 && map.items.every((pair) => isScalar(pair.key) && pair.key.type === QUOTE_DOUBLE);
}

function keyColumn(context: RenderContext, map: YAMLMap): number {
  const first = map.items[0];
  if (!first) throw new Unsupported('an empty map has no key column');
  return columnOf(context.table, rangeOf(first.key as Node)[0]);
}

/** New lines inserted at the start of a line (or at the end of a file without a final newline). */
function linesAt(context: RenderContext, at: number, lines: readonly string[]): Splice {
  const { text, eol } = context.table;
  const column = leadingSpaces(lines[0] ?? '');
  if (at >= text.length && !text.endsWith('\n')) return { start: text.length, end: text.length, insert: eol + lines.join(eol), column };
  return { start: at, end: at, insert: lines.length === 0 ? '' : lines.join(eol) + eol, column };
}

/** New lines of entries at `at`, in place of the commented-out copies of them right below (commentedCopies.ts). */
function newLinesAt(context: RenderContext, at: number, lines: readonly string[]): Splice {
  const splice = linesAt(context, at, lines);
  if (splice.start !== at || splice.end !== at || lines.length === 0) return splice;
  const copies = commentedCopies(context.table, lineOf(context.table, at), lines);
  return copies === null ? splice : { ...splice, end: copies.end, insert: `${splice.insert}${copies.kept}` };
}

/** The text before an offset on its line (blanks only when the offset starts the line's content). */
function lineLeader(context: RenderContext, offset: number): string {
  return context.table.text.slice(lineStart(context.table, lineOf(context.table, offset)), offset);
}

/* ---------------------------------------------------------------------- */
/* Splices per kind of edit                                                */

function scalarSplice(context: RenderContext, op: ScalarOp): Splice {
  const [start, end] = rangeOf(op.node);
  if (typeof op.value === 'boolean') {
    const original = isScalar(op.node) && op.node.type === PLAIN ? String(op.node.value) : undefined;
    return { start, end, insert: formatBoolean(op.value, original) };
  }
  let quote = context.style.quote;
  if (isScalar(op.node)) {
    if (op.node.type === QUOTE_DOUBLE) quote = 'double';
    else if (op.node.type === QUOTE_SINGLE) quote = 'single';
    else if (op.node.type === PLAIN) quote = 'plain';
    else throw new Unsupported('a block scalar is not replaced in place');
  }
  return { start, end, insert: formatString(op.value, quote) };
}

function fillSplices(context: RenderContext, op: FillOp): Splice[] {
  const { style } = context;
  const value: NewValue = op.value ?? fromTree(op.tree);
  const key = keyName(op.pair);
  const from = colonEnd(context, op.pair);
  // Remove a written `null`, `~` or `{}` (an empty value has nothing to remove: keep the blanks before a comment).
  const written = op.pair.value as Node | null;
  const [valueStart, valueEnd] = written ? rangeOf(written) : [from, from];
  const to = valueEnd > valueStart ? Math.max(from, valueEnd) : from;
  const inline = op.parent.flow || isNewScalar(value) || prefersFlow(style, key);
  if (inline) return [{ start: from, end: to, insert: ` ${renderFlow(value, style, key, quotesKeys(op.parent))}` }];
  const column = columnOf(context.table, rangeOf(op.pair.key as Node)[0]);
  const lines = renderBlockValue(value, column, style, key);
  // The new lines go after the removed value's line: `{}` may sit on the line under its key (`toYaml` of an empty map).
  return [
    ...(to > from ? [{ start: from, end: to, insert: '' }] : []),
    newLinesAt(context, afterLineOf(context.table, to), lines),
  ];
}

function insertSplice(context: RenderContext, map: YAMLMap, entries: { [key: string]: NewValue }, deletes: DeletePairsOp | undefined): Splice {
  const { style } = context;
  if (map.flow) {
    const rendered = Object.entries(entries).map(([k, v]) => renderFlowPair(k, v, style, quotesKeys(map)));
    if (map.items.length === 0) {
      const [start, end] = rangeOf(map);
      return { start, end, insert: `{${rendered.join(', ')}}` };
    }
    if (deletes && emptiedFlowMap(map, deletes)) return refilledFlowMap(context, map, rendered);
    const last = map.items[map.items.length - 1] as Pair;
    if (deletes?.pairs.has(last)) throw new Unsupported('a flow map whose last key is removed and another added');
    const separator = flowSeparator(context, map, last);
    return { start: pairEnd(last), end: pairEnd(last), insert: rendered.map((r) => `${separator}${r}`).join('') };
  }
  const column = keyColumn(context, map);
  const lines = renderBlockPairs(entries, column, style);
  // New keys go after the last key, unless its value ends with a block
  // scalar that keeps its trailing blank lines (`|+`): lines written after
  // its text would cut them off. Then after an earlier key, or before the first.
  const after = lastPairWithout(map, (pair) => endsWithKeptBlockScalar(context, pair.value as Node | null));
  if (after) return newLinesAt(context, afterOwnComments(context.table, lastContentBefore(context.table.text, pairEnd(after), rangeOf(after.key as Node)[0]), column), lines);
  const firstKey = rangeOf(map.items[0]?.key as Node)[0];
  if (/^\s*$/.test(lineLeader(context, firstKey))) return linesAt(context, lineStart(context.table, lineOf(context.table, firstKey)), lines);
  return linesAt(context, afterLineOf(context.table, lastChar(context, map, firstKey)), lines);
}

/**
 * The start of the line after the one holding `offset`, past the comment
 * lines right after it that are indented deeper than `column`: they belong
 * to the value before (a commented-out `# limits:` under `resources`), and
 * a key written above them would seem to own them.
 */
function afterOwnComments(table: LineTable, offset: number, column: number): number {
  let line = lineOf(table, offset) + 1;
  for (;;) {
    const text = lineText(table, line);
    const lead = leadingSpaces(text);
    if (lead <= column || text.charCodeAt(lead) !== 35) return lineStart(table, line);
    line++;
  }
}

/** The last pair of a map that `excluded` does not exclude. */
function lastPairWithout(map: YAMLMap, excluded: (pair: Pair) => boolean): Pair | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i] as Pair;
    if (!excluded(pair)) return pair;
  }
  return undefined;
}

/** Whether the removals take every key of a flow map (which new keys may then refill). */
function emptiedFlowMap(map: YAMLMap, deletes: DeletePairsOp): boolean {
  return map.flow === true && map.items.length > 0 && map.items.every((pair) => deletes.pairs.has(pair));
}

/**
 * What goes before a new pair of a flow map, after `pair`: `, ` on one line;
 * a line break and the key's indentation where each key starts its own line
 * (pretty-printed JSON), so the map gets one more such line.
 */
function flowSeparator(context: RenderContext, map: YAMLMap, pair: Pair): string {
  const key = rangeOf(pair.key as Node)[0];
  if (!/^\s*$/.test(lineLeader(context, key)) || lineOf(context.table, key) === lineOf(context.table, rangeOf(map)[0])) return ', ';
  return `,${context.table.eol}${spaces(columnOf(context.table, key))}`;
}

/**
 * A flow map whose every key is removed and that gets new ones: its pairs,
 * from the first key to the end of the last value, are replaced by the new
 * ones in the same layout; the braces and what lies outside the pairs stay.
 * (`{"add": ["NET_ADMIN"]}` → `{"drop": ["ALL"]}`: removing the keys first
 * would leave `{}`, where the new keys could not be placed by their neighbours.)
 */
function refilledFlowMap(context: RenderContext, map: YAMLMap, rendered: readonly string[]): Splice {
  const last = map.items[map.items.length - 1] as Pair;
  return refilled(context, 'map', rangeOf((map.items[0] as Pair).key as Node)[0], pairEnd(last), rendered.join(flowSeparator(context, map, last)));
}

/** The entries of an emptied flow collection, `start` to `end`, replaced by `insert`; refused where a comment sits among them. */
function refilled(context: RenderContext, collection: 'map' | 'list', start: number, end: number, insert: string): Splice {
  // A comment between the entries would go with them, and verification cannot see a lost comment.
  if (/(^|\s)#/.test(context.table.text.slice(start, end))) throw new Unsupported(`a flow ${collection} emptied and refilled, with a comment inside`);
  return { start, end, insert };
}

/** Whether the removals take every item of a flow list (which new items may then refill). */
function emptiedFlowList(seq: YAMLSeq, deletes: DeleteItemsOp): boolean {
  return seq.flow === true && seq.items.length > 0 && deletes.indices.size === seq.items.length;
}

/**
 * A flow list whose every item is removed and that gets new ones: its items,
 * from the first to the end of the last, are replaced by the new ones; the
 * brackets and what lies outside the items stay (`drop: ["all"]`, a
 * capability PSA does not read as ALL, → `drop: ["ALL"]`).
 */
function refilledFlowList(context: RenderContext, seq: YAMLSeq, items: readonly string[]): Splice {
  return refilled(context, 'list', rangeOf(seq.items[0] as Node)[0], contentEnd(seq.items[seq.items.length - 1] as Node), items.join(', '));
}

/** The last scalar of a node (the end of its text) is a block scalar with `+` chomping. */
function endsWithKeptBlockScalar(context: RenderContext, node: Node | null | undefined): boolean {
  if (node === null || node === undefined) return false;
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    return endsWithKeptBlockScalar(context, isPair(last) ? ((last.value ?? last.key) as Node | null) : (last as Node | null));
  }
  if (!isScalar(node) || (node.type !== BLOCK_LITERAL && node.type !== BLOCK_FOLDED)) return false;
  return /^[|>](\d?\+|\+\d?)/.test(context.table.text.slice(rangeOf(node)[0]));
}

function quoteOfItems(seq: YAMLSeq, fallback: 'plain' | 'double' | 'single'): 'plain' | 'double' | 'single' {
  const first = seq.items.find((item) => isScalar(item));
  if (!isScalar(first)) return fallback;
  if (first.type === QUOTE_DOUBLE) return 'double';
  if (first.type === QUOTE_SINGLE) return 'single';
  return 'plain';
}

function appendSplice(context: RenderContext, op: AppendOp, deletes: DeleteItemsOp | undefined): Splice {
  const seq = op.seq;
  // New items are quoted like the items already there.
  const items = op.items.map((item) => formatString(item, quoteOfItems(seq, context.style.quote)));
  if (seq.flow) {
    if (seq.items.length === 0) {
      const [start, end] = rangeOf(seq);
      return { start, end, insert: `[${items.join(', ')}]` };
    }
    if (deletes && emptiedFlowList(seq, deletes)) return refilledFlowList(context, seq, items);
    const end = contentEnd(seq.items[seq.items.length - 1] as Node);
    return { start: end, end, insert: items.map((item) => `, ${item}`).join('') };
  }
  const [dash] = rangeOf(seq);
  if (!/^\s*$/.test(lineLeader(context, dash))) throw new Unsupported('a list that does not start its line');
  const pad = spaces(columnOf(context.table, dash));
  return linesAt(context, afterLineOf(context.table, lastChar(context, seq, dash)), items.map((item) => `${pad}- ${item}`));
}

/** The whole lines of a block pair or item, from the line of `start` to its last content line. */
function wholeLines(context: RenderContext, start: number, node: Node | null | undefined, fallbackEnd: number): Splice {
  const { table } = context;
  const last = node ? lastChar(context, node, start) : lastContentBefore(table.text, fallbackEnd, start);
  return { start: lineStart(table, lineOf(table, start)), end: afterLineOf(table, last), insert: '' };
}

/** After removing every entry of a block collection that is a key's value: write `{}` or `[]` on the key's line. */
function emptied(context: RenderContext, parentPair: Pair | null, empty: string): Splice {
  if (!parentPair) throw new Unsupported('a collection emptied outside a map');
  const at = colonEnd(context, parentPair);
  return { start: at, end: at, insert: ` ${empty}` };
}

/** Removal of runs of flow items, with the commas between them. */
function flowRemovals(items: readonly { start: number; end: number; removed: boolean }[], whole: [number, number], empty: string): Splice[] {
  if (items.every((item) => item.removed)) return [{ start: whole[0], end: whole[1], insert: empty }];
  const splices: Splice[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!items[i]?.removed) continue;
    let j = i;
    while (j + 1 < items.length && items[j + 1]?.removed) j++;
    const next = items[j + 1];
    const previous = items[i - 1];
    if (next) splices.push({ start: items[i]?.start ?? 0, end: next.start, insert: '' });
    else if (previous) splices.push({ start: previous.end, end: items[j]?.end ?? 0, insert: '' });
    i = j;
  }
  return splices;
}

function deletePairSplices(context: RenderContext, op: DeletePairsOp, refilled: boolean): Splice[] {
  const map = op.map;
  if (map.flow) {
    // Emptied and refilled: the insertion rewrites the pairs (refilledFlowMap).
    if (refilled && emptiedFlowMap(map, op)) return [];
    const items = map.items.map((pair) => ({ start: rangeOf(pair.key as Node)[0], end: pairEnd(pair), removed: op.pairs.has(pair) }));
    const [start, end] = rangeOf(map);
    return flowRemovals(items, [start, end], '{}');
  }
  const splices: Splice[] = [];
  const all = map.items.every((pair) => op.pairs.has(pair));
  const handled = new Set<Pair>();
  map.items.forEach((pair, index) => {
    if (!op.pairs.has(pair) || handled.has(pair)) return;
    const keyStart = rangeOf(pair.key as Node)[0];
    const leader = lineLeader(context, keyStart);
    if (/^\s*$/.test(leader)) {
      splices.push(wholeLines(context, keyStart, pair.value as Node | null, pairEnd(pair)));
      return;
    }
    if (index !== 0 || !/^\s*(-\s+)+$/.test(leader)) throw new Unsupported('a key that does not start its line');
    // `- key: v` starts a list item: the next kept key moves up after the dash.
    const nextKept = map.items.find((p) => !op.pairs.has(p));
    if (nextKept) {
      for (const p of map.items.slice(0, map.items.indexOf(nextKept))) handled.add(p);
      splices.push({ start: keyStart, end: rangeOf(nextKept.key as Node)[0], insert: '' });
      return;
    }
    if (refilled) throw new Unsupported('a list item emptied and refilled');
    for (const p of map.items) handled.add(p);
    splices.push({ start: keyStart, end: lineBreakOf(context.table, lastChar(context, map, keyStart)), insert: '{}' });
  });
  if (all && !refilled && map.items.length > 0 && !/^\s*(-\s+)+$/.test(lineLeader(context, rangeOf(map.items[0]?.key as Node)[0]))) {
    splices.push(emptied(context, op.parentPair, '{}'));
  }
  return splices;
}

function deleteItemSplices(context: RenderContext, op: DeleteItemsOp, refilled: boolean): Splice[] {
  const seq = op.seq;
  const nodes = seq.items.map((item) => item as Node | null);
  if (nodes.some((node) => node === null)) throw new Unsupported('a list with an empty item');
  if (seq.flow) {
    const items = nodes.map((node, index) => ({ start: rangeOf(node)[0], end: contentEnd(node), removed: op.indices.has(index) }));
    // Emptied and refilled: the append rewrites the items (refilledFlowList).
    if (refilled && items.every((i) => i.removed)) return [];
    return flowRemovals(items, [rangeOf(seq)[0], rangeOf(seq)[1]], '[]');
  }
  const text = context.table.text;
  const splices: Splice[] = [];
  nodes.forEach((node, index) => {
    if (!op.indices.has(index)) return;
    // The item's dash: the last non-blank character before the item.
    let dash = rangeOf(node)[0] - 1;
    while (dash >= 0 && isBlankAt(text, dash)) dash--;
    if (text[dash] !== '-' || !/^\s*$/.test(lineLeader(context, dash))) throw new Unsupported('a list item that does not start its line');
    splices.push(wholeLines(context, dash, node, rangeOf(node)[1]));
  });
  if (op.indices.size === nodes.length && !refilled) splices.push(emptied(context, op.parentPair, '[]'));
  return splices;
}
