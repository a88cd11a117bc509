import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/locate/locate.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import type { FieldPath } from '../../../src/pss/types.js';

function lineOf(text: string, path: FieldPath, documentIndex = 0) {
  const loaded = loadManifestFile('f.yaml', text);
  expect(loaded.problems).toEqual([]);
  const document = loaded.documents.find((d) => d.index === documentIndex)!;
  return locate(document.source, path);
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx
        securityContext:
          privileged: true
      - name: sidecar
        image: envoy
`;

describe('locate', () => {
  it('finds an existing field', () => {
    expect(lineOf(deployment, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'])).toEqual({ line: 12, column: 11, exact: true });
  });

  it('falls back to the container entry for an absent container field', () => {
    expect(lineOf(deployment, ['spec', 'template', 'spec', 'containers', 1, 'securityContext', 'runAsNonRoot'])).toEqual({ line: 13, column: 9, exact: false });
  });

  it('falls back to securityContext when it exists but the field does not', () => {
    expect(lineOf(deployment, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'runAsNonRoot'])).toMatchObject({ line: 11, exact: false });
  });

  it('falls back to the pod spec for an absent pod field', () => {
    expect(lineOf(deployment, ['spec', 'template', 'spec', 'securityContext', 'runAsNonRoot'])).toMatchObject({ line: 7, exact: false });
  });

  it('counts lines across documents, comments and blank lines', () => {
    const text = `# header\n---\napiVersion: v1\nkind: ConfigMap\n---\n\n# the pod\napiVersion: v1\nkind: Pod\nspec:\n\n  # comment\n  hostPID: true\n`;
    // The comment before the first `---` belongs to the first document.
    expect(lineOf(text, ['spec', 'hostPID'], 1)).toEqual({ line: 13, column: 3, exact: true });
  });

  it('handles flow style', () => {
    const text = 'spec:\n  containers: [{name: a, image: x},\n    {name: b, image: y, securityContext: {privileged: true}}]\n';
    expect(lineOf(text, ['spec', 'containers', 1, 'securityContext', 'privileged'])).toMatchObject({ line: 3, exact: true });
    expect(lineOf(text, ['spec', 'containers', 0, 'securityContext'])).toMatchObject({ line: 2, exact: false });
  });

  it('handles CRLF line endings', () => {
    const text = 'spec:\r\n  hostNetwork: true\r\n  hostPID: true\r\n';
    expect(lineOf(text, ['spec', 'hostPID'])).toEqual({ line: 3, column: 3, exact: true });
  });

  it('follows aliases to where the value is written', () => {
    const text = 'defs:\n  sc: &sc\n    privileged: true\nspec:\n  containers:\n  - name: a\n    securityContext: *sc\n';
    expect(lineOf(text, ['spec', 'containers', 0, 'securityContext', 'privileged'])).toMatchObject({ line: 3, exact: true });
    expect(lineOf(text, ['spec', 'containers', 0, 'securityContext'])).toMatchObject({ line: 7, exact: true });
  });

  it('follows merge keys, and the key that won', () => {
    const text = 'base: &base\n  privileged: true\n  runAsUser: 0\nsc:\n  <<: *base\n  runAsUser: 1000\n';
    expect(lineOf(text, ['sc', 'privileged'])).toMatchObject({ line: 2, exact: true });
    expect(lineOf(text, ['sc', 'runAsUser'])).toMatchObject({ line: 6, exact: true });
  });

  it('points at the last of duplicate keys, whose value counts', () => {
    expect(lineOf('a: 1\nb: 2\na: 3\n', ['a'])).toMatchObject({ line: 3, exact: true });
  });

  it('maps paths in JSON', () => {
    const text = '{\n  "spec": {\n    "hostIPC": true\n  }\n}\n';
    expect(lineOf(text, ['spec', 'hostIPC'])).toEqual({ line: 3, column: 5, exact: true });
  });

  it('maps annotation keys with dots and slashes', () => {
    const text = 'metadata:\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n';
    expect(lineOf(text, ['metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/app'])).toMatchObject({ line: 3, exact: true });
  });
});
