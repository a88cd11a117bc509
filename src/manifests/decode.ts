/**
 * Turn a parsed YAML document (the `yaml` package's AST) into the JSON value
 * Kubernetes sees, with goyaml.v2 semantics:
 * - plain scalars resolve with YAML 1.1 rules (see scalars.ts); quoted and
 *   block scalars, and `!!str`, are strings;
 * - map keys become strings (`y:` is the key "true", `1:` is "1");
 * - a duplicate key overwrites the earlier one;
 * - merge keys `<<` copy the merged map(s) *at the point where they appear*:
 *   a key written before `<<` is overwritten by a merged one, a key after it
 *   wins; in a list of merged maps the earlier map wins.
 * The same walk drives the locator, so a field path always finds the node
 * whose value the decoder kept.
 *
 * Alias expansion is budgeted: a "billion laughs" document is reported as a
 * problem instead of exhausting memory.
 */
import { isAlias, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { Alias, Document, Node, Pair, YAMLMap } from 'yaml';
import { resolvePlainScalar, resolveTaggedScalar, standardTags } from './scalars.js';
import type { JsonObject, JsonValue } from '../pss/types.js';

/** How many nodes may be produced through aliases in one document. */
export const aliasExpansionBudget = 100_000;

/** A decoding failure tied to a node: the loader turns it into a problem with a line. */
export class DecodeError {
  constructor(
    readonly message: string,
    readonly node: Node | null,
    readonly kind: 'invalid' | 'alias-bomb' = 'invalid',
  ) {}
}

/** The scalar value of a node as goyaml.v2 reads it. Throws DecodeError. */
export function scalarValue(node: Scalar): null | boolean | number | string {
  const text = typeof node.value === 'string' ? node.value : String(node.value);
  const plain = node.type === Scalar.PLAIN || node.type === undefined;
  const tag = node.tag;
  // A standard tag decides, whatever the quoting: `!!bool "true"` is true.
  const standard = tag === undefined ? undefined : standardTags.get(tag);
  // Untagged quoted and block scalars are strings. Custom tags (`!foo x`) keep the text.
  if (standard === undefined && (!plain || tag !== undefined)) return text;
  const resolved = standard === undefined ? resolvePlainScalar(text) : resolveTaggedScalar(standard, text);
  if (!resolved.ok) throw new DecodeError(resolved.message, node);
  return resolved.value;
}

/** sigs.k8s.io/yaml's conversion of a YAML key to a JSON object key. */
function keyString(node: unknown, doc: Document): string {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (!isScalar(target)) throw new DecodeError('a mapping key must be a scalar', (target ?? null) as Node | null);
  const value = scalarValue(target);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  throw new DecodeError('a mapping key must not be null', target);
}

function isMergeKey(node: unknown): boolean {
  return isScalar(node) && (node.type === Scalar.PLAIN || node.type === undefined) && node.value === '<<' && node.tag === undefined;
}

/**
 * Set a key of a decoded mapping. `__proto__` is an ordinary key to the API
 * server: assigned, it would set the object's prototype instead, so that
 * `metadata: {__proto__: {namespace: kube-system}}` would read as that
 * namespace. It is defined as a property of its own, like any other key.
 */
export function setKey(out: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** What is left of the alias-expansion budget of one document. */
export interface Budget {
  remaining: number;
}

function spend(budget: Budget, nodes: number): void {
  budget.remaining -= nodes;
  if (budget.remaining < 0) {
    throw new DecodeError(`aliases expand to more than ${aliasExpansionBudget} nodes (an alias bomb?)`, null, 'alias-bomb');
  }
}

/** An entry of a map after merges: the key node and the value node that won. */
export interface Entry {
  readonly pair: Pair;
  readonly value: unknown;
}

/**
 * The effective entries of a mapping after duplicate keys and merge keys,
 * in the order keys first appear. Shared by the decoder and the locator.
 */
export function effectiveEntries(
  map: YAMLMap,
  doc: Document,
  budget: Budget = { remaining: aliasExpansionBudget },
  seen: Set<unknown> = new Set(),
): Map<string, Entry> {
  if (seen.has(map)) throw new DecodeError('an alias refers to a mapping that contains it', map);
  seen.add(map);
  const entries = new Map<string, Entry>();
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) {
      for (const source of mergeSources(pair.value, doc)) {
        // Nested merges can multiply like aliases do; they share the budget.
        spend(budget, source.items.length);
        for (const [key, entry] of effectiveEntries(source, doc, budget, seen)) entries.set(key, entry);
      }
      continue;
    }
    entries.set(keyString(pair.key, doc), { pair, value: pair.value });
  }
  seen.delete(map);
  return entries;
}

/** The maps a merge key copies, in the order they must be applied (later ones win). */
function mergeSources(value: unknown, doc: Document): YAMLMap[] {
  const wantMap = () => new DecodeError('map merge requires map or sequence of maps as the value', (value ?? null) as Node | null);
  const asMap = (node: unknown): YAMLMap => {
    const target = isAlias(node) ? node.resolve(doc) : node;
    if (!isMap(target)) throw wantMap();
    return target;
  };
  if (isMap(value) || isAlias(value)) return [asMap(value)];
  if (isSeq(value)) return value.items.map(asMap).reverse();
  throw wantMap();
}

/** Decode a document's contents to JSON. Throws DecodeError. */
export function decodeDocument(doc: Document): JsonValue {
  const budget: Budget = { remaining: aliasExpansionBudget };
  const decoding = new Set<unknown>();

  const decode = (node: unknown, viaAlias: boolean): JsonValue => {
    if (viaAlias) spend(budget, 1);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = (node as Alias).resolve(doc);
      if (target === undefined) throw new DecodeError(`unknown anchor ${(node as Alias).source}`, node as Alias);
      if (decoding.has(target)) throw new DecodeError('an alias refers to a node that contains it', node as Alias);
      return decode(target, true);
    }
    if (isScalar(node)) return scalarValue(node);
    decoding.add(node);
    try {
      if (isSeq(node)) return node.items.map((item) => decode(item, viaAlias));
      if (isMap(node)) {
        const out: JsonObject = {};
        for (const [key, entry] of effectiveEntries(node, doc, budget)) setKey(out, key, decode(entry.value, viaAlias));
        return out;
      }
    } finally {
      decoding.delete(node);
    }
    throw new DecodeError('unsupported YAML node', node as Node);
  };

  return decode(doc.contents, false);
}
