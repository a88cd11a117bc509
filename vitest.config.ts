import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The conformance corpus is large; the default 5 s per test is tight on 2 cores.
    testTimeout: 60_000,
  },
});
