/**
 * verifySuggestions with a fake port whose "rendering" of a root is its
 * files joined as documents: how many renderings the candidates cost, and
 * that each verdict is the one its edit alone would get.
 */
import { describe, expect, it } from 'vitest';
import { policyContext } from '../../../src/findings/policyContext.js';
import type { MappedReport, Rendering, SuggestionCandidate } from '../../../src/render/mapReport.js';
import type { RenderPort, RenderRoot } from '../../../src/render/types.js';
import { suggestionsVerified, verificationsSpent, verifySuggestions } from '../../../src/render/verify.js';
import type { DiffFinding } from '../../../src/scope/types.js';

const policy = policyContext('2026-01-01', { overrides: { level: 'baseline', warnLevel: 'baseline' } });
const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      hostPID: true\n      containers: [{name: app, image: app:1}]\n`;
const sources = new Map([
  ['base/a.yaml', deployment('a')],
  ['base/b.yaml', deployment('b')],
]);
const root = { tool: 'kustomize', dir: 'base', file: 'base/kustomization.yaml', label: 'base', sources: [...sources.keys()] } as unknown as RenderRoot;
const renderingOf = (files: ReadonlyMap<string, string>) => [...sources.keys()].map((file) => files.get(file) ?? sources.get(file)).join('---\n');
const rendering: Rendering = { rendered: { root, base: { kind: 'absent' }, head: { kind: 'rendered', text: renderingOf(new Map()) }, sources }, text: renderingOf(new Map()) };

/** The port renders the root's files as they are, or as edited; an edit that writes `BROKEN` fails the rendering. */
function fakePort(): RenderPort & { readonly calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    head: { paths: new Set(sources.keys()), texts: sources },
    base: null,
    render: async () => [],
    renderEdited: async (_root, edits) => {
      calls.push([...edits.keys()]);
      if ([...edits.values()].some((text) => text.includes('BROKEN'))) return { kind: 'failed', message: 'broken' };
      return { kind: 'rendered', text: renderingOf(edits) };
    },
  };
}

const finding = (name: string) => ({ file: `base/${name}.yaml`, kind: 'Deployment', namespace: null, name, check: 'hostNamespaces', fix: null, fixNote: 'example' }) as unknown as DiffFinding;
const candidate = (index: number, file: string, newLine: string, ownObject: boolean): SuggestionCandidate => ({ finding: index, rendering, file, startLine: 8, endLine: 8, newLines: [newLine], caveat: null, ownObject });

async function verify(findings: readonly DiffFinding[], candidates: readonly SuggestionCandidate[], limit?: number) {
  const port = fakePort();
  const mapped: MappedReport = { report: { findings, ignored: [], policyProblems: [], errors: [], podSpecs: [], unchangedPodSpecs: 0 }, candidates, sources, inOneHunk: () => true };
  const report = await verifySuggestions(mapped, port, policy, limit);
  return { fixes: report.findings.map((f) => f.fix?.replacement ?? null), notes: report.findings.map((f) => f.fixNote), calls: port.calls };
}

describe('verifySuggestions', () => {
  it("renders one root at most `limit` times, blocking findings' edits first; the others keep their notes, and say why they have no suggestion", async () => {
    const findings = [{ ...finding('a'), blocking: false }, { ...finding('b'), blocking: true }] as DiffFinding[];
    const candidates = [candidate(0, 'base/a.yaml', '      hostPID: false', false), candidate(1, 'base/b.yaml', '      hostPID: false', false)];
    const { fixes, notes, calls } = await verify(findings, candidates, 1);
    expect(calls).toEqual([['base/b.yaml']]);
    expect(fixes).toEqual([null, '      hostPID: false\n']);
    expect(notes[0]).toBe(`${verificationsSpent('base', 1)}\n\nexample`);
    expect(notes[0]).toMatch(/^not computed: verifying its suggestion would render `base` more than 1 time, the limit for one rendering in a run; the finding itself is complete\./);
    // Without a limit (as `fix` runs), both.
    expect((await verify(findings, candidates, Number.POSITIVE_INFINITY)).fixes).toEqual(['      hostPID: false\n', '      hostPID: false\n']);
  });

  it('verifies the edits of different objects that change their own object only in one rendering', async () => {
    const { fixes, calls } = await verify([finding('a'), finding('b')], [candidate(0, 'base/a.yaml', '      hostPID: false', true), candidate(1, 'base/b.yaml', '      hostPID: false', true)]);
    expect(fixes).toEqual(['      hostPID: false\n', '      hostPID: false\n']);
    expect(calls).toEqual([['base/a.yaml', 'base/b.yaml']]);
  });

  it('renders alone an edit that may change other objects, and each other edit of an object already in the rendering', async () => {
    const findings = [finding('a'), finding('b'), finding('b')];
    const candidates = [candidate(0, 'base/a.yaml', '      hostPID: false', false), candidate(1, 'base/b.yaml', '      hostPID: false', true), candidate(2, 'base/b.yaml', '      hostPID: true # still', true)];
    const { fixes, calls } = await verify(findings, candidates);
    // The third edit does not fix b: its verdict is its own, not the second's.
    expect(fixes).toEqual(['      hostPID: false\n', '      hostPID: false\n', null]);
    expect(calls).toEqual([['base/a.yaml'], ['base/b.yaml'], ['base/b.yaml']]);
  });

  it('renders each edit alone when their rendering together fails, so that one broken edit costs the others nothing', async () => {
    const { fixes, calls } = await verify([finding('a'), finding('b')], [candidate(0, 'base/a.yaml', '      hostPID: false', true), candidate(1, 'base/b.yaml', '      hostPID: BROKEN', true)]);
    expect(fixes).toEqual(['      hostPID: false\n', null]);
    expect(calls).toEqual([['base/a.yaml', 'base/b.yaml'], ['base/a.yaml'], ['base/b.yaml']]);
  });
});

describe('verifySuggestions on a rendering that names objects anew each time', () => {
  // As helm renders a test pod named `{{ .Release.Name }}-test-{{ randAlphaNum 5 }}`: each rendering its own name, under the template's `# Source:`.
  let renders = 0;
  const renamedOf = (files: ReadonlyMap<string, string>, drop = '') =>
    [...sources.keys()]
      .filter((file) => file !== drop)
      .map((file) => `# Source: web/templates/${file.slice('base/'.length)}\n${(files.get(file) ?? sources.get(file)!).replace(/name: (\w+)$/m, `name: $1-${renders}`)}`)
      .join('---\n');
  const renamed: Rendering = { rendered: { root, base: { kind: 'absent' }, head: { kind: 'rendered', text: renamedOf(new Map()) }, sources }, text: renamedOf(new Map()) };
  const port = (drop = ''): RenderPort => ({
    head: { paths: new Set(sources.keys()), texts: sources },
    base: null,
    render: async () => [],
    renderEdited: async (_root, edits) => {
      renders++;
      return { kind: 'rendered', text: renamedOf(edits, drop) };
    },
  });
  const at = (name: string) => ({ ...finding(name), name: `${name}-0` }) as DiffFinding;

  async function fixesOf(newLine: string, drop = ''): Promise<(string | null)[]> {
    const mapped: MappedReport = {
      report: { findings: [at('a')], ignored: [], policyProblems: [], errors: [], podSpecs: [], unchangedPodSpecs: 0 },
      candidates: [{ ...candidate(0, 'base/a.yaml', newLine, true), rendering: renamed }],
      sources,
      inOneHunk: () => true,
    };
    const report = await verifySuggestions(mapped, port(drop), policy);
    return report.findings.map((f) => f.fix?.replacement ?? null);
  }

  it('finds the object by its template when its name changed: a fix that works stands, one that does not is refused', async () => {
    expect(await fixesOf('      hostPID: false')).toEqual(['      hostPID: false\n']);
    expect(await fixesOf('      hostPID: true # still')).toEqual([null]);
  });

  it('refuses an edit after which the object is not rendered at all: a check that no longer runs is not a fix', async () => {
    expect(await fixesOf('      hostPID: false', 'base/a.yaml')).toEqual([null]);
  });
});

/** A root whose one file renders as it is written, or as edited. */
function oneFileRendered(file: string, text: string): { files: Map<string, string>; rendering: Rendering; port: RenderPort } {
  const files = new Map([[file, text]]);
  const rendering: Rendering = { rendered: { root, base: { kind: 'absent' }, head: { kind: 'rendered', text }, sources: files }, text };
  const port: RenderPort = {
    head: { paths: new Set(files.keys()), texts: files },
    base: null,
    render: async () => [],
    renderEdited: async (_root, edits) => ({ kind: 'rendered', text: edits.get(file) ?? text }),
  };
  return { files, rendering, port };
}

describe('verifySuggestions with two suggestions of one object over the same lines', () => {
  const privileged = deployment('a').replace('containers: [{name: app, image: app:1}]', 'containers: [{name: app, image: app:1, securityContext: {privileged: true}}]');
  const { files, rendering: shared, port } = oneFileRendered('base/a.yaml', privileged);
  const on = (check: string) => ({ ...finding('a'), check }) as DiffFinding;
  const edit = (index: number, startLine: number, newLines: string[]): SuggestionCandidate => ({ finding: index, rendering: shared, file: 'base/a.yaml', startLine, endLine: 8 + newLines.length - 1, newLines, caveat: null, ownObject: true });
  const both = ['      hostPID: false', '      containers: [{name: app, image: app:1, securityContext: {privileged: false}}]'];
  /** The host namespace finding with its own one-line suggestion, the privileged one with `wider` over both lines. */
  const verifyBoth = (wider: string[]) =>
    verifySuggestions(
      {
        report: { findings: [on('hostNamespaces'), on('privileged')], ignored: [], policyProblems: [], errors: [], podSpecs: [], unchangedPodSpecs: 0 },
        candidates: [edit(0, 8, ['      hostPID: false']), edit(1, 8, wider)],
        sources: files,
        inOneHunk: () => true,
      },
      port,
      policy,
    );

  it('gives a finding whose suggestion lies within another of its object that fixes it too that one: one suggestion, not two that overlap', async () => {
    const report = await verifyBoth(both);
    expect(report.findings.map((f) => [f.fix?.startLine, f.fix?.endLine])).toEqual([
      [8, 9],
      [8, 9],
    ]);
  });

  it('keeps a finding its own suggestion when the wider one does not fix it', async () => {
    const stillHostPID = ['      hostPID: true', both[1]!];
    const report = await verifyBoth(stillHostPID);
    expect(report.findings.map((f) => f.fix?.replacement)).toEqual(['      hostPID: false\n', `${stillHostPID.join('\n')}\n`]);
  });
});

describe('verifySuggestions of an edit that writes the fix in a source of its own', () => {
  // As a chart's values map set where the template wrote defaults in an `else` (istio's gateway: its sysctls).
  const file = 'web/d.yaml';
  const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostPID: true\n      dnsPolicy: Default\n      containers: [{name: app, image: app:1}]\n`;
  const own = new Map([[file, text]]);
  const webRoot = { tool: 'helm', dir: 'web', file: 'web/Chart.yaml', label: 'web', sources: [file] } as unknown as RenderRoot;
  const web: Rendering = { rendered: { root: webRoot, base: { kind: 'absent' }, head: { kind: 'rendered', text }, sources: own }, text };
  const port: RenderPort = {
    head: { paths: new Set(own.keys()), texts: own },
    base: null,
    render: async () => [],
    renderEdited: async (_root, edits) => ({ kind: 'rendered', text: edits.get(file) ?? text }),
  };
  const fixed = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { spec: { hostPID: false, dnsPolicy: 'Default', containers: [{ name: 'app', image: 'app:1' }] } } } };
  const finding = { file, kind: 'Deployment', namespace: null, name: 'web', check: 'hostNamespaces', fix: null, fixNote: 'example' } as unknown as DiffFinding;
  const verified = async (newLines: string[], keeps?: SuggestionCandidate['keeps']) => {
    const candidates: SuggestionCandidate[] = [{ finding: 0, rendering: web, file, startLine: 8, endLine: 9, newLines, caveat: null, ...(keeps === undefined ? {} : { keeps }) }];
    const mapped: MappedReport = { report: { findings: [finding], ignored: [], policyProblems: [], errors: [], podSpecs: [], unchangedPodSpecs: 0 }, candidates, sources: own, inOneHunk: () => true };
    return (await verifySuggestions(mapped, port, policy)).findings[0]!.fix?.replacement ?? null;
  };

  it('refuses it when the object loses a field the fix keeps', async () => {
    expect(await verified(['      hostPID: false'], fixed)).toBeNull();
  });

  it('takes it when every such field is still rendered, a value changed or not', async () => {
    expect(await verified(['      hostPID: false', '      dnsPolicy: Default'], fixed)).toBe('      hostPID: false\n      dnsPolicy: Default\n');
    expect(await verified(['      hostPID: false', '      dnsPolicy: ClusterFirst'], fixed)).toBe('      hostPID: false\n      dnsPolicy: ClusterFirst\n');
  });

  it('leaves a field alone the fix does not keep, and every field to an edit that says nothing of them (a switch turned off)', async () => {
    const withoutDns = { ...fixed, spec: { template: { spec: { hostPID: false, containers: [{ name: 'app', image: 'app:1' }] } } } };
    expect(await verified(['      hostPID: false'], withoutDns)).toBe('      hostPID: false\n');
    expect(await verified(['      hostPID: false'])).toBe('      hostPID: false\n');
  });
});

describe('verifySuggestions with different suggestions of two objects of one rendering over the same lines', () => {
  // One values map read by two objects (spire's Deployment and its pre-delete Job): each finding's suggestion writes those lines its own way.
  const two = `${deployment('c')}---\n${deployment('d')}`;
  const { files, rendering, port } = oneFileRendered('base/cd.yaml', two);
  const lines = two.split('\n');
  // Lines 8 to 18: c's hostPID to d's; both suggestions turn both off, one with a comment.
  const over = (comment: string): string[] => lines.slice(7, 18).map((line) => (line.includes('hostPID') ? `      hostPID: false${comment}` : line));
  const edit = (index: number, newLines: string[]): SuggestionCandidate => ({ finding: index, rendering, file: 'base/cd.yaml', startLine: 8, endLine: 18, newLines, caveat: null, ownObject: false });
  const on = (name: string) => ({ ...finding(name), file: 'base/cd.yaml' }) as DiffFinding;

  it('gives both findings one of them, checked to fix the other in its rendering: two cannot both be committed', async () => {
    const mapped: MappedReport = { report: { findings: [on('c'), on('d')], ignored: [], policyProblems: [], errors: [], podSpecs: [], unchangedPodSpecs: 0 }, candidates: [edit(0, over('')), edit(1, over(' # d'))], sources: files, inOneHunk: () => true };
    const report = await verifySuggestions(mapped, port, policy);
    const [c, d] = report.findings.map((f) => f.fix?.replacement ?? null);
    expect(c).not.toBeNull();
    expect(c).toBe(d);
  });
});

describe('suggestionsVerified', () => {
  it('keeps every finding through a bug while verifying (an exception, not a rendering that fails): no suggestion, and a note that says so', async () => {
    const port: RenderPort = {
      ...fakePort(),
      renderEdited: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'kind')");
      },
    };
    const findings = [finding('a'), { ...finding('b'), fixNote: null }];
    const mapped: MappedReport = { report: { findings, ignored: [], policyProblems: [], errors: [], podSpecs: [], unchangedPodSpecs: 0 }, candidates: [candidate(1, 'base/b.yaml', '      hostPID: false', false)], sources, inOneHunk: () => true };
    await expect(verifySuggestions(mapped, port, policy)).rejects.toThrow(TypeError);
    const report = await suggestionsVerified(mapped, port, policy);
    expect(report.findings.map((f) => f.fix)).toEqual([null, null]);
    // The finding without a candidate keeps its note; the other says why it has no suggestion.
    expect(report.findings.map((f) => f.fixNote)).toEqual([
      'example',
      "not computed: verifying the suggestions of the renderings failed (an internal error, please report it: Cannot read properties of undefined (reading 'kind')); the finding itself is complete.",
    ]);
    expect(report.findings.map(({ fixNote: _note, ...rest }) => rest)).toEqual(findings.map(({ fixNote: _note, ...rest }) => rest));
  });
});
