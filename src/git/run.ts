/**
 * Running git. User configuration must not change what we parse, so every
 * call pins the settings that alter diff output (prefixes, colour, external
 * diff drivers, textconv, relative paths, quoting).
 */
import { spawn } from 'node:child_process';

export class GitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(message);
  }
}

const pinnedConfig = [
  '-c', 'core.quotePath=true',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
  '-c', 'diff.relative=false',
  '-c', 'diff.external=',
  '-c', 'color.ui=never',
];

/** Run git in `cwd`, optionally feeding `input`; resolve with stdout as bytes. */
export function git(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...pinnedConfig, ...args], { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new GitError(`cannot run git: ${error.message}`, null, '')));
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(`git ${args[0] ?? ''} failed: ${stderr.trim() || `exit ${code}`}`, code, stderr));
    });
    if (input !== undefined && child.stdin) {
      // git may exit before reading everything (e.g. on a bad object): that error is reported by its exit code.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }
  });
}
