/** How many findings the reports say there are when overlays sharing a base each render the same line. */
import { describe, expect, it } from 'vitest';
import { annotationsOf, conclusionOf, titleOf } from '../../../src/report/checkRun.js';
import { findingCounts, goneCount } from '../../../src/report/counts.js';
import { severityCounts } from '../../../src/report/reviewBody.js';
import { countsLine, summaryMarkdown } from '../../../src/report/summary.js';
import { renderText } from '../../../src/report/text.js';
import type { ReviewFinding } from '../../../src/report/types.js';
import { reviewFinding } from '../../helpers/findings.js';

const overlay = (root: string, overrides: Partial<ReviewFinding> = {}) =>
  reviewFinding({ file: 'app/base/deployment.yaml', line: 12, rendered: { tool: 'kustomize', root, sourceFile: 'app/base/deployment.yaml', sourceLine: 12, exact: true, snippet: null }, ...overrides });

describe('finding counts', () => {
  it("counts the findings a fix removed by what they are about, wherever the fix's rendering places what is left", () => {
    const chart = (name: string, check: ReviewFinding['check'], line: number) => reviewFinding({ name, check, file: line === 10 ? 'web/templates/pods.yaml' : 'web/values.yaml', line, rendered: { tool: 'helm', root: 'web', sourceFile: 'web/values.yaml', sourceLine: line, exact: true, snippet: null } });
    // Before: two services' findings merged on a template line; after the fix of one check, the other on each service's values line.
    const before = [chart('web-frontend', 'allowPrivilegeEscalation', 10), chart('web-history', 'allowPrivilegeEscalation', 10), chart('web-frontend', 'runAsNonRoot', 10), chart('web-history', 'runAsNonRoot', 10)];
    const after = [chart('web-frontend', 'runAsNonRoot', 3), chart('web-history', 'runAsNonRoot', 5)];
    expect(goneCount(before, after)).toBe(1);
    // The difference of the counts would say none: two counted before, two after.
    expect(findingCounts(before).total - findingCounts(after).total).toBe(0);
    // A counted finding is gone only when every object it counts is.
    expect(goneCount(before, [chart('web-history', 'allowPrivilegeEscalation', 10)])).toBe(1);
  });

  it('counts a line several overlays render alike once, blocking when any of them blocks', () => {
    const findings = [overlay('app/overlays/prod'), overlay('app/overlays/staging', { blocking: false, mode: 'warn' }), overlay('app/overlays/dev')];
    expect(findingCounts(findings)).toEqual({ blocking: 1, warnings: 0, total: 1 });
    // A warning every overlay shares is one warning.
    expect(findingCounts(findings.map((f) => ({ ...f, blocking: false })))).toEqual({ blocking: 0, warnings: 1, total: 1 });
  });

  it('counts apart what a reader fixes apart: another check, message, container, line, or a line that is not certain', () => {
    const prod = overlay('app/overlays/prod');
    const others = [
      overlay('app/overlays/staging', { check: 'hostPorts' }),
      overlay('app/overlays/staging', { detail: 'container "sidecar" must not set securityContext.privileged=true' }),
      overlay('app/overlays/staging', { container: 'sidecar' }),
      overlay('app/overlays/staging', { line: 13 }),
      overlay('app/overlays/staging', { rendered: { ...prod.rendered!, root: 'app/overlays/staging', exact: false } }),
    ];
    expect(findingCounts([prod, ...others])).toEqual({ blocking: 6, warnings: 0, total: 6 });
  });

  it('counts once a line overlays render under names and namespaces of their own, as the review comments once naming each', () => {
    const findings = [overlay('app/overlays/dev', { namespace: 'dev', name: 'dev-web' }), overlay('app/overlays/prod', { namespace: 'prod', name: 'prod-web' })];
    expect(findingCounts(findings)).toEqual({ blocking: 1, warnings: 0, total: 1 });
  });

  it("counts each plain file's finding, even two that read alike", () => {
    const plain = reviewFinding();
    expect(findingCounts([plain, { ...plain }, { ...plain, blocking: false }])).toEqual({ blocking: 2, warnings: 1, total: 3 });
  });

  it('the check run title, the summary, the review body and the text report all count so', () => {
    const findings = [overlay('app/overlays/prod'), overlay('app/overlays/staging'), overlay('app/overlays/dev'), overlay('app/overlays/prod', { check: 'hostPorts', blocking: false, mode: 'warn' })];
    expect(titleOf(findings, [])).toBe('1 blocking violation, 1 warning');
    expect(severityCounts(findings, [])).toBe('1 blocking, 1 warning');
    expect(countsLine({ policy: 'baseline:latest', findings, ignored: [], policyProblems: [], errors: [], podSpecs: 3, unchanged: 0, notices: [] })).toMatch(/^❌ \*\*1\*\* blocking · ⚠️ \*\*1\*\* warning — /);
    const text = renderText({ findings, ignored: [], policyProblems: [], errors: [], podSpecs: [] }, { enforce: 'baseline:latest', warn: 'restricted:latest' }, 'neutral');
    expect(text).toContain('(1 blocking finding, 1 warning)');
  });

  it('the summary and the check run title count files not checked, not their problems', () => {
    // A template whose variables stand where numbers go, field by field: one file.
    const variable = (line: number) => ({ file: 'apps/web.yaml', line, kind: 'template' as const, message: 'x' });
    const errors = [variable(7), variable(14), variable(19)];
    expect(titleOf([], errors, 0)).toBe('Nothing checked: 1 file not checked (1 template)');
    expect(countsLine({ policy: 'baseline:latest', findings: [], ignored: [], policyProblems: [], errors, podSpecs: 0, unchanged: 0, notices: [] })).toMatch(/ · \*\*1\*\* file not checked — /);
    // The review body's counts, where they fail the run (malformed, say).
    const malformed = errors.map((e) => ({ ...e, kind: 'malformed' as const }));
    expect(severityCounts([], malformed)).toBe('0 blocking, 0 warnings, 1 file not checked');
  });

  it("the text report's last line weighs file problems as the check run's title does: a chart not rendered is no error", () => {
    // onedr0p/home-ops: every app an OCI chart, never fetched; the line said "69 file problems".
    const errors = [
      { file: 'broken.yaml', line: 3, kind: 'malformed' as const, message: 'x' },
      { file: 'apps/a/helmrelease.yaml', line: 8, kind: 'not-rendered' as const, message: 'x' },
      { file: 'apps/b/helmrelease.yaml', line: 8, kind: 'not-rendered' as const, message: 'x' },
      { file: 'ns.yaml', line: 5, kind: 'namespace-conflict' as const, message: 'x' },
    ];
    const text = renderText({ findings: [], ignored: [], policyProblems: [], errors, podSpecs: [] }, { enforce: 'baseline:latest', warn: 'restricted:latest' }, 'neutral');
    expect(text.trimEnd().split('\n').pop()).toBe(
      'baseline:latest (warn restricted:latest): 0 pod specs checked, 0 violating (0 blocking findings, 0 warnings), 1 invalid file, 2 files not checked (2 not rendered), 1 manifest warning',
    );
    expect(titleOf([], errors, 0)).toBe('Nothing checked: 1 invalid file, 2 files not checked (2 not rendered), 1 manifest warning');
  });

  it('a chart rendered without dependencies is counted apart: its own pod specs were checked', () => {
    // kyverno's chart lacks its kyverno-api dependency: its 12 pod specs were checked, the title said "1 file not checked (1 not rendered)".
    const inPart = { file: 'charts/kyverno/Chart.yaml', line: null, kind: 'not-rendered' as const, message: 'charts/kyverno rendered without dependency …', renderedInPart: true as const };
    const template = { file: 'apps/web.yaml', line: 7, kind: 'template' as const, message: 'x' };
    expect(titleOf([], [inPart], 12)).toBe('1 chart rendered without dependencies');
    expect(titleOf([], [inPart, template], 12)).toBe('1 file not checked (1 template), 1 chart rendered without dependencies');
    // A chart also not rendered at all (another rendering of it failed) is a file not checked.
    const failed = { ...inPart, message: 'charts/kyverno (ci/a-values.yaml) not rendered: …', renderedInPart: undefined };
    expect(titleOf([], [inPart, failed], 12)).toBe('1 file not checked (1 not rendered)');
    // Still never green by itself, and the summary counts it the same way.
    expect(conclusionOf([], [inPart], 'enforce')).toBe('neutral');
    const input = { policy: 'baseline:latest', findings: [], ignored: [], policyProblems: [], errors: [inPart, template], podSpecs: 12, unchanged: 0, notices: [] };
    expect(countsLine(input)).toMatch(/ · \*\*1\*\* file not checked · 1 chart rendered without dependencies — /);
    expect(annotationsOf([], [inPart])).toMatchObject([{ path: 'charts/kyverno/Chart.yaml', annotation_level: 'notice', title: 'Pod Security: dependencies not checked' }]);
    const text = renderText({ findings: [], ignored: [], policyProblems: [], errors: [inPart], podSpecs: [] }, { enforce: 'baseline:latest', warn: 'restricted:latest' }, 'neutral');
    expect(text.trimEnd().split('\n').pop()).toMatch(/, 1 chart rendered without dependencies$/);
  });

  it('a file a kustomization leaves off is a note: counted as nothing, failing nothing, in a section of its own', () => {
    const errors = [{ file: 'config/default/manager_webhook_patch.yaml', line: null, kind: 'left-off' as const, message: 'not checked as a manifest of its own: …' }];
    const input = { policy: 'baseline:latest', findings: [], ignored: [], policyProblems: [], errors, podSpecs: 1, unchanged: 0, notices: [] };
    expect(titleOf([], errors, 1)).toBe('No Pod Security violations');
    expect(conclusionOf([], errors, 'enforce', 'failure')).toBe('success');
    expect(countsLine(input)).not.toContain('not checked');
    expect(summaryMarkdown(input)).toContain('**Files left off**\n\n- `config/default/manager_webhook_patch.yaml`: not checked as a manifest of its own');
    expect(summaryMarkdown(input)).not.toContain('could not be checked');
    expect(annotationsOf([], errors).map((a) => [a.annotation_level, a.title])).toEqual([['notice', 'Pod Security: file left off']]);
    const text = renderText({ findings: [], ignored: [], policyProblems: [], errors, podSpecs: [] }, { enforce: 'baseline:latest', warn: 'restricted:latest' }, 'failure');
    expect(text.split('\n')[0]).toBe('config/default/manager_webhook_patch.yaml: note: not checked as a manifest of its own: …');
  });
});
