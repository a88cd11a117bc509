/**
 * The config file's JSON Schema agrees with the parser: it is the file the
 * package publishes, it describes every key the parser reads, and on the
 * same configs (the README's example, the config tests' valid and invalid
 * ones) both accept or both refuse.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkIds } from '../../../src/policy/checkIds.js';
import { chartKeys, disableKeys, exemptionKeys, matchKeys, parsePolicyConfig, renderKeys, renderKustomizeKeys, ruleKeys, topLevelKeys } from '../../../src/policy/config.js';
import { policyConfigSchema, policyConfigSchemaText, policyConfigSchemaUrl } from '../../../src/policy/schema.js';
import { fixturesDir, repoRoot } from '../../helpers/paths.js';

const schema = policyConfigSchema();
const validate = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(schema);
/** What an editor sees: the YAML (1.2, as yaml-language-server reads it) as JSON. */
const schemaAccepts = (text: string) => validate(parse(text) ?? null);
const parserAccepts = (text: string) => parsePolicyConfig(text, '.github/pod-security.yaml').ok;

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const sample = readFileSync(path.join(fixturesDir, 'policy', 'pod-security.yaml'), 'utf8');

type Props = Record<string, { properties?: Props; items?: { properties?: Props } }>;

describe('the config JSON Schema', () => {
  it('is the committed schema/pod-security.schema.json (regenerate with npx tsx scripts/config-schema.ts)', () => {
    expect(readFileSync(path.join(repoRoot, 'schema', 'pod-security.schema.json'), 'utf8')).toBe(policyConfigSchemaText());
  });

  it("describes exactly the keys the parser reads, at every depth, and every check ID", () => {
    const top = schema.properties as Props;
    expect(Object.keys(top).sort()).toEqual([...topLevelKeys].sort());
    expect(Object.keys(top.exemptions!.properties!).sort()).toEqual([...exemptionKeys].sort());
    const rule = top.rules!.items!.properties!;
    expect(Object.keys(rule).sort()).toEqual([...ruleKeys].sort());
    expect(Object.keys(rule.match!.properties!).sort()).toEqual([...matchKeys].sort());
    const disable = top.disable!.items!.properties as unknown as Record<string, { items?: { enum?: string[] } }>;
    expect(Object.keys(disable).sort()).toEqual([...disableKeys].sort());
    expect(disable.checks!.items!.enum).toEqual([...checkIds]);
    const render = top.render!.properties!;
    expect(Object.keys(render).sort()).toEqual([...renderKeys].sort());
    expect(Object.keys(render.charts!.items!.properties!).sort()).toEqual([...chartKeys].sort());
    expect(Object.keys(render.kustomize!.properties!).sort()).toEqual([...renderKustomizeKeys].sort());
  });

  it('is where the README example and init point editors to', () => {
    expect(readme).toContain(`# yaml-language-server: $schema=${policyConfigSchemaUrl}`);
    expect(sample).toContain(`# yaml-language-server: $schema=${policyConfigSchemaUrl}`);
    expect(policyConfigSchemaUrl).toMatch(/\/v1\/schema\/pod-security\.schema\.json$/);
  });

  it('accepts the README example, which is the sample config', () => {
    const example = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBe(sample);
    expect(parserAccepts(sample)).toBe(true);
    expect(schemaAccepts(sample), JSON.stringify(validate.errors)).toBe(true);
  });

  it("accepts the README's render example, as the parser does, with the values it documents", () => {
    const example = /```yaml\n(render:[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const parsed = parsePolicyConfig(example!, '.github/pod-security.yaml');
    expect(parsed.ok && parsed.config.render).toMatchObject({ timeout: 60, maxOutputSize: 16 * 1024 * 1024 });
    expect(schemaAccepts(example!), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing yet\n'],
    ['every level and version form', 'level: privileged\nwarn-level: baseline\nversion: v1.0\nwarn-version: v1.10000\npreview-version: latest\n'],
    ['empty exemption, rules and disable lists', 'exemptions:\n  namespaces: []\n  runtimeClassNames: []\nrules: []\ndisable: []\n'],
    ['a disable without scope or reason', 'disable:\n  - checks: [seLinuxOptions, seLinuxOptions]\n'],
    ['a rule on files only', 'rules:\n  - match: {files: ["deploy/**"]}\n    warn-version: v1.30\n'],
    ['chart rendering settings', 'render:\n  charts:\n    - chart: charts/web\n      release: web\n      namespace: shop\n      values: [charts/web/values-prod.yaml]\n      ci-values: true\n'],
    ['render limits', 'render:\n  timeout: 0.5\n  max-output-size: 100\n'],
    ['kustomize Helm inflation', 'render:\n  kustomize:\n    helm: true\n'],
    ['image patterns', 'disable:\n  - checks: [privileged]\n    images: ["registry.example/*:v1"]\n    reason: vendor agent\n'],
  ])('accepts what the parser accepts: %s', (_label, text) => {
    expect(parserAccepts(text)).toBe(true);
    expect(schemaAccepts(text), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['the invalid sample', readFileSync(path.join(fixturesDir, 'policy', 'invalid.yaml'), 'utf8')],
    ['an unknown top-level key', 'levle: baseline\n'],
    ['an unknown key in a rule', 'rules:\n  - match: {namespaces: [a]}\n    levels: restricted\n'],
    ['an unknown key in match', 'rules:\n  - match: {namespace: [a]}\n    level: restricted\n'],
    ['an unknown key in an exemption', 'exemptions:\n  users: [a]\n'],
    ['an unknown key in a disable', 'disable:\n  - checks: [privileged]\n    why: x\n'],
    ['an unknown level', 'level: strict\n'],
    ['a version without v', 'version: "1.30"\n'],
    ['a version as a number', 'version: 1.30\n'],
    ['a v2 version', 'warn-version: v2.0\n'],
    ['a boolean as a string', 'strict: "maybe"\n'],
    ['a top level that is a list', '- level: baseline\n'],
    ['a top level that is a string', 'restricted\n'],
    ['a rule without match', 'rules:\n  - level: restricted\n'],
    ['a rule that sets nothing', 'rules:\n  - match: {namespaces: [a]}\n'],
    ['a rule whose match is empty', 'rules:\n  - match: {}\n    level: restricted\n'],
    ['an empty namespace list in a rule', 'rules:\n  - match: {namespaces: []}\n    level: restricted\n'],
    ['an uppercase namespace pattern', 'rules:\n  - match: {namespaces: [Prod-*]}\n    level: restricted\n'],
    ['an absolute file glob', 'rules:\n  - match: {files: ["/deploy/**"]}\n    level: restricted\n'],
    ['a file glob leaving the repository', 'rules:\n  - match: {files: ["../x/**"]}\n    level: restricted\n'],
    ['a negated glob', 'rules:\n  - match: {files: ["!deploy/**"]}\n    level: restricted\n'],
    ['a disable without checks', 'disable:\n  - namespaces: [ingress]\n'],
    ['an unknown check', 'disable:\n  - checks: [hostPort]\n'],
    ['an empty images list', 'disable:\n  - checks: [privileged]\n    images: []\n'],
    ['an image with a space', 'disable:\n  - checks: [privileged]\n    images: ["a b"]\n'],
    ['an empty reason', 'disable:\n  - checks: [privileged]\n    reason: " "\n'],
    ['an exemption that is a pattern', 'exemptions:\n  namespaces: [prod-*]\n'],
    ['a duplicate exemption', 'exemptions:\n  runtimeClassNames: [kata, kata]\n'],
    ['a chart without its folder', 'render:\n  charts:\n    - release: web\n'],
    ['an unknown chart setting', 'render:\n  charts:\n    - chart: charts/web\n      value: x.yaml\n'],
    ['an unknown kustomize setting', 'render:\n  kustomize:\n    plugins: true\n'],
    ['kustomize Helm inflation as a string', 'render:\n  kustomize:\n    helm: "on"\n'],
    ['a timeout of zero', 'render:\n  timeout: 0\n'],
    ['a timeout with a unit', 'render:\n  timeout: 30s\n'],
    ['a timeout over an hour', 'render:\n  timeout: 3601\n'],
    ['an output size in fractions of a byte', 'render:\n  max-output-size: 1.5\n'],
    ['an output size as a string', 'render:\n  max-output-size: "1024"\n'],
    ['a list where a string is due', 'disable:\n  - checks: privileged\n'],
  ])('refuses what the parser refuses: %s', (_label, text) => {
    expect(parserAccepts(text)).toBe(false);
    expect(schemaAccepts(text)).toBe(false);
  });
});
