/**
 * Which Kustomize overlays and Helm charts a change set affects (pure).
 *
 * - A kustomization is a root when no other kustomization uses it (as a
 *   resource, base or component) and it is no Component (`kind: Component`
 *   is built only inside the kustomizations that take it in: alone, its
 *   patches have nothing to patch); it is affected when a changed file is in
 *   its closure (its own file, resources, patches, generator inputs, and
 *   those of the kustomizations it uses, transitively), at head or at base.
 *   A changed base thus affects every overlay that uses it.
 * - A chart (a folder with Chart.yaml, not vendored in another chart's
 *   `charts/`) is affected when a changed file is inside it or is one of
 *   its configured values files.
 * - Every file a kustomization or chart uses is `consumed`: it is judged
 *   through the rendering, never as a manifest of its own (a patch naming a
 *   Deployment is not a Deployment). A file no kustomization uses stays a
 *   plain manifest.
 */
import { addTo } from '../multiMap.js';
import { isHelmfile } from './helmfiles.js';
import { chartIdentity, readChart } from './chart.js';
import type { ApplicationChart, InstallAtBase } from './applications.js';
import type { ApplicationValues } from './types.js';
import type { LoadProblem } from '../manifests/types.js';
import type { Chart, RepositoryChartOf, RepositoryCharts } from './chart.js';
import { movedFolders, pathBeforeMove, rootFileTexts } from './movedRoots.js';
import { namesGitOpsInstaller } from './installers.js';
import { isKustomizationFile, kustomizationIn, readKustomization } from './kustomization.js';
import { leftOffFiles } from './leftOff.js';
import type { LeftOffFile } from './leftOff.js';
import type { Kustomization } from './kustomization.js';
import { dirOf, inDir, isInside, shownDir } from './paths.js';
import { fleetNotices, fleetPostRenderers, isFleetFile } from './fleet.js';
import { releaseNameOf } from './releaseName.js';
import type { BaseInvocation, Capabilities, HelmInvocation, RenderLimits, RenderRoot, TreeSnapshot } from './types.js';

/** How one chart is rendered (the config file's `render.charts` entries). */
export interface ChartSettings {
  /** The chart's folder, repository-relative. */
  readonly chart: string;
  /** Default: the chart's name. */
  readonly release?: string;
  /** Default: `default`, as helm's. */
  readonly namespace?: string;
  /** Extra values files, repository-relative, in order. */
  readonly values?: readonly string[];
  /** Also render once with each `ci/*-values.yaml` of the chart (Helm's convention for test values). */
  readonly ciValues?: boolean;
}

export interface RenderSettings {
  readonly charts: readonly ChartSettings[];
  /** Seconds each run of a tool may take (default 60). */
  readonly timeout?: number;
  /** Bytes of output each run of a tool may write (default 16 MiB). */
  readonly maxOutputSize?: number;
  /** Run kustomize's Helm inflation (`helmCharts`, charts from the tree only); off by default. */
  readonly kustomizeHelm?: boolean;
  /** What the cluster runs (`render.kube-version`, `render.api-versions`): charts render with it unless their installer names their own. */
  readonly capabilities?: Capabilities;
}

export const defaultRenderSettings: RenderSettings = { charts: [] };

export const defaultRenderLimits: RenderLimits = { timeoutMs: 60_000, maxOutputBytes: 16 * 1024 * 1024 };

function limitsOf(settings: RenderSettings): RenderLimits {
  return {
    timeoutMs: settings.timeout === undefined ? defaultRenderLimits.timeoutMs : Math.round(settings.timeout * 1000),
    maxOutputBytes: settings.maxOutputSize ?? defaultRenderLimits.maxOutputBytes,
  };
}

export interface Discovery {
  /** The renderings to run, in path order. */
  readonly roots: readonly RenderRoot[];
  /** Files judged through a rendering (at head or base), never as plain manifests; the left-off files among them. */
  readonly consumed: ReadonlySet<string>;
  /** Files a kustomization names only in a comment (leftOff.ts): their notes need their texts (stage.ts). */
  readonly leftOff: readonly LeftOffFile[];
  /** What discovery leaves unrendered, to say (a chart's values files past the renderings one chart may take). */
  readonly problems: readonly LoadProblem[];
  /** The trees' charts and overlays as discovery read them: the renderings an app of apps adds read them again (stage.ts). */
  readonly trees: DiscoveredTrees;
}

/**
 * What discovery reads of both trees, once per run: the charts, and the
 * kustomizations by folder with each one's closure.
 */
export interface DiscoveredTrees {
  readonly head: TreeSnapshot;
  readonly charts: ChartTrees;
  readonly overlays: Overlays;
  readonly baseOverlays: Overlays | null;
  /** The overlays the change moved to another folder (movedRoots.ts): their folder at base, by their folder at head. */
  readonly movedOverlays: ReadonlyMap<string, string>;
}

/** A tree's kustomizations by folder, each with its closure (closureOf), and the folders another one takes in. */
interface Overlays {
  readonly byDir: ReadonlyMap<string, Kustomization>;
  readonly closures: ReadonlyMap<string, Closure>;
  readonly used: ReadonlySet<string>;
}

function overlaysOf(tree: TreeSnapshot): Overlays {
  const byDir = kustomizationsOf(tree);
  return {
    byDir,
    closures: new Map([...byDir.keys()].map((dir) => [dir, closureOf(dir, byDir)] as const)),
    used: new Set([...byDir.values()].flatMap((k) => k.kustomizations)),
  };
}

function discoveredTrees(head: TreeSnapshot, base: TreeSnapshot | null): DiscoveredTrees {
  const overlays = overlaysOf(head);
  const baseOverlays = base === null ? null : overlaysOf(base);
  const kustomizations = (tree: TreeSnapshot, byDir: ReadonlyMap<string, Kustomization>) => rootFileTexts(tree, [...byDir].map(([dir, k]) => [dir, k.file]));
  const movedOverlays = base === null || baseOverlays === null ? new Map<string, string>() : movedFolders(kustomizations(head, overlays.byDir), kustomizations(base, baseOverlays.byDir));
  return { head, charts: chartTrees(head, base), overlays, baseOverlays, movedOverlays };
}

/**
 * The top overlays of a tree (taken in by no other, no component), with
 * their kustomization and closure; with `takesIn`, among those it takes in
 * only (an overlay that only one it leaves out uses is a top one then).
 */
function* topOverlays(overlays: Overlays, takesIn?: (k: Kustomization, closure: Closure) => boolean): Generator<{ dir: string; k: Kustomization; closure: Closure }> {
  const taken = (dir: string, k: Kustomization) => takesIn === undefined || takesIn(k, overlays.closures.get(dir)!);
  const used = takesIn === undefined ? overlays.used : new Set([...overlays.byDir].filter(([dir, k]) => taken(dir, k)).flatMap(([, k]) => k.kustomizations));
  for (const [dir, k] of overlays.byDir) if (!used.has(dir) && !k.component && taken(dir, k)) yield { dir, k, closure: overlays.closures.get(dir)! };
}

/** The rendering of a top overlay: its closure at head, `before` at base. */
function overlayRoot(dir: string, k: Kustomization, closure: Closure, before: ReadonlySet<string>, settings: RenderSettings): RenderRoot {
  const inflateHelm = closure.helmCharts && settings.kustomizeHelm === true;
  const blocked = kustomizeBlocked(closure, settings.kustomizeHelm === true);
  return { tool: 'kustomize', dir, file: k.file, label: shownDir(dir), sources: [...closure.files].sort(), baseSources: [...before].sort(), helm: null, inflateHelm, blocked, limits: limitsOf(settings) };
}

/**
 * The renderings of one chart's environments (values files beside its
 * values.yaml) a change may take: each is a helm run at base, at head and
 * for every suggestion verified, so a chart folder of test values files
 * would hold the review for minutes. Those the change touches come first.
 */
export const maxEnvironments = 8;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The files a chart's dependencies are declared in: Chart.yaml, or requirements.yaml for a chart of apiVersion v1. */
const chartFileNames = ['Chart.yaml', 'requirements.yaml'];

/** The files a chart's dependencies are pinned in by `helm dependency update`: Chart.lock, or requirements.lock for a chart of apiVersion v1. */
const lockFileNames = ['Chart.lock', 'requirements.lock'];

/** The files discovery reads from a tree: kustomization files and the charts' Chart.yaml and requirements.yaml files. */
export function discoveryReads(paths: Iterable<string>): string[] {
  const all = new Set(paths);
  // A chart's values.yaml says which of its dependencies are on (chart.ts), its lock file which versions it pins.
  const chartValues = (p: string) => ['values.yaml', ...lockFileNames].includes(baseName(p)) && all.has(inDir(dirOf(p), 'Chart.yaml'));
  // A helmfile's releases install charts with values files of their own, wherever those are (helmfiles.ts).
  // A Fleet bundle's fleet.yaml says which kustomizations run over its chart's output, not alone (fleet.ts).
  return [...all].filter((p) => isKustomizationFile(p) || chartFileNames.includes(baseName(p)) || chartValues(p) || isHelmfile(p) || isFleetFile(p));
}

interface Closure {
  readonly files: Set<string>;
  readonly remote: string[];
  readonly helmCharts: boolean;
  readonly helmChartDirs: readonly string[];
  /** Whether a kustomization of it may change an object of its resources beyond its namespace and labels: patches, name affixes, generators, replacements, transformers. */
  readonly transforms: boolean;
}

function kustomizationsOf(tree: TreeSnapshot): Map<string, Kustomization> {
  const byDir = new Map<string, Kustomization>();
  for (const [path, text] of tree.texts) {
    if (!isKustomizationFile(path)) continue;
    const dir = dirOf(path);
    // The file kustomize itself would pick when a folder has several.
    if (kustomizationIn(dir, tree.paths) !== path) continue;
    byDir.set(dir, readKustomization(path, text, tree.paths));
  }
  return byDir;
}

function closureOf(dir: string, byDir: ReadonlyMap<string, Kustomization>): Closure {
  const files = new Set<string>();
  const remote: string[] = [];
  let helmCharts = false;
  const helmChartDirs: string[] = [];
  let transforms = false;
  const seen = new Set<string>();
  const visit = (at: string) => {
    const k = byDir.get(at);
    if (!k || seen.has(at)) return;
    seen.add(at);
    transforms ||= k.patches.length > 0 || k.otherFiles.length > 0 || k.namePrefix !== '' || k.nameSuffix !== '';
    files.add(k.file);
    for (const path of [...k.resourceFiles, ...k.otherFiles]) files.add(path);
    for (const patch of k.patches) if (patch.path !== null) files.add(patch.path);
    remote.push(...k.remote);
    helmCharts ||= k.helmCharts;
    helmChartDirs.push(...k.helmChartDirs);
    for (const child of k.kustomizations) visit(child);
  };
  visit(dir);
  return { files, remote, helmCharts, helmChartDirs, transforms };
}

/** The folders that are ancestors of a path, nearest first ('' last). */
function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let dir = dirOf(path); ; dir = dirOf(dir)) {
    out.push(dir);
    if (dir === '') return out;
  }
}

/** The charts of a tree, each with its files: one pass over the paths, whatever the number of charts. */
function chartsOf(tree: TreeSnapshot): { chart: Chart; files: string[] }[] {
  const chartFiles = [...tree.texts.keys()].filter((path) => baseName(path) === 'Chart.yaml');
  const dirs = new Set(chartFiles.map(dirOf));
  // A chart vendored in another chart's charts/ is rendered as part of it.
  const vendored = (dir: string) => ancestors(dir).some((a) => baseName(a) === 'charts' && dirs.has(dirOf(a)) && a !== '');
  const roots = new Set([...dirs].filter((dir) => !vendored(dir)));
  const repository = repositoryCharts(tree, roots);
  const files = new Map<string, string[]>([...roots].map((dir) => [dir, []]));
  for (const path of tree.paths) {
    const owner = ancestors(path).find((dir) => roots.has(dir));
    if (owner !== undefined) files.get(owner)!.push(path);
  }
  return chartFiles
    .filter((path) => roots.has(dirOf(path)))
    .map((path) => {
      const inChart = files.get(dirOf(path))!;
      const requirements = tree.texts.get(inDir(dirOf(path), 'requirements.yaml'));
      const lock = lockFileNames.map((name) => tree.texts.get(inDir(dirOf(path), name))).find((text) => text !== undefined);
      return { chart: readChart(path, tree.texts.get(path)!, inChart, requirements, repository, lock), files: inChart };
    });
}

/** The tree's charts (`roots`: their folders) as dependencies look them up: by folder, and by their own name. */
function repositoryCharts(tree: TreeSnapshot, roots: ReadonlySet<string>): RepositoryCharts {
  const byName = new Map<string, RepositoryChartOf[]>();
  for (const dir of roots) {
    const { name, version, library } = chartIdentity(tree.texts.get(inDir(dir, 'Chart.yaml'))!);
    if (name === null || version === null) continue;
    addTo(byName, name, { dir, version, library });
  }
  return { has: (dir) => roots.has(dir), named: (name) => byName.get(name) ?? [] };
}

/** Why a kustomize root is not rendered, or null. */
function kustomizeBlocked(closure: Closure, inflateHelm: boolean): string | null {
  // Helm inflation first: with it off, the charts' repos are not even looked at.
  if (closure.helmCharts && !inflateHelm) return 'its `helmCharts` need Helm inflation, which is off (set `render.kustomize.helm: true` in the config file to run it, with charts from the repository only)';
  if (closure.remote.length === 0) return null;
  const many = closure.remote.length > 1;
  return `remote ${many ? 'bases' : 'base'} ${closure.remote.map((r) => `\`${r}\``).join(', ')} ${many ? 'are' : 'is'} never fetched`;
}

function kustomizeRoots({ head, overlays, baseOverlays, movedOverlays }: DiscoveredTrees, changed: ReadonlySet<string>, settings: RenderSettings, consumed: Set<string>, within: ReadonlySet<string> | null): RenderRoot[] {
  const takesIn = takenIn(head, within);
  for (const side of [overlays, baseOverlays]) {
    for (const [dir, closure] of side?.closures ?? []) if (takesIn(side!.byDir.get(dir)!, closure)) for (const file of closure.files) consumed.add(file);
  }
  const roots: RenderRoot[] = [];
  const postRenderers = fleetPostRenderers(head.texts, head.paths);
  for (const { dir, k, closure } of topOverlays(overlays, within === null ? undefined : takesIn)) {
    // An overlay the change moved is read at base where it was.
    const from = baseOverlays?.closures.has(dir) === false ? movedOverlays.get(dir) : undefined;
    const was = from ?? dir;
    const before = baseOverlays?.closures.get(was)?.files ?? new Set<string>();
    if (![...closure.files, ...before].some((file) => changed.has(file))) continue;
    const moved = from === undefined ? {} : { movedFrom: { dir: from, file: baseOverlays!.byDir.get(from)!.file } };
    const root = { ...overlayRoot(dir, k, closure, before, settings), ...moved };
    const bundle = postRenderers.get(dir);
    // Fleet runs it over its bundle's chart: alone, its patches find nothing to patch.
    roots.push(bundle === undefined ? root : { ...root, blocked: `Fleet runs it over the Helm chart \`${bundle}\` installs (a post-renderer), never alone` });
  }
  return roots;
}

/**
 * The files kustomizations name only in comments (leftOff.ts), taken out of
 * the plain files. A file any kustomization of the tree uses is never one,
 * even when `check` leaves that kustomization out.
 */
function leftOffOf({ head, overlays }: DiscoveredTrees, consumed: Set<string>): LeftOffFile[] {
  const used = new Set(consumed);
  for (const closure of overlays.closures.values()) for (const file of closure.files) used.add(file);
  const leftOff = leftOffFiles(overlays.byDir.values(), head.texts, head.paths, used);
  for (const left of leftOff) consumed.add(left.file);
  return leftOff;
}

/**
 * Whether `check` takes an overlay in, when the whole tree was listed for
 * the installers and chart dependencies among the paths given (`within`:
 * the files those paths hold, with what their kustomizations reference):
 * the paths hold its kustomization, or it may change an installer given (an
 * app of apps renders it through the overlay). An overlay elsewhere that
 * uses a file given is not: `check manifests` judges what manifests/ holds,
 * as it does when the tree is not listed whole, and a file given that only
 * such an overlay uses is read as a plain manifest. Every overlay when
 * `within` is null (`diff`, the Action).
 */
function takenIn(head: TreeSnapshot, within: ReadonlySet<string> | null): (k: Kustomization, closure: Closure) => boolean {
  if (within === null) return () => true;
  // Asked of each overlay for what it consumes and again for whether it is a top one: answered once.
  const known = new Map<Kustomization, boolean>();
  return (k, closure) => {
    let taken = known.get(k);
    if (taken === undefined) {
      taken = within.has(k.file) || [...closure.files].some((file) => within.has(file) && namesGitOpsInstaller(head.texts.get(file) ?? ''));
      known.set(k, taken);
    }
    return taken;
  };
}

/** A tree's charts by folder, each with its files (chartsOf), listed once for every kind of chart rendering. */
interface ChartTrees {
  readonly head: ReadonlyMap<string, { readonly chart: Chart; readonly files: readonly string[] }>;
  /** At base: each chart's files; null when there is no base (`check`). */
  readonly base: ReadonlyMap<string, readonly string[]>;
  readonly basePaths: ReadonlySet<string> | null;
  /** The charts the change moved to another folder (movedRoots.ts): each as the base had it, by its folder at head. */
  readonly movedFrom: ReadonlyMap<string, Chart>;
}

function chartTrees(head: TreeSnapshot, base: TreeSnapshot | null): ChartTrees {
  const atHead = chartsOf(head);
  const atBase = base ? chartsOf(base) : [];
  const baseCharts = new Map(atBase.map(({ chart }) => [chart.dir, chart]));
  const charts = (tree: TreeSnapshot, dirs: Iterable<string>) => rootFileTexts(tree, [...dirs].map((dir) => [dir, inDir(dir, 'Chart.yaml')]));
  const moved = base === null ? new Map<string, string>() : movedFolders(charts(head, atHead.map(({ chart }) => chart.dir)), charts(base, baseCharts.keys()));
  return {
    head: new Map(atHead.map((found) => [found.chart.dir, found])),
    base: new Map(atBase.map(({ chart, files }) => [chart.dir, files])),
    basePaths: base?.paths ?? null,
    movedFrom: new Map([...moved].map(([dir, from]) => [dir, baseCharts.get(from)!])),
  };
}

/**
 * What every rendering of a chart shares: the files it reads at head and
 * at base (its own, its `file://` dependencies', and `extra`: values files,
 * an Application; `baseExtra` at base, when they differ there), and why it
 * fails when its missing dependencies are why. A chart the base lacks reads
 * nothing there.
 */
function chartRendering(chart: Chart, trees: ChartTrees, extra: readonly string[], settings: RenderSettings, baseExtra = extra): Omit<RenderRoot, 'label' | 'helm' | 'leftOut'> {
  const local = chart.localDependencies;
  const headFiles = (dir: string) => trees.head.get(dir)?.files ?? [];
  const baseFiles = (dir: string) => trees.base.get(dir) ?? [];
  const sorted = (paths: readonly string[]) => [...new Set(paths)].sort();
  // A chart the change moved is read at base where it was, with the dependencies it had there.
  const moved = trees.base.has(chart.dir) ? undefined : trees.movedFrom.get(chart.dir);
  const was = moved ?? chart;
  const extraAtBase = baseExtra.map((path) => pathBeforeMove(path, chart.dir, was.dir));
  const atBase = trees.base.has(was.dir) ? [...baseFiles(was.dir), ...was.localDependencies.flatMap((d) => baseFiles(d.dir)), ...extraAtBase.filter((p) => trees.basePaths?.has(p) === true)] : [];
  return {
    ...(moved !== undefined ? { movedFrom: { dir: moved.dir, file: moved.file, dependencies: dependencyFields(moved) } } : {}),
    tool: 'helm',
    dir: chart.dir,
    file: chart.file,
    sources: sorted([...headFiles(chart.dir), ...local.flatMap((d) => headFiles(d.dir)), ...extra]),
    baseSources: sorted(atBase),
    blocked: null,
    // A chart whose templates need what its missing dependencies define does not render without them: then they are why.
    ...(chart.missingDependencies.length > 0 ? { renderedWithout: chart.missingDependencies } : {}),
    inflateHelm: false,
    limits: limitsOf(settings),
  };
}

/** What a chart's dependencies add to its helm invocation: those `charts/` lacks (left out), and those in folders of the repository. */
function dependencyFields(chart: Chart): Pick<HelmInvocation, 'withoutDependencies' | 'localDependencies' | 'dependencyAliases'> {
  const missing = chart.missingDependencies;
  const local = chart.localDependencies;
  return {
    ...(missing.length > 0 ? { withoutDependencies: [...new Set(missing.map((d) => d.name))] } : {}),
    ...(local.length > 0 ? { localDependencies: local } : {}),
    ...(Object.keys(chart.aliases).length > 0 ? { dependencyAliases: chart.aliases } : {}),
  };
}

/** A chart's entry in the config file, and those of its values files the tree has. */
function chartConfigOf(chart: Chart, settings: RenderSettings, head: TreeSnapshot): { config: ChartSettings | undefined; values: string[] } {
  const config = settings.charts.find((c) => c.chart.replace(/\/+$/, '') === chart.dir);
  return { config, values: (config?.values ?? []).filter((v) => head.paths.has(v)) };
}

/** How a chart is rendered as itself: the config's release and namespace, else its name in `default`, with its values files. */
function ownInvocation(chart: Chart, config: ChartSettings | undefined, values: readonly string[], settings: RenderSettings): HelmInvocation {
  return {
    release: config?.release ?? releaseNameOf(chart.name),
    namespace: config?.namespace ?? 'default',
    namespaceGiven: config?.namespace !== undefined,
    valuesFiles: values,
    ...dependencyFields(chart),
    ...capabilitiesField(undefined, settings),
  };
}

/**
 * The capabilities a chart renders with: those its installer names (Argo
 * CD's `helm.kubeVersion` and `helm.apiVersions`, helmfile's), each in
 * place of the cluster's that the config file gives (`render.kube-version`,
 * `render.api-versions`), as a controller takes the cluster's for what the
 * object leaves out; none for helm's own.
 */
function capabilitiesField(named: Capabilities | undefined, { capabilities: cluster }: RenderSettings): { capabilities?: Capabilities } {
  if (named === undefined || cluster === undefined) {
    const either = named ?? cluster;
    return either === undefined ? {} : { capabilities: either };
  }
  return { capabilities: { kubeVersion: named.kubeVersion ?? cluster.kubeVersion, apiVersions: named.apiVersions.length > 0 ? named.apiVersions : cluster.apiVersions } };
}

/**
 * The charts of `dirs` that render Argo CD Applications (an app of apps)
 * and that the change leaves as they were, each as itself: not checked (its
 * output is the same at both commits), only read for the Applications of
 * the charts the change touches, which are rendered with the values it
 * gives them (stage.ts).
 */
export function parentRoots({ head, charts }: DiscoveredTrees, dirs: ReadonlySet<string>, settings: RenderSettings = defaultRenderSettings): RenderRoot[] {
  const roots: RenderRoot[] = [];
  for (const dir of [...dirs].sort()) {
    const chart = charts.head.get(dir)?.chart;
    if (chart === undefined || chart.library) continue;
    const { config, values } = chartConfigOf(chart, settings, head);
    roots.push({ ...chartRendering(chart, charts, values, settings), label: shownDir(chart.dir), helm: ownInvocation(chart, config, values, settings) });
  }
  return roots;
}

/**
 * The top overlays the change leaves as they were that may change an
 * Application of `files` they take in (a patch per environment): like
 * parentRoots' charts, read only for their Applications of a touched chart.
 * An overlay that only lists its Applications has them rendered from their
 * files (discoverRoots).
 */
export function overlayParentRoots({ overlays, baseOverlays }: DiscoveredTrees, files: ReadonlySet<string>, changed: ReadonlySet<string>, settings: RenderSettings = defaultRenderSettings): RenderRoot[] {
  const roots: RenderRoot[] = [];
  for (const { dir, k, closure } of topOverlays(overlays)) {
    if (!closure.transforms || ![...closure.files].some((file) => files.has(file)) || [...closure.files].some((file) => changed.has(file))) continue;
    // The change leaves its closure as it was: the same files at base, where its Applications' values are read too.
    roots.push(overlayRoot(dir, k, closure, baseOverlays?.byDir.has(dir) ? closure.files : new Set(), settings));
  }
  return roots;
}

function helmRoots({ charts: trees, head, overlays }: DiscoveredTrees, changed: ReadonlySet<string>, settings: RenderSettings, consumed: Set<string>, problems: LoadProblem[]): RenderRoot[] {
  const roots: RenderRoot[] = [];
  // A chart a kustomization inflates is rendered through it, with its values: not as a chart of its own.
  const inflated = new Set(settings.kustomizeHelm === true ? [...overlays.byDir.values()].flatMap((k) => k.helmChartDirs) : []);
  for (const files of trees.base.values()) for (const path of files) consumed.add(path);
  for (const { chart, files: ownFiles } of trees.head.values()) {
    for (const path of ownFiles) consumed.add(path);
    // A library chart renders nothing of its own (helm refuses to: "library charts are not installable").
    if (inflated.has(chart.dir) || chart.library) continue;
    const local = chart.localDependencies;
    const inChart = [...ownFiles, ...local.flatMap((d) => trees.head.get(d.dir)?.files ?? [])];
    const { config, values } = chartConfigOf(chart, settings, head);
    // Values files the config names outside the chart are the rendering's too, never manifests of their own.
    for (const path of config?.values ?? []) consumed.add(path);
    if (!chartTouched(chart, changed) && !values.some((path) => changed.has(path))) continue;
    const missing = chart.missingDependencies;
    const invocation = (extra: readonly string[]): HelmInvocation => ({ ...ownInvocation(chart, config, values, settings), valuesFiles: [...values, ...extra] });
    const rendering = chartRendering(chart, trees, values, settings);
    const leftOut = missing.length > 0 ? { leftOut: missing } : {};
    roots.push({ ...rendering, label: shownDir(chart.dir), helm: invocation([]), ...leftOut });
    // Values files the config names are the chart's values everywhere; else those beside values.yaml each make a rendering of their own.
    const environments = config?.values === undefined ? environmentValuesOf(chart.dir, inChart, changed) : [];
    const left = environments.splice(maxEnvironments);
    if (left.length > 0) problems.push({ file: chart.file, line: null, kind: 'not-rendered', message: leftEnvironments(chart.dir, environments.length, left) });
    const ci = config?.ciValues ? ciValuesOf(chart.dir, inChart) : [];
    for (const file of [...environments, ...ci]) {
      const label = `${shownDir(chart.dir)} (${file.slice(inDir(chart.dir, '').length)})`;
      roots.push({ ...rendering, label, helm: invocation([file]), ...leftOut });
    }
  }
  return roots;
}

/** Whether the change touches a chart's files, or those of a dependency in a folder of the repository (`file://../common`, read with the chart). */
function chartTouched(chart: Chart, changed: ReadonlySet<string>): boolean {
  for (const path of changed) if (isInside(path, chart.dir) || chart.localDependencies.some((d) => isInside(path, d.dir))) return true;
  return false;
}

/**
 * The Applications of files the change leaves as they were whose rendering
 * it changes: it touches their chart, one of their values files, or a file
 * their ApplicationSet read their parameters from. A pull request that
 * edits a chart's template changes what every Application of that chart
 * installs, with that Application's values (which may turn on what the
 * chart's own values leave off).
 */
function standingApplications(trees: ChartTrees, standing: readonly ApplicationChart[], changed: ReadonlySet<string>): ApplicationChart[] {
  const touched = new Map<string, boolean>();
  const chartChanged = (dir: string) => {
    let known = touched.get(dir);
    if (known === undefined) {
      const chart = trees.head.get(dir)?.chart;
      touched.set(dir, (known = chart !== undefined && chartTouched(chart, changed)));
    }
    return known;
  };
  const readChanged = (application: ApplicationChart) => [...application.valueFiles, ...(application.parameterFiles ?? [])].some((path) => changed.has(path));
  return standing.filter((application) => chartChanged(application.chartDir) || readChanged(application));
}

/**
 * The renderings of the charts that Argo CD Applications and Flux
 * HelmReleases install from this repository (applications.ts): the chart
 * with the object's release name, namespace, values files and inline
 * values, as its controller renders it. The object's file and values files
 * are its sources, at head and at base. `applications` are those of the change's files, `standing` those
 * of other files whose chart or values the change touches.
 */
function applicationRoots(
  trees: ChartTrees,
  settings: RenderSettings,
  applications: readonly ApplicationChart[],
  standing: readonly ApplicationChart[],
  consumed: Set<string>,
  problems: LoadProblem[],
): RenderRoot[] {
  // The change's own Applications first: past the limit, the others are those left out.
  const all = [...applications, ...standing];
  const rendered = all.slice(0, maxApplications);
  const left = all.slice(maxApplications);
  const leftChanged = left.filter((application) => applications.includes(application));
  const leftStanding = left.filter((application) => !applications.includes(application));
  if (leftChanged.length > 0) problems.push({ file: leftChanged[0]!.file, line: leftChanged[0]!.noticeLine, kind: 'not-rendered', message: leftApplications(rendered.length, leftChanged) });
  for (const [dir, apps] of byChart(leftStanding)) {
    const chart = trees.head.get(dir)?.chart;
    if (chart !== undefined) problems.push({ file: chart.file, line: null, kind: 'not-rendered', message: leftStandingApplications(dir, apps) });
  }
  const roots: RenderRoot[] = [];
  for (const application of rendered) {
    const chart = trees.head.get(application.chartDir)?.chart;
    if (chart === undefined || chart.library) continue;
    // Its values files are that rendering's, never left unchecked (strayValues.ts).
    for (const path of application.valueFiles) consumed.add(path);
    const name = installerName(application);
    roots.push(applicationRoot(chart, trees, settings, application, name, [application.file, ...application.valueFiles]));
  }
  return roots;
}

/** The rendering of a chart for an Application (or HelmRelease), named `name` after the chart's folder, reading `sources` beside the chart's own files. */
function applicationRoot(chart: Chart, trees: ChartTrees, settings: RenderSettings, application: ApplicationChart, name: string, sources: readonly string[], rendered?: ApplicationValues['rendered']): RenderRoot {
  const { atBase } = application;
  const baseSources = atBase ? [application.file, ...atBase.valueFiles] : sources;
  return {
    ...chartRendering(chart, trees, sources, settings, baseSources),
    label: `${shownDir(chart.dir)} (${name})`,
    helm: {
      release: application.release,
      namespace: application.namespace ?? 'default',
      namespaceGiven: application.namespace !== null,
      valuesFiles: application.valueFiles,
      ...dependencyFields(chart),
      ...capabilitiesField(application.capabilities, settings),
      ...(application.inlineFill !== undefined ? { inlineFill: application.inlineFill } : {}),
      ...(atBase !== undefined ? { atBase: atBase === null ? null : baseInvocation(atBase, settings) } : {}),
      application: {
        kind: application.kind,
        file: application.file,
        name: application.name,
        inline: application.inline,
        // A child of an app of apps: its file is the parent's folder, its notice line one of the parent's rendering.
        ...(rendered !== undefined ? { rendered } : { line: application.noticeLine, ...(application.valueLines ? { valueLines: application.valueLines } : {}) }),
        ...(application.lines !== undefined ? { lines: application.lines } : {}),
        ...(application.parameterFiles !== undefined ? { parameterFiles: application.parameterFiles } : {}),
        ...(application.parameterLines !== undefined ? { parameterLines: application.parameterLines } : {}),
      },
    },
    ...(chart.missingDependencies.length > 0 ? { leftOut: chart.missingDependencies } : {}),
  };
}

/** helm's settings for an install at the base commit. */
function baseInvocation({ release, namespace, valueFiles, capabilities, inlineFill }: InstallAtBase, settings: RenderSettings): BaseInvocation {
  // The base's own parameters fill the inline values there, or none (set, so that the head's are not kept: rootAtBase spreads this over them).
  return { release, namespace: namespace ?? 'default', namespaceGiven: namespace !== null, valuesFiles: valueFiles, ...capabilitiesField(capabilities, settings), inlineFill };
}

/** An Application a chart or overlay renders (an app of apps): its chart and settings (its `file`: the parent's folder), the rendering it is in, and its inline values as each side renders them. */
export interface RenderedApplication {
  /** Its chart and settings; `noticeLine` is its line in the parent's rendering. */
  readonly application: ApplicationChart;
  /** The label of the rendering that holds it. */
  readonly parent: string;
  /** The file that rendering is read as (stage.ts renderingPath): where its notice is. */
  readonly renderedAs: string;
  readonly values: { readonly base: string | null; readonly head: string | null };
}

/**
 * The renderings of the charts that Applications rendered by the change's
 * charts and overlays install (an app of apps), at most maxApplications:
 * each reads the chart's files and its values files, and takes its inline
 * values from the parent's rendering at each side.
 */
export function renderedApplicationRoots(
  { charts: trees }: DiscoveredTrees,
  settings: RenderSettings = defaultRenderSettings,
  found: readonly RenderedApplication[],
): { readonly application: RenderedApplication; readonly root: RenderRoot }[] {
  const roots: { application: RenderedApplication; root: RenderRoot }[] = [];
  for (const each of found.slice(0, maxApplications)) {
    const { application, parent, values, renderedAs } = each;
    const chart = trees.head.get(application.chartDir)?.chart;
    if (chart === undefined || chart.library) continue;
    roots.push({ application: each, root: applicationRoot(chart, trees, settings, application, `Application ${application.name} of ${parent}`, application.valueFiles, { ...values, renderedAs }) });
  }
  return roots;
}

/**
 * The Argo CD Applications and Flux HelmReleases one run renders charts for: each is a helm run
 * at base, at head and for every suggestion verified, so a pull request
 * that adds a whole fleet of them (an app of apps set up) would hold the
 * review for minutes. Those past it keep their notices.
 */
export const maxApplications = 25;

/** The notice of the Applications left unrendered past maxApplications. */
function leftApplications(rendered: number, left: readonly ApplicationChart[]): string {
  return `the charts of ${rendered} of ${rendered + left.length} ${installers(left)} are rendered with their settings (at most ${maxApplications} in one run), so what ${fewNames(left.map((a) => a.generated ?? a.name))} install is not checked here: check them a few at a time (smaller pull requests, or fewer paths given to \`check\`)`;
}

/**
 * A notice on each chart the change touches when the files that may hold
 * its Applications were not searched (a tree of too many YAML files for
 * the API): what they install with their values is not checked.
 */
function unsearchedNotices(trees: ChartTrees, changed: ReadonlySet<string>, unsearched: number): LoadProblem[] {
  const notices: LoadProblem[] = [];
  for (const { chart } of trees.head.values()) {
    if (chart.library || !chartTouched(chart, changed)) continue;
    const message = `${shownDir(chart.dir)} changes, and the Argo CD Applications and Flux HelmReleases that may install it from files this change leaves as they were are not looked for: the head commit has ${unsearched} YAML and JSON files, too many to read through GitHub's API (check out both commits with \`fetch-depth: 0\` to search them with git)`;
    notices.push({ file: chart.file, line: null, kind: 'not-rendered', message });
  }
  return notices;
}

/** Applications by the folder of the chart they install, in their order. */
function byChart(applications: readonly ApplicationChart[]): Map<string, ApplicationChart[]> {
  const byDir = new Map<string, ApplicationChart[]>();
  for (const application of applications) byDir.set(application.chartDir, [...(byDir.get(application.chartDir) ?? []), application]);
  return byDir;
}

/** The notice of a changed chart's Applications (in files the change leaves as they were) left unrendered past maxApplications. */
function leftStandingApplications(dir: string, left: readonly ApplicationChart[]): string {
  return `${shownDir(dir)} changes, and what it installs through the ${installers(left)} ${fewNames(left.map((a) => a.generated ?? a.name))} is not checked with their values (at most ${maxApplications} of them are rendered in one run): check them with \`pod-security-review check\` on their files`;
}

/** What a rendering's label calls the object it is for: `Application web-prod`, `Application web-prod of ApplicationSet web`, `helmfile release web`. */
function installerName(application: ApplicationChart): string {
  if (application.kind === 'FleetBundle') return `Fleet bundle ${shownDir(application.name)}${application.generated === undefined ? '' : `, target ${application.generated}`}`;
  if (application.generated !== undefined) return `Application ${application.generated} of ApplicationSet ${application.name}`;
  return application.kind === 'HelmfileRelease' ? `helmfile release ${application.name}` : `${application.kind} ${application.name}`;
}

/** What a notice calls some Applications, HelmReleases and helmfile releases: by their kinds. */
function installers(objects: readonly ApplicationChart[]): string {
  const words = { Application: 'Argo CD Applications', ApplicationSet: 'Argo CD Applications', HelmRelease: 'Flux HelmReleases', HelmfileRelease: 'helmfile releases', FleetBundle: 'Fleet bundles' };
  const kinds = [...new Set(objects.map((o) => words[o.kind]))];
  return kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)!}`;
}

/** Names as a notice lists them: the first five as code, then how many more. */
function fewNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((name) => `\`${name}\``).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/**
 * The values of the places a chart is installed, kept beside its
 * values.yaml (`values-prod.yaml`, `values.staging.yaml`): what an Argo CD
 * Application's `valueFiles` or a `helm upgrade -f` names. The chart runs
 * in the cluster with them on top of values.yaml, so each gets a rendering
 * of its own; a change to one alone would otherwise render the chart as
 * before, and pass unseen. Only files in the chart's own folder: examples
 * and tests in its subfolders are not installed anywhere. A values schema
 * written in YAML (`values.schema.yaml`, from which JupyterHub's chart
 * makes its values.schema.json) is no one's values, nor is a template of
 * values (valuesTemplate).
 */
const valuesSchema = /^values[.-]schema\.ya?ml$/i;

/**
 * A values file that is a template a build step fills (envoy gateway's
 * `values.tmpl.yaml`, which `envsubst` makes its values.yaml from): no
 * place's values, and no YAML helm could read before it is filled.
 */
export const valuesTemplate = /[.-](?:tmpl|tpl|template|gotmpl)\.ya?ml$/i;

function environmentValuesOf(dir: string, inChart: readonly string[], changed: ReadonlySet<string>): string[] {
  const prefix = inDir(dir, '');
  const isEnvironment = (path: string) => {
    const name = path.slice(prefix.length);
    return path.startsWith(prefix) && !name.includes('/') && name !== 'values.yaml' && /values/i.test(name) && /\.ya?ml$/.test(name) && !valuesSchema.test(name) && !valuesTemplate.test(name);
  };
  // Those the change touches first (maxEnvironments).
  return inChart.filter(isEnvironment).sort((a, b) => Number(changed.has(b)) - Number(changed.has(a)) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The notice of a chart's environments left unrendered past maxEnvironments. */
function leftEnvironments(dir: string, rendered: number, left: readonly string[]): string {
  const names = fewNames(left.map((path) => path.slice(inDir(dir, '').length)));
  return `${shownDir(dir)} is rendered with ${rendered} of the ${rendered + left.length} values files beside its values.yaml (those the change touches first), so what ${names} set is not checked: name the ones that matter in \`render.charts[].values\` of the config file`;
}

/** A chart's test values, `ci/*-values.yaml` (Helm's convention: `ct install` renders the chart once with each). */
export function ciValuesOf(dir: string, inChart: readonly string[]): string[] {
  return ciFilesOf(dir, inChart, /-values\.ya?ml$/);
}

/** Test values files that read as a chart's plain default, named first in a hint when a chart has one. */
const defaultLike = /^(?:default|defaults|basic|minimal|simple|ci|test|values)(?:-values)?\.ya?ml$/i;

/**
 * The test values file a hint names as an example: one that reads as the
 * default (`ci/default-values.yaml`) when there is one, else the first by
 * name with case aside (the OpenTelemetry collector's
 * `ci/GOMEMLIMIT-values.yaml` sorted before its `ci/clusterrole-values.yaml`).
 */
export function exampleCiValues(files: readonly string[]): string | undefined {
  const name = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  return files.find((file) => defaultLike.test(name(file))) ?? [...files].sort((a, b) => name(a).toLowerCase().localeCompare(name(b).toLowerCase()))[0];
}

/** The YAML files directly in a chart's `ci/` folder, whatever their names (aws-load-balancer-controller's `ci/values.yaml`). */
export function ciYamlOf(dir: string, inChart: readonly string[]): string[] {
  return ciFilesOf(dir, inChart, /\.ya?ml$/);
}

/** The files directly in a chart's `ci/` folder whose names `name` takes, in order. */
function ciFilesOf(dir: string, inChart: readonly string[], name: RegExp): string[] {
  const ciDir = inDir(dir, 'ci/');
  return inChart.filter((p) => p.startsWith(ciDir) && name.test(p) && !p.slice(ciDir.length).includes('/')).sort();
}

/**
 * The Applications (and HelmReleases) of the head tree's files a change
 * leaves as they were, and how many YAML and JSON files were not searched
 * for them (through the API, past its limit).
 */
export interface StandingApplications {
  readonly applications: readonly ApplicationChart[];
  readonly unsearched: number;
}

/**
 * `applications`: the Argo CD Applications of the change that install a
 * chart of this repository (applications.ts), each rendered as it installs
 * it; `standing`: those of the head tree's other files, rendered when the
 * change touches their chart or values files.
 */
export function discoverRoots(
  head: TreeSnapshot,
  base: TreeSnapshot | null,
  changedPaths: Iterable<string>,
  settings: RenderSettings = defaultRenderSettings,
  applications: readonly ApplicationChart[] = [],
  standing: StandingApplications = { applications: [], unsearched: 0 },
  /** For `check` of some paths in a tree listed whole: the files they hold (takenIn); null takes every overlay in. */
  within: ReadonlySet<string> | null = null,
): Discovery {
  const changed = new Set(changedPaths);
  const consumed = new Set<string>();
  const problems: LoadProblem[] = [];
  // The trees' charts and overlays, read once for every kind of rendering.
  const discovered = discoveredTrees(head, base);
  const trees = discovered.charts;
  const overlays = kustomizeRoots(discovered, changed, settings, consumed, within);
  // An object that overlays may change (a release patched per environment) installs with what each overlay makes of it:
  // rendered through them (stage.ts, as an app of apps), not from its file. One they only list is rendered from its file.
  const changing = [...discovered.overlays.closures.values()].filter((closure) => closure.transforms);
  const alone = (application: ApplicationChart) => !changing.some((closure) => closure.files.has(application.file));
  const roots = [
    ...overlays,
    ...helmRoots(discovered, changed, settings, consumed, problems),
    ...applicationRoots(trees, settings, applications.filter(alone), standingApplications(trees, standing.applications.filter(alone), changed), consumed, problems),
  ];
  if (standing.unsearched > 0) problems.push(...unsearchedNotices(trees, changed, standing.unsearched));
  const leftOff = leftOffOf(discovered, consumed);
  problems.push(...fleetNotices(head.texts, changed, head.paths));
  roots.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  return { roots, consumed, leftOff, problems, trees: discovered };
}

export { kustomizationIn };
