/**
 * The shortcuts of verification by List item (verify.ts, listLayout.ts)
 * give the verdicts of the slow path: a pod spec's checks before the fix
 * run only for the checks that still fail after it, the edits applied to the
 * changed items alone, a List read by events not searched for aliases. Each
 * verdict is compared with whole-document verification of the same splices
 * and expectation, for fixes that stand and fixes that must be refused.
 */
import { describe, expect, it } from 'vitest';
import { applyEditsToJson, EditError, set } from '../../../src/fixes/edits.js';
import { listLayout } from '../../../src/fixes/listLayout.js';
import { applySplices } from '../../../src/fixes/text.js';
import type { Splice } from '../../../src/fixes/text.js';
import type { Edit, FixableCheck } from '../../../src/fixes/types.js';
import { podKey, verificationCounts, verifierOf } from '../../../src/fixes/verify.js';
import type { Expectation } from '../../../src/fixes/verify.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { adviceFailures } from '../../../src/policy/sources/advice.js';
import { adviceCheckIds } from '../../../src/policy/sources/extraChecks.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import type { JsonValue } from '../../../src/pss/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const noLimit = { maxBytes: Number.MAX_SAFE_INTEGER };

/** A Pod as a List item; `hardened` passes every check and every advice check once its host network is off. */
const item = (name: string, hardened = false) =>
  hardened
    ? [
        '- apiVersion: v1',
        '  kind: Pod',
        `  metadata: {name: ${name}}`,
        '  spec:',
        '    hostNetwork: true',
        '    automountServiceAccountToken: false',
        '    securityContext: {runAsUser: 10001, runAsGroup: 10001}',
        '    containers:',
        '    - name: app',
        `      image: x@sha256:${'0'.repeat(64)}`,
        '      resources: {limits: {cpu: "1", memory: 1Gi}}',
        '      securityContext: {readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}',
      ]
    : ['- apiVersion: v1', '  kind: Pod', `  metadata: {name: ${name}}`, '  spec:', '    hostNetwork: true', '    containers: [{name: app, image: x}]'];

const text = lines('apiVersion: v1', 'kind: List', 'items:', ...item('a'), ...item('b'), ...item('c', true));
const policyOf = () => ({ level: 'baseline' as const, version: 'latest' as const });

/** A fresh verifier by item and one by whole document (the reference), each with its own verdicts. */
function verifiers(of: string = text) {
  const known = loadManifestFile('list.yaml', of, noLimit).documents;
  return { byItem: verifierOf('list.yaml', of, policyOf, known), whole: verifierOf('list.yaml', of, policyOf, known, { byItem: false }) };
}

/** The offset of `what` after the item named `name`. */
function at(name: string, what: string): number {
  return text.indexOf(what, text.indexOf(`name: ${name}}`));
}

function replace(name: string, what: string, insert: string): Splice {
  const start = at(name, what);
  return { start, end: start + what.length, insert };
}

function expecting(item: number, edits: readonly Edit[], fixed: readonly FixableCheck[] = ['hostNamespaces']): Expectation {
  return { edits: new Map([[0, edits]]), fixed: new Map([[podKey(0, ['items', item]), new Set(fixed)]]) };
}

const hostNetworkOff = (item: number) => set(['items', item, 'spec', 'hostNetwork'], false);

/** The verdict by item, checked against the whole document's, and how many checks it ran on pod specs as they were. */
function verdict(splices: readonly Splice[], expectation: Expectation, of: string = text): { reason: string | null; baselineChecks: number } {
  const { byItem, whole } = verifiers(of);
  const before = { ...verificationCounts };
  const reason = byItem(splices, expectation);
  const counted = { items: verificationCounts.items - before.items, baselineChecks: verificationCounts.baselineChecks - before.baselineChecks };
  expect(counted.items).toBe(1);
  expect(reason).toBe(whole(splices, expectation));
  return { reason, baselineChecks: counted.baselineChecks };
}

/** The checks and advice checks pod `item` of the spliced text fails. */
function failingAfter(splices: readonly Splice[], item: number): string[] {
  const fixed = applySplices(text, splices);
  const source = extractPodSpecs(loadManifestFile('list.yaml', fixed, noLimit).documents[0]!).pods[item]!;
  return [...evaluatePod(source.pod, 'baseline', 'latest').failures, ...adviceFailures(source.pod)].map((f) => f.check);
}

describe('verification by List item, against the whole document', () => {
  it('runs on the pod spec as it was only the upstream checks it still fails, and the advice checks once', () => {
    // Pod b still fails advice checks (its image has no digest): as it was, it failed them too.
    const splices = [replace('b', 'hostNetwork: true', 'hostNetwork: false')];
    const still = failingAfter(splices, 1);
    expect(still).toContain('advice.imageDigest');
    expect(still).not.toContain('hostNamespaces');
    const upstream = still.filter((check) => !check.startsWith('advice.'));
    expect(verdict(splices, expecting(1, [hostNetworkOff(1)]))).toEqual({ reason: null, baselineChecks: upstream.length + adviceCheckIds.length });
  });

  it('decides the advice checks of a pod spec as it was once, for every fix of it', () => {
    const { byItem, whole } = verifiers();
    const fixes: [Splice[], Expectation][] = [
      [[replace('b', 'hostNetwork: true', 'hostNetwork: false')], expecting(1, [hostNetworkOff(1)])],
      [[replace('b', 'hostNetwork: true', 'hostNetwork: false\n    automountServiceAccountToken: false')], expecting(1, [hostNetworkOff(1), set(['items', 1, 'spec', 'automountServiceAccountToken'], false)])],
    ];
    const before = verificationCounts.baselineChecks;
    const reasons = fixes.map(([splices, expectation]) => byItem(splices, expectation));
    const checksRun = verificationCounts.baselineChecks - before;
    expect(reasons).toEqual([null, null]);
    expect(reasons).toEqual(fixes.map(([splices, expectation]) => whole(splices, expectation)));
    // Both fixes leave pod b failing advice checks, and no upstream check.
    expect(checksRun).toBe(adviceCheckIds.length);
  });

  it('runs no check on the pod spec as it was when the fixed one fails nothing', () => {
    const splices = [replace('c', 'hostNetwork: true', 'hostNetwork: false')];
    expect(failingAfter(splices, 2)).toEqual([]);
    expect(verdict(splices, expecting(2, [hostNetworkOff(2)]))).toEqual({ reason: null, baselineChecks: 0 });
  });

  it('refuses a fix that makes another check fail, as the whole document does', () => {
    const splices = [replace('b', 'hostNetwork: true', 'hostNetwork: false'), replace('b', 'image: x}', 'image: x, securityContext: {privileged: true}}')];
    const edits = [hostNetworkOff(1), set(['items', 1, 'spec', 'containers', 0, 'securityContext', 'privileged'], true)];
    // The first check that fails now is the new one: nothing more is asked of the pod spec as it was.
    expect(failingAfter(splices, 1)[0]).toBe('privileged');
    expect(verdict(splices, expecting(1, edits))).toEqual({ reason: 'the check privileged would start failing', baselineChecks: 1 });
  });

  it('refuses a fix whose check still fails, running no check on the pod spec as it was', () => {
    const splices = [replace('c', 'hostNetwork: true', 'hostNetwork: true\n    hostPID: true')];
    const edits = [set(['items', 2, 'spec', 'hostPID'], true)];
    expect(verdict(splices, expecting(2, edits))).toEqual({ reason: 'the check hostNamespaces still fails after the fix', baselineChecks: 0 });
  });

  it('refuses a text that changes more than the edits say, with the edits applied to the item alone', () => {
    const splices = [replace('b', 'hostNetwork: true', 'hostNetwork: false'), replace('b', 'image: x', 'image: z')];
    expect(verdict(splices, expecting(1, [hostNetworkOff(1)])).reason).toBe('the fixed YAML would change more than the fixed fields');
  });

  it('refuses edits that do not apply, with the reason the whole document gives', () => {
    const edits = [set(['items', 1, 'spec', 'hostNetwork', 'x'], false), set(['items', 1, 'spec', 'containers', 'y'], false)];
    const { reason } = verdict([replace('b', 'hostNetwork: true', 'hostNetwork: false')], expecting(1, edits));
    expect(reason).toBe('the edits do not apply to the document (no container at ["items",1,"spec","hostNetwork"])');
  });

  it('compares an edit beside the items on the whole document', () => {
    const splices = [replace('b', 'hostNetwork: true', 'hostNetwork: false')];
    expect(verdict(splices, expecting(1, [hostNetworkOff(1), set(['kind'], 'PodList')])).reason).toBe('the fixed YAML would change more than the fixed fields');
  });
});

describe('verification of List items tied by an alias, read by `yaml` alone', () => {
  const aliased = lines('apiVersion: v1', 'kind: List', 'items:', '- &pod', '  apiVersion: v1', ...item('a').slice(1), '- *pod');
  const start = aliased.indexOf('hostNetwork: true');
  const splices = [{ start, end: start + 'hostNetwork: true'.length, insert: 'hostNetwork: false' }];
  const both: Expectation = {
    edits: new Map([[0, [hostNetworkOff(0), hostNetworkOff(1)]]]),
    fixed: new Map([0, 1].map((i) => [podKey(0, ['items', i]), new Set<FixableCheck>(['hostNamespaces'])])),
  };

  it('is a List the event reader leaves to `yaml`', () => {
    expect(loadManifestFile('list.yaml', aliased, noLimit).documents[0]!.source.place).toBeUndefined();
  });

  it('accepts an edit at the anchor that every user expects', () => {
    expect(verdict(splices, both, aliased).reason).toBeNull();
  });

  it("refuses it when only the anchor's own item expects it", () => {
    expect(verdict(splices, expecting(0, [hostNetworkOff(0)]), aliased).reason).toBe('the fixed YAML would change more than the fixed fields');
  });

  it('reads the items through the fragments the fix rewrites, unless their aliases would reach the alias budget', () => {
    const before = verificationCounts.fragments;
    expect(verdict(splices, both, aliased).reason).toBeNull();
    expect(verificationCounts.fragments - before).toBe(1);
    // 200 aliases of a Pod of 189 values: 98.98% of the values come from aliases, just under goyaml's 99%.
    const env = Array.from({ length: 60 }, (_, i) => `      - {name: E${i}, value: v}`);
    const users = Array.from({ length: 200 }, () => '- *pod');
    const heavy = lines('kind: List', 'items:', '- &pod', '  kind: Pod', '  spec:', '    hostNetwork: true', '    containers:', '    - name: app', '      image: x', '      env:', ...env, ...users);
    expect(loadManifestFile('list.yaml', heavy, noLimit).problems).toEqual([]);
    // Ten more values in the anchored Pod: over 99% in the fixed List, which no longer loads.
    const at = heavy.indexOf('    containers:');
    const grow = [{ start: at, end: at, insert: '    extra: [a, b, c, d, e, f, g, h, i, j]\n' }];
    const extra = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const all: Expectation = { edits: new Map([[0, Array.from({ length: 201 }, (_, i) => set(['items', i, 'spec', 'extra'], extra))]]), fixed: new Map() };
    const { byItem, whole } = verifiers(heavy);
    const fragments = verificationCounts.fragments;
    const reason = byItem(grow, all);
    expect(verificationCounts.fragments).toBe(fragments);
    expect(reason).toBe('the fixed YAML no longer loads as it did');
    expect(whole(grow, all)).toBe(reason);
  });
});

describe('edits applied below a path', () => {
  const document = { items: [{ spec: { a: 1, list: [1, 2, 3] } }, { spec: 'scalar' }] } as JsonValue;
  const edits: Edit[] = [set(['items', 0, 'spec', 'b'], true), { op: 'delete', path: ['items', 0, 'spec', 'list', 1] }, { op: 'append', path: ['items', 0, 'spec', 'more'], value: 'x' }];
  const items = (value: JsonValue) => (value as { items: JsonValue[] }).items;

  it('give the item the whole document gets', () => {
    expect(applyEditsToJson(items(document)[0]!, edits, 2)).toEqual(items(applyEditsToJson(document, edits))[0]);
  });

  it('fail with the error of the whole document, which names the whole path', () => {
    const wrong: Edit[] = [set(['items', 1, 'spec', 'x'], true)];
    const message = (apply: () => unknown) => {
      try {
        apply();
      } catch (error) {
        return error instanceof EditError ? error.message : 'not an EditError';
      }
      return 'no error';
    };
    expect(message(() => applyEditsToJson(items(document)[1]!, wrong, 2))).toBe(message(() => applyEditsToJson(document, wrong)));
    expect(message(() => applyEditsToJson(document, wrong))).toBe('no container at ["items",1,"spec"]');
  });
});

describe('a List read by events', () => {
  it('has no aliases, and its layout without searching for them is the one with', () => {
    const loaded = loadManifestFile('list.yaml', text, noLimit);
    const document = loaded.documents[0]!;
    expect(document.source.place).toBeDefined();
    const layout = (aliases: boolean) => listLayout(document.source.layout, text, 0, text.length, 3, aliases);
    expect(layout(false)).toEqual(layout(true));
    expect(layout(false)).not.toBeNull();
  });

  it('is not what a List with aliases is read as', () => {
    const aliased = lines('apiVersion: v1', 'kind: List', 'items:', '- &pod {kind: Pod, spec: {containers: [{name: a, image: x}]}}', '- *pod');
    expect(loadManifestFile('list.yaml', aliased, noLimit).documents[0]!.source.place).toBeUndefined();
  });
});
