/**
 * Aliases resolved through one table per document.
 *
 * `yaml`'s `Alias.resolve(doc)` visits the whole document on every call to
 * find the anchor, so a document with A aliases cost A walks of itself to
 * decode, walk or locate: quadratic in a `List` whose items alias a few
 * anchored Pods. The table is built by one visit, in the same order and with
 * the same rule (an alias refers to the last node before it that carries its
 * anchor), and kept for the document's lifetime.
 */
import type { Alias, Document, Node } from 'yaml';
import { preorder } from './preorder.js';
import { isAlias } from './yamlKinds.js';

interface AnchorTable {
  /** Each alias's target; undefined when no node before it carries its anchor. */
  readonly targets: ReadonlyMap<Alias, Node | undefined>;
  /** The anchors that some alias refers to. */
  readonly used: ReadonlySet<string>;
}

// Trees are never edited after loading (fixes are text splices), so a table stays true.
const tables = new WeakMap<Document, AnchorTable>();

function tableOf(doc: Document): AnchorTable {
  let table = tables.get(doc);
  if (table) return table;
  const latest = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  const used = new Set<string>();
  preorder(doc, {
    node(node) {
      if (isAlias(node)) {
        targets.set(node, latest.get(node.source));
        used.add(node.source);
      } else if (node.anchor) {
        latest.set(node.anchor, node);
      }
    },
  });
  table = { targets, used };
  tables.set(doc, table);
  return table;
}

/** The node an alias of `doc` refers to, or undefined for an unknown anchor. */
export function aliasTarget(doc: Document, alias: Alias): Node | undefined {
  const table = tableOf(doc);
  // An alias not in the document (never the case for loaded trees) falls back to yaml's own search.
  return table.targets.has(alias) ? table.targets.get(alias) : (alias.resolve(doc) as Node | undefined);
}

/** A node with its alias (if it is one) resolved. */
export function resolved(doc: Document, node: unknown): unknown {
  return isAlias(node) ? aliasTarget(doc, node) : node;
}

/** The anchors that some alias of the document refers to. */
export function usedAnchors(doc: Document): ReadonlySet<string> {
  return tableOf(doc).used;
}

/** The used anchors of a document without aliases. */
export const noAnchors: ReadonlySet<string> = new Set();

/**
 * usedAnchors of a document whose nodes lie in `text[start, end)`, known
 * without walking it when it has no alias: an alias is written `*name` in
 * its document's text, so without a `*` there is none (a JSON List, most
 * YAML). A `*` elsewhere (in a string, a comment) only means the walk is done.
 */
export function usedAnchorsIn(doc: Document, text: string, start: number, end: number): ReadonlySet<string> {
  const star = text.indexOf('*', start);
  return star === -1 || star >= end ? noAnchors : usedAnchors(doc);
}
