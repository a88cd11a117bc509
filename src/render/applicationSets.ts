/**
 * The Applications an Argo CD ApplicationSet makes, when they can be known
 * from the repository alone (pure): each of its generators is a `list` of
 * elements, the directories of this repository (a `git` generator's
 * `directories`), its JSON or YAML files (a `git` generator's `files`,
 * gitFilesGenerator.ts), a `matrix` of two such (every pair of their
 * parameters) or a `merge` of such (the first one's parameters, overridden
 * by the others' that share its merge keys), and its template is filled
 * as Argo CD fills it (its default `{{param}}` substitution, or Go
 * templates with `goTemplate`: goTemplate.ts), then patched by its
 * `templatePatch`, if any (templatePatch.ts). Each Application is then the
 * template with one set of parameters put in, and its chart is rendered
 * like a plain Application's (applications.ts).
 *
 * Anything else keeps the notice that what the ApplicationSet installs is
 * not checked (workloads/charts.ts): other generators read the cluster or
 * another service, and a set whose Applications cannot all be rendered is
 * left whole to that notice.
 */
import { minimatch } from 'minimatch';
import type { ManifestDocument } from '../manifests/types.js';
import { locate } from '../locate/locate.js';
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { chartReferenceOf } from '../workloads/charts.js';
import { argoHelmSource, documentLines, entryLines, nameOf, objectOfKind, repositoryKey } from './applications.js';
import type { ApplicationChart, InstallerRefusal } from './applications.js';
import { fileParameters, folderParameters, generatorFiles } from './gitFilesGenerator.js';
import type { Parameters, TemplateMode } from './gitFilesGenerator.js';
import { patchedApplication } from './templatePatch.js';
import { mergedJson } from './jsonMerge.js';
import { filled, filledInline, filledText, fillingOf } from './templateFilling.js';
import type { Filling } from './templateFilling.js';
import { jsonEqual } from '../fixes/edits.js';
import { dirOf } from './paths.js';
import { valueAt } from './walk.js';

/** Where an ApplicationSet's template is, in the set: an Application's `spec` is the template's. */
const templatePath = ['spec', 'template'] as const;

/** What a commit of the repository holds: every file's path, and the texts of the files `files` generators read (parameterFileReads). */
export interface SetSources {
  readonly paths: ReadonlySet<string>;
  readonly texts: ReadonlyMap<string, string>;
}

/**
 * The Applications of an ApplicationSet document that install a chart of
 * this repository, each with the set's file and name; else why not (a
 * `InstallerRefusal`: its notice stays, with the reason when one is known).
 */
export function applicationSetCharts(document: ManifestDocument, repository: ReadonlySet<string>, sources: SetSources): ApplicationChart[] | InstallerRefusal {
  const { paths } = sources;
  const set = objectOfKind(document.value, 'argoproj.io', 'ApplicationSet');
  const unknown: InstallerRefusal = { refused: null, line: null };
  if (set === null) return unknown;
  const name = nameOf(set);
  const spec = isObject(set.spec) ? set.spec : null;
  const template = spec !== null && isObject(spec.template) ? spec.template : null;
  const reference = chartReferenceOf(String(set.apiVersion), 'ApplicationSet', set);
  if (name === '' || spec === null || template === null || reference === null) return unknown;
  const noticeLine = locate(document.source, reference.path).line;
  const refused = (why: string): InstallerRefusal => ({ refused: why, line: noticeLine });
  const filling = fillingOf(spec);
  // A templatePatch is a Go template: Argo CD reads it only with goTemplate on.
  const patch = spec.templatePatch;
  if (patch !== undefined && (typeof patch !== 'string' || filling.mode !== 'go')) return refused('its templatePatch is read only with `goTemplate: true`');
  const parameters = generatedParameters(document, { spec, repository, sources, ...filling });
  if (parameters === null || parameters.length === 0) return refused(generatorsRefusal(spec));
  const charts: ApplicationChart[] = [];
  const names = new Set<string>();
  for (const { values: params, files, spans } of parameters) {
    const unpatched = filled({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: template.metadata ?? {}, spec: template.spec ?? {} }, params, filling);
    if (!isObject(unpatched)) return refused('its template holds a Go template action or function not read here, or one that fails');
    const application = typeof patch === 'string' ? patchedApplication(unpatched, patch, Object.fromEntries(params), filling.goOptions) : unpatched;
    if (application === null) return refused('its templatePatch holds a Go template action or function not read here, or is not one mapping to merge');
    const found = argoHelmSource(application, repository, paths);
    const generated = nameOf(application);
    // An Application that installs nothing of this repository renderable here: the notice says what it installs.
    if (found === null) return unknown;
    // Two generators that make one name: Argo CD refuses the set.
    if (generated === '' || names.has(generated)) return refused('two of its Applications would have one name, which Argo CD refuses');
    if (unresolved(application)) return refused('a `{{…}}` of its template names no parameter');
    names.add(generated);
    // The same inline values for every Application (none of their text is substituted, nor patched): read from the set's template.
    const inline = found.inline === null ? null : [...templatePath, ...found.inline];
    // Inline values with parameters are filled for each Application at each commit, from the template's text (InlineFill).
    const inlineText = inline === null ? '' : JSON.stringify(valueAt(set, inline) ?? null);
    const inlineFill = inlineText.includes('{{') ? { params: Object.fromEntries(params), filling } : undefined;
    if (inlineFill !== undefined && filledInline(valueAt(set, inline!) ?? null, inlineFill) === undefined) return refused('its inline values hold a Go template action or function not read here, or one that fails');
    if (found.inline !== null && !jsonEqual(valueAt(application, found.inline) ?? null, valueAt(unpatched, found.inline) ?? null)) return refused('its templatePatch changes inline values');
    const valueLines = valueFileLines(document, found.valueFileAt, application, unpatched);
    charts.push({
      ...found.chart,
      kind: 'ApplicationSet',
      file: document.file,
      name,
      generated,
      noticeLine,
      valueLines,
      inline,
      ...(inlineFill !== undefined ? { inlineFill } : {}),
      lines: documentLines(document),
      ...(files.length > 0 ? { parameterFiles: files } : {}),
      ...(spans !== undefined && spans.length > 0 ? { parameterLines: spans } : {}),
    });
  }
  return charts;
}

/** Generators that read the cluster or another service, never this repository. */
const elsewhereGenerators = ['clusters', 'clusterDecisionResource', 'pullRequest', 'scmProvider', 'plugin'];

/** Why a set's generators give no parameters here: one that reads elsewhere (inside a matrix or merge too), or parameters not all known. */
function generatorsRefusal(spec: JsonObject): string {
  const kinds: string[] = [];
  const collect = (generators: JsonValue | undefined) => {
    for (const generator of Array.isArray(generators) ? generators : []) {
      if (!isObject(generator)) continue;
      for (const [kind, inner] of Object.entries(generator)) {
        kinds.push(kind);
        if (isObject(inner)) collect(inner.generators);
      }
    }
  };
  collect(spec.generators);
  const elsewhere = kinds.find((kind) => elsewhereGenerators.includes(kind));
  if (elsewhere !== undefined) return `its \`${elsewhere}\` generator reads the cluster or another service, not this repository`;
  return "its generators' parameters are not all known here";
}

/**
 * The line of the set that names each of an Application's values files: its
 * entry in the template, or, for one the templatePatch gave it, the
 * patch's own line.
 */
function valueFileLines(document: ManifestDocument, at: readonly FieldPath[], application: JsonObject, unpatched: JsonObject): number[] {
  const inTemplate = entryLines(document, at, templatePath);
  // Without a patch, the template names them all.
  if (application === unpatched) return inTemplate;
  const patchLine = locate(document.source, ['spec', 'templatePatch']).line;
  return at.map((path, i) => (valueAt(application, path) === valueAt(unpatched, path) ? inTemplate[i]! : patchLine));
}

/** What every generator of a set is read with: the set's spec, this repository, its files, and how the template is filled. */
interface Generating extends Filling {
  readonly spec: JsonObject;
  readonly repository: ReadonlySet<string>;
  readonly sources: SetSources;
}

/** The parameters of each Application the set's generators make, generator by generator; null when they are not known here. */
function generatedParameters(document: ManifestDocument, generating: Generating): Parameters[] | null {
  const { spec } = generating;
  const generators = Array.isArray(spec.generators) ? spec.generators : [];
  const all: Parameters[] = [];
  for (const [i, generator] of generators.entries()) {
    const params = generatorParameters(generator, generating, { document, path: ['spec', 'generators', i] });
    if (params === null) return null;
    all.push(...params);
  }
  return all;
}

/** Where a generator is in the set's document (`outer` when it is one of the set's own, which a matrix or merge may be). */
interface GeneratorAt {
  readonly document: ManifestDocument;
  readonly path: FieldPath;
}

/**
 * The files of this repository that the set's git `files` generators (its
 * own, or a matrix's or merge's) list: what must be read for
 * applicationSetCharts to know their parameters.
 */
export function parameterFilesOf(document: ManifestDocument, repository: ReadonlySet<string>, paths: ReadonlySet<string>): string[] {
  const set = objectOfKind(document.value, 'argoproj.io', 'ApplicationSet');
  const spec = set !== null && isObject(set.spec) ? set.spec : null;
  if (spec === null) return [];
  const found: string[] = [];
  const visit = (generator: JsonValue) => {
    if (!isObject(generator)) return;
    for (const combined of [generator.matrix, generator.merge]) if (isObject(combined) && Array.isArray(combined.generators)) combined.generators.forEach(visit);
    const git = isObject(generator.git) ? generator.git : null;
    if (git === null || !ofThisRepository(git, repository) || listedDirectories(git) !== null) return;
    found.push(...(generatorFiles(git.files ?? null, paths) ?? []));
  };
  if (Array.isArray(spec.generators)) spec.generators.forEach(visit);
  return found;
}

/** One generator's parameters (a matrix or merge may be one of the set's own, `at.path` of length 3, not inside another); null when they are not known here. */
function generatorParameters(generator: JsonValue, generating: Generating, at: GeneratorAt): Parameters[] | null {
  if (!isObject(generator)) return null;
  // A generator's own `template`, `selector` or `values` change what its parameters make: not read here.
  if (Object.keys(generator).length !== 1) return null;
  const outer = at.path.length === 3;
  if (isObject(generator.list)) return listParameters(generator.list, generating.mode, { ...at, path: [...at.path, 'list', 'elements'] });
  if (isObject(generator.git)) return gitParameters(generator.git, generating);
  if (outer && isObject(generator.matrix)) return matrixParameters(generator.matrix, generating, childrenAt(at, 'matrix'));
  if (outer && isObject(generator.merge)) return mergeParameters(generator.merge, generating, childrenAt(at, 'merge'));
  return null;
}

/** Where the `i`th generator of a matrix or merge is. */
function childrenAt(at: GeneratorAt, kind: 'matrix' | 'merge'): (i: number) => GeneratorAt {
  return (i) => ({ ...at, path: [...at.path, kind, 'generators', i] });
}

/**
 * A matrix of two generators: each pair of their parameter sets, joined.
 * Argo CD refuses a pair that gives one parameter two values, and lets the
 * second generator read the first's parameters (`{{path}}` in it), which
 * are not put in here: either keeps the set's notice.
 */
function matrixParameters(matrix: JsonObject, generating: Generating, childAt: (i: number) => GeneratorAt): Parameters[] | null {
  const children = Array.isArray(matrix.generators) ? matrix.generators : [];
  if (children.length !== 2 || Object.keys(matrix).length !== 1 || JSON.stringify(children[1]).includes('{{')) return null;
  const firsts = generatorParameters(children[0]!, generating, childAt(0));
  const seconds = generatorParameters(children[1]!, generating, childAt(1));
  if (firsts === null || seconds === null) return null;
  const all: Parameters[] = [];
  for (const first of firsts) {
    for (const second of seconds) {
      const joined = new Map(first.values);
      for (const [key, value] of second.values) {
        // Go templates merge the maps deep: a name both give is left to the notice.
        const known = joined.get(key);
        if (known !== undefined && (generating.mode === 'go' || known !== value)) return null;
        joined.set(key, value);
      }
      all.push(joinedWith(first, joined, second));
    }
  }
  return all;
}

/**
 * A merge of generators: the first one's parameter sets, each overridden
 * by the sets of the later ones that give its `mergeKeys` the same values
 * (a later one's every parameter wins); a later set that matches none is
 * dropped. Argo CD refuses a generator whose sets are not unique by the
 * keys (a key no set has counts as null); so is the set here.
 */
function mergeParameters(merge: JsonObject, generating: Generating, childAt: (i: number) => GeneratorAt): Parameters[] | null {
  const children = Array.isArray(merge.generators) ? merge.generators : [];
  const given = Array.isArray(merge.mergeKeys) ? merge.mergeKeys : [];
  // Each key once, sorted, as Go's JSON of a map of them has them.
  const keys = [...new Set(given.filter((key): key is string => typeof key === 'string'))].sort();
  if (children.length < 2 || keys.length === 0 || keys.length !== new Set(given).size || Object.keys(merge).some((key) => key !== 'generators' && key !== 'mergeKeys')) return null;
  const byKey = (sets: readonly Parameters[]): Map<string, Parameters> | null => {
    const keyed = new Map<string, Parameters>();
    for (const set of sets) {
      const key = canonicalJson(keys.map((name) => set.values.get(name) ?? null));
      if (keyed.has(key)) return null;
      keyed.set(key, set);
    }
    return keyed;
  };
  const [first, ...rest] = children.map((child, i) => generatorParameters(child, generating, childAt(i)));
  const merged = first === null || first === undefined ? null : byKey(first);
  if (merged === null) return null;
  for (const sets of rest) {
    const overrides = sets === null || sets === undefined ? null : byKey(sets);
    if (overrides === null) return null;
    for (const [key, base] of merged) {
      const override = overrides.get(key);
      if (override === undefined) continue;
      // Go templates merge the parameter maps deep, as mergo does (a null a value like any other); flat parameters are replaced.
      // (Argo CD's matrix merges so too, but into maps its pairs share, which a later pair then sees changed: not reproduced.)
      const values = generating.mode === 'go' ? new Map(Object.entries(mergedJson(Object.fromEntries(base.values), Object.fromEntries(override.values), 'keep'))) : new Map([...base.values, ...override.values]);
      merged.set(key, joinedWith(base, values as Map<string, JsonValue>, override));
    }
  }
  return [...merged.values()];
}

/** A value's JSON as Go writes a map's: keys sorted, so that equal maps give equal texts whatever order they were written in. */
function canonicalJson(value: JsonValue): string {
  return JSON.stringify(value, (_key, inner: JsonValue) => (isObject(inner) ? Object.fromEntries(Object.keys(inner).sort().map((k) => [k, inner[k]])) : inner));
}

/** Two parameter sets joined into `values`, with the files and lines both came from. */
function joinedWith(first: Parameters, values: Map<string, JsonValue>, second: Parameters): Parameters {
  return { values, files: [...first.files, ...second.files], spans: [...(first.spans ?? []), ...(second.spans ?? [])] };
}

/**
 * A list generator's elements: each key a parameter, a `values` map's keys
 * as `values.<key>`. Argo CD refuses an element whose value is not a
 * string (without Go templates); so is the set here. Each element's lines
 * run to the next one's (the last one's to the end of the document).
 */
function listParameters(list: JsonObject, mode: TemplateMode, elementsAt: GeneratorAt): Parameters[] | null {
  if (list.elementsYaml !== undefined || list.template !== undefined || !Array.isArray(list.elements)) return null;
  const { document, path } = elementsAt;
  const starts = list.elements.map((_, i) => locate(document.source, [...path, i]).line);
  const end = documentLines(document).end;
  const all: Parameters[] = [];
  for (const [i, element] of list.elements.entries()) {
    if (!isObject(element)) return null;
    const spans = [{ start: starts[i]!, end: Math.max(starts[i]!, (starts[i + 1] ?? end + 1) - 1) }];
    // With Go templates an element is its parameters as it is, any value.
    if (mode === 'go') {
      all.push({ values: new Map(Object.entries(element).map(([key, value]) => [key, value ?? null])), files: [], spans });
      continue;
    }
    const params = new Map<string, JsonValue>();
    for (const [key, value] of Object.entries(element)) {
      if (key === 'values' && isObject(value)) {
        for (const [inner, text] of Object.entries(value)) {
          if (typeof text !== 'string') return null;
          params.set(`values.${inner}`, text);
        }
      } else if (typeof value === 'string') params.set(key, value);
      else return null;
    }
    all.push({ values: params, files: [], spans });
  }
  return all;
}

/**
 * A git generator of this repository: its directories or its files, with
 * Argo CD's parameters for each, and its `values` filled from them. Its
 * revision must be the template's, or which commit it reads is not the one
 * the Applications sync; its own `template` is not read here.
 */
function gitParameters(git: JsonObject, generating: Generating): Parameters[] | null {
  const found = gitFound(git, generating);
  if (found === null || git.values === undefined) return found;
  const all: Parameters[] = [];
  for (const params of found) {
    const values = withValues(params.values, git.values, generating);
    if (values === null) return null;
    all.push({ ...params, values });
  }
  return all;
}

/**
 * A generator's `values` (strings that may name its parameters) added to
 * each of its parameter sets, filled from that set as the template is: flat
 * as `values.<key>`, with Go templates as the map `values` (which replaces
 * any other). Null when one is not filled here.
 */
function withValues(params: ReadonlyMap<string, JsonValue>, values: JsonValue, filling: Filling): Map<string, JsonValue> | null {
  if (!isObject(values)) return null;
  const out = new Map(params);
  const map: JsonObject = {};
  for (const [key, value] of Object.entries(values)) {
    const text = typeof value === 'string' ? filledText(value, params, filling) : undefined;
    if (text === undefined) return null;
    if (filling.mode === 'go') map[key] = text;
    else out.set(`values.${key}`, text);
  }
  if (filling.mode === 'go' && Object.keys(map).length > 0) out.set('values', map);
  return out;
}

/** A git generator's directories or files, with the parameters Argo CD gives each (no `values` yet). */
function gitFound(git: JsonObject, { spec, repository, sources, mode }: Generating): Parameters[] | null {
  if (!ofThisRepository(git, repository) || git.template !== undefined) return null;
  const template = isObject(spec.template) && isObject(spec.template.spec) ? spec.template.spec : {};
  const source = isObject(template.source) ? template.source : {};
  if ((git.revision ?? 'HEAD') !== (source.targetRevision ?? 'HEAD')) return null;
  const prefix = typeof git.pathParamPrefix === 'string' ? git.pathParamPrefix : '';
  const directories = listedDirectories(git);
  if (directories !== null) return directoryParameters(directories, prefix, sources.paths, mode);
  if (git.files === undefined) return null;
  const files = generatorFiles(git.files, sources.paths);
  if (files === null) return null;
  const all: Parameters[] = [];
  for (const file of files) {
    const text = sources.texts.get(file);
    const params = text === undefined ? null : fileParameters(file, text, prefix, mode);
    if (params === null) return null;
    all.push(...params);
  }
  return all;
}

/** Whether a git generator reads this repository. */
function ofThisRepository(git: JsonObject, repository: ReadonlySet<string>): boolean {
  const key = typeof git.repoURL === 'string' ? repositoryKey(git.repoURL) : null;
  return key !== null && repository.has(key);
}

/** The directories a git generator lists, if any: Argo CD reads them, not its `files`, when it has both. */
function listedDirectories(git: JsonObject): readonly JsonValue[] | null {
  return Array.isArray(git.directories) && git.directories.length > 0 ? git.directories : null;
}

/**
 * The directories of this repository that a git generator's `directories`
 * patterns take (Go's path.Match, `exclude: true` winning), with Argo CD's
 * parameters for each: `path`, `path.basename`, `path.basenameNormalized`,
 * `path[n]` (behind `pathParamPrefix` when it has one). Hidden folders are
 * not among them, as Argo CD lists none.
 */
function directoryParameters(directories: readonly JsonValue[], prefix: string, paths: ReadonlySet<string>, mode: TemplateMode): Parameters[] | null {
  const patterns: { path: string; exclude: boolean }[] = [];
  for (const entry of directories) {
    if (!isObject(entry) || typeof entry.path !== 'string') return null;
    patterns.push({ path: entry.path, exclude: entry.exclude === true });
  }
  const matches = (dir: string, pattern: string) => minimatch(dir, pattern, { dot: true, noglobstar: true, nobrace: true, noext: true, nocomment: true, nonegate: true });
  const all: Parameters[] = [];
  for (const dir of directoriesOf(paths)) {
    if (!patterns.some((p) => !p.exclude && matches(dir, p.path)) || patterns.some((p) => p.exclude && matches(dir, p.path))) continue;
    all.push({ values: folderParameters(dir, prefix, mode), files: [] });
  }
  return all;
}

/** Every folder that holds a file of the tree (not the root, no hidden one or one below it), sorted. */
function directoriesOf(paths: ReadonlySet<string>): string[] {
  const dirs = new Set<string>();
  for (const path of paths) {
    for (let dir = dirOf(path); dir !== '' && !dirs.has(dir); dir = dirOf(dir)) dirs.add(dir);
  }
  return [...dirs].filter((dir) => !dir.split('/').some((segment) => segment.startsWith('.'))).sort();
}

/** Whether what names an Application's chart and release still holds a `{{…}}` no parameter filled: Argo CD would read it as written. */
function unresolved(application: JsonObject): boolean {
  const fields: FieldPath[] = [['metadata', 'name'], ['spec', 'source'], ['spec', 'sources'], ['spec', 'destination']];
  return fields.some((path) => JSON.stringify(valueAt(application, path) ?? null).includes('{{'));
}
