import { describe, expect, it } from 'vitest';
import { seccompProfileRestricted } from '../../../../src/pss/checks/seccompProfileRestricted.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

function impl(minVersion: number) {
  return seccompProfileRestricted.implementations.find((i) => i.minVersion === minVersion)!;
}

const reason = 'seccompProfile';
const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
const profile = (type: string | null): JsonObject => ({ seccompProfile: type === null ? {} : { type } });
const podTypePath = ['spec', 'securityContext', 'seccompProfile', 'type'];
const containerTypePath = (i: number) => ['spec', 'containers', i, 'securityContext', 'seccompProfile', 'type'];

describe('seccompProfile_restricted definition', () => {
  it('is a restricted check from v1.19 with a v1.25 implementation, both overriding seccompProfile_baseline', () => {
    expect(seccompProfileRestricted.id).toBe('seccompProfile_restricted');
    expect(seccompProfileRestricted.level).toBe('restricted');
    expect(seccompProfileRestricted.implementations.map((i) => i.minVersion)).toEqual([19, 25]);
    for (const i of seccompProfileRestricted.implementations) expect(i.overrides).toEqual(['seccompProfile_baseline']);
  });
});

type Case = { name: string; pod: PodInput; expected: Violation | null };

const cases: Case[] = [
  {
    name: '(test) no seccomp anywhere, container a',
    pod: pod({ containers: [{ name: 'a' }] }),
    expected: {
      reason,
      detail: 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      paths: [containerTypePath(0)],
    },
  },
  {
    name: '(test) linux pod with nothing set',
    pod: pod({ os: { name: 'linux' }, containers: [{ name: 'a' }] }),
    expected: {
      reason,
      detail: 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      paths: [containerTypePath(0)],
    },
  },
  {
    name: '(test) pod Unconfined',
    pod: pod({ securityContext: profile('Unconfined'), containers: [{ name: 'a', securityContext: null }] }),
    expected: {
      reason,
      detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
      paths: [podTypePath],
    },
  },
  {
    name: '(test) pod RuntimeDefault, containers c and d Unconfined',
    pod: pod({
      securityContext: profile('RuntimeDefault'),
      containers: [
        { name: 'a', securityContext: null },
        { name: 'b', securityContext: {} },
        { name: 'c', securityContext: profile('Unconfined') },
        { name: 'd', securityContext: profile('Unconfined') },
        { name: 'e', securityContext: profile('RuntimeDefault') },
        { name: 'f', securityContext: profile('RuntimeDefault') },
      ],
    }),
    expected: {
      reason,
      detail: 'containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
      paths: [containerTypePath(2), containerTypePath(3)],
    },
  },
  {
    name: '(test) pod unset; a, b unset; d, e RuntimeDefault',
    pod: pod({
      containers: [
        { name: 'a', securityContext: null },
        { name: 'b', securityContext: {} },
        { name: 'd', securityContext: profile('RuntimeDefault') },
        { name: 'e', securityContext: profile('RuntimeDefault') },
      ],
    }),
    expected: {
      reason,
      detail: 'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      paths: [containerTypePath(0), containerTypePath(1)],
    },
  },
  {
    name: 'a present empty pod profile is the bad value "" and covers nothing (only the explicit form is reported)',
    pod: pod({ securityContext: profile(null), containers: [{ name: 'a' }] }),
    expected: {
      reason,
      detail: 'pod must not set securityContext.seccompProfile.type to ""',
      paths: [podTypePath],
    },
  },
  {
    name: 'an invalid pod value is reported even when every container overrides it',
    pod: pod({ securityContext: profile('Unconfined'), containers: [{ name: 'a', securityContext: profile('Localhost') }] }),
    expected: {
      reason,
      detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
      paths: [podTypePath],
    },
  },
  {
    name: 'the explicit form hides implicitly bad containers; values are a sorted set',
    pod: pod({
      securityContext: profile('Unconfined'),
      initContainers: [{ name: 'i' }],
      containers: [{ name: 'c', securityContext: profile(null) }, { name: 'd', securityContext: profile('Unconfined') }],
    }),
    expected: {
      reason,
      detail: 'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "", "Unconfined"',
      paths: [podTypePath, containerTypePath(0), containerTypePath(1)],
    },
  },
  {
    name: 'implicitly bad containers in visiting order',
    pod: pod({
      ephemeralContainers: [{ name: 'e' }],
      containers: [{ name: 'c', securityContext: { seccompProfile: null } }],
      initContainers: [{ name: 'i' }],
    }),
    expected: {
      reason,
      detail: 'pod or containers "i", "c", "e" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      paths: [
        ['spec', 'initContainers', 0, 'securityContext', 'seccompProfile', 'type'],
        containerTypePath(0),
        ['spec', 'ephemeralContainers', 0, 'securityContext', 'seccompProfile', 'type'],
      ],
    },
  },
  {
    name: 'a valid pod profile covers containers without their own',
    pod: pod({ securityContext: profile('Localhost'), containers: [{ name: 'a' }, { name: 'b', securityContext: {} }] }),
    expected: null,
  },
  {
    name: 'every container valid, pod unset',
    pod: pod({ containers: [{ name: 'a', securityContext: profile('RuntimeDefault') }, { name: 'b', securityContext: profile('Localhost') }] }),
    expected: null,
  },
  {
    name: 'annotations are ignored',
    pod: {
      metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' } },
      spec: { containers: [{ name: 'a' }] },
    },
    expected: {
      reason,
      detail: 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      paths: [containerTypePath(0)],
    },
  },
  {
    name: 'Windows detection is case-sensitive',
    pod: pod({ os: { name: 'Windows' }, containers: [{ name: 'a' }] }),
    expected: {
      reason,
      detail: 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      paths: [containerTypePath(0)],
    },
  },
];

describe.each([19, 25])('seccompProfile_restricted v1.%i basic rule', (minVersion) => {
  it.each(cases)('$name', ({ pod, expected }) => {
    expect(impl(minVersion).evaluate(pod)).toStrictEqual(expected);
  });
});

describe('seccompProfile_restricted Windows exemption', () => {
  const windowsPod = pod({ os: { name: 'windows' }, containers: [{ name: 'a' }] });
  const windowsUnconfined = pod({ os: { name: 'windows' }, securityContext: profile('Unconfined'), containers: [{ name: 'a' }] });

  it('(test, v1.25) a Windows pod with nothing set is allowed', () => {
    expect(impl(25).evaluate(windowsPod)).toBeNull();
    expect(impl(25).evaluate(windowsUnconfined)).toBeNull();
  });

  it('v1.19 does not exempt Windows pods', () => {
    expect(impl(19).evaluate(windowsPod)).toStrictEqual<Violation>({
      reason,
      detail: 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      paths: [containerTypePath(0)],
    });
    expect(impl(19).evaluate(windowsUnconfined)).toStrictEqual<Violation>({
      reason,
      detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
      paths: [podTypePath],
    });
  });
});
