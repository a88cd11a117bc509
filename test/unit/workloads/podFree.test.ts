/**
 * Which documents' template actions count: a file whose actions all lie in
 * objects that hold no pod spec is checked as written (workloads/podFree.ts),
 * by `check`, by `diff` and by `fix` alike.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../../src/findings/evaluateFiles.js';
import { policyContext } from '../../../src/findings/policyContext.js';
import { fixText } from '../../../src/fixes/fixFile.js';
import { defaultLoadOptions, loadManifestFile } from '../../../src/manifests/load.js';
import { evaluateChangeSet } from '../../../src/scope/scope.js';
import { holdsNoPodSpec, podLoadOptions } from '../../../src/workloads/podFree.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

const applicationSet = lines(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: ApplicationSet',
  'metadata: {name: addons}',
  'spec:',
  '  generators: [{git: {repoURL: "https://example.com/repo.git", directories: [{path: "addons/*"}]}}]',
  '  template:',
  "    metadata: {name: '{{.path.basename}}'}",
  '    spec:',
  "      source: {repoURL: 'https://example.com/repo.git', path: '{{.path.path}}'}",
  "      destination: {namespace: '{{ .path.basename }}'}",
);
const alerts = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: alert-templates}', 'data:', '  title: "{{ .CommonLabels.alertname }} is firing"');
const deployment = (image: string) =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', `      containers: [{name: web, image: "${image}"}]`);

describe('holdsNoPodSpec', () => {
  it.each([
    ['an ApplicationSet', { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet' }],
    ['a ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap' }],
    ['a custom resource named like a workload, in its own group', { apiVersion: 'example.com/v1', kind: 'Job' }],
    ['YAML that is no Kubernetes object (an Alertmanager configuration)', { route: { receiver: 'slack' }, receivers: [{ name: 'slack' }] }],
    ['a list (Ansible tasks, which kubectl reads no object from)', [{ name: 'Create namespace', 'kubernetes.core.k8s': { definition: { apiVersion: 'v1', kind: 'Namespace' } } }]],
  ])('is true of %s', (_name, value) => {
    expect(holdsNoPodSpec(value)).toBe(true);
  });

  it.each([
    ['a Deployment', { apiVersion: 'apps/v1', kind: 'Deployment' }],
    ['a Pod in a group that does not serve it (the API server refuses it)', { apiVersion: 'apps/v1', kind: 'Pod' }],
    ['a List, whose items may be workloads', { apiVersion: 'v1', kind: 'List' }],
    ['a typed List', { apiVersion: 'apps/v1', kind: 'DeploymentList' }],
    ['a kind a template writes', { apiVersion: 'apps/v1', kind: '{{ .Values.kind }}' }],
    ['an apiVersion a template writes', { apiVersion: '{{ .Values.group }}/v1', kind: 'ConfigMap' }],
    ['an object without a kind', { apiVersion: 'v1' }],
    ['an object whose kind is not a string (an unquoted action reads as a map)', { apiVersion: 'apps/v1', kind: { '{ .Values.kind }': null } }],
    ['a scalar (what an action makes of it is not known)', 'kind: ConfigMap'],
  ])('is false of %s', (_name, value) => {
    expect(holdsNoPodSpec(value)).toBe(false);
  });
});

describe('template actions in objects that hold no pod spec', () => {
  it('leave the file a manifest when every document with actions holds no pod spec', () => {
    const alertmanager = lines('route: {receiver: slack}', 'receivers:', '- name: slack', '  slack_configs:', "  - title: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}'");
    expect(loadManifestFile('alertmanager.yaml', alertmanager, podLoadOptions(defaultLoadOptions)).problems).toEqual([]);
    expect(loadManifestFile('appset.yaml', applicationSet, podLoadOptions(defaultLoadOptions)).problems).toEqual([]);
    expect(loadManifestFile('mixed.yaml', `${alerts}---\n${deployment('nginx:1')}`, podLoadOptions(defaultLoadOptions)).problems).toEqual([]);
    // Without the workloads' rule, the loader knows no kinds: any action makes a template.
    expect(loadManifestFile('appset.yaml', applicationSet).problems).toMatchObject([{ kind: 'template', line: 7 }]);
  });

  it("leave an Ansible role's tasks alone, whose Jinja expressions read as Go actions (volsync's `{{ range(0, n) | map(…) }}`)", () => {
    const tasks = lines(
      '- name: Create namespace list',
      '  ansible.builtin.set_fact:',
      '    namespaces: "{{ range(0, nsrole_num_namespaces|int) | map(\'regex_replace\', \'^\', prefix) }}"',
      '- name: Create Namespaces',
      '  kubernetes.core.k8s:',
      '    definition: {apiVersion: v1, kind: Namespace, metadata: {name: "{{ item }}"}}',
    );
    expect(loadManifestFile('main.yml', tasks, podLoadOptions(defaultLoadOptions)).problems).toEqual([]);
  });

  it('still make a template of a file whose workload has actions, at that document', () => {
    const problems = loadManifestFile('mixed.yaml', `${alerts}---\n${deployment('{{ .Values.image }}')}`, podLoadOptions(defaultLoadOptions)).problems;
    expect(problems).toMatchObject([{ kind: 'template', line: 13, message: expect.stringContaining('only its literal settings were checked') }]);
  });

  it('are read the same way by check, diff and fix', () => {
    const policy = policyContext('2026-11-23');
    const files = [
      { path: 'appset.yaml', content: applicationSet },
      { path: 'web.yaml', content: deployment('{{ .Values.image }}') },
    ];
    const templates = (errors: readonly { file: string; kind: string }[]) => errors.filter((e) => e.kind === 'template').map((e) => e.file);
    expect(templates(evaluateFiles(files, { policy }).errors)).toEqual(['web.yaml']);
    const changeSet = { files: files.map((f) => ({ path: f.path, status: 'added' as const, base: { kind: 'absent' as const }, head: { kind: 'content' as const, data: f.content }, hunks: [] })) };
    expect(templates(evaluateChangeSet(changeSet, { policy }).errors)).toEqual(['web.yaml']);
    expect(templates(fixText('appset.yaml', applicationSet, { level: 'restricted', version: 'latest' }).problems)).toEqual([]);
    expect(templates(fixText('web.yaml', deployment('{{ .Values.image }}'), { level: 'restricted', version: 'latest' }).problems)).toEqual(['web.yaml']);
  });
});
