/**
 * Opt-out annotations: honoured only when complete, current and allowed;
 * every other case is reported, never silently dropped.
 */
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../../src/policy/annotations.js';
import { checkIds } from '../../../src/policy/checkIds.js';
import { defaultConfigPath, parsePolicyConfig } from '../../../src/policy/config.js';
import { resolvePolicy } from '../../../src/policy/resolve.js';
import type { PolicyConfig, PolicyOverrides, PolicySubject, ResolvedPolicy } from '../../../src/policy/types.js';

const ignore = 'pod-security-review/ignore';
const reason = 'pod-security-review/reason';
const expires = 'pod-security-review/expires';
const today = '2026-07-15';

function resolveWith(
  workload: Record<string, string>,
  template: Record<string, string> | null = {},
  extra: { config?: PolicyConfig; overrides?: PolicyOverrides; kind?: string } = {},
): ResolvedPolicy {
  const subject: PolicySubject = {
    file: 'deploy/web.yaml',
    namespace: 'shop',
    kind: extra.kind ?? 'Deployment',
    name: 'web',
    workloadAnnotations: workload,
    templateAnnotations: template,
    runtimeClassName: null,
    images: [],
  };
  return resolvePolicy({ subject, today, config: extra.config, overrides: extra.overrides });
}

describe('opt-out annotations', () => {
  it('honours an ignore with a reason on the workload', () => {
    const policy = resolveWith({ [ignore]: 'hostPorts, privileged', [reason]: 'CNI agent' });
    expect(policy.optOuts).toEqual([
      { place: 'workload', checks: ['hostPorts', 'privileged'], reason: 'CNI agent', expires: null, status: 'honoured', message: 'ignored on the Deployment: CNI agent' },
    ]);
    expect(policy.problems).toEqual([]);
  });

  it('honours an ignore on the pod template, naming the place', () => {
    const policy = resolveWith({}, { [ignore]: 'sysctls', [reason]: 'tuned kernel' });
    expect(policy.optOuts).toEqual([
      { place: 'template', checks: ['sysctls'], reason: 'tuned kernel', expires: null, status: 'honoured', message: 'ignored on the pod template of the Deployment: tuned kernel' },
    ]);
  });

  it('reads each place on its own: a reason elsewhere does not excuse an ignore', () => {
    const policy = resolveWith({ [reason]: 'somewhere else' }, { [ignore]: 'hostPorts' });
    expect(policy.optOuts.map((o) => [o.place, o.status])).toEqual([['template', 'missing-reason']]);
    expect(policy.problems.map((p) => [p.kind, p.place, p.annotation])).toEqual([
      ['unused-annotation', 'workload', reason],
      ['missing-reason', 'template', ignore],
    ]);
  });

  it('reads a Pod once (its metadata is the template)', () => {
    const policy = resolveWith({ [ignore]: 'hostPorts', [reason]: 'x' }, null, { kind: 'Pod' });
    expect(policy.optOuts).toHaveLength(1);
    expect(policy.optOuts[0]?.message).toBe('ignored on the Pod: x');
  });

  it('reports an ignore without reason, and does not honour it', () => {
    const cases: Record<string, string>[] = [{}, { [reason]: '' }, { [reason]: '   ' }];
    for (const missing of cases) {
      const policy = resolveWith({ [ignore]: 'hostPorts', ...missing });
      expect(policy.optOuts[0]).toMatchObject({ status: 'missing-reason', reason: null, message: `not honoured: ${ignore} on the Deployment has no ${reason}` });
      expect(policy.problems).toEqual([
        {
          kind: 'missing-reason',
          place: 'workload',
          annotation: ignore,
          message: `${ignore} on the Deployment: not honoured: ${reason} is mandatory next to it (say why the checks may fail)`,
        },
      ]);
    }
  });

  it('honours a future expiry and says until when', () => {
    const policy = resolveWith({ [ignore]: 'hostPorts', [reason]: 'migration', [expires]: '2026-07-16' });
    expect(policy.optOuts[0]).toMatchObject({ status: 'honoured', expires: '2026-07-16', message: 'ignored on the Deployment: migration (until 2026-07-16)' });
    expect(policy.problems).toEqual([]);
  });

  it('ends the opt-out on the expiry date, and reports it', () => {
    for (const date of ['2026-07-15', '2025-12-31']) {
      const policy = resolveWith({ [ignore]: 'hostPorts', [reason]: 'migration', [expires]: date });
      expect(policy.optOuts[0]).toMatchObject({ status: 'expired', expires: date, message: `the opt-out on the Deployment expired on ${date} (reason was: migration)` });
      expect(policy.problems).toEqual([
        { kind: 'expired', place: 'workload', annotation: expires, message: `${expires} on the Deployment: the opt-out expired on ${date}; the findings it ignored are reported again` },
      ]);
    }
  });

  it('does not honour an unreadable expiry (it must not mean "never")', () => {
    for (const date of ['2026-02-30', '15.07.2026', '2026-7-1', 'never', '']) {
      const policy = resolveWith({ [ignore]: 'hostPorts', [reason]: 'x', [expires]: date });
      expect(policy.optOuts[0]?.status).toBe('invalid-expires');
      expect(policy.problems.map((p) => p.kind)).toEqual(['invalid-expires']);
    }
  });

  it('reports invalid check names, with the valid ones, and honours the valid names', () => {
    const policy = resolveWith({ [ignore]: 'hostPort,privileged,,bogus', [reason]: 'x' });
    expect(policy.optOuts[0]).toMatchObject({ checks: ['privileged'], status: 'honoured' });
    expect(policy.problems.map((p) => p.message)).toEqual([
      `${ignore} on the Deployment: "hostPort": unknown check (did you mean "hostPorts"?); valid checks: ${checkIds.join(', ')}`,
      `${ignore} on the Deployment: "bogus": unknown check; valid checks: ${checkIds.join(', ')}`,
    ]);
  });

  it('reports an ignore that names nothing', () => {
    const policy = resolveWith({ [ignore]: ' , ', [reason]: 'x' });
    expect(policy.optOuts[0]?.checks).toEqual([]);
    expect(policy.problems.map((p) => p.kind)).toEqual(['empty-ignore']);
  });

  it('reports misspelt annotation keys and orphan reason/expires', () => {
    const policy = resolveWith({ 'pod-security-review/reasons': 'x', [ignore]: 'hostPorts' }, { [expires]: '2030-01-01' });
    expect(policy.problems.map((p) => [p.kind, p.place, p.annotation])).toEqual([
      ['unknown-annotation', 'workload', 'pod-security-review/reasons'],
      ['missing-reason', 'workload', ignore],
      ['unused-annotation', 'template', expires],
    ]);
    expect(policy.problems[0]?.message).toBe(
      `pod-security-review/reasons on the Deployment: unknown annotation; valid: ${ignore}, ${reason}, ${expires}`,
    );
  });

  it('disallows every opt-out in strict mode, from the config or a flag', () => {
    const config = parsePolicyConfig('level: baseline\nstrict: true\n', defaultConfigPath);
    if (!config.ok) throw new Error('config');
    const annotations = { [ignore]: 'hostPorts', [reason]: 'x' };
    const strict = resolveWith(annotations, { [ignore]: 'privileged' }, { config: config.config });
    expect(strict.strict).toBe(true);
    expect(strict.optOuts.map((o) => [o.place, o.status, o.message])).toEqual([
      ['workload', 'strict', `not honoured: strict: true in ${defaultConfigPath}:2 disallows annotation opt-outs`],
      ['template', 'strict', `not honoured: strict: true in ${defaultConfigPath}:2 disallows annotation opt-outs`],
    ]);
    expect(strict.problems.map((p) => p.kind)).toEqual(['strict', 'strict']);
    const flag = resolveWith(annotations, {}, { overrides: { strict: true } });
    expect(flag.optOuts[0]?.message).toBe('not honoured: --strict disallows annotation opt-outs');
    // A flag may also lift the config's strict mode (explicit flags win over the config's top level).
    expect(resolveWith(annotations, {}, { config: config.config, overrides: { strict: false } }).optOuts[0]?.status).toBe('honoured');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['2026-04-00', false],
    ['20260415', false],
    [' 2026-04-15', false],
  ])('%s → %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});
