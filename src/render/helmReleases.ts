/**
 * Flux HelmReleases that install a chart of this repository (pure): one
 * whose chart (`spec.chart.spec.chart`) is a path of a GitRepository that is
 * this repository has Flux render that chart with the release's own
 * settings, and it is rendered here with them too (applications.ts says
 * how such renderings are made and placed). Only what is certain is: a
 * GitRepository not found here, values from the cluster (`valuesFrom`),
 * patches of the output (`postRenderers`), variables a Flux Kustomization
 * substitutes, or `valuesFiles` that replace the chart's values.yaml keep
 * the notice.
 */
import { substitutedVariable } from '../manifests/substitution.js';
import { locate } from '../locate/locate.js';
import { loadManifestFile } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { chartReferenceOf } from '../workloads/charts.js';
import { defaultRevision, documentLines, entryLines, nonEmpty, nonEmptyList, objectOfKind, pinnedRevision, repositoryKey, repositoryPath } from './applications.js';
import type { ApplicationChart, InstallerRefusal, NamedValueFiles, Revision, TextFile } from './applications.js';
import { inDir } from './paths.js';

/** A Flux GitRepository's `ref`: a branch is named; a tag, a semver range, a commit or a ref name are pinned. */
function fluxRevision(ref: JsonValue | undefined): Revision {
  if (!isObject(ref)) return defaultRevision;
  if (nonEmpty(ref.tag) ?? nonEmpty(ref.semver) ?? nonEmpty(ref.commit) ?? nonEmpty(ref.name)) return pinnedRevision;
  const branch = nonEmpty(ref.branch);
  return branch === null ? defaultRevision : { kind: 'named', name: branch };
}

/** Flux GitRepositories by name: the namespace each is in (null: none written), whether its URL is this repository, and what it syncs. */
export type GitRepositories = ReadonlyMap<string, readonly GitRepository[]>;

interface GitRepository {
  readonly namespace: string | null;
  readonly ours: boolean;
  readonly revision: Revision;
}

/** The Flux GitRepositories of some files, with whether each is this repository (`repository`: its keys, repositoryKey). */
export function gitRepositoriesIn(files: readonly TextFile[], repository: ReadonlySet<string>): GitRepositories {
  const byName = new Map<string, GitRepository[]>();
  for (const { path, text } of files) {
    if (!/\bGitRepository\b/.test(text)) continue;
    for (const document of loadManifestFile(path, text).documents) {
      const value = objectOfKind(document.value, 'source.toolkit.fluxcd.io', 'GitRepository');
      if (value === null) continue;
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


/** Whether any string of a value (keys too) holds such a variable. */
function hasVariable(value: JsonValue): boolean {
  if (typeof value === 'string') return substitutedVariable.test(value);
  if (Array.isArray(value)) return value.some(hasVariable);
  if (isObject(value)) return Object.entries(value).some(([key, inner]) => substitutedVariable.test(key) || hasVariable(inner ?? null));
  return false;
}

/** Helm's limit on a release name. */
const maxReleaseName = 53;

/**
 * The HelmRelease of a document when it installs a chart of this repository
 * that can be rendered as Flux would; else null when it is no such release,
 * or why its chart of this repository is not rendered.
 */
export function helmReleaseChartOf(document: ManifestDocument, sources: GitRepositories, paths: ReadonlySet<string>): ApplicationChart | InstallerRefusal | null {
  const object = objectOfKind(document.value, 'helm.toolkit.fluxcd.io', 'HelmRelease');
  if (object === null) return null;
  const reference = chartReferenceOf(String(object.apiVersion), 'HelmRelease', object);
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const name = nonEmpty(metadata.name);
  const spec = isObject(object.spec) ? object.spec : null;
  const template = spec !== null && isObject(spec.chart) && isObject(spec.chart.spec) ? spec.chart.spec : null;
  if (reference === null || name === null || spec === null || template === null || !isObject(template.sourceRef)) return null;
  const releaseNamespace = nonEmpty(metadata.namespace);
  const revision = ourRevision(template.sourceRef, releaseNamespace, sources);
  if (revision === null) return null;
  const chart = nonEmpty(template.chart);
  const chartDir = chart === null ? null : repositoryPath('', chart);
  if (chartDir === null || !paths.has(inDir(chartDir, 'Chart.yaml'))) return null;
  // A chart of this repository: what stops it is said with its notice.
  const refused = (why: string): InstallerRefusal => ({ refused: why, line: locate(document.source, reference.path).line });
  // Values from the cluster, and patches of the output, are not known here; nor what a Flux
  // Kustomization's postBuild substitutes for `${VAR}` before the object reaches the cluster.
  if (nonEmptyList(spec.valuesFrom)) return refused('its `valuesFrom` reads values from ConfigMaps or Secrets in the cluster');
  if (nonEmptyList(spec.postRenderers)) return refused('its `postRenderers` change what helm writes');
  if (hasVariable(object)) return refused('a Flux Kustomization substitutes its `${…}` variables before it reaches the cluster');
  const valueFiles = releaseValueFiles(chartDir, template, paths);
  if (valueFiles === null) return null;
  const valueLines = entryLines(document, valueFiles.at);
  const targetNamespace = nonEmpty(spec.targetNamespace);
  // Flux names the release `[targetNamespace-]name` unless `releaseName` does; past Helm's
  // 53 characters it shortens the name with a hash of it (helm-controller's ShortenName): not rendered.
  const release = nonEmpty(spec.releaseName) ?? (targetNamespace === null ? name : `${targetNamespace}-${name}`);
  if (release.length > maxReleaseName) return refused('Flux shortens its release name, over 53 characters, with a hash');
  return {
    kind: 'HelmRelease',
    file: document.file,
    name,
    noticeLine: locate(document.source, reference.path).line,
    chartDir,
    release,
    namespace: targetNamespace ?? releaseNamespace,
    valueFiles: valueFiles.files,
    valueLines,
    inline: isObject(spec.values) ? ['spec', 'values'] : null,
    revision,
    lines: documentLines(document),
  };
}


/**
 * A HelmRelease chart's `valuesFiles` (or `valuesFile`), relative to the
 * source's root, as the helm files to give after the chart's values.yaml;
 * null when they cannot be. Flux merges them into the chart's values in
 * place of its values.yaml: only a list that starts with it reads as helm
 * reads it. Missing ones are skipped when `ignoreMissingValuesFiles` says so.
 */
function releaseValueFiles(chartDir: string, template: JsonObject, paths: ReadonlySet<string>): NamedValueFiles | null {
  if (template.valuesFiles !== undefined && template.valuesFiles !== null && !Array.isArray(template.valuesFiles)) return null;
  // A list's entries by their index; the one `valuesFile` by its key.
  const list = Array.isArray(template.valuesFiles) ? template.valuesFiles : null;
  const listed = list ?? (typeof template.valuesFile === 'string' ? [template.valuesFile] : []);
  const entryAt = (index: number): FieldPath => (list !== null ? [...templateAt, 'valuesFiles', index] : [...templateAt, 'valuesFile']);
  const ignoreMissing = template.ignoreMissingValuesFiles === true;
  const named: NamedValueFiles = { files: [], at: [] };
  for (const [index, entry] of listed.entries()) {
    const path = typeof entry === 'string' ? repositoryPath('', entry) : null;
    if (path === null) return null;
    if (paths.has(path)) {
      named.files.push(path);
      named.at.push(entryAt(index));
    } else if (!ignoreMissing) return null;
  }
  if (named.files.length === 0) return named;
  // The chart's values.yaml, first, is what helm reads anyway.
  return named.files[0] === inDir(chartDir, 'values.yaml') ? { files: named.files.slice(1), at: named.at.slice(1) } : null;
}

/** Where a HelmRelease's chart template is in the object. */
const templateAt: FieldPath = ['spec', 'chart', 'spec'];

