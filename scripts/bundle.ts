// Builds the two committed bundles with esbuild:
//   dist/index.js  the GitHub Action (action.yml: runs.using node24)
//   dist/cli.js    the command-line tool (package.json "bin")
// Both are ESM, self-contained, and run on Node 20 and later. The output must be
// byte-for-byte reproducible from the sources: .ci/run rebuilds and diffs dist/.
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { rm } from 'node:fs/promises';

// Some bundled dependencies are CommonJS and call require() on Node built-ins;
// an ESM bundle has no require, so give it one.
const banner = "import { createRequire as __psrCreateRequire } from 'node:module';\nconst require = __psrCreateRequire(import.meta.url);";

await rm('dist', { recursive: true, force: true });
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: banner },
};
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: `#!/usr/bin/env node\n${banner}` },
});
