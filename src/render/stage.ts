/**
 * The rendering stage, between reading files and reading manifests: the
 * change set's Kustomize overlays and Helm charts are rendered at base and
 * head (through an injected port: the tools run in the I/O layer), each
 * rendering becomes one changed manifest file, scoping treats it as it
 * treats any file (new, modified, preexisting), and the findings are then
 * mapped back to the source lines a reviewer edits. Files a rendering
 * consumes (patches, resources, templates, values) are never evaluated as
 * manifests of their own.
 */
import type { ChangeSet, ChangedFile, LandingBranch } from '../diff/types.js';
import type { LoadProblem } from '../manifests/types.js';
import { textOf } from '../manifests/load.js';
import { selectsFile, selectsPath } from '../scope/select.js';
import { defaultSelection } from '../scope/select.js';
import type { FileSelection } from '../scope/select.js';
import { repositoryKey, tracks } from './applications.js';
import { applicationCharts, namesKind, noticeKey, parameterFileReads } from './installers.js';
import type { ApplicationChart, TextFile } from './applications.js';
import { rootAtBase, withInstallsAtBase } from './installsAtBase.js';
import { evaluateChangeSet } from '../scope/scope.js';
import type { ScopeOptions } from '../scope/scope.js';
import type { DiffReport } from '../scope/types.js';
import type { CheckReport } from '../findings/evaluateFiles.js';
import type { Finding, RenderingSummary } from '../findings/types.js';
import { discoverRoots, overlayParentRoots, parentRoots, renderedApplicationRoots } from './discover.js';
import type { DiscoveredTrees, RenderedApplication } from './discover.js';
import { applicationsRendered } from './renderedApplications.js';
import { dirOf, inDir, isInside, shownDir } from './paths.js';
import { andMore, firstOf } from '../firstFew.js';
import { sourceComments, sourceCommentsOf } from './helmMap.js';
import type { RenderSettings } from './discover.js';
import { mapRenderedReport } from './mapReport.js';
import type { MappedReport } from './mapReport.js';
import { coarsePlacement } from './coarsePlacement.js';
import { placeInNamespace } from './namespace.js';
import { strayValuesFiles } from './strayValues.js';
import { quietValuesChanges } from './quietValues.js';
import { quietTemplateChanges } from './quietTemplates.js';
import { failedWithoutNote, leavesDependencies, leftOutNote, valuesChainOf } from './dependencyNotes.js';
import { valuesMapping } from './chart.js';
import type { RenderingOutcome } from './quietValues.js';
import { baseFileNotices, helmfileBases, helmfileReleases, unrenderedHelmfiles } from './helmfiles.js';
import { fleetBundleCharts } from './fleet.js';
import type { Rendering } from './mapReport.js';
import { suggestionsVerified } from './verify.js';
import { leftOffNotes } from './leftOff.js';
import type { RenderOutput, RenderPort, RenderRoot, RenderedRoot, Side } from './types.js';

export type { RenderPort } from './types.js';

export interface RenderStageOptions extends ScopeOptions {
  readonly render?: RenderSettings;
  /** How many renderings one root's suggestions may cost to verify (verify.ts verificationsPerRoot); `fix` passes Infinity. */
  readonly verifications?: number;
  /**
   * The URLs this repository is known by (its GitHub URL, the clone's
   * remotes): an Argo CD Application whose Helm source is a `path` of one of
   * them, or a Flux HelmRelease whose GitRepository is one of them, is
   * rendered with its own settings (applications.ts).
   */
  readonly repositoryUrls?: readonly string[];
  /** `check`: the plain files it reads, where the Applications it renders charts for are (a review reads the change's). */
  readonly plainFiles?: readonly { readonly path: string; readonly content: Uint8Array | string }[];
  /**
   * The branch the change lands on, when known: an Application or
   * HelmRelease that syncs another branch, or a tag, does not install what
   * the change makes, and is not rendered for it (its notice stays).
   */
  readonly landsOn?: LandingBranch;
  /** `check`: the clone's files that name a Flux GitRepository, beyond the plain files (a HelmRelease's chart is this repository's when its GitRepository is). */
  readonly gitRepositoryFiles?: readonly { readonly path: string; readonly content: Uint8Array | string }[];
}

/** The change set the scope evaluates: plain files no rendering consumes, and one file per rendering. */
export interface RenderPlan {
  readonly changeSet: ChangeSet;
  readonly renderings: ReadonlyMap<string, Rendering>;
  readonly problems: readonly LoadProblem[];
}

/** A failed rendering's message, with what to do when the tool's words say something we know. */
function failure(output: Extract<RenderOutput, { kind: 'failed' }>): string {
  return output.hint === undefined ? output.message : `${output.message}\n(${output.hint})`;
}

function problemOf(rendered: RenderedRoot): LoadProblem | null {
  const { root, head, base } = rendered;
  if (root.blocked !== null) return { file: root.file, line: null, kind: 'not-rendered', message: `${root.label} not rendered: ${root.blocked}` };
  if (head.kind === 'missing-tool') return { file: root.file, line: null, kind: 'not-rendered', message: `${root.label} not rendered: ${head.tool} not found` };
  if (head.kind !== 'failed') return null;
  // Rendered without what it lacks (a chart's dependencies, not vendored), it failed: what it lacks is why, as before it was tried.
  if (root.renderedWithout !== undefined && root.renderedWithout.length > 0) {
    // A values hint means helm stopped on a value the chart's own templates require: the dependencies are not yet why.
    const why = failedWithoutNote(root.renderedWithout, head.hint !== undefined);
    const problem: LoadProblem = { file: root.file, line: null, kind: 'not-rendered', message: `${root.label} not rendered: ${why}: ${failure(head)}` };
    // Without such a hint, the missing dependencies say it all: the tool's words only name the template that stopped.
    return head.hint === undefined ? { ...problem, cause: why } : problem;
  }
  // It rendered at base: the change made it fail (a value its templates refuse), not values it lacks all along.
  if (base.kind === 'rendered') return { file: root.file, line: null, kind: 'render-failed', message: `${root.label} could not be rendered at head, though it rendered at the base commit: the change makes it fail: ${head.message}` };
  // It failed at the base commit too: the change did not break it, and it is checked on neither side (sourcegraph's k3s overlays
  // blocked every pull request that touched a component they share). Not checked, as a root not rendered, not invalid input.
  if (base.kind === 'failed') return { file: root.file, line: null, kind: 'not-rendered', message: `${root.label} not rendered: it fails at the base commit too, so not because of this change: ${failure(head)}` };
  return { file: root.file, line: null, kind: 'render-failed', message: `${root.label} could not be rendered: ${failure(head)}` };
}

/** A chart rendered without its values.schema.json, which refers to a remote schema: a warning, its pod specs checked. */
function schemaNotValidated(root: RenderRoot, schema: string): LoadProblem {
  const message = `${shownDir(root.dir)} rendered without schema validation: its values.schema.json refers to \`${schema}\`, which is never fetched (the tools run without network), so values the chart's schema would refuse are not refused here`;
  return { file: root.file, line: null, kind: 'schema-not-validated', message };
}

/** An overlay rendered with empty stand-ins for generator inputs the repository lacks (inputStandIns.ts): a warning, its pod specs checked. */
function inputStandInsNote(root: RenderRoot, paths: readonly string[]): LoadProblem {
  const named = paths.map((path) => `\`${path}\``).join(', ');
  const message = `${root.label} rendered with an empty stand-in for ${named}, a generator's input the repository lacks (written by a build step): its pod specs are judged as in the cluster, not the data of the ConfigMap or Secret it generates`;
  return { file: root.file, line: null, kind: 'input-stand-in', message };
}

/** A Helm rendering as the cluster would hold it: objects without a namespace in the release namespace (namespace.ts). */
function placed(root: RenderRoot, output: RenderOutput): RenderOutput {
  return root.helm !== null && output.kind === 'rendered' ? { ...output, text: placeInNamespace(output.text, root.helm.namespace) } : output;
}

/** The port with every rendering placed in its release namespace, at base, at head and when verifying a suggestion. */
export function placingPort(port: RenderPort): RenderPort {
  return {
    head: port.head,
    base: port.base,
    // The base side in the namespace the base commit installed the chart into (an Application moved to another namespace is judged there anew).
    render: async (roots) => (await port.render(roots)).map((r) => ({ ...r, base: placed(rootAtBase(r.root) ?? r.root, r.base), head: placed(r.root, r.head), ...(r.headAgain ? { headAgain: placed(r.root, r.headAgain) } : {}) })),
    renderEdited: async (root, edits) => placed(root, await port.renderEdited(root, edits)),
    ...(port.installerFiles !== undefined ? { installerFiles: port.installerFiles.bind(port) } : {}),
    ...(port.readTexts !== undefined ? { readTexts: port.readTexts.bind(port) } : {}),
  };
}

/** The file a rendering is read as (the `index`th of a run's renderings): a name no repository file has. */
export function renderingPath(root: RenderRoot, index: number): string {
  return `${root.file}#rendering-${index + 1}`;
}

/** A chart of the repository that stood in for dependencies from a chart repository (chart.ts `repositoryChartFor`), and the charts it stood in for. */
interface StandInUse {
  readonly dir: string;
  readonly version: string;
  readonly repository: string;
  /** How the charts declare the dependency, as messages say it (`\`common 2.x.x\` (locked at 2.31.4)`). */
  readonly declared: Set<string>;
  readonly charts: Set<string>;
}

/**
 * The stand-ins a rendering used, added to `uses` by the chart that stands
 * in. One its values leave off (`condition: csi.enabled`), or whose
 * templates wrote nothing, changed nothing that is checked: a library chart
 * is used wherever the chart renders (its templates are included), any
 * other when the rendering names a template of its folder.
 */
function addStandIns(uses: Map<string, StandInUse>, root: RenderRoot, rendered: string): void {
  // The rendering's sources are read only for a stand-in that is no library: most charts have none.
  let writing: Set<string> | undefined;
  const aliases = Object.entries(root.helm?.dependencyAliases ?? {});
  const wrote = (name: string) => {
    writing ??= subchartsWriting(rendered);
    return writing.has(name) || aliases.some(([alias, of]) => of === name && writing!.has(alias));
  };
  for (const { name, dir, standIn } of root.helm?.localDependencies ?? []) {
    if (standIn === undefined || !(standIn.library || wrote(name))) continue;
    const key = JSON.stringify([dir, standIn.version, standIn.repository]);
    let use = uses.get(key);
    if (use === undefined) uses.set(key, (use = { dir, version: standIn.version, repository: standIn.repository, declared: new Set(), charts: new Set() }));
    // As the chart declares it, with the version its lock pins when that is another.
    use.declared.add(`\`${standIn.declared}\`${standIn.locked === undefined ? '' : ` (locked at ${standIn.locked})`}`);
    use.charts.add(root.dir);
  }
}

/**
 * What renderings of one chart leave out (chart.ts: its dependencies
 * `charts/` lacks), said once where they say the same: a chart rendered
 * once per `ci/*-values.yaml` (61 for DataDog's datadog chart) said it 61
 * times. A note said by several renderings names how many.
 */
class LeftOutNotes {
  private readonly said = new Map<string, { readonly index: number; readonly dir: string; readonly what: string; count: number }>();

  constructor(private readonly problems: LoadProblem[]) {}

  /** `unreached`: the change cannot reach what was left out (leavesDependencies), so nothing of the change goes unchecked. */
  add(root: RenderRoot, what: string, unreached: boolean): void {
    const key = JSON.stringify([root.dir, what]);
    const known = this.said.get(key);
    if (known !== undefined) return void known.count++;
    this.said.set(key, { index: this.problems.length, dir: root.dir, what, count: 1 });
    const problem: LoadProblem = unreached
      ? { file: root.file, line: null, kind: 'dependency-left-out', message: `${root.label} ${what}` }
      : { file: root.file, line: null, kind: 'not-rendered', message: `${root.label} ${what}`, renderedInPart: true };
    this.problems.push(problem);
  }

  /** Names the renderings of the notes several said. */
  close(): void {
    for (const { index, dir, what, count } of this.said.values()) {
      if (count > 1) this.problems[index] = { ...this.problems[index]!, message: `${shownDir(dir)} (${count} renderings) ${what}` };
    }
  }
}

/**
 * The values documents a chart's rendering took, read from the texts it
 * read (its values.yaml, its environment's or ci values file, the config's
 * values files); null for an Application's, whose own values are not a
 * file of the repository: any dependency may be on there.
 */
function valuesTaken({ root, sources }: RenderedRoot, parse: (text: string) => Record<string, unknown> | null): Record<string, unknown>[] | null {
  if (root.helm === null || root.helm.application !== undefined) return null;
  return valuesChainOf(root.dir, root.helm.valuesFiles, sources, parse);
}

/** The folders of `charts/` (by name or alias) that wrote something into a helm rendering, as its `# Source:` comments name them. */
function subchartsWriting(rendered: string): Set<string> {
  const folders = new Set<string>();
  for (const path of sourceCommentsOf(rendered).paths) {
    const folder = /^charts\/([^/]+)\//.exec(path)?.[1];
    if (folder !== undefined) folders.add(folder);
  }
  return folders;
}

/**
 * One warning per chart that stood in, on its Chart.yaml, naming the charts
 * it stood in for (a library chart of a repository of charts stands in for
 * a hundred): the published chart may differ from the repository's.
 */
function standInProblem(use: StandInUse): LoadProblem {
  const charts = [...use.charts].sort().map((dir) => `\`${shownDir(dir)}\``);
  const { first, more } = firstOf(charts, 5);
  const named = `${first.join(', ')}${andMore(more)}`;
  const declared = [...use.declared].join(', ');
  return {
    file: inDir(use.dir, 'Chart.yaml'),
    line: null,
    kind: 'dependency-stand-in',
    message: `${shownDir(use.dir)} (${use.version}) is rendered in place of the dependency ${declared} from ${use.repository}, which is not vendored and never fetched, by ${charts.length === 1 ? 'the chart' : `${charts.length} charts`} ${named}: vendor it (\`helm dependency build\`) to check the published chart instead`,
  };
}

/** A changed file's texts at base and head, by its paths ('' where it is absent, null where it cannot be read); undefined for a file the change leaves. */
function changedTextsOf(changeSet: ChangeSet): (path: string) => readonly [string | null, string | null] | undefined {
  const byPath = new Map<string, ChangedFile>();
  for (const file of changeSet.files) {
    byPath.set(file.path, file);
    if (file.previousPath !== undefined) byPath.set(file.previousPath, file);
  }
  const text = (content: ChangedFile['base']) => (content.kind === 'absent' ? '' : content.kind === 'content' ? textOf(content.data) : null);
  // Every rendering of a chart (61 of DataDog's, one per ci/*-values.yaml) asks of the same files: each is decoded once.
  const texts = new Map<ChangedFile, readonly [string | null, string | null]>();
  return (path) => {
    const file = byPath.get(path);
    if (file === undefined) return undefined;
    if (!texts.has(file)) texts.set(file, [text(file.base), text(file.head)]);
    return texts.get(file);
  };
}

export function planRenderedChangeSet(changeSet: ChangeSet, consumed: ReadonlySet<string>, rendered: readonly RenderedRoot[]): RenderPlan {
  const plain = changeSet.files.filter((file) => !consumed.has(file.path) && !(file.previousPath !== undefined && consumed.has(file.previousPath)));
  const renderings = new Map<string, Rendering>();
  const problems: LoadProblem[] = [];
  const files: ChangedFile[] = [];
  // Why each chart's own rendering was not made: its other renderings (environments, ci values) were not either, for the same reason.
  const notRendered = new Map<string, string>();
  const standIns = new Map<string, StandInUse>();
  const leftOut = new LeftOutNotes(problems);
  const changedTexts = changedTextsOf(changeSet);
  const unvalidated = new Set<string>();
  // DataDog's 61 renderings (one per ci/*-values.yaml) read the same values.yaml: it is parsed once.
  const parsed = new Map<string, Record<string, unknown> | null>();
  const parse = (text: string): Record<string, unknown> | null => {
    if (!parsed.has(text)) parsed.set(text, valuesMapping(text));
    return parsed.get(text) ?? null;
  };
  rendered.forEach((r, i) => {
    const problem = problemOf(r);
    if (problem !== null) {
      const reason = problem.kind === 'not-rendered' ? problem.message.slice(r.root.label.length) : null;
      if (reason === null) return void problems.push(problem);
      if (notRendered.get(r.root.dir) === reason) return;
      notRendered.set(r.root.dir, reason);
      return void problems.push(problem);
    }
    if (r.head.kind !== 'rendered') return;
    // Rendered without its values schema (a remote one, never fetched): said once per chart, for all its renderings.
    if (r.head.schemaNotFetched !== undefined && !unvalidated.has(r.root.dir)) {
      unvalidated.add(r.root.dir);
      problems.push(schemaNotValidated(r.root, r.head.schemaNotFetched));
    }
    // Rendered with empty stand-ins for generator inputs the repository lacks (a `.env` a build step writes).
    if (r.head.inputStandIns !== undefined) problems.push(inputStandInsNote(r.root, r.head.inputStandIns));
    // Rendered, but without something (a chart's dependencies charts/ lacks): its findings, and what was left out, once for the renderings of a chart that say the same.
    const unreached =
      r.root.leftOut !== undefined &&
      r.base.kind === 'rendered' &&
      r.root.helm !== null &&
      r.root.helm.application === undefined &&
      r.root.movedFrom === undefined &&
      leavesDependencies(r.root.dir, r.root.leftOut, [...r.root.sources, ...r.root.baseSources], r.root.helm.valuesFiles, changedTexts, parse);
    const note = r.root.leftOut === undefined ? null : leftOutNote(r.root.leftOut, valuesTaken(r, parse), unreached);
    if (note !== null) leftOut.add(r.root, note, unreached);
    // Rendered with the repository's chart in place of a dependency: said once per chart that stood in, after them all.
    addStandIns(standIns, r.root, r.head.text);
    if (r.base.kind === 'failed') {
      // Nothing to compare with: say why everything the root renders is new.
      problems.push({ file: r.root.file, line: null, kind: 'base-not-rendered', message: `${r.root.label} could not be rendered at the base commit, so every pod spec it renders is judged as new: ${failure(r.base)}` });
    }
    // A name no repository file has: the mapping puts findings back on real files.
    const path = renderingPath(r.root, i);
    renderings.set(path, { rendered: r, text: r.head.text });
    files.push({
      path,
      status: r.base.kind === 'rendered' ? 'modified' : 'added',
      // A base that is absent or did not render: every head pod spec is new.
      base: r.base.kind === 'rendered' ? { kind: 'content', data: r.base.text } : { kind: 'absent' },
      head: { kind: 'content', data: r.head.text },
      hunks: null,
      rendered: true,
      ...(r.root.helm !== null && r.base.kind === 'rendered' ? { documentSources: { base: sourceComments(r.base.text), head: sourceComments(r.head.text) } } : {}),
      ...(r.base.kind === 'rendered' && r.headAgain?.kind === 'rendered' ? { headAgain: r.headAgain.text } : {}),
    });
  });
  for (const use of standIns.values()) problems.push(standInProblem(use));
  leftOut.close();
  return { changeSet: { ...changeSet, files: [...plain, ...files] }, renderings, problems };
}

/**
 * A chart rendered once per values set (its environments' values files,
 * `ci-values`) gives the same finding once per rendering wherever the
 * values sets agree: it is one thing to fix, so it is reported once, as the
 * chart's own rendering (values.yaml alone) reports it. That holds however
 * each rendering placed it (a values file's `securityContext: {}`, which
 * helm merges, not replaces, leads its rendering to place and fix the
 * finding apart), and whatever it named the object on the same line (a test
 * pod its template names anew each time). A finding only another rendering
 * has is kept, and so is one whose status there differs (a check the change
 * makes fail in production only). Renderings of different roots (two
 * overlays) repeat a finding only on the same line, for the same object.
 */
function withoutRepeats<F extends Finding>(findings: readonly F[]): F[] {
  const placedSeen = new Set<string>();
  const alikeSeen = new Set<string>();
  // The chart's own renderings first, wherever their findings stand in the report's order.
  for (const finding of findings) if (finding.rendered !== undefined && finding.rendered.label === undefined) for (const key of alikeKeys(finding)) alikeSeen.add(key);
  return findings.filter((finding) => {
    if (finding.rendered === undefined) return true;
    const placed = placedKey(finding);
    const alike = alikeKeys(finding);
    // The first rendering's name is kept (the chart's own values come first).
    if (placedSeen.has(placed) || (finding.rendered.label !== undefined && alike.some((key) => alikeSeen.has(key)))) return false;
    placedSeen.add(placed);
    for (const key of alike) alikeSeen.add(key);
    return true;
  });
}

/** Where a rendered finding is and what it names, the rendering's name aside. */
function placedKey(finding: Finding): string {
  return JSON.stringify({ ...finding, rendered: { ...finding.rendered, label: undefined } });
}

/** Within its root, the same finding wherever it is placed, and the same finding on the same line whatever it names. */
function alikeKeys({ file, line, locations: _locations, fix: _fix, fixNote: _fixNote, rendered, name, ...finding }: Finding): string[] {
  const root = rendered?.root;
  return [JSON.stringify({ ...finding, name, root }), JSON.stringify({ ...finding, file, line, root })];
}

/**
 * When a side's tree was listed only in part (GitHub's git trees API
 * truncates big trees), charts and overlays in the rest were not
 * discovered: a notice that leaves the run neutral, never a silent green,
 * naming the changed files the listing left out.
 */
function truncationProblem(changeSet: ChangeSet, port: RenderPort): LoadProblem | null {
  const sides = [port.base?.truncated === true ? 'base' : null, port.head.truncated === true ? 'head' : null].filter((side) => side !== null);
  if (sides.length === 0) return null;
  const atHead = [...changeSet.files.filter((f) => f.status !== 'removed').map((f) => f.path), ...(changeSet.unselectedPaths ?? [])];
  const unlisted = port.head.truncated === true ? [...new Set(atHead)].filter((path) => !port.head.paths.has(path)).sort() : [];
  const shown = unlisted.slice(0, 5).map((path) => `\`${path}\``);
  const names = unlisted.length === 0 ? '' : `; changed files not in the listing: ${shown.join(', ')}${unlisted.length > shown.length ? ` and ${unlisted.length - shown.length} more` : ''}`;
  const trees = sides.length === 2 ? "the base and head commits' trees" : `the ${sides[0]} commit's tree`;
  return {
    file: '(charts and overlays GitHub did not list)',
    line: null,
    kind: 'not-rendered',
    message: `GitHub listed ${trees} only in part (its git trees API truncates past 100,000 entries or 7 MB), so Helm charts and Kustomize overlays in the part it left out were not discovered or rendered, and those it listed may have rendered without some of their files${names}. \`pod-security-review diff\` on a clone renders them all.`,
  };
}

/** The head texts of the change's plain files the selection takes. */
function changedTexts(changeSet: ChangeSet, selection: FileSelection): TextFile[] {
  const files: { path: string; content: Uint8Array | string }[] = [];
  for (const file of changeSet.files) if (file.status !== 'removed' && file.head.kind === 'content' && selectsFile(selection, file)) files.push({ path: file.path, content: file.head.data });
  return textsOf(files);
}

/** The texts of files as the manifest reader decodes them; one it cannot read as text holds no Application. */
function textsOf(files: readonly { readonly path: string; readonly content: Uint8Array | string }[]): TextFile[] {
  const texts: TextFile[] = [];
  for (const { path, content } of files) {
    const text = textOf(content);
    if (text !== null) texts.push({ path, text });
  }
  return texts;
}

function repositoryKeys(urls: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const url of urls) {
    const key = repositoryKey(url);
    if (key !== null) keys.add(key);
  }
  return keys;
}

/**
 * The texts of the head tree's files the change leaves as they were (and
 * the selection takes) that may hold an Application, a HelmRelease or a
 * GitRepository: discovery renders the Applications and HelmReleases whose
 * chart the change touches, and a HelmRelease's chart is this repository's
 * when its GitRepository is. Searched only when the change touches a
 * chart's folder or holds a HelmRelease, and the port can search (through
 * the API, a search reads every YAML file of the tree).
 */
async function standingTexts(
  port: RenderPort,
  changeSet: ChangeSet,
  touched: (dir: string) => boolean,
  changedFiles: readonly TextFile[],
  selection: FileSelection,
  repository: ReadonlySet<string>,
): Promise<{ texts: TextFile[]; unsearched: number; parents: Set<string>; applicationFiles: Set<string> }> {
  const none = { texts: [], unsearched: 0, parents: new Set<string>(), applicationFiles: new Set<string>() };
  if (repository.size === 0 || port.installerFiles === undefined) return none;
  const chartDirs = [...port.head.texts.keys()].filter((path) => path === 'Chart.yaml' || path.endsWith('/Chart.yaml')).map(dirOf);
  const touchesChart = chartDirs.some(touched);
  if (!touchesChart && !changedFiles.some((file) => namesHelmRelease.test(file.text) || mayHoldParameters(file))) return none;
  const inChange = new Set(changeSet.files.map((file) => file.path));
  const found = await port.installerFiles();
  const texts = textsOf(found.files);
  // The charts the change leaves as they were whose files write an Application (an app of apps): its Applications may install a touched chart.
  const parents = new Set<string>();
  const applicationFiles = new Set<string>();
  for (const file of touchesChart ? texts : []) {
    if (!namesApplication.test(file.text)) continue;
    applicationFiles.add(file.path);
    const dir = chartDirs.find((d) => d !== '' && isInside(file.path, d));
    if (dir !== undefined && !touched(dir)) parents.add(dir);
  }
  return { texts: texts.filter((file) => !inChange.has(file.path) && selectsPath(selection, file.path)), unsearched: found.unsearched, parents, applicationFiles };
}

/**
 * The installers of the base commit's versions of the change's files and of
 * the standing files (which it leaves as they were), with those texts, each
 * named by its path at head: how the base commit installed what head does
 * (installsAtBase.ts).
 */
async function installersAtBase(
  port: RenderPort,
  changeSet: ChangeSet,
  selection: FileSelection,
  standing: readonly TextFile[],
  repository: ReadonlySet<string>,
): Promise<{ installers: ApplicationChart[]; texts: TextFile[] }> {
  if (port.base === null) return { installers: [], texts: [] };
  const changed: { path: string; content: Uint8Array | string }[] = [];
  for (const file of changeSet.files) if (file.status !== 'added' && file.base.kind === 'content' && selectsFile(selection, file)) changed.push({ path: file.path, content: file.base.data });
  const texts = [...textsOf(changed), ...standing];
  const parameters = await parameterTextsOf(port, 'base', texts, repository);
  return { installers: applicationCharts(texts, repository, port.base.paths, texts, parameters), texts };
}

/** The installers but the releases of helmfile bases (helmfileBases), which render only merged into the helmfile that names them. */
function notBases(installers: readonly ApplicationChart[], bases: ReadonlyMap<string, string>): ApplicationChart[] {
  return installers.filter((installer) => installer.kind !== 'HelmfileRelease' || !bases.has(installer.file));
}

/** The texts of the files the ApplicationSets of `files` read parameters from at one side; none when the port cannot read them (those sets keep their notice). */
async function parameterTextsOf(port: RenderPort, side: Side, files: readonly TextFile[], repository: ReadonlySet<string>): Promise<ReadonlyMap<string, string>> {
  const tree = side === 'head' ? port.head : port.base;
  const reads = tree === null ? [] : parameterFileReads(files, repository, tree.paths);
  return reads.length === 0 || port.readTexts === undefined ? new Map() : port.readTexts(side, reads);
}

/**
 * The releases of the head tree's helmfiles, and its Fleet bundles, that
 * the change leaves as they were (discovery reads every helmfile, those
 * they name, and every fleet.yaml): rendered when the change touches their
 * chart or a values file they name, as other standing installers are.
 */
function standingFileInstallers(port: RenderPort, changed: readonly string[], selection: FileSelection): ApplicationChart[] {
  const inChange = new Set(changed);
  const files: TextFile[] = [];
  for (const [path, text] of port.head.texts) if (!inChange.has(path) && selectsPath(selection, path)) files.push({ path, text });
  return files.flatMap((file) => [...helmfileReleases(file, port.head.paths).charts, ...fleetBundleCharts(file, port.head.paths)]);
}

/**
 * A file that writes an Argo CD Application (a chart's template of one,
 * too): `kind: Application` at the start of a line, as an object's own
 * kind is; the `kind: Application` of a CustomResourceDefinition's names
 * (the argo-cd chart's CRDs) is indented, and makes no chart a parent to
 * render on every change.
 */
const namesHelmRelease = namesKind('HelmRelease');

/**
 * A changed file that may be one an ApplicationSet reads parameters from (a
 * git `files` generator's): YAML or JSON that names no kind, outside
 * `.github/` (GitHub's own configuration: workflows, issue forms).
 */
function mayHoldParameters(file: TextFile): boolean {
  return /\.(?:ya?ml|json)$/.test(file.path) && !file.path.startsWith('.github/') && !/(?:^|[\s{,])["']?kind["']?\s*:/.test(file.text);
}

const namesApplication = /^kind:\s*["']?Application["']?\s*(?:#.*)?$/m;

/**
 * The charts that Applications the first renderings render install (an
 * app of apps), rendered too (renderedApplications.ts); and the report
 * without the notices the parents' renderings have for those Applications.
 */
/** What renderChildren reads besides the port and the first renderings. */
interface ChildrenContext {
  readonly trees: DiscoveredTrees;
  readonly repository: ReadonlySet<string>;
  readonly synced: (application: ApplicationChart) => boolean;
  readonly settings: RenderSettings | undefined;
  readonly selected: (root: RenderRoot) => boolean;
  /** The unchanged parents read for the charts the change touches (`touched`). */
  readonly standing?: { readonly parents: readonly RenderedRoot[]; readonly touched: (dir: string) => boolean };
}

async function renderChildren(
  port: RenderPort,
  parents: readonly RenderedRoot[],
  { trees, repository, synced, settings, selected, standing = { parents: [], touched: () => false } }: ChildrenContext,
): Promise<{ rendered: RenderedRoot[]; withoutTheirNotices: <R extends { readonly errors: readonly LoadProblem[] }>(report: R) => R }> {
  const inChange = repository.size === 0 ? [] : applicationsRendered(parents, (index) => renderingPath(parents[index]!.root, index), repository, port.head.paths, synced);
  // Those of the charts the change leaves as they were, only where they install a chart it touches (their parents are read, not checked: no notice to drop).
  const ofStanding = repository.size === 0 ? [] : applicationsRendered(standing.parents, (index) => `${standing.parents[index]!.root.file}#standing-${index + 1}`, repository, port.head.paths, synced);
  const found = [...inChange, ...ofStanding.filter(({ application }) => standing.touched(application.chartDir))];
  // An Application an overlay only lists is rendered from its file already (discover.ts): once is enough, and its file places findings better.
  const direct = new Set(parents.flatMap(({ root }) => (root.helm?.application?.kind === 'Application' && root.helm.application.rendered === undefined ? [`${root.helm.application.name}\u0000${root.dir}`] : [])));
  const rendersDirectly = ({ application }: RenderedApplication) => direct.has(`${application.name}\u0000${application.chartDir}`);
  const roots = renderedApplicationRoots(trees, settings, found.filter((each) => !rendersDirectly(each))).filter(({ root }) => selected(root));
  const dropped = [...roots.map(({ application }) => application), ...found.filter(rendersDirectly)];
  if (dropped.length === 0) return { rendered: [], withoutTheirNotices: (report) => report };
  const notices = new Set(dropped.map((application) => noticeKey(application.renderedAs, application.application.noticeLine)));
  const withoutTheirNotices = <R extends { readonly errors: readonly LoadProblem[] }>(report: R): R => ({
    ...report,
    errors: report.errors.filter((problem) => !(problem.kind === 'not-rendered' && notices.has(noticeKey(problem.file, problem.line)))),
  });
  return { rendered: roots.length === 0 ? [] : await port.render(roots.map(({ root }) => root)), withoutTheirNotices };
}

/** The roots rendered at head, by tool and name, as the report lists them (none: no field). */
function renderingsOf(rendered: readonly RenderedRoot[]): { renderings?: RenderingSummary[] } {
  const renderings = rendered.filter((r) => r.head.kind === 'rendered').map((r) => ({ tool: r.root.tool, rendering: r.root.label }));
  return renderings.length > 0 ? { renderings } : {};
}

/**
 * A problem as the report gives it, given the installers found: none for the
 * notice of an Application (or HelmRelease) whose chart is rendered for it
 * (its pod specs are checked there); the notice of one that is not, with
 * why when it is known (`refusals`, by noticeKey: an ApplicationSet's, a
 * HelmRelease's of this repository's chart); any other as it is.
 */
export type NoticeOf = (problem: LoadProblem) => LoadProblem | null;

function installerNotices(applications: readonly ApplicationChart[], roots: readonly RenderRoot[], refusals: ReadonlyMap<string, string>): NoticeOf {
  const rendered = new Set<string>();
  const key = ({ kind, file, name }: Pick<ApplicationChart, 'kind' | 'file' | 'name'>) => `${kind}\u0000${file}\u0000${name}`;
  for (const root of roots) if (root.helm?.application !== undefined) rendered.add(key(root.helm.application));
  const notices = new Set(applications.filter((a) => rendered.has(key(a))).map((a) => noticeKey(a.file, a.noticeLine)));
  return (problem) => {
    if (problem.kind !== 'not-rendered') return problem;
    const at = noticeKey(problem.file, problem.line);
    if (notices.has(at)) return null;
    const why = refusals.get(at);
    return why === undefined ? problem : { ...problem, message: problem.message.replace(' not rendered: ', ` not rendered (${why}): `) };
  };
}

/** The problems `noticeOf` keeps, as it gives them. */
export function noticesOf(problems: readonly LoadProblem[], noticeOf: NoticeOf): LoadProblem[] {
  return problems.flatMap((problem) => {
    const kept = noticeOf(problem);
    return kept === null ? [] : [kept];
  });
}

/**
 * What each rendering showed of the change (quietValues.ts,
 * quietTemplates.ts): whether it rendered at both commits, whether the pull
 * request changed its output at all (a template's random values aside), and
 * which templates wrote something into it.
 */
function outcomesOf(rendered: readonly RenderedRoot[]): RenderingOutcome[] {
  return rendered.map((r) => {
    let written: ReadonlySet<string> | undefined;
    return {
      root: r.root,
      bothRendered: r.base.kind === 'rendered' && r.head.kind === 'rendered',
      headRendered: r.head.kind === 'rendered',
      changed: () => changedByTheChange(r),
      writes: (template) => (written ??= templatesWritten(r.head)).has(template),
    };
  });
}

/** The templates that wrote something into a helm rendering, by their path in the chart, as its `# Source:` comments name them. */
function templatesWritten(output: RenderOutput): ReadonlySet<string> {
  return new Set(output.kind === 'rendered' ? sourceCommentsOf(output.text).paths : []);
}

/**
 * Whether a rendering differs at head from base by more than what its
 * templates write anew each time: a line the base and head differ on that
 * the head's second rendering gives again (a `randAlphaNum` token's
 * checksum differs at every rendering, so it says nothing of the change).
 */
function changedByTheChange({ base, head, headAgain }: RenderedRoot): boolean {
  if (base.kind !== 'rendered' || head.kind !== 'rendered') return true;
  if (base.text === head.text) return false;
  if (headAgain?.kind !== 'rendered') return true;
  const [before, after, again] = [base.text, head.text, headAgain.text].map((text) => text.split('\n'));
  if (before!.length !== after!.length || after!.length !== again!.length) return true;
  return before!.some((line, i) => line !== after![i] && after![i] === again![i]);
}

/**
 * The rendered report on its source lines (mapReport.ts), or, when placing
 * it there fails on a bug, on the roots' own files (coarsePlacement.ts): the
 * review keeps every finding, and says what failed. `place` is the placing
 * (a test makes it fail).
 */
export function placedOnSources(
  report: DiffReport,
  renderings: ReadonlyMap<string, Rendering>,
  changeSet: ChangeSet | null,
  headPaths: ReadonlySet<string>,
  place: typeof mapRenderedReport = mapRenderedReport,
): MappedReport {
  try {
    return place(report, renderings, changeSet, headPaths);
  } catch (error) {
    return coarsePlacement(report, renderings, error);
  }
}

/** The rendered report on its source lines, and, when fixes are asked for, their suggestions verified by rendering again: each step keeping the findings through a bug of its own. */
async function placedAndVerified(report: DiffReport, renderings: ReadonlyMap<string, Rendering>, changeSet: ChangeSet | null, port: RenderPort, options: RenderStageOptions): Promise<DiffReport> {
  const mapped = placedOnSources(report, renderings, changeSet, port.head.paths);
  return options.fixes ? await suggestionsVerified(mapped, port, options.policy, options.verifications) : mapped.report;
}

/** `diff` and the Action: the change set with its charts and overlays rendered (or as plain files when `port` is null). */
export async function evaluateWithRendering(changeSet: ChangeSet, options: RenderStageOptions, tools: RenderPort | null): Promise<DiffReport> {
  if (tools === null) return evaluateChangeSet(changeSet, options);
  const port = placingPort(tools);
  const changed = [...changeSet.files.flatMap((f) => (f.previousPath !== undefined ? [f.path, f.previousPath] : [f.path])), ...(changeSet.unselectedPaths ?? [])];
  const selection = options.selection ?? defaultSelection;
  const repository = repositoryKeys(options.repositoryUrls ?? []);
  const changedFiles = changedTexts(changeSet, selection);
  const touched = (dir: string) => changed.some((path) => isInside(path, dir));
  const standingFiles = await standingTexts(port, changeSet, touched, changedFiles, selection, repository);
  const known = [...changedFiles, ...standingFiles.texts];
  const synced = (application: ApplicationChart) => tracks(application.revision, options.landsOn);
  const parameters = await parameterTextsOf(port, 'head', known, repository);
  const base = await installersAtBase(port, changeSet, selection, standingFiles.texts, repository);
  const bases = helmfileBases(port.head.texts);
  const atBase = (installers: readonly ApplicationChart[]) => withInstallsAtBase(notBases(installers, bases).filter(synced), base.installers, base.texts);
  const refusals = new Map<string, string>();
  const applications = atBase(applicationCharts(changedFiles, repository, port.head.paths, known, parameters, refusals));
  const standing = { applications: atBase([...applicationCharts(standingFiles.texts, repository, port.head.paths, known, parameters), ...standingFileInstallers(port, changed, selection)]), unsearched: standingFiles.unsearched };
  const discovery = discoverRoots(port.head, port.base, changed, options.render, applications, standing);
  const roots = discovery.roots.filter((root) => selectsPath(selection, root.file));
  const noticeOf = installerNotices(applications, roots, refusals);
  const selected = (root: RenderRoot) => selectsPath(selection, root.file);
  const parents = await port.render(roots);
  const parentsToRead = [...parentRoots(discovery.trees, standingFiles.parents, options.render), ...overlayParentRoots(discovery.trees, standingFiles.applicationFiles, new Set(changed), options.render)].filter(selected);
  const standingParents = parentsToRead.length === 0 ? [] : await port.render(parentsToRead);
  const children = await renderChildren(port, parents, { trees: discovery.trees, repository, synced, settings: options.render, selected, standing: { parents: standingParents, touched } });
  const rendered = [...parents, ...children.rendered];
  const plan = planRenderedChangeSet(changeSet, discovery.consumed, rendered);
  const report = children.withoutTheirNotices(evaluateChangeSet(plan.changeSet, options));
  const verified = await placedAndVerified(report, plan.renderings, changeSet, port, options);
  const truncated = truncationProblem(changeSet, port);
  const outcomes = outcomesOf(rendered);
  const stray = [
    ...strayValuesFiles(changeSet, discovery.consumed, port.head.paths),
    ...quietValuesChanges(changeSet, outcomes, port.head.paths),
    ...quietTemplateChanges(changeSet, outcomes, port.head.paths),
    ...unrenderedHelmfiles(changeSet, new Set((options.render?.charts ?? []).map((chart) => chart.chart)), port.head.paths),
    ...baseFileNotices(changeSet, bases, port.head.paths),
    ...leftOffNotes(discovery.leftOff, changedFiles),
  ];
  const errors = noticesOf(verified.errors, noticeOf);
  return { ...verified, findings: withoutRepeats(verified.findings), ignored: withoutRepeats(verified.ignored), ...renderingsOf(rendered), errors: [...errors, ...plan.problems, ...discovery.problems.filter((problem) => selectsPath(selection, problem.file)), ...stray, ...(truncated ? [truncated] : [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0))) };
}

/**
 * `check`: every chart and overlay under the paths given, rendered once
 * (there is no base), its findings mapped to their sources like a diff's.
 * Returns the report of the renderings and the files they consume (to be
 * left out of the plain check).
 */
export async function checkRenderings(
  tools: RenderPort,
  options: RenderStageOptions,
): Promise<{ report: CheckReport; consumed: ReadonlySet<string>; noticeOf: NoticeOf }> {
  const port = placingPort(tools);
  const plain = textsOf(options.plainFiles ?? []);
  const given = new Set(plain.map((file) => file.path));
  const known = [...plain, ...textsOf((options.gitRepositoryFiles ?? []).filter((file) => !given.has(file.path)))];
  const repository = repositoryKeys(options.repositoryUrls ?? []);
  const refusals = new Map<string, string>();
  const applications = notBases(applicationCharts(plain, repository, port.head.paths, known, await parameterTextsOf(port, 'head', plain, repository), refusals), helmfileBases(port.head.texts));
  // What was given is what is checked: the rest of the tree is read only for the charts its installers install.
  // Files `--exclude` names are not given: an overlay whose kustomization it names is not taken in (a base only it used is rendered
  // on its own), a chart whose Chart.yaml it names is not rendered, and their problems are not said.
  const selected = (file: string) => options.selection === undefined || selectsPath(options.selection, file);
  const within = options.selection === undefined ? (port.head.given ?? null) : new Set([...(port.head.given ?? port.head.paths)].filter(selected));
  const found = discoverRoots(port.head, null, within ?? port.head.paths, options.render, applications, undefined, within);
  const discovery = { ...found, roots: found.roots.filter((root) => selected(root.file)), problems: found.problems.filter((problem) => selected(problem.file)) };
  const parents = await port.render(discovery.roots);
  const children = await renderChildren(port, parents, { trees: discovery.trees, repository, synced: () => true, settings: options.render, selected: () => true });
  const rendered = [...parents, ...children.rendered];
  const plan = planRenderedChangeSet({ files: [] }, discovery.consumed, rendered);
  const report = children.withoutTheirNotices(evaluateChangeSet(plan.changeSet, { ...options, noBase: true }));
  const verified = await placedAndVerified(report, plan.renderings, null, port, options);
  // A check knows no change: no status, no diff lines.
  const findings = withoutRepeats(verified.findings.map(({ status: _status, preexisting: _preexisting, locations, ...finding }) => ({ ...finding, locations: locations.map(({ inDiff: _inDiff, ...location }) => location) })));
  const podSpecs = verified.podSpecs.map(({ status: _status, previousFile: _previous, ...verdict }) => verdict);
  const report_: CheckReport = { ...verified, findings, podSpecs, ...renderingsOf(rendered), errors: [...verified.errors, ...plan.problems, ...discovery.problems, ...leftOffNotes(discovery.leftOff, plain.filter((file) => selected(file.path)))] };
  delete (report_ as { unchangedPodSpecs?: number }).unchangedPodSpecs;
  return { report: report_, consumed: discovery.consumed, noticeOf: installerNotices(applications, discovery.roots, refusals) };
}
