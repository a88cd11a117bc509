/**
 * An ApplicationSet's `templatePatch` applied to one of its Applications
 * (pure), as Argo CD applies it: the patch text is a Go template rendered
 * with the Application's parameters (goTemplate.ts), read as YAML as
 * kubectl reads it, and merged into the Application as a strategic merge
 * patch on Argo CD's types, which name no merge keys: maps merge key by
 * key, a null removes its key, lists and scalars replace. (ObjectMeta's
 * `finalizers` and `ownerReferences` merge by their own keys in Argo CD;
 * neither reaches a chart's rendering.) The patch never changes the
 * Application's `project`.
 *
 * A patch that is not read here (its template refused, YAML that is not one
 * mapping, a `$patch` or other directive of a strategic merge) gives null,
 * and the set keeps its notice.
 */
import { loadManifestFile } from '../manifests/load.js';
import { isObject } from '../pss/pod.js';
import type { JsonObject, JsonValue } from '../pss/types.js';
import { renderGoTemplate } from './goTemplate.js';
import type { GoTemplateOptions } from './goTemplate.js';
import { mergedJson } from './jsonMerge.js';

export function patchedApplication(application: JsonObject, patch: string, params: JsonObject, options: GoTemplateOptions): JsonObject | null {
  const text = renderGoTemplate(patch, params, options);
  if (text === null) return null;
  const loaded = loadManifestFile('templatePatch', text);
  const [document, ...more] = loaded.documents;
  if (loaded.problems.length > 0 || more.length > 0) return null;
  // A patch whose branches all left it empty (YAML's null) changes nothing.
  if (document === undefined || document.value === null) return application;
  if (!isObject(document.value) || hasDirective(document.value)) return null;
  const merged = mergedJson(application, document.value, 'remove');
  // Argo CD keeps the project the template gave: a patch cannot move an Application to another.
  const spec = isObject(merged.spec) ? merged.spec : {};
  const project = isObject(application.spec) ? application.spec.project : undefined;
  const kept: JsonObject = { ...spec };
  if (project === undefined) delete kept.project;
  else kept.project = project;
  return { ...merged, spec: kept };
}

/** A strategic merge patch's directives (`$patch`, `$retainKeys`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…`): keys that start with `$`. */
function hasDirective(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(hasDirective);
  if (!isObject(value)) return false;
  return Object.entries(value).some(([key, inner]) => key.startsWith('$') || hasDirective(inner ?? null));
}
