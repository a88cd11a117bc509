/**
 * The upstream conformance corpus (fixtures/pss-conformance, vendored from
 * kubernetes/pod-security-admission test/testdata): every pass fixture must
 * be allowed and every fail fixture denied, for every level and version,
 * through the same loader and extraction the CLI uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManifestFile } from '../../src/manifests/load.js';
import { extractPodSpecs } from '../../src/workloads/extract.js';
import { evaluatePod, warnMessage } from '../../src/pss/evaluate.js';
import type { CheckId, Level } from '../../src/pss/types.js';
import { conformanceFixtures } from '../helpers/corpus.js';
import type { ConformanceFixture as Fixture } from '../helpers/corpus.js';

const fixtures = conformanceFixtures();

/** File prefix → check ID (spec §5.1). */
const checkOfPrefix: Record<string, CheckId> = {
  allowprivilegeescalation: 'allowPrivilegeEscalation',
  apparmorprofile: 'appArmorProfile',
  capabilities_baseline: 'capabilities_baseline',
  capabilities_restricted: 'capabilities_restricted',
  hostnamespaces: 'hostNamespaces',
  hostpathvolumes: 'hostPathVolumes',
  hostports: 'hostPorts',
  hostprobesandhostlifecycle: 'hostProbesAndHostLifecycle',
  privileged: 'privileged',
  procmount: 'procMount',
  procmount_restricted: 'procMount_restricted',
  restrictedvolumes: 'restrictedVolumes',
  runasnonroot: 'runAsNonRoot',
  runasuser: 'runAsUser',
  selinuxoptions: 'seLinuxOptions',
  seccompprofile_baseline: 'seccompProfile_baseline',
  seccompprofile_restricted: 'seccompProfile_restricted',
  sysctls: 'sysctls',
  windowshostprocess: 'windowsHostProcess',
};

/** The upstream integration test's expected substring per check (spec §5.1). */
const expectedSubstring: Record<CheckId, string> = {
  allowPrivilegeEscalation: 'allowPrivilegeEscalation',
  appArmorProfile: 'forbidden AppArmor profile',
  capabilities_baseline: 'capabilities',
  capabilities_restricted: 'unrestricted capabilities',
  hostNamespaces: 'host namespaces',
  hostPathVolumes: 'hostPath',
  hostPorts: 'hostPort',
  hostProbesAndHostLifecycle: 'probe or lifecycle host',
  privileged: 'privileged',
  procMount: 'procMount',
  procMount_restricted: 'procMount',
  restrictedVolumes: 'restricted volume types',
  runAsNonRoot: 'runAsNonRoot',
  runAsUser: 'runAsUser',
  seLinuxOptions: 'seLinuxOptions',
  seccompProfile_baseline: 'seccompProfile',
  seccompProfile_restricted: 'seccompProfile',
  sysctls: 'forbidden sysctl',
  windowsHostProcess: 'hostProcess',
};

/**
 * In the restricted folders a baseline check may be replaced by the
 * restricted check that overrides it (corpus README), written out here
 * independently of the registry so the test can catch a registry mistake.
 */
function deniedBy(check: CheckId, level: Level, minor: number): CheckId {
  if (level !== 'restricted') return check;
  if (check === 'hostPathVolumes') return 'restrictedVolumes';
  if (check === 'capabilities_baseline' && minor >= 22) return 'capabilities_restricted';
  if (check === 'seccompProfile_baseline' && minor >= 19) return 'seccompProfile_restricted';
  if (check === 'procMount' && minor >= 35) return 'procMount_restricted';
  return check;
}

function evaluateFixture(fixture: Fixture) {
  const loaded = loadManifestFile(fixture.name, readFileSync(fixture.file));
  expect(loaded.problems).toEqual([]);
  expect(loaded.documents).toHaveLength(1);
  const extraction = extractPodSpecs(loaded.documents[0]!);
  expect(extraction.problems).toEqual([]);
  expect(extraction.pods).toHaveLength(1);
  return evaluatePod(extraction.pods[0]!.pod, fixture.level, fixture.minor);
}

describe('Pod Security Admission conformance corpus', () => {
  it('holds all 4,537 fixtures', () => {
    expect(fixtures).toHaveLength(4537);
  });

  it.each(fixtures.filter((f) => f.expectation === 'pass').map((f) => [`${f.level}/v1.${f.minor}/pass/${f.name}`, f] as const))(
    '%s is allowed',
    (_label, fixture) => {
      const evaluation = evaluateFixture(fixture);
      expect(evaluation.failures).toEqual([]);
      expect(evaluation.allowed).toBe(true);
    },
  );

  it.each(fixtures.filter((f) => f.expectation === 'fail').map((f) => [`${f.level}/v1.${f.minor}/fail/${f.name}`, f] as const))(
    '%s is denied by its check',
    (_label, fixture) => {
      const prefix = fixture.name.replace(/\d+\.yaml$/, '');
      const named = checkOfPrefix[prefix];
      expect(named, `unknown fixture prefix ${prefix}`).toBeDefined();
      const evaluation = evaluateFixture(fixture);
      expect(evaluation.allowed).toBe(false);
      const expected = deniedBy(named!, fixture.level, fixture.minor);
      expect(evaluation.failures.map((f) => f.check)).toContain(expected);
      const message = warnMessage({ level: fixture.level, version: fixture.minor }, evaluation.failures);
      expect(message).toContain(expectedSubstring[expected]);
      expect(message).not.toContain('unknown forbidden reason');
      // Every failure points at least one field.
      for (const failure of evaluation.failures) expect(failure.paths.length).toBeGreaterThan(0);
    },
  );
});
