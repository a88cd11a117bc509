/**
 * A pod spec gives the same verdict wherever it is written: every
 * conformance fixture, wrapped in each workload kind and in a List, must
 * fail the same checks with the same messages, and each finding's lines
 * must point at the same source text as for the bare Pod.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../src/findings/evaluateFiles.js';
import { policyContext } from '../../src/findings/policyContext.js';
import type { Finding } from '../../src/findings/types.js';
import { conformanceFixtures } from '../helpers/corpus.js';
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

describe.each(Object.entries(wrappers))('pods wrapped in a %s', (kind, wrapPod) => {
  it('give the same verdicts and lines as the bare Pods, for every fixture', () => {
    let compared = 0;
    for (const fixture of fixtures) {
      const podText = readFileSync(fixture.file, 'utf8');
      const wrappedText = wrapPod(podText);
      const options = { policy: policyContext('2026-01-01', { overrides: { level: fixture.level, version: fixture.minor, warnLevel: 'privileged' } }) };
      const bare = evaluateFiles([{ path: 'pod.yaml', content: podText }], options);
      const wrapped = evaluateFiles([{ path: 'wrapped.yaml', content: wrappedText }], options);
      expect(wrapped.errors, fixture.file).toEqual([]);
      expect(wrapped.podSpecs, fixture.file).toHaveLength(1);
      expect(wrapped.podSpecs[0]!.kind).toBe(kind === 'List of Pods' ? 'Pod' : kind);
      expect(wrapped.podSpecs[0]!.allowed, fixture.file).toBe(fixture.expectation === 'pass');
      expect(signature(wrapped.findings, wrappedText), fixture.file).toEqual(signature(bare.findings, podText));
      compared++;
    }
    expect(compared).toBe(4537);
  });
});
