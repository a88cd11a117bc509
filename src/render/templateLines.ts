/**
 * Finding a field's line in a Helm template by its key path (pure). A
 * template is not YAML, so this reads its lines: key lines and list items
 * by indentation, with lines that hold only template actions (`{{- if }}`,
 * `{{- end }}`) transparent. Where the walk meets `toYaml .Values.x` (or a
 * key whose value is `{{ .Values.x }}`), it says which values key writes
 * the rest of the path; so too for `toYaml .` and `{{ . }}` inside
 * `{{- with .Values.x }}`, where the dot is that key. Where it meets
 * `include "name"` (a chart that writes its pod template in a helper, as
 * traefik's `template: {{ include "traefik.podTemplate" . }}`), the walk
 * goes on in that named template's lines, in whichever file defines it.
 */
import type { FieldPath, JsonValue } from '../pss/types.js';
import { parse } from 'yaml';
import { noYamlWarnings } from '../yamlWarnings.js';
import { resolvePlainScalar } from '../manifests/scalars.js';
import { jsonEqual } from '../fixes/edits.js';
import { valueAt } from './walk.js';

interface Line {
  readonly number: number;
  readonly indent: number;
  /** The text after the indentation, with a list dash removed. */
  readonly body: string;
  /** The line starts a list item (`- `). */
  readonly item: boolean;
  /** The column of an item's dash (`indent` is its content's). */
  readonly dash?: number;
  /** Only template actions or comments: no YAML of its own. */
  readonly transparent: boolean;
  /** The values keys the dot and the variables stand for on this line (inside `{{ with .Values.x }}`, `{{ range $k, $v := .Values.x }}`). */
  readonly scope: Bindings;
}

/**
 * What the dot and the variables stand for at a line, as values keys: `*`
 * for an element of a `range` (any key of a map, any item of a list), which
 * the locator settles by the rendered value (helmMap.ts).
 */
interface Bindings {
  readonly dot: readonly string[] | null;
  /** The keys the dot falls back to where `dot` is not set (`with .Values.a | default .Values.b`), in order. */
  readonly dotDefaults?: readonly (readonly string[])[];
  readonly vars: ReadonlyMap<string, readonly string[]>;
}

const noVars: ReadonlyMap<string, readonly string[]> = new Map();

export interface TemplateHit {
  /** The line of the deepest key found. */
  readonly line: number;
  /** The file of that line when it is in a named template of another file (a helper's `define`); absent: the template's own. */
  readonly file?: string;
  /** The whole path was found. */
  readonly exact: boolean;
  /**
   * When the template takes the field from `.Values`: the values key
   * (`['securityContext']`) that stands for the rendered path up to `from`;
   * the rest of the path is then followed inside that key's value.
   */
  readonly values: ValuesSource | null;
}

/**
 * The values key that stands for the rendered path up to `from`, and the
 * keys after it that the same action names (`toYaml (.Values.a | default
 * .Values.b)`): where the value comes from when `key` is not set.
 */
export interface ValuesSource {
  readonly key: readonly string[];
  readonly from: number;
  readonly alternatives?: readonly (readonly string[])[];
}

/** The values source of keys a line names, in order. */
function sourceOf(keys: readonly (readonly string[])[], from: number): ValuesSource {
  return keys.length > 1 ? { key: keys[0]!, from, alternatives: keys.slice(1) } : { key: keys[0]!, from };
}

/** A values key as an action names it: `.Values.a.b` (group 1: `.a.b`). */
const valuesKeyText = String.raw`\.Values((?:\.[A-Za-z0-9_]+)+)`;
const valuesReference = new RegExp(valuesKeyText, 'g');

/** A block action open at a line: whether it rebinds the dot (`with`, `range`, `define`), to which values key, and the variables it binds. */
interface Scope {
  readonly rebinds: boolean;
  readonly dot: readonly string[] | null;
  readonly dotDefaults?: readonly (readonly string[])[];
  readonly vars: ReadonlyMap<string, readonly string[]>;
}

/**
 * The actions of a text (`{{ … }}`), each with the 0-based line it starts
 * on, whose text may span lines: the first `}}` closes one. A `{{` never
 * closed ends the reading, so a text of many is read once, not once per
 * `{{`; every reader of actions here goes through it.
 */
function* actionsOf(text: string): Generator<{ words: string; line: number }> {
  let line = 0;
  let counted = 0;
  for (let from = text.indexOf('{{'); from !== -1; from = text.indexOf('{{', from)) {
    const to = text.indexOf('}}', from + 2);
    if (to === -1) return;
    for (let next = text.indexOf('\n', counted); next !== -1 && next < from; next = text.indexOf('\n', next + 1)) {
      line++;
      counted = next + 1;
    }
    yield { words: trimmedAction(text.slice(from + 2, to)), line };
    from = to + 2;
  }
}

/** An action's words without its trim markers and spaces (`- end -` is `end`); no pattern, so no backtracking over long runs of spaces. */
function trimmedAction(inside: string): string {
  const words = (inside.startsWith('-') ? inside.slice(1) : inside).trimStart();
  return (words.endsWith('-') ? words.slice(0, -1) : words).trimEnd();
}

/** An action that opens a block its `end` closes. */
const blockOpener = /^(with|range|if|define|block)\b/;

/** A line's text (indentation removed) that writes no YAML of its own: blank, a comment, or template actions only. */
export const writesNoYaml = (body: string) => body === '' || body.startsWith('#') || /^(\{\{.*?\}\}\s*)+$/.test(body);
/**
 * An action that writes the dot itself: `{{ toYaml . | nindent 8 }}`, `{{ . }}`; or
 * the dot without some keys (`{{ omit . "enabled" | toYaml | nindent 10 }}` or `toYaml (omit . …)`, sigstore's
 * switch of a securityContext map: the other keys are written as they are).
 */
const usesDot = /^(?:(?:toYaml\s+)?\.|omit\s+\.(?:\s+"[^"]*")+\s*\|\s*toYaml\b|toYaml\s+\(omit\s+\.(?:\s+"[^"]*")+\))(?:\s*\|.*)?$/;

/** `range $k, $v := .Values.x`, `range $v := $w.y`, `range .Values.x`: the element variable (if any) and what is ranged over. */
const rangeOver = /^range(?:\s+|(?=\.))(?:(?:\$[A-Za-z0-9_]+\s*,\s*)?(\$[A-Za-z0-9_]+)\s*:=\s*)?(\S+)$/;

/** A reference that names its values key whole: `.Values.a.b`, `$.Values.a.b` (group 1: `.a.b`). */
const namedKey = new RegExp(String.raw`^\$?${valuesKeyText}$`);

/**
 * What a variable set to the chart's own context stands for (`{{- $context
 * := . }}` before mastodon's `range` over its Sidekiq workers): not a values
 * key, but the values are its `.Values`. Known by identity.
 */
const chartContext: readonly string[] = Object.freeze([]);

/**
 * The keys a variable's value falls back to when its own is not set
 * (`$csc := or .Values.custom.admission_main_csc .Values.custom.default_csc`,
 * as volcano's chart picks each component's securityContext): known by the
 * identity of the key the variable is bound to, as the chart's context is,
 * and of each key read through it (`$csc.capabilities`).
 */
const fallbacks = new WeakMap<readonly string[], readonly (readonly string[])[]>();

/** `key` with the keys it falls back to, in order. */
function withFallbacks(key: readonly string[], alternatives: readonly (readonly string[])[]): readonly string[] {
  if (alternatives.length > 0) fallbacks.set(key, alternatives);
  return key;
}

/** A key and the keys it falls back to, in order. */
const andFallbacks = (key: readonly string[]): (readonly string[])[] => [key, ...(fallbacks.get(key) ?? [])];

/** `.Values` itself, or `$.Values`. */
const wholeValues = /^\$?\.Values$/;
/** The key of the values whole: no key at all. */
const valuesRoot: readonly string[] = Object.freeze([]);

/** The values key a reference stands for in a scope: `.Values.a.b`, `$v.a` of a bound variable (`$context.Values.a` of the chart's context), `.a` of a bound dot; null for anything else. */
function keyOfReference(reference: string, scope: Bindings): readonly string[] | null {
  const named = namedKey.exec(reference);
  if (named) return named[1]!.slice(1).split('.');
  const variable = /^(\$[A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+)*)$/.exec(reference);
  if (variable) {
    const bound = scope.vars.get(variable[1]!);
    if (bound === chartContext) return new RegExp(`^${valuesKeyText}$`).exec(variable[2]!)?.[1]!.slice(1).split('.') ?? null;
    if (bound === undefined) return null;
    const fields = variable[2] === '' ? [] : variable[2]!.slice(1).split('.');
    return withFallbacks([...bound, ...fields], (fallbacks.get(bound) ?? []).map((alternative) => [...alternative, ...fields]));
  }
  const relative = /^\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)$/.exec(reference);
  return relative && scope.dot !== null ? [...scope.dot, ...relative[1]!.split('.')] : null;
}

/** A variable set in an action (`$v := …`, or `$v = …` again): its name, whether it is declared, and what it is set to. */
const assignment = /^(\$[A-Za-z0-9_]+)\s*(:?)=\s*(.+)$/;

/**
 * The values key an expression a variable is set to stands for: a
 * reference (`.Values.a`, `$v.b`), or `index` of one by keys (`index
 * $.Values.server $service`: temporal's per-service values), a key that is
 * not a literal standing for any key there (`*`, as a `range` element
 * does); a `| default …` after it aside. Also the map a `merge` keeps the
 * values of (`merge (deepCopy .Values.vmselect) .Values.common`: its first,
 * which the others only add to, as victoria-metrics-cluster sets `$app`;
 * `mergeOverwrite`'s last), a `deepCopy`'s, and the values whole (no key:
 * `$app.a` is then `.Values.a`); the first key of `or a b`, `coalesce a b`
 * or `a | default b`, which falls back to the others (fallbacks). Null for
 * anything else.
 */
function keyOfExpression(expression: string, scope: Bindings): readonly string[] | null {
  const [first = ''] = expression.split('|');
  const operands = operandsOf(first.trim());
  if (operands === null || operands.length === 0) return null;
  // `or a b`, `coalesce a b`, `a | default b`: the first key, falling back to the others.
  const read = expression.includes('|') || operands.length > 1 ? keysOfPipeline(expression, scope) : null;
  if (read !== null && read.length > 1) return withFallbacks(read[0]!, read.slice(1));
  if (operands.length === 1) {
    const [operand] = operands as [string];
    // The values whole (`$app := .Values`, as VictoriaMetrics' single-component charts write it): `$app.a` is `.Values.a`.
    if (wholeValues.test(operand)) return valuesRoot;
    return wrapped(operand) ? keyOfExpression(operand.slice(1, -1), scope) : keyOfReference(operand, scope);
  }
  const [operator, of, ...keys] = operands;
  const kept = operator === 'deepCopy' && keys.length === 0 ? of : operator === 'merge' && keys.length > 0 ? of : operator === 'mergeOverwrite' && keys.length > 0 ? keys[keys.length - 1] : undefined;
  // Only a shorter text is read again: the operand, inside its parentheses or not.
  if (kept !== undefined) return keyOfExpression(kept, scope);
  const base = operator === 'index' && of !== undefined ? keyOfReference(of, scope) : null;
  if (base === null || keys.length === 0) return null;
  return [...base, ...keys.map((key) => /^"([A-Za-z0-9_-]+)"$/.exec(key)?.[1] ?? '*')];
}

/**
 * The values keys a pipeline takes its value from, in order: a reference
 * (`.Values.a`, or helm's nil-safe `((.Values).a).b`), then each key a
 * `default` falls back to (`.Values.a | default .Values.b`, or `default
 * .Values.b .Values.a` as mastodon writes it), or the keys of a `coalesce`
 * (the first one set); in parentheses or not. Null for any other pipeline.
 */
function keysOfPipeline(text: string, scope: Bindings): (readonly string[])[] | null {
  const operands = operandsOf(text.trim());
  if (operands === null || operands.length === 0) return null;
  const [only] = operands;
  if (operands.length === 1 && wrapped(only!)) return keysOfPipeline(only!.slice(1, -1), scope);
  const stages: string[][] = [[]];
  for (const operand of operands) {
    if (operand === '|') stages.push([]);
    else stages[stages.length - 1]!.push(operand);
  }
  const [[operator, ...args] = [], ...rest] = stages;
  // `default b a` is `a | default b`.
  // `or a b` is the first of them set, as `coalesce a b` is (Go's `or` gives its first non-empty argument).
  const firstSet = operator === 'coalesce' || operator === 'or';
  const references = operator === 'default' && args.length === 2 ? [args[1]!, args[0]!] : firstSet && args.length > 0 ? args : operator !== undefined && args.length === 0 ? [operator] : null;
  if (references === null || !rest.every((stage) => stage.length === 2 && stage[0] === 'default')) return null;
  const keys: (readonly string[])[] = [];
  for (const reference of [...references, ...rest.map((stage) => stage[1]!)]) {
    // Only a shorter text is read again: the inside of parentheses around the whole operand.
    const key = wrapped(reference) ? (keysOfPipeline(reference.slice(1, -1), scope)?.[0] ?? null) : keyOfReference(nilSafe(reference), scope);
    // The values whole is no key a map is written from (`with $app` of `$app := .Values`).
    if (key === null || key === chartContext || key.length === 0) return null;
    keys.push(...andFallbacks(key));
  }
  return keys;
}

/** Whether an operand is one pair of parentheses around the rest (`(default a b)`, not `(a).b` nor `(a)(b)`). */
function wrapped(operand: string): boolean {
  return operand.startsWith('(') && operand.endsWith(')') && operandsOf(operand.slice(1, -1)) !== null;
}

/** A nil-safe reference as helm reads it (`(((.Values).global).hooks).resources`) written plainly (`.Values.global.hooks.resources`). */
function nilSafe(reference: string): string {
  let plain = reference;
  for (let shorter = plain.replace(innermostField, '$1'); shorter !== plain; shorter = plain.replace(innermostField, '$1')) plain = shorter;
  return plain;
}

/** Parentheses around a reference with none inside, followed by a field. */
const innermostField = /\(([^()\s]+)\)(?=\.[A-Za-z0-9_])/g;

/** Follows `with`/`range`/`if`…`end` through the lines: the values keys the dot and the variables stand for on each line. */
function dotTracker(): (body: string) => Bindings {
  const scopes: Scope[] = [];
  // Variables set outside any block: the template's own.
  let topVars: ReadonlyMap<string, readonly string[]> = noVars;
  const current = (): Bindings => {
    const rebound = [...scopes].reverse().find((s) => s.rebinds);
    const top = scopes[scopes.length - 1];
    const vars = top?.vars ?? topVars;
    return rebound?.dotDefaults === undefined ? { dot: rebound?.dot ?? null, vars } : { dot: rebound.dot, dotDefaults: rebound.dotDefaults, vars };
  };
  /**
   * A variable set in the innermost block (a binding to what no key names
   * takes an earlier one away). Set again (`=`), it changes where it was
   * declared, so after the block it may hold either value: every block
   * forgets it, and only this one knows the new value.
   */
  const bind = (name: string, key: readonly string[] | null, declared: boolean) => {
    const without = (vars: ReadonlyMap<string, readonly string[]>) => new Map([...vars].filter(([bound]) => bound !== name));
    if (!declared) {
      topVars = without(topVars);
      scopes.forEach((scope, i) => (scopes[i] = { ...scope, vars: without(scope.vars) }));
    }
    const vars = without(current().vars);
    if (key !== null) vars.set(name, key);
    const top = scopes[scopes.length - 1];
    if (top === undefined) topVars = vars;
    else scopes[scopes.length - 1] = { ...top, vars };
  };
  return (body) => {
    let bindings = current();
    let used = false;
    for (const { words } of actionsOf(body)) {
      const opener = blockOpener.exec(words)?.[1];
      const outer = current();
      if (opener === 'with') {
        // `with.Values.x` reads as `with .Values.x` to helm (prometheus-ipmi-exporter writes it so).
        const written = /^with(?:\s+|(?=\.))(.+)$/.exec(words)?.[1];
        // `with $v := .Values.x` sets the variable as well as the dot (authelia's `$context`).
        const [, variable, pipeline] = (written === undefined ? null : /^(?:(\$[A-Za-z0-9_]+)\s*:=\s*)?(.+)$/.exec(written)) ?? [];
        const [dot = null, ...dotDefaults] = (pipeline === undefined ? null : keysOfPipeline(pipeline, outer)) ?? [];
        const vars = variable !== undefined && dot !== null ? new Map([...outer.vars, [variable, dot]]) : outer.vars;
        scopes.push({ rebinds: true, dot, ...(dotDefaults.length > 0 ? { dotDefaults } : {}), vars });
      } else if (opener === 'range') {
        const range = rangeOver.exec(words);
        const named = range === null ? null : keyOfReference(range[2]!, outer);
        // Over the values whole (`range $app` of `$app := .Values`): its elements are no one key.
        const over = named !== null && named.length > 0 ? named : null;
        const element = over === null ? null : [...over, '*'];
        const vars = range?.[1] !== undefined && element !== null ? new Map([...outer.vars, [range[1], element]]) : outer.vars;
        scopes.push({ rebinds: true, dot: element, vars });
      } else if (opener === 'define' || opener === 'block') scopes.push({ rebinds: true, dot: null, vars: noVars });
      else if (opener === 'if') scopes.push({ rebinds: false, dot: null, vars: outer.vars });
      else if (words === 'end') scopes.pop();
      else if (assignment.test(words)) {
        const [, name, declares, expression] = assignment.exec(words)!;
        // The dot is the chart's context outside every block that rebinds it (`$` is, everywhere).
        const context = expression === '$' || (expression === '.' && !scopes.some((scope) => scope.rebinds));
        bind(name!, context ? chartContext : keyOfExpression(expression!, outer), declares === ':');
      } else if (!used && usesDot.test(words)) {
        bindings = current();
        used = true;
      }
      if (!used) bindings = current();
    }
    return bindings;
  };
}

// A template comment's first line (an action that opens with a comment), and a line that ends one (the comment closed, then the action).
const commentOpens = /^\{\{-?\s*\/\*/;
const commentCloses = /\*\/\s*-?\}\}\s*$/;

/** Whether a line leaves an action open: its last `{{` is not closed on it. */
const leavesActionOpen = (body: string) => body.lastIndexOf('{{') > body.lastIndexOf('}}');

function linesOf(text: string): Line[] {
  const dotOf = dotTracker();
  // A comment over several lines writes no YAML, whatever its lines read like (jenkins' notes of `runAsUser: 1000` in one).
  let inComment = false;
  // So does the rest of an action over several lines (`{{- include "x" (dict` … `) }}`, DataDog's cloudprem):
  // its text so far, read whole (a `with` or `range` that opens a block) on the line that closes it.
  let openAction: string | null = null;
  return text.split('\n').map((raw, i) => {
    const indent = raw.length - raw.trimStart().length;
    let body = raw.trimStart();
    const comment = inComment || commentOpens.test(body);
    if (comment) inComment = !commentCloses.test(body);
    if (comment) return { number: i + 1, indent, body, item: false, transparent: true, scope: dotOf('') };
    if (openAction !== null) {
      const closes = body.includes('}}');
      const scope = closes ? dotOf(`${openAction} ${body}`) : dotOf('');
      openAction = !closes ? `${openAction} ${body}` : leavesActionOpen(body) ? body.slice(body.lastIndexOf('{{')) : null;
      return { number: i + 1, indent, body, item: false, transparent: true, scope };
    }
    if (leavesActionOpen(body)) {
      openAction = body.slice(body.lastIndexOf('{{'));
      // A line that is the action's start alone writes no YAML either; its text names what it includes.
      if (body.startsWith('{{')) return { number: i + 1, indent, body, item: false, transparent: true, scope: dotOf(body) };
    }
    const item = /^-(\s|$)/.test(body);
    let itemIndent = indent;
    if (item) {
      const after = body.slice(1);
      itemIndent = indent + 1 + (after.length - after.trimStart().length);
      body = after.trimStart();
    }
    const transparent = writesNoYaml(body);
    const line = { number: i + 1, indent: item ? itemIndent : indent, body, item: item && !transparent, transparent: transparent && !item, scope: dotOf(body) };
    return line.item ? { ...line, dash: indent } : line;
  });
}

function keyOf(line: Line): { key: string; value: string } | null {
  const match = /^("[^"]*"|'[^']*'|[^\s:#{][^:#]*?)\s*:(?:\s+(.*))?$/.exec(line.body);
  if (!match) return null;
  const key = match[1]!.replace(/^["']|["']$/g, '');
  return { key, value: (match[2] ?? '').trim() };
}

/** A reference an action reads a value at: `.Values.a`, `$v.a`, `.a` (group 1). */
const reference = /(?<![\w.$)\]])(\$?[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+|\$[A-Za-z0-9_]+)/g;

/**
 * The values keys a line's text writes, in order: each `.Values.x` named,
 * each field of a variable or of the dot that stands for a values key (in a
 * `range` over one, `$config.hostPort`), or the dot itself where it stands
 * for one (`toYaml .`).
 */
function valuesPathIn(text: string, scope: Bindings): string[][] | null {
  const named = [...text.matchAll(valuesReference)].map((match) => match[1]!.slice(1).split('.'));
  if (named.length > 0) return named;
  const bound: string[][] = [];
  for (const { words } of actionsOf(text)) {
    if (scope.dot !== null && usesDot.test(words)) return [[...scope.dot], ...(scope.dotDefaults ?? []).map((key) => [...key])];
    for (const ref of words.matchAll(reference)) {
      const key = keyOfReference(ref[1]!, scope);
      if (key !== null) for (const each of andFallbacks(key)) bound.push([...each]);
    }
  }
  return bound.length > 0 ? bound : null;
}

/** Lines [from, to) that belong to the block under a line of indentation `indent` (a key's value, or an item). */
function blockEnd(lines: readonly Line[], from: number, indent: number, isItem: boolean): number {
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.transparent) continue;
    // A list under a key may sit at the key's own indentation (`containers:\n- name: x`).
    if (line.indent > indent || (!isItem && line.item && line.indent - 2 >= indent && line.indent - 2 <= indent)) continue;
    if (isItem && line.indent >= indent && !line.item) continue;
    break;
  }
  return i;
}

/**
 * Whether a value written as a literal scalar (no action, no collection,
 * block scalar, anchor, alias or tag) is not the rendered scalar: then the
 * line did not write it (podinfo writes `securityContext:` from values in
 * an `if`, and a literal one with `- NET_BIND_SERVICE` in its `else`).
 */
function contradicts(written: string, rendered: JsonValue | undefined): boolean {
  if (rendered === undefined || (typeof rendered === 'object' && rendered !== null)) return false;
  const text = written.replace(/\s+#.*$/, '');
  if (text === '' || text.includes('{{') || /^[[{|>&*!%@`]/.test(text)) return false;
  const quoted = /^(["'])(.*)\1$/.exec(text);
  if (quoted !== null) return typeof rendered !== 'string' || (quoted[1] === "'" && rendered !== quoted[2]!.replace(/''/g, "'"));
  const resolved = resolvePlainScalar(text);
  return resolved.ok && resolved.value !== rendered;
}

/**
 * The value of a literal flow collection written whole as a key's value
 * (`["SYS_ADMIN"]`, `{drop: [ALL]}`; no template action in it, a comment
 * after it aside); undefined for anything else, or one that does not read
 * as YAML on its own (a collection its next lines go on).
 */
export function flowCollectionValue(written: string): JsonValue | undefined {
  const text = written.replace(/\s+#.*$/, '');
  if (!/^[[{]/.test(text) || text.includes('{{')) return undefined;
  try {
    return parse(text, noYamlWarnings) as JsonValue;
  } catch {
    return undefined;
  }
}

/** Whether a literal flow collection written as a key's value holds at `rest` the value the rendered object has there. */
function flowHolds(written: string, rest: FieldPath, rendered: JsonValue | undefined): boolean {
  const value = flowCollectionValue(written);
  const held = value === undefined ? undefined : valueAt(value, rest);
  return held !== undefined && jsonEqual(held, valueAt(rendered, rest) ?? null);
}

/** A key's value as written, its quotes (if any) removed. */
function unquoted(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, '$2');
}

/** The value a list item writes for its `name` key (`web`, `{{ .Chart.Name }}-reload`), quotes removed; null when it writes none. */
function nameValue(lines: readonly Line[], item: number): string | null {
  const indent = lines[item]!.indent;
  return valueOfKey(lines, item, blockEnd(lines, item + 1, indent, true), indent, 'name');
}

/** The value lines [from, to) write for `key` at `indent` (quotes removed), or null when they write none. */
function valueOfKey(lines: readonly Line[], from: number, to: number, indent: number | undefined, key: string): string | null {
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.indent !== indent || line.transparent) continue;
    const written = keyOf(line);
    if (written?.key === key) return unquoted(written.value);
  }
  return null;
}

/** The name a list item's own line writes as a literal (`- name: web`), or null (none, or written by an action). */
function literalName(lines: readonly Line[], item: number): string | null {
  const value = nameValue(lines, item);
  return value !== null && /^[^"'{}\s#]+$/.test(value) ? value : null;
}

/** Regular-expression text that matches `text` literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a list item may render the name: its own literal name, or the
 * literal parts of one an action writes in part (`{{ .Chart.Name
 * }}-configmap-reload` renders no container named `alertmanager`); any
 * name when the item writes none.
 */
function mayBeNamed(lines: readonly Line[], item: number, name: string): boolean {
  return mayWrite(nameValue(lines, item), name);
}

/** Whether a name a template writes (null: none) may render as `name`: its literal parts, with any text where its actions are. */
function mayWrite(value: string | null, name: string): boolean {
  if (value === null || value === '') return true;
  const pattern = value.split(/\{\{.*?\}\}/).map(literally).join('.*');
  return new RegExp(`^${pattern}$`, 's').test(name);
}

/**
 * `toYaml .Values.x` (or `.Values.x` alone) in a block: the values keys that
 * write it; else, for a block that named templates write whole (no line of
 * YAML of its own), those that one of them, included with the chart's own
 * context, writes the same way (spire's container `securityContext:` is
 * `include "spire-lib.securitycontext" .`, whose helper writes
 * `.Values.securityContext`). `writes`: what is looked for, a map's entries
 * or a list's items (more of them after the list's own).
 */
function valuesInBlock(lines: readonly Line[], from: number, to: number, reach: Reach, writes: 'entries' | 'items' = 'entries'): string[][] | null {
  // Only at the block's own level: a toYaml deeper down writes something else, and one left of it
  // (`{{- toYaml . | nindent 8 }}` under `imagePullSecrets:` in a map whose keys are at 10) no entry of it.
  // A list's items are written at their dashes' column.
  const first = lines.slice(from, to).find((line) => !line.transparent);
  const own = first === undefined ? Number.POSITIVE_INFINITY : writes === 'items' ? (first.dash ?? first.indent) : first.indent;
  // Written by named templates whole: no line of YAML of its own.
  const wholly = own === Number.POSITIVE_INFINITY;
  const included: string[] = [];
  let previous: Line | null = null;
  // The dash columns of the lists open so far: what an action writes at one of them is more items of that list.
  let lists: number[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const path = valuesPathIn(line.body, line.scope);
    // Not the value of a key of the block written just before it with nothing on its line (`volumes:`, then a list at its indentation),
    // nor, for a map's entries, items after a list's own (kuberay's `{{- toYaml . | nindent 6 }}` of `sidecarContainers` after the items of `containers:`).
    const moreItems = writes === 'entries' && lists.includes(writtenIndent(line));
    const ownKeys = (previous === null || keyOf(previous)?.value !== '' || writtenIndent(line) < previous.indent) && !moreItems;
    const atOwnLevel = ownKeys && (wholly || writtenIndent(line) === own);
    if (path !== null && atOwnLevel && /toYaml|\btpl\b|\binclude\b/.test(line.body)) return path;
    if (wholly && reach.notRendered?.has(line.number) !== true) included.push(...includedIn([line.body], includeWithRoot));
    if (!line.transparent) {
      previous = line;
      // A line ends the lists whose dashes are right of it, or at its column unless it is an item.
      const column = line.dash ?? line.indent;
      if (lists.length > 0) lists = lists.filter((dash) => dash < column || (line.item && dash === column));
      if (line.dash !== undefined && !lists.includes(line.dash)) lists.push(line.dash);
    }
  }
  if (!wholly || reach.hops >= maxHops) return null;
  for (const name of included) {
    const named = reach.named.get(name);
    const path = named === undefined ? null : valuesInBlock(named.lines, 0, named.lines.length, { named: reach.named, hops: reach.hops + 1 }, writes);
    if (path !== null) return path;
  }
  return null;
}

/** Where an action writes its output: `| indent 12` and `| nindent 12` say, whatever column the action sits at (often 0). */
function writtenIndent(line: Line): number {
  const piped = /\|\s*n?indent\s+(\d+)/.exec(line.body);
  return piped ? Number(piped[1]) : line.indent;
}

interface Walk {
  readonly line: number;
  readonly depth: number;
  readonly values: ValuesSource | null;
  /** Set when the line is in a named template of another file. */
  readonly file?: string;
}

/** A named template (`{{- define "name" }}` … `{{- end }}`): the file that defines it and the lines between. */
export interface NamedTemplate {
  readonly file: string;
  readonly lines: readonly Line[];
}

/** Named templates by name. */
export type NamedTemplates = ReadonlyMap<string, NamedTemplate>;

const defineAction = /^define\s+"([^"]+)"/;
const includeAction = /\b(?:include|template)\s+"([^"]+)"/g;
/** An include given the chart's own context (`.` or `$`, then a pipe, a parenthesis or the action's end): its `.Values` are the chart's values. */
const includeWithRoot = /\b(?:include|template)\s+"([^"]+)"\s+\$?\.?(?=\s*(?:\||\)|-?\}\}))/g;

/** The named templates a chart's files define (`_helpers.tpl`, `_podtemplate.tpl`, any template), each by the lines between its `define` and its `end`. */
export function namedTemplates(files: Iterable<readonly [string, string]>): NamedTemplates {
  const named = new Map<string, NamedTemplate>();
  for (const [file, text] of files) {
    if (!text.includes('define')) continue;
    const lines = linesOf(text);
    // Open blocks, each with the name and first body line of a define.
    const open: ({ name: string; from: number } | null)[] = [];
    // Actions are read across lines (a `with` whose pipeline spans two opens a block all the same).
    for (const { words, line: i } of actionsOf(text)) {
      const define = defineAction.exec(words);
      if (define) open.push({ name: define[1]!, from: i + 1 });
      else if (blockOpener.test(words)) open.push(null);
      else if (words === 'end') {
        const closed = open.pop();
        // The first definition wins, as helm's does within a chart (a later file's is a subchart's or a mistake).
        if (closed && !named.has(closed.name)) named.set(closed.name, { file, lines: lines.slice(closed.from, i) });
      }
    }
  }
  return named;
}

/** The named templates a key's value or the lines of a block include, in order; `includes`: which includes (all, or those given the chart's context). */
export function includedIn(texts: readonly string[], includes: RegExp = includeAction): string[] {
  const names: string[] = [];
  for (const text of texts) for (const match of text.matchAll(includes)) names.push(match[1]!);
  return names;
}

/** What a walk may follow into: the chart's named templates, and how many includes deep it is (a template may include itself). */
interface Reach {
  readonly named: NamedTemplates;
  readonly hops: number;
  /** Lines of the template's own text (not of named templates) in a branch its values rule out. */
  readonly notRendered?: ReadonlySet<number>;
}

const maxHops = 4;

/**
 * Search the path from segment `depth` in lines [from, to) at the block's
 * indentation; several candidates (two documents with `spec:`) are tried
 * in turn and the deepest walk wins.
 */
function walk(lines: readonly Line[], from: number, to: number, path: FieldPath, depth: number, rendered: JsonValue | undefined, parentLine: number, reach: Reach): Walk {
  if (depth === path.length) return { line: parentLine, depth, values: null };
  const segment = path[depth]!;
  let best: Walk = { line: parentLine, depth, values: null };
  const consider = (w: Walk) => {
    if (w.depth > best.depth || (w.values !== null && best.values === null && w.depth === best.depth)) best = w;
  };
  if (typeof segment === 'number') {
    const items: number[] = [];
    let itemIndent = -1;
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      if (!line.item) continue;
      if (itemIndent < 0) itemIndent = line.indent;
      if (line.indent === itemIndent && reach.notRendered?.has(line.number) !== true) items.push(i);
    }
    const item = Array.isArray(rendered) ? rendered[segment] : undefined;
    const name = typeof item === 'object' && item !== null && !Array.isArray(item) && typeof item.name === 'string' ? item.name : null;
    // The item naming it, else one item (a template usually writes one container), else the same position;
    // never an item whose name is written and is another (`- name: config` is not the rendered `run`).
    // Else the one item whose name, written in part by actions, may be it (a sidecar named
    // `{{ .Chart.Name }}-reload` before the main container is not the main one when it is not rendered).
    const byName = name === null ? -1 : items.findIndex((i) => literalName(lines, i) === name);
    const fits = (k: number) => name === null || (literalName(lines, items[k]!) === null && mayBeNamed(lines, items[k]!, name));
    const fitting = items.flatMap((_, k) => (fits(k) ? [k] : []));
    const chosen = byName >= 0 ? byName : fitting.length === 1 ? fitting[0]! : segment < items.length && fits(segment) ? segment : -1;
    if (chosen < 0) {
      // An item a named template the block includes writes (bitnami's init containers, one `define` each, found by their name).
      const included = throughIncludes(includeLinesOf(lines, from, to, reach), path, depth, rendered, reach);
      if (included.depth > depth) return included;
      // An item no line of the template writes: from a values list the block writes among its own (`toYaml .Values.extraVolumes`).
      const values = valuesInBlock(lines, from, to, reach, 'items');
      if (values !== null) consider({ line: parentLine, depth, values: sourceOf(values, depth) });
      return best;
    }
    const at = items[chosen]!;
    if (depth === path.length - 1 && keyOf(lines[at]!) === null && contradicts(lines[at]!.body, item)) return best;
    const end = blockEnd(lines, at + 1, lines[at]!.indent, true);
    // The item's own first line (`- name: x`) is part of its block.
    consider(walk(lines, at, end, path, depth + 1, item, lines[at]!.number, reach));
    return best;
  }
  let indent = -1;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.transparent) continue;
    if (indent < 0) indent = line.indent;
    if (line.indent !== indent) continue;
    const key = keyOf(line);
    if (key === null || key.key !== segment || reach.notRendered?.has(line.number) === true) continue;
    const child = typeof rendered === 'object' && rendered !== null && !Array.isArray(rendered) ? rendered[segment] : undefined;
    // A literal value that is not the rendered one was not rendered: another branch of an `if` wrote the field.
    if (depth === path.length - 1 && contradicts(key.value, child)) continue;
    const end = blockEnd(lines, i + 1, line.indent, false);
    if (depth === path.length - 1 || key.value !== '') {
      // The field itself, or a value written on the key's line (or, for a key that ends the path, by a `toYaml` under it).
      const values = valuesPathIn(key.value, line.scope) ?? (depth === path.length - 1 && key.value === '' ? valuesInBlock(lines, i + 1, end, reach) : null);
      consider({ line: line.number, depth: depth + 1, values: values === null ? null : sourceOf(values, depth + 1) });
      if (depth === path.length - 1) continue;
      // The rest of the path inside a flow collection written on the line (`add: ["SYS_ADMIN"]`), when it holds the rendered value.
      if (flowHolds(key.value, path.slice(depth + 1), child)) consider({ line: line.number, depth: path.length, values: null });
    }
    const deeper = walk(lines, i + 1, end, path, depth + 1, child, line.number, reach);
    if (deeper.depth === depth + 1 && deeper.values === null) {
      const values = valuesInBlock(lines, i + 1, end, reach);
      if (values !== null) consider({ line: line.number, depth: depth + 1, values: sourceOf(values, depth + 1) });
      else {
        // Nothing under the key here: what its value or its block includes may write the rest.
        const included = throughIncludes([key.value, ...lines.slice(i + 1, end).filter((l) => l.transparent).map((l) => l.body)], path, depth + 1, child, reach);
        if (included.depth > depth + 1) consider(included);
      }
    }
    consider(deeper);
  }
  // No line of this block writes the key: a named template included among its own lines may (vault's
  // container `{{ template "csi.daemonSet.securityContext.container" . }}` writes its `securityContext:`).
  if (best.depth === depth) consider(throughIncludes(includeLinesOf(lines, from, to, reach), path, depth, rendered, reach));
  return best;
}

/** The bodies of the action lines in [from, to) that a branch the values rule out does not hide. */
function includeLinesOf(lines: readonly Line[], from: number, to: number, reach: Reach): string[] {
  const bodies: string[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.transparent && reach.notRendered?.has(line.number) !== true) bodies.push(line.body);
  }
  return bodies;
}

/**
 * The path from `depth` in the named templates some lines include, the
 * deepest walk of them; nothing found (depth as given) when none goes
 * deeper. Its line is in the named template's file.
 */
function throughIncludes(texts: readonly string[], path: FieldPath, depth: number, rendered: JsonValue | undefined, reach: Reach): Walk {
  let best: Walk = { line: 0, depth, values: null };
  if (reach.hops >= maxHops) return best;
  for (const name of includedIn(texts)) {
    const named = reach.named.get(name);
    if (named === undefined) continue;
    const inner = walk(named.lines, 0, named.lines.length, path, depth, rendered, 0, { named: reach.named, hops: reach.hops + 1 });
    if (inner.depth > best.depth) best = { ...inner, file: inner.file ?? named.file };
  }
  return best;
}

const noNamedTemplates: NamedTemplates = new Map();

/** A block action open at a line: its action, the condition of each of its branches so far (the last the line's; '' for a bare `else`), and the block around it. */
interface OpenBlock {
  readonly action: string;
  readonly conditions: readonly string[];
  readonly outer: OpenBlock | null;
}

/**
 * The innermost block action open where each line of a template starts
 * (`[line - 1]`; one more entry: after the last line), each linked to the
 * blocks around it: the one walk of `if`/`else`/`end` that the guards of a
 * line and the branches its values rule out are read from.
 */
function openBlocks(text: string): (OpenBlock | null)[] {
  const out: (OpenBlock | null)[] = [];
  let top = null as OpenBlock | null;
  for (const raw of text.split('\n')) {
    out.push(top);
    for (const { words } of actionsOf(raw)) {
      const opener = blockOpener.exec(words)?.[1];
      if (opener !== undefined) top = { action: opener, conditions: [words.slice(opener.length).trim()], outer: top };
      else if (words === 'end') top = top?.outer ?? null;
      else if (/^else\b/.test(words) && top !== null) top = { ...top, conditions: [...top.conditions, /^else\s+if\s+(.+)$/.exec(words)?.[1] ?? ''] };
    }
  }
  out.push(top);
  return out;
}

/** The blocks open at a line, innermost first. */
function* blocksAround(block: OpenBlock | null): Generator<OpenBlock> {
  for (let b = block; b !== null; b = b.outer) yield b;
}

/** Whether `block` is `open` or inside it. */
function isWithin(block: OpenBlock | null, open: OpenBlock): boolean {
  for (const b of blocksAround(block)) if (b === open) return true;
  return false;
}

/** `.Values.x`, or `$.Values.x` (the root's, as a `range` over other values reads it). */
const wholeValuesKey = new RegExp(String.raw`^\$?${valuesKeyText}$`);

/** The values key of an `{{ if .Values.x }}` before any `else` (`x`'s path), or null for any other block or branch. */
function valuesGuard(block: OpenBlock): string[] | null {
  const key = block.action === 'if' && block.conditions.length === 1 ? wholeValuesKey.exec(block.conditions[0]!) : null;
  return key === null ? null : key[1]!.slice(1).split('.');
}

/**
 * The values keys whose truth writes a template line: each `{{ if
 * .Values.x }}` open at that line (innermost first), as `x`'s path. An
 * `if` on anything else (`not`, `and`, a comparison) names none: turning
 * that on is not one value's change; past an `else`, the line is written
 * when the guard is false: no key to turn on.
 */
export function guardsOf(text: string, line: number): string[][] {
  return guardsAt(openBlocks(text), line);
}

/** guardsOf for many lines of one template, its blocks read once. */
export function guardReader(text: string): (line: number) => string[][] {
  const blocks = openBlocks(text);
  return (line) => guardsAt(blocks, line);
}

function guardsAt(blocks: readonly (OpenBlock | null)[], line: number): string[][] {
  const guards: string[][] = [];
  for (const block of blocksAround(blocks[Math.min(line - 1, blocks.length - 1)] ?? null)) {
    const key = valuesGuard(block);
    if (key !== null) guards.push(key);
  }
  return guards;
}

/** A key (a values path) or a map that holds it: what must be set for the key to be. */
const holdsKey = (key: readonly string[]) => (other: readonly string[]) => other.length <= key.length && other.every((part, i) => part === key[i]);

/**
 * The values keys a template writes a field from, under an `if` that tests
 * that very key: `{{- if .Values.global.seccompProfile }}` then
 * `seccompProfile:` and `type: {{ .Values.global.seccompProfile }}` (dapr's
 * control plane; a common helper tests `and .Values.seccompProfile
 * .Values.seccompProfile.type`, the maps that hold the key with it). Set,
 * such a key turns its branch on and is the field's value at once.
 * `field`: the field's parent key and its own (`seccompProfile`, `type`).
 */
export function valuedSwitches(text: string, field: readonly [string, string]): string[][] {
  const [parent, own] = field;
  if (!text.includes(own)) return [];
  const written = new RegExp(String.raw`^(\s*)${literally(own)}:\s*("?)\{\{-?\s*\$?${valuesKeyText}\s*(?:\|\s*quote\s*)?-?\}\}\2\s*$`);
  const lines = text.split('\n');
  let blocks: (OpenBlock | null)[] | undefined;
  const out: string[][] = [];
  lines.forEach((line, i) => {
    const match = written.exec(line);
    if (match === null) return;
    const indent = match[1]!.length;
    // The line the field's map opens: the first one above that writes YAML, less indented.
    let above = i - 1;
    while (above >= 0 && writesNoYaml(lines[above]!.trim())) above--;
    const opener = lines[above] ?? '';
    if (opener.length - opener.trimStart().length >= indent || opener.trim() !== `${parent}:`) return;
    const key = match[3]!.slice(1).split('.');
    const set = holdsKey(key);
    blocks ??= openBlocks(text);
    for (const block of blocksAround(blocks[i] ?? null)) {
      // In the branch of an `if` whose condition holds when the key (and the maps that hold it) are set.
      if (block.action !== 'if' || block.conditions.length !== 1) continue;
      if (conditionTruth(block.conditions[0]!, (tested) => (set(tested) ? true : undefined)) !== true) continue;
      if (!out.some((known) => known.join('.') === key.join('.'))) out.push(key);
      return;
    }
  });
  return out;
}

/** A line a switch may take away with the field it guards: blank, a comment, a literal `key: value`, or the switch's own `end`. */
const plainBranchLine = /^\s*(?:#.*|[A-Za-z0-9_.-]+:\s+[^\s{}#&*!|>][^{}]*|\{\{-?\s*end\s*-?\}\})?\s*$/;

/**
 * The values key that switches a template line on, when turning it off
 * takes nothing else away: the innermost block open at the line is an
 * `{{ if .Values.x }}` with no `else` whose branch writes only literal
 * fields (rook-ceph's `hostNetwork: true` and `dnsPolicy:
 * ClusterFirstWithHostNet` under `useOperatorHostNetwork`), no container,
 * volume, include or other action. Null otherwise.
 */
export function plainSwitchOf(text: string, line: number): string[] | null {
  const blocks = openBlocks(text);
  const open = blocks[line - 1] ?? null;
  const key = open === null ? null : valuesGuard(open);
  if (open === null || key === null) return null;
  const lines = text.split('\n');
  // The branch's lines are those that start with the block open (its `else` line too, which is no plain line: a
  // switch with another branch would write that one when turned off).
  for (let i = 0; i < lines.length; i++) {
    if (isWithin(blocks[i] ?? null, open) && !plainBranchLine.test(lines[i]!)) return null;
  }
  return key;
}

/** What the values say of a key's truth in a template's `if` (helm's: false, 0, "", null and empty lists and maps are false); undefined when they do not say. */
export type ValuesTruth = (key: readonly string[]) => boolean | undefined;

/** The operands of a function call's arguments, split at spaces outside parentheses. */
function operandsOf(text: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return null;
    else if ((c === undefined || /\s/.test(c)) && depth === 0) {
      if (i > start) out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return depth === 0 ? out : null;
}

/**
 * The truth of a condition made of values keys: `.Values.x`, `not C`,
 * `and C…`, `or C…`, parenthesised as needed; undefined for anything else
 * (a comparison, a variable, a function) or when the values do not say.
 */
function conditionTruth(condition: string, truth: ValuesTruth): boolean | undefined {
  const text = condition.trim();
  if (text.startsWith('(') && text.endsWith(')') && operandsOf(text.slice(1, -1)) !== null) return conditionTruth(text.slice(1, -1), truth);
  const key = wholeValuesKey.exec(text);
  if (key !== null) return truth(key[1]!.slice(1).split('.'));
  const [operator, ...operands] = operandsOf(text) ?? [];
  if (operands.length === 0) return undefined;
  const values = operands.map((operand) => conditionTruth(operand, truth));
  if (operator === 'not') return operands.length === 1 && values[0] !== undefined ? !values[0] : undefined;
  if (operator === 'and') return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
  if (operator === 'or') return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
  return undefined;
}

/**
 * The lines of a template that a branch its values rule out holds: under
 * `if .Values.x` (or `with`) when x is false, under its `else` when x is
 * true, and so on down an `else if` chain; `not`, `and` and `or` of values
 * keys too. A condition on anything else (a comparison, a variable, a
 * function) rules nothing out, nor does one inside a `with`, `range` or
 * `define`, where `.Values` is not the chart's values. A line is judged by
 * the branches open where it starts.
 */
export function linesNotRendered(text: string, truth: ValuesTruth): ReadonlySet<number> {
  const written = new Map<OpenBlock, boolean | undefined>();
  const writtenOf = (block: OpenBlock) => {
    if (!written.has(block)) written.set(block, branchWritten(block, truth));
    return written.get(block);
  };
  const out = new Set<number>();
  openBlocks(text).forEach((block, i) => {
    for (const open of blocksAround(block)) {
      if (writtenOf(open) !== false) continue;
      out.add(i + 1);
      break;
    }
  });
  return out;
}

/** Whether the current branch of a block is written (true), not (false), or not known, as the values take its conditions and those before it. */
function branchWritten(block: OpenBlock, truth: ValuesTruth): boolean | undefined {
  if (block.action !== 'if' && block.action !== 'with') return undefined;
  // Inside a block that rebinds the dot, `.Values` is not the chart's values.
  for (const outer of blocksAround(block.outer)) if (outer.action !== 'if') return undefined;
  let taken = false;
  let unknown = false;
  let current: boolean | undefined;
  for (const condition of block.conditions) {
    // A bare `else` is written when every earlier condition was false.
    const own = condition === '' ? true : conditionTruth(condition, truth);
    current = taken || own === false ? false : unknown || own === undefined ? undefined : true;
    // A condition known true, after unknown ones, still rules out every branch after it.
    taken ||= own === true;
    unknown ||= own === undefined;
  }
  return current;
}

/**
 * The lines of the one document of a template that writes the rendered
 * object's kind as a literal (`kind: Pod`), when the template writes several
 * documents (a chart's test file: a GrafanaAgent, a ServiceAccount, the test
 * Pod): their `spec:` keys are not the object's. All the lines otherwise.
 */
function documentOfKind(lines: readonly Line[], rendered: JsonValue): [number, number] {
  const kind = typeof rendered === 'object' && rendered !== null && !Array.isArray(rendered) ? rendered.kind : undefined;
  const starts = [0];
  lines.forEach((line, i) => {
    if (i > 0 && line.indent === 0 && /^---(\s|$)/.test(line.body)) starts.push(i + 1);
  });
  if (starts.length === 1 || typeof kind !== 'string') return [0, lines.length];
  const ranges = starts.map((start, d): [number, number] => [start, d + 1 < starts.length ? starts[d + 1]! - 1 : lines.length]);
  const writesKind = (line: Line) => {
    const key = line.indent === 0 ? keyOf(line) : null;
    return key?.key === 'kind' && unquoted(key.value) === kind;
  };
  const writing = ranges.filter(([start, end]) => lines.slice(start, end).some(writesKind));
  if (writing.length === 1) return writing[0]!;
  // Several objects of that kind (kubevela's two Jobs in job-patch.yaml): the one whose name may render as the object's.
  const name = (rendered as { metadata?: { name?: unknown } }).metadata?.name;
  const named = typeof name === 'string' ? writing.filter(([start, end]) => mayWrite(metadataName(lines, start, end), name)) : [];
  return named.length === 1 ? named[0]! : [0, lines.length];
}

/** The value a document's `metadata:` writes for its `name` (quotes removed), or null when it writes none there. */
function metadataName(lines: readonly Line[], start: number, end: number): string | null {
  const opens = (line: Line) => {
    const key = line.indent === 0 && !line.transparent ? keyOf(line) : null;
    return key?.key === 'metadata' && key.value === '';
  };
  const metadata = lines.slice(start, end).findIndex(opens);
  if (metadata < 0) return null;
  const from = start + metadata + 1;
  const to = blockEnd(lines, from, 0, false);
  // Its own keys only (not a label's `name:` deeper down).
  return valueOfKey(lines, from, to, lines.slice(from, to).find((line) => !line.transparent)?.indent, 'name');
}

/**
 * Where a template writes the field at `path` of the object it renders
 * (`rendered`: the rendered object), following its includes into `named`.
 */
export function findInTemplate(text: string, path: FieldPath, rendered: JsonValue, named: NamedTemplates = noNamedTemplates, truth?: ValuesTruth): TemplateHit {
  const lines = linesOf(text);
  const reach: Reach = { named, hops: 0, ...(truth === undefined ? {} : { notRendered: linesNotRendered(text, truth) }) };
  const [from, to] = documentOfKind(lines, rendered);
  let found = walk(lines, from, to, path, 0, rendered, 1, reach);
  // A whole object from a named template (`{{ include "chart.deployment" . }}`).
  if (found.depth === 0) {
    const included = throughIncludes(lines.filter((l) => l.transparent).map((l) => l.body), path, 0, rendered, reach);
    if (included.depth > 0) found = included;
  }
  return { line: found.line, exact: found.depth === path.length, values: found.values, ...(found.file === undefined ? {} : { file: found.file }) };
}
