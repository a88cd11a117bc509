/**
 * Helm: the template line that writes a rendered field, and the values
 * line when the value comes from `.Values` (pure). `helm template` heads
 * each document with `# Source: <chart>/templates/x.yaml`; the field is
 * found in that template by its key path (templateLines.ts), then in the
 * values files, the last that defines the key winning, as in helm.
 */
import { locate } from '../locate/locate.js';
import { loadManifestFile } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { FieldPath, JsonValue } from '../pss/types.js';
import type { SourceHit } from './kustomizeMap.js';
import { findInTemplate } from './templateLines.js';
import { translatePath, valueAt } from './walk.js';

export interface HelmHits {
  /** The template line writing the field, when the whole path was found. */
  readonly template: SourceHit | null;
  /** The values line holding the value, when the template takes it from `.Values` and the value is the rendered one. */
  readonly values: SourceHit | null;
}

/** The `# Source:` comment above each line of `helm template` output: line → template path inside the chart. */
export function sourceComments(text: string): (line: number) => string | null {
  const starts: { line: number; path: string }[] = [];
  text.split('\n').forEach((line, i) => {
    const match = /^# Source: [^/]+\/(.+?)\s*$/.exec(line);
    if (match) starts.push({ line: i + 1, path: match[1]! });
  });
  return (line) => {
    let found: string | null = null;
    for (const start of starts) {
      if (start.line > line) break;
      found = start.path;
    }
    return found;
  };
}

export interface HelmSources {
  readonly chartDir: string;
  /** Values files in helm's order: the chart's values.yaml, then each --values. */
  readonly valuesFiles: readonly string[];
  readonly texts: ReadonlyMap<string, string>;
}

export function helmLocator(sources: HelmSources): (template: string, path: FieldPath, rendered: JsonValue) => HelmHits {
  const prefix = sources.chartDir === '' ? '' : `${sources.chartDir}/`;
  const values = sources.valuesFiles.flatMap((file) => {
    const text = sources.texts.get(file);
    const document: ManifestDocument | undefined = text === undefined ? undefined : loadManifestFile(file, text).documents[0];
    return document ? [{ file, document }] : [];
  });
  return (template, path, rendered) => {
    const file = `${prefix}${template}`;
    const text = sources.texts.get(file);
    if (text === undefined) return { template: null, values: null };
    const hit = findInTemplate(text, path, rendered);
    const templateHit = hit.exact ? { file, line: hit.line, column: 1 } : null;
    if (hit.values === null) return { template: templateHit, values: null };
    const { key, from } = hit.values;
    const renderedPart = valueAt(rendered, path.slice(0, from));
    for (const { file: valuesFile, document } of [...values].reverse()) {
      const part = valueAt(document.value, key);
      if (part === undefined || renderedPart === undefined) continue;
      // Named lists in values (containers, env) are followed by name, as in the rendered object; the value must be the rendered one.
      const inside = translatePath(renderedPart, part, path.slice(from), true);
      if (inside === null) continue;
      const where = locate(document.source, [...key, ...inside]);
      if (where.exact) return { template: templateHit, values: { file: valuesFile, line: where.line, column: where.column } };
    }
    return { template: templateHit, values: null };
  };
}
