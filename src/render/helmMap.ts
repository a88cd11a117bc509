/**
 * Helm: the template line that writes a rendered field, and the values
 * line when the value comes from `.Values` (pure). `helm template` heads
 * each document with `# Source: <chart>/templates/x.yaml`; the field is
 * found in that template by its key path (templateLines.ts), then in the
 * values files, the last that defines the key winning, as in helm (and a
 * subchart's values under its name in the charts above it).
 */
import { locate } from '../locate/locate.js';
import { loadManifestFile } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { FieldPath, JsonValue } from '../pss/types.js';
import type { SourceHit } from './kustomizeMap.js';
import type { MapSource } from './mapWriters.js';
import { findInTemplate, namedTemplates } from './templateLines.js';
import type { NamedTemplates, ValuesTruth } from './templateLines.js';
import { translatePath, valueAt } from './walk.js';
import { inDir } from './paths.js';
import { nameEndingsOf } from './nameEndings.js';
import { lastAtMostIn } from '../sortedSearch.js';
import { valuesKeyUnderSameKeys } from './valuesUnderSameKeys.js';
import { mayBeRewritten, valuesRewrites } from './valuesRewrites.js';
import type { ValuesRewrites } from './valuesRewrites.js';

export interface HelmHits {
  /** The template line writing the field, when the whole path was found. */
  readonly template: SourceHit | null;
  /** The values line holding the value, when the template takes it from `.Values` and the value is the rendered one. */
  readonly values: SourceHit | null;
}

/** helm's `# Source: <chart>/<path>` comments in `helm template` output: each one's line, and the template's path inside the chart. */
export function sourceCommentsOf(text: string): { readonly lines: number[]; readonly paths: string[] } {
  const lines: number[] = [];
  const paths: string[] = [];
  text.split('\n').forEach((line, i) => {
    const match = /^# Source: [^/]+\/(.+?)\s*$/.exec(line);
    if (match) {
      lines.push(i + 1);
      paths.push(match[1]!);
    }
  });
  return { lines, paths };
}

/** The `# Source:` comment above each line of `helm template` output: line → template path inside the chart. */
export function sourceComments(text: string): (line: number) => string | null {
  const { lines, paths } = sourceCommentsOf(text);
  // Asked for every finding and, in a diff, every pod spec of the rendering: a search, not a scan.
  return (line) => paths[lastAtMostIn(lines, line)] ?? null;
}

export interface HelmSources {
  readonly chartDir: string;
  /** Values files in helm's order: the chart's values.yaml, then each --values. */
  readonly valuesFiles: readonly string[];
  readonly texts: ReadonlyMap<string, string>;
  /** Texts inside vendored dependency archives (io/render/archives.ts): a subchart's template is read there, but no line in it is one to point at. */
  readonly archived?: ReadonlyMap<string, string>;
  /** Dependencies in folders of the repository (`file://`): the rendering had them in `charts/<name>/`, their files are in `dir`. */
  readonly localDependencies?: readonly { readonly name: string; readonly dir: string }[];
  /** The chart's dependencies taken in under another name, alias → name: helm's `# Source:` paths name them by alias, `charts/` by name. */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * Values helm read after the values files, written inside another file:
   * an Argo CD Application's `helm.valuesObject`, at `within` in the
   * file's `document`-th document (default: its first); or its
   * `helm.values` block, as `text`: the file's lines with all but the
   * block's blank, so that a key's line and column are the file's
   * (`within` is then empty).
   */
  readonly inline?: { readonly file: string; readonly within: FieldPath; readonly text?: string; readonly document?: number };
}

/**
 * The repository path of a path in the chart as helm rendered it
 * (`templates/pod.yaml`, `charts/common/templates/_helpers.tpl`): under the
 * chart's folder, except in a dependency from a folder of the repository,
 * which is in that folder; an aliased dependency's in its folder by name.
 */
export function sourcePath(sources: HelmSources, given: string): string {
  const inChart = byFolderName(sources, given);
  for (const { name, dir } of sources.localDependencies ?? []) {
    const vendored = `charts/${name}/`;
    if (inChart.startsWith(vendored)) return inDir(dir, inChart.slice(vendored.length));
  }
  return inDir(sources.chartDir, inChart);
}

/** A path under an aliased dependency (`charts/grafanaalloy/…`, as helm names it) under the dependency's folder (`charts/grafana-alloy/…`). */
function byFolderName(sources: HelmSources, inChart: string): string {
  const match = /^charts\/([^/]+)\//.exec(inChart);
  const name = match === null ? undefined : sources.aliases?.[match[1]!];
  return name === undefined ? inChart : `charts/${name}/${inChart.slice(match![0].length)}`;
}

/**
 * Where a template's values are defined, the values file helm reads last
 * first, each with the key prefix the template's `.Values` keys take in it.
 * A subchart's template (`charts/redis/templates/x.yaml`, nested or not)
 * reads its values under its name in the charts above it, which override
 * its own `values.yaml`: the root chart's values files (`redis.x`), then
 * each chart between, then its own (`x`).
 */
function valuesChain(sources: HelmSources, template: string): ValuesLink[] {
  const names = subchartNames(template);
  const inline = sources.inline === undefined ? [] : [{ file: sources.inline.file, keyPrefix: names, within: sources.inline.within }];
  const chain: ValuesLink[] = [...inline, ...[...sources.valuesFiles].reverse().map((file) => ({ file, keyPrefix: names }))];
  for (let depth = 1; depth <= names.length; depth++) {
    const dir = names.slice(0, depth).map((name) => `charts/${name}`).join('/');
    chain.push({ file: sourcePath(sources, `${dir}/values.yaml`), keyPrefix: names.slice(depth) });
  }
  // A key no file sets at the top is read in the defaults a template merges under `.Values` (istio's), in the same order.
  const { defaultsUnder } = rewritesOf(sources, template);
  return defaultsUnder === null ? chain : [...chain, ...chain.map((link) => ({ ...link, defaultsUnder }))];
}

/**
 * A values file of valuesChain: the key prefix a template's keys take
 * there, the map it is written in (an Application's `valuesObject`), if
 * any, and the key of the defaults the chart merges under `.Values`, when
 * the link reads them.
 */
interface ValuesLink {
  readonly file: string;
  readonly keyPrefix: readonly string[];
  readonly within?: FieldPath;
  readonly defaultsUnder?: string;
}

/** Where a key a template reads is in a file of valuesChain. */
function keyPathIn(link: ValuesLink, key: readonly string[]): FieldPath {
  const own = link.defaultsUnder === undefined ? key : [link.defaultsUnder, ...key];
  return [...(link.within ?? []), ...keyUnder(link.keyPrefix, own)];
}

/** What each chart's templates rewrite of its values, by the folder of its templates, read once per rendering. */
const rewritesBySources = new WeakMap<HelmSources, Map<string, ValuesRewrites>>();

/** What the templates of a template's own chart (not its subcharts') rewrite of its values (valuesRewrites.ts). */
function rewritesOf(sources: HelmSources, template: string): ValuesRewrites {
  const folder = sourcePath(sources, `${subchartNames(template).map((name) => `charts/${name}/`).join('')}templates/`);
  let byFolder = rewritesBySources.get(sources);
  if (byFolder === undefined) rewritesBySources.set(sources, (byFolder = new Map()));
  let rewrites = byFolder.get(folder);
  if (rewrites === undefined) {
    const own = chartTemplates(sources).filter(([file]) => file.startsWith(folder) && !file.slice(folder.length).includes('/charts/'));
    byFolder.set(folder, (rewrites = valuesRewrites(own.map(([, text]) => text))));
  }
  return rewrites;
}

/**
 * A key a template reads, as a values file of the charts above writes it:
 * under the subcharts' names, except `global`, which every chart shares
 * (a subchart's `.Values.global.x` is `global.x` in each file, under no name).
 */
function keyUnder(names: readonly string[], key: readonly string[]): string[] {
  return [...(key[0] === 'global' ? [] : names), ...key];
}

/** The subcharts a template's chart is under, from the root chart down (`charts/cache/templates/x.yaml`: `cache`); none for the root's. */
export function subchartNames(template: string): string[] {
  const names: string[] = [];
  const parts = template.split('/');
  for (let i = 0; parts[i] === 'charts' && i + 2 < parts.length; i += 2) names.push(parts[i + 1]!);
  return names;
}

/**
 * Where to write a values key a chart's template reads (`key`, as the
 * template names it): in the values file helm reads last that has it, at
 * its path there (under the subcharts' names in the charts above), where
 * the locator places its fields; else in the root chart's values.yaml,
 * under those names (a subchart inside an archive has no file to edit).
 */
export function valuesKeyWriter(sources: HelmSources): (template: string, key: readonly string[]) => MapSource {
  const prefix = sources.chartDir === '' ? '' : `${sources.chartDir}/`;
  const keyIn = valuesKeyFinder(sources, valuesDocuments(sources));
  // An Application's `values` text is no map to write keys in: its lines are edited as they are written (literal edits).
  const inText = (file: string) => sources.inline?.text !== undefined && file === sources.inline.file;
  return (template, key) => {
    const found = keyIn(template, key);
    return found !== null && !inText(found.file) ? { file: found.file, path: found.path } : { file: `${prefix}values.yaml`, path: keyUnder(subchartNames(template), key) };
  };
}

/** Each chart's values documents, shared by the locator, the key writer and the truth of its `if`s (one `sources` per rendering). */
const documentsBySources = new WeakMap<HelmSources, (file: string) => ManifestDocument | undefined>();
/** The same, with the values files inside vendored archives too (`read`). */
const readDocumentsBySources = new WeakMap<HelmSources, (file: string) => ManifestDocument | undefined>();

/**
 * The values files' documents, each read once per rendering, when a
 * template first takes a value from it. With `read`, also those inside
 * vendored dependency archives: what they say decides which branch of a
 * subchart's template rendered, though no line of theirs is pointed at.
 */
function valuesDocuments(sources: HelmSources, read = false): (file: string) => ManifestDocument | undefined {
  const cache = read ? readDocumentsBySources : documentsBySources;
  const known = cache.get(sources);
  if (known !== undefined) return known;
  const documents = new Map<string, ManifestDocument | undefined>();
  const documentOf = (file: string) => {
    if (!documents.has(file)) {
      const inline = file === sources.inline?.file ? sources.inline : undefined;
      const own = inline !== undefined ? (inline.text ?? sources.texts.get(file)) : sources.texts.get(file);
      const text = own ?? (read ? sources.archived?.get(file) : undefined);
      // A file of several Applications: the inline values are in their Application's document (a blanked text has one).
      documents.set(file, text === undefined ? undefined : loadManifestFile(file, text).documents[inline?.text === undefined ? (inline?.document ?? 0) : 0]);
    }
    return documents.get(file);
  };
  cache.set(sources, documentOf);
  return documentOf;
}

/** The values file helm reads last that has a key a template reads, with the key's path and document there; null when none has it. */
function valuesKeyFinder(
  sources: HelmSources,
  documentOf: (file: string) => ManifestDocument | undefined,
): (template: string, key: readonly string[]) => { file: string; path: FieldPath; document: ManifestDocument } | null {
  return (template, key) => {
    for (const link of valuesChain(sources, template)) {
      const { file } = link;
      const document = documentOf(file);
      const path = keyPathIn(link, key);
      if (document !== undefined && valueAt(document.value, path) !== undefined) return { file, path, document };
    }
    return null;
  };
}

/** The line of a values key a template reads, in the file helm reads last that sets it; null when none does. */
export function valuesKeyLines(sources: HelmSources): (template: string, key: readonly string[]) => SourceHit | null {
  const keyIn = valuesKeyFinder(sources, valuesDocuments(sources));
  return (template, key) => {
    const found = keyIn(template, key);
    const where = found === null ? null : locate(found.document.source, found.path);
    return found !== null && where?.exact ? { file: found.file, line: where.line, column: where.column } : null;
  };
}

/**
 * The named templates of a chart and its subcharts (helm shares their names
 * across them all): those of its files under `templates/`, then those read
 * inside vendored archives, made once.
 */
export function chartNamedTemplates(sources: HelmSources): () => NamedTemplates {
  let named: NamedTemplates | undefined;
  return () => (named ??= namedTemplates(chartTemplates(sources)));
}

/**
 * The files under `templates/` of a chart and its subcharts, path and
 * text: in the chart's own folder, in those of its dependencies from
 * folders of the repository (a library chart's helpers), then inside
 * vendored archives.
 */
function chartTemplates(sources: HelmSources): [string, string][] {
  const prefixes = [sources.chartDir, ...(sources.localDependencies ?? []).map((d) => d.dir)].map((dir) => inDir(dir, ''));
  const inChart = ([file]: readonly [string, string]) => prefixes.some((prefix) => file.startsWith(prefix) && `/${file.slice(prefix.length)}`.includes('/templates/'));
  return [...[...sources.texts].filter(inChart), ...[...(sources.archived ?? [])].filter(inChart)];
}

/**
 * `missing`: the whole path of a field the rendered object lacks, whose
 * nearest ancestor there is `path`. When the template writes a map on that
 * path whole from a values key the rendering left out (`{{- with
 * .Values.securityContext }}` of `securityContext: {}`), the values line is
 * that key's: where the field goes.
 */
export function helmLocator(sources: HelmSources): (template: string, path: FieldPath, rendered: JsonValue, missing?: FieldPath) => HelmHits {
  const documentOf = valuesDocuments(sources);
  const keyLine = valuesKeyLines(sources);
  const named = chartNamedTemplates(sources);
  const valuesTruth = valuesTruthOf(sources);
  /** The line of a values key that writes a map on `missing` whole, past `present`, in the file helm reads last that has it. */
  const leftOutMap = (text: string, template: string, present: number, missing: FieldPath, rendered: JsonValue): SourceHit | null => {
    for (let length = present + 1; length < missing.length; length++) {
      const values = findInTemplate(text, missing.slice(0, length), rendered, named()).values;
      if (values !== null && values.from === length) return keyLine(template, values.key);
    }
    return null;
  };
  /** A field no template line can be followed to, on the one values key that holds it under the same last keys (valuesUnderSameKeys.ts). */
  const underSameKeys = (template: string, path: FieldPath, rendered: JsonValue): SourceHit | null => {
    const files = valuesChain(sources, template).flatMap((link) => {
      const document = documentOf(link.file);
      return document === undefined ? [] : [{ file: link.file, document, prefix: keyPathIn(link, []) }];
    });
    const found = valuesKeyUnderSameKeys(files, path, rendered);
    const where = found === null ? null : locate(documentOf(found.file)!.source, found.path);
    return found !== null && where?.exact ? { file: found.file, line: where.line, column: where.column } : null;
  };
  return (template, path, rendered, missing) => {
    const file = sourcePath(sources, template);
    const own = sources.texts.get(file);
    const text = own ?? sources.archived?.get(file);
    if (text === undefined) return { template: null, values: null };
    // A field the object has was written by a branch its values take; one it lacks goes where it would be written, taken or not.
    const hit = findInTemplate(text, path, rendered, named(), valueAt(rendered, path) === undefined ? undefined : valuesTruth(template));
    // A line in a named template is in the file that defines it, when that is a file of the repository (not inside an archive).
    const hitFile = hit.file ?? file;
    const templateHit = hit.exact && sources.texts.has(hitFile) ? { file: hitFile, line: hit.line, column: 1 } : null;
    if (hit.values === null) {
      if (missing !== undefined) return { template: templateHit, values: leftOutMap(text, template, path.length, missing, rendered) };
      return { template: templateHit, values: templateHit === null ? underSameKeys(template, path, rendered) : null };
    }
    const { from } = hit.values;
    const renderedPart = valueAt(rendered, path.slice(0, from));
    // `.Values.a | default .Values.b`: the first key whose value is the rendered one.
    for (const key of [hit.values.key, ...(hit.values.alternatives ?? [])]) {
      for (const link of valuesChain(sources, template)) {
        const valuesFile = link.file;
        const document = documentOf(valuesFile);
        if (document === undefined || renderedPart === undefined) continue;
        // An element of a `range` (`*`) is the one key or item whose value is the rendered one; of several, the one the object is named by.
        const found: (SourceHit & { readonly element: string | number | undefined })[] = [];
        const star = keyPathIn(link, key).indexOf('*');
        for (const keyPath of elementPaths(document.value, keyPathIn(link, key))) {
          const part = valueAt(document.value, keyPath);
          if (part === undefined) continue;
          // Named lists in values (containers, env) are followed by name, as in the rendered object; the value must be the rendered one.
          const inside = translatePath(renderedPart, part, path.slice(from), true);
          if (inside === null) continue;
          const where = locate(document.source, [...keyPath, ...inside]);
          if (where.exact) found.push({ file: valuesFile, line: where.line, column: where.column, element: star < 0 ? undefined : keyPath[star] });
        }
        const named = found.length > 1 ? namedElement(found, rendered) : found[0];
        if (named !== undefined) return { template: templateHit, values: { file: named.file, line: named.line, column: named.column } };
        if (found.length > 1) break;
      }
    }
    return { template: templateHit, values: templateHit === null ? underSameKeys(template, path, rendered) : null };
  };
}

/** What the values files say of a key's truth, for a template's `if .Values.x` (a subchart's under its names). */
export function valuesTruthOf(sources: HelmSources): (template: string) => ValuesTruth {
  const documentOf = valuesDocuments(sources, true);
  return (template) => (key) => {
    // A key a template rewrites while helm renders is not what the files say (falco's, set from a helper).
    if (mayBeRewritten(rewritesOf(sources, template).rewritten, key)) return undefined;
    return truthOf(valuesChain(sources, template).map((link) => valueAt(documentOf(link.file)?.value, keyPathIn(link, key))));
  };
}

/**
 * Helm's truth of a values key, from its value in each values file, the
 * file read last first: maps are merged (one with entries anywhere makes
 * it true), anything else is the last file's that sets it, and a key no
 * file sets is nil, false. Undefined when a value could come from
 * elsewhere (no values file was read).
 */
function truthOf(values: readonly (JsonValue | undefined)[]): boolean | undefined {
  if (values.length === 0) return undefined;
  let map = false;
  for (const value of values) {
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      if (Object.keys(value).length > 0) return true;
      map = true;
      continue;
    }
    // A value set over a map a lower file holds replaces it; a null removes the key.
    if (map) return false;
    return value !== null && value !== false && value !== 0 && value !== '' && !(Array.isArray(value) && value.length === 0);
  }
  return false;
}

/** Of the hits of several elements of a map, the one whose key the object's name ends with (nameEndingsOf, longest first), if any. */
function namedElement<H extends { readonly element: string | number | undefined }>(found: readonly H[], rendered: JsonValue): H | undefined {
  for (const end of nameEndingsOf(rendered)) {
    const hits = found.filter((hit) => hit.element === end);
    if (hits.length > 0) return hits.length === 1 ? hits[0] : undefined;
  }
  return undefined;
}

/** The paths a key with `range` elements (`*`) may stand for in a values document: each key of a map, each item of a list, there. */
function elementPaths(value: JsonValue, key: FieldPath): (string | number)[][] {
  let paths: (string | number)[][] = [[]];
  for (const segment of key) {
    if (segment !== '*') {
      paths = paths.map((path) => [...path, segment]);
      continue;
    }
    paths = paths.flatMap((path) => {
      const at = valueAt(value, path);
      if (Array.isArray(at)) return at.map((_, i) => [...path, i]);
      return typeof at === 'object' && at !== null ? Object.keys(at).map((k) => [...path, k]) : [];
    });
  }
  return paths;
}
