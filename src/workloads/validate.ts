/**
 * Check a decoded object against the types of its kind, as the API server's
 * decoder does: a value of the wrong type anywhere in the object (not only in
 * the fields the checks read) makes it refuse the object ("cannot decode"),
 * so it is reported with its field path, the type expected and what was
 * found, and, for YAML 1.1 surprises, how to fix it. The types are those of
 * the Kubernetes API itself (apiTypes.generated.ts, generated from k8s.io/api);
 * unknown fields are ignored, as the decoder ignores them, and null reads as
 * the zero value.
 */
import { placeholderIn } from '../manifests/substitution.js';
import { resolvePlainScalar } from '../manifests/scalars.js';
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonValue } from '../pss/types.js';
import { apiTypes, kindTypes } from './apiTypes.generated.js';

export interface FieldTypeError {
  readonly path: FieldPath;
  readonly message: string;
  /**
   * The value holds a variable or placeholder that a tool fills in before
   * the object reaches the cluster (`${REPLICAS}`: Flux's `postBuild`,
   * envsubst; `HELMSUBST_REPLICAS`: a build step): not an object the API
   * server would see as written (substitution.ts).
   */
  readonly variable?: string;
}


type Scalar = 'string' | 'boolean' | 'int32' | 'int64' | 'number' | 'int-or-string' | 'quantity' | 'time' | 'duration' | 'bytes' | 'any';

/** A type expression of the table, parsed once. */
type FieldType = Scalar | { readonly list: FieldType } | { readonly map: FieldType } | { readonly object: string };

const scalars = new Set<string>(['string', 'boolean', 'int32', 'int64', 'number', 'int-or-string', 'quantity', 'time', 'duration', 'bytes', 'any']);
const parsed = new Map<string, FieldType>();

function typeOf(expression: string): FieldType {
  let type = parsed.get(expression);
  if (type !== undefined) return type;
  if (scalars.has(expression)) type = expression as Scalar;
  else if (expression.startsWith('[')) type = { list: typeOf(expression.slice(1, -1)) };
  else if (expression.startsWith('{')) type = { map: typeOf(expression.slice(1, -1)) };
  else if (Object.hasOwn(apiTypes, expression)) type = { object: expression };
  else throw new Error(`apiTypes: no type ${expression}`);
  parsed.set(expression, type);
  return type;
}

const int32Limit = 2 ** 31;
const isInt32 = (value: JsonValue) => Number.isInteger(value) && (value as number) >= -int32Limit && (value as number) < int32Limit;

/** resource.ParseQuantity's syntax: a decimal number and one suffix (binary, decimal or an exponent). */
const quantity = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;
/** Go's time.RFC3339, which metav1.Time parses. */
const rfc3339 = /^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})$/;

function matches(type: FieldType, value: JsonValue): boolean {
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
      case 'duration':
      case 'bytes':
        return typeof value === 'string';
      case 'boolean':
        return typeof value === 'boolean';
      case 'int32':
        return isInt32(value);
      case 'int64':
        return Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'int-or-string':
        return typeof value === 'string' || isInt32(value);
      case 'quantity':
        return typeof value === 'number' || (typeof value === 'string' && quantity.test(value.trim()));
      case 'time':
        return typeof value === 'string' && rfc3339.test(value);
      case 'any':
        return true;
    }
  }
  if ('list' in type) return Array.isArray(value);
  return isObject(value);
}

const scalarWords: Record<Scalar, string> = {
  string: 'a string',
  boolean: 'a boolean',
  int32: 'a 32-bit integer',
  int64: 'an integer',
  number: 'a number',
  'int-or-string': 'an integer or a string',
  quantity: 'a quantity (such as 500m, 2Gi or 1.5)',
  time: 'a time (RFC 3339, such as 2024-01-31T12:00:00Z)',
  duration: 'a duration (such as 30s)',
  bytes: 'a base64 string',
  any: 'any value',
};

function expected(type: FieldType): string {
  if (typeof type === 'string') return scalarWords[type];
  return 'list' in type ? 'a list' : 'a mapping';
}

function describe(value: JsonValue): string {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** The hint for values that YAML 1.1 turned into something else than the author meant. */
function hint(type: FieldType, value: JsonValue): string {
  if (type === 'string' && (typeof value === 'boolean' || typeof value === 'number')) {
    return ' (YAML 1.1 reads this unquoted value as a non-string; quote it)';
  }
  // A quoted `"true"` or `"80"`: unquoted, it would be of the right type.
  if ((type === 'boolean' || type === 'int32' || type === 'int64') && typeof value === 'string') {
    const unquoted = resolvePlainScalar(value);
    if (unquoted.ok && unquoted.kind === (type === 'boolean' ? 'bool' : 'int')) return ' (remove the quotes)';
  }
  return '';
}

/**
 * Whether a value can hold no error: absent and null are always acceptable
 * (they read as the zero value), and so is the very value at the same path
 * of an object known to validate (a fix leaves all but the fields it edits
 * as they were). Asked before a value is walked, so that neither its path
 * is extended nor its type looked up.
 */
const nothingToFind = (value: JsonValue | undefined, valid: JsonValue | undefined): boolean => value === undefined || value === null || value === valid;

/**
 * `path` is the value's path, extended and restored in place (copied only
 * into an error): the walk is a hot path. `valid` is the value at the same
 * path of an object known to validate without error under the same type,
 * or undefined. The caller has asked nothingToFind first.
 */
function validate(value: JsonValue, type: FieldType, path: (string | number)[], errors: FieldTypeError[], valid: JsonValue | undefined): void {
  if (!matches(type, value)) {
    // A capital word is a placeholder only where a scalar belongs (a number, a boolean): capabilities are capital words too.
    const variable = placeholderIn(value, typeof type === 'string');
    errors.push({ path: [...path], message: `expected ${expected(type)}, found ${describe(value)}${hint(type, value)}`, ...(variable !== undefined ? { variable } : {}) });
    return;
  }
  if (typeof type === 'string') return;
  if ('list' in type) {
    const items = value as JsonValue[];
    const validItems = Array.isArray(valid) ? valid : undefined;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const validItem = validItems?.[index];
      if (nothingToFind(item, validItem)) continue;
      path.push(index);
      validate(item!, type.list, path, errors, validItem);
      path.pop();
    }
    return;
  }
  const fields = 'object' in type ? apiTypes[type.object] : undefined;
  const validFields = isObject(valid) ? valid : undefined;
  const object = value as Record<string, JsonValue | undefined>;
  // A loop over the keys, not Object.entries: every object of every pod spec is walked, and the pairs were garbage.
  for (const key in object) {
    // Unknown fields are ignored, as the decoder ignores them (`constructor` and `__proto__` too).
    if (!Object.hasOwn(object, key) || (fields !== undefined && !Object.hasOwn(fields, key))) continue;
    const item = object[key];
    const validItem = validFields !== undefined && Object.hasOwn(validFields, key) ? validFields[key] : undefined;
    if (nothingToFind(item, validItem)) continue;
    path.push(key);
    validate(item!, fields === undefined ? (type as { map: FieldType }).map : typeOf(fields[key]!), path, errors, validItem);
    path.pop();
  }
}

/**
 * The type errors of an object of a kind that carries a pod spec (its kind
 * name: Pod, Deployment, …). `valid`, when given, is an object of the same
 * kind that validates without error: the parts of `value` that are the very
 * same values (===) as at the same path in it are not walked again, as
 * they cannot hold an error (a field's type depends only on its path).
 */
export function validateObject(value: JsonValue, kind: string, path: FieldPath = [], valid?: JsonValue): FieldTypeError[] {
  const root = kindTypes[kind];
  if (root === undefined) throw new Error(`apiTypes: no type for kind ${kind}`);
  return validateAs(value, root, path, valid);
}

/** The type errors of a pod template at `path` (a custom resource's, whose other fields its CRD types), as validateObject. */
export function validateTemplate(value: JsonValue, path: FieldPath, valid?: JsonValue): FieldTypeError[] {
  return validateAs(value, 'core/v1.PodTemplateSpec', path, valid);
}

function validateAs(value: JsonValue, type: string, path: FieldPath, valid: JsonValue | undefined): FieldTypeError[] {
  const errors: FieldTypeError[] = [];
  if (!nothingToFind(value, valid)) validate(value, typeOf(type), [...path], errors, valid);
  return errors;
}

/** The fields of a named API type (e.g. the volume sources of core/v1.Volume). */
export function fieldsOf(typeName: string): readonly string[] {
  const fields = apiTypes[typeName];
  if (fields === undefined) throw new Error(`apiTypes: no type ${typeName}`);
  return Object.keys(fields);
}
