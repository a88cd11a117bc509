/**
 * The config file: every key parsed with its location, and every mistake
 * reported with its key and line, never swallowed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, defaultConfigPath, defaultPolicyConfig, formatConfigError, parsePolicyConfig } from '../../../src/policy/config.js';
import { checkIds } from '../../../src/policy/checkIds.js';
import type { ConfigError, PolicyConfig } from '../../../src/policy/types.js';
import { fixturesDir } from '../../helpers/paths.js';

const file = defaultConfigPath;

function parse(text: string): PolicyConfig {
  const result = parsePolicyConfig(text, file);
  if (!result.ok) throw new Error(`expected a valid config, got:\n${result.errors.map(formatConfigError).join('\n')}`);
  return result.config;
}

function errors(text: string): ConfigError[] {
  const result = parsePolicyConfig(text, file);
  if (result.ok) throw new Error('expected errors, the config parsed');
  return [...result.errors];
}

/** `line: key: message` for compact expectations. */
function brief(text: string): string[] {
  return errors(text).map((e) => `${e.line}: ${e.key}: ${e.message}`);
}

const levelError = 'must be one of privileged, baseline, restricted';
const versionError = 'must be "latest" or "v1.x"';

describe('parsePolicyConfig: valid files', () => {
  it('reads the sample config with every key and its line', () => {
    const text = readFileSync(path.join(fixturesDir, 'policy', 'pod-security.yaml'), 'utf8');
    const config = parse(text);
    expect(config.file).toBe(file);
    expect(config.level).toEqual({ value: 'baseline', at: { file, line: 2, key: 'level' } });
    expect(config.warnLevel).toEqual({ value: 'restricted', at: { file, line: 3, key: 'warn-level' } });
    expect(config.version?.value).toBe('latest');
    expect(config.namespaceLabels?.value).toBe(true);
    expect(config.strict).toEqual({ value: false, at: { file, line: 6, key: 'strict' } });
    expect(config.optOuts).toEqual({ value: 'base-only', at: { file, line: 7, key: 'opt-outs' } });
    expect(config.policyChanges).toEqual({ value: 'block', at: { file, line: 8, key: 'policy-changes' } });
    expect(config.previewVersion?.value).toBe('latest');
    expect(config.exemptions.namespaces).toEqual([{ value: 'kube-system', at: { file, line: 12, key: 'exemptions.namespaces[0]' } }]);
    expect(config.exemptions.runtimeClassNames.map((e) => e.value)).toEqual(['kata']);
    expect(config.rules).toHaveLength(2);
    expect(config.rules[0]).toMatchObject({
      index: 0,
      at: { file, line: 16, key: 'rules[0]' },
      namespaces: ['prod-*'],
      files: ['deploy/prod/**'],
      level: { value: 'restricted' },
      warnLevel: { value: 'restricted' },
      version: { value: 30, at: { line: 19, key: 'rules[0].version' } },
    });
    expect(config.rules[1]).toMatchObject({ index: 1, at: { line: 20 }, namespaces: null, files: ['deploy/legacy/**'], level: { value: 'privileged' } });
    expect(config.disable).toEqual([
      {
        index: 0,
        at: { file, line: 25, key: 'disable[0]' },
        checks: ['hostPorts'],
        namespaces: ['ingress'],
        files: ['**/ingress/**'],
        workloads: ['ingress-nginx'],
        images: ['registry.k8s.io/ingress-nginx/*'],
        reason: 'ingress needs host ports',
      },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing configured yet\n'],
    ['an empty document marker', '---\n'],
  ])('reads %s as the defaults', (_label, text) => {
    expect(parse(text)).toEqual({ ...defaultPolicyConfig, file });
  });

  it('accepts every level and v1.N / latest versions, including future ones', () => {
    const config = parse('level: privileged\nwarn-level: baseline\nversion: v1.0\nwarn-version: v1.10000\npreview-version: v1.37\n');
    expect(config.level?.value).toBe('privileged');
    expect(config.warnLevel?.value).toBe('baseline');
    expect(config.version?.value).toBe(0);
    expect(config.warnVersion?.value).toBe(10000);
    expect(config.previewVersion?.value).toBe(37);
  });

  it('reads YAML 1.1 booleans as Kubernetes users expect', () => {
    const config = parse('strict: yes\nnamespace-labels: off\n');
    expect(config.strict?.value).toBe(true);
    expect(config.namespaceLabels?.value).toBe(false);
  });

  it('accepts empty exemption lists and empty rules/disable lists', () => {
    const config = parse('exemptions:\n  namespaces: []\n  runtimeClassNames: []\nrules: []\ndisable: []\n');
    expect(config.exemptions).toEqual({ namespaces: [], runtimeClassNames: [] });
    expect(config.rules).toEqual([]);
    expect(config.disable).toEqual([]);
  });

  it('accepts a disable entry without scope (everywhere) and without reason', () => {
    const config = parse('disable:\n  - checks: [seLinuxOptions, seLinuxOptions]\n');
    expect(config.disable[0]).toMatchObject({ checks: ['seLinuxOptions'], namespaces: null, files: null, workloads: null, images: null, reason: null });
  });

  it('follows anchors and merge keys', () => {
    const config = parse('rules:\n  - &prod\n    match: {namespaces: [prod]}\n    level: restricted\n  - <<: *prod\n    match: {namespaces: [staging]}\n');
    expect(config.rules.map((r) => [r.namespaces, r.level?.value])).toEqual([
      [['prod'], 'restricted'],
      [['staging'], 'restricted'],
    ]);
  });
});

describe('parsePolicyConfig: mistakes name their key and line', () => {
  it('reports every mistake of the invalid sample, in line order', () => {
    const text = readFileSync(path.join(fixturesDir, 'policy', 'invalid.yaml'), 'utf8');
    expect(brief(text)).toEqual([
      `1: level: Invalid value: "strict": ${levelError}`,
      `2: warnLevel: unknown key "warnLevel" (did you mean "warn-level"?); valid keys: level, warn-level, version, warn-version, namespace-labels, strict, opt-outs, policy-changes, preview-version, exemptions, rules, disable, render, advice`,
      `3: version: Invalid value: 1.3 (a number: write versions as the string "v1.N"): ${versionError}`,
      '4: strict: Invalid value: "maybe": must be true or false',
      '6: exemptions.namespaces[0]: Invalid value: "Kube-System": a namespace name must be a lowercase RFC 1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters); exemptions are exact names, not patterns',
      '6: exemptions.namespaces[2]: Duplicate value: "kube-system"',
      '8: rules[0].match.files[0]: Invalid value: "/deploy/prod/**": must be relative to the repository root (no leading "/")',
      '10: rules[1]: missing key "match" (with namespaces and/or files); a rule without conditions would be the top-level settings',
      `12: disable[0].checks[0]: Invalid value: "hostPort": unknown check (did you mean "hostPorts"?); valid checks: ${checkIds.join(', ')}`,
      '13: disable[0].images: must not be empty: remove the key instead',
    ]);
  });

  it.each([
    ['level: Restricted', `1: level: Invalid value: "Restricted": ${levelError}`],
    ['level: ""', `1: level: Invalid value: "": ${levelError}`],
    ['level: on', `1: level: Invalid value: true (a boolean): ${levelError}`],
    ['level: [restricted]', `1: level: Invalid value: ["restricted"] (a list): ${levelError}`],
    ['warn-level: strict', `1: warn-level: Invalid value: "strict": ${levelError}`],
    ['version: v1.01', `1: version: Invalid value: "v1.01": ${versionError}`],
    ['version: "1.25"', `1: version: Invalid value: "1.25": ${versionError}`],
    ['version: Latest', `1: version: Invalid value: "Latest": ${versionError}`],
    ['warn-version: v2.0', `1: warn-version: Invalid value: "v2.0": ${versionError}`],
    ['preview-version: 1.30', `1: preview-version: Invalid value: 1.3 (a number: write versions as the string "v1.N"): ${versionError}`],
    ['version: v1.99999999999999999999', `1: version: Invalid value: "v1.99999999999999999999": ${versionError}`],
    ['namespace-labels: "true"', '1: namespace-labels: Invalid value: "true": must be true or false'],
    ['level:', '1: level: has no value; give one or remove the key'],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual([expected]);
  });

  it('names the line of a nested mistake, not of its parent', () => {
    const text = ['level: baseline', 'rules:', '  - match:', '      namespaces:', '        - prod', '        - Prod-*', '    level: restricted', ''].join('\n');
    expect(brief(text)).toEqual(['6: rules[0].match.namespaces[1]: Invalid value: "Prod-*": must be lowercase (Kubernetes names are, so it could never match)']);
  });

  it('reports unknown keys at every depth, with a hint when one is close', () => {
    const text = [
      'exemptions:',
      '  runtimeClasses: [kata]',
      'rules:',
      '  - match: {namespace: [prod]}',
      '    level: restricted',
      '    warn_level: restricted',
      'disable:',
      '  - checks: [privileged]',
      '    image: [x]',
      '    why: because',
      '',
    ].join('\n');
    const found = errors(text);
    expect(found.map((e) => [e.line, e.key])).toEqual([
      [2, 'exemptions.runtimeClasses'],
      [4, 'rules[0].match.namespace'],
      [4, 'rules[0].match'],
      [6, 'rules[0].warn_level'],
      [9, 'disable[0].image'],
      [10, 'disable[0].why'],
    ]);
    expect(found[0]!.message).toBe('unknown key "runtimeClasses" (did you mean "runtimeClassNames"?); valid keys: namespaces, runtimeClassNames');
    expect(found[1]!.message).toMatch(/^unknown key "namespace" \(did you mean "namespaces"\?\); valid keys: namespaces, files$/);
    expect(found[2]!.message).toBe('must have namespaces and/or files');
    expect(found[3]!.message).toMatch(/did you mean "warn-level"/);
    expect(found[4]!.message).toMatch(/did you mean "images"/);
    expect(found[5]!.message).toBe('unknown key "why"; valid keys: checks, namespaces, files, workloads, images, reason');
  });

  it('refuses wrong types with the type named', () => {
    expect(brief('rules: {match: x}')).toEqual(['1: rules: must be a list, not a mapping']);
    expect(brief('exemptions: [kube-system]')).toEqual(['1: exemptions: must be a mapping (key: value), not a list']);
    expect(brief('exemptions:\n  namespaces: kube-system\n')).toEqual(['2: exemptions.namespaces: must be a list, not a string (write [kube-system])']);
    expect(brief('exemptions:\n  namespaces: [no]\n')).toEqual(['2: exemptions.namespaces[0]: Invalid value: false: must be a string, not a boolean (quote it)']);
    expect(brief('rules:\n  - restricted\n')).toEqual(['2: rules[0]: must be a mapping (key: value), not a string']);
    expect(brief('disable:\n  - checks: [privileged]\n    reason: ""\n')).toEqual(['3: disable[0].reason: must not be empty']);
    expect(brief('disable:\n  - checks: [privileged]\n    reason: [a]\n')).toEqual(['3: disable[0].reason: must be a string, not a list']);
  });

  it('refuses a top level that is not a mapping', () => {
    expect(errors('- level: baseline\n')).toEqual([{ file, line: 1, key: '(top level)', message: 'must be a mapping (key: value), not a list' }]);
    expect(errors('restricted\n')).toEqual([{ file, line: 1, key: '(top level)', message: 'must be a mapping (key: value), not a string' }]);
  });

  it('refuses rules without conditions or without settings', () => {
    expect(brief('rules:\n  - match: {}\n    level: restricted\n')).toEqual(['2: rules[0].match: must have namespaces and/or files']);
    expect(brief('rules:\n  - match: {files: []}\n    level: restricted\n')).toEqual(['2: rules[0].match.files: must not be empty: remove the key instead']);
    expect(brief('rules:\n  - match: {files: ["a/**"]}\n')).toEqual(['2: rules[0]: sets nothing: give level, warn-level, version or warn-version']);
    expect(brief('rules:\n  - match:\n    level: baseline\n')).toEqual(['2: rules[0].match: has no value; give one or remove the key']);
  });

  it('refuses disables without checks, with invalid checks or invalid scopes', () => {
    expect(brief('disable:\n  - namespaces: [a]\n')).toEqual(['2: disable[0]: missing key "checks" (the check IDs to disable, e.g. [hostPorts])']);
    expect(brief('disable:\n  - checks: []\n')).toEqual(['2: disable[0].checks: must not be empty: remove the key instead']);
    expect(brief('disable:\n  - checks: [HostPorts]\n')[0]).toMatch(/^2: disable\[0\]\.checks\[0\]: Invalid value: "HostPorts": unknown check \(did you mean "hostPorts"\?\); valid checks: allowPrivilegeEscalation, /);
    expect(brief('disable:\n  - checks: [host-namespaces]\n')[0]).toMatch(/did you mean "hostNamespaces"/);
    expect(brief('disable:\n  - checks: [everything]\n')[0]).toMatch(/"everything": unknown check; valid checks: /);
    expect(brief('disable:\n  - checks: [privileged]\n    workloads: [web/api]\n')).toEqual([
      '3: disable[0].workloads[0]: Invalid value: "web/api": must not contain "/" (it is a name, not a path)',
    ]);
    expect(brief('disable:\n  - checks: [privileged]\n    images: ["nginx latest"]\n')).toEqual(['3: disable[0].images[0]: Invalid value: "nginx latest": must not contain spaces']);
  });

  it.each([
    ['""', 'must not be empty'],
    ['"../deploy/**"', 'must not contain ".." (paths are inside the repository)'],
    ['"deploy\\\\prod\\\\**"', 'must not contain "\\" (use "/" between folders; "\\" escapes in globs)'],
    ['"!deploy/**"', 'negation ("!") is not supported: list the patterns that should match'],
    ['"deploy/[abc/**"', 'has a "[" without its "]"'],
    ['"deploy/{a,b/**"', 'has a "{" without its "}"'],
    ['"deploy/a}/**"', 'has a "}" without its "{"'],
    ['"deploy/*(a|b/**"', 'has a "(" without its ")"'],
    ['" deploy/**"', 'must not start or end with spaces'],
  ])('refuses the file glob %s', (glob, message) => {
    const found = errors(`rules:\n  - match:\n      files: [${glob}]\n    level: restricted\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 3, key: 'rules[0].match.files[0]' });
    expect(found[0]!.message).toMatch(/^Invalid value: /);
    expect(found[0]!.message.endsWith(`: ${message}`)).toBe(true);
  });

  it('validates exemptions like PodSecurityConfiguration: names, not patterns, no duplicates', () => {
    expect(brief('exemptions:\n  namespaces: ["kube-*"]\n')[0]).toMatch(/^2: exemptions\.namespaces\[0\]: Invalid value: "kube-\*": a namespace name must be a lowercase RFC 1123 label/);
    expect(brief('exemptions:\n  namespaces: [""]\n')[0]).toMatch(/^2: exemptions\.namespaces\[0\]: Invalid value: "": a namespace name/);
    expect(brief(`exemptions:\n  namespaces: [${'a'.repeat(64)}]\n`)[0]).toMatch(/at most 63 characters/);
    expect(brief('exemptions:\n  runtimeClassNames: [gvisor, Kata]\n')[0]).toMatch(/^2: exemptions\.runtimeClassNames\[1\]: Invalid value: "Kata": a RuntimeClass name must be a lowercase RFC 1123 subdomain/);
    expect(parse('exemptions:\n  runtimeClassNames: [kata.containers.io]\n').exemptions.runtimeClassNames[0]?.value).toBe('kata.containers.io');
    expect(brief('exemptions:\n  runtimeClassNames:\n    - kata\n    - kata\n')).toEqual(['4: exemptions.runtimeClassNames[1]: Duplicate value: "kata"']);
  });

  it('refuses duplicate keys, which would silently drop one of the values', () => {
    expect(brief('level: baseline\nlevel: restricted\n')).toEqual(['2: level: duplicate key "level"; write each key once']);
    expect(brief('rules:\n  - match: {files: [a]}\n    level: baseline\n    level: restricted\n')).toEqual([
      '4: rules[0].level: duplicate key "level"; write each key once',
    ]);
  });

  it('reports YAML that cannot be read, with its line', () => {
    const found = errors('level: baseline\nrules: [a\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file, key: '(file)' });
    expect(found[0]!.line).toBeGreaterThanOrEqual(2);
    expect(found[0]!.message).toMatch(/^malformed YAML: /);
  });

  it('refuses several documents', () => {
    expect(errors('level: baseline\n---\nlevel: restricted\n')).toEqual([
      { file, line: 3, key: '(file)', message: 'must hold one YAML document; remove the extra "---" and what follows' },
    ]);
  });

  it('fails closed: one mistake anywhere fails the whole config', () => {
    const result = parsePolicyConfig('level: restricted\ndisable:\n  - checks: [privileged, nope]\n', file);
    expect(result.ok).toBe(false);
  });
});

describe('ConfigurationError', () => {
  it('lists every error as file:line: key: message', () => {
    const result = parsePolicyConfig('level: strict\nwarn-level: nope\n', 'ci/psr.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = new ConfigurationError(result.errors);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigurationError');
    expect(error.errors).toBe(result.errors);
    expect(error.message).toBe(
      [`ci/psr.yaml:1: level: Invalid value: "strict": ${levelError}`, `ci/psr.yaml:2: warn-level: Invalid value: "nope": ${levelError}`].join('\n'),
    );
  });
});

describe('parsePolicyConfig: render', () => {
  it('reads how each chart is rendered', () => {
    const config = parse('render:\n  charts:\n    - chart: ./charts/web/\n      release: shop\n      namespace: prod\n      values: [env/prod.yaml]\n      ci-values: yes\n    - chart: charts/api\n');
    expect(config.render).toEqual({
      charts: [
        { chart: 'charts/web', release: 'shop', namespace: 'prod', values: ['env/prod.yaml'], ciValues: true },
        { chart: 'charts/api' },
      ],
    });
  });

  it('names each mistake with its line', () => {
    expect(errors('render:\n  charts:\n    - release: shop\n    - chart: charts/web\n      valuesFiles: [a.yaml]\n').map(formatConfigError)).toEqual([
      `${file}:3: render.charts[0]: missing key "chart" (the chart's folder, e.g. charts/web)`,
      `${file}:5: render.charts[1].valuesFiles: unknown key "valuesFiles"; valid keys: chart, release, namespace, values, ci-values`,
    ]);
  });

  it('reads the limits of each run of a tool: a timeout in seconds (fractions allowed) and an output size in bytes', () => {
    expect(parse('render:\n  timeout: 0.5\n  max-output-size: 1_048_576\n').render).toEqual({ charts: [], timeout: 0.5, maxOutputSize: 1048576 });
    expect(parse('render:\n  timeout: 120\n').render).toEqual({ charts: [], timeout: 120 });
  });

  it('refuses a limit that is not a number in bounds, naming the key, its line and the form to write', () => {
    const seconds = 'must be a number of seconds greater than 0 and at most 3600';
    const bytes = 'must be a whole number of bytes greater than 0 and at most 1073741824';
    expect(brief('render:\n  timeout: 30s\n  max-output-size: "1024"\n')).toEqual([
      `2: render.timeout: Invalid value: "30s": ${seconds} (a string: write the number alone, unquoted)`,
      `3: render.max-output-size: Invalid value: "1024": ${bytes} (a string: write the number alone, unquoted)`,
    ]);
    expect(brief('render:\n  timeout: 0\n  max-output-size: 1.5\n')).toEqual([`2: render.timeout: Invalid value: 0: ${seconds}`, `3: render.max-output-size: Invalid value: 1.5: ${bytes}`]);
    expect(brief('render:\n  timeout: 7200\n  max-output-size: -1\n')).toEqual([`2: render.timeout: Invalid value: 7200: ${seconds}`, `3: render.max-output-size: Invalid value: -1: ${bytes}`]);
    expect(brief('render:\n  timeout: yes\n  max-output-size: [1]\n')).toEqual([`2: render.timeout: Invalid value: true: ${seconds}`, `3: render.max-output-size: Invalid value: [1]: ${bytes}`]);
    expect(brief('render:\n  timeout:\n')).toEqual(['2: render.timeout: has no value; give one or remove the key']);
    expect(brief('render:\n  time-out: 5\n')).toEqual(['2: render.time-out: unknown key "time-out" (did you mean "timeout"?); valid keys: charts, timeout, max-output-size, kustomize, kube-version, api-versions']);
  });

  it("reads the cluster's Kubernetes version and extra API versions, and names a mistake in them", () => {
    expect(parse('render:\n  kube-version: v1.29.3\n  api-versions: [monitoring.coreos.com/v1/ServiceMonitor, policy/v1]\n').render).toEqual({
      charts: [],
      capabilities: { kubeVersion: 'v1.29.3', apiVersions: ['monitoring.coreos.com/v1/ServiceMonitor', 'policy/v1'] },
    });
    expect(parse('render:\n  kube-version: "1.31"\n').render).toEqual({ charts: [], capabilities: { kubeVersion: '1.31', apiVersions: [] } });
    expect(brief('render:\n  kube-version: latest\n  api-versions: [monitoring]\n')).toEqual([
      '2: render.kube-version: Invalid value: "latest": must be a Kubernetes version such as 1.31 or v1.31.2',
      '3: render.api-versions[0]: Invalid value: "monitoring": must be an API version such as policy/v1 or monitoring.coreos.com/v1/ServiceMonitor',
    ]);
  });

  it('reads the switch for kustomize\'s Helm inflation, off unless set, and names a mistake in it', () => {
    expect(parse('render:\n  kustomize:\n    helm: true\n').render).toEqual({ charts: [], kustomizeHelm: true });
    expect(parse('render:\n  kustomize: {}\n').render).toEqual({ charts: [] });
    expect(brief('render:\n  kustomize:\n    helm: sometimes\n')).toEqual(['3: render.kustomize.helm: Invalid value: "sometimes": must be true or false']);
    expect(brief('render:\n  kustomize:\n    enable-helm: true\n')).toEqual(['3: render.kustomize.enable-helm: unknown key "enable-helm"; valid keys: helm']);
  });
});
