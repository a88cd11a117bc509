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
 * `charts/` (its alias, or its name) a template is in, asked with
 * `template` as helm's `# Source:` comments give it, past the chart's own
 * name (`charts/frr-k8s/templates/daemonset.yaml`). The chart's
 * declarations are read once, when first asked, however many findings ask.
 */
export function dependencyLines(chartDir: string, texts: ReadonlyMap<string, string>): (template: string) => DependencyLine | null {
  let byFolder: Map<string, DependencyLine> | undefined;
  return (template) => {
    const folder = /^charts\/([^/]+)\//.exec(template)?.[1];
    if (folder === undefined) return null;
    byFolder ??= declaredLines(chartDir, texts);
    return byFolder.get(folder) ?? null;
  };
}

/** Each declared dependency's entry line by its folder in `charts/`: Chart.yaml's first, then a v1 chart's requirements.yaml's. */
function declaredLines(chartDir: string, texts: ReadonlyMap<string, string>): Map<string, DependencyLine> {
  const lines = new Map<string, DependencyLine>();
  for (const file of [inDir(chartDir, 'Chart.yaml'), inDir(chartDir, 'requirements.yaml')]) {
    const text = texts.get(file);
    const document = text === undefined ? undefined : loadManifestFile(file, text).documents[0];
    const dependencies = isObject(document?.value) ? document.value.dependencies : undefined;
    if (document === undefined || !Array.isArray(dependencies)) continue;
    dependencies.forEach((entry, index) => {
      // Helm names the folder after the alias when there is one, else after the name.
      const folder = isObject(entry) ? (entry.alias ?? entry.name) : undefined;
      if (typeof folder === 'string' && !lines.has(folder)) lines.set(folder, { file, line: locate(document.source, ['dependencies', index]).line });
    });
  }
  return lines;
}
