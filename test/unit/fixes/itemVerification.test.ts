/**
 * Verification by List item (verify.ts, listLayout.ts) against verification
 * of the whole document: the very same suggestions and notes, on every
 * fixture, on the fixtures' pods gathered into Lists, on the benchmark
 * generator's files, and on its Lists of N Pods (YAML, single-line JSON,
 * anchored) at small N. Then: each suggestion of a List still verifies
 * alone and all of them together, on the whole file.
 */
import { describe, expect, it } from 'vitest';
import { listForms, listOfPods } from '../../../bench/lists.js';
import { applySuggestions, computeFixes, fixText } from '../../../src/fixes/fixFile.js';
import type { PodFailures } from '../../../src/fixes/fixFile.js';
import { itemOfSplice, itemsOfSplice, listLayout } from '../../../src/fixes/listLayout.js';
import { verificationCounts } from '../../../src/fixes/verify.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import type { Level } from '../../../src/pss/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';
import { fixtureTexts, generatedTexts } from '../../helpers/manifestTexts.js';
import type { NamedText } from '../../helpers/manifestTexts.js';

function podsOf(name: string, text: string, level: Level): PodFailures[] {
  const loaded = loadManifestFile(name, text, { maxBytes: Number.MAX_SAFE_INTEGER });
  return loaded.documents.flatMap((document) => extractPodSpecs(document).pods.map((source) => ({ source, failures: evaluatePod(source.pod, level, 'latest').failures })));
}

const stats = { files: 0, suggestions: 0 };

function compare(inputs: readonly NamedText[], levels: readonly Level[] = ['restricted']): void {
  for (const { name, text } of inputs) {
    for (const level of levels) {
      const pods = podsOf(name, text, level);
      const request = { file: name, text, pods, level, version: 'latest' as const, diff: null };
      const byItem = computeFixes(request);
      expect(byItem, `${name} at ${level}`).toEqual(computeFixes({ ...request, wholeDocuments: true }));
      stats.files++;
      stats.suggestions += byItem.suggestions.length;
    }
  }
}

/** The pods of the fixtures that hold one, six to a List (the List wrapping of test/helpers/wrap.ts). */
function fixtureLists(): NamedText[] {
  const pods = fixtureTexts().filter(({ name, text }) => name.startsWith('pss-conformance/') && /^kind: Pod$/m.test(text) && !text.includes('\n---'));
  const lists: NamedText[] = [];
  for (let i = 0; i < pods.length; i += 6) {
    const items = pods.slice(i, i + 6).map(({ text }) => `- ${text.trimEnd().split('\n').join('\n  ')}\n`);
    lists.push({ name: `list-${i / 6}.yaml`, text: `apiVersion: v1\nkind: List\nitems:\n${items.join('')}` });
  }
  return lists;
}

describe('verification by List item gives the fixes of whole-document verification', () => {
  it('on every fixture', () => {
    const before = stats.suggestions;
    compare(fixtureTexts());
    expect(stats.suggestions - before).toBeGreaterThan(500);
  }, 600_000);

  it("on the fixtures' pods gathered into Lists, at restricted and baseline", () => {
    const lists = fixtureLists();
    expect(lists.length).toBeGreaterThan(50);
    const before = stats.suggestions;
    const items = verificationCounts.items;
    compare(lists, ['restricted', 'baseline']);
    expect(stats.suggestions - before).toBeGreaterThan(300);
    // The comparison is of the item path with the document path, not of the document path with itself.
    expect(verificationCounts.items - items).toBeGreaterThan(300);
  }, 600_000);

  it("on the benchmark generator's files", () => {
    compare(generatedTexts({ seed: 7, files: 12, docsPerFile: 6, changedFiles: 6 }));
  }, 600_000);

  it.each(listForms)("on the generator's Lists of N Pods (%s)", (form) => {
    const items = verificationCounts.items;
    for (const n of [1, 10, 25]) compare([{ name: `list-${form}-${n}.${form === 'json' ? 'json' : 'yaml'}`, text: listOfPods(n, form) }]);
    expect(verificationCounts.items - items).toBeGreaterThan(0);
  }, 600_000);
});

describe('the cost of verifying a List', () => {
  // YAML: one per Pod (its fixes, then its suggestion: the same text). Anchored: two per anchor (its fixes, grouped by check, then its suggestion).
  // Single-line JSON: three per Pod (its fixes together, then its two suggestions, edits within the line that differ from all of them applied);
  // all its fixes can be written, the capabilities one too, where a flow map loses its `add` and gets a `drop`.
  it.each([
    ['yaml', 30, 30],
    ['anchored', 30, 6],
    ['json', 30, 90],
  ] as const)('is %s: %i Pods, %i item verifications; all the fixes verified together reuse their verdicts', (form, n, expected) => {
    const text = listOfPods(n, form);
    const pods = podsOf('list.yaml', text, 'restricted');
    const before = { ...verificationCounts };
    const fixes = computeFixes({ file: 'list.yaml', text, pods, level: 'restricted', version: 'latest', diff: null });
    expect(fixes.pods.flat().every((f) => f.fix !== null)).toBe(true);
    expect(verificationCounts.items - before.items).toBe(expected);
    expect(verificationCounts.segments - before.segments).toBe(0);
    expect(verificationCounts.files - before.files).toBe(0);
  });
});

describe('a fix that cannot be written, even alone', () => {
  // Each Pod's procMount is a folded block scalar, which the renderer does not replace in place.
  const item = (i: number) =>
    ['- apiVersion: v1', '  kind: Pod', '  metadata:', `    name: p${i}`, '  spec:', '    hostNetwork: true', '    containers:', '    - name: app', '      image: x', '      securityContext:', '        privileged: true', '        procMount: >-', '          Unmasked'].join('\n');
  const text = `apiVersion: v1\nkind: List\nitems:\n${Array.from({ length: 10 }, (_, i) => item(i)).join('\n')}\n`;

  it('is refused without a verification, and the fixes beside it are verified together, not one by one', () => {
    const pods = podsOf('list.yaml', text, 'restricted');
    const before = verificationCounts.items;
    const fixes = computeFixes({ file: 'list.yaml', text, pods, level: 'restricted', version: 'latest', diff: null });
    for (const pod of fixes.pods) {
      expect(pod.map((f) => f.check)).toContain('procMount_restricted');
      for (const fix of pod) {
        if (fix.check !== 'procMount_restricted') expect(fix.fix, fix.check).not.toBeNull();
        else expect(fix).toMatchObject({ fix: null, fixNote: expect.stringMatching(/^No safe mechanical fix was found: the fix cannot be written in this layout \(a block scalar is not replaced in place\)\./) });
      }
    }
    // Per Pod: its six other fixes together, then its two suggestions (the host network's line, the container's lines).
    expect(fixes.suggestions).toHaveLength(20);
    expect(verificationCounts.items - before).toBe(30);
  });
});

describe('the items a splice touches', () => {
  const text = ['apiVersion: v1', 'kind: List', 'items:', '- kind: Pod', '  spec:', '    hostNetwork: true', '- kind: Pod', '  spec: {}', ''].join('\n');
  const loaded = loadManifestFile('list.yaml', text, { maxBytes: Number.MAX_SAFE_INTEGER });
  const layout = listLayout(loaded.documents[0]!.source.layout, text, 0, text.length, 2)!;
  const boundary = text.indexOf('- kind: Pod', text.indexOf('hostNetwork'));

  it('lines indented under the first item, written where the second starts, belong to the first', () => {
    expect(itemsOfSplice(layout, text, { start: boundary, end: boundary, insert: '    hostPID: false\n' })).toEqual([0]);
    // Replacing the first item's last line, up to where the second starts.
    const last = text.indexOf('    hostNetwork');
    expect(itemsOfSplice(layout, text, { start: last, end: boundary, insert: '    hostNetwork: false\n' })).toEqual([0]);
    expect(itemsOfSplice(layout, text, { start: last, end: boundary, insert: '' })).toEqual([0]);
  });

  it('anything else on the boundary touches both items', () => {
    // A new item, a line at the dash column, a line not ended, a splice from the middle of a line.
    expect(itemsOfSplice(layout, text, { start: boundary, end: boundary, insert: '- kind: Pod\n' })).toEqual([0, 1]);
    expect(itemsOfSplice(layout, text, { start: boundary, end: boundary, insert: '  x: 1\n  y: 2' })).toEqual([0, 1]);
    expect(itemsOfSplice(layout, text, { start: boundary, end: boundary, insert: '    \n' })).toEqual([0, 1]);
    expect(itemsOfSplice(layout, text, { start: boundary - 5, end: boundary, insert: 'false\n' })).toEqual([0, 1]);
    // Inside one item, one item.
    expect(itemsOfSplice(layout, text, { start: boundary + 2, end: boundary + 6, insert: 'kind' })).toEqual([1]);
  });

  it('itemOfSplice names the one item a splice touches, and -1 when it touches none or both', () => {
    const last = text.indexOf('    hostNetwork');
    const splices = [
      { start: boundary, end: boundary, insert: '    hostPID: false\n' },
      { start: last, end: boundary, insert: '' },
      { start: boundary, end: boundary, insert: '- kind: Pod\n' },
      { start: boundary - 5, end: boundary, insert: 'false\n' },
      { start: boundary + 2, end: boundary + 6, insert: 'kind' },
      // In the List's prefix, before every item.
      { start: 0, end: 0, insert: '# a comment\n' },
    ];
    expect(splices.map((splice) => itemOfSplice(layout, text, splice))).toEqual([0, 0, -1, -1, 1, -1]);
    for (const splice of splices) {
      const items = itemsOfSplice(layout, text, splice);
      expect(itemOfSplice(layout, text, splice)).toBe(items.length === 1 ? items[0] : -1);
    }
  });
});

describe("a List's suggestions", () => {
  it.each(listForms)('each verify alone and all together on the whole file (%s)', (form) => {
    const text = listOfPods(12, form);
    const pods = podsOf('list', text, 'restricted');
    const fixes = computeFixes({ file: 'list', text, pods, level: 'restricted', version: 'latest', diff: null });
    const failingAfter = (fixed: string) => podsOf('list', fixed, 'restricted').reduce((n, pod) => n + pod.failures.length, 0);
    const before = failingAfter(text);
    for (const suggestion of fixes.suggestions) expect(failingAfter(applySuggestions(text, [suggestion]))).toBeLessThan(before);
    const fixedCount = fixes.pods.flat().filter((fix) => fix.fix !== null).length;
    expect(failingAfter(applySuggestions(text, fixes.suggestions))).toBe(before - fixedCount);
  });
});

describe('a single-line JSON List', () => {
  it('gets fixes as edits within the line, not the line repeated, and a JSON report a few times the text report', () => {
    const text = listOfPods(92, 'json');
    const fixed = fixText('list.json', text, { level: 'restricted', version: 'latest' });
    const fixes = fixed.pods.flatMap((p) => p.fixes).filter((f) => f.fix !== null);
    expect(fixes.length).toBeGreaterThan(500);
    for (const { fix, fixNote } of fixes) {
      expect(fix).toMatchObject({ startLine: 1, endLine: 1, replacement: null, attachable: false, edit: { start: expect.any(Number), end: expect.any(Number), insert: expect.any(String) } });
      expect(fix?.edit?.insert.length).toBeLessThan(1000);
      expect(fixNote).toMatch(/^Line 1 is too long to repeat in a suggestion: the fix replaces bytes \d+–\d+ of the file/);
    }
    // The edits as the JSON report gives them (byte offsets, no shared objects) apply as the engine's own.
    const fromReport = JSON.parse(JSON.stringify(fixed.suggestions)) as typeof fixed.suggestions;
    expect(applySuggestions(text, fromReport)).toBe(fixed.text);
    expect(applySuggestions(`\uFEFF${text}`, fromReport.map((s) => ({ ...s, edit: s.edit && { ...s.edit, start: s.edit.start + 3, end: s.edit.end + 3 } })))).toBe(`\uFEFF${fixed.text}`);
    expect(podsOf('list.json', fixed.text, 'restricted').reduce((n, pod) => n + pod.failures.length, 0)).toBeLessThanOrEqual(92 * 8 - fixes.length);
    // The report: every finding with its fix, a few times the size of the findings without.
    const withFixes = JSON.stringify(fixed.pods.map((p) => p.fixes));
    const without = JSON.stringify(fixed.pods.map((p) => p.failures));
    expect(withFixes.length).toBeLessThan(3 * without.length);
  });

  it('gets every fix, the capabilities one too (a flow map emptied and refilled), and stays JSON', () => {
    const text = listOfPods(12, 'json');
    const fixed = fixText('list.json', text, { level: 'restricted', version: 'latest' });
    const fixes = fixed.pods.flatMap((p) => p.fixes);
    expect(fixes.filter((f) => f.check === 'capabilities_restricted')).toHaveLength(12);
    for (const { check, fix } of fixes) expect(fix, check).not.toBeNull();
    const list = JSON.parse(fixed.text) as { items: { spec: { containers: { securityContext?: unknown }[] } }[] };
    for (const item of list.items) expect(item.spec.containers[0]?.securityContext).toEqual({ privileged: false, capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false });
    expect(podsOf('list.json', fixed.text, 'restricted').flatMap((pod) => pod.failures)).toEqual([]);
  });

  it('keeps a short line a suggestion of that line', () => {
    const text = listOfPods(1, 'json');
    expect(text.length).toBeLessThan(1000);
    const fixed = fixText('one.json', text, { level: 'restricted', version: 'latest' });
    expect(fixed.suggestions).toHaveLength(1);
    expect(fixed.suggestions[0]).toMatchObject({ startLine: 1, endLine: 1, replacement: fixed.text, attachable: false });
    expect(fixed.suggestions[0]?.edit).toBeUndefined();
  });
});

describe('the work budget for fixes', () => {
  it('past the budget, reports every finding with a "not computed" note, and the fixes it did compute', () => {
    const text = listOfPods(40, 'yaml');
    const pods = podsOf('list.yaml', text, 'restricted');
    const request = { file: 'list.yaml', text, pods, level: 'restricted' as const, version: 'latest' as const, diff: null };
    const full = computeFixes(request);
    // A budget of about ten Pods' worth of verification.
    const limited = computeFixes({ ...request, workBudget: Math.round(text.length / 4) });
    expect(limited.pods.map((p) => p.length)).toEqual(pods.map((p) => p.failures.length));
    const notes = limited.pods.flat().map((f) => f.fixNote ?? '');
    const notComputed = notes.filter((n) => n.startsWith('not computed: the file\'s work budget for fixes'));
    expect(notComputed.length).toBeGreaterThan(100);
    // Every finding has either its fix (the one computed without a budget) or the note.
    limited.pods.flat().forEach((fix, i) => {
      if (fix.fix !== null) expect(fix).toEqual(full.pods.flat()[i]);
      else expect(fix.fixNote).toMatch(/^not computed: /);
    });
    expect(limited.pods.flat().some((f) => f.fix !== null)).toBe(true);
    // The suggestions given are all verified ones of the full run.
    for (const s of limited.suggestions) expect(full.suggestions).toContainEqual(s);
  });

  it('is not met by an ordinary file', () => {
    const text = listOfPods(200, 'yaml');
    const fixes = computeFixes({ file: 'list.yaml', text, pods: podsOf('list.yaml', text, 'restricted'), level: 'restricted', version: 'latest', diff: null });
    expect(fixes.pods.flat().filter((f) => (f.fixNote ?? '').startsWith('not computed:'))).toEqual([]);
  });
});
