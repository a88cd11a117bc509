// Request and response validation against GitHub's own OpenAPI description
// (@octokit/openapi). The 13 MB spec is parsed once per process; only the
// operations the emulator serves, and the component schemas they reach, are
// converted to JSON Schema and compiled (once each, then cached).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SCHEMA_BASE = 'https://emulator.invalid/schemas/';

interface Spec {
  readonly paths: JsonObject;
  readonly schemas: JsonObject;
  readonly parameters: JsonObject;
  readonly responses: JsonObject;
}

let loaded: Spec | undefined;

function spec(): Spec {
  if (loaded) return loaded;
  // Read the JSON directly: the package's index.js eagerly loads all ten
  // description files (~400 MB).
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isObject(raw) || !isObject(raw['paths']) || !isObject(raw['components'])) throw new Error('unexpected OpenAPI document shape');
  const components = raw['components'];
  const pick = (key: string): JsonObject => {
    const v = components[key];
    if (!isObject(v)) throw new Error(`OpenAPI components.${key} missing`);
    return v;
  };
  // Keep only what is used, so the rest of the parsed document can be freed.
  loaded = { paths: raw['paths'], schemas: pick('schemas'), parameters: pick('parameters'), responses: pick('responses') };
  return loaded;
}

const ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
formatsModule.default(ajv);

const converted = new Map<string, JsonObject>();

// Keywords that hold schemas, and the plain constraint keywords kept as is.
// Everything else (description, example, x-github, discriminator, deprecated,
// readOnly…) is documentation, dropped so Ajv sees plain JSON Schema.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const CONSTRAINTS = new Set([
  'type', 'enum', 'const', 'required', 'format', 'pattern', 'default',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
]);

function componentName(ref: string): string {
  const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!m?.[1]) throw new Error(`unsupported $ref ${ref}`);
  return m[1];
}

/** OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a null type, refs point at registered components. */
function convert(node: unknown, needed: Set<string>): unknown {
  if (!isObject(node)) return node;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    const name = componentName(ref);
    needed.add(name);
    return { $ref: SCHEMA_BASE + encodeURIComponent(name) };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, s]) => [k, convert(s, needed)]));
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = convert(value, needed);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((s) => convert(s, needed));
    } else if (CONSTRAINTS.has(key)) {
      out[key] = value;
    }
  }
  if (node['nullable'] === true) {
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
    if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
    else if (out['type'] === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function ensureComponents(names: Iterable<string>): void {
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop();
    if (name === undefined || converted.has(name)) continue;
    const source = spec().schemas[name];
    if (!isObject(source)) throw new Error(`OpenAPI schema ${name} not found`);
    const needed = new Set<string>();
    const schema = convert(source, needed);
    if (!isObject(schema)) throw new Error(`schema ${name} is not an object`);
    converted.set(name, schema);
    ajv.addSchema({ ...schema, $id: SCHEMA_BASE + encodeURIComponent(name) });
    queue.push(...needed);
  }
}

function convertRooted(node: unknown): JsonObject {
  const needed = new Set<string>();
  const schema = convert(node, needed);
  ensureComponents(needed);
  if (!isObject(schema)) throw new Error('schema is not an object');
  return schema;
}

export interface ParamSpec {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly schema: JsonObject;
}

export interface OperationSpec {
  readonly method: string;
  readonly template: string;
  readonly operationId: string;
  /** GitHub's documentation_url for errors of this operation. */
  readonly docUrl: string;
  readonly pathParams: readonly ParamSpec[];
  readonly queryParams: readonly ParamSpec[];
  readonly validatePath: ValidateFunction;
  readonly validateQuery: ValidateFunction;
  readonly validateBody: ValidateFunction | undefined;
  readonly bodyRequired: boolean;
  /** Validator of the JSON body of a response with this status, if the spec describes one. */
  responseValidator(status: number): ValidateFunction | undefined;
}

/**
 * Places where GitHub enforces more than the published description says;
 * each one is documented in README.md with its source.
 */
function tightenBody(operationId: string, schema: JsonObject): JsonObject {
  const props = (s: unknown): JsonObject | undefined => (isObject(s) && isObject(s['properties']) ? s['properties'] : undefined);
  if (operationId === 'pulls/create-review') {
    // The review comment items carry no enum for side/start_side; the
    // single-comment endpoint (pulls/create-review-comment) does.
    const comments = props(schema)?.['comments'];
    const item = props(isObject(comments) ? comments['items'] : undefined);
    for (const key of ['side', 'start_side']) {
      const s = item?.[key];
      if (isObject(s)) s['enum'] = ['LEFT', 'RIGHT'];
    }
  }
  if (operationId === 'checks/create') {
    // GitHub's own description requires a conclusion with status completed;
    // the octokit copy removed it (scripts/overrides/checks-create.json).
    schema['anyOf'] = [
      { properties: { status: { enum: ['completed'] } }, required: ['conclusion'] },
      { properties: { status: { enum: ['queued', 'in_progress'] } } },
    ];
  }
  if (operationId === 'checks/update') {
    // output.title is documented as "**Required**." but not marked required.
    const output = props(schema)?.['output'];
    if (isObject(output) && Array.isArray(output['required']) && !output['required'].includes('title')) {
      output['required'] = [...output['required'], 'title'];
    }
  }
  return schema;
}

function resolveParam(node: unknown): JsonObject {
  if (isObject(node) && typeof node['$ref'] === 'string') {
    const m = /^#\/components\/parameters\/(.+)$/.exec(node['$ref']);
    const p = m?.[1] ? spec().parameters[m[1]] : undefined;
    if (!isObject(p)) throw new Error(`unresolvable parameter ${node['$ref']}`);
    return p;
  }
  if (!isObject(node)) throw new Error('parameter is not an object');
  return node;
}

function paramsSchema(params: readonly ParamSpec[]): JsonObject {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

/**
 * GitHub's responses point at docs.github.com/rest/<category>/<subcategory>#<anchor>;
 * some `externalDocs` links in the description are older (/rest/reference/checks#…).
 */
function documentationUrl(op: JsonObject): string {
  const docs = op['externalDocs'];
  const url = isObject(docs) && typeof docs['url'] === 'string' ? docs['url'] : 'https://docs.github.com/rest';
  const meta = op['x-github'];
  const anchor = url.split('#')[1];
  if (isObject(meta) && typeof meta['category'] === 'string' && typeof meta['subcategory'] === 'string' && anchor) {
    return `https://docs.github.com/rest/${meta['category']}/${meta['subcategory']}#${anchor}`;
  }
  return url;
}

const operations = new Map<string, OperationSpec>();

export function operation(method: string, template: string): OperationSpec {
  const key = `${method.toUpperCase()} ${template}`;
  const cached = operations.get(key);
  if (cached) return cached;
  const pathItem = spec().paths[template];
  const op = isObject(pathItem) ? pathItem[method.toLowerCase()] : undefined;
  if (!isObject(op) || typeof op['operationId'] !== 'string') throw new Error(`no OpenAPI operation for ${key}`);
  const operationId = op['operationId'];
  const docUrl = documentationUrl(op);
  const params: ParamSpec[] = (Array.isArray(op['parameters']) ? op['parameters'] : []).map((raw) => {
    const p = resolveParam(raw);
    const where = p['in'];
    if (where !== 'path' && where !== 'query') throw new Error(`unsupported parameter location ${String(where)}`);
    return { name: String(p['name']), in: where, required: p['required'] === true, schema: convertRooted(p['schema'] ?? {}) };
  });
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  let validateBody: ValidateFunction | undefined;
  let bodyRequired = false;
  const requestBody = op['requestBody'];
  if (isObject(requestBody)) {
    bodyRequired = requestBody['required'] === true;
    const content = requestBody['content'];
    const json = isObject(content) ? content['application/json'] : undefined;
    if (isObject(json)) validateBody = ajv.compile(tightenBody(operationId, convertRooted(json['schema'])));
  }
  const responses = isObject(op['responses']) ? op['responses'] : {};
  const responseCache = new Map<number, ValidateFunction | undefined>();
  const spec_: OperationSpec = {
    method: method.toUpperCase(),
    template,
    operationId,
    docUrl,
    pathParams,
    queryParams,
    validatePath: ajv.compile(paramsSchema(pathParams)),
    validateQuery: ajv.compile(paramsSchema(queryParams)),
    validateBody,
    bodyRequired,
    responseValidator(status: number): ValidateFunction | undefined {
      if (responseCache.has(status)) return responseCache.get(status);
      let response = responses[String(status)];
      if (isObject(response) && typeof response['$ref'] === 'string') {
        const m = /^#\/components\/responses\/(.+)$/.exec(response['$ref']);
        response = m?.[1] ? spec().responses[m[1]] : undefined;
      }
      const content = isObject(response) ? response['content'] : undefined;
      const json = isObject(content) ? content['application/json'] : undefined;
      const validator = isObject(json) ? ajv.compile(convertRooted(json['schema'])) : undefined;
      responseCache.set(status, validator);
      return validator;
    },
  };
  operations.set(key, spec_);
  return spec_;
}

/** URL parameters arrive as strings; read them as the schema's scalar type, as GitHub's router does. */
export function coerceParam(value: string, schema: JsonObject): unknown {
  const type = schema['type'];
  const types = Array.isArray(type) ? type : [type];
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

// ---------------------------------------------------------------------------
// GitHub's wording of schema violations. GitHub validates request bodies with
// a JSON-schema library whose messages are well known from real responses:
//   Invalid request.\n\nFor 'properties/body', nil is not a string.
//   Invalid request.\n\n"title" wasn't supplied.
//   Invalid request.\n\nNo more than 50 items are allowed; 143 were supplied.
//   Invalid request.\n\nOnly 65535 characters are allowed; 68338 were supplied.
//   Invalid request.\n\nbogus is not a member of ["open", "dismissed"].
//   Invalid request.\n\nFor 'links/0/schema', nil is not an object.
// Several violations are separated by newlines.

/** Ruby's `inspect` of a JSON value (GitHub's messages print values that way). */
export function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)} => ${rubyInspect(v)}`).join(', ')}}`;
  return String(value);
}

/** Ruby's `to_s` (string interpolation) of a JSON value. */
function rubyToS(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return rubyInspect(value);
}

function typeList(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : String(type).split(',');
  const names = types.map((t) => (t === 'null' ? 'null' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`));
  if (names.length <= 1) return names[0] ?? 'valid';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/** The schema fragment GitHub names: relative to the parent schema, `links/0/schema` at the top. */
function fragmentOf(schemaPath: string): string {
  const parts = schemaPath.replace(/^[^#]*#\/?/, '').split('/').filter((p) => p !== '');
  parts.pop();
  const last = parts[parts.length - 1];
  const prev = parts[parts.length - 2];
  if (last === undefined) return 'links/0/schema';
  if (prev !== undefined && ['properties', 'patternProperties', 'anyOf', 'oneOf', 'allOf'].includes(prev)) return `${prev}/${last}`;
  if (prev === 'items' && /^\d+$/.test(last)) return `items/${last}`;
  return last;
}

function codePoints(s: unknown): number {
  return typeof s === 'string' ? [...s].length : 0;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export function schemaViolationMessages(errors: readonly ErrorObject[]): string[] {
  // Violations inside anyOf/oneOf branches are summarised by the branch error.
  const branchRoots = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const relevant = errors.filter((e) => !branchRoots.some((root) => e.schemaPath.startsWith(root)));
  const messages: string[] = [];
  const missing = new Map<string, string[]>();
  for (const e of relevant) {
    const params: Record<string, unknown> = e.params;
    switch (e.keyword) {
      case 'required': {
        const key = `${e.instancePath}|${e.schemaPath}`;
        const list = missing.get(key);
        const prop = String(params['missingProperty']);
        if (list) list.push(prop);
        else {
          missing.set(key, [prop]);
          messages.push(`\u0000required:${key}`);
        }
        break;
      }
      case 'type':
        messages.push(`For '${fragmentOf(e.schemaPath)}', ${rubyInspect(e.data)} is not ${typeList(params['type'])}.`);
        break;
      case 'enum':
        messages.push(`${rubyToS(e.data)} is not a member of ${rubyInspect(params['allowedValues'])}.`);
        break;
      case 'maxItems': {
        const limit = Number(params['limit']);
        const n = Array.isArray(e.data) ? e.data.length : 0;
        messages.push(`No more than ${limit} ${plural(limit, 'item is', 'items are')} allowed; ${n} ${plural(n, 'was', 'were')} supplied.`);
        break;
      }
      case 'minItems': {
        const limit = Number(params['limit']);
        const n = Array.isArray(e.data) ? e.data.length : 0;
        messages.push(`At least ${limit} ${plural(limit, 'item is', 'items are')} required; ${n} ${plural(n, 'was', 'were')} supplied.`);
        break;
      }
      case 'maxLength': {
        const limit = Number(params['limit']);
        const n = codePoints(e.data);
        messages.push(`Only ${limit} ${plural(limit, 'character is', 'characters are')} allowed; ${n} ${plural(n, 'was', 'were')} supplied.`);
        break;
      }
      case 'minLength': {
        const limit = Number(params['limit']);
        const n = codePoints(e.data);
        messages.push(`At least ${limit} ${plural(limit, 'character is', 'characters are')} required; ${n} ${plural(n, 'was', 'were')} supplied.`);
        break;
      }
      case 'format':
        messages.push(`${rubyToS(e.data)} is not a valid ${String(params['format'])}.`);
        break;
      case 'additionalProperties':
        messages.push(`"${String(params['additionalProperty'])}" is not a permitted key.`);
        break;
      case 'anyOf':
        messages.push('No subschema in "anyOf" matched.');
        break;
      case 'oneOf':
        messages.push(Array.isArray(params['passingSchemas']) ? 'More than one subschema in "oneOf" matched.' : 'No subschema in "oneOf" matched.');
        break;
      default:
        messages.push(`For '${fragmentOf(e.schemaPath)}', ${rubyInspect(e.data)} ${e.message ?? 'is invalid'}.`);
    }
  }
  return messages.map((m) => {
    if (!m.startsWith('\u0000required:')) return m;
    const props = [...(missing.get(m.slice('\u0000required:'.length)) ?? [])].sort();
    return `${props.map((p) => `"${p}"`).join(', ')} ${plural(props.length, "wasn't", "weren't")} supplied.`;
  });
}

export function invalidRequestMessage(messages: readonly string[]): string {
  return `Invalid request.\n\n${messages.join('\n')}`;
}

// ---------------------------------------------------------------------------
// Response shapes. The emulator fills in what it knows and this completes
// every other required field from the schema, so responses validate against
// GitHub's description (and the Action is tested against realistic shapes).

function resolveRef(schema: JsonObject): JsonObject {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const name = decodeURIComponent(ref.slice(SCHEMA_BASE.length));
  ensureComponents([name]);
  const target = converted.get(name);
  if (!target) throw new Error(`unknown component ${name}`);
  return resolveRef(target);
}

function typesOf(schema: JsonObject): string[] {
  const t = schema['type'];
  if (Array.isArray(t)) return t.map(String);
  if (typeof t === 'string') return [t];
  if (isObject(schema['properties'])) return ['object'];
  return [];
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function placeholder(schema: JsonObject): unknown {
  const types = typesOf(schema);
  if (types.includes('null')) return null;
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  if (types.includes('object')) return complete(schema, {});
  if (types.includes('array')) return [];
  if (types.includes('integer') || types.includes('number')) return 0;
  if (types.includes('boolean')) return false;
  if (types.includes('string')) {
    switch (schema['format']) {
      case 'date-time':
        return '2026-01-01T00:00:00Z';
      case 'date':
        return '2026-01-01';
      case 'uri':
        return 'https://github.com/';
      case 'email':
        return 'emulator@example.invalid';
      default:
        return '';
    }
  }
  return null;
}

function complete(schemaIn: unknown, value: unknown): unknown {
  if (!isObject(schemaIn)) return value;
  const schema = resolveRef(schemaIn);
  let v = value;
  if (Array.isArray(schema['allOf'])) {
    for (const part of schema['allOf']) v = complete(part, v);
  }
  const branches = Array.isArray(schema['anyOf']) ? schema['anyOf'] : Array.isArray(schema['oneOf']) ? schema['oneOf'] : undefined;
  if (branches) {
    const resolved = branches.filter(isObject).map(resolveRef);
    if (v === undefined || v === null) {
      if (resolved.some((b) => typesOf(b).includes('null'))) return null;
      return complete(resolved[0], v);
    }
    const kind = kindOf(v);
    const match = resolved.find((b) => typesOf(b).includes(kind) || (kind === 'integer' && typesOf(b).includes('number')));
    return complete(match ?? resolved[0], v);
  }
  if (v === undefined) return placeholder(schema);
  if (v === null) return null;
  const properties = schema['properties'];
  if (isObject(v) && isObject(properties)) {
    const required = Array.isArray(schema['required']) ? schema['required'].map(String) : [];
    const out: JsonObject = { ...v };
    for (const [key, propSchema] of Object.entries(properties)) {
      if (key in v) out[key] = complete(propSchema, v[key]);
      else if (required.includes(key)) out[key] = complete(propSchema, undefined);
    }
    return out;
  }
  if (Array.isArray(v) && isObject(schema['items'])) {
    const items = schema['items'];
    return v.map((item: unknown) => complete(items, item));
  }
  return v;
}

/** `partial` completed to a full instance of components.schemas[name]. */
export function completeAs(name: string, partial: JsonObject): JsonObject {
  ensureComponents([name]);
  const result = complete({ $ref: SCHEMA_BASE + encodeURIComponent(name) }, partial);
  if (!isObject(result)) throw new Error(`completing ${name} did not give an object`);
  return result;
}

export function describeAjvErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}
