import { describe, expect, it } from 'vitest';
import { hostPathVolumes } from '../../../../src/pss/checks/hostPathVolumes.js';
import type { JsonValue, PodInput, Violation } from '../../../../src/pss/types.js';

const evaluate = (p: PodInput) => {
  const found = hostPathVolumes.implementations.find((i) => i.minVersion === 0);
  if (!found) throw new Error('no implementation v1.0');
  return found.evaluate(p);
};
const pod = (volumes: JsonValue): PodInput => ({ metadata: {}, spec: { containers: [{ name: 'a' }], volumes } });

describe('hostPathVolumes definition', () => {
  it('is a baseline check with a single v1.0 implementation', () => {
    expect(hostPathVolumes.id).toBe('hostPathVolumes');
    expect(hostPathVolumes.level).toBe('baseline');
    expect(hostPathVolumes.implementations.map((i) => i.minVersion)).toEqual([0]);
  });
});

describe('hostPathVolumes failures', () => {
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    {
      name: '(test) a, b hostPath; c emptyDir',
      pod: pod([
        { name: 'a', hostPath: { path: '/a' } },
        { name: 'b', hostPath: { path: '/b' } },
        { name: 'c', emptyDir: {} },
      ]),
      expected: {
        reason: 'hostPath volumes',
        detail: 'volumes "a", "b"',
        paths: [['spec', 'volumes', 0, 'hostPath'], ['spec', 'volumes', 1, 'hostPath']],
      },
    },
    {
      name: '(fixture hostpathvolumes0) volume-hostpath after an emptyDir',
      pod: pod([
        { name: 'volume-emptydir', emptyDir: {} },
        { name: 'volume-hostpath', hostPath: { path: '/a' } },
      ]),
      expected: { reason: 'hostPath volumes', detail: 'volume "volume-hostpath"', paths: [['spec', 'volumes', 1, 'hostPath']] },
    },
    {
      name: 'a present empty hostPath {} is bad; spec order, not sorted',
      pod: pod([
        { name: 'z', hostPath: {} },
        { name: 'm', configMap: { name: 'x' } },
        { name: 'a', hostPath: { path: '/' } },
      ]),
      expected: {
        reason: 'hostPath volumes',
        detail: 'volumes "z", "a"',
        paths: [['spec', 'volumes', 0, 'hostPath'], ['spec', 'volumes', 2, 'hostPath']],
      },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(name, () => {
      expect(evaluate(p)).toEqual(expected);
    });
  }
});

describe('hostPathVolumes passes', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: 'no volumes', pod: { metadata: {}, spec: { containers: [{ name: 'a' }] } } },
    { name: 'null volumes', pod: pod(null) },
    { name: 'hostPath null is absent', pod: pod([{ name: 'a', hostPath: null }]) },
    { name: 'other volume types', pod: pod([{ name: 'a', emptyDir: {} }, { name: 'b', secret: { secretName: 's' } }, { name: 'c' }]) },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(evaluate(p)).toBeNull();
    });
  }
});
