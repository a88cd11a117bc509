/**
 * Map a field path of a decoded document to its line in the source.
 *
 * The walk follows the decoder's rules (aliases, merge keys, last duplicate
 * wins), so it lands on the node whose value was evaluated. When the path
 * does not exist (a required field that is absent), it stops at the nearest
 * existing ancestor: the container entry for a container field, the
 * `securityContext:` key when that exists, the pod `spec:` for a pod field.
 */
import { isMap, isSeq } from '../manifests/yamlKinds.js';
import type { Node } from 'yaml';
import { resolved } from '../manifests/anchors.js';
import { effectiveEntries } from '../manifests/decode.js';
import { placeOffset } from '../manifests/eventReader.js';
import type { Place } from '../manifests/eventReader.js';
import type { SourceDocument } from '../manifests/types.js';
import type { FieldPath } from '../pss/types.js';

export interface SourceLocation {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** True when the whole path exists; false when this is the nearest ancestor. */
  readonly exact: boolean;
}

export function locate(source: SourceDocument, path: FieldPath): SourceLocation {
  const { lineCounter } = source;
  const position = (offset: number, exact: boolean): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, exact };
  };
  return source.place === undefined ? walkTree(source, path, position) : walkPlaces(source.place, path, position);
}

type Position = (offset: number, exact: boolean) => SourceLocation;

/** The same walk over the offsets the event reader kept (no aliases or merges there). */
function walkPlaces(root: Place, path: FieldPath, position: Position): SourceLocation {
  let place = root;
  let anchor = placeOffset(root);
  for (const segment of path) {
    const children = typeof place === 'number' ? undefined : place.children;
    let next: Place | undefined;
    if (typeof segment === 'string' && children instanceof Map) next = children.get(segment);
    else if (typeof segment === 'number' && Array.isArray(children)) next = children[segment];
    if (next === undefined) return position(anchor, false);
    anchor = placeOffset(next);
    place = next;
  }
  return position(anchor, true);
}

function walkTree(source: SourceDocument, path: FieldPath, position: Position): SourceLocation {
  const { doc } = source;
  let node: unknown = doc.contents;
  let anchor = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    node = resolved(doc, node);
    let next: unknown;
    let offset: number | undefined;
    if (typeof segment === 'string' && isMap(node)) {
      const entry = effectiveEntries(node, doc).get(segment);
      if (entry) {
        next = entry.value;
        offset = (entry.pair.key as Node | null)?.range?.[0];
      }
    } else if (typeof segment === 'number' && isSeq(node)) {
      next = node.items[segment];
      offset = (next as Node | undefined)?.range?.[0];
    }
    if (offset === undefined) return position(anchor, false);
    anchor = offset;
    node = next;
  }
  return position(anchor, true);
}
