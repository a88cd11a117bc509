/** A changed chart template that no rendering writes: said on its first added line, never a silent green. */
import { describe, expect, it } from 'vitest';
import type { ChangeSet, Hunk } from '../../../src/diff/types.js';
import { quietTemplateChanges, templateOf } from '../../../src/render/quietTemplates.js';
import type { RenderingOutcome } from '../../../src/render/quietValues.js';
import { helmRoot } from '../../helpers/renderRoots.js';

const daemonSet = '{{- if .Values.apiKey }}\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n{{- end }}\n';
const sources = ['charts/agent/Chart.yaml', 'charts/agent/values.yaml', 'charts/agent/templates/daemonset.yaml', 'charts/agent/templates/_helpers.tpl', 'charts/agent/templates/config.yaml'];

/** A rendering of charts/agent that wrote the templates `written` (by their path in the chart). */
const rendering = (written: string[], headRendered = true): RenderingOutcome => ({
  root: { ...helmRoot('charts/agent', 'charts/agent'), sources },
  bothRendered: headRendered,
  headRendered,
  changed: () => false,
  writes: (template) => written.includes(template),
});

/** One line added at `line` of each file. */
const added = (line: number): Hunk[] => [{ baseStart: line, baseCount: 0, headStart: line, headCount: 1, lines: [{ kind: 'added', headLine: line, text: 'x' }] }];
const changing = (files: Record<string, { text: string; hunks?: Hunk[] }>): ChangeSet => ({
  files: Object.entries(files).map(([path, { text, hunks }]) => ({ path, status: 'modified', base: { kind: 'content', data: '' }, head: { kind: 'content', data: text }, hunks: hunks ?? added(3) })),
});

describe('quietTemplateChanges', () => {
  it('says a changed template that writes a workload and that no rendering of its chart wrote from, on its first added line', () => {
    const notices = quietTemplateChanges(changing({ 'charts/agent/templates/daemonset.yaml': { text: daemonSet, hunks: added(4) } }), [rendering(['templates/config.yaml'])], sources);
    expect(notices).toEqual([
      {
        file: 'charts/agent/templates/daemonset.yaml',
        line: 4,
        kind: 'not-rendered',
        message:
          '`charts/agent` writes nothing from this template with the values it is rendered with: the change to it is not checked; name a values file that turns it on under `render.charts` in .github/pod-security.yaml',
      },
    ]);
  });

  it('says nothing of a template a rendering wrote from, one that writes no workload, a helper, a change that only removes lines, or a head that did not render', () => {
    const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: agent\n';
    const cases: [string, ChangeSet, RenderingOutcome[]][] = [
      ['written', changing({ 'charts/agent/templates/daemonset.yaml': { text: daemonSet } }), [rendering(['templates/daemonset.yaml'])]],
      ['written by one of two renderings', changing({ 'charts/agent/templates/daemonset.yaml': { text: daemonSet } }), [rendering([]), rendering(['templates/daemonset.yaml'])]],
      ['no workload', changing({ 'charts/agent/templates/config.yaml': { text: config } }), [rendering([])]],
      ['a helper', changing({ 'charts/agent/templates/_helpers.tpl': { text: daemonSet } }), [rendering([])]],
      ['lines removed only', changing({ 'charts/agent/templates/daemonset.yaml': { text: daemonSet, hunks: [{ baseStart: 3, baseCount: 1, headStart: 2, headCount: 0, lines: [{ kind: 'removed', baseLine: 3, text: 'x' }] }] } }), [rendering([])]],
      ['head not rendered (its failure is said)', changing({ 'charts/agent/templates/daemonset.yaml': { text: daemonSet } }), [rendering([], false)]],
      ['no rendering reads it', changing({ 'charts/other/templates/daemonset.yaml': { text: daemonSet } }), [rendering([])]],
    ];
    for (const [why, changeSet, renderings] of cases) expect(quietTemplateChanges(changeSet, renderings, sources), why).toEqual([]);
  });
});

describe('templateOf', () => {
  it("names a chart's own templates as helm's # Source: comments do, and nothing else", () => {
    expect(templateOf('charts/agent', 'charts/agent/templates/daemonset.yaml')).toBe('templates/daemonset.yaml');
    expect(templateOf('charts/agent', 'charts/agent/templates/agent/daemonset.yaml')).toBe('templates/agent/daemonset.yaml');
    expect(templateOf('', 'templates/pod.yaml')).toBe('templates/pod.yaml');
    expect(templateOf('charts/agent', 'charts/agent/templates/_helpers.tpl')).toBeNull();
    expect(templateOf('charts/agent', 'charts/agent/templates/NOTES.txt')).toBeNull();
    expect(templateOf('charts/agent', 'charts/agent/values.yaml')).toBeNull();
    // A vendored subchart's templates are named by its alias when it has one: not guessed.
    expect(templateOf('charts/agent', 'charts/agent/charts/probe/templates/pod.yaml')).toBeNull();
    expect(templateOf('charts/agent', 'charts/agentx/templates/pod.yaml')).toBeNull();
  });
});
