/**
 * Rancher Fleet's bundles (pure). A folder with a `fleet.yaml` is a bundle;
 * when it installs a Helm chart (`helm:`, or a Chart.yaml in its folder) and names a
 * kustomization (`kustomize.dir`, at the top or in a
 * `targetCustomizations` entry), Fleet runs that kustomization over what
 * the chart renders, as a post-renderer: it patches the chart's objects
 * and has no resources of its own, so kustomize alone fails on it ("no
 * matches for Id Deployment…"). Such an overlay is not rendered alone; a
 * notice names the bundle (discover.ts). Without `helm:`, Fleet builds the
 * kustomization as kustomize does, and so is it rendered here.
 */
import { parse } from 'yaml';
import { isObject } from '../pss/pod.js';
import type { JsonObject, JsonValue } from '../pss/types.js';
import { dirOf, inDir, joinPath, shownDir } from './paths.js';
import { locate } from '../locate/locate.js';
import { loadManifestFile } from '../manifests/load.js';
import type { LoadProblem } from '../manifests/types.js';

/** The name of a bundle's file. */
export const fleetFileName = 'fleet.yaml';

/** Whether a path is a bundle's `fleet.yaml`. */
function isFleetFile(path: string): boolean {
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
    if (!isFleetFile(file)) continue;
    let bundle: JsonValue;
    try {
      bundle = parse(text) as JsonValue;
    } catch {
      // A fleet.yaml Fleet cannot read either: the kustomizations are rendered as any other.
      continue;
    }
    if (!isObject(bundle) || !installsChart(file, bundle, paths)) continue;
    const customizations = Array.isArray(bundle.targetCustomizations) ? bundle.targetCustomizations : [];
    for (const at of [bundle, ...customizations]) {
      const dir = isObject(at) && isObject(at.kustomize) ? at.kustomize.dir : undefined;
      if (typeof dir !== 'string' || dir.trim() === '') continue;
      const resolved = joinPath(dirOf(file), dir.trim());
      if (resolved !== null) overlays.set(resolved, file);
    }
  }
  return overlays;
}

/** What a bundle's `helm:` gives its chart that no rendering here reads, by the key that says it. */
function unreadValues(helm: JsonObject, customizations: readonly JsonValue[]): string[] {
  const unread: string[] = [];
  if (isObject(helm.values) && Object.keys(helm.values).length > 0) unread.push('`helm.values`');
  for (const key of ['valuesFiles', 'valuesFrom'] as const) if (Array.isArray(helm[key]) && helm[key].length > 0) unread.push(`\`helm.${key}\``);
  if (customizations.some((c) => isObject(c) && isObject(c.helm))) unread.push('`targetCustomizations[].helm`');
  return unread;
}

/**
 * The notices of the bundles among `changed` that install a chart: one
 * from elsewhere (`helm.repo`, a URL) is rendered by Fleet in the cluster
 * and never fetched here; one of the repository is rendered as itself, so
 * the values the bundle gives it are named as not read. On the `helm:`
 * line of the `fleet.yaml`.
 */
export function fleetNotices(texts: ReadonlyMap<string, string>, changed: ReadonlySet<string>, paths: ReadonlySet<string>): LoadProblem[] {
  const notices: LoadProblem[] = [];
  for (const [file, text] of texts) {
    if (!changed.has(file) || !isFleetFile(file)) continue;
    const [document] = loadManifestFile(file, text).documents;
    const bundle = document?.value;
    if (document === undefined || !isObject(bundle) || !installsChart(file, bundle, paths)) continue;
    const helm = isObject(bundle.helm) ? bundle.helm : {};
    const line = locate(document.source, [isObject(bundle.helm) ? 'helm' : 'targetCustomizations']).line;
    const chart = typeof helm.chart === 'string' ? helm.chart.trim() : '';
    const repo = typeof helm.repo === 'string' ? helm.repo.trim() : '';
    if (repo !== '' || /^[a-z][a-z0-9+.-]*:/i.test(chart)) {
      const named = repo === '' ? `\`${chart}\`` : `\`${chart}\` from \`${repo}\``;
      notices.push({ file, line, kind: 'not-rendered', message: `Fleet bundle not rendered: Fleet renders its chart (${named}) with its values in the cluster, so the pod specs it makes are not checked here` });
      continue;
    }
    const dir = joinPath(dirOf(file), chart === '' ? '.' : chart);
    const customizations = Array.isArray(bundle.targetCustomizations) ? bundle.targetCustomizations : [];
    const unread = unreadValues(helm, customizations);
    if (dir === null || !paths.has(inDir(dir, 'Chart.yaml')) || unread.length === 0) continue;
    const what = unread.join(', ');
    notices.push({ file, line, kind: 'not-rendered', message: `Fleet installs the chart \`${shownDir(dir)}\` with this bundle's values (${what}), which are not read here: the chart is checked with its own values.yaml only` });
  }
  return notices;
}
