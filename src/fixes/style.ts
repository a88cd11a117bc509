/**
 * The writing style of a document, read from what is already there, so that
 * inserted lines look like their neighbours: indentation step, whether
 * block sequences are indented under their key (`key:\n  - x`) or not
 * (`key:\n- x`), flow or block collections for a given key, and how string
 * values are quoted.
 */
import type { Document, Node, Pair, Scalar } from 'yaml';
import { isMap, isPair, isScalar, isSeq, PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE } from '../manifests/yamlKinds.js';
import { plainIsString, resolvePlainScalar } from '../manifests/scalars.js';
import { isNewScalar } from './types.js';
import type { NewScalar, NewValue } from './types.js';
import { lineStartOf } from './text.js';
import type { LineTable } from './text.js';

type Quote = 'plain' | 'double' | 'single';

interface KeyStyle {
  /** Whether collections under this key are written in flow style (`[ALL]`, `{type: X}`). */
  readonly flow?: boolean;
  /** How string values (or list items) under this key are quoted. */
  readonly quote?: Quote;
}

export interface DocumentStyle {
  /** Spaces between a key and the keys of its block map value. */
  readonly indent: number;
  /** Spaces between a key and the `-` of its block sequence value (0: `- ` at the key's column). */
  readonly sequenceIndent: number;
  /** Quoting of string values when nothing more specific is known. */
  readonly quote: Quote;
  /** Per key name, as seen under block parents in this document. */
  readonly keys: ReadonlyMap<string, KeyStyle>;
}

function quoteOf(scalar: Scalar): Quote {
  if (scalar.type === QUOTE_DOUBLE) return 'double';
  if (scalar.type === QUOTE_SINGLE) return 'single';
  return 'plain';
}

/** A plain scalar that reads as a string (not a number, boolean or null). */
function isStringish(scalar: Scalar): boolean {
  return scalar.type !== PLAIN || plainIsString(String(scalar.value));
}

/**
 * How often each value was seen, counted as it is seen (a document has
 * thousands of scalars): the most common wins, the first seen of equals.
 */
class Tally<T> {
  private readonly counts = new Map<T, number>();

  add(value: T): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }

  mostCommon(fallback: T): T {
    let best = fallback;
    let bestCount = 0;
    for (const [value, count] of this.counts) {
      if (count > bestCount) {
        best = value;
        bestCount = count;
      }
    }
    return best;
  }
}

export function detectStyle(doc: Document, table: LineTable): DocumentStyle {
  const reader = new StyleReader(table);
  reader.node(doc.contents);
  return reader.style();
}

/**
 * What a document's pairs say about its style, read pair by pair in
 * preorder (preorder.ts's order: a pair, the pairs of its key, then those of
 * its value). Its own walk, as it tells each pair's key and value apart once
 * for both reading and walking on: the style of a List of thousands of Pods
 * is read before any of their fixes is written.
 */
class StyleReader {
  private readonly indents = new Tally<number>();
  private readonly sequenceIndents = new Tally<number>();
  private readonly quotes = new Tally<Quote>();
  private readonly keys = new Map<string, KeyStyle>();

  constructor(private readonly table: LineTable) {}

  style(): DocumentStyle {
    const indent = this.indents.mostCommon(2);
    return { indent, sequenceIndent: this.sequenceIndents.mostCommon(indent), quote: this.quotes.mostCommon('plain'), keys: this.keys };
  }

  /** The pairs under a node (scalars and aliases hold none; aliases are not followed). */
  node(node: unknown): void {
    if (isMap(node)) {
      const block = !node.flow;
      for (const pair of node.items) this.pair(pair, block);
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) this.pair(item, false);
        else this.node(item);
      }
    }
  }

  /** A pair of a block map (`parentIsBlock`) or of a flow map or sequence, then the pairs of its key and value. */
  private pair(pair: Pair, parentIsBlock: boolean): void {
    const { key, value } = pair;
    if (isScalar(value)) {
      if (isScalar(key)) this.scalarValue(String(key.value), value, parentIsBlock);
      else this.node(key);
      return;
    }
    if (isScalar(key)) this.collectionValue(key, value, parentIsBlock);
    else this.node(key);
    this.node(value);
  }

  private scalarValue(key: string, value: Scalar, parentIsBlock: boolean): void {
    if (value.value === null || value.value === '' || !isStringish(value)) return;
    this.quotes.add(quoteOf(value));
    if (parentIsBlock && !this.keys.has(key)) this.keys.set(key, { quote: quoteOf(value) });
  }

  private collectionValue(keyNode: Scalar, value: unknown, parentIsBlock: boolean): void {
    // An empty `{}` or `[]` says nothing about how the document writes collections.
    if (!(isMap(value) || isSeq(value)) || !parentIsBlock || value.items.length === 0) return;
    const key = String(keyNode.value);
    const firstItem = value.items[0];
    const itemQuote = isSeq(value) && isScalar(firstItem) ? quoteOf(firstItem) : undefined;
    if (this.keys.get(key)?.flow === undefined) this.keys.set(key, itemQuote ? { flow: value.flow === true, quote: itemQuote } : { flow: value.flow === true });
    if (value.flow) return;
    // Only block collections tell indentation: the key's column is found for them alone.
    const keyColumn = this.column(keyNode);
    if (keyColumn === undefined) return;
    if (isMap(value) && isPair(firstItem)) {
      const childColumn = this.column(firstItem.key as Node | null);
      if (childColumn !== undefined && childColumn > keyColumn) this.indents.add(childColumn - keyColumn);
    }
    if (isSeq(value)) {
      const dashColumn = this.column(value);
      if (dashColumn !== undefined && dashColumn >= keyColumn) this.sequenceIndents.add(dashColumn - keyColumn);
    }
  }

  /** A node's column, from the line break before it: a key is a few characters into its line, and a file has many lines to search. */
  private column(node: Node | null | undefined): number | undefined {
    return node?.range ? node.range[0] - lineStartOf(this.table.text, node.range[0]) : undefined;
  }
}

/** A plain scalar that needs no quotes and reads back as the same string. */
function plainSafe(text: string): boolean {
  if (!/^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(text)) return false;
  const resolved = resolvePlainScalar(text);
  return resolved.ok && resolved.value === text;
}

export function formatString(text: string, quote: Quote): string {
  if (quote === 'plain' && plainSafe(text)) return text;
  if (quote === 'single' && !text.includes("'")) return `'${text}'`;
  return JSON.stringify(text);
}

/** YAML 1.1's spellings of true and false, by family (made once: every boolean a fix writes looks here). */
const booleanSpellings: readonly (readonly [string, string])[] = [
  ['true', 'false'],
  ['True', 'False'],
  ['TRUE', 'FALSE'],
  ['yes', 'no'],
  ['Yes', 'No'],
  ['YES', 'NO'],
  ['on', 'off'],
  ['On', 'Off'],
  ['ON', 'OFF'],
  ['y', 'n'],
  ['Y', 'N'],
];

/**
 * A boolean written in the spelling family of the one it replaces (`yes` →
 * `no`, `True` → `False`), since YAML 1.1 reads them all; `true`/`false`
 * otherwise.
 */
export function formatBoolean(value: boolean, replacing?: string): string {
  if (replacing !== undefined) {
    for (const [t, f] of booleanSpellings) {
      if (replacing === t || replacing === f) return value ? t : f;
    }
  }
  return value ? 'true' : 'false';
}

function formatScalar(value: NewScalar, quote: Quote): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'boolean' ? formatBoolean(value) : formatString(value, quote);
}

/**
 * Keys written alike: a new `drop` list looks like the `add` list beside it.
 * A Map, as any key is looked up (an object would answer `constructor` too).
 */
const siblings: ReadonlyMap<string, string> = new Map([
  ['add', 'drop'],
  ['drop', 'add'],
]);

function keyStyle(style: DocumentStyle, key: string | undefined): KeyStyle | undefined {
  if (key === undefined) return undefined;
  const own = style.keys.get(key);
  if (own !== undefined) return own;
  const sibling = siblings.get(key);
  return sibling !== undefined ? style.keys.get(sibling) : undefined;
}

function keyQuote(style: DocumentStyle, key: string | undefined): Quote {
  return keyStyle(style, key)?.quote ?? style.quote;
}

/** Whether new collections under this key are written in flow style, as elsewhere in the document. */
export function prefersFlow(style: DocumentStyle, key: string): boolean {
  return keyStyle(style, key)?.flow === true;
}

/**
 * A value in flow style: `{type: RuntimeDefault}`, `[ALL]`. With `json`
 * (the surrounding map quotes its keys, as a JSON manifest does) keys and
 * strings are double-quoted, so a JSON file stays JSON.
 */
export function renderFlow(value: NewValue, style: DocumentStyle, key?: string, json = false): string {
  const quote = json ? 'double' : keyQuote(style, key);
  if (isNewScalar(value)) return formatScalar(value, quote);
  if (Array.isArray(value)) return `[${(value as readonly string[]).map((item) => formatString(item, quote)).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: NewValue });
  return `{${entries.map(([k, v]) => renderFlowPair(k, v, style, json)).join(', ')}}`;
}

/** `key: value` inside a flow map. */
export function renderFlowPair(key: string, value: NewValue, style: DocumentStyle, json = false): string {
  return `${json ? JSON.stringify(key) : key}: ${renderFlow(value, style, key, json)}`;
}

/** Spaces that indent a line to a column, made once per column (every line a fix writes starts with some). */
const indentations: string[] = [];

export function spaces(column: number): string {
  if (column >= 64) return ' '.repeat(column);
  let indentation = indentations[column];
  if (indentation === undefined) indentations[column] = indentation = ' '.repeat(column);
  return indentation;
}

/*
 * Block style is written into one array of lines (without line breaks) that
 * each level of a nested value adds to: every new key is written so.
 */

/** `key: value` in block style at a column. Collections follow the document's choice for that key (flow or block). */
function addBlockPair(lines: string[], key: string, value: NewValue, column: number, style: DocumentStyle): void {
  const pad = spaces(column);
  if (isNewScalar(value)) {
    lines.push(`${pad}${key}: ${formatScalar(value, keyQuote(style, key))}`);
    return;
  }
  const isEmpty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  if (keyStyle(style, key)?.flow === true || isEmpty) {
    lines.push(`${pad}${key}: ${renderFlow(value, style, key)}`);
    return;
  }
  lines.push(`${pad}${key}:`);
  addBlockValue(lines, value, column, style, key);
}

/** The lines of a block collection that is the value of a key at `keyColumn`. */
function addBlockValue(lines: string[], value: NewValue, keyColumn: number, style: DocumentStyle, key?: string): void {
  if (Array.isArray(value)) {
    const pad = spaces(keyColumn + style.sequenceIndent);
    for (const item of value as readonly string[]) lines.push(`${pad}- ${formatString(item, keyQuote(style, key))}`);
    return;
  }
  if (isNewScalar(value)) throw new Error('a scalar is not a block collection');
  addBlockPairs(lines, value as { readonly [key: string]: NewValue }, keyColumn + style.indent, style);
}

/** The pairs of a map in block style at a column. */
function addBlockPairs(lines: string[], entries: { readonly [key: string]: NewValue }, column: number, style: DocumentStyle): void {
  for (const key of Object.keys(entries)) addBlockPair(lines, key, entries[key] as NewValue, column, style);
}

/** The lines of a block collection that is the value of a key at `keyColumn`. */
export function renderBlockValue(value: NewValue, keyColumn: number, style: DocumentStyle, key?: string): string[] {
  const lines: string[] = [];
  addBlockValue(lines, value, keyColumn, style, key);
  return lines;
}

/** The lines of the pairs of a map in block style at a column. */
export function renderBlockPairs(entries: { readonly [key: string]: NewValue }, column: number, style: DocumentStyle): string[] {
  const lines: string[] = [];
  addBlockPairs(lines, entries, column, style);
  return lines;
}
