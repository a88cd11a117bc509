/**
 * A kustomization file read for what it references (pure): resources,
 * bases and components (files or other kustomizations), patches of both
 * kinds, the files its generators read, the name transforms that change
 * the names patches and findings are matched by, and what we refuse to run
 * (remote bases, Helm inflation).
 */
import { LineCounter, parse, parseDocument } from 'yaml';
import { noYamlWarnings } from '../yamlWarnings.js';
import { isScalar } from '../manifests/yamlKinds.js';
import { dirOf, inDir, isInside, joinPath } from './paths.js';

export const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** Whether a path (`/`-separated) names a kustomization file. */
export function isKustomizationFile(path: string): boolean {
  return (kustomizationNames as readonly string[]).includes(path.slice(path.lastIndexOf('/') + 1));
}

/** What a patch is matched to: the object it names itself, or the kustomization's `target`. */
export interface PatchTarget {
  readonly kind: string | null;
  readonly name: string | null;
}

/** A patch written in the kustomization itself (`patch: |-` or an inline `patchesStrategicMerge` entry). */
export interface InlinePatch {
  /** The patch's text, as kustomize reads it. */
  readonly text: string;
  /** The kustomization line holding the text's first line, when each line of the text is a line of the file (a literal block `|`); else null. */
  readonly firstLine: number | null;
  /** The line of the patch's entry in the kustomization. */
  readonly entryLine: number;
}

export interface PatchReference {
  /** The patch file, or null for an inline patch (written in the kustomization itself). */
  readonly path: string | null;
  /** The inline patch, when the entry has one. */
  readonly inline: InlinePatch | null;
  readonly target: PatchTarget | null;
  /** `patchesJson6902`, or a `patches` entry whose file holds a list of operations. */
  readonly json6902: boolean;
}

export interface Kustomization {
  readonly file: string;
  readonly dir: string;
  /** Resource files, in order. */
  readonly resourceFiles: readonly string[];
  /** Folders of other kustomizations (resources, bases, components), in order. */
  readonly kustomizations: readonly string[];
  readonly patches: readonly PatchReference[];
  /** Other files the build reads (generators, replacements, configurations, CRDs): consumed, never findings' homes. */
  readonly otherFiles: readonly string[];
  /** Remote references (URLs, git repositories): never fetched. */
  readonly remote: readonly string[];
  /** References that name nothing in the tree. */
  readonly missing: readonly string[];
  /** The files a generator reads (`envs`, `files`, `env`) that name nothing in the tree, as repository paths (inputStandIns.ts). */
  readonly missingInputs: readonly string[];
  readonly namePrefix: string;
  readonly nameSuffix: string;
  /** `kind: Component`: a piece other kustomizations take in (`components:`), never built on its own. */
  readonly component: boolean;
  /** `helmCharts`: Helm inflation, run only when the config turns it on (`render.kustomize.helm`). */
  readonly helmCharts: boolean;
  /** The folders of the charts `helmCharts` inflates from the tree (under `helmGlobals.chartHome`); their files are in `otherFiles`. */
  readonly helmChartDirs: readonly string[];
  /** Why the file could not be read, or null. */
  readonly problem: string | null;
}

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * A reference kustomize fetches rather than reads: a URL, an scp-like git
 * address, or a `host.tld/org/repo` path (the first segment has a dot and
 * is not `.` or `..`).
 */
export function isRemote(reference: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(reference) || /^[\w.-]+@[\w.-]+:/.test(reference)) return true;
  if (reference.includes('?ref=') || reference.includes('//')) return true;
  const first = reference.split('/')[0] ?? '';
  return first.includes('.') && first !== '.' && first !== '..' && reference.includes('/') && !/\.(ya?ml|json)$/i.test(reference);
}

/** The kustomization file of a folder, if the tree has one. */
export function kustomizationIn(dir: string, paths: ReadonlySet<string>): string | null {
  for (const name of kustomizationNames) {
    const file = dir === '' ? name : `${dir}/${name}`;
    if (paths.has(file)) return file;
  }
  return null;
}

function targetOf(value: unknown): PatchTarget | null {
  if (!isRecord(value)) return null;
  return { kind: text(value.kind), name: text(value.name) };
}

/**
 * The inline patch at `at` (`['patches', 2, 'patch']`, `['patchesStrategicMerge', 0]`):
 * its text and where its lines are in the kustomization. The file is parsed
 * for positions only when it has an inline patch.
 */
function inlinePatchReader(source: string): (at: readonly (string | number)[], entry: readonly (string | number)[]) => InlinePatch | null {
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | null = null;
  return (at, entry) => {
    if (parsed === null) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(source, { lineCounter: lines }), lines };
    }
    const { doc, lines } = parsed;
    const node = doc.getIn(at, true);
    const item = doc.getIn(entry, true) as { range?: [number, number, number] } | undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || node.range === undefined || node.range === null) return null;
    const entryLine = lines.linePos(item?.range?.[0] ?? node.range[0]).line;
    // A literal block's content starts on the line after its header, one line of text per line of the file.
    const firstLine = node.type === 'BLOCK_LITERAL' ? lines.linePos(node.range[0]).line + 1 : null;
    return { text: node.value, firstLine, entryLine };
  };
}

export function readKustomization(file: string, source: string, paths: ReadonlySet<string>): Kustomization {
  const dir = dirOf(file);
  const resourceFiles: string[] = [];
  const kustomizations: string[] = [];
  const patches: PatchReference[] = [];
  const otherFiles: string[] = [];
  const remote: string[] = [];
  const missing: string[] = [];
  const missingInputs: string[] = [];
  let raw: unknown;
  let problem: string | null = null;
  try {
    raw = parse(source, noYamlWarnings);
  } catch (error) {
    problem = `not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`;
  }
  const k: Raw = isRecord(raw) ? raw : {};

  /** A resource, base or component: another kustomization's folder, a file, remote, or missing. */
  const reference = (value: unknown, filesAllowed: boolean) => {
    const ref = text(value);
    if (ref === null) return;
    if (isRemote(ref)) return void remote.push(ref);
    const path = joinPath(dir, ref);
    if (path === null) return void missing.push(ref);
    if (kustomizationIn(path, paths) !== null) kustomizations.push(path);
    else if (filesAllowed && paths.has(path)) resourceFiles.push(path);
    else missing.push(ref);
  };
  /** A file the build reads (a generator's `key=path` too); one the tree lacks is missing, so that `check overlays/dev` brings it in with its base. */
  const file_ = (value: unknown, into: string[], missingInput = false) => {
    const ref = text(value)?.replace(/^[^=]*=/, '') ?? null;
    if (ref === null || isRemote(ref)) return;
    const path = joinPath(dir, ref);
    if (path !== null && paths.has(path)) return void into.push(path);
    missing.push(ref);
    if (missingInput && path !== null) missingInputs.push(path);
  };

  for (const value of list(k.resources)) reference(value, true);
  // kustomize reads `bases` as `resources` (it deprecated the one for the other): a file there is a resource too (flagger's kustomize/linkerd).
  for (const value of list(k.bases)) reference(value, true);
  for (const value of list(k.components)) reference(value, false);
  const inlinePatch = inlinePatchReader(source);
  list(k.patches).forEach((entry, i) => {
    if (!isRecord(entry)) return;
    const path = text(entry.path) === null ? null : joinPath(dir, text(entry.path)!);
    if (path !== null && !paths.has(path)) missing.push(text(entry.path)!);
    const inline = text(entry.patch) === null ? null : inlinePatch(['patches', i, 'patch'], ['patches', i]);
    patches.push({ path: path !== null && paths.has(path) ? path : null, inline, target: targetOf(entry.target), json6902: false });
  });
  list(k.patchesStrategicMerge).forEach((entry, i) => {
    const ref = text(entry);
    // An entry is a path, or an inline patch (it has a newline or a colon).
    const isInline = ref !== null && (ref.includes('\n') || ref.includes(': '));
    const path = ref !== null && !isInline ? joinPath(dir, ref) : null;
    if (path !== null && !paths.has(path)) missing.push(ref!);
    const inline = isInline ? inlinePatch(['patchesStrategicMerge', i], ['patchesStrategicMerge', i]) : null;
    patches.push({ path: path !== null && paths.has(path) ? path : null, inline, target: null, json6902: false });
  });
  list(k.patchesJson6902).forEach((entry, i) => {
    if (!isRecord(entry)) return;
    const path = text(entry.path) === null ? null : joinPath(dir, text(entry.path)!);
    if (path !== null && !paths.has(path)) missing.push(text(entry.path)!);
    const inline = text(entry.patch) === null ? null : inlinePatch(['patchesJson6902', i, 'patch'], ['patchesJson6902', i]);
    patches.push({ path: path !== null && paths.has(path) ? path : null, inline, target: targetOf(entry.target), json6902: true });
  });
  for (const generator of [...list(k.configMapGenerator), ...list(k.secretGenerator)]) {
    if (!isRecord(generator)) continue;
    for (const value of [...list(generator.files), ...list(generator.envs), generator.env]) file_(value, otherFiles, true);
  }
  for (const key of ['crds', 'configurations', 'replacements', 'generators', 'transformers', 'validators']) {
    for (const value of list(k[key])) file_(isRecord(value) ? value.path : value, otherFiles);
  }
  const helmChartDirs = helmChartsOf(k, dir, paths, otherFiles, remote);
  return {
    file,
    dir,
    resourceFiles,
    kustomizations,
    patches,
    otherFiles,
    remote,
    missing,
    missingInputs,
    namePrefix: text(k.namePrefix) ?? '',
    nameSuffix: text(k.nameSuffix) ?? '',
    component: text(k.kind) === 'Component',
    helmCharts: list(k.helmCharts).length > 0,
    helmChartDirs,
    problem,
  };
}

/**
 * The charts `helmCharts` inflates, as kustomize finds them: in
 * `helmGlobals.chartHome` (default `charts`), under `NAME-VERSION/` when
 * the entry names a repo and a version, then the chart's name. A chart in
 * the tree is read from there (its files and the entry's values files go
 * to `otherFiles`); one that is not would be pulled from its repo, which is
 * never done (`remote`).
 */
function helmChartsOf(k: Raw, dir: string, paths: ReadonlySet<string>, otherFiles: string[], remote: string[]): string[] {
  const entries = list(k.helmCharts).filter(isRecord);
  if (entries.length === 0) return [];
  const home = joinPath(dir, text(isRecord(k.helmGlobals) ? k.helmGlobals.chartHome : null) ?? 'charts');
  const dirs: string[] = [];
  for (const entry of entries) {
    const name = text(entry.name);
    const repo = text(entry.repo);
    const version = text(entry.version);
    for (const value of [entry.valuesFile, ...list(entry.additionalValuesFiles)]) {
      const ref = text(value);
      const path = ref === null ? null : joinPath(dir, ref);
      if (path !== null && paths.has(path)) otherFiles.push(path);
    }
    const chartDir = name === null || home === null ? null : joinPath(home, repo !== null && version !== null ? `${name}-${version}/${name}` : name);
    if (chartDir !== null && paths.has(inDir(chartDir, 'Chart.yaml'))) dirs.push(chartDir);
    else if (repo !== null) remote.push(`${repo} (chart ${name ?? '?'})`);
  }
  if (dirs.length > 0) for (const path of paths) if (dirs.some((d) => isInside(path, d))) otherFiles.push(path);
  return dirs;
}
