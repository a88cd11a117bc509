/**
 * Finding a field's line in a Helm template by its key path (pure). A
 * template is not YAML, so this reads its lines: key lines and list items
 * by indentation, with lines that hold only template actions (`{{- if }}`,
 * `{{- end }}`) transparent. Where the walk meets `toYaml .Values.x` (or a
 * key whose value is `{{ .Values.x }}`), it says which values key writes
 * the rest of the path; so too for `toYaml .` and `{{ . }}` inside
 * `{{- with .Values.x }}`, where the dot is that key.
 */
import type { FieldPath, JsonValue } from '../pss/types.js';

interface Line {
  readonly number: number;
  readonly indent: number;
  /** The text after the indentation, with a list dash removed. */
  readonly body: string;
  /** The line starts a list item (`- `). */
  readonly item: boolean;
  /** Only template actions or comments: no YAML of its own. */
  readonly transparent: boolean;
  /** The values key the dot stands for on this line (inside `{{ with .Values.x }}`), or null. */
  readonly dot: readonly string[] | null;
}

export interface TemplateHit {
  /** The line of the deepest key found. */
  readonly line: number;
  /** The whole path was found. */
  readonly exact: boolean;
  /**
   * When the template takes the field from `.Values`: the values key
   * (`['securityContext']`) that stands for the rendered path up to `from`;
   * the rest of the path is then followed inside that key's value.
   */
  readonly values: { readonly key: readonly string[]; readonly from: number } | null;
}

const valuesReference = /\.Values((?:\.[A-Za-z0-9_]+)+)/;

/** A block action open at a line: whether it rebinds the dot (`with`, `range`, `define`), and to which values key. */
interface Scope {
  readonly rebinds: boolean;
  readonly dot: readonly string[] | null;
}

const action = /\{\{-?\s*(.*?)\s*-?\}\}/g;
/** An action that writes the dot itself: `{{ toYaml . | nindent 8 }}`, `{{ . }}`. */
const usesDot = /^(?:toYaml\s+)?\.(?:\s*\|.*)?$/;

/** Follows `with`/`range`/`if`…`end` through the lines: the values key the dot stands for on each line. */
function dotTracker(): (body: string) => readonly string[] | null {
  const scopes: Scope[] = [];
  const current = () => [...scopes].reverse().find((s) => s.rebinds)?.dot ?? null;
  return (body) => {
    let dot = current();
    let used = false;
    for (const match of body.matchAll(action)) {
      const words = match[1]!;
      const opener = /^(with|range|if|define|block)\b/.exec(words)?.[1];
      if (opener === 'with') {
        const key = /^with\s+\$?\.Values((?:\.[A-Za-z0-9_]+)+)$/.exec(words)?.[1];
        scopes.push({ rebinds: true, dot: key === undefined ? null : key.slice(1).split('.') });
      } else if (opener === 'range' || opener === 'define' || opener === 'block') scopes.push({ rebinds: true, dot: null });
      else if (opener === 'if') scopes.push({ rebinds: false, dot: null });
      else if (words === 'end') scopes.pop();
      else if (!used && usesDot.test(words)) {
        dot = current();
        used = true;
      }
      if (!used) dot = current();
    }
    return dot;
  };
}

function linesOf(text: string): Line[] {
  const dotOf = dotTracker();
  return text.split('\n').map((raw, i) => {
    const indent = raw.length - raw.trimStart().length;
    let body = raw.trimStart();
    const item = /^-(\s|$)/.test(body);
    let itemIndent = indent;
    if (item) {
      const after = body.slice(1);
      itemIndent = indent + 1 + (after.length - after.trimStart().length);
      body = after.trimStart();
    }
    const transparent = body === '' || body.startsWith('#') || /^(\{\{.*?\}\}\s*)+$/.test(body);
    return { number: i + 1, indent: item ? itemIndent : indent, body, item: item && !transparent, transparent: transparent && !item, dot: dotOf(body) };
  });
}

function keyOf(line: Line): { key: string; value: string } | null {
  const match = /^("[^"]*"|'[^']*'|[^\s:#{][^:#]*?)\s*:(?:\s+(.*))?$/.exec(line.body);
  if (!match) return null;
  const key = match[1]!.replace(/^["']|["']$/g, '');
  return { key, value: (match[2] ?? '').trim() };
}

/** The values key a line's text writes: `.Values.x` named, or the dot where it stands for one (`dot`). */
function valuesPathIn(text: string, dot: readonly string[] | null): string[] | null {
  const match = valuesReference.exec(text);
  if (match) return match[1]!.slice(1).split('.');
  if (dot === null) return null;
  for (const used of text.matchAll(action)) if (usesDot.test(used[1]!)) return [...dot];
  return null;
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

/** `toYaml .Values.x` (or `.Values.x` alone) in a block: the values key that writes it. */
function valuesInBlock(lines: readonly Line[], from: number, to: number): string[] | null {
  // Only at the block's own level: a toYaml deeper down writes something else.
  const own = lines.slice(from, to).find((line) => !line.transparent)?.indent ?? Number.POSITIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const path = valuesPathIn(lines[i]!.body, lines[i]!.dot);
    if (path !== null && lines[i]!.indent <= own && /toYaml|\btpl\b|\binclude\b/.test(lines[i]!.body)) return path;
  }
  return null;
}

interface Walk {
  readonly line: number;
  readonly depth: number;
  readonly values: { readonly key: readonly string[]; readonly from: number } | null;
}

/**
 * Search the path from segment `depth` in lines [from, to) at the block's
 * indentation; several candidates (two documents with `spec:`) are tried
 * in turn and the deepest walk wins.
 */
function walk(lines: readonly Line[], from: number, to: number, path: FieldPath, depth: number, rendered: JsonValue | undefined, parentLine: number): Walk {
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
      if (line.indent === itemIndent) items.push(i);
    }
    const item = Array.isArray(rendered) ? rendered[segment] : undefined;
    const name = typeof item === 'object' && item !== null && !Array.isArray(item) && typeof item.name === 'string' ? item.name : null;
    // One item (a template usually writes one container), the item naming it, else the same position.
    const byName = name === null ? -1 : items.findIndex((i) => lines.slice(i, blockEnd(lines, i + 1, lines[i]!.indent, true)).some((l) => new RegExp(`^name:\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*$`).test(l.body)));
    const chosen = items.length === 1 ? 0 : byName >= 0 ? byName : segment < items.length ? segment : -1;
    if (chosen < 0) return best;
    const at = items[chosen]!;
    const end = blockEnd(lines, at + 1, lines[at]!.indent, true);
    // The item's own first line (`- name: x`) is part of its block.
    consider(walk(lines, at, end, path, depth + 1, item, lines[at]!.number));
    return best;
  }
  let indent = -1;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.transparent) continue;
    if (indent < 0) indent = line.indent;
    if (line.indent !== indent) continue;
    const key = keyOf(line);
    if (key === null || key.key !== segment) continue;
    const child = typeof rendered === 'object' && rendered !== null && !Array.isArray(rendered) ? rendered[segment] : undefined;
    const end = blockEnd(lines, i + 1, line.indent, false);
    if (depth === path.length - 1 || key.value !== '') {
      // The field itself, or a value written on the key's line (or, for a key that ends the path, by a `toYaml` under it).
      const values = valuesPathIn(key.value, line.dot) ?? (depth === path.length - 1 && key.value === '' ? valuesInBlock(lines, i + 1, end) : null);
      consider({ line: line.number, depth: depth + 1, values: values === null ? null : { key: values, from: depth + 1 } });
      if (depth === path.length - 1) continue;
    }
    const deeper = walk(lines, i + 1, end, path, depth + 1, child, line.number);
    if (deeper.depth === depth + 1 && deeper.values === null) {
      const values = valuesInBlock(lines, i + 1, end);
      if (values !== null) consider({ line: line.number, depth: depth + 1, values: { key: values, from: depth + 1 } });
    }
    consider(deeper);
  }
  return best;
}

/** Where a template writes the field at `path` of the object it renders (`rendered`: the rendered object). */
export function findInTemplate(text: string, path: FieldPath, rendered: JsonValue): TemplateHit {
  const lines = linesOf(text);
  const found = walk(lines, 0, lines.length, path, 0, rendered, 1);
  return { line: found.line, exact: found.depth === path.length, values: found.values };
}
