/**
 * The rendering stage's I/O: read both versions of the repository as data,
 * write each affected root's files into a temporary folder, run its tool
 * there, and hand the outputs (and the head texts findings map back to) to
 * the pure stage. Also renders a root again with one file edited, to verify
 * a suggestion.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import type { InstallerFiles, RenderOutput, RenderRoot, RenderedRoot, Side, TreeSnapshot } from '../../render/types.js';
import { applicationValuesPath, renderIn } from './tools.js';
import { installerValuesIn } from '../../render/installers.js';
import { rootAtBase } from '../../render/installsAtBase.js';
import { snapshotOf, writeTree } from './trees.js';
import type { Snapshot, TreeReader } from './trees.js';
import { chartArchiveTexts, isChartArchive } from './archives.js';
import { withoutDependencies } from '../../render/chart.js';
import { inDir } from '../../render/paths.js';
import { withCrdStubs } from '../../render/crdStubs.js';
import { withInputStandIns } from '../../render/inputStandIns.js';

export interface RenderSides {
  readonly reader: TreeReader;
  /** The base commit; null renders head only (`check`). */
  readonly base: string | null;
  readonly head: string;
  /** How many tools may run at once (default: one per core). */
  readonly concurrency?: number;
  /** Outputs already made, kept across renderers: a root whose files read the same is not rendered again. */
  readonly memo?: RenderMemo;
}

/**
 * Renderings by what they read: the root's invocation and the bytes of
 * every file it reads. `fix` renders its roots again after each round of
 * fixes, and most of them read what they read before.
 */
export type RenderMemo = Map<string, RenderOutput>;

/** The memo's key: a digest of the root's invocation and its files, path by path. */
function renderKey(root: RenderRoot, files: ReadonlyMap<string, Uint8Array>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([root.tool, root.dir, root.file, root.helm, root.inflateHelm, root.limits]));
  for (const path of [...files.keys()].sort()) {
    const data = files.get(path)!;
    hash.update(`\0${path}\0${data.length}\0`);
    hash.update(data);
  }
  return hash.digest('hex');
}

export interface Renderer {
  readonly head: TreeSnapshot;
  readonly base: TreeSnapshot | null;
  /** Render roots at base and head. */
  render(roots: readonly RenderRoot[]): Promise<RenderedRoot[]>;
  /** Render a root at head with some files replaced (a suggestion applied). */
  renderEdited(root: RenderRoot, edits: ReadonlyMap<string, string>): Promise<RenderOutput>;
  /** The head tree's files that name an Application, a HelmRelease or a GitRepository, when the reader can search a tree (RenderPort.installerFiles). */
  installerFiles?(): Promise<InstallerFiles>;
  /** The texts of some files of one side's tree (RenderPort.readTexts). */
  readTexts(side: Side, paths: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

const decoder = new TextDecoder();

/** A text with its CRLF line ends as LF: the line numbers stay. */
const withLfEnds = (text: string) => (text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text);

/**
 * The tree a root renders: a chart's Chart.yaml (or requirements.yaml)
 * without the dependencies its `charts/` lacks, which helm would refuse;
 * and those in folders of the repository (`file://`) in its `charts/`, as
 * `helm dependency build` puts them.
 */
function treeFiles(root: RenderRoot, files: ReadonlyMap<string, Uint8Array>): ReadonlyMap<string, Uint8Array> {
  const names = root.helm?.withoutDependencies ?? [];
  const local = root.helm?.localDependencies ?? [];
  if (names.length === 0 && local.length === 0) return files;
  const tree = new Map(files);
  for (const { name, dir } of local) {
    const prefix = `${dir}/`;
    for (const [path, data] of files) if (dir !== '' && path.startsWith(prefix)) tree.set(inDir(root.dir, `charts/${name}/${path.slice(prefix.length)}`), data);
  }
  if (names.length === 0) return tree;
  for (const name of ['Chart.yaml', 'requirements.yaml']) {
    const path = inDir(root.dir, name);
    const data = files.get(path);
    const pruned = data === undefined ? null : withoutDependencies(decoder.decode(data), new Set(names));
    if (pruned !== null) tree.set(path, new TextEncoder().encode(pruned));
  }
  return tree;
}

async function renderSide(
  given: RenderRoot,
  side: Side,
  snapshot: Snapshot | null,
  reader: TreeReader,
  commit: string,
  paths: readonly string[],
  missing: Set<string>,
  memo: RenderMemo | undefined,
  edits?: ReadonlyMap<string, string>,
): Promise<{ output: RenderOutput; files: Map<string, Uint8Array> }> {
  // The base side renders what the base commit installed (an Application's values files there), or nothing when it installed none.
  const root = side === 'base' ? rootAtBase(given) : given;
  if (root === null) return { output: { kind: 'absent' }, files: new Map() };
  // A chart rendered with a values file the commit does not have (one the change adds) is new at head, like a root the commit lacks.
  const present = snapshot !== null && snapshot.listing.has(root.file) && (root.helm?.valuesFiles ?? []).every((file) => snapshot.listing.has(file));
  if (!present) return { output: { kind: 'absent' }, files: new Map() };
  const files = await reader.read(commit, snapshot.listing, paths);
  for (const [path, text] of edits ?? []) files.set(path, new TextEncoder().encode(text));
  // A rendering for an Argo CD Application (or Flux HelmRelease) takes its inline values from its file as this commit (or edit) has it.
  const application = root.helm?.application;
  if (application !== undefined) {
    const text = files.get(application.file);
    // One a chart or overlay renders has its values from that rendering, side by side.
    const values = application.rendered !== undefined ? application.rendered[side] : text === undefined ? null : installerValuesIn(application.file, decoder.decode(text), application, root.helm?.inlineFill);
    if (values === null) return { output: { kind: 'absent' }, files: new Map() };
    files.set(applicationValuesPath, new TextEncoder().encode(values));
  }
  const key = memo === undefined ? null : renderKey(root, files);
  const known = key === null ? undefined : memo?.get(key);
  if (known !== undefined) return { output: known, files };
  const output = await renderFiles(root, files, missing, (path) => snapshot.listing.has(path));
  if (key !== null) memo?.set(key, output);
  return { output, files };
}

/**
 * The root's files written to a temporary folder, and its tool run there.
 * An overlay renders with an empty stand-in for each generator input the
 * repository does not list (`listed`; inputStandIns.ts), and with its CRDs
 * cut down to stubs (crdStubs.ts), and again with them whole if it fails
 * so: a patch that reached a CRD's schema.
 */
async function renderFiles(root: RenderRoot, files: ReadonlyMap<string, Uint8Array>, missing: Set<string>, listed: (path: string) => boolean): Promise<RenderOutput> {
  const whole = treeFiles(root, files);
  const { files: complete, standIns } = root.tool === 'kustomize' ? withInputStandIns(whole, listed) : { files: whole, standIns: [] };
  const stubbed = root.tool === 'kustomize' && !root.inflateHelm ? withCrdStubs(complete) : complete;
  const first = await renderTree(root, stubbed, missing);
  const output = stubbed !== complete && first.kind === 'failed' && first.stopped !== true ? await renderTree(root, complete, missing) : first;
  return output.kind === 'rendered' && standIns.length > 0 ? { ...output, inputStandIns: standIns } : output;
}

async function renderTree(root: RenderRoot, files: ReadonlyMap<string, Uint8Array>, missing: Set<string>): Promise<RenderOutput> {
  const tree = await writeTree(files);
  try {
    return await renderIn(root, tree.dir, missing);
  } finally {
    await tree.dispose();
  }
}

/** A root whose tool may write a value anew at each rendering: helm's template functions (randAlphaNum, uuidv4, now). Kustomize's own output is the same every time. */
function mayRenderAnew(root: RenderRoot): boolean {
  return root.helm !== null || root.inflateHelm;
}

/**
 * Read both sides' listings; null when the head commit is not readable.
 * Each rendering runs its tool in a process of its own, so renderings run
 * side by side, as many at once as `concurrency`: a repository of overlays,
 * or a chart whose suggestions are each rendered again, takes a fraction of
 * the time on a runner's cores. Results keep the order of the roots.
 */
export async function openRenderer(sides: RenderSides): Promise<Renderer | null> {
  const head = await snapshotOf(sides.reader, sides.head);
  if (head === null) return null;
  const base = sides.base === null ? null : await snapshotOf(sides.reader, sides.base);
  const missing = new Set<string>();
  const limit = pLimit(Math.max(1, sides.concurrency ?? availableParallelism()));
  const renderRoot = async (root: RenderRoot): Promise<RenderedRoot> => {
    if (root.blocked !== null) return { root, base: { kind: 'absent' }, head: { kind: 'absent' }, sources: new Map() };
    const headSide = await limit(() => renderSide(root, 'head', head, sides.reader, sides.head, root.sources, missing, sides.memo));
    // Nothing to compare with when head did not render; one that failed by itself (not stopped at a limit,
    // which would stop the base too) is rendered at base all the same, to say whether the change made it fail.
    const compared = headSide.output.kind === 'rendered';
    const failedByItself = headSide.output.kind === 'failed' && headSide.output.stopped !== true;
    const baseSide = compared || failedByItself ? limit(() => renderSide(root, 'base', base, sides.reader, sides.base ?? '', root.baseSources, missing, sides.memo)).then((side) => side.output) : Promise.resolve<RenderOutput>({ kind: 'absent' });
    // With a base to compare with, what the tool writes anew each time is told from what the change made by
    // rendering head again (beside the base), never from the memo, which would give the very same text back.
    const again = compared && base?.listing.has(root.file) === true && mayRenderAnew(root) ? limit(() => renderFiles(root, headSide.files, missing, (path) => head.listing.has(path))) : Promise.resolve(null);
    const [baseOutput, headAgain] = await Promise.all([baseSide, again]);
    // The Application values written for helm are no file of the repository: findings go to the Application's own lines.
    // Read with LF line ends: the mapping reads their lines, and a line it writes back keeps no `\r` (a CRLF chart's
    // template got `spec:\r\r\n`); a fix is written to the file with its own line ends.
    const sources = new Map([...headSide.files].filter(([path]) => mayWriteAField(path)).map(([path, data]) => [path, withLfEnds(decoder.decode(data))] as const));
    const archived = new Map<string, string>();
    for (const [path, data] of headSide.files) if (root.helm !== null && isChartArchive(path)) for (const [inside, text] of chartArchiveTexts(path, data)) archived.set(inside, text);
    return { root, base: baseOutput, head: headSide.output, ...(headAgain !== null ? { headAgain } : {}), sources, ...(archived.size > 0 ? { archived } : {}) };
  };
  const { reader } = sides;
  let installerFiles: Promise<InstallerFiles> | undefined;
  return {
    head: head.tree,
    base: base?.tree ?? null,
    render: (roots) => Promise.all(roots.map(renderRoot)),
    async renderEdited(root, edits) {
      return (await limit(() => renderSide(root, 'head', head, sides.reader, sides.head, root.sources, missing, sides.memo, edits))).output;
    },
    async readTexts(side, paths) {
      const snapshot = side === 'head' ? head : base;
      if (snapshot === null || (side === 'base' && sides.base === null)) return new Map();
      const files = await reader.read(side === 'head' ? sides.head : (sides.base ?? ''), snapshot.listing, paths);
      return new Map([...files].map(([path, data]) => [path, decoder.decode(data)] as const));
    },
    ...(reader.filesNaming !== undefined
      ? {
          installerFiles: () => (installerFiles ??= filesNaming(reader, head, sides.head, installerWords)),
        }
      : {}),
  };
}

/** What a file that holds an Argo CD Application, a Flux HelmRelease or a GitRepository names. */
const installerWords = ['Application', 'HelmRelease', 'GitRepository'];

/** The files of a commit whose text holds one of `words`, read (within the reader's size limit). */
async function filesNaming(reader: TreeReader, snapshot: Snapshot, commit: string, words: readonly string[]): Promise<InstallerFiles> {
  const found = (await reader.filesNaming?.(commit, snapshot.listing, words)) ?? { files: new Map(), unsearched: 0 };
  return { files: [...found.files].map(([path, content]) => ({ path, content })), unsearched: found.unsearched };
}

/** The `--render` / `render` setting: auto renders with the tools found on PATH, off reads every file as a plain manifest. */
export type RenderMode = 'auto' | 'off';

export const renderModes: readonly RenderMode[] = ['auto', 'off'];

/**
 * Whether a file a rendering read may write a field of what it renders, so that its text is kept for
 * mapping findings and writing fixes: not the Application values written for helm (no file of the
 * repository: findings go to the Application's own lines), a chart archive (its files are read apart),
 * nor Markdown (a chart's README and CHANGELOG, kept once per rendering: 20 MB over bitnami's charts).
 */
function mayWriteAField(path: string): boolean {
  return path !== applicationValuesPath && !isChartArchive(path) && !/\.(?:md|markdown)$/i.test(path);
}
