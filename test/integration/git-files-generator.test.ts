/**
 * The files an ApplicationSet's git `files` generator lists
 * (gitFilesGenerator.ts), against the real `git ls-files -- <pattern>` that
 * Argo CD's repo server runs by default: wherever the generator is read
 * here (both of the controller's globbing modes agree), its files are the
 * ones git lists, in order.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatorFiles } from '../../src/render/gitFilesGenerator.js';
import { gitIn } from '../helpers/gitRepo.js';

const files = [
  'clusters/eu/config.json',
  'clusters/eu/extra/config.json',
  'clusters/us/config.json',
  'clusters/us/config.yaml',
  'clusters/config.json',
  'clusters/.old/config.json',
  'apps/web/values.yaml',
  'apps/api/values.yaml',
  'apps/api/values-prod.yaml',
  'env.yaml',
];
const patterns = [
  'clusters/*/config.json',
  'clusters/**/config.json',
  'clusters/*/*/config.json',
  'clusters/eu/config.json',
  'clusters/config.json',
  'clusters',
  'clusters/?s/config.json',
  'apps/*/values.yaml',
  'apps/*/values-*.yaml',
  '*.yaml',
  'env.yaml',
  '**/values.yaml',
  'apps/**',
  'missing.json',
];

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'psr-git-files-'));
  gitIn(repo, 'init', '--quiet');
  for (const file of files) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), '{}\n');
  }
  gitIn(repo, 'add', '--all');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("a git files generator's files", () => {
  it('are those git ls-files lists wherever they are read here', () => {
    const read: string[] = [];
    for (const pattern of patterns) {
      const listed = generatorFiles([{ path: pattern }], new Set(files));
      if (listed === null) continue;
      read.push(pattern);
      const byGit = gitIn(repo, 'ls-files', '--full-name', '-z', '--', pattern).split('\0').filter((p) => p !== '').sort();
      expect([pattern, listed]).toEqual([pattern, byGit]);
    }
    // Those the modes list apart are not read: `*` that crosses a folder for git only, `**` where git's `*` takes more, a folder.
    expect(read).toEqual(['clusters/*/*/config.json', 'clusters/eu/config.json', 'clusters/config.json', 'clusters/?s/config.json', 'apps/*/values.yaml', 'apps/*/values-*.yaml', 'env.yaml', '**/values.yaml', 'missing.json']);
  });
});
