/**
 * Charts and overlays under the paths a command is given (`check`, `fix`):
 * rendered with the tools on PATH, from the working directory only
 * (fsTree.ts); the files they use are judged through the renderings only,
 * and their report is merged with the plain files'.
 */
import path from 'node:path';
import { sortProblems } from '../findings/evaluateFiles.js';
import type { CheckReport, SourceFile } from '../findings/evaluateFiles.js';
import { filesNaming } from '../git/grep.js';
import { remoteUrls } from '../git/remotes.js';
import { collectFiles } from '../io/files.js';
import { fsTreeReader } from '../io/render/fsTree.js';
import { openRenderer } from '../io/render/renderer.js';
import type { RenderMemo } from '../io/render/renderer.js';
import type { TreeReader } from '../io/render/trees.js';
import type { LoadProblem } from '../manifests/types.js';
import { namesGitOpsInstaller } from '../render/installers.js';
import { textOf } from '../manifests/load.js';
import { isKustomizationFile } from '../render/kustomization.js';
import { checkRenderings, noticesOf } from '../render/stage.js';
import type { NoticeOf, RenderStageOptions } from '../render/stage.js';
import type { CliIO } from './options.js';
import { renderingProgress, stderrTerminal } from './progress.js';

export interface Renderings {
  readonly report: CheckReport;
  /** The files the renderings use: not plain manifests. */
  readonly consumed: ReadonlySet<string>;
  /** A plain file's problem as the report gives it: none for the notice of an Argo CD Application (or Flux HelmRelease) whose chart was rendered for it (its pod specs are checked there), an ApplicationSet's with why it was not (installerNotices). */
  readonly noticeOf: NoticeOf;
}

/**
 * What `check` and `fix` know of the clone for the GitOps objects among
 * their files: its remotes' URLs (an Application of one of them installs a
 * chart of this repository) and, with a remote, its files that name a Flux
 * GitRepository, wherever they are (a HelmRelease's chart is this
 * repository's when its GitRepository is).
 */
export async function cloneContext(io: CliIO, maxBytes: number): Promise<Pick<RenderStageOptions, 'repositoryUrls' | 'gitRepositoryFiles'>> {
  const repositoryUrls = await remoteUrls(io.cwd);
  if (repositoryUrls.length === 0) return { repositoryUrls };
  const gitRepositoryFiles: SourceFile[] = [];
  for (const file of await filesNaming(io.cwd, ['GitRepository'])) {
    const collected = collectFiles([file], io.cwd, maxBytes);
    if ('files' in collected) gitRepositoryFiles.push(...collected.files);
  }
  return { repositoryUrls, gitRepositoryFiles };
}

/**
 * The renderings of the charts and overlays under `paths`, or null when the
 * working directory cannot be read as a tree. `edited`: texts that stand in
 * for files on disk (by path as shown, relative to the working directory):
 * `fix` renders its fixed texts again before it writes them, or without
 * writing them at all (--dry-run), with a `memo` of its earlier renderings
 * (a root none of whose files a round changed is not rendered again).
 */
export async function renderingsUnder(io: CliIO, paths: readonly string[], maxBytes: number, options: RenderStageOptions, edited?: ReadonlyMap<string, string>, memo?: RenderMemo): Promise<Renderings | null> {
  // Each file's text once, for both questions: whether it names a GitOps object, and what it holds.
  const plainFiles = (options.plainFiles ?? []).flatMap(({ path: file, content }) => {
    const text = textOf(content);
    return text === null ? [] : [{ path: file, content: text }];
  });
  // An Application or HelmRelease given (`check apps/`, a pre-commit hook's staged file) installs a chart from elsewhere in the repository.
  const wholeTree = plainFiles.some((file) => namesGitOpsInstaller(file.content));
  const reader = fsTreeReader(io.cwd, paths, maxBytes, { wholeTree });
  const port = await openRenderer({ reader: edited && edited.size > 0 ? withEdits(reader, edited) : reader, base: null, head: '', ...(memo ? { memo } : {}) });
  if (port === null) return null;
  // On a terminal, a status line while the tools run (erased before the report).
  const terminal = stderrTerminal(io);
  const progress = terminal === null ? null : renderingProgress(port, terminal);
  try {
    return await checkRenderings(progress?.port ?? port, { ...options, plainFiles });
  } finally {
    progress?.end();
  }
}

/** A tree whose files read as `edited` says where it has them. */
function withEdits(reader: TreeReader, edited: ReadonlyMap<string, string>): TreeReader {
  const encoder = new TextEncoder();
  return {
    list: (commit) => reader.list(commit),
    async read(commit, listing, paths) {
      const files = await reader.read(commit, listing, paths);
      for (const p of paths) {
        const text = edited.get(p);
        if (text !== undefined && listing.has(p)) files.set(p, encoder.encode(text));
      }
      return files;
    },
  };
}

/** The plain files' report, then the renderings'; `problems` are the command's own (files it could not read). */
export function mergeReports(plain: CheckReport, rendered: Renderings, problems: CheckReport['errors']): CheckReport {
  return {
    ...plain,
    findings: [...plain.findings, ...rendered.report.findings],
    ignored: [...plain.ignored, ...rendered.report.ignored],
    policyProblems: [...plain.policyProblems, ...rendered.report.policyProblems],
    podSpecs: [...plain.podSpecs, ...rendered.report.podSpecs],
    errors: sortProblems([...problems, ...noticesOf(plain.errors, rendered.noticeOf), ...rendered.report.errors]),
    ...(rendered.report.renderings ? { renderings: rendered.report.renderings } : {}),
  };
}

/**
 * Charts and overlays are rendered within the working directory only
 * (fsTree.ts), and files outside it are shown by their absolute paths: a
 * chart or overlay found there is read as plain files, its templates
 * reported as templates. Said once per root, with what renders it.
 */
export function rootsOutside(files: readonly SourceFile[], command: 'check' | 'fix'): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const { path: file } of files) {
    if (!path.isAbsolute(file) || (path.basename(file) !== 'Chart.yaml' && !isKustomizationFile(file))) continue;
    problems.push({
      file,
      line: null,
      kind: 'not-rendered',
      message: `${path.dirname(file)} not rendered: it is outside the working directory, the only place charts and overlays are rendered from; run \`${command}\` from a folder that holds it`,
    });
  }
  return problems;
}
