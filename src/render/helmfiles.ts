/**
 * helmfile files that install charts of this repository (pure). A release
 * of a local chart (`chart: ./charts/web`) is rendered as helmfile renders
 * it, when that is certain from the file alone: the chart with the release's
 * name and namespace, the values files it names (relative to the helmfile's
 * folder) and then, last, one map of inline values, as an Argo CD
 * Application's chart is (applications.ts says how such renderings are
 * made and placed).
 *
 * Anything else keeps a notice, since helmfile is not run here and what
 * the file gives the chart would otherwise pass green: a Go template
 * (`.gotmpl`, `{{ .Environment.Name }}`), `set` and `secrets` entries,
 * inherited templates and bases, patches and post-renderers, helm
 * arguments that change the output, a `condition`,
 * values files the commit lacks, inline values before a file. Such a file
 * is read as text for its notice, as helmfile files are Go templates as
 * often as not, which a YAML reader refuses or reads wrong. Once the config
 * file renders a chart (`render.charts`, with the values files the releases
 * name), only `set` entries keep it: they are in no file the config file
 * can name.
 */
import type { ChangeSet } from '../diff/types.js';
import { locate } from '../locate/locate.js';
import { loadManifestFile, textOf } from '../manifests/load.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { anyRevision, capabilitiesOf, entryLines, installerIn, nonEmpty } from './applications.js';
import type { ApplicationChart, NamedValueFiles, TextFile } from './applications.js';
import { dirOf, inDir, joinPath } from './paths.js';
import { lineOf, lineTable } from '../fixes/text.js';
import { Minimatch } from 'minimatch';

/** `helmfile.yaml` (`.yml`, `.gotmpl` too) anywhere, `monitoring-helmfile.yaml` and the like, and the files of a `helmfile.d` folder. */
const helmfileName = /(?:^|\/)(?:[^/]*helmfile\.ya?ml|helmfile\.d\/[^/]+\.ya?ml)(?:\.gotmpl)?$/;

export function isHelmfile(path: string): boolean {
  return helmfileName.test(path);
}

/**
 * A release's `chart:` that is a path (`./charts/web`, `../charts/web`),
 * quoted or not, read from the text: the capture is the path. Not global:
 * a test keeps no state; localChartsOfText makes the global one it walks.
 */
const localChartLine = /^[ \t-]*chart:[ \t]*["']?(\.\.?\/[^\s"'#]+)/m;

/** A YAML file (or a template of one) that another helmfile's `helmfiles:` may name. */
const stateFileName = /\.ya?ml(?:\.gotmpl)?$/;

/** A top-level `releases:` key, as a helmfile starts its list. */
const releasesKey = /^releases:[ \t]*(?:#.*)?$/m;

/**
 * Whether a file holds helmfile releases of local charts, whatever its
 * name: a helmfile another one names under `helmfiles:` (`releases/*.yaml`)
 * or one run with `helmfile -f`. Its text is a `releases:` list that names
 * a chart by its path; a manifest (`kind:`) is none.
 */
function holdsLocalReleases(path: string, text: string): boolean {
  return stateFileName.test(path) && releasesKey.test(text) && localChartLine.test(text) && !/^kind:/m.test(text);
}

/**
 * The files the helmfiles among `texts` name under `helmfiles:` (a path or
 * a `path:` entry, relative to the helmfile's folder, globs matched against
 * `paths`), that `texts` does not hold yet: discovery reads them too, for
 * their releases (a chart of this repository's with values files of its
 * own). Remote ones (`git::…`) and templates are not read. `parents`: the
 * files of `texts` to look in (default all; discovery, reading a level at a
 * time, gives those it read last).
 */
export function nestedHelmfiles(texts: ReadonlyMap<string, string>, paths: Iterable<string>, parents: Iterable<string> = texts.keys()): string[] {
  const all = [...paths];
  const found = new Set<string>();
  for (const path of parents) {
    const text = texts.get(path);
    for (const pattern of text === undefined ? [] : localEntries(path, text, 'helmfiles')) {
      // A glob is compiled once for the whole tree's paths.
      const glob = /[*?[{]/.test(pattern) ? new Minimatch(pattern) : null;
      for (const candidate of glob === null ? [pattern] : all.filter((p) => glob.match(p))) {
        if (!texts.has(candidate) && stateFileName.test(candidate)) found.add(candidate);
      }
    }
  }
  return [...found].sort();
}

/**
 * The files helmfiles among `texts` name under `bases:` (relative to the
 * helmfile's folder; remote and templated ones left out), each with the
 * first helmfile that names it. helmfile merges a base into the helmfile
 * before it reads the releases, so a base's own releases render with that
 * helmfile's settings, never alone.
 */
export function helmfileBases(texts: ReadonlyMap<string, string>): Map<string, string> {
  const bases = new Map<string, string>();
  for (const [path, text] of texts) for (const base of localEntries(path, text, 'bases')) if (!bases.has(base)) bases.set(base, path);
  return bases;
}

/**
 * The files of this repository a helmfile names under a top-level `key`
 * (`helmfiles:`, `bases:`): each entry a path, or a `path:` entry,
 * relative to the helmfile's folder (maybe a glob), as repository paths.
 * Remote ones (`git::…`), those outside the repository, and any of a
 * helmfile read as text (a template) are left out.
 */
function localEntries(path: string, text: string, key: 'helmfiles' | 'bases'): string[] {
  if (!new RegExp(`^${key}:`, 'm').test(text) || (!isHelmfile(path) && !holdsLocalReleases(path, text))) return [];
  const found: string[] = [];
  for (const document of stateDocuments(path, text) ?? []) {
    const entries = isObject(document.value) && Array.isArray(document.value[key]) ? document.value[key] : [];
    for (const entry of entries) {
      const named = typeof entry === 'string' ? entry : isObject(entry) && typeof entry.path === 'string' ? entry.path : null;
      if (named === null || named.includes('://') || named.includes('::')) continue;
      const local = joinPath(dirOf(path), named);
      if (local !== null) found.push(local);
    }
  }
  return found;
}

/** A helmfile's documents as YAML; null for one that is a Go template (`.gotmpl`, `{{ }}`) or does not load, which is read as text. */
function stateDocuments(path: string, text: string): readonly ManifestDocument[] | null {
  if (path.endsWith('.gotmpl') || text.includes('{{')) return null;
  const loaded = loadManifestFile(path, text);
  return loaded.problems.length > 0 ? null : loaded.documents;
}

/**
 * The notices of the change set's base files (helmfileBases) that hold
 * releases of local charts: those render only merged into the helmfile
 * that names them, which has bases and is not rendered here.
 */
export function baseFileNotices(changeSet: ChangeSet, bases: ReadonlyMap<string, string>, paths: ReadonlySet<string>): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const file of changeSet.files) {
    const parent = bases.get(file.path);
    if (parent === undefined || file.status === 'removed' || file.head.kind !== 'content') continue;
    const text = textOf(file.head.data);
    if (text === null || !holdsLocalReleases(file.path, text)) continue;
    const { charts, unrendered } = helmfileReleases({ path: file.path, text }, paths);
    const line = Math.min(...charts.map((chart) => chart.noticeLine), ...unrendered.map((release) => release.line));
    if (!Number.isFinite(line)) continue;
    problems.push({ file: file.path, line, kind: 'not-rendered', message: `this file is a base of \`${parent}\` (its \`bases:\`), which helmfile merges it into before it reads the releases, and a helmfile with bases is not rendered here: what the releases of this file install is not checked` });
  }
  return problems;
}

/** A release's `set` or `setString` list: values given on helm's command line. */
const setEntries = /^[ \t-]*(?:set|setString):/m;

/** A release of a local chart that is not rendered here: its chart as written, the line that names it, and whether it gives `set` entries. */
export interface UnrenderedRelease {
  readonly chart: string;
  readonly line: number;
  readonly set: boolean;
}

export interface HelmfileReleases {
  /** The releases rendered here, as the charts they install. */
  readonly charts: readonly ApplicationChart[];
  readonly unrendered: readonly UnrenderedRelease[];
}

const none: HelmfileReleases = { charts: [], unrendered: [] };

/**
 * Release keys that change what is installed in ways not rendered here:
 * values from elsewhere (`set`, `env`, `inherit`ed templates, a prefix to
 * its values files' paths), patches and post-renderers. (`apiVersions` and
 * `kubeVersion` are given to helm as helmfile gives them.)
 */
const unrenderedKeys = [
  'set',
  'setString',
  'env',
  'secrets',
  'valuesTemplate',
  'setTemplate',
  'valuesPathPrefix',
  'inherit',
  'postRenderer',
  'postRendererArgs',
  'strategicMergePatches',
  'jsonPatches',
  'transformers',
  'forceNamespace',
  'condition',
  'dependencies',
  'adopt',
];

/**
 * Keys of a helmfile that change every release of it in ways not rendered
 * here: base files merged in first, templates every release inherits, one
 * chart for all.
 */
const unrenderedFileKeys = ['bases', 'defaultInherit', 'chart'];

/** `helmDefaults` keys that change every release's rendering: post-renderers. (`args` are read apart.) */
const unrenderedDefaultKeys = ['postRenderer', 'postRendererArgs'];

/**
 * Arguments helmfile gives helm for every release (`helmDefaults.args`,
 * `templateArgs`) that change what a chart renders: values, capabilities,
 * the namespace and release name, post-renderers, what is output.
 * Others (`--wait`, `--timeout 5m`) change nothing here.
 */
const renderingArgument = /^(?:--(?:set|set-string|set-file|set-json|set-literal|values|post-renderer|post-renderer-args|api-versions|kube-version|namespace|name-template|release-name|generate-name|include-crds|show-only|skip-tests|is-upgrade|no-hooks)(?:=|$)|-[afgns])/;

/**
 * The releases of local charts of a helmfile (`paths`: every file of the
 * tree at head); none for another file. A file is a helmfile by its name,
 * or by what it holds (holdsLocalReleases): the `releases:` of local charts
 * in a YAML file of another name are read as helmfile reads them too.
 */
export function helmfileReleases({ path, text }: TextFile, paths: ReadonlySet<string>): HelmfileReleases {
  if (!isHelmfile(path) && !holdsLocalReleases(path, text)) return none;
  const documents = stateDocuments(path, text);
  if (documents === null) return { charts: [], unrendered: localChartsOfText(text) };
  const charts: ApplicationChart[] = [];
  const unrendered: UnrenderedRelease[] = [];
  for (const document of documents) {
    const state = isObject(document.value) ? document.value : {};
    const releases = state.releases;
    if (!Array.isArray(releases)) continue;
    const fileRenders = rendersAsWritten(state);
    releases.forEach((release, index) => {
      if (!isObject(release) || release.installed === false) return;
      const chart = nonEmpty(release.chart);
      if (chart === null || !/^\.\.?\//.test(chart)) return;
      const rendered = fileRenders ? releaseChart(document, withFileSettings(state, release), ['releases', index], chart, paths) : null;
      if (rendered !== null) charts.push(rendered);
      else unrendered.push({ chart: chart.replace(/\/+$/, ''), line: locate(document.source, ['releases', index, 'chart']).line, set: givesSet(state, release) });
    });
  }
  return { charts, unrendered };
}

/** Whether nothing of a helmfile's own keys changes how its releases render (see unrenderedFileKeys). */
function rendersAsWritten(state: JsonObject): boolean {
  if (unrenderedFileKeys.some((key) => state[key] !== undefined)) return false;
  const defaults = state.helmDefaults;
  if (defaults === undefined || defaults === null) return true;
  if (!isObject(defaults) || unrenderedDefaultKeys.some((key) => defaults[key] !== undefined)) return false;
  const { words, wellFormed } = defaultArguments(state);
  return wellFormed && !words.some((word) => renderingArgument.test(word));
}

/**
 * The words of the helm arguments helmfile gives every release
 * (`helmDefaults.args` and `templateArgs`: lists of strings, each maybe
 * several words), and whether both are such lists (or absent).
 */
function defaultArguments(state: JsonObject): { words: string[]; wellFormed: boolean } {
  const defaults = isObject(state.helmDefaults) ? state.helmDefaults : {};
  const words: string[] = [];
  let wellFormed = true;
  for (const args of [defaults.args, defaults.templateArgs]) {
    if (args === undefined || args === null) continue;
    if (!Array.isArray(args)) {
      wellFormed = false;
      continue;
    }
    for (const arg of args) {
      if (typeof arg === 'string') words.push(...arg.split(/\s+/));
      else wellFormed = false;
    }
  }
  return { words, wellFormed };
}

/** Whether helmfile gives a release values on helm's command line: its `set`, `setString` or `env`, or `--set` arguments for every release. */
function givesSet(state: JsonObject, release: JsonObject): boolean {
  if (release.set !== undefined || release.setString !== undefined || release.env !== undefined) return true;
  return defaultArguments(state).words.some((word) => word.startsWith('--set'));
}

/**
 * A release with what its helmfile gives every release: its `namespace` in
 * place of the release's own, its `apiVersions` and `kubeVersion` where the
 * release names none (helmfile's ApplyOverrides, getApiVersions and
 * getKubeVersion).
 */
function withFileSettings(state: JsonObject, release: JsonObject): JsonObject {
  const given = (value: JsonValue | undefined) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
  return {
    ...release,
    ...(state.namespace !== undefined ? { namespace: state.namespace } : {}),
    ...(!given(release.apiVersions) && state.apiVersions !== undefined ? { apiVersions: state.apiVersions } : {}),
    ...(!given(release.kubeVersion) && state.kubeVersion !== undefined ? { kubeVersion: state.kubeVersion } : {}),
  };
}

/** A release as the chart it installs, or null when it is not rendered here. */
function releaseChart(document: ManifestDocument, release: JsonObject, at: FieldPath, chart: string, paths: ReadonlySet<string>): ApplicationChart | null {
  const name = nonEmpty(release.name);
  const dir = dirOf(document.file);
  const chartDir = joinPath(dir, chart);
  if (name === null || chartDir === null || !paths.has(inDir(chartDir, 'Chart.yaml'))) return null;
  if (unrenderedKeys.some((key) => release[key] !== undefined)) return null;
  const namespace = release.namespace === undefined ? null : nonEmpty(release.namespace);
  if (release.namespace !== undefined && namespace === null) return null;
  const values = releaseValues(release.values, [...at, 'values'], dir, paths);
  const capabilities = capabilitiesOf(release.kubeVersion, release.apiVersions);
  if (values === null || capabilities === null) return null;
  const valueLines = entryLines(document, values.at);
  return {
    kind: 'HelmfileRelease',
    file: document.file,
    name,
    noticeLine: locate(document.source, [...at, 'chart']).line,
    chartDir,
    release: name,
    namespace,
    valueFiles: values.files,
    valueLines,
    inline: values.inline === null ? null : [...at, 'values', values.inline],
    revision: anyRevision,
    ...(capabilities !== undefined ? { capabilities } : {}),
  };
}

/**
 * A release's `values` (at `valuesAt` in its document), files
 * (repository-relative, each with its entry) then the index of one map of
 * inline values, as helm is given them after the chart's values.yaml; null
 * when they cannot be given so (a file the commit lacks, a Go template of
 * values, `.gotmpl`, a map before a file or beside another).
 */
function releaseValues(values: JsonValue | undefined, valuesAt: FieldPath, dir: string, paths: ReadonlySet<string>): (NamedValueFiles & { inline: number | null }) | null {
  const files: string[] = [];
  const at: FieldPath[] = [];
  if (values === undefined) return { files, at, inline: null };
  if (!Array.isArray(values)) return null;
  let inline: number | null = null;
  for (const [index, entry] of values.entries()) {
    if (inline !== null) return null;
    if (isObject(entry)) inline = index;
    else {
      const file = typeof entry === 'string' ? joinPath(dir, entry) : null;
      if (file === null || !paths.has(file) || file.endsWith('.gotmpl')) return null;
      files.push(file);
      at.push([...valuesAt, index]);
    }
  }
  return { files, at, inline };
}

/**
 * A release's inline values in a helmfile's text at a commit, as a values
 * file helm reads (releaseValuesText). The release is found by its name,
 * wherever the commit has it; null when the commit has none of that name.
 */
export function helmfileValuesIn(file: string, text: string, name: string): string | null {
  const release = installerIn(file, text, { kind: 'HelmfileRelease', name });
  return release === null ? null : releaseValuesText(release);
}

/** A helmfile release's inline values, as a values file helm reads: its last `values` entry when that is a map, else `{}`. */
export function releaseValuesText(release: JsonObject): string {
  const last = Array.isArray(release.values) ? release.values.at(-1) : undefined;
  return isObject(last) ? JSON.stringify(last) : '{}';
}

/** Every release of a local chart in a helmfile's text, for a file not read as YAML (a template). */
function localChartsOfText(text: string): UnrenderedRelease[] {
  const set = setEntries.test(text);
  const table = lineTable(text);
  return [...text.matchAll(new RegExp(localChartLine.source, 'gm'))].map((match) => ({ chart: match[1]!.replace(/\/+$/, ''), line: lineOf(table, match.index), set }));
}

/**
 * The notices of the change set's added and modified helmfile files with
 * releases of local charts that are not rendered (`configured`: the chart
 * folders the config file's `render.charts` renders; `paths`: the head tree's).
 */
export function unrenderedHelmfiles(changeSet: ChangeSet, configured: ReadonlySet<string>, paths: ReadonlySet<string>): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const file of changeSet.files) {
    if (file.status === 'removed' || file.head.kind !== 'content') continue;
    const text = textOf(file.head.data);
    if (text === null) continue;
    const { unrendered } = helmfileReleases({ path: file.path, text }, paths);
    const unconfigured = unrendered.filter((release) => !configured.has(joinPath(dirOf(file.path), release.chart) ?? ''));
    const setOnly = unrendered.find((release) => release.set);
    if (unconfigured.length > 0) problems.push({ file: file.path, line: unconfigured[0]!.line, kind: 'not-rendered', message: notice(unconfigured.map((release) => release.chart)) });
    else if (setOnly !== undefined) problems.push({ file: file.path, line: setOnly.line, kind: 'not-rendered', message: setNotice });
  }
  return problems;
}

function notice(charts: readonly string[]): string {
  const unique = [...new Set(charts)];
  const named = unique.slice(0, 3).map((chart) => `\`${chart}\``);
  const more = unique.length > 3 ? ` and ${unique.length - 3} more` : '';
  return (
    `what this file gives ${named.join(', ')}${more} (values, \`set\`) is not checked: helmfile is not run here, and its releases are not rendered as written ` +
    `(a template, \`set\` or \`secrets\`, patches, a values file the commit lacks); name the values files in \`render.charts[].values\` of the config file for each chart`
  );
}

const setNotice =
  'helmfile releases are not rendered here, so what the `set` entries of this file give its charts is not checked: write those values in a values file that `render.charts[].values` of the config file names';
