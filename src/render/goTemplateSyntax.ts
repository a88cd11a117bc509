/**
 * The syntax of the part of Go's text/template that ApplicationSet
 * templates use (pure): text and actions, with their trim markers and
 * comments, read into a tree of text, printed pipelines, `if` / `else if` /
 * `else`, `with` and `range` (with `$index, $value :=` declarations), each
 * closed by `end`. A pipeline is commands joined by `|`, each of words:
 * literals (double-quoted strings without escapes, whole numbers, `true`,
 * `false`), field chains on the dot (`.`, `.a.b`) or on a variable (`$`,
 * `$v.a`), function names, and pipelines in parentheses.
 *
 * Variables are declared (`$x := …`) and set (`$x = …`) in actions of
 * their own.
 *
 * Anything else (`define`, `template`, `block`, `break`, `continue`, a
 * variable declared in an `if` or `with`, a field of a parenthesized value,
 * raw or escaped strings, an action left open or an `end` too many) is
 * refused:
 * null, and what the template makes is not read.
 */

/** A word of a command. */
export type Word =
  | { readonly kind: 'chain'; readonly base: 'dot' | { readonly variable: string }; readonly path: readonly string[] }
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'name'; readonly name: string }
  /** A pipeline in parentheses: its value is the word's. */
  | { readonly kind: 'pipeline'; readonly pipeline: Pipeline };

/** Commands joined by `|`: each command's value is the last argument of the next. */
export type Pipeline = readonly (readonly Word[])[];

export type TemplateNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'print'; readonly pipeline: Pipeline }
  | { readonly kind: 'if'; readonly branches: readonly { readonly condition: Pipeline; readonly body: readonly TemplateNode[] }[]; readonly otherwise: readonly TemplateNode[] }
  /** `$x := …` declares a variable for the rest of its block; `$x = …` sets the one declared. */
  | { readonly kind: 'declare'; readonly name: string; readonly pipeline: Pipeline; readonly assign: boolean }
  /** `with`: the body with the value as the dot, when it is true; else `otherwise`. */
  | { readonly kind: 'with'; readonly pipeline: Pipeline; readonly body: readonly TemplateNode[]; readonly otherwise: readonly TemplateNode[] }
  | { readonly kind: 'range'; readonly variables: readonly string[]; readonly pipeline: Pipeline; readonly body: readonly TemplateNode[]; readonly otherwise: readonly TemplateNode[] };

/** An action's text between its delimiters and trim markers, or a stretch of text. */
type Token = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'action'; readonly inner: string };

/** Whitespace a trim marker removes: spaces, tabs, carriage returns and newlines, as Go's lexer counts them. */
const trimmed = /[ \t\r\n]+$/;
const leading = /^[ \t\r\n]+/;

/** The template's tokens, trim markers applied and comments dropped; null when an action is left open. */
function tokensOf(text: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  let trimNext = false;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    let before = text.slice(at, open < 0 ? text.length : open);
    if (trimNext) before = before.replace(leading, '');
    if (open < 0) {
      if (before !== '') tokens.push({ kind: 'text', text: before });
      break;
    }
    const close = text.indexOf('}}', open + 2);
    if (close < 0) return null;
    let inner = text.slice(open + 2, close);
    // `{{- ` and ` -}}`: the marker must stand apart from the action's words (`{{-3}}` is a number).
    const trimBefore = /^-[ \t\r\n]/.test(inner);
    trimNext = /[ \t\r\n]-$/.test(inner);
    if (trimBefore) before = before.replace(trimmed, '');
    inner = inner.slice(trimBefore ? 2 : 0, trimNext ? inner.length - 2 : inner.length);
    if (before !== '') tokens.push({ kind: 'text', text: before });
    // A comment fills its action: `{{/* … */}}`, `{{- /* … */ -}}`.
    const comment = /^\/\*[\s\S]*\*\/$/.test(inner);
    if (!comment) tokens.push({ kind: 'action', inner });
    at = close + 2;
  }
  return tokens;
}

/** The template's tree; null when it holds what is not read here (see above). */
export function parseTemplate(text: string): TemplateNode[] | null {
  const tokens = tokensOf(text);
  if (tokens === null) return null;
  const reader = new Reader(tokens);
  const nodes = reader.nodes();
  // Whatever stopped the top level (an `end`, an `else`) has nothing to close.
  return nodes !== null && reader.done() ? nodes : null;
}

/** Reads tokens into nodes, a list at a time, up to the keyword that ends the list (`end`, `else`). */
class Reader {
  private at = 0;
  /** The keyword action that ended the last list, read but not taken. */
  stop: { readonly keyword: 'end' | 'else'; readonly rest: string } | null = null;

  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    return this.at >= this.tokens.length && this.stop === null;
  }

  /** Nodes up to the end of the tokens or a stopping keyword (left in `stop`); null when something is refused. */
  nodes(): TemplateNode[] | null {
    const nodes: TemplateNode[] = [];
    this.stop = null;
    while (this.at < this.tokens.length) {
      const token = this.tokens[this.at++]!;
      if (token.kind === 'text') {
        nodes.push(token);
        continue;
      }
      const words = token.inner.trim();
      const keyword = /^([a-z]+)\b\s*([\s\S]*)$/.exec(words);
      const [, name, rest] = keyword ?? [];
      if (name === 'end' || name === 'else') {
        if (name === 'end' && rest !== '') return null;
        this.stop = { keyword: name, rest: rest ?? '' };
        return nodes;
      }
      const node = name === 'if' ? this.ifNode(rest!) : name === 'range' ? this.rangeNode(rest!) : name === 'with' ? this.withNode(rest!) : keywords.has(name ?? '') ? null : printNode(words);
      if (node === null) return null;
      nodes.push(node);
    }
    return nodes;
  }

  private ifNode(first: string): TemplateNode | null {
    const branches: { condition: Pipeline; body: readonly TemplateNode[] }[] = [];
    let condition = pipelineOf(first);
    for (;;) {
      const body = condition === null ? null : this.nodes();
      const stop = this.taken();
      if (condition === null || body === null || stop === null) return null;
      branches.push({ condition, body });
      const { keyword, rest } = stop;
      if (keyword === 'end') return { kind: 'if', branches, otherwise: [] };
      // `else if …` opens the next branch; a bare `else`, the last.
      const elseIf = /^if\b\s*([\s\S]*)$/.exec(rest);
      if (elseIf) {
        condition = pipelineOf(elseIf[1]!);
        continue;
      }
      if (rest !== '') return null;
      const otherwise = this.closed();
      return otherwise === null ? null : { kind: 'if', branches, otherwise };
    }
  }

  private rangeNode(rest: string): TemplateNode | null {
    // `range $v := …`, `range $i, $v := …`, or `range …` (the dot is each item).
    const declared = /^(\$[A-Za-z_][A-Za-z0-9_]*)(?:\s*,\s*(\$[A-Za-z_][A-Za-z0-9_]*))?\s*:=\s*([\s\S]*)$/.exec(rest);
    const variables = declared ? [declared[1]!, ...(declared[2] ? [declared[2]] : [])] : [];
    const pipeline = pipelineOf(declared ? declared[3]! : rest);
    const body = pipeline === null ? null : this.nodes();
    const stop = this.taken();
    if (pipeline === null || body === null || stop === null) return null;
    if (stop.keyword === 'end') return { kind: 'range', variables, pipeline, body, otherwise: [] };
    if (stop.rest !== '') return null;
    const otherwise = this.closed();
    return otherwise === null ? null : { kind: 'range', variables, pipeline, body, otherwise };
  }

  private withNode(rest: string): TemplateNode | null {
    const pipeline = pipelineOf(rest);
    const body = pipeline === null ? null : this.nodes();
    const stop = this.taken();
    if (pipeline === null || body === null || stop === null) return null;
    if (stop.keyword === 'end') return { kind: 'with', pipeline, body, otherwise: [] };
    // `else with …` (Go 1.23) is not read here.
    if (stop.rest !== '') return null;
    const otherwise = this.closed();
    return otherwise === null ? null : { kind: 'with', pipeline, body, otherwise };
  }

  /** The nodes of a last branch, which only `end` closes. */
  private closed(): TemplateNode[] | null {
    const nodes = this.nodes();
    return nodes !== null && this.taken()?.keyword === 'end' ? nodes : null;
  }

  /** The keyword that ended the last list, taken: the node it belongs to closes or goes on with it. */
  private taken(): { readonly keyword: 'end' | 'else'; readonly rest: string } | null {
    const stop = this.stop;
    this.stop = null;
    return stop;
  }
}

/** Keywords of actions not read here. */
const keywords = new Set(['define', 'template', 'block', 'break', 'continue']);

function printNode(words: string): TemplateNode | null {
  const declared = /^(\$[A-Za-z_][A-Za-z0-9_]*)\s*(:?=)\s*([\s\S]*)$/.exec(words);
  if (declared) {
    const pipeline = pipelineOf(declared[3]!);
    return pipeline === null ? null : { kind: 'declare', name: declared[1]!, pipeline, assign: declared[2] === '=' };
  }
  // `$ := …` (or `$ = …`) is not a declaration Go takes.
  if (/^\$\s*:?=/.test(words)) return null;
  const pipeline = pipelineOf(words);
  return pipeline === null ? null : { kind: 'print', pipeline };
}

const wordPattern = /\s*(?:(\|)|(\()|(\))|"([^"\\]*)"|(-?\d+)(?![\w.])|(\$(?:[A-Za-z_][A-Za-z0-9_]*)?)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)|(\.(?:[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)?)(?![\w.])|([A-Za-z_][A-Za-z0-9_]*))/y;

/** The commands of a pipeline (`a | b (c d)`), each its words; null when a word is not one read here. */
export function pipelineOf(inner: string): Pipeline | null {
  const state = { at: 0 };
  const pipeline = pipelineFrom(inner, state, false);
  return pipeline !== null && !wordsFrom(inner, state.at) ? pipeline : null;
}

/** The pipeline from `state.at`, up to the end or (`nested`) the `)` that closes it, which it takes. */
function pipelineFrom(inner: string, state: { at: number }, nested: boolean): Word[][] | null {
  const commands: Word[][] = [[]];
  while (wordsFrom(inner, state.at)) {
    wordPattern.lastIndex = state.at;
    const match = wordPattern.exec(inner);
    if (match === null) return null;
    state.at = wordPattern.lastIndex;
    const [, pipe, open, close, text, number, variable, variableChain, chain, name] = match;
    const command = commands.at(-1)!;
    if (close !== undefined) {
      if (!nested) return null;
      return commands.every((words) => words.length > 0) ? commands : null;
    }
    if (pipe !== undefined) commands.push([]);
    else if (open !== undefined) {
      const sub = pipelineFrom(inner, state, true);
      // A field of a parenthesized value (`(index .x 0).name`) is not read here.
      if (sub === null || /[.\w]/.test(inner.charAt(state.at))) return null;
      command.push({ kind: 'pipeline', pipeline: sub });
    } else if (text !== undefined) command.push({ kind: 'literal', value: text });
    else if (number !== undefined) command.push({ kind: 'literal', value: Number(number) });
    else if (variable !== undefined) command.push({ kind: 'chain', base: { variable }, path: fieldsOf(variableChain ?? '') });
    else if (chain !== undefined) command.push({ kind: 'chain', base: 'dot', path: fieldsOf(chain) });
    else if (name === 'true' || name === 'false') command.push({ kind: 'literal', value: name === 'true' });
    else command.push({ kind: 'name', name: name! });
  }
  // The end of the action before its `)`: not closed.
  return !nested && commands.every((words) => words.length > 0) ? commands : null;
}

/** Whether anything but spaces follows `at` (read up to the first such character: the words after it read it again, so reading stays linear). */
function wordsFrom(inner: string, at: number): boolean {
  nonSpace.lastIndex = at;
  return nonSpace.test(inner);
}

const nonSpace = /\S/g;

/** `.a.b` as its field names; `.` alone, none. */
function fieldsOf(chain: string): string[] {
  return chain.split('.').filter((name) => name !== '');
}
