import { describe, expect, it } from 'vitest';
import { hostPorts } from '../../../../src/pss/checks/hostPorts.js';
import type { JsonObject, JsonValue, PodInput, Violation } from '../../../../src/pss/types.js';

const evaluate = (p: PodInput) => {
  const found = hostPorts.implementations.find((i) => i.minVersion === 0);
  if (!found) throw new Error('no implementation v1.0');
  return found.evaluate(p);
};
const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
/** A container whose ports have the given hostPorts (undefined = no hostPort key). */
const c = (name: string, ...hostPortValues: (JsonValue | undefined)[]): JsonObject => ({
  name,
  ports: hostPortValues.map((hostPort, i) => (hostPort === undefined ? { containerPort: 80 + i } : { containerPort: 80 + i, hostPort })),
});
const portPath = (list: string, i: number, j: number) => ['spec', list, i, 'ports', j, 'hostPort'];

describe('hostPorts definition', () => {
  it('is a baseline check with a single v1.0 implementation', () => {
    expect(hostPorts.id).toBe('hostPorts');
    expect(hostPorts.level).toBe('baseline');
    expect(hostPorts.implementations.map((i) => i.minVersion)).toEqual([0]);
  });
});

describe('hostPorts failures', () => {
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    {
      name: '(test) b has ports 0 and 20',
      pod: pod({ containers: [c('a', 0), c('b', 0, 20)] }),
      expected: { reason: 'hostPort', detail: 'container "b" uses hostPort 20', paths: [portPath('containers', 1, 1)] },
    },
    {
      name: '(test) b has 0,10,20; c has 0,10,30',
      pod: pod({ containers: [c('a'), c('b', 0, 10, 20), c('c', 0, 10, 30)] }),
      expected: {
        reason: 'hostPort',
        detail: 'containers "b", "c" use hostPorts 10, 20, 30',
        paths: [portPath('containers', 1, 1), portPath('containers', 1, 2), portPath('containers', 2, 1), portPath('containers', 2, 2)],
      },
    },
    {
      name: '(fixture hostports2) container1 12345, initcontainer1 12346: init first, ports sorted',
      pod: pod({
        containers: [c('container1', 12345, undefined)],
        initContainers: [c('initcontainer1', 12346, undefined)],
      }),
      expected: {
        reason: 'hostPort',
        detail: 'containers "initcontainer1", "container1" use hostPorts 12345, 12346',
        paths: [portPath('initContainers', 0, 0), portPath('containers', 0, 0)],
      },
    },
    {
      name: 'ports are sorted as strings, de-duplicated; one distinct port is singular even with two containers',
      pod: pod({ containers: [c('a', 9, 10000)], ephemeralContainers: [c('e', 9)] }),
      expected: {
        reason: 'hostPort',
        detail: 'containers "a", "e" use hostPorts 10000, 9',
        paths: [portPath('containers', 0, 0), portPath('containers', 0, 1), portPath('ephemeralContainers', 0, 0)],
      },
    },
    {
      name: 'two containers, one distinct port: "use hostPort"',
      pod: pod({ containers: [c('a', 8080), c('b', 8080)] }),
      expected: {
        reason: 'hostPort',
        detail: 'containers "a", "b" use hostPort 8080',
        paths: [portPath('containers', 0, 0), portPath('containers', 1, 0)],
      },
    },
    {
      name: 'a negative hostPort is bad (sorted as a string: "-1" < "1")',
      pod: pod({ containers: [c('a', 1, -1)] }),
      expected: {
        reason: 'hostPort',
        detail: 'container "a" uses hostPorts -1, 1',
        paths: [portPath('containers', 0, 0), portPath('containers', 0, 1)],
      },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(name, () => {
      expect(evaluate(p)).toEqual(expected);
    });
  }
});

describe('hostPorts passes', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: 'no ports', pod: pod({ containers: [{ name: 'a' }] }) },
    { name: 'hostPort absent, 0 or null', pod: pod({ containers: [c('a', undefined, 0, null)] }) },
    { name: 'null ports list', pod: pod({ containers: [{ name: 'a', ports: null }] }) },
    {
      name: 'hostNetwork: true without hostPort (API-server defaulting is not applied here)',
      pod: pod({ hostNetwork: true, containers: [c('a', undefined)] }),
    },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(evaluate(p)).toBeNull();
    });
  }
});
