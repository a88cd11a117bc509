/**
 * A pod spec gives the same verdict wherever it is written: every
 * conformance fixture, wrapped in each workload kind and in a List, must
 * fail the same checks with the same messages, and each finding's lines
 * must point at the same source text as for the bare Pod. Kinds that share
 * a template path share the whole-corpus pass (see fixturesFor).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../src/findings/evaluateFiles.js';
import { policyContext } from '../../src/findings/policyContext.js';
import type { Finding } from '../../src/findings/types.js';
import { workloadKinds } from '../../src/workloads/kinds.js';
import { conformanceFixtures } from '../helpers/corpus.js';
import type { ConformanceFixture } from '../helpers/corpus.js';
import { wrappers } from '../helpers/wrap.js';

const fixtures = conformanceFixtures();

/** What must not change when the pod is wrapped: checks, messages, and the text at each line. */
function signature(findings: readonly Finding[], text: string) {
  const lines = text.split('\n');
  return findings.map((f) => ({
    check: f.check,
    reason: f.reason,
    detail: f.detail,
    container: f.container,
    at: f.locations.map((l) => ({ text: lines[l.line - 1]?.trim().replace(/^- /, ''), exact: l.exact, container: l.container })),
  }));
}

/**
 * Kinds whose pod template sits at the same path go through the same
 * extraction and locating: the first of each path is checked on the whole
 * corpus, the others on one version's fixtures (every check, both levels).
 */
function fixturesFor(kind: string): ConformanceFixture[] {
  const template = (k: string) => JSON.stringify(workloadKinds.find((w) => w.kind === k)?.template ?? ['items']);
  const first = Object.keys(wrappers).find((k) => template(k) === template(kind));
  return first === kind ? fixtures : fixtures.filter((f) => f.minor === 37);
}

const optionsOf = (fixture: ConformanceFixture) => ({ policy: policyContext('2026-01-01', { overrides: { level: fixture.level, version: fixture.minor, warnLevel: 'privileged' } }) });

/** The bare Pod's signature, computed once per fixture for every kind. */
const bareSignatures = new Map<string, ReturnType<typeof signature>>();
function bareSignature(fixture: ConformanceFixture, podText: string) {
  let bare = bareSignatures.get(fixture.file);
  if (!bare) {
    bare = signature(evaluateFiles([{ path: 'pod.yaml', content: podText }], optionsOf(fixture)).findings, podText);
    bareSignatures.set(fixture.file, bare);
  }
  return bare;
}

describe.each(Object.entries(wrappers))('pods wrapped in a %s', (kind, wrapPod) => {
  it('give the same verdicts and lines as the bare Pods', () => {
    const chosen = fixturesFor(kind);
    let compared = 0;
    for (const fixture of chosen) {
      const podText = readFileSync(fixture.file, 'utf8');
      const wrappedText = wrapPod(podText);
      const wrapped = evaluateFiles([{ path: 'wrapped.yaml', content: wrappedText }], optionsOf(fixture));
      expect(wrapped.errors, fixture.file).toEqual([]);
      expect(wrapped.podSpecs, fixture.file).toHaveLength(1);
      expect(wrapped.podSpecs[0]!.kind).toBe(kind === 'List of Pods' ? 'Pod' : kind);
      expect(wrapped.podSpecs[0]!.allowed, fixture.file).toBe(fixture.expectation === 'pass');
      expect(signature(wrapped.findings, wrappedText), fixture.file).toEqual(bareSignature(fixture, podText));
      compared++;
    }
    expect(compared).toBe(chosen === fixtures ? 4537 : chosen.length);
    expect(compared).toBeGreaterThan(100);
  });
});

it('every path to a pod template is checked on the whole corpus by one kind', () => {
  const full = Object.keys(wrappers).filter((kind) => fixturesFor(kind) === fixtures);
  expect(full).toEqual(['Deployment', 'CronJob', 'PodTemplate', 'List of Pods']);
});
