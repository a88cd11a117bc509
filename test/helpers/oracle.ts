/**
 * The upstream oracle (test/oracle, Go): kubectl's decoding, the API
 * server's defaulting and the Pod Security Admission library, built once and
 * cached outside the work tree by the hash of its sources (like .ci/run's
 * Node 24). `PSR_ORACLE` names a binary built already (.ci/run builds it).
 * Null when Go is not on this machine: the differential test is skipped, and
 * says so.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

export function oracleBinary(): string | null {
  return goBinary('oracle', process.env.PSR_ORACLE);
}

/**
 * The Go program in test/`name`, built once and cached by the hash of its
 * sources (`given`: a binary built already); null without Go.
 */
export function goBinary(name: string, given?: string): string | null {
  if (given) return given;
  if (spawnSync('go', ['version'], { encoding: 'utf8' }).status !== 0) return null;
  const sourceDir = path.join(repoRoot, 'test', name);
  const hash = createHash('sha256');
  for (const file of ['main.go', 'go.mod', 'go.sum']) hash.update(readFileSync(path.join(sourceDir, file)));
  const dir = process.env.PSR_ORACLE_DIR ?? path.join(homedir(), '.cache', 'pod-security-review', 'oracle');
  const binary = path.join(dir, `${name}-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const build = spawnSync('go', ['build', '-o', binary, '.'], { cwd: sourceDir, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-buildvcs=false' } });
  if (build.status !== 0) throw new Error(`building test/${name} failed:\n${build.stderr}`);
  return binary;
}

/** One object as upstream sees it: the decoding error, or the verdict and forbidden reasons. */
export interface OracleResult {
  readonly file: string;
  readonly document: number;
  readonly path: string;
  readonly kind: string;
  readonly name: string;
  readonly error?: string;
  readonly allowed?: boolean;
  readonly forbidden?: readonly string[];
}

export function runOracle(binary: string, levelVersion: string, files: readonly string[]): OracleResult[] {
  const result = spawnSync(binary, [levelVersion, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`oracle failed: ${result.stderr}`);
  return result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as OracleResult);
}
