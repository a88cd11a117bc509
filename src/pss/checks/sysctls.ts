/**
 * sysctls (baseline, v1.0+; the allowed set grows at v1.27, v1.29, v1.32, v1.37)
 *
 * Restricted field: spec.securityContext.sysctls[*].name (values are ignored).
 * Allowed names (exact match, cumulative):
 *   v1.0:  kernel.shm_rmid_forced, net.ipv4.ip_local_port_range,
 *          net.ipv4.tcp_syncookies, net.ipv4.ping_group_range,
 *          net.ipv4.ip_unprivileged_port_start
 *   v1.27: + net.ipv4.ip_local_reserved_ports
 *   v1.29: + net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout,
 *            net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes
 *   v1.32: + net.ipv4.tcp_rmem, net.ipv4.tcp_wmem
 *   v1.37: + net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat
 * The forbidden names are reported in spec order, not sorted, not
 * de-duplicated, not quoted.
 */
import { isObject, list, obj, str } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

const allowedV1_0: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
]);
const allowedV1_27: ReadonlySet<string> = new Set([...allowedV1_0, 'net.ipv4.ip_local_reserved_ports']);
const allowedV1_29: ReadonlySet<string> = new Set([
  ...allowedV1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);
const allowedV1_32: ReadonlySet<string> = new Set([...allowedV1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']);
export const allowedV1_37: ReadonlySet<string> = new Set([
  ...allowedV1_32,
  'net.ipv4.tcp_slow_start_after_idle',
  'net.ipv4.tcp_notsent_lowat',
]);

function sysctlsWith(pod: PodInput, allowed: ReadonlySet<string>): Violation | null {
  const forbidden: string[] = [];
  const paths: FieldPath[] = [];
  list(obj(pod.spec, 'securityContext'), 'sysctls').forEach((sysctl, index) => {
    if (!isObject(sysctl)) return;
    const name = str(sysctl, 'name');
    if (allowed.has(name)) return;
    forbidden.push(name);
    paths.push(['spec', 'securityContext', 'sysctls', index, 'name']);
  });
  if (forbidden.length === 0) return null;
  return { reason: 'forbidden sysctls', detail: forbidden.join(', '), paths };
}

function sysctlsV1_0(pod: PodInput): Violation | null {
  return sysctlsWith(pod, allowedV1_0);
}

function sysctlsV1_27(pod: PodInput): Violation | null {
  return sysctlsWith(pod, allowedV1_27);
}

function sysctlsV1_29(pod: PodInput): Violation | null {
  return sysctlsWith(pod, allowedV1_29);
}

function sysctlsV1_32(pod: PodInput): Violation | null {
  return sysctlsWith(pod, allowedV1_32);
}

function sysctlsV1_37(pod: PodInput): Violation | null {
  return sysctlsWith(pod, allowedV1_37);
}

export const sysctls: CheckDefinition = {
  id: 'sysctls',
  level: 'baseline',
  implementations: [
    { minVersion: 0, evaluate: sysctlsV1_0 },
    { minVersion: 27, evaluate: sysctlsV1_27 },
    { minVersion: 29, evaluate: sysctlsV1_29 },
    { minVersion: 32, evaluate: sysctlsV1_32 },
    { minVersion: 37, evaluate: sysctlsV1_37 },
  ],
};
