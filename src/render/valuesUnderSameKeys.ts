/**
 * The values key that holds a rendered field when no template line can be
 * followed to it (pure): a helper handed the map through a `dict` and a
 * variable (DataDog's `generate-security-context`, which `toYaml`s a
 * `$securityContext` merged from `.securityContext`) writes what the
 * template walk (templateLines.ts) cannot trace. The field is then looked
 * up by its last keys (`securityContext.runAsUser`) in the values files:
 * where exactly one values key ends with them and, as helm merges the
 * files, holds the rendered value, that key wrote it. Two or more such
 * keys (the same setting for two containers) place nothing.
 */
import { jsonEqual } from '../fixes/edits.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { FieldPath, JsonValue } from '../pss/types.js';
import { isObject } from '../pss/pod.js';
import { valueAt } from './walk.js';
import { addTo } from '../multiMap.js';

/** How many of a field's last keys a values key must end with: `runAsUser` alone says nothing of whose. */
const keysToMatch = 2;

/** A values file as helm reads it for a template: its document, and the key prefix the template's keys take there. */
export interface ValuesFileOf {
  readonly file: string;
  readonly document: ManifestDocument;
  /** The keys every one of the template's own keys starts with there (a subchart's name, an Application's `valuesObject`). */
  readonly prefix: FieldPath;
}

/** A values key that holds the rendered field: its file and its path there. */
export interface ValuesKeyHit {
  readonly file: string;
  readonly path: FieldPath;
}

/** Each values document's keys by their last `keysToMatch` keys: made once per document, however many findings ask. */
const keysByEnding = new WeakMap<ManifestDocument, Map<string, FieldPath[]>>();

function endingOf(keys: readonly (string | number)[]): string {
  return JSON.stringify(keys.slice(-keysToMatch));
}

function keysOf(document: ManifestDocument): Map<string, FieldPath[]> {
  const known = keysByEnding.get(document);
  if (known !== undefined) return known;
  const byEnding = new Map<string, FieldPath[]>();
  const visit = (value: JsonValue, path: string[]): void => {
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (at.length >= keysToMatch) {
        // Appended in place: a values file of a thousand `image.tag` keys is indexed in linear time.
        addTo(byEnding, endingOf(at), at);
      }
      if (child !== undefined) visit(child, at);
    }
  };
  visit(document.value, []);
  keysByEnding.set(document, byEnding);
  return byEnding;
}

/**
 * The values key that holds the field at `path` of the rendered object
 * (with the items of a list under it: `capabilities.add[3]`), in `files`
 * in helm's order of precedence (the file it reads last first); null unless
 * exactly one key does.
 */
export function valuesKeyUnderSameKeys(files: readonly ValuesFileOf[], path: FieldPath, rendered: JsonValue): ValuesKeyHit | null {
  // The map key the field is under, and the list items below it, if any.
  let keyed = path.length;
  while (keyed > 0 && typeof path[keyed - 1] === 'number') keyed--;
  const keys = path.slice(0, keyed);
  if (keys.length < keysToMatch || keys.slice(-keysToMatch).some((key) => typeof key !== 'string')) return null;
  const value = valueAt(rendered, keys);
  if (value === undefined) return null;
  const within = path.slice(keyed);
  // Each key as the template reads it (past its file's prefix), taken from the first file that sets it, as helm merges them.
  const settled = new Map<string, ValuesKeyHit | null>();
  for (const { file, document, prefix } of files) {
    for (const at of keysOf(document).get(endingOf(keys)) ?? []) {
      if (prefix.some((key, i) => at[i] !== key)) continue;
      const own = JSON.stringify(at.slice(prefix.length));
      if (settled.has(own)) continue;
      settled.set(own, jsonEqual(valueAt(document.value, at), value) ? { file, path: [...at, ...within] } : null);
    }
  }
  const holding = [...settled.values()].filter((hit): hit is ValuesKeyHit => hit !== null);
  return holding.length === 1 ? holding[0]! : null;
}
