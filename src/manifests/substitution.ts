import { isObject } from '../pss/pod.js';
import type { JsonValue } from '../pss/types.js';

/**
 * Variables that a tool substitutes in a manifest before it reaches the
 * cluster: Flux's Kustomization `postBuild` (drone/envsubst) and `envsubst`
 * write them `${NAME}`, with an operator after the name at times
 * (`${NAME:=default}`, `${NAME:-default}`, `${NAME^^}`, `${NAME/a/b}`) or a
 * `#` before it (its length). A text holding one is not what the API server
 * would see as written.
 */
export const substitutedVariable = /\$\{#?[A-Za-z_][A-Za-z0-9_]*[^}]*\}/;

/** A whole value that envsubst replaces without braces: `$PORT`. */
const bareVariable = /^\$[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A whole value that a build step replaces, in capitals and underscores:
 * gatekeeper's helmify writes `replicas: HELMSUBST_DEPLOYMENT_REPLICAS` and
 * turns it into a Helm action. At least two words, so that a lone word
 * (`ALL`, `TCP`) is never taken for one.
 */
const capitalPlaceholder = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * The variable or placeholder that makes a value of the wrong type what a
 * tool fills in before the object reaches the cluster, when there is one: a
 * `${NAME}` within a string, a string that is `$NAME` whole, or where a
 * scalar belongs (`capitals`) one that is `A_PLACEHOLDER` whole, or a
 * mapping whose every key is a placeholder with an empty value (helmify's
 * `tolerations: {HELMSUBST_TOLERATIONS: ""}`, where a list belongs).
 * Undefined for a value that is simply of the wrong type: where a list
 * belongs, `add: NET_ADMIN` is a capability written without its list.
 */
export function placeholderIn(value: JsonValue, capitals: boolean): string | undefined {
  if (typeof value === 'string') {
    const braced = substitutedVariable.exec(value)?.[0];
    if (braced !== undefined) return braced;
    return bareVariable.test(value) || (capitals && capitalPlaceholder.test(value)) ? value : undefined;
  }
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  const empty = (key: string) => value[key] === '' || value[key] === null;
  const placeholders = keys.every((key) => empty(key) && (capitalPlaceholder.test(key) || substitutedVariable.test(key)));
  return keys.length > 0 && placeholders ? keys[0] : undefined;
}
