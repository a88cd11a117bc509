/** The vendored conformance corpus, enumerated. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Level } from '../../src/pss/types.js';
import { conformanceDir } from './paths.js';

export interface ConformanceFixture {
  readonly level: Level;
  readonly minor: number;
  readonly expectation: 'pass' | 'fail';
  readonly name: string;
  readonly file: string;
}

export function conformanceFixtures(): ConformanceFixture[] {
  const fixtures: ConformanceFixture[] = [];
  for (const level of ['baseline', 'restricted'] as const) {
    for (const versionDir of readdirSync(path.join(conformanceDir, level))) {
      const minor = Number(/^v1\.(\d+)$/.exec(versionDir)?.[1]);
      for (const expectation of ['pass', 'fail'] as const) {
        const dir = path.join(conformanceDir, level, versionDir, expectation);
        for (const name of readdirSync(dir).sort()) fixtures.push({ level, minor, expectation, name, file: path.join(dir, name) });
      }
    }
  }
  return fixtures;
}
