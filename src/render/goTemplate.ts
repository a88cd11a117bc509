/**
 * The part of Go's text/template that ApplicationSet templates mostly use
 * (pure), as Argo CD renders each string of a set's template, and its
 * `templatePatch`, when `goTemplate` is on: actions that print a parameter
 * (`{{ .cluster.name }}`), an item of a list (`{{ index .path.segments 1
 * }}`), or either passed through a few of the sprig functions Argo CD gives
 * templates, called or piped (`{{ .path.basename | lower }}`, `{{ normalize
 * .name }}`, `{{ default "main" .branch }}`, `{{ trunc 63 .name }}`, `{{
 * replace "." "-" .host }}`, `printf` with `%s` and `%v`, `trim`,
 * `trimPrefix`, `trimSuffix`, `hasPrefix`, `hasSuffix`, `contains`,
 * `title`, `quote`, `squote`, `cat`, `len`, `toString`, `hasKey`, `empty`,
 * `join`, `splitList`, `first`, `last`, `has`, `list`, `base`, `dir`, `ext`);
 * variables (`$x := …`, `$x = …`); `if` / `else if` /
 * `else` on Go's truth, with
 * `eq`, `ne`, `not`, `and` and `or`; `range` over a list or a map; trim
 * markers and comments (goTemplateSyntax.ts reads them).
 *
 * Anything else (another function, a variable no action declared, a
 * parameter that is missing where it is printed, a map or list printed
 * whole, numbers compared, text outside ASCII where Go and JavaScript
 * change letters differently) is refused: null, and the set keeps its
 * notice.
 */
import { isObject } from '../pss/pod.js';
import type { JsonObject, JsonValue } from '../pss/types.js';
import { goText } from './goText.js';
import { sanitizedName } from './gitFilesGenerator.js';
import { parseTemplate } from './goTemplateSyntax.js';
import type { Pipeline, TemplateNode, Word } from './goTemplateSyntax.js';

/** What a parameter missing from the map is: text/template's zero value, an error under `missingkey=error`. */
const missing = Symbol('missing');

/**
 * An int of the template: a number written in it, or what `len` gives. Go
 * takes one where a function wants an int (`trunc 5`, `index .l 1`), which
 * a parameter never is: Argo CD's parameters come from JSON, float64s.
 */
class GoInt {
  constructor(readonly value: number) {}
}

type Value = JsonValue | typeof missing | GoInt;

/** A map of the parameters (not an int of the template, nor a missing one). */
function isMap(value: Value | undefined): value is JsonObject {
  return value !== undefined && value !== missing && !(value instanceof GoInt) && isObject(value);
}

/** How the set's template options read a missing parameter. */
export interface GoTemplateOptions {
  /** `missingkey=error`: a missing parameter fails the template. */
  readonly missingKeyError: boolean;
}

/** `text` with its actions carried out; null when it holds one not read here, or one that fails in Go. */
export function renderGoTemplate(text: string, params: JsonObject, options: GoTemplateOptions = { missingKeyError: false }): string | null {
  if (!text.includes('{{')) return text;
  const tree = parseTemplate(text);
  if (tree === null) return null;
  const out: Output = { parts: [], work: 0 };
  const variables = new Variables(null);
  variables.declare('$', params);
  return run(tree, { dot: params, variables }, options, out) ? out.parts.join('') : null;
}

/**
 * What a template writes, and the work it took: nodes carried out plus
 * characters written. A template whose ranges nest over the parameters'
 * lists could write far more than its input: past `workLimit` it is
 * refused (the set keeps its notice), so that no set stalls a review.
 */
interface Output {
  readonly parts: string[];
  work: number;
}

const workLimit = 1_000_000;

/** Where an action is evaluated: the dot, and the variables in scope (`$` is the parameters). */
interface Scope {
  readonly dot: Value;
  readonly variables: Variables;
}

/**
 * The variables in scope: a block's own, then those of the blocks around
 * it. Go ends a declaration with the `end` of its `if`, `with` or `range`
 * (each branch, and each item of a range, a block of its own); setting one
 * (`$x = …`) changes it where it was declared.
 */
class Variables {
  private readonly own = new Map<string, Value>();

  constructor(private readonly outer: Variables | null) {}

  get(name: string): Value | undefined {
    return this.own.has(name) ? this.own.get(name) : this.outer?.get(name);
  }

  declare(name: string, value: Value): void {
    this.own.set(name, value);
  }

  /** False when no block declared it (Go refuses the template). */
  assign(name: string, value: Value): boolean {
    if (this.own.has(name)) {
      this.own.set(name, value);
      return true;
    }
    return this.outer?.assign(name, value) ?? false;
  }

  inner(): Variables {
    return new Variables(this);
  }
}

/** Carries out `nodes`, writing what they print to `out`; false when one fails, is refused, or the work is over its limit. */
function run(nodes: readonly TemplateNode[], scope: Scope, options: GoTemplateOptions, out: Output): boolean {
  for (const node of nodes) {
    out.work += 1 + (node.kind === 'text' ? node.text.length : 0);
    if (out.work > workLimit) return false;
    switch (node.kind) {
      case 'text':
        out.parts.push(node.text);
        break;
      case 'print': {
        const value = pipelineValue(node.pipeline, scope, options);
        // Go prints `<no value>` for a missing parameter and `map[…]` for a map: no one means either.
        const text = printedScalar(value);
        if (text === null) return false;
        out.work += text.length;
        out.parts.push(text);
        break;
      }
      case 'if': {
        let taken: readonly TemplateNode[] = node.otherwise;
        for (const { condition, body } of node.branches) {
          const value = pipelineValue(condition, scope, options);
          if (value === undefined) return false;
          if (isTrue(value)) {
            taken = body;
            break;
          }
        }
        if (!run(taken, { ...scope, variables: scope.variables.inner() }, options, out)) return false;
        break;
      }
      case 'declare': {
        const value = pipelineValue(node.pipeline, scope, options);
        if (value === undefined) return false;
        if (!node.assign) scope.variables.declare(node.name, value);
        else if (!scope.variables.assign(node.name, value)) return false;
        break;
      }
      case 'with': {
        const value = pipelineValue(node.pipeline, scope, options);
        if (value === undefined) return false;
        const variables = scope.variables.inner();
        if (!(isTrue(value) ? run(node.body, { dot: value, variables }, options, out) : run(node.otherwise, { ...scope, variables }, options, out))) return false;
        break;
      }
      case 'range':
        if (!runRange(node, scope, options, out)) return false;
        break;
    }
  }
  return true;
}

/** `range` over a list (items in order) or a map (values by sorted key, as Go sorts them); nothing, or `else`, when empty or missing. */
function runRange(node: Extract<TemplateNode, { kind: 'range' }>, scope: Scope, options: GoTemplateOptions, out: Output): boolean {
  const value = pipelineValue(node.pipeline, scope, options);
  if (value === undefined) return false;
  let entries: [JsonValue, JsonValue][];
  if (value === missing || value === null) entries = [];
  else if (Array.isArray(value)) entries = value.map((item, i) => [i, item]);
  else if (isMap(value)) {
    const keys = Object.keys(value);
    // Go sorts keys by their bytes, which UTF-16 order matches on ASCII only.
    if (!keys.every((key) => ascii.test(key))) return false;
    entries = keys.sort(byteOrder).map((key) => [key, value[key] ?? null]);
  }
  // Go ranges over a number too (Go 1.22), and fails on anything else: neither is read here.
  else return false;
  if (entries.length === 0) return run(node.otherwise, { ...scope, variables: scope.variables.inner() }, options, out);
  for (const [key, item] of entries) {
    const variables = scope.variables.inner();
    // One variable takes the item; two take the index (or key) and the item.
    const [first, second] = node.variables;
    if (first !== undefined && second === undefined) variables.declare(first, item);
    if (first !== undefined && second !== undefined) {
      variables.declare(first, key);
      variables.declare(second, item);
    }
    if (!run(node.body, { dot: item, variables }, options, out)) return false;
  }
  return true;
}

/** Go sorts string map keys by their bytes: UTF-16 order agrees on ASCII (runRange reads no other keys). */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** text/template's truth: false, 0, nil, "", an empty list or map, and a missing parameter are false. */
function isTrue(value: Value): boolean {
  return !isEmpty(value);
}

// ---------------------------------------------------------------------------
// Evaluating a pipeline.

/** What a pipeline gives; undefined when a command fails or is not read here. */
function pipelineValue(pipeline: Pipeline, scope: Scope, options: GoTemplateOptions): Value | undefined {
  let value: Value | undefined;
  for (const [i, words] of pipeline.entries()) {
    value = commandValue(words, i === 0 ? [] : [value!], scope, options);
    if (value === undefined) return undefined;
  }
  return value;
}

/** What a command gives (`piped`: the value of the command before it, its last argument); undefined when it is not read here. */
function commandValue(words: readonly Word[], piped: readonly Value[], scope: Scope, options: GoTemplateOptions): Value | undefined {
  const [head, ...rest] = words;
  if (head === undefined) return undefined;
  if (head.kind !== 'name') return rest.length === 0 && piped.length === 0 ? wordValue(head, scope, options) : undefined;
  const args: Value[] = [];
  for (const word of rest) {
    const value = word.kind === 'name' ? undefined : wordValue(word, scope, options);
    if (value === undefined) return undefined;
    args.push(value);
  }
  return called(head.name, [...args, ...piped], options);
}

/**
 * A literal, or what a field chain names: `missing` from a key its map lacks
 * on (a failure under missingkey=error); undefined past a value that is no
 * map (text/template fails there), and for a variable no `range` declared.
 */
function wordValue(word: Exclude<Word, { kind: 'name' }>, scope: Scope, options: GoTemplateOptions): Value | undefined {
  if (word.kind === 'literal') return typeof word.value === 'number' ? new GoInt(word.value) : word.value;
  if (word.kind === 'pipeline') return pipelineValue(word.pipeline, scope, options);
  let value: Value | undefined = word.base === 'dot' ? scope.dot : scope.variables.get(word.base.variable);
  if (value === undefined) return undefined;
  for (const name of word.path) {
    // The fields of a missing key are missing too (Go's zero value), unless missing keys fail.
    if (value === missing) return options.missingKeyError ? undefined : missing;
    // A field of anything but a map (a null among them) fails.
    if (!isMap(value)) return undefined;
    if (!Object.hasOwn(value, name)) return options.missingKeyError ? undefined : missing;
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
  // A missing parameter fails under missingkey=error before any function sees it; else it is nil, which only these take.
  if (args.some((arg) => arg === missing) && (options.missingKeyError || !takesNil.has(name))) return undefined;
  const [a, b, c] = args;
  switch (name) {
    case 'eq':
    case 'ne': {
      if (args.length < 2 || (name === 'ne' && args.length !== 2)) return undefined;
      const equal = args.slice(1).map((other) => comparedEqual(a!, other));
      if (equal.some((e) => e === undefined)) return undefined;
      return name === 'eq' ? equal.includes(true) : !equal[0];
    }
    case 'not':
      return args.length === 1 ? !isTrue(a!) : undefined;
    // Go's `and` gives its first false argument, else its last; `or` its first true one, else its last.
    case 'and':
    case 'or': {
      if (args.length === 0) return undefined;
      // The first that decides, a nil among them (a null, which `??` would pass over).
      const at = args.findIndex((arg) => isTrue(arg) === (name === 'or'));
      return args[at < 0 ? args.length - 1 : at];
    }
    case 'index':
      return args.length === 2 && Array.isArray(a) && b instanceof GoInt && b.value >= 0 && b.value < a.length ? (a[b.value] ?? null) : undefined;
    case 'lower':
      return args.length === 1 && asciiText(a) ? a.toLowerCase() : undefined;
    case 'upper':
      return args.length === 1 && asciiText(a) ? a.toUpperCase() : undefined;
    case 'normalize':
      return args.length === 1 && asciiText(a) ? sanitizedName(a) : undefined;
    case 'trunc':
      return args.length === 2 && a instanceof GoInt && asciiText(b) ? truncated(b, a.value) : undefined;
    case 'replace':
      return args.length === 3 && asciiText(a) && a !== '' && asciiText(b) && asciiText(c) ? c.split(a).join(b) : undefined;
    case 'default':
      return args.length === 2 && a !== missing ? (isEmpty(b) ? (a ?? null) : (b ?? null)) : undefined;
    case 'printf':
      return asciiText(a) ? printed(a, args.slice(1)) : undefined;
    case 'trim':
      return args.length === 1 && asciiText(a) ? a.trim() : undefined;
    case 'trimPrefix':
      return args.length === 2 && asciiText(a) && asciiText(b) ? (b.startsWith(a) ? b.slice(a.length) : b) : undefined;
    case 'trimSuffix':
      return args.length === 2 && asciiText(a) && asciiText(b) ? (a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b) : undefined;
    case 'hasPrefix':
      return args.length === 2 && asciiText(a) && asciiText(b) ? b.startsWith(a) : undefined;
    case 'hasSuffix':
      return args.length === 2 && asciiText(a) && asciiText(b) ? b.endsWith(a) : undefined;
    case 'contains':
      return args.length === 2 && asciiText(a) && asciiText(b) ? b.includes(a) : undefined;
    case 'title':
      return args.length === 1 && asciiText(a) ? titled(a) : undefined;
    case 'toString': {
      const text = args.length === 1 ? scalarText(a) : undefined;
      return text ?? undefined;
    }
    case 'quote':
    case 'squote':
    case 'cat': {
      // Each argument as sprig's strval writes it, joined by spaces (a nil one is left out).
      const texts = args.map(scalarText);
      if (args.length === 0 || texts.some((text) => text === undefined || (name !== 'cat' && /["'\\]/.test(text)))) return undefined;
      const shown = texts as string[];
      if (name === 'cat') return shown.join(' ');
      return shown.map((text) => (name === 'quote' ? `"${text}"` : `'${text}'`)).join(' ');
    }
    case 'hasKey':
      return args.length === 2 && isMap(a) && typeof b === 'string' ? Object.hasOwn(a, b) : undefined;
    case 'empty':
      return args.length === 1 ? isEmpty(a) : undefined;
    case 'join':
      return args.length === 2 && asciiText(a) && Array.isArray(b) && b.every(asciiText) ? (b as string[]).join(a) : undefined;
    case 'splitList':
      return args.length === 2 && asciiText(a) && a !== '' && asciiText(b) ? b.split(a) : undefined;
    case 'first':
    case 'last':
      if (args.length !== 1 || !Array.isArray(a)) return undefined;
      // Of an empty list, nil.
      return (name === 'first' ? a[0] : a.at(-1)) ?? null;
    case 'has':
      return args.length === 2 && Array.isArray(b) && (typeof a === 'string' || typeof a === 'boolean') ? b.includes(a) : undefined;
    case 'list':
      return args.every((arg) => arg !== missing) ? (args as JsonValue[]) : undefined;
    case 'base':
    case 'dir':
    case 'ext':
      return args.length === 1 && asciiText(a) ? pathPart(name, a) : undefined;
    case 'len':
      if (args.length !== 1) return undefined;
      if (asciiText(a)) return new GoInt(a.length);
      return Array.isArray(a) ? new GoInt(a.length) : isMap(a) ? new GoInt(Object.keys(a).length) : undefined;
    default:
      return undefined;
  }
}

/**
 * A value as sprig's strval writes it, for functions that take any: ASCII
 * text as it is, a boolean or number as Go prints it; undefined for what is
 * not read here (nil, maps, lists, text outside ASCII or with control
 * characters that %q would escape).
 */
function scalarText(value: Value | undefined): string | undefined {
  if (typeof value === 'string') return /^[\x20-\x7e]*$/.test(value) ? value : undefined;
  return printedScalar(value) ?? undefined;
}

/** A text, boolean, number or int of the template as Go prints it; null for anything else (nil, a missing parameter, a map or list). */
function printedScalar(value: Value | undefined): string | null {
  if (value instanceof GoInt) return String(value.value);
  return typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number' ? goText(value) : null;
}

/**
 * Go's fmt.Sprintf with `%s` (text), `%v` (text, a boolean or a number as
 * Go prints it) and `%%` only, each verb given exactly one argument;
 * undefined for anything else, which Go would print as `%!s(…)`,
 * `%!(EXTRA …)` or with flags and widths not read here.
 */
function printed(format: string, args: readonly Value[]): string | undefined {
  let next = 0;
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (char !== '%') {
      out += char;
      continue;
    }
    const verb = format[++i];
    if (verb === '%') out += '%';
    else if (verb === 's' || verb === 'v') {
      const arg = args[next++];
      const text = verb === 's' ? (typeof arg === 'string' ? arg : undefined) : scalarText(arg);
      if (text === undefined || !ascii.test(text)) return undefined;
      out += text;
    } else return undefined;
  }
  return next === args.length ? out : undefined;
}

/** Go's path.Base, path.Dir and path.Ext, as sprig's `base`, `dir` and `ext` call them. */
function pathPart(name: 'base' | 'dir' | 'ext', path: string): string {
  if (name === 'ext') {
    const dot = path.lastIndexOf('.');
    return dot >= 0 && !path.slice(dot).includes('/') ? path.slice(dot) : '';
  }
  if (name === 'dir') return cleaned(path.slice(0, path.lastIndexOf('/') + 1));
  const trimmed = path.replace(/\/+$/, '');
  if (path === '') return '.';
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's path.Clean: one slash between elements, no `.`, `..` taken back where it can be, `.` for nothing. */
function cleaned(path: string): string {
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else if (part !== '..' || !rooted) out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

/** Go's deprecated strings.Title on ASCII, as sprig's `title` calls it: a letter after anything but a letter, digit or `_` is upper-cased. */
function titled(text: string): string {
  return text.replace(/(^|[^A-Za-z0-9_])([a-z])/g, (_whole, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}

/** The functions a missing parameter (Go's nil) may be given, outside missingkey=error. */
const takesNil = new Set(['default', 'eq', 'ne', 'not', 'and', 'or', 'empty']);

/**
 * Whether `eq` finds two values equal: nil (or a missing parameter) only
 * to nil, texts, booleans and the template's ints to their own kind.
 * Undefined where Go fails (values of two kinds, lists, maps, a parameter's
 * float64 against an int), and for two float64s, which are not read here.
 */
function comparedEqual(a: Value, b: Value): boolean | undefined {
  const nil = (v: Value) => v === null || v === missing;
  if (nil(a) || nil(b)) return nil(a) && nil(b);
  if ((typeof a === 'string' && typeof b === 'string') || (typeof a === 'boolean' && typeof b === 'boolean')) return a === b;
  // Two ints of the template (`eq (len .files) 0`); an int and a parameter's float64 fail in Go.
  if (a instanceof GoInt && b instanceof GoInt) return a.value === b.value;
  return undefined;
}

/** sprig's trunc: the first `count` characters, or the last `-count` when it is negative. */
function truncated(text: string, count: number): string {
  if (count < 0) return text.length + count > 0 ? text.slice(text.length + count) : text;
  return text.length > count ? text.slice(0, count) : text;
}

/** sprig's empty: nil, "", 0, false, and an empty list or map. */
function isEmpty(value: Value | undefined): boolean {
  if (value === undefined || value === missing || value === null || value === '' || value === 0 || value === false) return true;
  if (value instanceof GoInt) return value.value === 0;
  if (Array.isArray(value)) return value.length === 0;
  return isMap(value) && Object.keys(value).length === 0;
}
