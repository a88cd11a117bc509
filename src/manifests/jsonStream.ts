/**
 * kubectl reads a file whose first non-space character is `{` as a stream
 * of JSON objects (apimachinery's YAMLOrJSONDecoder), not as YAML: there,
 * a `//` comment, a trailing comma or a YAML 1.1 `yes` is an error, where a
 * YAML reader would take the text for a string or a flow mapping and check
 * nothing. Such a file must therefore be JSON, object after object; the
 * YAML readers still read it (for valid JSON they give the same values) and
 * place its fields, each object as a document of its own (load.ts): kubectl
 * reads objects one after another, with only spaces between them, where
 * YAML needs a `---` line.
 */
import { errorMessage } from '../errorMessage.js';

/** Where the text stops being a JSON stream, and why; null when it is one (or is not JSON to kubectl). */
export interface JsonStreamError {
  readonly offset: number;
  readonly message: string;
}

/** Go's unicode.IsSpace, which kubectl trims before it looks for `{`. */
const goSpace = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const jsonSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** True when kubectl decodes this text as JSON. */
export function readAsJson(text: string): boolean {
  let i = 0;
  while (i < text.length && goSpace.test(text.charAt(i))) i++;
  return text.charAt(i) === '{';
}

/**
 * The end of the JSON value that starts at `from` (an object or array: just
 * after its closing bracket), found by bracket depth outside strings; the
 * text's length when it never closes (JSON.parse then says why).
 */
function valueEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') {
      for (i++; i < text.length && text.charAt(i) !== '"'; i++) if (text.charAt(i) === '\\') i++;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0) {
      // A scalar at the top level: up to the next space or bracket.
      let j = i;
      while (j < text.length && !jsonSpace(text.charAt(j)) && !'{['.includes(text.charAt(j))) j++;
      return j;
    }
  }
  return text.length;
}

/** Where each top-level value of a text kubectl reads as JSON starts and ends, in order (each value as valueEnd bounds it). */
export function jsonValueRanges(text: string): (readonly [number, number])[] {
  const ranges: (readonly [number, number])[] = [];
  for (let i = 0; ; ) {
    while (jsonSpace(text.charAt(i))) i++;
    if (i >= text.length) return ranges;
    const end = valueEnd(text, i);
    ranges.push([i, end]);
    i = end;
  }
}

/** Whether kubectl reads this text as several JSON objects one after another. */
export function isJsonStream(text: string): boolean {
  return readAsJson(text) && jsonValueRanges(text).length > 1;
}

/** Check a text kubectl reads as JSON: each value (given by jsonValueRanges) must parse and be an object. */
export function jsonStreamError(text: string, values: readonly (readonly [number, number])[] = jsonValueRanges(text)): JsonStreamError | null {
  for (const [start, end] of values) {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch (caught) {
      const message = errorMessage(caught);
      const at = /position (\d+)/.exec(message);
      return { offset: start + (at ? Number(at[1]) : 0), message: message.replace(/ in JSON at position \d+.*$/, '') };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { offset: start, message: `expected an object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}` };
    }
  }
  return null;
}
