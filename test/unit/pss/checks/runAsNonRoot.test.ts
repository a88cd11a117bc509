import { describe, expect, it } from 'vitest';
import { runAsNonRoot } from '../../../../src/pss/checks/runAsNonRoot.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

function impl(minVersion: number) {
  return runAsNonRoot.implementations.find((i) => i.minVersion === minVersion)!;
}

const reason = 'runAsNonRoot != true';
const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });

describe('runAsNonRoot definition', () => {
  it('is a restricted check with v1.0 and v1.35 implementations and no overrides', () => {
    expect(runAsNonRoot.id).toBe('runAsNonRoot');
    expect(runAsNonRoot.level).toBe('restricted');
    expect(runAsNonRoot.implementations.map((i) => i.minVersion)).toEqual([0, 35]);
    expect(runAsNonRoot.implementations.every((i) => i.overrides === undefined)).toBe(true);
  });
});

type Case = { name: string; pod: PodInput; expected: Violation | null };

const cases: Case[] = [
  {
    name: '(test) nothing set, container a',
    pod: pod({ containers: [{ name: 'a' }] }),
    expected: {
      reason,
      detail: 'pod or container "a" must set securityContext.runAsNonRoot=true',
      paths: [['spec', 'containers', 0, 'securityContext', 'runAsNonRoot']],
    },
  },
  {
    name: '(test) pod false',
    pod: pod({ securityContext: { runAsNonRoot: false }, containers: [{ name: 'a', securityContext: null }] }),
    expected: {
      reason,
      detail: 'pod must not set securityContext.runAsNonRoot=false',
      paths: [['spec', 'securityContext', 'runAsNonRoot']],
    },
  },
  {
    name: '(test) pod true, c and d false',
    pod: pod({
      securityContext: { runAsNonRoot: true },
      containers: [
        { name: 'a', securityContext: null },
        { name: 'b', securityContext: {} },
        { name: 'c', securityContext: { runAsNonRoot: false } },
        { name: 'd', securityContext: { runAsNonRoot: false } },
        { name: 'e', securityContext: { runAsNonRoot: true } },
        { name: 'f', securityContext: { runAsNonRoot: true } },
      ],
    }),
    expected: {
      reason,
      detail: 'containers "c", "d" must not set securityContext.runAsNonRoot=false',
      paths: [
        ['spec', 'containers', 2, 'securityContext', 'runAsNonRoot'],
        ['spec', 'containers', 3, 'securityContext', 'runAsNonRoot'],
      ],
    },
  },
  {
    name: '(test) pod unset; a (no securityContext), b (empty), d and e true',
    pod: pod({
      containers: [
        { name: 'a' },
        { name: 'b', securityContext: {} },
        { name: 'd', securityContext: { runAsNonRoot: true } },
        { name: 'e', securityContext: { runAsNonRoot: true } },
      ],
    }),
    expected: {
      reason,
      detail: 'pod or containers "a", "b" must set securityContext.runAsNonRoot=true',
      paths: [
        ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot'],
        ['spec', 'containers', 1, 'securityContext', 'runAsNonRoot'],
      ],
    },
  },
  {
    name: 'pod false and a container false: both setters, pod first',
    pod: pod({
      securityContext: { runAsNonRoot: false },
      initContainers: [{ name: 'i', securityContext: { runAsNonRoot: false } }],
      containers: [{ name: 'a' }],
    }),
    expected: {
      reason,
      detail: 'pod and container "i" must not set securityContext.runAsNonRoot=false',
      paths: [
        ['spec', 'securityContext', 'runAsNonRoot'],
        ['spec', 'initContainers', 0, 'securityContext', 'runAsNonRoot'],
      ],
    },
  },
  {
    name: 'the explicit form hides implicitly bad containers (and their paths)',
    pod: pod({
      containers: [
        { name: 'a' },
        { name: 'b', securityContext: { runAsNonRoot: false } },
      ],
    }),
    expected: {
      reason,
      detail: 'container "b" must not set securityContext.runAsNonRoot=false',
      paths: [['spec', 'containers', 1, 'securityContext', 'runAsNonRoot']],
    },
  },
  {
    name: 'a pod-level false does not cover unset containers, but only the explicit form is reported',
    pod: pod({ securityContext: { runAsNonRoot: false }, containers: [{ name: 'a' }, { name: 'b' }] }),
    expected: {
      reason,
      detail: 'pod must not set securityContext.runAsNonRoot=false',
      paths: [['spec', 'securityContext', 'runAsNonRoot']],
    },
  },
  {
    name: 'null values read as unset; visiting order init, regular, ephemeral',
    pod: pod({
      securityContext: { runAsNonRoot: null },
      ephemeralContainers: [{ name: 'e' }],
      containers: [{ name: 'c', securityContext: { runAsNonRoot: null } }],
      initContainers: [{ name: 'i' }],
    }),
    expected: {
      reason,
      detail: 'pod or containers "i", "c", "e" must set securityContext.runAsNonRoot=true',
      paths: [
        ['spec', 'initContainers', 0, 'securityContext', 'runAsNonRoot'],
        ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot'],
        ['spec', 'ephemeralContainers', 0, 'securityContext', 'runAsNonRoot'],
      ],
    },
  },
  {
    name: 'pod true covers every unset container',
    pod: pod({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }, { name: 'b', securityContext: {} }] }),
    expected: null,
  },
  {
    name: 'every container true, pod unset',
    pod: pod({ containers: [{ name: 'a', securityContext: { runAsNonRoot: true } }] }),
    expected: null,
  },
  {
    name: 'runAsUser is not considered',
    pod: pod({ securityContext: { runAsUser: 1000 }, containers: [{ name: 'a', securityContext: { runAsUser: 1000 } }] }),
    expected: {
      reason,
      detail: 'pod or container "a" must set securityContext.runAsNonRoot=true',
      paths: [['spec', 'containers', 0, 'securityContext', 'runAsNonRoot']],
    },
  },
  {
    name: 'a Windows pod is not exempt',
    pod: pod({ os: { name: 'windows' }, containers: [{ name: 'a' }] }),
    expected: {
      reason,
      detail: 'pod or container "a" must set securityContext.runAsNonRoot=true',
      paths: [['spec', 'containers', 0, 'securityContext', 'runAsNonRoot']],
    },
  },
  { name: 'a pod without containers', pod: pod({}), expected: null },
];

describe.each([0, 35])('runAsNonRoot v1.%i basic rule', (minVersion) => {
  it.each(cases)('$name', ({ pod, expected }) => {
    expect(impl(minVersion).evaluate(pod)).toStrictEqual(expected);
  });
});

describe('runAsNonRoot user-namespace relaxation', () => {
  const userNsPod = pod({
    hostUsers: false,
    securityContext: { runAsNonRoot: false },
    containers: [{ name: 'a' }, { name: 'b', securityContext: { runAsNonRoot: false } }],
  });

  it('(test, v1.35) hostUsers: false is allowed', () => {
    expect(impl(35).evaluate(pod({ hostUsers: false }))).toBeNull();
    expect(impl(35).evaluate(userNsPod)).toBeNull();
  });

  it('v1.0 does not relax hostUsers: false', () => {
    expect(impl(0).evaluate(userNsPod)).toStrictEqual<Violation>({
      reason,
      detail: 'pod and container "b" must not set securityContext.runAsNonRoot=false',
      paths: [
        ['spec', 'securityContext', 'runAsNonRoot'],
        ['spec', 'containers', 1, 'securityContext', 'runAsNonRoot'],
      ],
    });
  });

  it.each([true, null])('v1.35 does not relax hostUsers: %s', (hostUsers) => {
    expect(impl(35).evaluate(pod({ hostUsers, containers: [{ name: 'a' }] }))).toStrictEqual<Violation>({
      reason,
      detail: 'pod or container "a" must set securityContext.runAsNonRoot=true',
      paths: [['spec', 'containers', 0, 'securityContext', 'runAsNonRoot']],
    });
  });
});
