import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/report/checkRun.js';
import { annotationTextBytes, capAnnotations, checkOutputBytes, clampCheckRunText, clampMarkdown, fitSections } from '../../../src/report/limits.js';
import { utf8Length } from '../../../src/report/truncate.js';

const annotation = (level: Annotation['annotation_level'], message = 'm', title = 't'): Annotation => ({ path: 'a.yaml', start_line: 1, end_line: 1, annotation_level: level, title, message });

describe('GitHub limits in one place', () => {
  it('cuts markdown at a line end, within the byte limit, and says so', () => {
    const table = Array.from({ length: 2_000 }, (_, i) => `| row ${i} | ${'é'.repeat(40)} |`).join('\n');
    const clamped = clampMarkdown(table, checkOutputBytes, 'cut here');
    expect(utf8Length(clamped)).toBeLessThanOrEqual(checkOutputBytes);
    expect(clamped.endsWith('> cut here\n')).toBe(true);
    const rows = clamped.split('\n').filter((l) => l.startsWith('| row'));
    expect(rows.every((r) => r.endsWith(' |'))).toBe(true);
    expect(clampMarkdown('short', 100, 'never')).toBe('short');
  });

  it('clamps annotation titles and messages, keeps blocking ones first under the cap', () => {
    const long = annotation('warning', 'x'.repeat(70_000), 'T'.repeat(300));
    const { sent, left } = capAnnotations([long, annotation('notice'), annotation('failure')], 2);
    expect(left).toBe(1);
    expect(sent.map((a) => a.annotation_level)).toEqual(['failure', 'warning']);
    expect(utf8Length(sent[1]!.message)).toBeLessThanOrEqual(annotationTextBytes);
    expect([...sent[1]!.title]).toHaveLength(255);
  });

  it('clamps a check run’s title and summary', () => {
    const { title, summary } = clampCheckRunText({ title: 'x'.repeat(1_000), summary: 'line\n'.repeat(20_000) });
    expect([...title]).toHaveLength(255);
    expect(utf8Length(summary)).toBeLessThanOrEqual(checkOutputBytes);
  });

  it('fits as many sections as it can, then says how many more there are', () => {
    const sections = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(100));
    expect(fitSections('head', sections, (n) => `${n} more`, 10_000)).toBe(['head', ...sections].join('\n\n'));
    const fitted = fitSections('head', sections, (n) => `${n} more`, 450);
    expect([...fitted].length).toBeLessThanOrEqual(450);
    expect(fitted).toBe(['head', ...sections.slice(0, 4), '6 more'].join('\n\n'));
  });
});
