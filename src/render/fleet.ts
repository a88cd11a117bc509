/**
 * Rancher Fleet's bundles (pure). A folder with a `fleet.yaml` is a bundle;
 * one that installs a Helm chart (`helm:`, or a Chart.yaml in its folder)
 * of the repository is rendered as Fleet installs it (fleetBundleCharts: an
 * installer, as applications.ts renders Argo CD's and Flux's), once more
 * for each target customization that gives the chart values. A
 * kustomization such a bundle names (`kustomize.dir`, at the top or in a
 * `targetCustomizations` entry) is run by Fleet over what the chart
 * renders, as a post-renderer: it patches the chart's objects and has no
 * resources of its own, so kustomize alone fails on it ("no matches for Id
 * Deployment…"); it is not rendered alone (fleetPostRenderers, discover.ts).
 * What Fleet gives a chart that is not read here keeps a notice
 * (fleetNotices). A bundle without a chart is a kustomization or plain
 * files like any other.
 */
import { isObject } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { dirOf, inDir, joinPath, shownDir } from './paths.js';
import { locate } from '../locate/locate.js';
import { loadManifestFile } from '../manifests/load.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { anyRevision, documentLines, entryLines } from './applications.js';
import type { ApplicationChart, TextFile } from './applications.js';
import { releaseNameOf } from './releaseName.js';

/** The name of a bundle's file. */
const fleetFileName = 'fleet.yaml';

/** Whether a path is a bundle's `fleet.yaml`. */
export function isFleetFile(path: string): boolean {
  return path === fleetFileName || path.endsWith(`/${fleetFileName}`);
}

/**
 * Whether a bundle installs a Helm chart: its `fleet.yaml` says how
 * (`helm:`), or its folder is a chart (Fleet's default `chart: ""`).
 */
function installsChart(file: string, bundle: JsonObject, paths: ReadonlySet<string>): boolean {
  return isObject(bundle.helm) || paths.has(inDir(dirOf(file), 'Chart.yaml'));
}

/** The overlays Fleet runs over a bundle's chart, by folder: the `fleet.yaml` that names each. */
export function fleetPostRenderers(texts: ReadonlyMap<string, string>, paths: ReadonlySet<string>): Map<string, string> {
  const overlays = new Map<string, string>();
  for (const [file, text] of texts) {
    // A fleet.yaml Fleet cannot read either names no post-renderer: its kustomizations are rendered as any other.
    const bundle = bundleOf({ path: file, text }, paths)?.bundle;
    if (bundle === undefined) continue;
    for (const at of [bundle, ...customizationsOf(bundle)]) {
      const dir = isObject(at) && isObject(at.kustomize) ? at.kustomize.dir : undefined;
      if (typeof dir !== 'string' || dir.trim() === '') continue;
      const resolved = joinPath(dirOf(file), dir.trim());
      if (resolved !== null) overlays.set(resolved, file);
    }
  }
  return overlays;
}

/** A bundle's chart when it is one of the repository (`helm.chart`, relative to the `fleet.yaml`, its folder by default); null for one from elsewhere or none. */
function localChartOf(file: string, helm: JsonObject, paths: ReadonlySet<string>): string | null {
  if (isRemote(helm)) return null;
  const chart = textOf(helm.chart);
  const dir = joinPath(dirOf(file), chart === '' ? '.' : chart);
  return dir !== null && paths.has(inDir(dir, 'Chart.yaml')) ? dir : null;
}

/** Whether a bundle's chart comes from elsewhere: a chart repository (`helm.repo`) or a URL. */
function isRemote(helm: JsonObject): boolean {
  return textOf(helm.repo) !== '' || /^[a-z][a-z0-9+.-]*:/i.test(textOf(helm.chart));
}

/** A text setting of a fleet.yaml, trimmed; empty when absent or not a text. */
function textOf(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A bundle's target customizations (none when it has no list of them). */
function customizationsOf(bundle: JsonObject): readonly JsonValue[] {
  return Array.isArray(bundle.targetCustomizations) ? bundle.targetCustomizations : [];
}

/**
 * What a bundle gives its chart that no rendering here reads, by the key
 * that says it: the cluster's ConfigMaps and Secrets, per-cluster settings
 * other than values (targetValues),
 * values files the commit lacks, values files and values both (whose order
 * is Fleet's to say).
 */
function unreadValues(file: string, helm: JsonObject, customizations: readonly JsonValue[], paths: ReadonlySet<string>): string[] {
  const unread: string[] = [];
  if (Array.isArray(helm.valuesFrom) && helm.valuesFrom.length > 0) unread.push('`helm.valuesFrom`');
  if (customizations.some((c) => isObject(c) && isObject(c.helm) && targetValues(c, helm) === null)) unread.push('`targetCustomizations[].helm` other than `values` (or beside `helm.values`)');
  const files = Array.isArray(helm.valuesFiles) ? helm.valuesFiles : [];
  const missing = files.some((f) => typeof f !== 'string' || !paths.has(joinPath(dirOf(file), f) ?? ''));
  if (missing) unread.push('`helm.valuesFiles` the commit lacks');
  else if (files.length > 0 && isObject(helm.values) && Object.keys(helm.values).length > 0) unread.push('`helm.valuesFiles` and `helm.values` together');
  return unread;
}

/**
 * A target customization's name and values, when they are all it gives the
 * chart and the bundle has no `helm.values` they would merge into (one
 * map of inline values is all a rendering reads): Fleet installs the chart
 * with them on the clusters it selects. Null otherwise.
 */
function targetValues(customization: JsonObject, helm: JsonObject): { name: string } | null {
  const own = customization.helm;
  if (!isObject(own) || typeof customization.name !== 'string' || customization.name === '') return null;
  if (Object.keys(own).some((key) => key !== 'values') || !isObject(own.values)) return null;
  return isObject(helm.values) && Object.keys(helm.values).length > 0 ? null : { name: customization.name };
}

/** A bundle's `fleet.yaml` document and object, when it installs a chart. */
function bundleOf({ path, text }: TextFile, paths: ReadonlySet<string>): { document: ManifestDocument; bundle: JsonObject; helm: JsonObject } | null {
  if (!isFleetFile(path)) return null;
  const [document] = loadManifestFile(path, text).documents;
  const bundle = document?.value;
  if (document === undefined || !isObject(bundle) || !installsChart(path, bundle, paths)) return null;
  return { document, bundle, helm: isObject(bundle.helm) ? bundle.helm : {} };
}

/** The line of a bundle's notice: its `helm:`, else its per-cluster settings. */
function noticeLineOf(document: ManifestDocument, bundle: JsonObject): number {
  return locate(document.source, [isObject(bundle.helm) ? 'helm' : 'targetCustomizations']).line;
}

/**
 * A bundle that installs a chart of the repository, as the chart it
 * renders (applications.ts says how such renderings are made and placed):
 * the chart (localChartOf), the release `helm.releaseName` (else the
 * folder's name), the namespace `namespace` (else `defaultNamespace`), and
 * its `helm.valuesFiles` or its `helm.values` (a finding they write lands on
 * their line, with its suggestion there). None when Fleet renders it with
 * what is not read here (unreadValues; fleetNotices says so).
 */
export function fleetBundleCharts(file: TextFile, paths: ReadonlySet<string>): ApplicationChart[] {
  const found = bundleOf(file, paths);
  if (found === null) return [];
  const { document, bundle, helm } = found;
  const chartDir = localChartOf(file.path, helm, paths);
  const customizations = customizationsOf(bundle);
  if (chartDir === null || unreadValues(file.path, helm, customizations, paths).length > 0) return [];
  const dir = dirOf(file.path);
  const valueFiles = (Array.isArray(helm.valuesFiles) ? helm.valuesFiles : []).map((f) => joinPath(dir, String(f))!);
  const namespace = [bundle.namespace, bundle.defaultNamespace].find((n): n is string => typeof n === 'string' && n !== '') ?? null;
  const release = typeof helm.releaseName === 'string' && helm.releaseName !== '' ? helm.releaseName : releaseNameOf(dir === '' ? 'fleet' : dir.slice(dir.lastIndexOf('/') + 1));
  const inline = isObject(helm.values) && Object.keys(helm.values).length > 0;
  const bundleChart: ApplicationChart = {
    kind: 'FleetBundle',
    file: file.path,
    name: dir,
    noticeLine: noticeLineOf(document, bundle),
    chartDir,
    release,
    namespace,
    valueFiles,
    valueLines: entryLines(document, valueFiles.map((_, i) => ['helm', 'valuesFiles', i])),
    inline: inline ? ['helm', 'values'] : null,
    revision: anyRevision,
    lines: documentLines(document),
  };
  // The clusters no customization selects take the bundle as it is; each customization's, its values on top.
  const targets = customizations.flatMap((customization, i) => {
    const target = isObject(customization) && isObject(customization.helm) ? targetValues(customization, helm) : null;
    if (target === null) return [];
    const at: FieldPath = ['targetCustomizations', i, 'helm', 'values'];
    return [{ ...bundleChart, generated: target.name, noticeLine: locate(document.source, at).line, inline: at }];
  });
  return [bundleChart, ...targets];
}

/**
 * The notices of the bundles among `changed` that install a chart and are
 * not rendered: one from elsewhere (`helm.repo`, a URL) is rendered by
 * Fleet in the cluster and never fetched here; one of the repository that
 * Fleet gives what is not read here (unreadValues) is named so, as its
 * chart is checked with its own values.yaml only. On the `helm:` line of
 * the `fleet.yaml` (noticeLineOf).
 */
export function fleetNotices(texts: ReadonlyMap<string, string>, changed: ReadonlySet<string>, paths: ReadonlySet<string>): LoadProblem[] {
  const notices: LoadProblem[] = [];
  for (const [path, text] of texts) {
    if (!changed.has(path)) continue;
    const found = bundleOf({ path, text }, paths);
    if (found === null) continue;
    const { document, bundle, helm } = found;
    const line = noticeLineOf(document, bundle);
    if (isRemote(helm)) {
      const [chart, repo] = [textOf(helm.chart), textOf(helm.repo)];
      const named = repo === '' ? `\`${chart}\`` : `\`${chart}\` from \`${repo}\``;
      notices.push({ file: path, line, kind: 'not-rendered', message: `Fleet bundle not rendered: Fleet renders its chart (${named}) with its values in the cluster, so the pod specs it makes are not checked here` });
      continue;
    }
    const chartDir = localChartOf(path, helm, paths);
    const unread = unreadValues(path, helm, customizationsOf(bundle), paths);
    if (chartDir === null || unread.length === 0) continue;
    notices.push({ file: path, line, kind: 'not-rendered', message: `Fleet bundle not rendered with its values: Fleet installs the chart \`${shownDir(chartDir)}\` with ${unread.join(', ')}, not read here: the chart is checked with its own values.yaml only` });
  }
  return notices;
}
