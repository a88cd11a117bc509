/** Hardening advice: the advice.* checks, and how the config and --advice turn them on. */
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../../../src/findings/evaluateFiles.js';
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
