/**
 * Changed Helm values files that no rendering reads (pure). A values file is
 * no manifest: read as one it holds no pod spec, so a pull request that sets
 * `privileged: true` in `environments/prod/web-values.yaml` passed green,
 * though an Argo CD Application, a Flux HelmRelease or a `helm upgrade -f`
 * installs a chart with it. Such a file gets a notice instead (the check run
 * is then neutral): values the review cannot render are not checked, and it
 * says how to have them rendered.
 *
 * A values file is told by its path (its name says `values`, as Helm's own
 * `values.yaml` does, or a folder of its does, as helmfile's `values/web.yaml`)
 * and its content: YAML whose documents are all maps without `kind` or
 * `apiVersion` (a manifest named `values.yaml` is read as one).
 */
import type { ChangeSet } from '../diff/types.js';
import { loadManifestFile, textOf } from '../manifests/load.js';
import type { LoadProblem } from '../manifests/types.js';
import { isObject } from '../pss/pod.js';
import { dirOf } from './paths.js';

const valuesName = /(^|\/)[^/]*values[^/]*(\/[^/]+)*\.ya?ml$/i;

/**
 * The notices of the change set's added and modified values files that no
 * rendering consumes. Files the head tree's listing left out are named by
 * the notice of that listing (stage.ts), and a file beside a `templates/`
 * folder with no Chart.yaml by the notices of those templates.
 */
export function strayValuesFiles(changeSet: ChangeSet, consumed: ReadonlySet<string>, headPaths: ReadonlySet<string>): LoadProblem[] {
  const templateDirs = new Set<string>();
  for (const path of headPaths) {
    const at = path.lastIndexOf('/templates/');
    if (at >= 0 || path.startsWith('templates/')) templateDirs.add(at >= 0 ? path.slice(0, at) : '');
  }
  const problems: LoadProblem[] = [];
  for (const file of changeSet.files) {
    if (file.rendered === true || file.status === 'removed' || consumed.has(file.path) || !valuesName.test(file.path)) continue;
    if (!headPaths.has(file.path) || templateDirs.has(dirOf(file.path))) continue;
    if (file.head.kind !== 'content' || !isValuesText(file.path, file.head.data)) continue;
    problems.push({
      file: file.path,
      line: null,
      kind: 'not-rendered',
      message: `Helm values that no chart here is rendered with (a chart's own values files are, and those the config file names), so what they set is not checked: name the file in \`render.charts[].values\` of the config file for the chart it configures`,
    });
  }
  return problems;
}

/** Whether a text is YAML maps none of which is a Kubernetes object. */
function isValuesText(path: string, data: Uint8Array | string): boolean {
  const text = textOf(data);
  if (text === null) return false;
  const { documents, problems } = loadManifestFile(path, text);
  return problems.length === 0 && documents.length > 0 && documents.every(({ value }) => isObject(value) && value.kind === undefined && value.apiVersion === undefined);
}
