/**
 * The fix engine for one manifest file (pure): failures in, verified
 * suggestions out.
 *
 * 1. Each failure's fixer proposes edits on field paths (or explains why a
 *    fix needs knowledge we lack).
 * 2. The edits are rendered as splices on the head text (render.ts), and
 *    verified per pod spec: the spliced text is loaded and evaluated again
 *    (verify.ts). A fix that does not verify is dropped, alone if the
 *    others still verify without it. A fix that edits a node several pod
 *    specs share (an anchor that List items alias) is verified for all of
 *    them at once: it stands when every user fails the same check.
 * 3. The splices are grouped into line suggestions (suggestions.ts), each
 *    of which is verified again on its own, by applying the suggestion text
 *    itself, and all of them together.
 * In a file without aliases the pod specs are taken in batches (batches.ts):
 * each pod spec's fixes are verified, and once no later fix can share a
 * suggestion with a batch, its suggestions are made and what its
 * verifications kept is let go.
 */
import type { DiffLines } from '../diff/lines.js';
import { loadManifestFile } from '../manifests/load.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { evaluatePod } from '../pss/evaluate.js';
import { containerListKeys, isObject, obj } from '../pss/pod.js';
import type { CheckFailure, FieldPath, JsonValue, Level, LevelVersion, PodInput, Version } from '../pss/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import { podLoadOptions } from '../workloads/podFree.js';
import type { PodSpecSource } from '../workloads/extract.js';
import { EditIndex, prefixEdit, valueAt } from './edits.js';
import { fixers } from './fixers/index.js';
import { anchorCaveat, besideABlockingFix, besideABlockingRemoval, besideTheChange, fixEngineFailed, inJsonStream, longLineNote, noSafeFix, notComputed, sharedCaveat, sharedNode } from './notes.js';
import { mergeRendered, RenderError, renderEdits } from './render.js';
import type { OwnedEdit, OwnedSplice, RenderContext, Rendered } from './render.js';
import { detectStyle } from './style.js';
import { applySuggestions, areaKey, containerGap, groupSplices, suggestionSplice, toSuggestion, wholePod } from './suggestions.js';
import type { Group } from './suggestions.js';
import { inOrder, lineOf, lineTable, overlappingSplices, SpliceConflict } from './text.js';
import type { LineTable } from './text.js';
import type { Edit, FindingFix, FixableCheck, FixFailure, FixPlan, Suggestion } from './types.js';
import { podKey, verifierOf } from './verify.js';
import type { Expectation, Verifier } from './verify.js';
import { walk } from './walk.js';
import { Batches, spanOf } from './batches.js';
import { sameItems } from './sameItems.js';
import { noAnchors, usedAnchorsIn } from '../manifests/anchors.js';
import { isJsonStream } from '../manifests/jsonStream.js';
import { errorMessage } from '../errorMessage.js';

export { applySuggestions } from './suggestions.js';
export type { FindingFix, Suggestion } from './types.js';

/** The failures of one pod spec, as evaluated at a level and version. */
export interface PodFailures {
  readonly source: PodSpecSource;
  /** Upstream checks' failures, and the failures of fixable advice checks that are enabled. */
  readonly failures: readonly FixFailure[];
  /** The level and version the failures come from, when not the request's (e.g. a namespace's own level). */
  readonly policy?: LevelVersion;
}

export interface FixRequest {
  /** The file's path as shown to users (only used to load the fixed text again). */
  readonly file: string;
  /** The head text of the file, the one its pod specs were loaded from (a leading BOM is ignored). */
  readonly text: string;
  /** The pod specs of the file with their failures (pod specs without failures may be left out). */
  readonly pods: readonly PodFailures[];
  /** The level and version for pod specs without their own `policy`: a fix must not break any other check at that level. */
  readonly level: Level;
  readonly version: Version;
  /** The file's diff lines in the pull request, or null when there is no diff (every suggestion is then not attachable). */
  readonly diff: DiffLines | null;
  /**
   * Verify each fix on its whole document, never on the List items it
   * touches alone (verify.ts): the reference that item-by-item verification
   * is tested against. Default: false.
   */
  readonly wholeDocuments?: boolean;
  /**
   * The work fixes may cost, in characters of text loaded to verify them;
   * past it, the findings not yet tried get `fixNote: "not computed: …"`.
   * Default: fixWorkBudget(text). `fix` passes Infinity.
   */
  readonly workBudget?: number;
  /**
   * Render each pod spec's fixes once and reuse the rendering while they do
   * not change (in documents without aliases). False renders every set of
   * fixes anew: the reference the reuse is tested against. Default: true.
   */
  readonly reuseRenders?: boolean;
  /**
   * Verify a fix by reading only the fragments it rewrites (fragments.ts)
   * when they prove what the fixed document decodes to. False reads every
   * fixed document or List item whole: the reference the fragments are
   * tested against. Default: true.
   */
  readonly fragments?: boolean;
  /**
   * Make the suggestions of pod specs whose fixes lie apart a batch at a
   * time (batches.ts). False makes every suggestion of the file at once: the
   * reference the batches are tested against. Default: true.
   */
  readonly batches?: boolean;
}

/**
 * A file's work budget for fixes: verifying a fix loads the pod spec it
 * fixes a few times over, so a budget of many times the file's size is met
 * only by a file whose fixes cost far more than its pod specs (a last resort:
 * no input may stall a review).
 */
export function fixWorkBudget(text: string): number {
  return 1_000_000 + 50 * text.length;
}

export interface FileFixes {
  /** Every suggestion of the file, ordered by line, never overlapping. */
  readonly suggestions: readonly Suggestion[];
  /** `pods[i][j]` is the fix of `request.pods[i].failures[j]`. */
  readonly pods: readonly (readonly FindingFix[])[];
}

/** The splices of a set of owners' edits, and the owners whose edit changes a shared node. */
type Rendering = Pick<Rendered, 'splices' | 'shared'>;

/** Why a fix was withdrawn; `shared` says what is shared when the edit touched a shared node. */
interface Refusal {
  readonly reason: string;
  readonly shared: string | null;
}

interface Owner {
  readonly id: string;
  /** Its place among the file's owners: the order owners are selected in (each round selects them in this order). */
  readonly index: number;
  readonly podIndex: number;
  readonly check: FixableCheck;
  /** The fix of a blocking finding, in a review (FixFailure.blocking). */
  readonly blocking: boolean;
  readonly documentIndex: number;
  readonly podKey: string;
  readonly plan: PlanSummary;
  /** Edits with paths relative to the document. */
  readonly edits: readonly Edit[];
  /** Where each edit lands (areaOf), for grouping. */
  readonly areas: readonly string[];
  accepted: boolean;
  note: string | null;
  /** Values from a merge key are edited where the merged map defines them (see OwnedEdit.atSource). */
  atSource: boolean;
}

/**
 * A plan as an owner keeps it: its edits are kept once, with document
 * paths (Owner.edits); a List of thousands of pod specs holds every owner
 * until its suggestions are made.
 */
type PlanSummary = Exclude<FixPlan, { kind: 'edits' }> | { readonly kind: 'edits'; readonly caveat?: string };

const editsPlan: PlanSummary = { kind: 'edits' };

function summaryOf(plan: FixPlan): PlanSummary {
  if (plan.kind !== 'edits') return plan;
  return plan.caveat === undefined ? editsPlan : { kind: 'edits', caveat: plan.caveat };
}

/** Container areas by list, index and field, each name written once (every owner of a List names one). */
const containerAreas = new Map<string, Map<string, string>[]>();

/**
 * Where an edit lands, for grouping: a field of a container (its
 * securityContext, its ports), the pod securityContext, metadata, volumes,
 * other pod fields. Edits of one area share a suggestion, as edits that
 * write the same new map must; a container's host port and its
 * securityContext are apart, each a short suggestion on its own lines.
 */
function areaOf(path: FieldPath): string {
  const [root, second, third, fourth] = path;
  if (root === 'spec' && typeof second === 'string' && (containerListKeys as readonly string[]).includes(second) && typeof third === 'number') {
    let byIndex = containerAreas.get(second);
    if (byIndex === undefined) containerAreas.set(second, (byIndex = []));
    const byField = (byIndex[third] ??= new Map());
    const field = typeof fourth === 'string' ? fourth : '';
    let area = byField.get(field);
    if (area === undefined) byField.set(field, (area = `${second}[${third}]${field === '' ? '' : `.${field}`}`));
    return area;
  }
  if (root === 'metadata') return 'metadata';
  if (root === 'spec' && (second === 'securityContext' || second === 'volumes')) return second;
  return 'spec';
}

/** An owned edit that fixes the findings of `owners` too. */
function joined(edit: OwnedEdit, owners: ReadonlySet<string>, areas: ReadonlySet<string>): OwnedEdit {
  return { ...edit, owners: new Set([...edit.owners, ...owners]), areas: new Set([...edit.areas, ...areas]) };
}

/**
 * A removal inside what another edit removes whole is made by that one,
 * for its owners too: capabilities_baseline removes the forbidden item of
 * `add: [CHOWN, NET_ADMIN]`, capabilities_restricted the whole `add`.
 * Written apart, the two would overlap in the text, and restricted's fix
 * was refused beside baseline's. Not a blocking finding's removal into a
 * warning's, in a review: the blocking fix stays the short one (`add:
 * [CHOWN]`, the change the pull request made undone), and the warning's,
 * which overlaps it, goes.
 */
function withinRemovalsFolded(edits: OwnedEdit[], ownerById: ReadonlyMap<string, Owner>, apartFromBlocking: Set<string>): OwnedEdit[] {
  // Most pod specs' fixes remove one thing or none: their keys are not even made.
  let count = 0;
  for (const { edit } of edits) if (edit.op === 'delete') count++;
  if (count < 2) return edits;
  const removals = new Map<string, number>();
  for (let i = 0; i < edits.length; i++) {
    const { edit, atSource } = edits[i]!;
    if (edit.op === 'delete') removals.set(removalKey(edit.path, edit.path.length, atSource), i);
  }
  const folded: OwnedEdit[] = [...edits];
  const gone = new Set<number>();
  for (let i = 0; i < edits.length; i++) {
    const { edit, atSource, owners, areas } = edits[i]!;
    if (edit.op !== 'delete') continue;
    // The outermost removal around it: every removal inside that one goes into it.
    for (let length = 1; length < edit.path.length; length++) {
      const around = removals.get(removalKey(edit.path, length, atSource));
      if (around === undefined) continue;
      if (anyBlocking(owners, ownerById) && !anyBlocking(edits[around]!.owners, ownerById)) {
        for (const owner of edits[around]!.owners) apartFromBlocking.add(owner);
        break;
      }
      folded[around] = joined(folded[around]!, owners, areas);
      gone.add(i);
      break;
    }
  }
  return gone.size === 0 ? edits : folded.filter((_, i) => !gone.has(i));
}

function anyBlocking(owners: ReadonlySet<string>, ownerById: ReadonlyMap<string, Owner>): boolean {
  for (const id of owners) if (ownerById.get(id)?.blocking === true) return true;
  return false;
}

const removalKey = (path: FieldPath, length: number, atSource: boolean | undefined): string => `${atSource === true ? 's' : 'p'}\u0000${path.slice(0, length).join('\u0000')}`;

/** The set naming one area of one pod spec, made once per ownedEdits call. */
function areaSetOf(areaSets: Map<number, Map<string, ReadonlySet<string>>>, podIndex: number, area: string): ReadonlySet<string> {
  let byArea = areaSets.get(podIndex);
  if (byArea === undefined) areaSets.set(podIndex, (byArea = new Map()));
  let areas = byArea.get(area);
  if (areas === undefined) byArea.set(area, (areas = new Set([areaKey(podIndex, area)])));
  return areas;
}

/** A plan's edits with paths relative to the document (theirs are relative to the pod template). */
function documentEdits(templatePath: FieldPath, edits: readonly Edit[]): Edit[] {
  // Of their final length, as areasOf's: an owner keeps both until the file's suggestions are made.
  const prefixed = new Array<Edit>(edits.length);
  for (let i = 0; i < edits.length; i++) prefixed[i] = prefixEdit(templatePath, edits[i]!);
  return prefixed;
}

/** Where each edit lands (areaOf). */
function areasOf(edits: readonly Edit[]): string[] {
  const areas = new Array<string>(edits.length);
  for (let i = 0; i < edits.length; i++) areas[i] = areaOf(edits[i]!.path);
  return areas;
}

/** The pod template as written: what edits can touch (the checks saw it defaulted). */
function writtenPod(document: JsonValue, templatePath: FieldPath): PodInput {
  const template = valueAt(document, templatePath) ?? null;
  const holder = isObject(template) ? template : undefined;
  return { metadata: obj(holder, 'metadata') ?? {}, spec: obj(holder, 'spec') ?? {} };
}

/**
 * How often computeFixes rendered a pod spec's (or a document's) edits,
 * reused a pod spec's rendering, and knew a shared edit from an alike one
 * (step 2): for tests.
 */
export const renderCounts = { rendered: 0, reused: 0, alike: 0 };

/** How many batches step 4 made suggestions for, and how often their spans tangled (batches.ts): for tests. */
export const batchCounts = { batches: 0, tangled: 0 };

/** The most lines a review's suggestion holding a blocking fix may have when fixes of warnings join it (besideBlocking). */
const maxSharedLines = 20;

/**
 * A document's owners as runs of one pod spec each, or null when a pod
 * spec's owners are not all together: merged renderings follow the order
 * of the parts, which must be the order of the edits.
 */
function podRuns(documentOwners: readonly Owner[]): Owner[][] | null {
  const runs: Owner[][] = [];
  const seen = new Set<number>();
  for (const owner of documentOwners) {
    const run = runs[runs.length - 1];
    if (run?.[0]?.podIndex === owner.podIndex) run.push(owner);
    else if (seen.has(owner.podIndex)) return null;
    else {
      seen.add(owner.podIndex);
      runs.push([owner]);
    }
  }
  return runs;
}

/**
 * The owners named by `ids`, in their order of selection: a loop, as every
 * group of a file (thousands in a List) takes it once per round.
 */
function inSelectionOrder(ids: Iterable<string>, byId: ReadonlyMap<string, Owner>): Owner[] {
  const found: Owner[] = [];
  for (const id of ids) {
    const owner = byId.get(id);
    if (owner !== undefined) found.push(owner);
  }
  return found.sort(bySelection);
}

function bySelection(a: Owner, b: Owner): number {
  return a.index - b.index;
}

/** Owners with edits to try (not those whose fixer wrote a note instead), and not among `left`. */
function withEdits(owners: readonly Owner[], left?: ReadonlySet<Owner>): Owner[] {
  const found: Owner[] = [];
  for (const owner of owners) if (owner.plan.kind === 'edits' && owner.edits.length > 0 && !left?.has(owner)) found.push(owner);
  return found;
}

export function computeFixes(request: FixRequest): FileFixes {
  // Without failures there is nothing to fix (and no fix to build for each failure first).
  if (request.pods.every((pod) => pod.failures.length === 0)) return { suggestions: [], pods: request.pods.map(() => []) };
  // Objects one per line would share suggestions that touch (suggestions.ts), and one segment for the verifier.
  if (isJsonStream(request.text)) return withoutFixes(request.pods, inJsonStream);
  const fixer = new FileFixer(request);
  return fixer.results(fixer.fix());
}

/** No fix for any failure of the pod specs, each with the note `why` gives for its check. */
export function withoutFixes(pods: readonly Pick<PodFailures, 'failures'>[], why: (check: FixableCheck) => string): FileFixes {
  return { suggestions: [], pods: pods.map((pod) => pod.failures.map((failure) => ({ check: failure.check, fix: null, fixNote: why(failure.check) }))) };
}

/**
 * computeFixes, or, when it throws (a bug in the fix engine: the refusals
 * it expects are values), no fix for any failure of the file and a note
 * that says so. Fixes are an extra: a bug in them must not cost the review
 * its findings, nor the other files their fixes.
 */
export function fixesOrFailure(request: FixRequest): FileFixes {
  try {
    return computeFixes(request);
  } catch (error) {
    const message = errorMessage(error);
    return withoutFixes(request.pods, () => fixEngineFailed(message));
  }
}

/**
 * The fix work of one file, step by step (see the top of this module). A
 * class, not closures made per file: V8 lets the optimized code of closures
 * that are gone go at a major collection, so the closures computeFixes made
 * for each file were compiled again after every one, on V8's compiler
 * threads, for as long as the run went on.
 */
class FileFixer {
  private readonly text: string;
  /** A fix within a long line names its bytes in the file, the byte-order mark's three included. */
  private readonly bomBytes: number;
  private readonly table: LineTable;
  /** The documents that hold pod specs: the verifier knows them as the check loaded them, and only they get edits. */
  private readonly documents = new Map<number, ManifestDocument>();
  private readonly budget: number;
  private spent = 0;
  private readonly verifyText: Verifier;
  private readonly owners: Owner[] = [];
  private readonly byPod: Owner[][];
  /** Splices name their owners by id (every group of every round looks them up). */
  private readonly ownerById: ReadonlyMap<string, Owner>;
  /** Owners whose removal holds a blocking owner's and was kept apart from it (withinRemovalsFolded): their refusal says why. */
  private readonly apartFromBlocking = new Set<string>();
  /** Rendering needs each document's nodes with their source ranges, its style and its anchors. */
  private readonly contexts = new Map<number, RenderContext>();
  private readonly collapsed = new Set<number>();
  /**
   * Each pod spec's last rendering, in a document with no alias: its nodes
   * are its own, so its rendering is the same alone or with the others.
   * Step 4 renders every accepted fix of the file, round after round; a pod
   * spec whose fixes did not change since step 3 (most) is not rendered again.
   */
  private readonly podRenders = new Map<number, { readonly collapsed: boolean; readonly owners: readonly Owner[]; readonly rendered: Rendered }>();
  /**
   * Each template node's shared edits, by check and edits below it: List
   * items that alias one anchored pod are one template node, and the same
   * fix of each renders the very same splices (a template under a key, as
   * a workload's, is left out: an edit that empties it writes at its key).
   */
  private readonly sharedEdits = new Map<unknown, Map<string, string | null>>();
  /** Owners fixed by an edit at an anchor, with the number of pod specs it fixes. */
  private readonly anchored = new Map<string, number>();
  /** Whether no document that gets edits has an anchor (known after step 2). */
  private aliasFree = false;

  constructor(private readonly request: FixRequest) {
    this.text = request.text.startsWith('\uFEFF') ? request.text.slice(1) : request.text;
    this.bomBytes = this.text === request.text ? 0 : 3;
    this.table = lineTable(this.text);
    const policies = new Map<string, LevelVersion>();
    for (const pod of request.pods) if (pod.policy) policies.set(podKey(pod.source.document.index, pod.source.objectPath), pod.policy);
    const fallback: LevelVersion = { level: request.level, version: request.version };
    for (const { source } of request.pods) this.documents.set(source.document.index, source.document);
    this.budget = request.workBudget ?? fixWorkBudget(this.text);
    this.verifyText = verifierOf(request.file, this.text, (key) => policies.get(key) ?? fallback, [...this.documents.values()], {
      byItem: request.wholeDocuments !== true,
      fragments: request.fragments !== false,
      onWork: (characters) => (this.spent += characters),
    });
    this.byPod = request.pods.map(() => []);
    this.plan(fallback);
    this.ownerById = new Map(this.owners.map((owner) => [owner.id, owner]));
  }

  /** 1. Plans: each failure's fixer proposes edits (or says why not). */
  private plan(fallback: LevelVersion): void {
    for (let podIndex = 0; podIndex < this.request.pods.length; podIndex++) {
      const { source, failures, policy } = this.request.pods[podIndex]!;
      const written = writtenPod(source.document.value, source.templatePath);
      const { level, version } = policy ?? fallback;
      const key = podKey(source.document.index, source.objectPath);
      for (let failureIndex = 0; failureIndex < failures.length; failureIndex++) {
        const failure = failures[failureIndex]!;
        const plan = fixers[failure.check]({ failure, pod: source.pod, written, kind: source.kind, level, version });
        const owner: Owner = {
          id: `${podIndex}/${failureIndex}`,
          index: this.owners.length,
          podIndex,
          check: failure.check,
          blocking: failure.blocking === true,
          documentIndex: source.document.index,
          podKey: key,
          plan: summaryOf(plan),
          edits: plan.kind === 'edits' ? documentEdits(source.templatePath, plan.edits) : [],
          areas: plan.kind === 'edits' ? areasOf(plan.edits) : [],
          accepted: false,
          note: plan.kind === 'manual' ? plan.note : null,
          atSource: false,
        };
        if (plan.kind === 'edits' && plan.edits.length === 0) owner.note = noSafeFix(failure.check, 'nothing to change in the manifest as written fixes it');
        this.owners.push(owner);
        this.byPod[podIndex]?.push(owner);
      }
    }
  }

  /** Past the budget, the owners not yet tried get no fix and say so. */
  private overBudget(selected: readonly Owner[]): boolean {
    if (this.spent <= this.budget) return false;
    for (const owner of selected) owner.note = notComputed(this.budget);
    return true;
  }

  private contextOf(document: ManifestDocument): RenderContext {
    let context = this.contexts.get(document.index);
    if (!context) {
      // Built only for the documents that get edits: a tree can cost more than reading the file.
      const { layout: doc, place, start, end } = document.source;
      // The event reader leaves documents with aliases to yaml: one it read has none to look for.
      const anchors = place === undefined ? usedAnchorsIn(doc, this.text, start, end) : noAnchors;
      context = { doc, table: this.table, style: detectStyle(doc, this.table), anchors };
      this.contexts.set(document.index, context);
    }
    return context;
  }

  /**
   * Each owner's edits, keyed to merge equal edits of several owners, with who needs them and where they land.
   * An edit of one owner (most) shares that owner's set, and edits landing in one area share its set: every pod
   * spec's fixes are rendered, and sets made per edit were much of rendering's garbage.
   */
  private ownedEdits(selected: readonly Owner[]): OwnedEdit[] {
    const edits: OwnedEdit[] = [];
    // An edit written where a merged value is defined is another edit than the same one written in place: an index for each.
    const inPlace = new EditIndex<number>();
    const atSource = new EditIndex<number>();
    // By pod spec, then by area (areaOf's strings, made once): an area's name is written once per call.
    const areaSets = new Map<number, Map<string, ReadonlySet<string>>>();
    for (const owner of selected) {
      const owners: ReadonlySet<string> = new Set([owner.id]);
      const all = this.collapsed.has(owner.podIndex);
      for (let i = 0; i < owner.edits.length; i++) {
        const edit = owner.edits[i] as Edit;
        const areas = areaSetOf(areaSets, owner.podIndex, all ? wholePod : (owner.areas[i] ?? 'spec'));
        const k = (owner.atSource ? atSource : inPlace).findOrAdd(edit, edits.length);
        if (k === undefined) {
          edits.push({ edit, owners, areas, atSource: owner.atSource });
          continue;
        }
        edits[k] = joined(edits[k]!, owners, areas);
      }
    }
    return withinRemovalsFolded(edits, this.ownerById, this.apartFromBlocking);
  }

  private renderPod(context: RenderContext, podIndex: number, podOwners: readonly Owner[]): Rendered {
    const known = this.podRenders.get(podIndex);
    const collapsed = this.collapsed.has(podIndex);
    if (known !== undefined && known.collapsed === collapsed && sameItems(known.owners, podOwners)) {
      renderCounts.reused++;
      return known.rendered;
    }
    renderCounts.rendered++;
    const rendered = renderEdits(context, this.ownedEdits(podOwners));
    this.podRenders.set(podIndex, { collapsed, owners: podOwners, rendered });
    return rendered;
  }

  /** The owners' edits in one document: per pod spec and merged where no node is shared, else all at once. */
  private renderDocument(context: RenderContext, documentOwners: readonly Owner[]): Rendered {
    const pods = podRuns(documentOwners);
    if (this.request.reuseRenders === false || context.anchors.size > 0 || pods === null) {
      renderCounts.rendered++;
      return renderEdits(context, this.ownedEdits(documentOwners));
    }
    try {
      const parts: Rendered[] = [];
      for (const podOwners of pods) parts.push(this.renderPod(context, podOwners[0]?.podIndex ?? -1, podOwners));
      return mergeRendered(parts);
    } catch (error) {
      // The error of rendering them all at once names the owners that give up (step 4 drops them).
      if (error instanceof RenderError && pods.length > 1) return renderEdits(context, this.ownedEdits(documentOwners));
      throw error;
    }
  }

  private render(selected: readonly Owner[]): Rendering {
    const perDocument = new Map<number, Owner[]>();
    for (const owner of selected) {
      const documentOwners = perDocument.get(owner.documentIndex);
      if (documentOwners) documentOwners.push(owner);
      else perDocument.set(owner.documentIndex, [owner]);
    }
    const renderings: Rendered[] = [];
    for (const [documentIndex, documentOwners] of perDocument) {
      const document = this.documents.get(documentIndex);
      if (document) renderings.push(this.renderDocument(this.contextOf(document), documentOwners));
    }
    // One document (a List, most files): its rendering as it is, not copied splice by splice.
    const [only] = renderings;
    if (renderings.length === 1 && only) return only;
    const splices: OwnedSplice[] = [];
    const shared = new Map<string, string>();
    for (const rendered of renderings) {
      for (const splice of rendered.splices) splices.push(splice);
      for (const [owner, reason] of rendered.shared) shared.set(owner, reason);
    }
    return { splices, shared };
  }

  private expectationOf(selected: readonly Owner[]): Expectation {
    const edits = new Map<number, Edit[]>();
    const fixed = new Map<string, Set<FixableCheck>>();
    for (const owner of selected) {
      const documentEdits = edits.get(owner.documentIndex) ?? [];
      edits.set(owner.documentIndex, documentEdits);
      documentEdits.push(...owner.edits);
      const checks = fixed.get(owner.podKey) ?? new Set<FixableCheck>();
      fixed.set(owner.podKey, checks);
      checks.add(owner.check);
    }
    return { edits, fixed };
  }

  /** The owners' edits rendered together as splices in order, or why they cannot be written (known without verifying). */
  private renderInOrder(selected: readonly Owner[]): { rendered: Rendering } | { unwritable: Refusal } {
    try {
      const rendered = this.render(selected);
      inOrder(rendered.splices);
      return { rendered };
    } catch (error) {
      if (error instanceof RenderError) return { unwritable: { reason: error.message, shared: error.shared ? error.message : null } };
      if (error instanceof SpliceConflict) return { unwritable: { reason: error.message, shared: null } };
      throw error;
    }
  }

  /** Null when the owners' fixes verify together, else why not (and, for edits of shared nodes, what is shared). */
  private attempt(selected: readonly Owner[], outcome = this.renderInOrder(selected)): Refusal | null {
    if ('unwritable' in outcome) return outcome.unwritable;
    const { rendered } = outcome;
    const reason = this.verifyText(rendered.splices, this.expectationOf(selected));
    if (reason === null) return null;
    const shared = selected.map((o) => rendered.shared.get(o.id)).find((r) => r !== undefined) ?? null;
    return { reason, shared };
  }

  /**
   * The owners whose edit, rendered alone, is the very same splice as that of
   * an owner of another pod spec and the same check: one node shared by
   * several pod specs. Grouped by that splice; owners left alone are not listed.
   */
  private acrossPodSpecs(candidates: readonly Owner[]): Owner[][] {
    const byEdit = new Map<string, Owner[]>();
    for (const owner of candidates) {
      // Without aliases every node has one path to it, so one pod spec: no render needed to know.
      const document = this.documents.get(owner.documentIndex);
      if (!document || this.contextOf(document).anchors.size === 0) continue;
      // A pod spec that merges a shared map (`<<: *spec`) would override the value in its own map;
      // rendered where the map defines it, its edit may be the very one of the map's other users.
      // (Without a merged value in its way, the edit renders the same either way.)
      owner.atSource = true;
      const key = this.sharedEditKey(owner);
      if (key === null) continue;
      byEdit.set(key, [...(byEdit.get(key) ?? []), owner]);
    }
    const groups = [...byEdit.values()].filter((group) => new Set(group.map((o) => o.podIndex)).size > 1);
    const inGroups = new Set(groups.flat());
    for (const owner of candidates) if (!inGroups.has(owner)) owner.atSource = false;
    return groups;
  }

  /** The owner's check and edit rendered alone, when it changes a node shared by several places; else null. */
  private sharedEditKey(owner: Owner): string | null {
    const templatePath = this.request.pods[owner.podIndex]?.source.templatePath;
    const document = this.documents.get(owner.documentIndex);
    const walked = document && templatePath && this.request.reuseRenders !== false ? walk(this.contextOf(document).doc, templatePath) : undefined;
    const step = walked && walked.depth === templatePath?.length ? walked.steps[walked.depth] : undefined;
    // A template that is a List item (no key of its own): nothing above it differs in how its edits render.
    const template = step?.pair === null ? step.node : null;
    if (!walked || !template) return this.renderedEditKey(owner);
    const below = owner.edits.map((edit) => JSON.stringify([edit.op, edit.path.slice(walked.depth), 'value' in edit ? edit.value : null]));
    const edits = `${owner.check}\u0000${below.join('\u0000')}`;
    const alike = this.sharedEdits.get(template) ?? new Map<string, string | null>();
    this.sharedEdits.set(template, alike);
    const known = alike.get(edits);
    if (known !== undefined) {
      renderCounts.alike++;
      return known;
    }
    const key = this.renderedEditKey(owner);
    alike.set(edits, key);
    return key;
  }

  private renderedEditKey(owner: Owner): string | null {
    const rendered = this.sharedEdit(owner);
    return rendered === null ? null : `${owner.check}\u0000${JSON.stringify(inOrder(rendered.splices).map((s) => [s.start, s.end, s.insert]))}`;
  }

  /** The owner's edit rendered alone, when it changes a node shared by several places; else null. */
  private sharedEdit(owner: Owner): Rendering | null {
    try {
      const rendered = this.render([owner]);
      return rendered.shared.has(owner.id) ? rendered : null;
    } catch (error) {
      if (error instanceof RenderError) return null;
      throw error;
    }
  }

  private refuse(owner: Owner, failure: Refusal): void {
    owner.accepted = false;
    owner.note =
      failure.shared !== null
        ? sharedNode(owner.check, failure.shared)
        : failure.reason === overlappingSplices && this.apartFromBlocking.has(owner.id)
          ? besideABlockingRemoval(owner.check)
          : noSafeFix(owner.check, failure.reason);
  }

  /**
   * 2. Fixes that edit one node for several pod specs (an anchor that List
   * items alias) are tried together: the edit at the anchor stands when every
   * user fails the same check and the fix verifies for all of them.
   * Like the fixes of one pod spec: all the anchor's fixes together, or as
   * many as verify, one check at a time. Returns the owners step 3 leaves
   * alone (fixed, or refused, at an anchor).
   */
  private fixAtAnchors(): ReadonlySet<Owner> {
    const anchorGroups = this.acrossPodSpecs(withEdits(this.owners));
    const grouped = new Set(anchorGroups.flat());
    const byUsers = new Map<string, Owner[][]>();
    for (const group of anchorGroups) {
      const users = [...new Set(group.map((o) => o.podIndex))].sort((a, b) => a - b).join(',');
      byUsers.set(users, [...(byUsers.get(users) ?? []), group]);
    }
    const accept = (group: readonly Owner[]) => {
      for (const owner of group) {
        owner.accepted = true;
        this.anchored.set(owner.id, new Set(group.map((o) => o.podIndex)).size);
      }
    };
    for (const groups of byUsers.values()) {
      if (this.overBudget(groups.flat())) continue;
      if (this.attempt(groups.flat()) === null) {
        groups.forEach(accept);
        continue;
      }
      const accepted: Owner[] = [];
      for (const group of groups) {
        const failure = this.attempt([...accepted, ...group]);
        if (failure === null) {
          accept(group);
          accepted.push(...group);
        } else for (const owner of group) this.refuse(owner, failure);
      }
    }
    // A pod spec that only joined an edit at the anchor through its merge key, when that edit did
    // not stand, keeps its own fix (an override in its own map), tried with its pod spec's others.
    for (const owner of grouped) {
      if (!owner.atSource || owner.accepted) continue;
      owner.atSource = false;
      owner.note = null;
      grouped.delete(owner);
    }
    return grouped;
  }

  /**
   * The fixes that cannot be written even alone (a layout the renderer does
   * not edit) are refused, with the reason they would get one by one; the
   * others are left to try. Null when every fix can be written alone: then
   * only their combination cannot, and each is tried one by one.
   */
  private withoutUnwritable(candidates: readonly Owner[]): Owner[] | null {
    const writable: Owner[] = [];
    for (const owner of candidates) {
      const outcome = this.renderInOrder([owner]);
      if ('unwritable' in outcome) this.refuse(owner, outcome.unwritable);
      else writable.push(owner);
    }
    return writable.length < candidates.length ? writable : null;
  }

  /**
   * Steps 2 to 4. Without aliases, each pod spec's fixes are tried, and
   * its suggestions made with those of the pod specs near it, in batches
   * (batches.ts); with aliases, or when the batches' spans tangle, step 4
   * makes every suggestion of the file at once.
   */
  fix(): Suggested {
    const grouped = this.fixAtAnchors();
    // Step 2 made the context of every document that gets edits.
    this.aliasFree = [...this.contexts.values()].every((context) => context.anchors.size === 0);
    let batches = this.request.batches !== false && this.aliasFree ? new Batches() : null;
    let found = emptySuggested();
    for (let pod = 0; pod < this.byPod.length; pod++) {
      // What the verifications kept so far is old: a batch this pod spec closes lets it go, not what it keeps for this one.
      if (batches !== null) this.verifyText.age();
      const rendering = this.fixPodSpec(this.byPod[pod] ?? [], grouped);
      const step = batches?.add(pod, rendering && spanOf(this.table, rendering.splices)) ?? null;
      if (step === 'tangled') {
        // A batch already made may have to join this pod spec's suggestions: make them all at once after all.
        batchCounts.tangled++;
        batches = null;
        found = emptySuggested();
      } else if (step !== null) this.suggestBatch(step.closed, found);
    }
    if (batches === null) return this.suggest(this.owners);
    this.suggestBatch(batches.close(), found);
    return found;
  }

  /** Step 4 for the pod specs of one batch, into `found`; then what their verifications kept goes. */
  private suggestBatch(pods: readonly number[], found: SuggestedSoFar): void {
    const owners: Owner[] = [];
    for (const pod of pods) for (const owner of this.byPod[pod] ?? []) owners.push(owner);
    batchCounts.batches++;
    const { suggestionOf, sharedOf } = this.suggest(owners);
    for (const [id, suggestion] of suggestionOf) found.suggestionOf.set(id, suggestion);
    for (const [id, reason] of sharedOf) found.sharedOf.set(id, reason);
    for (const pod of pods) this.podRenders.delete(pod);
    this.verifyText.forget();
  }

  /**
   * 3. One pod spec's other fixes: all together; if they cannot be written together, those that
   * can be written alone, together (rendering needs no verification); else as many as verify, one
   * by one. Returns the rendering of the fixes it accepted, or null when it accepted none.
   */
  private fixPodSpec(podOwners: readonly Owner[], grouped: ReadonlySet<Owner>): Rendering | null {
    const all = withEdits(podOwners, grouped);
    if (all.length === 0 || this.overBudget(all)) return null;
    const together = this.renderInOrder(all);
    const candidates = 'unwritable' in together ? (this.withoutUnwritable(all) ?? all) : all;
    if (candidates.length === 0) return null;
    const outcome = candidates === all ? together : this.renderInOrder(candidates);
    if (this.attempt(candidates, outcome) === null) {
      for (const owner of candidates) owner.accepted = true;
      return 'rendered' in outcome ? outcome.rendered : null;
    }
    const accepted: Owner[] = [];
    let rendering: Rendering | null = null;
    for (const owner of candidates) {
      const tried = this.renderInOrder([...accepted, owner]);
      const failure = this.attempt([...accepted, owner], tried);
      if (failure === null) {
        owner.accepted = true;
        accepted.push(owner);
        rendering = 'rendered' in tried ? tried.rendered : null;
      } else this.refuse(owner, failure);
    }
    return rendering;
  }

  /**
   * 4. Suggestions, each verified alone and all together: a suggestion that
   * does not verify alone is made one with its pod spec's others, then goes;
   * when all of them together do not verify, they all go. Returns each
   * owner's suggestion, and the owners whose edit changes a shared node.
   */
  private suggest(owners: readonly Owner[]): Suggested {
    const { request, table, bomBytes, collapsed } = this;
    let suggestionOf = new Map<string, Suggestion>();
    let sharedOf: ReadonlyMap<string, string> = new Map();
    // Owners set aside so that fixes of lines the change wrote get a suggestion of their own (asideOf), or a blocking
    // fix a short one (besideBlocking: those owners are in `besideBlocking` too), and the pod specs whose fixes on
    // those lines did not verify without them (grouped as before, once).
    const aside = new Set<Owner>();
    // By the lines the suggestion they would join would have.
    const besideBlocking = new Map<Owner, number>();
    const notAside = new Set<number>();
    // Each round refuses an owner, makes a pod spec's fixes one, or sets owners aside or back (once per pod spec).
    for (let round = 0; round <= owners.length + 3 * request.pods.length + 1; round++) {
      const selected = owners.filter((o) => o.accepted && !aside.has(o));
      suggestionOf = new Map();
      if (selected.length === 0) break;
      let rendered: Rendering;
      let groups: ReturnType<typeof groupSplices>;
      try {
        rendered = this.render(selected);
        groups = groupSplices(table, rendered.splices, request.diff);
      } catch (error) {
        // Fixes of different pod specs that verified apart but collide together (a shared node): drop them.
        if (!(error instanceof RenderError || error instanceof SpliceConflict)) throw error;
        const involved = error instanceof RenderError ? error.owners : new Set(selected.map((o) => o.id));
        for (const owner of selected) if (involved.has(owner.id)) this.refuse(owner, { reason: error.message, shared: null });
        continue;
      }
      sharedOf = rendered.shared;
      let retry = false;
      // Without aliases, a group's verdict depends on its own pod specs alone: every
      // failing group is dealt with in this round (a pod spec once per round, its
      // other groups wait for the next), so the rounds stay few however many fail.
      // With aliases an edit at an anchor changes several pod specs: one at a time.
      const apart = this.aliasFree;
      const dealtWith = new Set<number>();
      for (const group of groups) {
        // In the order of `selected`, as the expectation of all of them lists their edits.
        const groupOwners = inSelectionOrder(group.owners, this.ownerById);
        const suggestion = toSuggestion(table, group, request.diff, bomBytes);
        const unattachable = suggestion?.attachable === false;
        const besides = unattachable ? this.asideOf(group, groupOwners, notAside) : suggestion !== null ? this.besideBlocking(group, groupOwners, suggestion, notAside) : [];
        if (besides.length > 0) {
          for (const owner of besides) aside.add(owner);
          if (!unattachable && suggestion !== null) for (const owner of besides) besideBlocking.set(owner, suggestion.endLine - suggestion.startLine + 1);
          retry = true;
          continue;
        }
        const reason =
          suggestion === null ? 'the fix changes nothing in the text' : this.verifyText([suggestionSplice(table, suggestion, bomBytes)], this.expectationOf(groupOwners));
        if (reason === null && suggestion) {
          for (const owner of groupOwners) suggestionOf.set(owner.id, suggestion);
          continue;
        }
        retry = true;
        const pods = new Set(groupOwners.map((o) => o.podIndex));
        if ([...pods].some((p) => dealtWith.has(p))) continue;
        if ([...aside].some((owner) => pods.has(owner.podIndex))) {
          // It may need the fixes set aside: they come back, and the pod spec's fixes are grouped as before.
          for (const owner of aside) if (pods.has(owner.podIndex)) {
            aside.delete(owner);
            besideBlocking.delete(owner);
          }
          for (const p of pods) notAside.add(p);
        } else if ([...pods].some((p) => !collapsed.has(p))) {
          // A suggestion that only works with another one of its pod spec: make them one.
          for (const p of pods) collapsed.add(p);
        } else {
          // Only this group's fixes go: the verified suggestions of the other groups stay.
          for (const owner of groupOwners) this.refuse(owner, { reason: reason ?? 'the fix did not verify', shared: null });
        }
        for (const p of pods) dealtWith.add(p);
        if (!apart) break;
      }
      if (retry) continue;
      const all = [...new Set(suggestionOf.values())];
      // One suggestion for every selected owner: all of them together is the very verification it passed alone.
      if (all.length === 1 && suggestionOf.size === selected.length) break;
      const reason = this.verifyText(
        all.map((suggestion) => suggestionSplice(table, suggestion, bomBytes)),
        this.expectationOf(selected),
      );
      if (reason === null) break;
      for (const owner of selected) this.refuse(owner, { reason, shared: null });
    }
    for (const owner of aside) {
      if (!owner.accepted) continue;
      const lines = besideBlocking.get(owner);
      owner.note = lines !== undefined ? besideABlockingFix(owner.check, request.file, lines) : besideTheChange(owner.check, request.file);
    }
    return { suggestionOf, sharedOf };
  }

  /**
   * The owners of a group whose suggestion cannot be attached (it reaches
   * lines outside the diff) to set aside, so that the others, whose fixes
   * lie on lines the change wrote, get a suggestion that can: a container
   * the pull request made privileged keeps `privileged: false` on its line,
   * though the fix of a warning it had before (capabilities for both of
   * its pod's containers) joins that line to lines the change never
   * touched. None when there is no diff, when the fixes on the change did
   * not verify without the others before (`notAside`), or when no owner's
   * (or every owner's) fix lies on such lines.
   */
  private asideOf(group: Group, owners: readonly Owner[], notAside: ReadonlySet<number>): Owner[] {
    const diff = this.request.diff;
    if (diff === null || owners.some((o) => notAside.has(o.podIndex))) return [];
    const onTheChange = (owner: Owner) =>
      group.splices.every((splice) => {
        if (!splice.owners.has(owner.id)) return true;
        for (let line = lineOf(this.table, splice.start); line <= lineOf(this.table, Math.max(splice.start, splice.end - 1)); line++) if (!diff.added(line)) return false;
        return true;
      });
    const besides = owners.filter((o) => !onTheChange(o));
    return besides.length === 0 || besides.length === owners.length ? [] : besides;
  }

  /**
   * In a review, the owners of warnings to set aside from a group whose
   * suggestion would be long (over maxSharedLines) and holds a blocking
   * fix: those with an edit outside the lines of the blocking fixes, so
   * that the blocking fix gets a short suggestion a reviewer can read
   * (contour's envoy DaemonSet: its two hostPort lines, inside the 82 lines
   * that the restricted fixes of its three containers span). None without
   * a diff (`fix` and `check` make every fix a suggestion), or when the
   * blocking fixes did not verify without the others before (`notAside`).
   */
  private besideBlocking(group: Group, owners: readonly Owner[], suggestion: Suggestion, notAside: ReadonlySet<number>): Owner[] {
    if (this.request.diff === null || suggestion.endLine - suggestion.startLine + 1 <= maxSharedLines) return [];
    if (!owners.some((o) => o.blocking) || owners.every((o) => o.blocking) || owners.some((o) => notAside.has(o.podIndex))) return [];
    let from = Number.POSITIVE_INFINITY;
    let to = 0;
    for (const splice of group.splices) {
      if (!owners.some((o) => o.blocking && splice.owners.has(o.id))) continue;
      from = Math.min(from, lineOf(this.table, splice.start));
      to = Math.max(to, lineOf(this.table, Math.max(splice.start, splice.end - 1)));
    }
    const outside = (owner: Owner) =>
      group.splices.some((splice) => splice.owners.has(owner.id) && (lineOf(this.table, Math.max(splice.start, splice.end - 1)) < from - containerGap || lineOf(this.table, splice.start) > to + containerGap));
    return owners.filter((o) => !o.blocking && outside(o));
  }

  /** Every suggestion of the file, and each failure's fix or note. */
  results(suggested: Suggested): FileFixes {
    const suggestions = [...new Set(suggested.suggestionOf.values())].sort(bySuggestionPlace);
    const pods: FindingFix[][] = [];
    for (const podOwners of this.byPod) {
      const fixes: FindingFix[] = [];
      for (const owner of podOwners) fixes.push(this.fixOf(owner, suggested));
      pods.push(fixes);
    }
    return { suggestions, pods };
  }

  /** An owner's suggestion, with its caveats, or why it has none. */
  private fixOf(owner: Owner, { suggestionOf, sharedOf }: Suggested): FindingFix {
    const suggestion = owner.accepted ? (suggestionOf.get(owner.id) ?? null) : null;
    const shared = sharedOf.get(owner.id);
    const users = this.anchored.get(owner.id);
    const caveats: string[] = [];
    if (suggestion?.edit) caveats.push(longLineNote(suggestion.edit, suggestion.startLine));
    if (owner.plan.kind === 'edits' && owner.plan.caveat) caveats.push(owner.plan.caveat);
    if (shared) caveats.push(users === undefined ? sharedCaveat(shared) : anchorCaveat(shared, users));
    const note = suggestion ? (caveats.length > 0 ? caveats.join(' ') : null) : (owner.note ?? noSafeFix(owner.check, 'the fix did not verify'));
    return { check: owner.check, fix: suggestion, fixNote: note };
  }
}

/** Suggestions by line, then (within a long line) by where their edit starts. */
function bySuggestionPlace(a: Suggestion, b: Suggestion): number {
  return a.startLine - b.startLine || (a.edit?.start ?? 0) - (b.edit?.start ?? 0);
}

/** Step 4's outcome: each owner's suggestion, and the owners whose edit changes a shared node. */
interface Suggested {
  readonly suggestionOf: ReadonlyMap<string, Suggestion>;
  readonly sharedOf: ReadonlyMap<string, string>;
}

/** Step 4's outcome as batches fill it in. */
interface SuggestedSoFar extends Suggested {
  readonly suggestionOf: Map<string, Suggestion>;
  readonly sharedOf: Map<string, string>;
}

function emptySuggested(): SuggestedSoFar {
  return { suggestionOf: new Map(), sharedOf: new Map() };
}

/** A file after `fix`: its new text, and what was fixed and what was not. */
export interface FixedFile {
  readonly text: string;
  readonly problems: readonly LoadProblem[];
  /** `fix` fixes the upstream checks' failures (the advice checks' come with findings: src/findings/fixes.ts). */
  readonly pods: readonly (Omit<PodFailures, 'failures'> & { readonly failures: readonly CheckFailure[]; readonly fixes: readonly FindingFix[] })[];
  readonly suggestions: readonly Suggestion[];
}

export interface FixTextOptions {
  readonly level: Level;
  readonly version: Version;
  /** Another level and version for some pod specs (e.g. from their namespace); default: level and version above. */
  readonly policyFor?: (source: PodSpecSource) => LevelVersion;
  readonly diff?: DiffLines | null;
}

/**
 * Load, evaluate and fix one file's text: what `fix` does to each file.
 * The returned text has every verified suggestion applied.
 */
export function fixText(file: string, text: string, options: FixTextOptions): FixedFile {
  const loaded = loadManifestFile(file, text, podLoadOptions({ maxBytes: Number.MAX_SAFE_INTEGER }));
  const problems: LoadProblem[] = [...loaded.problems];
  const pods: (Omit<PodFailures, 'failures'> & { readonly failures: readonly CheckFailure[] })[] = [];
  for (const document of loaded.documents) {
    const extraction = extractPodSpecs(document);
    problems.push(...extraction.problems);
    for (const source of extraction.pods) {
      const policy = options.policyFor?.(source) ?? { level: options.level, version: options.version };
      pods.push({ source, failures: evaluatePod(source.pod, policy.level, policy.version).failures, policy });
    }
  }
  const fixes = computeFixes({ file, text, pods, level: options.level, version: options.version, diff: options.diff ?? null, workBudget: Number.POSITIVE_INFINITY });
  return {
    text: applySuggestions(text, fixes.suggestions),
    problems,
    pods: pods.map((pod, i) => ({ ...pod, fixes: fixes.pods[i] ?? [] })),
    suggestions: fixes.suggestions,
  };
}
