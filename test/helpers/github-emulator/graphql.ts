// A deliberately narrow GraphQL endpoint. It parses real GraphQL (aliases,
// variables, inline fragments, comments) but serves only these shapes:
//
//   query { repository(owner:, name:) { <alias>: object(expression: "<rev>:<path>") { ... on Blob { text isBinary byteSize isTruncated oid } } … } }
//   query { repository(owner:, name:) { pullRequest(number:) { reviewThreads(first:, after:) {
//             nodes { id isResolved isOutdated path line startLine diffSide startDiffSide viewerCanResolve
//                     comments(first:, after:) { nodes { id databaseId body path createdAt author { login } } totalCount pageInfo { … } } }
//             totalCount pageInfo { hasNextPage endCursor hasPreviousPage startCursor } } } } }
//   mutation { resolveReviewThread(input: { threadId: "…" }) { thread { … } clientMutationId } }
//
// Anything else (other fields, fragment spreads, directives, `last`) is an
// error naming what is not emulated, so a test can never pass by accident
// against a shape GitHub would answer differently.

export interface GraphqlLocation {
  readonly line: number;
  readonly column: number;
}

export interface GraphqlErrorEntry {
  readonly message: string;
  readonly type?: string;
  readonly path?: readonly (string | number)[];
  readonly locations?: readonly GraphqlLocation[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

class GraphqlFailure extends Error {
  constructor(readonly entry: GraphqlErrorEntry) {
    super(entry.message);
  }
}

// ---------------------------------------------------------------------------
// Lexer and parser

interface Token {
  readonly kind: 'punct' | 'name' | 'int' | 'float' | 'string' | 'eof';
  readonly value: string;
  readonly loc: GraphqlLocation;
}

function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const loc = (at: number): GraphqlLocation => ({ line, column: at - lineStart + 1 });
  const fail = (message: string, at: number): never => {
    throw new GraphqlFailure({ message, locations: [loc(at)] });
  };
  while (i < source.length) {
    const c = source[i] ?? '';
    if (c === '\n') {
      i += 1;
      line += 1;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === '\ufeff') {
      i += 1;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i += 1;
      continue;
    }
    if (source.startsWith('...', i)) {
      tokens.push({ kind: 'punct', value: '...', loc: loc(i) });
      i += 3;
      continue;
    }
    if ('!$&()[]{}:=@|'.includes(c)) {
      tokens.push({ kind: 'punct', value: c, loc: loc(i) });
      i += 1;
      continue;
    }
    const name = /^[_A-Za-z][_0-9A-Za-z]*/.exec(source.slice(i, i + 256));
    if (name) {
      tokens.push({ kind: 'name', value: name[0], loc: loc(i) });
      i += name[0].length;
      continue;
    }
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i, i + 64));
    if (num && num[0] !== '-') {
      tokens.push({ kind: num[2] || num[3] ? 'float' : 'int', value: num[0], loc: loc(i) });
      i += num[0].length;
      continue;
    }
    if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3);
      if (end < 0) fail('Unterminated string', i);
      const raw = source.slice(i + 3, end);
      tokens.push({ kind: 'string', value: raw, loc: loc(i) });
      for (const ch of raw) if (ch === '\n') line += 1;
      i = end + 3;
      continue;
    }
    if (c === '"') {
      const start = i;
      i += 1;
      let value = '';
      for (;;) {
        const ch = source[i];
        if (ch === undefined || ch === '\n') fail('Unterminated string', start);
        if (ch === '"') break;
        if (ch === '\\') {
          const esc = source[i + 1] ?? '';
          const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (esc in simple) {
            value += simple[esc] ?? '';
            i += 2;
          } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
            i += 6;
          } else {
            fail(`Bad escape sequence \\${esc}`, i);
          }
          continue;
        }
        value += ch;
        i += 1;
      }
      i += 1;
      tokens.push({ kind: 'string', value, loc: loc(start) });
      continue;
    }
    fail(`Parse error on "${c}" at [${line}, ${i - lineStart + 1}]`, i);
  }
  tokens.push({ kind: 'eof', value: '', loc: loc(i) });
  return tokens;
}

export type GraphqlValue =
  | { readonly kind: 'variable'; readonly name: string; readonly loc: GraphqlLocation }
  | { readonly kind: 'int' | 'float'; readonly value: number; readonly loc: GraphqlLocation }
  | { readonly kind: 'string' | 'enum'; readonly value: string; readonly loc: GraphqlLocation }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly loc: GraphqlLocation }
  | { readonly kind: 'null'; readonly loc: GraphqlLocation }
  | { readonly kind: 'list'; readonly values: readonly GraphqlValue[]; readonly loc: GraphqlLocation }
  | { readonly kind: 'object'; readonly fields: ReadonlyMap<string, GraphqlValue>; readonly loc: GraphqlLocation };

interface FieldNode {
  readonly kind: 'field';
  readonly alias: string | null;
  readonly name: string;
  readonly args: ReadonlyMap<string, GraphqlValue>;
  readonly selections: readonly SelectionNode[] | null;
  readonly loc: GraphqlLocation;
}

interface InlineFragmentNode {
  readonly kind: 'inline';
  readonly typeCondition: string | null;
  readonly selections: readonly SelectionNode[];
  readonly loc: GraphqlLocation;
}

type SelectionNode = FieldNode | InlineFragmentNode;

interface VariableDefinition {
  readonly name: string;
  readonly type: string;
  readonly defaultValue: GraphqlValue | null;
}

export interface OperationNode {
  readonly operation: 'query' | 'mutation';
  readonly name: string | null;
  readonly variables: readonly VariableDefinition[];
  readonly selections: readonly SelectionNode[];
  readonly loc: GraphqlLocation;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] ?? { kind: 'eof', value: '', loc: { line: 0, column: 0 } };
  }

  private next(): Token {
    const t = this.peek();
    this.pos += 1;
    return t;
  }

  private unexpected(t: Token): never {
    const shown = t.kind === 'eof' ? 'end of file' : `"${t.value}"`;
    throw new GraphqlFailure({ message: `Parse error on ${shown} (${t.kind.toUpperCase()}) at [${t.loc.line}, ${t.loc.column}]`, locations: [t.loc] });
  }

  private is(value: string): boolean {
    const t = this.peek();
    return (t.kind === 'punct' || t.kind === 'name') && t.value === value;
  }

  private expect(value: string): Token {
    const t = this.next();
    if ((t.kind !== 'punct' && t.kind !== 'name') || t.value !== value) this.unexpected(t);
    return t;
  }

  private name(): Token {
    const t = this.next();
    if (t.kind !== 'name') this.unexpected(t);
    return t;
  }

  private notEmulated(what: string, loc: GraphqlLocation): never {
    throw new GraphqlFailure({ message: `emulator: ${what} is not emulated (see test/helpers/github-emulator/README.md)`, locations: [loc], extensions: { code: 'notEmulated' } });
  }

  document(): OperationNode[] {
    const ops: OperationNode[] = [];
    while (this.peek().kind !== 'eof') {
      const t = this.peek();
      if (t.kind === 'punct' && t.value === '{') {
        ops.push({ operation: 'query', name: null, variables: [], selections: this.selectionSet(), loc: t.loc });
        continue;
      }
      if (t.kind === 'name' && (t.value === 'query' || t.value === 'mutation')) {
        this.next();
        const name = this.peek().kind === 'name' ? this.name().value : null;
        const variables = this.is('(') ? this.variableDefinitions() : [];
        if (this.is('@')) this.notEmulated('a directive', this.peek().loc);
        ops.push({ operation: t.value, name, variables, selections: this.selectionSet(), loc: t.loc });
        continue;
      }
      if (t.kind === 'name' && (t.value === 'subscription' || t.value === 'fragment')) this.notEmulated(`a ${t.value} definition`, t.loc);
      this.unexpected(t);
    }
    if (ops.length === 0) throw new GraphqlFailure({ message: 'No operations in query document' });
    return ops;
  }

  private variableDefinitions(): VariableDefinition[] {
    this.expect('(');
    const defs: VariableDefinition[] = [];
    while (!this.is(')')) {
      this.expect('$');
      const name = this.name().value;
      this.expect(':');
      const type = this.typeRef();
      const defaultValue = this.is('=') ? (this.next(), this.value(true)) : null;
      defs.push({ name, type, defaultValue });
    }
    this.expect(')');
    return defs;
  }

  private typeRef(): string {
    let type: string;
    if (this.is('[')) {
      this.next();
      type = `[${this.typeRef()}]`;
      this.expect(']');
    } else {
      type = this.name().value;
    }
    if (this.is('!')) {
      this.next();
      type += '!';
    }
    return type;
  }

  private selectionSet(): SelectionNode[] {
    this.expect('{');
    const selections: SelectionNode[] = [];
    while (!this.is('}')) {
      const t = this.peek();
      if (t.kind === 'punct' && t.value === '...') {
        this.next();
        if (this.is('on')) {
          this.next();
          const typeCondition = this.name().value;
          if (this.is('@')) this.notEmulated('a directive', this.peek().loc);
          selections.push({ kind: 'inline', typeCondition, selections: this.selectionSet(), loc: t.loc });
        } else if (this.is('{')) {
          selections.push({ kind: 'inline', typeCondition: null, selections: this.selectionSet(), loc: t.loc });
        } else {
          this.notEmulated('a fragment spread', t.loc);
        }
        continue;
      }
      selections.push(this.field());
    }
    this.expect('}');
    if (selections.length === 0) this.unexpected(this.tokens[this.pos - 1] ?? this.peek());
    return selections;
  }

  private field(): FieldNode {
    const first = this.name();
    let alias: string | null = null;
    let name = first.value;
    if (this.is(':')) {
      this.next();
      alias = first.value;
      name = this.name().value;
    }
    const args = new Map<string, GraphqlValue>();
    if (this.is('(')) {
      this.next();
      while (!this.is(')')) {
        const argName = this.name().value;
        this.expect(':');
        args.set(argName, this.value(false));
      }
      this.expect(')');
    }
    if (this.is('@')) this.notEmulated('a directive', this.peek().loc);
    const selections = this.is('{') ? this.selectionSet() : null;
    return { kind: 'field', alias, name, args, selections, loc: first.loc };
  }

  private value(isConst: boolean): GraphqlValue {
    const t = this.next();
    if (t.kind === 'punct' && t.value === '$' && !isConst) return { kind: 'variable', name: this.name().value, loc: t.loc };
    if (t.kind === 'int') return { kind: 'int', value: Number(t.value), loc: t.loc };
    if (t.kind === 'float') return { kind: 'float', value: Number(t.value), loc: t.loc };
    if (t.kind === 'string') return { kind: 'string', value: t.value, loc: t.loc };
    if (t.kind === 'name') {
      if (t.value === 'true' || t.value === 'false') return { kind: 'boolean', value: t.value === 'true', loc: t.loc };
      if (t.value === 'null') return { kind: 'null', loc: t.loc };
      return { kind: 'enum', value: t.value, loc: t.loc };
    }
    if (t.kind === 'punct' && t.value === '[') {
      const values: GraphqlValue[] = [];
      while (!this.is(']')) values.push(this.value(isConst));
      this.next();
      return { kind: 'list', values, loc: t.loc };
    }
    if (t.kind === 'punct' && t.value === '{') {
      const fields = new Map<string, GraphqlValue>();
      while (!this.is('}')) {
        const key = this.name().value;
        this.expect(':');
        fields.set(key, this.value(isConst));
      }
      this.next();
      return { kind: 'object', fields, loc: t.loc };
    }
    return this.unexpected(t);
  }
}

// ---------------------------------------------------------------------------
// The emulated schema subset

interface FieldDef {
  /** Scalar fields have no type; object fields name their type. */
  readonly type?: string;
  readonly list?: boolean;
  readonly args?: Readonly<Record<string, string>>;
}

const TYPES: Readonly<Record<string, Readonly<Record<string, FieldDef>>>> = {
  Query: { repository: { type: 'Repository', args: { owner: 'String!', name: 'String!' } }, viewer: { type: 'Actor' } },
  Mutation: { resolveReviewThread: { type: 'ResolveReviewThreadPayload', args: { input: 'ResolveReviewThreadInput!' } } },
  Repository: {
    object: { type: 'GitObject', args: { expression: 'String' } },
    pullRequest: { type: 'PullRequest', args: { number: 'Int!' } },
    nameWithOwner: {},
  },
  // GitObject is an interface: its fields are read through `... on Blob`.
  GitObject: { oid: {} },
  Blob: { text: {}, isBinary: {}, byteSize: {}, isTruncated: {}, oid: {} },
  // A folder, read through `... on Tree` for its entries' modes (a symbolic link is mode 0o120000 = 40960).
  Tree: { entries: { type: 'TreeEntry', list: true }, oid: {} },
  TreeEntry: { name: {}, mode: {}, type: {}, oid: {} },
  PullRequest: { number: {}, reviewThreads: { type: 'PullRequestReviewThreadConnection', args: { first: 'Int', after: 'String' } } },
  PullRequestReviewThreadConnection: { nodes: { type: 'PullRequestReviewThread', list: true }, totalCount: {}, pageInfo: { type: 'PageInfo' } },
  PullRequestReviewThread: {
    id: {}, isResolved: {}, isOutdated: {}, path: {}, line: {}, startLine: {}, diffSide: {}, startDiffSide: {}, viewerCanResolve: {},
    comments: { type: 'PullRequestReviewCommentConnection', args: { first: 'Int', after: 'String' } },
  },
  PullRequestReviewCommentConnection: { nodes: { type: 'PullRequestReviewComment', list: true }, totalCount: {}, pageInfo: { type: 'PageInfo' } },
  PullRequestReviewComment: { id: {}, databaseId: {}, body: {}, path: {}, createdAt: {}, author: { type: 'Actor' } },
  Actor: { login: {} },
  PageInfo: { hasNextPage: {}, hasPreviousPage: {}, endCursor: {}, startCursor: {} },
  ResolveReviewThreadPayload: { thread: { type: 'PullRequestReviewThread' }, clientMutationId: {} },
};

/** Types an inline fragment may narrow to, per parent type. */
const FRAGMENT_TARGETS: Readonly<Record<string, readonly string[]>> = { GitObject: ['Blob', 'Tree'] };

const CONNECTIONS = new Set(['reviewThreads', 'comments']);
const MAX_PAGE = 100;

// ---------------------------------------------------------------------------
// Data the executor reads through the host (the emulator's state and git)

/** One entry of a tree: `mode` as git prints it (octal text, `100644`, `120000`). */
export interface TreeEntryRead {
  readonly name: string;
  readonly mode: string;
  readonly type: string;
  readonly oid: string;
}

export type BlobRead =
  | { readonly kind: 'blob'; readonly oid: string; readonly content: Buffer }
  | { readonly kind: 'tree'; readonly oid: string; readonly entries: readonly TreeEntryRead[] }
  | { readonly kind: 'commit' | 'tag'; readonly oid: string };

export interface ThreadView {
  readonly id: string;
  readonly isResolved: boolean;
  readonly path: string;
  readonly line: number;
  readonly startLine: number | null;
  readonly diffSide: 'LEFT' | 'RIGHT';
  readonly startDiffSide: 'LEFT' | 'RIGHT' | null;
  readonly comments: readonly CommentView[];
}

export interface CommentView {
  readonly id: string;
  readonly databaseId: number;
  readonly body: string;
  readonly path: string;
  readonly createdAt: string;
  readonly authorLogin: string;
}

export type Scope = 'contents' | 'pull_requests';

export interface GraphqlHost {
  repositoryExists(owner: string, name: string): boolean;
  readObjects(owner: string, name: string, expressions: readonly string[]): Promise<(BlobRead | undefined)[]>;
  /** undefined when the pull request does not exist. */
  reviewThreads(owner: string, name: string, number: number): readonly ThreadView[] | undefined;
  /** Marks the thread resolved; undefined when no thread has that id. */
  resolveThread(threadId: string): ThreadView | undefined;
  can(scope: Scope, level: 'read' | 'write'): boolean;
  /** Blob.text stops at this many bytes (isTruncated: true). */
  readonly blobTextLimit: number;
  /** Who the token acts as, as GraphQL names it (a Bot without the `[bot]` suffix). */
  readonly viewerLogin: string;
}

export interface GraphqlResult {
  readonly body: { data?: Record<string, unknown> | null; errors?: GraphqlErrorEntry[] };
  /** What the request did, for the request log: blobs, reviewThreads, resolveReviewThread, or invalid. */
  readonly kind: string;
}

// ---------------------------------------------------------------------------
// Validation: every field, argument and variable against the table above

type Variables = Readonly<Record<string, unknown>>;

function notEmulated(what: string, loc: GraphqlLocation): GraphqlFailure {
  return new GraphqlFailure({ message: `emulator: ${what} is not emulated (see test/helpers/github-emulator/README.md)`, locations: [loc], extensions: { code: 'notEmulated' } });
}

function resolveValue(value: GraphqlValue, variables: Variables, defs: readonly VariableDefinition[]): unknown {
  switch (value.kind) {
    case 'variable': {
      if (!defs.some((d) => d.name === value.name)) {
        throw new GraphqlFailure({ message: `Variable $${value.name} is used by anonymous query but not declared`, locations: [value.loc], extensions: { code: 'variableNotDefined', variableName: value.name } });
      }
      return variables[value.name];
    }
    case 'null':
      return null;
    case 'list':
      return value.values.map((v) => resolveValue(v, variables, defs));
    case 'object':
      return Object.fromEntries([...value.fields].map(([k, v]) => [k, resolveValue(v, variables, defs)]));
    default:
      return value.value;
  }
}

function checkVariables(op: OperationNode, provided: Variables): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const def of op.variables) {
    let v = provided[def.name];
    if (v === undefined && def.defaultValue) v = resolveValue(def.defaultValue, {}, []);
    const base = def.type.replace(/!$/, '');
    const ok =
      v === undefined || v === null
        ? !def.type.endsWith('!')
        : base === 'Int'
          ? Number.isInteger(v)
          : base === 'String' || base === 'ID' || base === 'GitObjectID'
            ? typeof v === 'string'
            : base === 'Boolean'
              ? typeof v === 'boolean'
              : base === 'ResolveReviewThreadInput'
                ? typeof v === 'object'
                : false;
    if (!ok) {
      throw new GraphqlFailure({ message: `Variable $${def.name} of type ${def.type} was provided invalid value`, locations: [op.loc], extensions: { code: 'variableMismatch', value: v ?? null } });
    }
    values[def.name] = v;
  }
  return values;
}

function argTypeOk(type: string, value: unknown): boolean {
  if (value === null || value === undefined) return !type.endsWith('!');
  const base = type.replace(/!$/, '');
  if (base === 'Int') return Number.isInteger(value);
  if (base === 'String') return typeof value === 'string';
  if (base === 'ResolveReviewThreadInput') {
    if (typeof value !== 'object' || Array.isArray(value)) return false;
    const keys = Object.keys(value);
    const threadId: unknown = Object.entries(value).find(([k]) => k === 'threadId')?.[1];
    return typeof threadId === 'string' && keys.every((k) => k === 'threadId' || k === 'clientMutationId');
  }
  return false;
}

interface ResolvedField {
  readonly node: FieldNode;
  readonly key: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly def: FieldDef;
  readonly children: readonly ResolvedField[];
  /** For GitObject: which type the fields were read through. */
  readonly onType: string;
}

function validateSelections(type: string, selections: readonly SelectionNode[], op: OperationNode, variables: Variables, onType: string = type): ResolvedField[] {
  const fields = TYPES[type];
  if (!fields) throw new Error(`no emulated type ${type}`);
  const out: ResolvedField[] = [];
  for (const sel of selections) {
    if (sel.kind === 'inline') {
      const target = sel.typeCondition ?? type;
      if (target !== type && !(FRAGMENT_TARGETS[type] ?? []).includes(target)) throw notEmulated(`\`... on ${target}\` inside ${type}`, sel.loc);
      out.push(...validateSelections(target, sel.selections, op, variables, target));
      continue;
    }
    const key = sel.alias ?? sel.name;
    if (sel.name === '__typename') {
      if (sel.selections) throw new GraphqlFailure({ message: "Selections can't be made on scalars (field '__typename' returns String but has selections)", locations: [sel.loc] });
      out.push({ node: sel, key, args: {}, def: {}, children: [], onType });
      continue;
    }
    const def = fields[sel.name];
    if (!def) throw notEmulated(`field '${sel.name}' on type '${type}'`, sel.loc);
    const args: Record<string, unknown> = {};
    for (const [name, value] of sel.args) {
      const argType = def.args?.[name];
      if (argType === undefined) throw notEmulated(`argument '${name}' on field '${type}.${sel.name}'`, value.loc);
      const v = resolveValue(value, variables, op.variables);
      if (!argTypeOk(argType, v)) {
        throw new GraphqlFailure({ message: `Argument '${name}' on Field '${sel.name}' has an invalid value (${JSON.stringify(v)}). Expected type '${argType}'.`, locations: [value.loc], extensions: { code: 'argumentLiteralsIncompatible' } });
      }
      args[name] = v;
    }
    for (const [name, argType] of Object.entries(def.args ?? {})) {
      if (argType.endsWith('!') && !(name in args)) {
        throw new GraphqlFailure({ message: `Field '${sel.name}' is missing required arguments: ${name}`, locations: [sel.loc], extensions: { code: 'missingRequiredArguments' } });
      }
    }
    if (CONNECTIONS.has(sel.name)) {
      const first = args['first'];
      if (first === undefined || first === null) {
        throw new GraphqlFailure({ message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${sel.name}\` connection.`, locations: [sel.loc], type: 'MISSING_PAGINATION_BOUNDARIES' });
      }
      if (typeof first === 'number' && (first > MAX_PAGE || first < 0)) {
        throw new GraphqlFailure({ message: `Requesting ${first} records on the \`${sel.name}\` connection exceeds the \`first\` limit of ${MAX_PAGE} records.`, locations: [sel.loc], type: 'EXCESSIVE_PAGINATION' });
      }
    }
    if (def.type && !sel.selections) {
      throw new GraphqlFailure({ message: `Field must have selections (field '${sel.name}' returns ${def.type} but has no selections. Did you mean '${sel.name} { ... }'?)`, locations: [sel.loc] });
    }
    if (!def.type && sel.selections) {
      throw new GraphqlFailure({ message: `Selections can't be made on scalars (field '${sel.name}' returns a scalar but has selections)`, locations: [sel.loc] });
    }
    const children = def.type && sel.selections ? validateSelections(def.type, sel.selections, op, variables) : [];
    out.push({ node: sel, key, args, def, children, onType });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Execution

function cursorOf(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString('base64');
}

function indexOfCursor(cursor: unknown): number {
  if (typeof cursor !== 'string') return -1;
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m) throw new GraphqlFailure({ message: `\`${cursor}\` does not appear to be a valid cursor.`, type: 'INVALID_CURSOR_ARGUMENTS' });
  return Number(m[1]);
}

function connection<T>(items: readonly T[], field: ResolvedField, render: (item: T, fields: readonly ResolvedField[]) => Record<string, unknown>): Record<string, unknown> {
  const first = Number(field.args['first']);
  const start = indexOfCursor(field.args['after']) + 1;
  const page = items.slice(start, start + first);
  const out: Record<string, unknown> = {};
  for (const f of field.children) {
    switch (f.node.name) {
      case 'nodes':
        out[f.key] = page.map((item) => render(item, f.children));
        break;
      case 'totalCount':
        out[f.key] = items.length;
        break;
      case 'pageInfo': {
        const info: Record<string, unknown> = {};
        for (const p of f.children) {
          if (p.node.name === 'hasNextPage') info[p.key] = start + page.length < items.length;
          else if (p.node.name === 'hasPreviousPage') info[p.key] = start > 0;
          else if (p.node.name === 'endCursor') info[p.key] = page.length > 0 ? cursorOf(start + page.length - 1) : null;
          else if (p.node.name === 'startCursor') info[p.key] = page.length > 0 ? cursorOf(start) : null;
          else if (p.node.name === '__typename') info[p.key] = 'PageInfo';
        }
        out[f.key] = info;
        break;
      }
      case '__typename':
        out[f.key] = field.def.type ?? '';
        break;
    }
  }
  return out;
}

function renderComment(c: CommentView, fields: readonly ResolvedField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const n = f.node.name;
    if (n === 'author') {
      out[f.key] = Object.fromEntries(f.children.map((a) => [a.key, a.node.name === 'login' ? c.authorLogin : 'Bot']));
    } else if (n === '__typename') out[f.key] = 'PullRequestReviewComment';
    else if (n === 'id' || n === 'databaseId' || n === 'body' || n === 'path' || n === 'createdAt') out[f.key] = c[n];
  }
  return out;
}

function renderThread(t: ThreadView, fields: readonly ResolvedField[], canResolve: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    switch (f.node.name) {
      case 'comments':
        out[f.key] = connection(t.comments, f, renderComment);
        break;
      case 'isOutdated':
        // Pull requests do not move in the emulator, so nothing becomes outdated.
        out[f.key] = false;
        break;
      case 'viewerCanResolve':
        out[f.key] = canResolve;
        break;
      case '__typename':
        out[f.key] = 'PullRequestReviewThread';
        break;
      case 'id':
      case 'isResolved':
      case 'path':
      case 'line':
      case 'startLine':
      case 'diffSide':
      case 'startDiffSide':
        out[f.key] = t[f.node.name];
        break;
    }
  }
  return out;
}

function forbidden(path: readonly (string | number)[], loc: GraphqlLocation): GraphqlErrorEntry {
  return { type: 'FORBIDDEN', path, extensions: { saml_failure: false }, locations: [loc], message: 'Resource not accessible by integration' };
}

async function runRepository(field: ResolvedField, host: GraphqlHost, errors: GraphqlErrorEntry[]): Promise<Record<string, unknown> | null> {
  const owner = String(field.args['owner']);
  const name = String(field.args['name']);
  if (!host.repositoryExists(owner, name)) {
    errors.push({ type: 'NOT_FOUND', path: [field.key], locations: [field.node.loc], message: `Could not resolve to a Repository with the name '${owner}/${name}'.` });
    return null;
  }
  const objects = field.children.filter((f) => f.node.name === 'object');
  const canReadContents = host.can('contents', 'read');
  const reads = canReadContents ? await host.readObjects(owner, name, objects.map((f) => (typeof f.args['expression'] === 'string' ? f.args['expression'] : ''))) : [];
  const out: Record<string, unknown> = {};
  for (const f of field.children) {
    switch (f.node.name) {
      case '__typename':
        out[f.key] = 'Repository';
        break;
      case 'nameWithOwner':
        out[f.key] = `${owner}/${name}`;
        break;
      case 'object': {
        if (!canReadContents) {
          errors.push(forbidden([field.key, f.key], f.node.loc));
          out[f.key] = null;
          break;
        }
        const read = reads[objects.indexOf(f)];
        out[f.key] = read ? renderObject(read, f.children, host.blobTextLimit) : null;
        break;
      }
      case 'pullRequest': {
        if (!host.can('pull_requests', 'read')) {
          errors.push(forbidden([field.key, f.key], f.node.loc));
          out[f.key] = null;
          break;
        }
        const number = Number(f.args['number']);
        const threads = host.reviewThreads(owner, name, number);
        if (!threads) {
          errors.push({ type: 'NOT_FOUND', path: [field.key, f.key], locations: [f.node.loc], message: `Could not resolve to a PullRequest with the number of ${number}.` });
          out[f.key] = null;
          break;
        }
        const canResolve = host.can('pull_requests', 'write') && host.can('contents', 'write');
        const pr: Record<string, unknown> = {};
        for (const p of f.children) {
          if (p.node.name === 'number') pr[p.key] = number;
          else if (p.node.name === '__typename') pr[p.key] = 'PullRequest';
          else if (p.node.name === 'reviewThreads') pr[p.key] = connection(threads, p, (t, fields) => renderThread(t, fields, canResolve));
        }
        out[f.key] = pr;
        break;
      }
    }
  }
  return out;
}

/** GitHub's TreeEntry: `mode` is the file mode as an integer (0o100644 = 33188, 0o120000 = 40960). */
function renderTreeEntry(entry: TreeEntryRead, fields: readonly ResolvedField[]): Record<string, unknown> {
  const values: Record<string, unknown> = { __typename: 'TreeEntry', name: entry.name, mode: Number.parseInt(entry.mode, 8), type: entry.type, oid: entry.oid };
  return Object.fromEntries(fields.map((f) => [f.key, values[f.node.name]]));
}

function renderObject(read: BlobRead, fields: readonly ResolvedField[], textLimit: number): Record<string, unknown> {
  const typeName = read.kind === 'blob' ? 'Blob' : read.kind === 'tree' ? 'Tree' : read.kind === 'commit' ? 'Commit' : 'Tag';
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.node.name === '__typename') {
      out[f.key] = typeName;
      continue;
    }
    if (f.node.name === 'oid' && f.onType === 'GitObject') {
      out[f.key] = read.oid;
      continue;
    }
    if (f.onType === 'Tree' && read.kind === 'tree') {
      if (f.node.name === 'oid') out[f.key] = read.oid;
      if (f.node.name === 'entries') out[f.key] = read.entries.map((entry) => renderTreeEntry(entry, f.children));
      continue;
    }
    // Fields read through `... on Blob` are absent for other object types.
    if (f.onType !== typeName || read.kind !== 'blob') continue;
    const binary = read.content.subarray(0, 8000).includes(0);
    const truncated = read.content.length > textLimit;
    switch (f.node.name) {
      case 'text':
        out[f.key] = binary ? null : read.content.subarray(0, textLimit).toString('utf8');
        break;
      case 'isBinary':
        out[f.key] = binary;
        break;
      case 'byteSize':
        out[f.key] = read.content.length;
        break;
      case 'isTruncated':
        out[f.key] = truncated;
        break;
      case 'oid':
        out[f.key] = read.oid;
        break;
    }
  }
  return out;
}

function classify(op: OperationNode, fields: readonly ResolvedField[]): string {
  if (op.operation === 'mutation') return 'resolveReviewThread';
  if (fields.length > 0 && fields.every((f) => f.node.name === 'viewer' || f.node.name === '__typename')) return 'viewer';
  const inner = fields.flatMap((f) => f.children.map((c) => c.node.name));
  if (inner.includes('pullRequest')) return inner.includes('object') ? 'blobs+reviewThreads' : 'reviewThreads';
  return 'blobs';
}

export async function executeGraphql(body: unknown, host: GraphqlHost): Promise<GraphqlResult> {
  try {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GraphqlFailure({ message: 'A query attribute must be specified and must be a string.' });
    const query: unknown = Object.entries(body).find(([k]) => k === 'query')?.[1];
    const variablesIn: unknown = Object.entries(body).find(([k]) => k === 'variables')?.[1];
    const operationName: unknown = Object.entries(body).find(([k]) => k === 'operationName')?.[1];
    if (typeof query !== 'string') throw new GraphqlFailure({ message: 'A query attribute must be specified and must be a string.' });
    const provided: Variables = typeof variablesIn === 'object' && variablesIn !== null && !Array.isArray(variablesIn) ? Object.fromEntries(Object.entries(variablesIn)) : {};
    const ops = new Parser(lex(query)).document();
    const op = typeof operationName === 'string' ? ops.find((o) => o.name === operationName) : ops.length === 1 ? ops[0] : undefined;
    if (!op) throw new GraphqlFailure({ message: typeof operationName === 'string' ? `No operation named "${operationName}"` : 'An operation name is required' });
    const variables = checkVariables(op, provided);
    const root = op.operation === 'query' ? 'Query' : 'Mutation';
    const fields = validateSelections(root, op.selections, op, variables);
    const errors: GraphqlErrorEntry[] = [];
    const data: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.node.name === '__typename') {
        data[f.key] = root;
      } else if (f.node.name === 'repository') {
        data[f.key] = await runRepository(f, host, errors);
      } else if (f.node.name === 'viewer') {
        data[f.key] = Object.fromEntries(f.children.map((a) => [a.key, a.node.name === 'login' ? host.viewerLogin : 'Bot']));
      } else if (f.node.name === 'resolveReviewThread') {
        data[f.key] = runResolve(f, host, errors);
      }
    }
    return { kind: classify(op, fields), body: errors.length > 0 ? { data, errors } : { data } };
  } catch (e) {
    if (e instanceof GraphqlFailure) return { kind: 'invalid', body: { errors: [e.entry] } };
    throw e;
  }
}

function runResolve(field: ResolvedField, host: GraphqlHost, errors: GraphqlErrorEntry[]): Record<string, unknown> | null {
  const input = field.args['input'];
  const entries = typeof input === 'object' && input !== null ? Object.entries(input) : [];
  const threadId = String(entries.find(([k]) => k === 'threadId')?.[1] ?? '');
  const clientMutationId: unknown = entries.find(([k]) => k === 'clientMutationId')?.[1] ?? null;
  // Resolving needs contents: write as well (github/gh-aw#35726).
  if (!host.can('pull_requests', 'write') || !host.can('contents', 'write')) {
    errors.push(forbidden([field.key], field.node.loc));
    return null;
  }
  const thread = host.resolveThread(threadId);
  if (!thread) {
    errors.push({ type: 'NOT_FOUND', path: [field.key], locations: [field.node.loc], message: `Could not resolve to a node with the global id of '${threadId}'` });
    return null;
  }
  const out: Record<string, unknown> = {};
  for (const f of field.children) {
    if (f.node.name === 'thread') out[f.key] = renderThread(thread, f.children, true);
    else if (f.node.name === 'clientMutationId') out[f.key] = clientMutationId;
    else if (f.node.name === '__typename') out[f.key] = 'ResolveReviewThreadPayload';
  }
  return out;
}
