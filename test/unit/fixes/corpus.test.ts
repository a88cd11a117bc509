/**
 * Every fail fixture of the conformance corpus, fixed and measured again:
 * the fixed checks pass, no other check starts failing, and the YAML still
 * decodes to the same document apart from the fields a fix may touch. Bare
 * Pods at every level and version; wrapped in every workload kind at v1.37
 * (the wrapping changes positions and indentation, not the checks).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../../src/fixes/fixFile.js';
import { applySuggestions } from '../../../src/fixes/suggestions.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import type { CheckId, JsonValue, Level } from '../../../src/pss/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';
import { conformanceFixtures } from '../../helpers/corpus.js';
import { expectOnlyRangesChanged } from './onlyRanges.js';
import { wrappers } from '../../helpers/wrap.js';

/** Checks whose fixes need knowledge we lack: no suggestion, by policy. */
const manualChecks: ReadonlySet<CheckId> = new Set(['hostPathVolumes', 'restrictedVolumes']);

/**
 * The fields a fix may touch, as paths inside the pod template (`[n]` for
 * list indices). Anything else that changes is a failure of this test.
 */
const fixableField = new RegExp(
  '^(' +
    [
      String.raw`spec\.(hostNetwork|hostPID|hostIPC)`,
      String.raw`spec\.securityContext(\.(runAsNonRoot|runAsUser|seccompProfile(\.type|\.localhostProfile)?|appArmorProfile(\.type|\.localhostProfile)?|seLinuxOptions(\.(user|role|type))?|windowsOptions(\.hostProcess)?|sysctls(\[\d+\].*)?))?`,
      String.raw`spec\.(initContainers|containers|ephemeralContainers)\[\d+\]\.securityContext(\.(privileged|allowPrivilegeEscalation|runAsNonRoot|runAsUser|procMount|seccompProfile(\.type|\.localhostProfile)?|appArmorProfile(\.type|\.localhostProfile)?|seLinuxOptions(\.(user|role|type))?|windowsOptions(\.hostProcess)?|capabilities(\.(add|drop)(\[\d+\])?)?))?`,
      String.raw`spec\.(initContainers|containers|ephemeralContainers)\[\d+\]\.ports\[\d+\]\.hostPort`,
      String.raw`spec\.(initContainers|containers|ephemeralContainers)\[\d+\]\.(livenessProbe|readinessProbe|startupProbe|lifecycle\.postStart|lifecycle\.preStop)\.(httpGet|tcpSocket)\.host`,
      String.raw`metadata\.annotations\["(container\.apparmor\.security\.beta\.kubernetes\.io|(container\.)?seccomp\.security\.alpha\.kubernetes\.io)/[^"]*"\]`,
    ].join('|') +
    ')$',
);

/** Every path where two decoded documents differ, formatted like `spec.containers[0].x`. */
function differences(a: JsonValue | undefined, b: JsonValue | undefined, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObj = (v: JsonValue | undefined): v is Record<string, JsonValue> => typeof v === 'object' && v !== null && !Array.isArray(v);
  // A map added or removed as a whole is compared key by key, so its content is checked too.
  if ((isObj(a) || a === undefined || a === null) && (isObj(b) || b === undefined || b === null) && (isObj(a) || isObj(b))) {
    const left = isObj(a) ? a : {};
    const right = isObj(b) ? b : {};
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    const changed = keys.flatMap((k) => differences(left[k], right[k], /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}${path ? '.' : ''}${k}` : `${path}[${JSON.stringify(k)}]`));
    // `null` and `{}` differ only in presence: the map itself is what changed.
    return changed.length > 0 ? changed : [path];
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.flatMap((item, i) => differences(item, b[i], `${path}[${i}]`));
  // A list that changed length (an item removed or added) is reported once.
  return [path];
}

interface Outcome {
  readonly fixed: CheckId[];
  readonly unfixed: CheckId[];
}

/** Fix a text, then check the result independently of the fix engine. */
function fixAndMeasure(file: string, text: string, level: Level, version: number): Outcome {
  const fixed = fixText(file, text, { level, version });
  expect(fixed.problems, file).toEqual([]);
  expect(fixed.pods, file).toHaveLength(1);
  const pod = fixed.pods[0]!;
  const before = new Set(pod.failures.map((f) => f.check));
  const fixedChecks = pod.failures.filter((_, i) => pod.fixes[i]?.fix !== null).map((f) => f.check);
  const unfixed = pod.failures.filter((_, i) => pod.fixes[i]?.fix === null).map((f) => f.check);
  for (const [i, fx] of pod.fixes.entries()) {
    if (fx.fix === null) expect(fx.fixNote, `${file} ${pod.failures[i]?.check}`).toMatch(/\S/);
  }

  // Load and evaluate the fixed text as the check command would.
  const reloaded = loadManifestFile(file, fixed.text);
  expect(reloaded.problems, file).toEqual([]);
  const extracted = reloaded.documents.flatMap((d) => extractPodSpecs(d).pods);
  expect(extracted, file).toHaveLength(1);
  const after = new Set(evaluatePod(extracted[0]!.pod, level, version).failures.map((f) => f.check));
  for (const check of fixedChecks) expect(after.has(check), `${file}: ${check} still fails after its fix`).toBe(false);
  for (const check of after) expect(before.has(check), `${file}: ${check} starts failing`).toBe(true);

  // Same document apart from the fixed fields.
  const original = loadManifestFile(file, text).documents[0]!;
  const prefix = pod.source.templatePath.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
  for (const path of differences(original.value, reloaded.documents[0]!.value)) {
    const inside = prefix === '' ? path : path.startsWith(prefix) ? path.slice(prefix.length).replace(/^\./, '') : null;
    expect(inside !== null && fixableField.test(inside), `${file}: ${path} changed`).toBe(true);
  }
  expectOnlyRangesChanged(text, fixed.text, fixed.suggestions);
  // Untouched when nothing could be fixed.
  if (fixedChecks.length === 0) expect(fixed.text).toBe(text);

  // Each suggestion stands on its own: a reviewer may apply just one.
  fixed.suggestions.forEach((suggestion, i) => {
    expect(suggestion.startLine, file).toBeLessThanOrEqual(suggestion.endLine);
    if (i > 0) expect(suggestion.startLine, file).toBeGreaterThan(fixed.suggestions[i - 1]!.endLine + 1);
    const alone = loadManifestFile(file, applySuggestions(text, [suggestion]));
    expect(alone.problems, file).toEqual([]);
    const failing = new Set(evaluatePod(extractPodSpecs(alone.documents[0]!).pods[0]!.pod, level, version).failures.map((f) => f.check));
    pod.fixes.forEach((fx, j) => {
      if (fx.fix === suggestion) expect(failing.has(pod.failures[j]!.check), `${file}: ${pod.failures[j]!.check} with its suggestion alone`).toBe(false);
    });
    for (const check of failing) expect(before.has(check), `${file}: ${check} starts failing with one suggestion`).toBe(true);
  });
  return { fixed: fixedChecks, unfixed };
}

const failFixtures = conformanceFixtures().filter((f) => f.expectation === 'fail');

function tally(outcomes: readonly Outcome[]) {
  const perCheck: Record<string, { fixed: number; unfixed: number }> = {};
  let fixable = 0;
  let unfixable = 0;
  for (const outcome of outcomes) {
    if (outcome.unfixed.length === 0) fixable++;
    else unfixable++;
    for (const check of outcome.fixed) (perCheck[check] ??= { fixed: 0, unfixed: 0 }).fixed++;
    for (const check of outcome.unfixed) (perCheck[check] ??= { fixed: 0, unfixed: 0 }).unfixed++;
  }
  return { fixable, unfixable, perCheck };
}

describe('fixing the conformance corpus', () => {
  it('fixes every fail fixture whose checks have a mechanical fix, at every level and version', () => {
    const outcomes: Outcome[] = [];
    for (const fixture of failFixtures) {
      const outcome = fixAndMeasure(fixture.file, readFileSync(fixture.file, 'utf8'), fixture.level, fixture.minor);
      // Only the checks without a mechanical fix stay unfixed.
      for (const check of outcome.unfixed) expect(manualChecks.has(check), `${fixture.file}: ${check} not fixed`).toBe(true);
      outcomes.push(outcome);
    }
    const { fixable, unfixable, perCheck } = tally(outcomes);
    expect(fixable + unfixable).toBe(3486);
    // 22 fixtures per folder (restricted) or 2 (baseline) use restricted volume types: 38 × (22 + 2).
    expect(unfixable).toBe(912);
    expect(fixable).toBe(2574);
    // Findings fixed and left, per check (bare Pods, every level and version).
    expect(perCheck).toEqual({
      allowPrivilegeEscalation: { fixed: 180, unfixed: 0 },
      appArmorProfile: { fixed: 152, unfixed: 0 },
      capabilities_baseline: { fixed: 240, unfixed: 0 },
      capabilities_restricted: { fixed: 144, unfixed: 0 },
      hostNamespaces: { fixed: 380, unfixed: 0 },
      hostPathVolumes: { fixed: 0, unfixed: 76 },
      hostPorts: { fixed: 228, unfixed: 0 },
      hostProbesAndHostLifecycle: { fixed: 40, unfixed: 0 },
      privileged: { fixed: 152, unfixed: 0 },
      procMount: { fixed: 146, unfixed: 0 },
      procMount_restricted: { fixed: 12, unfixed: 0 },
      restrictedVolumes: { fixed: 0, unfixed: 836 },
      runAsNonRoot: { fixed: 152, unfixed: 0 },
      runAsUser: { fixed: 45, unfixed: 0 },
      seLinuxOptions: { fixed: 380, unfixed: 0 },
      seccompProfile_baseline: { fixed: 171, unfixed: 0 },
      seccompProfile_restricted: { fixed: 152, unfixed: 0 },
      sysctls: { fixed: 76, unfixed: 0 },
      windowsHostProcess: { fixed: 152, unfixed: 0 },
    });
  });

  /** The bare Pods' outcomes, computed once for every wrapper. */
  const bareOutcomes = new Map<string, Outcome>();
  describe.each(Object.entries(wrappers))('wrapped in a %s (v1.37)', (_kind, wrapPod) => {
    it('fixes the same checks as for the bare Pod', () => {
      for (const fixture of failFixtures.filter((f) => f.minor === 37)) {
        const podText = readFileSync(fixture.file, 'utf8');
        const bare = bareOutcomes.get(fixture.file) ?? fixAndMeasure(fixture.file, podText, fixture.level, 37);
        bareOutcomes.set(fixture.file, bare);
        const wrapped = fixAndMeasure(`${fixture.file} (wrapped)`, wrapPod(podText), fixture.level, 37);
        expect(wrapped, fixture.file).toEqual(bare);
      }
    });
  });
});
