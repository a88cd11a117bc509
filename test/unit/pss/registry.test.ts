/**
 * Check selection per level and version (spec §1.3–§1.7). The expected lists
 * are written out by hand from the §1.5 order and the §1.6 table, not computed.
 */
import { describe, expect, it } from 'vitest';
import { allChecks, checksFor, effectiveMinor, maxVersion } from '../../../src/pss/registry.js';
import type { CheckId, Level, Version } from '../../../src/pss/types.js';

const ids = (level: Level, version: Version): CheckId[] => checksFor(level, version).map((c) => c.id);

/** Every minor 0..37 plus the future/latest versions that clamp to v1.37. */
const allMinors: number[] = Array.from({ length: 38 }, (_, i) => i);
const beyond: Version[] = ['latest', 38, 99, 10000];
const everyVersion: Version[] = [...allMinors, ...beyond];

// ---- §1.6, baseline column -------------------------------------------------

const baseline11: CheckId[] = [
  'appArmorProfile',
  'capabilities_baseline',
  'hostNamespaces',
  'hostPathVolumes',
  'hostPorts',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
];

const baseline12: CheckId[] = [
  'appArmorProfile',
  'capabilities_baseline',
  'hostNamespaces',
  'hostPathVolumes',
  'hostPorts',
  'hostProbesAndHostLifecycle',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
];

// ---- §1.6, restricted column ----------------------------------------------

const restrictedV0to7: CheckId[] = [
  'appArmorProfile',
  'capabilities_baseline',
  'hostNamespaces',
  'hostPorts',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
  'restrictedVolumes',
  'runAsNonRoot',
];

const restrictedV8to18: CheckId[] = [
  'appArmorProfile',
  'capabilities_baseline',
  'hostNamespaces',
  'hostPorts',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
  'allowPrivilegeEscalation',
  'restrictedVolumes',
  'runAsNonRoot',
];

const restrictedV19to21: CheckId[] = [
  'appArmorProfile',
  'capabilities_baseline',
  'hostNamespaces',
  'hostPorts',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'sysctls',
  'windowsHostProcess',
  'allowPrivilegeEscalation',
  'restrictedVolumes',
  'runAsNonRoot',
  'seccompProfile_restricted',
];

const restrictedV22: CheckId[] = [
  'appArmorProfile',
  'hostNamespaces',
  'hostPorts',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'sysctls',
  'windowsHostProcess',
  'allowPrivilegeEscalation',
  'capabilities_restricted',
  'restrictedVolumes',
  'runAsNonRoot',
  'seccompProfile_restricted',
];

const restrictedV23to33: CheckId[] = [
  'appArmorProfile',
  'hostNamespaces',
  'hostPorts',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'sysctls',
  'windowsHostProcess',
  'allowPrivilegeEscalation',
  'capabilities_restricted',
  'restrictedVolumes',
  'runAsNonRoot',
  'runAsUser',
  'seccompProfile_restricted',
];

const restrictedV34: CheckId[] = [
  'appArmorProfile',
  'hostNamespaces',
  'hostPorts',
  'hostProbesAndHostLifecycle',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'sysctls',
  'windowsHostProcess',
  'allowPrivilegeEscalation',
  'capabilities_restricted',
  'restrictedVolumes',
  'runAsNonRoot',
  'runAsUser',
  'seccompProfile_restricted',
];

const restrictedV35plus: CheckId[] = [
  'appArmorProfile',
  'hostNamespaces',
  'hostPorts',
  'hostProbesAndHostLifecycle',
  'privileged',
  'seLinuxOptions',
  'sysctls',
  'windowsHostProcess',
  'allowPrivilegeEscalation',
  'capabilities_restricted',
  'procMount_restricted',
  'restrictedVolumes',
  'runAsNonRoot',
  'runAsUser',
  'seccompProfile_restricted',
];

function expectedBaseline(version: Version): CheckId[] {
  if (version === 'latest' || version >= 34) return baseline12;
  return baseline11;
}

function expectedRestricted(version: Version): CheckId[] {
  if (version === 'latest' || version >= 35) return restrictedV35plus;
  if (version === 34) return restrictedV34;
  if (version >= 23) return restrictedV23to33;
  if (version === 22) return restrictedV22;
  if (version >= 19) return restrictedV19to21;
  if (version >= 8) return restrictedV8to18;
  return restrictedV0to7;
}

const label = (v: Version): string => (v === 'latest' ? 'latest' : `v1.${v}`);

describe('allChecks (§1.7)', () => {
  it('holds the nineteen upstream checks, each once', () => {
    const all = allChecks.map((c) => c.id);
    expect(all).toHaveLength(19);
    expect(new Set(all).size).toBe(19);
    expect([...all].sort()).toEqual(
      [...baseline12, 'allowPrivilegeEscalation', 'capabilities_restricted', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted'].sort(),
    );
  });

  it('assigns each check its level', () => {
    const levelOf = Object.fromEntries(allChecks.map((c) => [c.id, c.level]));
    for (const id of baseline12) expect(levelOf[id], id).toBe('baseline');
    for (const id of restrictedV35plus.slice(8)) expect(levelOf[id], id).toBe('restricted');
  });

  it('has the implementation minimum versions of §1.7', () => {
    const versions = Object.fromEntries(allChecks.map((c) => [c.id, c.implementations.map((i) => i.minVersion)]));
    expect(versions).toEqual({
      allowPrivilegeEscalation: [8, 25],
      appArmorProfile: [0],
      capabilities_baseline: [0],
      capabilities_restricted: [22, 25],
      hostNamespaces: [0],
      hostPathVolumes: [0],
      hostPorts: [0],
      hostProbesAndHostLifecycle: [34],
      privileged: [0],
      procMount: [0, 35],
      procMount_restricted: [35],
      restrictedVolumes: [0],
      runAsNonRoot: [0, 35],
      runAsUser: [23, 35],
      seLinuxOptions: [0, 31],
      seccompProfile_baseline: [0, 19],
      seccompProfile_restricted: [19, 25],
      sysctls: [0, 27, 29, 32, 37],
      windowsHostProcess: [0],
    });
  });

  it('declares exactly the overrides of §1.4, on every implementation of the overriding check', () => {
    const overrides = Object.fromEntries(
      allChecks
        .filter((c) => c.implementations.some((i) => i.overrides !== undefined && i.overrides.length > 0))
        .map((c) => [c.id, c.implementations.map((i) => [...(i.overrides ?? [])])]),
    );
    expect(overrides).toEqual({
      restrictedVolumes: [['hostPathVolumes']],
      seccompProfile_restricted: [['seccompProfile_baseline'], ['seccompProfile_baseline']],
      capabilities_restricted: [['capabilities_baseline'], ['capabilities_baseline']],
      procMount_restricted: [['procMount']],
    });
  });
});

describe('maxVersion and effectiveMinor (§1.3)', () => {
  it('maxVersion is v1.37 (the sysctls v1.37 implementation)', () => {
    expect(maxVersion).toBe(37);
  });

  it.each(beyond)('%s clamps to 37', (version) => {
    expect(effectiveMinor(version)).toBe(37);
  });

  it.each([0, 1, 18, 19, 34, 35, 36, 37])('v1.%i is used as is', (minor) => {
    expect(effectiveMinor(minor)).toBe(minor);
  });
});

describe('checksFor: exact ordered check IDs per version (§1.5, §1.6)', () => {
  describe.each(everyVersion.map((v) => [label(v), v] as const))('%s', (_name, version) => {
    it('baseline', () => {
      expect(ids('baseline', version)).toEqual(expectedBaseline(version));
    });

    it('restricted', () => {
      expect(ids('restricted', version)).toEqual(expectedRestricted(version));
    });

    it('privileged runs no checks', () => {
      expect(checksFor('privileged', version)).toEqual([]);
    });

    it('tags each active check with its own level', () => {
      for (const check of checksFor('restricted', version)) {
        expect(check.level, check.id).toBe(allChecks.find((c) => c.id === check.id)?.level);
      }
      for (const check of checksFor('baseline', version)) expect(check.level, check.id).toBe('baseline');
    });
  });

  it('has the §1.6 counts at the range boundaries', () => {
    const counts = (level: Level) => Object.fromEntries([0, 7, 8, 18, 19, 21, 22, 23, 33, 34, 35, 37].map((v) => [v, ids(level, v).length]));
    expect(counts('baseline')).toEqual({ 0: 11, 7: 11, 8: 11, 18: 11, 19: 11, 21: 11, 22: 11, 23: 11, 33: 11, 34: 12, 35: 12, 37: 12 });
    expect(counts('restricted')).toEqual({ 0: 12, 7: 12, 8: 13, 18: 13, 19: 13, 21: 13, 22: 13, 23: 14, 33: 14, 34: 15, 35: 15, 37: 15 });
  });

  it('never runs hostPathVolumes at restricted, and always at baseline (§1.4)', () => {
    for (const version of everyVersion) {
      expect(ids('restricted', version)).not.toContain('hostPathVolumes');
      expect(ids('baseline', version)).toContain('hostPathVolumes');
    }
  });

  it('never runs a restricted check at baseline', () => {
    const restrictedOnly = restrictedV35plus.slice(8);
    for (const version of everyVersion) {
      for (const id of restrictedOnly) expect(ids('baseline', version)).not.toContain(id);
    }
  });
});

describe('latest and future versions evaluate like v1.37 (§1.3)', () => {
  it.each(beyond)('%s selects the same implementations as v1.37', (version) => {
    for (const level of ['baseline', 'restricted'] as const) {
      const at37 = checksFor(level, 37);
      const here = checksFor(level, version);
      expect(here.map((c) => c.id)).toEqual(at37.map((c) => c.id));
      here.forEach((check, i) => expect(check.implementation).toBe(at37[i]?.implementation));
    }
  });
});

describe('implementation chosen per version (§1.3: greatest minVersion ≤ requested)', () => {
  const chosen = (level: Level, id: CheckId, version: Version): number | undefined =>
    checksFor(level, version).find((c) => c.id === id)?.implementation.minVersion;

  it.each([
    [0, 0],
    [26, 0],
    [27, 27],
    [28, 27],
    [29, 29],
    [31, 29],
    [32, 32],
    [36, 32],
    [37, 37],
    ['latest', 37],
    [38, 37],
    [10000, 37],
  ] as const)('sysctls at %s uses the v1.%i implementation (baseline and restricted)', (version, min) => {
    expect(chosen('baseline', 'sysctls', version)).toBe(min);
    expect(chosen('restricted', 'sysctls', version)).toBe(min);
  });

  it.each([
    ['seLinuxOptions', 'baseline', 30, 0],
    ['seLinuxOptions', 'baseline', 31, 31],
    ['seccompProfile_baseline', 'baseline', 18, 0],
    ['seccompProfile_baseline', 'baseline', 19, 19],
    ['seccompProfile_baseline', 'baseline', 'latest', 19],
    ['seccompProfile_baseline', 'restricted', 18, 0],
    ['seccompProfile_restricted', 'restricted', 19, 19],
    ['seccompProfile_restricted', 'restricted', 24, 19],
    ['seccompProfile_restricted', 'restricted', 25, 25],
    ['allowPrivilegeEscalation', 'restricted', 8, 8],
    ['allowPrivilegeEscalation', 'restricted', 24, 8],
    ['allowPrivilegeEscalation', 'restricted', 25, 25],
    ['capabilities_restricted', 'restricted', 22, 22],
    ['capabilities_restricted', 'restricted', 24, 22],
    ['capabilities_restricted', 'restricted', 25, 25],
    ['procMount', 'baseline', 34, 0],
    ['procMount', 'baseline', 35, 35],
    ['procMount', 'restricted', 34, 0],
    ['procMount_restricted', 'restricted', 35, 35],
    ['runAsNonRoot', 'restricted', 34, 0],
    ['runAsNonRoot', 'restricted', 35, 35],
    ['runAsUser', 'restricted', 23, 23],
    ['runAsUser', 'restricted', 34, 23],
    ['runAsUser', 'restricted', 35, 35],
    ['hostProbesAndHostLifecycle', 'baseline', 34, 34],
    ['hostProbesAndHostLifecycle', 'restricted', 'latest', 34],
  ] as const)('%s at %s:%s uses the v1.%i implementation', (id, level, version, min) => {
    expect(chosen(level, id, version)).toBe(min);
  });

  it.each([
    ['allowPrivilegeEscalation', 'restricted', 7],
    ['capabilities_restricted', 'restricted', 21],
    ['runAsUser', 'restricted', 22],
    ['hostProbesAndHostLifecycle', 'baseline', 33],
    ['procMount_restricted', 'restricted', 34],
    ['seccompProfile_restricted', 'restricted', 18],
  ] as const)('%s does not run at %s:v1.%i (first minVersion is later)', (id, level, version) => {
    expect(chosen(level, id, version)).toBeUndefined();
  });

  it('uses the implementation objects registered on the check definitions', () => {
    for (const version of everyVersion) {
      for (const check of checksFor('restricted', version)) {
        const definition = allChecks.find((c) => c.id === check.id);
        expect(definition?.implementations).toContain(check.implementation);
      }
    }
  });
});
