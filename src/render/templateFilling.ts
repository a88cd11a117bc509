/**
 * How an ApplicationSet fills its template with an Application's parameters
 * (pure): Argo CD's default `{{param}}` substitution, or, with
 * `goTemplate`, each string rendered as a Go template (goTemplate.ts).
 * applicationSets.ts fills the template with it; the renderer fills an
 * Application's inline values with it again at each commit (InlineFill).
 */
import { isObject } from '../pss/pod.js';
import type { JsonObject, JsonValue } from '../pss/types.js';
import type { TemplateMode } from './gitFilesGenerator.js';
import { renderGoTemplate } from './goTemplate.js';
import type { GoTemplateOptions } from './goTemplate.js';

/** How a set's template is filled: Argo CD's flat `{{name}}` substitution, or Go templates with the set's `goTemplateOptions`. */
export interface Filling {
  readonly mode: TemplateMode;
  readonly goOptions: GoTemplateOptions;
}

export function fillingOf(spec: JsonObject): Filling {
  const options = Array.isArray(spec.goTemplateOptions) ? spec.goTemplateOptions : [];
  return { mode: spec.goTemplate === true ? 'go' : 'flat', goOptions: { missingKeyError: options.includes('missingkey=error') } };
}

/** A `{{ param }}` of Argo CD's default templates, the name trimmed. */
const tag = /\{\{([^}]*)\}\}/g;

/**
 * A template value with each string filled in, as Argo CD fills each string
 * of a set's template: flat, every known `{{param}}` replaced by its value
 * (a string; unknown ones are left as written, as Argo CD leaves them);
 * with Go templates, each string rendered (goTemplate.ts). Undefined when a
 * string is not rendered here.
 */
export function filled(value: JsonValue, params: ReadonlyMap<string, JsonValue>, filling: Filling): JsonValue | undefined {
  if (typeof value === 'string') return filledText(value, params, filling);
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      const done = filled(item, params, filling);
      if (done === undefined) return undefined;
      items.push(done);
    }
    return items;
  }
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    const done = filled(inner ?? null, params, filling);
    if (done === undefined) return undefined;
    out[key] = done;
  }
  return out;
}

/** One string of a set's template filled in (see filled). */
export function filledText(text: string, params: ReadonlyMap<string, JsonValue>, { mode, goOptions }: Filling): string | undefined {
  if (mode === 'go') return text.includes('{{') ? (renderGoTemplate(text, Object.fromEntries(params), goOptions) ?? undefined) : text;
  return text.replace(tag, (whole, name: string) => {
    const param = params.get(name.trim());
    return typeof param === 'string' ? param : whole;
  });
}

/**
 * An ApplicationSet's Application whose inline values hold parameters: the
 * parameters it was made with, and how its set fills them. The values are
 * read from the set's template at each commit (and in each edited tree a
 * suggestion is verified in), then filled with these.
 */
export interface InlineFill {
  readonly params: JsonObject;
  readonly filling: Filling;
}

/** Inline values as the Application has them: the template's, filled; undefined when a string is not rendered here. */
export function filledInline(value: JsonValue, fill: InlineFill): JsonValue | undefined {
  return filled(value, new Map(Object.entries(fill.params).map(([key, param]) => [key, param ?? null])), fill.filling);
}
