/**
 * Run the committed Action bundle as the runner does: `node dist/index.js`
 * with INPUT_* variables, the event payload file, GITHUB_* variables, and
 * the output and summary files; against the local GitHub emulator. The
 * child is spawned asynchronously so the emulator (in this process) can
 * answer it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Emulator, PullRequestHandle } from './github-emulator/index.js';
import { pullRequestEvent } from './github-emulator/index.js';
import { repoRoot } from './paths.js';
import { writeIntervalVariable } from '../../src/config/settings.js';

export interface ActionRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly reportJson: unknown;
  /** The SARIF file the Action wrote (output `sarif`), parsed; null when it wrote none. */
  readonly sarif: unknown;
}

/** Parse GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

export interface RunActionOptions {
  readonly inputs?: Record<string, string>;
  readonly eventName?: string;
  /** The event payload; default: a pull_request `synchronize` for the pull request. */
  readonly payload?: unknown;
  /** The workspace; default an empty folder (no checkout: contents come from the API). */
  readonly workspace?: string;
  readonly node?: string;
  /**
   * Milliseconds between the Action's writes (its documented
   * POD_SECURITY_REVIEW_WRITE_INTERVAL_MS). 0 by default: the emulator has
   * no secondary rate limits, and GitHub's advised spacing (1 s per write or
   * GraphQL query, 3 s per review or comment) was most of the time of the
   * Action's tests. 'github' leaves the variable unset, as in production.
   */
  readonly writeInterval?: number | 'github';
}

export async function runAction(emulator: Emulator, pr: PullRequestHandle, options: RunActionOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'psr-action-'));
  try {
    const eventPath = path.join(dir, 'event.json');
    const outputPath = path.join(dir, 'output');
    const summaryPath = path.join(dir, 'summary');
    const workspace = options.workspace ?? mkdtempSync(path.join(dir, 'workspace-'));
    writeFileSync(eventPath, JSON.stringify(options.payload ?? pullRequestEvent(pr, { action: 'synchronize', apiUrl: emulator.url })));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${pr.owner}/${pr.repo}`,
      GITHUB_API_URL: emulator.url,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      RUNNER_TEMP: dir,
      INPUT_TOKEN: emulator.token,
    };
    const writeInterval = options.writeInterval ?? 0;
    if (writeInterval !== 'github') env[writeIntervalVariable] = String(writeInterval);
    for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
    const child = spawn(options.node ?? process.execPath, [path.join(repoRoot, 'dist/index.js')], { cwd: workspace, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const outputs = parseOutputs(readFileSync(outputPath, 'utf8'));
    const reportPath = outputs['report-json'];
    const sarifPath = outputs['sarif'];
    return {
      status,
      stdout,
      stderr,
      outputs,
      summary: readFileSync(summaryPath, 'utf8'),
      reportJson: reportPath ? (JSON.parse(readFileSync(reportPath, 'utf8')) as unknown) : null,
      sarif: sarifPath ? (JSON.parse(readFileSync(sarifPath, 'utf8')) as unknown) : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
