/**
 * A values change that no rendering shows (pure). A pull request sets a
 * pod-security field in a chart's values (`privileged: true` for DataDog's
 * system-probe), or in the inline values of an installer (an Argo CD
 * Application's `valuesObject`, a Fleet bundle's `helm.values`), and the
 * chart renders the same as before: the templates
 * that read the key are off with the values the chart is rendered with
 * (DataDog's DaemonSet needs `datadog.apiKey`), or nothing reads it. Either
 * way the change is not checked, so it is said on the key's line, with how
 * to render the chart so that it is, and the run is never a silent green.
 * A rendering the change did move was checked: a key that went into an
 * object with no pod spec (a Prometheus custom resource's
 * `securityContext`, for its operator to apply) is not for this check.
 */
import type { ChangeSet } from '../diff/types.js';
import { jsonEqual } from '../fixes/edits.js';
import { andMore, firstOf } from '../firstFew.js';
import { locate } from '../locate/locate.js';
import { loadManifestFile, textOf } from '../manifests/load.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { addTo } from '../multiMap.js';
import { isObject } from '../pss/pod.js';
import type { JsonValue } from '../pss/types.js';
import { valuesMapping } from './chart.js';
import { ciValuesOf } from './discover.js';
import { inDir, shownDir } from './paths.js';
import type { RenderRoot } from './types.js';
import { installerValuesAmong } from './installers.js';
import { installerObject } from './applications.js';

/** A rendering of the pull request, as this check needs it. */
export interface RenderingOutcome {
  readonly root: RenderRoot;
  /** Rendered at both commits: a rendering that failed says so itself. */
  readonly bothRendered: boolean;
  /** Rendered at head. */
  readonly headRendered: boolean;
  /** Whether a template wrote something into its head output: helm's `# Source:` comment names its path in the chart (`templates/x.yaml`). */
  writes(template: string): boolean;
  /** Whether the change moved what it renders (writings anew at each rendering aside): asked only of the renderings of a changed values file that sets a pod-security key, since it reads their whole output. */
  changed(): boolean;
}

/** Keys that set what Pod Security Standards check, or the maps that hold them: a change under one is a change to check. */
const podSecurityKeys: ReadonlySet<string> = new Set([
  'securityContext',
  'podSecurityContext',
  'containerSecurityContext',
  'privileged',
  'allowPrivilegeEscalation',
  'capabilities',
  'hostNetwork',
  'hostPID',
  'hostIPC',
  'hostPath',
  'hostPort',
  'runAsUser',
  'runAsNonRoot',
  'seccompProfile',
  'appArmorProfile',
  'seLinuxOptions',
  'procMount',
  'sysctls',
  'windowsOptions',
]);

type Path = readonly string[];

/** The paths where two values documents differ: down through maps both hold, a whole value anywhere else. */
function differences(base: JsonValue | undefined, head: JsonValue | undefined, path: Path, out: Path[]): void {
  if (isObject(base) && isObject(head)) {
    for (const key of new Set([...Object.keys(base), ...Object.keys(head)])) differences(base[key], head[key], [...path, key], out);
  } else if (!jsonEqual(base, head)) out.push(path);
}

/** The pod-security keys a change to a values file sets, in the order the head writes them; none when either side is not a map of values. */
function podSecurityChanges(base: string, head: string): Path[] {
  const before = valuesMapping(base);
  const after = valuesMapping(head);
  if (before === null || after === null) return [];
  const changed: Path[] = [];
  differences(before as JsonValue, after as JsonValue, [], changed);
  return changed.filter((path) => path.some((key) => podSecurityKeys.has(key)));
}

/** How to render a chart so that a change to its values or templates shows: its test values when it has some it is not rendered with. */
export function renderAdvice(dir: string, paths: Iterable<string>, renderings: readonly RenderingOutcome[], what: 'them' | 'it' = 'them'): string {
  const config = `name a values file that turns ${what} on under \`render.charts\` in .github/pod-security.yaml`;
  const read = new Set(renderings.flatMap(({ root }) => root.helm?.valuesFiles ?? []));
  const ci = ciValuesOf(dir, [...paths]).filter((file) => !read.has(file));
  if (ci.length === 0) return config;
  return `${config}, or set \`ci-values: true\` there to render it with ${ci.length === 1 ? `its test values, \`${ci[0]}\`` : `each of its ${ci.length} ci/*-values.yaml files`}`;
}

/** The pod-security keys a change sets, the renderings that read them (absent: those of the values file), and each key's line at head. */
interface ValuesChanges {
  readonly keys: readonly Path[];
  readonly readers?: readonly RenderingOutcome[];
  lineOf(key: Path): number | null;
}

/** A values file's changes: its keys, on their lines in its first document. */
function valuesFileChanges(file: string, base: string, head: string): ValuesChanges {
  // Read for a notice only: most changes set no pod-security key, or move a rendering.
  const lineOf = (key: Path) => {
    const document = loadManifestFile(file, head).documents[0];
    return document === undefined ? null : locate(document.source, key).line;
  };
  return { keys: podSecurityChanges(base, head), lineOf };
}

/**
 * The changes to the inline values of the installers a changed file holds
 * (an Argo CD Application's `valuesObject`, a Fleet bundle's `helm.values`;
 * each of an `apps.yaml` of several), read as their renderings read them at
 * each commit, with the renderings of each installer; none for an installer
 * not rendered from the file. Each key on its line, under the installer's
 * inline values.
 */
function inlineChanges(file: string, base: string, head: string, renderings: readonly RenderingOutcome[]): ValuesChanges[] {
  const readers = renderings.filter(({ root }) => root.helm?.application?.file === file && root.helm.application.inline !== null && root.helm.application.rendered === undefined);
  // Each installer with its renderings: those of its name and inline values.
  const byInstaller = new Map<string, RenderingOutcome[]>();
  for (const reader of readers) {
    const { name, inline } = reader.root.helm!.application!;
    addTo(byInstaller, JSON.stringify([name, inline]), reader);
  }
  if (byInstaller.size === 0) return [];
  // Each side's documents read once for all its installers (a file new in the change had no values at base).
  const documentsOf = (text: string) => (text === '' ? null : loadManifestFile(file, text).documents);
  const [baseDocuments, headDocuments] = [documentsOf(base), documentsOf(head)];
  const changes: ValuesChanges[] = [];
  for (const own of byInstaller.values()) {
    const installer = own[0]!.root.helm!.application!;
    const fill = own[0]!.root.helm!.inlineFill;
    const valuesOf = (documents: readonly ManifestDocument[] | null) => (documents === null ? '{}' : installerValuesAmong(documents, installer, fill));
    const [before, after] = [valuesOf(baseDocuments), valuesOf(headDocuments)];
    const inline = installer.inline;
    if (before === null || after === null || inline === null) continue;
    const lineOf = (key: Path) => {
      const document = headDocuments?.find((d) => installerObject(d.value, installer) !== null);
      return document === undefined ? null : locate(document.source, [...inline, ...key]).line;
    };
    changes.push({ keys: podSecurityChanges(before, after), readers: own, lineOf });
  }
  return changes;
}

/**
 * The notices of the values files a pull request changed where it sets a
 * pod-security key, read by renderings that all rendered at both commits
 * and none of which the change moved. `paths`: the head tree's (for the
 * chart's ci/*-values.yaml files).
 */
export function quietValuesChanges(changeSet: ChangeSet, renderings: readonly RenderingOutcome[], paths: Iterable<string>): LoadProblem[] {
  const notices: LoadProblem[] = [];
  for (const file of changeSet.files) {
    if (file.rendered === true || file.head.kind !== 'content') continue;
    const head = textOf(file.head.data);
    const base = file.base.kind === 'content' ? textOf(file.base.data) : '';
    if (head === null || base === null) continue;
    const readers = renderings.filter(({ root }) => root.helm !== null && (file.path === inDir(root.dir, 'values.yaml') || root.helm.valuesFiles.includes(file.path)));
    for (const changes of readers.length > 0 ? [valuesFileChanges(file.path, base, head)] : inlineChanges(file.path, base, head, renderings)) {
      const notice = quietNotice(file.path, changes, changes.readers ?? readers, paths);
      if (notice !== null) notices.push(notice);
    }
  }
  return notices;
}

/** Renderings as a notice names them: one by its label (`charts/web (values-prod.yaml)`); several by their charts, with how many renderings. */
export function renderingsNamed(renderings: readonly RenderingOutcome[]): { dirs: string[]; charts: string } {
  const dirs = [...new Set(renderings.map(({ root }) => root.dir))];
  const charts = renderings.length === 1 ? `\`${renderings[0]!.root.label}\`` : `${dirs.map((dir) => `\`${shownDir(dir)}\``).join(', ')} (${renderings.length} renderings)`;
  return { dirs, charts };
}

/** The notice of one values file's or installer's changes, when they set pod-security keys and none of its renderings moved. */
function quietNotice(file: string, { keys, lineOf }: ValuesChanges, quiet: readonly RenderingOutcome[], paths: Iterable<string>): LoadProblem | null {
  if (keys.length === 0 || quiet.some((r) => !r.bothRendered) || quiet.some((r) => r.changed())) return null;
  const { dirs, charts } = renderingsNamed(quiet);
  const one = dirs.length === 1;
  const { first, more } = firstOf(
    keys.map((key) => `\`${key.join('.')}\``),
    3,
  );
  return {
    file,
    line: lineOf(keys[0]!),
    kind: 'not-rendered',
    message: `this change sets ${first.join(', ')}${andMore(more)}, but ${charts} ${one ? 'renders' : 'render'} the same as before (the templates that read ${keys.length === 1 ? 'it' : 'them'} are off with the values ${one ? 'it is' : 'they are'} rendered with, or nothing reads ${keys.length === 1 ? 'it' : 'them'}): the change is not checked; ${renderAdvice(dirs[0]!, paths, quiet)}`,
  };
}
