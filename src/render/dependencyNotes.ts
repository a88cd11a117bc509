/**
 * What is said of a chart's dependencies that `charts/` lacks (pure): that
 * a rendering went without those the values it takes leave on (said with
 * its findings, once per chart: stage.ts), or that the chart does not
 * render without them.
 */
import { switchedOn, valuesMapping } from './chart.js';
import { jsonEqual, valueAt } from '../fixes/edits.js';
import type { JsonObject } from '../pss/types.js';
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
export function leftOutNote(missing: readonly MissingDependency[], chain: readonly Record<string, unknown>[] | null, unreached = false): string | null {
  const on = missing.filter((d) => chain === null || d.switches.some((switches) => switchedOn(switches, chain)));
  if (on.length === 0) return null;
  const them = on.length === 1 ? 'it' : 'them';
  // A pull request that changes neither what the chart gives them nor a named template leaves what they render as it was.
  const reach = unreached ? `; the change leaves ${them} as ${on.length === 1 ? 'it was' : 'they were'} (neither what the chart gives ${them} nor a named template changes)` : '';
  return `rendered without ${namedDependencies(on)}, ${vendorThem}: what ${on.length === 1 ? 'it renders' : 'they render'} is not checked${reach}`;
}

/**
 * Whether a change leaves what a chart's missing dependencies render as it
 * was. They take only what the chart gives them: its values under their
 * keys and `global`, the switches that turn them on, the dependency list
 * (Chart.yaml, its lock, requirements.yaml) and `charts/`, and the named
 * templates (one namespace for a chart and its subcharts). So a change to
 * the chart's own templates that define no named template, to a values file
 * of the rendering that leaves those values as they were (a key of the
 * chart's own), or to another file of it (its README) cannot reach them.
 * `read`: the files the rendering reads, at base and head; `valuesFiles`:
 * those that are its values files beside values.yaml; `changed`: a changed
 * file's texts at base and head ('' where it is absent, null where it
 * cannot be read), undefined for one the change leaves as it was; `parse`
 * reads a values text (a memo, where many renderings read one values.yaml).
 */
export function leavesDependencies(
  chartDir: string,
  missing: readonly MissingDependency[],
  read: Iterable<string>,
  valuesFiles: readonly string[],
  changed: (path: string) => readonly [string | null, string | null] | undefined,
  parse: (text: string) => Record<string, unknown> | null = valuesMapping,
): boolean {
  const given = new Set([inDir(chartDir, 'values.yaml'), ...valuesFiles]);
  const dependencyList = new Set(['Chart.yaml', 'Chart.lock', 'requirements.yaml', 'requirements.lock'].map((name) => inDir(chartDir, name)));
  for (const path of read) {
    const texts = changed(path);
    if (texts === undefined) continue;
    const [base, head] = texts;
    if (base === null || head === null || dependencyList.has(path) || path.startsWith(inDir(chartDir, 'charts/'))) return false;
    if (given.has(path) ? !sameGiven(missing, parse(base), parse(head)) : definesTemplate(base) || definesTemplate(head)) return false;
  }
  return true;
}

/** A text that defines a named template (`{{ define "x" }}`), which any chart of the rendering may include. */
const definesTemplate = (text: string) => /\{\{-?\s*define\b/.test(text);

/** Whether two versions of a values file give missing dependencies the same: their keys, `global`, `tags` and their conditions' paths. */
function sameGiven(missing: readonly MissingDependency[], before: Record<string, unknown> | null, after: Record<string, unknown> | null): boolean {
  if (before === null || after === null) return false;
  const paths = [['global'], ['tags'], ...missing.flatMap((d) => [...d.keys.map((key) => [key]), ...d.switches.flatMap((s) => s.condition.map((c) => c.split('.')))])];
  return paths.every((path) => jsonEqual(valueAt(before as JsonObject, path) ?? null, valueAt(after as JsonObject, path) ?? null));
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
