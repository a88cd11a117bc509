/**
 * Every node and pair of a `yaml` document, in the order `yaml`'s own
 * `visit` meets them: a node before its items, a pair before its key and
 * then its value, aliases not followed.
 *
 * `visit` builds and freezes a new ancestor path at every collection and
 * pair it enters; the readers here only need a pair's parent, and walking a
 * 1,000-Pod List that way cost more than the work done at each node.
 */
import { isAlias, isCollection, isPair, isScalar } from './yamlKinds.js';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';

export interface PreorderVisitor {
  /** Each scalar, alias, map and sequence. */
  readonly node?: (node: Node) => void;
  /** Each pair, with the collection that holds it. */
  readonly pair?: (pair: Pair, parent: YAMLMap | YAMLSeq) => void;
}

export function preorder(doc: Document, visitor: PreorderVisitor): void {
  visitNode(doc.contents, visitor);
}

function visitNode(node: unknown, visitor: PreorderVisitor): void {
  if (isScalar(node) || isAlias(node)) {
    visitor.node?.(node);
    return;
  }
  if (!isCollection(node)) return;
  visitor.node?.(node);
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      visitor.pair?.(item, node);
      visitNode(item.key, visitor);
      visitNode(item.value, visitor);
    } else visitNode(item, visitor);
  }
}
