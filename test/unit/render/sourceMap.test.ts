/** Mapping rendered fields back to source lines: templates by key path, Kustomize patches by identity and JSON pointer. */
import { selects } from '../../../src/render/kustomizeSelector.js';
import { describe, expect, it } from 'vitest';
import { kustomizeIndex, kustomizeLocator } from '../../../src/render/kustomizeMap.js';
import { literalEdit } from '../../../src/render/mapReport.js';
import { helmLocator, sourceComments } from '../../../src/render/helmMap.js';
import { podWithValuesSecurityContext } from '../../helpers/chartTemplates.js';
import { findInTemplate, guardsOf, linesNotRendered, namedTemplates, plainSwitchOf, valuedSwitches } from '../../../src/render/templateLines.js';
import { parseFieldPath, formatFieldPath } from '../../../src/pss/paths.js';

const template = `apiVersion: v1
kind: Service
spec:
  ports:
    - port: 80
---
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      {{- if .Values.hostNetwork }}
      hostNetwork: {{ .Values.hostNetwork }}
      {{- end }}
      containers:
      - name: sidecar
        image: busybox
      - name: {{ .Chart.Name }}
        securityContext:
          {{- toYaml .Values.securityContext | nindent 10 }}
        ports:
          - containerPort: 8080
            hostPort: 8080
`;

const rendered = { spec: { template: { spec: { hostNetwork: true, containers: [{ name: 'sidecar' }, { name: 'web', securityContext: { privileged: true }, ports: [{ containerPort: 8080, hostPort: 8080 }] }] } } } };

describe('findInTemplate', () => {
  it.each([
    ['spec.template.spec.hostNetwork', { line: 13, exact: true, values: { key: ['hostNetwork'], from: 4 } }],
    // The template writes securityContext (line 19) from .Values.securityContext, not privileged itself.
    ['spec.template.spec.containers[1].securityContext.privileged', { line: 19, exact: false, values: { key: ['securityContext'], from: 6 } }],
    ['spec.template.spec.containers[1].ports[0].hostPort', { line: 23, exact: true, values: null }],
    ['spec.template.spec.hostPID', { line: 11, exact: false, values: null }],
  ])('%s', (path, hit) => {
    expect(findInTemplate(template, parseFieldPath(path), rendered)).toEqual(hit);
  });
});

/** A Deployment template's lines down to its container `web`, then `lines` under it. */
const webContainer = (...lines: string[]) => ['kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', ...lines];

describe('a template that writes a field two ways, in the branches of an `if` (podinfo)', () => {
  const template = [
    'apiVersion: apps/v1',
    ...webContainer(
      '          {{- if .Values.securityContext }}',
      '          securityContext:',
      '            {{- toYaml .Values.securityContext | nindent 12 }}',
      '          {{- else if .Values.hostPort }}',
      '          securityContext:',
      '            capabilities:',
      '              add:',
      '                - NET_BIND_SERVICE',
      '          {{- end }}',
      '',
    ),
  ].join('\n');
  const rendered = { spec: { template: { spec: { containers: [{ name: 'web', securityContext: { capabilities: { add: ['NET_ADMIN'] } } }] } } } };
  const added = ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 0];
  const locate = (values: string, prod?: string) =>
    helmLocator({
      chartDir: 'web',
      valuesFiles: ['web/values.yaml', ...(prod === undefined ? [] : ['web/values-prod.yaml'])],
      texts: new Map([['web/templates/deploy.yaml', template], ['web/values.yaml', values], ...(prod === undefined ? [] : [['web/values-prod.yaml', prod] as const])]),
    })('templates/deploy.yaml', added, rendered);

  it('is on the values line when the values take the first branch, even where a later file holds `{}` (helm merges maps)', () => {
    const values = 'securityContext:\n  capabilities:\n    add: [NET_ADMIN]\nhostPort: 0\n';
    expect(locate(values)).toEqual({ template: null, values: { file: 'web/values.yaml', line: 3, column: 11 } });
    expect(locate(values, 'securityContext: {}\n')).toEqual({ template: null, values: { file: 'web/values.yaml', line: 3, column: 11 } });
  });

  it('is never on a literal that is not the rendered value, whichever branch it is in', () => {
    // Without the values, the `else if` branch is not ruled out; its `- NET_BIND_SERVICE` did not write NET_ADMIN.
    expect(findInTemplate(template, added, rendered)).toEqual({ line: 14, exact: false, values: null });
  });

  it('takes the branch the values take, and none they rule out', () => {
    const truth = (key: readonly string[]) => ({ securityContext: false, hostPort: true })[key.join('.')];
    expect(linesNotRendered(template, truth)).toEqual(new Set([9, 10, 11]));
    // The literal branch, as the values take it: the item it writes.
    const binding = { spec: { template: { spec: { containers: [{ name: 'web', securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] } } } };
    expect(findInTemplate(template, added, binding, undefined, truth)).toEqual({ line: 15, exact: true, values: null });
    // `not`, `and` and `or` of values keys are read; a comparison or a variable rules nothing out.
    const a = (key: readonly string[]) => ({ a: true, b: false })[key.join('.')];
    // (A line is judged by the branches open where it starts: the `{{- else }}` line is the ruled-out branch's.)
    expect(linesNotRendered('{{- if not .Values.a }}\nx: 1\n{{- else }}\ny: 2\n{{- end }}\n', a)).toEqual(new Set([2, 3]));
    expect(linesNotRendered('{{- if and .Values.a (not .Values.b) }}\nx: 1\n{{- end }}\n{{- if or .Values.b .Values.c }}\ny: 2\n{{- end }}\n', a)).toEqual(new Set());
    expect(linesNotRendered('{{- if and .Values.a .Values.b }}\nx: 1\n{{- end }}\n{{- if or .Values.a .Values.c }}\ny: 2\n{{- else }}\nz: 3\n{{- end }}\n', a)).toEqual(new Set([2, 3, 7, 8]));
    expect(linesNotRendered('{{- if eq .Values.a true }}\nx: 1\n{{- end }}\n{{- if $x }}\ny: 2\n{{- end }}\n', a)).toEqual(new Set());
    // An `else` after a condition known true is not written, even after an unknown one; a branch after an unknown one is not known written.
    expect(linesNotRendered('{{- if .Values.a }}\nx: 1\n{{- else }}\ny: 2\n{{- end }}\n', () => true)).toEqual(new Set([4, 5]));
    expect(linesNotRendered('{{- if eq .Values.a 1 }}\nx: 1\n{{- else if .Values.b }}\ny: 2\n{{- else }}\nz: 3\n{{- end }}\n', () => true)).toEqual(new Set([6, 7]));
    // Inside `with`, `.Values` is the dot's: helm reads nothing of the chart's values there.
    expect(linesNotRendered('{{- with .Values.a }}\n{{- if .Values.b }}\nx: 1\n{{- end }}\n{{- end }}\n', (key) => key[0] === 'a')).toEqual(new Set());
  });
});

describe('findInTemplate: variables set in an action', () => {
  const rendered = { kind: 'Deployment', spec: { template: { spec: { containers: [{ name: 'web', image: 'web:1' }] } } } };
  const path = ['spec', 'template', 'spec', 'containers', 0, 'securityContext'];
  const template = (assignment: string) =>
    [
      '{{- range $service := (list "frontend" "history") }}',
      assignment,
      ...webContainer('          {{- with $values.containerSecurityContext }}', '          securityContext:', '            {{- toYaml . | nindent 12 }}', '          {{- end }}'),
      '{{- end }}',
    ].join('\n');

  it("follows `$v := index .Values.map $element` (temporal's per-service values), an element by a variable standing for any key", () => {
    expect(findInTemplate(template('{{- $values := index $.Values.server $service }}'), path, rendered).values).toEqual({ key: ['server', '*', 'containerSecurityContext'], from: 6 });
    expect(findInTemplate(template('{{- $values := index .Values.server "frontend" | default (dict) }}'), path, rendered).values).toEqual({ key: ['server', 'frontend', 'containerSecurityContext'], from: 6 });
    expect(findInTemplate(template('{{- $values := .Values.web }}'), path, rendered).values).toEqual({ key: ['web', 'containerSecurityContext'], from: 6 });
    // Set again to what no key names, the variable names none; set again in a block, it may hold either after it.
    expect(findInTemplate(template('{{- $values := .Values.web }}{{- $values = include "x" . | fromYaml }}'), path, rendered).values).toBeNull();
    expect(findInTemplate(template('{{- $values := .Values.web }}{{- if .Values.other }}{{- $values = .Values.other }}{{- end }}'), path, rendered).values).toBeNull();
  });

  it("follows the map a `merge` keeps the values of (victoria-metrics-cluster's `$app`): the first, or `mergeOverwrite`'s last; a `deepCopy`'s", () => {
    const key = (assignment: string) => findInTemplate(template(assignment), path, rendered).values?.key ?? null;
    expect(key('{{- $values := merge (deepCopy .Values.vmselect) (deepCopy .Values.common) -}}')).toEqual(['vmselect', 'containerSecurityContext']);
    expect(key('{{- $values := merge .Values.vmselect .Values.common }}')).toEqual(['vmselect', 'containerSecurityContext']);
    expect(key('{{- $values := mergeOverwrite (dict) .Values.common .Values.web }}')).toEqual(['web', 'containerSecurityContext']);
    expect(key('{{- $values := deepCopy .Values.web }}')).toEqual(['web', 'containerSecurityContext']);
    expect(key('{{- $values := (deepCopy .Values.web) }}')).toEqual(['web', 'containerSecurityContext']);
    // A merge of what no key names (a helper's output) names none; nor does a lone `merge` or `deepCopy` of several.
    expect(key('{{- $values := merge (include "x" . | fromYaml) .Values.common }}')).toBeNull();
    expect(key('{{- $values := merge .Values.web }}')).toBeNull();
    expect(key('{{- $values := deepCopy .Values.web .Values.common }}')).toBeNull();
  });

  it("follows a variable set to the first of several keys set (`$csc := or .Values.a .Values.b`, volcano's): the first, falling back to the others", () => {
    const values = (assignment: string) => findInTemplate(template(assignment), path, rendered).values;
    const fallingBack = { key: ['custom', 'web', 'containerSecurityContext'], from: 6, alternatives: [['custom', 'default', 'containerSecurityContext']] };
    expect(values('{{ $values := or .Values.custom.web .Values.custom.default }}')).toEqual(fallingBack);
    expect(values('{{- $values := coalesce .Values.custom.web .Values.custom.default }}')).toEqual(fallingBack);
    expect(values('{{- $values := .Values.custom.web | default .Values.custom.default }}')).toEqual(fallingBack);
    expect(values('{{- $values := (or .Values.custom.web .Values.custom.default) }}')).toEqual(fallingBack);
    // Read whole by `toYaml`: the variable's own key and its fallbacks.
    const whole = ['{{ $csc := or .Values.custom.web .Values.custom.default }}', ...webContainer('          {{- if $csc }}', '          securityContext:', '            {{- toYaml $csc | nindent 12 }}', '          {{- end }}')].join('\n');
    expect(findInTemplate(whole, path, rendered).values).toEqual({ key: ['custom', 'web'], from: 6, alternatives: [['custom', 'default']] });
    // An `or` of what no key names names none.
    expect(values('{{- $values := or .Values.custom.web (dict) }}')).toBeNull();
  });

  it("follows a variable a `with` sets as well as the dot (`with $context := .Values.a`, authelia's)", () => {
    const key = (...lines: string[]) => findInTemplate(webContainer(...lines).join('\n'), path, rendered).values?.key ?? null;
    const opened = '          {{- with $context := .Values.pod.securityContext.container }}';
    expect(key(opened, '          securityContext: {{ toYaml $context | nindent 12 }}', '          {{- end }}')).toEqual(['pod', 'securityContext', 'container']);
    expect(key(opened, '          securityContext:', '            {{- toYaml . | nindent 12 }}', '          {{- end }}')).toEqual(['pod', 'securityContext', 'container']);
    // Set to what no key names, neither is one.
    expect(key('          {{- with $context := include "x" . }}', '          securityContext: {{ toYaml $context | nindent 12 }}', '          {{- end }}')).toBeNull();
  });

  it("follows a variable set to the values whole (`$app := .Values`, VictoriaMetrics' single-component charts): `$app.a` is `.Values.a`", () => {
    const key = (assignment: string) => findInTemplate(template(assignment), path, rendered).values?.key ?? null;
    const whole = (line: string) =>
      findInTemplate(['{{- $app := .Values }}', ...webContainer(line, '          securityContext:', '            {{- toYaml . | nindent 12 }}', '          {{- end }}')].join('\n'), path, rendered).values?.key ?? null;
    expect(whole('          {{- with $app.securityContext }}')).toEqual(['securityContext']);
    expect(whole('          {{- with $.Values.securityContext }}')).toEqual(['securityContext']);
    expect(key('{{- $values := $.Values }}')).toEqual(['containerSecurityContext']);
    // The values whole is no map the block writes.
    expect(whole('          {{- with $app }}')).toBeNull();
    expect(whole('          {{- range $app }}')).toBeNull();
  });
});

describe('findInTemplate: the dot written whole', () => {
  const rendered = { kind: 'Deployment', spec: { template: { spec: { containers: [{ name: 'web', image: 'web:1', securityContext: { runAsUser: 1000 } }] } } } };
  const path = ['spec', 'template', 'spec', 'containers', 0, 'securityContext'];
  const key = (action: string) =>
    findInTemplate(webContainer('          {{- with .Values.containerSecurityContext }}', '          securityContext:', `            ${action}`, '          {{- end }}').join('\n'), path, rendered).values?.key ?? null;

  it("reads the dot without its switch (`omit . \"enabled\" | toYaml`, sigstore's policy-controller) as the dot's key; not a `pick` of some keys", () => {
    expect(key('{{- toYaml . | nindent 12 }}')).toEqual(['containerSecurityContext']);
    expect(key('{{- omit . "enabled" | toYaml | nindent 12 }}')).toEqual(['containerSecurityContext']);
    expect(key('{{- omit . "enabled" "create" | toYaml | nindent 12 }}')).toEqual(['containerSecurityContext']);
    expect(key('{{- toYaml (omit . "enabled") | nindent 12 }}')).toEqual(['containerSecurityContext']);
    // Only the keys a `pick` names are written: a field added to the values would not be.
    expect(key('{{- pick . "runAsUser" | toYaml | nindent 12 }}')).toBeNull();
  });
});

describe('valuedSwitches: a values key a template tests and writes a field from', () => {
  const seccomp: [string, string] = ['seccompProfile', 'type'];

  it("finds dapr's global key and a helper's key tested with the map that holds it", () => {
    const dapr = ['        securityContext:', '  {{- if .Values.global.seccompProfile }}', '          seccompProfile:', '            type: {{ .Values.global.seccompProfile }}', '  {{- end }}'].join('\n');
    expect(valuedSwitches(dapr, seccomp)).toEqual([['global', 'seccompProfile']]);
    const helper = ['{{- define "web.seccomp" -}}', '{{- if and .Values.seccompProfile .Values.seccompProfile.type }}', 'seccompProfile:', '  type: {{ .Values.seccompProfile.type | quote }}', '{{- end }}', '{{- end }}'].join('\n');
    expect(valuedSwitches(helper, seccomp)).toEqual([['seccompProfile', 'type']]);
  });

  it('takes no key whose branch another condition opens, nor one that writes another field', () => {
    // The key is not what the `if` tests: setting it turns nothing on.
    expect(valuedSwitches('{{- if .Values.enabled }}\nseccompProfile:\n  type: {{ .Values.profile }}\n{{- end }}', seccomp)).toEqual([]);
    // The `else` branch is written when the key is not set.
    expect(valuedSwitches('{{- if .Values.p }}\nx: 1\n{{- else }}\nseccompProfile:\n  type: {{ .Values.p }}\n{{- end }}', seccomp)).toEqual([]);
    // Under another map (`appArmorProfile`), or a comparison the key alone does not decide.
    expect(valuedSwitches('{{- if .Values.p }}\nappArmorProfile:\n  type: {{ .Values.p }}\n{{- end }}', seccomp)).toEqual([]);
    expect(valuedSwitches('{{- if eq .Values.p "x" }}\nseccompProfile:\n  type: {{ .Values.p }}\n{{- end }}', seccomp)).toEqual([]);
  });
});

describe('helmLocator: a field of a map the template left out', () => {
  const template = podWithValuesSecurityContext('web');
  const rendered = { spec: { containers: [{ name: 'web', image: 'web:1' }] } };
  const missing = ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot'];

  it('is on the values key that writes the map, which `with` left out of the rendering', () => {
    const locate = helmLocator({ chartDir: 'web', valuesFiles: ['web/values.yaml'], texts: new Map([['web/templates/pod.yaml', template], ['web/values.yaml', 'image: web:1\nsecurityContext: {}\n']]) });
    expect(locate('templates/pod.yaml', ['spec', 'containers', 0], rendered, missing).values).toEqual({ file: 'web/values.yaml', line: 2, column: 1 });
    // Without the field's own path, the container's line only.
    expect(locate('templates/pod.yaml', ['spec', 'containers', 0], rendered).values).toBeNull();
  });

  it('is none when no values file has the key', () => {
    const locate = helmLocator({ chartDir: 'web', valuesFiles: ['web/values.yaml'], texts: new Map([['web/templates/pod.yaml', template], ['web/values.yaml', 'image: web:1\n']]) });
    expect(locate('templates/pod.yaml', ['spec', 'containers', 0], rendered, missing).values).toBeNull();
  });
});

describe('helmLocator: a subchart takes its values under its name in the charts above it', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: {{ .Values.hostNetwork }}\n';
  const texts = new Map([
    ['web/charts/cache/templates/pod.yaml', pod],
    ['web/charts/cache/values.yaml', 'hostNetwork: false\n'],
    ['web/charts/cache/charts/agent/templates/pod.yaml', pod],
    ['web/charts/cache/charts/agent/values.yaml', 'hostNetwork: true\n'],
    ['web/values.yaml', 'image: web:1\ncache:\n  hostNetwork: true\n'],
    ['web/prod.yaml', 'cache:\n  agent:\n    hostNetwork: true\n'],
  ]);
  const locate = helmLocator({ chartDir: 'web', valuesFiles: ['web/values.yaml', 'web/prod.yaml'], texts });
  const at = (template: string, hostNetwork: boolean) => locate(template, ['spec', 'hostNetwork'], { spec: { hostNetwork } }).values;

  it('the root chart\'s values override the subchart\'s own, on the line that sets the rendered value', () => {
    expect(at('charts/cache/templates/pod.yaml', true)).toEqual({ file: 'web/values.yaml', line: 3, column: 3 });
    // A rendered value no file above sets is the subchart's own.
    expect(at('charts/cache/templates/pod.yaml', false)).toEqual({ file: 'web/charts/cache/values.yaml', line: 1, column: 1 });
  });

  it('a global value is read at `global` in every file, under no chart\'s name', () => {
    const globalPod = 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: {{ .Values.global.hostNetwork }}\n';
    const withGlobal = helmLocator({
      chartDir: 'web',
      valuesFiles: ['web/values.yaml'],
      texts: new Map([
        ['web/charts/cache/templates/pod.yaml', globalPod],
        ['web/values.yaml', 'global:\n  hostNetwork: true\ncache:\n  global:\n    hostNetwork: false\n'],
      ]),
    });
    expect(withGlobal('charts/cache/templates/pod.yaml', ['spec', 'hostNetwork'], { spec: { hostNetwork: true } }).values).toEqual({ file: 'web/values.yaml', line: 2, column: 3 });
  });

  it('a subchart of a subchart: the last values file given, under both names, before the charts between', () => {
    expect(at('charts/cache/charts/agent/templates/pod.yaml', true)).toEqual({ file: 'web/prod.yaml', line: 3, column: 5 });
  });
});

describe('findInTemplate inside {{ with .Values.x }}', () => {
  const withTemplate = `apiVersion: apps/v1
kind: DaemonSet
spec:
  template:
    spec:
      {{- with .Values.hostNetwork }}
      hostNetwork: {{ . }}
      {{- end }}
      containers:
        - name: exporter
          {{- with .Values.containerSecurityContext }}
          securityContext:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- range .Values.extraPorts }}
          ports:
            - containerPort: {{ toYaml . }}
          {{- end }}
`;
  const value = { spec: { template: { spec: { hostNetwork: true, containers: [{ name: 'exporter', securityContext: { privileged: true }, ports: [{ containerPort: 9100 }] }] } } } };

  it.each([
    ['spec.template.spec.hostNetwork', { line: 7, exact: true, values: { key: ['hostNetwork'], from: 4 } }],
    ['spec.template.spec.containers[0].securityContext.privileged', { line: 12, exact: false, values: { key: ['containerSecurityContext'], from: 6 } }],
    // The key a missing field belongs under (its container's securityContext): the values key that writes it whole.
    ['spec.template.spec.containers[0].securityContext', { line: 12, exact: true, values: { key: ['containerSecurityContext'], from: 6 } }],
    // range binds the dot to an item of the list (`*`): which one, the locator settles by the rendered value.
    ['spec.template.spec.containers[0].ports[0].containerPort', { line: 17, exact: true, values: { key: ['extraPorts', '*'], from: 8 } }],
  ])('%s', (path, hit) => {
    expect(findInTemplate(withTemplate, parseFieldPath(path), value)).toEqual(hit);
  });
});

describe('findInTemplate with `with.Values.x` (no space, as helm reads it too)', () => {
  it('takes the dot for that values key', () => {
    const template = 'spec:\n  template:\n    spec:\n      containers:\n        - name: ipmi\n          {{- with.Values.containerSecurityContext }}\n          securityContext:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n';
    const rendered = { spec: { template: { spec: { containers: [{ name: 'ipmi' }] } } } };
    expect(findInTemplate(template, parseFieldPath('spec.template.spec.containers[0].securityContext'), rendered)).toEqual({ line: 7, exact: true, values: { key: ['containerSecurityContext'], from: 6 } });
  });
});

describe('findInTemplate in a template of several documents', () => {
  it("walks the document that writes the object's kind, not the first `spec:` of the file", () => {
    // grafana's agent-operator test file: a GrafanaAgent, then the test Pod.
    const template = 'apiVersion: monitoring.grafana.com/v1alpha1\nkind: GrafanaAgent\nmetadata:\n  name: agent\nspec:\n  image: agent:1\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\nspec:\n  containers:\n  - name: wget\n';
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probe' }, spec: { containers: [{ name: 'wget' }] } };
    expect(findInTemplate(template, ['spec'], pod)).toEqual({ line: 12, exact: true, values: null });
    expect(findInTemplate(template, parseFieldPath('spec.containers[0]'), pod)).toEqual({ line: 14, exact: true, values: null });
  });

  it("takes the document of that kind whose name may be the object's, when the file writes several (kubevela's two Jobs)", () => {
    const job = (suffix: string) =>
      `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ template "app.fullname" . }}-tls-${suffix}\nspec:\n  template:\n    spec:\n      containers:\n      - name: ${suffix}\n      securityContext:\n        runAsNonRoot: true\n`;
    const template = `${job('create')}---\n${job('patch')}`;
    const rendered = (suffix: string) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: `app-tls-${suffix}` }, spec: { template: { spec: { securityContext: { runAsNonRoot: true } } } } });
    const path = parseFieldPath('spec.template.spec.securityContext');
    expect(findInTemplate(template, path, rendered('create')).line).toBe(10);
    expect(findInTemplate(template, path, rendered('patch')).line).toBe(22);
    // A name both may render: the whole file, as before (its first document's line).
    expect(findInTemplate(template.replaceAll('-tls-create', '-tls-{{ .Values.x }}').replaceAll('-tls-patch', '-tls-{{ .Values.y }}'), path, rendered('patch')).line).toBe(10);
  });
});

describe('findInTemplate among containers whose names actions write', () => {
  // alertmanager's layout: a sidecar, on only when its values say so, before the main container.
  const template = `apiVersion: apps/v1
kind: StatefulSet
spec:
  template:
    spec:
      containers:
        {{- if .Values.reload.enabled }}
        - name: {{ .Chart.Name }}-{{ .Values.reload.name }}
          securityContext:
            {{- toYaml .Values.reload.securityContext | nindent 12 }}
        {{- end }}
        - name: {{ .Chart.Name }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
`;
  const path = parseFieldPath('spec.template.spec.containers[0].securityContext');

  it('takes the one item whose written name may be the rendered one, not the first by position', () => {
    const alone = { spec: { template: { spec: { containers: [{ name: 'alertmanager', securityContext: { runAsUser: 65534 } }] } } } };
    expect(findInTemplate(template, path, alone)).toEqual({ line: 13, exact: true, values: { key: ['securityContext'], from: 6 } });
    // With the sidecar rendered, its name fits its own item only.
    const both = { spec: { template: { spec: { containers: [{ name: 'alertmanager-reload', securityContext: {} }, { name: 'alertmanager', securityContext: {} }] } } } };
    expect(findInTemplate(template, path, both)).toEqual({ line: 9, exact: true, values: { key: ['reload', 'securityContext'], from: 6 } });
  });
});

describe('findInTemplate and helmLocator in a `range` over a values map', () => {
  // traefik's layout: one container port per entry of `.Values.ports`, through the range's variables.
  const template = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: proxy
          ports:
          {{- range $name, $config := .Values.ports }}
            - name: {{ $name }}
              containerPort: {{ $config.port }}
              {{- if $config.hostPort }}
              hostPort: {{ $config.hostPort }}
              {{- end }}
          {{- end }}
`;
  const values = 'ports:\n  web:\n    port: 8000\n    hostPort:\n  admin:\n    port: 9000\n    hostPort: 9000\n  metrics:\n    port: 9100\n';
  const rendered = { spec: { template: { spec: { containers: [{ name: 'proxy', ports: [{ name: 'admin', containerPort: 9000, hostPort: 9000 }, { name: 'metrics', containerPort: 9100 }, { name: 'web', containerPort: 8000 }] }] } } } };
  const path = parseFieldPath('spec.template.spec.containers[0].ports[0].hostPort');

  it('names the values key a range variable stands for, with `*` for the element', () => {
    expect(findInTemplate(template, path, rendered).values).toEqual({ key: ['ports', '*', 'hostPort'], from: 8 });
  });

  it('places the field on the one entry whose value is the rendered one; on none when several are', () => {
    const locate = (text: string) => helmLocator({ chartDir: 'charts/proxy', valuesFiles: ['charts/proxy/values.yaml'], texts: new Map([['charts/proxy/templates/deployment.yaml', template], ['charts/proxy/values.yaml', text]]) });
    expect(locate(values)('templates/deployment.yaml', path, rendered).values).toEqual({ file: 'charts/proxy/values.yaml', line: 7, column: 5 });
    const twice = values.replace('    hostPort:\n', '    hostPort: 9000\n');
    expect(locate(twice)('templates/deployment.yaml', path, rendered).values).toBeNull();
  });
});

describe('findInTemplate in lists the values write in part', () => {
  // promtail's layout: one volume written in the template, the rest from values.
  const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:1
      volumes:
        - name: config
          configMap:
            name: agent
        {{- with .Values.defaultVolumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
`;
  const value = { spec: { template: { spec: { containers: [{ name: 'agent' }], volumes: [{ name: 'config', configMap: { name: 'agent' } }, { name: 'run', hostPath: { path: '/run' } }] } } } };

  it.each([
    // The template's own item, by its name.
    ['spec.template.spec.volumes[0].configMap.name', { line: 12, exact: true, values: null }],
    // Another name than the only item the template writes: the values list, followed inside it by name.
    ['spec.template.spec.volumes[1].hostPath', { line: 9, exact: false, values: { key: ['defaultVolumes'], from: 4 } }],
  ])('%s', (path, hit) => {
    expect(findInTemplate(daemonSet, parseFieldPath(path), value)).toEqual(hit);
  });

  it('never takes the only item of another document for an item with another name', () => {
    // microservices-demo's cartservice.yaml: two workloads, each with one container of its own name.
    const workload = (kind: string, name: string) => `kind: ${kind}\nspec:\n  template:\n    spec:\n      containers:\n      - name: ${name}\n        securityContext:\n          runAsNonRoot: true\n`;
    const two = `${workload('Deployment', 'server')}---\n${workload('StatefulSet', 'redis')}`;
    const redis = { spec: { template: { spec: { containers: [{ name: 'redis', securityContext: { runAsNonRoot: true } }] } } } };
    // The field is missing from both: the securityContext it belongs in is redis's (line 16), not server's (line 7).
    expect(findInTemplate(two, parseFieldPath('spec.template.spec.containers[0].securityContext.seccompProfile'), redis)).toEqual({ line: 16, exact: false, values: null });
  });
});

describe('a value from one of several values keys (`.Values.a | default .Values.b`)', () => {
  // elastic's filebeat: the pod-level key when set, else the daemonset's.
  const template = `apiVersion: apps/v1
kind: DaemonSet
spec:
  template:
    spec:
      containers:
      - name: filebeat
        securityContext: {{ toYaml ( .Values.podSecurityContext | default .Values.daemonset.securityContext ) | nindent 10 }}
`;
  const rendered = { spec: { template: { spec: { containers: [{ name: 'filebeat', securityContext: { runAsUser: 0 } }] } } } };
  const path = parseFieldPath('spec.template.spec.containers[0].securityContext.runAsUser');

  it('names every key, in order', () => {
    expect(findInTemplate(template, path, rendered).values).toEqual({ key: ['podSecurityContext'], from: 6, alternatives: [['daemonset', 'securityContext']] });
  });

  it('places the field on the first key whose value is the rendered one', () => {
    const locate = (values: string) => helmLocator({ chartDir: 'fb', valuesFiles: ['fb/values.yaml'], texts: new Map([['fb/templates/ds.yaml', template], ['fb/values.yaml', values]]) })('templates/ds.yaml', path, rendered).values;
    expect(locate('daemonset:\n  securityContext:\n    runAsUser: 0\n')).toEqual({ file: 'fb/values.yaml', line: 3, column: 5 });
    // An empty map is unset to `default`: the daemonset's key still writes it.
    expect(locate('podSecurityContext: {}\ndaemonset:\n  securityContext:\n    runAsUser: 0\n')).toEqual({ file: 'fb/values.yaml', line: 4, column: 5 });
    expect(locate('podSecurityContext:\n  runAsUser: 0\ndaemonset:\n  securityContext:\n    runAsUser: 0\n')).toEqual({ file: 'fb/values.yaml', line: 2, column: 3 });
  });
});

describe('a map written under `with` from one of several values keys (mastodon)', () => {
  const container = (...lines: string[]) => ['kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', ...lines].join('\n') + '\n';
  const under = (opening: string) => container(`          {{- ${opening} }}`, '          securityContext:', '            {{- toYaml . | nindent 12 }}', '          {{- end }}');
  const rendered = { spec: { template: { spec: { containers: [{ name: 'web', securityContext: { runAsUser: 0 } }] } } } };
  const path = parseFieldPath('spec.template.spec.containers[0].securityContext.runAsUser');
  const web = { key: ['mastodon', 'web', 'securityContext'], from: 6, alternatives: [['securityContext']] };

  it('names the key `with` takes first, then those `default` falls back to, however the pipeline is written', () => {
    expect(findInTemplate(under('with (default .Values.securityContext .Values.mastodon.web.securityContext)'), path, rendered).values).toEqual(web);
    expect(findInTemplate(under('with default .Values.securityContext .Values.mastodon.web.securityContext'), path, rendered).values).toEqual(web);
    expect(findInTemplate(under('with .Values.mastodon.web.securityContext | default .Values.securityContext'), path, rendered).values).toEqual(web);
    expect(findInTemplate(under('with .Values.mastodon.web.securityContext'), path, rendered).values).toEqual({ key: ['mastodon', 'web', 'securityContext'], from: 6 });
  });

  it("reads `$context.Values` as the chart's values where `$context` is the chart's context (mastodon's Sidekiq workers)", () => {
    const sidekiq = (assignment: string) => `{{- ${assignment} }}\n{{- range .Values.mastodon.sidekiq.workers }}\n---\n${under('with $context.Values.mastodon.sidekiq.securityContext | default $context.Values.securityContext')}{{- end }}\n`;
    const hit = findInTemplate(sidekiq('$context := .'), path, rendered);
    expect(hit.values).toEqual({ key: ['mastodon', 'sidekiq', 'securityContext'], from: 6, alternatives: [['securityContext']] });
    expect(findInTemplate(sidekiq('$context := $'), path, rendered).values).toEqual(hit.values);
    // Set inside a block that rebinds the dot, `.` is not the chart's context.
    const inWith = `{{- with .Values.app }}\n{{- $context := . }}\n${under('with $context.Values.securityContext')}{{- end }}\n`;
    expect(findInTemplate(inWith, path, rendered).values).toBeNull();
  });

  it("reads `coalesce` (the first key set) and helm's nil-safe references in parentheses (spire's hooks)", () => {
    expect(findInTemplate(under('with (coalesce .Values.mastodon.web.securityContext .Values.securityContext)'), path, rendered).values).toEqual(web);
    const hooks = { key: ['global', 'hooks', 'securityContext'], from: 6 };
    expect(findInTemplate(under('with (((.Values).global).hooks).securityContext'), path, rendered).values).toEqual(hooks);
    expect(findInTemplate(under('with ((((.Values).global).hooks).securityContext)'), path, rendered).values).toEqual(hooks);
    expect(findInTemplate(under('with ((.Values).global.hooks.securityContext | default .Values.securityContext)'), path, rendered).values).toEqual({ ...hooks, alternatives: [['securityContext']] });
  });

  it('names nothing for a pipeline it does not read', () => {
    expect(findInTemplate(under('with (merge .Values.a .Values.b)'), path, rendered).values).toBeNull();
    expect(findInTemplate(under('with .Values.a | toYaml'), path, rendered).values).toBeNull();
    expect(findInTemplate(under('with (.Values.a)(.Values.b)'), path, rendered).values).toBeNull();
    expect(findInTemplate(under('with (index .Values "a").b'), path, rendered).values).toBeNull();
    expect(findInTemplate(under('with ((.Values.a)'), path, rendered).values).toBeNull();
  });

  it('reads every pipeline of up to four parts to an end, whatever its parentheses', () => {
    // spire's `(((.Values).global).hooks).resources` once sent the reading round in a circle.
    const parts = ['(', ')', '.Values', '.a', ' ', '|', 'default', 'coalesce', '$c'];
    let pipelines = [''];
    for (let length = 1; length <= 4; length++) pipelines = pipelines.flatMap((p) => parts.map((part) => p + part));
    const named = pipelines.filter((pipeline) => {
      let values: ReturnType<typeof findInTemplate>['values'] = null;
      expect(() => (values = findInTemplate(under(`with ${pipeline}`), path, rendered).values), pipeline).not.toThrow();
      return values !== null;
    });
    // Those that name a key with no function name the fields after `.Values`, as they read with their parentheses taken out (`(.Values).a`).
    const plainReferences = named.filter((pipeline) => !/default|coalesce|\|/.test(pipeline));
    expect(plainReferences.length).toBeGreaterThan(0);
    for (const pipeline of plainReferences) {
      const plain = pipeline.replace(/[()\s]/g, '');
      expect(plain, pipeline).toMatch(/^\.Values(\.[A-Za-z0-9_]+)+$/);
      expect(findInTemplate(under(`with ${pipeline}`), path, rendered).values, pipeline).toEqual({ key: plain.split('.').slice(2), from: 6 });
    }
  });
});

describe('guardsOf', () => {
  const template = `spec:
  {{- if .Values.securityContext.enable }}
  securityContext:
    runAsNonRoot: true
    {{- if .Values.seccompProfile.enable }}
    seccompProfile:
      type: {{ .Values.seccompProfile.type }}
    {{- end }}
    {{- if not .Values.legacy }}
    runAsUser: 1000
    {{- else }}
    runAsUser: 0
    {{- end }}
  {{- end }}
  containers: []
`;
  it('names the values keys whose `if` writes a line, innermost first; none past an else, for another condition, or outside', () => {
    expect(guardsOf(template, 6)).toEqual([['seccompProfile', 'enable'], ['securityContext', 'enable']]);
    expect(guardsOf(template, 10)).toEqual([['securityContext', 'enable']]);
    expect(guardsOf(template, 12)).toEqual([['securityContext', 'enable']]);
    expect(guardsOf(template, 15)).toEqual([]);
  });
});

describe('plainSwitchOf', () => {
  const template = `spec:
  {{- if .Values.useHostNetwork }}
  hostNetwork: true
  # the DNS of the host's network
  dnsPolicy: ClusterFirstWithHostNet
  {{- end }}
  {{- if .Values.debug }}
  hostPID: true
  {{- else }}
  hostPID: false
  {{- end }}
  {{- if .Values.agent }}
  shareProcessNamespace: true
  containers:
  - name: agent
  {{- end }}
  {{- if .Values.hostIPC }}
  hostIPC: {{ .Values.hostIPC }}
  {{- end }}
  {{- if not .Values.isolated }}
  hostUsers: true
  {{- end }}
`;
  it('names the key of an `if` with no else whose branch writes only literal fields, and none otherwise', () => {
    expect(plainSwitchOf(template, 3)).toEqual(['useHostNetwork']);
    expect(plainSwitchOf(template, 5)).toEqual(['useHostNetwork']);
    // An else would write its branch instead; a branch that writes a container would take it away;
    // a value from the values, or another condition, is not a switch of literals.
    expect(plainSwitchOf(template, 8)).toBeNull();
    expect(plainSwitchOf(template, 13)).toBeNull();
    expect(plainSwitchOf(template, 18)).toBeNull();
    expect(plainSwitchOf(template, 21)).toBeNull();
    // Outside every switch.
    expect(plainSwitchOf(template, 1)).toBeNull();
  });
});

describe('findInTemplate past what reads like YAML and is not', () => {
  // jenkins' StatefulSet: a comment over several lines, at a shallower indentation, in the pod spec; a list a toYaml writes under `volumes:`.
  const statefulSet = `kind: StatefulSet
spec:
  template:
    spec:
{{- if .Values.usePodSecurityContext }}
      securityContext:
    {{/* Once the old values are gone:
        runAsUser: 1000
    */}}
        runAsUser: {{ default 0 .Values.runAsUser }}
{{- end }}
      containers:
        - name: jenkins
          securityContext: {{- toYaml .Values.containerSecurityContext | nindent 12 }}
      volumes:
{{ tpl (toYaml .Values.persistence.volumes | indent 6) . }}
`;
  const rendered = { spec: { template: { spec: { securityContext: { runAsUser: 0 }, containers: [{ name: 'jenkins', securityContext: { privileged: true } }], volumes: [] } } } };

  it('reads a template comment over several lines as writing nothing, whatever its lines read like', () => {
    expect(findInTemplate(statefulSet, parseFieldPath('spec.template.spec.containers[0].securityContext.privileged'), rendered)).toEqual({
      line: 14,
      exact: false,
      values: { key: ['containerSecurityContext'], from: 6 },
    });
  });

  it('does not take a toYaml that writes the list of a key just above it for the values of the block', () => {
    expect(findInTemplate(statefulSet, parseFieldPath('spec.template.spec'), rendered)).toEqual({ line: 4, exact: true, values: null });
  });

  it("does not take a toYaml that writes more items of a list above it for the values of the block (kuberay's sidecarContainers)", () => {
    const pod = (...after: string[]) =>
      ['kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', '      - name: api', '        ports:', '        - containerPort: 80', '          name: http', ...after, '      serviceAccountName: api'].join('\n') + '\n';
    const extra = ['      {{- with .Values.sidecarContainers }}', '      {{- toYaml . | nindent 6 }}', '      {{- end }}'];
    const spec = { spec: { template: { spec: { containers: [{ name: 'api' }], serviceAccountName: 'api' } } } };
    expect(findInTemplate(pod(...extra), parseFieldPath('spec.template.spec'), spec)).toEqual({ line: 4, exact: true, values: null });
    // After a key of the block, the same action writes the block's own entries.
    const entries = pod('      hostname: api', '      {{- with .Values.podSpecExtra }}', '      {{- toYaml . | nindent 6 }}', '      {{- end }}');
    expect(findInTemplate(entries, parseFieldPath('spec.template.spec'), spec).values).toEqual({ key: ['podSpecExtra'], from: 3 });
  });

  it("does not take a toYaml written left of the block's keys for the values of the block (deliveryhero's cronjobs: `nindent 8` under `imagePullSecrets:` at 10)", () => {
    const cronJob = (indent: number) =>
      [
        'kind: CronJob',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          restartPolicy: Never',
        '        {{- with .Values.imagePullSecrets }}',
        '          imagePullSecrets:',
        `            {{- toYaml . | nindent ${indent} }}`,
        '        {{- end }}',
        '          containers:',
        '            - name: app',
        '              image: app:1',
      ].join('\n') + '\n';
    const job = { kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1' }] } } } } } };
    const path = parseFieldPath('spec.jobTemplate.spec.template.spec');
    expect(findInTemplate(cronJob(8), path, job)).toEqual({ line: 6, exact: true, values: null });
    expect(findInTemplate(cronJob(12), path, job)).toEqual({ line: 6, exact: true, values: null });
    // Written at the block's own keys' column, after a key with a value of its own: the block's entries.
    const entries = cronJob(10).replace('          imagePullSecrets:\n', '          hostname: app\n');
    expect(findInTemplate(entries, path, job).values).toEqual({ key: ['imagePullSecrets'], from: 5 });
  });
});

describe('findInTemplate through include', () => {
  // traefik's layout: the Deployment's pod template is a named template of a helper file.
  const deployment = `apiVersion: apps/v1
kind: Deployment
spec:
  template: {{ include "web.podTemplate" . | fromYaml | toYaml | nindent 4 }}
`;
  const helpers = `{{- define "web.name" -}}
web
{{- end }}
{{- define "web.podTemplate" }}
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: {{ .Values.hostNetwork }}
      containers:
        {{- include "web.containers" . | nindent 8 }}
{{- end }}
{{- define "web.containers" }}
- name: web
  {{- with .Values.securityContext }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if true }}
  ports: [{containerPort: 80}]
  {{- end }}
{{- end }}
`;
  const named = namedTemplates([['web/templates/_pod.tpl', helpers]]);
  const value = { spec: { template: { spec: { hostNetwork: true, containers: [{ name: 'web', securityContext: { privileged: true } }] } } } };

  it('reads each define up to its own end, nested blocks included', () => {
    expect([...named.keys()]).toEqual(['web.name', 'web.podTemplate', 'web.containers']);
    expect(named.get('web.containers')!.lines.map((l) => l.number)).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it.each([
    ['spec.template.spec.hostNetwork', { line: 8, exact: true, values: { key: ['hostNetwork'], from: 4 }, file: 'web/templates/_pod.tpl' }],
    // Two includes deep: the container is in another named template, its securityContext from values.
    ['spec.template.spec.containers[0].securityContext.privileged', { line: 15, exact: false, values: { key: ['securityContext'], from: 6 }, file: 'web/templates/_pod.tpl' }],
  ])('%s', (path, hit) => {
    expect(findInTemplate(deployment, parseFieldPath(path), value, named)).toEqual(hit);
  });

  it('follows an include whose action spans lines, and reads a `with` over lines as one action', () => {
    // DataDog's cloudprem: `{{- include "quickwit.metastore.deployment" (dict` … `) }}`, the whole object the named template's.
    const whole = `{{- include "web.whole" (dict
  "root" .
  "values" .Values.web
) }}
`;
    const helper = `{{- define "web.whole" -}}
apiVersion: v1
kind: Pod
spec:
  {{- with (merge
      dict .root.Values.podSecurityContext) }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  containers:
    - name: web
      securityContext:
        privileged: {{ .values.privileged }}
{{- end }}
`;
    const names = namedTemplates([['web/templates/_whole.tpl', helper]]);
    const pod = { apiVersion: 'v1', kind: 'Pod', spec: { securityContext: { runAsUser: 0 }, containers: [{ name: 'web', securityContext: { privileged: true } }] } };
    expect(findInTemplate(whole, parseFieldPath('spec.containers[0].securityContext.privileged'), pod, names)).toMatchObject({ line: 13, file: 'web/templates/_whole.tpl' });
    expect(findInTemplate(whole, parseFieldPath('apiVersion'), pod, names)).toEqual({ line: 2, exact: true, values: null, file: 'web/templates/_whole.tpl' });
    // The `with` over two lines opens one block, which its `end` closes: the containers after it are read as the pod's.
    expect(findInTemplate(whole, parseFieldPath('spec.containers[0].name'), pod, names)).toEqual({ line: 11, exact: true, values: null, file: 'web/templates/_whole.tpl' });
  });

  it('follows a named template included among the keys of a block, where no line of the block writes the key', () => {
    // vault-helm's layout: the container's securityContext is written by a helper the container includes.
    const daemonSet = `kind: DaemonSet
spec:
  template:
    spec:
      containers:
        - name: provider
          {{ template "csi.securityContext" . }}
          image: vault
          env:
            {{- include "csi.env" . | nindent 12 }}
`;
    const csiHelpers = `{{- define "csi.env" }}
- name: A
  value: b
{{- end }}
{{- define "csi.securityContext" -}}
  {{- if .Values.csi.securityContext }}
          securityContext:
            {{- toYaml .Values.csi.securityContext | nindent 12 }}
  {{- else if .Values.global.openshift }}
          securityContext:
            privileged: true
  {{- end }}
{{- end -}}
`;
    const helpersOf = namedTemplates([['vault/templates/_helpers.tpl', csiHelpers]]);
    const rendered = { spec: { template: { spec: { containers: [{ name: 'provider', securityContext: { privileged: true } }] } } } };
    const path = parseFieldPath('spec.template.spec.containers[0].securityContext.privileged');
    expect(findInTemplate(daemonSet, path, rendered, helpersOf)).toEqual({ line: 11, exact: true, values: null, file: 'vault/templates/_helpers.tpl' });
    // Without the helper, the container's line is as deep as the template goes.
    expect(findInTemplate(daemonSet, path, rendered)).toEqual({ line: 6, exact: false, values: null });
  });

  it('finds a list item among the named templates a block includes, by its name', () => {
    // bitnami's cilium: each default init container is a define of its own, included under `initContainers:`.
    const daemonSet = `kind: DaemonSet
spec:
  template:
    spec:
      initContainers:
        {{- include "agent.initContainers.config" . | nindent 8 }}
        {{- if .Values.agent.cgroup2.autoMount }}
          {{- include "agent.initContainers.mountCgroup2" . | nindent 8 }}
        {{- end }}
        {{- if .Values.agent.initContainers }}
          {{- include "common.tplvalues.render" (dict "value" .Values.agent.initContainers "context" $) | nindent 8 }}
        {{- end }}
`;
    const agentHelpers = `{{- define "agent.initContainers.config" -}}
- name: build-config
  image: agent
{{- end -}}
{{- define "agent.initContainers.mountCgroup2" -}}
- name: host-mount-cgroup2
  image: agent
  securityContext: {{- toYaml .Values.agent.mountCgroup2.containerSecurityContext | nindent 4 }}
{{- end -}}
`;
    const helpersOf = namedTemplates([['cilium/templates/agent/_init.tpl', agentHelpers]]);
    const rendered = { spec: { template: { spec: { initContainers: [{ name: 'build-config' }, { name: 'host-mount-cgroup2', securityContext: { privileged: true } }] } } } };
    expect(findInTemplate(daemonSet, parseFieldPath('spec.template.spec.initContainers[1].securityContext.privileged'), rendered, helpersOf)).toEqual({
      line: 8,
      exact: false,
      values: { key: ['agent', 'mountCgroup2', 'containerSecurityContext'], from: 6 },
      file: 'cilium/templates/agent/_init.tpl',
    });
  });

  describe("a map under a key that a helper, given the chart's context, writes from values (spire's securityContext)", () => {
    const deployment = (include: string) => webContainer('          image: web', '          securityContext:', `            {{- ${include} | nindent 12 }}`).join('\n') + '\n';
    const rendered = { spec: { template: { spec: { containers: [{ name: 'web', securityContext: {} }] } } } };
    const path = parseFieldPath('spec.template.spec.containers[0].securityContext.runAsNonRoot');
    // spire-lib's helpers: one passes the key on in a dict, the other writes what it is given.
    const helpers = namedTemplates([
      [
        'lib/templates/_helpers.tpl',
        `{{- define "lib.securitycontext" }}
{{- include "lib.securitycontext-extended" (dict "root" . "securityContext" .Values.securityContext) }}
{{- end }}
{{- define "lib.securitycontext-extended" }}
{{- if .root.Values.recommended }}
{{- toYaml (merge .securityContext (dict "runAsNonRoot" true)) }}
{{- else }}
{{- toYaml .securityContext }}
{{- end }}
{{- end }}
{{- define "lib.direct" -}}
{{ toYaml .Values.containerSecurityContext }}
{{- end }}
{{- define "lib.given" -}}
{{ toYaml .Values.other }}
{{- end }}
`,
      ],
    ]);

    it('names the values key the helper writes, through a helper that hands it on', () => {
      expect(findInTemplate(deployment('include "lib.securitycontext" .'), path, rendered, helpers)).toEqual({ line: 8, exact: false, values: { key: ['securityContext'], from: 6 } });
      expect(findInTemplate(deployment('include "lib.direct" $'), path, rendered, helpers)).toEqual({ line: 8, exact: false, values: { key: ['containerSecurityContext'], from: 6 } });
    });

    it('follows no helper from a block with lines of its own: the helper writes some of its entries at most', () => {
      const pod = ['kind: Deployment', 'spec:', '  template:', '    spec:', '      {{- include "lib.direct" . | nindent 6 }}', '      containers:', '        - name: web'].join('\n') + '\n';
      const spec = { spec: { template: { spec: { containers: [{ name: 'web' }] } } } };
      expect(findInTemplate(pod, parseFieldPath('spec.template.spec'), spec, helpers)).toEqual({ line: 4, exact: true, values: null });
    });

    it("follows no helper given anything but the chart's context, nor one not defined", () => {
      // Given `.Values.web`, the helper's `.Values` are not the chart's: the key is the one the include names, as before.
      expect(findInTemplate(deployment('include "lib.given" .Values.web'), path, rendered, helpers).values).toEqual({ key: ['web'], from: 6 });
      expect(findInTemplate(deployment('include "lib.given" $ctx'), path, rendered, helpers).values).toBeNull();
      expect(findInTemplate(deployment('include "lib.securitycontext" .'), path, rendered).values).toBeNull();
    });
  });

  it('stops where the template stops without the named templates, and at a template that includes itself', () => {
    expect(findInTemplate(deployment, parseFieldPath('spec.template.spec.hostNetwork'), value)).toEqual({ line: 4, exact: false, values: null });
    const loop = namedTemplates([['t/_loop.tpl', '{{- define "loop" }}\n{{ include "loop" . }}\n{{- end }}\n']]);
    expect(findInTemplate('spec:\n  template: {{ include "loop" . }}\n', parseFieldPath('spec.template.spec.hostNetwork'), value, loop)).toEqual({ line: 2, exact: false, values: null });
  });
});

describe('sourceComments', () => {
  it('gives the template of each rendered line, without the chart name', () => {
    const of = sourceComments('---\n# Source: web/templates/svc.yaml\nkind: Service\n---\n# Source: web/charts/db/templates/sts.yaml\nkind: StatefulSet\n');
    expect([of(1), of(3), of(6)]).toEqual([null, 'templates/svc.yaml', 'charts/db/templates/sts.yaml']);
  });
});

describe('literalEdit', () => {
  it.each([
    ['      hostNetwork: false\n', 'hostNetwork: true  # for the agent', 'hostNetwork: false  # for the agent'],
    // Helm keeps a template's comments: the rendered line the fix rewrote has it too (csi-driver-nfs' node DaemonSet).
    ['      hostNetwork: false # nfs needs it\n', '      hostNetwork: true # nfs needs it', '      hostNetwork: false # nfs needs it'],
    ['          privileged: false', '    privileged: yes', '    privileged: false'],
    ['      hostNetwork: false', 'hostNetwork: {{ .Values.x }}', null],
    ['      capabilities:\n        drop: [ALL]\n', 'capabilities: {}', null],
    // A one-line flow collection (prometheus-rabbitmq-exporter's `drop: ["all"]`), written as the fix writes it.
    ['              drop: ["all", "ALL"]', '              drop: ["all"]', '              drop: ["all", "ALL"]'],
    ['      seccompProfile: {type: RuntimeDefault}', '  seccompProfile: {type: Unconfined} # legacy', '  seccompProfile: {type: RuntimeDefault} # legacy'],
    ['      drop: [ALL]', 'drop: [{{ .Values.drop }}]', null],
  ])('%j on %j', (replacement, line, expected) => {
    expect(literalEdit(replacement, line)).toBe(expected);
  });
});

describe('parseFieldPath', () => {
  it('reads back what formatFieldPath writes', () => {
    const path = ['metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/app', 'x'];
    expect(parseFieldPath(formatFieldPath(path))).toEqual(path);
    expect(parseFieldPath('spec.containers[2].securityContext')).toEqual(['spec', 'containers', 2, 'securityContext']);
  });
});

describe('kustomizeLocator', () => {
  const texts = new Map([
    ['app/kustomization.yaml', 'namePrefix: prod-\nresources: [deploy.yaml]\npatches:\n  - path: ops.yaml\n    target: {kind: Deployment, name: web}\n'],
    ['app/deploy.yaml', 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n'],
    ['app/ops.yaml', '- op: add\n  path: /spec/template/spec/hostIPC\n  value: true\n- op: add\n  path: /spec/template/spec/containers/0/securityContext\n  value:\n    privileged: true\n'],
  ]);
  const locate = kustomizeLocator({ rootDir: 'app', texts, paths: new Set(texts.keys()) });
  const value = { kind: 'Deployment', metadata: { name: 'prod-web' }, spec: { template: { spec: { hostIPC: true, containers: [{ name: 'web', image: 'web:1', securityContext: { privileged: true } }] } } } };
  const object = { kind: 'Deployment', name: 'prod-web', value };

  it('finds a JSON 6902 operation by its target (through the name prefix) and pointer', () => {
    expect(locate(object, parseFieldPath('spec.template.spec.hostIPC'))).toEqual({ file: 'app/ops.yaml', line: 3, column: 3 });
    expect(locate(object, parseFieldPath('spec.template.spec.containers[0].securityContext.privileged'))).toEqual({ file: 'app/ops.yaml', line: 7, column: 5 });
  });

  it('finds a resource field by kind, name and path; nothing for a value no file writes', () => {
    expect(locate(object, parseFieldPath('spec.template.spec.containers[0].image'))).toEqual({ file: 'app/deploy.yaml', line: 9, column: 11 });
    expect(locate({ ...object, value: { ...value, spec: { template: { spec: { hostIPC: false } } } } }, parseFieldPath('spec.template.spec.hostIPC'))).toBeNull();
  });
});

describe('kustomizeLocator, inline patches', () => {
  const kustomization = [
    'resources: [deploy.yaml]', // 1
    'patches:', // 2
    '  - patch: |-', // 3
    '      apiVersion: apps/v1', // 4
    '      kind: Deployment', // 5
    '      metadata:', // 6
    '        name: web', // 7
    '      spec:', // 8
    '        template:', // 9
    '          spec:', // 10
    '            hostPID: true', // 11
    '  - target: {kind: Deployment, name: web}', // 12
    '    patch: |', // 13
    '      - op: add', // 14
    '        path: /spec/template/spec/hostIPC', // 15
    '        value: true', // 16
    '  - target: {kind: Deployment, name: web}', // 17
    '    patch: \'[{"op": "add", "path": "/spec/template/spec/hostNetwork", "value": true}]\'', // 18
    '',
  ].join('\n');
  const texts = new Map([
    ['app/kustomization.yaml', kustomization],
    ['app/deploy.yaml', 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n'],
  ]);
  const locate = kustomizeLocator({ rootDir: 'app', texts, paths: new Set(texts.keys()) });
  const value = { kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { spec: { hostPID: true, hostIPC: true, hostNetwork: true, containers: [{ name: 'web', image: 'web:1' }] } } } };
  const object = { kind: 'Deployment', name: 'web', value };

  it('finds a strategic-merge patch written in the kustomization on the line of the value', () => {
    expect(locate(object, parseFieldPath('spec.template.spec.hostPID'))).toEqual({ file: 'app/kustomization.yaml', line: 11, column: 13 });
  });

  it('finds a JSON 6902 operation written in the kustomization on the line of its value', () => {
    expect(locate(object, parseFieldPath('spec.template.spec.hostIPC'))).toEqual({ file: 'app/kustomization.yaml', line: 16, column: 9 });
  });

  it('puts a patch in a quoted string on its entry, as not exact: its lines are not the file\'s', () => {
    expect(locate(object, parseFieldPath('spec.template.spec.hostNetwork'))).toEqual({ file: 'app/kustomization.yaml', line: 17, column: 1, exact: false });
  });

  it('still finds what the resource writes', () => {
    expect(locate(object, parseFieldPath('spec.template.spec.containers[0].image'))).toEqual({ file: 'app/deploy.yaml', line: 9, column: 11 });
  });
});

describe('kustomizeIndex: a base several overlays of one root use, each under a name prefix of its own', () => {
  // kustomize's multibases example: one root takes dev/, staging/ and production/, each with ../base.
  const texts = new Map([
    ['all/kustomization.yaml', 'namePrefix: cluster-a-\nresources: [dev, staging, production]\n'],
    ...['dev', 'staging', 'production'].map((env) => [`all/${env}/kustomization.yaml`, `namePrefix: ${env}-\nresources: [../base]\n`] as [string, string]),
    ['all/base/kustomization.yaml', 'resources: [pod.yaml]\n'],
    ['all/base/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: app:1\n'],
  ]);
  const index = kustomizeIndex({ rootDir: 'all', texts, paths: new Set(texts.keys()) });

  it.each(['dev', 'staging', 'production'])('finds the base pod under the %s prefix', (env) => {
    const object = { kind: 'Pod', name: `cluster-a-${env}-app`, value: { apiVersion: 'v1', kind: 'Pod', metadata: { name: `cluster-a-${env}-app` }, spec: { containers: [{ name: 'app', image: 'app:1' }] } } };
    expect(index.documentIn(object, 'all/base/pod.yaml')?.document.line).toBe(1);
    expect(index.locate(object, parseFieldPath('spec.containers[0].image'))).toEqual({ file: 'all/base/pod.yaml', line: 8, column: 5 });
  });
});

describe('kustomizeIndex: the document of a file that writes a rendered object as an object', () => {
  const texts = new Map([
    ['base/kustomization.yaml', 'resources: [deploy.yaml]\n'],
    ['base/deploy.yaml', 'kind: Service\nmetadata:\n  name: web\n---\nkind: Deployment\nmetadata:\n  name: web\nspec: {}\n'],
    ['app/kustomization.yaml', 'namePrefix: prod-\nresources: [../base]\npatches:\n  - path: debug.yaml\n  - path: ops.yaml\n    target: {kind: Deployment}\n  - path: scale.yaml\n    target: {kind: Deployment}\n  - patch: |-\n      kind: Deployment\n      metadata: {name: web}\n'],
    ['app/debug.yaml', 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n'],
    ['app/ops.yaml', '- op: add\n  path: /spec/replicas\n  value: 2\n'],
    ['app/scale.yaml', 'kind: Deployment\nmetadata:\n  name: any\nspec:\n  replicas: 3\n'],
  ]);
  const index = kustomizeIndex({ rootDir: 'app', texts, paths: new Set(texts.keys()) });
  const object = { kind: 'Deployment', name: 'prod-web', value: { kind: 'Deployment', metadata: { name: 'prod-web' } } };
  const lineOf = (file: string) => index.documentIn(object, file)?.document.line ?? null;

  it('finds the resource by kind and name (through the overlay\'s prefix), and a strategic-merge patch file', () => {
    expect(lineOf('base/deploy.yaml')).toBe(5);
    expect(lineOf('app/debug.yaml')).toBe(1);
    expect(index.documentIn(object, 'app/debug.yaml')?.targeted).toBe(false);
  });

  it('finds a patch file with a target by its target, and says it may write other objects too', () => {
    expect(index.documentIn(object, 'app/scale.yaml')).toEqual(expect.objectContaining({ file: 'app/scale.yaml', targeted: true }));
    expect(index.documentIn({ ...object, kind: 'StatefulSet' }, 'app/scale.yaml')).toBeNull();
  });

  it('finds none in a JSON 6902 patch, a file that writes another object, or one the root does not use', () => {
    expect(lineOf('app/ops.yaml')).toBeNull();
    expect(index.documentIn({ ...object, name: 'prod-api' }, 'base/deploy.yaml')).toBeNull();
    expect(index.documentIn({ ...object, kind: 'StatefulSet' }, 'app/debug.yaml')).toBeNull();
    expect(lineOf('base/kustomization.yaml')).toBeNull();
  });

  it('finds a patch written in the kustomization as a literal block, with where its lines are there; none in a quoted string', () => {
    expect(index.documentIn(object, 'app/kustomization.yaml')?.block).toEqual({ text: 'kind: Deployment\nmetadata: {name: web}', firstLine: 10, indent: 6 });
    const quoted = new Map([...texts, ['app/kustomization.yaml', 'namePrefix: prod-\nresources: [../base]\npatches:\n  - patch: "kind: Deployment\\nmetadata: {name: web}\\n"\n']]);
    expect(kustomizeIndex({ rootDir: 'app', texts: quoted, paths: new Set(quoted.keys()) }).documentIn(object, 'app/kustomization.yaml')).toBeNull();
  });
});

describe('kustomizeIndex: the JSON 6902 operation whose value writes a rendered map', () => {
  const operations = [
    '- op: add', // 1
    '  path: /spec/template/spec/securityContext', // 2
    '  value: {runAsUser: 1000}', // 3
    '- op: replace', // 4
    '  path: /spec/template/spec/containers/0', // 5
    '  value: {name: web, image: web:2, securityContext: {privileged: true}}', // 6
    '- op: remove', // 7
    '  path: /spec/template/spec/containers/1/securityContext', // 8
    '- op: add', // 9
    '  path: /spec/template/spec/containers/2/securityContext', // 10
    '  value: null', // 11
    '',
  ].join('\n');
  const texts = new Map([
    ['app/kustomization.yaml', 'resources: [deploy.yaml]\npatches:\n  - path: ops.yaml\n    target: {kind: Deployment, name: web}\n  - path: other.yaml\n    target: {kind: StatefulSet}\n'],
    ['app/deploy.yaml', 'kind: Deployment\nmetadata:\n  name: web\n'],
    ['app/ops.yaml', operations],
    ['app/other.yaml', operations],
  ]);
  const index = kustomizeIndex({ rootDir: 'app', texts, paths: new Set(texts.keys()) });
  const object = { kind: 'Deployment', name: 'web', value: {} };
  const ops = index.operationsIn(object, 'app/ops.yaml');

  it('is the operation that adds the map, or an ancestor whose value holds it', () => {
    expect(ops?.writerOf(['spec', 'template', 'spec', 'securityContext'])).toEqual({ file: 'app/ops.yaml', path: [0, 'value'] });
    expect(ops?.writerOf(['spec', 'template', 'spec', 'containers', 0, 'securityContext'])).toEqual({ file: 'app/ops.yaml', path: [1, 'value', 'securityContext'] });
  });

  it('is none after a removal, for a value that is no map, on a path no operation writes, or for a patch that targets another object', () => {
    expect(ops?.writerOf(['spec', 'template', 'spec', 'containers', 1, 'securityContext'])).toBeNull();
    expect(ops?.writerOf(['spec', 'template', 'spec', 'containers', 2, 'securityContext'])).toBeNull();
    expect(ops?.writerOf(['spec', 'template', 'spec', 'containers', 3, 'securityContext'])).toBeNull();
    expect(index.operationsIn(object, 'app/other.yaml')).toBeNull();
  });
});

describe('kustomizeIndex: the JSON 6902 `remove` that took a field away', () => {
  const remove = '- op: remove\n  path: /spec/template/spec/securityContext\n';
  const texts = new Map([
    ['app/kustomization.yaml', 'resources: [deploy.yaml]\npatches:\n  - path: web.yaml\n    target: {kind: Deployment, name: web}\n  - path: all.yaml\n    target: {kind: StatefulSet}\n'],
    ['app/deploy.yaml', 'kind: Deployment\nmetadata:\n  name: web\n'],
    ['app/web.yaml', remove],
    ['app/all.yaml', remove],
  ]);
  const objects = [
    { kind: 'Deployment', name: 'web', value: {} },
    { kind: 'Deployment', name: 'api', value: {} },
    { kind: 'StatefulSet', name: 'db', value: {} },
    { kind: 'StatefulSet', name: 'cache', value: {} },
  ];
  const index = kustomizeIndex({ rootDir: 'app', texts, paths: new Set(texts.keys()), objects });
  // The pod's runAsNonRoot is missing, its spec present: the operation that removed its securityContext.
  const missing = ['spec', 'template', 'spec', 'securityContext', 'runAsNonRoot'];
  const removal = (object: (typeof objects)[number]) => index.removedAt(object, ['spec', 'template', 'spec'], missing)?.removal;

  it('says whether its patch can reach no other rendered object: then deleting it changes that object alone', () => {
    expect(removal(objects[0]!)).toEqual({ startLine: 1, endLine: 2, ownObject: true });
    // A target by kind alone reaches every StatefulSet.
    expect(removal(objects[2]!)).toEqual({ startLine: 1, endLine: 2, ownObject: false });
    // Without the rendering's objects, nothing is known of the others.
    const unknown = kustomizeIndex({ rootDir: 'app', texts, paths: new Set(texts.keys()) });
    expect(unknown.removedAt(objects[0]!, ['spec', 'template', 'spec'], missing)?.removal).toEqual({ startLine: 1, endLine: 2, ownObject: false });
  });
});

describe('helmLocator in a chart whose templates rewrite their values', () => {
  // istio-cni: the values files keep every default under `_internal_defaults_do_not_set`, and a
  // template merges them into `.Values` while helm renders; `useAppArmorAnnotation` is true then.
  const daemonSet = `kind: DaemonSet
spec:
  template:
    metadata:
      annotations:
        prometheus.io/scrape: 'true'
        {{- if .Values.useAppArmorAnnotation }}
        container.apparmor.security.beta.kubernetes.io/install-cni: unconfined
        {{- end }}
`;
  const profile = `{{- $defaults := $.Values._internal_defaults_do_not_set }}
{{- $_ := unset $.Values "_internal_defaults_do_not_set" }}
{{- $b := set $ "Values" (mustMergeOverwrite $defaults $.Values) }}
`;
  const values = '_internal_defaults_do_not_set:\n  useAppArmorAnnotation: true\n';
  const annotation = 'container.apparmor.security.beta.kubernetes.io/install-cni';
  const rendered = { kind: 'DaemonSet', spec: { template: { metadata: { annotations: { 'prometheus.io/scrape': 'true', [annotation]: 'unconfined' } } } } };
  const path = ['spec', 'template', 'metadata', 'annotations', annotation];
  const locate = (templates: [string, string][]) =>
    helmLocator({ chartDir: 'cni', valuesFiles: ['cni/values.yaml'], texts: new Map([...templates, ['cni/values.yaml', values]]) })('templates/daemonset.yaml', path, rendered);

  it('does not take a branch the values files seem to rule out for a key a template rewrites', () => {
    expect(locate([['cni/templates/daemonset.yaml', daemonSet], ['cni/templates/zzz_profile.yaml', profile]])).toEqual({ template: { file: 'cni/templates/daemonset.yaml', line: 8, column: 1 }, values: null });
  });

  it('still rules the branch out when no template rewrites the key', () => {
    expect(locate([['cni/templates/daemonset.yaml', daemonSet]]).template).toBeNull();
  });
});

describe('findInTemplate into a flow collection written on a key line', () => {
  const template = 'spec:\n  containers:\n    - name: nfs\n      securityContext:\n        capabilities: {add: ["SYS_ADMIN"], drop: [ALL]}\n';
  const rendered = (added: string) => ({ spec: { containers: [{ name: 'nfs', securityContext: { capabilities: { add: [added], drop: ['ALL'] } } }] } });
  const path = parseFieldPath('spec.containers[0].securityContext.capabilities.add[0]');

  it('finds an item on the line when the collection holds the rendered value, and not otherwise', () => {
    expect(findInTemplate(template, path, rendered('SYS_ADMIN'))).toEqual({ line: 5, exact: true, values: null });
    expect(findInTemplate(template, path, rendered('NET_ADMIN')).exact).toBe(false);
    expect(findInTemplate(template.replace('["SYS_ADMIN"]', '[{{ .Values.cap }}]'), path, rendered('SYS_ADMIN')).exact).toBe(false);
  });
});

describe('kustomizeLocator: a patch target names kinds and names by pattern', () => {
  // kustomize anchors the target's kind and name as regular expressions (sourcegraph's privileged component).
  const texts = new Map([
    ['app/kustomization.yaml', 'namePrefix: prod-\nresources: [deploy.yaml]\npatches:\n  - path: root.yaml\n    target: {kind: StatefulSet|Deployment, name: web|db}\n'],
    ['app/deploy.yaml', 'kind: Deployment\nmetadata:\n  name: web\n---\nkind: StatefulSet\nmetadata:\n  name: db\n---\nkind: Deployment\nmetadata:\n  name: web-2\n'],
    ['app/root.yaml', '- op: replace\n  path: /spec/template/spec/securityContext\n  value:\n    runAsUser: 0\n'],
  ]);
  const locate = kustomizeLocator({ rootDir: 'app', texts, paths: new Set(texts.keys()) });
  const value = { spec: { template: { spec: { securityContext: { runAsUser: 0 } } } } };
  const runAsUser = parseFieldPath('spec.template.spec.securityContext.runAsUser');

  it('finds the operation for every object the pattern selects, through the name prefix', () => {
    expect(locate({ kind: 'Deployment', name: 'prod-web', value }, runAsUser)).toEqual({ file: 'app/root.yaml', line: 4, column: 5 });
    expect(locate({ kind: 'StatefulSet', name: 'prod-db', value }, runAsUser)).toEqual({ file: 'app/root.yaml', line: 4, column: 5 });
  });

  it('matches the whole name and kind only, as kustomize does', () => {
    expect(locate({ kind: 'Deployment', name: 'prod-web-2', value }, runAsUser)).toBeNull();
    expect(locate({ kind: 'DaemonSet', name: 'prod-web', value }, runAsUser)).toBeNull();
  });
});

describe('selects', () => {
  it('anchors the pattern, and compares a pattern JavaScript cannot compile as plain text', () => {
    expect(selects('web|api', 'api')).toBe(true);
    expect(selects('web', 'web-2')).toBe(false);
    expect(selects('deploy.*', 'deploy-a')).toBe(true);
    expect(selects('(?i)web', 'WEB')).toBe(false);
    expect(selects('(?i)web', '(?i)web')).toBe(true);
    expect(selects('[a-z]+-api', 'shop-api')).toBe(true);
    expect(selects('(?:web|api)', 'api')).toBe(true);
  });

  it('reads as plain text a pattern that could backtrack without bound in JavaScript (RE2 never does), so no name stalls a run', () => {
    // `(a+)+$` against forty a's and a b would take hours to fail with JavaScript's engine.
    expect(selects('(a+)+$', `${'a'.repeat(40)}b`)).toBe(false);
    expect(selects('(a+)+$', '(a+)+$')).toBe(true);
    // More than one quantifier, or a back-reference: plain text too.
    expect(selects('a.*b.*c', 'axbxc')).toBe(false);
    expect(selects('(a)\\1', 'aa')).toBe(false);
    // A lazy mark is part of its quantifier; an escaped one is a character.
    expect(selects('web-.*?', 'web-1')).toBe(true);
    expect(selects('web\\+', 'web+')).toBe(true);
  });
});
