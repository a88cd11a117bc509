// Builds the two committed bundles with esbuild:
//   dist/index.js  the GitHub Action (action.yml: runs.using node24)
//   dist/cli.js    the command-line tool (package.json "bin")
// Both are ESM, self-contained, and run on Node 20 and later. The output must be
// byte-for-byte reproducible from the sources: .ci/run rebuilds and diffs dist/
// and NOTICE.
//
// The bundles carry code of the packages they inline, whose licences ask for
// their notices to travel with it: NOTICE lists each bundled package with its
// licence text (the bundles themselves keep no legal comments).
import { build } from 'esbuild';
import type { BuildOptions, Metafile, Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { jsYamlModule, lowerSpreads } from './jsYamlSpreads.js';

// Some bundled dependencies are CommonJS and call require() on Node built-ins;
// an ESM bundle has no require, so give it one.
const banner = "import { createRequire as __psrCreateRequire } from 'node:module';\nconst require = __psrCreateRequire(import.meta.url);";

// Node 20 deoptimized js-yaml's parser on every file: see jsYamlSpreads.ts.
const lowerJsYamlSpreads: Plugin = {
  name: 'lower-js-yaml-spreads',
  setup(bundle) {
    bundle.onLoad({ filter: jsYamlModule }, async (args) => ({ contents: await lowerSpreads(readFileSync(args.path, 'utf8')), loader: 'js' }));
  },
};

await rm('dist', { recursive: true, force: true });
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: banner },
  metafile: true,
  // Worktrees may link node_modules to another checkout's: keep the paths the
  // bundle names (in its module comments) those of a plain install.
  preserveSymlinks: true,
  // jsonc-parser's `main` is a UMD module whose factory requires its parts by
  // relative paths esbuild cannot follow: bundle its ES module build instead.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  plugins: [lowerJsYamlSpreads],
};
const action = await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
const cli = await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: `#!/usr/bin/env node\n${banner}` },
});

/** The package folders (node_modules/name or node_modules/@scope/name) a bundle inlines code from. */
function bundledPackages(metafile: Metafile | undefined): Set<string> {
  const folders = new Set<string>();
  for (const input of Object.keys(metafile?.inputs ?? {})) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(match[1]!);
  }
  return folders;
}

function licenceText(folder: string): string {
  const file = readdirSync(folder).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
  return file === undefined ? '' : readFileSync(path.join(folder, file), 'utf8').replace(/\r\n/g, '\n').trim();
}

const usedBy = new Map<string, string[]>();
for (const [bundle, result] of [
  ['dist/cli.js', cli],
  ['dist/index.js', action],
] as const) {
  for (const folder of bundledPackages(result.metafile)) usedBy.set(folder, [...(usedBy.get(folder) ?? []), bundle]);
}
const sections = [...usedBy.entries()]
  .filter(([folder]) => existsSync(path.join(folder, 'package.json')))
  .map(([folder, bundles]) => {
    const pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const text = licenceText(folder);
    return { name: pkg.name, body: `${pkg.name} ${pkg.version} (${pkg.license ?? 'see its licence'}), in ${bundles.join(' and ')}${text === '' ? '' : `\n\n${text}`}` };
  })
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

writeFileSync(
  'NOTICE',
  [
    'pod-security-review',
    'Copyright the pod-security-review contributors.',
    'Licensed under the Apache License, Version 2.0 (see LICENSE).',
    '',
    'The bundles dist/cli.js (the command-line tool) and dist/index.js (the',
    'GitHub Action) include code of the following packages, under their own',
    'licences. This file is written by npm run bundle.',
    ...sections.map((s) => `\n${'-'.repeat(72)}\n${s.body}`),
    '',
    '-'.repeat(72),
    'Test data, not bundled:',
    '',
    'fixtures/kyverno-podsecurity/evaluate-cases.json holds the test cases (rules,',
    'pods and expected verdicts) of pkg/pss/evaluate_test.go in Kyverno',
    '(https://github.com/kyverno/kyverno, commit 111e07bbecc66abfde36ab99969af22d7a961003),',
    'converted to JSON. Copyright The Kyverno Authors; Apache License, Version 2.0.',
    '',
  ].join('\n'),
);
