import { describe, expect, it } from 'vitest';
import { runAsUser } from '../../../../src/pss/checks/runAsUser.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

function impl(minVersion: number) {
  return runAsUser.implementations.find((i) => i.minVersion === minVersion)!;
}

const reason = 'runAsUser=0';
const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });

describe('runAsUser definition', () => {
  it('is a restricted check from v1.23 with a v1.35 implementation', () => {
    expect(runAsUser.id).toBe('runAsUser');
    expect(runAsUser.level).toBe('restricted');
    expect(runAsUser.implementations.map((i) => i.minVersion)).toEqual([23, 35]);
    expect(runAsUser.implementations.every((i) => i.overrides === undefined)).toBe(true);
  });
});

type Case = { name: string; pod: PodInput; expected: Violation | null };

const cases: Case[] = [
  {
    name: '(test) pod 0',
    pod: pod({ securityContext: { runAsUser: 0 }, containers: [{ name: 'a', securityContext: null }] }),
    expected: { reason, detail: 'pod must not set runAsUser=0', paths: [['spec', 'securityContext', 'runAsUser']] },
  },
  {
    name: '(test) pod non-zero',
    pod: pod({ securityContext: { runAsUser: 1000 }, containers: [{ name: 'a' }] }),
    expected: null,
  },
  {
    name: '(test) pod runAsUser null',
    pod: pod({ securityContext: { runAsUser: null }, containers: [{ name: 'a' }] }),
    expected: null,
  },
  {
    name: '(test) pod 1000, c and d 0',
    pod: pod({
      securityContext: { runAsUser: 1000 },
      containers: [
        { name: 'a', securityContext: null },
        { name: 'b', securityContext: {} },
        { name: 'c', securityContext: { runAsUser: 0 } },
        { name: 'd', securityContext: { runAsUser: 0 } },
        { name: 'e', securityContext: { runAsUser: 1 } },
        { name: 'f', securityContext: { runAsUser: 1 } },
      ],
    }),
    expected: {
      reason,
      detail: 'containers "c", "d" must not set runAsUser=0',
      paths: [
        ['spec', 'containers', 2, 'securityContext', 'runAsUser'],
        ['spec', 'containers', 3, 'securityContext', 'runAsUser'],
      ],
    },
  },
  {
    name: '(test) containers non-zero',
    pod: pod({
      containers: [1, 2, 3, 4].map((uid, i) => ({ name: `c${i}`, securityContext: { runAsUser: uid } })),
    }),
    expected: null,
  },
  {
    name: 'no precedence: pod 0 is reported although every container sets non-zero',
    pod: pod({
      securityContext: { runAsUser: 0 },
      containers: [{ name: 'a', securityContext: { runAsUser: 1000 } }],
    }),
    expected: { reason, detail: 'pod must not set runAsUser=0', paths: [['spec', 'securityContext', 'runAsUser']] },
  },
  {
    name: 'pod and containers in visiting order (init, regular, ephemeral)',
    pod: pod({
      securityContext: { runAsUser: 0 },
      ephemeralContainers: [{ name: 'e', securityContext: { runAsUser: 0 } }],
      containers: [{ name: 'c', securityContext: { runAsUser: 0 } }],
      initContainers: [{ name: 'i', securityContext: { runAsUser: 0 } }],
    }),
    expected: {
      reason,
      detail: 'pod and containers "i", "c", "e" must not set runAsUser=0',
      paths: [
        ['spec', 'securityContext', 'runAsUser'],
        ['spec', 'initContainers', 0, 'securityContext', 'runAsUser'],
        ['spec', 'containers', 0, 'securityContext', 'runAsUser'],
        ['spec', 'ephemeralContainers', 0, 'securityContext', 'runAsUser'],
      ],
    },
  },
  {
    name: 'setting runAsUser is not required',
    pod: pod({ containers: [{ name: 'a' }, { name: 'b', securityContext: {} }] }),
    expected: null,
  },
  {
    name: 'a Windows pod is not exempt',
    pod: pod({ os: { name: 'windows' }, containers: [{ name: 'a', securityContext: { runAsUser: 0 } }] }),
    expected: {
      reason,
      detail: 'container "a" must not set runAsUser=0',
      paths: [['spec', 'containers', 0, 'securityContext', 'runAsUser']],
    },
  },
];

describe.each([23, 35])('runAsUser v1.%i basic rule', (minVersion) => {
  it.each(cases)('$name', ({ pod, expected }) => {
    expect(impl(minVersion).evaluate(pod)).toStrictEqual(expected);
  });
});

describe('runAsUser user-namespace relaxation', () => {
  const rootPod = pod({
    hostUsers: false,
    securityContext: { runAsUser: 0 },
    containers: [{ name: 'a', securityContext: { runAsUser: 0 } }],
  });

  it('(test, v1.35) hostUsers: false is allowed', () => {
    expect(impl(35).evaluate(pod({ hostUsers: false }))).toBeNull();
    expect(impl(35).evaluate(rootPod)).toBeNull();
  });

  it('v1.23 does not relax hostUsers: false', () => {
    expect(impl(23).evaluate(rootPod)).toStrictEqual<Violation>({
      reason,
      detail: 'pod and container "a" must not set runAsUser=0',
      paths: [
        ['spec', 'securityContext', 'runAsUser'],
        ['spec', 'containers', 0, 'securityContext', 'runAsUser'],
      ],
    });
  });

  it('v1.35 does not relax hostUsers: true', () => {
    expect(impl(35).evaluate(pod({ ...rootPod.spec, hostUsers: true }))?.detail).toBe(
      'pod and container "a" must not set runAsUser=0',
    );
  });
});
