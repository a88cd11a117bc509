/**
 * Kyverno conditions (pure): a rule's `preconditions` and a
 * PolicyException's `conditions`, `any` / `all` lists (or a bare list,
 * which is `all`) of `key` / `operator` / `value`.
 *
 * A review knows the object, not the admission request, so only the simple
 * conditions are evaluated: a key or value that is a literal or one whole
 * `{{ … }}` variable reading `request.object` (a dotted path, optionally
 * `|| 'default'`) or `request.namespace`, compared with `Equals` /
 * `NotEquals` (wildcards in the value) or the set operators `AnyIn`,
 * `AllIn`, `AnyNotIn`, `AllNotIn`, on strings and booleans. As in Kyverno,
 * a path that resolves to nothing reads as an empty string, and a rule on
 * Pods generated for a controller reads its pod template's `spec` and
 * `metadata` where the rule wrote `request.object.spec` and
 * `request.object.metadata`. Anything else (the requesting user, context
 * variables, JMESPath functions, numbers, quantities, durations) is
 * unknown: the caller says what it assumes and notes it, never silently.
 */
import { isObject } from '../../pss/pod.js';
import type { JsonValue } from '../../pss/types.js';
import { matchWildcard } from '../patterns.js';

export interface Condition {
  readonly key: JsonValue;
  readonly operator: string;
  readonly value: JsonValue;
}

export interface Conditions {
  readonly any: readonly Condition[] | null;
  readonly all: readonly Condition[] | null;
}

/** How a rule generated for controllers reads the object (Kyverno's autogen). */
export type ObjectShape = 'object' | 'template' | 'cronJobTemplate';

export interface ConditionInput {
  /** The object as written (`request.object`). */
  readonly object: JsonValue;
  readonly namespace: string | null;
  readonly shape: ObjectShape;
}

function conditionList(value: JsonValue | undefined): Condition[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(isObject).map((c) => ({ key: c.key ?? null, operator: typeof c.operator === 'string' ? c.operator : '', value: c.value ?? null }));
}

/** The conditions written at a key, or null when there are none. */
export function conditionsOf(value: JsonValue | undefined): Conditions | null {
  if (Array.isArray(value)) return value.length === 0 ? null : { any: null, all: conditionList(value) };
  if (!isObject(value)) return null;
  const any = conditionList(value.any);
  const all = conditionList(value.all);
  return (any?.length ?? 0) + (all?.length ?? 0) === 0 ? null : { any, all };
}

/** Thrown inside this module for a condition that cannot be known at review time. */
class Unknown extends Error {}

const shifts: Record<ObjectShape, readonly (readonly [string, string])[]> = {
  object: [],
  template: [
    ['request.object.spec', 'request.object.spec.template.spec'],
    ['request.object.metadata', 'request.object.spec.template.metadata'],
  ],
  cronJobTemplate: [
    ['request.object.spec', 'request.object.spec.jobTemplate.spec.template.spec'],
    ['request.object.metadata', 'request.object.spec.jobTemplate.spec.template.metadata'],
  ],
};

/** `a.b."c.d"[0]` → ['a', 'b', 'c.d', 0]. */
function pathSegments(text: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /\.?(?:([A-Za-z_][A-Za-z0-9_-]*)|"((?:[^"\\]|\\.)*)"|\[(\d+)\])/gy;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) throw new Unknown();
    segments.push(match[1] ?? (match[3] !== undefined ? Number(match[3]) : JSON.parse(`"${match[2] ?? ''}"`)));
    at = pattern.lastIndex;
  }
  return segments;
}

function lookup(value: JsonValue, segments: readonly (string | number)[]): JsonValue {
  let at: JsonValue = value;
  for (const segment of segments) {
    if (typeof segment === 'number') at = Array.isArray(at) ? (at[segment] ?? null) : null;
    else at = isObject(at) ? (at[segment] ?? null) : null;
  }
  return at;
}

/** JMESPath truthiness: false, null, '' and empty lists and maps are false. */
function truthy(value: JsonValue): boolean {
  if (value === null || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

function term(text: string, input: ConditionInput): JsonValue {
  const literal = /^'((?:[^'\\]|\\.)*)'$/.exec(text);
  if (literal) return (literal[1] ?? '').replace(/\\'/g, "'");
  const json = /^`(.*)`$/.exec(text);
  if (json) return JSON.parse(json[1] ?? 'null') as JsonValue;
  if (text === 'request.namespace') return input.namespace ?? '';
  if (!text.startsWith('request.object.') && text !== 'request.object') throw new Unknown();
  return lookup(input.object, pathSegments(text.slice('request.object'.length).replace(/^\./, '')));
}

/** A key or value: a literal, or one whole `{{ … }}` variable. */
function resolve(value: JsonValue, input: ConditionInput): JsonValue {
  if (typeof value !== 'string') return value;
  if (!value.includes('{{')) return value;
  const whole = /^\s*\{\{\s*(.*?)\s*\}\}\s*$/s.exec(value);
  if (!whole || (whole[1] ?? '').includes('{{')) throw new Unknown();
  let expression = whole[1] ?? '';
  for (const [from, to] of shifts[input.shape]) expression = expression.split(from).join(to);
  // `a || b`: the first truthy term (outside quotes, which the terms above never hold).
  const terms = expression.split('||').map((t) => t.trim());
  if (terms.some((t) => t === '' || /[()&!<>=@|]/.test(t.replace(/'(?:[^'\\]|\\.)*'|`[^`]*`/g, '')))) throw new Unknown();
  let result: JsonValue = null;
  for (const t of terms) {
    result = term(t, input);
    if (truthy(result)) break;
  }
  // A variable that resolves to nothing reads as an empty string in conditions.
  return result ?? '';
}

const quantityOrDuration = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE]|ns|us|µs|ms|s|m|h)?$|^([+-]?(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/;

/** A string or boolean Kyverno compares as such (not as a number, quantity or duration). */
function plain(value: JsonValue): value is string | boolean {
  return typeof value === 'boolean' || (typeof value === 'string' && !quantityOrDuration.test(value.trim()));
}

function strings(value: JsonValue): string[] {
  const items = Array.isArray(value) ? value : [value];
  if (!items.every(plain)) throw new Unknown();
  const texts = items.map(String);
  // Kyverno matches set members with wildcards both ways and reads ranges from strings: left to a person.
  if (texts.some((t) => /[*?]/.test(t))) throw new Unknown();
  return texts;
}

function equals(key: JsonValue, value: JsonValue): boolean {
  if (Array.isArray(key) || Array.isArray(value)) {
    const keys = strings(key);
    const values = strings(value);
    return Array.isArray(key) && Array.isArray(value) && keys.length === values.length && keys.every((k, i) => k === values[i]);
  }
  if (!plain(key) || !plain(value)) throw new Unknown();
  if (typeof key === 'boolean' || typeof value === 'boolean') return key === value;
  return matchWildcard(key, [value]) !== null;
}

function evaluate(condition: Condition, input: ConditionInput): boolean {
  const key = resolve(condition.key, input);
  const value = resolve(condition.value, input);
  switch (condition.operator) {
    case 'Equals':
      return equals(key, value);
    case 'NotEquals':
      return !equals(key, value);
    case 'AnyIn':
    case 'AllIn':
    case 'AnyNotIn':
    case 'AllNotIn': {
      const keys = strings(key);
      const values = new Set(strings(value));
      const inValues = (k: string) => values.has(k);
      if (condition.operator === 'AnyIn') return keys.some(inValues);
      if (condition.operator === 'AllIn') return keys.every(inValues);
      if (condition.operator === 'AnyNotIn') return keys.some((k) => !inValues(k));
      return keys.every((k) => !inValues(k));
    }
    default:
      throw new Unknown();
  }
}

function tri(condition: Condition, input: ConditionInput): boolean | null {
  try {
    return evaluate(condition, input);
  } catch (error) {
    if (error instanceof Unknown || error instanceof SyntaxError) return null;
    throw error;
  }
}

/**
 * Whether the conditions hold for the object: true or false when the
 * conditions that decide it could be evaluated (one true `any`, one false
 * `all` decide alone), null when it depends on one that could not.
 */
export function conditionsHold(conditions: Conditions, input: ConditionInput): boolean | null {
  const any = (conditions.any ?? []).map((c) => tri(c, input));
  const all = (conditions.all ?? []).map((c) => tri(c, input));
  const anyHolds = any.length === 0 || any.includes(true) ? true : any.includes(null) ? null : false;
  const allHold = all.includes(false) ? false : all.includes(null) ? null : true;
  if (anyHolds === false || allHold === false) return false;
  return anyHolds === null || allHold === null ? null : true;
}

const operators = new Set(['Equals', 'NotEquals', 'AnyIn', 'AllIn', 'AnyNotIn', 'AllNotIn']);

/** Whether a key or value is of a form this module reads (whatever the object holds). */
function readable(value: JsonValue): boolean {
  try {
    resolve(value, { object: null, namespace: null, shape: 'object' });
    return true;
  } catch (error) {
    if (error instanceof Unknown || error instanceof SyntaxError) return false;
    throw error;
  }
}

/** The conditions that can never be evaluated at review time, as `key operator` for a note. */
export function unevaluable(conditions: Conditions): string[] {
  return [...(conditions.any ?? []), ...(conditions.all ?? [])]
    .filter((c) => !operators.has(c.operator) || !readable(c.key) || !readable(c.value))
    .map((c) => `${typeof c.key === 'string' ? c.key : JSON.stringify(c.key)} ${c.operator || '(no operator)'}`);
}
