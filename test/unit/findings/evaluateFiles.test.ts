/**
 * evaluateFiles reads the Namespace manifests first, loading early only the
 * files that may hold one (mayHoldNamespace); every way of writing a
 * Namespace that YAML allows must still be found.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFiles, mayHoldNamespace } from '../../../src/findings/evaluateFiles.js';
import { policyContext } from '../../../src/findings/policyContext.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const pod = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p, namespace: team}', 'spec:', '  containers: [{name: c, image: x}]');
const labels = '{pod-security.kubernetes.io/enforce: restricted}';

/** The level the pod spec of `pod` is enforced at when the Namespace is written as `namespace`. */
function enforcedLevel(namespace: string, asBytes: boolean): string | undefined {
  const encode = (text: string) => (asBytes ? new TextEncoder().encode(text) : text);
  // The pod's file comes first: the Namespace must be known before it is evaluated.
  const report = evaluateFiles(
    [
      { path: 'pod.yaml', content: encode(pod) },
      { path: 'ns.yaml', content: encode(namespace) },
    ],
    { policy: policyContext('2026-11-23') },
  );
  return report.findings[0]?.levelSource.detail ?? 'no findings';
}

describe('Namespace manifests, however they are written', () => {
  const spellings: Record<string, string> = {
    'block style': lines('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: team', `  labels: ${labels}`),
    // Valid JSON: a file that opens with `{` is JSON to kubectl, where unquoted keys are an error.
    'flow style, quoted': `{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team", "labels": {"pod-security.kubernetes.io/enforce": "restricted"}}}\n`,
    'an escape in a double-quoted scalar': lines('apiVersion: v1', 'kind: "Name\\x73pace"', 'metadata:', '  name: team', `  labels: ${labels}`),
    'a JSON unicode escape': `{"apiVersion": "v1", "kind": "N\\u0061mespace", "metadata": {"name": "team", "labels": {"pod-security.kubernetes.io/enforce": "restricted"}}}\n`,
    'an alias': lines('x: &k Namespace', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: team', `  labels: ${labels}`),
    'a merge key': lines('apiVersion: v1', '<<: {kind: Namespace}', 'metadata:', '  name: team', `  labels: ${labels}`),
  };
  for (const [name, text] of Object.entries(spellings)) {
    it(`finds one written with ${name}, as text and as bytes`, () => {
      expect(mayHoldNamespace(text)).toBe(true);
      for (const asBytes of [false, true]) expect(enforcedLevel(text, asBytes)).toMatch(/Namespace team/);
    });
  }

  it('loads early only the files that may hold one', () => {
    expect(mayHoldNamespace(pod)).toBe(false);
    expect(mayHoldNamespace(new TextEncoder().encode(pod))).toBe(false);
    expect(mayHoldNamespace(lines('kind: ConfigMap', 'data: {a: "x\\ny"}'))).toBe(true);
  });
});
