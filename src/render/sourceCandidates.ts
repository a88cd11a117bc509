/**
 * Suggestion candidates of rendered findings that no literal edit writes
 * (pure), where a source writes the fixed object or map whole: a Kustomize
 * resource or strategic-merge patch fixed as a manifest is (objectFix.ts),
 * a JSON 6902 operation's value or a chart's values key given the keys the
 * fixed securityContext maps need (mapWriters.ts). mapReport.ts places the
 * findings and gathers what each needs; the stage verifies every candidate
 * by rendering again (verify.ts).
 */
import { jsonEqual, set, valueAt } from '../fixes/edits.js';
import { applySuggestions } from '../fixes/suggestions.js';
import type { Edit, FindingFix, NewScalar, Suggestion } from '../fixes/types.js';
import type { Finding } from '../findings/types.js';
import { loadManifestFile, renderedLoadOptions } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { FindingCheck } from '../policy/sources/extraChecks.js';
import { levelRank, parseVersion } from '../pss/levels.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { blockLines } from './kustomizeMap.js';
import type { ObjectDocument, OperationsDocument, PatchBlock } from './kustomizeMap.js';
import type { Placed, RenderingIndex, SourceChange, SuggestionCandidate } from './mapReport.js';
import { combinedChange, editableFile, securityContextEdits, writableWhole, writerChanges, writerParts } from './mapWriters.js';
import type { EditableFile, LineChange, MapSource } from './mapWriters.js';
import { objectFixes } from './objectFix.js';
import { securityContextAdditions, templateInsertions, templateRemovals } from './templateFix.js';
import type { ObjectRequest } from './objectFix.js';
import { findInTemplate, guardsOf, includedIn, plainSwitchOf, valuedSwitches } from './templateLines.js';
import type { NamedTemplates, ValuesTruth } from './templateLines.js';
import { addTo } from '../multiMap.js';
import { nameEndingsOf } from './nameEndings.js';
import { isObject } from '../pss/pod.js';

/** How far apart a suggestion's edited lines may be: it repeats every line between them. */
export const maxSuggestionSpan = 20;

/** The text a source's fix is written on: a file, or a patch block in it (kustomizeMap.ts PatchBlock). */
function textKey(file: string, block: PatchBlock | undefined): string {
  return `${file}\0${block?.firstLine ?? 0}`;
}

/** Source texts ready for edits (mapWriters.ts), each read once however many objects, renderings and kinds of fix write it. */
export type EditableTexts = (file: string, block?: PatchBlock) => EditableFile | null;

export function editableTexts(sources: ReadonlyMap<string, string>): EditableTexts {
  const files = new Map<string, EditableFile | null>();
  return (file, block) => {
    const key = textKey(file, block);
    if (!files.has(key)) {
      const text = block?.text ?? sources.get(file);
      files.set(key, text === undefined ? null : editableFile(file, text));
    }
    return files.get(key) ?? null;
  };
}

/** A finding of a Kustomize rendering with a fix: placed on `file`, about the object `document` renders, and its literal edits if any. */
export interface KustomizeFix {
  readonly finding: number;
  readonly index: RenderingIndex;
  readonly file: string;
  readonly document: ManifestDocument | undefined;
  readonly literal: SuggestionCandidate | null;
}

/**
 * The suggestion candidates of Kustomize findings. Where the file a finding
 * is placed in writes its object as an object (a resource, a patch file or
 * block), the fix engine fixes that document (objectFix.ts): once for the
 * findings of every rendering of it there, so that their suggestions never
 * overlap, at the strictest of their levels (a fix must not break the level
 * the team is heading to). Where the file holds JSON 6902 operations
 * instead, the values that write the maps the fix changes get their keys
 * (mapWriters.ts). Else, or for a check neither can fix, the literal edits.
 */
export function kustomizeCandidates(
  fixes: readonly KustomizeFix[],
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string>,
  fixedOf: (index: RenderingIndex) => ReadonlyMap<number, ManifestDocument>,
  editable: EditableTexts,
): SuggestionCandidate[] {
  const groups = new Map<ManifestDocument | undefined, Map<string, KustomizeFix[]>>();
  for (const entry of fixes) {
    const byFile = groups.get(entry.document) ?? new Map<string, KustomizeFix[]>();
    groups.set(entry.document, byFile);
    addTo(byFile, entry.file, entry);
  }
  // Each source document once, for the checks of every rendering of it (overlays sharing a base get one fix), and
  // each text's documents in one run of the fix engine.
  const requests = new Map<string, Request>();
  const placedGroups: { placed: KustomizeFix[]; file: string; document: ManifestDocument | undefined; request: string | null }[] = [];
  for (const [document, byFile] of groups) {
    for (const [file, placed] of byFile) {
      const written = document === undefined ? null : placed[0]!.index.documentIn(document, file);
      const text = sources.get(file);
      const ofText = written === null ? null : textKey(file, written.block);
      const key = ofText === null || written === null || text === undefined ? null : `${ofText}\0${written.document.index}`;
      placedGroups.push({ placed, file, document, request: key });
      if (key === null || ofText === null || written === null || text === undefined) continue;
      const request = requests.get(key) ?? { written, checks: new Set<FindingCheck>(), strictest: findings[placed[0]!.finding]!, text, textKey: ofText };
      requests.set(key, request);
      for (const entry of placed) {
        const finding = findings[entry.finding]!;
        request.checks.add(finding.check);
        if (levelRank(finding.level) > levelRank(request.strictest.level)) request.strictest = finding;
      }
    }
  }
  const fixesOf = objectFixesByRequest(requests);
  const candidates: SuggestionCandidate[] = [];
  for (const { placed, file, document, request } of placedGroups) {
    const { index } = placed[0]!;
    const written = request === null ? null : requests.get(request)!.written;
    const objectFixesOf = request === null ? new Map<FindingCheck, FindingFix>() : (fixesOf.get(request) ?? new Map<FindingCheck, FindingFix>());
    const ownObject = written !== null && !written.targeted;
    // No object there: JSON 6902 operations whose values write the maps the fix changes.
    const operations = written === null && document !== undefined ? index.operationsIn(document, file) : null;
    const operationChangesOf = operations === null || document === undefined ? [] : operationChanges(operations, document, fixedOf(index), editable);
    for (const entry of placed) {
      if (operationChangesOf.length > 0) {
        for (const change of operationChangesOf) candidates.push({ finding: entry.finding, rendering: index.rendering, file, ...change, caveat: findings[entry.finding]!.fixNote });
        continue;
      }
      const fixed = objectFixesOf.get(findings[entry.finding]!.check);
      const fix = fixed?.fix ?? null;
      // A fix within a long line (a byte range, no replacement) or one that deletes lines is not written as lines here.
      if (fixed === undefined || fix === null || fix.replacement === null || fix.replacement === '') {
        if (entry.literal !== null) candidates.push(entry.literal);
        continue;
      }
      const newLines = fix.replacement.replace(/\n$/, '').split('\n');
      candidates.push({ finding: entry.finding, rendering: index.rendering, file, startLine: fix.startLine, endLine: fix.endLine, newLines, caveat: fixed.fixNote, ownObject });
    }
  }
  return candidates;
}

/** A source document to fix for the findings of every rendering of it, with the text it is one of. */
interface Request {
  readonly written: ObjectDocument;
  readonly checks: Set<FindingCheck>;
  strictest: Finding;
  /** The file's text (a block's is the block's own, `written.block`). */
  readonly text: string;
  readonly textKey: string;
}

/** The fixes of each request, by its key: the requests of one text (a file, or a block in it) fixed together. */
function objectFixesByRequest(requests: ReadonlyMap<string, Request>): Map<string, Map<FindingCheck, FindingFix>> {
  const byText = new Map<string, [string, Request][]>();
  for (const entry of requests) addTo(byText, entry[1].textKey, entry);
  const out = new Map<string, Map<FindingCheck, FindingFix>>();
  for (const ofText of byText.values()) {
    const objectRequests = ofText.map(([, { written, checks, strictest }]): ObjectRequest => {
      const version = parseVersion(strictest.version);
      return { written, checks, policy: { level: strictest.level, version: version.ok ? version.value : version.fallback } };
    });
    const results = objectFixes(ofText[0]![1].text, objectRequests);
    ofText.forEach(([key], i) => out.set(key, results[i]!));
  }
  return out;
}

/** A finding of a chart whose fix is no literal edit: placed at `primary`, about the object `document` renders. */
export interface ChartFix {
  readonly finding: number;
  readonly index: RenderingIndex;
  readonly primary: Placed;
  readonly document: ManifestDocument;
  /** The template writes the finding's fields literally (their literal edit is a candidate already): only a values switch that writes them is looked for. */
  readonly literal?: boolean;
}

/** A chart's candidates: `beforeLiterals` go before the literal edits of their findings, which win over them when both verify. */
export interface ChartCandidates {
  readonly beforeLiterals: SuggestionCandidate[];
  readonly candidates: SuggestionCandidate[];
}

/**
 * The fixes of chart findings that no literal edit writes, as the chart's
 * values write them (mapWriters.ts): the rendering with every fix of its
 * findings applied says what each pod's and container's securityContext
 * must hold, and the template which values key writes it. One candidate
 * per object, for each of its findings; it is placed in the values file,
 * so a finding whose comment it would move off its diff (`movable`) gets
 * none. A finding whose literal edit is a candidate already gets the
 * template's removals of the lines it writes (a values line its Service
 * reads too, whose literal edit changes the Service) and the values
 * switches that write it.
 */
export function chartValuesCandidates(
  fixes: readonly ChartFix[],
  findings: readonly Finding[],
  movable: (fix: ChartFix, file: string, change: LineChange) => boolean,
  fixedOf: (index: RenderingIndex) => ReadonlyMap<number, ManifestDocument>,
  editable: EditableTexts,
): ChartCandidates {
  const byRendering = new Map<RenderingIndex, ChartFix[]>();
  for (const fix of fixes) addTo(byRendering, fix.index, fix);
  const candidates: SuggestionCandidate[] = [];
  const beforeLiterals: SuggestionCandidate[] = [];
  for (const [index, pending] of byRendering) {
    const fixed = fixedOf(index);
    const lone = loneTemplates(index);
    // A chart's helpers are read by many of its objects: each file is searched once per field.
    const switchesOf = new Map<string, string[][]>();
    const switchesIn = (file: string, field: readonly [string, string]) => {
      const key = `${file}\u0000${field.join('\u0000')}`;
      if (!switchesOf.has(key)) switchesOf.set(key, valuedSwitches(index.rendering.rendered.sources.get(file) ?? '', field));
      return switchesOf.get(key)!;
    };
    type Change = { file: string; change: LineChange; ownObject?: boolean; also?: SourceChange[]; keepsOthers?: boolean; keeps?: JsonValue };
    const changes = new Map<ManifestDocument, { all: Change[]; switches: Change[]; removals: Change[] }>();
    for (const fix of pending) {
      let found = changes.get(fix.document);
      // The template's changes first, then the values' switches, then their maps: a later candidate that verifies
      // wins (verify.ts), and a chart's values, where they can write the fix, are what its users edit (a template
      // edit forks a chart someone else maintains).
      if (found === undefined) {
        const object = chartObjectOf(index, fix.document, fixed);
        const switches = object === null ? [] : switchOffChangesOf(object, editable);
        // A switch turned off takes its branch's other literals with it on purpose (the DNS policy of a host network); the other edits keep every field.
        const keeping = (changes: readonly Change[]) => (object === null ? [] : changes.map((c) => ({ ...c, keeps: object.after.value })));
        // The chart's own switch of a field last: one line of its values, where it has one, is what its users edit.
        const values = object === null ? [] : [...switches, ...keeping([...guardChangesOf(object, editable), ...valuesChangesOf(object, editable)]), ...valuedSwitchChangesOf(object, editable, switchesIn)];
        const removals = object === null ? [] : keeping(templateRemovalChangesOf(object, lone));
        changes.set(fix.document, (found = { all: [...(object === null ? [] : keeping(templateChangesOf(object, lone))), ...removals, ...values], switches, removals }));
      }
      const candidateOf = ({ file, change, ownObject, also, keepsOthers, keeps }: Change): SuggestionCandidate => ({
        finding: fix.finding,
        rendering: index.rendering,
        file,
        ...change,
        caveat: findings[fix.finding]!.fixNote,
        ...(ownObject ? { ownObject } : {}),
        ...(also ? { also } : {}),
        ...(keepsOthers ? { keepsOthers } : {}),
        ...(keeps !== undefined ? { keeps } : {}),
      });
      for (const change of fix.literal === true ? found.removals : []) if (movable(fix, change.file, change.change)) beforeLiterals.push(candidateOf(change));
      for (const change of fix.literal === true ? found.switches : found.all) if (movable(fix, change.file, change.change)) candidates.push(candidateOf(change));
    }
  }
  return { beforeLiterals, candidates };
}

/** The templates of a chart's rendering that render one document each: an edit of one changes that object only. */
function loneTemplates(index: RenderingIndex): ReadonlySet<string> {
  const count = new Map<string, number>();
  for (const document of index.documents) {
    const file = index.chartTemplateOf(document)?.file;
    if (file !== undefined) count.set(file, (count.get(file) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n === 1).map(([file]) => file));
}

/**
 * A rendering's documents with the fixes of all its findings applied, by
 * their index in it. `fixes`: the suggestions of its findings, by first line
 * (several findings share one; one file's never overlap).
 */
export function fixedRendering(index: RenderingIndex, fixes: ReadonlyMap<number, Suggestion>): ReadonlyMap<number, ManifestDocument> {
  const { documents } = loadManifestFile(index.path, applySuggestions(index.rendering.text, [...fixes.values()]), renderedLoadOptions());
  return new Map(documents.map((document) => [document.index, document]));
}

/**
 * The values keys a chart's template writes a map from whole
 * (`securityContext: {{ toYaml .Values.x }}`), in the order the action names
 * them (`.Values.a | default .Values.b`); none when it writes no such map.
 */
function valuesKeysOf(template: string, named: NamedTemplates, path: FieldPath, rendered: JsonValue, element: (key: readonly string[]) => readonly string[] | null, truth?: ValuesTruth): (readonly string[])[] {
  // A map the object has was written by a branch its values take (keda's `podSecurityContext.operator` or, else,
  // `podSecurityContext`): the other branch's key would take the rendered fields away. One it lacks goes where it would be written.
  const values = findInTemplate(template, path, rendered, named, valueAt(rendered, path) === undefined ? undefined : truth).values;
  if (values === null || values.from !== path.length) return [];
  // A key of an element (`*`: a `range`'s, an `index` by a variable) names one map to write in only where the object says which.
  return [values.key, ...(values.alternatives ?? [])].flatMap((key) => {
    if (!key.includes('*')) return [key];
    const picked = element(key);
    return picked === null ? [] : [picked];
  });
}

/**
 * The key of a map's element that a template picks per object (`index
 * $.Values.server $service` in a `range` over the services: temporal's
 * `server.*.containerSecurityContext`), as the object's name says which:
 * the longest end of the name, at a dash, that is a key of that map
 * (`temporal-frontend`: `frontend`). Null when none is, or when the key has
 * several elements. `valueAt`: the values at a key, where helm reads it.
 */
function elementByName(key: readonly string[], object: JsonValue, valueAt: (key: readonly string[]) => JsonValue | undefined): readonly string[] | null {
  const at = key.indexOf('*');
  if (at < 0 || key.indexOf('*', at + 1) >= 0) return null;
  const element = nameEndingsOf(object).find((end) => isObject(valueAt([...key.slice(0, at), end])));
  return element === undefined ? null : [...key.slice(0, at), element, ...key.slice(at + 1)];
}

/** Whether a values map holds every field of what the template rendered from it (a key it leaves out, as bitnami's `enabled`, aside). */
function holds(values: JsonValue | undefined, rendered: JsonValue | undefined): boolean {
  if (rendered === undefined) return true;
  if (!isObject(rendered)) return values !== undefined && jsonEqual(values, rendered);
  return isObject(values) && Object.entries(rendered).every(([key, value]) => holds(values[key], value));
}

/** No value, or an empty map: what a values key that sets nothing holds. */
const isEmpty = (value: JsonValue | undefined) => value === undefined || value === null || (isObject(value) && Object.keys(value).length === 0);

/** A map with keys: what `default` takes as set. */
const isSetMap = (value: JsonValue | undefined) => isObject(value) && Object.keys(value).length > 0;

/** A rendered object of a chart with what its fixes are written from: its template, and the object as every fix of its rendering leaves it. */
interface ChartObject {
  readonly index: RenderingIndex;
  readonly document: ManifestDocument;
  readonly template: NonNullable<ReturnType<RenderingIndex['chartTemplateOf']>>;
  readonly after: ManifestDocument;
}

function chartObjectOf(index: RenderingIndex, document: ManifestDocument, fixed: ReadonlyMap<number, ManifestDocument>): ChartObject | null {
  const template = index.chartTemplateOf(document);
  const after = fixed.get(document.index);
  return template === null || after === undefined ? null : { index, document, template, after };
}

/** The text and line of a template that write a field of the object exactly (a named template's, in the file that defines it), or null. */
function templateLineOf({ index, document, template }: ChartObject, path: FieldPath): { text: string; line: number; fromValues: boolean } | null {
  const hit = findInTemplate(template.text, path, document.value, template.named);
  const text = hit.file === undefined ? template.text : index.rendering.rendered.sources.get(hit.file);
  return hit.exact && text !== undefined ? { text, line: hit.line, fromValues: hit.values !== null } : null;
}

/**
 * A values switch (`guard`) turned from `from` to the opposite, where helm
 * reads it: the change (null when it cannot be written) and the key it is
 * known by; null when the values do not hold `from` there.
 */
function switchTurned(template: ChartObject['template'], guard: readonly string[], from: boolean, editable: EditableTexts): { file: string; known: string; change: LineChange | null } | null {
  const { file, at, known, values } = keyWhereRead(template, guard, editable);
  if (values === null || values.value(at) !== from) return null;
  return { file, known, change: values.change([set(at, !from)]) };
}

/** Where helm reads a values key for a template: the file and the path in it, a name to know it by, and the file ready for edits. */
function keyWhereRead(template: ChartObject['template'], key: readonly string[], editable: EditableTexts): { file: string; at: FieldPath; known: string; values: EditableFile | null } {
  const { file, path: at } = template.writeKey(key);
  return { file, at, known: `${file}\u0000${at.join('.')}`, values: editable(file) };
}

/** The changes of a chart's template that write the securityContext maps a rendered object's fix adds whole (templateFix.ts), in files of the repository. */
function templateChangesOf({ index, document, template, after }: ChartObject, lone: ReadonlySet<string>): { file: string; change: LineChange; ownObject: boolean; also?: SourceChange[] }[] {
  const { sources } = index.rendering.rendered;
  const byFile = new Map<string, { change: LineChange; container: boolean }[]>();
  // A template read inside a vendored archive is no file to edit.
  for (const { file, ...insertion } of templateInsertions(template, document, after, (file) => sources.get(file))) if (sources.has(file)) addTo(byFile, file, insertion);
  const out: { file: string; change: LineChange; ownObject: boolean; also?: SourceChange[] }[] = [];
  for (const [file, insertions] of byFile) {
    const ownObject = editsOwnObject(template, lone, file);
    // A check every container must pass needs each container's map: theirs at once (not the pod's, which a
    // check of its own takes alone), when there are several, near enough for one suggestion.
    const containers = insertions.filter((i) => i.container).map((i) => i.change);
    const together = joinedChange(sources.get(file)!, containers);
    for (const change of [...(together === null ? [] : [together]), ...insertions.map((i) => i.change)]) out.push({ file, change, ownObject });
    // Too far apart for one (appmesh-prometheus' init container above its pod's other): all of them as one example.
    const example = together === null ? asOneExample([...containers].sort((a, b) => a.startLine - b.startLine).map((change) => ({ file, ...change }))) : null;
    if (example !== null) out.push({ ...example, ownObject });
  }
  return out;
}

/** The changes of a chart's template that take away the lines writing scalars a rendered object's fix removes (templateFix.ts): each alone, and a file's all as one where they are near enough. */
function templateRemovalChangesOf({ index, document, template, after }: ChartObject, lone: ReadonlySet<string>): { file: string; change: LineChange; ownObject: boolean }[] {
  const { sources } = index.rendering.rendered;
  const byFile = new Map<string, LineChange[]>();
  for (const { file, change } of templateRemovals(template, document, after, (file) => sources.get(file))) if (sources.has(file)) addTo(byFile, file, change);
  const out: { file: string; change: LineChange; ownObject: boolean }[] = [];
  for (const [file, changes] of byFile) {
    const ownObject = editsOwnObject(template, lone, file);
    const together = joinedChange(sources.get(file)!, changes);
    for (const change of [...(together === null ? [] : [together]), ...changes]) out.push({ file, change, ownObject });
  }
  return out;
}

/** Whether an edit of `file` changes the object alone: the template renders no other, so it is verified with other objects' edits, in one rendering. */
function editsOwnObject(template: ChartObject['template'], lone: ReadonlySet<string>, file: string): boolean {
  return file === template.file && lone.has(template.file);
}

/** A file's changes as one, where there are several near enough for one suggestion; else null. */
function joinedChange(text: string, changes: readonly LineChange[]): LineChange | null {
  return changes.length < 2 ? null : combinedChange(text.split('\n'), changes, maxSuggestionSpan);
}

/**
 * The values switches that write what a fix adds: a template that writes
 * the key (`seccompProfile:`) under `{{ if .Values.seccompProfile.enable }}`
 * with the values setting it false (microservices-demo) is fixed by
 * setting it true, the innermost such switch, where helm reads it. The
 * caller verifies it: the key's own value must be the fix's too.
 */
function guardChangesOf(object: ChartObject, editable: EditableTexts): { file: string; change: LineChange }[] {
  const out: { file: string; change: LineChange }[] = [];
  const seen = new Set<string>();
  for (const addition of securityContextAdditions(object.document, object.after)) {
    for (const key of Object.keys(addition.added)) {
      // The line that writes the added key (or map) in the template, if any does, under some condition.
      const written = templateLineOf(object, [...addition.path, key]);
      if (written === null) continue;
      for (const guard of guardsOf(written.text, written.line)) {
        const turned = switchTurned(object.template, guard, false, editable);
        if (turned === null) continue;
        if (turned.change !== null && !seen.has(turned.known)) out.push({ file: turned.file, change: turned.change });
        seen.add(turned.known);
        break;
      }
    }
  }
  return out;
}

/** The scalars a fix adds, each with the key of the map that holds it: `seccompProfile: {type: RuntimeDefault}` gives (`seccompProfile`, `type`) and `RuntimeDefault`. */
function addedScalars(added: JsonObject, parent: string | number | undefined): { field: [string, string]; value: NewScalar }[] {
  return Object.entries(added).flatMap(([key, value]) => {
    if (isObject(value)) return addedScalars(value, key);
    return typeof parent === 'string' && (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') ? [{ field: [parent, key] as [string, string], value }] : [];
  });
}

/** A values key that turns nothing on: what helm's `if` reads as false, or no key at all. */
const isUnset = (value: JsonValue | undefined) => value === undefined || value === null || value === '' || value === false;

/**
 * The values keys that a chart tests and writes a field from at once
 * (valuedSwitches: dapr's `global.seccompProfile: ""`, which each
 * control-plane container writes as its `seccompProfile.type` when set),
 * set to the value the fix gives that field, where helm reads the key. The
 * fix may add the field at another level than the template writes it (the
 * pod's, not each container's): the caller verifies by rendering again.
 */
function valuedSwitchChangesOf(object: ChartObject, editable: EditableTexts, switchesIn: (file: string, field: readonly [string, string]) => string[][]): { file: string; change: LineChange }[] {
  const { template } = object;
  // The template and the files of the named templates it includes (a helper that writes the field).
  const files = new Set([template.file]);
  for (const name of includedIn([template.text])) {
    const named = template.named.get(name);
    if (named !== undefined) files.add(named.file);
  }
  const out: { file: string; change: LineChange }[] = [];
  const seen = new Set<string>();
  for (const addition of securityContextAdditions(object.document, object.after)) {
    for (const { field, value } of addedScalars(addition.added, addition.path[addition.path.length - 1])) {
      for (const key of [...files].flatMap((file) => switchesIn(file, field))) {
        const { file, at, known, values } = keyWhereRead(template, key, editable);
        if (seen.has(known) || values === null || !isUnset(values.value(at))) continue;
        seen.add(known);
        const change = values.change([set(at, value)]);
        if (change !== null) out.push({ file, change });
      }
    }
  }
  return out;
}

/**
 * The values switches that write what a fix takes away: rook-ceph writes
 * `hostNetwork: true` under `{{- if .Values.useOperatorHostNetwork }}`,
 * and a pull request that sets that key true is fixed by setting it false
 * again, on the line it changed, not by a template edit that contradicts
 * the chart's own switch. Only a key set to true whose branch writes
 * nothing but literal fields (plainSwitchOf); the caller verifies it by
 * rendering again, with no other object changing (the key may be read
 * elsewhere too).
 */
function switchOffChangesOf(object: ChartObject, editable: EditableTexts): { file: string; change: LineChange; keepsOthers: true }[] {
  const out: { file: string; change: LineChange; keepsOthers: true }[] = [];
  const seen = new Set<string>();
  for (const path of changedScalars(object.document.value, object.after.value, [])) {
    const written = templateLineOf(object, path);
    const guard = written === null || written.fromValues ? null : plainSwitchOf(written.text, written.line);
    const turned = guard === null ? null : switchTurned(object.template, guard, true, editable);
    if (turned === null || seen.has(turned.known)) continue;
    seen.add(turned.known);
    if (turned.change !== null) out.push({ file: turned.file, change: turned.change, keepsOthers: true });
  }
  return out;
}

/** The paths of the scalars of `before` that `after` changes or lacks. */
function changedScalars(before: JsonValue | undefined, after: JsonValue | undefined, path: FieldPath): FieldPath[] {
  if (typeof before !== 'object' || before === null) return jsonEqual(before ?? null, after ?? null) && after !== undefined ? [] : [path];
  const out: FieldPath[] = [];
  const beside = typeof after === 'object' && after !== null ? after : undefined;
  if (Array.isArray(before)) before.forEach((item, i) => out.push(...changedScalars(item, Array.isArray(beside) ? beside[i] : undefined, [...path, i])));
  else for (const [key, value] of Object.entries(before)) out.push(...changedScalars(value, beside !== undefined && !Array.isArray(beside) ? beside[key] : undefined, [...path, key]));
  return out;
}

/**
 * A values map that a template writes only when its `enabled` is true
 * (Bitnami's `containerSecurityContext.enabled`, which their helpers leave
 * out of the map they render): with `enabled: false`, its fields are not
 * rendered however they are set, so the fix turns it on. Verification
 * renders again: a chart whose switch means something else is refused.
 */
function switchedOn(file: EditableFile | null, key: readonly (string | number)[], template: string): Edit[] {
  const path = [...key, 'enabled'];
  const value = file?.value(path);
  if (value === false) return [set(path, true)];
  // Not set at all: turned on when the template tests it (cortex: `{{- if .Values.querier.securityContext.enabled }}`
  // over `securityContext: {{- omit .Values.querier.securityContext "enabled" | toYaml … }}`, its values `securityContext: {}`).
  return value === undefined && file !== null && testsEnabled(template, key) ? [set(path, true)] : [];
}

/** Whether a template tests `.Values.<key>.enabled` in an `if` (a subchart's key read without the parent's prefix too). */
function testsEnabled(template: string, key: readonly (string | number)[]): boolean {
  if (!template.includes('.enabled')) return false;
  for (let from = 0; from < key.length; from++) {
    const reference = `.Values.${key.slice(from).join('.')}.enabled`;
    const at = template.indexOf(reference);
    if (at !== -1 && /\bif\s+\$?$/.test(template.slice(Math.max(0, at - 8), at))) return true;
  }
  return false;
}

/**
 * The changes of values files that give a rendered object its fixed
 * securityContext maps, each written where helm reads its key (the root
 * chart's values.yaml for a key no file has), per file as writerChanges
 * makes them.
 */
function valuesChangesOf({ document, template, after }: ChartObject, editable: EditableTexts): { file: string; change: LineChange }[] {
  const valuesAt = (key: readonly string[]) => {
    const { at, values } = keyWhereRead(template, key, editable);
    return values?.value(at);
  };
  const element = (key: readonly string[]) => elementByName(key, document.value, valuesAt);
  const writersOf = (path: FieldPath, truth?: ValuesTruth) => valuesKeysOf(template.text, template.named, path, document.value, element, truth).map((key) => template.writeKey(key));
  const writerAt = (path: FieldPath): MapSource | null => {
    // Of `.Values.a | default .Values.b`, the key the values set (the one rendered), else the first.
    const writers = writersOf(path, template.truth);
    const writer = writers.find((w) => isSetMap(editable(w.file)?.value(w.path))) ?? writers[0] ?? null;
    // A key that holds nothing of a map the rendering has, the template's other branch having written it (vault's
    // `securityContext.pod: {}`, its `else` writing `runAsNonRoot` and the ids): given the fixed map whole, which
    // turns its branch on and keeps them.
    if (!isSetMap(valueAt(document.value, path)) || !writableWhole(valueAt(after.value, path))) return writer;
    if (writer !== null && !isEmpty(editable(writer.file)?.value(writer.path))) return writer;
    const empty = writer ?? writersOf(path)[0] ?? null;
    return empty !== null && isEmpty(editable(empty.file)?.value(empty.path)) ? { ...empty, whole: true } : writer;
  };
  // Each map's writer is asked for again as its edits are given out: found once.
  const writers = new Map<string, MapSource | null>();
  const writerOf = (path: FieldPath): MapSource | null => {
    const key = JSON.stringify(path);
    if (!writers.has(key)) writers.set(key, writerAt(path));
    return writers.get(key) ?? null;
  };
  // A pod map its values key does not hold came from elsewhere (istio's gateway renders a sysctl when its
  // `securityContext: {}` is empty, a list of maps the key cannot be given): writing the key would take it away,
  // so the containers' maps take the pod's fields.
  const podWriterOf = (path: FieldPath) => {
    const writer = writerOf(path);
    return writer === null || writer.whole === true || holds(editable(writer.file)?.value(writer.path), valueAt(document.value, path)) ? writer : null;
  };
  const byFile = new Map<string, Edit[][]>();
  const containersByFile = new Map<string, Edit[][]>();
  for (const { file, edits, key, pod } of securityContextEdits(document, after, writerOf, podWriterOf) ?? []) {
    const values = editable(file);
    // A field the values already set as the fix wants (the map was left out, not wrong) needs no edit.
    const needed = edits.filter((edit) => !(edit.op === 'set' && values !== null && jsonEqual(values.value(edit.path), edit.value as JsonValue)));
    const written = [...needed, ...switchedOn(values, key, template.text)];
    addTo(byFile, file, written);
    if (!pod) addTo(containersByFile, file, written);
  }
  const out: { file: string; change: LineChange; also?: SourceChange[] }[] = [];
  for (const [file, byKey] of byFile) {
    const values = editable(file);
    if (values !== null) for (const change of writerChanges(values, byKey, maxSuggestionSpan)) out.push({ file, change });
  }
  // Keys too far apart for one suggestion (each container's map at either end of values.yaml): all of
  // them as one example, then the containers' alone (what a check of every container needs).
  for (const writers of [byFile, containersByFile]) {
    const example = asOneExample(partsOf(writers, editable));
    if (example !== null) out.push(example);
  }
  return out;
}

/**
 * Changes too far apart for one suggestion as one candidate: the first, with
 * the others it needs (`also`), verified together and given as the
 * finding's example. Null for fewer than two, or when two change the same
 * lines (containers a `range` writes share one), which no one applies.
 */
export function asOneExample(parts: readonly SourceChange[]): { file: string; change: LineChange; also: SourceChange[] } | null {
  const [first, ...rest] = parts;
  if (first === undefined || rest.length === 0) return null;
  const overlap = (a: SourceChange, b: SourceChange) => a.file === b.file && a.startLine <= b.endLine && b.startLine <= a.endLine;
  if (parts.some((part, i) => parts.slice(i + 1).some((other) => overlap(part, other)))) return null;
  return { file: first.file, change: first, also: rest };
}

/** The changes that write every writer's edits, file by file (writerParts). */
function partsOf(byFile: ReadonlyMap<string, Edit[][]>, editable: EditableTexts): SourceChange[] {
  const parts: SourceChange[] = [];
  for (const [file, byKey] of byFile) {
    const values = editable(file);
    if (values !== null) for (const change of writerParts(values, byKey, maxSuggestionSpan)) parts.push({ file, ...change });
  }
  return parts;
}

/** The changes of a list of JSON 6902 operations that give a rendered object its fixed securityContext maps, in its file's lines. */
function operationChanges(operations: OperationsDocument, document: ManifestDocument, fixed: ReadonlyMap<number, ManifestDocument>, editable: EditableTexts): LineChange[] {
  const after = fixed.get(document.index);
  const { block } = operations;
  const file = editable(operations.file, block);
  if (after === undefined || file === null) return [];
  const changes = writerChanges(
    file,
    (securityContextEdits(document, after, operations.writerOf) ?? []).map(({ edits }) => edits),
    maxSuggestionSpan,
  );
  return block === undefined ? changes : changes.map((change) => blockLines(block, change));
}
