import { describe, expect, it } from 'vitest';
import { hostNamespaces } from '../../../../src/pss/checks/hostNamespaces.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

const evaluate = (p: PodInput) => {
  const found = hostNamespaces.implementations.find((i) => i.minVersion === 0);
  if (!found) throw new Error('no implementation v1.0');
  return found.evaluate(p);
};
const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec: { containers: [{ name: 'a' }], ...spec } });

describe('hostNamespaces definition', () => {
  it('is a baseline check with a single v1.0 implementation', () => {
    expect(hostNamespaces.id).toBe('hostNamespaces');
    expect(hostNamespaces.level).toBe('baseline');
    expect(hostNamespaces.implementations.map((i) => i.minVersion)).toEqual([0]);
  });
});

describe('hostNamespaces failures', () => {
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    {
      name: '(test) all three set',
      pod: pod({ hostIPC: true, hostPID: true, hostNetwork: true }),
      expected: {
        reason: 'host namespaces',
        detail: 'hostNetwork=true, hostPID=true, hostIPC=true',
        paths: [['spec', 'hostNetwork'], ['spec', 'hostPID'], ['spec', 'hostIPC']],
      },
    },
    {
      name: '(fixture hostnamespaces0) hostIPC only',
      pod: pod({ hostIPC: true, initContainers: [{ name: 'initcontainer1' }] }),
      expected: { reason: 'host namespaces', detail: 'hostIPC=true', paths: [['spec', 'hostIPC']] },
    },
    {
      name: 'hostNetwork only',
      pod: pod({ hostNetwork: true, hostPID: false, hostIPC: null }),
      expected: { reason: 'host namespaces', detail: 'hostNetwork=true', paths: [['spec', 'hostNetwork']] },
    },
    {
      name: 'hostPID and hostIPC, fixed order whatever the key order',
      pod: pod({ hostIPC: true, hostPID: true }),
      expected: { reason: 'host namespaces', detail: 'hostPID=true, hostIPC=true', paths: [['spec', 'hostPID'], ['spec', 'hostIPC']] },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(name, () => {
      expect(evaluate(p)).toEqual(expected);
    });
  }
});

describe('hostNamespaces passes', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: 'all absent', pod: pod({}) },
    { name: 'all false', pod: pod({ hostNetwork: false, hostPID: false, hostIPC: false }) },
    { name: 'all null', pod: pod({ hostNetwork: null, hostPID: null, hostIPC: null }) },
    { name: 'other host-ish fields are not this check', pod: pod({ hostUsers: true, hostname: 'x' }) },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(evaluate(p)).toBeNull();
    });
  }
});
