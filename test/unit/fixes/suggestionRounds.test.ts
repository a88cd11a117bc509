/**
 * The rounds of the fix engine's last step (fixFile.ts): a suggestion that
 * does not verify alone makes its pod spec's suggestions one, and if that
 * does not verify either, only that pod spec's fixes are dropped. The other
 * pod specs' verified suggestions stay, and the work stays proportional to
 * the file, however many suggestions fail: every failing group of a file
 * without aliases is dealt with in one round.
 *
 * The fixers avoid suggestions that only verify together, so the verifier is
 * wrapped here to refuse some, as a stand-in for such a fix.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { computeFixes } from '../../../src/fixes/fixFile.js';
import type { PodFailures } from '../../../src/fixes/fixFile.js';
import type * as VerifyModule from '../../../src/fixes/verify.js';
import type { Expectation } from '../../../src/fixes/verify.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';
import type { Refusal } from '../../helpers/refusingVerifier.js';

const wrapper = vi.hoisted(() => ({ refuse: null as Refusal | null, calls: 0 }));

vi.mock('../../../src/fixes/verify.js', async (importOriginal) => {
  const { withRefusals } = await import('../../helpers/refusingVerifier.js');
  return withRefusals(await importOriginal<typeof VerifyModule>(), (splices, expectation) => {
    wrapper.calls++;
    return wrapper.refuse?.(splices, expectation) ?? null;
  });
});

/** A List of Pods that fail hostNamespaces and privileged at baseline, on lines far apart: two suggestions each. */
function list(n: number): string {
  const pod = (i: number) =>
    [
      `- apiVersion: v1`,
      `  kind: Pod`,
      `  metadata:`,
      `    name: p-${i}`,
      `  spec:`,
      `    hostNetwork: true`,
      `    restartPolicy: Always`,
      `    containers:`,
      `    - name: app`,
      `      image: app:${i}`,
      `      securityContext:`,
      `        privileged: true`,
    ].join('\n');
  return `apiVersion: v1\nkind: List\nitems:\n${Array.from({ length: n }, (_, i) => pod(i)).join('\n')}\n`;
}

function fixesOf(text: string) {
  const loaded = loadManifestFile('list.yaml', text, { maxBytes: Number.MAX_SAFE_INTEGER });
  const pods: PodFailures[] = loaded.documents.flatMap((d) => extractPodSpecs(d).pods.map((source) => ({ source, failures: evaluatePod(source.pod, 'baseline', 'latest').failures })));
  expect(pods.flatMap((p) => p.failures.map((f) => f.check))).toEqual(Array.from({ length: pods.length }, () => ['hostNamespaces', 'privileged']).flat());
  return computeFixes({ file: 'list.yaml', text, pods, level: 'baseline', version: 'latest', diff: null });
}

/** The checks an expectation asks of its one pod spec, or null when it names several. */
function onlyPodChecks(expectation: Expectation): string | null {
  const entries = [...expectation.fixed.values()];
  return entries.length === 1 ? [...entries[0]!].sort().join(',') : null;
}

const n = 40;

beforeEach(() => {
  wrapper.refuse = null;
  wrapper.calls = 0;
});

describe('suggestions that verify only with the rest of their pod spec', () => {
  it('become one suggestion per pod spec, with the work proportional to the pod specs', () => {
    const plain = fixesOf(list(n));
    expect(plain.suggestions).toHaveLength(2 * n);
    const callsPlain = wrapper.calls;

    wrapper.calls = 0;
    // The host network's suggestion alone is refused.
    wrapper.refuse = (_, expectation) => (onlyPodChecks(expectation) === 'hostNamespaces' ? 'needs the rest of its pod spec' : null);
    const fixes = fixesOf(list(n));
    expect(fixes.suggestions).toHaveLength(n);
    for (const [first, second] of fixes.pods) {
      expect(first?.fix).not.toBeNull();
      expect(first?.fix).toBe(second?.fix);
      expect(first?.fix?.replacement).toMatch(/^ {4}hostNetwork: false\n[\s\S]*privileged: false\n$/);
    }
    // One round to refuse each pod's group alone, one to verify them merged: a few verifications per pod, not one round per pod.
    expect(wrapper.calls).toBeLessThan(callsPlain + 4 * n);
  });

  it("are dropped when they do not verify merged either, each pod spec's own, and the rest stay", () => {
    // Every fourth Pod refuses the host network's suggestion alone and merged; the others verify.
    const failing = new Set(Array.from({ length: n / 4 }, (_, i) => `p-${4 * i}`));
    const podOf = (expectation: Expectation) => Number(/"items",(\d+)/.exec([...expectation.fixed.keys()][0] ?? '')?.[1] ?? -1);
    wrapper.refuse = (splices, expectation) => {
      const checks = onlyPodChecks(expectation);
      if (!failing.has(`p-${podOf(expectation)}`)) return null;
      // The merged suggestion is one splice; the pod's fixes as rendered are two.
      return checks === 'hostNamespaces' || (checks === 'hostNamespaces,privileged' && splices.length === 1) ? 'does not verify' : null;
    };
    const fixes = fixesOf(list(n));
    fixes.pods.forEach((pod, i) => {
      if (i % 4 === 0) {
        for (const fix of pod) {
          expect(fix.fix).toBeNull();
          expect(fix.fixNote).toContain('does not verify');
        }
      } else {
        expect(pod.every((fix) => fix.fix !== null)).toBe(true);
      }
    });
    expect(fixes.suggestions).toHaveLength(2 * (n - n / 4));
    // Three rounds: the groups alone, the merged ones, all of them together (each verified suggestion is asked again, and known).
    expect(wrapper.calls).toBeLessThan(8 * n);
  });
});
