/**
 * Anchors, aliases and merge keys: a value defined once and used in several
 * places. A fix edits where the value is defined, so it is only offered when
 * re-checking proves that no other user changes, or when every user fails the
 * same check and the fix verifies for all of them (issue 17: the edit at the
 * anchor); otherwise the note says what is shared.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listOfPods } from '../../../bench/lists.js';
import { fixText } from '../../../src/fixes/fixFile.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import type { JsonValue } from '../../../src/pss/types.js';
import { fixturesDir } from '../../helpers/paths.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

function decoded(text: string): JsonValue[] {
  const loaded = loadManifestFile('x.yaml', text);
  expect(loaded.problems).toEqual([]);
  return loaded.documents.map((d) => d.value);
}

function fixesOf(text: string, level: 'baseline' | 'restricted' = 'restricted') {
  const fixed = fixText('anchors.yaml', text, { level, version: 'latest' });
  const byCheck = Object.fromEntries(fixed.pods.flatMap((p) => p.failures.map((f, i) => [f.check, p.fixes[i]!])));
  return { fixed, byCheck };
}

describe('anchors, aliases and merge keys', () => {
  it('fixes a value inside an anchored map when its other user overrides it (the bundled fixture)', () => {
    const text = readFileSync(path.join(fixturesDir, 'manifests/anchors-and-merge-keys.yaml'), 'utf8');
    const { fixed, byCheck } = fixesOf(text);
    expect(byCheck.allowPrivilegeEscalation?.fix).not.toBeNull();
    expect(fixed.text).toContain('        securityContext: &shared\n          allowPrivilegeEscalation: false\n');
    // The second container, which merges the anchor, decodes exactly as before.
    const containers = (v: JsonValue) => (v as { spec: { template: { spec: { containers: JsonValue[] } } } }).spec.template.spec.containers;
    expect(containers(decoded(fixed.text)[0]!)[1]).toEqual(containers(decoded(text)[0]!)[1]);
  });

  it('refuses to edit an anchored value that something else also uses, and says why', () => {
    // `x-template` is not a pod field, but it is part of the document: editing `&sc` would change it.
    const text = lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext: &sc',
      '      privileged: true',
      'x-template: *sc',
    );
    const { fixed, byCheck } = fixesOf(text, 'baseline');
    expect(byCheck.privileged?.fix).toBeNull();
    expect(byCheck.privileged?.fixNote).toMatch(/^No suggestion: the field to change is shared with another place \(it is inside the anchored node &sc/);
    expect(byCheck.privileged?.fixNote).toContain('Illustrative example, not applicable as-is');
    expect(fixed.text).toBe(text);
  });

  it('fixes every user of an anchor at once when they all fail the same way', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '  - name: a',
      '    image: x',
      '    securityContext: &sc',
      '      privileged: true',
      '  - name: b',
      '    image: x',
      '    securityContext: *sc',
    );
    const { fixed, byCheck } = fixesOf(text, 'baseline');
    expect(byCheck.privileged?.fix).toEqual({ startLine: 9, endLine: 9, replacement: '      privileged: false\n', attachable: false });
    expect(fixed.text).toBe(text.replace('privileged: true', 'privileged: false'));
  });

  it('fixes a Pod at its anchor when every List item that aliases it fails the same checks', () => {
    const text = listOfPods(12, 'anchored');
    const fixed = fixText('anchored.yaml', text, { level: 'restricted', version: 'latest' });
    // Every finding of every item is fixed, and every suggestion edits the anchored Pods (items 0 and 10).
    expect(fixed.pods).toHaveLength(12);
    for (const pod of fixed.pods) expect(pod.fixes.every((fix) => fix.fix !== null)).toBe(true);
    expect(fixed.text.match(/^ {2}- \*pod[01]$/gm)).toHaveLength(10);
    const items = (decoded(fixed.text)[0] as { items: JsonValue[] }).items;
    expect(items[5]).toEqual(items[0]);
    expect(items[11]).toEqual(items[10]);
    const after = fixText('anchored.yaml', fixed.text, { level: 'restricted', version: 'latest' });
    expect(after.pods.flatMap((p) => p.failures)).toEqual([]);
    // The note says the edit is at the anchor and fixes every user.
    expect(fixed.pods[3]?.fixes.find((f) => f.check === 'privileged')?.fixNote).toMatch(/it fixes all 10 pod specs that use it/);
  });

  it('does not fix at the anchor when a user of it does not fail the check', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: a}',
      '  spec:',
      '    containers:',
      '    - name: app',
      '      image: x',
      '      securityContext: &sc',
      '        privileged: true',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: b}',
      '  spec:',
      '    containers:',
      '    - name: app',
      '      image: x',
      '      securityContext: *sc',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: {name: c}',
      '  data: *sc',
    );
    const fixed = fixText('partly.yaml', text, { level: 'baseline', version: 'latest' });
    expect(fixed.pods.map((p) => p.fixes.find((f) => f.check === 'privileged')?.fix ?? null)).toEqual([null, null]);
    expect(fixed.pods[1]?.fixes[0]?.fixNote).toMatch(/^No suggestion: the field to change is shared with another place/);
    expect(fixed.text).toBe(text);
    // Without the ConfigMap, both Pods fail the check: the anchor is fixed for both.
    const both = text.slice(0, text.indexOf('- apiVersion: v1\n  kind: ConfigMap'));
    expect(fixText('both.yaml', both, { level: 'baseline', version: 'latest' }).text).toBe(both.replace('privileged: true', 'privileged: false'));
  });

  it('replaces an alias that is the value itself, leaving the anchor and its other users alone', () => {
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'x-flag: &on true', 'spec:', '  hostNetwork: *on', '  containers: [{name: app, image: x}]');
    const { fixed, byCheck } = fixesOf(text, 'baseline');
    expect(byCheck.hostNamespaces?.fix).toEqual({ startLine: 6, endLine: 6, replacement: '  hostNetwork: false\n', attachable: false });
    expect(fixed.text).toBe(text.replace('hostNetwork: *on', 'hostNetwork: false'));
  });

  it('edits a shared scalar where it is defined when every user needs the same fix', () => {
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: &on true', '  hostPID: *on', '  containers: [{name: app, image: x}]');
    const { fixed } = fixesOf(text, 'baseline');
    expect(fixed.text).toBe(text.replace('hostNetwork: &on true\n  hostPID: *on', 'hostNetwork: &on false\n  hostPID: false'));
  });

  it('overrides a merged value with a key after `<<`, leaving the merged map alone', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'x-defaults: &defaults',
      '  allowPrivilegeEscalation: true',
      '  capabilities: {drop: [ALL]}',
      'spec:',
      '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext:',
      '      <<: *defaults',
    );
    const { fixed, byCheck } = fixesOf(text);
    expect(byCheck.allowPrivilegeEscalation?.fix).toEqual({
      startLine: 13,
      endLine: 13,
      replacement: '      <<: *defaults\n      allowPrivilegeEscalation: false\n',
      attachable: false,
    });
    expect(fixed.text).toBe(`${text}      allowPrivilegeEscalation: false\n`);
  });

  it('edits a merged value where the merged map defines it when every pod spec using that map fails the same check', () => {
    // The bundled `anchors` scenario: `two` merges `one`'s pod spec and inherits hostIPC: true.
    const text = lines(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: one}',
      '  spec: &spec',
      '    hostIPC: true',
      '    containers: [{name: app, image: x}]',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: two}',
      '  spec:',
      '    <<: *spec',
      '    hostNetwork: false',
    );
    const fixed = fixText('anchors.yaml', text, { level: 'baseline', version: 'latest' });
    const fixes = fixed.pods.map((pod) => pod.fixes.find((f) => f.check === 'hostNamespaces'));
    // One edit, at the merged map, offered to both: not an override in `two`'s own map.
    for (const fix of fixes) expect(fix?.fix).toEqual({ startLine: 8, endLine: 8, replacement: '    hostIPC: false\n', attachable: false });
    expect(fixes[1]?.fixNote).toMatch(/it comes from a merge key \(<<\).*it fixes all 2 pod specs that use it/);
    expect(fixed.text).toBe(text.replace('hostIPC: true', 'hostIPC: false'));
    expect(fixText('anchors.yaml', fixed.text, { level: 'baseline', version: 'latest' }).pods.flatMap((p) => p.failures)).toEqual([]);
  });

  it('does not remove a key that comes from a merge key', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'x-port: &port {containerPort: 80, hostPort: 80}',
      'spec:',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    ports:',
      '    - <<: *port',
    );
    const { fixed, byCheck } = fixesOf(text, 'baseline');
    expect(byCheck.hostPorts?.fix).toBeNull();
    expect(byCheck.hostPorts?.fixNote).toMatch(/merge key/);
    expect(fixed.text).toBe(text);
  });
});
