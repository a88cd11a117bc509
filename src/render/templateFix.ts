/**
 * A chart template that writes a container (or a pod spec) itself and no
 * `securityContext` for it, from values or otherwise (podinfo's test pods,
 * Argo CD's helm-guestbook): restricted's fix is that whole map, which
 * no values key can give. It is written into the template (pure), right
 * under the container's first line or the pod spec's `spec:`, where no
 * `{{ if }}` further down the block can leave it out, in the indentation
 * of the keys there. A `securityContext:` the template writes itself that
 * lacks keys the fix adds (`capabilities`, `seccompProfile`) gets them
 * right under that line, the same way. The caller verifies each by
 * rendering again.
 */
import { stringify } from 'yaml';
import { valueAt } from '../fixes/edits.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { containerListKeys, isObject } from '../pss/pod.js';
import { securityContextOwners } from './mapWriters.js';
import type { LineChange } from './mapWriters.js';
import { findInTemplate, writesNoYaml } from './templateLines.js';
import type { NamedTemplates, TemplateHit, ValuesTruth } from './templateLines.js';

/** A chart template as the rendering read it: its file, text and the named templates it may include. */
export interface ChartTemplate {
  readonly file: string;
  readonly text: string;
  readonly named: NamedTemplates;
  /** What the chart's values say of the keys its `if`s test: a line in a branch they rule out wrote nothing rendered. */
  readonly truth?: ValuesTruth;
}

/** A line's indentation. */
export const indentOf = (line: string) => line.length - line.trimStart().length;

/** A line after which a new key cannot go: it opens a block scalar or a flow collection (`{{` is an action, not a flow map). */
const opensValue = (body: string) => /[|>][+-]?\d*\s*$/.test(body) || /(?::|^-)\s*(?:\[|\{(?!\{))/.test(body);

/**
 * Where keys of the map a line opens are written: for a list item's first
 * line (`- name: web`), the column of `name`; for a key (`spec:`), the
 * indentation of the first line under it that writes YAML. Null when no
 * key can be added after that line.
 */
function keyIndentUnder(lines: readonly string[], at: number, item: boolean): number | null {
  const line = lines[at - 1];
  if (line === undefined || opensValue(line.trim())) return null;
  if (item) {
    const dash = /^(\s*)-(\s+)\S/.exec(line);
    return dash === null ? null : dash[1]!.length + 1 + dash[2]!.length;
  }
  if (!/:\s*(#.*)?$/.test(line)) return null;
  for (let i = at; i < lines.length; i++) {
    if (writesNoYaml(lines[i]!.trim())) continue;
    const indent = indentOf(lines[i]!);
    return indent > indentOf(line) ? indent : null;
  }
  return null;
}

/** An action line that ends the branch a line is in: `{{- else }}`, `{{- else if … }}` (group 1: else) or `{{- end }}`. */
const branchEnd = /^\s*\{\{-?\s*(?:(else)\b[^}]*|end)\s*-?\}\}\s*$/;
const blockStart = /\{\{-?\s*(?:if|with|range|define|block)\b/;

/**
 * The line after which the keys of a map that `at` opens go: `at`, or, when
 * it ends a branch of an `if` (a container whose name line is written two
 * ways: elastic's test pod), past the `end` of that `if`, so that the keys
 * are written whichever branch the values take.
 */
function pastBranches(lines: readonly string[], at: number): number {
  let line = at;
  while (line < lines.length) {
    const next = branchEnd.exec(lines[line]!);
    if (next === null) return line;
    if (next[1] === undefined) {
      line++;
      continue;
    }
    // Past the other branches to the `end` of this `if`, over blocks opened inside them.
    let depth = 0;
    let i = line + 1;
    for (; i < lines.length; i++) {
      if (blockStart.test(lines[i]!)) depth++;
      else if (/\{\{-?\s*end\b/.test(lines[i]!) && depth-- === 0) break;
    }
    if (i >= lines.length) return at;
    line = i + 1;
  }
  return at;
}

/** Keys and their values as lines at `indent`, block style. */
function mapLines(entries: JsonObject, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return stringify(entries, { indent: 2 })
    .trimEnd()
    .split('\n')
    .map((line) => `${pad}${line}`);
}

/** What the fix adds under a line of the template: the keys of `added`, under the line that writes the map at `path`. */
export interface Addition {
  /** The map's path in the rendered object; the line found for it opens it (a list item's first line, or its key). */
  readonly path: FieldPath;
  readonly item: boolean;
  readonly added: JsonObject;
}

/** The securityContext maps and keys a fix adds to a rendered object's pod spec and containers, each with the line it goes under. */
export function securityContextAdditions(original: ManifestDocument, fixed: ManifestDocument): Addition[] {
  const owners = securityContextOwners(original, fixed, containerListKeys);
  if (owners === null) return [];
  return [owners.pod, ...owners.containers].flatMap((parent) => {
    const path = [...parent, 'securityContext'];
    return additionOf(parent, valueAt(original.value, path), valueAt(fixed.value, path)) ?? [];
  });
}

/** The additions a fix makes to a parent's securityContext: the whole map where there was none, else the keys it lacked. */
function additionOf(parent: FieldPath, before: JsonValue | undefined, after: JsonValue | undefined): Addition | null {
  if (!isObject(after)) return null;
  if (before === undefined) return { path: parent, item: typeof parent[parent.length - 1] === 'number', added: { securityContext: after } };
  if (!isObject(before)) return null;
  const added = Object.fromEntries(Object.entries(after).filter(([key]) => before[key] === undefined));
  return Object.keys(added).length === 0 ? null : { path: [...parent, 'securityContext'], item: false, added };
}

/**
 * The template changes that give a rendered object the securityContext
 * maps its fix adds whole (none where the template writes that key, under
 * any condition, or writes the container from values): each the line the
 * map goes under, followed by the map. By file (a container a named
 * template writes is edited in the helper that defines it).
 */
export function templateInsertions(
  template: ChartTemplate,
  original: ManifestDocument,
  fixed: ManifestDocument,
  textOf: (file: string) => string | undefined,
): { file: string; change: LineChange; container: boolean }[] {
  const out: { file: string; change: LineChange; container: boolean }[] = [];
  const linesOf = hitLines(template, textOf);
  for (const addition of securityContextAdditions(original, fixed)) {
    // The template must write the map's line itself; the keys it writes under it, whatever their conditions, are left
    // to it (pihole's `capabilities:` under `{{- if .Values.capabilities }}`, which values fill): the others are added.
    const hit = findInTemplate(template.text, addition.path, original.value, template.named, template.truth);
    if (!hit.exact || hit.values !== null) continue;
    const added = Object.fromEntries(Object.entries(addition.added).filter(([key]) => !findInTemplate(template.text, [...addition.path, key], original.value, template.named).exact));
    if (Object.keys(added).length === 0) continue;
    const at = linesOf(hit);
    if (at === null) continue;
    const { file, lines } = at;
    const indent = keyIndentUnder(lines, hit.line, addition.item);
    if (indent === null) continue;
    // A container's map (its path goes through a container list's index), or the pod's.
    const container = addition.path.some((segment) => typeof segment === 'number');
    const after = pastBranches(lines, hit.line);
    const newLines = after === hit.line && addition.item && opensBlock(lines[after - 1]!) ? onDashLine(lines[after - 1]!, mapLines(added, indent), indent) : [lines[after - 1]!, ...mapLines(added, indent)];
    out.push({ file, change: { startLine: after, endLine: after, newLines }, container });
  }
  return out;
}

/**
 * The paths of the scalars a fix removes from a rendered object (a port's
 * `hostPort`): keys of maps that the fixed object lacks. Lists are followed
 * item by item only where the fix kept their length, so that an index
 * names the same item on both sides.
 */
function removedScalars(before: JsonValue | undefined, after: JsonValue | undefined, path: FieldPath): FieldPath[] {
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || after.length !== before.length) return [];
    return before.flatMap((item, i) => removedScalars(item, after[i], [...path, i]));
  }
  if (!isObject(before) || !isObject(after)) return [];
  return Object.entries(before).flatMap(([key, value]) => {
    if (after[key] !== undefined) return removedScalars(value, after[key], [...path, key]);
    return typeof value === 'object' && value !== null ? [] : [[...path, key]];
  });
}

/**
 * The template lines that write, one each, a scalar the fix removes from the
 * rendered object (prometheus-systemd-exporter's `hostPort: {{
 * .Values.service.port }}`: a value its Service reads too, so no values
 * edit takes the hostPort away): each line goes. Only a line that writes
 * the key and its value alone: not a list item's first key (`- hostPort:`),
 * and nothing under it. By file; the caller verifies by rendering again.
 */
export function templateRemovals(
  template: ChartTemplate,
  original: ManifestDocument,
  fixed: ManifestDocument,
  textOf: (file: string) => string | undefined,
): { file: string; change: LineChange }[] {
  const out: { file: string; change: LineChange }[] = [];
  const linesOf = hitLines(template, textOf);
  for (const path of removedScalars(original.value, fixed.value, [])) {
    const hit = findInTemplate(template.text, path, original.value, template.named, template.truth);
    // The line must be the template's own, its value maybe read from values (`from` the whole path), not a map's from `toYaml`.
    if (!hit.exact || (hit.values !== null && hit.values.from < path.length)) continue;
    const at = linesOf(hit);
    const line = at?.lines[hit.line - 1];
    if (at === null || line === undefined || !writesKeyAlone(line, String(path[path.length - 1]))) continue;
    const { file, lines } = at;
    const next = lines.slice(hit.line).find((l) => l.trim() !== '');
    if (next !== undefined && indentOf(next) > indentOf(line)) continue;
    out.push({ file, change: { startLine: hit.line, endLine: hit.line, newLines: [] } });
  }
  return out;
}

/**
 * The file a template hit's line is in (a helper's, else the template's
 * own) and that file's lines, each file split once; null when its text is
 * not at hand.
 */
function hitLines(template: ChartTemplate, textOf: (file: string) => string | undefined): (hit: TemplateHit) => { file: string; lines: readonly string[] } | null {
  const split = new Map<string, readonly string[] | null>();
  return (hit) => {
    const file = hit.file ?? template.file;
    let lines = split.get(file);
    if (lines === undefined) {
      const text = hit.file === undefined ? template.text : textOf(hit.file);
      split.set(file, (lines = text === undefined ? null : text.split('\n')));
    }
    return lines === null ? null : { file, lines };
  };
}

/** A line that writes `key: value` and nothing else: no dash before it, and no block or flow collection after it. */
function writesKeyAlone(line: string, key: string): boolean {
  const body = line.trim();
  return body.startsWith(`${key}:`) && body.length > key.length + 1 && !opensValue(body);
}

/** A list item's first line whose key's value is the block below it (`- env:`): nothing can go between the two. */
const opensBlock = (line: string) => /^\s*-\s+[^\s#{][^#]*:\s*(#.*)?$/.test(line);

/**
 * The map's lines written as the item's first key, on its dash line, and
 * the key that was there after them (kubeshark's front container opens
 * with `- env:`, its list right below).
 */
function onDashLine(item: string, map: readonly string[], indent: number): string[] {
  const [first, ...rest] = map;
  if (first === undefined) return [item];
  return [`${item.slice(0, indent)}${first.slice(indent)}`, ...rest, `${' '.repeat(indent)}${item.slice(indent)}`];
}
