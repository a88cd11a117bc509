/**
 * GitOps objects that install a chart of this repository (pure). An Argo
 * CD Application whose Helm source is a `path` of the repository it lives
 * in has Argo CD render that chart with the Application's own settings: its
 * release name, its destination namespace, its `valueFiles` and its inline
 * values. Such a chart is rendered here with them too (a rendering of its
 * own, `charts/web (Application web-prod)`), instead of the notice that the
 * Application's pod specs are not checked (workloads/charts.ts).
 *
 * Here: what every such rendering needs (ApplicationChart, the revision an
 * object syncs, this repository's URLs, the inline values read again at
 * each commit) and Argo CD Applications. The Applications of ApplicationSets
 * are in applicationSets.ts, Flux HelmReleases in helmReleases.ts, and
 * installers.ts finds them all in files.
 *
 * Only what is certain is rendered: a source in another repository, a
 * chart from a chart repository, `parameters`, a values file through the
 * `$ref` of a source in another repository, or one the commit lacks keep
 * the notice.
 */
import { apiGroup } from '../workloads/kinds.js';
import { locate } from '../locate/locate.js';
import { loadManifestFile } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import type { ApplicationValues, Capabilities, InstallerKind, LineSpan } from './types.js';
import type { LandingBranch } from '../diff/types.js';
import { chartReferenceOf } from '../workloads/charts.js';
import { inDir, joinPath } from './paths.js';
import { valueAt } from './walk.js';
import { filledInline } from './templateFilling.js';
import type { InlineFill } from './templateFilling.js';

/** An Application (or HelmRelease, or an ApplicationSet's Application) that installs a chart of this repository, as its rendering needs it. */
export interface ApplicationChart {
  /** What the object is: an Argo CD Application or ApplicationSet, or a Flux HelmRelease. */
  readonly kind: InstallerKind;
  /** The file the Application is in (at head). */
  readonly file: string;
  /** Its `metadata.name`: how each side's file is searched for it. */
  readonly name: string;
  /** The name of the Application an ApplicationSet makes (applicationSets.ts); the set is `name`. */
  readonly generated?: string;
  /** The line of the notice its pod specs would otherwise get (extract.ts places it on the field that names the chart). */
  readonly noticeLine: number;
  /** The chart's folder, repository-relative. */
  readonly chartDir: string;
  /** `helm.releaseName`, else the Application's name (Argo CD's default). */
  readonly release: string;
  /** `helm.namespace`, else `destination.namespace`, or null when neither names one. */
  readonly namespace: string | null;
  /** `helm.valueFiles`, repository-relative, in order. */
  readonly valueFiles: readonly string[];
  /**
   * The line of `file` that names each of `valueFiles` (its list entry),
   * for an object rendered from its own file: a finding such a file writes
   * is commented there when the change adds the object.
   */
  readonly valueLines?: readonly number[];
  /** The inline values (`helm.valuesObject`, else `helm.values`), by their path in the Application object; null for none. */
  readonly inline: FieldPath | null;
  /** For an ApplicationSet's Application whose inline values hold parameters: how they are filled (templateFilling.ts). */
  readonly inlineFill?: InlineFill;
  /** What its controller syncs of the repository. */
  readonly revision: Revision;
  /** The capabilities it has helm template with, when it names them. */
  readonly capabilities?: Capabilities;
  /** The files of the repository an ApplicationSet's git `files` generator read its parameters from (gitFilesGenerator.ts). */
  readonly parameterFiles?: readonly string[];
  /** The lines of `file` its object's document spans (an Application, ApplicationSet or HelmRelease): where the change edits it. */
  readonly lines?: LineSpan;
  /** The lines of `file` that gave an ApplicationSet's Application its parameters (its list element). */
  readonly parameterLines?: readonly LineSpan[];
  /**
   * How the base commit installed the chart, when that differs from head
   * (installsAtBase.ts); null when it did not install it (a new object).
   * Absent: as at head, or not known.
   */
  readonly atBase?: InstallAtBase | null;
}

/**
 * Why an installer of a chart of this repository is not rendered:
 * `refused`, said with its notice (null: the notice says enough); `line`,
 * the notice's.
 */
export interface InstallerRefusal {
  readonly refused: string | null;
  readonly line: number | null;
}

/** The lines a document spans in its file. */
export function documentLines({ line, source }: ManifestDocument): LineSpan {
  return { start: line, end: Math.max(line, source.lineCounter.linePos(Math.max(source.start, source.end - 1)).line) };
}

/** What an install gives helm besides the chart, at the base commit. */
export type InstallAtBase = Pick<ApplicationChart, 'release' | 'namespace' | 'valueFiles' | 'capabilities' | 'inlineFill'>;

/**
 * What a GitOps object syncs of its repository: the default branch (Argo
 * CD's `HEAD` or no `targetRevision`; a Flux GitRepository without `ref`),
 * a named revision (Argo CD's `targetRevision: main`, a branch or a tag; a
 * GitRepository's `ref.branch`), a pinned one (a GitRepository's tag,
 * semver range or commit), or any (a helmfile, applied from whichever
 * branch it is run on).
 */
export type Revision = { readonly kind: 'default' } | { readonly kind: 'named'; readonly name: string } | { readonly kind: 'pinned' } | { readonly kind: 'any' };

/**
 * Whether an object that syncs `revision` installs what a change landing on
 * `branch` makes: only then is its chart rendered for the change. Unknown
 * where the change lands (a commit compared with another), every object does.
 */
export function tracks(revision: Revision, branch: LandingBranch | undefined): boolean {
  if (branch === undefined || revision.kind === 'any') return true;
  if (revision.kind === 'default') return branch.isDefault !== false;
  if (revision.kind === 'pinned') return false;
  return revision.name === branch.name || revision.name === `refs/heads/${branch.name}`;
}

export const defaultRevision: Revision = { kind: 'default' };
export const pinnedRevision: Revision = { kind: 'pinned' };
/** What no controller syncs, but whoever applies it checks out: a helmfile is run on the branch one has (any). */
export const anyRevision: Revision = { kind: 'any' };

/** An Argo CD source's `targetRevision`. */
function argoRevision(targetRevision: JsonValue | undefined): Revision {
  const name = nonEmpty(targetRevision);
  return name === null || name === 'HEAD' ? defaultRevision : { kind: 'named', name };
}

/** A value as an object of `kind` in the API group `group` (any version), or null. */
export function objectOfKind(value: JsonValue, group: string, kind: string): JsonObject | null {
  return isObject(value) && value.kind === kind && typeof value.apiVersion === 'string' && apiGroup(value.apiVersion) === group ? value : null;
}

/** An object's `metadata.name`, '' when it has none. */
export function nameOf(object: JsonObject): string {
  return isObject(object.metadata) && typeof object.metadata.name === 'string' ? object.metadata.name : '';
}

/** A file's path and text. */
export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The URLs that name one repository, in one form: host and path, lower
 * case, without scheme, user, `.git` or trailing slash
 * (`https://github.com/Acme/Shop.git`, `git@github.com:acme/shop` and
 * `ssh://git@github.com/acme/shop` are all `github.com/acme/shop`).
 */
export function repositoryKey(url: string): string | null {
  const text = url.trim();
  const scp = /^[^@/\s]+@([^:/\s]+):(.+)$/.exec(text);
  const parsed = scp !== null ? { host: scp[1]!, path: scp[2]! } : urlParts(text);
  if (parsed === null) return null;
  const path = parsed.path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/i, '');
  return path === '' ? null : `${parsed.host}/${path}`.toLowerCase();
}

function urlParts(text: string): { host: string; path: string } | null {
  try {
    const url = new URL(text);
    return url.hostname === '' ? null : { host: url.hostname, path: url.pathname };
  } catch {
    return null;
  }
}

/** The Application of a document when it installs a chart of this repository that can be rendered as Argo CD would; else null. */
export function applicationChartOf(document: ManifestDocument, repository: ReadonlySet<string>, paths: ReadonlySet<string>): ApplicationChart | null {
  const object = objectOfKind(document.value, 'argoproj.io', 'Application');
  if (object === null) return null;
  const name = nameOf(object);
  const found = argoHelmSource(object, repository, paths);
  if (found === null || name === '') return null;
  const valueLines = entryLines(document, found.valueFileAt);
  return { ...found.chart, kind: 'Application', file: document.file, name, noticeLine: locate(document.source, found.reference).line, valueLines, inline: found.inline, lines: documentLines(document) };
}

/** Values files as an object names them: repository-relative, in order, each with the field of the entry that names it. */
export interface NamedValueFiles {
  readonly files: string[];
  readonly at: FieldPath[];
}

/** The line of each of the fields `at` of an object (at `prefix` in its document): where each values file is named (valueLines). */
export function entryLines(document: ManifestDocument, at: readonly FieldPath[], prefix: FieldPath = []): number[] {
  return at.map((path) => locate(document.source, [...prefix, ...path]).line);
}

/** What an Application object installs, as found by argoHelmSource. */
export interface ArgoHelmSource {
  readonly chart: Omit<ApplicationChart, 'kind' | 'file' | 'name' | 'noticeLine' | 'inline'>;
  /** The field that names the chart, relative to the object. */
  readonly reference: FieldPath;
  /** The entry that names each of the chart's `valueFiles`, relative to the object. */
  readonly valueFileAt: readonly FieldPath[];
  /** Its inline values, relative to the object; null for none. */
  readonly inline: FieldPath | null;
}

/**
 * The chart of this repository an Application object (or one an
 * ApplicationSet makes) has Argo CD render, with its release name,
 * namespace, values files, inline values and revision; null when it
 * installs none that can be rendered as Argo CD would.
 */
export function argoHelmSource(object: JsonObject, repository: ReadonlySet<string>, paths: ReadonlySet<string>): ArgoHelmSource | null {
  const reference = chartReferenceOf(String(object.apiVersion), 'Application', object);
  const name = nameOf(object);
  const spec = isObject(object.spec) ? object.spec : null;
  // The source the notice names: a `helm` one with a `path` (a chart from a chart repository is never fetched).
  const sourcePath = reference?.path.slice(0, -1);
  const source = sourcePath === undefined ? undefined : valueAt(object, sourcePath);
  if (reference === null || spec === null || !isObject(source) || reference.path[reference.path.length - 1] !== 'helm') return null;
  const repoKey = typeof source.repoURL === 'string' ? repositoryKey(source.repoURL) : null;
  if (repoKey === null || !repository.has(repoKey) || typeof source.path !== 'string' || !isObject(source.helm)) return null;
  const chartDir = repositoryPath('', source.path);
  if (chartDir === null) return null;
  if (!paths.has(inDir(chartDir, 'Chart.yaml'))) return null;
  const helm = source.helm;
  // Parameters are `--set` values, with their own rules for types and escapes: not rendered here.
  if (nonEmptyList(helm.parameters) || nonEmptyList(helm.fileParameters)) return null;
  const valueFiles = valueFilesOf(chartDir, helm, paths, sourceRefs(spec, repository), [...sourcePath!, 'helm', 'valueFiles']);
  const capabilities = capabilitiesOf(helm.kubeVersion, helm.apiVersions);
  if (valueFiles === null || capabilities === null) return null;
  const destination = isObject(spec.destination) ? spec.destination : {};
  const inline = isObject(helm.valuesObject) ? [...sourcePath!, 'helm', 'valuesObject'] : typeof helm.values === 'string' && helm.values.trim() !== '' ? [...sourcePath!, 'helm', 'values'] : null;
  return {
    chart: {
      chartDir,
      release: nonEmpty(helm.releaseName) ?? name,
      // `helm.namespace` is the namespace to template with; else the destination's.
      namespace: nonEmpty(helm.namespace) ?? nonEmpty(destination.namespace),
      valueFiles: valueFiles.files,
      revision: argoRevision(source.targetRevision),
      ...(capabilities !== undefined ? { capabilities } : {}),
    },
    reference: reference.path,
    valueFileAt: valueFiles.at,
    inline,
  };
}

/**
 * The `ref` names of an Application's sources that are this repository
 * (`$values/envs/prod.yaml` is then `envs/prod.yaml` of it, from its root).
 */
function sourceRefs(spec: JsonObject, repository: ReadonlySet<string>): ReadonlySet<string> {
  const refs = new Set<string>();
  for (const source of Array.isArray(spec.sources) ? spec.sources : []) {
    if (!isObject(source) || typeof source.ref !== 'string' || typeof source.repoURL !== 'string') continue;
    const key = repositoryKey(source.repoURL);
    if (key !== null && repository.has(key)) refs.add(source.ref);
  }
  return refs;
}

/**
 * `helm.valueFiles`, relative to the chart's folder (or, through the `ref`
 * of a source of this repository, to its root), as repository paths; null
 * when one cannot be rendered here (a `$ref` of another repository, a URL,
 * one outside the repository, or one the commit lacks that Argo CD would
 * not skip). `at`: where the list is in the object.
 */
function valueFilesOf(chartDir: string, helm: JsonObject, paths: ReadonlySet<string>, refs: ReadonlySet<string>, at: FieldPath): NamedValueFiles | null {
  const named: NamedValueFiles = { files: [], at: [] };
  if (helm.valueFiles === undefined || helm.valueFiles === null) return named;
  if (!Array.isArray(helm.valueFiles)) return null;
  const ignoreMissing = helm.ignoreMissingValueFiles === true;
  for (const [index, entry] of helm.valueFiles.entries()) {
    if (typeof entry !== 'string' || /^[a-z]+:\/\//i.test(entry)) return null;
    const ref = /^\$([^/]+)\/(.*)$/.exec(entry);
    if (entry.startsWith('$') && (ref === null || !refs.has(ref[1]!))) return null;
    const path = ref === null ? repositoryPath(chartDir, entry) : repositoryPath('', ref[2]!);
    if (path === null || path === '') return null;
    if (paths.has(path)) {
      named.files.push(path);
      named.at.push([...at, index]);
    } else if (!ignoreMissing) return null;
  }
  return named;
}

/**
 * The capabilities an installer names for helm (a Kubernetes version, API
 * versions), undefined when it names none, null when they are not a string
 * and a list of strings (not rendered: the controller would refuse them).
 */
export function capabilitiesOf(kubeVersion: JsonValue | undefined, apiVersions: JsonValue | undefined): Capabilities | null | undefined {
  const absent = (value: JsonValue | undefined) => value === undefined || value === null;
  if (!absent(kubeVersion) && typeof kubeVersion !== 'string') return null;
  const version = typeof kubeVersion === 'string' && kubeVersion !== '' ? kubeVersion : null;
  let versions: string[] = [];
  if (!absent(apiVersions)) {
    if (!Array.isArray(apiVersions) || !apiVersions.every((v) => typeof v === 'string' && v !== '')) return null;
    versions = apiVersions as string[];
  }
  return version === null && versions.length === 0 ? undefined : { kubeVersion: version, apiVersions: versions };
}

/** A path as an Application names it, relative to a folder, or to the repository's root when it starts with `/`; null when it leaves the repository. */
export function repositoryPath(dir: string, reference: string): string | null {
  return reference.startsWith('/') ? joinPath('', reference.replace(/^\/+/, '')) : joinPath(dir, reference);
}

export const nonEmptyList = (value: JsonValue | undefined) => Array.isArray(value) && value.length > 0;

export const nonEmpty = (value: JsonValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The object a chart is rendered for in a document: an Application (or
 * ApplicationSet, or HelmRelease) by its kind and name, a helmfile's
 * release by its name; null when the document holds none.
 */
export function installerObject(value: JsonValue, { kind, name }: Pick<ApplicationValues, 'kind' | 'name'>): JsonObject | null {
  // A Fleet bundle's fleet.yaml is the bundle (its name is its folder).
  if (kind === 'FleetBundle') return isObject(value) ? value : null;
  if (kind === 'HelmfileRelease') {
    const releases = isObject(value) ? value.releases : undefined;
    const release = Array.isArray(releases) ? releases.find((r) => isObject(r) && r.name === name) : undefined;
    return isObject(release) ? release : null;
  }
  return isObject(value) && value.kind === kind && nameOf(value) === name ? value : null;
}

/** That object in the first document of a file's text that holds it; null when none does (the commit predates it). */
export function installerIn(file: string, text: string, installer: Pick<ApplicationValues, 'kind' | 'name'>): JsonObject | null {
  return installerAmong(loadManifestFile(file, text).documents, installer);
}

/** installerIn for a file's documents, read once for several installers. */
export function installerAmong(documents: readonly ManifestDocument[], installer: Pick<ApplicationValues, 'kind' | 'name'>): JsonObject | null {
  for (const document of documents) {
    const object = installerObject(document.value, installer);
    if (object !== null) return object;
  }
  return null;
}

/**
 * The inline values of an Application (or HelmRelease) in a file's text,
 * as a values file helm reads: a mapping (`helm.valuesObject`, a
 * HelmRelease's `values`) as its JSON (a YAML file too), `helm.values` as
 * it is written, `{}` when it has none. Null when the file holds no such
 * object (the commit predates it).
 */
export function applicationValuesIn(file: string, text: string, application: ApplicationValues, fill?: InlineFill): string | null {
  const object = installerIn(file, text, application);
  return object === null ? null : inlineValuesText(object, application.inline, fill);
}

/**
 * An object's inline values at `inline` as a values file helm reads: a
 * mapping as its JSON, a `values` text as written, `{}` for none; filled
 * with an ApplicationSet's Application's parameters (`fill`), as Argo CD
 * fills them. Null when they are not filled here.
 */
export function inlineValuesText(object: JsonObject, inline: FieldPath | null, fill?: InlineFill): string | null {
  const written = inline === null ? undefined : valueAt(object, inline);
  const values = fill === undefined || written === undefined ? written : filledInline(written, fill);
  if (fill !== undefined && written !== undefined && values === undefined) return null;
  if (typeof values === 'string') return values;
  return isObject(values) ? JSON.stringify(values) : '{}';
}
