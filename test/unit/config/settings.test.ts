import { describe, expect, it } from 'vitest';
import { ConfigurationError, readSettings, readWriteInterval } from '../../../src/config/settings.js';

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readSettings', () => {
  it('applies the documented defaults', () => {
    expect(readSettings(inputs({ token: 't' }))).toEqual({
      token: 't',
      // No policy value set: the config file and the policy defaults decide.
      overrides: { names: expect.any(Object) },
      configPath: '.github/pod-security.yaml',
      configExplicit: false,
      selection: { include: ['**/*.yaml', '**/*.yml', '**/*.json'], exclude: [] },
      onlyNewViolations: false,
      maxComments: 30,
      reviewEvent: 'COMMENT',
      checkName: 'Pod Security',
      mode: 'enforce',
      failOn: 'violations',
      source: 'auto',
      suggestions: true,
      maxFileBytes: 4194304,
      unchecked: 'neutral',
      // Every policy source, the PodSecurityConfiguration found where it is.
      sourceOptions: {},
      render: 'auto',
    });
  });

  it('reads policy-sources and admission-config', () => {
    const settings = readSettings(inputs({ token: 't', 'policy-sources': 'config, kyverno', 'admission-config': 'cluster/admission.yaml' }));
    expect(settings.sourceOptions).toEqual({ sources: new Set(['config', 'kyverno']), admissionConfigPath: 'cluster/admission.yaml' });
    expect(() => readSettings(inputs({ token: 't', 'policy-sources': 'config,labels' }))).toThrow(
      'input policy-sources: "config,labels": unknown policy source "labels"; valid: config, namespace-labels, kyverno, admission-config',
    );
  });

  it('reads render: auto or off, and names the valid values otherwise', () => {
    expect(readSettings(inputs({ token: 't', render: 'off' })).render).toBe('off');
    expect(() => readSettings(inputs({ token: 't', render: 'helm' }))).toThrow('input render: "helm" is not one of auto, off');
  });

  it('passes only the policy inputs that are set, named as inputs', () => {
    const settings = readSettings(inputs({ token: 't', level: 'restricted', 'preview-version': 'v1.37', strict: 'true', config: 'policy.yaml' }));
    expect(settings.overrides).toMatchObject({ level: 'restricted', previewVersion: 37, strict: true });
    expect(Object.keys(settings.overrides).sort()).toEqual(['level', 'names', 'previewVersion', 'strict']);
    expect(settings.overrides.names?.level).toBe('input "level"');
    expect(settings).toMatchObject({ configPath: 'policy.yaml', configExplicit: true });
  });

  it('reads lists of globs separated by new lines or commas', () => {
    const settings = readSettings(inputs({ token: 't', include: 'deploy/**\n k8s/*.yaml, \n', exclude: '**/kustomization.yaml' }));
    expect(settings.selection).toEqual({ include: ['deploy/**', 'k8s/*.yaml'], exclude: ['**/kustomization.yaml'] });
  });

  it.each([
    [{ level: 'strict' }, 'input level: "strict": must be one of privileged, baseline, restricted'],
    [{ 'warn-level': 'all' }, 'input warn-level: "all": must be one of privileged, baseline, restricted'],
    [{ version: 'v1.30.1' }, 'input version: "v1.30.1": must be "latest" or "v1.x"'],
    [{ 'namespace-labels': 'on' }, 'input namespace-labels: "on" is not one of true, false'],
    [{ 'fail-on': 'always' }, 'input fail-on: "always" is not one of violations, never'],
    [{ mode: 'audit' }, 'input mode: "audit" is not one of enforce, warn'],
    [{ 'review-event': 'APPROVE' }, 'input review-event: "APPROVE" is not one of COMMENT, REQUEST_CHANGES'],
    [{ source: 'ftp' }, 'input source: "ftp" is not one of auto, api, git'],
    [{ 'only-new-violations': 'yes' }, 'input only-new-violations: "yes" is not one of true, false'],
    [{ 'max-comments': '-1' }, 'input max-comments: "-1" is not a whole number ≥ 0'],
    [{ token: '' }, 'input token: empty'],
    [{ unchecked: 'pass' }, 'input unchecked: "pass" is not one of neutral, failure, success'],
  ])('rejects %j with a message naming the input and the valid values', (values, message) => {
    const read = () => readSettings(inputs({ token: 't', ...values }));
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(message);
  });
});

describe('readWriteInterval (POD_SECURITY_REVIEW_WRITE_INTERVAL_MS)', () => {
  it("leaves GitHub's spacing when the variable is unset or empty", () => {
    expect(readWriteInterval({})).toBeUndefined();
    expect(readWriteInterval({ POD_SECURITY_REVIEW_WRITE_INTERVAL_MS: ' ' })).toBeUndefined();
  });

  it('reads whole milliseconds, 0 included', () => {
    expect(readWriteInterval({ POD_SECURITY_REVIEW_WRITE_INTERVAL_MS: '0' })).toBe(0);
    expect(readWriteInterval({ POD_SECURITY_REVIEW_WRITE_INTERVAL_MS: ' 250 ' })).toBe(250);
  });

  it.each(['-1', '1.5', '1s', '1e3', '1000000'])('rejects %j with a message naming the variable', (value) => {
    const read = () => readWriteInterval({ POD_SECURITY_REVIEW_WRITE_INTERVAL_MS: value });
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(`POD_SECURITY_REVIEW_WRITE_INTERVAL_MS: ${JSON.stringify(value)} is not a whole number of milliseconds from 0 to 999999`);
  });
});
