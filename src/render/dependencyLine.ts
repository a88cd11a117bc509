/**
 * Where a finding goes that a chart's dependency writes by itself (pure):
 * a template of a vendored archive (metallb's `charts/frr-k8s-0.0.25.tgz`
 * writes `hostNetwork: true` as a literal) has no line in the repository,
 * and no values key sets it. The line a human edits then is the
 * dependency's entry in Chart.yaml (or a v1 chart's requirements.yaml): its
 * version, its condition, or the entry itself. Null when the chart does not
 * declare it there.
 */
import { locate } from '../locate/locate.js';
import { loadManifestFile } from '../manifests/load.js';
import { isObject } from '../pss/pod.js';
import { inDir } from './paths.js';

export interface DependencyLine {
  readonly file: string;
  readonly line: number;
}

/**
 * The line of the `- name:` entry of the dependency whose folder in
 * `charts/` (its alias, or its name) a template is in: `template` as helm's
 * `# Source:` comments give it, past the chart's own name
 * (`charts/frr-k8s/templates/daemonset.yaml`).
 */
export function dependencyLineOf(chartDir: string, template: string, texts: ReadonlyMap<string, string>): DependencyLine | null {
  const folder = /^charts\/([^/]+)\//.exec(template)?.[1];
  if (folder === undefined) return null;
  for (const file of [inDir(chartDir, 'Chart.yaml'), inDir(chartDir, 'requirements.yaml')]) {
    const text = texts.get(file);
    const document = text === undefined ? undefined : loadManifestFile(file, text).documents[0];
    const dependencies = isObject(document?.value) ? document.value.dependencies : undefined;
    if (document === undefined || !Array.isArray(dependencies)) continue;
    // Helm names the folder after the alias when there is one, else after the name.
    const index = dependencies.findIndex((entry) => isObject(entry) && (entry.alias ?? entry.name) === folder);
    if (index < 0) continue;
    const where = locate(document.source, ['dependencies', index]);
    return { file, line: where.line };
  }
  return null;
}
