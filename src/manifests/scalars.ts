/**
 * Plain-scalar resolution with the YAML 1.1 rules that Kubernetes applies.
 *
 * kubectl and the API server turn YAML into JSON with sigs.k8s.io/yaml, which
 * decodes with goyaml.v2. So `privileged: yes` is a boolean, `0777` is octal,
 * `1e3` is a number, and `2001-12-14` or `190:20:30` stay strings. The rules
 * below follow goyaml.v2's resolver; test/integration/kubectl-decoding.test.ts
 * compares them with the real kubectl on this machine.
 */

export type ScalarValue = null | boolean | number | string;

/** goyaml's type of a resolved scalar (its short tag without `!!`). */
export type ScalarKind = 'null' | 'bool' | 'int' | 'float' | 'str';

/** A resolved plain scalar, or a value JSON cannot carry (kubectl rejects the file). */
export type Resolved = { ok: true; value: ScalarValue; kind: ScalarKind } | { ok: false; message: string };

const nullWords = new Set(['', '~', 'null', 'Null', 'NULL']);
const trueWords = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const falseWords = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const infinities = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
const nans = new Set(['.nan', '.NaN', '.NAN']);

/** goyaml.v2's test for strings that may be parsed as floats. */
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

const int64Min = -(2n ** 63n);
const uint64Max = 2n ** 64n - 1n;

/**
 * Go's strconv.ParseInt/ParseUint with base 0 (after goyaml.v2 removed
 * underscores): optional sign, then 0x/0o/0b prefixes, a leading 0 for
 * octal, or decimal. Returns undefined when Go would report an error.
 */
function parseGoInteger(text: string): bigint | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const [, sign, digits = ''] = match;
  let magnitude: bigint;
  const prefix = digits.slice(0, 2).toLowerCase();
  if (prefix === '0x' || prefix === '0b') magnitude = BigInt(digits.toLowerCase());
  else if (prefix === '0o') magnitude = BigInt(`0o${digits.slice(2)}`);
  else if (digits.length > 1 && digits.startsWith('0')) magnitude = BigInt(`0o${digits.slice(1)}`);
  else magnitude = BigInt(digits);
  const value = sign === '-' ? -magnitude : magnitude;
  // ParseInt accepts int64; ParseUint accepts uint64 but no sign.
  if (value >= int64Min && value <= uint64Max && !(sign !== '' && value > 2n ** 63n - 1n)) return value;
  return undefined;
}

/** Go's ParseFloat on a string that matched yamlStyleFloat: fails when out of range. */
function parseGoFloat(text: string): number | undefined {
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Resolve a plain (unquoted, untagged) scalar the way goyaml.v2 does. */
export function resolvePlainScalar(text: string): Resolved {
  if (nullWords.has(text)) return { ok: true, value: null, kind: 'null' };
  if (trueWords.has(text)) return { ok: true, value: true, kind: 'bool' };
  if (falseWords.has(text)) return { ok: true, value: false, kind: 'bool' };
  // JSON has no infinities or NaN: sigs.k8s.io/yaml fails on them.
  if (infinities.has(text) || nans.has(text)) {
    return { ok: false, message: `the value ${text} cannot be represented in JSON` };
  }
  const first = text[0] ?? '';
  if (first === '.') {
    const value = yamlStyleFloat.test(text) ? parseGoFloat(text) : undefined;
    return value === undefined ? { ok: true, value: text, kind: 'str' } : { ok: true, value, kind: 'float' };
  }
  if (/[0-9+-]/.test(first)) {
    const plain = text.replaceAll('_', '');
    const integer = parseGoInteger(plain);
    if (integer !== undefined) return { ok: true, value: Number(integer), kind: 'int' };
    if (yamlStyleFloat.test(plain)) {
      const value = parseGoFloat(plain);
      if (value !== undefined) return { ok: true, value, kind: 'float' };
    }
  }
  return { ok: true, value: text, kind: 'str' };
}

/** The tags of YAML's types that goyaml.v2 resolves, by their long name. */
export const standardTags = new Map<string, ScalarKind | 'binary' | 'timestamp'>([
  ['tag:yaml.org,2002:null', 'null'],
  ['tag:yaml.org,2002:bool', 'bool'],
  ['tag:yaml.org,2002:int', 'int'],
  ['tag:yaml.org,2002:float', 'float'],
  ['tag:yaml.org,2002:str', 'str'],
  ['tag:yaml.org,2002:binary', 'binary'],
  ['tag:yaml.org,2002:timestamp', 'timestamp'],
]);

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const bytesAsText = new TextDecoder('utf-8');

/**
 * goyaml.v2's resolve() for a scalar with an explicit standard tag, quoted or
 * not: the text is read as a plain scalar would be and must be of the tag's
 * type (`!!bool "true"` is true, `!!int "0"` is 0, `!!float 1` is 1.0), or
 * kubectl refuses the file; `!!str` keeps the text, `!!binary` is decoded
 * base64. (`!!timestamp` keeps its text, as kubectl prints it.)
 */
export function resolveTaggedScalar(tag: ScalarKind | 'binary' | 'timestamp', text: string): Resolved {
  if (tag === 'str' || tag === 'timestamp') return { ok: true, value: text, kind: 'str' };
  if (tag === 'binary') {
    const data = text.replace(/[\r\n]/g, '');
    if (!base64.test(data)) return { ok: false, message: '!!binary value contains invalid base64 data' };
    return { ok: true, value: bytesAsText.decode(Buffer.from(data, 'base64')), kind: 'str' };
  }
  const resolved = resolvePlainScalar(text);
  if (!resolved.ok || resolved.kind === tag) return resolved;
  if (tag === 'float' && resolved.kind === 'int') return { ok: true, value: resolved.value, kind: 'float' };
  return { ok: false, message: `cannot decode !!${resolved.kind} \`${text}\` as a !!${tag}` };
}

/**
 * The first characters of the plain texts that read as something other
 * than a string (resolvePlainScalar): the null, true and false words,
 * infinities, NaN and numbers. By char code, as most texts are looked up.
 */
const notOnlyStringStarts = new Set([...'~nNyYtTfFoO.+-0123456789'].map((c) => c.charCodeAt(0)));

/**
 * Whether a plain scalar reads as its own text, known from its first
 * character alone: no null, boolean or number starts with it. Most texts
 * are names and words, and need not be resolved.
 */
export function surelyString(text: string): boolean {
  return text !== '' && !notOnlyStringStarts.has(text.charCodeAt(0));
}

/**
 * Whether a plain scalar reads as a string, resolved only when its first
 * character leaves a doubt: the fix engine asks of every plain value of a
 * document it edits (style.ts).
 */
export function plainIsString(text: string): boolean {
  if (surelyString(text)) return true;
  const resolved = resolvePlainScalar(text);
  return resolved.ok && typeof resolved.value === 'string';
}
