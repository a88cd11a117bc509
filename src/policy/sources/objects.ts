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
  const visit = (value: JsonObject, path: FieldPath) => {
    const kind = typeof value.kind === 'string' ? value.kind : '';
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
    if (kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item, index) => {
        if (isObject(item)) visit(item, [...path, 'items', index]);
      });
      return;
    }
    out.push({ value, apiVersion, kind, path });
  };
  if (isObject(document.value)) visit(document.value, []);
  return out;
}
