/**
 * The part of Go's text/template that ApplicationSet templates mostly use
 * (pure): actions that print a parameter, `{{ .cluster.name }}`, or an
 * item of a list of them, `{{ index .path.segments 1 }}`, as Argo CD
 * renders each string of a set's template when `goTemplate` is on.
 *
 * Anything else (a pipeline, a function, a trim marker, a comment, a
 * parameter that is missing, a map or list printed whole) is refused: null,
 * and the set keeps its notice, since Argo CD's sprig functions and template
 * options are not reproduced here.
 */
import { isObject } from '../pss/pod.js';
import type { JsonObject, JsonValue } from '../pss/types.js';
import { goText } from './goText.js';

/** An action: `{{`, its words, `}}`. */
const action = /\{\{([\s\S]*?)\}\}/g;
/** A field chain, `.a.b` (each name a Go identifier). */
const chain = /^(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;
/** `index CHAIN N`. */
const indexed = /^index\s+((?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s+(\d+)$/;

/** `text` with each action replaced by what it prints; null when an action is not one read here. */
export function renderGoTemplate(text: string, params: JsonObject): string | null {
  // An action left open does not parse.
  if (text.replace(action, '').includes('{{')) return null;
  let refused = false;
  const out = text.replace(action, (_whole, inner: string) => {
    const printed = printedBy(inner, params);
    if (printed === null) refused = true;
    return printed ?? '';
  });
  return refused ? null : out;
}

function printedBy(inner: string, params: JsonObject): string | null {
  // Trim markers (`{{- `, ` -}}`) and comments change the text around the action: not read here.
  if (/^-\s|\s-$|^\/\*/.test(inner)) return null;
  const words = inner.trim();
  if (chain.test(words)) return scalarText(field(params, words));
  const index = indexed.exec(words);
  if (index === null) return null;
  const list = field(params, index[1]!);
  return Array.isArray(list) ? scalarText(list[Number(index[2])]) : null;
}

/** The value at a field chain; undefined when a step is missing or not a map. */
function field(params: JsonObject, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = params;
  for (const name of path.slice(1).split('.')) value = isObject(value) && Object.hasOwn(value, name) ? value[name] : undefined;
  return value;
}

/** A scalar as the template prints it (fmt's %v); null for a missing value, a null, a map or a list. */
function scalarText(value: JsonValue | undefined): string | null {
  return value === undefined || value === null || typeof value === 'object' ? null : goText(value);
}
