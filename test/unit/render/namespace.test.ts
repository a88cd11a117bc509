/** A Helm rendering placed in its release namespace, as `helm install` and the API server place it. */
import { describe, expect, it } from 'vitest';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { placeInNamespace } from '../../../src/render/namespace.js';

const namespaces = (text: string) => loadManifestFile('x.yaml', text).documents.map((d) => (d.value as { metadata?: { namespace?: unknown } }).metadata?.namespace ?? null);

describe('placeInNamespace', () => {
  it('adds the release namespace to pod-bearing objects that have none, and only to them', () => {
    const text = [
      '---',
      '# Source: web/templates/ns.yaml',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: edge',
      '---',
      '# Source: web/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  labels: {app: web}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers: [{name: web, image: web}]',
      '---',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: migrate',
      '  namespace: ops',
      'spec: {template: {spec: {containers: [{name: m, image: m}]}}}',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: settings',
      '',
    ].join('\n');
    const placed = placeInNamespace(text, 'edge');
    expect(namespaces(placed)).toEqual([null, 'edge', 'ops', null]);
    // One line added, under metadata, at its keys' indentation; the rest as helm wrote it.
    expect(placed.split('\n').slice(10, 13)).toEqual(['metadata:', '  namespace: "edge"', '  name: web']);
    expect(placed.split('\n').length).toBe(text.split('\n').length + 1);
  });

  it('fills an empty namespace on its own line, and writes into flow and JSON metadata', () => {
    const empty = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace:   # from values\nspec: {containers: [{name: a, image: a}]}\n';
    expect(placeInNamespace(empty, 'edge')).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: "edge" # from values\nspec: {containers: [{name: a, image: a}]}\n');
    const flow = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: a}]}\n';
    expect(namespaces(placeInNamespace(flow, 'edge'))).toEqual(['edge']);
    const json = '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"name": "a", "image": "a"}]}}\n';
    expect(placeInNamespace(json, 'edge')).toBe('{"apiVersion": "v1", "kind": "Pod", "metadata": {"namespace": "edge", "name": "a"}, "spec": {"containers": [{"name": "a", "image": "a"}]}}\n');
  });

  it('leaves a text without pod-bearing objects as it is', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    expect(placeInNamespace(text, 'edge')).toBe(text);
  });
});
