/**
 * Suggestion ranges against real git hunks: a temporary repository, a base
 * commit and a head commit, `git diff -U3`, and the hunks GitHub would show.
 * A suggestion is attachable only when its whole range lies in one hunk;
 * an insertion picks the anchor line (before or after) that does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffLines } from '../../../src/diff/lines.js';
import type { Hunk, HunkLine } from '../../../src/diff/types.js';
import { computeFixes } from '../../../src/fixes/fixFile.js';
import type { PodFailures } from '../../../src/fixes/fixFile.js';
import { applySuggestions } from '../../../src/fixes/suggestions.js';
import type { Suggestion } from '../../../src/fixes/types.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import type { Level } from '../../../src/pss/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';
import { conformanceFixtures } from '../../helpers/corpus.js';

const repo = mkdtempSync(path.join(tmpdir(), 'psr-fix-hunks-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function git(...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A tiny unified-diff hunk parser (headers and lines), enough for these tests. */
function parseHunks(patch: string): Hunk[] {
  const hunks: { baseStart: number; baseCount: number; headStart: number; headCount: number; lines: HunkLine[] }[] = [];
  let base = 0;
  let head = 0;
  for (const line of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header) {
      base = Number(header[1]);
      head = Number(header[3]);
      hunks.push({ baseStart: base, baseCount: Number(header[2] ?? 1), headStart: head, headCount: Number(header[4] ?? 1), lines: [] });
      continue;
    }
    const hunk = hunks[hunks.length - 1];
    if (!hunk || line.startsWith('\\')) continue;
    if (line.startsWith('+')) hunk.lines.push({ kind: 'added', headLine: head++, text: line.slice(1) });
    else if (line.startsWith('-')) hunk.lines.push({ kind: 'removed', baseLine: base++, text: line.slice(1) });
    else if (line.startsWith(' ')) hunk.lines.push({ kind: 'context', baseLine: base++, headLine: head++, text: line.slice(1) });
  }
  return hunks;
}

let commits = 0;
/** Commit `base`, then `head`, and return the hunks of the head commit for the file. */
function commitPair(file: string, base: string, head: string): Hunk[] {
  if (commits++ === 0) git('init', '-q');
  writeFileSync(path.join(repo, file), base);
  git('add', file);
  git('commit', '-q', '-m', 'base');
  writeFileSync(path.join(repo, file), head);
  git('add', file);
  git('commit', '-q', '-m', 'head');
  return parseHunks(git('diff', '-U3', 'HEAD~1', 'HEAD', '--', file));
}

/** The same hunks without commits, for many files: `git diff --no-index` (exit status 1 means "different"). */
function diffFiles(name: string, base: string, head: string): Hunk[] {
  writeFileSync(path.join(repo, `${name}.base`), base);
  writeFileSync(path.join(repo, `${name}.head`), head);
  const result = spawnSync('git', ['diff', '--no-index', '-U3', `${name}.base`, `${name}.head`], { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`git diff --no-index: ${result.stderr}`);
  return parseHunks(result.stdout);
}

function podsOf(file: string, text: string, level: Level): PodFailures[] {
  return loadManifestFile(file, text).documents.flatMap((document) =>
    extractPodSpecs(document).pods.map((source) => ({ source, failures: evaluatePod(source.pod, level, 'latest').failures })),
  );
}

/**
 * The checks every suggestion must meet against the hunks, whatever the
 * scenario: attachable exactly when the range is inside one hunk, and the
 * range means what GitHub reads (start_line < line for several lines, only
 * `line` for one): applying it replaces exactly those lines.
 */
function expectValidAgainst(head: string, hunks: readonly Hunk[], suggestions: readonly Suggestion[]) {
  const inOneHunk = (s: Suggestion) => hunks.some((h) => s.startLine >= h.headStart && s.endLine <= h.headStart + h.headCount - 1);
  const headLines = head.split('\n');
  for (const s of suggestions) {
    expect(s.startLine).toBeGreaterThanOrEqual(1);
    expect(s.startLine).toBeLessThanOrEqual(s.endLine);
    expect(s.attachable, JSON.stringify(s)).toBe(inOneHunk(s));
    const applied = applySuggestions(head, [s]).split('\n');
    const replaced = s.replacement === '' || s.replacement === null ? [] : s.replacement.slice(0, -1).split('\n');
    expect(applied).toEqual([...headLines.slice(0, s.startLine - 1), ...replaced, ...headLines.slice(s.endLine)]);
    // Never a no-op: GitHub rejects a suggestion that changes nothing.
    expect(replaced).not.toEqual(headLines.slice(s.startLine - 1, s.endLine));
  }
}

const base = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      hostNetwork: true',
  '      securityContext:',
  '        runAsNonRoot: true',
  '        seccompProfile:',
  '          type: RuntimeDefault',
  '      containers:',
  '      - name: web',
  '        image: web:1',
  '        env:',
  '        - {name: A, value: "1"}',
  '        - {name: B, value: "2"}',
  '        - {name: C, value: "3"}',
  '        - {name: D, value: "4"}',
  '        - {name: E, value: "5"}',
  '        securityContext:',
  '          allowPrivilegeEscalation: false',
  '          capabilities:',
  '            drop: ["ALL"]',
];
const text = (l: readonly string[]) => `${l.join('\n')}\n`;

describe('suggestions against git hunks', () => {
  it('attaches the fix of a newly added container inside its hunk, and not a fix far from the change', () => {
    const head = [...base, '      - name: sidecar', '        image: sidecar:1'];
    const hunks = commitPair('deploy.yaml', text(base), text(head));
    expect(hunks.map((h) => [h.headStart, h.headCount])).toEqual([[23, 5]]);
    const fixes = computeFixes({ file: 'deploy.yaml', text: text(head), pods: podsOf('deploy.yaml', text(head), 'restricted'), level: 'restricted', version: 'latest', diff: diffLines(hunks) });
    expectValidAgainst(text(head), hunks, fixes.suggestions);
    const [hostNetwork, sidecar] = fixes.suggestions;
    // hostNetwork (line 8) is far from the change: the fix stays in the summary only.
    expect(hostNetwork).toEqual({ startLine: 8, endLine: 8, replacement: '      hostNetwork: false\n', attachable: false });
    // The sidecar's new securityContext is anchored on its last line, an added line.
    expect(sidecar).toEqual({
      startLine: 27,
      endLine: 27,
      replacement: '        image: sidecar:1\n        securityContext:\n          allowPrivilegeEscalation: false\n          capabilities:\n            drop: ["ALL"]\n',
      attachable: true,
    });
    expect(applySuggestions(text(head), fixes.suggestions)).toContain('      hostNetwork: false\n');
  });

  it('anchors an insertion on the line after it when only that line is in the hunk', () => {
    // The web container's securityContext goes after line 21 (`- {name: E…}`); the change is at
    // line 25, so the hunk's context starts at line 22 and only the line after the insertion is in it.
    const withoutContext = base.slice(0, 21);
    const baseText = text([...withoutContext, '      volumes:', '      - name: a', '        emptyDir: {}', '      - name: b', '        emptyDir: {}']);
    const headText = text([...withoutContext, '      volumes:', '      - name: a', '        emptyDir: {}', '      - name: c', '        emptyDir: {}']);
    const hunks = commitPair('anchor.yaml', baseText, headText);
    expect(hunks.map((h) => [h.headStart, h.headCount])).toEqual([[22, 5]]);
    const fixes = computeFixes({ file: 'anchor.yaml', text: headText, pods: podsOf('anchor.yaml', headText, 'baseline'), level: 'baseline', version: 'latest', diff: diffLines(hunks) });
    expect(fixes.suggestions).toEqual([{ startLine: 8, endLine: 8, replacement: '      hostNetwork: false\n', attachable: false }]);

    const restricted = computeFixes({ file: 'anchor.yaml', text: headText, pods: podsOf('anchor.yaml', headText, 'restricted'), level: 'restricted', version: 'latest', diff: diffLines(hunks) });
    expectValidAgainst(headText, hunks, restricted.suggestions);
    const container = restricted.suggestions.find((s) => s.replacement?.includes('allowPrivilegeEscalation'));
    expect(container).toEqual({
      startLine: 22,
      endLine: 22,
      replacement: '        securityContext:\n          allowPrivilegeEscalation: false\n          capabilities:\n            drop:\n            - ALL\n      volumes:\n',
      attachable: true,
    });
  });

  it('does not attach a suggestion that spans two hunks', () => {
    // One finding on two containers far apart: its suggestion covers both, across two hunks.
    const containers = (tag: string) => [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      `  - name: a${tag}`,
      '    image: x',
      '    securityContext: {privileged: true}',
      ...Array.from({ length: 12 }, (_, i) => `    # filler ${i}`),
      `  - name: b${tag}`,
      '    image: x',
      '    securityContext: {privileged: true}',
    ];
    const hunks = commitPair('two.yaml', text(containers('')), text(containers('2')));
    expect(hunks).toHaveLength(2);
    const headText = text(containers('2'));
    const fixes = computeFixes({ file: 'two.yaml', text: headText, pods: podsOf('two.yaml', headText, 'baseline'), level: 'baseline', version: 'latest', diff: diffLines(hunks) });
    expect(fixes.suggestions).toHaveLength(1);
    expect(fixes.suggestions[0]).toMatchObject({ startLine: 8, endLine: 23, attachable: false });
    expectValidAgainst(headText, hunks, fixes.suggestions);
    expect(fixes.pods[0]?.map((f) => f.fix)).toEqual([fixes.suggestions[0]]);
  });

  it("keeps the fix of a line the change wrote apart from a fix of the same container that reaches beyond the diff", () => {
    // The change turns on privileged in the first container; two containers already kept every capability.
    const deployment = (privileged: boolean) => [
      // The Deployment's first lines, up to its pod spec's `spec:`.
      ...base.slice(0, 7),
      '      containers:',
      '      - name: web',
      '        image: web:1',
      '        securityContext:',
      '          allowPrivilegeEscalation: false',
      ...(privileged ? ['          privileged: true'] : []),
      '          runAsNonRoot: true',
      '          seccompProfile:',
      '            type: RuntimeDefault',
      ...Array.from({ length: 8 }, (_, i) => `        # note ${i}`),
      '      - name: proxy',
      '        image: proxy:1',
      '        securityContext:',
      '          allowPrivilegeEscalation: false',
      '          runAsNonRoot: true',
      '          seccompProfile:',
      '            type: RuntimeDefault',
      // Capabilities are a container's alone: the one fix of the check writes in both containers that keep them all.
      '      - name: agent',
      '        image: agent:1',
      '        securityContext:',
      '          allowPrivilegeEscalation: false',
      '          runAsNonRoot: true',
      '          capabilities:',
      '            drop: ["ALL"]',
      '          seccompProfile:',
      '            type: RuntimeDefault',
    ];
    const headText = text(deployment(true));
    const hunks = commitPair('capabilities.yaml', text(deployment(false)), headText);
    expect(hunks.map((h) => [h.headStart, h.headCount])).toEqual([[10, 7]]);
    const pods = podsOf('capabilities.yaml', headText, 'restricted');
    expect(pods[0]?.failures.map((f) => f.check).sort()).toEqual(['capabilities_restricted', 'privileged']);
    const fixOf = (fixes: ReturnType<typeof computeFixes>, check: string) => fixes.pods[0]?.find((f) => f.check === check)?.fix;

    // Without a diff, one suggestion carries both: a container's fields are one change to a reader.
    const whole = computeFixes({ file: 'capabilities.yaml', text: headText, pods, level: 'restricted', version: 'latest', diff: null });
    expect(whole.suggestions).toHaveLength(1);
    expect(fixOf(whole, 'privileged')).toBe(fixOf(whole, 'capabilities_restricted'));

    // In the pull request, the line it changed gets its own suggestion; the capabilities fix keeps the rest.
    const fixes = computeFixes({ file: 'capabilities.yaml', text: headText, pods, level: 'restricted', version: 'latest', diff: diffLines(hunks) });
    expectValidAgainst(headText, hunks, fixes.suggestions);
    expect(fixOf(fixes, 'privileged')).toEqual({ startLine: 13, endLine: 13, replacement: '          privileged: false\n', attachable: true });
    expect(fixOf(fixes, 'capabilities_restricted')).toMatchObject({ startLine: 17, endLine: 31, attachable: false });
    expect(fixes.suggestions).toHaveLength(2);
    // Both together fix the pod, as the one suggestion did.
    const fixed = applySuggestions(headText, fixes.suggestions);
    expect(fixed).toBe(applySuggestions(headText, whole.suggestions));
    expect(podsOf('capabilities.yaml', fixed, 'restricted')[0]?.failures).toEqual([]);
  });

  it('gives valid ranges for every fixture, against hunks of several shapes', () => {
    const fixtures = conformanceFixtures().filter((f) => f.expectation === 'fail' && f.minor === 37 && f.level === 'restricted');
    let attachable = 0;
    let total = 0;
    for (const [i, fixture] of fixtures.entries()) {
      const headText = readFileSync(fixture.file, 'utf8');
      // A base that differs here and there: every (3 + i mod 5)th line was different.
      const every = 3 + (i % 5);
      const baseText = headText
        .split('\n')
        .map((line, n) => (n % every === every - 1 && line !== '' ? `${line} # old` : line))
        .join('\n');
      const hunks = diffFiles(`fixture${i}`, baseText, headText);
      const fixes = computeFixes({ file: 'f.yaml', text: headText, pods: podsOf('f.yaml', headText, 'restricted'), level: 'restricted', version: 'latest', diff: diffLines(hunks) });
      expectValidAgainst(headText, hunks, fixes.suggestions);
      total += fixes.suggestions.length;
      attachable += fixes.suggestions.filter((s) => s.attachable).length;
    }
    // Both outcomes occur, so both paths are exercised.
    expect(attachable).toBeGreaterThan(0);
    expect(attachable).toBeLessThan(total);
  });

  it('attaches nothing without a diff (the check command)', () => {
    const headText = text(base);
    const fixes = computeFixes({ file: 'x.yaml', text: headText, pods: podsOf('x.yaml', headText, 'restricted'), level: 'restricted', version: 'latest', diff: null });
    expect(fixes.suggestions.length).toBeGreaterThan(0);
    expect(fixes.suggestions.every((s) => !s.attachable)).toBe(true);
  });
});

describe('a blocking fix beside fixes of warnings that span the pod spec', () => {
  // contour's envoy DaemonSet, added by the pull request: hostPorts in its middle container (blocking at baseline), and the
  // restricted fixes of all three containers, which joined them into one suggestion over every line between.
  const container = (name: string, extra: readonly string[] = []) => [`      - name: ${name}`, `        image: ${name}:1`, '        args:', ...Array.from({ length: 8 }, (_, i) => `        - --flag-${i}`), ...extra];
  const lines = [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: envoy',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    ...container('shutdown-manager'),
    ...container('envoy', ['        ports:', '        - containerPort: 8080', '          hostPort: 80', '          name: http']),
    ...container('init'),
  ];
  const headText = text(lines);
  const hostPortLine = lines.indexOf('          hostPort: 80') + 1;
  /** The pod's failures at restricted, those of baseline checks blocking (baseline enforced, restricted warned). */
  const pods = (marked: boolean): PodFailures[] =>
    podsOf('envoy.yaml', headText, 'restricted').map((pod) => ({
      ...pod,
      failures: pod.failures.map((f) => (marked && evaluatePod(pod.source.pod, 'baseline', 'latest').failures.some((b) => b.check === f.check) ? { ...f, blocking: true as const } : f)),
    }));
  const added = diffLines(diffFiles('envoy-added', '', headText));
  const fixesOf = (marked: boolean, diff: ReturnType<typeof diffLines> | null) => computeFixes({ file: 'envoy.yaml', text: headText, pods: pods(marked), level: 'restricted', version: 'latest', diff });

  it('keeps a short suggestion of its own in a review; the others say that `fix` applies them', () => {
    const fixes = fixesOf(true, added);
    const byCheck = new Map(fixes.pods[0]!.map((f) => [f.check, f]));
    expect(byCheck.get('hostPorts')?.fix).toEqual({ startLine: hostPortLine, endLine: hostPortLine, replacement: '', attachable: true });
    // Every warning whose fix joined it (the pod-level securityContext, written just above the containers, too).
    for (const check of ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'] as const) {
      expect(byCheck.get(check)?.fix, check).toBeNull();
      expect(byCheck.get(check)?.fixNote, check).toMatch(/^No suggestion: with the blocking fix, the suggestion would be \d+ lines long, so the blocking fix has one of its own; `pod-security-review fix envoy\.yaml` applies this one\./);
    }
    expect(fixes.suggestions).toHaveLength(1);
  });

  it('joins them as before without a blocking fix, and without a diff (`fix` applies every fix)', () => {
    for (const fixes of [fixesOf(false, added), fixesOf(true, null)]) {
      const hostPorts = fixes.pods[0]!.find((f) => f.check === 'hostPorts')!.fix!;
      expect(hostPorts.endLine - hostPorts.startLine).toBeGreaterThan(20);
      expect(fixes.pods[0]!.find((f) => f.check === 'allowPrivilegeEscalation')!.fix).toBe(hostPorts);
    }
  });
});

describe('a fix of lines the change wrote, beside fixes that reach past its hunk', () => {
  // The pull request makes a container privileged; its pod had warnings before whose fix spans both containers.
  const before = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: db',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: db',
    '          image: postgres:16',
    '          securityContext:',
    '            allowPrivilegeEscalation: true', // 12
    '            runAsUser: 0',
    '        - name: exporter',
    '          image: exporter:1',
    '          ports:',
    '            - containerPort: 9187',
    '          resources:',
    '            limits: {cpu: 100m, memory: 100Mi}',
    '      volumes:',
    '        - name: data',
    '          emptyDir: {}',
  ];
  const after = [...before.slice(0, 12), '            privileged: true', ...before.slice(12)];
  const fixesWith = (lines: readonly string[], diff: ReturnType<typeof diffLines> | null) =>
    computeFixes({ file: 'deploy.yaml', text: text(lines), pods: podsOf('deploy.yaml', text(lines), 'restricted'), level: 'restricted', version: 'latest', diff });
  /** Each check's fix of `changed` at restricted, as a pull request from `base` has it (its suggestions valid against the hunks). */
  const fixOfChange = (name: string, base: readonly string[], changed: readonly string[]) => {
    const changeHunks = diffFiles(name, text(base), text(changed));
    const fixes = fixesWith(changed, diffLines(changeHunks));
    expectValidAgainst(text(changed), changeHunks, fixes.suggestions);
    return new Map(fixes.pods[0]!.map((f) => [f.check, f]));
  };

  it('keeps a suggestion of its own; the fixes it is set apart from say that `fix` applies them', () => {
    const byCheck = fixOfChange('beside', before, after);
    expect(byCheck.get('privileged')?.fix).toEqual({ startLine: 13, endLine: 13, replacement: '            privileged: false\n', attachable: true });
    for (const check of ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsUser'] as const) {
      expect(byCheck.get(check)?.fix, check).toBeNull();
      expect(byCheck.get(check)?.fixNote, check).toMatch(/^No suggestion: the fix changes lines outside this pull request's diff; `pod-security-review fix deploy\.yaml` applies it\./);
    }
  });

  it("keeps it too where the pod spec's other fixes verify only as one (host network and host ports, the List of the benchmark)", () => {
    const host = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      'spec:',
      '  hostNetwork: true',
      '  containers:',
      '  - name: app',
      '    image: web:1',
      '    ports:',
      '    - containerPort: 8000',
      '      hostPort: 8000',
      '    securityContext:', // 13
      '      capabilities:',
      '        add: ["NET_ADMIN"]',
      '  - name: sidecar',
      '    image: proxy:2',
    ];
    const byCheck = fixOfChange('beside-host', host, [...host.slice(0, 13), '      privileged: true', ...host.slice(13)]);
    expect(byCheck.get('privileged')?.fix).toEqual({ startLine: 14, endLine: 14, replacement: '      privileged: false\n', attachable: true });
    expect(byCheck.get('hostNamespaces')?.fix).toBeNull();
  });

  it("gives the others back when the change's fix needs them: allowPrivilegeEscalation false beside a privileged container", () => {
    const privileged = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app', '    image: web:1', '    securityContext:', '      privileged: true', '  - name: sidecar', '    image: proxy:2', '    ports:', '    - containerPort: 80', '    securityContext:', '      allowPrivilegeEscalation: false', '  volumes:', '  - name: a', '    emptyDir: {}'];
    const byCheck = fixOfChange('beside-privileged', privileged, [...privileged.slice(0, 9), '      allowPrivilegeEscalation: true', ...privileged.slice(9)]);
    // The API server refuses allowPrivilegeEscalation: false on a privileged container: that fix stands only with privileged's.
    expect(byCheck.get('allowPrivilegeEscalation')?.fix).toEqual(byCheck.get('privileged')?.fix);
    expect(byCheck.get('allowPrivilegeEscalation')?.fix?.replacement).toContain('allowPrivilegeEscalation: false\n      privileged: false\n');
    expect(byCheck.get('allowPrivilegeEscalation')?.fix?.attachable).toBe(false);
    for (const [check, f] of byCheck) expect(f.fixNote ?? '', check).not.toMatch(/^No suggestion/);
  });

  it('without a diff (`check`, `fix`), every fix of the container is one suggestion, as before', () => {
    const byCheck = new Map(fixesWith(after, null).pods[0]!.map((f) => [f.check, f]));
    expect(byCheck.get('privileged')?.fix).toEqual(byCheck.get('allowPrivilegeEscalation')?.fix);
    expect(byCheck.get('privileged')?.fix?.replacement).toContain('allowPrivilegeEscalation: false\n            privileged: false\n');
  });
});
