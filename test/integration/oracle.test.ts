/**
 * The differential test against upstream itself: every file is decoded as
 * kubectl does, defaulted as the API server does and evaluated by the Pod
 * Security Admission library (test/oracle, Go), and `check` must give the
 * same answer per object: refused, or allowed with the same forbidden
 * reasons. Fed the bundled manifests, the upstream conformance fixtures at
 * their own level and version, and generated variants of each class of
 * issue 16. Skipped, saying so, where Go is not installed.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { oracleBinary, runOracle } from '../helpers/oracle.js';
import { conformanceDir, fixturesDir, repoRoot } from '../helpers/paths.js';

const oracle = oracleBinary();
if (oracle === null) console.warn('oracle.test: Go is not installed here; the differential test against upstream is skipped');

const workDir = mkdtempSync(path.join(tmpdir(), 'psr-oracle-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Answer {
  /** The API server refuses something in the file (a decoding error). */
  readonly refused: boolean;
  /** Each evaluated object: `Kind name: allowed|denied [reasons]`, sorted. */
  readonly verdicts: readonly string[];
}

/** What the engine says instead of a verdict when the API server refuses the file (or: not checked, never passed: binary, template). */
const refusingKinds = new Set(['malformed', 'invalid', 'alias-bomb', 'binary', 'template', 'too-large']);

async function ours(levelVersion: string, files: readonly string[]): Promise<Map<string, Answer>> {
  const [level = '', version = ''] = levelVersion.split(':');
  let stdout = '';
  const flags = ['--level', level, '--version', version, '--warn-level', 'privileged', '--namespace-labels', 'false', '--policy-sources', 'config', '--strict'];
  await runCli(['check', '--format', 'json', ...flags, ...files], { cwd: repoRoot, stdout: (t) => (stdout += t), stderr: () => {} });
  const report = JSON.parse(stdout) as {
    findings: { file: string; kind: string; name: string; reason: string; mode: string }[];
    errors: { file: string; kind: string }[];
    podSpecs: { file: string; kind: string; name: string; allowed: boolean }[];
  };
  const answers = new Map<string, Answer>();
  for (const file of files) {
    const mine = (f: { file: string }) => path.resolve(repoRoot, f.file) === file;
    const verdicts = report.podSpecs.filter(mine).map((p) => {
      const reasons = report.findings.filter((f) => mine(f) && f.mode === 'enforce' && f.kind === p.kind && f.name === p.name).map((f) => f.reason);
      return `${p.kind} ${p.name}: ${p.allowed ? 'allowed' : 'denied'} [${[...new Set(reasons)].sort().join(', ')}]`;
    });
    answers.set(file, { refused: report.errors.some((e) => mine(e) && refusingKinds.has(e.kind)), verdicts: verdicts.sort() });
  }
  return answers;
}

function theirs(levelVersion: string, files: readonly string[]): Map<string, Answer> {
  const results = runOracle(oracle!, levelVersion, files);
  return new Map(
    files.map((file) => {
      const mine = results.filter((r) => r.file === file);
      const verdicts = mine
        .filter((r) => r.error === undefined)
        .map((r) => `${r.kind} ${r.name}: ${r.allowed ? 'allowed' : 'denied'} [${[...new Set(r.forbidden ?? [])].sort().join(', ')}]`);
      return [file, { refused: mine.some((r) => r.error !== undefined), verdicts: verdicts.sort() }];
    }),
  );
}

async function expectSameAnswers(levelVersion: string, files: readonly string[]): Promise<void> {
  const upstream = theirs(levelVersion, files);
  const engine = await ours(levelVersion, files);
  for (const file of files) {
    const want = upstream.get(file)!;
    const got = engine.get(file)!;
    if (want.refused) expect({ file, refused: got.refused }).toEqual({ file, refused: true });
    else expect({ file, ...got }).toEqual({ file, ...want });
  }
}

/** Generated variants of each class of issue 16, with a setting that decides a verdict in each. */
function classVariants(): string[] {
  const pod = (metadata: string, spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: v\n${metadata}spec:\n${spec}`;
  const fields = ['hostPID: true', 'hostNetwork: true', 'containers: [{name: a, image: b, securityContext: {privileged: true}}]'];
  const texts: string[] = [];
  for (const field of fields) {
    const spec = `  ${field}\n${field.startsWith('containers') ? '' : '  containers: [{name: a, image: b}]\n'}`;
    // 1: a quoted annotation over lines less indented than its key.
    texts.push(pod('  annotations:\n    note: "first line\n  second line"\n', spec));
    // 5: line breaks goyaml honours.
    for (const lineBreak of ['\u0085', '\u2028', '\u2029', '\r']) texts.push(pod('', `  # note${lineBreak}  ${field}\n  containers: [{name: a, image: b}]\n`).replace('containers: [{name: a, image: b}]\n  containers', 'containers'));
    // 6: a BOM at the start of a later document.
    texts.push(`${pod('', '  containers: [{name: a, image: b}]\n').replace('name: v', 'name: first')}---\n\uFEFF${pod('', spec)}`);
    // 15.7: __proto__ is an ordinary key.
    texts.push(pod('  __proto__: {namespace: kube-system}\n', `  __proto__: {hostPID: true}\n${spec}`));
  }
  // 2: unknown keys in a volume.
  for (const extra of ['fooBar: {}', '$patch: delete', 'hostPath: null', 'hostPath: {path: /}']) {
    texts.push(pod('', `  containers: [{name: a, image: b}]\n  volumes:\n  - name: v\n    ${extra}\n`));
  }
  // 7: tags.
  for (const value of ['!!bool "true"', '!!bool "false"', '!!bool "foo"', '!!str true', '!!int "0"', 'true']) {
    texts.push(pod('', `  containers: [{name: a, image: b, securityContext: {privileged: ${value}, runAsUser: !!int "0"}}]\n  hostIPC: ${value}\n`));
  }
  texts.push(pod('', '  containers: [{name: a, image: b, env: !!omap [{name: A}], securityContext: {privileged: true}}]\n'));
  // 3: wrong types where no check looks.
  for (const field of ['env: [{name: X, value: true}]', 'resources: {limits: {cpu: "${CPU}"}}', 'resources: {limits: {cpu: 1.5, memory: 1Gi}}', 'livenessProbe: {periodSeconds: "10"}']) {
    texts.push(pod('', `  hostPID: true\n  containers:\n  - name: a\n    image: b\n    ${field}\n`));
  }
  // Defaulting: a hostNetwork Pod's ports get hostPort.
  texts.push(pod('', '  hostNetwork: true\n  containers: [{name: a, image: b, ports: [{containerPort: 80}]}]\n'));
  return texts.map((text, i) => {
    const file = path.join(workDir, `variant${i}.yaml`);
    writeFileSync(file, text);
    return file;
  });
}

describe.skipIf(oracle === null)('check agrees with upstream (kubectl decoding, API-server defaulting, the PSA library)', () => {
  const manifests = readdirSync(path.join(fixturesDir, 'manifests'))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => path.join(fixturesDir, 'manifests', f));

  it.each(['baseline:latest', 'restricted:latest'])('on the bundled manifests at %s', async (levelVersion) => {
    await expectSameAnswers(levelVersion, manifests);
  });

  it.each(['baseline:latest', 'restricted:latest', 'baseline:v1.0', 'restricted:v1.24'])('on generated variants of each class at %s', async (levelVersion) => {
    await expectSameAnswers(levelVersion, classVariants());
  });

  it('on every upstream conformance fixture, at its own level and version', async () => {
    for (const level of ['baseline', 'restricted']) {
      for (const version of readdirSync(path.join(conformanceDir, level))) {
        const dir = path.join(conformanceDir, level, version);
        const files = ['pass', 'fail'].flatMap((outcome) => {
          const sub = path.join(dir, outcome);
          try {
            return readdirSync(sub).map((f) => path.join(sub, f));
          } catch {
            return [];
          }
        });
        if (files.length > 0) await expectSameAnswers(`${level}:${version}`, files);
      }
    }
  }, 600_000);
});
