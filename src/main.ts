/**
 * The Action's orchestration, and nothing else: event → change set → pod
 * specs the pull request introduced or modified → findings → review plan →
 * review, check run, job summary, outputs, exit status. Every finding
 * reaches the check run and the job summary even when its comment cannot
 * be posted; with a read-only token (fork pull requests, Dependabot) the
 * workflow annotations, the job summary and the exit status carry it all.
 *
 * `run` does nothing on import and takes its I/O as `ActionIO`, so tests
 * can drive it; called without one it uses the runner's (io/actionIO.ts).
 */
import { ConfigurationError, readSettings, readWriteInterval, writeIntervalVariable } from './config/settings.js';
import type { Settings } from './config/settings.js';
import { changeSetLines } from './diff/lines.js';
import type { ChangeSet, ChangedFile } from './diff/types.js';
import { readEventContext } from './event/context.js';
import type { EventContext } from './event/context.js';
import { readApiChangeSet, withGitHubDiffs, withoutDiffNotice } from './github/changeSet.js';
import { GitHubError } from './github/port.js';
import type { BlobRead, GitHubPort, PullRequestRef } from './github/port.js';
import { defaultPolicies, policyContext } from './findings/policyContext.js';
import type { PolicyContext } from './findings/policyContext.js';
import { relabelledFilesCap } from './git/namespaceWorkloads.js';
import type { NamespaceFiles, NamespaceFilesRequest } from './git/namespaceWorkloads.js';
import { configChange, fileChange } from './scope/configChange.js';
import { changedPaths, relabelledNamespaces } from './scope/relabelled.js';
import { inlineCode } from './report/markdown.js';
import { loadManifestFile } from './manifests/load.js';
import { failsRun } from './manifests/types.js';
import type { LoadProblem, ManifestDocument } from './manifests/types.js';
import { defaultPolicyConfig, formatConfigError, parsePolicyConfig } from './policy/config.js';
import { namespaceLabelsOn } from './policy/resolve.js';
import { extraChecksFor } from './policy/sources/adviceConfig.js';
import { reads } from './policy/sources/cluster.js';
import type { PolicyConfig } from './policy/types.js';
import { findingCounts } from './report/counts.js';
import { notComputedLines } from './report/notComputed.js';
import { annotationsOf, checkRunOutput, checkRunText, conclusionOf } from './report/checkRun.js';
import type { Annotation } from './report/checkRun.js';
import { fixedMarker, readFingerprints } from './report/fingerprint.js';
import { renderJson } from './report/json.js';
import { holdsSuggestion } from './report/commentBody.js';
import { blobLink, githubLinks, reviewBody, reviewMarker } from './report/reviewBody.js';
import { planReview } from './report/reviewPlan.js';
import type { ExistingComment, ReviewPlan } from './report/reviewPlan.js';
import { capAnnotations, clampCheckRunText, clampMarkdown, fitSections, jobSummaryBytes } from './report/limits.js';
import { renderSarif } from './report/sarif.js';
import { jobSummary } from './report/summary.js';
import type { SummaryInput } from './report/summary.js';
import type { ReviewFinding } from './report/types.js';
import { evaluateWithRendering } from './render/stage.js';
import type { RenderPort } from './render/types.js';
import type { DiffReport } from './scope/types.js';
import { version as toolVersion } from './version.js';
import { errorMessage } from './errorMessage.js';

/** Where rendering reads the trees of charts and overlays from. */
export type RenderSource = { readonly kind: 'git'; readonly workspace: string } | { readonly kind: 'api'; readonly github: GitHubPort; readonly owner: string; readonly repo: string };

/** Everything the Action touches outside itself. */
export interface ActionIO {
  input(name: string): string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  info(message: string): void;
  warning(message: string): void;
  /** A workflow-command annotation (shown on the PR's files even without API access). */
  annotate(level: 'error' | 'warning' | 'notice', message: string, where: { title: string; file: string; startLine: number }): void;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
  /** The API client; `writeInterval` replaces GitHub's advised spacing of writes (src/github/client.ts). */
  github(token: string, baseUrl: string, writeInterval?: number): GitHubPort;
  /** A change set from the local repository, or null when it lacks one of the commits. */
  gitChangeSet(workspace: string, base: string, head: string, maxBytes: number): Promise<ChangeSet | null>;
  /** A file at a commit of the local repository; null when absent (or the commit is not there). */
  gitFile(workspace: string, commit: string, path: string): Promise<string | null>;
  /** The documents of the commit's files that hold Namespace manifests (local repository). */
  gitNamespaceDocuments(workspace: string, commit: string, maxBytes: number): Promise<ManifestDocument[]>;
  /** The commit's files that put objects in the given namespaces, up to a cap (local repository). */
  gitNamespaceFiles(workspace: string, commit: string, request: NamespaceFilesRequest): Promise<NamespaceFiles>;
  /**
   * The render port for the charts and overlays a change affects: trees
   * from the local repository or through the API, as data (never a
   * checkout); diffed from the merge base of `base` and `head`. Null when
   * the head commit cannot be read.
   */
  renderPort(from: RenderSource, base: string, head: string, maxBytes: number): Promise<RenderPort | null>;
  /** Today as YYYY-MM-DD, for opt-outs that expire. */
  today(): string;
}

export interface RunResult {
  readonly conclusion: 'success' | 'failure' | 'neutral' | 'skipped';
  readonly findings: readonly ReviewFinding[];
  readonly failed: boolean;
}

/** Workflow-command annotations are capped per step (10 of each level): beyond that they are dropped silently. */
const annotationsPerLevel = 10;

function asReviewFindings(report: DiffReport, settings: Settings): ReviewFinding[] {
  // In warn mode nothing blocks: the check run is neutral at worst.
  return report.findings.map((f) => ({ ...f, blocking: f.blocking && settings.mode === 'enforce' }));
}

/** Where the config's text comes from: git, or the blob read with the change set's contents. */
interface ConfigRead {
  readonly viaGit: boolean;
  readonly blob: BlobRead | undefined;
}

/**
 * The policy config, read at the base commit: a pull request must not be
 * able to relax the policy that judges it. A change to the config takes
 * effect once merged.
 */
async function readPolicyConfig(io: ActionIO, settings: Settings, event: Exclude<EventContext, { kind: 'ignored' }>, configRead: ConfigRead): Promise<PolicyConfig> {
  if (!reads(settings.sourceOptions, 'config')) return defaultPolicyConfig;
  const workspace = io.env.GITHUB_WORKSPACE ?? '.';
  let text: string | null;
  if (configRead.viaGit) {
    text = await io.gitFile(workspace, event.baseSha, settings.configPath);
  } else {
    if (configRead.blob?.kind === 'link') throw new ConfigurationError(`input config: ${settings.configPath} is a symbolic link at the base commit (to ${configRead.blob.target}); links are not followed`);
    text = configRead.blob?.kind === 'text' ? configRead.blob.text : null;
  }
  if (text === null) {
    if (settings.configExplicit) throw new ConfigurationError(`input config: ${settings.configPath} does not exist at the base commit ${event.baseSha.slice(0, 12)}`);
    return defaultPolicyConfig;
  }
  const parsed = parsePolicyConfig(text, settings.configPath);
  if (!parsed.ok) throw new ConfigurationError(`invalid policy config (at the base commit):\n${parsed.errors.map(formatConfigError).join('\n')}`);
  return parsed.config;
}

/**
 * What the pull request does to the policy config, from its own diff (the
 * merge base against head): the run is judged by the base commit's config,
 * but what the change relaxes in it is a policy change. Outside the API's
 * file selection the file is not in the diff, and its version at the base
 * commit stands in for the merge base's. An invalid config at head is said
 * in a notice (it would stop every run once merged).
 */
function configChangeOf(settings: Settings, changeSet: ChangeSet, read: { readonly blob: BlobRead | undefined; readonly headBlob: BlobRead | undefined }): { change?: { base: PolicyConfig; head: PolicyConfig; path: string }; notices: string[] } {
  if (!reads(settings.sourceOptions, 'config')) return { notices: [] };
  const path = settings.configPath;
  const textOf = (blob: BlobRead | undefined) => (blob?.kind === 'text' ? blob.text : null);
  const change = fileChange(changeSet, path);
  if (change.kind === 'unchanged') return { notices: [] };
  const [base, head] = change.kind === 'changed' ? [change.base, change.head] : [textOf(read.blob), textOf(read.headBlob)];
  const reviewed = configChange(base, head, path);
  if (reviewed.kind === 'invalid') return { notices: [`The pull request leaves the policy config invalid; it would stop every run once merged:\n${reviewed.errors.map((e) => `> ${inlineCode(formatConfigError(e))}`).join('\n')}`] };
  return reviewed.kind === 'changed' ? { change: reviewed, notices: [] } : { notices: [] };
}

/**
 * The clone's change set, with the files GitHub shows no diff for taking no
 * inline comment (withGitHubDiffs). Only a pull request gets comments; when
 * its files cannot be listed, the clone's diff stands, and a review GitHub
 * refuses falls back to its body.
 */
async function asGitHubShows(github: GitHubPort, event: Exclude<EventContext, { kind: 'ignored' }>, local: ChangeSet): Promise<{ changeSet: ChangeSet; withoutDiff: readonly string[] }> {
  if (event.kind !== 'pull-request') return { changeSet: local, withoutDiff: [] };
  try {
    return withGitHubDiffs(local, await github.listPullFiles(event.pr));
  } catch (error) {
    if (error instanceof GitHubError) return { changeSet: local, withoutDiff: [] };
    throw error;
  }
}

async function changeSetFor(io: ActionIO, settings: Settings, event: Exclude<EventContext, { kind: 'ignored' }>, github: GitHubPort) {
  const workspace = io.env.GITHUB_WORKSPACE ?? '.';
  if (settings.source !== 'api') {
    const local = await io.gitChangeSet(workspace, event.baseSha, event.headSha, settings.maxFileBytes);
    if (local) return { ...(await asGitHubShows(github, event, local)), notices: [] as string[], viaGit: true, configBlob: undefined, headConfigBlob: undefined, extraDocuments: [] as ManifestDocument[] };
    if (settings.source === 'git') {
      throw new ConfigurationError(
        `source: git, but the workspace does not hold commits ${event.baseSha.slice(0, 12)} and ${event.headSha.slice(0, 12)}; check out with fetch-depth: 0`,
      );
    }
  }
  if (event.kind !== 'pull-request') {
    throw new ConfigurationError(`a ${event.eventName} event is checked from the local repository: check out with fetch-depth: 0 (or set source: git)`);
  }
  // The config file at the base commit (and at head, to review what the change does to it) rides along in the contents' batched queries.
  const config = { commit: event.baseSha, path: settings.configPath };
  const headConfig = { commit: event.headSha, path: settings.configPath };
  // A pinned admission configuration is read at head, like the Namespace manifests.
  const admissionPath = settings.sourceOptions.admissionConfigPath;
  const admission = admissionPath ? [{ commit: event.headSha, path: admissionPath }] : [];
  const api = await readApiChangeSet(github, {
    pr: event.pr,
    baseSha: event.baseSha,
    headSha: event.headSha,
    selection: settings.selection,
    maxBytes: settings.maxFileBytes,
    alsoRead: [config, headConfig, ...admission],
  });
  const admissionBlob = admissionPath ? api.extra.get(`${event.headSha}:${admissionPath}`) : undefined;
  const extraDocuments = admissionPath && admissionBlob?.kind === 'text' ? loadManifestFile(admissionPath, admissionBlob.text, { maxBytes: settings.maxFileBytes }).documents : [];
  const configBlob = api.extra.get(`${config.commit}:${config.path}`);
  return { changeSet: api, notices: [...api.notices], withoutDiff: api.withoutDiff, viaGit: false, configBlob, headConfigBlob: api.extra.get(`${headConfig.commit}:${headConfig.path}`), extraDocuments };
}

/**
 * Without a local checkout only the changed files are read, so a changed
 * workload's Namespace may be defined elsewhere: its labels then do not
 * apply. The namespaces of changed pod specs not among those read.
 */
function namespacesNotRead(report: DiffReport, labelsOn: boolean): string[] {
  if (!labelsOn) return [];
  const read = new Set(report.namespacesRead ?? []);
  // A chart's release namespace that no config names is a guess, not a Namespace the repository defines.
  const named = report.podSpecs.filter((p) => p.assumedNamespace !== true);
  return [...new Set(named.map((p) => p.namespace).filter((n): n is string => n !== null && !read.has(n)))].sort();
}

function namespaceNotice(missing: readonly string[]): string {
  const list = missing.map((n) => inlineCode(n)).join(', ');
  return `${missing.length === 1 ? 'Namespace' : 'Namespaces'} ${list} ${missing.length === 1 ? 'is' : 'are'} not defined in the changed files, the only ones read without a local checkout: ${missing.length === 1 ? 'its' : 'their'} pod-security labels were not applied. Check out with fetch-depth: 0 to apply them.`;
}

/**
 * The files outside the change with workloads in a Namespace it relabels
 * (issue 15 item 6): read from a checkout, up to a cap; through the API
 * they are not, and the notices say what was not re-evaluated.
 */
async function relabelledWorkloads(io: ActionIO, settings: Settings, headSha: string, read: { changeSet: ChangeSet; viaGit: boolean }, policy: PolicyContext): Promise<{ files: readonly ChangedFile[]; notices: string[] }> {
  const names = relabelledNamespaces(read.changeSet, { policy, selection: settings.selection, load: { maxBytes: settings.maxFileBytes } });
  if (names.length === 0) return { files: [], notices: [] };
  const list = `${names.length === 1 ? 'Namespace' : 'Namespaces'} ${names.map((n) => inlineCode(n)).join(', ')}`;
  if (!read.viaGit) {
    return { files: [], notices: [`${list}: the pull request raises the pod-security labels, and without a local checkout only the changed files are read, so workloads there in other files were not re-evaluated. Check out with fetch-depth: 0 to re-evaluate them.`] };
  }
  const skip = changedPaths(read.changeSet.files);
  const found = await io.gitNamespaceFiles(io.env.GITHUB_WORKSPACE ?? '.', headSha, { namespaces: names, skip, selection: settings.selection, maxBytes: settings.maxFileBytes, maxFiles: relabelledFilesCap });
  if (found.omitted.length === 0) return { files: found.files, notices: [] };
  const shown = found.omitted.slice(0, 10).map((o) => `${inlineCode(o.path)} (${o.reason})`);
  const more = found.omitted.length > shown.length ? `, and ${found.omitted.length - shown.length} more` : '';
  return { files: found.files, notices: [`${list}: the pull request raises the pod-security labels; these files with workloads there were not re-evaluated: ${shown.join(', ')}${more}.`] };
}

/** The token's user when GitHub says, else GITHUB_TOKEN's: the bot whose markers count. */
async function ourLogin(github: GitHubPort, warn: (m: string) => void): Promise<string> {
  try {
    return await github.viewerLogin();
  } catch (error) {
    warn(`could not ask GitHub who the token is (${(error as Error).message}); only comments by github-actions[bot] count as this Action's`);
    return 'github-actions[bot]';
  }
}

/**
 * Our earlier comments on the pull request, with their threads. Only
 * comments the token's own user wrote count: a marker copied into anyone
 * else's comment must not silence a finding. GraphQL names a bot without
 * the `[bot]` suffix REST shows.
 */
async function existingComments(github: GitHubPort, pr: PullRequestRef, warn: (m: string) => void): Promise<ExistingComment[]> {
  const login = await ourLogin(github, warn);
  const ours = new Set([login, `${login.replace(/\[bot\]$/, '')}[bot]`]);
  const comments = (await github.listReviewComments(pr)).filter((c) => c.author !== null && ours.has(c.author));
  let threads: Awaited<ReturnType<GitHubPort['listReviewThreads']>> = [];
  try {
    threads = await github.listReviewThreads(pr);
  } catch (error) {
    warn(`could not list review threads (${(error as Error).message}); fixed findings get a reply instead of a resolved thread`);
  }
  const threadOf = new Map(threads.flatMap((t) => t.commentIds.map((id) => [id, t] as const)));
  const repliedFixed = new Set(comments.filter((c) => c.inReplyTo !== null && c.body.includes(fixedMarker)).map((c) => c.inReplyTo));
  return comments
    .filter((c) => c.inReplyTo === null)
    .map((c) => ({ comment: c, fingerprints: readFingerprints(c.body) }))
    .filter(({ fingerprints }) => fingerprints.length > 0)
    .map(({ comment, fingerprints }) => ({
      commentId: comment.id,
      threadId: threadOf.get(comment.id)?.id ?? null,
      resolved: threadOf.get(comment.id)?.resolved ?? false,
      fingerprints,
      markedFixed: repliedFixed.has(comment.id),
      commitId: comment.originalCommitId,
      suggests: holdsSuggestion(comment.body),
    }));
}

/** Where every finding is listed, for a body that cannot hold them all. */
function checksLink(io: ActionIO, pr: PullRequestRef): string {
  const server = io.env.GITHUB_SERVER_URL ?? 'https://github.com';
  return `${server}/${pr.owner}/${pr.repo}/pull/${pr.number}/checks`;
}

/**
 * Post the review; GitHub rejects a whole review for one bad anchor, so fall
 * back once to a body-only review, which lists the comments as far as
 * GitHub's body limit allows and points to the check run for the rest.
 * True when the comments are inline.
 */
async function postReview(io: ActionIO, github: GitHubPort, event: Extract<EventContext, { kind: 'pull-request' }>, plan: ReviewPlan, settings: Settings, body: string, blocking: boolean): Promise<boolean> {
  if (plan.comments.length === 0) return true; // nothing new: no review, no noise
  // Changes are requested only for what blocks; warnings are comments.
  const review = { commitId: event.headSha, event: settings.reviewEvent === 'REQUEST_CHANGES' && blocking ? ('REQUEST_CHANGES' as const) : ('COMMENT' as const), body };
  try {
    await github.createReview(event.pr, { ...review, comments: plan.comments.map((c) => ({ path: c.path, line: c.line, startLine: c.startLine, body: c.body })) });
    return true;
  } catch (error) {
    if (!(error instanceof GitHubError) || error.status !== 422) throw error;
    io.warning(`GitHub rejected the inline comments (${error.message}); posting the findings in the review body instead`);
    const sections = plan.comments.map((c) => `#### \`${c.path}:${c.line}\`\n\n${c.body}`);
    const rest = (left: number) => `…and ${left} more ${left === 1 ? 'comment' : 'comments'}: every finding is in the [check run](${checksLink(io, event.pr)}) and the job summary.`;
    await github.createReview(event.pr, { ...review, body: fitSections(review.body, sections, rest), comments: [] });
    return false;
  }
}

/** With review-event REQUEST_CHANGES, this tool's change requests are dismissed once nothing blocks. */
async function dismissChangeRequests(github: GitHubPort, pr: PullRequestRef, headSha: string): Promise<void> {
  const reviews = await github.listReviews(pr);
  for (const review of reviews.filter((r) => r.state === 'CHANGES_REQUESTED' && r.body.includes(reviewMarker))) {
    await github.dismissReview(pr, review.id, `Nothing blocks at ${headSha.slice(0, 12)}: the Pod Security findings this review asked to change are fixed.`);
  }
}

async function markFixed(io: ActionIO, github: GitHubPort, pr: PullRequestRef, plan: ReviewPlan, headSha: string): Promise<void> {
  for (const comment of plan.fixed) {
    if (comment.threadId !== null) {
      try {
        await github.resolveThread(comment.threadId);
        continue;
      } catch (error) {
        // Resolving needs contents: write; without it, say so in the thread once.
        if (!(error instanceof GitHubError) || !error.isPermission) throw error;
      }
    }
    await github.replyToComment(pr, comment.commentId, `✅ Fixed: this finding is gone at ${headSha.slice(0, 12)}.\n\n${fixedMarker}`);
  }
}

function annotateFallback(io: ActionIO, annotations: readonly Annotation[]): number {
  const levelOf = { failure: 'error', warning: 'warning', notice: 'notice' } as const;
  const used = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  for (const a of annotations) {
    const level = levelOf[a.annotation_level];
    if (used[level] >= annotationsPerLevel) {
      dropped++;
      continue;
    }
    used[level]++;
    io.annotate(level, a.message, { title: a.title, file: a.path, startLine: a.start_line });
  }
  return dropped;
}

/**
 * GitHub failed while the pull request was being read (5xx, rate limit, a
 * missing permission): nothing was checked. Say so everywhere, and leave a
 * failed check run saying what failed, so a required check never waits
 * for a run that ended.
 */
async function reportUnread(io: ActionIO, settings: Settings, event: Exclude<EventContext, { kind: 'ignored' }>, github: GitHubPort, error: GitHubError): Promise<RunResult> {
  const title = 'Not checked: GitHub failed while the pull request was read';
  const what = `GitHub answered ${error.status === 0 ? 'nothing' : error.status}${error.message ? ` (${error.message})` : ''} while the pull request's files were read, so no manifest was checked. Re-run the job; if it keeps failing, check with \`source: git\` (a checkout with fetch-depth: 0).`;
  io.warning(what);
  await io.appendSummary(`## ${settings.checkName}: ${title}\n\n> [!WARNING]\n> ${what}\n`);
  io.setOutput('violations', '0');
  io.setOutput('blocking', '0');
  io.setOutput('conclusion', 'failure');
  const owner = event.kind === 'pull-request' ? event.pr.owner : event.owner;
  const repo = event.kind === 'pull-request' ? event.pr.repo : event.repo;
  try {
    await github.publishCheckRun(owner, repo, { name: settings.checkName, headSha: event.headSha, conclusion: 'failure', ...clampCheckRunText({ title, summary: what }), annotations: [] });
  } catch (publishError) {
    io.warning(`The check run could not be published either (${(publishError as Error).message}).`);
  }
  io.setFailed(`${title}: ${what}`);
  return { conclusion: 'failure', findings: [], failed: true };
}

/** Run the Action; without arguments, with the runner's real I/O (as index.ts and @github/local-action do). */
export async function run(given?: ActionIO): Promise<RunResult | undefined> {
  const io = given ?? (await import('./io/actionIO.js')).runnerIO();
  try {
    const settings = readSettings((name) => io.input(name));
    const writeInterval = readWriteInterval(io.env);
    const eventName = io.env.GITHUB_EVENT_NAME ?? '';
    const payload = io.env.GITHUB_EVENT_PATH ? (JSON.parse(await io.readText(io.env.GITHUB_EVENT_PATH)) as unknown) : {};
    const event = readEventContext(eventName, payload, io.env.GITHUB_REPOSITORY ?? '/');
    if (event.kind === 'ignored') {
      io.info(`Nothing to do: ${event.reason}.`);
      io.setOutput('violations', '0');
      io.setOutput('blocking', '0');
      io.setOutput('conclusion', 'skipped');
      return { conclusion: 'skipped', findings: [], failed: false };
    }
    if (writeInterval !== undefined) io.info(`GitHub API writes are spaced ${writeInterval} ms apart (${writeIntervalVariable}), not 1 s (3 s for reviews and comments) as GitHub advises.`);
    const github = io.github(settings.token, io.env.GITHUB_API_URL ?? 'https://api.github.com', writeInterval);
    let read: Awaited<ReturnType<typeof changeSetFor>>;
    try {
      read = await changeSetFor(io, settings, event, github);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      return await reportUnread(io, settings, event, github, error);
    }
    const { changeSet, notices, viaGit, configBlob, extraDocuments } = read;
    const config = await readPolicyConfig(io, settings, event, { viaGit, blob: configBlob });
    const configChange = configChangeOf(settings, changeSet, { blob: configBlob, headBlob: read.headConfigBlob });
    notices.push(...configChange.notices);
    const context = policyContext(io.today(), { config, overrides: settings.overrides, sourceOptions: settings.sourceOptions, extraChecks: extraChecksFor(config.advice, false) });
    const relabelled = await relabelledWorkloads(io, settings, event.headSha, read, context);
    notices.push(...relabelled.notices);
    const workspace = io.env.GITHUB_WORKSPACE ?? '.';
    const owner = event.kind === 'pull-request' ? event.pr.owner : event.owner;
    const repo = event.kind === 'pull-request' ? event.pr.repo : event.repo;
    // Under pull_request_target, charts and overlays are rendered only from data read through the API.
    const renderFrom: RenderSource = viaGit && event.eventName !== 'pull_request_target' ? { kind: 'git', workspace } : { kind: 'api', github, owner, repo };
    const renderPort = settings.render === 'off' ? null : await io.renderPort(renderFrom, event.baseSha, event.headSha, settings.maxFileBytes);
    const report = await evaluateWithRendering(
      changeSet,
      {
        policy: context,
        headNamespaceDocuments: viaGit ? await io.gitNamespaceDocuments(workspace, event.headSha, settings.maxFileBytes) : extraDocuments,
        load: { maxBytes: settings.maxFileBytes },
        selection: settings.selection,
        onlyNewViolations: settings.onlyNewViolations,
        fixes: settings.suggestions,
        relabelledFiles: relabelled.files,
        ...(configChange.change ? { configChange: configChange.change } : {}),
        ...(config.render ? { render: config.render } : {}),
        repositoryUrls: [`${io.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${owner}/${repo}`],
        ...(event.landsOn ? { landsOn: event.landsOn } : {}),
      },
      renderPort,
    );
    const header = defaultPolicies(context, report.cluster);
    const policy = `${header.enforce}, warn ${header.warn}`;
    const findings = asReviewFindings(report, settings);
    // Fixes not computed (a budget ran out, the fix engine failed on a file) are said once, beside each finding's note.
    for (const line of notComputedLines(findings)) {
      const notice = `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
      io.warning(notice);
      notices.push(notice);
    }
    const noDiff = withoutDiffNotice(read.withoutDiff, [...findings, ...report.errors]);
    if (noDiff !== null) notices.push(noDiff);
    if (!viaGit) {
      const missing = namespacesNotRead(report, reads(settings.sourceOptions, 'namespace-labels') && namespaceLabelsOn(config, settings.overrides));
      if (missing.length > 0) notices.push(namespaceNotice(missing));
    }

    let readOnly: string | null = null;
    const noteReadOnly = (error: unknown) => {
      if (error instanceof GitHubError && error.isPermission) {
        readOnly ??= `The token cannot write to this repository (${error.message}); findings are reported as workflow annotations, in this summary and by the job's status.${event.kind === 'pull-request' && event.fromFork ? ' This pull request comes from a fork: see the README for a safe pull_request_target setup.' : ''}`;
        return;
      }
      throw error;
    };

    const inline = new Set<ReviewFinding>();
    const inlineProblems = new Set<LoadProblem>();
    // What went wrong while reviewing, said in the check run and the summary, which carry every finding anyway.
    const reviewNotices: string[] = [];
    if (event.kind === 'pull-request') {
      // What failed, if GitHub fails one of the steps.
      let step = 'The earlier comments could not be read';
      try {
        const existing = await existingComments(github, event.pr, (m) => io.warning(m));
        const plan = planReview(findings, changeSetLines(changeSet), existing, settings.maxComments, event.headSha, report.errors);
        step = 'The review could not be posted';
        const links = githubLinks(io.env.GITHUB_SERVER_URL ?? 'https://github.com', event.pr.owner, event.pr.repo, event.pr.number, event.headSha);
        const body = reviewBody({ plan, findings, errors: report.errors, policy, links });
        const posted = await postReview(io, github, event, plan, settings, body, findings.some((f) => f.blocking) || report.errors.some(failsRun));
        // Findings in a body-only review are not on the diff: their annotations stay.
        const onDiff = posted ? plan.comments : [];
        for (const c of onDiff) c.findings.forEach((f) => inline.add(f));
        onDiff.forEach((c) => c.problems.forEach((e) => inlineProblems.add(e)));
        plan.alreadyCommented.forEach((f) => inline.add(f));
        plan.commentedProblems.filter((e) => !plan.comments.some((c) => c.problems.includes(e))).forEach((e) => inlineProblems.add(e));
        step = 'The threads of fixed findings could not be resolved';
        await markFixed(io, github, event.pr, plan, event.headSha);
        if (settings.reviewEvent === 'REQUEST_CHANGES' && conclusionOf(findings, report.errors, settings.mode) !== 'failure') {
          step = 'The earlier change request could not be dismissed';
          await dismissChangeRequests(github, event.pr, event.headSha);
        }
      } catch (error) {
        // GitHub refusing or failing (after retries) costs the inline comments, never the check run.
        if (error instanceof GitHubError && !error.isPermission) {
          const notice = `${step} (GitHub answered ${error.status}: ${error.message}); every finding is in the check run and this summary.`;
          io.warning(notice);
          reviewNotices.push(notice);
        } else noteReadOnly(error);
      }
    }

    // Files GitHub did not list and that could not be found otherwise: not checked, so never a green check.
    const unlisted: LoadProblem[] = changeSet.incomplete !== undefined ? [{ file: '(files GitHub did not list)', line: null, kind: 'unreadable', message: changeSet.incomplete }] : [];
    // Annotations past the cap are counted here; the summary's table lists every finding.
    const annotations = capAnnotations(annotationsOf(findings, report.errors, { findings: inline, problems: inlineProblems }, settings.unchecked));
    const capNotice = annotations.left > 0 ? [`${annotations.left} more findings and problems are not annotated on the files (GitHub's check runs take ${annotations.sent.length} here); all are listed below.`] : [];
    const summaryInput = (extra: readonly string[]): SummaryInput => ({
      policy,
      findings,
      ignored: report.ignored,
      policyProblems: report.policyProblems,
      errors: [...report.errors, ...unlisted],
      podSpecs: report.podSpecs.length,
      unchanged: report.unchangedPodSpecs,
      notices: [...notices, ...(report.notices ?? []).map((n) => `\`${n.file}:${n.line}\`: ${n.message}`), ...reviewNotices, ...capNotice, ...extra],
      inline,
      blob: blobLink(io.env.GITHUB_SERVER_URL ?? 'https://github.com', owner, repo, event.headSha),
      ...(report.renderings ? { renderings: report.renderings } : {}),
    });
    const output = checkRunOutput(summaryInput([]), settings.mode, settings.unchecked);

    // The job summary, the reports and the outputs come first: whatever the check-run calls do, they are there.
    const jsonPath = `${io.env.RUNNER_TEMP ?? '.'}/pod-security-review.json`;
    const sarifPath = `${io.env.RUNNER_TEMP ?? '.'}/pod-security-review.sarif`;
    await io.writeText(jsonPath, renderJson({ ...report, findings }, header));
    await io.writeText(sarifPath, renderSarif(findings, report.errors, toolVersion, settings.unchecked));
    const knownReadOnly: string | null = readOnly;
    const summaryText = jobSummary(settings.checkName, output.title, summaryInput(knownReadOnly !== null ? [knownReadOnly] : []), checkRunText(findings, inline));
    await io.appendSummary(clampMarkdown(summaryText, jobSummaryBytes, `The summary was cut at GitHub's 1 MiB limit; the JSON report (output report-json) and the SARIF file list every finding.`));
    const counts = findingCounts(findings);
    io.setOutput('violations', String(counts.total));
    io.setOutput('blocking', String(counts.blocking));
    io.setOutput('conclusion', output.conclusion);
    io.setOutput('report-json', jsonPath);
    io.setOutput('sarif', sarifPath);

    let checkRunFailure: string | null = null;
    if (readOnly === null) {
      try {
        const text = clampCheckRunText(output);
        const published = await github.publishCheckRun(owner, repo, { name: settings.checkName, headSha: event.headSha, conclusion: output.conclusion, ...text, annotations: annotations.sent });
        if (published.problem !== null) {
          io.warning(published.problem);
          await io.appendSummary(`> [!WARNING]\n> ${published.problem}; every finding is listed above.\n`);
        }
      } catch (error) {
        if (!(error instanceof GitHubError) || error.isPermission) noteReadOnly(error);
        else checkRunFailure = `The check run could not be published (GitHub answered ${error.status}: ${error.message}); every finding is in this summary, the reports and the job's status.`;
      }
    }
    if (checkRunFailure !== null) {
      io.warning(checkRunFailure);
      await io.appendSummary(`> [!WARNING]\n> ${checkRunFailure}\n`);
    }
    if (readOnly !== null) {
      io.warning(readOnly);
      const dropped = annotateFallback(io, annotations.sent);
      const addendum = [...(knownReadOnly === null ? [readOnly] : []), ...(dropped > 0 ? [`${dropped} annotations over GitHub's per-step limit are listed only in the table above.`] : [])];
      await io.appendSummary(addendum.map((line) => `> [!NOTE]\n> ${line}\n`).join('\n'));
    }

    // Without a check run the job's status is the only gate left.
    const failed = (settings.failOn === 'violations' && output.conclusion === 'failure') || checkRunFailure !== null;
    if (failed) io.setFailed(checkRunFailure ?? `${output.title} (${policy})`);
    return { conclusion: output.conclusion, findings, failed };
  } catch (error) {
    // Fail the job on anything thrown, not only Error instances.
    const message = errorMessage(error);
    io.setFailed(error instanceof ConfigurationError ? message : `internal error: ${message}`);
    return undefined;
  }
}
