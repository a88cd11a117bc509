/**
 * Differential test against the real kubectl on this machine: our YAML
 * decoding must give exactly the JSON that kubectl sends to the API server
 * (sigs.k8s.io/yaml over goyaml.v2, YAML 1.1 scalars, merge keys, duplicate
 * keys). `kubectl label --local -f FILE psr- -o json` decodes a file offline
 * and prints the object; removing an absent label changes nothing but adding
 * `metadata.labels: {}`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifestFile } from '../../src/manifests/load.js';
import type { JsonObject } from '../../src/pss/types.js';
import { fixturesDir } from '../helpers/paths.js';

const kubectlVersion = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
if (kubectlVersion.status !== 0) {
  throw new Error('kubectl is required for this test (it is the reference decoder); install it or put it on PATH');
}

const workDir = mkdtempSync(path.join(tmpdir(), 'psr-kubectl-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

type KubectlResult = { ok: true; value: JsonObject } | { ok: false; error: string };

function kubectlDecode(yamlText: string, name: string): KubectlResult {
  const file = path.join(workDir, `${name}.yaml`);
  writeFileSync(file, yamlText);
  const result = spawnSync('kubectl', ['label', '--local', '-f', file, 'psr-', '-o', 'json'], { encoding: 'utf8' });
  if (result.status !== 0) return { ok: false, error: result.stderr };
  const value = JSON.parse(result.stdout) as JsonObject;
  // The only change kubectl makes: it ensures metadata.labels exists.
  const metadata = value.metadata as JsonObject;
  const labels = metadata.labels as JsonObject;
  if (Object.keys(labels).length === 0 && !/^\s*labels:/m.test(yamlText) && !yamlText.includes('"labels"')) delete metadata.labels;
  return { ok: true, value };
}

type OurResult = { ok: true; value: unknown } | { ok: false; error: string };

function ourDecode(yamlText: string): OurResult {
  const loaded = loadManifestFile('case.yaml', yamlText);
  if (loaded.problems.length > 0) return { ok: false, error: loaded.problems.map((p) => p.message).join('; ') };
  expect(loaded.documents).toHaveLength(1);
  return { ok: true, value: loaded.documents[0]!.value };
}

/** Snippets placed under `spec:` of a Pod; each is one document for kubectl. */
const specSnippets: Record<string, string> = {
  'booleans (YAML 1.1)': 'b: [y, Y, yes, Yes, YES, n, N, no, No, NO, true, True, TRUE, false, False, FALSE, on, On, ON, off, Off, OFF]',
  'not booleans': 'b: [yES, tRUE, oN, "yes", \'on\', !!str true, nope, yess]',
  nulls: 'n: [~, null, Null, NULL, nULL]\n  empty:\n  tilde: ~',
  integers: 'i: [0, 7, -7, +7, 0777, 0o17, 0O17, 0x1F, 0X1f, -0x1F, +0x1F, 0b101, -0b101, 1_000, 0_7, 9223372036854775807, -9223372036854775808]',
  'integers out of range': 'i: [9223372036854775808, 18446744073709551615, 18446744073709551616, -9223372036854775809]',
  'almost integers': 'i: [08, 09, 0x, 0b, 0b2, 0o8, 1__0, +, 0xg, "-"]',
  floats: 'f: [.5, -.5, +.5, 1., 1.5, 1e3, 1E3, 1e-3, +1.5e-3, 0.1e1, 1e400, .5e999, 1_000.5, 6.8523015e+5]',
  'not floats': 'f: [1.2.3, 1e, e3, ., .e3, 1.5f, 0x1p3, inf, -inf, nan, Infinity]',
  'timestamps and sexagesimals stay strings': 't: [2001-12-14, 2001-12-14t21:59:43.10-05:00, 190:20:30, 1:20, -1:20]',
  'quoted and tagged scalars': 'q: ["123", \'123\', !!str 123, !!str yes, "a\\tb\\u00e9", \'it\'\'s\', !custom 12, !custom yes]',
  'block scalars': 'lit: |\n    line1\n    line2\n  fold: >-\n    a\n    b\n  keep: |+\n    x\n\n  num: |\n    123',
  'multi-line plain scalar': 'plain: a\n    b\n    c',
  'keys that are not strings': 'k:\n    y: 1\n    on: 2\n    off: 3\n    1: 4\n    1.5: 5\n    0x10: 6\n    "y": 7\n    08: 8',
  'duplicate keys: last wins': 'd: 1\n  d: 2\n  e: {x: 1, x: 2}',
  'merge keys in order': 'base: &base {x: 1, y: 1}\n  m1:\n    x: 5\n    <<: *base\n  m2:\n    <<: *base\n    x: 5\n  m3: {<<: *base, z: 3}',
  'merge of a sequence: earlier wins': 'a: &a {p: 1, q: 1}\n  b: &b {q: 2, r: 2}\n  m: {<<: [*a, *b], s: 3}\n  n: {<<: [*b, *a]}',
  'nested merges': 'a: &a {p: 1}\n  b: &b {<<: *a, q: 2}\n  c: {<<: *b, r: 3}',
  'quoted merge key is a plain key': 'a: &a {p: 1}\n  m: {"<<": *a}',
  'anchors and aliases in sequences': 'list: &l [1, 2]\n  again: *l\n  nested: [*l, *l]\n  scalar: &s hello\n  ref: *s',
  'redefined anchor': 'a: &x 1\n  b: *x\n  c: &x 2\n  d: *x',
  'flow style': 'flow: {a: [1, {b: c}], "d": \'e\'}',
  comments: 'x: 1 # comment\n  # full line\n  y: "# not a comment"',
  'security fields as kubectl reads them': 'hostPID: on\n  hostIPC: yes\n  containers:\n  - name: app\n    image: nginx\n    securityContext: {privileged: Y, runAsUser: 0x0, allowPrivilegeEscalation: off}\n    ports: [{containerPort: 0x50, hostPort: 0o120}]',
};

/** Snippets both must refuse (JSON cannot carry them, or the YAML is unusable). */
const refusedSnippets: Record<string, string> = {
  infinity: 'f: .inf',
  'negative infinity': 'f: -.Inf',
  'not a number': 'f: .nan',
  'null key': '~: x',
  'merge of a scalar': 'm: {<<: 1}',
  'merge of a sequence of scalars': 'm: {<<: [1, 2]}',
};

function pod(snippet: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\nspec:\n  ${snippet}\n`;
}

describe('YAML decoding matches kubectl', () => {
  let n = 0;
  for (const [name, snippet] of Object.entries(specSnippets)) {
    it(name, () => {
      const text = pod(snippet);
      const theirs = kubectlDecode(text, `case${n++}`);
      expect(theirs.ok, theirs.ok ? '' : theirs.error).toBe(true);
      const ours = ourDecode(text);
      expect(ours.ok, ours.ok ? '' : ours.error).toBe(true);
      expect(ours.ok && ours.value).toEqual(theirs.ok && theirs.value);
    });
  }

  for (const [name, snippet] of Object.entries(refusedSnippets)) {
    it(`refuses ${name}`, () => {
      const text = pod(snippet);
      const theirs = kubectlDecode(text, `refused${n++}`);
      expect(theirs.ok).toBe(false);
      const ours = ourDecode(text);
      expect(ours.ok).toBe(false);
    });
  }

  // Known difference, on the safe side: libyaml reads a bare `-` inside a
  // flow sequence as the string "-", the yaml package as a block indicator
  // (an error). We report the file as malformed rather than guess.
  it('refuses a bare dash in a flow sequence, which kubectl reads as "-"', () => {
    const text = pod('i: [a, -]');
    const theirs = kubectlDecode(text, `dash${n++}`);
    expect(theirs.ok && (theirs.value.spec as JsonObject).i).toEqual(['a', '-']);
    const ours = ourDecode(text);
    expect(ours.ok).toBe(false);
  });

  const manifestFiles = readdirSync(path.join(fixturesDir, 'manifests')).filter((f) =>
    ['all-kinds.yaml', 'list.yaml', 'anchors-and-merge-keys.yaml', 'yaml11-booleans.yaml', 'flow-style.yaml', 'crlf.yaml', 'deployment.json', 'comments.yaml'].includes(f),
  );
  it.each(manifestFiles)('fixtures/manifests/%s decodes document by document like kubectl', (file) => {
    const text = readFileSync(path.join(fixturesDir, 'manifests', file), 'utf8');
    const loaded = loadManifestFile(file, text);
    expect(loaded.problems).toEqual([]);
    // kubectl prints one JSON object per document, concatenated.
    const output = execFileSync('kubectl', ['label', '--local', '-f', path.join(fixturesDir, 'manifests', file), 'psr-', '-o', 'json'], { encoding: 'utf8' });
    const withoutLabels = (object: JsonObject) => {
      delete (object.metadata as JsonObject).labels;
      return object;
    };
    const objects = output.split(/\n(?=\{)/).map((chunk) => JSON.parse(chunk) as JsonObject);
    // kubectl prints the items of a List one by one.
    const ourObjects = loaded.documents.flatMap((d) => {
      const value = d.value as JsonObject;
      return value.kind === 'List' ? (value.items as JsonObject[]) : [value];
    });
    expect(ourObjects.map(withoutLabels)).toEqual(objects.map(withoutLabels));
  });
});
