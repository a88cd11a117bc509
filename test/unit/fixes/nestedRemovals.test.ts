/**
 * Fixes of two checks where one removes a value whole and the other only a
 * part of it: capabilities_baseline (the enforced level) removes the
 * forbidden items of `capabilities.add`, capabilities_restricted (the warn
 * level) the whole list. The whole removal does the part's work, and both
 * findings get it; before, the two edits overlapped in the text and
 * restricted's finding got no fix beside baseline's.
 */
import { describe, expect, it } from 'vitest';
import { computeFixes } from '../../../src/fixes/fixFile.js';
import type { PodFailures } from '../../../src/fixes/fixFile.js';
import { applySuggestions } from '../../../src/fixes/suggestions.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';

const pod = (...securityContext: string[]) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: agent', 'spec:', '  containers:', '  - name: agent', '    image: agent:1', '    securityContext:', ...securityContext.map((line) => `      ${line}`), ''].join('\n');

/**
 * Each capabilities check's fix, with baseline's and restricted's failures fixed together (as a run enforcing
 * baseline and warning at restricted does); `inReview`, baseline's failure blocks, as in a pull request's review.
 */
function capabilityFixes(text: string, inReview = false) {
  const [document] = loadManifestFile('pod.yaml', text).documents;
  const [source] = extractPodSpecs(document!).pods;
  const baseline = evaluatePod(source!.pod, 'baseline', 'latest').failures.map((f) => (inReview ? { ...f, blocking: true } : f));
  const failures = [...baseline, ...evaluatePod(source!.pod, 'restricted', 'latest').failures].filter((f) => f.check.startsWith('capabilities'));
  const pods: PodFailures[] = [{ source: source!, failures }];
  const fixes = computeFixes({ file: 'pod.yaml', text, pods, level: 'restricted', version: 'latest', diff: null });
  return { checks: failures.map((f) => f.check), fixes: fixes.pods[0]!, suggestions: fixes.suggestions };
}

describe('a removal inside a value another fix removes whole', () => {
  it.each([
    ['a flow list', ['capabilities:', '  add: [CHOWN, NET_ADMIN]'], ['capabilities:', '  drop: [ALL]']],
    ['a block list', ['capabilities:', '  add:', '  - DAC_OVERRIDE', '  - SETFCAP', '  - BPF', '  drop:', '  - ALL'], ['capabilities:', '  drop:', '  - ALL']],
  ])('in %s: both findings get the whole removal, which fixes both', (_, written, fixed) => {
    const { checks, fixes, suggestions } = capabilityFixes(pod(...written));
    expect(checks).toEqual(['capabilities_baseline', 'capabilities_restricted']);
    for (const fix of fixes) expect(fix.fix, fix.fixNote ?? '').not.toBeNull();
    expect(fixes[0]!.fix).toBe(fixes[1]!.fix);
    expect(applySuggestions(pod(...written), suggestions)).toBe(pod(...fixed));
  });

  it("keeps a blocking finding's fix the short one in a review: the warning's, which would overlap it, goes", () => {
    const { fixes, suggestions } = capabilityFixes(pod('capabilities:', '  add: [CHOWN, NET_ADMIN]'), true);
    expect(fixes[0]!.fix?.replacement).toBe('        add: [CHOWN]\n');
    expect(fixes[1]!.fix).toBeNull();
    expect(fixes[1]!.fixNote).toMatch(/^No suggestion: the fix removes whole what the blocking fix on these lines removes part of, and the two cannot be written at once: the blocking fix comes first, and this one once that is made\./);
    // And so it is: with the blocking fix applied, nothing blocks, and the whole removal is the warning's fix.
    const { checks, fixes: after } = capabilityFixes(pod('capabilities:', '  add: [CHOWN]'), true);
    expect(checks).toEqual(['capabilities_restricted']);
    expect(after[0]!.fix?.replacement).toBe('        drop: [ALL]\n');
    expect(applySuggestions(pod('capabilities:', '  add: [CHOWN, NET_ADMIN]'), suggestions)).toBe(pod('capabilities:', '  add: [CHOWN]'));
  });

  it('leaves a removal alone when no other removes what holds it', () => {
    // Baseline alone: only the forbidden item goes.
    const text = pod('capabilities:', '  add: [CHOWN, NET_ADMIN]');
    const [document] = loadManifestFile('pod.yaml', text).documents;
    const [source] = extractPodSpecs(document!).pods;
    const pods: PodFailures[] = [{ source: source!, failures: evaluatePod(source!.pod, 'baseline', 'latest').failures }];
    const fixes = computeFixes({ file: 'pod.yaml', text, pods, level: 'baseline', version: 'latest', diff: null });
    expect(applySuggestions(text, fixes.suggestions)).toBe(pod('capabilities:', '  add: [CHOWN]'));
  });
});
