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

/** The fixture's pod without apiVersion/kind, indented under a wrapper header. */
function wrap(podText: string, header: string, indent: number): string {
  const body = podText
    .split('\n')
    .filter((line) => !/^(apiVersion|kind):/.test(line))
    .map((line) => (line === '' ? line : ' '.repeat(indent) + line))
    .join('\n');
  return `${header}\n${body}`;
}

const wrappers: Record<string, (pod: string) => string> = {
  Deployment: (pod) => wrap(pod, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  StatefulSet: (pod) => wrap(pod, 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  DaemonSet: (pod) => wrap(pod, 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  ReplicaSet: (pod) => wrap(pod, 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  ReplicationController: (pod) => wrap(pod, 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  Job: (pod) => wrap(pod, 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: wrapped\nspec:\n  template:', 4),
  CronJob: (pod) =>
    wrap(pod, 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: wrapped\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:', 8),
  PodTemplate: (pod) => wrap(pod, 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: wrapped\ntemplate:', 2),
  'List of Pods': (pod) => `apiVersion: v1\nkind: List\nitems:\n- ${pod.trimEnd().split('\n').join('\n  ')}\n`,
};

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
