/**
 * `check` over worker threads (src/io/checkWorkers.ts) gives the in-process
 * report exactly: same findings, fixes, problems and order. The workers run
 * the CLI bundle, as they do for users (npm run bundle first; CI does).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../src/findings/evaluateFiles.js';
import type { SourceFile } from '../../src/findings/evaluateFiles.js';
import { policyContext } from '../../src/findings/policyContext.js';
import { checkUsage, defaultJobs } from '../../src/cli/check.js';
import { evaluateFilesInWorkers } from '../../src/io/checkWorkers.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';

const bundle = pathToFileURL(path.join(repoRoot, 'dist/cli.js'));

/** Every manifest under fixtures/ except the conformance corpus: Namespaces, bad files, every workload kind. */
function fixtureFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pss-conformance') walk(full);
      } else if (/\.(ya?ml|json)$/.test(name)) {
        out.push({ path: path.relative(repoRoot, full), content: readFileSync(full) });
      }
    }
  };
  walk(fixturesDir);
  return out;
}

describe('check over worker threads', () => {
  const files = fixtureFiles();
  const policy = policyContext('2026-11-23');

  it('reports exactly what the in-process pipeline reports, one file per chunk over three workers', async () => {
    expect(files.length).toBeGreaterThan(50);
    for (const fixes of [false, true]) {
      const expected = evaluateFiles(files, { policy, fixes });
      expect(expected.findings.length).toBeGreaterThan(100);
      expect(expected.errors.length).toBeGreaterThan(3);
      const actual = await evaluateFilesInWorkers(files, { policy, fixes }, { jobs: 3, script: bundle, chunkBytes: 1 });
      expect(actual).toEqual(expected);
    }
  });

  it('says so when a worker stops before its files are evaluated', async () => {
    const quits = new URL('data:text/javascript,process.exit(7)');
    await expect(evaluateFilesInWorkers(files, { policy }, { jobs: 2, script: quits })).rejects.toThrow('a check worker stopped (exit status 7) before its files were evaluated');
  });

  it('is what the CLI does with --jobs, byte for byte', () => {
    // Workers evaluate plain files; the charts and overlays among the fixtures are rendered in the main thread either way.
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'check', '--render', 'off', ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    // Every fixture but the corpus, and the corpus of one version: its other versions repeat
    // the same texts, and the in-process test above already holds workers to the pipeline
    // file by file.
    const notCorpus = readdirSync(fixturesDir).filter((name) => name !== 'pss-conformance' && statSync(path.join(fixturesDir, name)).isDirectory()).map((name) => `fixtures/${name}`);
    const paths = [...notCorpus, 'fixtures/pss-conformance/baseline/v1.37', 'fixtures/pss-conformance/restricted/v1.37'];
    for (const format of ['text', 'json']) {
      const inProcess = run('--format', format, '--jobs', '1', ...paths);
      const threads = run('--format', format, '--jobs', '2', ...paths);
      expect(inProcess.status).toBe(1);
      expect(threads.status).toBe(1);
      expect(threads.stdout).toBe(inProcess.stdout);
      expect(threads.stderr).toBe(inProcess.stderr);
    }
  });

  it('starts workers by default only where they pay: 16 MiB, or a third of that with fixes, on three cores or more', () => {
    const MiB = 1024 * 1024;
    expect(defaultJobs(15.9 * MiB, false, 4)).toBe(0);
    expect(defaultJobs(16 * MiB, false, 4)).toBe(4);
    expect(defaultJobs(5.3 * MiB, true, 3)).toBe(0);
    expect(defaultJobs(5.4 * MiB, true, 3)).toBe(3);
    // Two cores: two workers are at most a tenth sooner, for far more CPU and memory.
    expect(defaultJobs(100 * MiB, false, 2)).toBe(0);
    expect(defaultJobs(100 * MiB, true, 2)).toBe(0);
    expect(defaultJobs(100 * MiB, true, 1)).toBe(0);
  });

  it('says in its help the thresholds it uses', () => {
    expect(checkUsage.replace(/\s+/g, ' ')).toContain('on 3 cores or more, one per core from 16 MiB of input (about 5.3 MiB with --format json), else none');
  });

  it('refuses a --jobs that is not a whole number of threads', () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'check', '--jobs', '0', 'fixtures/examples'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--jobs: must be a whole number of worker threads, 1 or more (1: no workers)');
  });
});
