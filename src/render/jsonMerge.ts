/**
 * Deep merges of JSON maps (pure), the two Argo CD makes: a templatePatch,
 * a strategic merge patch on types that name no merge keys, where a null
 * removes its key (templatePatch.ts); and the Go-template parameters of a
 * merge generator, merged by mergo with WithOverride, where a null is a
 * value like any other (applicationSets.ts). In both, a map merges into a
 * map key by key, and anything else replaces what was there.
 */
import { isObject } from '../pss/pod.js';
import type { JsonObject } from '../pss/types.js';

export function mergedJson(base: JsonObject, over: JsonObject, nulls: 'remove' | 'keep'): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if ((value === null || value === undefined) && nulls === 'remove') {
      delete out[key];
      continue;
    }
    const old = out[key];
    // A map merges into a map; over anything else, or nothing, it is set (its own nulls taken out, where nulls remove).
    out[key] = isObject(value) ? mergedJson(isObject(old) ? old : {}, value, nulls) : (value ?? null);
  }
  return out;
}
