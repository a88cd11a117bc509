/**
 * Inputs that real repositories contain and that the API server reads
 * differently from a naive YAML reader (issue 16): each class is checked
 * end to end with `check`, and, where the difference is in decoding, against
 * the real kubectl on this machine (the reference decoder, as in
 * kubectl-decoding.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { fixText } from '../../src/fixes/fixFile.js';
import { loadManifestFile } from '../../src/manifests/load.js';
import type { JsonObject, JsonValue } from '../../src/pss/types.js';
import { repoRoot } from '../helpers/paths.js';

const workDir = mkdtempSync(path.join(tmpdir(), 'psr-decoding-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let counter = 0;

function writeCase(text: string | Uint8Array, extension = 'yaml'): string {
  const file = path.join(workDir, `case${counter++}.${extension}`);
  writeFileSync(file, text);
  return file;
}

interface JsonReport {
  readonly findings: readonly { check: string; line: number; blocking: boolean; detail: string }[];
  readonly errors: readonly { file: string; line: number | null; message: string; kind: string }[];
  readonly podSpecs: readonly { kind: string; name: string; namespace: string | null; allowed: boolean }[];
}

/** `check --format json` on one file (or several), in process. */
async function check(files: string | readonly string[], ...flags: string[]): Promise<{ status: number; report: JsonReport }> {
  let stdout = '';
  const paths = typeof files === 'string' ? [files] : files;
  const status = await runCli(['check', '--format', 'json', ...flags, ...paths], { cwd: repoRoot, stdout: (t) => (stdout += t), stderr: () => {} });
  return { status, report: JSON.parse(stdout) as JsonReport };
}

/** What kubectl sends to the API server for each object of a file, or its error. */
function kubectl(file: string): { ok: true; objects: JsonObject[] } | { ok: false; error: string } {
  const result = spawnSync('kubectl', ['label', '--local', '-f', file, 'psr-', '-o', 'json'], { encoding: 'utf8' });
  if (result.status !== 0) return { ok: false, error: result.stderr };
  const objects = result.stdout
    .split(/\n(?=\{)/)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => JSON.parse(chunk) as JsonObject);
  // The one change kubectl makes: it adds metadata.labels when absent.
  for (const object of objects) {
    const metadata = object.metadata as JsonObject;
    if (JSON.stringify(metadata.labels) === '{}') delete metadata.labels;
  }
  return { ok: true, objects };
}

/** Our decoded documents, with the same normalisation. */
function ours(file: string, content: string | Uint8Array): JsonValue[] {
  const loaded = loadManifestFile(file, content);
  expect(loaded.problems).toEqual([]);
  return loaded.documents.map((d) => {
    const value = structuredClone(d.value) as JsonObject;
    const metadata = value.metadata as JsonObject | undefined;
    if (metadata && JSON.stringify(metadata.labels) === '{}') delete metadata.labels;
    return value;
  });
}

function expectKubectlAgrees(text: string | Uint8Array): void {
  const file = writeCase(text);
  const theirs = kubectl(file);
  expect(theirs.ok, theirs.ok ? '' : theirs.error).toBe(true);
  expect(ours(file, text)).toEqual(theirs.ok ? theirs.objects : null);
}

const header = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';

describe('class 2: unknown keys inside a volume', () => {
  it.each([
    ['an unknown key', 'fooBar: {}'],
    ['a Kustomize $patch marker', '$patch: delete'],
    ['a null source', 'hostPath: null'],
  ])('a volume with only a name and %s is an emptyDir, as the API server defaults it', async (_name, extra) => {
    const file = writeCase(`${header}spec:\n  containers: [{name: a, image: b}]\n  volumes:\n  - name: v\n    ${extra}\n`);
    const { report } = await check(file, '--level', 'restricted');
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => f.check)).not.toContain('restrictedVolumes');
  });

  it('a restricted source next to an unknown key is still reported by its type', async () => {
    const file = writeCase(`${header}spec:\n  containers: [{name: a, image: b}]\n  volumes:\n  - name: v\n    fooBar: {}\n    hostPath: {path: /}\n`);
    const { report } = await check(file, '--level', 'restricted');
    expect(report.findings.find((f) => f.check === 'restrictedVolumes')?.detail).toBe('volume "v" uses restricted volume type "hostPath"');
  });
});

describe('class 4: Namespace labels and duplicate Namespaces', () => {
  const namespace = (enforce: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: ${enforce}\n`;
  const privilegedPod = `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers: [{name: a, image: b, securityContext: {privileged: true}}]\n`;

  it('with --namespace-labels false, Namespace manifests are not read: no conflict, no invalid label, exit 0', async () => {
    const files = [writeCase(namespace('baseline')), writeCase(namespace('restricted')), writeCase(namespace('bogus')), writeCase(privilegedPod)];
    const { status, report } = await check(files, '--level', 'privileged', '--warn-level', 'privileged', '--namespace-labels', 'false');
    expect(report.errors).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.podSpecs).toMatchObject([{ kind: 'Pod', namespace: 'shop', allowed: true }]);
    expect(status).toBe(0);
  });

  it('with labels on, a duplicate Namespace with other labels is a warning naming both files, not a failure', async () => {
    const first = writeCase(namespace('privileged'));
    const second = writeCase(namespace('privileged\n    team: x'));
    const third = writeCase(namespace('baseline'));
    const { status, report } = await check([first, second, third], '--level', 'privileged');
    expect(report.errors).toEqual([
      {
        file: third,
        line: 5,
        kind: 'namespace-conflict',
        message: expect.stringMatching(new RegExp(`defined in ${first}:5 and in ${third}:5 .*applied last`)),
      },
    ]);
    expect(status).toBe(0);
  });

  it('prints the conflict as a warning in the text report', async () => {
    let stdout = '';
    const files = [writeCase(namespace('privileged')), writeCase(namespace('baseline'))];
    const status = await runCli(['check', '--level', 'privileged', ...files], { cwd: repoRoot, stdout: (t) => (stdout += t), stderr: () => {} });
    expect(stdout).toMatch(/:5: warning: Namespace shop is defined in /);
    expect(stdout).not.toMatch(/error:/);
    expect(status).toBe(0);
  });
});

describe('class 5: line breaks goyaml honours', () => {
  it.each([
    ['NEL (U+0085)', '\u0085'],
    ['LINE SEPARATOR (U+2028)', '\u2028'],
    ['PARAGRAPH SEPARATOR (U+2029)', '\u2029'],
    ['a lone CR', '\r'],
  ])('%s ends a comment: the field after it is read, on its physical line', async (_name, lineBreak) => {
    const text = `${header}spec:\n  # note${lineBreak}  hostPID: true\n  containers: [{name: a, image: b}]\n`;
    expectKubectlAgrees(text);
    const { status, report } = await check(writeCase(text), '--level', 'baseline');
    expect(report.findings.filter((f) => f.blocking).map((f) => [f.check, f.line])).toEqual([['hostNamespaces', 6]]);
    expect(status).toBe(1);
  });

  it('a file of lone CRs reads like its CRLF twin', () => {
    const text = `${header}spec:\n  hostPID: true\n  containers:\n  - name: a\n    image: b\n`;
    expectKubectlAgrees(text.replaceAll('\n', '\r'));
    expect(ours('cr.yaml', text.replaceAll('\n', '\r'))).toEqual(ours('crlf.yaml', text.replaceAll('\n', '\r\n')));
  });

  it('a NEL inside a quoted scalar folds like a line break', () => {
    expectKubectlAgrees(`${header}  annotations:\n    note: "a\u0085      b"\nspec:\n  containers: [{name: a, image: b}]\n`);
  });
});

describe('class 6: a byte-order mark at the start of a later document', () => {
  const privileged = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  hostPID: true\n  containers: [{name: a, image: b}]\n';
  it.each([
    ['after ---', `${header}spec: {}\n---\n\uFEFF${privileged}`],
    ['after --- and a comment on the marker line', `${header}spec: {}\n--- # next\n\uFEFF${privileged}`],
    ['after --- with CRLF', `${header}spec: {}\n---\r\n\uFEFF${privileged.replaceAll('\n', '\r\n')}`],
    ['before a comment', `${header}spec: {}\n---\n\uFEFF# the pod\n${privileged}`],
    ['at the start of the file and after ---', `\uFEFF${header}spec: {}\n---\n\uFEFF${privileged}`],
  ])('%s: the BOM is dropped and the Pod is checked', async (_name, text) => {
    expectKubectlAgrees(text);
    const { report } = await check(writeCase(text), '--level', 'baseline');
    expect(report.podSpecs.map((p) => p.name)).toEqual(['p', 'x']);
    expect(report.findings.filter((f) => f.blocking).map((f) => [f.check, f.line])).toEqual([['hostNamespaces', text.slice(0, text.indexOf('hostPID')).split('\n').length]]);
  });

  it('a BOM that does not start a document is a character of a key, as for kubectl', () => {
    expectKubectlAgrees(`${header}spec: {}\n---\n# the pod\n\uFEFFapiVersion: v1\nkind: Pod\nmetadata: {name: x}\n`);
  });
});

describe('lines kubectl refuses while it cuts a file into documents, which a YAML reader accepts', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  hostPID: true\n  containers: [{name: a, image: b}]\n';
  it.each([
    ['a tag after ---', `--- !!map\n${pod}`, 1, 'invalid document separator "--- !!map"'],
    ['a flow mapping after ---', `${header}spec: {}\n--- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n`, 6, 'invalid document separator "--- {apiVersion'],
    ['a %YAML directive', `%YAML 1.1\n---\n${pod}`, 1, 'a YAML directive'],
    ['a %TAG directive after a comment', `# pods\n%TAG !e! tag:example.com,2000:\n---\n${pod}`, 2, 'a YAML directive'],
    ['a document end that opens the file', `...\n${pod}`, 1, 'a document end (...) with no document before it'],
    ['a document end after --- and a comment', `${pod}---\n# nothing\n...\n`, 9, 'a document end (...) with no document before it'],
  ])('%s: malformed, at its line', (_name, text, line, message) => {
    const theirs = kubectl(writeCase(text));
    expect(theirs.ok).toBe(false);
    expect(loadManifestFile('case.yaml', text).problems).toEqual([{ file: 'case.yaml', line, kind: 'malformed', message: expect.stringContaining(message) }]);
  });

  it.each([
    ['blanks after ---', `---  \t\n${pod}`],
    ['a comment after ---', `--- # the pod\n${pod}`],
    ['--- with CRLF', `---\r\n${pod.replaceAll('\n', '\r\n')}`],
    ['a %TAG directive after a document end (kubectl reads the first document of each piece)', `${pod}...\n%TAG !e! tag:example.com,2000:\n---\n${pod}`],
  ])('%s: read as kubectl reads it', (_name, text) => {
    expectKubectlAgrees(text);
  });
});

describe('documents kubectl never reads: after a document end (...) with no --- line', () => {
  const pod = (name: string, spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n${spec}  containers: [{name: a, image: b}]\n`;

  it.each([
    ['a document after ...', `${pod('one', '')}...\n${pod('two', '  hostPID: true\n')}`, 7],
    ['after ... and a comment, then a third piece that --- opens', `${pod('one', '')}... # end\n# more\n${pod('two', '  hostPID: true\n')}---\n${pod('three', '')}`, 8],
  ])('%s: kubectl sends only the others, and so do we: the document is not checked, and a warning says why', async (_name, text, line) => {
    const file = writeCase(text);
    const theirs = kubectl(file);
    expect(theirs.ok, theirs.ok ? '' : theirs.error).toBe(true);
    const names = theirs.ok ? theirs.objects.map((o) => (o.metadata as JsonObject).name) : [];
    expect(names).not.toContain('two');
    const { status, report } = await check(file, '--level', 'baseline');
    expect(report.podSpecs.map((p) => p.name)).toEqual(names);
    expect(report.findings.filter((f) => f.blocking)).toEqual([]);
    expect(report.errors).toEqual([{ file: expect.stringContaining(path.basename(file)), line, kind: 'skipped-document', message: expect.stringContaining('kubectl never applies this document') }]);
    // A warning about a checked file: it does not fail the run.
    expect(status).toBe(0);
  });
});

describe('encodings kubectl reads: UTF-16 with a byte-order mark, and bytes that are not UTF-8', () => {
  const privileged = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations: {note: "NOTE"}\nspec:\n  hostPID: true\n  containers: [{name: a, image: b}]\n';
  const utf16le = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const utf16be = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
  /** The manifest with `bytes` written raw where NOTE is, and after a comment of them. */
  const withBytes = (bytes: readonly number[]) => {
    const [before, after] = privileged.split('NOTE') as [string, string];
    return new Uint8Array(Buffer.concat([Buffer.from('# caf'), Buffer.from(bytes), Buffer.from(`\n${before}`), Buffer.from(bytes), Buffer.from(after)]));
  };

  it.each([
    ['UTF-16, little endian, YAML', utf16le(privileged)],
    ['UTF-16, big endian, YAML', utf16be(privileged)],
    ['UTF-16, two documents', utf16le(`${header}spec: {}\n---\n${privileged}`)],
    ['UTF-16, JSON', utf16le(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { hostPID: true, containers: [{ name: 'a', image: 'b' }] } }))],
    ['a Latin-1 é', withBytes([0xe9])],
    ['a sequence cut short (one U+FFFD for both bytes)', withBytes([0xe2, 0x82])],
    ['a surrogate, an overlong form and a code point past U+10FFFF', withBytes([0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xf4, 0x90, 0x80, 0x80])],
    ['lone continuation bytes', withBytes([0x80, 0xbf])],
  ])('%s: decoded as kubectl decodes it, and its Pod is checked', async (_name, bytes) => {
    expectKubectlAgrees(bytes);
    const { report } = await check(writeCase(bytes), '--level', 'baseline');
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((f) => f.blocking).map((f) => f.check)).toEqual(['hostNamespaces']);
  });

  it('a fix is not written into such a file: each finding says why', async () => {
    const { report } = await check(writeCase(utf16le(privileged)), '--level', 'baseline');
    expect((report.findings[0] as unknown as { fix: unknown; fixNote: string }).fix).toBeNull();
    expect((report.findings[0] as unknown as { fixNote: string }).fixNote).toMatch(/^No suggestion: the file is not UTF-8 as written \(it is UTF-16/);
  });
});

describe('class 7: tags and odd scalars', () => {
  const container = (fields: string) => `${header}spec:\n  containers:\n  - name: a\n    image: b\n    ${fields}\n`;

  it('a standard tag decides the type of a quoted scalar: !!bool "true", !!int "0"', async () => {
    const text = container('securityContext: {privileged: !!bool "true", runAsUser: !!int "0", runAsNonRoot: !!bool "false"}');
    expectKubectlAgrees(text);
    const { report } = await check(writeCase(text), '--level', 'restricted');
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => f.check)).toEqual(expect.arrayContaining(['privileged', 'runAsUser', 'runAsNonRoot']));
  });

  it.each([
    ['!!omap', 'env: !!omap [{name: A, value: x}, {name: B}]'],
    ['!!omap in block style', 'env: !!omap\n    - name: A\n    - name: B'],
    ['!!pairs', 'env: !!pairs [{name: A}]'],
    ['!!set', 'x: !!set {a, b}'],
    ['!!seq and !!map', 'env: !!seq [!!map {name: A}]'],
    ['!!float, !!null, !!str', 'x: [!!float "1", !!float 2.5, !!null "", !!str 12, !!str yes]'],
    ['!!binary', 'x: !!binary aGVsbG8='],
    ['!!timestamp', 'x: !!timestamp 2001-12-14'],
    ['custom tags on collections', 'x: !foo {a: 1}\n    y: !bar [1]'],
  ])('%s reads as kubectl reads it, and the document keeps its findings', async (_name, fields) => {
    const text = container(`${fields}\n    securityContext: {privileged: true}`);
    expectKubectlAgrees(text);
    const { report } = await check(writeCase(text), '--level', 'baseline');
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((f) => f.blocking).map((f) => f.check)).toEqual(['privileged']);
  });

  it.each([
    ['!!bool "foo"', 'securityContext: {privileged: !!bool "foo"}', 'cannot decode !!str `foo` as a !!bool'],
    ['!!int 1.5', 'securityContext: {runAsUser: !!int 1.5}', 'cannot decode !!float `1.5` as a !!int'],
    ['!!null x', 'x: !!null x', 'cannot decode !!str `x` as a !!null'],
    ['!!binary that is not base64', 'x: !!binary "not base64!"', '!!binary value contains invalid base64 data'],
  ])('a value not of its tag\'s type (%s) is refused, as kubectl refuses it', async (_name, fields, message) => {
    const file = writeCase(container(fields));
    expect(kubectl(file).ok).toBe(false);
    const { status, report } = await check(file);
    expect(report.errors).toEqual([{ file, line: 9, kind: 'invalid', message }]);
    expect(status).toBe(1);
  });

  it('a JSON file with a // comment is refused, as kubectl refuses it, with its line', async () => {
    const file = writeCase('{"apiVersion": "v1", "kind": "Pod",\n  // the pod\n  "metadata": {"name": "p"}, "spec": {"hostPID": true}}\n', 'json');
    expect(kubectl(file).ok).toBe(false);
    const { status, report } = await check(file);
    expect(report.errors).toEqual([{ file, line: 2, kind: 'malformed', message: expect.stringContaining('not valid JSON (kubectl reads a file that starts with "{" as JSON)') }]);
    expect(status).toBe(1);
  });

  it.each([
    ['a trailing comma', '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},}\n'],
    ['a YAML 1.1 boolean', '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostPID": yes}}\n'],
    ['a list after an object', '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}\n[1]\n'],
  ])('JSON with %s is refused by both', (_name, text) => {
    const file = writeCase(text, 'json');
    expect(kubectl(file).ok).toBe(false);
    expect(loadManifestFile(file, text).problems).toMatchObject([{ kind: 'malformed' }]);
  });

  describe('a stream of JSON objects, which kubectl reads one after another', () => {
    const pod = (name: string, spec: object = {}) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { ...spec, containers: [{ name: 'a', image: 'b' }] } });
    const pretty = (name: string, spec: object = {}) => JSON.stringify(JSON.parse(pod(name, spec)), null, 2);

    it.each([
      ['one object per line', `${pod('one')}\n${pod('two', { hostPID: true })}\n`],
      ['objects with nothing between them', `${pod('one')}${pod('two', { hostPID: true })}`],
      ['pretty-printed objects, blanks and tabs between them', `${pretty('one')}\n\n\t ${pretty('two', { hostPID: true })}\n${pod('three')}`],
    ])('%s: decoded as kubectl decodes them, each a document', (_name, text) => {
      expectKubectlAgrees(text);
    });

    it('each object is checked, with its findings on its own line', async () => {
      const file = writeCase(`${pod('one')}\n${pod('two', { hostPID: true })}\n`, 'json');
      const { status, report } = await check(file, '--level', 'baseline');
      expect(report.errors).toEqual([]);
      expect(report.podSpecs.map((p) => p.name)).toEqual(['one', 'two']);
      const hostPID = report.findings.filter((f) => f.blocking);
      expect(hostPID).toMatchObject([{ check: 'hostNamespaces', line: 2 }]);
      expect(status).toBe(1);
    });

    it('fix leaves such a file as it is, each finding with a note that says why and how to get a fix (objects one per line would share one suggestion)', () => {
      const text = `${pod('one')}\n${pod('two', { hostPID: true })}\n`;
      const fixed = fixText('stream.json', text, { level: 'restricted', version: 'latest' });
      expect(fixed.problems).toEqual([]);
      expect(fixed.text).toBe(text);
      const fixes = fixed.pods.flatMap((p) => p.fixes);
      expect(fixes.length).toBe(9);
      for (const fix of fixes) expect(fix).toMatchObject({ fix: null, fixNote: expect.stringContaining('several JSON objects one after another') });
    });
  });

  it('valid JSON, and YAML that merely contains braces later, still read as before', () => {
    expectKubectlAgrees('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "labels": {"a": "b"}}, "spec": {"hostPID": true}}\n');
    expectKubectlAgrees(`${header}spec: {hostPID: true}\n`);
  });

  it('very deep nesting is a clear limit naming the line, not a stack overflow', async () => {
    const depth = 2000;
    const file = writeCase(`${header}spec:\n  x: ${'['.repeat(depth)}${']'.repeat(depth)}\n  hostPID: true\n`);
    const { status, report } = await check(file);
    expect(report.errors).toEqual([{ file, line: 6, kind: 'too-large', message: expect.stringMatching(/^collections nest deeper than 500 levels.*; it was not checked$/) }]);
    // A file not checked, like one over the size limit: --unchecked decides.
    expect(status).toBe(0);
    expect((await check(file, '--unchecked', 'failure')).status).toBe(1);
  });

  it('nesting within the limit is read', () => {
    expectKubectlAgrees(`${header}spec:\n  x: ${'['.repeat(400)}${']'.repeat(400)}\n`);
  });
});

describe('issue 15 item 7: __proto__ is an ordinary key', () => {
  const deployment = (metadata: string, securityContext: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: ${metadata}\nspec:\n  selector: {matchLabels: {app: m}}\n  template:\n    metadata: {labels: {app: m}}\n    spec:\n      containers:\n      - {name: m, image: miner, securityContext: ${securityContext}}\n`;

  it('metadata: {name: miner, __proto__: {namespace: kube-system}} is in no namespace: an exempt namespace does not apply', async () => {
    const text = deployment('{name: miner, __proto__: {namespace: kube-system}}', '{privileged: true}');
    expectKubectlAgrees(text);
    const config = writeCase('exemptions:\n  namespaces: [kube-system]\n');
    const { status, report } = await check(writeCase(text), '--config', config, '--level', 'baseline');
    expect(report.podSpecs).toMatchObject([{ kind: 'Deployment', name: 'miner', namespace: null, allowed: false }]);
    expect(report.findings.filter((f) => f.blocking).map((f) => f.check)).toEqual(['privileged']);
    expect(status).toBe(1);
  });

  it('securityContext: {__proto__: {privileged: true}} sets nothing: no finding', async () => {
    const text = deployment('{name: miner}', '{__proto__: {privileged: true}}');
    expectKubectlAgrees(text);
    const { status, report } = await check(writeCase(text), '--level', 'baseline');
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((f) => f.blocking)).toEqual([]);
    expect(status).toBe(0);
  });

  it('on both read paths (the yaml path reads files with anchors), and other Object.prototype names are unknown fields too', async () => {
    const text = `${header}  labels: &l {a: b}\n  __proto__: {namespace: kube-system}\nspec:\n  containers: [{name: a, image: b, securityContext: {__proto__: {privileged: true}, constructor: 1, toString: x}}]\n`;
    expectKubectlAgrees(text);
    const [pod] = ours('anchors.yaml', text) as JsonObject[];
    expect((pod!.metadata as JsonObject).namespace).toBeUndefined();
    const { status, report } = await check(writeCase(text), '--level', 'baseline');
    expect(report.errors).toEqual([]);
    expect(report.podSpecs).toMatchObject([{ namespace: null, allowed: true }]);
    expect(status).toBe(0);
  });
});

describe('class 1: quoted scalars and flow collections less indented than their key', () => {
  const pod = (metadataTail: string) => `${header}  annotations:\n${metadataTail}\nspec:\n  hostPID: true\n  containers: [{name: a, image: b}]\n`;
  it.each([
    ['a double-quoted scalar', '    note: "first line\n  second line"'],
    ['a double-quoted scalar down to column 0', '    note: "first line\nsecond line"'],
    ['a single-quoted scalar', "    note: 'it''s\n  long'\n    other: x"],
    ['an escaped line break and an empty line', '    note: "first line\n\n   second line \\\n third"'],
    ['a quote inside a plain scalar, a comment and a block scalar first', "    plain: don't \"stop\" # it's\n    block: |\n      \"not a quote\n    note: \"x\n  y\""],
  ])('%s: read as kubectl reads it, every finding on its line', async (_name, tail) => {
    const text = pod(tail);
    expectKubectlAgrees(text);
    const { status, report } = await check(writeCase(text), '--level', 'baseline');
    expect(report.errors).toEqual([]);
    const hostPidLine = text.slice(0, text.indexOf('hostPID')).split('\n').length;
    expect(report.findings.filter((f) => f.blocking).map((f) => [f.check, f.line])).toEqual([['hostNamespaces', hostPidLine]]);
    expect(status).toBe(1);
  });

  it.each([
    ['a flow sequence with a quoted item', '  seq: [ "a\n b",\n c ]'],
    ['a flow mapping', '  flow: {a: b,\n c: "d\n e"}'],
  ])('%s under spec: read as kubectl reads it', (_name, field) => {
    expectKubectlAgrees(`${header}spec:\n  containers: [{name: a, image: b}]\n  x:\n  ${field}\n`);
  });

  it('a Pod after such a document is found, and the fix applies to the right lines', async () => {
    const text = `${pod('    note: "first line\n  second line"')}---\n${header}spec:\n  hostIPC: true\n  containers: [{name: a, image: b}]\n`;
    expectKubectlAgrees(text);
    const file = writeCase(text);
    let stdout = '';
    const status = await runCli(['fix', '--level', 'baseline', '--warn-level', 'baseline', file], { cwd: repoRoot, stdout: (t) => (stdout += t), stderr: () => {} });
    expect(status, stdout).toBe(0);
    const fixed = kubectl(file);
    expect(fixed.ok && fixed.objects.map((o) => (o.spec as JsonObject).hostPID ?? (o.spec as JsonObject).hostIPC)).toEqual([false, false]);
    expect(fixed.ok && (fixed.objects[0]!.metadata as JsonObject).annotations).toEqual({ note: 'first line second line' });
  });

  it('a quoted key over two lines is refused by both', () => {
    const text = `${header}spec:\n  containers: [{name: a, image: b}]\n  x:\n    "quoted\n key": 1\n`;
    expect(kubectl(writeCase(text)).ok).toBe(false);
    expect(loadManifestFile('key.yaml', text).problems).toMatchObject([{ kind: 'malformed' }]);
  });

  it('a genuine syntax error is still reported', async () => {
    const file = writeCase(pod('    note: "never closed\n  still open'));
    expect(kubectl(file).ok).toBe(false);
    const { report } = await check(file);
    expect(report.errors).toMatchObject([{ kind: 'malformed', message: 'malformed YAML: Missing closing "quote' }]);
  });
});

describe('a pod kind in the wrong API group', () => {
  it.each([
    ['Pod', 'apps/v1', 'v1'],
    ['Deployment', 'v1', 'apps/v1'],
    ['CronJob', 'apps/v1', 'batch/v1'],
    ['Job', 'networking.k8s.io/v1', 'batch/v1'],
  ])('%s in %s is a notice naming the file and line, never a silent pass', async (kind, apiVersion, home) => {
    const file = writeCase(`# ${kind}\napiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: w}\nspec:\n  hostPID: true\n  containers: [{name: a, image: b}]\n`);
    const { status, report } = await check(file, '--level', 'baseline');
    expect(report.errors).toEqual([
      { file, line: 2, kind: 'wrong-group', message: `kind ${kind} is not served by apiVersion ${apiVersion} (it is in ${home}); the API server would refuse this object, and it was not checked` },
    ]);
    expect(status).toBe(0);
  });

  it('a custom resource that reuses a name in its own group is none of our business', async () => {
    const { report } = await check(writeCase('apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: {name: j}\nspec: {tasks: []}\n'));
    expect(report.errors).toEqual([]);
  });
});

describe('class 3: a wrong type anywhere in a pod-bearing object', () => {
  const deployment = (replicas: string, container: string, volume = '{name: v, emptyDir: {}}') =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, creationTimestamp: null}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      terminationGracePeriodSeconds: 30\n      containers:\n      - name: a\n        image: b\n        ${container}\n      volumes:\n      - ${volume}\n`;

  it.each([
    ['env[].value: true', '3', 'env: [{name: X, value: true}]', undefined, 14, 'spec.template.spec.containers[0].env[0].value: expected a string, found the boolean true (YAML 1.1 reads this unquoted value as a non-string; quote it)'],
    ['replicas: ($x)', '($x)', 'ports: [{containerPort: 80}]', undefined, 5, 'spec.replicas: expected a 32-bit integer, found the string "($x)"'],
    ['a LUN that is a note to the reader', '3', 'ports: [{containerPort: 80}]', '{name: v, iscsi: {targetPortal: p, iqn: q, lun: <ADD LUN ID Here>}}', 17, 'spec.template.spec.volumes[0].iscsi.lun: expected a 32-bit integer, found the string "<ADD LUN ID Here>"'],
    ['a quoted integer', '"3"', 'ports: [{containerPort: 80}]', undefined, 5, 'spec.replicas: expected a 32-bit integer, found the string "3" (remove the quotes)'],
    ['a port name that is not a string', '3', 'livenessProbe: {httpGet: {port: [80]}}', undefined, 14, 'spec.template.spec.containers[0].livenessProbe.httpGet.port: expected an integer or a string, found a list'],
    ['a time that is not RFC 3339', '3', 'ports: [{containerPort: 80}]', '{name: v, emptyDir: {}}\nstatus: {conditions: [{type: Available, status: "True", lastUpdateTime: yesterday}]}', 18, 'status.conditions[0].lastUpdateTime: expected a time (RFC 3339, such as 2024-01-31T12:00:00Z), found the string "yesterday"'],
  ])('%s is invalid, with the field path, the type expected and the line; the object is not evaluated', async (_name, replicas, container, volume, line, message) => {
    const file = writeCase(deployment(replicas, `${container}\n        securityContext: {privileged: true}`, volume));
    const { status, report } = await check(file, '--level', 'baseline');
    expect(report.errors).toEqual([{ file, line, kind: 'invalid', message: `${message}; the API server would reject this object` }]);
    expect(report.podSpecs).toEqual([]);
    expect(status).toBe(1);
  });

  it("a quantity that is a variable Flux's postBuild or envsubst substitutes is a template, named with its field; the object is not evaluated", async () => {
    // No one writes `cpu: ${CPU}` for the API server: a tool substitutes it before the object reaches the cluster.
    const file = writeCase(deployment('3', 'resources: {limits: {cpu: "${CPU}"}}\n        securityContext: {privileged: true}'));
    const { status, report } = await check(file, '--level', 'baseline');
    expect(report.errors).toEqual([
      {
        file,
        line: 14,
        kind: 'template',
        message: "spec.template.spec.containers[0].resources.limits.cpu is `${CPU}`, a variable substituted before the cluster reads the object (Flux's postBuild, envsubst): substitute it first, then check the output",
      },
    ]);
    expect(report.podSpecs).toEqual([]);
    // Not checked, which the default `unchecked: neutral` does not fail.
    expect(status).toBe(0);
  });

  it('values of the right types pass: quantities, int-or-strings, null times, unknown fields', async () => {
    const container =
      'resources: {limits: {cpu: 500m, memory: 1Gi, nvidia.com/gpu: 1}, requests: {cpu: 0.5, memory: 128974848, ephemeral-storage: 1.5e3, hugepages-2Mi: "+1Ki"}}\n' +
      '        ports: [{name: http, containerPort: 8080, hostPort: 0}]\n        livenessProbe: {httpGet: {port: http, path: /}, periodSeconds: 10}\n        readinessProbe: {tcpSocket: {port: 8080}}\n' +
      '        unknownField: [1, {x: y}]\n        securityContext: {privileged: true}';
    const { report } = await check(writeCase(deployment('3', container)), '--level', 'baseline');
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((f) => f.blocking).map((f) => f.check)).toEqual(['privileged']);
  });
});
