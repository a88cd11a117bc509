/**
 * Verification of a fixed text, measured rather than assumed: the text is
 * loaded and evaluated again, exactly as the `check` command would. A fix
 * stands only if
 * - every document decodes to the original JSON with just the fix's edits
 *   applied (nothing else moved: no alias user, neighbour or block scalar),
 * - the file has no new load or field-type problem,
 * - the fixed checks pass, and no check fails that did not fail before,
 * - no API-server validation rule that a fix could trip is newly broken
 *   (e.g. `allowPrivilegeEscalation: false` with `privileged: true`).
 */
import { loadManifestFile } from '../manifests/load.js';
import type { LoadedFile, ManifestDocument } from '../manifests/types.js';
import { evaluatePod } from '../pss/evaluate.js';
import { checksFor } from '../pss/registry.js';
import { isObject, list, obj, optBool, str, visitContainers } from '../pss/pod.js';
import type { FieldPath, JsonValue, JsonObject, LevelVersion, PodInput } from '../pss/types.js';
import { failingAdvice } from '../policy/sources/advice.js';
import { adviceCheckIds } from '../policy/sources/extraChecks.js';
import type { AdviceCheckId } from '../policy/sources/extraChecks.js';
import { extractPodSpecs, extractPodSpecsAfresh } from '../workloads/extract.js';
import type { PodSpecSource } from '../workloads/extract.js';
import { applyEditsToJson, EditError, jsonEqual, valueAt } from './edits.js';
import { itemOfSplice, itemsOfSplice, itemsToRead, listCut, listLayout } from './listLayout.js';
import { CutText } from './cutText.js';
import type { CutChange } from './cutText.js';
import type { ListLayout } from './listLayout.js';
import { segmentAt, segmentStarts, segmentText } from '../manifests/segments.js';
import { applySplices } from './text.js';
import type { Splice } from './text.js';
import type { Edit, FixableCheck } from './types.js';
import { lastAtMostIn } from '../sortedSearch.js';
import { UnionFind } from './unionFind.js';
import { listItemsByFragments, provedByFragments } from './fragments.js';
import { FragmentMemory } from './fragmentRegions.js';
import { itemAliasesOf, mayExceedAliasBudget, sameEditsBelowItems } from './itemAliases.js';
import type { ItemAliases } from './itemAliases.js';
import { Cohort, Generations } from './generations.js';

/** A pod spec's identity across re-loads: its document and its object path. */
export function podKey(documentIndex: number, objectPath: readonly (string | number)[]): string {
  return `${documentIndex}|${JSON.stringify(objectPath)}`;
}

type StateCheck = FixableCheck | AdviceCheckId;

/** What a pod spec failed and broke before a fix: asked only of the checks and rules that fail after it. */
interface Before {
  failed(check: StateCheck): boolean;
  broke(rule: string): boolean;
}

/** A pod spec evaluated whole. */
class PodState implements Before {
  constructor(
    /** The upstream checks it fails at its level, and the advice checks it fails (all of them: a fix must not make one fail either). */
    readonly failing: ReadonlySet<StateCheck>,
    readonly apiRules: ReadonlySet<string>,
  ) {}

  failed(check: StateCheck): boolean {
    return this.failing.has(check);
  }

  broke(rule: string): boolean {
    return this.apiRules.has(rule);
  }
}

/** The level and version a pod spec is evaluated at, by pod key. */
export type PolicyOf = (podKey: string) => LevelVersion;

/** What a verified text must show. */
export interface Expectation {
  /** Edits per document index (paths relative to the document). */
  readonly edits: ReadonlyMap<number, readonly Edit[]>;
  /** Checks that must now pass, per pod key. */
  readonly fixed: ReadonlyMap<string, ReadonlySet<FixableCheck>>;
}

/**
 * API-server validation rules a fix could break, as `container: rule`
 * strings. The engine evaluates pods the API server would have accepted; a
 * fix must not turn an accepted pod into a rejected one.
 */
export function apiRuleViolations(pod: PodInput): Set<string> {
  const found = new Set<string>();
  const podSecurityContext = obj(pod.spec, 'securityContext');
  addProfileRules(found, undefined, podSecurityContext);
  let hostProcess = optBool(obj(podSecurityContext, 'windowsOptions'), 'hostProcess') === true;
  for (const { name, container } of visitContainers(pod)) {
    const securityContext = obj(container, 'securityContext');
    addProfileRules(found, name, securityContext);
    if (optBool(obj(securityContext, 'windowsOptions'), 'hostProcess') === true) hostProcess = true;
    if (optBool(securityContext, 'allowPrivilegeEscalation') !== false) continue;
    if (optBool(securityContext, 'privileged') === true) found.add(`container ${name}: allowPrivilegeEscalation false with privileged true`);
    const adds = list(obj(securityContext, 'capabilities'), 'add');
    if (adds.includes('SYS_ADMIN') || adds.includes('CAP_SYS_ADMIN')) found.add(`container ${name}: allowPrivilegeEscalation false with SYS_ADMIN`);
  }
  if (hostProcess && pod.spec.hostNetwork !== true) found.add('pod: hostProcess requires hostNetwork');
  // A pod that declares `os.name: windows` must not set Linux-only fields (checked
  // at versions before the Windows exemptions, fixes could add them).
  if (str(obj(pod.spec, 'os'), 'name') === 'windows') {
    addLinuxOnly(found, undefined, podSecurityContext, linuxOnlyPodFields);
    for (const { name, container } of visitContainers(pod)) addLinuxOnly(found, name, obj(container, 'securityContext'), linuxOnlyContainerFields);
  }
  return found;
}

// Every fixed pod spec is asked these rules: the lists and helpers are made once, and a rule's place is spelled only when it is broken.
const profileKeys = ['seccompProfile', 'appArmorProfile'] as const;
const linuxOnlyPodFields = ['seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'runAsUser', 'runAsGroup', 'sysctls'] as const;
const linuxOnlyContainerFields = [
  'seLinuxOptions',
  'seccompProfile',
  'appArmorProfile',
  'capabilities',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'readOnlyRootFilesystem',
  'runAsUser',
  'runAsGroup',
] as const;

/** Where a rule is broken: the pod (no container name) or a container. */
function placeOf(container: string | undefined): string {
  return container === undefined ? 'pod' : `container ${container}`;
}

/** A profile's `localhostProfile` must be set exactly when its type is Localhost. */
function addProfileRules(found: Set<string>, container: string | undefined, securityContext: JsonObject | undefined): void {
  for (const key of profileKeys) {
    const profile = obj(securityContext, key);
    if (!profile) continue;
    const localhost = str(profile, 'localhostProfile') !== '';
    if (localhost !== (str(profile, 'type') === 'Localhost')) found.add(`${placeOf(container)}: ${key}.localhostProfile must be set exactly when type is Localhost`);
  }
}

/** A Windows pod's security context must leave the Linux-only fields unset. */
function addLinuxOnly(found: Set<string>, container: string | undefined, securityContext: JsonObject | undefined, fields: readonly string[]): void {
  for (const field of fields) {
    if (securityContext?.[field] !== undefined && securityContext[field] !== null) found.add(`${placeOf(container)}: a Windows pod cannot set securityContext.${field}`);
  }
}

/** The pod specs of a part by pod key (a Map, or a baseline evaluated on demand). */
interface PodStates<State extends Before = Before> {
  readonly size: number;
  keys(): IterableIterator<string>;
  get(key: string): State | undefined;
  /** The pod spec as the check extracted it, when known (a baseline's): its object validated without error. */
  source?(key: string): PodSpecSource | undefined;
}

/**
 * A part of the file verified on its own: the whole file, or one segment
 * (segments.ts). `globalIndex` maps a document's index within the part to
 * its index in the file; documents whose index in the file is not known
 * get negative ones (no expectation and no policy of their own names them).
 */
interface Part<State extends Before = Before> {
  readonly globalIndex: (local: number) => number;
  readonly documents: ReadonlyMap<number, JsonValue>;
  readonly problemKinds: readonly string[];
  readonly pods: PodStates<State>;
  /**
   * A known document's segment, whose baseline is the document as the file
   * loaded it: the kinds of the problems its text as written loads with
   * (a `template` note of actions in its values), read only when a fixed
   * text's differ from `problemKinds`.
   */
  readonly writtenKinds?: () => readonly string[];
}

function podStateOf(pod: PodInput, { level, version }: LevelVersion): PodState {
  const failing = new Set<StateCheck>();
  for (const failure of evaluatePod(pod, level, version).failures) failing.add(failure.check);
  // Which advice checks fail is all a verdict reads: their details are not built.
  for (const check of failingAdvice(pod)) failing.add(check);
  return new PodState(failing, apiRuleViolations(pod));
}

const isAdvice = (check: StateCheck): check is AdviceCheckId => check.startsWith('advice.');

/**
 * A pod spec as the check loaded it, evaluated when a fixed text still fails
 * a check: after a fix, most upstream checks pass, and the few that still
 * fail are all that must be known of before, one at a time, as evaluatePod
 * runs them. The advice checks a fix does not address (an image without a
 * digest) still fail after every fix of the pod spec: which of them failed
 * before is decided once, all together (failingAdvice, which builds no
 * detail), and read by every fix.
 */
class LazyState implements Before {
  private readonly checks = new Map<StateCheck, boolean>();
  private advice: ReadonlySet<StateCheck> | undefined;
  private rules: ReadonlySet<string> | undefined;

  constructor(
    private readonly pod: PodInput,
    private readonly policy: LevelVersion,
  ) {}

  failed(check: StateCheck): boolean {
    if (isAdvice(check)) {
      if (this.advice === undefined) {
        verificationCounts.baselineChecks += adviceCheckIds.length;
        this.advice = new Set(failingAdvice(this.pod));
      }
      return this.advice.has(check);
    }
    let failed = this.checks.get(check);
    if (failed === undefined) {
      verificationCounts.baselineChecks++;
      failed = this.failsUpstream(check);
      this.checks.set(check, failed);
    }
    return failed;
  }

  broke(rule: string): boolean {
    this.rules ??= apiRuleViolations(this.pod);
    return this.rules.has(rule);
  }

  private failsUpstream(check: StateCheck): boolean {
    const active = checksFor(this.policy.level, this.policy.version).find((c) => c.id === check);
    return active !== undefined && Boolean(active.implementation.evaluate(this.pod));
  }
}

/**
 * The fixed documents' pod specs by pod key, evaluated whole, and the kinds
 * of their extraction problems. With `originals` (the baseline), what a fix
 * left as it was in an object that validated is not validated again.
 */
function podStates(
  documents: readonly ManifestDocument[],
  policyOf: PolicyOf,
  globalIndex: (local: number) => number,
  objectPathOf: (path: FieldPath) => FieldPath = (path) => path,
  originals?: PodStates,
): { pods: Map<string, PodState>; invalid: string[] } {
  const pods = new Map<string, PodState>();
  const invalid: string[] = [];
  const sourceOf = originals?.source?.bind(originals);
  // List items that alias one anchored pod decode to one shared template: it is evaluated once per kind and policy.
  type Alike = { kind: string; policy: LevelVersion; state: PodState }[];
  let shared: Map<JsonValue, Alike> | undefined;
  for (const document of documents) {
    const originalOf = sourceOf && ((path: FieldPath) => sourceOf(podKey(globalIndex(document.index), objectPathOf(path))));
    const extraction = extractPodSpecsAfresh(document, originalOf);
    for (const problem of extraction.problems) invalid.push(problem.kind);
    // A lone pod spec (a document of one workload, the usual verification) shares its template with none.
    const alone = documents.length === 1 && extraction.pods.length === 1;
    for (const source of extraction.pods) {
      const key = podKey(globalIndex(document.index), objectPathOf(source.objectPath));
      const policy = policyOf(key);
      if (alone) {
        pods.set(key, podStateOf(source.pod, policy));
        continue;
      }
      const template = valueAt(document.value, source.templatePath);
      shared ??= new Map();
      const alike: Alike | null = typeof template === 'object' && template !== null ? (shared.get(template) ?? []) : null;
      let state = alike?.find((known) => known.kind === source.kind && known.policy.level === policy.level && known.policy.version === policy.version)?.state;
      if (state === undefined) {
        state = podStateOf(source.pod, policy);
        if (alike !== null) {
          alike.push({ kind: source.kind, policy, state });
          shared.set(template!, alike);
        }
      }
      pods.set(key, state);
    }
  }
  return { pods, invalid };
}

/**
 * The pod states of a document as the check loaded it, each evaluated when
 * first asked, and only as far as asked (LazyState): a fix of one List item needs
 * the baseline of that item's pod specs only, and most pod specs of a large
 * List may need no fix at all.
 */
class Baseline implements PodStates {
  private readonly sources = new Map<string, PodSpecSource>();
  private readonly states = new Map<string, LazyState>();
  readonly invalid: string[];

  constructor(
    document: ManifestDocument,
    private readonly policyOf: PolicyOf,
  ) {
    // The check extracted this very document: its extraction is read, not made again.
    const extraction = extractPodSpecs(document);
    this.invalid = extraction.problems.map((p) => p.kind);
    for (const source of extraction.pods) this.sources.set(podKey(document.index, source.objectPath), source);
  }

  get size(): number {
    return this.sources.size;
  }

  keys(): IterableIterator<string> {
    return this.sources.keys();
  }

  get(key: string): LazyState | undefined {
    let state = this.states.get(key);
    if (state === undefined) {
      const source = this.sources.get(key);
      if (source === undefined) return undefined;
      state = new LazyState(source.pod, this.policyOf(key));
      this.states.set(key, state);
    }
    return state;
  }

  source(key: string): PodSpecSource | undefined {
    return this.sources.get(key);
  }
}

/** Large enough that a fixed text is never refused for its size (the original was accepted). */
const noLimit = { maxBytes: Number.MAX_SAFE_INTEGER };

/**
 * For List items tied by an alias: the event reader gives any text with an
 * alias back to `yaml`, so `yaml` reads it at once, as loadManifestFile
 * would after the event reader had read up to the first alias.
 */
const noLimitByYaml = { ...noLimit, eventReader: false };

/** Whether one of the kept items aliases another or is aliased by one: then their text holds an alias. */
function tiedByAlias(layout: ListLayout, kept: readonly number[]): boolean {
  return kept.some((item) => (layout.users[item]?.length ?? 0) > 0 || (layout.dependencies[item]?.length ?? 0) > 0);
}

function partOf(file: string, text: string, policyOf: PolicyOf, globalIndex: (local: number) => number): { part: Part<PodState>; loaded: LoadedFile } {
  const loaded = loadManifestFile(file, text, noLimit);
  const { pods, invalid } = podStates(loaded.documents, policyOf, globalIndex);
  const part: Part<PodState> = {
    globalIndex,
    documents: new Map(loaded.documents.map((d) => [globalIndex(d.index), d.value])),
    problemKinds: [...loaded.problems.map((p) => p.kind), ...invalid].sort(),
    pods,
  };
  return { part, loaded };
}

/** Null when the part's fixed text passes, else the reason it does not (for the note). */
function verifyPart(file: string, policyOf: PolicyOf, baseline: Part, text: string, expectation: Expectation): string | null {
  const { part: fixed, loaded } = partOf(file, text, policyOf, baseline.globalIndex);
  const fixedKinds = JSON.stringify(fixed.problemKinds);
  if (fixedKinds !== JSON.stringify(baseline.problemKinds) && (baseline.writtenKinds === undefined || fixedKinds !== JSON.stringify(baseline.writtenKinds())))
    return 'the fixed YAML no longer loads as it did';
  if (loaded.documents.length !== baseline.documents.size) return 'the fixed YAML has a different number of documents';
  for (const [index, value] of fixed.documents) {
    const original = baseline.documents.get(index);
    if (original === undefined) return 'the fixed YAML has a different number of documents';
    let expected: JsonValue = original;
    const edits = expectation.edits.get(index);
    if (edits && edits.length > 0) {
      try {
        expected = applyEditsToJson(original, edits);
      } catch (error) {
        if (error instanceof EditError) return `the edits do not apply to the document (${error.message})`;
        throw error;
      }
    }
    if (!jsonEqual(value, expected)) return 'the fixed YAML would change more than the fixed fields';
  }
  return podsReason(baseline.pods, fixed.pods, expectation);
}

/** Null when every pod spec of `before` is found in `after`, the fixed checks pass and nothing new fails; else why not. */
function podsReason(before: PodStates, after: PodStates<PodState>, expectation: Expectation): string | null {
  for (const key of before.keys()) {
    const now = after.get(key);
    if (!now) return 'a pod spec is no longer found after the fix';
    for (const check of expectation.fixed.get(key) ?? []) {
      if (now.failing.has(check)) return `the check ${check} still fails after the fix`;
    }
    // What fails now must have failed before: only that is asked of the baseline.
    if (now.failing.size === 0 && now.apiRules.size === 0) continue;
    const was = before.get(key)!;
    for (const check of now.failing) {
      if (!was.failed(check)) return `the check ${check} would start failing`;
    }
    for (const rule of now.apiRules) {
      if (!was.broke(rule)) return `the API server would reject the fixed pod (${rule.replace(/^[^:]*: /, '')})`;
    }
  }
  if (after.size !== before.size) return 'the fixed YAML has a different number of pod specs';
  return null;
}

/**
 * Null when the head text with these splices passes, else the reason it does
 * not (for the note). Splices are on the head text: a verifier never builds
 * the whole fixed file unless it must verify the whole file.
 */
export interface Verifier {
  (splices: readonly Splice[], expectation: Expectation): string | null;
  /** What the verifications so far keep to be looked up again (verdicts, cuts, fragment views) becomes old. */
  age(): void;
  /**
   * Let go of what became old at the last `age`: the fix engine is done with
   * the pod specs it was kept for. No verdict changes; a text verified again
   * is verified anew.
   */
  forget(): void;
}

/** A verifier of `verify`, whose caches are `cohort`'s (generations.ts). */
function verifierWith(verify: (splices: readonly Splice[], expectation: Expectation) => string | null, cohort: Cohort): Verifier {
  return Object.assign(verify, { age: () => cohort.age(), forget: () => cohort.forget() });
}

/** An expectation's fixed checks by document index, found once per expectation (verifying all fixes together asks it of every document). */
const fixedByDocument = new WeakMap<Expectation, Map<number, [string, ReadonlySet<FixableCheck>][]>>();

function fixedOf(expectation: Expectation, documentIndex: number): readonly (readonly [string, ReadonlySet<FixableCheck>])[] {
  // One pod spec fixed (most verifications): read as it is, with no index made.
  if (expectation.fixed.size === 1) {
    for (const entry of expectation.fixed) if (documentIndexOfKey(entry[0]) === documentIndex) return [entry];
    return [];
  }
  let byDocument = fixedByDocument.get(expectation);
  if (!byDocument) {
    byDocument = new Map();
    for (const [key, checks] of expectation.fixed) {
      const index = documentIndexOfKey(key);
      const entries = byDocument.get(index) ?? [];
      byDocument.set(index, entries);
      entries.push([key, checks]);
    }
    fixedByDocument.set(expectation, byDocument);
  }
  return byDocument.get(documentIndex) ?? [];
}

/** The document index a pod key names (`4|["items",3]` names 4), read without cutting the key: expectations name their pod keys on every verification. */
function documentIndexOfKey(key: string): number {
  return Number.parseInt(key, 10);
}

/**
 * A verifier's verdicts, each kept under the change its fixed text makes
 * (CutText.change) and what the expectation asks of the document: the same
 * fixed text under the same expectation is verified once. The text a change
 * writes is a key of its own, below the rest: joined into one key, hundreds
 * of characters were copied into a new string to be hashed on every lookup.
 *
 * Keys name what they repeat by short numbers: each edit object, pod key and
 * check. Spelled out with the JSON of every edit, a key is kilobytes to
 * join, hash and keep with its verdict, on every lookup; and most lookups
 * find a verdict (a suggestion is the fixed text its pod spec's fixes made).
 */
class Verdicts {
  private readonly byKey: Generations<string, Map<string, string | null>>;
  /** Names are counted on as their caches forget, so that a name given again never means another edit or pod spec. */
  private readonly names: Generations<string, number>;
  private nameCount = 0;
  /**
   * Each edit object's name: an owner's edits are the same objects in every
   * expectation that names them. A Map, not a WeakMap: the owners keep their
   * edits as long as the file's verifier lives, and a Map finds them faster.
   */
  private readonly editNames: Generations<Edit, number>;
  private editCount = 0;
  /** Checks numbered apart, from 0: a set of them is named by its bits. */
  private readonly checkBits = new Map<FixableCheck, number>();

  constructor(cohort: Cohort) {
    this.byKey = new Generations(cohort, joinVerdicts);
    this.names = new Generations(cohort);
    this.editNames = new Generations(cohort);
  }

  get(key: string, text: string): string | null | undefined {
    // Null is a verdict (the fix passes): only undefined looks further.
    const young = this.byKey.inYoung(key)?.get(text);
    return young !== undefined ? young : this.byKey.inOld(key)?.get(text);
  }

  set(key: string, text: string, reason: string | null): void {
    this.byKey.youngValue(key, () => new Map()).set(text, reason);
  }

  /** What an expectation asks of one document, as part of a key: its edits in order, and the fixed checks by pod spec in an order of their own. */
  expectationKey(expectation: Expectation, documentIndex: number | null): string {
    if (documentIndex === null) return '';
    let key = '';
    for (const edit of expectation.edits.get(documentIndex) ?? []) key += `${this.editName(edit)},`;
    const fixed = fixedOf(expectation, documentIndex);
    // Most expectations fix one pod spec of a document: named without sorting.
    if (fixed.length === 1) {
      const [podKey, checks] = fixed[0]!;
      return `${key};${this.nameOf(podKey)}=${this.checksName(checks)}`;
    }
    const pods = fixed.map(([podKey, checks]) => [this.nameOf(podKey), checks] as const);
    pods.sort((a, b) => a[0] - b[0]);
    for (const [pod, checks] of pods) key += `;${pod}=${this.checksName(checks)}`;
    return key;
  }

  /**
   * An edit object's name. Two equal edit objects get two names: at worst
   * one text is verified twice, never given another's verdict. Naming by
   * content (the edit's JSON) cost one JSON.stringify per edit and verifier,
   * and every expectation that names an edit again names the same object.
   */
  private editName(edit: Edit): number {
    let name = this.editNames.get(edit);
    if (name === undefined) {
      name = this.editCount++;
      this.editNames.set(edit, name);
    }
    return name;
  }

  private nameOf(text: string): number {
    let name = this.names.get(text);
    if (name === undefined) {
      name = this.nameCount++;
      this.names.set(text, name);
    }
    return name;
  }

  /**
   * A set of checks by the bits of their numbers (32 to a word): the same set
   * gives the same words, in whatever order it was filled. A file's checks
   * rarely number more than 32: the first word is kept apart, with no array.
   */
  private checksName(checks: ReadonlySet<FixableCheck>): string {
    let first = 0;
    let more: number[] | undefined;
    for (const check of checks) {
      let bit = this.checkBits.get(check);
      if (bit === undefined) {
        bit = this.checkBits.size;
        this.checkBits.set(check, bit);
      }
      if (bit < 32) first |= 1 << bit;
      else {
        more ??= [];
        more[(bit >> 5) - 1] = (more[(bit >> 5) - 1] ?? 0) | (1 << (bit & 31));
      }
    }
    return more === undefined ? `${first}` : `${first}.${more.join('.')}`;
  }
}

/** Verdicts of one key from two generations: the texts of both. */
function joinVerdicts(older: Map<string, string | null>, younger: Map<string, string | null>): Map<string, string | null> {
  for (const [text, reason] of younger) older.set(text, reason);
  return older;
}

/** The change a segment's splices make to it (bySegment put in it only splices that lie in it). */
function segmentChange(segment: CutText, splices: readonly Splice[]): CutChange {
  const change = segment.change(splices);
  if (change === null) throw new Error('a splice lies outside its segment');
  return change;
}

const lineBreak = /[\n\r\u2028\u2029]/;
const markerAfterBreak = /(?:^|[\n\r\u2028\u2029])(?:---|\.\.\.|%)/;
const markerAhead = /^(?:---|\.\.\.|%)/;

/**
 * Whether a splice could move a cut between segments (segments.ts): it
 * writes or removes a document marker or directive, or joins a line that
 * starts with one to the line before. Such a fix is verified on the whole file.
 */
function mayMoveCut(text: string, splice: Splice): boolean {
  if (markerAfterBreak.test(splice.insert) || markerAfterBreak.test(text.slice(splice.start, splice.end))) return true;
  const before = text.charAt(splice.end - 1);
  if ((splice.end === 0 || lineBreak.test(before)) && markerAhead.test(text.slice(splice.end, splice.end + 3))) {
    const endsLine = splice.insert === '' ? splice.start === 0 || lineBreak.test(text.charAt(splice.start - 1)) : lineBreak.test(splice.insert.charAt(splice.insert.length - 1));
    return !endsLine;
  }
  return false;
}

/**
 * How many verifications loaded List items alone, a document's segment, or
 * the whole file, how many of the first two read only the fragments their
 * fixes rewrite (fragments.ts), and how many checks were run on pod specs of
 * known documents as they were before a fix (for tests and the bench).
 */
export const verificationCounts = { items: 0, segments: 0, files: 0, fragments: 0, baselineChecks: 0 };

/** A List document verified item by item (listLayout.ts), with its pod specs' baseline by item. */
interface ListUnit {
  readonly document: ManifestDocument;
  readonly layout: ListLayout;
  /** Baseline states of the document's pod specs. */
  readonly baseline: PodStates;
  /** The keys of the pod specs of each item. */
  readonly podsOfItem: ReadonlyMap<number, readonly string[]>;
  /** The item of each pod spec, by key (read once: expectations name them again and again). */
  readonly itemOfPod: ReadonlyMap<string, number>;
}

/** The item of a document-relative path (`['items', 3, …]`), or null. */
function itemOf(path: FieldPath): number | null {
  return path[0] === 'items' && typeof path[1] === 'number' ? path[1] : null;
}

/** The item a pod key names (`4|["items",3]`), or null. */
function itemOfKey(key: string): number | null {
  return itemOf(JSON.parse(key.slice(key.indexOf('|') + 1)) as FieldPath);
}

function listUnitOf(text: string, document: ManifestDocument, part: Part, from: number, to: number): ListUnit | null {
  const value = document.value;
  if (!isObject(value) || !Array.isArray(value.items) || part.problemKinds.length > 0) return null;
  const podsOfItem = new Map<number, string[]>();
  const itemOfPod = new Map<string, number>();
  for (const key of part.pods.keys()) {
    const item = itemOfKey(key);
    if (item === null) return null;
    itemOfPod.set(key, item);
    const keys = podsOfItem.get(item);
    if (keys) keys.push(key);
    else podsOfItem.set(item, [key]);
  }
  // A document the event reader read has no aliases: its items need not be searched for them.
  const aliases = document.source.place === undefined;
  const layout = listLayout(document.source.layout, text, from, to, value.items.length, aliases);
  return layout === null ? null : { document, layout, baseline: part.pods, podsOfItem, itemOfPod };
}

/** The pod states of some pod specs of `states`, by their keys, in that order (each evaluated only when asked). */
function statesOf(states: PodStates, keys: readonly string[]): PodStates {
  return new SomeStates(states, keys);
}

/** statesOf's states: a class, not an object of closures made per verification (see FileFixer). */
class SomeStates implements PodStates {
  constructor(
    private readonly states: PodStates,
    private readonly some: readonly string[],
  ) {}

  get size(): number {
    return this.some.length;
  }

  keys(): IterableIterator<string> {
    return this.some.values();
  }

  get(key: string): Before | undefined {
    return this.states.get(key);
  }
}

/** What verifying one List document's items needs besides the splices and the expectation. */
interface ListVerification {
  readonly file: string;
  readonly text: string;
  readonly unit: ListUnit;
  readonly policyOf: PolicyOf;
  readonly verdicts: Verdicts;
  readonly work: (characters: number) => void;
  /** Whether fixed items may be read through their fragments (VerifierOptions.fragments). */
  readonly fragments: boolean;
  /** The List cut to each item verified alone (cutOf). */
  readonly itemCuts: Generations<number, CutText>;
  /** What the file's verifications by fragments keep (the verifier's). */
  readonly memory: FragmentMemory;
}

/**
 * Verify the splices of one List document on the items they change (and the
 * items that alias those) alone; undefined when the cut is in doubt, and the
 * whole document must be verified instead.
 *
 * Items that no splice and no alias ties together are verified apart, each
 * with its own part of the expectation: all fixes of a file together cost
 * the verifications of its pod specs' fixes (the same texts, so known
 * verdicts), not a reading of the whole List. When one of them fails, the
 * items are verified together after all, so that the reason is the one the
 * whole List gives.
 */
function verifyListItems(list: ListVerification, splices: readonly Splice[], expectation: Expectation): string | null | undefined {
  const { text, unit } = list;
  const { document, layout } = unit;
  const edits = expectation.edits.get(document.index) ?? [];
  const sole = soleItem(list, splices, edits, expectation);
  if (sole !== -1) return verifyKept(list, [sole], splices, expectation);
  // Loops, not callbacks: a callback made per call is compiled again after each major collection (see FileFixer).
  const spliceItems: (readonly number[])[] = [];
  for (const splice of splices) spliceItems.push(itemsOfSplice(layout, text, splice));
  const editItems: (number | null)[] = [];
  for (const edit of edits) editItems.push(itemOf(edit.path));
  const fixedItems: [string, number][] = [];
  for (const [key] of fixedOf(expectation, document.index)) {
    const item = unit.itemOfPod.get(key) ?? itemOfKey(key);
    if (item === null) return undefined;
    fixedItems.push([key, item]);
  }
  const changed = new Set<number>();
  for (const items of spliceItems) for (const item of items) changed.add(item);
  for (const [, item] of fixedItems) changed.add(item);
  for (const item of editItems) if (item !== null) changed.add(item);
  const kept = itemsToRead(layout, changed);
  // A splice outside the items (the prefix or suffix) or an edit of a field beside them concerns every item.
  const apart = spliceItems.some(isEmpty) || editItems.includes(null) ? [kept] : clustersOf(layout, kept, spliceItems);
  if (apart.length > 1) {
    // Each cluster's share of the splices and of the expectation, in their order.
    const clusterOf = new Map<number, number>();
    const shares: { splices: Splice[]; edits: Edit[]; fixed: Map<string, ReadonlySet<FixableCheck>> }[] = [];
    for (let c = 0; c < apart.length; c++) {
      for (const item of apart[c]!) clusterOf.set(item, c);
      shares.push({ splices: [], edits: [], fixed: new Map() });
    }
    for (let i = 0; i < splices.length; i++) shares[clusterOf.get(spliceItems[i]?.[0] ?? -1) ?? -1]?.splices.push(splices[i]!);
    for (let i = 0; i < edits.length; i++) shares[clusterOf.get(editItems[i] ?? -1) ?? -1]?.edits.push(edits[i]!);
    for (const [key, item] of fixedItems) shares[clusterOf.get(item) ?? -1]?.fixed.set(key, expectation.fixed.get(key) ?? new Set());
    let failed = false;
    for (const [c, cluster] of apart.entries()) {
      const share = shares[c]!;
      const own: Expectation = { edits: new Map([[document.index, share.edits]]), fixed: share.fixed };
      const reason = verifyKept(list, cluster, share.splices, own);
      if (reason === undefined) return undefined;
      if (reason !== null) {
        failed = true;
        break;
      }
    }
    if (!failed) return null;
  }
  return verifyKept(list, kept, splices, expectation);
}

function isEmpty(items: readonly number[]): boolean {
  return items.length === 0;
}

/**
 * The one item that every splice, edit and fixed pod spec lies in, when no
 * alias ties it to another (most verifications: a pod spec's fixes, then its
 * suggestion); else -1. Then the item is all there is to read, and
 * verifyListItems needs none of its sets and groups to know it.
 */
function soleItem({ text, unit }: ListVerification, splices: readonly Splice[], edits: readonly Edit[], expectation: Expectation): number {
  const { layout } = unit;
  let sole: number | null = -1;
  for (const splice of splices) if ((sole = sameItem(sole, itemOfSplice(layout, text, splice))) === null) return -1;
  for (const edit of edits) if ((sole = sameItem(sole, itemOf(edit.path))) === null) return -1;
  for (const [key] of fixedOf(expectation, unit.document.index)) if ((sole = sameItem(sole, unit.itemOfPod.get(key))) === null) return -1;
  const tied = sole !== -1 && ((layout.users[sole]?.length ?? 0) > 0 || (layout.dependencies[sole]?.length ?? 0) > 0);
  return tied ? -1 : sole;
}

/** The sole item once `item` is seen too (`sole` -1: none seen yet), or null when `item` is no item or another one. */
function sameItem(sole: number, item: number | null | undefined): number | null {
  if (item === null || item === undefined || item < 0) return null;
  return sole === -1 || sole === item ? item : null;
}

/**
 * The kept items in groups that can be verified apart: items that one
 * splice touches, and items tied by aliases, are in one group. Groups are
 * in the order of their first item, each sorted.
 */
function clustersOf(layout: ListLayout, kept: readonly number[], spliceItems: readonly (readonly number[])[]): number[][] {
  // Sets of positions in `kept`, which is sorted.
  const sets = new UnionFind(kept.length);
  for (const items of spliceItems) for (const item of items) joinKept(sets, kept, items[0] ?? item, item);
  for (const item of kept) {
    for (const other of layout.users[item] ?? []) joinKept(sets, kept, item, other);
    for (const other of layout.dependencies[item] ?? []) joinKept(sets, kept, item, other);
  }
  const clusters = new Map<number, number[]>();
  for (let j = 0; j < kept.length; j++) {
    const root = sets.find(j);
    const cluster = clusters.get(root);
    if (cluster) cluster.push(kept[j]!);
    else clusters.set(root, [kept[j]!]);
  }
  return [...clusters.values()];
}

/** One cluster of the clusters of items `a` and `b`, when both are kept. */
function joinKept(sets: UnionFind, kept: readonly number[], a: number, b: number): void {
  const i = sortedIndex(kept, a);
  const j = sortedIndex(kept, b);
  if (i !== -1 && j !== -1) sets.union(i, j);
}

/** The List cut to the kept items; one item's cut is kept for the lookups that follow its verification (its suggestion, then all suggestions together). */
function cutOf(list: ListVerification, kept: readonly number[]): CutText {
  const [item] = kept;
  if (kept.length !== 1 || item === undefined) return listCut(list.text, list.unit.layout, kept);
  let cut = list.itemCuts.get(item);
  if (cut === undefined) {
    cut = listCut(list.text, list.unit.layout, kept);
    list.itemCuts.set(item, cut);
  }
  return cut;
}

/** Verify the List with only the kept items (sorted), under a verdict kept by its text; undefined when the cut is in doubt. */
function verifyKept(list: ListVerification, kept: readonly number[], splices: readonly Splice[], expectation: Expectation): string | null | undefined {
  const { file, unit, policyOf, verdicts, work } = list;
  const { document } = unit;
  const cut = cutOf(list, kept);
  const change = cut.change(splices);
  if (change === null) return undefined;
  const key = `list ${document.index}\u0000${verdicts.expectationKey(expectation, document.index)}\u0000${kept.join(',')}\u0000${change.where}`;
  const known = verdicts.get(key, change.text);
  if (known !== undefined) return known;
  work(change.length);
  const edits = expectation.edits.get(document.index) ?? [];
  const byFragments = list.fragments ? itemsByFragments(list, kept, splices, edits, expectation) : undefined;
  // Null is a verdict (the fix passes): only undefined reads the small List whole (built only now: change() placed its splices).
  const reason = byFragments !== undefined ? byFragments : verifySmallList(file, cut.apply(splices) ?? '', unit, kept, edits, expectation, policyOf);
  verdicts.set(key, change.text, reason);
  return reason;
}

/**
 * The kept items verified through the fragments their splices rewrite
 * (fragments.ts), when those prove what the List decodes to; else undefined,
 * and the small List is read whole (which also says why a fix fails).
 */
function itemsByFragments(list: ListVerification, kept: readonly number[], splices: readonly Splice[], edits: readonly Edit[], expectation: Expectation): string | null | undefined {
  const { document } = list.unit;
  const aliases = itemAliasesOf(document);
  if (aliases !== null) return aliasedItemsByFragments(list, aliases, kept, splices, edits, expectation);
  const expected = expectedList(document.value, kept, edits);
  if (typeof expected === 'string' || expected.items.includes(undefined)) return undefined;
  if (!provedByFragments(list.text, document, splices, edits, (path) => expectedInList(expected, kept, path), list.memory)) return undefined;
  return readItemsReason(list, expected.fields, expected.items as JsonValue[], kept, expectation);
}

/** itemsReason on the kept items the fragments proved, counted as a verification by fragments. */
function readItemsReason(list: ListVerification, fields: JsonObject, items: JsonValue[], kept: readonly number[], expectation: Expectation): string | null {
  verificationCounts.items++;
  verificationCounts.fragments++;
  return itemsReason({ ...list.unit.document, value: { ...fields, items } }, list.unit, kept, expectation, list.policyOf);
}

/**
 * itemsByFragments for a List whose items alias whole items (itemAliases.ts):
 * the fragments give what each kept item decodes to now (an alias item the
 * very value of its anchored item, so that its pod spec is evaluated once),
 * and each must be the item as the edits leave it. Edits outside the items
 * are left to the whole reading.
 */
function aliasedItemsByFragments(
  list: ListVerification,
  { sourceOf }: ItemAliases,
  kept: readonly number[],
  splices: readonly Splice[],
  edits: readonly Edit[],
  expectation: Expectation,
): string | null | undefined {
  const { document } = list.unit;
  const byItem = editsByItem(kept, edits);
  const original = isObject(document.value) ? document.value.items : undefined;
  if (byItem === null || !Array.isArray(original)) return undefined;
  const items = listItemsByFragments(list.text, document, splices, kept, list.memory);
  if (items === null) return undefined;
  // Where each kept item's source item is among the kept ones (an item is its own source).
  const keptAt = new Map(kept.map((item, j) => [item, j]));
  const expected: (JsonValue | undefined)[] = [];
  for (const [j, item] of kept.entries()) {
    const s = keptAt.get(sourceOf[item] ?? item) ?? j;
    // An alias item with its anchored item's edits is as that item is after them: neither applied nor compared again.
    if (s < j && items[j] === items[s] && sameEditsBelowItems(byItem[j]!, byItem[s]!)) {
      expected.push(expected[s]);
      continue;
    }
    let value: JsonValue | undefined;
    try {
      value = editedItem(original, item, byItem[j]!);
    } catch (error) {
      if (error instanceof EditError) return undefined;
      throw error;
    }
    if (value === undefined || !jsonEqual(items[j], value)) return undefined;
    expected.push(value);
  }
  if (mayExceedAliasBudget(document.value as JsonObject, items, kept, sourceOf)) return undefined;
  return readItemsReason(list, document.value as JsonObject, items, kept, expectation);
}

/** What a List should decode to after the edits: its fields, and its kept items in order. */
interface ExpectedList {
  /** The document's fields (its `items` are not looked at). */
  readonly fields: JsonObject;
  /** `items[j]` is item `kept[j]` as the edits leave it (undefined when they removed it). */
  readonly items: readonly (JsonValue | undefined)[];
  /** Whether `fields` is the whole document after the edits (else the edits lie in kept items, and `fields.items` are the old ones). */
  readonly whole: boolean;
}

/**
 * What a List holds at `path` after the edits, as `expected` has it:
 * within a kept item, that item as the edits leave it; elsewhere the
 * fields, except above the items when only the kept items were edited
 * (the fields hold the old items: not known here).
 */
function expectedInList(expected: ExpectedList, kept: readonly number[], path: FieldPath): JsonValue | undefined {
  const item = itemOf(path);
  if (item === null) return expected.whole || (path.length > 0 && path[0] !== 'items') ? valueAt(expected.fields, path) : undefined;
  const j = sortedIndex(kept, item);
  if (j === -1) return undefined;
  return valueAt(expected.items[j], path.slice(2));
}

/**
 * The List `document` after `edits`, seen through its `kept` items; a
 * string when that is not a List any more or the edits do not apply (why).
 * Edits that all lie inside kept items are applied to those items alone (a
 * copy of the whole `items` per verification made a fix cost the size of
 * the List); any other edit, and any edit that fails, is applied to the
 * whole document, which gives the reason as whole-document verification does.
 */
function expectedList(document: JsonValue, kept: readonly number[], edits: readonly Edit[]): ExpectedList | string {
  const byItem = editsByItem(kept, edits);
  if (byItem !== null && isObject(document) && Array.isArray(document.items)) {
    const original = document.items;
    try {
      // An item kept only to be read (an alias user's anchor, a fixed check without an edit) is as it was.
      const items = kept.map((item, j) => editedItem(original, item, byItem[j] ?? []));
      return { fields: document, items, whole: false };
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
    }
  }
  let expected: JsonValue = document;
  if (edits.length > 0) {
    try {
      expected = applyEditsToJson(document, edits);
    } catch (error) {
      if (error instanceof EditError) return `the edits do not apply to the document (${error.message})`;
      throw error;
    }
  }
  if (!isObject(expected) || !Array.isArray(expected.items)) return 'the fixed YAML would change more than the fixed fields';
  const expectedItems = expected.items;
  return { fields: expected, items: kept.map((item) => expectedItems[item]), whole: true };
}

/** Item `item` of `items` as its own edits leave it (it as it is, without any). Throws EditError. */
function editedItem(items: readonly JsonValue[], item: number, edits: readonly Edit[]): JsonValue | undefined {
  return edits.length === 0 ? items[item] : applyEditsToJson(items[item] ?? null, edits, 2);
}

/** The edits of each kept item (`[j]` for item `kept[j]`), when every edit lies inside a kept item; else null. */
function editsByItem(kept: readonly number[], edits: readonly Edit[]): Edit[][] | null {
  const byItem: Edit[][] = kept.map(() => []);
  for (const edit of edits) {
    const item = itemOf(edit.path);
    const j = item === null || edit.path.length < 3 ? -1 : sortedIndex(kept, item);
    if (j === -1) return null;
    byItem[j]!.push(edit);
  }
  return byItem;
}

/** The index of `value` in the sorted `values`, or -1. */
function sortedIndex(values: readonly number[], value: number): number {
  const index = lastAtMostIn(values, value);
  return values[index] === value ? index : -1;
}

function verifySmallList(file: string, small: string, unit: ListUnit, kept: readonly number[], edits: readonly Edit[], expectation: Expectation, policyOf: PolicyOf): string | null {
  const { document } = unit;
  verificationCounts.items++;
  const loaded = loadManifestFile(file, small, tiedByAlias(unit.layout, kept) ? noLimitByYaml : noLimit);
  const [fixedDocument] = loaded.documents;
  if (loaded.problems.length > 0 || loaded.documents.length !== 1 || !fixedDocument) return 'the fixed YAML no longer loads as it did';
  const value = fixedDocument.value;
  if (!isObject(value) || !Array.isArray(value.items) || value.items.length !== kept.length) return 'the fixed YAML would change more than the fixed fields';
  const expected = expectedList(document.value, kept, edits);
  if (typeof expected === 'string') return expected;
  // Everything but the items, then each item kept: the items left out are unchanged by construction.
  const { fields, items: expectedItems } = expected;
  for (const field of new Set([...Object.keys(value), ...Object.keys(fields)])) {
    if (field !== 'items' && !jsonEqual(value[field], fields[field])) return 'the fixed YAML would change more than the fixed fields';
  }
  const items = value.items;
  if (kept.some((_, j) => !jsonEqual(items[j], expectedItems[j]))) return 'the fixed YAML would change more than the fixed fields';
  return itemsReason(fixedDocument, unit, kept, expectation, policyOf);
}

/** Null when the kept items of a fixed List (its `items` are those alone, in order) pass, else why not. */
function itemsReason(fixedDocument: ManifestDocument, unit: ListUnit, kept: readonly number[], expectation: Expectation, policyOf: PolicyOf): string | null {
  const { document } = unit;
  const objectPathOf = (path: FieldPath) => {
    const item = itemOf(path);
    return item === null ? path : ['items', kept[item] ?? -1, ...path.slice(2)];
  };
  const { pods, invalid } = podStates([fixedDocument], policyOf, () => document.index, objectPathOf, unit.baseline);
  if (invalid.length > 0) return 'the fixed YAML no longer loads as it did';
  const keys: string[] = [];
  for (const item of kept) for (const key of unit.podsOfItem.get(item) ?? []) keys.push(key);
  const before = statesOf(unit.baseline, keys);
  return podsReason(before, pods, expectation);
}

/**
 * A known document's segment verified through the fragments its splices
 * rewrite (fragments.ts), when those prove what it decodes to; else
 * undefined, and the segment is read whole (which also says why a fix fails).
 */
function documentByFragments(
  text: string,
  document: ManifestDocument,
  part: Part,
  splices: readonly Splice[],
  expectation: Expectation,
  policyOf: PolicyOf,
  memory: FragmentMemory,
): string | null | undefined {
  const edits = expectation.edits.get(document.index) ?? [];
  if (part.problemKinds.length > 0) return undefined;
  let value: JsonValue;
  try {
    value = edits.length === 0 ? document.value : applyEditsToJson(document.value, edits);
  } catch (error) {
    // The whole reading says why.
    if (error instanceof EditError) return undefined;
    throw error;
  }
  if (!provedByFragments(text, document, splices, edits, (path) => valueAt(value, path), memory)) return undefined;
  verificationCounts.fragments++;
  const { pods, invalid } = podStates([{ ...document, value }], policyOf, (index) => index, undefined, part.pods);
  if (invalid.length > 0) return 'the fixed YAML no longer loads as it did';
  return podsReason(part.pods, pods, expectation);
}

/**
 * The verifier of one file's fixes. It re-loads only the segments of the
 * stream (segments.ts) that the splices touch, plus those of every document
 * the expectation names (an edit that changed nothing must still be caught).
 * Unchanged segments load as they did, so they cannot fail. In a List
 * document, only the items the splices touch (and their alias users) are
 * loaded again (listLayout.ts): a fix costs the size of the pod spec it
 * fixes, not of the file.
 *
 * A segment holding a known document is compared with that document as the
 * check loaded it (no second load of the original); the same fixed text
 * under the same expectation is verified once. Whenever the cut is in doubt
 * (a stream with directives or `...`, a splice that writes or removes a
 * marker, a known document that crosses a cut, two in one segment) the
 * whole file is verified instead.
 */
export interface VerifierOptions {
  /** False verifies whole documents, never List items alone (the reference in tests). Default: true. */
  readonly byItem?: boolean;
  /** False reads every fixed document or List item whole, never through the fragments its fixes rewrite (the reference in tests). Default: true. */
  readonly fragments?: boolean;
  /** Told the size of every text loaded to verify a fix: the work the fix engine's budget counts. */
  readonly onWork?: (characters: number) => void;
}

/** Adds the segment of document `index` to those to verify; false when the document is not known (then the whole file is verified). */
function addSegmentOf(index: number, segmentOf: ReadonlyMap<number, number>, bySegment: Map<number, Splice[]>): boolean {
  const k = segmentOf.get(index);
  if (k === undefined) return false;
  if (!bySegment.has(k)) bySegment.set(k, []);
  return true;
}

export function verifierOf(file: string, text: string, policyOf: PolicyOf, known: readonly ManifestDocument[], options: VerifierOptions = {}): Verifier {
  const work = options.onWork ?? (() => undefined);
  const fragments = options.fragments !== false;
  let whole: Part | null = null;
  const verifyWhole = (splices: readonly Splice[], expectation: Expectation): string | null => {
    whole ??= partOf(file, text, policyOf, (local) => local).part;
    verificationCounts.files++;
    work(text.length);
    return verifyPart(file, policyOf, whole, applySplices(text, splices), expectation);
  };
  const starts = segmentStarts(text);
  // The whole file's baseline is kept: every verification reads it.
  if (starts === null) return verifierWith(verifyWhole, new Cohort());

  const segmentOf = new Map<number, number>();
  const knownIn = new Map<number, ManifestDocument[]>();
  for (const document of known) {
    const k = segmentAt(starts, document.source.start);
    segmentOf.set(document.index, k);
    knownIn.set(k, [...(knownIn.get(k) ?? []), document]);
  }
  const parts = new Map<number, Part | null>();
  /** Segment k's baseline, or null when it does not hold exactly one known document, whole. */
  const segmentPart = (k: number): Part | null => {
    if (parts.has(k)) return parts.get(k) ?? null;
    const documents = knownIn.get(k) ?? [];
    const [document] = documents;
    let part: Part | null;
    if (document === undefined) {
      part = partOf(file, segmentText(text, starts, k), policyOf, (local) => -1 - local).part;
    } else if (documents.length === 1 && document.source.end <= (starts[k + 1] ?? text.length)) {
      const pods = new Baseline(document, policyOf);
      let written: readonly string[] | undefined;
      part = {
        globalIndex: (local) => (local === 0 ? document.index : -1 - local),
        documents: new Map([[document.index, document.value]]),
        problemKinds: [...pods.invalid].sort(),
        pods,
        // A Job whose script holds `{{.spec.bucketName}}` loads with a `template` note, which the fixed text keeps.
        writtenKinds: () => (written ??= [...loadManifestFile(file, segmentText(text, starts, k), noLimit).problems.map((p) => p.kind), ...pods.invalid].sort()),
      };
    } else {
      part = null;
    }
    parts.set(k, part);
    return part;
  };
  const cohort = new Cohort();
  const verdicts = new Verdicts(cohort);
  const memory = new FragmentMemory(cohort);
  // Segment k's List and what verifying its items needs, made once: most calls hit a known verdict.
  const lists = new Map<number, ListVerification | null>();
  const listVerification = (k: number, part: Part): ListVerification | null => {
    if (options.byItem === false) return null;
    let list = lists.get(k);
    if (list === undefined) {
      const [document] = knownIn.get(k) ?? [];
      const unit = document ? listUnitOf(text, document, part, starts[k] ?? 0, starts[k + 1] ?? text.length) : null;
      list = unit === null ? null : { file, text, unit, policyOf, verdicts, work, fragments, itemCuts: new Generations(cohort), memory };
      lists.set(k, list);
    }
    return list;
  };
  const segmentCuts = new Map<number, CutText>();
  const segmentCut = (k: number): CutText => {
    let cut = segmentCuts.get(k);
    if (cut === undefined) {
      cut = new CutText(text, [{ from: starts[k] ?? 0, to: starts[k + 1] ?? text.length, lead: '' }]);
      segmentCuts.set(k, cut);
    }
    return cut;
  };

  const verify = (splices: readonly Splice[], expectation: Expectation): string | null => {
    for (const splice of splices) if (mayMoveCut(text, splice)) return verifyWhole(splices, expectation);
    // A splice belongs to the segment of the character before it: an insertion before a `---` ends the previous document.
    const bySegment = new Map<number, Splice[]>();
    for (const splice of splices) {
      const k = splice.start > 0 ? segmentAt(starts, splice.start - 1) : 0;
      if (splice.end > (starts[k + 1] ?? text.length)) return verifyWhole(splices, expectation);
      const mine = bySegment.get(k);
      if (mine) mine.push(splice);
      else bySegment.set(k, [splice]);
    }
    // Every document the expectation names is verified, spliced or not (an edit that changed nothing must be caught).
    for (const index of expectation.edits.keys()) if (!addSegmentOf(index, segmentOf, bySegment)) return verifyWhole(splices, expectation);
    for (const key of expectation.fixed.keys()) if (!addSegmentOf(documentIndexOfKey(key), segmentOf, bySegment)) return verifyWhole(splices, expectation);
    for (const k of bySegment.keys()) if (segmentPart(k) === null) return verifyWhole(splices, expectation);
    const segments = bySegment.size === 1 ? bySegment.keys() : [...bySegment.keys()].sort((a, b) => a - b);
    for (const k of segments) {
      const part = segmentPart(k)!;
      const mine = bySegment.get(k)!;
      const list = listVerification(k, part);
      const listed = list === null ? undefined : verifyListItems(list, mine, expectation);
      if (listed !== undefined) {
        if (listed !== null) return listed;
        continue;
      }
      const [document] = knownIn.get(k) ?? [];
      const segment = segmentCut(k);
      const change = segmentChange(segment, mine);
      const key = `${k}\u0000${verdicts.expectationKey(expectation, document?.index ?? null)}\u0000${change.where}`;
      let reason = verdicts.get(key, change.text);
      if (reason === undefined) {
        verificationCounts.segments++;
        work(change.length);
        reason = fragments && document ? documentByFragments(text, document, part, mine, expectation, policyOf, memory) : undefined;
        // Null is a verdict (the fix passes): only undefined reads the segment whole, built only now.
        if (reason === undefined) reason = verifyPart(file, policyOf, part, segment.apply(mine) ?? '', expectation);
        verdicts.set(key, change.text, reason);
      }
      if (reason !== null) return reason;
    }
    return null;
  };
  // Each segment's baseline and List layout are kept: they are the size of the file, made once.
  return verifierWith(verify, cohort);
}
