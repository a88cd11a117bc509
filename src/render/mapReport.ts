/**
 * Findings of renderings, mapped back to the source lines a reviewer edits
 * (pure): the Kustomize patch or resource that literally writes the value,
 * else the kustomization file; the Helm values line or template line, else
 * Chart.yaml with the rendered snippet. A rendered fix becomes suggestion
 * candidates where it can be written in a source: literal values edited on
 * their lines (here), an object, a patch's operation or a chart's values
 * fixed as a manifest is (sourceCandidates.ts); the stage verifies each by
 * rendering again.
 */
import { changeSetLines } from '../diff/lines.js';
import type { ChangeSet, Hunk } from '../diff/types.js';
import type { Finding, IgnoredFinding } from '../findings/types.js';
import { loadManifestFile, renderedLoadOptions } from '../manifests/load.js';
import { locate } from '../locate/locate.js';
import { jsonEqual, valueAt } from '../fixes/edits.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { parseFieldPath } from '../pss/paths.js';
import type { FieldPath, JsonValue } from '../pss/types.js';
import type { DiffFinding, DiffLocation, DiffReport } from '../scope/types.js';
import { dependencyLines } from './dependencyLine.js';
import { flowCollectionValue, guardReader } from './templateLines.js';
import { chartNamedTemplates, helmLocator, sourceComments, sourcePath, valuesKeyLines, valuesKeyWriter, valuesTruthOf } from './helmMap.js';
import type { HelmSources } from './helmMap.js';
import { indentOf } from './templateFix.js';
import type { ChartTemplate } from './templateFix.js';
import { kustomizeIndex } from './kustomizeMap.js';
import type { ObjectDocument, OperationLines, OperationsDocument, RenderedObject, SourceHit } from './kustomizeMap.js';
import { inDir, shownDir } from './paths.js';
import { asOneExample, chartValuesCandidates, editableTexts, fixedRendering, kustomizeCandidates, maxSuggestionSpan } from './sourceCandidates.js';
import type { ChartFix, KustomizeFix } from './sourceCandidates.js';
import { combinedChange, containerFields } from './mapWriters.js';
import type { LineChange, MapSource } from './mapWriters.js';
import type { Suggestion } from '../fixes/types.js';
import { installerObject, nameOf, objectOfKind } from './applications.js';
import type { ApplicationValues, HelmInvocation, RenderRoot, RenderedOrigin, RenderedRoot } from './types.js';
import { lastAtMost } from '../sortedSearch.js';
import { chartReferenceOf } from '../workloads/charts.js';
import { linesChangeDiff } from './exampleDiff.js';

/** One rendering as the scope saw it: a changed file named `path` holding `text`. */
export interface Rendering {
  readonly rendered: RenderedRoot;
  readonly text: string;
}

/**
 * A fix that edits literal values on source lines, one value a line (the
 * fields of one check a values file sets a few lines apart, as
 * `hostNetwork` and `hostPID`): to verify by rendering again.
 */
export interface SuggestionCandidate {
  /** Index of the finding in the mapped report. */
  readonly finding: number;
  readonly rendering: Rendering;
  readonly file: string;
  /** The lines the suggestion replaces, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Their new text, line by line (without line endings): the lines between the edited ones as they are. */
  readonly newLines: readonly string[];
  /** What to check before applying it (the fix engine's caveat), or null. */
  readonly caveat: string | null;
  /**
   * The edit changes the finding's object only (a resource, or a patch file
   * without a target, that writes it): such edits of different objects of
   * one rendering are verified together, in one rendering (verify.ts).
   */
  readonly ownObject?: boolean;
  /**
   * The edit changes what other objects may read too: it deletes a line
   * that writes a value (`runAsUser: 0`; a values key may be a Service's
   * port as well), or turns a values switch off. It stands only when no
   * other object of the rendering changes (verify.ts).
   */
  readonly keepsOthers?: boolean;
  /** The edit reverts the line the change wrote (revertOf): a later candidate replaces it only as a suggestion too. */
  readonly revert?: boolean;
  /**
   * Other changes the fix needs, too far from this one for one suggestion
   * (two containers' maps at either end of a chart's values.yaml): verified
   * together, and given as an example in the finding's note, never as a
   * suggestion.
   */
  readonly also?: readonly SourceChange[];
  /**
   * The object as the engine's fixes leave it, when the edit writes their
   * fields in a source of its own (a chart's values map): every field the
   * rendered object had and this keeps must still be rendered with the edit
   * (verify.ts). A values map set where the template wrote defaults in an
   * `else` takes them away (istio's gateway: its sysctls).
   */
  readonly keeps?: JsonValue;
}

/** A change of a source file's lines. */
export interface SourceChange extends LineChange {
  readonly file: string;
}


export interface MappedReport {
  readonly report: DiffReport;
  readonly candidates: readonly SuggestionCandidate[];
  /** The source texts by path (from the renderings), for the verifier. */
  readonly sources: ReadonlyMap<string, string>;
  /** Whether head lines of a file are all in one hunk of the diff (a suggestion there is attachable). */
  inOneHunk(file: string, startLine: number, endLine: number): boolean;
}

export interface Placed {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly exact: boolean;
  /** A field a JSON 6902 `remove` took away: that operation's lines (kustomizeMap.ts removedAt). */
  readonly removal?: OperationLines;
  /** On a template line: the values line that gives it the value, when the change left that one as it was. */
  readonly values?: { readonly file: string; readonly line: number };
}

const isObject = (value: JsonValue | undefined): value is { [key: string]: JsonValue } => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface RenderingIndex {
  /** The rendering's name in the report it was evaluated in (its findings' `file`). */
  readonly path: string;
  readonly rendering: Rendering;
  readonly documents: readonly ManifestDocument[];
  readonly lines: readonly string[];
  /**
   * `ancestor`: the path is where a missing field belongs (an object, a
   * container), not a field with a value; `missing` is then the field's own.
   */
  place(document: ManifestDocument, path: FieldPath, renderedLine: number, ancestor: boolean, missing?: FieldPath): Placed | null;
  /** The document of a source file that writes a rendered object as an object (a Kustomize resource or patch file), or null. */
  documentIn(document: ManifestDocument, file: string): ObjectDocument | null;
  /** The JSON 6902 operations of a source file that patch a rendered object (Kustomize), or null. */
  operationsIn(document: ManifestDocument, file: string): OperationsDocument | null;
  /**
   * The text of the chart template that renders a document, with where to
   * write a values key it reads (helmMap's valuesKeyWriter); null for
   * Kustomize.
   */
  chartTemplateOf(document: ManifestDocument): (ChartTemplate & { writeKey(key: readonly string[]): MapSource }) | null;
  /** Where a finding goes that no source line writes, by its rendered line, when a chart dependency's entry writes it (dependencyLine.ts); else null. */
  unplaced(renderedLine: number): Placed | null;
  /**
   * The values lines of the switches (`{{ if .Values.x }}`) open at a line
   * of a chart's template file, innermost first, as helm reads them for
   * the template that rendered `document`; none for Kustomize.
   */
  guardLines(document: ManifestDocument, file: string, line: number): SourceHit[];
}

/** A rendered document as the Kustomize index names objects. */
function renderedObject(document: ManifestDocument): RenderedObject {
  const value = document.value;
  const metadata = isObject(value) ? value.metadata : undefined;
  const name = isObject(metadata) && typeof metadata.name === 'string' ? metadata.name : '';
  const kind = isObject(value) && typeof value.kind === 'string' ? value.kind : '';
  return { kind, name, value };
}

const containerField = /^(.*)\.(?:containers|initContainers|ephemeralContainers)\[\d+\]\.securityContext\.(([^.]+).*)$/;

/** The pod-level path of a container's field that the pod's securityContext sets for it (`….spec.securityContext.runAsNonRoot`; containerFields), or null. */
function podLevelPath(path: string): string | null {
  const match = containerField.exec(path);
  return match === null || !containerFields.has(match[3]!) ? null : `${match[1]}.securityContext.${match[2]}`;
}

/**
 * The line of the object a chart is rendered for where a finding no line
 * of the change writes is commented: the entry naming the values file that
 * writes the value (`valuesFile`), when the object names it, else the line
 * naming the chart.
 */
function applicationLineOf(helm: HelmInvocation, valuesFile: string | undefined): number | undefined {
  const application = helm.application;
  const index = valuesFile === undefined ? -1 : helm.valuesFiles.indexOf(valuesFile);
  return application?.valueLines?.[index] ?? application?.line;
}

/**
 * The first line the change adds to the lines that gave the object a chart
 * is rendered for its parameters (a set's list element), else to the
 * object, else to a file its parameters were read from, else to the files
 * the root renders from (a chart's values files first, then its own file,
 * then the others) (RenderedOrigin.changeLine), as a field of the origin;
 * none when it adds none there.
 */
function changeLineOf(root: RenderRoot, hunksOf: ((path: string) => readonly Hunk[]) | null): { changeLine?: { file: string; line: number } } {
  if (hunksOf === null) return {};
  const application = root.helm?.application;
  const places = [
    ...(application?.parameterLines ?? []).map((span) => ({ file: application!.file, span })),
    ...(application?.lines ? [{ file: application.file, span: application.lines }] : []),
    ...(application?.parameterFiles ?? []).map((file) => ({ file, span: null })),
    ...rootFilesInOrder(root).map((file) => ({ file, span: null })),
  ];
  for (const { file, span } of places) {
    for (const hunk of hunksOf(file)) {
      for (const line of hunk.lines) if (line.kind === 'added' && (span === null || (line.headLine >= span.start && line.headLine <= span.end))) return { changeLine: { file, line: line.headLine } };
    }
  }
  return {};
}

/**
 * The revert of the lines the change wrote where a finding of the change
 * that no line of the diff writes is commented (RenderedOrigin.changeLine):
 * the lines its hunk replaced, or none when the hunk only added lines (a
 * values switch turned on, `debug: false` → `true`; a line a library
 * chart's helper gained that drops a field from every chart using it).
 * None for a new object that the lines only add (a worker appended to a
 * values list): deleting them undoes the change and fixes nothing; the
 * chart's values fix it, wherever they lie. Whether a revert fixes the
 * finding, and breaks nothing, is verified by rendering again (verify.ts).
 */
function revertOf(finding: DiffFinding, replaced: Reverted | null): Pick<SuggestionCandidate, 'file' | 'startLine' | 'endLine' | 'newLines'> | null {
  const changeLine = finding.rendered?.changeLine;
  if (changeLine === undefined || replaced === null || finding.preexisting === true || finding.locations.some((location) => location.inDiff === true)) return null;
  // Lines that only add the object (a worker in a values list) are the object itself: deleting them undoes the change, it fixes nothing.
  if (finding.status === 'new' && replaced.newLines.length === 0) return null;
  return { file: changeLine.file, ...replaced };
}

/** The head lines a change wrote in one run of a hunk, and the base lines they replaced there. */
interface Reverted {
  readonly startLine: number;
  readonly endLine: number;
  readonly newLines: readonly string[];
}

/** Whether the change added the line at `line` (head). */
function addedLine(hunks: readonly Hunk[], line: number): boolean {
  return hunks.some((hunk) => hunk.lines.some((l) => l.kind === 'added' && l.headLine === line));
}

/**
 * The run of changed lines around the line at `line` (head), between
 * unchanged ones, as its revert: its added lines replaced by its removed
 * ones. Null when no run added that line, or the run is longer than one
 * suggestion shows.
 */
function revertedRun(hunks: readonly Hunk[], line: number): Reverted | null {
  for (const { lines } of hunks) {
    const at = lines.findIndex((l) => l.kind === 'added' && l.headLine === line);
    if (at < 0) continue;
    let start = at;
    while (start > 0 && lines[start - 1]!.kind !== 'context') start--;
    let end = at;
    while (end + 1 < lines.length && lines[end + 1]!.kind !== 'context') end++;
    const added: number[] = [];
    const removed: string[] = [];
    for (const l of lines.slice(start, end + 1)) {
      if (l.kind === 'added') added.push(l.headLine);
      else if (l.kind === 'removed') removed.push(l.text);
    }
    if (added.length > maxSuggestionSpan || removed.length > maxSuggestionSpan) return null;
    return { startLine: added[0]!, endLine: added[added.length - 1]!, newLines: removed };
  }
  return null;
}

/** The files a root renders from, those a change most often turns a setting on in first: its values files, its own file, then the rest by path. */
function rootFilesInOrder(root: RenderRoot): string[] {
  const first = [...(root.helm?.valuesFiles ?? []), ...(root.helm ? [inDir(root.dir, 'values.yaml')] : []), root.file];
  const firstSet = new Set(first);
  return [...new Set(first), ...[...root.sources].filter((file) => !firstSet.has(file)).sort()];
}

/**
 * An Argo CD Application's (or Flux HelmRelease's, or helmfile release's)
 * inline values as values the locator reads, in the document of its file
 * that holds it: a mapping (an Application's `valuesObject`, a
 * HelmRelease's `values`; fixes write it too, in a file of that one
 * document: mapWriters), or an Application's `values` literal block
 * (`values: |`), read where its lines are (literalBlockLines).
 */
function applicationValuesSource(application: ApplicationValues | undefined, sources: ReadonlyMap<string, string>): HelmSources['inline'] | null {
  const within = application?.inline;
  const text = application === undefined ? undefined : sources.get(application.file);
  if (application === undefined || within === null || within === undefined || text === undefined) return null;
  const documents = loadManifestFile(application.file, text).documents;
  const index = documents.findIndex((document) => installerObject(document.value, application) !== null);
  const document = documents[index];
  if (document === undefined) return null;
  const values = valueAt(document.value, within);
  if (isObject(values)) return { file: application.file, within, ...(index > 0 ? { document: index } : {}) };
  const lines = typeof values === 'string' ? literalBlockLines(text, locate(document.source, within).line, values) : null;
  return lines === null ? null : { file: application.file, within: [], text: lines };
}

/**
 * A `key: |` block's lines where they are in the file, every other line
 * blank: the YAML of the block's text with the file's line numbers and
 * columns. Null when the line holds no literal block, or the lines do not
 * read as its text does (what YAML would make of them differs).
 */
function literalBlockLines(text: string, keyLine: number, value: string): string | null {
  const lines = text.split('\n');
  const key = lines[keyLine - 1] ?? '';
  if (!/:\s*\|[-+0-9]*\s*(#.*)?$/.test(key)) return null;
  const indent = indentOf(key);
  let end = keyLine;
  while (end < lines.length && (lines[end]!.trim() === '' || indentOf(lines[end]!) > indent)) end++;
  const kept = lines.map((line, i) => (i >= keyLine && i < end ? line : ''));
  const block = kept.join('\n');
  const [read] = loadManifestFile('values', block).documents;
  const [meant] = loadManifestFile('values', value).documents;
  return read !== undefined && meant !== undefined && jsonEqual(read.value, meant.value) ? block : null;
}

/** `changed`: the change set's paths, or null when there is none (`check`: every file is the reviewer's to edit). */
/**
 * The Application a child rendering was made for (an app of apps), in its
 * parent's rendering: the parent's index, the Application's document there,
 * and its inline values as values the locator reads (the parent's text
 * with every line but the Application's blank, so that lines are the
 * parent rendering's). Null when it is no such rendering, or the parent's
 * has no such Application with inline values.
 */
interface ParentApplication {
  readonly index: RenderingIndex;
  readonly document: ManifestDocument;
  readonly inline: NonNullable<HelmSources['inline']>;
}

function parentApplicationOf(application: ApplicationValues | undefined, indexOf: (path: string) => RenderingIndex | null): ParentApplication | null {
  const renderedAs = application?.rendered?.renderedAs;
  const within = application?.inline;
  const index = renderedAs === undefined ? null : indexOf(renderedAs);
  if (application === undefined || renderedAs === undefined || within === null || within === undefined || index === null) return null;
  const document = index.documents.find(({ value }) => {
    const object = objectOfKind(value, 'argoproj.io', 'Application');
    return object !== null && nameOf(object) === application.name;
  });
  if (document === undefined || !isObject(valueAt(document.value, within))) return null;
  const text = index.rendering.text;
  const { start, end } = document.source;
  const blanked = `${text.slice(0, start).replace(/[^\n]/g, '')}${text.slice(start, end)}`;
  return { index, document, inline: { file: renderedAs, within, text: blanked } };
}

/**
 * A values hit in a parent's rendering (the Application's inline values),
 * placed where the parent's own sources write it (its values or template
 * line); null when the parent cannot say.
 */
function throughParent(parent: ParentApplication, hit: SourceHit): Placed | null {
  const path = pathAt(parent.document, parent.inline.within, hit);
  return path === null ? null : parent.index.place(parent.document, path, hit.line, false);
}

/** The path of the field under `within` of a document that is written at a hit's line and column; null when none is. */
function pathAt(document: ManifestDocument, within: FieldPath, hit: SourceHit): FieldPath | null {
  const visit = (path: FieldPath, value: JsonValue | undefined): FieldPath | null => {
    const at = locate(document.source, path);
    if (at.exact && at.line === hit.line && at.column === hit.column) return path;
    const entries: [string | number, JsonValue | undefined][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : isObject(value) ? Object.entries(value) : [];
    for (const [key, inner] of entries) {
      const found = visit([...path, key], inner);
      if (found !== null) return found;
    }
    return null;
  };
  return visit([...within], valueAt(document.value, within));
}

function indexRendering(path: string, rendering: Rendering, headPaths: ReadonlySet<string>, changed: ReadonlySet<string> | null, indexOf: (path: string) => RenderingIndex | null): RenderingIndex {
  const { root, sources, archived } = rendering.rendered;
  const documents = loadManifestFile(path, rendering.text, renderedLoadOptions()).documents;
  let place: RenderingIndex['place'];
  let documentIn: RenderingIndex['documentIn'] = () => null;
  let operationsIn: RenderingIndex['operationsIn'] = () => null;
  let chartTemplateOf: RenderingIndex['chartTemplateOf'] = () => null;
  let unplaced: RenderingIndex['unplaced'] = () => null;
  let guardLines: RenderingIndex['guardLines'] = () => [];
  if (root.tool === 'kustomize') {
    const index = kustomizeIndex({ rootDir: root.dir, texts: sources, paths: headPaths, objects: documents.map(renderedObject) });
    place = (document, fieldPath, _renderedLine, ancestor, missing) => {
      const object = renderedObject(document);
      // A field an overlay's JSON 6902 patch removed (its base wrote it): on that operation, the line to edit.
      const hit = (ancestor && missing !== undefined ? index.removedAt(object, fieldPath, missing) : null) ?? index.locate(object, fieldPath, ancestor);
      return hit === null ? null : { ...hit, exact: hit.exact !== false };
    };
    documentIn = (document, file) => index.documentIn(renderedObject(document), file);
    operationsIn = (document, file) => index.operationsIn(renderedObject(document), file);
  } else {
    const prefix = root.dir === '' ? '' : `${root.dir}/`;
    const local = root.helm?.localDependencies;
    const parent = parentApplicationOf(root.helm?.application, indexOf);
    const inline = parent?.inline ?? applicationValuesSource(root.helm?.application, sources);
    const chart: HelmSources = {
      chartDir: root.dir,
      valuesFiles: [`${prefix}values.yaml`, ...(root.helm?.valuesFiles ?? [])],
      texts: sources,
      ...(archived ? { archived } : {}),
      ...(local ? { localDependencies: local } : {}),
      ...(root.helm?.dependencyAliases ? { aliases: root.helm.dependencyAliases } : {}),
      ...(inline ? { inline } : {}),
    };
    const locator = helmLocator(chart);
    const named = chartNamedTemplates(chart);
    const templateOf = sourceComments(rendering.text);
    const writeKey = valuesKeyWriter(chart);
    const keyLine = valuesKeyLines(chart);
    const truthOf = valuesTruthOf(chart);
    place = (document, fieldPath, renderedLine, _ancestor, missing) => {
      const template = templateOf(renderedLine);
      if (template === null) return null;
      const hits = locator(template, fieldPath, document.value, missing);
      // Inline values a parent rendering gave (an app of apps) are where the parent's sources write them.
      const values: SourceHit | null = parent !== null && hits.values?.file === parent.inline.file ? throughParent(parent, hits.values) : hits.values;
      // The values line the pull request changed (`check`: any values line), else the template line, else any values line.
      const chosen: SourceHit | null = values !== null && (changed === null || changed.has(values.file)) ? values : (hits.template ?? values);
      if (chosen === null) return null;
      return values !== null && chosen !== values ? { ...chosen, exact: true, values: { file: values.file, line: values.line } } : { ...chosen, exact: true };
    };
    const dependencyLineOf = dependencyLines(root.dir, sources);
    unplaced = (renderedLine) => {
      const template = templateOf(renderedLine);
      const entry = template === null ? null : dependencyLineOf(template);
      return entry === null ? null : { ...entry, column: 1, exact: false };
    };
    chartTemplateOf = (document) => {
      const template = templateOf(document.line);
      // A vendored subchart's template may be inside its archive: read there, its values written in the root's values.yaml.
      // A dependency's template from a folder of the repository is edited there.
      const file = template === null ? undefined : sourcePath(chart, template);
      const text = file === undefined ? undefined : (sources.get(file) ?? archived?.get(`${prefix}${template}`));
      return file === undefined || template === null || text === undefined ? null : { file, text, named: named(), truth: truthOf(template), writeKey: (key) => writeKey(template, key) };
    };
    // Many findings share a template and its switches: each file's blocks and each switch's line are found once.
    const guardReaders = new Map<string, ReturnType<typeof guardReader>>();
    const switchLines = new Map<string, SourceHit | null>();
    guardLines = (document, file, line) => {
      const template = templateOf(document.line);
      const text = sources.get(file);
      if (template === null || text === undefined) return [];
      let guards = guardReaders.get(file);
      if (guards === undefined) guardReaders.set(file, (guards = guardReader(text)));
      return guards(line).flatMap((key) => {
        const id = JSON.stringify([template, key]);
        if (!switchLines.has(id)) switchLines.set(id, keyLine(template, key));
        return switchLines.get(id) ?? [];
      });
    };
  }
  return { path, rendering, documents, lines: rendering.text.split('\n'), place, documentIn, operationsIn, chartTemplateOf, unplaced, guardLines };
}

/**
 * Where a missing field belongs: the longest part of its path the rendered
 * object has (its container, its pod spec), as the locator places a plain
 * file's missing field on its nearest ancestor.
 */
function presentPart(value: JsonValue, path: FieldPath): FieldPath {
  let at: JsonValue | undefined = value;
  let length = 0;
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(at) || segment >= at.length : !isObject(at) || !(segment in at)) break;
    at = typeof segment === 'number' ? (at as JsonValue[])[segment] : (at as { [key: string]: JsonValue })[segment];
    length++;
  }
  return path.slice(0, length);
}

/** The document a rendered line belongs to (documents are in line order): a binary search, so many findings cost no more than linear. */
function documentAt(documents: readonly ManifestDocument[], line: number): ManifestDocument | undefined {
  return documents[lastAtMost(documents.length, (i) => documents[i]?.line ?? 0, line)];
}

/** A rendered fix no source line takes, as an example of the change to make in the rendered manifest. */
function exampleNote(index: RenderingIndex, fix: Suggestion): string {
  const writer = index.rendering.rendered.root.tool === 'helm' ? 'template or values' : 'patch or resource';
  // A line too long for a suggestion (over `longLine` characters) has no replacement to show.
  if (fix.replacement === null) return `The rendered manifest has a verified fix, on a line too long to show: edit the ${writer} that writes it.`;
  // With the lines either side (blank ones aside), so that a change at the fix's edge still has a line of context to say where it goes.
  const change = linesChangeDiff(index.lines, fix.startLine, fix.endLine, fix.replacement.split('\n').slice(0, -1), (lines) => lines.filter((line) => line.trim() !== ''));
  return `The rendered manifest would be fixed by this change (an example: edit the ${writer} that writes it):\n\`\`\`diff\n${change}\n\`\`\``;
}

/** The rendered lines around a field: shown when no source line is certain. */
function snippetAt(lines: readonly string[], line: number): string {
  return lines.slice(Math.max(0, line - 3), line + 2).join('\n');
}

/** The line of a (multi-line) replacement that writes the same key, at the same indentation, as the rendered line. */
function sameKeyLine(replacement: string, renderedLine: string): string | null {
  const key = keyOfLine(renderedLine);
  if (key === null) return null;
  return replacement.split('\n').find((line) => line.startsWith(key) && line.length > key.length) ?? null;
}

/** A value a literal edit may replace: a plain scalar, or a flow collection on one line (`drop: ["all"]`). */
const literalValue = String.raw`(?:[^\s#{[|>&*!][^#]*?|\[[^#\]]*\]|\{[^#{}]*\})`;
// A rendered line keeps a comment the template wrote after the value (Helm copies template text as it is).
const renderedLiteral = new RegExp(String.raw`^\s*(?:-\s+)?[^\s:#][^:#]*:\s+(${literalValue})(?:\s+#.*)?\s*$`);
const sourceLiteral = new RegExp(String.raw`^(\s*(?:-\s+)?[^\s:#][^:#]*:\s+)(${literalValue})(\s+#.*)?\s*$`);

/** `key: value` → `value`, and the same line of the source with its value replaced; null unless both are plain scalars or one-line flow collections. */
export function literalEdit(renderedReplacement: string, sourceLine: string): string | null {
  const replacement = renderedReplacement.replace(/\n$/, '');
  if (replacement.includes('\n')) return null;
  const newValue = renderedLiteral.exec(replacement)?.[1];
  const source = sourceLiteral.exec(sourceLine);
  if (newValue === undefined || source === null || source[2]!.includes('{{')) return null;
  return `${source[1]}${newValue}${source[3] ?? ''}`;
}

/** A field of a finding that a source line writes literally: that line, and the field's line in the rendering. */
interface LiteralPlace {
  readonly sourceLine: number;
  readonly renderedLine: number;
}

/** A rendered line's key with its indentation (`      runAsUser:`), or null when it is no `key: value` line. */
function keyOfLine(line: string): string | null {
  return /^(\s*(?:-\s+)?[^\s:#][^:#]*:)\s/.exec(line)?.[1] ?? null;
}

/**
 * A source line that writes one plain `key: scalar`, or a flow collection
 * whole (`add: ["SYS_ADMIN"]`), with no list item or template action and
 * nothing under it: it may go whole.
 */
function deletableLine(sourceLines: readonly string[], sourceLine: number): boolean {
  const text = sourceLines[sourceLine - 1] ?? '';
  const plain = /^( *)[^\s:#-][^:#]*:\s+(?:[^\s#{[|>&*!][^#]*?|(\[[^#]*\]|\{[^#]*\}))(\s+#.*)?\s*$/.exec(text);
  if (plain === null || text.includes('{{') || (plain[2] !== undefined && flowCollectionValue(plain[2]) === undefined)) return false;
  const indent = plain[1]!.length;
  // The next line with content must not be under it (read on from it: the file is not copied per finding).
  for (let next = sourceLine; next < sourceLines.length; next++) {
    const line = sourceLines[next]!;
    if (/^\s*(#.*)?$/.test(line)) continue;
    return indentOf(line) <= indent;
  }
  return true;
}

/**
 * What a rendered fix does to a source line that writes one of the
 * finding's fields: the line with the fix's value (sameKeyLine,
 * literalEdit); the fix's lines in that line's map, when it rewrites that
 * one line and the source writes it as the rendering has it (a capability
 * added in the template's flow list, `add: ["NET_ADMIN"]`, becomes
 * `drop: ["ALL"]`: robot-shop's mysql); null when the fix removes the field and the line may
 * go whole (`runAsUser: 0`); undefined when no literal edit says it.
 */
function sourceLineChange(
  sourceLines: readonly string[],
  sourceLine: number,
  fix: NonNullable<Finding['fix']>,
  renderedLine: number,
  renderedLines: readonly string[],
): readonly string[] | null | undefined {
  const text = sourceLines[sourceLine - 1];
  const rendered = renderedLines[renderedLine - 1] ?? '';
  if (text === undefined || fix.replacement === null || renderedLine < fix.startLine || fix.endLine < renderedLine) return undefined;
  const fixedLine = sameKeyLine(fix.replacement, rendered);
  if (fixedLine !== null) {
    const newLine = literalEdit(fixedLine, text);
    return newLine === null || newLine === text ? undefined : [newLine];
  }
  if (fix.startLine === fix.endLine && text === rendered && !text.includes('{{')) {
    // The lines in the line's own map only: one less indented is a key of a map above it, another field's fix
    // (`allowPrivilegeEscalation` after the capabilities), which its own finding writes where it places it.
    const indent = indentOf(text);
    const own = fix.replacement.split('\n').filter((line) => line.trim() !== '');
    const end = own.findIndex((line) => indentOf(line) < indent);
    const lines = end < 0 ? own : own.slice(0, end);
    if (lines.length > 0) return lines;
  }
  const key = keyOfLine(rendered);
  const removed = key !== null && !fix.replacement.split('\n').some((line) => line.startsWith(key));
  return removed && deletableLine(sourceLines, sourceLine) ? null : undefined;
}

/** A fix's literal edits of source lines: those near its primary line as one change, and all of them as parts when some lie too far for one. */
interface LiteralEdits {
  readonly near: Pick<SuggestionCandidate, 'startLine' | 'endLine' | 'newLines' | 'keepsOthers'>;
  /** Every edited line, one change each (the primary line's first), when the edits are too far apart for one suggestion; else null. */
  readonly parts: readonly LineChange[] | null;
}

/**
 * The source lines a rendered fix becomes, as literal edits: each line that
 * writes one of the finding's fields gets the value the fix gives that
 * field's rendered line, or goes when the fix removes the field
 * (sourceLineChange). The primary line must be one of them; a field whose
 * line cannot be edited so is left out (then the verification says whether
 * the others are enough). Those too far from the primary line for one
 * suggestion (maxSuggestionSpan) are left out of it, and given with it as
 * parts (aws-vpc-cni's two containers, privileged at lines 26 and 47 of its
 * values.yaml). Null when nothing changes.
 */
function literalEdits(
  sourceLines: readonly string[],
  places: readonly LiteralPlace[],
  fix: NonNullable<Finding['fix']>,
  renderedLines: readonly string[],
  primaryLine: number,
): LiteralEdits | null {
  // Each line's new lines, or null when it goes.
  const edited = new Map<number, readonly string[] | null>();
  for (const { sourceLine, renderedLine } of places) {
    if (edited.has(sourceLine)) continue;
    const change = sourceLineChange(sourceLines, sourceLine, fix, renderedLine, renderedLines);
    if (change !== undefined) edited.set(sourceLine, change);
  }
  const primary = edited.get(primaryLine);
  if (primary === undefined) return null;
  const lineChange = (line: number, lines: readonly string[] | null): LineChange => ({ startLine: line, endLine: line, newLines: lines === null ? [] : [...lines] });
  const near = [...edited].filter(([line]) => Math.abs(line - primaryLine) < maxSuggestionSpan);
  // All of them, else (too far apart for one suggestion) the primary line's alone.
  const change = combinedChange(sourceLines, near.map(([line, text]) => lineChange(line, text)), maxSuggestionSpan);
  const deletes = change === null ? primary === null : near.some(([, text]) => text === null);
  const apart = near.length < edited.size || (change === null && near.length > 1);
  const others = () => [...edited].filter(([line]) => line !== primaryLine).sort((a, b) => a[0] - b[0]);
  return {
    near: { ...(change ?? lineChange(primaryLine, primary)), ...(deletes ? { keepsOthers: true } : {}) },
    parts: apart ? [lineChange(primaryLine, primary), ...others().map(([line, text]) => lineChange(line, text))] : null,
  };
}

/**
 * Where a problem of a rendered object lands in the sources, when it names
 * a field: a field of the wrong type (or a variable substituted before the
 * cluster reads it) on the line that writes it; an object that has a
 * controller install a chart (a Flux HelmRelease an overlay patches per
 * environment) where a source names its chart, as in a plain file. Null
 * for the others: they stay on the root.
 */
function placeProblem(problem: LoadProblem, index: RenderingIndex): Placed | null {
  if (problem.line === null) return null;
  // A field of the wrong type, or a variable substituted before the cluster reads it: on the line that writes it.
  if (problem.path !== undefined) return placedExactly(index, problem.line, problem.path);
  if (problem.kind !== 'not-rendered') return null;
  const document = documentAt(index.documents, problem.line);
  const value = document?.value;
  if (document === undefined || !isObject(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return null;
  const chart = chartReferenceOf(value.apiVersion, value.kind, value);
  return chart === null ? null : index.place(document, chart.path, problem.line, false);
}

/** A reference to a line of a rendering (`overlays/prod/kustomization.yaml#rendering-2:4`), as a problem's message names another object. */
const renderingReference = /([^\s()'"`]+#rendering-\d+):(\d+)/g;

/** Where a reference to an object names it: its name (a policy), or for a Namespace's labels, the line of its labels, as a Namespace file's own conflict names it. */
const nameField: FieldPath = ['metadata', 'name'];
const labelsField: FieldPath = ['metadata', 'labels'];

/**
 * A message's references to lines of renderings (a Namespace two overlays
 * define with other labels) as a reader finds them: the source line that
 * writes the object's `field` (else its name) there, else the rendering's root.
 */
function readableReferences(message: string, indexOf: (path: string) => RenderingIndex | null, field: FieldPath = nameField): string {
  return message.replace(renderingReference, (reference: string, path: string, line: string) => {
    const source = sourceOfRenderedObject(path, Number(line), indexOf, field);
    if (source === null) return reference;
    return 'label' in source ? `the rendering of ${source.label}` : `${source.file}:${source.line}`;
  });
}

/**
 * The source line that writes `field` of the object at a line of a
 * rendering (else its `metadata.name`), else the rendering's root; null
 * when `path` is no rendering of the run.
 */
function sourceOfRenderedObject(path: string, line: number, indexOf: (path: string) => RenderingIndex | null, field: FieldPath): { file: string; line: number } | { label: string } | null {
  const index = indexOf(path);
  if (index === null) return null;
  const placed = placedExactly(index, line, field) ?? (field === nameField ? null : placedExactly(index, line, nameField));
  return placed !== null ? { file: placed.file, line: placed.line } : { label: index.rendering.rendered.root.label };
}

/**
 * Where the object at a line of a rendering is defined: the line of its
 * `apiVersion` (else `kind`, name) in a chart's template, or in the
 * Kustomize resource that defines it before the patches that name it, as
 * a plain file's pod spec is on its document's first line; else the first
 * line of the template helm names as its source, when that is a file of
 * the repository (an object a named template writes that the walk cannot
 * follow); else null.
 */
function objectSource(path: string, line: number, indexOf: (path: string) => RenderingIndex | null, headPaths: ReadonlySet<string>): { file: string; line: number } | null {
  const index = indexOf(path);
  if (index === null) return null;
  for (const field of objectFields) {
    // As where a missing field belongs: Kustomize's resource first (helm has one writer).
    const placed = placedExactly(index, line, field, true);
    if (placed !== null) return { file: placed.file, line: placed.line };
  }
  const document = documentAt(index.documents, line);
  const template = document === undefined ? null : index.chartTemplateOf(document);
  return template !== null && headPaths.has(template.file) ? { file: template.file, line: 1 } : null;
}

const objectFields: readonly FieldPath[] = [['apiVersion'], ['kind'], ['metadata', 'name']];

/** The source line that writes a field of the object at a line of a rendering (`ancestor`: where it belongs, RenderingIndex.place), when one certainly does. */
function placedExactly(index: RenderingIndex, line: number, path: FieldPath, ancestor = false): Placed | null {
  const document = documentAt(index.documents, line);
  const placed = document === undefined ? null : index.place(document, path, line, ancestor);
  return placed !== null && placed.exact ? placed : null;
}

/**
 * The problems of a change set's renderings on their sources (placeProblem),
 * else on their roots, each naming its rendering. The same problem placed
 * on one source line by several renderings (a HelmRelease in a base that
 * two overlays patch) is one problem naming them all.
 */
function renderedProblems(problems: readonly LoadProblem[], indexOf: (path: string) => RenderingIndex | null): LoadProblem[] {
  const out: LoadProblem[] = [];
  const alike = new Map<string, { at: number; labels: string[]; readable: string }>();
  // The problems of the repository's own files, which every rendering's evaluation reads too (its Namespace files).
  const ownMessages = new Set(problems.filter((problem) => indexOf(problem.file) === null).map((problem) => problem.message));
  for (const problem of problems) {
    const index = indexOf(problem.file);
    if (index === null) {
      out.push(problem);
      continue;
    }
    const readable = readableReferences(problem.message, indexOf, problem.kind === 'namespace-conflict' ? labelsField : nameField);
    // A rendering's copy of a Namespace file in conflict with another says what that file's own conflict says.
    if (ownMessages.has(readable)) continue;
    const { root } = index.rendering.rendered;
    const placed = placeProblem(problem, index);
    const at = placed === null ? { file: root.file, line: null } : { file: placed.file, line: placed.line };
    const key = placed === null ? null : JSON.stringify([at.file, at.line, problem.kind, readable]);
    const known = key === null ? undefined : alike.get(key);
    if (known !== undefined) {
      known.labels.push(root.label);
      continue;
    }
    const mapped = { ...problem, ...at, message: `the rendering of ${root.label}: ${readable}` };
    if (key !== null) alike.set(key, { at: out.length, labels: [root.label], readable });
    out.push(mapped);
  }
  for (const { at, labels, readable } of alike.values()) {
    if (labels.length > 1) out[at] = { ...out[at]!, message: `the renderings of ${labels.join(', ')}: ${readable}` };
  }
  return out;
}

/** A pod spec placed in a chart's release namespace that no config names (helm's `default`). */
function inAssumedNamespace({ rendered }: Rendering, namespace: string | null): boolean {
  const helm = rendered.root.helm;
  return helm !== null && !helm.namespaceGiven && namespace === helm.namespace;
}

/** `changeSet`: what the pull request changed, or null for `check`, which knows no change. */
export function mapRenderedReport(report: DiffReport, renderings: ReadonlyMap<string, Rendering>, changeSet: ChangeSet | null, headPaths: ReadonlySet<string>): MappedReport {
  const changed = changeSet === null ? null : new Set(changeSet.files.map((f) => f.path));
  const linesIn = changeSetLines(changeSet);
  // Where the change wrote each rendering's object is the same for all its findings: found once per root.
  const hunks = new Map((changeSet?.files ?? []).map((file) => [file.path, file.hunks ?? []] as const));
  const hunksOf = changeSet === null ? null : (path: string) => hunks.get(path) ?? [];
  const changeLines = new Map<RenderRoot, ReturnType<typeof changeLineOf>>();
  const changeLineFor = (root: RenderRoot) => {
    let found = changeLines.get(root);
    if (found === undefined) changeLines.set(root, (found = changeLineOf(root, hunksOf)));
    return found;
  };
  // A finding on a template line that a values switch writes, which the change turned on
  // (`hostPort.enabled: true` under `{{ if $.Values.controller.hostPort.enabled }}`): on that switch's line.
  // Else, of an object whose template the switch writes whole (consul's CNI DaemonSet, under
  // `connectInject.cni.enabled`, its finding on a values line): on the switch of its object, not on
  // the first line the change wrote (`client.enabled`, which turned on another DaemonSet).
  const switchChangeLine = (index: RenderingIndex, document: ManifestDocument | undefined, at: Placed): ReturnType<typeof changeLineOf> => {
    if (hunksOf === null || document === undefined) return {};
    const turnedAt = (file: string, line: number) => index.guardLines(document, file, line).find((guard) => addedLine(hunksOf(guard.file), guard.line));
    let turned = turnedAt(at.file, at.line);
    if (turned === undefined) {
      const object = objectSourceAt(index, document.line);
      if (object !== null) turned = turnedAt(object.file, object.line);
    }
    return turned === undefined ? {} : { changeLine: { file: turned.file, line: turned.line } };
  };
  // The lines the change replaced there (revertOf), read once per line.
  const revertedRuns = new Map<string, Reverted | null>();
  const replacedAt = ({ file, line }: { file: string; line: number }): Reverted | null => {
    const key = `${file}:${line}`;
    let replaced = revertedRuns.get(key);
    if (replaced === undefined) revertedRuns.set(key, (replaced = hunksOf === null ? null : revertedRun(hunksOf(file), line)));
    return replaced;
  };
  const indexes = new Map<string, RenderingIndex>();
  const indexOf = (path: string): RenderingIndex | null => {
    const rendering = renderings.get(path);
    if (rendering === undefined) return null;
    let index = indexes.get(path);
    if (index === undefined) {
      index = indexRendering(path, rendering, headPaths, changed, indexOf);
      indexes.set(path, index);
    }
    return index;
  };
  // Where each rendered object is defined (objectSource), found once per object: the findings no source line
  // writes (nats: 28 on two objects), the switch that turned an object on and the pod specs' places all read it.
  const objectSources = new Map<ManifestDocument, { file: string; line: number } | null>();
  const objectSourceAt = (index: RenderingIndex, renderedLine: number): { file: string; line: number } | null => {
    const document = documentAt(index.documents, renderedLine);
    if (document === undefined) return objectSource(index.path, renderedLine, indexOf, headPaths);
    if (!objectSources.has(document)) objectSources.set(document, objectSource(index.path, renderedLine, indexOf, headPaths));
    return objectSources.get(document) ?? null;
  };
  const sources = new Map<string, string>();
  for (const { rendered } of renderings.values()) for (const [path, text] of rendered.sources) sources.set(path, text);

  /**
   * Where a finding goes that no source line writes: the chart dependency's
   * entry that renders it, else the first line of its object in the
   * source (objectSource: nats' StatefulSet, built from `.Files` and
   * merged values, is in templates/stateful-set.yaml), else the root's
   * file, line 1.
   */
  const unplaced = (index: RenderingIndex, renderedLine: number): Placed => {
    const entry = index.unplaced(renderedLine);
    if (entry !== null) return entry;
    const object = objectSourceAt(index, renderedLine);
    return { ...(object ?? { file: index.rendering.rendered.root.file, line: 1 }), column: 1, exact: false };
  };

  const candidates: SuggestionCandidate[] = [];
  const kustomizeFixes: KustomizeFix[] = [];
  const chartFixes: ChartFix[] = [];
  /** A finding of a rendering, on its source: file, line, locations, `rendered`. */
  const mapFinding = <F extends Finding & { readonly locations: readonly DiffLocation[] }>(
    finding: F,
    index: RenderingIndex,
  ): { mapped: F; primary: Placed; literal: boolean; literals: LiteralPlace[]; removals: OperationLines[] } => {
    const { root } = index.rendering.rendered;
    const placeAt = (line: number, fieldPath: string, exact: boolean): Placed | null => {
      const document = documentAt(index.documents, line);
      // A field that is there, by its path; a missing one, where it belongs (never the whole object: that is no line to edit).
      const path = document === undefined ? [] : exact ? parseFieldPath(fieldPath) : presentPart(document.value, parseFieldPath(fieldPath));
      return document !== undefined && path.length > 0 ? index.place(document, path, line, !exact, exact ? undefined : parseFieldPath(fieldPath)) : null;
    };
    const placed = finding.locations.map((location) => ({ location, at: placeAt(location.line, location.path, location.exact) ?? unplaced(index, location.line) }));
    const primary = placed.find((p) => p.at.exact && p.location.exact) ?? placed.find((p) => p.at.exact) ?? placed[0] ?? { location: null, at: unplaced(index, finding.line) };
    const locations = placed
      .filter((p) => p.at.file === primary.at.file)
      .map((p) => ({ ...p.location, line: p.at.line, column: p.at.column, exact: p.location.exact && p.at.exact, inDiff: linesIn(p.at.file).has(p.at.line) }));
    const renderedLine = primary.location?.line ?? finding.line;
    // Only a finding the diff does not show is commented on its change line.
    const switched = locations.some((l) => l.inDiff) ? {} : switchChangeLine(index, documentAt(index.documents, finding.line), primary.at);
    const origin: RenderedOrigin = {
      tool: root.tool,
      root: root.dir === '' ? '.' : root.dir,
      ...(root.label !== shownDir(root.dir) ? { label: root.label } : {}),
      ...(root.helm?.application ? { application: root.helm.application.file } : {}),
      ...(root.helm?.application?.line !== undefined ? { applicationLine: applicationLineOf(root.helm, primary.at.values?.file) } : {}),
      ...(switched.changeLine !== undefined ? switched : changeLineFor(root)),
      sourceFile: primary.at.file,
      sourceLine: primary.at.line,
      ...(primary.at.values !== undefined ? { values: primary.at.values } : {}),
      exact: primary.at.exact,
      snippet: primary.at.exact ? null : snippetAt(index.lines, renderedLine),
    };
    const mapped = { ...finding, file: primary.at.file, line: primary.at.line, locations, rendered: origin };
    // A suggestion edits the line that writes the value: not a line a missing field belongs under.
    const literals = placed.filter((p) => p.at.exact && p.location.exact && p.at.file === primary.at.file).map((p) => ({ sourceLine: p.at.line, renderedLine: p.location.line }));
    // The remove operations that took the finding's fields away, in the file it is placed in; for a field
    // the pod's securityContext sets for every container, also one that took the pod's away.
    const podLevel = finding.locations.flatMap((location) => {
      const path = location.exact ? null : podLevelPath(location.path);
      const at = path === null ? null : placeAt(location.line, path, false);
      return at === null ? [] : [{ at }];
    });
    const removals = [...placed, ...podLevel].flatMap((p) => (p.at.file === primary.at.file && p.at.removal !== undefined ? [p.at.removal] : []));
    return { mapped, primary: primary.at, literal: primary.at.exact && primary.location?.exact === true, literals, removals };
  };

  // Reverting the line the change wrote, for a finding of the change that no line of the diff writes: tried first, so that
  // a fix the engine makes on purpose (a switch turned off) wins when it verifies and can be a suggestion too (verify.ts).
  const reverts: SuggestionCandidate[] = [];
  const findings: DiffFinding[] = report.findings.map((finding, i) => {
    const index = indexOf(finding.file);
    if (index === null) return finding;
    const { mapped, primary, literal, literals, removals } = mapFinding(finding, index);
    const revert = revertOf(mapped, mapped.rendered?.changeLine === undefined ? null : replacedAt(mapped.rendered.changeLine));
    if (revert !== null) reverts.push({ finding: i, rendering: index.rendering, ...revert, caveat: null, keepsOthers: true, revert: true });
    const fix = finding.fix;
    if (fix === null) return mapped;
    // The fix of the rendered manifest: a suggestion only as literal edits of the source lines that write its fields, else an example.
    // Split once: both kinds of edit read the source's lines.
    const sourceLines = sources.get(primary.file)?.split('\n');
    const edits = literal && sourceLines !== undefined ? literalEdits(sourceLines, literals, fix, index.lines, primary.line) : null;
    const edited = edits === null ? null : { finding: i, rendering: index.rendering, file: primary.file, ...edits.near, caveat: finding.fixNote };
    // Edits too far apart for one suggestion: all of them, verified together, as the finding's example, when no suggestion fixes it.
    const parts = edits?.parts ?? [];
    const example = asOneExample(parts.map((part) => ({ file: primary.file, ...part })));
    if (example !== null) {
      const keepsOthers = parts.some((part) => part.newLines.length === 0) ? { keepsOthers: true } : {};
      candidates.push({ finding: i, rendering: index.rendering, file: example.file, ...example.change, caveat: finding.fixNote, also: example.also, ...keepsOthers });
    }
    // Fields an overlay's operations removed: without those operations (verified, as a deletion, by rendering again).
    const removed = sourceLines === undefined ? null : combinedChange(sourceLines, removals.map(({ startLine, endLine }) => ({ startLine, endLine, newLines: [] })), maxSuggestionSpan);
    // Operations of patches that can reach no other object change their own alone: verified with other such edits, in one rendering.
    const own = removals.every((removal) => removal.ownObject) ? { ownObject: true } : { keepsOthers: true };
    if (removed !== null) candidates.push({ finding: i, rendering: index.rendering, file: primary.file, ...removed, caveat: finding.fixNote, ...own });
    const document = documentAt(index.documents, finding.line);
    if (index.rendering.rendered.root.tool === 'kustomize') kustomizeFixes.push({ finding: i, index, file: primary.file, document, literal: edited });
    else {
      if (edited !== null) candidates.push(edited);
      // After a literal edit, only a values switch that writes the literal (`if .Values.useHostNetwork`), which is what
      // a chart's users turn off: after it, it wins.
      if (document !== undefined) chartFixes.push({ finding: i, index, primary, document, ...(edited !== null ? { literal: true } : {}) });
    }
    return { ...mapped, fix: null, fixNote: exampleNote(index, fix) };
  });
  // Each rendering with its findings' fixes applied, made when a candidate needs it.
  const fixesByRendering = new Map<string, Map<number, Suggestion>>();
  for (const { file, fix } of report.findings) {
    if (fix === null || !renderings.has(file)) continue;
    const fixes = fixesByRendering.get(file) ?? new Map<number, Suggestion>();
    fixesByRendering.set(file, fixes.set(fix.startLine, fix));
  }
  const fixedRenderings = new Map<RenderingIndex, ReadonlyMap<number, ManifestDocument>>();
  const fixedOf = (index: RenderingIndex) => {
    let fixed = fixedRenderings.get(index);
    if (fixed === undefined) fixedRenderings.set(index, (fixed = fixedRendering(index, fixesByRendering.get(index.path) ?? new Map())));
    return fixed;
  };
  const editable = editableTexts(sources);
  candidates.push(...kustomizeCandidates(kustomizeFixes, report.findings, sources, fixedOf, editable));
  // In a pull request, a finding on a line of its diff keeps its comment there unless the values fix can be suggested too.
  // An old warning is commented only where its suggestion reaches a line the change wrote (reviewPlan.ts): its fix may
  // lie anywhere, and the check run then names it (mastodon's pod-level warnings, fixed in `podSecurityContext`).
  const oldWarning = ({ finding }: ChartFix) => report.findings[finding]?.preexisting === true && report.findings[finding]?.blocking !== true;
  const movable = (fix: ChartFix, file: string, change: LineChange) =>
    changeSet === null || oldWarning(fix) || !linesIn(fix.primary.file).has(fix.primary.line) || linesIn(file).spansOneHunk(change.startLine, change.endLine);
  const chart = chartValuesCandidates(chartFixes, report.findings, movable, fixedOf, editable);
  candidates.push(...chart.candidates);
  // A template's removal yields to a literal edit of the same finding that verifies too: a chart's values are what its users edit.
  candidates.unshift(...reverts, ...chart.beforeLiterals);
  const ignored: IgnoredFinding[] = report.ignored.map((finding) => {
    const index = indexOf(finding.file);
    if (index === null) return finding;
    const located = finding.locations.map((l) => ({ ...l, inDiff: false }));
    const { mapped } = mapFinding({ ...finding, locations: located }, index);
    return { ...finding, file: mapped.file, line: mapped.line, locations: finding.locations.map((l, k) => ({ ...l, line: mapped.locations[k]?.line ?? mapped.line })), rendered: mapped.rendered };
  });
  const rootFile = (file: string) => renderings.get(file)?.rendered.root.file ?? file;
  // A policy or opt-out a rendering holds (a Kyverno policy an overlay renders) is named by its source: its lines in the renderings are the run's own.
  const readable = (text: string) => readableReferences(text, indexOf);
  const readableFinding = <F extends Finding>(f: F): F => ({ ...f, levelSource: { ...f.levelSource, detail: readable(f.levelSource.detail) }, optOutNote: f.optOutNote === null ? null : readable(f.optOutNote) });
  return {
    report: {
      ...report,
      findings: findings.map(readableFinding),
      ignored: ignored.map((f) => ({ ...readableFinding(f), why: f.why.map(readable) })),
      policyProblems: report.policyProblems.map((p) => ({ ...p, message: readable(p.message), ...(renderings.has(p.file) ? { file: rootFile(p.file), line: 1 } : {}) })),
      podSpecs: report.podSpecs.map((spec) => {
        const p = spec.message === null ? spec : { ...spec, message: readable(spec.message) };
        const rendering = renderings.get(p.file);
        const index = indexOf(p.file);
        if (rendering === undefined || index === null) return p;
        const source = objectSourceAt(index, p.line);
        return {
          ...p,
          file: source?.file ?? rootFile(p.file),
          line: source?.line ?? 1,
          rendering: rendering.rendered.root.label,
          ...(inAssumedNamespace(rendering, p.namespace) ? { assumedNamespace: true as const } : {}),
        };
      }),
      errors: renderedProblems(report.errors, indexOf),
    },
    candidates,
    sources,
    inOneHunk: (file, startLine, endLine) => linesIn(file).spansOneHunk(startLine, endLine),
  };
}
