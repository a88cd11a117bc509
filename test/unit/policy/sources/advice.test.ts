/** Hardening advice: the advice.* checks, and how the config and --advice turn them on. */
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../../../src/findings/evaluateFiles.js';
import { applySuggestions } from '../../../../src/fixes/fixFile.js';
import { policyContext } from '../../../../src/findings/policyContext.js';
import { formatConfigError, parsePolicyConfig } from '../../../../src/policy/config.js';
import { extraChecksFor } from '../../../../src/policy/sources/adviceConfig.js';
import { adviceCheckIds } from '../../../../src/policy/sources/extraChecks.js';

const today = '2026-07-15';
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n${spec}`;
const hardened = `  automountServiceAccountToken: false
  securityContext: {runAsUser: 20000, runAsGroup: 20000}
  containers:
  - name: c
    image: nginx@sha256:${'0'.repeat(64)}
    resources: {limits: {cpu: 100m, memory: 64Mi}}
    securityContext: {readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
`;

function advice(text: string) {
  const context = policyContext(today, { extraChecks: extraChecksFor(undefined, true), overrides: { level: 'privileged', warnLevel: 'privileged' } });
  return evaluateFiles([{ path: 'p.yaml', content: text }], { policy: context }).findings.map((f) => [f.check, f.line, f.blocking]);
}

describe('advice checks', () => {
  it('say nothing on a hardened pod', () => expect(advice(pod(hardened))).toEqual([]));

  it.each([
    ['advice.readOnlyRootFilesystem', hardened.replace('readOnlyRootFilesystem: true, ', ''), 11],
    ['advice.automountServiceAccountToken', hardened.replace('  automountServiceAccountToken: false\n', ''), 4],
    ['advice.highUid', hardened.replace('runAsGroup: 20000', 'runAsGroup: 1000'), 11],
    ['advice.dropNetRaw', hardened.replace('drop: [ALL]', 'drop: [CHOWN]'), 11],
    ['advice.imageDigest', hardened.replace(/nginx@sha256:0+/, 'nginx:1.27'), 9],
    ['advice.resourceLimits', hardened.replace('cpu: 100m, ', ''), 10],
  ])('%s', (check, spec, line) => {
    expect(advice(pod(spec))).toEqual([[check, line, false]]);
  });
});

describe('advice settings', () => {
  it('are off by default but psp.removed; --advice turns every advice check on', () => {
    expect([...extraChecksFor(undefined, false).enabled]).toEqual(['psp.removed']);
    expect([...extraChecksFor(undefined, true).enabled].sort()).toEqual(['psp.removed', ...adviceCheckIds].sort());
  });

  it('the config enables (all), disables and makes blocking', () => {
    const parsed = parsePolicyConfig('advice:\n  enable: [all]\n  disable: [psp.removed, advice.highUid]\n  blocking: [advice.imageDigest]\n', 'c.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'));
    const checks = extraChecksFor(parsed.config.advice, false);
    expect(checks.enabled.has('psp.removed')).toBe(false);
    expect(checks.enabled.has('advice.highUid')).toBe(false);
    expect(checks.enabled.has('advice.resourceLimits')).toBe(true);
    expect([...checks.blocking]).toEqual(['advice.imageDigest']);
  });

  it('refuses an unknown check with the valid ones', () => {
    const parsed = parsePolicyConfig('advice:\n  enable: [advice.readonly]\n', 'c.yaml');
    expect(parsed.ok ? [] : parsed.errors.map(formatConfigError)).toEqual([expect.stringContaining('c.yaml:2: advice.enable[0]: Invalid value: "advice.readonly": unknown check; valid: all, psp.removed, advice.readOnlyRootFilesystem, advice.automountServiceAccountToken')]);
  });
});

describe('advice fixes', () => {
  const baselinePolicy = { level: 'baseline', warnLevel: 'baseline' } as const;
  function fixed(text: string, extraChecks = extraChecksFor(undefined, true)) {
    const context = policyContext(today, { extraChecks, overrides: baselinePolicy });
    return evaluateFiles([{ path: 'p.yaml', content: text }], { policy: context, fixes: true }).findings;
  }
  const applied = (text: string, findings: ReturnType<typeof fixed>) => applySuggestions(text, [...new Set(findings.flatMap((f) => (f.fix ? [f.fix] : [])))]);

  it('advice.readOnlyRootFilesystem: true in every container it names, verified, with a caveat', () => {
    const text = pod(hardened.replace('readOnlyRootFilesystem: true, ', '').replace('  containers:\n', '  initContainers:\n  - name: init\n    image: busybox@sha256:' + '1'.repeat(64) + '\n    resources: {limits: {cpu: 100m, memory: 64Mi}}\n    securityContext: {readOnlyRootFilesystem: false, capabilities: {drop: [ALL]}}\n  containers:\n'));
    const findings = fixed(text);
    expect(findings.map((f) => f.check)).toEqual(['advice.readOnlyRootFilesystem']);
    const [finding] = findings;
    expect(finding?.fix).not.toBeNull();
    expect(finding?.fixNote).toContain('mount an `emptyDir` volume where it writes');
    const after = applied(text, findings);
    expect(after).toContain('securityContext: {readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}');
    expect(after).toContain('securityContext: {capabilities: {drop: [ALL]}, readOnlyRootFilesystem: true}');
    expect(fixed(after)).toEqual([]);
  });

  it('advice.automountServiceAccountToken: false on the pod spec, verified, with a caveat', () => {
    const text = pod(hardened.replace('  automountServiceAccountToken: false\n', ''));
    const [finding, ...rest] = fixed(text);
    expect(rest).toEqual([]);
    expect(finding?.check).toBe('advice.automountServiceAccountToken');
    expect(finding?.fix?.replacement).toContain('automountServiceAccountToken: false');
    expect(finding?.fixNote).toContain('only if the pod does not call the Kubernetes API');
    expect(fixed(applied(text, [finding!]))).toEqual([]);
  });

  it('share one verified suggestion with the upstream fixes of the same container, never overlapping them', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: c
    image: nginx
    securityContext:
      privileged: true
`;
    const findings = fixed(text, extraChecksFor({ enable: ['advice.readOnlyRootFilesystem', 'advice.automountServiceAccountToken'], disable: [], blocking: [] }, false));
    expect(findings.map((f) => [f.check, f.fix === null])).toEqual([
      ['privileged', false],
      ['advice.readOnlyRootFilesystem', false],
      ['advice.automountServiceAccountToken', false],
    ]);
    expect(findings[0]?.fix).toBe(findings[1]?.fix);
    const after = applied(text, findings);
    expect(after).toContain('      privileged: false\n      readOnlyRootFilesystem: true\n');
    expect(after).toContain('  automountServiceAccountToken: false\n');
    expect(fixed(after, extraChecksFor({ enable: ['advice.readOnlyRootFilesystem', 'advice.automountServiceAccountToken'], disable: [], blocking: [] }, false))).toEqual([]);
  });

  it('the other advice checks get no fix and no note', () => {
    const findings = fixed(pod(hardened.replace(/nginx@sha256:0+/, 'nginx:1.27').replace('cpu: 100m, ', '')));
    expect(findings.map((f) => [f.check, f.fix, f.fixNote])).toEqual([
      ['advice.imageDigest', null, null],
      ['advice.resourceLimits', null, null],
    ]);
  });

  it('advice that is off is neither reported nor fixed: the upstream fix alone changes the file', () => {
    const text = pod('  containers:\n  - name: c\n    image: nginx\n    securityContext: {privileged: true}\n');
    const findings = fixed(text, extraChecksFor(undefined, false));
    expect(findings.map((f) => f.check)).toEqual(['privileged']);
    expect(applied(text, findings)).toContain('securityContext: {privileged: false}\n');
  });

  it('no readOnlyRootFilesystem advice for a Windows pod: the API server refuses the field there', () => {
    const windows = pod(hardened.replace('readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}', '').replace('securityContext: {runAsUser: 20000, runAsGroup: 20000}', 'securityContext: {windowsOptions: {runAsUserName: app}}').replace('  containers:', '  os: {name: windows}\n  containers:'));
    expect(fixed(windows).map((f) => f.check)).toEqual(['advice.highUid', 'advice.dropNetRaw']);
  });
});
