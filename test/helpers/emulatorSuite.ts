/**
 * One GitHub emulator for a test file: started before its tests, reset
 * before each, checked after each (every request one GitHub would know, no
 * emulator problem), closed at the end with the folders the file wrote.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startEmulator } from './github-emulator/index.js';
import type { Emulator } from './github-emulator/index.js';

export interface EmulatorSuite {
  /** The running emulator (only inside tests and hooks). */
  readonly emulator: () => Emulator;
  /** A new folder holding these files (path → text), removed after the file's tests. */
  readonly tree: (files: Record<string, string>) => string;
}

export function useEmulator(folderPrefix: string): EmulatorSuite {
  let running: Emulator | undefined;
  const temporary: string[] = [];
  const emulator = (): Emulator => {
    if (running === undefined) throw new Error('the emulator is started in beforeAll');
    return running;
  };
  beforeAll(async () => {
    running = await startEmulator();
  });
  afterAll(async () => {
    await running?.close();
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator().reset());
  afterEach(() => {
    expect(emulator().unexpectedRequests()).toEqual([]);
    expect(emulator().problems).toEqual([]);
    emulator().faults.clear();
    emulator().setPermissions({ contents: 'read', pull_requests: 'write', checks: 'write' });
  });
  const tree = (files: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(tmpdir(), folderPrefix));
    temporary.push(dir);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };
  return { emulator, tree };
}
