import { describe, expect, it } from 'vitest';
import { hostProbesAndHostLifecycle } from '../../../../src/pss/checks/hostProbesAndHostLifecycle.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

const evaluate = (p: PodInput) => {
  const found = hostProbesAndHostLifecycle.implementations.find((i) => i.minVersion === 34);
  if (!found) throw new Error('no implementation v1.34');
  return found.evaluate(p);
};
const pod = (spec: JsonObject): PodInput => ({ metadata: {}, spec });
const reason = 'probe or lifecycle host';

describe('hostProbesAndHostLifecycle definition', () => {
  it('is a baseline check whose only implementation starts at v1.34', () => {
    expect(hostProbesAndHostLifecycle.id).toBe('hostProbesAndHostLifecycle');
    expect(hostProbesAndHostLifecycle.level).toBe('baseline');
    expect(hostProbesAndHostLifecycle.implementations.map((i) => i.minVersion)).toEqual([34]);
  });
});

describe('hostProbesAndHostLifecycle failures', () => {
  const cases: { name: string; pod: PodInput; expected: Violation }[] = [
    {
      name: '(test) one container with hosts 127.0.0.1, ::1 and localhost',
      pod: pod({
        containers: [
          {
            name: 'a',
            livenessProbe: { httpGet: { host: '127.0.0.1' } },
            readinessProbe: { tcpSocket: { host: '::1' } },
            startupProbe: { httpGet: { host: 'localhost' } },
          },
        ],
      }),
      expected: {
        reason,
        detail: 'container "a" uses probe or lifecycle hosts "127.0.0.1", "::1", "localhost"',
        paths: [
          ['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'host'],
          ['spec', 'containers', 0, 'readinessProbe', 'tcpSocket', 'host'],
          ['spec', 'containers', 0, 'startupProbe', 'httpGet', 'host'],
        ],
      },
    },
    {
      name: '(test) invalid1 (a.com), invalid2 (b.com and a.com)',
      pod: pod({
        containers: [
          { name: 'valid', livenessProbe: { httpGet: { port: 80 } } },
          { name: 'invalid1', livenessProbe: { httpGet: { host: 'a.com' } } },
          { name: 'invalid2', readinessProbe: { httpGet: { host: 'b.com' }, tcpSocket: { host: 'a.com' } } },
        ],
      }),
      expected: {
        reason,
        detail: 'containers "invalid1", "invalid2" use probe or lifecycle hosts "a.com", "b.com"',
        paths: [
          ['spec', 'containers', 1, 'livenessProbe', 'httpGet', 'host'],
          ['spec', 'containers', 2, 'readinessProbe', 'httpGet', 'host'],
          ['spec', 'containers', 2, 'readinessProbe', 'tcpSocket', 'host'],
        ],
      },
    },
    {
      name: '(fixture hostprobesandhostlifecycle0) liveness httpGet bad.host',
      pod: pod({
        containers: [{ name: 'container1', livenessProbe: { httpGet: { host: 'bad.host', port: 8080 } } }],
        initContainers: [{ name: 'initcontainer1' }],
      }),
      expected: {
        reason,
        detail: 'container "container1" uses probe or lifecycle host "bad.host"',
        paths: [['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'host']],
      },
    },
    {
      name: '(fixture hostprobesandhostlifecycle1) init container readiness tcpSocket 8.8.8.8',
      pod: pod({
        containers: [{ name: 'container1' }],
        initContainers: [{ name: 'initcontainer1', restartPolicy: 'Always', readinessProbe: { tcpSocket: { host: '8.8.8.8', port: 8080 } } }],
      }),
      expected: {
        reason,
        detail: 'container "initcontainer1" uses probe or lifecycle host "8.8.8.8"',
        paths: [['spec', 'initContainers', 0, 'readinessProbe', 'tcpSocket', 'host']],
      },
    },
    {
      name: '(fixture hostprobesandhostlifecycle2) lifecycle postStart httpGet bad.host',
      pod: pod({ containers: [{ name: 'container1', lifecycle: { postStart: { httpGet: { host: 'bad.host', port: 8080 } } } }] }),
      expected: {
        reason,
        detail: 'container "container1" uses probe or lifecycle host "bad.host"',
        paths: [['spec', 'containers', 0, 'lifecycle', 'postStart', 'httpGet', 'host']],
      },
    },
    {
      name: 'lifecycle preStop tcpSocket and httpGet; probes before lifecycle in the paths',
      pod: pod({
        ephemeralContainers: [
          {
            name: 'e',
            lifecycle: { preStop: { tcpSocket: { host: 'x' }, httpGet: { host: 'y' } } },
            startupProbe: { tcpSocket: { host: 'x' } },
          },
        ],
      }),
      expected: {
        reason,
        detail: 'container "e" uses probe or lifecycle hosts "x", "y"',
        paths: [
          ['spec', 'ephemeralContainers', 0, 'startupProbe', 'tcpSocket', 'host'],
          ['spec', 'ephemeralContainers', 0, 'lifecycle', 'preStop', 'httpGet', 'host'],
          ['spec', 'ephemeralContainers', 0, 'lifecycle', 'preStop', 'tcpSocket', 'host'],
        ],
      },
    },
    {
      name: 'container names are sorted (not visiting order); paths stay in visiting order',
      pod: pod({
        initContainers: [{ name: 'z', livenessProbe: { httpGet: { host: 'h' } } }],
        containers: [{ name: 'B', livenessProbe: { httpGet: { host: 'h' } } }, { name: 'a', lifecycle: { postStart: { tcpSocket: { host: 'h' } } } }],
      }),
      expected: {
        reason,
        detail: 'containers "B", "a", "z" use probe or lifecycle host "h"',
        paths: [
          ['spec', 'initContainers', 0, 'livenessProbe', 'httpGet', 'host'],
          ['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'host'],
          ['spec', 'containers', 1, 'lifecycle', 'postStart', 'tcpSocket', 'host'],
        ],
      },
    },
    {
      name: 'container names are de-duplicated',
      pod: pod({
        initContainers: [{ name: 'x', livenessProbe: { httpGet: { host: 'h1' } } }],
        containers: [{ name: 'x', livenessProbe: { httpGet: { host: 'h2' } } }],
      }),
      expected: {
        reason,
        detail: 'container "x" uses probe or lifecycle hosts "h1", "h2"',
        paths: [
          ['spec', 'initContainers', 0, 'livenessProbe', 'httpGet', 'host'],
          ['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'host'],
        ],
      },
    },
  ];
  for (const { name, pod: p, expected } of cases) {
    it(name, () => {
      expect(evaluate(p)).toEqual(expected);
    });
  }
});

describe('hostProbesAndHostLifecycle passes', () => {
  const cases: { name: string; pod: PodInput }[] = [
    { name: '(fixture hostprobesandhostlifecycle0) no probes', pod: pod({ containers: [{ name: 'container1' }], initContainers: [{ name: 'initcontainer1' }] }) },
    { name: '(fixture hostprobesandhostlifecycle1) httpGet without host', pod: pod({ containers: [{ name: 'container1', livenessProbe: { httpGet: { port: 8080 } } }] }) },
    { name: '(fixture hostprobesandhostlifecycle2) tcpSocket without host', pod: pod({ containers: [{ name: 'container1', readinessProbe: { tcpSocket: { port: 8080 } } }] }) },
    {
      name: 'empty and null hosts, empty actions, null probes and lifecycle',
      pod: pod({
        containers: [
          {
            name: 'a',
            livenessProbe: { httpGet: { host: '' }, tcpSocket: { host: null } },
            readinessProbe: null,
            startupProbe: { httpGet: {} },
            lifecycle: { postStart: { httpGet: { host: '' } }, preStop: null },
          },
          { name: 'b', lifecycle: null },
        ],
      }),
    },
    {
      name: 'grpc, exec and sleep handlers are ignored; hosts elsewhere are not this check',
      pod: pod({
        containers: [
          {
            name: 'a',
            livenessProbe: { grpc: { port: 1, service: 'localhost' }, exec: { command: ['curl', 'evil.host'] } },
            lifecycle: { preStop: { sleep: { seconds: 1 } }, postStart: { exec: { command: ['x'] } } },
            readinessProbe: { host: 'not-under-an-action' },
          },
        ],
      }),
    },
  ];
  for (const { name, pod: p } of cases) {
    it(name, () => {
      expect(evaluate(p)).toBeNull();
    });
  }
});
