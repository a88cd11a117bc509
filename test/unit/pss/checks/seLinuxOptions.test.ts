import { describe, expect, it } from 'vitest';
import { seLinuxOptions } from '../../../../src/pss/checks/seLinuxOptions.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

function impl(minVersion: number) {
  return seLinuxOptions.implementations.find((i) => i.minVersion === minVersion)!;
}

const reason = 'seLinuxOptions';
const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
const podOpts = ['spec', 'securityContext', 'seLinuxOptions'];
const containerOpts = (i: number) => ['spec', 'containers', i, 'securityContext', 'seLinuxOptions'];
const withType = (name: string, type: string): JsonObject => ({ name, securityContext: { seLinuxOptions: { type } } });

const allowedContainers: JsonObject[] = [
  withType('a', 'container_t'),
  withType('b', 'container_init_t'),
  withType('c', 'container_kvm_t'),
  withType('d', 'container_engine_t'),
];

describe('seLinuxOptions definition', () => {
  it('is a baseline check with v1.0 and v1.31 implementations', () => {
    expect(seLinuxOptions.id).toBe('seLinuxOptions');
    expect(seLinuxOptions.level).toBe('baseline');
    expect(seLinuxOptions.implementations.map((i) => i.minVersion)).toEqual([0, 31]);
  });
});

type Case = { name: string; pod: PodInput; expected: Violation | null };

/** The upstream tests, run against the v1.31 implementation. */
const v1_31Cases: Case[] = [
  {
    name: '(test) invalid pod and containers',
    pod: pod({
      securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } },
      containers: [
        ...allowedContainers,
        withType('e', 'bar'),
        { name: 'f', securityContext: { seLinuxOptions: { user: 'bar' } } },
        { name: 'g', securityContext: { seLinuxOptions: { role: 'baz' } } },
      ],
    }),
    expected: {
      reason,
      detail:
        'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set',
      paths: [
        [...podOpts, 'type'],
        [...podOpts, 'user'],
        [...podOpts, 'role'],
        [...containerOpts(4), 'type'],
        [...containerOpts(5), 'user'],
        [...containerOpts(6), 'role'],
      ],
    },
  },
  {
    name: '(test) invalid pod',
    pod: pod({
      securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } },
      containers: allowedContainers,
    }),
    expected: {
      reason,
      detail: 'pod set forbidden securityContext.seLinuxOptions: type "foo"; user may not be set; role may not be set',
      paths: [
        [...podOpts, 'type'],
        [...podOpts, 'user'],
        [...podOpts, 'role'],
      ],
    },
  },
  {
    name: '(test) invalid containers, empty pod seLinuxOptions is fine',
    pod: pod({
      securityContext: { seLinuxOptions: {} },
      containers: [
        ...allowedContainers,
        withType('e', 'bar'),
        { name: 'f', securityContext: { seLinuxOptions: { user: 'bar' } } },
        { name: 'g', securityContext: { seLinuxOptions: { role: 'baz' } } },
      ],
    }),
    expected: {
      reason,
      detail:
        'containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: type "bar"; user may not be set; role may not be set',
      paths: [
        [...containerOpts(4), 'type'],
        [...containerOpts(5), 'user'],
        [...containerOpts(6), 'role'],
      ],
    },
  },
  {
    name: '(test) bad type',
    pod: pod({ securityContext: { seLinuxOptions: { type: 'bad' } } }),
    expected: {
      reason,
      detail: 'pod set forbidden securityContext.seLinuxOptions: type "bad"',
      paths: [[...podOpts, 'type']],
    },
  },
  {
    name: '(test) bad user',
    pod: pod({ securityContext: { seLinuxOptions: { user: 'bad' } } }),
    expected: {
      reason,
      detail: 'pod set forbidden securityContext.seLinuxOptions: user may not be set',
      paths: [[...podOpts, 'user']],
    },
  },
  {
    name: '(test) bad role',
    pod: pod({ securityContext: { seLinuxOptions: { role: 'bad' } } }),
    expected: {
      reason,
      detail: 'pod set forbidden securityContext.seLinuxOptions: role may not be set',
      paths: [[...podOpts, 'role']],
    },
  },
  {
    name: 'level is ignored; empty strings and nulls are fine',
    pod: pod({
      securityContext: { seLinuxOptions: { level: 's0:c123,c456', user: '', role: null, type: '' } },
      containers: [{ name: 'a', securityContext: { seLinuxOptions: { level: 's0' } } }],
    }),
    expected: null,
  },
  {
    name: 'a null seLinuxOptions is absent',
    pod: pod({ securityContext: { seLinuxOptions: null }, containers: [{ name: 'a', securityContext: { seLinuxOptions: null } }] }),
    expected: null,
  },
  {
    name: 'bad types are a sorted set; containers in visiting order',
    pod: pod({
      ephemeralContainers: [withType('e', 'spc_t')],
      containers: [withType('c', 'unconfined_t')],
      initContainers: [withType('i', 'spc_t')],
    }),
    expected: {
      reason,
      detail: 'containers "i", "c", "e" set forbidden securityContext.seLinuxOptions: types "spc_t", "unconfined_t"',
      paths: [
        ['spec', 'initContainers', 0, 'securityContext', 'seLinuxOptions', 'type'],
        ['spec', 'containers', 0, 'securityContext', 'seLinuxOptions', 'type'],
        ['spec', 'ephemeralContainers', 0, 'securityContext', 'seLinuxOptions', 'type'],
      ],
    },
  },
  {
    name: 'no precedence: a valid container does not hide a bad pod',
    pod: pod({ securityContext: { seLinuxOptions: { user: 'u' } }, containers: [withType('a', 'container_t')] }),
    expected: {
      reason,
      detail: 'pod set forbidden securityContext.seLinuxOptions: user may not be set',
      paths: [[...podOpts, 'user']],
    },
  },
  {
    name: 'container_engine_t is allowed from v1.31',
    pod: pod({ securityContext: { seLinuxOptions: { type: 'container_engine_t' } } }),
    expected: null,
  },
  {
    name: 'type matching is case-sensitive',
    pod: pod({ containers: [withType('a', 'Container_t')] }),
    expected: {
      reason,
      detail: 'container "a" set forbidden securityContext.seLinuxOptions: type "Container_t"',
      paths: [[...containerOpts(0), 'type']],
    },
  },
];

describe('seLinuxOptions v1.31', () => {
  it.each(v1_31Cases)('$name', ({ pod, expected }) => {
    expect(impl(31).evaluate(pod)).toStrictEqual(expected);
  });
});

describe('seLinuxOptions v1.0', () => {
  it('forbids container_engine_t', () => {
    const p = pod({
      securityContext: { seLinuxOptions: { type: 'container_engine_t' } },
      containers: allowedContainers,
    });
    expect(impl(0).evaluate(p)).toStrictEqual<Violation>({
      reason,
      detail: 'pod and container "d" set forbidden securityContext.seLinuxOptions: type "container_engine_t"',
      paths: [
        [...podOpts, 'type'],
        [...containerOpts(3), 'type'],
      ],
    });
    expect(impl(31).evaluate(p)).toBeNull();
  });

  it.each(['', 'container_t', 'container_init_t', 'container_kvm_t'])('allows type "%s"', (type) => {
    expect(impl(0).evaluate(pod({ containers: [withType('a', type)] }))).toBeNull();
  });

  it('applies the same user and role rules', () => {
    expect(impl(0).evaluate(v1_31Cases[0]!.pod)).toStrictEqual<Violation>({
      reason,
      detail:
        'pod and containers "d", "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "container_engine_t", "foo"; user may not be set; role may not be set',
      paths: [
        [...podOpts, 'type'],
        [...podOpts, 'user'],
        [...podOpts, 'role'],
        [...containerOpts(3), 'type'],
        [...containerOpts(4), 'type'],
        [...containerOpts(5), 'user'],
        [...containerOpts(6), 'role'],
      ],
    });
  });
});
