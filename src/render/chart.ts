/**
 * A Helm chart read for discovery (pure): its name (the default release
 * name) and whether every dependency it declares is vendored in `charts/`,
 * since we render without fetching anything. A chart whose dependencies
 * are not vendored (`charts/` left out of git, as many app repositories do)
 * is rendered without them, its own templates checked; the dependencies its
 * values leave on are named as not checked. A dependency the repository
 * holds (a `file://` folder, or a chart of its name and an allowed version)
 * is put in `charts/` for the rendering.
 */
import { parse, parseDocument } from 'yaml';
import { noYamlWarnings } from '../yamlWarnings.js';
import rcompare from 'semver/functions/rcompare.js';
import satisfies from 'semver/functions/satisfies.js';
import valid from 'semver/functions/valid.js';
import { isMap, isSeq } from '../manifests/yamlKinds.js';
import { valueAt } from '../fixes/edits.js';
import type { JsonObject } from '../pss/types.js';
import { dirOf, inDir, joinPath } from './paths.js';

/** A declared dependency that `charts/` does not hold. */
export interface MissingDependency {
  /** Its name in the `dependencies` list. */
  readonly name: string;
  /** As messages name it: `redis 19.6.4`. */
  readonly shown: string;
  /** What turns it on or off (one per alias it is taken in under: on when any is). */
  readonly switches: readonly DependencySwitches[];
  /** The values keys it is given its values under: its alias, else its name, per take. */
  readonly keys: readonly string[];
  /** The repository's chart of its name, when it has one at a version the declared range does not allow (so it does not stand in). */
  readonly outOfRange?: { readonly dir: string; readonly version: string };
}

/** What turns a dependency on or off, as helm reads them against the values: its `condition` paths, its `tags`. */
export interface DependencySwitches {
  readonly condition: readonly string[];
  readonly tags: readonly string[];
}

export interface Chart {
  readonly file: string;
  readonly dir: string;
  readonly name: string;
  /** A library chart (`type: library`): named templates for other charts, not installable on its own. */
  readonly library: boolean;
  /** Declared dependencies that `charts/` does not hold (folder or archive). */
  readonly missingDependencies: readonly MissingDependency[];
  /**
   * Dependencies `charts/` does not hold that the repository does
   * (`repository: file://../common`, or a chart of the repository standing
   * in for one from a chart repository): vendored for the rendering, as
   * `helm dependency build` would.
   */
  readonly localDependencies: readonly LocalDependency[];
  /** The dependencies taken in under another name (`alias: grafanaalloy`): alias → name. Helm's `# Source:` paths name them by alias, their folders in `charts/` by name. */
  readonly aliases: Readonly<Record<string, string>>;
}

/** A dependency in a folder of the repository. */
export interface LocalDependency {
  /** Its name in the `dependencies` list: the folder it takes in `charts/`. */
  readonly name: string;
  /** Its folder in the repository. */
  readonly dir: string;
  /**
   * Set when the chart declares it from a chart repository (`oci://…`,
   * `https://…`), not from this folder: the repository's own chart of that
   * name and a version the declared one allows stands in for it, as in a
   * repository of charts that depend on each other (bitnami's `common`).
   */
  readonly standIn?: StandIn;
}

export interface StandIn {
  /** As the chart declares it: `common 2.x.x`. */
  readonly declared: string;
  /** Where the chart declares it from. */
  readonly repository: string;
  /** The version of the repository's chart that stands in. */
  readonly version: string;
  /** Whether it is a library chart: its templates are used by the charts that include them, so no `# Source:` comment names it. */
  readonly library: boolean;
  /** The version the chart's Chart.lock pins, when it is not the one that stands in (bitnami's charts lock `common` 2.31.4; the repository holds 2.31.10). */
  readonly locked?: string;
}

/** The charts of the repository (not vendored in another's `charts/`), as dependencies are looked up in it. */
export interface RepositoryCharts {
  /** Whether a folder holds one (a `file://` dependency's). */
  has(dir: string): boolean;
  /** Those of a name (their Chart.yaml's), each with its version and whether it is a library chart. */
  named(name: string): readonly RepositoryChartOf[];
}

/** A chart of the repository, as a dependency of its name may take it. */
export interface RepositoryChartOf {
  readonly dir: string;
  readonly version: string;
  readonly library: boolean;
}

const noCharts: RepositoryCharts = { has: () => false, named: () => [] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A YAML text's top-level mapping, or {} (helm names the problem when it renders). */
function mappingOf(source: string | undefined): Record<string, unknown> {
  return (source === undefined ? null : valuesMapping(source)) ?? {};
}

/** A values file's mapping ({} for an empty file), or null when it does not parse to one. */
export function valuesMapping(source: string): Record<string, unknown> | null {
  try {
    const raw: unknown = parse(source, noYamlWarnings);
    return raw === null || raw === undefined ? {} : isRecord(raw) ? raw : null;
  } catch {
    return null;
  }
}

/** A Chart.yaml's `name`, `version` and type, as the repository's charts are looked up by (RepositoryCharts). */
export function chartIdentity(source: string): { readonly name: string | null; readonly version: string | null; readonly library: boolean } {
  const chart = mappingOf(source);
  return { name: typeof chart.name === 'string' ? chart.name : null, version: typeof chart.version === 'string' ? chart.version : null, library: chart.type === 'library' };
}

/** A dependency's switches, as its entry in `dependencies` declares them. */
export function switchesOf(dependency: Record<string, unknown>): DependencySwitches {
  return {
    condition: typeof dependency.condition === 'string' ? dependency.condition.split(',').map((path) => path.trim()) : [],
    tags: Array.isArray(dependency.tags) ? dependency.tags.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

/** The value at a path of keys as a chain of values files sets it (the chart's values.yaml first): the last file that sets it. */
function valueThrough(values: readonly Record<string, unknown>[], keys: readonly string[]): unknown {
  for (let i = values.length - 1; i >= 0; i--) {
    // Values are parsed YAML: JSON values, read by the same path walk as the manifests.
    const value = valueAt(values[i] as JsonObject, keys);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Whether helm renders a dependency with these values files (the chart's
 * values.yaml first, each later one over it): the first of its `condition`
 * paths that holds a boolean decides; else its `tags`, on when any of them
 * is; else on.
 */
export function switchedOn(switches: DependencySwitches, values: readonly Record<string, unknown>[]): boolean {
  for (const path of switches.condition) {
    const value = valueThrough(values, path.split('.'));
    if (typeof value === 'boolean') return value;
  }
  const tags = switches.tags.map((tag) => valueThrough(values, ['tags', tag])).filter((v): v is boolean => typeof v === 'boolean');
  return tags.length === 0 || tags.some((v) => v);
}

/**
 * `files`: the paths inside the chart's folder; `requirements`: its
 * requirements.yaml, where a chart of apiVersion v1 (Helm 2's) declares its
 * dependencies, as helm still reads them.
 */
export function readChart(file: string, source: string, files: readonly string[], requirements?: string, repository: RepositoryCharts = noCharts, lock?: string): Chart {
  const dir = dirOf(file);
  const chart = mappingOf(source);
  const dependencies = Array.isArray(chart.dependencies) ? chart.dependencies : mappingOf(requirements).dependencies;
  const name = typeof chart.name === 'string' && chart.name !== '' ? chart.name : (dir.split('/').pop() ?? 'chart');
  const vendored = inDir(dir, 'charts/');
  const inCharts = files.filter((p) => p.startsWith(vendored)).map((p) => p.slice(vendored.length));
  const missingDependencies: MissingDependency[] = [];
  const localDependencies: LocalDependency[] = [];
  const aliases: Record<string, string> = {};
  for (const dependency of Array.isArray(dependencies) ? dependencies : []) {
    if (!isRecord(dependency) || typeof dependency.name !== 'string') continue;
    const dep = dependency.name;
    if (typeof dependency.alias === 'string' && dependency.alias !== '' && dependency.alias !== dep) aliases[dependency.alias] = dep;
    // A dependency is vendored as charts/<name>/Chart.yaml or charts/<name>-<version>.tgz.
    const present = inCharts.some((p) => p === `${dep}/Chart.yaml` || (p.startsWith(`${dep}-`) && p.endsWith('.tgz') && !p.includes('/')));
    if (present) continue;
    const local = typeof dependency.repository === 'string' && dependency.repository.startsWith('file://') ? joinPath(dir, dependency.repository.slice('file://'.length)) : null;
    if (local !== null && repository.has(local)) {
      if (!localDependencies.some((d) => d.name === dep)) localDependencies.push({ name: dep, dir: local });
      continue;
    }
    const shown = typeof dependency.version === 'string' ? `${dep} ${dependency.version}` : dep;
    const inRepository = local === null ? repositoryChartFor(dependency, dir, shown, repository, lockedVersions(lock)) : null;
    if (inRepository?.kind === 'stands-in') {
      if (!localDependencies.some((d) => d.name === dep)) localDependencies.push(inRepository.dependency);
      continue;
    }
    const switches = switchesOf(dependency);
    const key = typeof dependency.alias === 'string' && dependency.alias !== '' ? dependency.alias : dep;
    // A chart taken in twice under aliases (`alias: profiler`) is one archive to vendor: named once, on if either is.
    const known = missingDependencies.findIndex((m) => m.shown === shown);
    if (known < 0) missingDependencies.push({ name: dep, shown, switches: [switches], keys: [key], ...(inRepository?.kind === 'out-of-range' ? { outOfRange: inRepository.chart } : {}) });
    else missingDependencies[known] = { ...missingDependencies[known]!, switches: [...missingDependencies[known]!.switches, switches], keys: [...missingDependencies[known]!.keys, key] };
  }
  return { file, dir, name, library: chart.type === 'library', missingDependencies, localDependencies, aliases };
}

/** The versions a lock file (Chart.lock, requirements.lock) pins, by dependency name; none when there is no lock or it does not parse. */
function lockedVersions(lock: string | undefined): ReadonlyMap<string, string> {
  const entries = mappingOf(lock).dependencies;
  const pinned = new Map<string, string>();
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (isRecord(entry) && typeof entry.name === 'string' && typeof entry.version === 'string') pinned.set(entry.name, entry.version);
  }
  return pinned;
}

/** What the repository has of a dependency's name: a chart to stand in for it, or one at a version its range does not allow. */
type RepositoryChart =
  | { readonly kind: 'stands-in'; readonly dependency: LocalDependency }
  | { readonly kind: 'out-of-range'; readonly chart: { readonly dir: string; readonly version: string } };

/**
 * The repository's chart that stands in for a dependency declared from a
 * chart repository (`stands-in`): of the dependency's chart name, not the
 * chart itself, at the highest version its version range allows (as `helm
 * dependency update` picks from a repository's index; helm's ranges are
 * Masterminds semver, whose `,` is npm semver's space). When the repository
 * has the chart at versions the range does not allow only, the highest of
 * them (`out-of-range`); null when it has none of the name.
 */
function repositoryChartFor(dependency: Record<string, unknown>, chartDir: string, declared: string, repository: RepositoryCharts, locked: ReadonlyMap<string, string>): RepositoryChart | null {
  const name = dependency.name as string;
  const range = typeof dependency.version === 'string' && dependency.version.trim() !== '' ? dependency.version.replace(/,/g, ' ') : '*';
  const candidates = repository
    .named(name)
    .filter((c) => c.dir !== chartDir && valid(c.version) !== null)
    .sort((a, b) => rcompare(a.version, b.version));
  const chosen = candidates.find((c) => satisfies(c.version, range));
  // Said with the missing dependency: why the repository's chart of its name did not stand in.
  if (chosen === undefined) {
    const highest = candidates[0];
    return highest === undefined ? null : { kind: 'out-of-range', chart: { dir: highest.dir, version: highest.version } };
  }
  const from = typeof dependency.repository === 'string' ? dependency.repository : '';
  const lockedAt = locked.get(name);
  const pin = lockedAt !== undefined && lockedAt !== chosen.version ? { locked: lockedAt } : {};
  return { kind: 'stands-in', dependency: { name, dir: chosen.dir, standIn: { declared, repository: from, version: chosen.version, library: chosen.library, ...pin } } };
}

/**
 * A Chart.yaml (or a v1 chart's requirements.yaml) without the dependencies
 * named, for rendering a chart whose `charts/` lacks them: helm refuses to
 * render a chart whose declared dependencies are missing. Null when the
 * text declares none of them (nothing to change).
 */
export function withoutDependencies(text: string, names: ReadonlySet<string>): string | null {
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents)) return null;
  const list = document.get('dependencies', true);
  if (!isSeq(list)) return null;
  const kept = list.items.filter((item) => !(isMap(item) && names.has(String(item.get('name')))));
  if (kept.length === list.items.length) return null;
  list.items = kept;
  return String(document);
}
