import { describe, expect, it } from 'vitest';
import { procMountRestricted } from '../../../../src/pss/checks/procMountRestricted.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

const evaluate = (p: PodInput) => {
  const found = procMountRestricted.implementations.find((i) => i.minVersion === 35);
  if (!found) throw new Error('no implementation v1.35');
  return found.evaluate(p);
};
const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
const c = (name: string, procMountValue?: string | null): JsonObject =>
  procMountValue === undefined ? { name } : { name, securityContext: { procMount: procMountValue } };
const pmPath = (list: string, i: number) => ['spec', list, i, 'securityContext', 'procMount'];

describe('procMount_restricted definition', () => {
  it('is a restricted check from v1.35 only, overriding procMount', () => {
    expect(procMountRestricted.id).toBe('procMount_restricted');
    expect(procMountRestricted.level).toBe('restricted');
    expect(procMountRestricted.implementations.map((i) => i.minVersion)).toEqual([35]);
    expect(procMountRestricted.implementations[0]?.overrides).toEqual(['procMount']);
  });
});

describe('procMount_restricted failures', () => {
  const containers = [c('a'), c('b', 'Default'), c('d', 'Unmasked'), c('e', 'other')];
  const testExpected: Violation = {
    reason: 'procMount',
    detail: 'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"',
    paths: [pmPath('containers', 2), pmPath('containers', 3)],
  };
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    { name: '(test) hostUsers: true', pod: pod({ hostUsers: true, containers }), expected: testExpected },
    { name: '(test) hostUsers: false gives no relaxation', pod: pod({ hostUsers: false, containers }), expected: testExpected },
    { name: 'hostUsers absent', pod: pod({ containers }), expected: testExpected },
    {
      name: '(fixture procmount_restricted1) initcontainer1 Unmasked, hostUsers: false',
      pod: pod({
        hostUsers: false,
        initContainers: [c('initcontainer1', 'Unmasked')],
        containers: [{ name: 'container1', securityContext: {} }],
      }),
      expected: {
        reason: 'procMount',
        detail: 'container "initcontainer1" must not set securityContext.procMount to "Unmasked"',
        paths: [pmPath('initContainers', 0)],
      },
    },
    {
      name: 'a present empty string is bad, case-sensitive Default',
      pod: pod({ containers: [c('x', ''), c('y', 'DEFAULT')] }),
      expected: {
        reason: 'procMount',
        detail: 'containers "x", "y" must not set securityContext.procMount to "", "DEFAULT"',
        paths: [pmPath('containers', 0), pmPath('containers', 1)],
      },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(name, () => {
      expect(evaluate(p)).toEqual(expected);
    });
  }
});

describe('procMount_restricted passes', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: 'Default, absent and null', pod: pod({ hostUsers: false, containers: [c('a'), c('b', 'Default'), c('c', null)] }) },
    { name: 'no containers', pod: pod({}) },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(evaluate(p)).toBeNull();
    });
  }
});
