/**
 * What is said of a chart's dependencies that `charts/` lacks (pure): that
 * a rendering went without those the values it takes leave on (said with
 * its findings, once per chart: stage.ts), or that the chart does not
 * render without them.
 */
import { switchedOn, valuesMapping } from './chart.js';
import type { MissingDependency } from './chart.js';
import { inDir, shownDir } from './paths.js';

/** What to do about dependencies `charts/` lacks. */
const vendorThem = 'not vendored in `charts/` (run `helm dependency build` and commit it; dependencies are never fetched)';

/** Dependencies as messages name them: "dependency `a 1.0`", "dependencies `a 1.0`, `b 2.0`". */
const namedDependencies = (missing: readonly MissingDependency[]) => `${missing.length === 1 ? 'dependency' : 'dependencies'} ${missing.map(shownMissing).join(', ')}`;

/** A missing dependency as messages name it, with the repository's chart of its name when that one's version is outside the range. */
function shownMissing(d: MissingDependency): string {
  const other = d.outOfRange === undefined ? '' : ` (this repository's \`${shownDir(d.outOfRange.dir)}\` is ${d.outOfRange.version})`;
  return `\`${d.shown}\`${other}`;
}

/**
 * The values documents a rendering of a chart took, from the texts it read:
 * its values.yaml, then `files` in helm's order; null when one of them is
 * not among the texts or is not a map of values (then any dependency may be
 * on). `parse` reads a values text (a memo of valuesMapping, where many
 * renderings read the same values.yaml).
 */
export function valuesChainOf(
  chartDir: string,
  files: readonly string[],
  texts: ReadonlyMap<string, string>,
  parse: (text: string) => Record<string, unknown> | null = valuesMapping,
): Record<string, unknown>[] | null {
  const chain: Record<string, unknown>[] = [];
  const own = inDir(chartDir, 'values.yaml');
  for (const path of [own, ...files]) {
    const text = texts.get(path);
    // A chart without a values.yaml has no defaults to read.
    const values = text === undefined ? (path === own ? {} : null) : parse(text);
    if (values === null) return null;
    chain.push(values);
  }
  return chain;
}

/**
 * What rendering a chart without its missing dependencies leaves out: those
 * its values leave on (`chain`: valuesChainOf), or every one when they are
 * not all known (null); null for none.
 */
export function leftOutNote(missing: readonly MissingDependency[], chain: readonly Record<string, unknown>[] | null): string | null {
  const on = missing.filter((d) => chain === null || d.switches.some((switches) => switchedOn(switches, chain)));
  if (on.length === 0) return null;
  return `rendered without ${namedDependencies(on)}, ${vendorThem}: what ${on.length === 1 ? 'it renders' : 'they render'} is not checked`;
}

/**
 * Why a chart that failed without its missing dependencies is not rendered:
 * they are, unless helm stopped on a value the chart requires (`fail`,
 * `required`: `valuesFailure`), which they would not have changed; then
 * they are said beside it.
 */
export function failedWithoutNote(missing: readonly MissingDependency[], valuesFailure: boolean): string {
  const notVendored = `${namedDependencies(missing)} ${missing.length === 1 ? 'is' : 'are'} ${vendorThem}`;
  return valuesFailure ? `it stops on a value it requires (below), and its ${notVendored}` : `${notVendored}, and it does not render without ${missing.length === 1 ? 'it' : 'them'}`;
}
