/**
 * The stricter of a pod spec's base and head policies, and the opt-outs a
 * change adds (issue 15, items 2 and 11).
 */
import { describe, expect, it } from 'vitest';
import { parsePolicyConfig } from '../../../src/policy/config.js';
import { indexNamespaces } from '../../../src/policy/namespaces.js';
import { resolvePolicy } from '../../../src/policy/resolve.js';
import { isLaxer, relaxationsOf, reviewOptOuts, samePolicy, stricterPolicy } from '../../../src/policy/stricter.js';
import type { PolicyConfig, PolicySubject } from '../../../src/policy/types.js';

const today = '2026-07-15';
const subject = (over: Partial<PolicySubject> = {}): PolicySubject => ({
  file: 'deploy/api.yaml',
  namespace: 'shop',
  kind: 'Deployment',
  name: 'api',
  workloadAnnotations: {},
  templateAnnotations: {},
  runtimeClassName: null,
  images: ['nginx'],
  ...over,
});
const labelled = (enforce: string, version?: string) =>
  indexNamespaces([{ name: 'shop', file: 'ns.yaml', line: 5, labels: { 'pod-security.kubernetes.io/enforce': enforce, ...(version ? { 'pod-security.kubernetes.io/enforce-version': version } : {}) } }]);
const config = (text: string): PolicyConfig => {
  const parsed = parsePolicyConfig(text, '.github/pod-security.yaml');
  if (!parsed.ok) throw new Error('bad config');
  return parsed.config;
};

describe('stricterPolicy', () => {
  it('takes the higher level with its own version, and says when it comes from base', () => {
    const base = resolvePolicy({ subject: subject(), namespaces: labelled('restricted', 'v1.30'), today });
    const head = resolvePolicy({ subject: subject(), namespaces: labelled('privileged'), today });
    const policy = stricterPolicy(base, head, head.optOuts);
    expect(policy.enforce).toEqual({ level: 'restricted', version: 30 });
    expect(policy.levelSource.detail).toMatch(/at the base commit$/);
    expect(relaxationsOf(base, head)).toEqual(['enforced level restricted:v1.30 becomes privileged:latest']);
    expect(samePolicy(base, head)).toBe(false);
  });

  it('keeps an exemption or a disable only when both sides have it', () => {
    const c = config('exemptions:\n  namespaces: [kube-system]\ndisable:\n  - checks: [hostPorts]\n    files: ["legacy/**"]\n');
    const base = resolvePolicy({ subject: subject(), config: c, today });
    const head = resolvePolicy({ subject: subject({ namespace: 'kube-system', file: 'legacy/api.yaml' }), config: c, today });
    const policy = stricterPolicy(base, head, head.optOuts);
    expect(policy.exemption).toBeNull();
    expect(policy.disabled).toEqual([]);
    expect(relaxationsOf(base, head)).toEqual([expect.stringContaining('it becomes exempt'), 'hostPorts becomes disabled']);
  });

  it('orders versions at one level, never across levels', () => {
    expect(isLaxer({ level: 'restricted', version: 20 }, { level: 'restricted', version: 'latest' })).toBe(true);
    expect(isLaxer({ level: 'restricted', version: 20 }, { level: 'baseline', version: 'latest' })).toBe(false);
    expect(isLaxer({ level: 'privileged', version: 1 }, { level: 'privileged', version: 'latest' })).toBe(false);
  });
});

describe('reviewOptOuts', () => {
  const annotations = (checks: string) => ({ 'pod-security-review/ignore': checks, 'pod-security-review/reason': 'needed' });
  const optOuts = (checks: string | null) => resolvePolicy({ subject: subject({ templateAnnotations: checks === null ? {} : annotations(checks) }), today }).optOuts;

  it('honours only the checks already opted out at base with base-only, and reports the rest as added', () => {
    const review = reviewOptOuts(optOuts('hostPorts,privileged'), optOuts('hostPorts'), 'base-only');
    expect(review.optOuts.map((o) => [o.checks, o.status])).toEqual([
      [['hostPorts'], 'honoured'],
      [['privileged'], 'added'],
    ]);
    expect(review.added.map((a) => a.checks)).toEqual([['privileged']]);
  });

  it('honours them all with any', () => {
    const review = reviewOptOuts(optOuts('privileged'), optOuts(null), 'any');
    expect(review.optOuts.map((o) => o.status)).toEqual(['honoured']);
    expect(review.added).toEqual([]);
  });

  it('honours none with opt-outs: none, as strict', () => {
    const policy = resolvePolicy({ subject: subject({ templateAnnotations: annotations('privileged') }), overrides: { optOuts: 'none' }, today });
    expect(policy.optOuts.map((o) => [o.status, o.message])).toEqual([['strict', 'not honoured: --opt-outs none disallows annotation opt-outs']]);
  });
});
