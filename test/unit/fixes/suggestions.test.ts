/**
 * The line mechanics of suggestions: the smallest changed range, grouping
 * (per finding, per container field or pod area, touching ranges merged, a
 * container's fields a few lines apart merged), the
 * anchor line of an insertion, and applying suggestions to a text.
 */
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../src/diff/lines.js';
import { fixText } from '../../../src/fixes/fixFile.js';
import type { OwnedSplice } from '../../../src/fixes/render.js';
import { applySuggestions, groupSplices, suggestionSplice, toSuggestion } from '../../../src/fixes/suggestions.js';
import { changedLines, lineTable } from '../../../src/fixes/text.js';

const splice = (start: number, end: number, insert: string, owner: string, area: string): OwnedSplice => ({
  start,
  end,
  insert,
  owners: new Set([owner]),
  areas: new Set([area]),
});

describe('changedLines', () => {
  it('finds a modification, an insertion and a deletion', () => {
    expect(changedLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ start: 2, end: 2, lines: ['B'] });
    expect(changedLines('a\nc\n', 'a\nb\nc\n')).toEqual({ start: 2, end: 1, lines: ['b'] });
    expect(changedLines('a\nb\nc\n', 'a\nc\n')).toEqual({ start: 2, end: 2, lines: [] });
    expect(changedLines('a\r\nb\r\n', 'a\r\nB\r\n')).toEqual({ start: 2, end: 2, lines: ['B'] });
    expect(changedLines('a\n', 'a\n')).toBeNull();
  });
});

describe('applySuggestions', () => {
  it('replaces whole lines, deletes with an empty replacement, and keeps CRLF, BOM and a missing final newline', () => {
    expect(applySuggestions('a\nb\nc\n', [{ startLine: 2, endLine: 2, replacement: 'B1\nB2\n', attachable: true }])).toBe('a\nB1\nB2\nc\n');
    expect(applySuggestions('a\nb\nc\n', [{ startLine: 2, endLine: 3, replacement: '', attachable: true }])).toBe('a\n');
    expect(applySuggestions('\uFEFFa\r\nb\r\n', [{ startLine: 1, endLine: 1, replacement: 'A\nA2\n', attachable: false }])).toBe('\uFEFFA\r\nA2\r\nb\r\n');
    expect(applySuggestions('a\nb', [{ startLine: 2, endLine: 2, replacement: 'b\nc\n', attachable: false }])).toBe('a\nb\nc');
  });

  it('refuses overlapping suggestions and ranges outside the file', () => {
    const s = (startLine: number, endLine: number) => ({ startLine, endLine, replacement: 'x\n', attachable: false });
    expect(() => applySuggestions('a\nb\nc\n', [s(1, 2), s(2, 3)])).toThrow(/overlaps/);
    expect(() => applySuggestions('a\n', [s(2, 2)])).toThrow(/outside/);
  });
});

describe('grouping', () => {
  const text = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n';
  const table = lineTable(text);
  const at = (line: number) => table.starts[line - 1] ?? 0;

  it('keeps far-apart areas apart, and merges what touches or shares a finding or an area', () => {
    const groups = groupSplices(table, [
      splice(at(1), at(1) + 2, 'L1', 'f1', 'c0'),
      splice(at(2), at(2) + 2, 'L2', 'f2', 'c1'), // touches line 1: merged
      splice(at(5), at(5) + 2, 'L5', 'f3', 'c2'),
      splice(at(8), at(8) + 2, 'L8', 'f4', 'c2'), // same area as line 5: merged
    ]);
    expect(groups.map((g) => [...g.owners].sort())).toEqual([
      ['f1', 'f2'],
      ['f3', 'f4'],
    ]);
  });

  it('merges the fields of one container when few unchanged lines lie between them, and keeps them apart beyond', () => {
    const long = lineTable(Array.from({ length: 20 }, (_, i) => `l${i + 1}\n`).join(''));
    const on = (line: number) => long.starts[line - 1] ?? 0;
    const owners = (splices: OwnedSplice[]) => groupSplices(long, splices).map((g) => [...g.owners].sort());
    // Three unchanged lines between a container's ports and its securityContext: one suggestion.
    expect(owners([splice(on(2), on(2) + 2, 'P', 'hostPorts', '0|containers[0].ports'), splice(on(6), on(6) + 2, 'S', 'privileged', '0|containers[0].securityContext')])).toEqual([['hostPorts', 'privileged']]);
    // Four: two.
    expect(owners([splice(on(2), on(2) + 2, 'P', 'hostPorts', '0|containers[0].ports'), splice(on(7), on(7) + 2, 'S', 'privileged', '0|containers[0].securityContext')])).toEqual([['hostPorts'], ['privileged']]);
    // Near, but in two containers, or in the pod's own securityContext: apart.
    expect(owners([splice(on(2), on(2) + 2, 'P', 'hostPorts', '0|containers[0].ports'), splice(on(4), on(4) + 2, 'S', 'privileged', '0|containers[1].securityContext')])).toEqual([['hostPorts'], ['privileged']]);
    expect(owners([splice(on(2), on(2) + 2, 'S', 'privileged', '0|containers[0].securityContext'), splice(on(4), on(4) + 2, 'R', 'runAsNonRoot', '0|securityContext')])).toEqual([['privileged'], ['runAsNonRoot']]);
  });

  it('with the diff, splits a group that reaches beyond it when one of its smallest groups lies in a hunk', () => {
    const long = lineTable(Array.from({ length: 20 }, (_, i) => `l${i + 1}\n`).join(''));
    const on = (line: number) => long.starts[line - 1] ?? 0;
    const hunk = (headStart: number, headCount: number) => diffLines([{ baseStart: headStart, baseCount: headCount, headStart, headCount, lines: [] }]);
    const owners = (splices: OwnedSplice[], diff: ReturnType<typeof hunk> | null) => groupSplices(long, splices, diff).map((g) => [...g.owners].sort());
    // privileged on line 2 (the change), a seccomp profile for two containers on lines 4 and 12.
    const container = [
      splice(on(2), on(2) + 2, 'P', 'privileged', '0|containers[0].securityContext'),
      splice(on(4), on(4) + 2, 'S', 'seccomp', '0|containers[0].securityContext'),
      splice(on(12), on(12) + 2, 'S', 'seccomp', '0|containers[1].securityContext'),
    ];
    expect(owners(container, null)).toEqual([['privileged', 'seccomp']]);
    expect(owners(container, hunk(1, 5))).toEqual([['privileged'], ['seccomp']]);
    // No part would be attachable: kept as one.
    expect(owners(container, hunk(16, 3))).toEqual([['privileged', 'seccomp']]);
    // A pod spec whose suggestions verify only together stays one.
    const together = container.map((s) => ({ ...s, areas: new Set(['0|all']) }));
    expect(owners(together, hunk(1, 5))).toEqual([['privileged', 'seccomp']]);
  });

  it('merges an insertion with a change on the line before or after it', () => {
    const groups = groupSplices(table, [splice(at(4), at(4), 'new\n', 'f1', 'a'), splice(at(5), at(5) + 2, 'L5', 'f2', 'b')]);
    expect(groups).toHaveLength(1);
  });
});

describe('anchor lines of an insertion', () => {
  const text = 'l1\nl2\nl3\nl4\nl5\nl6\n';
  const table = lineTable(text);
  const group = { splices: [splice(table.starts[3] ?? 0, table.starts[3] ?? 0, 'new\n', 'f', 'a')], owners: new Set(['f']) };
  const hunk = (headStart: number, headCount: number) => ({ baseStart: headStart, baseCount: headCount, headStart, headCount, lines: [] });

  it('uses the line before when it is in the hunk', () => {
    expect(toSuggestion(table, group, diffLines([hunk(1, 3)]))).toEqual({ startLine: 3, endLine: 3, replacement: 'l3\nnew\n', attachable: true });
  });

  it('uses the line after when only that one is in the hunk', () => {
    expect(toSuggestion(table, group, diffLines([hunk(4, 3)]))).toEqual({ startLine: 4, endLine: 4, replacement: 'new\nl4\n', attachable: true });
  });

  it('is not attachable when neither is', () => {
    expect(toSuggestion(table, group, diffLines([hunk(6, 1)]))).toEqual({ startLine: 3, endLine: 3, replacement: 'l3\nnew\n', attachable: false });
    expect(toSuggestion(table, group, null)).toMatchObject({ attachable: false });
  });
});

describe('the splice of a suggestion', () => {
  // CRLF, a last line without a line break, and a replacement, an insertion and a removal of lines.
  const text = 'a: 1\r\nb: 2\r\nc: 3\r\nd: 4';
  const table = lineTable(text);
  const at = (line: number) => table.starts[line - 1] ?? 0;
  const groups = [
    [splice(at(2), at(2) + 4, 'b: 5', 'f1', 'x')],
    [splice(at(3), at(3), 'x: 1\r\ny: 2\r\n', 'f2', 'y')],
    [splice(at(4) - 2, text.length, '', 'f3', 'z')],
    [splice(at(1), at(1) + 4, 'a: 2', 'f4', 'w'), splice(text.length, text.length, '\r\ne: 5', 'f4', 'w')],
  ];

  it("is the one toSuggestion made it from, and the one its replacement gives (what a suggestion made elsewhere gets)", () => {
    for (const splices of groups) {
      const suggestion = toSuggestion(table, { splices, owners: new Set(splices.flatMap((s) => [...s.owners])) }, null);
      expect(suggestion).not.toBeNull();
      const made = suggestionSplice(table, suggestion!);
      // Taken: the same splice object each time; a copy of the suggestion is converted from its replacement.
      expect(suggestionSplice(table, suggestion!)).toBe(made);
      const copy = { ...suggestion! };
      expect(suggestionSplice(table, copy)).not.toBe(made);
      expect(suggestionSplice(table, copy)).toEqual(made);
    }
  });
});

describe('which suggestion carries which finding', () => {
  it('merges the findings of one container, and of the pod securityContext, and points each finding to its suggestion', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  hostNetwork: true',
      '  containers:',
      '  - name: a',
      '    image: x',
      '    securityContext:',
      '      privileged: true',
      '  - name: b',
      '    image: x',
      '    securityContext:',
      '      allowPrivilegeEscalation: false',
      '      capabilities: {drop: [ALL]}',
      '    readinessProbe:',
      '      httpGet: {host: example.com, port: 80}',
      '  volumes:',
      '  - name: v',
      '    emptyDir: {}',
      '',
    ].join('\n');
    const fixed = fixText('p.yaml', text, { level: 'restricted', version: 'latest' });
    const [pod] = fixed.pods;
    const fixOf = (check: string) => pod!.fixes[pod!.failures.findIndex((f) => f.check === check)]!.fix;
    // Every fix is one of the file's suggestions.
    for (const f of pod!.fixes) expect(f.fix === null || fixed.suggestions.includes(f.fix)).toBe(true);
    // Container a: privileged, allowPrivilegeEscalation, capabilities share one suggestion.
    expect(fixOf('privileged')).toBe(fixOf('allowPrivilegeEscalation'));
    expect(fixOf('privileged')).toBe(fixOf('capabilities_restricted'));
    // The pod securityContext: runAsNonRoot and seccomp share one.
    expect(fixOf('runAsNonRoot')).toBe(fixOf('seccompProfile_restricted'));
    // hostNetwork, far from both, has its own.
    expect(fixOf('hostNamespaces')).toEqual({ startLine: 5, endLine: 5, replacement: '  hostNetwork: false\n', attachable: false });
    // Suggestions are ordered and never overlap or touch.
    fixed.suggestions.forEach((s, i) => {
      if (i > 0) expect(s.startLine).toBeGreaterThan(fixed.suggestions[i - 1]!.endLine + 1);
    });
    expect(applySuggestions(text, fixed.suggestions)).toBe(fixed.text);
  });
});

describe('a container whose fixes lie far apart', () => {
  it('gets a suggestion for its host port and one for its securityContext, not one over the lines between', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '  - name: web',
      '    image: web:1',
      '    securityContext:',
      '      allowPrivilegeEscalation: true',
      '    command: [./web, --a, --b]',
      '    env:',
      '    - {name: A, value: "1"}',
      '    - {name: B, value: "2"}',
      '    ports:',
      '    - containerPort: 8080',
      '      hostPort: 8080',
      '  securityContext:',
      '    runAsNonRoot: true',
      '    seccompProfile: {type: RuntimeDefault}',
      '',
    ].join('\n');
    const fixed = fixText('p.yaml', text, { level: 'restricted', version: 'latest' });
    const [pod] = fixed.pods;
    const fixOf = (check: string) => pod!.fixes[pod!.failures.findIndex((f) => f.check === check)]?.fix;
    expect(fixOf('hostPorts')).toEqual({ startLine: 16, endLine: 16, replacement: '', attachable: false });
    expect(fixOf('allowPrivilegeEscalation')).toEqual({
      startLine: 9,
      endLine: 9,
      replacement: '      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n',
      attachable: false,
    });
    expect(applySuggestions(text, fixed.suggestions)).toBe(fixed.text);
  });
});

describe('a suggestion within a long line', () => {
  // Line 2 is too long to repeat; what comes before the edit has characters of 2, 3 and 4 UTF-8 bytes.
  const head = '# é €\n';
  const long = `{"a": "${'ü€😀x'.repeat(1500)}", "b": true, "c": 1}`;
  const text = `${head}${long}\nlast: line\n`;
  const table = lineTable(text);
  const at = text.indexOf('true');
  const bytesBefore = (offset: number) => Buffer.byteLength(text.slice(0, offset));

  it('replaces just the characters its splices span, named by their bytes in the file', () => {
    const group = { splices: [splice(at, at + 4, 'false', 'f1', 'spec'), splice(at + 11, at + 12, '2', 'f2', 'spec')], owners: new Set(['f1', 'f2']) };
    const suggestion = toSuggestion(table, group, null);
    expect(suggestion).toEqual({ startLine: 2, endLine: 2, replacement: null, attachable: false, edit: { start: bytesBefore(at), end: bytesBefore(at + 12), insert: 'false, "c": 2' } });
    expect(toSuggestion(table, group, null, 3)?.edit).toEqual({ start: bytesBefore(at) + 3, end: bytesBefore(at + 12) + 3, insert: 'false, "c": 2' });
    expect(applySuggestions(text, [suggestion!])).toBe(text.replace('true, "c": 1', 'false, "c": 2'));
    // Splices that change nothing give no suggestion.
    expect(toSuggestion(table, { splices: [splice(at, at + 4, 'true', 'f1', 'spec')], owners: new Set(['f1']) }, null)).toBeNull();
  });

  it('groups only the splices that overlap or touch there, not the whole line', () => {
    const first = text.indexOf('"a"');
    const groups = groupSplices(table, [splice(first, first + 3, '"A"', 'f1', 'x'), splice(at, at + 4, 'false', 'f2', 'y'), splice(at + 4, at + 4, ' ', 'f3', 'z')]);
    expect(groups.map((g) => [...g.owners].sort())).toEqual([['f1'], ['f2', 'f3']]);
  });

  it('is whole lines again when a splice writes a line break', () => {
    const suggestion = toSuggestion(table, { splices: [splice(at, at + 4, 'false,\n"d": 1', 'f1', 'spec')], owners: new Set(['f1']) }, null);
    expect(suggestion).toMatchObject({ startLine: 2, endLine: 2, replacement: null, attachable: false });
    expect(applySuggestions(text, [suggestion!])).toBe(text.replace('true', 'false,\n"d": 1'));
  });
});
