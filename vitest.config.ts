import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Four tiers, all run by `npm test`:
 * - bench: the benchmark harness run whole on tiny inputs (a smoke test:
 *   shapes, never times), one long test file in child processes;
 * - unit: pure code, in process, seconds (`npm run test:unit`, the inner loop);
 * - corpus: the suites that run over the whole upstream conformance corpus or
 *   every fixture text (CPU-bound: minutes on a loaded 2-core runner);
 * - integration: the CLI and Action bundles, git, kubectl, helm, the GitHub
 *   emulator (child processes).
 * Timeouts are sized for a loaded 2-core runner, where CPU-bound tests run
 * several times slower than on an idle one: a timeout catches a hang, never
 * a slow machine. Performance is measured by `npm run bench`, not here.
 *
 * One worker per core: vitest's default leaves one core to itself, which on
 * a 2-core runner runs every test file one after the other while its own
 * process mostly waits.
 *
 * Vitest starts the projects' files in the order of the projects' names,
 * then (on a fresh runner) the larger files first: the long files, bench and
 * corpus, start first, and the many short unit files fill in at the end. The
 * bench smoke test as a unit file started last and ran alone for its whole
 * length (the last ~40 s of the suite on one core).
 *
 * Unit test files share their worker's modules (`isolate: false`): loading
 * the engine afresh for each of some 70 small files was a third of the unit
 * tier's CPU time. A file that replaces a module or a global (`vi.mock`,
 * `vi.stubGlobal`, `vi.stubEnv`, fake timers) would leak it into the files
 * after it, so such files are found here and run isolated (`unit-isolated`).
 */
const corpusWide = [
  'test/conformance/**/*.test.ts',
  'test/integration/workload-wrapping.test.ts',
  'test/unit/fixes/corpus.test.ts',
  'test/unit/fixes/itemVerification.test.ts',
  'test/unit/fixes/layoutTrees.test.ts',
  'test/unit/manifests/eventReader.test.ts',
];

const unitFolders = ['test/unit', 'test/golden'];

const root = path.dirname(fileURLToPath(import.meta.url));

/** The test files under a folder, as paths relative to the repository. */
function testFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

const replacesModulesOrGlobals = /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(/;
const needIsolation = unitFolders.flatMap(testFiles).filter((file) => replacesModulesOrGlobals.test(readFileSync(path.join(root, file), 'utf8')));

export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: unitFolders.map((dir) => `${dir}/**/*.test.ts`),
          exclude: [...corpusWide, ...needIsolation],
          isolate: false,
          testTimeout: 60_000,
        },
      },
      { extends: true, test: { name: 'unit-isolated', include: needIsolation, testTimeout: 60_000 } },
      // The whole bench runs in the smoke test's beforeAll: about a minute idle, several on a loaded runner.
      { extends: true, test: { name: 'bench', include: ['test/bench/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 600_000 } },
      { extends: true, test: { name: 'corpus', include: corpusWide, testTimeout: 300_000 } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], exclude: corpusWide, testTimeout: 180_000, hookTimeout: 180_000 },
      },
    ],
  },
});
