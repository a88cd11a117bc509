/**
 * GitOps objects that install a chart of this repository (pure): an Argo
 * CD Application whose Helm source is a `path` of the repository it lives
 * in, or a Flux HelmRelease whose chart is a path of a GitRepository that
 * is this repository. The controller renders that chart with the object's
 * own settings: its release name, its namespace, its values files and its
 * inline values. Such a chart is rendered here with them too (a rendering
 * of its own, `charts/web (Application web-prod)`), instead of the notice
 * that the object's pod specs are not checked (workloads/charts.ts).
 *
 * Only what is certain is rendered: a source in another repository, a
 * chart from a chart repository, Argo CD `parameters`, a values file
 * through the `$ref` of a source in another repository, or one the commit
 * lacks; a HelmRelease whose GitRepository is not found here, or that takes
 * values from the cluster (`valuesFrom`), patches its output
 * (`postRenderers`) or replaces the chart's values.yaml (`valuesFiles`
 * that do not start with it) keep the notice.
 */
import { apiGroup } from '../workloads/kinds.js';
import { locate } from '../locate/locate.js';
import { loadManifestFile } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import type { ApplicationValues, InstallerKind } from './types.js';
import type { LandingBranch } from '../diff/types.js';
import { chartReferenceOf } from '../workloads/charts.js';
import { inDir, joinPath } from './paths.js';
import { valueAt } from './walk.js';

/** An Application (or HelmRelease) that installs a chart of this repository, as its rendering needs it. */
export interface ApplicationChart {
  /** What the object is: an Argo CD Application or a Flux HelmRelease. */
  readonly kind: InstallerKind;
  /** The file the Application is in (at head). */
  readonly file: string;
  /** Its `metadata.name`: how each side's file is searched for it. */
  readonly name: string;
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
  /** The inline values (`helm.valuesObject`, else `helm.values`), by their path in the Application object; null for none. */
  readonly inline: FieldPath | null;
  /** What its controller syncs of the repository. */
  readonly revision: Revision;
}

/**
 * What a GitOps object syncs of its repository: the default branch (Argo
 * CD's `HEAD` or no `targetRevision`; a Flux GitRepository without `ref`),
 * a named revision (Argo CD's `targetRevision: main`, a branch or a tag; a
 * GitRepository's `ref.branch`), or a pinned one (a GitRepository's tag,
 * semver range or commit).
 */
export type Revision = { readonly kind: 'default' } | { readonly kind: 'named'; readonly name: string } | { readonly kind: 'pinned' };

/**
 * Whether an object that syncs `revision` installs what a change landing on
 * `branch` makes: only then is its chart rendered for the change. Unknown
 * where the change lands (a commit compared with another), every object does.
 */
export function tracks(revision: Revision, branch: LandingBranch | undefined): boolean {
  if (branch === undefined) return true;
  if (revision.kind === 'default') return branch.isDefault !== false;
  if (revision.kind === 'pinned') return false;
  return revision.name === branch.name || revision.name === `refs/heads/${branch.name}`;
}

const defaultRevision: Revision = { kind: 'default' };
const pinnedRevision: Revision = { kind: 'pinned' };

/** An Argo CD source's `targetRevision`. */
function argoRevision(targetRevision: JsonValue | undefined): Revision {
  const name = nonEmpty(targetRevision);
  return name === null || name === 'HEAD' ? defaultRevision : { kind: 'named', name };
}

/** A Flux GitRepository's `ref`: a branch is named; a tag, a semver range, a commit or a ref name are pinned. */
function fluxRevision(ref: JsonValue | undefined): Revision {
  if (!isObject(ref)) return defaultRevision;
  if (nonEmpty(ref.tag) ?? nonEmpty(ref.semver) ?? nonEmpty(ref.commit) ?? nonEmpty(ref.name)) return pinnedRevision;
  const branch = nonEmpty(ref.branch);
  return branch === null ? defaultRevision : { kind: 'named', name: branch };
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

/** A file's path and text. */
export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** Only a file that names one of these kinds is read as YAML here. */
const namesInstaller = /\bkind:\s*["']?(?:Application|HelmRelease|GitRepository)\b/;

/**
 * The Applications and HelmReleases of some files that install a chart of
 * this repository (`repository`: repositoryKey of each URL it is known by;
 * `paths`: every file of the tree at head, to find the chart and its values
 * files). A HelmRelease's GitRepository is looked for in `known` (the files
 * themselves when not given): the files of the head commit that name one.
 */
export function applicationCharts(files: readonly TextFile[], repository: ReadonlySet<string>, paths: ReadonlySet<string>, known: readonly TextFile[] = files): ApplicationChart[] {
  if (repository.size === 0) return [];
  let sources: GitRepositories | undefined;
  const found: ApplicationChart[] = [];
  for (const { path, text } of files) {
    if (!namesInstaller.test(text)) continue;
    for (const document of loadManifestFile(path, text).documents) {
      const application = applicationChartOf(document, repository, paths) ?? helmReleaseChartOf(document, (sources ??= gitRepositoriesIn(known, repository)), paths);
      if (application !== null) found.push(application);
    }
  }
  return found;
}

/** Flux GitRepositories by name: the namespace each is in (null: none written), whether its URL is this repository, and what it syncs. */
type GitRepositories = ReadonlyMap<string, readonly GitRepository[]>;

interface GitRepository {
  readonly namespace: string | null;
  readonly ours: boolean;
  readonly revision: Revision;
}

function gitRepositoriesIn(files: readonly TextFile[], repository: ReadonlySet<string>): GitRepositories {
  const byName = new Map<string, GitRepository[]>();
  for (const { path, text } of files) {
    if (!/\bGitRepository\b/.test(text)) continue;
    for (const { value } of loadManifestFile(path, text).documents) {
      if (!isObject(value) || value.kind !== 'GitRepository' || typeof value.apiVersion !== 'string' || apiGroup(value.apiVersion) !== 'source.toolkit.fluxcd.io') continue;
      const metadata = isObject(value.metadata) ? value.metadata : {};
      const name = nonEmpty(metadata.name);
      const url = isObject(value.spec) ? nonEmpty(value.spec.url) : null;
      if (name === null) continue;
      const key = url === null ? null : repositoryKey(url);
      const revision = fluxRevision(isObject(value.spec) ? value.spec.ref : undefined);
      byName.set(name, [...(byName.get(name) ?? []), { namespace: nonEmpty(metadata.namespace), ours: key !== null && repository.has(key), revision }]);
    }
  }
  return byName;
}

/**
 * What a HelmRelease's `sourceRef` syncs of this repository, when it is a
 * GitRepository of it: every GitRepository of that name in a namespace it
 * may be in (one with no namespace written may be in any) has this
 * repository's URL, and there is one; else null. When they sync different
 * revisions, which one is not known: pinned.
 */
function ourRevision(sourceRef: JsonObject, releaseNamespace: string | null, sources: GitRepositories): Revision | null {
  const name = nonEmpty(sourceRef.name);
  if (sourceRef.kind !== 'GitRepository' || name === null) return null;
  const namespace = nonEmpty(sourceRef.namespace) ?? releaseNamespace;
  const candidates = (sources.get(name) ?? []).filter((source) => namespace === null || source.namespace === null || source.namespace === namespace);
  if (candidates.length === 0 || !candidates.every((source) => source.ours)) return null;
  const [first] = candidates;
  const same = candidates.every((source) => JSON.stringify(source.revision) === JSON.stringify(first!.revision));
  return same ? first!.revision : pinnedRevision;
}

/** A variable a Flux Kustomization's `postBuild` substitutes (`${CLUSTER_DOMAIN}`, `${LOG_LEVEL:=info}`). */
const variable = /\$\{[^}]*\}/;

/** Whether any string of a value (keys too) holds such a variable. */
function hasVariable(value: JsonValue): boolean {
  if (typeof value === 'string') return variable.test(value);
  if (Array.isArray(value)) return value.some(hasVariable);
  if (isObject(value)) return Object.entries(value).some(([key, inner]) => variable.test(key) || hasVariable(inner ?? null));
  return false;
}

/** Helm's limit on a release name. */
const maxReleaseName = 53;

/** The HelmRelease of a document when it installs a chart of this repository that can be rendered as Flux would; else null. */
function helmReleaseChartOf(document: ManifestDocument, sources: GitRepositories, paths: ReadonlySet<string>): ApplicationChart | null {
  const object = document.value;
  if (!isObject(object) || typeof object.apiVersion !== 'string' || object.kind !== 'HelmRelease' || apiGroup(object.apiVersion) !== 'helm.toolkit.fluxcd.io') return null;
  const reference = chartReferenceOf(object.apiVersion, object.kind, object);
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const name = nonEmpty(metadata.name);
  const spec = isObject(object.spec) ? object.spec : null;
  const template = spec !== null && isObject(spec.chart) && isObject(spec.chart.spec) ? spec.chart.spec : null;
  if (reference === null || name === null || spec === null || template === null || !isObject(template.sourceRef)) return null;
  // Values from the cluster, and patches of the output, are not known here; nor what a Flux
  // Kustomization's postBuild substitutes for `${VAR}` before the object reaches the cluster.
  if (nonEmptyList(spec.valuesFrom) || nonEmptyList(spec.postRenderers) || hasVariable(object)) return null;
  const releaseNamespace = nonEmpty(metadata.namespace);
  const revision = ourRevision(template.sourceRef, releaseNamespace, sources);
  if (revision === null) return null;
  const chart = nonEmpty(template.chart);
  const chartDir = chart === null ? null : repositoryPath('', chart);
  if (chartDir === null || !paths.has(inDir(chartDir, 'Chart.yaml'))) return null;
  const valueFiles = releaseValueFiles(chartDir, template, paths);
  if (valueFiles === null) return null;
  const targetNamespace = nonEmpty(spec.targetNamespace);
  // Flux names the release `[targetNamespace-]name` unless `releaseName` does; past Helm's
  // 53 characters it shortens the name with a hash of it (helm-controller's ShortenName): not rendered.
  const release = nonEmpty(spec.releaseName) ?? (targetNamespace === null ? name : `${targetNamespace}-${name}`);
  if (release.length > maxReleaseName) return null;
  return {
    kind: 'HelmRelease',
    file: document.file,
    name,
    noticeLine: locate(document.source, reference.path).line,
    chartDir,
    release,
    namespace: targetNamespace ?? releaseNamespace,
    valueFiles,
    inline: isObject(spec.values) ? ['spec', 'values'] : null,
    revision,
  };
}


/**
 * A HelmRelease chart's `valuesFiles` (or `valuesFile`), relative to the
 * source's root, as the helm files to give after the chart's values.yaml;
 * null when they cannot be. Flux merges them into the chart's values in
 * place of its values.yaml: only a list that starts with it reads as helm
 * reads it. Missing ones are skipped when `ignoreMissingValuesFiles` says so.
 */
function releaseValueFiles(chartDir: string, template: JsonObject, paths: ReadonlySet<string>): string[] | null {
  if (template.valuesFiles !== undefined && template.valuesFiles !== null && !Array.isArray(template.valuesFiles)) return null;
  const listed = Array.isArray(template.valuesFiles) ? template.valuesFiles : typeof template.valuesFile === 'string' ? [template.valuesFile] : [];
  const ignoreMissing = template.ignoreMissingValuesFiles === true;
  const files: string[] = [];
  for (const entry of listed) {
    const path = typeof entry === 'string' ? repositoryPath('', entry) : null;
    if (path === null) return null;
    if (paths.has(path)) files.push(path);
    else if (!ignoreMissing) return null;
  }
  if (files.length === 0) return [];
  return files[0] === inDir(chartDir, 'values.yaml') ? files.slice(1) : null;
}

/** The Application of a document when it installs a chart of this repository that can be rendered as Argo CD would; else null. */
export function applicationChartOf(document: ManifestDocument, repository: ReadonlySet<string>, paths: ReadonlySet<string>): ApplicationChart | null {
  const object = document.value;
  if (!isObject(object) || typeof object.apiVersion !== 'string' || object.kind !== 'Application' || apiGroup(object.apiVersion) !== 'argoproj.io') return null;
  const reference = chartReferenceOf(object.apiVersion, object.kind, object);
  const name = isObject(object.metadata) && typeof object.metadata.name === 'string' ? object.metadata.name : '';
  const spec = isObject(object.spec) ? object.spec : null;
  // The source the notice names: a `helm` one with a `path` (a chart from a chart repository is never fetched).
  const sourcePath = reference?.path.slice(0, -1);
  const source = sourcePath === undefined ? undefined : valueAt(object, sourcePath);
  if (reference === null || name === '' || spec === null || !isObject(source) || reference.path[reference.path.length - 1] !== 'helm') return null;
  const repoKey = typeof source.repoURL === 'string' ? repositoryKey(source.repoURL) : null;
  if (repoKey === null || !repository.has(repoKey) || typeof source.path !== 'string' || !isObject(source.helm)) return null;
  const chartDir = repositoryPath('', source.path);
  if (chartDir === null) return null;
  if (!paths.has(inDir(chartDir, 'Chart.yaml'))) return null;
  const helm = source.helm;
  // Parameters are `--set` values, with their own rules for types and escapes: not rendered here.
  if (nonEmptyList(helm.parameters) || nonEmptyList(helm.fileParameters)) return null;
  const valueFiles = valueFilesOf(chartDir, helm, paths, sourceRefs(spec, repository));
  if (valueFiles === null) return null;
  const destination = isObject(spec.destination) ? spec.destination : {};
  const inline = isObject(helm.valuesObject) ? [...sourcePath!, 'helm', 'valuesObject'] : typeof helm.values === 'string' && helm.values.trim() !== '' ? [...sourcePath!, 'helm', 'values'] : null;
  return {
    kind: 'Application',
    file: document.file,
    name,
    noticeLine: locate(document.source, reference.path).line,
    chartDir,
    release: nonEmpty(helm.releaseName) ?? name,
    // `helm.namespace` is the namespace to template with; else the destination's.
    namespace: nonEmpty(helm.namespace) ?? nonEmpty(destination.namespace),
    valueFiles,
    inline,
    revision: argoRevision(source.targetRevision),
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
 * not skip).
 */
function valueFilesOf(chartDir: string, helm: JsonObject, paths: ReadonlySet<string>, refs: ReadonlySet<string>): string[] | null {
  if (helm.valueFiles === undefined || helm.valueFiles === null) return [];
  if (!Array.isArray(helm.valueFiles)) return null;
  const ignoreMissing = helm.ignoreMissingValueFiles === true;
  const files: string[] = [];
  for (const entry of helm.valueFiles) {
    if (typeof entry !== 'string' || /^[a-z]+:\/\//i.test(entry)) return null;
    const ref = /^\$([^/]+)\/(.*)$/.exec(entry);
    if (entry.startsWith('$') && (ref === null || !refs.has(ref[1]!))) return null;
    const path = ref === null ? repositoryPath(chartDir, entry) : repositoryPath('', ref[2]!);
    if (path === null || path === '') return null;
    if (paths.has(path)) files.push(path);
    else if (!ignoreMissing) return null;
  }
  return files;
}

/** A path as an Application names it, relative to a folder, or to the repository's root when it starts with `/`; null when it leaves the repository. */
function repositoryPath(dir: string, reference: string): string | null {
  return reference.startsWith('/') ? joinPath('', reference.replace(/^\/+/, '')) : joinPath(dir, reference);
}

const nonEmptyList = (value: JsonValue | undefined) => Array.isArray(value) && value.length > 0;

const nonEmpty = (value: JsonValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The inline values of an Application (or HelmRelease) found by kind and
 * name in a file's text, as a values file helm reads: a mapping
 * (`helm.valuesObject`, a HelmRelease's `values`) as its JSON (a YAML file
 * too), `helm.values` as it is written, `{}` when it has none. Null when
 * the file holds no such object (the commit predates it).
 */
export function applicationValuesIn(file: string, text: string, { kind, name, inline }: ApplicationValues): string | null {
  for (const document of loadManifestFile(file, text).documents) {
    const object = document.value;
    if (!isObject(object) || object.kind !== kind || !isObject(object.metadata) || object.metadata.name !== name) continue;
    const values = inline === null ? undefined : valueAt(object, inline);
    if (typeof values === 'string') return values;
    return isObject(values) ? JSON.stringify(values) : '{}';
  }
  return null;
}
