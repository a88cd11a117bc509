import { describe, expect, it } from 'vitest';
import { sysctls } from '../../../../src/pss/checks/sysctls.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

function impl(minVersion: number) {
  return sysctls.implementations.find((i) => i.minVersion === minVersion)!;
}

const reason = 'forbidden sysctls';
const versions = [0, 27, 29, 32, 37];
const namePath = (i: number) => ['spec', 'securityContext', 'sysctls', i, 'name'];

function podWithSysctls(entries: JsonObject[]): PodInput {
  return { metadata: {}, spec: { securityContext: { sysctls: entries }, containers: [{ name: 'a' }] } };
}

/** Every allowed name and the version that first allows it. */
const introduced: [string, number][] = [
  ['kernel.shm_rmid_forced', 0],
  ['net.ipv4.ip_local_port_range', 0],
  ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0],
  ['net.ipv4.ip_unprivileged_port_start', 0],
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
  ['net.ipv4.tcp_rmem', 32],
  ['net.ipv4.tcp_wmem', 32],
  ['net.ipv4.tcp_slow_start_after_idle', 37],
  ['net.ipv4.tcp_notsent_lowat', 37],
];

describe('sysctls definition', () => {
  it('is a baseline check whose allowed set grows at v1.27, v1.29, v1.32 and v1.37', () => {
    expect(sysctls.id).toBe('sysctls');
    expect(sysctls.level).toBe('baseline');
    expect(sysctls.implementations.map((i) => i.minVersion)).toEqual(versions);
  });
});

describe.each(versions)('sysctls v1.%i', (version) => {
  it('(test) reports forbidden names joined without quotes', () => {
    expect(impl(version).evaluate(podWithSysctls([{ name: 'a' }, { name: 'b' }]))).toStrictEqual<Violation>({
      reason,
      detail: 'a, b',
      paths: [namePath(0), namePath(1)],
    });
  });

  it('keeps spec order, does not sort or de-duplicate, and skips allowed names', () => {
    const entries = [{ name: 'z.y' }, { name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'a.b' }, { name: 'z.y' }];
    expect(impl(version).evaluate(podWithSysctls(entries))).toStrictEqual<Violation>({
      reason,
      detail: 'z.y, a.b, z.y',
      paths: [namePath(0), namePath(2), namePath(3)],
    });
  });

  it('rejects names written with "/" separators', () => {
    expect(impl(version).evaluate(podWithSysctls([{ name: 'net/ipv4/tcp_syncookies', value: '1' }]))).toStrictEqual<Violation>({
      reason,
      detail: 'net/ipv4/tcp_syncookies',
      paths: [namePath(0)],
    });
  });

  it.each(introduced)('%s (allowed from v1.%i)', (name, since) => {
    const result = impl(version).evaluate(podWithSysctls([{ name, value: '1' }]));
    if (version >= since) {
      expect(result).toBeNull();
    } else {
      expect(result).toStrictEqual<Violation>({ reason, detail: name, paths: [namePath(0)] });
    }
  });

  it('passes pods without sysctls', () => {
    expect(impl(version).evaluate({ metadata: {}, spec: { containers: [{ name: 'a' }] } })).toBeNull();
    expect(impl(version).evaluate({ metadata: {}, spec: { securityContext: { sysctls: null } } })).toBeNull();
    expect(impl(version).evaluate(podWithSysctls([]))).toBeNull();
  });
});

describe('sysctls version differences', () => {
  it('(test, v1.0) net.ipv4.ip_local_reserved_ports is forbidden, and allowed from v1.27', () => {
    const pod = podWithSysctls([{ name: 'net.ipv4.ip_local_reserved_ports', value: '1024-4999' }]);
    expect(impl(0).evaluate(pod)).toStrictEqual<Violation>({
      reason,
      detail: 'net.ipv4.ip_local_reserved_ports',
      paths: [namePath(0)],
    });
    expect(impl(27).evaluate(pod)).toBeNull();
  });

  it('reports only the names not yet allowed at the version, in spec order', () => {
    const pod = podWithSysctls([
      { name: 'net.ipv4.tcp_notsent_lowat' },
      { name: 'net.ipv4.tcp_rmem' },
      { name: 'net.ipv4.tcp_fin_timeout' },
      { name: 'net.ipv4.ip_local_reserved_ports' },
    ]);
    expect(impl(0).evaluate(pod)?.detail).toBe(
      'net.ipv4.tcp_notsent_lowat, net.ipv4.tcp_rmem, net.ipv4.tcp_fin_timeout, net.ipv4.ip_local_reserved_ports',
    );
    expect(impl(27).evaluate(pod)?.detail).toBe('net.ipv4.tcp_notsent_lowat, net.ipv4.tcp_rmem, net.ipv4.tcp_fin_timeout');
    expect(impl(29).evaluate(pod)?.paths).toStrictEqual([namePath(0), namePath(1)]);
    expect(impl(32).evaluate(pod)).toStrictEqual<Violation>({
      reason,
      detail: 'net.ipv4.tcp_notsent_lowat',
      paths: [namePath(0)],
    });
    expect(impl(37).evaluate(pod)).toBeNull();
  });
});
