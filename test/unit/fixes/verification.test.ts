/**
 * Fixes are measured, not assumed: when the fixed text does not load the
 * same way, does not pass, breaks another check or would be rejected by the
 * API server, the fix is withdrawn and the note says so.
 */
import { describe, expect, it } from 'vitest';
import { fixText } from '../../../src/fixes/fixFile.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

function byCheck(text: string, level: 'baseline' | 'restricted') {
  const fixed = fixText('v.yaml', text, { level, version: 'latest' });
  return { fixed, fixes: Object.fromEntries(fixed.pods.flatMap((p) => p.failures.map((f, i) => [f.check, p.fixes[i]!]))) };
}

describe('verification', () => {
  it('writes new keys away from a block scalar that keeps its trailing blank lines', () => {
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', '    args:', '    - |+', '      echo hi', '');
    const { fixed, fixes } = byCheck(text, 'restricted');
    expect(Object.values(fixes).every((f) => f.fix !== null)).toBe(true);
    expect(fixed.text).toBe(
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  securityContext:',
        '    runAsNonRoot: true',
        '    seccompProfile:',
        '      type: RuntimeDefault',
        '  containers:',
        '  - name: app',
        '    image: x',
        '    securityContext:',
        '      allowPrivilegeEscalation: false',
        '      capabilities:',
        '        drop:',
        '        - ALL',
        '    args:',
        '    - |+',
        '      echo hi',
        '',
      ),
    );
  });

  it("fixes a document that loads with a template note (an action in a value), which the fixed text keeps", () => {
    // A block scalar keeps the fragments from proving the fix: the document is read again whole, note and all.
    const text = lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: s}', 'spec:', '  template:', '    spec:', '      containers:', '        - image: "{{ .Values.image }}"', '          args:', '            - |', '              a', '          name: s', '      restartPolicy: OnFailure');
    const { fixes } = byCheck(text, 'restricted');
    expect(Object.keys(fixes)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
    for (const fix of Object.values(fixes)) expect(fix.fix, fix.fixNote ?? '').not.toBeNull();
  });

  it('withdraws a fix that would change more than the fixed fields', () => {
    // The container's only key opens its list item and ends with the kept blank lines: no place is left for a new key.
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - args:', '    - |+', '      echo hi', '');
    const { fixed, fixes } = byCheck(text, 'restricted');
    expect(fixes.allowPrivilegeEscalation?.fix).toBeNull();
    expect(fixes.allowPrivilegeEscalation?.fixNote).toMatch(/^No safe mechanical fix was found: the fixed YAML would change more than the fixed fields\. /);
    expect(fixed.text).toContain('    - |+\n      echo hi\n\n');
  });

  it('withdraws a fix that the API server would reject (allowPrivilegeEscalation: false with privileged: true)', () => {
    // privileged cannot be fixed (its anchor is used elsewhere), so allowPrivilegeEscalation: false would be invalid.
    const text = lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext:',
      '      privileged: &yes true',
      '      capabilities: {drop: [ALL]}',
      'x-flag: *yes',
    );
    const { fixed, fixes } = byCheck(text, 'restricted');
    expect(fixes.privileged?.fix).toBeNull();
    expect(fixes.allowPrivilegeEscalation?.fix).toBeNull();
    expect(fixes.allowPrivilegeEscalation?.fixNote).toMatch(/^No safe mechanical fix was found: the API server would reject the fixed pod \(allowPrivilegeEscalation false with privileged true\)/);
    expect(fixed.text).toBe(text);
  });

  it('withdraws a removal that lets an earlier duplicate key win', () => {
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', '    ports:', '    - hostPort: 80', '      containerPort: 80', '      hostPort: 81');
    const { fixed, fixes } = byCheck(text, 'baseline');
    expect(fixes.hostPorts?.fix).toBeNull();
    expect(fixes.hostPorts?.fixNote).toMatch(/^No safe mechanical fix was found: /);
    expect(fixed.text).toBe(text);
  });

  it('keeps the fixes that verify when another one of the same pod does not', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  hostIPC: true',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    ports:',
      '    - {hostPort: 80, containerPort: 80, hostPort: 81}',
    );
    const { fixed, fixes } = byCheck(text, 'baseline');
    expect(fixes.hostNamespaces?.fix).not.toBeNull();
    expect(fixes.hostPorts?.fix).toBeNull();
    expect(fixed.text).toBe(text.replace('hostIPC: true', 'hostIPC: false'));
  });

  it('gives every finding without a fix a note, and every manual note an illustrative example marked as not applicable', () => {
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: app, image: x}]', '  volumes:', '  - name: logs', '    hostPath: {path: /var/log}');
    for (const level of ['baseline', 'restricted'] as const) {
      const { fixes } = byCheck(text, level);
      const volume = fixes.hostPathVolumes ?? fixes.restrictedVolumes;
      expect(volume?.fix).toBeNull();
      expect(volume?.fixNote).toMatch(/^No suggestion: replacing volume "logs" \(hostPath\) needs a choice only you can make\./);
      expect(volume?.fixNote).toContain('Illustrative example, not applicable as-is:\n```yaml\n# Illustrative only');
    }
  });
});

describe('API-server rules a fix must not break', () => {
  it('adds no Linux-only field to a Windows pod, at versions that check it anyway', () => {
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: w}', 'spec:', '  os: {name: windows}', '  securityContext: {runAsNonRoot: true}', '  containers: [{name: app, image: x}]');
    const fixed = fixText('w.yaml', text, { level: 'restricted', version: 24 });
    const fixes = Object.fromEntries(fixed.pods[0]!.failures.map((f, i) => [f.check, fixed.pods[0]!.fixes[i]!]));
    expect(Object.keys(fixes)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
    for (const fix of Object.values(fixes)) {
      expect(fix.fix).toBeNull();
      expect(fix.fixNote).toMatch(/^No safe mechanical fix was found: the API server would reject the fixed pod \(a Windows pod cannot set securityContext\./);
    }
    expect(fixed.text).toBe(text);
    // From v1.25 Windows pods are exempt from those checks: nothing to fix.
    expect(fixText('w.yaml', text, { level: 'restricted', version: 25 }).pods[0]!.failures).toEqual([]);
  });
});
