/**
 * From a change set to the pod specs the change introduced or modified, and
 * their findings (pure). The product's promise: quiet about what the change
 * did not touch.
 *
 * - A pod spec's identity is (kind, namespace, name) within its file,
 *   following renames; one moved between two changed files keeps it.
 * - It is new without a base counterpart, modified when what the checks
 *   evaluate (template metadata and defaulted spec) differs, unchanged
 *   otherwise; comments, quoting, key order, flow style and indentation do
 *   not count because decoded values are compared.
 * - Only new and modified pod specs are evaluated. A finding is
 *   `preexisting` when the same check failed at base for the same
 *   containers and volumes; `--only-new-violations` keeps the others.
 * - The change cannot relax the policy that judges it (src/policy/stricter.ts):
 *   each pod spec is judged under the stricter of its base and head policy
 *   (Namespace labels of both commits, its path, namespace and name at both,
 *   opt-outs as `opt-outs` says), one whose policy differs is modified even
 *   when its text is not, and each relaxation is itself a finding.
 */
import { diffLines } from '../diff/lines.js';
import type { DiffLines } from '../diff/lines.js';
import type { ChangeSet, ChangedFile, FileContent } from '../diff/types.js';
import { containerOfPath, sortProblems } from '../findings/evaluateFiles.js';
import { fixFindings } from '../findings/fixes.js';
import type { FixableCheck } from '../fixes/types.js';
import { evaluatePodSpec, repositoryPolicy, resolveFor } from '../findings/policyContext.js';
import type { LabelProblem } from '../findings/policyContext.js';
import type { PodSpecEvaluation, PolicyContext } from '../findings/policyContext.js';
import type { IgnoredFinding, PolicyProblemReport } from '../findings/types.js';
import { defaultLoadOptions, loadManifestFile, renderedLoadOptions, textOf } from '../manifests/load.js';
import type { LoadOptions } from '../manifests/load.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { adviceFindings } from '../policy/sources/advice.js';
import type { KyvernoRule } from '../policy/sources/kyverno.js';
import { kyvernoVerdicts } from '../policy/sources/kyvernoOutcome.js';
import type { NamespaceIndex, NamespaceProblem } from '../policy/namespaces.js';
import { changedPspFindings } from '../policy/sources/psp.js';
import { defaultExtraChecks } from '../policy/sources/settings.js';
import { optOutAnnotations } from '../policy/annotations.js';
import { annotationPath, noSubject, resolvePolicy, subjectFromPodSpec } from '../policy/resolve.js';
import { evaluatePolicy } from '../policy/split.js';
import { changeRules, relaxationsOf, reviewOptOuts, samePolicy, stricterPolicy } from '../policy/stricter.js';
import type { OptOutsRule } from '../policy/stricter.js';
import type { PolicyConfig, PolicyFinding, ResolvedPolicy } from '../policy/types.js';
import type { CheckFailure, FieldPath, PodInput } from '../pss/types.js';
import { isObject } from '../pss/pod.js';
import { extractPodSpecs } from '../workloads/extract.js';
import { podLoadOptions } from '../workloads/podFree.js';
import type { ChartInstall, PodSpecSource } from '../workloads/extract.js';
import { admissionRelaxations, kyvernoNamespaceRelaxations, kyvernoRelaxations } from './clusterPolicyChanges.js';
import { configRelaxations } from './configChanges.js';
import { namespaceRelaxations, workloadRelaxation } from './policyChanges.js';
import { changedPaths } from './relabelled.js';
import { defaultSelection, selectsFile } from './select.js';
import type { FileSelection } from './select.js';
import type { DiffFinding, DiffPodSpecVerdict, DiffReport } from './types.js';
import { addTo } from '../multiMap.js';
import { sameJson } from './sameJson.js';
import { volatileFields, withoutFields } from './volatile.js';

export interface ScopeOptions {
  readonly policy: PolicyContext;
  /**
   * Documents of the head commit outside the change set (the rest of the
   * repository), for their Namespace manifests; the change set's own head
   * documents are always used.
   */
  readonly headNamespaceDocuments?: readonly ManifestDocument[];
  readonly load?: LoadOptions;
  readonly selection?: FileSelection;
  /** Report only violations the change introduced. */
  readonly onlyNewViolations?: boolean;
  /** Compute a verified fix (or a note) for every finding; attachable only inside one hunk. */
  readonly fixes?: boolean;
  /** The checks to fix (`fix --only`/`--skip`); default: every check. */
  readonly fixChecks?: (check: FixableCheck) => boolean;
  /**
   * Files the change did not touch that hold pod specs in a Namespace whose
   * pod-security labels it makes stricter (relabelled.ts; read by the I/O layer at
   * head, the same at base): their pod specs are evaluated as modified where
   * their policy differs between base and head.
   */
  readonly relabelledFiles?: readonly ChangedFile[];
  /**
   * The policy config file before and after the change (the merge base's
   * and head's), when the change edits it: the run is judged by
   * `policy.config` (the base commit's), and what the change relaxes is
   * reported (configChanges.ts).
   */
  readonly configChange?: { readonly base: PolicyConfig; readonly head: PolicyConfig; readonly path: string };
  /**
   * The change set is no change: `check` renders the charts and overlays of
   * a tree once, as files added to nothing. Each pod spec is judged by the
   * policy at head alone, as `check` judges plain files (its Namespace's
   * labels, all its opt-outs), and no policy is reported relaxed: read as a
   * change, a Namespace a rendering holds lowered the run's default levels
   * (a blocking finding), and its pods were judged at those defaults.
   */
  readonly noBase?: boolean;
}

interface Loaded {
  readonly pods: PodSpecSource[];
  readonly documents: ManifestDocument[];
  readonly problems: LoadProblem[];
  readonly charts: ChartInstall[];
}

/** `load` holds the workloads' template rule already (podLoadOptions): evaluateChangeSet makes it once. */
function loadPods(path: string, content: FileContent, load: LoadOptions): Loaded {
  if (content.kind === 'absent') return { pods: [], documents: [], problems: [], charts: [] };
  if (content.kind === 'unavailable') return { pods: [], documents: [], problems: [{ file: path, line: null, kind: 'unreadable', message: content.reason }], charts: [] };
  const loaded = loadManifestFile(path, content.data, load);
  const pods: PodSpecSource[] = [];
  const problems: LoadProblem[] = [...loaded.problems];
  const charts: ChartInstall[] = [];
  for (const document of loaded.documents) {
    const extraction = extractPodSpecs(document);
    pods.push(...extraction.pods);
    problems.push(...extraction.problems);
    charts.push(...extraction.charts);
  }
  return { pods, documents: [...loaded.documents], problems, charts };
}

/**
 * The chart installs at head that the change adds or edits (a values
 * change, a new chart version): each is a file problem, as the pod specs
 * it makes are not checked. One the change left as it was is not the
 * change's, like an unchanged pod spec.
 */
function changedCharts(head: readonly ChartInstall[], base: readonly ChartInstall[]): LoadProblem[] {
  const atBase = keyed(base);
  return [...keyed(head)].filter(([key, chart]) => !sameJson(atBase.get(key)?.object, chart.object)).map(([, chart]) => chart.problem);
}

/** An object's identity: its kind, namespace and name. */
interface Identified {
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
}

/** Identity keys, with an occurrence number for repeated ones (e.g. unnamed pods). */
function keyed<T extends Identified>(pods: readonly T[]): Map<string, T> {
  const seen = new Map<string, number>();
  const byKey = new Map<string, T>();
  for (const pod of pods) {
    const identity = `${pod.kind}\u0000${pod.namespace ?? ''}\u0000${pod.name}`;
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    byKey.set(`${identity}\u0000${n}`, pod);
  }
  return byKey;
}

/**
 * The same pod spec, whatever its name (pod specs are paired by name, or by
 * source when a template names them anew: matchRenamedBySource) and
 * whatever its rendering writes anew each time (`volatile`, volatile.ts).
 */
function samePod(base: PodInput, head: PodInput, volatile: readonly FieldPath[] = []): boolean {
  const [a, b] = volatile.length === 0 ? [base, head] : [withoutFields(base, volatile), withoutFields(head, volatile)];
  return sameJson({ ...a.metadata, name: null }, { ...b.metadata, name: null }) && sameJson(a.spec, b.spec);
}

/** The containers a failure names ('' for the pod level). */
function subjects(failure: CheckFailure, pod: PodInput): Set<string> {
  return new Set(failure.paths.map((path) => containerOfPath(pod, path) ?? volumeOfPath(pod, path) ?? ''));
}

/**
 * The volume a failure's path is in (`spec.volumes[2].hostPath`), by name,
 * told apart from a container of that name: a hostPath volume a change
 * adds beside an old one is a new violation, as a container newly
 * privileged is. Null for a path of no volume.
 */
function volumeOfPath(pod: PodInput, [root, list, index]: FieldPath): string | null {
  if (root !== 'spec' || list !== 'volumes' || typeof index !== 'number') return null;
  const volumes = pod.spec.volumes;
  const volume = Array.isArray(volumes) ? volumes[index] : undefined;
  return isObject(volume) && typeof volume.name === 'string' ? `volume ${volume.name}` : null;
}

function isPreexisting(failure: CheckFailure, head: PodInput, base: { pod: PodInput; failures: readonly CheckFailure[] } | null): boolean {
  if (!base) return false;
  const was = new Set(base.failures.filter((f) => f.check === failure.check).flatMap((f) => [...subjects(f, base.pod)]));
  return was.size > 0 && [...subjects(failure, head)].every((subject) => was.has(subject));
}

/**
 * A Kyverno finding is preexisting when the base version already failed the
 * same check under the same rule, as Kyverno judges an update: unless the
 * rule sets `allowExistingViolations: false` for an Enforce rule, in which
 * case Kyverno refuses the update however old the violation is (and
 * `only-new-violations` must not hide it).
 */
function kyvernoPreexisting(placed: PolicyFinding, pod: PodSpecSource, base: PodSpecSource | null, namespaces: NamespaceIndex): boolean {
  const rule = placed.kyvernoRule;
  if (!rule || !base) return false;
  if (placed.mode === 'enforce' && rule.allowExistingViolations === false) return false;
  const [verdict] = kyvernoVerdicts(base, [rule], namespaces);
  return isPreexisting(placed.failure, pod.pod, { pod: base.pod, failures: verdict?.failures ?? [] });
}

/** The PodSecurityPolicies the change added or modified, as findings of their files. */
function pspDiffFindings(files: readonly ChangedFile[], head: readonly ManifestDocument[], base: readonly ManifestDocument[], context: PolicyContext): DiffFinding[] {
  const lines = new Map(files.map((file) => [file.path, diffLines(file.hunks)]));
  return changedPspFindings(head, base, context.extraChecks ?? defaultExtraChecks, sameJson).map(({ finding, status }) => ({
    ...finding,
    status,
    preexisting: false,
    locations: finding.locations.map((location) => ({ ...location, inDiff: lines.get(finding.file)?.has(location.line) ?? false })),
  }));
}

/** The same Kyverno rule at both commits, wherever its lines are. */
function sameRule(a: KyvernoRule, b: KyvernoRule): boolean {
  const settings = (rule: KyvernoRule) => JSON.stringify({ ...rule, file: null, line: null, path: null });
  return settings(a) === settings(b);
}

/**
 * Head pod specs still unmatched, paired with an unmatched base one of the
 * same kind and name in another namespace (the same file first): a workload
 * moved to another namespace is the same workload, judged against where it
 * came from.
 */
function matchNamespaceMoves(heads: ReadonlyMap<ChangedFile, ReadonlyMap<string, PodSpecSource>>, unmatchedBase: ReadonlyMap<string, PodSpecSource[]>, matches: Map<PodSpecSource, PodSpecSource>): void {
  const byName = new Map<string, PodSpecSource[]>();
  for (const pods of unmatchedBase.values()) {
    for (const pod of pods) {
      const key = `${pod.kind}\u0000${pod.name}`;
      byName.set(key, [...(byName.get(key) ?? []), pod]);
    }
  }
  for (const headPods of heads.values()) {
    for (const pod of headPods.values()) {
      if (matches.has(pod)) continue;
      const candidates = byName.get(`${pod.kind}\u0000${pod.name}`) ?? [];
      const index = Math.max(0, candidates.findIndex((c) => c.document.file === pod.document.file));
      const [moved] = candidates.splice(index, 1);
      if (moved && moved.namespace !== pod.namespace) matches.set(pod, moved);
      else if (moved) candidates.splice(index, 0, moved);
    }
  }
}

/**
 * A head pod spec of a rendering still unmatched, paired with the base's
 * unmatched one of the same kind, namespace and source (the template that
 * wrote their document) when each side has exactly one: a chart's test pod
 * named `{{ .Release.Name }}-test-{{ randAlphaNum 5 }}` is renamed at each
 * rendering, and is the same pod spec, not a new one the change made. A
 * template that writes several (a `range`) pairs none: which removed item
 * an added one replaces is not known.
 */
function matchRenamedBySource(heads: ReadonlyMap<ChangedFile, ReadonlyMap<string, PodSpecSource>>, bases: ReadonlyMap<ChangedFile, ReadonlyMap<string, PodSpecSource>>, matches: Map<PodSpecSource, PodSpecSource>): void {
  const matched = new Set(matches.values());
  for (const [file, headPods] of heads) {
    const sources = file.documentSources;
    if (sources === undefined) continue;
    const keyOf = (pod: PodSpecSource, sourceOf: (line: number) => string | null) => {
      const source = sourceOf(pod.document.line);
      return source === null ? null : [pod.kind, pod.namespace ?? '', source].join('\u0000');
    };
    const unmatched = new Map<string, PodSpecSource[]>();
    for (const pod of bases.get(file)?.values() ?? []) {
      const key = matched.has(pod) ? null : keyOf(pod, sources.base);
      if (key !== null) addTo(unmatched, key, pod);
    }
    const unpaired = new Map<string, PodSpecSource[]>();
    for (const pod of headPods.values()) {
      const key = matches.has(pod) ? null : keyOf(pod, sources.head);
      if (key !== null) addTo(unpaired, key, pod);
    }
    for (const [key, [pod, ...more]] of unpaired) {
      const candidates = unmatched.get(key) ?? [];
      if (pod !== undefined && more.length === 0 && candidates.length === 1) matches.set(pod, candidates[0]!);
    }
  }
}

/** How a pod spec is judged, given its base counterpart (null: new). */
interface Judged {
  /** The stricter of its base and head policy, opt-outs as the run's rule says. */
  readonly policy: ResolvedPolicy;
  /** Its policy before the change: its base object in the base commit's namespaces; a new one where it now stands, without opt-outs. */
  readonly base: ResolvedPolicy;
  /** The base and head policies judge it differently: it is modified even when its text is not. */
  readonly changed: boolean;
  /** What a move (namespace, path or name) relaxes, judged with head's namespaces so that label changes stay the Namespace's. */
  readonly moved: readonly string[];
  readonly addedOptOuts: readonly { readonly path: FieldPath; readonly checks: readonly string[] }[];
  /** Its runtimeClassName makes it exempt at head, and nothing exempted it before: the exemption's message. */
  readonly exemptRuntimeClass: string | null;
}

/** A pod spec of a change set that is no change (ScopeOptions.noBase): its policy at head, nothing relaxed. */
function judgedAtHead(pod: PodSpecSource, context: PolicyContext): Judged {
  const head = resolveFor(pod, context);
  return { policy: head, base: head, changed: false, moved: [], addedOptOuts: [], exemptRuntimeClass: null };
}

function judge(pod: PodSpecSource, base: PodSpecSource | null, context: PolicyContext, baseContext: PolicyContext, rule: OptOutsRule): Judged {
  const head = resolveFor(pod, context);
  const before = base ? resolveFor(base, baseContext) : resolveFor(pod, baseContext, { ...subjectFromPodSpec(pod), workloadAnnotations: {}, templateAnnotations: null });
  const review = reviewOptOuts(head.optOuts, base ? before.optOuts : [], rule);
  const movedAway = base !== null && (base.namespace !== pod.namespace || base.document.file !== pod.document.file || base.name !== pod.name);
  return {
    policy: stricterPolicy(before, head, review.optOuts),
    base: before,
    changed: base !== null && !samePolicy(before, head),
    moved: movedAway ? relaxationsOf(resolveFor(base, context), head) : [],
    addedOptOuts: review.added.map((added) => ({ path: annotationPath(pod, added.optOut.place, optOutAnnotations.ignore), checks: added.checks })),
    exemptRuntimeClass: base !== null && !movedAway && head.exemption?.kind === 'runtimeClass' && before.exemption === null ? head.exemption.message : null,
  };
}

/**
 * A file renamed or copied whose text did not change (a folder moved, `git
 * mv`): the same bytes on both sides, or, when they were not read (binary,
 * too large), a diff with no hunk.
 */
function movedAsItWas({ previousPath, base, head, hunks }: ChangedFile): boolean {
  if (previousPath === undefined) return false;
  if (base.kind === 'content' && head.kind === 'content') return sameBytes(base.data, head.data);
  return base.kind === 'unavailable' && head.kind === 'unavailable' && hunks !== null && hunks.length === 0;
}

function sameBytes(a: Uint8Array | string, b: Uint8Array | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return typeof a === typeof b && a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The Namespace label problems a change is told of. Every Namespace of the
 * head commit is read, and the problems of those the change neither edits
 * nor checks a pod spec in were there before it: every pull request's review
 * would repeat them (and an invalid label fails the run). A problem concerns
 * the change when it lies in a source file the change edits (for a conflict,
 * either definition), or in the namespace of a pod spec it checks, whose
 * labels it makes uncertain. A rendering is not a source the change edits
 * as a whole: its Namespaces count by their pod specs alone.
 */
function labelProblemsOfTheChange(labelProblems: readonly LabelProblem[], files: readonly ChangedFile[], checkedNamespaces: ReadonlySet<string>): LoadProblem[] {
  const edited = changedPaths(files.filter((file) => file.rendered !== true));
  const concerns = ({ file, firstFile, namespace }: NamespaceProblem) => edited.has(file) || (firstFile !== undefined && edited.has(firstFile)) || checkedNamespaces.has(namespace);
  return labelProblems.filter((label) => concerns(label.about)).map((label) => label.problem);
}

export function evaluateChangeSet(changeSet: ChangeSet, options: ScopeOptions): DiffReport {
  const load = podLoadOptions(options.load ?? defaultLoadOptions);
  const renderedLoad = renderedLoadOptions(load);
  const selection = options.selection ?? defaultSelection;
  const files = changeSet.files.filter((file) => file.rendered === true || selectsFile(selection, file));
  const errors: LoadProblem[] = [];

  // Load both sides of every selected file.
  const heads = new Map<ChangedFile, Map<string, PodSpecSource>>();
  const bases = new Map<ChangedFile, Map<string, PodSpecSource>>();
  const headDocuments: ManifestDocument[] = [...(options.headNamespaceDocuments ?? [])];
  // The change's own documents on both sides, for the objects that are not pod specs (PodSecurityPolicies).
  const changedHead: ManifestDocument[] = [];
  const changedBase: ManifestDocument[] = [];
  // The fields of rendered head pod specs that their rendering writes anew each time.
  const volatile = new Map<PodSpecSource, FieldPath[]>();
  for (const file of files) {
    const basePath = file.previousPath ?? file.path;
    const fileLoad = file.rendered === true ? renderedLoad : load;
    // Problems at base do not matter: its pod specs simply count as absent.
    const base = loadPods(basePath, file.base, fileLoad);
    bases.set(file, keyed(base.pods));
    changedBase.push(...base.documents);
    if (file.status === 'removed') continue;
    const head = loadPods(file.path, file.head, fileLoad);
    // A file moved with its text as it was is not the change's: its problems were there before, as its pod specs were.
    if (!movedAsItWas(file)) errors.push(...head.problems, ...changedCharts(head.charts, base.charts));
    headDocuments.push(...head.documents);
    changedHead.push(...head.documents);
    heads.set(file, keyed(head.pods));
    if (file.headAgain !== undefined) {
      for (const [pod, fields] of volatileFields(head.pods, loadPods(file.path, { kind: 'content', data: file.headAgain }, fileLoad).pods)) volatile.set(pod, fields);
    }
  }
  // Files the change did not touch, in a Namespace it relabels: the same at both commits, so loaded once; their problems are not the change's.
  const relabelled = new Set<ChangedFile>();
  // Outside the files read here, base and head are taken to be the same (a file the selection excludes is not read at base).
  const touched = changedPaths(files);
  for (const file of options.relabelledFiles ?? []) {
    if (touched.has(file.path) || file.head.kind !== 'content') continue;
    const pods = loadPods(file.path, file.head, load).pods;
    heads.set(file, keyed(pods));
    bases.set(file, keyed(pods));
    relabelled.add(file);
  }
  // Namespaces (and the cluster's own policies) at head decide levels, as the cluster will after the merge; those at base, what the change may not lower.
  const repository = repositoryPolicy(headDocuments, options.policy);
  const context: PolicyContext = repository.context;
  const unchangedDocuments = (options.headNamespaceDocuments ?? []).filter((document) => !touched.has(document.file));
  // The base commit's Namespaces and cluster policies (PodSecurityConfiguration, Kyverno): what the change may not lower.
  const baseContext: PolicyContext = options.noBase === true ? context : repositoryPolicy([...unchangedDocuments, ...changedBase], options.policy).context;
  const headKyverno = context.cluster?.kyverno ?? [];
  // Kyverno rules are evaluated as well as Pod Security Admission: a pod spec must pass the base commit's rules too.
  // A rule the same at both commits judges alike, unless a Namespace's labels (its namespaceSelector) changed.
  const labelsOf = (c: PolicyContext, name: string) => JSON.stringify(c.namespaces.byName.get(name)?.manifest.labels ?? null);
  const relabelledAny = [...new Set([...context.namespaces.byName.keys(), ...baseContext.namespaces.byName.keys()])].some((name) => labelsOf(context, name) !== labelsOf(baseContext, name));
  const baseKyverno = (baseContext.cluster?.kyverno ?? []).filter((b) => relabelledAny || !headKyverno.some((h) => sameRule(h, b))).map((rule) => ({ ...rule, atBase: true }));
  const judging: PolicyContext = baseKyverno.length > 0 ? { ...context, kyvernoAtBase: { rules: baseKyverno, namespaces: baseContext.namespaces } } : context;
  const rules = changeRules(options.policy.config, options.policy.overrides);
  const linesByFile = new Map(files.map((file) => [file.path, diffLines(file.hunks)]));
  const linesOf = (path: string) => linesByFile.get(path);

  // Match head pod specs to base ones: first within the file (following a
  // rename), then with what is left of the other changed files (a move).
  const matches = new Map<PodSpecSource, PodSpecSource>();
  const unmatchedBase = new Map<string, PodSpecSource[]>();
  for (const [file, headPods] of heads) {
    const basePods = bases.get(file) ?? new Map<string, PodSpecSource>();
    for (const [key, pod] of headPods) {
      const base = basePods.get(key);
      if (base) {
        matches.set(pod, base);
        basePods.delete(key);
      }
    }
  }
  for (const basePods of bases.values()) {
    for (const [key, pod] of basePods) unmatchedBase.set(key, [...(unmatchedBase.get(key) ?? []), pod]);
  }
  for (const headPods of heads.values()) {
    for (const [key, pod] of headPods) {
      if (matches.has(pod)) continue;
      const candidates = unmatchedBase.get(key);
      const moved = candidates?.shift();
      if (moved) matches.set(pod, moved);
    }
  }
  // Then a workload moved to another namespace: the same kind and name, so its policy is compared with where it came from.
  matchNamespaceMoves(heads, unmatchedBase, matches);
  // Last, a rendered pod spec named anew by its template at each rendering.
  matchRenamedBySource(heads, bases, matches);

  const findings: DiffFinding[] = [];
  const ignored: IgnoredFinding[] = [];
  const policyProblems: PolicyProblemReport[] = [];
  const podSpecs: DiffPodSpecVerdict[] = [];
  const relaxations: DiffFinding[] = [];
  let unchanged = 0;
  const checkedNamespaces = new Set<string>();
  for (const [file, headPods] of heads) {
    const lines: DiffLines = diffLines(file.hunks);
    const evaluations: PodSpecEvaluation[] = [];
    const fileFindings: DiffFinding[][] = [];
    for (const pod of headPods.values()) {
      const base = matches.get(pod) ?? null;
      const judged = options.noBase === true ? judgedAtHead(pod, context) : judge(pod, base, context, baseContext, rules.optOuts);
      if (relabelled.has(file)) {
        // Outside the change: judged anew only where the change makes its policy stricter (a relaxation judges it as before, under the base policy).
        if (samePolicy(judged.policy, judged.base)) continue;
      } else if (base && samePod(base.pod, pod.pod, volatile.get(pod)) && base.namespace === pod.namespace && !judged.changed) {
        unchanged++;
        continue;
      }
      const status = base ? 'modified' : 'new';
      const policy = judged.policy;
      const evaluated = evaluatePodSpec(pod, judging, policy);
      const relaxed = workloadRelaxation({ pod, base, basePolicy: judged.base, moved: judged.moved, addedOptOuts: judged.addedOptOuts, exemptRuntimeClass: judged.exemptRuntimeClass, status }, rules.policyChanges, linesOf);
      if (relaxed) relaxations.push(relaxed);
      // The base version under its own policy when that changed (else the same): did the same check already fail?
      const baseOutcome = base ? evaluatePolicy(base.pod, judged.changed ? judged.base : policy) : null;
      const baseFailures = baseOutcome
        ? [baseOutcome.evaluations.enforce, baseOutcome.evaluations.warn, baseOutcome.evaluations.audit, baseOutcome.evaluations.preview].flatMap((e) => e?.failures ?? [])
        : [];
      // A finding that blocks because the policy got stricter was not blocking before: preexisting only if it already failed the enforced level.
      const baseBlocking = judged.changed && baseOutcome ? baseOutcome.evaluations.enforce.failures : baseFailures;
      podSpecs.push({ ...evaluated.verdict, status, previousFile: base && base.document.file !== file.path ? base.document.file : null });
      if (pod.namespace !== null) checkedNamespaces.add(pod.namespace);
      policyProblems.push(...evaluated.problems);
      ignored.push(...evaluated.ignored);
      const placed = [...evaluated.outcome.blocking, ...evaluated.outcome.warning, ...evaluated.outcome.preview];
      evaluations.push(evaluated);
      fileFindings.push(
        evaluated.findings.map((finding, index) => ({
          ...finding,
          status,
          preexisting: placed[index]!.kyvernoRule
            ? kyvernoPreexisting(placed[index]!, pod, base, placed[index]!.kyvernoRule.atBase ? baseContext.namespaces : context.namespaces)
            : isPreexisting(placed[index]!.failure, pod.pod, base ? { pod: base.pod, failures: finding.blocking ? baseBlocking : baseFailures } : null),
          locations: finding.locations.map((location) => ({ ...location, inDiff: lines.has(location.line) })),
        })),
      );
    }
    // Hardening advice, when enabled, on the same new or modified pod specs.
    const advice: DiffFinding[][] = evaluations.map((e) => {
      const status = matches.has(e.source) ? ('modified' as const) : ('new' as const);
      return adviceFindings(e.source, context.extraChecks ?? defaultExtraChecks).map((finding) => ({ ...finding, status, preexisting: false, locations: finding.locations.map((l) => ({ ...l, inDiff: lines.has(l.line) })) }));
    });
    // Fixes see every finding of the file, advice included (suggestions must not overlap), then the filter applies.
    const headText = file.head.kind === 'content' ? textOf(file.head.data) : null;
    const fixed = options.fixes ? fixFindings(file.path, headText, evaluations, fileFindings, lines, options.fixChecks, advice) : { findings: fileFindings, advice };
    findings.push(...fixed.findings.flat().filter((finding) => !(options.onlyNewViolations && finding.preexisting)));
    findings.push(...fixed.advice.flat());
  }
  findings.push(...pspDiffFindings(files, changedHead, changedBase, context));
  const defaultsUnder = (c: PolicyContext) => resolvePolicy({ subject: noSubject, config: options.policy.config, overrides: options.policy.overrides, today: options.policy.today, admission: c.cluster?.admission ?? null });
  const defaults = defaultsUnder(context);
  const documents = { base: changedBase, head: changedHead };
  findings.push(
    ...namespaceRelaxations(baseContext.namespaces, context.namespaces, defaults, documents, rules.policyChanges, linesOf),
    ...admissionRelaxations(baseContext.cluster?.admission ?? null, context.cluster?.admission ?? null, { base: defaultsUnder(baseContext), head: defaults }, rules.policyChanges, linesOf),
    ...kyvernoRelaxations(baseContext.cluster?.kyverno ?? [], headKyverno, documents, rules.policyChanges, linesOf),
    ...kyvernoNamespaceRelaxations(headKyverno, { base: baseContext.namespaces, head: context.namespaces }, documents, rules.policyChanges, linesOf),
    ...(options.configChange ? configRelaxations(options.configChange.base, options.configChange.head, { today: options.policy.today, rule: rules.policyChanges, linesOf, path: options.configChange.path }) : []),
    ...relaxations,
  );
  // `check` renders with no base: there is no change, and every problem is reported, as for its plain files.
  const labelProblems = options.noBase === true ? repository.labelProblems.map((label) => label.problem) : labelProblemsOfTheChange(repository.labelProblems, files, checkedNamespaces);
  errors.push(...repository.problems, ...labelProblems);
  return {
    ...(repository.notices.length > 0 ? { notices: repository.notices } : {}),
    ...(context.cluster ? { cluster: context.cluster } : {}), findings, ignored, policyProblems, errors: sortProblems(errors), podSpecs, unchangedPodSpecs: unchanged, namespacesRead: [...context.namespaces.byName.keys()] };
}
