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
import { list, obj, optBool, str, visitContainers } from '../pss/pod.js';
import type { CheckId, JsonValue, JsonObject, LevelVersion, PodInput } from '../pss/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import { applyEditsToJson, EditError, jsonEqual } from './edits.js';
import { segmentAt, segmentStarts, segmentText } from '../manifests/segments.js';
import type { Edit } from './types.js';

/** A pod spec's identity across re-loads: its document and its object path. */
export function podKey(documentIndex: number, objectPath: readonly (string | number)[]): string {
  return `${documentIndex}|${JSON.stringify(objectPath)}`;
}

interface PodState {
  readonly failing: ReadonlySet<CheckId>;
  readonly apiRules: ReadonlySet<string>;
}

/** The level and version a pod spec is evaluated at, by pod key. */
export type PolicyOf = (podKey: string) => LevelVersion;

/** What a verified text must show. */
export interface Expectation {
  /** Edits per document index (paths relative to the document). */
  readonly edits: ReadonlyMap<number, readonly Edit[]>;
  /** Checks that must now pass, per pod key. */
  readonly fixed: ReadonlyMap<string, ReadonlySet<CheckId>>;
}

/**
 * API-server validation rules a fix could break, as `container: rule`
 * strings. The engine evaluates pods the API server would have accepted; a
 * fix must not turn an accepted pod into a rejected one.
 */
export function apiRuleViolations(pod: PodInput): Set<string> {
  const found = new Set<string>();
  const profileRules = (where: string, securityContext: JsonObject | undefined) => {
    for (const key of ['seccompProfile', 'appArmorProfile']) {
      const profile = obj(securityContext, key);
      if (!profile) continue;
      const localhost = str(profile, 'localhostProfile') !== '';
      if (localhost !== (str(profile, 'type') === 'Localhost')) found.add(`${where}: ${key}.localhostProfile must be set exactly when type is Localhost`);
    }
  };
  const podSecurityContext = obj(pod.spec, 'securityContext');
  profileRules('pod', podSecurityContext);
  let hostProcess = optBool(obj(podSecurityContext, 'windowsOptions'), 'hostProcess') === true;
  for (const { name, container } of visitContainers(pod)) {
    const securityContext = obj(container, 'securityContext');
    profileRules(`container ${name}`, securityContext);
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
    const linuxOnly = (where: string, securityContext: JsonObject | undefined, fields: readonly string[]) => {
      for (const field of fields) {
        if (securityContext?.[field] !== undefined && securityContext[field] !== null) found.add(`${where}: a Windows pod cannot set securityContext.${field}`);
      }
    };
    linuxOnly('pod', podSecurityContext, ['seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'runAsUser', 'runAsGroup', 'sysctls']);
    for (const { name, container } of visitContainers(pod)) {
      linuxOnly(`container ${name}`, obj(container, 'securityContext'), [
        'seLinuxOptions',
        'seccompProfile',
        'appArmorProfile',
        'capabilities',
        'privileged',
        'allowPrivilegeEscalation',
        'procMount',
        'runAsUser',
        'runAsGroup',
      ]);
    }
  }
  return found;
}

/**
 * A part of the file verified on its own: the whole file, or one segment
 * (segments.ts). `globalIndex` maps a document's index within the part to
 * its index in the file; documents whose index in the file is not known
 * get negative ones (no expectation and no policy of their own names them).
 */
interface Part {
  readonly globalIndex: (local: number) => number;
  readonly documents: ReadonlyMap<number, JsonValue>;
  readonly problemKinds: readonly string[];
  readonly pods: ReadonlyMap<string, PodState>;
}

function podStates(documents: readonly ManifestDocument[], policyOf: PolicyOf, globalIndex: (local: number) => number): { pods: Map<string, PodState>; invalid: string[] } {
  const pods = new Map<string, PodState>();
  const invalid: string[] = [];
  for (const document of documents) {
    const extraction = extractPodSpecs(document);
    invalid.push(...extraction.problems.map((p) => p.kind));
    for (const source of extraction.pods) {
      const key = podKey(globalIndex(document.index), source.objectPath);
      const { level, version } = policyOf(key);
      const failing = new Set(evaluatePod(source.pod, level, version).failures.map((f) => f.check));
      pods.set(key, { failing, apiRules: apiRuleViolations(source.pod) });
    }
  }
  return { pods, invalid };
}

/** Large enough that a fixed text is never refused for its size (the original was accepted). */
const noLimit = { maxBytes: Number.MAX_SAFE_INTEGER };

function partOf(file: string, text: string, policyOf: PolicyOf, globalIndex: (local: number) => number): { part: Part; loaded: LoadedFile } {
  const loaded = loadManifestFile(file, text, noLimit);
  const { pods, invalid } = podStates(loaded.documents, policyOf, globalIndex);
  const part: Part = {
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
  if (JSON.stringify(fixed.problemKinds) !== JSON.stringify(baseline.problemKinds)) return 'the fixed YAML no longer loads as it did';
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
  for (const [key, before] of baseline.pods) {
    const after = fixed.pods.get(key);
    if (!after) return 'a pod spec is no longer found after the fix';
    for (const check of expectation.fixed.get(key) ?? []) {
      if (after.failing.has(check)) return `the check ${check} still fails after the fix`;
    }
    for (const check of after.failing) {
      if (!before.failing.has(check)) return `the check ${check} would start failing`;
    }
    for (const rule of after.apiRules) {
      if (!before.apiRules.has(rule)) return `the API server would reject the fixed pod (${rule.replace(/^[^:]*: /, '')})`;
    }
  }
  if (fixed.pods.size !== baseline.pods.size) return 'the fixed YAML has a different number of pod specs';
  return null;
}

/** Null when a fixed text passes, else the reason it does not (for the note). */
export type Verifier = (fixedText: string, expectation: Expectation) => string | null;

/** What an expectation asks of one document: the key under which a segment's verdict is kept. */
function expectationKey(expectation: Expectation, documentIndex: number | null): string {
  if (documentIndex === null) return '';
  const fixed = [...expectation.fixed].filter(([key]) => key.startsWith(`${documentIndex}|`)).map(([key, checks]) => [key, [...checks].sort()]);
  return JSON.stringify([expectation.edits.get(documentIndex) ?? [], fixed.sort()]);
}

/**
 * The verifier of one file's fixes. It re-loads only the segments of the
 * stream (segments.ts) that a fixed text changed, plus those of every
 * document the expectation names (an edit that changed nothing must still
 * be caught). Unchanged segments load as they did, so they cannot fail.
 *
 * A segment holding a known document is compared with that document as the
 * check loaded it (no second load of the original); the same fixed segment
 * under the same expectation is verified once. Whenever the cut is in doubt
 * (a stream with directives or `...`, a fixed text with another number of
 * segments, a known document that crosses a cut, two in one segment) the
 * whole file is verified instead.
 */
export function verifierOf(file: string, text: string, policyOf: PolicyOf, known: readonly ManifestDocument[]): Verifier {
  let whole: Part | null = null;
  const verifyWhole: Verifier = (fixedText, expectation) => {
    whole ??= partOf(file, text, policyOf, (local) => local).part;
    return verifyPart(file, policyOf, whole, fixedText, expectation);
  };
  const starts = segmentStarts(text);
  if (starts === null) return verifyWhole;

  const originalSegments = starts.map((_, k) => segmentText(text, starts, k));
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
      part = partOf(file, originalSegments[k] ?? '', policyOf, (local) => -1 - local).part;
    } else if (documents.length === 1 && document.source.end <= (starts[k + 1] ?? text.length)) {
      const { pods, invalid } = podStates([document], policyOf, (index) => index);
      part = {
        globalIndex: (local) => (local === 0 ? document.index : -1 - local),
        documents: new Map([[document.index, document.value]]),
        problemKinds: invalid.sort(),
        pods,
      };
    } else {
      part = null;
    }
    parts.set(k, part);
    return part;
  };
  const verdicts = new Map<string, string | null>();

  return (fixedText, expectation) => {
    const fixedStarts = segmentStarts(fixedText);
    if (fixedStarts === null || fixedStarts.length !== starts.length) return verifyWhole(fixedText, expectation);
    const named = new Set<number>();
    const documentIndexes = [...expectation.edits.keys(), ...[...expectation.fixed.keys()].map((key) => Number(key.slice(0, key.indexOf('|'))))];
    for (const index of documentIndexes) {
      const k = segmentOf.get(index);
      if (k === undefined) return verifyWhole(fixedText, expectation);
      named.add(k);
    }
    const checks: { k: number; part: Part; text: string }[] = [];
    for (let k = 0; k < starts.length; k++) {
      const fixedSegment = segmentText(fixedText, fixedStarts, k);
      if (!named.has(k) && fixedSegment === originalSegments[k]) continue;
      const part = segmentPart(k);
      if (part === null) return verifyWhole(fixedText, expectation);
      checks.push({ k, part, text: fixedSegment });
    }
    for (const { k, part, text: fixedSegment } of checks) {
      const [document] = knownIn.get(k) ?? [];
      const key = `${k}\u0000${expectationKey(expectation, document?.index ?? null)}\u0000${fixedSegment}`;
      let reason = verdicts.get(key);
      if (reason === undefined) {
        reason = verifyPart(file, policyOf, part, fixedSegment, expectation);
        verdicts.set(key, reason);
      }
      if (reason !== null) return reason;
    }
    return null;
  };
}
