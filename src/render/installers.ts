/**
 * The GitOps objects of some files that install a chart of this repository
 * (pure): Argo CD Applications (applications.ts), the Applications of
 * ApplicationSets (applicationSets.ts), Flux HelmReleases (helmReleases.ts)
 * and helmfile releases (helmfiles.ts), each as its rendering needs it.
 */
import { loadManifestFile } from '../manifests/load.js';
import { applicationChartOf, inlineValuesText, installerAmong } from './applications.js';
import type { ApplicationChart, InstallerRefusal, TextFile } from './applications.js';
import { applicationSetCharts, parameterFilesOf } from './applicationSets.js';
import { gitRepositoriesIn, helmReleaseChartOf } from './helmReleases.js';
import { helmfileReleases, isHelmfile, releaseValuesText } from './helmfiles.js';
import type { ManifestDocument } from '../manifests/types.js';
import { fleetBundleCharts } from './fleet.js';
import type { ApplicationValues } from './types.js';
import type { InlineFill } from './templateFilling.js';
import type { GitRepositories } from './helmReleases.js';

/** Whether a text may hold an object of one of `kinds` (a `kind:` naming it): only such a file is read as YAML to find them. */
export function namesKind(...kinds: readonly string[]): RegExp {
  return new RegExp(`\\bkind:\\s*["']?(?:${kinds.join('|')})\\b`);
}

const namesInstaller = namesKind('Application', 'ApplicationSet', 'HelmRelease', 'GitRepository');

const namesChartInstaller = namesKind('Application', 'ApplicationSet', 'HelmRelease');

/** Whether a file's text may hold an Argo CD Application or ApplicationSet, or a Flux HelmRelease. */
export function namesGitOpsInstaller(text: string): boolean {
  return namesChartInstaller.test(text);
}

/**
 * The Applications, HelmReleases and helmfile releases of some files that
 * install a chart of this repository, the helmfiles' first (`repository`:
 * repositoryKey of each URL it is known by, which a helmfile needs not;
 * `paths`: every file of the tree at head, to find the chart and its values
 * files). A HelmRelease's GitRepository is looked for in `known` (the files
 * themselves when not given): the files of the head commit that name one.
 * `parameterTexts` holds the files ApplicationSets read parameters from
 * (parameterFileReads): a set whose files are not there keeps its notice.
 * `refusals`, when given, gets why each set that keeps its notice does, by
 * the notice's place (noticeKey).
 */
export function applicationCharts(
  files: readonly TextFile[],
  repository: ReadonlySet<string>,
  paths: ReadonlySet<string>,
  known: readonly TextFile[] = files,
  parameterTexts: ReadonlyMap<string, string> = new Map(),
  refusals?: Map<string, string>,
): ApplicationChart[] {
  let sources: GitRepositories | undefined;
  const found: ApplicationChart[] = [];
  for (const file of files) {
    // A helmfile's and a Fleet bundle's charts are this repository's by their paths: no URL needs to name it (none for another file).
    found.push(...helmfileReleases(file, paths).charts, ...fleetBundleCharts(file, paths));
  }
  if (repository.size === 0) return found;
  for (const { path, text } of files) {
    if (!namesInstaller.test(text) || isHelmfile(path)) continue;
    for (const document of loadManifestFile(path, text).documents) {
      const refused = (refusal: InstallerRefusal) => {
        if (refusal.refused !== null && refusal.line !== null) refusals?.set(noticeKey(path, refusal.line), refusal.refused);
      };
      const generated = applicationSetCharts(document, repository, { paths, texts: parameterTexts });
      if (Array.isArray(generated)) found.push(...generated);
      else refused(generated);
      const application = applicationChartOf(document, repository, paths) ?? helmReleaseChartOf(document, (sources ??= gitRepositoriesIn(known, repository)), paths);
      if (application !== null && 'refused' in application) refused(application);
      else if (application !== null) found.push(application);
    }
  }
  return found;
}

/** Where an installer's notice is (its file and line): how a refusal, or the rendering that replaces the notice, finds it. */
export function noticeKey(file: string, line: number | null): string {
  return `${file}\u0000${line}`;
}

/** The files of a tree (`paths`) that the ApplicationSets of some files read parameters from (git `files` generators), each once. */
export function parameterFileReads(files: readonly TextFile[], repository: ReadonlySet<string>, paths: ReadonlySet<string>): string[] {
  if (repository.size === 0) return [];
  const reads = new Set<string>();
  for (const { path, text } of files) {
    if (!namesApplicationSet.test(text) || isHelmfile(path)) continue;
    for (const document of loadManifestFile(path, text).documents) for (const file of parameterFilesOf(document, repository, paths)) reads.add(file);
  }
  return [...reads];
}

const namesApplicationSet = namesKind('ApplicationSet');

/** The inline values of the object a chart is rendered for, read from its file's text at a commit (null: the commit lacks it). */
export function installerValuesIn(file: string, text: string, installer: ApplicationValues, fill?: InlineFill): string | null {
  return installerValuesAmong(loadManifestFile(file, text).documents, installer, fill);
}

/** installerValuesIn for a file's documents, read once for each of its installers (an `apps.yaml` of several). */
export function installerValuesAmong(documents: readonly ManifestDocument[], installer: ApplicationValues, fill?: InlineFill): string | null {
  const object = installerAmong(documents, installer);
  if (object === null) return null;
  return installer.kind === 'HelmfileRelease' ? releaseValuesText(object) : inlineValuesText(object, installer.inline, fill);
}
