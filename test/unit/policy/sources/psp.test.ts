/** PodSecurityPolicy leftovers: the mapping to the closest level, and which PSPs a change touched. */
import { describe, expect, it } from 'vitest';
import { parseFilePatch } from '../../../../src/diff/parse.js';
import { policyContext } from '../../../../src/findings/policyContext.js';
import { evaluateFiles } from '../../../../src/findings/evaluateFiles.js';
import { mapPodSecurityPolicy } from '../../../../src/policy/sources/psp.js';
import { evaluateChangeSet } from '../../../../src/scope/scope.js';

const restrictedSpec = {
  privileged: false,
  allowPrivilegeEscalation: false,
  requiredDropCapabilities: ['ALL'],
  volumes: ['configMap', 'secret'],
  runAsUser: { rule: 'MustRunAsNonRoot' },
  seLinux: { rule: 'RunAsAny' },
};
const seccomp = { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'runtime/default' };

describe('mapPodSecurityPolicy', () => {
  it.each([
    ['restricted as written', {}, [], []],
    ['a privileged container', { privileged: true }, ['privileged: true'], []],
    ['host namespaces and ports', { hostPID: true, hostPorts: [{ min: 80, max: 80 }] }, ['hostPID: true', 'hostPorts'], []],
    ['every volume type', { volumes: ['*'] }, ['volumes *'], null],
    ['a capability beyond baseline', { allowedCapabilities: ['NET_ADMIN'] }, ['allowedCapabilities NET_ADMIN'], []],
    ['a baseline capability', { allowedCapabilities: ['CHOWN'] }, [], ['allowedCapabilities beyond NET_BIND_SERVICE']],
    ['NET_BIND_SERVICE only', { allowedCapabilities: ['NET_BIND_SERVICE'] }, [], []],
    ['root allowed', { runAsUser: { rule: 'RunAsAny' } }, [], ['runAsUser rule RunAsAny allows root']],
    ['a range from 0', { runAsUser: { rule: 'MustRunAs', ranges: [{ min: 0, max: 10 }] } }, [], ['runAsUser rule MustRunAs allows root']],
    ['a range above 0', { runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] } }, [], []],
    ['escalation allowed by default', { allowPrivilegeEscalation: undefined }, [], ['allowPrivilegeEscalation not false']],
    ['unmasked /proc', { allowedProcMountTypes: ['Default', 'Unmasked'] }, ['allowedProcMountTypes Unmasked'], []],
    ['an unsafe sysctl', { allowedUnsafeSysctls: ['kernel.msg*'] }, ['allowedUnsafeSysctls kernel.msg*'], []],
    ['a safe sysctl', { allowedUnsafeSysctls: ['net.ipv4.tcp_syncookies'] }, [], []],
    ['a custom SELinux type', { seLinux: { rule: 'MustRunAs', seLinuxOptions: { type: 'spc_t' } } }, ['seLinux options with a custom user, role or type'], []],
  ])('%s', (_, change, beyondBaseline, beyondRestricted) => {
    const spec = Object.fromEntries(Object.entries({ ...restrictedSpec, ...change }).filter(([, v]) => v !== undefined));
    const mapping = mapPodSecurityPolicy(spec, seccomp);
    expect(mapping.beyondBaseline).toEqual(beyondBaseline);
    if (beyondRestricted !== null) expect(mapping.beyondRestricted).toEqual(beyondBaseline.length > 0 ? mapping.beyondRestricted : beyondRestricted);
    expect(mapping.level).toBe(beyondBaseline.length > 0 ? 'privileged' : (beyondRestricted?.length ?? 1) > 0 ? 'baseline' : 'restricted');
  });

  it('needs a restricted seccomp profile list for restricted', () => {
    expect(mapPodSecurityPolicy(restrictedSpec, {}).beyondRestricted).toEqual(['seccomp profiles other than runtime/default or localhost/*']);
    expect(mapPodSecurityPolicy(restrictedSpec, { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'unconfined' }).level).toBe('privileged');
  });
});

const psp = (name: string, spec: string) => `apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

describe('PodSecurityPolicy findings', () => {
  it('check: every PSP gets a non-blocking finding on its kind line, with the labels that replace it', () => {
    const text = `# cluster policy\n${psp('old', '  privileged: true\n')}`;
    const report = evaluateFiles([{ path: 'psp.yaml', content: text }], { policy: policyContext('2026-01-01') });
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding).toMatchObject({ check: 'psp.removed', kind: 'PodSecurityPolicy', name: 'old', line: 3, blocking: false, mode: 'warn', level: 'privileged' });
    expect(finding!.detail).toBe('no current cluster enforces it; the closest Pod Security level is privileged (it allows privileged: true)');
    expect(finding!.fixNote).toContain('pod-security.kubernetes.io/enforce: privileged');
  });

  it('check: items of a List count, and only policy/v1beta1 and extensions/v1beta1', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: policy/v1beta1\n  kind: PodSecurityPolicy\n  metadata: {name: a}\n  spec: {}\n- apiVersion: example.com/v1\n  kind: PodSecurityPolicy\n  metadata: {name: b}\n`;
    const report = evaluateFiles([{ path: 'l.yaml', content: list }], { policy: policyContext('2026-01-01') });
    expect(report.findings.map((f) => [f.name, f.line])).toEqual([['a', 5]]);
  });

  it('follows the config: off, or blocking', () => {
    const files = [{ path: 'psp.yaml', content: psp('p', '  hostPID: true\n') }];
    const off = policyContext('2026-01-01', { extraChecks: { enabled: new Set(), blocking: new Set() } });
    expect(evaluateFiles(files, { policy: off }).findings).toEqual([]);
    const blocking = policyContext('2026-01-01', { extraChecks: { enabled: new Set(['psp.removed']), blocking: new Set(['psp.removed']) } });
    expect(evaluateFiles(files, { policy: blocking }).findings[0]).toMatchObject({ blocking: true, mode: 'enforce' });
  });

  it('diff: only PSPs the change added or modified; comments and key order do not count', () => {
    const base = `${psp('same', '  hostPID: true\n  hostIPC: true\n')}---\n${psp('changed', '  hostPID: true\n')}`;
    const head = `# reordered\n${psp('same', '  hostIPC: true\n  hostPID: true\n')}---\n${psp('changed', '  hostPID: false\n')}---\n${psp('added', '  {}\n')}`;
    const report = evaluateChangeSet(
      { files: [{ path: 'psp.yaml', status: 'modified', base: { kind: 'content', data: base }, head: { kind: 'content', data: head }, hunks: parseFilePatch('@@ -7,1 +11,1 @@\n-x\n+y') }] },
      { policy: policyContext('2026-01-01') },
    );
    expect(report.findings.map((f) => [f.name, f.status, f.line, f.locations[0]!.inDiff, f.level])).toEqual([
      ['changed', 'modified', 11, true, 'baseline'],
      ['added', 'new', 18, false, 'baseline'],
    ]);
  });
});
