/**
 * The `yaml` nodes of one document, built from js-yaml's events instead of
 * by `yaml`'s own parser: what the fix engine edits (render.ts, style.ts,
 * walk.ts) at about a third of the cost.
 *
 * The fix engine reads a tree's shape, not its comments: each node's kind,
 * collection style (flow or block), scalar style and value (a string, as the
 * `failsafe` schema keeps it) and its source range. The nodes built here carry
 * exactly that, with the offsets `yaml` gives, except the end of a block
 * collection (the engine takes it from the last item) and comments (it reads
 * none). Whenever a layout is not certain to be the one `yaml` would give
 * (an empty block scalar, whose end `yaml` places oddly; an empty value or a
 * block scalar whose key has no colon right after it, as in `{a, b: 1}`),
 * the document is left to `yaml`: the caller gets null.
 * test/unit/manifests/eventReader.test.ts compares both trees on every
 * fixture, generated file and mutation.
 */
import { CHOMPING_MODE, COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';
import { EventCursor, Unsupported, unsupported } from './eventCursor.js';
import { BLOCK_FOLDED, BLOCK_LITERAL, PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE } from './yamlKinds.js';

/**
 * The tree of the document in `text.slice(from, to)` (one segment of the
 * stream, segments.ts) whose content starts at `contentStart`, with offsets
 * in the whole text; null when `yaml` must build it.
 */
export function treeFromEvents(text: string, from: number, to: number, contentStart: number): Document | null {
  const slice = text.slice(from, to);
  let events: Event[];
  try {
    events = parseEvents(slice, {});
  } catch {
    return null;
  }
  return build(new Builder(text, from, slice, events), contentStart);
}

/**
 * The same tree from the events of the whole text, which the event reader
 * has already read (a document's events are the same read alone or in its
 * stream: the stream is cut where a document starts, segments.ts), starting
 * at the document's first event: no second read of the text.
 */
export function treeFromStreamEvents(text: string, events: readonly Event[], firstEvent: number, contentStart: number): Document | null {
  return build(new Builder(text, 0, text, events, firstEvent), contentStart);
}

function build(builder: Builder, contentStart: number): Document | null {
  try {
    const root = builder.root();
    if (root.range?.[0] !== contentStart) return null;
    const doc = new Document();
    doc.contents = root;
    return doc;
  } catch (caught) {
    if (caught instanceof Unsupported) return null;
    throw caught;
  }
}

/**
 * Each node is made from a node of its kind that `yaml` built once (its
 * prototype), not by `yaml`'s constructors: they define every node's kind
 * with Object.defineProperty, which cost as much as the rest of the tree.
 * To `yaml` and to the engine such a node is one of its kind: the type
 * guards (isMap, isScalar, …) read the kind through the prototype,
 * `instanceof` holds, methods work, and its own fields are the ones the
 * constructor sets (a collection's `items`, a scalar's `value`, a pair's
 * `key` and `value`); the `schema` of a collection is undefined, as it is
 * for `new YAMLMap()`.
 */
const prototypes = { scalar: new Scalar(null), pair: new Pair(null), map: new YAMLMap(), seq: new YAMLSeq() };

function newScalar(value: string): Scalar {
  const scalar = Object.create(prototypes.scalar) as Scalar;
  scalar.value = value;
  return scalar;
}

function newPair(key: Scalar, value: Node): Pair {
  const pair = Object.create(prototypes.pair) as Pair;
  pair.key = key;
  pair.value = value;
  return pair;
}

function newCollection<T extends YAMLMap | YAMLSeq>(prototype: T, items: T['items']): T {
  const collection = Object.create(prototype) as T;
  collection.items = items;
  return collection;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

/**
 * The fix engine keeps a document's tree while it fixes it: for a List of
 * thousands of Pods, most of what the tree holds. Two things keep it small:
 * each collection's items are an array of exactly their number (an array
 * grown by push keeps room for 16 more), and in a large tree a short
 * scalar's text is kept once however often it is written (the same keys and
 * values in every Pod).
 *
 * The table is the tree's own, and only a tree past a thousand scalars
 * makes one: a repository of small documents would pay a lookup for every
 * scalar (and a table per tree, or copies of the texts for a table shared
 * by all trees so that it would not keep their files alive) to save nothing.
 * The texts may be views into the file: the tree never outlives its file.
 */
const internedLength = 24;
const internAfter = 1024;

class Builder extends EventCursor {
  /** Items of the collections being built, innermost last; each collection takes its own off the end. */
  private readonly pending: unknown[] = [];
  /** Scalars built so far, and the table of short texts once there are many (see internAfter). */
  private scalars = 0;
  private interned: Map<string, string> | null = null;

  /** `text` is the whole file, `slice` the segment the events were read from, which starts at `from`. */
  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly slice: string,
    events: readonly Event[],
    first = 0,
  ) {
    super(events);
    this.next = first;
  }

  /** The content of the segment's one non-empty document. */
  root(): Node {
    while (this.next < this.events.length) {
      if (this.take().type !== EVENT_ID.DOCUMENT) throw unsupported;
      const content = this.peek();
      const empty = content.type === EVENT_ID.POP || (content.type === EVENT_ID.SCALAR && content.valueStart < 0);
      if (!empty) return this.node(null);
      while (this.take().type !== EVENT_ID.POP);
    }
    throw unsupported;
  }

  /** The node at the cursor; `keyEnd` is where its key ends when it is a map value. */
  private node(keyEnd: number | null): Node {
    const event = this.take();
    if (event.type === EVENT_ID.SCALAR) return this.scalar(event, keyEnd);
    if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) throw unsupported; // an alias
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
    const start = event.start + this.from;
    const flow = event.style === COLLECTION_STYLE.FLOW;
    let end = start;
    let collection: YAMLMap | YAMLSeq;
    const mark = this.pending.length;
    if (event.type === EVENT_ID.MAPPING) {
      while (this.peek().type !== EVENT_ID.POP) {
        const keyEvent = this.take();
        if (keyEvent.type !== EVENT_ID.SCALAR || keyEvent.valueStart < 0) throw unsupported;
        const key = this.scalar(keyEvent, null);
        const value = this.node(rangeOf(key)[1]);
        this.pending.push(newPair(key, value));
        end = rangeOf(value)[1];
      }
      collection = newCollection(prototypes.map, this.pending.splice(mark) as Pair[]);
    } else {
      while (this.peek().type !== EVENT_ID.POP) {
        const item = this.node(null);
        this.pending.push(item);
        end = rangeOf(item)[1];
      }
      collection = newCollection(prototypes.seq, this.pending.splice(mark));
    }
    this.next++;
    if (flow) {
      collection.flow = true;
      // `[a: 1]`: a map of one pair inside a flow sequence has no braces, and ends with its value.
      const open = this.text[start];
      if (open === '{' || open === '[') end = this.closing(collection.items.length === 0 ? start + 1 : end, open === '{' ? '}' : ']');
    }
    collection.range = [start, end, end];
    return collection;
  }

  private scalar(event: ScalarEvent, keyEnd: number | null): Scalar {
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
    const valueStart = event.valueStart + this.from;
    const valueEnd = event.valueEnd + this.from;
    let scalar: Scalar;
    if (event.valueStart < 0) {
      // `key:` with nothing after it: an empty plain scalar where the value would start.
      if (keyEnd === null) throw unsupported;
      let at = this.colonEnd(keyEnd);
      while (isBlank(this.text[at])) at++;
      scalar = newScalar('');
      scalar.type = PLAIN;
      scalar.range = [at, at, at];
      return scalar;
    }
    scalar = newScalar(this.kept(getScalarValue(this.slice, event)));
    switch (event.style) {
      case SCALAR_STYLE.PLAIN:
        scalar.type = PLAIN;
        scalar.range = [valueStart, valueEnd, valueEnd];
        break;
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        scalar.type = event.style === SCALAR_STYLE.SINGLE_QUOTED ? QUOTE_SINGLE : QUOTE_DOUBLE;
        scalar.range = [valueStart - 1, valueEnd + 1, valueEnd + 1];
        break;
      default: {
        // A block scalar starts at its `|` or `>` header, which the events do not give.
        if (keyEnd === null || scalar.value === '') throw unsupported;
        const header = this.skipSpace(this.colonEnd(keyEnd));
        if (this.text[header] !== '|' && this.text[header] !== '>') throw unsupported;
        const end = event.chomping === CHOMPING_MODE.KEEP ? valueEnd : this.lastContentLineEnd(valueStart, valueEnd, event.indent);
        scalar.type = event.style === SCALAR_STYLE.LITERAL_BLOCK ? BLOCK_LITERAL : BLOCK_FOLDED;
        scalar.range = [header, end, end];
      }
    }
    return scalar;
  }

  /** The tree's one copy of a short text, in a large tree (see internAfter). */
  private kept(text: string): string {
    if (this.interned === null) {
      if (++this.scalars < internAfter) return text;
      this.interned = new Map();
    }
    if (text.length > internedLength) return text;
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    this.interned.set(text, text);
    return text;
  }

  /** Just after the `:` that follows a key on its line. */
  private colonEnd(keyEnd: number): number {
    let at = keyEnd;
    while (isBlank(this.text[at])) at++;
    if (this.text[at] !== ':') throw unsupported;
    return at + 1;
  }

  /** The next offset that is not a blank, a line break or a comment. */
  private skipSpace(from: number): number {
    let at = from;
    for (;;) {
      const c = this.text[at];
      if (isBlank(c) || isBreak(c)) at++;
      else if (c === '#') while (at < this.text.length && !isBreak(this.text[at])) at++;
      else return at;
    }
  }

  /** Just after a flow collection's closing bracket, from the end of its last item. */
  private closing(from: number, bracket: string): number {
    let at = this.skipSpace(from);
    while (this.text[at] === ',') at = this.skipSpace(at + 1);
    if (this.text[at] !== bracket) throw unsupported;
    return at + 1;
  }

  /**
   * Where `yaml` ends a clipped or stripped block scalar: after the line
   * break of its last line with more than indentation on it (trailing blank
   * lines belong to no node).
   */
  private lastContentLineEnd(valueStart: number, valueEnd: number, indent: number): number {
    if (indent < 0) throw unsupported;
    let end = -1;
    let lineStart = valueStart;
    while (lineStart < valueEnd) {
      const newline = this.text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 || newline >= valueEnd ? valueEnd : newline;
      const contentEnd = this.text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      if (contentEnd - lineStart > indent) end = lineEnd < this.text.length && this.text[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
      lineStart = lineEnd + 1;
    }
    if (end < 0) throw unsupported;
    return end;
  }
}

function rangeOf(node: Node): [number, number, number] {
  const range = node.range;
  if (!range) throw unsupported;
  return range;
}
