/**
 * Kyverno's own podSecurity test cases (fixtures/kyverno-podsecurity, from
 * kyverno/kyverno pkg/pss/evaluate_test.go, Apache-2.0: see NOTICE): our
 * verdict on each pod under each rule's level, version and exclusions
 * equals Kyverno's expected one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLevel, parseVersion } from '../../src/pss/levels.js';
import type { JsonObject } from '../../src/pss/types.js';
import { evaluatePodSecurityRule } from '../../src/policy/sources/kyvernoEvaluate.js';
import { fixturesDir } from '../helpers/paths.js';

interface Case {
  readonly name: string;
  readonly rule: { level: string; version?: string; exclude?: { controlName: string; images?: string[]; restrictedField?: string; values?: string[] }[] };
  readonly pod: { metadata?: JsonObject; spec?: JsonObject };
  readonly allowed: boolean;
}

const { cases } = JSON.parse(readFileSync(path.join(fixturesDir, 'kyverno-podsecurity', 'evaluate-cases.json'), 'utf8')) as { cases: Case[] };

describe("Kyverno's podSecurity test cases", () => {
  it('are all there', () => expect(cases.length).toBe(252));

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const level = parseLevel(c.rule.level);
    const version = parseVersion(c.rule.version ?? 'latest');
    if (!level.ok || !version.ok) throw new Error(`bad rule in ${c.name}`);
    const excludes = (c.rule.exclude ?? []).map((e) => ({ controlName: e.controlName, images: e.images ?? [], restrictedField: e.restrictedField ?? '', values: e.values ?? [] }));
    const verdict = evaluatePodSecurityRule({ metadata: c.pod.metadata ?? {}, spec: c.pod.spec ?? {} }, level.value, version.value, excludes);
    expect(verdict.failures.length === 0).toBe(c.allowed);
  });
});
