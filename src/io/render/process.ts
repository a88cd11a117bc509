/**
 * Running a rendering tool: a child process with a timeout and an output
 * limit, a scrubbed environment (no credentials, no network through
 * proxies set to nowhere, no git protocols, a private HOME), and its
 * outcome as a value.
 */
import { spawn } from 'node:child_process';
import type { RenderLimits } from '../../render/types.js';

export type ToolLimits = RenderLimits;

/** Which limit stopped a tool, when one did. */
export type LimitHit = 'timeout' | 'output';

export type ToolResult =
  | { readonly kind: 'ok'; readonly stdout: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'failed'; readonly reason: string; readonly stderr: string; readonly limit?: LimitHit };

/** An address nothing listens on: any HTTP(S) request through it fails at once. */
const nowhere = 'http://127.0.0.1:9';

/** The environment of a tool: only what it needs, and no way out. */
export function toolEnvironment(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    HTTP_PROXY: nowhere,
    HTTPS_PROXY: nowhere,
    http_proxy: nowhere,
    https_proxy: nowhere,
    NO_PROXY: '',
    no_proxy: '',
    GIT_ALLOW_PROTOCOL: 'none',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    ...extra,
  };
}

export function runTool(command: string, args: readonly string[], options: { cwd: string; env: Record<string, string>; limits: ToolLimits }): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let stopped: { reason: string; limit: LimitHit } | null = null;
    const stop = (reason: string, limit: LimitHit) => {
      if (stopped !== null) return;
      stopped = { reason, limit };
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`timed out after ${options.limits.timeoutMs / 1000} s`, 'timeout'), options.limits.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > options.limits.maxOutputBytes) stop(`its output went over the limit of ${options.limits.maxOutputBytes} bytes`, 'output');
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Keep the beginning of stderr only: it is shown in a message.
      if (errBytes < 64 * 1024) err.push(chunk);
      errBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ENOENT' ? { kind: 'not-found' } : { kind: 'failed', reason: `could not start: ${error.message}`, stderr: '' });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (stopped !== null) resolve({ kind: 'failed', reason: stopped.reason, stderr, limit: stopped.limit });
      else if (code === 0) resolve({ kind: 'ok', stdout: Buffer.concat(out).toString('utf8') });
      else resolve({ kind: 'failed', reason: `exit status ${code ?? 'unknown'}`, stderr });
    });
  });
}
