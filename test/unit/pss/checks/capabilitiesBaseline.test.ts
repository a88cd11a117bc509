import { describe, expect, it } from 'vitest';
import { capabilitiesBaseline } from '../../../../src/pss/checks/capabilitiesBaseline.js';
import type { JsonObject, JsonValue, PodInput, Violation } from '../../../../src/pss/types.js';

const evaluate = (p: PodInput) => {
  const found = capabilitiesBaseline.implementations.find((i) => i.minVersion === 0);
  if (!found) throw new Error('no implementation v1.0');
  return found.evaluate(p);
};

const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
const caps = (name: string, capabilities: JsonObject | null): JsonObject => ({ name, securityContext: { capabilities } });
const adds = (name: string, add: JsonValue[]): JsonObject => caps(name, { add });
const addPath = (list: string, i: number, j: number) => ['spec', list, i, 'securityContext', 'capabilities', 'add', j];

const allowed = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

describe('capabilities_baseline definition', () => {
  it('is a baseline check with a single v1.0 implementation', () => {
    expect(capabilitiesBaseline.id).toBe('capabilities_baseline');
    expect(capabilitiesBaseline.level).toBe('baseline');
    expect(capabilitiesBaseline.implementations.map((i) => i.minVersion)).toEqual([0]);
  });
});

describe('capabilities_baseline failures', () => {
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    {
      name: '(test) a adds FOO,BAR; b adds BAR,BAZ',
      pod: pod({ containers: [adds('a', ['FOO', 'BAR']), adds('b', ['BAR', 'BAZ'])] }),
      expected: {
        reason: 'non-default capabilities',
        detail: 'containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add',
        paths: [addPath('containers', 0, 0), addPath('containers', 0, 1), addPath('containers', 1, 0), addPath('containers', 1, 1)],
      },
    },
    {
      name: '(fixture capabilities_baseline2) container1 adds chown',
      pod: pod({
        securityContext: {},
        initContainers: [caps('initcontainer1', {})],
        containers: [adds('container1', ['chown'])],
      }),
      expected: {
        reason: 'non-default capabilities',
        detail: 'container "container1" must not include "chown" in securityContext.capabilities.add',
        paths: [addPath('containers', 0, 0)],
      },
    },
    {
      name: 'case-sensitive, no CAP_ prefix; only the forbidden entries get paths',
      pod: pod({ initContainers: [adds('i', ['CHOWN', 'CAP_CHOWN', 'KILL', 'Kill'])] }),
      expected: {
        reason: 'non-default capabilities',
        detail: 'container "i" must not include "CAP_CHOWN", "Kill" in securityContext.capabilities.add',
        paths: [addPath('initContainers', 0, 1), addPath('initContainers', 0, 3)],
      },
    },
    {
      name: 'visiting order init, regular, ephemeral; capabilities sorted byte-wise and de-duplicated',
      pod: pod({
        ephemeralContainers: [adds('e', ['ALL'])],
        containers: [adds('r', ['SYS_ADMIN', 'NET_ADMIN'])],
        initContainers: [adds('i', ['SYS_ADMIN', 'net_raw'])],
      }),
      expected: {
        reason: 'non-default capabilities',
        detail: 'containers "i", "r", "e" must not include "ALL", "NET_ADMIN", "SYS_ADMIN", "net_raw" in securityContext.capabilities.add',
        paths: [addPath('initContainers', 0, 0), addPath('initContainers', 0, 1), addPath('containers', 0, 0), addPath('containers', 0, 1), addPath('ephemeralContainers', 0, 0)],
      },
    },
    {
      name: 'an empty capability name is forbidden',
      pod: pod({ containers: [adds('a', [''])] }),
      expected: {
        reason: 'non-default capabilities',
        detail: 'container "a" must not include "" in securityContext.capabilities.add',
        paths: [addPath('containers', 0, 0)],
      },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(name, () => {
      expect(evaluate(p)).toEqual(expected);
    });
  }
});

describe('capabilities_baseline passes', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: 'every allowed capability', pod: pod({ containers: [adds('a', allowed)] }) },
    { name: 'drop is ignored, even with odd values', pod: pod({ containers: [caps('a', { drop: ['SYS_ADMIN', 'all'] })] }) },
    { name: 'no securityContext, null capabilities, empty capabilities, null add', pod: pod({ containers: [{ name: 'a' }, caps('b', null), caps('c', {}), caps('d', { add: null })] }) },
    { name: 'no containers', pod: pod({}) },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(evaluate(p)).toBeNull();
    });
  }
});
