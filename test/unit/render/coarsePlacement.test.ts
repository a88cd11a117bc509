/**
 * placedOnSources when placing a rendered report on its source lines fails
 * on a bug: every finding, ignored finding, verdict and problem is kept, on
 * its root's file, with no fix, and a warning per root says what failed.
 */
import { describe, expect, it } from 'vitest';
import { evaluateChangeSet } from '../../../src/scope/scope.js';
import { policyContext } from '../../../src/findings/policyContext.js';
import { mapRenderedReport } from '../../../src/render/mapReport.js';
import type { Rendering } from '../../../src/render/mapReport.js';
import { placedOnSources, renderingPath } from '../../../src/render/stage.js';
import type { RenderRoot } from '../../../src/render/types.js';
import { summaryMarkdown } from '../../../src/report/summary.js';

const policy = policyContext('2026-01-01', { overrides: { level: 'baseline', warnLevel: 'restricted' } });
const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: app:1\n`;

/** A chart's root and its rendering as the scope sees it: one changed file at its rendering path. */
function chart(dir: string): { path: string; rendering: Rendering } {
  const root = { tool: 'helm', dir, file: `${dir}/Chart.yaml`, label: dir, helm: null, blocked: null } as unknown as RenderRoot;
  const text = pod(dir.split('/').pop()!);
  const template = `${dir}/templates/pod.yaml`;
  return { path: renderingPath(root, 0), rendering: { rendered: { root, base: { kind: 'absent' }, head: { kind: 'rendered', text }, sources: new Map([[template, text]]) }, text } };
}

const charts = [chart('charts/web'), chart('charts/api')];
const renderings = new Map(charts.map(({ path, rendering }) => [path, rendering]));
const changeSet = { files: charts.map(({ path, rendering }) => ({ path, status: 'added' as const, base: { kind: 'absent' as const }, head: { kind: 'content' as const, data: rendering.text }, hunks: null, rendered: true })) };
const report = evaluateChangeSet(changeSet, { policy, fixes: true });
const failing = () => {
  throw new RangeError('Maximum call stack size exceeded');
};

describe('placedOnSources', () => {
  it('is the placing on source lines when that works', () => {
    const placed = placedOnSources(report, renderings, null, new Set());
    expect(placed.report).toEqual(mapRenderedReport(report, renderings, null, new Set()).report);
    expect(placed.report.errors).toEqual([]);
  });

  it("keeps every finding and verdict on its root's file when placing fails, with no fix, and says why once per root", () => {
    expect(report.findings.length).toBeGreaterThan(0);
    const placed = placedOnSources(report, renderings, null, new Set(), failing);
    const { findings, podSpecs, errors } = placed.report;
    expect(findings.map((f) => [f.name, f.check, f.file, f.line, f.fix])).toEqual(report.findings.map((f) => [f.name, f.check, f.file.replace(/#rendering-1$/, ''), 1, null]));
    expect(findings.every((f) => f.fixNote?.startsWith("No suggestion: its findings are placed on the chart's or overlay's own file"))).toBe(true);
    expect(findings.map((f) => f.rendered?.root)).toEqual(report.findings.map((f) => (f.file.startsWith('charts/web') ? 'charts/web' : 'charts/api')));
    expect(podSpecs.map((p) => [p.file, p.line, p.rendering])).toEqual([
      ['charts/web/Chart.yaml', 1, 'charts/web'],
      ['charts/api/Chart.yaml', 1, 'charts/api'],
    ]);
    expect(errors.map((e) => [e.file, e.kind])).toEqual([
      ['charts/web/Chart.yaml', 'placement-failed'],
      ['charts/api/Chart.yaml', 'placement-failed'],
    ]);
    expect(errors[0]!.message).toMatch(/^charts\/web: its findings are placed .*, after an internal error \(please report it\): Maximum call stack size exceeded$/);
    expect(placed.candidates).toEqual([]);
  });

  it('is a warning in the summaries, on the file of each root it concerns: the run fails on the findings alone', () => {
    const { report: placed } = placedOnSources(report, renderings, null, new Set(), failing);
    const markdown = summaryMarkdown({ policy: 'baseline:latest', findings: [], ignored: [], policyProblems: [], errors: placed.errors, podSpecs: 2, unchanged: 0, notices: [] });
    const warnings = markdown.slice(markdown.indexOf('**Manifest warnings**'));
    expect(warnings.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      expect.stringMatching(/^- `charts\/web\/Chart\.yaml`: charts\/web: its findings are placed .*Maximum call stack size exceeded$/),
      expect.stringMatching(/^- `charts\/api\/Chart\.yaml`: charts\/api: its findings are placed /),
    ]);
    expect(markdown).not.toContain('could not be checked');
  });
});
