/** CRDs cut down to stubs in a kustomize rendering's tree, only where nothing could read what goes. */
import { describe, expect, it } from 'vitest';
import { withCrdStubs } from '../../../src/render/crdStubs.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function tree(files: Record<string, string>): Map<string, Uint8Array> {
  return new Map(Object.entries(files).map(([path, text]) => [path, encoder.encode(text)]));
}

function texts(files: ReadonlyMap<string, Uint8Array>): Record<string, string> {
  return Object.fromEntries([...files].map(([path, data]) => [path, decoder.decode(data)]));
}

const crd = (name: string) =>
  `apiVersion: apiextensions.k8s.io/v1\n` +
  `kind: CustomResourceDefinition\n` +
  `metadata:\n  name: ${name}.example.com\n  labels:\n    app: demo\n` +
  `spec:\n  group: example.com\n  names:\n    kind: Widget\n  scope: Namespaced\n  versions:\n    - name: v1\n      schema:\n        openAPIV3Schema:\n          type: object\n`;
const stub = (name: string) => `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ${name}.example.com\n  labels:\n    app: demo\n`;
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n';

describe('withCrdStubs', () => {
  it("keeps of each CRD in a resource file its apiVersion, kind and metadata, and the other documents and files as they are", () => {
    const files = tree({
      'base/kustomization.yaml': 'resources:\n- crds.yaml\n- deploy.yaml\n',
      // The marker lines, a comment before the first document, and the metadata written after spec.
      'base/crds.yaml': `# CRDs\n${crd('widgets')}---\n${deployment}--- # more\nkind: CustomResourceDefinition\nspec:\n  group: x\nmetadata:\n  name: gadgets\napiVersion: "apiextensions.k8s.io/v1"\n`,
      'base/deploy.yaml': deployment,
    });
    expect(texts(withCrdStubs(files))).toEqual({
      'base/kustomization.yaml': 'resources:\n- crds.yaml\n- deploy.yaml\n',
      'base/crds.yaml': `${stub('widgets')}---\n${deployment}--- # more\nkind: CustomResourceDefinition\nmetadata:\n  name: gadgets\napiVersion: "apiextensions.k8s.io/v1"\n`,
      'base/deploy.yaml': deployment,
    });
  });

  it('stubs the CRDs of a base that an overlay patches elsewhere', () => {
    const files = tree({
      'base/kustomization.yaml': 'resources:\n- crd.yaml\n',
      'base/crd.yaml': `---\n${crd('widgets')}`,
      'overlay/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: replicas.yaml\n',
      'overlay/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
    });
    expect(texts(withCrdStubs(files))['base/crd.yaml']).toBe(`---\n${stub('widgets')}`);
  });

  it('leaves the tree whole where something could read a CRD beyond its metadata', () => {
    const refused: Record<string, Record<string, string>> = {
      'a patch that names the kind': {
        'kustomization.yaml': 'resources:\n- crd.yaml\npatches:\n- path: p.yaml\n  target:\n    kind: CustomResourceDefinition\n',
        'p.yaml': '- op: add\n  path: /spec/preserveUnknownFields\n  value: false\n',
      },
      'a kustomization that lists crds (their schemas decide how custom resources merge)': {
        'kustomization.yaml': 'resources:\n- crd.yaml\ncrds:\n- crd.yaml\n',
      },
      'a chart inflated by kustomize': {
        'kustomization.yaml': 'resources:\n- crd.yaml\nhelmCharts:\n- name: web\n',
      },
      'a CRD file a generator reads as data': {
        'kustomization.yaml': 'resources:\n- crd.yaml\nconfigMapGenerator:\n- name: crds\n  files:\n  - crd.yaml\n',
      },
      'a kustomization that does not read': {
        'kustomization.yaml': 'resources: [crd.yaml\n',
      },
    };
    for (const [why, extra] of Object.entries(refused)) {
      const files = tree({ 'crd.yaml': crd('widgets'), ...extra });
      expect(withCrdStubs(files), why).toBe(files);
    }
  });

  it('leaves the tree whole when a CRD or its stream is not written plainly enough to cut by lines', () => {
    const refused: Record<string, string> = {
      'a directive': `%YAML 1.2\n---\n${crd('widgets')}`,
      'a document end': `${crd('widgets')}...\n`,
      'a tagged marker': `--- !crd\n${crd('widgets')}`,
      'JSON': JSON.stringify({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'w' } }),
      'an anchor in its metadata': crd('widgets').replace('labels:\n', 'labels: &labels\n'),
      'a quoted top-level key': crd('widgets').replace('spec:', '"spec":'),
      'a key written twice': `${crd('widgets')}metadata:\n  name: again\n`,
      'a List of CRDs': `apiVersion: v1\nkind: List\nitems:\n- apiVersion: apiextensions.k8s.io/v1\n  kind: CustomResourceDefinition\n  metadata:\n    name: w\n`,
      'another kind that names it': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\ndata:\n  kind: CustomResourceDefinition\n',
    };
    for (const [why, text] of Object.entries(refused)) {
      const files = tree({ 'kustomization.yaml': 'resources:\n- crd.yaml\n', 'crd.yaml': text });
      expect(withCrdStubs(files), why).toBe(files);
    }
  });
});
