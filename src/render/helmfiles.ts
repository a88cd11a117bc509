/**
 * Changed helmfile files that install a chart of this repository (pure).
 * helmfile is not run here, so the values and `set` entries a release of
 * `helmfile.yaml` gives a local chart (`chart: ./charts/web`) are not
 * rendered: a pull request that sets `hostNetwork: true` through them
 * passed green. Such a file gets a notice instead (the check run is then
 * neutral), on its first local chart, naming the charts and how to have
 * their values rendered. Once the config file renders each of them (with
 * the values files the releases name), only `set` entries keep it: they are
 * in no file the config file can name.
 *
 * The file is read as text, not YAML: helmfile files are Go templates as
 * often as not (`{{ .Environment.Name }}`, `.gotmpl`), which a YAML reader
 * refuses or reads wrong.
 */
import type { ChangeSet } from '../diff/types.js';
import { textOf } from '../manifests/load.js';
import type { LoadProblem } from '../manifests/types.js';
import { dirOf, joinPath } from './paths.js';

/** `helmfile.yaml` (`.yml`, `.gotmpl` too) anywhere, and the files of a `helmfile.d` folder. */
const helmfileName = /(?:^|\/)(?:helmfile\.ya?ml|helmfile\.d\/[^/]+\.ya?ml)(?:\.gotmpl)?$/;

/** A release's `chart:` that is a path (`./charts/web`, `../charts/web`), quoted or not: the capture is the path. */
const localChart = /^[ \t-]*chart:[ \t]*["']?(\.\.?\/[^\s"'#]+)/gm;

/** A release's `set` or `setString` list: values given on helm's command line. */
const setEntries = /^[ \t-]*(?:set|setString):/m;

/**
 * The notices of the change set's added and modified helmfile files whose
 * releases install local charts (`configured`: the chart folders the config
 * file's `render.charts` renders).
 */
export function unrenderedHelmfiles(changeSet: ChangeSet, configured: ReadonlySet<string>): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const file of changeSet.files) {
    if (file.status === 'removed' || !helmfileName.test(file.path) || file.head.kind !== 'content') continue;
    const text = textOf(file.head.data);
    if (text === null) continue;
    const charts = localChartsOf(text);
    const unconfigured = charts.filter((chart) => !configured.has(joinPath(dirOf(file.path), chart.path) ?? ''));
    const [first] = unconfigured;
    if (first !== undefined) problems.push({ file: file.path, line: first.line, kind: 'not-rendered', message: notice(unconfigured.map((chart) => chart.path)) });
    else if (charts.length > 0 && setEntries.test(text)) problems.push({ file: file.path, line: charts[0]!.line, kind: 'not-rendered', message: setNotice });
  }
  return problems;
}

const setNotice =
  'helmfile releases are not rendered here, so what the `set` entries of this file give its charts is not checked: write those values in a values file that `render.charts[].values` of the config file names';

/** The local charts a helmfile's releases name, in order, each with the line of its first `chart:`. */
function localChartsOf(text: string): { readonly path: string; readonly line: number }[] {
  const charts = new Map<string, number>();
  for (const match of text.matchAll(localChart)) {
    const path = match[1]!.replace(/\/+$/, '');
    if (!charts.has(path)) charts.set(path, lineAt(text, match.index));
  }
  return [...charts].map(([path, line]) => ({ path, line }));
}

/** The 1-based line of an offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function notice(charts: readonly string[]): string {
  const named = charts.slice(0, 3).map((chart) => `\`${chart}\``);
  const more = charts.length > 3 ? ` and ${charts.length - 3} more` : '';
  return (
    `helmfile releases are not rendered here, so what this file gives ${named.join(', ')}${more} (values, \`set\`) is not checked: ` +
    `name the values files in \`render.charts[].values\` of the config file for each chart`
  );
}
