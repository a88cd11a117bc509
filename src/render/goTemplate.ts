/**
 * The part of Go's text/template that ApplicationSet templates mostly use
 * (pure), as Argo CD renders each string of a set's template when
 * `goTemplate` is on: actions that print a parameter (`{{ .cluster.name }}`),
 * an item of a list (`{{ index .path.segments 1 }}`), or either passed
 * through a few of the sprig functions Argo CD gives templates, called or
 * piped (`{{ .path.basename | lower }}`, `{{ normalize .name }}`,
 * `{{ default "main" .branch }}`, `{{ trunc 63 .name }}`,
 * `{{ replace "." "-" .host }}`).
 *
 * Anything else (another function, a variable, a trim marker, a comment, a
 * parameter that is missing, a map or list printed whole, text outside
 * ASCII where Go and JavaScript change letters differently) is refused:
 * null, and the set keeps its notice.
 */
import { isObject } from '../pss/pod.js';
import type { JsonObject, JsonValue } from '../pss/types.js';
import { goText } from './goText.js';
import { sanitizedName } from './gitFilesGenerator.js';

/** An action: `{{`, its words, `}}`. */
const action = /\{\{([\s\S]*?)\}\}/g;

/** What a parameter missing from the map is: text/template's zero value, an error under `missingkey=error`. */
const missing = Symbol('missing');
type Value = JsonValue | typeof missing;

/** How the set's template options read a missing parameter. */
export interface GoTemplateOptions {
  /** `missingkey=error`: a missing parameter fails the template. */
  readonly missingKeyError: boolean;
}

/** `text` with each action replaced by what it prints; null when an action is not one read here. */
export function renderGoTemplate(text: string, params: JsonObject, options: GoTemplateOptions = { missingKeyError: false }): string | null {
  // An action left open does not parse.
  if (text.replace(action, '').includes('{{')) return null;
  let refused = false;
  const out = text.replace(action, (_whole, inner: string) => {
    const printed = printedBy(inner, params, options);
    if (printed === null) refused = true;
    return printed ?? '';
  });
  return refused ? null : out;
}

function printedBy(inner: string, params: JsonObject, options: GoTemplateOptions): string | null {
  // Trim markers (`{{- `, ` -}}`) and comments change the text around the action: not read here.
  if (/^-\s|\s-$|^\/\*/.test(inner)) return null;
  const commands = pipelineOf(inner);
  if (commands === null) return null;
  let value: Value | undefined;
  for (const [i, words] of commands.entries()) {
    value = commandValue(words, i === 0 ? [] : [value!], params, options);
    if (value === undefined) return null;
  }
  return value === undefined || value === missing || value === null || typeof value === 'object' ? null : goText(value);
}

// ---------------------------------------------------------------------------
// Reading an action.

/** A word of a command: a field chain, a string or number literal, or a function's name. */
type Word = { readonly kind: 'chain'; readonly path: readonly string[] } | { readonly kind: 'literal'; readonly value: string | number } | { readonly kind: 'name'; readonly name: string };

const wordPattern = /\s*(?:(\|)|"([^"\\]*)"|(-?\d+)(?![\w.])|((?:\.[A-Za-z_][A-Za-z0-9_]*)+)|([A-Za-z_][A-Za-z0-9_]*))/y;

/** The commands of a pipeline (`a | b c`), each its words; null when a word is not one read here. */
function pipelineOf(inner: string): Word[][] | null {
  const commands: Word[][] = [[]];
  wordPattern.lastIndex = 0;
  let at = 0;
  while (at < inner.length && inner.slice(at).trim() !== '') {
    wordPattern.lastIndex = at;
    const match = wordPattern.exec(inner);
    if (match === null) return null;
    at = wordPattern.lastIndex;
    const [, pipe, text, number, chain, name] = match;
    if (pipe !== undefined) commands.push([]);
    else if (text !== undefined) commands.at(-1)!.push({ kind: 'literal', value: text });
    else if (number !== undefined) commands.at(-1)!.push({ kind: 'literal', value: Number(number) });
    else if (chain !== undefined) commands.at(-1)!.push({ kind: 'chain', path: chain.slice(1).split('.') });
    else commands.at(-1)!.push({ kind: 'name', name: name! });
  }
  return commands.every((words) => words.length > 0) ? commands : null;
}

/** What a command gives (`piped`: the value of the command before it, its last argument); undefined when it is not read here. */
function commandValue(words: readonly Word[], piped: readonly Value[], params: JsonObject, options: GoTemplateOptions): Value | undefined {
  const [head, ...rest] = words;
  if (head === undefined) return undefined;
  if (head.kind !== 'name') return rest.length === 0 && piped.length === 0 ? wordValue(head, params) : undefined;
  const args: Value[] = [];
  for (const word of rest) {
    const value = word.kind === 'name' ? undefined : wordValue(word, params);
    if (value === undefined) return undefined;
    args.push(value);
  }
  return called(head.name, [...args, ...piped], options);
}

/** A literal, or the parameter a field chain names: `missing` from a key its map lacks on; undefined past a value that is no map (text/template fails there). */
function wordValue(word: Exclude<Word, { kind: 'name' }>, params: JsonObject): Value | undefined {
  if (word.kind === 'literal') return word.value;
  let value: JsonValue = params;
  for (const name of word.path) {
    // A field of anything but a map (a null among them) fails.
    if (!isObject(value)) return undefined;
    // A missing key gives nothing, and so does every field after it (an error under missingkey=error).
    if (!Object.hasOwn(value, name)) return missing;
    value = value[name] ?? null;
  }
  return value;
}

// ---------------------------------------------------------------------------
// The functions.

/** Printable ASCII and spaces: where Go's and JavaScript's letter cases and byte counts agree. */
const ascii = /^[\x20-\x7e\t\n\r]*$/;

const asciiText = (value: Value | undefined): value is string => typeof value === 'string' && ascii.test(value);

/** A function of the template applied to its arguments (the piped value last); undefined when it is not one read here, or would fail. */
function called(name: string, args: readonly Value[], options: GoTemplateOptions): Value | undefined {
  // A missing parameter fails under missingkey=error before any function sees it; else it is nil, which only `default` takes.
  if (args.some((arg) => arg === missing) && (options.missingKeyError || name !== 'default')) return undefined;
  const [a, b, c] = args;
  switch (name) {
    case 'index':
      return args.length === 2 && Array.isArray(a) && typeof b === 'number' && Number.isInteger(b) && b >= 0 && b < a.length ? (a[b] ?? null) : undefined;
    case 'lower':
      return args.length === 1 && asciiText(a) ? a.toLowerCase() : undefined;
    case 'upper':
      return args.length === 1 && asciiText(a) ? a.toUpperCase() : undefined;
    case 'normalize':
      return args.length === 1 && asciiText(a) ? sanitizedName(a) : undefined;
    case 'trunc':
      return args.length === 2 && typeof a === 'number' && Number.isInteger(a) && asciiText(b) ? truncated(b, a) : undefined;
    case 'replace':
      return args.length === 3 && asciiText(a) && a !== '' && asciiText(b) && asciiText(c) ? c.split(a).join(b) : undefined;
    case 'default':
      return args.length === 2 && a !== missing ? (isEmpty(b) ? (a ?? null) : (b ?? null)) : undefined;
    default:
      return undefined;
  }
}

/** sprig's trunc: the first `count` characters, or the last `-count` when it is negative. */
function truncated(text: string, count: number): string {
  if (count < 0) return text.length + count > 0 ? text.slice(text.length + count) : text;
  return text.length > count ? text.slice(0, count) : text;
}

/** sprig's empty: nil, "", 0, false, and an empty list or map. */
function isEmpty(value: Value | undefined): boolean {
  if (value === undefined || value === missing || value === null || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}
