/**
 * A rendered fix of securityContext maps written where a source writes each
 * map whole (pure). A fix that adds `runAsNonRoot` is no edit of a line the
 * rendering shows when the source writes the map as one value: a chart's
 * values key (`toYaml .Values.securityContext`, often inside `{{- with }}`,
 * so that `securityContext: {}` writes nothing), a JSON 6902 operation's
 * `value` (`op: add`, `path: …/securityContext`). The rendering with the fix
 * applied says what each map must hold; the caller says which source node
 * writes it (`writerOf`); the fix engine's renderer writes the edits into
 * that source as it writes a manifest's. Each such fix is only a candidate:
 * the stage renders the root again with it (verify.ts).
 */
import { append, jsonEqual, remove, set, valueAt } from '../fixes/edits.js';
import { renderEdits } from '../fixes/render.js';
import type { OwnedEdit } from '../fixes/render.js';
import { detectStyle } from '../fixes/style.js';
import { changedLines as textChangedLines, changedLinesOf, lineTable, lineText } from '../fixes/text.js';
import type { LineTable, LineChange as TextLineChange, Splice } from '../fixes/text.js';
import type { Edit, NewValue } from '../fixes/types.js';
import { usedAnchorsIn } from '../manifests/anchors.js';
import { loadManifestFile } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { FieldPath, JsonValue } from '../pss/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import { addTo } from '../multiMap.js';

/** Lines of a file replaced, as a suggestion replaces them. */
export interface LineChange {
  readonly startLine: number;
  readonly endLine: number;
  readonly newLines: readonly string[];
}

const isObject = (value: JsonValue | undefined): value is { [key: string]: JsonValue } => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value the fix engine's renderer writes, or null for one it cannot (a list of maps, null). */
function newValue(value: JsonValue): NewValue | null {
  if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.every((item): item is string => typeof item === 'string') ? value : null;
  if (!isObject(value)) return null;
  const map: { [key: string]: NewValue } = {};
  for (const [key, item] of Object.entries(value)) {
    const converted = newValue(item);
    if (converted === null) return null;
    map[key] = converted;
  }
  return map;
}

/**
 * A list's edits item by item, as the fixers write them (a forbidden
 * capability removed, `ALL` appended to `drop`): the renderer edits a
 * written list in place, block or flow (`add: [NET_BIND_SERVICE,
 * NET_ADMIN]`), where it cannot replace it whole. Null unless `after` is
 * `before` with some of its items removed (not all) and strings appended.
 */
function itemEdits(before: readonly JsonValue[], after: readonly JsonValue[], path: FieldPath): Edit[] | null {
  const edits: Edit[] = [];
  let kept = 0;
  before.forEach((item, index) => {
    if (kept < after.length && jsonEqual(item, after[kept])) kept++;
    else edits.push(remove([...path, index]));
  });
  // A list replaced whole is a new value (leafEdits), not every item removed.
  if (kept === 0 && before.length > 0) return null;
  for (const item of after.slice(kept)) {
    if (typeof item !== 'string') return null;
    edits.push(append(path, item));
  }
  return edits;
}

/** The edits that turn `before` into `after` at `path`, leaf by leaf; false when one cannot be written. */
function leafEdits(before: JsonValue | undefined, after: JsonValue | undefined, path: FieldPath, out: Edit[]): boolean {
  if (jsonEqual(before, after)) return true;
  if (after === undefined) {
    out.push(remove(path));
    return true;
  }
  if (isObject(after) && (before === undefined || isObject(before))) {
    for (const [key, value] of Object.entries(after)) if (!leafEdits(before?.[key], value, [...path, key], out)) return false;
    for (const key of Object.keys(before ?? {})) if (!(key in after)) out.push(remove([...path, key]));
    return true;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const items = itemEdits(before, after, path);
    if (items !== null) {
      out.push(...items);
      return true;
    }
  }
  const value = newValue(after);
  if (value === null) return false;
  out.push(set(path, value));
  return true;
}

/** The securityContext fields a container takes as well as its pod (a pod's value is its containers' default). */
export const containerFields: ReadonlySet<string> = new Set(['runAsNonRoot', 'runAsUser', 'runAsGroup', 'seccompProfile', 'seLinuxOptions', 'appArmorProfile', 'windowsOptions']);

/** A node of a source file that writes a rendered map whole (a values key, an operation's value): the file, and the node's path in it. */
export interface MapSource {
  readonly file: string;
  readonly path: FieldPath;
  /**
   * The node holds nothing of the rendered map (vault's `securityContext.pod:
   * {}`: the template's other branch wrote it): it is given the fixed map
   * whole, every field the rendering had kept, not only the fix's edits.
   */
  readonly whole?: boolean;
}

/** Whether the renderer can write a rendered value whole into a source (a MapSource's `whole`). */
export function writableWhole(value: JsonValue | undefined): boolean {
  return value !== undefined && newValue(value) !== null;
}

/** Where a source writes the rendered map at `path` whole; else null. */
export type MapWriter = (path: FieldPath) => MapSource | null;

/** A source file's edits that write one node's map. */
export interface SourceEdits {
  readonly file: string;
  /** The path in that file of the map the edits write into (their paths start with it). */
  readonly key: FieldPath;
  readonly edits: readonly Edit[];
  /** The map is the pod's (a container's, or several containers', when false). */
  readonly pod: boolean;
}

/**
 * The source edits that give the object's pod and containers the
 * securityContext maps of `fixed` (the same document with the rendered fix
 * applied), one list per source node that writes a map, in its file
 * (their paths are the file's). A map no node writes is left out (the other maps' edits may
 * still fix a check: the verification says which), but a pod's fields are
 * then given to each container whose map one writes, as a container takes
 * them too; a node two containers need different values of is left out.
 * Null when nothing is left.
 */
export function securityContextEdits(original: ManifestDocument, fixed: ManifestDocument, writerOf: MapWriter, podWriterOf: MapWriter = writerOf): SourceEdits[] | null {
  const owners = securityContextOwners(original, fixed, ['initContainers', 'containers']);
  if (owners === null || extractPodSpecs(fixed).pods.length !== 1) return null;
  const changesOf = (path: FieldPath, writer: MapSource | null): Edit[] | null => {
    const edits: Edit[] = [];
    return leafEdits(writer?.whole ? undefined : valueAt(original.value, path), valueAt(fixed.value, path), [], edits) ? edits : null;
  };
  const podPath = [...owners.pod, 'securityContext'];
  const podEdits = changesOf(podPath, podWriterOf(podPath));
  if (podEdits === null) return null;
  const byKey = new Map<string, Edit[]>();
  /** Keys two containers need different values of. */
  const conflicting = new Set<string>();
  const { written: podKeys, left } = writtenBy(podPath, podEdits, podWriterOf);
  for (const [key, edits] of podKeys) byKey.set(key, edits);
  // What no node writes for the pod, each container whose map one writes takes instead.
  const podFields = left.every((edit) => edit.op === 'set' && containerFields.has(String(edit.path[0]))) ? left : [];
  for (const container of owners.containers) {
    const path = [...container, 'securityContext'];
    const own = changesOf(path, writerOf(path));
    if (own === null) return null;
    const edits = [...own, ...podFields.filter((edit) => !own.some((mine) => JSON.stringify(mine.path) === JSON.stringify(edit.path)))];
    for (const [key, ofKey] of writtenBy(path, edits, writerOf).written) {
      const known = byKey.get(key);
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(ofKey)) conflicting.add(key);
      byKey.set(key, ofKey);
    }
  }
  for (const key of conflicting) byKey.delete(key);
  if (byKey.size === 0) return null;
  return [...byKey].map(([key, edits]) => {
    const { file, path } = JSON.parse(key) as MapSource;
    return { file, key: path, edits: edits.map((edit) => ({ ...edit, path: [...path, ...edit.path] })), pod: podKeys.has(key) };
  });
}

/**
 * The edits of a securityContext map (`path`) by the source node that
 * writes them (its MapSource as JSON), their paths below it: the node that
 * writes the map whole, else, for the maps inside it, each one's own
 * (istiod's literal securityContext takes `seccompProfile` from `toYaml
 * .Values.seccompProfile`); and the edits no node writes.
 */
function writtenBy(path: FieldPath, edits: readonly Edit[], writerOf: MapWriter): { written: Map<string, Edit[]>; left: Edit[] } {
  const written = new Map<string, Edit[]>();
  const left: Edit[] = [];
  if (edits.length === 0) return { written, left };
  const whole = writerOf(path);
  if (whole !== null) return { written: written.set(JSON.stringify(whole), [...edits]), left };
  for (const edit of edits) {
    const inner = edit.path.length < 2 ? null : writerOf([...path, edit.path[0]!]);
    if (inner === null) left.push(edit);
    else addTo(written, JSON.stringify(inner), { ...edit, path: edit.path.slice(1) });
  }
  return { written, left };
}

/**
 * Where a rendered object's securityContext maps are: its one pod spec's
 * path and each container's of `lists` in the fixed object, in order; null
 * for an object of no pod spec or of several.
 */
export function securityContextOwners(original: ManifestDocument, fixed: ManifestDocument, lists: readonly string[]): { pod: FieldPath; containers: FieldPath[] } | null {
  const { pods } = extractPodSpecs(original);
  const [before] = pods;
  if (before === undefined || pods.length !== 1) return null;
  const pod = [...before.templatePath, 'spec'];
  const containers: FieldPath[] = [];
  for (const list of lists) {
    const items = valueAt(fixed.value, [...pod, list]);
    if (Array.isArray(items)) items.forEach((_, i) => containers.push([...pod, list, i]));
  }
  return { pod, containers };
}

/** A source file read once for the edits of every object of a root. */
export interface EditableFile {
  /** The lines `edits` change, or null when the renderer cannot write them there (a shared node, a key not at the start of its line). */
  change(edits: readonly Edit[]): LineChange | null;
  /** The value at a path of its document, as written (undefined when absent). */
  value(path: FieldPath): JsonValue | undefined;
}

/** A file of one YAML document, a map or a list (of JSON 6902 operations), ready for edits; else null. */
export function editableFile(file: string, text: string): EditableFile | null {
  // Lines are counted after a byte-order mark, as the renderer reads the text.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { documents } = loadManifestFile(file, body);
  const [document] = documents;
  if (document === undefined || documents.length !== 1 || typeof document.value !== 'object' || document.value === null) return null;
  const { layout: doc, start, end } = document.source;
  const table = lineTable(body);
  const context = { doc, table, style: detectStyle(doc, table), anchors: usedAnchorsIn(doc, body, start, end) };
  const owners = new Set(['values']);
  const areas = new Set(['values']);
  return {
    value: (path) => valueAt(document.value, path),
    change(edits) {
      let splices: readonly Splice[];
      try {
        splices = renderEdits(context, edits.map((edit): OwnedEdit => ({ edit, owners, areas }))).splices;
      } catch {
        return null;
      }
      // Only the lines the splices touch are compared (changedLinesOf): every object of a chart edits
      // the one values file, which is read once, not once per object.
      const change = changedLinesOf(table, splices);
      return change === null ? null : replacedLines(table, change);
    },
  };
}

/**
 * The changes that write each node's edits apart (a check is fixed at one
 * level or the other), after all of them at once when they are written at
 * most `span` unchanged lines apart (a check every container must pass,
 * each with its node). The verification gives each finding the last that
 * fixes it: the least.
 */
export function writerChanges(file: EditableFile, byWriter: readonly (readonly Edit[])[], span: number): LineChange[] {
  const { together, apart } = writerChangeSets(file, byWriter, span);
  return together === null ? apart : [together, ...apart];
}

/**
 * The changes that write every writer's edits: one over them all when they
 * are near, else one per writer (each a part of the fix, none a fix alone
 * when the fix needs them all).
 */
export function writerParts(file: EditableFile, byWriter: readonly (readonly Edit[])[], span: number): LineChange[] {
  const { together, apart } = writerChangeSets(file, byWriter, span);
  return together === null ? apart : [together];
}

/** Each writer's change, and one change over them all when they are `span` lines apart or nearer (else null). */
function writerChangeSets(file: EditableFile, byWriter: readonly (readonly Edit[])[], span: number): { together: LineChange | null; apart: LineChange[] } {
  if (byWriter.length === 0) return { together: null, apart: [] };
  const apart = byWriter.map((edits) => file.change(edits)).filter((change) => change !== null);
  const together = byWriter.length > 1 ? file.change(byWriter.flat()) : null;
  const linesOf = (change: LineChange) => change.endLine - change.startLine + 1;
  const near = together !== null && apart.length === byWriter.length && linesOf(together) - apart.reduce((sum, change) => sum + linesOf(change), 0) <= span;
  return { together: near ? together : null, apart };
}

/**
 * Several changes of one file as one, the lines between them as they are:
 * what one suggestion over all of them replaces. The same change given twice
 * is one. Null for none, for changes that overlap, or when they lie `span`
 * lines apart or more (too far apart for one suggestion).
 */
export function combinedChange(lines: readonly string[], changes: readonly LineChange[], span: number): LineChange | null {
  const ordered = [...changes].sort((a, b) => a.startLine - b.startLine);
  const distinct = ordered.filter((change, i) => i === 0 || !sameChange(change, ordered[i - 1]!));
  const [first] = distinct;
  if (first === undefined) return null;
  const endLine = Math.max(...distinct.map((change) => change.endLine));
  if (endLine - first.startLine >= span || distinct.some((change, i) => i > 0 && change.startLine <= distinct[i - 1]!.endLine)) return null;
  const newLines: string[] = [];
  let line = first.startLine;
  for (const change of distinct) {
    for (; line < change.startLine; line++) newLines.push(lines[line - 1] ?? '');
    newLines.push(...change.newLines);
    line = change.endLine + 1;
  }
  return { startLine: first.startLine, endLine, newLines };
}

function sameChange(a: LineChange, b: LineChange): boolean {
  return a.startLine === b.startLine && a.endLine === b.endLine && a.newLines.length === b.newLines.length && a.newLines.every((line, i) => line === b.newLines[i]);
}

/** The one range of lines `after` changes in `before`, as lines replaced (replacedLines). */
export function changedLines(before: string, after: string): LineChange | null {
  const change = textChangedLines(before, after);
  return change === null ? null : replacedLines(lineTable(before), change);
}

/**
 * The fix engine's change of lines as lines replaced, as a suggestion must
 * replace one: an insertion takes the line above it (the line below, at the
 * top of the file).
 */
function replacedLines(table: LineTable, change: TextLineChange): LineChange {
  if (change.end >= change.start) return { startLine: change.start, endLine: change.end, newLines: change.lines };
  if (change.start > 1) return { startLine: change.start - 1, endLine: change.start - 1, newLines: [lineText(table, change.start - 1), ...change.lines] };
  return { startLine: 1, endLine: 1, newLines: [...change.lines, lineText(table, 1)] };
}
