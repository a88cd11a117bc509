/** How Go prints a value decoded from JSON (pure): what Argo CD puts in an ApplicationSet's parameters. */
import type { JsonValue } from '../pss/types.js';

/**
 * A scalar as Go's `%v` prints what encoding/json decoded: a number is a
 * float64, printed in exponent form from 1e+06 up and below 1e-04; only
 * those JavaScript prints the same are taken.
 */
export function goText(value: JsonValue): string | null {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'number' || Object.is(value, -0)) return null;
  const size = Math.abs(value);
  return size === 0 || (size >= 1e-4 && size < 1e6) ? String(value) : null;
}
