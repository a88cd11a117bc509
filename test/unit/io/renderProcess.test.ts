/** Rendering tools as child processes: a timeout and an output limit, each reported when hit; a missing command is a value. */
import { describe, expect, it } from 'vitest';
import { runTool, toolEnvironment } from '../../../src/io/render/process.js';

const env = toolEnvironment('/tmp');

describe('runTool', () => {
  it('stops a tool at its timeout and says so', async () => {
    const result = await runTool('sleep', ['30'], { cwd: '/tmp', env, limits: { timeoutMs: 200, maxOutputBytes: 1024 } });
    expect(result).toEqual({ kind: 'failed', reason: 'timed out after 0.2 s', stderr: '', limit: 'timeout' });
  });

  it('stops a tool whose output goes over the limit and says so', async () => {
    const result = await runTool('yes', [], { cwd: '/tmp', env, limits: { timeoutMs: 60_000, maxOutputBytes: 64 * 1024 } });
    expect(result).toEqual({ kind: 'failed', reason: 'its output went over the limit of 65536 bytes', stderr: '', limit: 'output' });
  });

  it('returns the output, the exit status with stderr, or not-found', async () => {
    expect(await runTool('sh', ['-c', 'echo rendered'], { cwd: '/tmp', env, limits: { timeoutMs: 60_000, maxOutputBytes: 1024 } })).toEqual({ kind: 'ok', stdout: 'rendered\n' });
    expect(await runTool('sh', ['-c', 'echo broken >&2; exit 3'], { cwd: '/tmp', env, limits: { timeoutMs: 60_000, maxOutputBytes: 1024 } })).toEqual({ kind: 'failed', reason: 'exit status 3', stderr: 'broken\n' });
    expect(await runTool('psr-no-such-tool', [], { cwd: '/tmp', env, limits: { timeoutMs: 60_000, maxOutputBytes: 1024 } })).toEqual({ kind: 'not-found' });
  });

  it('runs tools with no way to the network and no credentials', () => {
    expect(env).toMatchObject({ HTTPS_PROXY: 'http://127.0.0.1:9', GIT_ALLOW_PROTOCOL: 'none', HOME: '/tmp' });
    expect(Object.keys(env).some((k) => /TOKEN|GITHUB_/.test(k))).toBe(false);
  });
});
