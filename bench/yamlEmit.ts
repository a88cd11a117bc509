/**
 * A small deterministic YAML emitter for the synthetic manifests, with the
 * style choices real repositories vary on (indentation, indented or compact
 * sequences, quoting, flow maps for labels, comments, block scalars), so the
 * head revision can "reformat" a file without changing a value.
 *
 * Values are plain data; a map key starting with `#` is a comment line
 * emitted before the next key (its value is the comment text).
 */

export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };
export type YamlMap = { readonly [key: string]: YamlValue };

export interface YamlStyle {
  /** Spaces per nesting level. */
  readonly indent: 2 | 4;
  /** `key:\n  - item` (true) or `key:\n- item` (false, kubectl's style). */
  readonly indentSequences: boolean;
  /** Quote every string (`double` / `single`), or only those that need it (`minimal`). */
  readonly quoting: 'minimal' | 'double' | 'single';
  /** Small flat maps (labels, selectors) in flow style: `{app: web}`. */
  readonly flowLabels: boolean;
}

export const defaultStyle: YamlStyle = { indent: 2, indentSequences: false, quoting: 'minimal', flowLabels: false };

const isScalar = (value: YamlValue): value is string | number | boolean | null => value === null || typeof value !== 'object';

/** Strings that YAML 1.1 or 1.2 would read as something else, or that need quoting to parse at all. */
const ambiguous = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(?:\d[\d_]*)?\.?\d[\d_:]*(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|\.inf|\.nan|=|<<)$/;
const plainSafe = /^[A-Za-z0-9_./][A-Za-z0-9_./:@=,()+ -]*$/;

function quoteDouble(text: string): string {
  return JSON.stringify(text);
}

function quoteSingle(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function scalar(value: string | number | boolean | null, style: YamlStyle): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const needsQuotes = value === '' || ambiguous.test(value) || !plainSafe.test(value) || value.endsWith(' ') || value.includes(': ') || value.includes(' #') || value.endsWith(':');
  if (style.quoting === 'double') return quoteDouble(value);
  if (style.quoting === 'single') return quoteSingle(value);
  return needsQuotes ? quoteDouble(value) : value;
}

const spaces = (n: number) => ' '.repeat(n);

function isFlowCandidate(value: YamlValue): value is YamlMap {
  if (isScalar(value) || Array.isArray(value)) return false;
  const entries = Object.entries(value as YamlMap);
  return entries.length > 0 && entries.length <= 3 && entries.every(([key, v]) => !key.startsWith('#') && isScalar(v) && typeof v === 'string' && !v.includes('\n'));
}

function emitMap(map: YamlMap, column: number, style: YamlStyle, out: string[]): void {
  for (const [key, value] of Object.entries(map)) {
    if (key.startsWith('#')) {
      out.push(`${spaces(column)}# ${String(value)}`);
      continue;
    }
    const head = `${spaces(column)}${key}:`;
    if (typeof value === 'string' && value.includes('\n')) {
      // Block literal: `|` keeps the final newline, `|-` strips it.
      const body = value.endsWith('\n') ? value.slice(0, -1) : value;
      out.push(`${head} ${value.endsWith('\n') ? '|' : '|-'}`);
      for (const line of body.split('\n')) out.push(line === '' ? '' : `${spaces(column + style.indent)}${line}`);
    } else if (isScalar(value)) {
      out.push(`${head} ${scalar(value, style)}`);
    } else if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${head} []`);
      else {
        out.push(head);
        emitSequence(value as readonly YamlValue[], style.indentSequences ? column + style.indent : column, style, out);
      }
    } else {
      const nested = value as YamlMap;
      if (Object.keys(nested).length === 0) out.push(`${head} {}`);
      else if (style.flowLabels && isFlowCandidate(nested)) {
        out.push(`${head} {${Object.entries(nested).map(([k, v]) => `${k}: ${scalar(v as string, style)}`).join(', ')}}`);
      } else {
        out.push(head);
        emitMap(nested, column + style.indent, style, out);
      }
    }
  }
}

function emitSequence(items: readonly YamlValue[], column: number, style: YamlStyle, out: string[]): void {
  for (const item of items) {
    if (isScalar(item)) {
      out.push(`${spaces(column)}- ${scalar(item, style)}`);
    } else if (Array.isArray(item)) {
      throw new Error('nested sequences are not used in the synthetic manifests');
    } else {
      const lines: string[] = [];
      emitMap(item as YamlMap, column + 2, style, lines);
      const first = lines[0] ?? `${spaces(column + 2)}{}`;
      lines[0] = `${spaces(column)}- ${first.slice(column + 2)}`;
      out.push(...lines);
    }
  }
}

/** One document, without the `---` separator; lines end with `\n`. */
export function emitDocument(map: YamlMap, style: YamlStyle): string {
  const out: string[] = [];
  emitMap(map, 0, style, out);
  return `${out.join('\n')}\n`;
}
