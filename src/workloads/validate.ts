/**
 * Check decoded values against the field types in schema.ts. A mismatch is
 * what the API server would reject while decoding the object; the message
 * names the field and, for YAML 1.1 surprises, says how to fix it.
 */
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonValue } from '../pss/types.js';
import type { FieldType } from './schema.js';

export interface FieldTypeError {
  readonly path: FieldPath;
  readonly message: string;
}

const int32 = 2 ** 31;

function describe(value: JsonValue): string {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

function expected(type: FieldType): string {
  if (typeof type === 'string') {
    return { string: 'a string', boolean: 'a boolean', int32: 'a 32-bit integer', int64: 'an integer', 'int-or-string': 'an integer or a string', 'any-object': 'a mapping' }[type];
  }
  if ('object' in type || 'map' in type) return 'a mapping';
  return 'a list';
}

/** The hint for values that YAML 1.1 turned into something else than the author meant. */
function hint(type: FieldType, value: JsonValue): string {
  if (type === 'string' && (typeof value === 'boolean' || typeof value === 'number')) {
    return ' (YAML 1.1 reads this unquoted value as a non-string; quote it)';
  }
  if ((type === 'boolean' || type === 'int32' || type === 'int64') && typeof value === 'string') {
    return ' (remove the quotes)';
  }
  return '';
}

function matches(type: FieldType, value: JsonValue): boolean {
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        return typeof value === 'string';
      case 'boolean':
        return typeof value === 'boolean';
      case 'int32':
        return Number.isInteger(value) && (value as number) >= -int32 && (value as number) < int32;
      case 'int64':
        return Number.isInteger(value);
      case 'int-or-string':
        return typeof value === 'string' || Number.isInteger(value);
      case 'any-object':
        return isObject(value);
    }
  }
  if ('list' in type) return Array.isArray(value);
  return isObject(value);
}

export function validateFields(value: JsonValue | undefined, type: FieldType, path: FieldPath = []): FieldTypeError[] {
  // Absent and null are always acceptable: they read as the zero value.
  if (value === undefined || value === null) return [];
  if (!matches(type, value)) {
    return [{ path, message: `expected ${expected(type)}, found ${describe(value)}${hint(type, value)}` }];
  }
  if (typeof type === 'string') return [];
  if ('list' in type) {
    return (value as JsonValue[]).flatMap((item, index) => validateFields(item, type.list, [...path, index]));
  }
  const entries = Object.entries(value as Record<string, JsonValue | undefined>);
  if ('map' in type) return entries.flatMap(([key, item]) => validateFields(item, type.map, [...path, key]));
  return entries.flatMap(([key, item]) => {
    // Unknown fields are ignored, as the decoder ignores them (`constructor` and `__proto__` too).
    const fieldType = Object.hasOwn(type.object, key) ? type.object[key] : undefined;
    return fieldType === undefined ? [] : validateFields(item, fieldType, [...path, key]);
  });
}
