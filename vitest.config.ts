import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three tiers, all run by `npm test`:
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
 */
const corpusWide = [
  'test/conformance/**/*.test.ts',
  'test/integration/workload-wrapping.test.ts',
  'test/unit/fixes/corpus.test.ts',
  'test/unit/fixes/itemVerification.test.ts',
  'test/unit/fixes/layoutTrees.test.ts',
  'test/unit/manifests/eventReader.test.ts',
];

export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/bench/**/*.test.ts'], exclude: corpusWide, testTimeout: 60_000 },
      },
      { extends: true, test: { name: 'corpus', include: corpusWide, testTimeout: 300_000 } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], exclude: corpusWide, testTimeout: 180_000, hookTimeout: 180_000 },
      },
    ],
  },
});
