import { describe, expect, it } from 'vitest';
import { capabilitiesRestricted } from '../../../../src/pss/checks/capabilitiesRestricted.js';
import type { JsonObject, JsonValue, PodInput, Violation } from '../../../../src/pss/types.js';

const impl = (minVersion: number) => {
  const found = capabilitiesRestricted.implementations.find((i) => i.minVersion === minVersion);
  if (!found) throw new Error(`no implementation v1.${minVersion}`);
  return found.evaluate;
};
const v1_22 = impl(22);
const v1_25 = impl(25);

const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
const caps = (name: string, capabilities: JsonObject | null): JsonObject => ({ name, securityContext: { capabilities } });
const capsOf = (name: string, drop: JsonValue[] | undefined, add: JsonValue[] | undefined): JsonObject => {
  const capabilities: JsonObject = {};
  if (drop) capabilities.drop = drop;
  if (add) capabilities.add = add;
  return caps(name, capabilities);
};
const base = (list: string, i: number) => ['spec', list, i, 'securityContext', 'capabilities'];
const dropPath = (list: string, i: number) => [...base(list, i), 'drop'];
const addPath = (list: string, i: number, j: number) => [...base(list, i), 'add', j];

describe('capabilities_restricted definition', () => {
  it('is a restricted check with v1.22 and v1.25 implementations, both overriding capabilities_baseline', () => {
    expect(capabilitiesRestricted.id).toBe('capabilities_restricted');
    expect(capabilitiesRestricted.level).toBe('restricted');
    expect(capabilitiesRestricted.implementations.map((i) => i.minVersion)).toEqual([22, 25]);
    for (const i of capabilitiesRestricted.implementations) expect(i.overrides).toEqual(['capabilities_baseline']);
  });
});

describe('capabilities_restricted failures', () => {
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    {
      name: '(test) a adds FOO,BAR (no drop); b adds BAR,BAZ; c adds NET_BIND_SERVICE,CHOWN and drops ALL,FOO',
      pod: pod({
        containers: [
          capsOf('a', undefined, ['FOO', 'BAR']),
          capsOf('b', undefined, ['BAR', 'BAZ']),
          capsOf('c', ['ALL', 'FOO'], ['NET_BIND_SERVICE', 'CHOWN']),
        ],
      }),
      expected: {
        reason: 'unrestricted capabilities',
        detail:
          'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
        paths: [
          dropPath('containers', 0),
          addPath('containers', 0, 0),
          addPath('containers', 0, 1),
          dropPath('containers', 1),
          addPath('containers', 1, 0),
          addPath('containers', 1, 1),
          addPath('containers', 2, 1),
        ],
      },
    },
    {
      name: '(test) Linux pod, container a without securityContext',
      pod: pod({ os: { name: 'linux' }, containers: [{ name: 'a' }] }),
      expected: {
        reason: 'unrestricted capabilities',
        detail: 'container "a" must set securityContext.capabilities.drop=["ALL"]',
        paths: [dropPath('containers', 0)],
      },
    },
    {
      name: 'drop is case-sensitive; dropping every capability one by one does not count',
      pod: pod({
        initContainers: [capsOf('i', ['all'], undefined)],
        containers: [capsOf('a', ['CHOWN', 'KILL', 'SYS_ADMIN', 'NET_RAW'], undefined), capsOf('b', ['ALL'], undefined)],
      }),
      expected: {
        reason: 'unrestricted capabilities',
        detail: 'containers "i", "a" must set securityContext.capabilities.drop=["ALL"]',
        paths: [dropPath('initContainers', 0), dropPath('containers', 0)],
      },
    },
    {
      name: 'adding only: a container that drops ALL but adds a forbidden capability',
      pod: pod({ ephemeralContainers: [capsOf('e', ['ALL'], ['NET_BIND_SERVICE', 'net_bind_service', 'NET_BIND_SERVICE'])] }),
      expected: {
        reason: 'unrestricted capabilities',
        detail: 'container "e" must not include "net_bind_service" in securityContext.capabilities.add',
        paths: [addPath('ephemeralContainers', 0, 1)],
      },
    },
    {
      name: 'absent securityContext, null capabilities and empty capabilities all miss drop ALL',
      pod: pod({
        containers: [{ name: 'a', securityContext: null }, caps('b', null), caps('c', {}), { name: 'd', securityContext: {} }],
      }),
      expected: {
        reason: 'unrestricted capabilities',
        detail: 'containers "a", "b", "c", "d" must set securityContext.capabilities.drop=["ALL"]',
        paths: [dropPath('containers', 0), dropPath('containers', 1), dropPath('containers', 2), dropPath('containers', 3)],
      },
    },
    {
      name: 'forbidden capabilities are a sorted set; per container the drop path comes first; containers in visiting order',
      pod: pod({
        containers: [capsOf('r', undefined, ['SYS_ADMIN'])],
        initContainers: [capsOf('i', ['ALL'], ['SYS_ADMIN', 'CHOWN'])],
      }),
      expected: {
        reason: 'unrestricted capabilities',
        detail:
          'container "r" must set securityContext.capabilities.drop=["ALL"]; containers "i", "r" must not include "CHOWN", "SYS_ADMIN" in securityContext.capabilities.add',
        paths: [addPath('initContainers', 0, 0), addPath('initContainers', 0, 1), dropPath('containers', 0), addPath('containers', 0, 0)],
      },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(`${name} (v1.22 and v1.25)`, () => {
      expect(v1_22(p)).toEqual(expected);
      expect(v1_25(p)).toEqual(expected);
    });
  }
});

describe('capabilities_restricted passes', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: 'drop ALL and no add', pod: pod({ containers: [capsOf('a', ['ALL'], undefined)] }) },
    { name: 'drop ALL among others, add NET_BIND_SERVICE', pod: pod({ initContainers: [capsOf('i', ['NET_RAW', 'ALL'], ['NET_BIND_SERVICE'])], containers: [capsOf('a', ['ALL'], [])] }) },
    { name: 'no containers', pod: pod({}) },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(v1_22(p)).toBeNull();
      expect(v1_25(p)).toBeNull();
    });
  }
});

describe('capabilities_restricted Windows exemption', () => {
  const windows = pod({ os: { name: 'windows' }, containers: [{ name: 'a' }] });

  it('(test, v1.25) a Windows pod passes outright', () => {
    expect(v1_25(windows)).toBeNull();
  });

  it('v1.22 does not look at the OS', () => {
    expect(v1_22(windows)).toEqual({
      reason: 'unrestricted capabilities',
      detail: 'container "a" must set securityContext.capabilities.drop=["ALL"]',
      paths: [dropPath('containers', 0)],
    });
  });

  it('the OS name is case-sensitive', () => {
    expect(v1_25(pod({ os: { name: 'WINDOWS' }, containers: [{ name: 'a' }] }))).not.toBeNull();
  });
});
