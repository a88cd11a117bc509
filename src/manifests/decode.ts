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
 * Aliases resolve through one table per document (anchors.ts), so decoding
 * costs the size of what the document expands to. Alias expansion is held to
 * goyaml.v2's rule, the one kubectl and the API server apply: past 100
 * aliased nodes and 1,000 decoded ones, aliases may produce at most 99% of
 * the decoded nodes, falling to 10% between 400,000 and 4,000,000 decoded
 * nodes. A "billion laughs" document is reported as a problem instead of
 * exhausting memory; a `List` of a few anchored Pods aliased a thousand
 * times decodes as it does in the cluster.
 */
import type { Document, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { aliasTarget, resolved as resolvedNode } from './anchors.js';
import { resolvePlainScalar, resolveTaggedScalar, standardTags, surelyString } from './scalars.js';
import { isAlias, isMap, isScalar, isSeq, PLAIN } from './yamlKinds.js';
import type { JsonObject, JsonValue } from '../pss/types.js';

/** goyaml.v2's bounds on alias expansion (decode.go: allowedAliasRatio). */
const aliasRatioLow = 400_000;
const aliasRatioHigh = 4_000_000;

/** The share of decoded nodes that may come from aliases, after `decoded` nodes. */
/** The share of a document's nodes that may come from aliases once `decoded` nodes are decoded (goyaml's rule); never rises with `decoded`. */
export function allowedAliasRatio(decoded: number): number {
  if (decoded <= aliasRatioLow) return 0.99;
  if (decoded >= aliasRatioHigh) return 0.1;
  return 0.99 - (0.89 * (decoded - aliasRatioLow)) / (aliasRatioHigh - aliasRatioLow);
}

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
  const plain = node.type === PLAIN || node.type === undefined;
  const tag = node.tag;
  // A standard tag decides, whatever the quoting: `!!bool "true"` is true.
  const standard = tag === undefined ? undefined : standardTags.get(tag);
  // Untagged quoted and block scalars are strings. Custom tags (`!foo x`) keep the text.
  if (standard === undefined && (!plain || tag !== undefined)) return text;
  // Most plain texts are words that read as themselves: no resolution (and no result object) for them.
  if (standard === undefined && surelyString(text)) return text;
  const resolved = standard === undefined ? resolvePlainScalar(text) : resolveTaggedScalar(standard, text);
  if (!resolved.ok) throw new DecodeError(resolved.message, node);
  return resolved.value;
}

/** Why a placeholder written where a value starts breaks the YAML (`{{ x }}`, `{NAME}`), and what to do (`then`). */
export function flowMappingHint(written: string, then: string): string {
  return `an unquoted \`${written}\` reads as a YAML flow mapping: ${then}`;
}

/**
 * A flow mapping as a key is what an unquoted `{{placeholder}}` reads as (a
 * mapping inside a mapping): kubectl refuses it too, and the hint says why.
 */
const flowMapKey = `a mapping key must be a scalar (${flowMappingHint('{{ … }}', 'quote a template placeholder, or render the template first')})`;

/** sigs.k8s.io/yaml's conversion of a YAML key to a JSON object key. */
function keyString(node: unknown, doc: Document): string {
  const target = resolvedNode(doc, node);
  if (!isScalar(target)) throw new DecodeError(isMap(target) && target.flow ? flowMapKey : 'a mapping key must be a scalar', (target ?? null) as Node | null);
  const value = scalarValue(target);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  throw new DecodeError('a mapping key must not be null', target);
}

function isMergeKey(node: unknown): boolean {
  return isScalar(node) && (node.type === PLAIN || node.type === undefined) && node.value === '<<' && node.tag === undefined;
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

/** The nodes decoded so far in one document, and how many of them came through aliases or merge keys. */
export interface Budget {
  decoded: number;
  aliased: number;
}

export const freshBudget = (): Budget => ({ decoded: 0, aliased: 0 });

function spend(budget: Budget, nodes: number, aliased: boolean): void {
  budget.decoded += nodes;
  if (aliased) budget.aliased += nodes;
  if (budget.aliased > 100 && budget.decoded > 1000 && budget.aliased / budget.decoded > allowedAliasRatio(budget.decoded)) {
    throw new DecodeError(`the document contains excessive aliasing (${budget.aliased} of ${budget.decoded} nodes come from aliases: an alias bomb?)`, null, 'alias-bomb');
  }
}

/** An entry of a map after merges: the key node and the value node that won. */
export interface Entry {
  readonly pair: Pair;
  readonly value: unknown;
  /** The entry comes from a merge key (`<<`), not from the map itself. */
  readonly merged: boolean;
}

/**
 * The effective entries of a mapping after duplicate keys and merge keys,
 * in the order keys first appear. Shared by the decoder and the locator.
 */
export function effectiveEntries(map: YAMLMap, doc: Document, budget: Budget = freshBudget(), seen: Set<unknown> = new Set()): Map<string, Entry> {
  if (seen.has(map)) throw new DecodeError('an alias refers to a mapping that contains it', map);
  seen.add(map);
  const entries = new Map<string, Entry>();
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) {
      for (const source of mergeSources(pair.value, doc)) {
        // Nested merges can multiply like aliases do; they share the budget.
        spend(budget, source.items.length, true);
        for (const [key, entry] of effectiveEntries(source, doc, budget, seen)) entries.set(key, { ...entry, merged: true });
      }
      continue;
    }
    entries.set(keyString(pair.key, doc), { pair, value: pair.value, merged: false });
  }
  seen.delete(map);
  return entries;
}

/**
 * The keys of a map that has no merge key, by position, as the decoder reads
 * them (a key's entry is its last pair); null for a map with a merge key,
 * whose entries come from elsewhere too (effectiveEntries). Cheaper to keep
 * than the entries: the fix engine keeps one per map of a document it edits.
 */
export function plainKeys(map: YAMLMap, doc: Document): string[] | null {
  if (map.items.some((pair) => isMergeKey(pair.key))) return null;
  return map.items.map((pair) => keyString(pair.key, doc));
}

/** The maps a merge key copies, in the order they must be applied (later ones win). */
function mergeSources(value: unknown, doc: Document): YAMLMap[] {
  const wantMap = () => new DecodeError('map merge requires map or sequence of maps as the value', (value ?? null) as Node | null);
  const asMap = (node: unknown): YAMLMap => {
    const target = resolvedNode(doc, node);
    if (!isMap(target)) throw wantMap();
    return target;
  };
  if (isMap(value) || isAlias(value)) return [asMap(value)];
  if (isSeq(value)) return value.items.map(asMap).reverse();
  throw wantMap();
}

/** Decode a document's contents to JSON. Throws DecodeError. */
export function decodeDocument(doc: Document): JsonValue {
  const budget = freshBudget();
  const decoding = new Set<unknown>();

  const decode = (node: unknown, viaAlias: boolean): JsonValue => {
    spend(budget, 1, viaAlias);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = aliasTarget(doc, node);
      if (target === undefined) throw new DecodeError(`unknown anchor ${node.source}`, node);
      if (decoding.has(target)) throw new DecodeError('an alias refers to a node that contains it', node);
      return decode(target, true);
    }
    if (isScalar(node)) return scalarValue(node);
    decoding.add(node);
    try {
      if (isSeq(node)) return node.items.map((item) => decode(item, viaAlias));
      if (isMap(node)) {
        const out: JsonObject = {};
        for (const [key, entry] of effectiveEntries(node, doc, budget)) setKey(out, key, decode(entry.value, viaAlias || entry.merged));
        return out;
      }
    } finally {
      decoding.delete(node);
    }
    throw new DecodeError('unsupported YAML node', node as Node);
  };

  return decode(doc.contents, false);
}
