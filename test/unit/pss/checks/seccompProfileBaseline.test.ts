import { describe, expect, it } from 'vitest';
import { seccompProfileBaseline } from '../../../../src/pss/checks/seccompProfileBaseline.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

function impl(minVersion: number) {
  return seccompProfileBaseline.implementations.find((i) => i.minVersion === minVersion)!;
}

const reason = 'seccompProfile';
const podKey = 'seccomp.security.alpha.kubernetes.io/pod';
const containerKey = (name: string) => `container.seccomp.security.alpha.kubernetes.io/${name}`;
const annotationPath = (key: string) => ['metadata', 'annotations', key];

function annotated(annotations: JsonObject, containers: string[] = ['a']): PodInput {
  return { metadata: { annotations }, spec: { containers: containers.map((name) => ({ name })) } };
}

const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
const profile = (type: string | null): JsonObject => ({ seccompProfile: type === null ? {} : { type } });

describe('seccompProfile_baseline definition', () => {
  it('is a baseline check with v1.0 (annotations) and v1.19 (fields) implementations', () => {
    expect(seccompProfileBaseline.id).toBe('seccompProfile_baseline');
    expect(seccompProfileBaseline.level).toBe('baseline');
    expect(seccompProfileBaseline.implementations.map((i) => i.minVersion)).toEqual([0, 19]);
  });
});

type Case = { name: string; pod: PodInput; expected: Violation | null };

const v1_0Cases: Case[] = [
  {
    name: '(test) pod annotation unconfined',
    pod: annotated({ [podKey]: 'unconfined' }, []),
    expected: {
      reason,
      detail: 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"',
      paths: [annotationPath(podKey)],
    },
  },
  {
    name: '(test) container annotations',
    pod: annotated({ [containerKey('a')]: 'unconfined', [containerKey('b')]: 'unknown' }, ['a', 'b', 'c']),
    expected: {
      reason,
      detail:
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown"',
      paths: [annotationPath(containerKey('a')), annotationPath(containerKey('b'))],
    },
  },
  {
    name: '(test) pod and container annotations, sorted',
    pod: annotated(
      { [podKey]: 'unconfined', [containerKey('a')]: 'unconfined', [containerKey('b')]: 'unknown' },
      ['a', 'b', 'c'],
    ),
    expected: {
      reason,
      detail:
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
      paths: [annotationPath(containerKey('a')), annotationPath(containerKey('b')), annotationPath(podKey)],
    },
  },
  {
    name: 'the empty string is forbidden',
    pod: annotated({ [podKey]: '' }),
    expected: {
      reason,
      detail: 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod=""',
      paths: [annotationPath(podKey)],
    },
  },
  {
    name: 'values are goQuoted (quotes, backslash, control, non-printable, printable non-ASCII)',
    pod: annotated({ [podKey]: 'a"b\\c\nd\u00a0é\x01' }),
    expected: {
      reason,
      detail: 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="a\\"b\\\\c\\nd\\u00a0é\\x01"',
      paths: [annotationPath(podKey)],
    },
  },
  {
    name: 'entries are sorted as key="value" strings, and paths follow that order',
    pod: annotated({ [containerKey('a')]: 'x', [containerKey('a-b')]: 'x' }, ['a', 'a-b']),
    expected: {
      reason,
      detail:
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a-b="x", container.seccomp.security.alpha.kubernetes.io/a="x"',
      paths: [annotationPath(containerKey('a-b')), annotationPath(containerKey('a'))],
    },
  },
  {
    name: 'init and ephemeral container names are checked',
    pod: {
      metadata: { annotations: { [containerKey('init')]: 'unconfined', [containerKey('dbg')]: 'unconfined' } },
      spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'a' }], ephemeralContainers: [{ name: 'dbg' }] },
    },
    expected: {
      reason,
      detail:
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/dbg="unconfined", container.seccomp.security.alpha.kubernetes.io/init="unconfined"',
      paths: [annotationPath(containerKey('dbg')), annotationPath(containerKey('init'))],
    },
  },
  {
    name: 'duplicate entries form a set (one entry, one path)',
    pod: annotated({ [containerKey('a')]: 'unconfined' }, ['a', 'a']),
    expected: {
      reason,
      detail: 'forbidden annotation container.seccomp.security.alpha.kubernetes.io/a="unconfined"',
      paths: [annotationPath(containerKey('a'))],
    },
  },
  {
    name: 'annotations for names that are not containers are ignored',
    pod: annotated({ [containerKey('ghost')]: 'unconfined', [containerKey('')]: 'unconfined' }, ['a']),
    expected: null,
  },
  {
    name: 'allowed values',
    pod: annotated(
      {
        [podKey]: 'runtime/default',
        [containerKey('a')]: 'docker/default',
        [containerKey('b')]: 'localhost/profile.json',
        [containerKey('c')]: 'localhost/',
      },
      ['a', 'b', 'c'],
    ),
    expected: null,
  },
  {
    name: 'values are case-sensitive',
    pod: annotated({ [podKey]: 'Runtime/Default' }),
    expected: {
      reason,
      detail: 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="Runtime/Default"',
      paths: [annotationPath(podKey)],
    },
  },
  {
    name: 'a null annotation value counts as absent',
    pod: annotated({ [podKey]: null }),
    expected: null,
  },
  {
    name: 'fields are ignored',
    pod: pod({ securityContext: profile('Unconfined'), containers: [{ name: 'a', securityContext: profile(null) }] }),
    expected: null,
  },
];

describe('seccompProfile_baseline v1.0 (annotations)', () => {
  it.each(v1_0Cases)('$name', ({ pod, expected }) => {
    expect(impl(0).evaluate(pod)).toStrictEqual(expected);
  });
});

const v1_19Cases: Case[] = [
  {
    name: '(test) pod seccomp invalid',
    pod: pod({ securityContext: profile('Unconfined'), containers: [{ name: 'a', securityContext: null }] }),
    expected: {
      reason,
      detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
      paths: [['spec', 'securityContext', 'seccompProfile', 'type']],
    },
  },
  {
    name: '(test) containers seccomp invalid',
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
      paths: [
        ['spec', 'containers', 2, 'securityContext', 'seccompProfile', 'type'],
        ['spec', 'containers', 3, 'securityContext', 'seccompProfile', 'type'],
      ],
    },
  },
  {
    name: '(test) pod and containers seccomp invalid',
    pod: pod({
      securityContext: profile('Unconfined'),
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
      detail: 'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
      paths: [
        ['spec', 'securityContext', 'seccompProfile', 'type'],
        ['spec', 'containers', 2, 'securityContext', 'seccompProfile', 'type'],
        ['spec', 'containers', 3, 'securityContext', 'seccompProfile', 'type'],
      ],
    },
  },
  {
    name: 'a present empty seccompProfile is the bad value ""; bad values are a sorted set',
    pod: pod({
      securityContext: profile('Unconfined'),
      initContainers: [{ name: 'i', securityContext: profile(null) }],
      containers: [{ name: 'c', securityContext: { seccompProfile: { type: null } } }],
    }),
    expected: {
      reason,
      detail: 'pod and containers "i", "c" must not set securityContext.seccompProfile.type to "", "Unconfined"',
      paths: [
        ['spec', 'securityContext', 'seccompProfile', 'type'],
        ['spec', 'initContainers', 0, 'securityContext', 'seccompProfile', 'type'],
        ['spec', 'containers', 0, 'securityContext', 'seccompProfile', 'type'],
      ],
    },
  },
  {
    name: 'no precedence: a bad pod is reported although every container is valid',
    pod: pod({ securityContext: profile('Unconfined'), containers: [{ name: 'a', securityContext: profile('Localhost') }] }),
    expected: {
      reason,
      detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
      paths: [['spec', 'securityContext', 'seccompProfile', 'type']],
    },
  },
  {
    name: 'absent profiles are fine (setting one is not required at baseline)',
    pod: pod({ containers: [{ name: 'a' }, { name: 'b', securityContext: { seccompProfile: null } }] }),
    expected: null,
  },
  {
    name: 'RuntimeDefault and Localhost are allowed',
    pod: pod({
      securityContext: profile('RuntimeDefault'),
      containers: [{ name: 'a', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } } }],
    }),
    expected: null,
  },
  {
    name: 'annotations are ignored',
    pod: annotated({ [podKey]: 'unconfined', [containerKey('a')]: 'unconfined' }),
    expected: null,
  },
];

describe('seccompProfile_baseline v1.19 (fields)', () => {
  it.each(v1_19Cases)('$name', ({ pod, expected }) => {
    expect(impl(19).evaluate(pod)).toStrictEqual(expected);
  });
});
