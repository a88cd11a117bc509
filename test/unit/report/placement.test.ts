/**
 * Where a suggestion's comment sits (issue 17, item 1): on the finding's
 * field where GitHub allows it, with a suggestion that still applies
 * exactly as the verified one.
 */
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../src/diff/lines.js';
import { parseFilePatch } from '../../../src/diff/parse.js';
import { maxRepeatedLines, placeOnOffendingFields } from '../../../src/report/placement.js';
import type { Anchor } from '../../../src/report/placement.js';
import type { ReviewFinding, SuggestionLike } from '../../../src/report/types.js';
import { reviewFinding } from '../../helpers/findings.js';

/** A new file: every line is an added line of one hunk. */
const newFile = (text: string[]) => diffLines(parseFilePatch(`@@ -0,0 +1,${text.length} @@\n${text.map((l) => `+${l}`).join('\n')}\n`));

const pod = [
  'spec:', //                                        1
  '  securityContext:', //                           2
  '    seccompProfile: {type: RuntimeDefault}', //   3
  '  containers:', //                                4
  '  - name: web', //                                5
  '    image: nginx', //                             6
  '    ports:', //                                   7
  '    - containerPort: 80', //                      8
  '  - name: side', //                               9
  '    image: busybox', //                          10
];
const lines = newFile(pod);

const at = (line: number, check: ReviewFinding['check'] = 'runAsNonRoot') =>
  reviewFinding({ check, line, locations: [{ path: 'p', line, column: 3, exact: false, container: 'web', inDiff: true }] });
const fix = (startLine: number, endLine: number, inserted: string): SuggestionLike => ({
  startLine,
  endLine,
  replacement: `${pod.slice(startLine - 1, endLine).join('\n')}\n${inserted}`,
  attachable: true,
});
const anchorOf = (s: SuggestionLike): Anchor => ({ path: 'deploy/web.yaml', start: s.startLine, end: s.endLine, suggestion: s });

/** The file after GitHub applies a suggestion: its range replaced by its block. */
function applied(s: SuggestionLike): string {
  const out = [...pod];
  out.splice(s.startLine - 1, s.endLine - s.startLine + 1, ...s.replacement!.replace(/\n$/, '').split('\n'));
  return out.join('\n');
}

describe('placing a suggestion on its finding', () => {
  it('widens a pod-level fix spliced above the container down to the container line, and it still applies the same', () => {
    const suggestion = fix(3, 3, '    runAsNonRoot: true\n');
    const [placed] = placeOnOffendingFields([{ anchor: anchorOf(suggestion), findings: [at(5)] }], () => lines);
    expect([placed!.start, placed!.end]).toEqual([3, 5]);
    expect(placed!.suggestion!.replacement).toBe(`${pod[2]}\n    runAsNonRoot: true\n${pod[3]}\n${pod[4]}\n`);
    expect(applied(placed!.suggestion!)).toBe(applied(suggestion));
  });

  it('leaves a fix spliced on the last line of the field\'s own block where it is', () => {
    const suggestion = fix(8, 8, '    securityContext: {allowPrivilegeEscalation: false}\n');
    const [placed] = placeOnOffendingFields([{ anchor: anchorOf(suggestion), findings: [at(5, 'allowPrivilegeEscalation')] }], () => lines);
    expect(placed).toEqual(anchorOf(suggestion));
  });

  it('widens a fix spliced in another block up to the field, so the range starts on it', () => {
    const suggestion = fix(10, 10, '  securityContext: {runAsNonRoot: true}\n');
    const [placed] = placeOnOffendingFields([{ anchor: anchorOf(suggestion), findings: [at(5)] }], () => lines);
    expect([placed!.start, placed!.end]).toEqual([5, 10]);
    expect(applied(placed!.suggestion!)).toBe(applied(suggestion));
  });

  it('keeps a range that already holds a finding line', () => {
    const suggestion = fix(5, 6, '');
    expect(placeOnOffendingFields([{ anchor: anchorOf(suggestion), findings: [at(6, 'privileged')] }], () => lines)[0]).toEqual(anchorOf(suggestion));
  });

  it(`never overlaps another suggestion of the file, crosses a hunk or repeats more than ${maxRepeatedLines} lines`, () => {
    const podLevel = fix(3, 3, '    runAsNonRoot: true\n');
    const other = fix(4, 4, '');
    expect(placeOnOffendingFields([{ anchor: anchorOf(podLevel), findings: [at(5)] }, { anchor: anchorOf(other), findings: [at(4, 'hostPorts')] }], () => lines)[0]).toEqual(anchorOf(podLevel));
    // Lines 3-5 in two hunks.
    const split = diffLines(parseFilePatch('@@ -1,3 +1,3 @@\n spec:\n   securityContext:\n-x\n+    seccompProfile: {type: RuntimeDefault}\n@@ -5,1 +5,1 @@\n-y\n+  - name: web\n'));
    expect(placeOnOffendingFields([{ anchor: anchorOf(podLevel), findings: [at(5)] }], () => split)[0]).toEqual(anchorOf(podLevel));
    const long = [...pod.slice(0, 4), ...Array.from({ length: maxRepeatedLines }, (_, i) => `  # ${i}`), ...pod.slice(4)];
    expect(placeOnOffendingFields([{ anchor: anchorOf(podLevel), findings: [at(5 + maxRepeatedLines)] }], () => newFile(long))[0]).toEqual(anchorOf(podLevel));
  });
});
