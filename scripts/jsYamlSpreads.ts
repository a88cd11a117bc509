/**
 * js-yaml's module with its object spreads lowered to assignments.
 *
 * js-yaml's parseEvents, which reads every manifest, makes its parser state
 * as `{ ...defaults, ...options, input, ... }`. Node 20's V8 gives an object
 * made by a spread followed by more properties a new hidden class on every
 * call once the function has type feedback (from its ninth call), so from
 * then on every file deoptimized the whole parser: `check` of the
 * benchmark's 1,000 files took 2.3 s on Node 20, and 1.6 s with the spread
 * written out. V8 12 (Node 22) fixed it. The CLI runs on the Node a user
 * has, so the bundles lower js-yaml's spreads (scripts/bundle.ts), and the
 * benchmark loads js-yaml the same way (bench/jsYamlAsBundled.ts). The rest
 * of the code keeps its spreads: lowered everywhere, the JSON report took
 * 10% longer on Node 24, the Action's runtime.
 */
import { transform } from 'esbuild';
import type { TransformOptions } from 'esbuild';

/** js-yaml's ES module files, as a path or a file URL names them. */
export const jsYamlModule = /[\\/]node_modules[\\/]js-yaml[\\/].*\.mjs$/;

/** esbuild's transform of a module with its object spreads lowered, and nothing else changed. */
export const lowering: TransformOptions = { loader: 'js', format: 'esm', supported: { 'object-rest-spread': false } };

export async function lowerSpreads(source: string): Promise<string> {
  return (await transform(source, lowering)).code;
}
