import { describe, expect, it } from 'vitest';
import { appArmorProfile } from '../../../../src/pss/checks/appArmorProfile.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

const evaluate = (p: PodInput) => {
  const found = appArmorProfile.implementations.find((i) => i.minVersion === 0);
  if (!found) throw new Error('no implementation v1.0');
  return found.evaluate(p);
};

const P = 'container.apparmor.security.beta.kubernetes.io/';
const pod = (spec: JsonObject, metadata: JsonObject = {}): PodInput => ({ metadata, spec });
const profile = (type: string | null | undefined): JsonObject =>
  type === undefined ? { appArmorProfile: {} } : { appArmorProfile: { type } };
const c = (name: string, securityContext?: JsonObject): JsonObject =>
  securityContext === undefined ? { name } : { name, securityContext };

describe('appArmorProfile definition', () => {
  it('is a baseline check with a single v1.0 implementation', () => {
    expect(appArmorProfile.id).toBe('appArmorProfile');
    expect(appArmorProfile.level).toBe('baseline');
    expect(appArmorProfile.implementations.map((i) => i.minVersion)).toEqual([0]);
  });
});

describe('appArmorProfile failures', () => {
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    {
      name: '(test) pod Unconfined',
      pod: pod({ securityContext: profile('Unconfined'), containers: [c('a')] }),
      expected: {
        reason: 'forbidden AppArmor profile',
        detail: 'pod must not set AppArmor profile type to "Unconfined"',
        paths: [['spec', 'securityContext', 'appArmorProfile', 'type']],
      },
    },
    {
      name: '(test) init container bar Unconfined, pod RuntimeDefault',
      pod: pod({
        securityContext: profile('RuntimeDefault'),
        initContainers: [c('bar', profile('Unconfined'))],
        containers: [c('foo')],
      }),
      expected: {
        reason: 'forbidden AppArmor profile',
        detail: 'container "bar" must not set AppArmor profile type to "Unconfined"',
        paths: [['spec', 'initContainers', 0, 'securityContext', 'appArmorProfile', 'type']],
      },
    },
    {
      name: '(test) annotations: bare prefix bogus, a empty, b runtime/default, c localhost/, d localhost/foo, e unconfined, f unknown',
      pod: pod(
        { containers: [c('a')] },
        {
          annotations: {
            [P]: 'bogus',
            [`${P}a`]: '',
            [`${P}b`]: 'runtime/default',
            [`${P}c`]: 'localhost/',
            [`${P}d`]: 'localhost/foo',
            [`${P}e`]: 'unconfined',
            [`${P}f`]: 'unknown',
          },
        },
      ),
      expected: {
        reason: 'forbidden AppArmor profiles',
        detail:
          'annotations must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/="bogus"", "container.apparmor.security.beta.kubernetes.io/e="unconfined"", "container.apparmor.security.beta.kubernetes.io/f="unknown""',
        paths: [
          ['metadata', 'annotations', P],
          ['metadata', 'annotations', `${P}e`],
          ['metadata', 'annotations', `${P}f`],
        ],
      },
    },
    {
      name: '(fixture apparmorprofile0) annotation for container1 unconfined',
      pod: pod(
        { initContainers: [c('initcontainer1')], containers: [c('container1')] },
        { name: 'apparmorprofile0', annotations: { [`${P}container1`]: 'unconfined' } },
      ),
      expected: {
        reason: 'forbidden AppArmor profile',
        detail:
          'annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/container1="unconfined""',
        paths: [['metadata', 'annotations', `${P}container1`]],
      },
    },
    {
      name: 'pod and container with the same bad value: singular reason (counts values, not setters)',
      pod: pod({ securityContext: profile('Unconfined'), containers: [c('a', profile('Unconfined'))] }),
      expected: {
        reason: 'forbidden AppArmor profile',
        detail: 'pod and container "a" must not set AppArmor profile type to "Unconfined"',
        paths: [
          ['spec', 'securityContext', 'appArmorProfile', 'type'],
          ['spec', 'containers', 0, 'securityContext', 'appArmorProfile', 'type'],
        ],
      },
    },
    {
      name: 'a present empty profile is the bad value "" (and a null type too)',
      pod: pod({ securityContext: profile(undefined), containers: [c('a', profile(null))] }),
      expected: {
        reason: 'forbidden AppArmor profile',
        detail: 'pod and container "a" must not set AppArmor profile type to ""',
        paths: [
          ['spec', 'securityContext', 'appArmorProfile', 'type'],
          ['spec', 'containers', 0, 'securityContext', 'appArmorProfile', 'type'],
        ],
      },
    },
    {
      name: 'pod, containers and annotation together: values sorted, annotations after; paths pod, containers, annotations',
      pod: pod(
        {
          securityContext: profile('foo'),
          initContainers: [c('i', profile('Localhost'))],
          containers: [c('a', profile('Unconfined')), c('b', profile('foo'))],
          ephemeralContainers: [c('e', profile('runtimeDefault'))],
        },
        { annotations: { [`${P}a`]: 'unconfined', other: 'x' } },
      ),
      expected: {
        reason: 'forbidden AppArmor profiles',
        detail:
          'pod and containers "a", "b", "e" and annotation must not set AppArmor profile type to "Unconfined", "foo", "runtimeDefault", "container.apparmor.security.beta.kubernetes.io/a="unconfined""',
        paths: [
          ['spec', 'securityContext', 'appArmorProfile', 'type'],
          ['spec', 'containers', 0, 'securityContext', 'appArmorProfile', 'type'],
          ['spec', 'containers', 1, 'securityContext', 'appArmorProfile', 'type'],
          ['spec', 'ephemeralContainers', 0, 'securityContext', 'appArmorProfile', 'type'],
          ['metadata', 'annotations', `${P}a`],
        ],
      },
    },
    {
      name: 'a bad pod profile is reported even when every container overrides it',
      pod: pod({ securityContext: profile('Unconfined'), containers: [c('a', profile('RuntimeDefault'))] }),
      expected: {
        reason: 'forbidden AppArmor profile',
        detail: 'pod must not set AppArmor profile type to "Unconfined"',
        paths: [['spec', 'securityContext', 'appArmorProfile', 'type']],
      },
    },
    {
      name: 'type matching is case-sensitive',
      pod: pod({ containers: [c('a', profile('localhost')), c('b', profile('RUNTIMEDEFAULT'))] }),
      expected: {
        reason: 'forbidden AppArmor profiles',
        detail: 'containers "a", "b" must not set AppArmor profile type to "RUNTIMEDEFAULT", "localhost"',
        paths: [
          ['spec', 'containers', 0, 'securityContext', 'appArmorProfile', 'type'],
          ['spec', 'containers', 1, 'securityContext', 'appArmorProfile', 'type'],
        ],
      },
    },
    {
      name: 'annotation values are case-sensitive; keys without the exact prefix are ignored',
      pod: pod(
        { containers: [c('a')] },
        {
          annotations: {
            [`${P}x`]: 'Runtime/Default',
            [`${P}y`]: 'Localhost/foo',
            [`${P}z`]: 'localhost',
            'Container.apparmor.security.beta.kubernetes.io/a': 'unconfined',
            'container.apparmor.security.beta.kubernetes.io': 'unconfined',
          },
        },
      ),
      expected: {
        reason: 'forbidden AppArmor profiles',
        detail:
          'annotations must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/x="Runtime/Default"", "container.apparmor.security.beta.kubernetes.io/y="Localhost/foo"", "container.apparmor.security.beta.kubernetes.io/z="localhost""',
        paths: [
          ['metadata', 'annotations', `${P}x`],
          ['metadata', 'annotations', `${P}y`],
          ['metadata', 'annotations', `${P}z`],
        ],
      },
    },
    {
      name: 'annotations are sorted by the formatted key=value entry (byte-wise), not by key',
      pod: pod(
        { containers: [c('a')] },
        { annotations: { [`${P}a`]: 'x', [`${P}a-b`]: 'x', [`${P}B`]: 'x' } },
      ),
      expected: {
        reason: 'forbidden AppArmor profiles',
        detail:
          'annotations must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/B="x"", "container.apparmor.security.beta.kubernetes.io/a-b="x"", "container.apparmor.security.beta.kubernetes.io/a="x""',
        paths: [
          ['metadata', 'annotations', `${P}B`],
          ['metadata', 'annotations', `${P}a-b`],
          ['metadata', 'annotations', `${P}a`],
        ],
      },
    },
    {
      name: 'annotation values are Go-quoted',
      pod: pod({ containers: [c('a')] }, { annotations: { [`${P}a`]: 'un"con\nfined\\' } }),
      expected: {
        reason: 'forbidden AppArmor profile',
        detail:
          'annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="un\\"con\\nfined\\\\""',
        paths: [['metadata', 'annotations', `${P}a`]],
      },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(name, () => {
      expect(evaluate(p)).toEqual(expected);
    });
  }
});

describe('appArmorProfile passes', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: 'no profile anywhere', pod: pod({ containers: [c('a')] }) },
    { name: 'null profiles are absent', pod: pod({ securityContext: { appArmorProfile: null }, containers: [c('a', { appArmorProfile: null })] }) },
    {
      name: 'RuntimeDefault and Localhost',
      pod: pod({
        securityContext: profile('RuntimeDefault'),
        containers: [c('a', { appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } }), c('b', profile('RuntimeDefault'))],
      }),
    },
    {
      name: 'allowed annotation values: empty, runtime/default, localhost/ prefix',
      pod: pod(
        { containers: [c('a')] },
        { annotations: { [`${P}a`]: '', [`${P}b`]: 'runtime/default', [`${P}c`]: 'localhost/', [`${P}d`]: 'localhost/foo' } },
      ),
    },
    { name: 'unrelated annotations with bad-looking values', pod: pod({ containers: [c('a')] }, { annotations: { foo: 'unconfined' } }) },
    { name: 'null annotations', pod: pod({ containers: [c('a')] }, { annotations: null }) },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(evaluate(p)).toBeNull();
    });
  }
});
