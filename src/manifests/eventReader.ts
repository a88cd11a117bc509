/**
 * The fast way to read a manifest file: js-yaml's event stream (a flat list
 * of scalars, collection starts and ends, with source offsets) turned straight
 * into JSON values and the offsets the locator needs, without building the
 * `yaml` package's syntax tree. On the benchmark's repository reading the
 * events costs about a quarter of composing `yaml` documents.
 *
 * It reads only the plain subset of YAML that manifests are written in, and
 * with the same rules as decode.ts: plain scalars resolve with YAML 1.1 rules
 * (scalars.ts), quoted and block scalars are strings, keys become strings, a
 * duplicate key overwrites the earlier one. Anything else makes it give the
 * whole file back (`null`) to the `yaml` path, which is the reference:
 * a syntax error (the `yaml` path says which document and line), anchors and
 * aliases, tags, merge keys, directives, keys that are not scalars or are
 * null, scalars that JSON cannot carry, a lone carriage return, a byte-order
 * mark inside the text, a key that may be over 1024 characters long, a tab
 * that indents a line, `...` document end markers and indented markers,
 * block scalars of only blank lines, and the few
 * shapes whose line `yaml` places differently (a block scalar or an empty
 * entry as a sequence item). test/unit/manifests/eventReader.test.ts proves
 * the two paths equal (values, lines, located paths) on every fixture, on
 * edge cases and on thousands of mutated files.
 */
import { EVENT_ID, SCALAR_STYLE, YAMLException, getScalarValue, parseEvents } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { setKey } from './decode.js';
import { EventCursor, Unsupported, unsupported } from './eventCursor.js';
import { resolvePlainScalar } from './scalars.js';
import type { JsonObject, JsonValue } from '../pss/types.js';

/**
 * Where a node of a decoded document starts, for the locator: the offset of
 * its key (in a mapping) or of the item itself (in a sequence, and the root),
 * with the places of its children when it is a collection.
 */
export type Place = number | Branch;

export interface Branch {
  readonly at: number;
  readonly children: Map<string, Place> | Place[];
}

export const placeOffset = (place: Place): number => (typeof place === 'number' ? place : place.at);

/** One non-empty document of a file read from its events. */
export interface EventDocument {
  /** 0-based position of the document in its file (empty documents count). */
  readonly index: number;
  /** Where the document's events start in the file's (EventRead.events): its layout tree can be built from them. */
  readonly firstEvent: number;
  readonly value: JsonValue;
  readonly place: Place;
}

/**
 * How deep collections may nest. kubectl stops at 10,000; the readers here
 * are recursive and the JavaScript stack gives out near 1,000, so files are
 * held to a lower, stated limit (no manifest comes close: a few dozen levels).
 */
export const nestingLimit = 500;

/** Thrown by readEventDocuments for a file that nests deeper than nestingLimit; `offset` is where. */
export class NestingTooDeep {
  constructor(readonly offset: number) {}
}

/** What the event reader read of a file: its documents, and the events they were read from. */
export interface EventRead {
  readonly documents: EventDocument[];
  readonly events: readonly Event[];
}

/**
 * The decoded documents of a file, or null when the `yaml` path must read it.
 * The caller has cut the stream (segments.ts: no `...` markers, no directives)
 * and gives the offsets where its lines start.
 */
export function readEventDocuments(text: string, lineStarts: readonly number[]): EventRead | null {
  // `yaml` reads a byte-order mark inside the text as a marker, js-yaml as a character.
  if (hasLoneCarriageReturn(text) || hasLongKey(text, lineStarts) || text.includes('\uFEFF')) return null;
  // `yaml` refuses a tab that indents a line; js-yaml lets some through (a root scalar after one).
  if (text.includes('\t') && tabIndent.test(text)) return null;
  // js-yaml reads an indented `---` or `%` at the start of the text as a marker: document indexes must agree.
  if (indentedMarker.test(text)) return null;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: nestingLimit });
  } catch (caught) {
    if (caught instanceof YAMLException && caught.reason.includes('maxDepth')) throw new NestingTooDeep(caught.mark?.position ?? 0);
    return null; // a syntax error: the yaml path reports it
  }
  try {
    return { documents: new Reader(text, events).documents(), events };
  } catch (caught) {
    if (caught instanceof Unsupported) return null;
    throw caught;
  }
}

/** `yaml` counts lines at `\n` only; YAML also breaks lines at a lone `\r`. */
function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

/**
 * `yaml` refuses an implicit key whose `:` is more than 1024 characters from
 * its start; js-yaml does not. An implicit key is on one line, so only a `:`
 * past column 1024 of its line can be such a key's, and only one that can be
 * a value indicator (mayIndicateValue). Long lines of long values alone, as
 * a CRD's descriptions or a relabeling's regex, are read here: a rendering of
 * kube-prometheus, 5.7 MB with three such lines, went to `yaml` whole.
 */
function hasLongKey(text: string, lineStarts: readonly number[]): boolean {
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i] ?? 0;
    const end = (lineStarts[i + 1] ?? text.length + 1) - 1;
    if (end - start <= 1024) continue;
    for (let at = text.indexOf(':', start + 1024); at !== -1 && at < end; at = text.indexOf(':', at + 1)) {
      if (mayIndicateValue(text, at)) return true;
    }
  }
  return false;
}

/**
 * Whether a `:` may end a key: before a space, a line break or a flow
 * indicator, or right after a quote or a flow collection's end (a JSON-like
 * key, `"a":b`). One between two other characters (`Failed:\n` inside a
 * quoted description) is part of a scalar.
 */
function mayIndicateValue(text: string, at: number): boolean {
  return /[\s,[\]{}]/.test(text[at + 1] ?? '\n') || /["'\]}]/.test(text[at - 1] ?? '');
}

const indentedMarker = /^[ \t]+(?:---|\.\.\.|%)/m;
const tabIndent = /^ *\t/m;

const quoted = (style: number) => style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED;
/** Where `yaml` starts a scalar: at its opening quote, if it has one. */
const scalarStart = (event: ScalarEvent) => (quoted(event.style) ? event.valueStart - 1 : event.valueStart);
const blankOnly = /^\s+$/;
const block = (style: number) => style === SCALAR_STYLE.LITERAL_BLOCK || style === SCALAR_STYLE.FOLDED_BLOCK;

class Reader extends EventCursor {
  constructor(
    private readonly text: string,
    events: readonly Event[],
  ) {
    super(events);
  }

  documents(): EventDocument[] {
    const out: EventDocument[] = [];
    let index = 0;
    while (this.next < this.events.length) {
      const firstEvent = this.next;
      const start = this.take();
      if (start.type !== EVENT_ID.DOCUMENT) throw unsupported;
      if (start.directives.length > 0) throw unsupported;
      const content = this.peek();
      if (content.type === EVENT_ID.POP) {
        this.next++;
      } else if (content.type === EVENT_ID.SCALAR && content.valueStart < 0 && content.anchorStart < 0 && content.tagStart < 0) {
        // An empty document (`---` and nothing, or only comments): skipped, like the yaml path does.
        this.next++;
        if (this.take().type !== EVENT_ID.POP) throw unsupported;
      } else {
        const place = this.placeOfItem(content);
        const value = this.node(place);
        if (this.take().type !== EVENT_ID.POP) throw unsupported;
        // Like the yaml path: a document of only comments or an empty node is skipped.
        if (value !== null) out.push({ index, firstEvent, value, place: this.lastPlace });
      }
      index++;
    }
    return out;
  }

  /**
   * Where `yaml` starts a node that stands alone (a sequence item, the root):
   * the first key of a block mapping, the bracket of a flow collection, the
   * quote of a quoted scalar.
   */
  private placeOfItem(event: Event): number {
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        return event.start;
      case EVENT_ID.SCALAR:
        // An empty item, or a block scalar whose `|` header the events do not give.
        if (event.valueStart < 0 || block(event.style)) throw unsupported;
        return scalarStart(event);
      default:
        throw unsupported;
    }
  }

  /** The place of the node read last (a Branch for collections). */
  private lastPlace: Place = 0;

  /** Read the node at the cursor; `at` is where the locator points for it. */
  private node(at: number): JsonValue {
    const event = this.take();
    if (event.type === EVENT_ID.SCALAR) {
      this.lastPlace = at;
      return this.scalar(event);
    }
    if (event.type === EVENT_ID.MAPPING) {
      if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
      const out: JsonObject = {};
      const children = new Map<string, Place>();
      while (this.peek().type !== EVENT_ID.POP) {
        const keyEvent = this.take();
        // Keys that are collections, empty or block scalars (`? |`) are left to the yaml path,
        if (keyEvent.type !== EVENT_ID.SCALAR || keyEvent.valueStart < 0 || block(keyEvent.style)) throw unsupported;
        // and so are keys over several lines (`yaml` refuses them as implicit keys, js-yaml may not).
        if (this.text.lastIndexOf('\n', keyEvent.valueEnd - 1) >= keyEvent.valueStart) throw unsupported;
        const key = this.key(keyEvent);
        setKey(out, key, this.node(scalarStart(keyEvent)));
        children.set(key, this.lastPlace);
      }
      this.next++;
      this.lastPlace = { at, children };
      return out;
    }
    if (event.type === EVENT_ID.SEQUENCE) {
      if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
      const out: JsonValue[] = [];
      const children: Place[] = [];
      while (this.peek().type !== EVENT_ID.POP) {
        out.push(this.node(this.placeOfItem(this.peek())));
        children.push(this.lastPlace);
      }
      this.next++;
      this.lastPlace = { at, children };
      return out;
    }
    throw unsupported; // an alias
  }

  private scalar(event: ScalarEvent): null | boolean | number | string {
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
    if (event.valueStart < 0) return null; // `key:` with nothing after it
    const text = getScalarValue(this.text, event);
    // A block scalar of only blank lines: with an indentation indicator (`|2`) js-yaml keeps the spaces, `yaml` does not.
    if (block(event.style) && blankOnly.test(text)) throw unsupported;
    if (event.style !== SCALAR_STYLE.PLAIN) return text;
    const resolved = resolvePlainScalar(text);
    if (!resolved.ok) throw unsupported; // the yaml path words the problem
    return resolved.value;
  }

  /** sigs.k8s.io/yaml's object key for a scalar key, as decode.ts's keyString. */
  private key(event: ScalarEvent): string {
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
    const plain = event.style === SCALAR_STYLE.PLAIN;
    const text = getScalarValue(this.text, event);
    if (!plain) return text;
    if (text === '<<') throw unsupported; // a merge key
    const resolved = resolvePlainScalar(text);
    if (!resolved.ok || resolved.value === null) throw unsupported;
    return typeof resolved.value === 'string' ? resolved.value : String(resolved.value);
  }
}
