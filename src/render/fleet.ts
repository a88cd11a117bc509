/**
 * Rancher Fleet's bundles (pure). A folder with a `fleet.yaml` is a bundle;
 * when its `fleet.yaml` installs a Helm chart (`helm:`) and names a
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
import type { JsonValue } from '../pss/types.js';
import { dirOf, joinPath } from './paths.js';

/** The name of a bundle's file. */
export const fleetFileName = 'fleet.yaml';

/** The overlays Fleet runs over a bundle's chart, by folder: the `fleet.yaml` that names each. */
export function fleetPostRenderers(texts: ReadonlyMap<string, string>): Map<string, string> {
  const overlays = new Map<string, string>();
  for (const [file, text] of texts) {
    if (file !== fleetFileName && !file.endsWith(`/${fleetFileName}`)) continue;
    let bundle: JsonValue;
    try {
      bundle = parse(text) as JsonValue;
    } catch {
      // A fleet.yaml Fleet cannot read either: the kustomizations are rendered as any other.
      continue;
    }
    if (!isObject(bundle) || !isObject(bundle.helm)) continue;
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
