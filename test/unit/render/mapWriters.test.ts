import { describe, expect, it } from 'vitest';
import { append, remove, set } from '../../../src/fixes/edits.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { changedLines, combinedChange, editableFile, securityContextEdits } from '../../../src/render/mapWriters.js';
import type { MapWriter } from '../../../src/render/mapWriters.js';
import { findInTemplate } from '../../../src/render/templateLines.js';

const template = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  {{- with .Values.podSecurityContext }}',
  '  securityContext:',
  '    {{- toYaml . | nindent 4 }}',
  '  {{- end }}',
  '  containers:',
  '    - name: web',
  '      image: web:1',
  '      securityContext:',
  '        {{- toYaml .Values.securityContext | nindent 8 }}',
  '    - name: sidecar',
  '      image: sidecar:1',
  '      securityContext:',
  '        runAsUser: 1000',
  '',
].join('\n');

/** The chart's values key that writes a map, as mapReport finds it. */
const valuesKeys = (text: string): MapWriter => (path) => {
  const values = findInTemplate(text, path, {}).values;
  return values === null || values.from !== path.length ? null : { file: 'values.yaml', path: [...values.key] };
};

const pod = (spec: string) => loadManifestFile('rendered.yaml', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`).documents[0]!;
const rendered = pod('  containers:\n    - {name: web, image: web:1, securityContext: {}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000}}\n');

describe('securityContextEdits: a rendered fix as edits of the values keys the template writes its maps from', () => {
  it("gives each values key the fields the fix adds to its map, and says which is the pod's", () => {
    const fixed = pod('  securityContext: {runAsNonRoot: true}\n  containers:\n    - {name: web, image: web:1, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000}}\n');
    expect(securityContextEdits(rendered, fixed, valuesKeys(template))).toEqual([
      { file: 'values.yaml', key: ['podSecurityContext'], edits: [set(['podSecurityContext', 'runAsNonRoot'], true)], pod: true },
      { file: 'values.yaml', key: ['securityContext'], edits: [set(['securityContext', 'allowPrivilegeEscalation'], false), set(['securityContext', 'capabilities', 'drop'], ['ALL'])], pod: false },
    ]);
  });

  it('leaves out a map the template writes itself: none when it is the only one the fix changes', () => {
    const fixed = pod('  containers:\n    - {name: web, image: web:1, securityContext: {}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000, allowPrivilegeEscalation: false}}\n');
    expect(securityContextEdits(rendered, fixed, valuesKeys(template))).toBeNull();
    const both = pod('  containers:\n    - {name: web, image: web:1, securityContext: {runAsNonRoot: true}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000, runAsNonRoot: true}}\n');
    expect(securityContextEdits(rendered, both, valuesKeys(template))).toEqual([{ file: 'values.yaml', key: ['securityContext'], edits: [set(['securityContext', 'runAsNonRoot'], true)], pod: false }]);
  });
});

describe('securityContextEdits, a pod map the template writes itself', () => {
  const containerOnly = template.replace('  {{- with .Values.podSecurityContext }}\n  securityContext:\n    {{- toYaml . | nindent 4 }}\n  {{- end }}\n', '');

  it('gives the pod\'s fields to the container whose map a values key writes, as a container takes them too', () => {
    const original = pod('  containers:\n    - {name: web, image: web:1, securityContext: {}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000}}\n');
    const fixed = pod('  securityContext: {runAsNonRoot: true}\n  containers:\n    - {name: web, image: web:1, securityContext: {allowPrivilegeEscalation: false}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000}}\n');
    expect(securityContextEdits(original, fixed, valuesKeys(containerOnly))).toEqual([
      { file: 'values.yaml', key: ['securityContext'], edits: [set(['securityContext', 'allowPrivilegeEscalation'], false), set(['securityContext', 'runAsNonRoot'], true)], pod: false },
    ]);
  });
});

describe('securityContextEdits, a pod map its caller will not write', () => {
  it("gives the pod's fields to the containers' values keys instead", () => {
    const fixed = pod('  securityContext: {runAsNonRoot: true}\n  containers:\n    - {name: web, image: web:1, securityContext: {allowPrivilegeEscalation: false}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000}}\n');
    expect(securityContextEdits(rendered, fixed, valuesKeys(template), () => null)).toEqual([
      { file: 'values.yaml', key: ['securityContext'], edits: [set(['securityContext', 'allowPrivilegeEscalation'], false), set(['securityContext', 'runAsNonRoot'], true)], pod: false },
    ]);
  });
});

describe('securityContextEdits, a map the template writes itself with maps inside from values keys', () => {
  // istiod: the container's securityContext is literal, its seccompProfile `toYaml .Values.seccompProfile` when set.
  const istiod = template
    .replace('  {{- with .Values.podSecurityContext }}\n  securityContext:\n    {{- toYaml . | nindent 4 }}\n  {{- end }}\n', '')
    .replace('        {{- toYaml .Values.securityContext | nindent 8 }}', '        allowPrivilegeEscalation: false\n{{- if .Values.seccompProfile }}\n        seccompProfile:\n{{ toYaml .Values.seccompProfile | indent 10 }}\n{{- end }}');

  it("gives the inner map's values key its fields, the pod's too, and leaves out what no key writes", () => {
    const original = pod('  containers:\n    - {name: web, image: web:1, securityContext: {allowPrivilegeEscalation: false}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000}}\n');
    const fixed = pod('  securityContext: {seccompProfile: {type: RuntimeDefault}}\n  containers:\n    - {name: web, image: web:1, securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000}}\n');
    expect(securityContextEdits(original, fixed, valuesKeys(istiod))).toEqual([{ file: 'values.yaml', key: ['seccompProfile'], edits: [set(['seccompProfile', 'type'], 'RuntimeDefault')], pod: false }]);
  });
});

describe('securityContextEdits, a list the fix takes items from or adds to', () => {
  const withAdds = (adds: string, drop = '') => pod(`  containers:\n    - {name: web, image: web:1, securityContext: {capabilities: {add: ${adds}${drop}}}}\n    - {name: sidecar, image: sidecar:1, securityContext: {runAsUser: 1000}}\n`);

  it('removes the items the fix removes and appends the ones it adds, as the renderer edits a written list in place', () => {
    const fixed = withAdds('[NET_BIND_SERVICE]', ', drop: [NET_RAW, ALL]');
    expect(securityContextEdits(withAdds('[NET_BIND_SERVICE, NET_ADMIN]', ', drop: [NET_RAW]'), fixed, valuesKeys(template))).toEqual([
      { file: 'values.yaml', key: ['securityContext'], edits: [remove(['securityContext', 'capabilities', 'add', 1]), append(['securityContext', 'capabilities', 'drop'], 'ALL')], pod: false },
    ]);
  });

  it('writes a list the fix replaces whole as a new value', () => {
    const edits = securityContextEdits(withAdds('[NET_ADMIN]'), withAdds('[NET_BIND_SERVICE]'), valuesKeys(template));
    expect(edits?.[0]?.edits).toEqual([set(['securityContext', 'capabilities', 'add'], ['NET_BIND_SERVICE'])]);
  });
});

describe('securityContextEdits, a values key that holds nothing of the map the rendering has', () => {
  it('is given the fixed map whole, numbers too, where another would get the fix alone', () => {
    const original = pod('  securityContext: {runAsNonRoot: true, runAsUser: 100}\n  containers:\n    - {name: web, image: web:1}\n');
    const fixed = pod('  securityContext: {runAsNonRoot: true, runAsUser: 100, seccompProfile: {type: RuntimeDefault}}\n  containers:\n    - {name: web, image: web:1}\n');
    const writer = (whole: boolean): MapWriter => (path) => (path.at(-1) === 'securityContext' && path.length === 2 ? { file: 'values.yaml', path: ['pod'], ...(whole ? { whole } : {}) } : null);
    expect(securityContextEdits(original, fixed, writer(true))).toEqual([
      { file: 'values.yaml', key: ['pod'], edits: [set(['pod', 'runAsNonRoot'], true), set(['pod', 'runAsUser'], 100), set(['pod', 'seccompProfile', 'type'], 'RuntimeDefault')], pod: true },
    ]);
    expect(securityContextEdits(original, fixed, writer(false))).toEqual([{ file: 'values.yaml', key: ['pod'], edits: [set(['pod', 'seccompProfile', 'type'], 'RuntimeDefault')], pod: true }]);
  });
});

describe('editableFile: edits written into a source file as lines to replace', () => {
  const values = 'image: web:1\n\nsecurityContext: {}\n  # runAsUser: 1000\nreplicas: 2\n';

  it('writes an empty map as a block, keeping the comments under it', () => {
    expect(editableFile('values.yaml', values)?.change([set(['securityContext', 'runAsNonRoot'], true)])).toEqual({ startLine: 3, endLine: 3, newLines: ['securityContext:', '  runAsNonRoot: true'] });
  });

  it('adds a key the file does not have', () => {
    const change = editableFile('values.yaml', values)?.change([set(['podSecurityContext', 'runAsNonRoot'], true)]);
    expect(change?.newLines).toContain('podSecurityContext:');
  });

  it('takes an item out of a flow list or a block list, and appends to one, on the lines that write them', () => {
    const flow = 'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE, "NET_ADMIN"]  # ports\n';
    expect(editableFile('values.yaml', flow)?.change([remove(['securityContext', 'capabilities', 'add', 1])])).toEqual({ startLine: 4, endLine: 4, newLines: ['    add: [NET_BIND_SERVICE]  # ports'] });
    expect(editableFile('values.yaml', flow)?.change([append(['securityContext', 'capabilities', 'drop'], 'NET_RAW')])).toEqual({ startLine: 3, endLine: 3, newLines: ['    drop: [ALL, NET_RAW]'] });
    const block = 'securityContext:\n  capabilities:\n    add:\n      - NET_BIND_SERVICE\n      - NET_ADMIN\n';
    expect(editableFile('values.yaml', block)?.change([remove(['securityContext', 'capabilities', 'add', 1])])).toEqual({ startLine: 5, endLine: 5, newLines: [] });
  });

  it('writes a number as YAML reads it back', () => {
    expect(editableFile('values.yaml', 'pod: {}\n')?.change([set(['pod', 'runAsUser'], 100), set(['pod', 'runAsNonRoot'], true)])).toEqual({ startLine: 1, endLine: 1, newLines: ['pod:', '  runAsUser: 100', '  runAsNonRoot: true'] });
    expect(editableFile('values.yaml', 'pod: {fsGroup: 1}\n')?.change([set(['pod', 'runAsUser'], 100)])).toEqual({ startLine: 1, endLine: 1, newLines: ['pod: {fsGroup: 1, runAsUser: 100}'] });
  });

  it('gives none for a file of no map or list, or of several documents', () => {
    expect(editableFile('values.yaml', 'just text\n')).toBeNull();
    expect(editableFile('values.yaml', 'a: 1\n---\nb: 2\n')).toBeNull();
  });

  it('counts lines after a byte-order mark, and writes LF lines in a CRLF file', () => {
    const crlf = `\uFEFF${values.replaceAll('\n', '\r\n')}`;
    expect(editableFile('values.yaml', crlf)?.change([set(['securityContext', 'runAsNonRoot'], true)])).toEqual({ startLine: 3, endLine: 3, newLines: ['securityContext:', '  runAsNonRoot: true'] });
  });
});

describe('changedLines', () => {
  it('is the one range that changed', () => {
    expect(changedLines('a\nb\nc\n', 'a\nB\nB2\nc\n')).toEqual({ startLine: 2, endLine: 2, newLines: ['B', 'B2'] });
  });

  it('takes the line above an insertion, as a suggestion must replace a line', () => {
    expect(changedLines('a\nb\n', 'a\nnew\nb\n')).toEqual({ startLine: 1, endLine: 1, newLines: ['a', 'new'] });
  });

  it('is null when nothing changed', () => {
    expect(changedLines('a\n', 'a\n')).toBeNull();
  });
});

describe('combinedChange', () => {
  const lines = ['a', 'b', 'c', 'd', 'e'];

  it('writes the changes over the lines from the first to the last, the others as they are, the same change once', () => {
    const changes = [
      { startLine: 4, endLine: 4, newLines: [] },
      { startLine: 1, endLine: 1, newLines: ['a', '  inserted'] },
      { startLine: 4, endLine: 4, newLines: [] },
    ];
    expect(combinedChange(lines, changes, 20)).toEqual({ startLine: 1, endLine: 4, newLines: ['a', '  inserted', 'b', 'c'] });
  });

  it('is none for no change, changes that overlap, or changes too far apart for one suggestion', () => {
    expect(combinedChange(lines, [], 20)).toBeNull();
    expect(combinedChange(lines, [{ startLine: 1, endLine: 2, newLines: ['x'] }, { startLine: 2, endLine: 2, newLines: ['y'] }], 20)).toBeNull();
    expect(combinedChange(lines, [{ startLine: 1, endLine: 1, newLines: ['x'] }, { startLine: 5, endLine: 5, newLines: ['y'] }], 4)).toBeNull();
  });
});
