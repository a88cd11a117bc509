import { describe, expect, it } from 'vitest';
import { windowsHostProcess } from '../../../../src/pss/checks/windowsHostProcess.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

const v1_0 = windowsHostProcess.implementations.find((i) => i.minVersion === 0)!;

const reason = 'hostProcess';
const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
const hp = (value: boolean | null): JsonObject => ({ windowsOptions: { hostProcess: value } });

describe('windowsHostProcess definition', () => {
  it('is a baseline check with one v1.0 implementation', () => {
    expect(windowsHostProcess.id).toBe('windowsHostProcess');
    expect(windowsHostProcess.level).toBe('baseline');
    expect(windowsHostProcess.implementations.map((i) => i.minVersion)).toEqual([0]);
  });
});

type Case = { name: string; pod: PodInput; expected: Violation | null };

const cases: Case[] = [
  {
    name: '(test) pod true; e and f true',
    pod: pod({
      securityContext: hp(true),
      containers: [
        { name: 'a', securityContext: null },
        { name: 'b', securityContext: {} },
        { name: 'c', securityContext: { windowsOptions: {} } },
        { name: 'd', securityContext: hp(false) },
        { name: 'e', securityContext: hp(true) },
        { name: 'f', securityContext: hp(true) },
      ],
    }),
    expected: {
      reason,
      detail: 'pod and containers "e", "f" must not set securityContext.windowsOptions.hostProcess=true',
      paths: [
        ['spec', 'securityContext', 'windowsOptions', 'hostProcess'],
        ['spec', 'containers', 4, 'securityContext', 'windowsOptions', 'hostProcess'],
        ['spec', 'containers', 5, 'securityContext', 'windowsOptions', 'hostProcess'],
      ],
    },
  },
  {
    name: '(fixture windowshostprocess1) init containers first',
    pod: pod({
      containers: [{ name: 'container1', image: 'registry.k8s.io/pause', securityContext: hp(true) }],
      hostNetwork: true,
      initContainers: [{ name: 'initcontainer1', image: 'registry.k8s.io/pause', securityContext: hp(true) }],
      securityContext: { windowsOptions: {} },
    }),
    expected: {
      reason,
      detail: 'containers "initcontainer1", "container1" must not set securityContext.windowsOptions.hostProcess=true',
      paths: [
        ['spec', 'initContainers', 0, 'securityContext', 'windowsOptions', 'hostProcess'],
        ['spec', 'containers', 0, 'securityContext', 'windowsOptions', 'hostProcess'],
      ],
    },
  },
  {
    name: 'no precedence: pod true is reported although containers set false',
    pod: pod({ securityContext: hp(true), containers: [{ name: 'a', securityContext: hp(false) }] }),
    expected: {
      reason,
      detail: 'pod must not set securityContext.windowsOptions.hostProcess=true',
      paths: [['spec', 'securityContext', 'windowsOptions', 'hostProcess']],
    },
  },
  {
    name: 'an ephemeral container alone',
    pod: pod({ containers: [{ name: 'a' }], ephemeralContainers: [{ name: 'dbg', securityContext: hp(true) }] }),
    expected: {
      reason,
      detail: 'container "dbg" must not set securityContext.windowsOptions.hostProcess=true',
      paths: [['spec', 'ephemeralContainers', 0, 'securityContext', 'windowsOptions', 'hostProcess']],
    },
  },
  {
    name: 'does not depend on spec.os',
    pod: pod({ os: { name: 'linux' }, securityContext: hp(true) }),
    expected: {
      reason,
      detail: 'pod must not set securityContext.windowsOptions.hostProcess=true',
      paths: [['spec', 'securityContext', 'windowsOptions', 'hostProcess']],
    },
  },
  {
    name: 'false and null are allowed',
    pod: pod({ securityContext: hp(false), containers: [{ name: 'a', securityContext: hp(null) }, { name: 'b', securityContext: hp(false) }] }),
    expected: null,
  },
  {
    name: 'a Windows pod without hostProcess is allowed',
    pod: pod({ os: { name: 'windows' }, securityContext: { windowsOptions: { runAsUserName: 'x' } }, containers: [{ name: 'a' }] }),
    expected: null,
  },
];

describe('windowsHostProcess v1.0', () => {
  it.each(cases)('$name', ({ pod, expected }) => {
    expect(v1_0.evaluate(pod)).toStrictEqual(expected);
  });
});
