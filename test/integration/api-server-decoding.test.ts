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
