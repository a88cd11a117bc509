// Smoke test of the benchmark harness (bench/): run it as `npm run bench`
// does, on the smallest input, and check that it writes a well-formed
// results file with every stage present. No timing assertions: only shapes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/report.js';
import { repoRoot } from '../helpers/paths.js';

const tiny = [
  '--quick',
  '--files', '3',
  '--docs', '4',
  '--changed-percent', '50',
  '--pr-files', '2',
  '--pr-base-files', '3',
  '--pr-docs', '2',
  '--scale-base', '2',
  '--scale-factors', '1,2',
  '--runs', '1',
  '--cold-runs', '2',
  '--list-sizes', '2,3',
];

const summary = expect.objectContaining({ median: expect.any(Number), min: expect.any(Number), max: expect.any(Number), runs: expect.any(Array) });

describe('npm run bench', () => {
  let dir: string;
  let status: number | null;
  let stdout = '';
  let stderr = '';
  let results: BenchResults;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'psr-bench-test-'));
    const out = path.join(dir, 'latest.json');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/run.ts'), ...tiny, '--out', out], { cwd: repoRoot });
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and prints the markdown report', () => {
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('| Stage | median | min | max | pod specs/s | × stage 1 | peak RSS |');
    expect(stdout).toContain('### Stage 5: API requests by endpoint');
    expect(stdout).toContain('### Targets');
  });

  it('describes the generated input', () => {
    expect(results.schema).toBe(1);
    expect(results.inputs.reference.base).toMatchObject({ files: 3, podSpecs: 6 });
    expect(results.inputs.reference.head?.changedFiles).toBeGreaterThan(0);
    expect(results.inputs.pullRequest?.head?.changedFiles).toBe(2);
  });

  it('has stages 1 to 4 measured, with throughput, ratio and peak RSS', () => {
    for (const name of ['parse', 'check'] as const) {
      expect(results.stages[name]).toMatchObject({ status: 'measured', ms: summary, cpuMs: summary, podSpecs: 6, podSpecsPerSecond: expect.any(Number), ratioToParse: expect.any(Number), peakRssMb: expect.any(Number) });
    }
    // Stage 3 is stage 2 with fixes.
    expect(results.stages.fixes).toMatchObject({ status: 'measured', ms: summary, cpuMs: summary, podSpecs: 6, counts: expect.objectContaining({ withFix: expect.any(Number) }) });
    expect(results.stages.diff).toMatchObject({ status: 'measured', git: summary, evaluate: summary, total: summary, parseFloor: summary, evaluatedPodSpecs: expect.any(Number), peakRssMb: expect.any(Number) });
  });

  it('has stage 5 with request counts by endpoint and the formula check', () => {
    const action = results.stages.action;
    expect(action.status).toBe('measured');
    if (action.status !== 'measured') return;
    expect(action.pr.files).toBe(2);
    expect(action.emulatorProblems).toEqual([]);
    expect(action.unexpectedRequests).toBe(0);
    for (const run of [action.first, action.rerun]) {
      expect(run).toMatchObject({ wall: summary, notWaiting: summary, waiting: summary, apiInFlight: summary, cpu: summary });
      expect(run.requests.byEndpoint['GET /pulls/{pull_number}']).toBe(1);
      expect(run.requests.total).toBe(Object.values(run.requests.byEndpoint).reduce((a, b) => a + b, 0));
      expect(run.economy.terms.length).toBeGreaterThan(0);
      expect(run.economy.actual).toBe(run.requests.total);
    }
    // A re-run on the same head posts no second review.
    expect(action.rerun.requests.byEndpoint['POST /pulls/{pull_number}/reviews'] ?? 0).toBe(0);
  });

  it('has the render cost per root beside its evaluation cost (or says why not)', () => {
    const render = results.render;
    if (render.status !== 'measured') {
      expect(render).toMatchObject({ status: 'skipped', reason: expect.any(String) });
      return;
    }
    for (const root of render.roots) expect(root).toMatchObject({ tool: expect.any(String), root: expect.any(String), podSpecs: expect.any(Number), render: summary, evaluate: summary });
    expect(render.roots.length + render.skipped.length).toBeGreaterThan(0);
    if (render.roots.length > 0) expect(stdout).toContain('### Rendering: cost per root beside its evaluation');
  });

  it('has cold start, the CLI, scaling, the Lists of N Pods and the targets', () => {
    expect(results.coldStart).toMatchObject({ status: 'measured', cli: summary, nodeBaseline: summary });
    const cliRun = { wall: summary, peakRssMb: expect.any(Number), exitStatus: expect.any(Number) };
    expect(results.cli).toMatchObject({ status: 'measured', text: cliRun, json: cliRun });
    expect(results.scaling).toMatchObject({ status: 'measured', timeRatio: expect.any(Number), inputRatio: 2 });
    if (results.scaling.status === 'measured') expect(results.scaling.points.map((p) => p.factor)).toEqual([1, 2]);
    expect(results.lists.status).toBe('measured');
    if (results.lists.status === 'measured') {
      expect(results.lists.forms.map((f) => f.form)).toEqual(['yaml', 'json', 'anchored']);
      for (const { points, exponent } of results.lists.forms) {
        expect(points.map((p) => p.n)).toEqual([2, 3]);
        for (const p of points) for (const m of [p.parse, p.check, p.fixes]) expect(m).toMatchObject({ status: 'measured', ms: summary, cpuMs: summary, peakRssMb: expect.any(Number) });
        expect(exponent.fixes).toEqual(expect.any(Number));
      }
    }
    expect(results.targets.length).toBeGreaterThan(0);
    expect(results.targets.map((t) => t.target)).toContainEqual(expect.stringMatching(/^reference repository: JSON report vs text report, CPU time/));
    for (const target of results.targets) expect(target).toEqual({ target: expect.any(String), limit: expect.any(String), actual: expect.any(String), met: expect.toBeOneOf([true, false, null]) });
  });
});
