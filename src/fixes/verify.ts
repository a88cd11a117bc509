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
import type { LoadedFile } from '../manifests/types.js';
import { evaluatePod } from '../pss/evaluate.js';
import { list, obj, optBool, str, visitContainers } from '../pss/pod.js';
import type { CheckId, JsonValue, JsonObject, LevelVersion, PodInput } from '../pss/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import { applyEditsToJson, EditError, jsonEqual } from './edits.js';
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

/** What the file looked like before any fix. */
export interface Baseline {
  readonly file: string;
  readonly policyOf: PolicyOf;
  readonly documents: ReadonlyMap<number, JsonValue>;
  readonly problemKinds: readonly string[];
  readonly pods: ReadonlyMap<string, PodState>;
}

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

function podStates(loaded: LoadedFile, policyOf: PolicyOf): { pods: Map<string, PodState>; invalid: string[] } {
  const pods = new Map<string, PodState>();
  const invalid: string[] = [];
  for (const document of loaded.documents) {
    const extraction = extractPodSpecs(document);
    invalid.push(...extraction.problems.map((p) => p.kind));
    for (const source of extraction.pods) {
      const key = podKey(document.index, source.objectPath);
      const { level, version } = policyOf(key);
      const failing = new Set(evaluatePod(source.pod, level, version).failures.map((f) => f.check));
      pods.set(key, { failing, apiRules: apiRuleViolations(source.pod) });
    }
  }
  return { pods, invalid };
}

/** Large enough that a fixed text is never refused for its size (the original was accepted). */
const noLimit = { maxBytes: Number.MAX_SAFE_INTEGER };

export function baselineOf(file: string, text: string, policyOf: PolicyOf): Baseline {
  const loaded = loadManifestFile(file, text, noLimit);
  const { pods, invalid } = podStates(loaded, policyOf);
  return {
    file,
    policyOf,
    documents: new Map(loaded.documents.map((d) => [d.index, d.value])),
    problemKinds: [...loaded.problems.map((p) => p.kind), ...invalid].sort(),
    pods,
  };
}

/** Null when the text passes, else the reason it does not (for the note). */
export function verifyText(baseline: Baseline, text: string, expectation: Expectation): string | null {
  const loaded = loadManifestFile(baseline.file, text, noLimit);
  const { pods, invalid } = podStates(loaded, baseline.policyOf);
  const problemKinds = [...loaded.problems.map((p) => p.kind), ...invalid].sort();
  if (JSON.stringify(problemKinds) !== JSON.stringify(baseline.problemKinds)) return 'the fixed YAML no longer loads as it did';
  if (loaded.documents.length !== baseline.documents.size) return 'the fixed YAML has a different number of documents';
  for (const document of loaded.documents) {
    const original = baseline.documents.get(document.index);
    if (original === undefined) return 'the fixed YAML has a different number of documents';
    let expected: JsonValue = original;
    const edits = expectation.edits.get(document.index);
    if (edits && edits.length > 0) {
      try {
        expected = applyEditsToJson(original, edits);
      } catch (error) {
        if (error instanceof EditError) return `the edits do not apply to the document (${error.message})`;
        throw error;
      }
    }
    if (!jsonEqual(document.value, expected)) return 'the fixed YAML would change more than the fixed fields';
  }
  for (const [key, before] of baseline.pods) {
    const after = pods.get(key);
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
  if (pods.size !== baseline.pods.size) return 'the fixed YAML has a different number of pod specs';
  return null;
}
