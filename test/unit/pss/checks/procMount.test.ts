import { describe, expect, it } from 'vitest';
import { procMount } from '../../../../src/pss/checks/procMount.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

const impl = (minVersion: number) => {
  const found = procMount.implementations.find((i) => i.minVersion === minVersion);
  if (!found) throw new Error(`no implementation v1.${minVersion}`);
  return found.evaluate;
};
const v1_0 = impl(0);
const v1_35 = impl(35);

const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
const c = (name: string, procMountValue?: string | null): JsonObject =>
  procMountValue === undefined ? { name } : { name, securityContext: { procMount: procMountValue } };
const pmPath = (list: string, i: number) => ['spec', list, i, 'securityContext', 'procMount'];

const testPod = (hostUsers: boolean | null | undefined): PodInput =>
  pod({
    ...(hostUsers === undefined ? {} : { hostUsers }),
    containers: [c('a'), { name: 'b', securityContext: {} }, c('c', 'Default'), c('d', 'Unmasked'), c('e', 'other')],
  });
const testExpected: Violation = {
  reason: 'procMount',
  detail: 'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"',
  paths: [pmPath('containers', 3), pmPath('containers', 4)],
};

describe('procMount definition', () => {
  it('is a baseline check (ID without _baseline) with v1.0 and v1.35 implementations', () => {
    expect(procMount.id).toBe('procMount');
    expect(procMount.level).toBe('baseline');
    expect(procMount.implementations.map((i) => i.minVersion)).toEqual([0, 35]);
  });
});

describe('procMount failures (both versions)', () => {
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    { name: '(test) d Unmasked, e "other", hostUsers: true', pod: testPod(true), expected: testExpected },
    { name: 'hostUsers absent does not relax', pod: testPod(undefined), expected: testExpected },
    { name: 'hostUsers null does not relax', pod: testPod(null), expected: testExpected },
    {
      name: '(fixture procmount0) container1 Unmasked',
      pod: pod({
        hostUsers: true,
        securityContext: {},
        initContainers: [{ name: 'initcontainer1', securityContext: {} }],
        containers: [c('container1', 'Unmasked')],
      }),
      expected: {
        reason: 'procMount',
        detail: 'container "container1" must not set securityContext.procMount to "Unmasked"',
        paths: [pmPath('containers', 0)],
      },
    },
    {
      name: 'a present empty string is bad; values are a sorted set; visiting order for names',
      pod: pod({
        ephemeralContainers: [c('e', 'Unmasked')],
        containers: [c('r', '')],
        initContainers: [c('i', 'Unmasked'), c('i2', 'default')],
      }),
      expected: {
        reason: 'procMount',
        detail: 'containers "i", "i2", "r", "e" must not set securityContext.procMount to "", "Unmasked", "default"',
        paths: [pmPath('initContainers', 0), pmPath('initContainers', 1), pmPath('containers', 0), pmPath('ephemeralContainers', 0)],
      },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(name, () => {
      expect(v1_0(p)).toEqual(expected);
      expect(v1_35(p)).toEqual(expected);
    });
  }
});

describe('procMount passes (both versions)', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: 'absent securityContext or procMount, null procMount, Default', pod: pod({ containers: [c('a'), { name: 'b', securityContext: null }, { name: 'b2', securityContext: {} }, c('c', null), c('d', 'Default')] }) },
    { name: 'no containers', pod: pod({}) },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(v1_0(p)).toBeNull();
      expect(v1_35(p)).toBeNull();
    });
  }
});

describe('procMount user-namespace relaxation', () => {
  it('(test, v1.35) the same containers with hostUsers: false are allowed', () => {
    expect(v1_35(testPod(false))).toBeNull();
  });

  it('v1.0 has no relaxation: hostUsers: false still fails', () => {
    expect(v1_0(testPod(false))).toEqual(testExpected);
  });
});
