/**
 * The progress line of `check` on large inputs: rewritten in place on a
 * terminal's stderr, throttled, erased before the report, never in a pipe.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progressLine, renderingProgress } from '../../../src/cli/progress.js';
import type { RenderPort, RenderRoot } from '../../../src/render/types.js';
import { runCli } from '../../../src/cli/run.js';

/** A fake terminal: what was written, the frames as the eye sees them, and a clock the test moves. */
function fakeTerminal(columns?: number) {
  const writes: string[] = [];
  let clock = 0;
  return {
    writes,
    tick: (ms: number) => (clock += ms),
    terminal: { write: (t: string) => writes.push(t), now: () => clock, ...(columns === undefined ? {} : { columns }) },
    /** What stays on the screen's line after every write: each \r goes back to column 0. */
    screen: () => {
      const line: string[] = [];
      let column = 0;
      for (const ch of writes.join('')) {
        if (ch === '\r') column = 0;
        else line[column++] = ch;
      }
      return line.join('').trimEnd();
    },
  };
}

describe('progressLine', () => {
  it('shows files and MiB done, at most every 100 ms, and leaves a blank line when it ends', () => {
    const t = fakeTerminal();
    const progress = progressLine({ files: 10, bytes: 10 * 1024 * 1024 }, t.terminal);
    expect(t.screen()).toBe('checking 0/10 files, 0.0/10.0 MiB (0%)…');
    for (let i = 0; i < 10; i++) {
      t.tick(40);
      progress.advance(1024 * 1024);
    }
    // 400 ms for 10 files: a frame every third file, not one per file.
    expect(t.writes.length).toBe(4);
    expect(t.writes.every((w) => w.startsWith('\r'))).toBe(true);
    expect(t.screen()).toBe('checking 9/10 files, 9.0/10.0 MiB (90%)…');
    progress.end();
    expect(t.screen()).toBe('');
    // No escape sequence: nothing a NO_COLOR terminal would print as garbage.
    expect(t.writes.join('')).not.toContain('\u001b');
  });

  it('never writes a line wider than the terminal (a wrapped line cannot be rewritten)', () => {
    const t = fakeTerminal(20);
    const progress = progressLine({ files: 3, bytes: 3 }, t.terminal);
    t.tick(1000);
    progress.advance(1);
    expect(t.writes.every((w) => w.length <= 20)).toBe(true);
    progress.end();
    expect(t.screen()).toBe('');
  });
});

describe('renderingProgress', () => {
  it('says how many charts and overlays render, then how many renderings verify the suggestions, and erases itself', async () => {
    const t = fakeTerminal();
    const inner: RenderPort = {
      head: { paths: new Set(), texts: new Map() },
      base: null,
      render: async (roots) => roots.map((root) => ({ root, base: { kind: 'absent' }, head: { kind: 'absent' }, sources: new Map() })),
      renderEdited: async () => ({ kind: 'absent' }),
    };
    const root = { label: 'charts/web' } as unknown as RenderRoot;
    const progress = renderingProgress(inner, t.terminal);
    // What the port gives back is the inner port's.
    expect(await progress.port.render([root, root])).toHaveLength(2);
    expect(t.screen()).toBe('rendering 2 charts and overlays…');
    await progress.port.renderEdited(root, new Map());
    expect(t.screen()).toBe('verifying suggestions: rendering again (1)…');
    // Throttled: a second rendering within 100 ms draws nothing new.
    await progress.port.renderEdited(root, new Map());
    expect(t.screen()).toBe('verifying suggestions: rendering again (1)…');
    t.tick(150);
    await progress.port.renderEdited(root, new Map());
    expect(t.screen()).toBe('verifying suggestions: rendering again (3)…');
    progress.end();
    expect(t.screen()).toBe('');
    expect(t.writes.join('')).not.toContain('\u001b');
  });
});

describe('check on a large input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'psr-progress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Five files of about 1 MiB (a long comment, cheap to read) with one pod each: over the 4 MiB threshold.
  const filler = `# ${'x'.repeat(1022)}\n`.repeat(1024);
  for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, `pod${i}.yaml`), `${filler}apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n  - name: c\n    image: i\n`);

  async function check(io: { tty?: boolean; stderrTty?: boolean; env?: Record<string, string> }) {
    let stdout = '';
    const t = fakeTerminal(80);
    const status = await runCli(['check', '--render', 'off', dir], { cwd: dir, stdout: (s) => (stdout += s), stderr: t.terminal.write, now: () => t.tick(50), cores: 1, ...io });
    return { status, stdout, stderr: t.writes.join(''), screen: t.screen() };
  }

  it('updates a progress line on a terminal and erases it before the report', async () => {
    const run = await check({ stderrTty: true, env: {} });
    expect(run.status).toBe(0);
    const frames = run.stderr.split('\r').filter((f) => f.trim() !== '');
    expect(frames[0]).toBe('checking 0/5 files, 0.0/5.0 MiB (0%)…');
    // Redrawn as files are done (throttled: not once per file), counting up.
    const done = frames.map((f) => Number(/^checking (\d)\/5 files, \d\.0\/5\.0 MiB \(\d+%\)…$/.exec(f)?.[1]));
    expect(done.length).toBeGreaterThan(2);
    expect(done.length).toBeLessThan(6);
    expect(done).toEqual([...done].sort());
    expect(new Set(done).size).toBe(done.length);
    expect(run.screen).toBe('');
    expect(run.stdout).toContain('5 pod specs');
  });

  it('shows it with NO_COLOR too, without escape sequences, and never when stderr is not a terminal', async () => {
    const noColor = await check({ stderrTty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stderr).toContain('checking 0/5 files');
    expect(noColor.stderr + noColor.stdout).not.toContain('\u001b');
    const piped = await check({ tty: false, stderrTty: false });
    expect(piped.stderr).toBe('');
  });
});

describe('fix on a large input', () => {
  it('shows the progress of fixing, then of re-checking, and erases it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-progress-fix-'));
    try {
      const filler = `# ${'x'.repeat(1022)}\n`.repeat(1024);
      for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, `pod${i}.yaml`), `${filler}apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  hostNetwork: true\n  containers:\n  - name: c\n    image: i\n`);
      const t = fakeTerminal(80);
      const status = await runCli(['fix', '--dry-run', dir], { cwd: dir, stdout: () => {}, stderr: t.terminal.write, now: () => t.tick(50), stderrTty: true });
      expect(status).toBe(0);
      const frames = t.writes.join('').split('\r').filter((f) => f.trim() !== '');
      expect(frames[0]).toBe('fixing 0/5 files, 0.0/5.0 MiB (0%)…');
      expect(frames.some((f) => f.startsWith('re-checking 0/5 files'))).toBe(true);
      // Erased (spaces, back to column 0) before the report, which fix writes to stderr.
      const written = t.writes.join('');
      expect(written.slice(written.lastIndexOf('\r') + 1)).toMatch(/^baseline:latest/);
      expect(written.slice(0, written.lastIndexOf('\r'))).toMatch(/…\r +$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
