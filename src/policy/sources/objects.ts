/**
 * The Kubernetes objects of a decoded document: the document itself, or the
 * items of a `List` (and of `<Kind>List`s), each with its field path so
 * that findings and sources can name their line.
 */
import type { ManifestDocument } from '../../manifests/types.js';
import { isObject } from '../../pss/pod.js';
import type { FieldPath, JsonObject } from '../../pss/types.js';

export interface DocumentObject {
  readonly value: JsonObject;
  readonly apiVersion: string;
  readonly kind: string;
  /** Path of the object in its document ([] for the document itself). */
  readonly path: FieldPath;
}

export function objectsOf(document: ManifestDocument): DocumentObject[] {
  const out: DocumentObject[] = [];
  if (isObject(document.value)) visit(out, document.value, []);
  return out;
}

/**
 * An object, or each item of a List, into `out`. A function of the module,
 * not a closure made per document: a closure's optimized code goes at each
 * major collection, and every document of every file is visited.
 */
function visit(out: DocumentObject[], value: JsonObject, path: FieldPath): void {
  const kind = typeof value.kind === 'string' ? value.kind : '';
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  if (kind.endsWith('List') && Array.isArray(value.items)) {
    for (let index = 0; index < value.items.length; index++) {
      const item = value.items[index];
      if (isObject(item)) visit(out, item, [...path, 'items', index]);
    }
    return;
  }
  out.push({ value, apiVersion, kind, path });
}
