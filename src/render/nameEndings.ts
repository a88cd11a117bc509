/**
 * The ends of an object's name at its dashes, longest first
 * (`temporal-frontend`: `temporal-frontend`, `frontend`): what a chart's
 * per-element values (`server.frontend`, read through `index` or a `range`)
 * may be named by, where the template puts the element in the name. None
 * for an object without a name.
 */
import { isObject } from '../pss/pod.js';
import type { JsonValue } from '../pss/types.js';

export function nameEndingsOf(object: JsonValue | undefined): string[] {
  const metadata = isObject(object) ? object.metadata : undefined;
  const name = isObject(metadata) && typeof metadata.name === 'string' ? metadata.name : '';
  if (name === '') return [];
  const parts = name.split('-');
  return parts.map((_, from) => parts.slice(from).join('-'));
}
