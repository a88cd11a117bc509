/** Restricted's securityContext maps written into a chart template that writes its container and pod spec itself. */
import { describe, expect, it } from 'vitest';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { templateInsertions, templateRemovals } from '../../../src/render/templateFix.js';
import { namedTemplates } from '../../../src/render/templateLines.js';

const template = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  template:
    spec:
      {{- with .Values.nodeSelector }}
      nodeSelector: {{ toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image }}"
          resources:
{{ toYaml .Values.resources | indent 12 }}
`;
const rendered = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n';
const fixedText =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers:\n        - name: web\n          image: web:1\n          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: [ALL]\n';
const doc = (text: string) => loadManifestFile('rendered.yaml', text).documents[0]!;

describe('templateInsertions', () => {
  it('writes each map the fix adds whole right under the line that opens its container or pod spec, in the indentation of their keys', () => {
    const changes = templateInsertions({ file: 'web/templates/deploy.yaml', text: template, named: new Map() }, doc(rendered), doc(fixedText), () => undefined);
    expect(changes).toEqual([
      // The pod's map, then the container's (told apart: several containers' maps are also offered together).
      { file: 'web/templates/deploy.yaml', change: { startLine: 7, endLine: 7, newLines: ['    spec:', '      securityContext:', '        runAsNonRoot: true'] }, container: false },
      {
        file: 'web/templates/deploy.yaml',
        change: { startLine: 12, endLine: 12, newLines: ['        - name: {{ .Chart.Name }}', '          securityContext:', '            allowPrivilegeEscalation: false', '            capabilities:', '              drop:', '                - ALL'] },
        container: true,
      },
    ]);
  });

  it("writes a container's map on its dash line when the container opens with a key whose value is the block below (kubeshark's `- env:`)", () => {
    const envFirst = template.replace('        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image }}"\n', '        - env:\n            - name: MODE\n              value: web\n          name: {{ .Chart.Name }}\n          image: "{{ .Values.image }}"\n');
    const withEnv = (text: string) => text.replace('        - name: web\n', '        - env:\n            - name: MODE\n              value: web\n          name: web\n');
    const [, container] = templateInsertions({ file: 't.yaml', text: envFirst, named: new Map() }, doc(withEnv(rendered)), doc(withEnv(fixedText)), () => undefined);
    expect(container).toEqual({
      file: 't.yaml',
      change: { startLine: 12, endLine: 12, newLines: ['        - securityContext:', '            allowPrivilegeEscalation: false', '            capabilities:', '              drop:', '                - ALL', '          env:'] },
      container: true,
    });
  });

  it('writes nothing where the template writes the key under some condition, or its container from values, or in flow style', () => {
    const guarded = template.replace('          image: "{{ .Values.image }}"\n', '          image: "{{ .Values.image }}"\n          {{- if .Values.hardened }}\n          securityContext: {runAsNonRoot: true}\n          {{- end }}\n');
    expect(templateInsertions({ file: 't.yaml', text: guarded, named: new Map() }, doc(rendered), doc(fixedText), () => undefined).map((c) => c.change.startLine)).toEqual([7]);
    const fromValues = template.replace(/ {6}containers:[\s\S]*$/, '      containers: {{ toYaml .Values.containers | nindent 8 }}\n');
    expect(templateInsertions({ file: 't.yaml', text: fromValues, named: new Map() }, doc(rendered), doc(fixedText), () => undefined).map((c) => c.change.startLine)).toEqual([7]);
    const flow = template.replace('        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image }}"\n', '        - {name: web, image: web}\n');
    expect(templateInsertions({ file: 't.yaml', text: flow, named: new Map() }, doc(rendered), doc(fixedText), () => undefined).map((c) => c.change.startLine)).toEqual([7]);
  });

  it('adds the keys a securityContext the template writes lacks right under its line, unless the template writes them', () => {
    const partial = template.replace('          image: "{{ .Values.image }}"\n', '          image: "{{ .Values.image }}"\n          securityContext:\n            allowPrivilegeEscalation: false\n');
    const before = doc(rendered.replace('          image: web:1\n', '          image: web:1\n          securityContext:\n            allowPrivilegeEscalation: false\n'));
    const after = doc(fixedText.replace('            allowPrivilegeEscalation: false\n', '            allowPrivilegeEscalation: false\n            runAsNonRoot: true\n'));
    const changes = templateInsertions({ file: 't.yaml', text: partial, named: new Map() }, before, after, () => undefined);
    expect(changes[1]).toEqual({ file: 't.yaml', change: { startLine: 14, endLine: 14, newLines: ['          securityContext:', '            runAsNonRoot: true', '            capabilities:', '              drop:', '                - ALL'] }, container: true });
    // One of the keys under a condition in the template: left to it (its values turn it on), the others added.
    const guarded = partial.replace('            allowPrivilegeEscalation: false\n', '            allowPrivilegeEscalation: false\n            {{- if .Values.strict }}\n            runAsNonRoot: true\n            {{- end }}\n');
    const [, container] = templateInsertions({ file: 't.yaml', text: guarded, named: new Map() }, before, after, () => undefined);
    expect(container).toEqual({ file: 't.yaml', change: { startLine: 14, endLine: 14, newLines: ['          securityContext:', '            capabilities:', '              drop:', '                - ALL'] }, container: true });
  });

  it('edits the helper that defines a container the template includes', () => {
    const helper = '{{- define "web.container" }}\n- name: {{ .Chart.Name }}\n  image: web:1\n{{- end }}\n';
    const including = template.replace(/ {8}- name:[\s\S]*$/, '        {{- include "web.container" . | nindent 8 }}\n');
    const named = namedTemplates([['web/templates/_helpers.tpl', helper]]);
    const changes = templateInsertions({ file: 'web/templates/deploy.yaml', text: including, named }, doc(rendered), doc(fixedText), (file) => (file === 'web/templates/_helpers.tpl' ? helper : undefined));
    expect(changes[1]).toEqual({ file: 'web/templates/_helpers.tpl', change: { startLine: 2, endLine: 2, newLines: ['- name: {{ .Chart.Name }}', '  securityContext:', '    allowPrivilegeEscalation: false', '    capabilities:', '      drop:', '        - ALL'] }, container: true });
  });
});

describe('templateRemovals', () => {
  // prometheus-systemd-exporter: the hostPort reads the Service's port, so no values edit takes it away.
  const ports = (hostPort: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: web:1
      ports:
        - name: metrics
          containerPort: 9558
${hostPort}          protocol: TCP
`;
  const renderedPod = doc(ports('          hostPort: 9558\n'));
  const fixedPod = doc(ports(''));
  const removals = (hostPort: string) => templateRemovals({ file: 't.yaml', text: ports(hostPort), named: new Map() }, renderedPod, fixedPod, () => undefined);

  it('takes away the line that writes a scalar the fix removes, its value from values or not', () => {
    expect(removals('          hostPort: {{ .Values.service.port }}\n')).toEqual([{ file: 't.yaml', change: { startLine: 12, endLine: 12, newLines: [] } }]);
    expect(removals('          hostPort: 9558\n')).toEqual([{ file: 't.yaml', change: { startLine: 12, endLine: 12, newLines: [] } }]);
  });

  it('leaves a line that writes more than the key and its value: a list item, a flow map, lines under it', () => {
    // The port's first key: its dash would go with it.
    const first = ports('').replace('        - name: metrics\n          containerPort: 9558\n', '        - hostPort: {{ .Values.service.port }}\n          name: metrics\n          containerPort: 9558\n');
    expect(templateRemovals({ file: 't.yaml', text: first, named: new Map() }, renderedPod, fixedPod, () => undefined)).toEqual([]);
    expect(removals('          hostPort: {{- if .Values.host }}\n            {{ .Values.service.port }}\n          {{- end }}\n')).toEqual([]);
    // Written from a values map (`toYaml`): the values' own edit, not the template's.
    const fromValues = ports('').replace('        - name: metrics\n          containerPort: 9558\n', '        {{- toYaml .Values.ports | nindent 8 }}\n');
    expect(templateRemovals({ file: 't.yaml', text: fromValues, named: new Map() }, renderedPod, fixedPod, () => undefined)).toEqual([]);
  });
});
