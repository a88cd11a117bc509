import { describe, expect, it } from 'vitest';
import { allowPrivilegeEscalation } from '../../../../src/pss/checks/allowPrivilegeEscalation.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

const impl = (minVersion: number) => {
  const found = allowPrivilegeEscalation.implementations.find((i) => i.minVersion === minVersion);
  if (!found) throw new Error(`no implementation v1.${minVersion}`);
  return found.evaluate;
};
const v1_8 = impl(8);
const v1_25 = impl(25);

const pod = (spec: JsonObject, metadata: JsonObject = {}): PodInput => ({ metadata, spec });
const c = (name: string, securityContext?: JsonObject | null): JsonObject =>
  securityContext === undefined ? { name } : { name, securityContext };

describe('allowPrivilegeEscalation definition', () => {
  it('is a restricted check with v1.8 and v1.25 implementations and no overrides', () => {
    expect(allowPrivilegeEscalation.id).toBe('allowPrivilegeEscalation');
    expect(allowPrivilegeEscalation.level).toBe('restricted');
    expect(allowPrivilegeEscalation.implementations.map((i) => i.minVersion)).toEqual([8, 25]);
    expect(allowPrivilegeEscalation.implementations.every((i) => i.overrides === undefined)).toBe(true);
  });
});

describe('allowPrivilegeEscalation failures', () => {
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    {
      name: '(test) a no securityContext, b nil, c true, d false',
      pod: pod({
        containers: [
          c('a'),
          c('b', { allowPrivilegeEscalation: null }),
          c('c', { allowPrivilegeEscalation: true }),
          c('d', { allowPrivilegeEscalation: false }),
        ],
      }),
      expected: {
        reason: 'allowPrivilegeEscalation != false',
        detail: 'containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false',
        paths: [
          ['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation'],
          ['spec', 'containers', 1, 'securityContext', 'allowPrivilegeEscalation'],
          ['spec', 'containers', 2, 'securityContext', 'allowPrivilegeEscalation'],
        ],
      },
    },
    {
      name: '(test) Linux pod, container a without securityContext',
      pod: pod({ os: { name: 'linux' }, containers: [c('a')] }),
      expected: {
        reason: 'allowPrivilegeEscalation != false',
        detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false',
        paths: [['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation']],
      },
    },
    {
      name: 'null and empty securityContext are both bad',
      pod: pod({ containers: [c('x', null), c('y', {})] }),
      expected: {
        reason: 'allowPrivilegeEscalation != false',
        detail: 'containers "x", "y" must set securityContext.allowPrivilegeEscalation=false',
        paths: [
          ['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation'],
          ['spec', 'containers', 1, 'securityContext', 'allowPrivilegeEscalation'],
        ],
      },
    },
    {
      name: 'visiting order: init, regular, ephemeral (not de-duplicated)',
      pod: pod({
        ephemeralContainers: [c('e')],
        containers: [c('r', { allowPrivilegeEscalation: false }), c('r2')],
        initContainers: [c('i', { allowPrivilegeEscalation: true })],
      }),
      expected: {
        reason: 'allowPrivilegeEscalation != false',
        detail: 'containers "i", "r2", "e" must set securityContext.allowPrivilegeEscalation=false',
        paths: [
          ['spec', 'initContainers', 0, 'securityContext', 'allowPrivilegeEscalation'],
          ['spec', 'containers', 1, 'securityContext', 'allowPrivilegeEscalation'],
          ['spec', 'ephemeralContainers', 0, 'securityContext', 'allowPrivilegeEscalation'],
        ],
      },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(`${name} (v1.8 and v1.25)`, () => {
      expect(v1_8(p)).toEqual(expected);
      expect(v1_25(p)).toEqual(expected);
    });
  }
});

describe('allowPrivilegeEscalation passes', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: 'every container sets false', pod: pod({ initContainers: [c('i', { allowPrivilegeEscalation: false })], containers: [c('a', { allowPrivilegeEscalation: false })] }) },
    { name: 'no containers at all', pod: pod({}) },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(v1_8(p)).toBeNull();
      expect(v1_25(p)).toBeNull();
    });
  }
});

describe('allowPrivilegeEscalation Windows exemption', () => {
  const windows = pod({ os: { name: 'windows' }, containers: [c('a')] });

  it('(test, v1.25) a Windows pod passes outright', () => {
    expect(v1_25(windows)).toBeNull();
  });

  it('v1.8 does not look at the OS', () => {
    expect(v1_8(windows)).toEqual({
      reason: 'allowPrivilegeEscalation != false',
      detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false',
      paths: [['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation']],
    });
  });

  it('the OS name is case-sensitive and spec.os must be present', () => {
    expect(v1_25(pod({ os: { name: 'Windows' }, containers: [c('a')] }))).not.toBeNull();
    expect(v1_25(pod({ os: null, containers: [c('a')] }))).not.toBeNull();
    expect(v1_25(pod({ os: {}, containers: [c('a')] }))).not.toBeNull();
  });
});
