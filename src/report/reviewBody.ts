/**
 * The body of the review (pure). It never hides a blocker: every blocking
 * finding and every file that fails the check without an inline comment of
 * its own is listed first, as a `file:line` link to the head commit, so a
 * developer who fixes the comments is not left with a red check and no
 * idea why. Then the counts by severity, then a link to the check run,
 * which lists everything.
 */
import { failsRun, fileCount } from '../manifests/types.js';
import type { LoadProblem } from '../manifests/types.js';
import { escapeText, inlineCode, messageText } from './markdown.js';
import { findingCounts } from './counts.js';
import type { ReviewPlan } from './reviewPlan.js';
import type { ReviewFinding } from './types.js';

/** Where the body's links go. */
export interface ReviewLinks {
  /** A line of a file at the head commit. */
  blob(path: string, line: number | null): string;
  /** The check run, or the pull request's checks. */
  readonly checks: string;
}

/** Marks the reviews this tool posted, to dismiss its own change requests once nothing blocks. */
export const reviewMarker = '<!-- pod-security-review-review -->';

/** Blockers listed one per line; beyond this the check run has the rest (a review body has a size limit). */
export const maxListedBlockers = 50;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const workloadOf = (f: ReviewFinding) => `${f.kind} ${f.namespace === null ? '' : `${f.namespace}/`}${f.name}`;

/** "2 blocking, 4 warnings, 1 file not checked": what the review is about, by severity. */
export function severityCounts(findings: readonly ReviewFinding[], errors: readonly LoadProblem[]): string {
  const { blocking, warnings } = findingCounts(findings);
  // Files, as the check run's title counts them.
  const failing = fileCount(errors.filter(failsRun));
  const parts = [`${blocking} blocking`, plural(warnings, 'warning', 'warnings')];
  if (failing > 0) parts.push(`${plural(failing, 'file', 'files')} not checked`);
  return parts.join(', ');
}

/** Past this many characters a detail is cut in the list (a hostPath check names every volume): the check run has it whole. */
const maxListedDetail = 160;

/** A detail as the list shows it: whole, or cut after a name with `…`. */
function shortDetail(detail: string): string {
  if (detail.length <= maxListedDetail) return detail;
  const cut = detail.lastIndexOf(', ', maxListedDetail);
  return `${detail.slice(0, cut > 0 ? cut : maxListedDetail)}, …`;
}

/**
 * The blockers as the list names them: one line per place, workload and
 * check, however many renderings give it (a chart rendered once per
 * `ci/*-values.yaml` file fails hostPath on the same template line in each,
 * with other volumes), the first one's detail standing for them.
 */
function sameBlockers(findings: readonly ReviewFinding[]): { readonly finding: ReviewFinding; readonly renderings: number }[] {
  const byPlace = new Map<string, { finding: ReviewFinding; renderings: number }>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.file, finding.line, workloadOf(finding), finding.check]);
    const known = byPlace.get(key);
    if (known === undefined) byPlace.set(key, { finding, renderings: 1 });
    else known.renderings++;
  }
  return [...byPlace.values()];
}

export interface ReviewBodyInput {
  readonly plan: ReviewPlan;
  /** Every finding of the run (the plan holds those it comments on). */
  readonly findings: readonly ReviewFinding[];
  readonly errors: readonly LoadProblem[];
  readonly policy: string;
  readonly links: ReviewLinks;
}

export function reviewBody({ plan, findings, errors, policy, links }: ReviewBodyInput): string {
  const inline = new Set<ReviewFinding>([...plan.comments.flatMap((c) => c.findings), ...plan.alreadyCommented]);
  const commentedProblems = new Set(plan.commentedProblems);
  const link = (path: string, line: number | null) => `[${inlineCode(`${path}${line === null ? '' : `:${line}`}`)}](${links.blob(path, line)})`;
  const uncommented = findings.filter((f) => f.blocking && !inline.has(f));
  const problems = errors.filter((e) => failsRun(e) && !commentedProblems.has(e));
  const blockers = [
    ...sameBlockers(uncommented).map(({ finding: f, renderings }) => `- ${link(f.file, f.line)} ${escapeText(`${workloadOf(f)}: ${f.reason} (${shortDetail(f.detail)})`)}${renderings > 1 ? ` (in ${renderings} renderings)` : ''}`),
    ...problems.map((e) => `- ${link(e.file, e.line)} could not be checked: ${messageText(e.message)}`),
  ];
  const lines = [`**Pod Security review** (\`${policy}\`): ${plural(plan.comments.length, 'new inline comment', 'new inline comments')}.`];
  if (blockers.length > 0) {
    // As many as the list has lines: a base that seven overlays render is one blocker to fix, not seven (findingCounts).
    lines.push('', `> [!CAUTION]\n> ${plural(blockers.length, 'blocker has', 'blockers have')} no inline comment (outside the diff, or over the comment limit):`, '');
    lines.push(...blockers.slice(0, maxListedBlockers));
    if (blockers.length > maxListedBlockers) lines.push(`- … and ${blockers.length - maxListedBlockers} more in the check run`);
  }
  lines.push('', `${severityCounts(findings, errors)}. [Every finding is in the check run](${links.checks}).`, '', reviewMarker);
  return lines.join('\n');
}

/** A link to a line of a file at a commit, on github.com (or GitHub Enterprise Server). */
export function blobLink(serverUrl: string, owner: string, repo: string, sha: string): (path: string, line: number | null) => string {
  const base = `${serverUrl.replace(/\/$/, '')}/${owner}/${repo}`;
  const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');
  return (path, line) => `${base}/blob/${sha}/${encodePath(path)}${line === null ? '' : `#L${line}`}`;
}

/** Links for a pull request at its head commit. */
export function githubLinks(serverUrl: string, owner: string, repo: string, pullNumber: number, headSha: string): ReviewLinks {
  return { blob: blobLink(serverUrl, owner, repo, headSha), checks: `${serverUrl.replace(/\/$/, '')}/${owner}/${repo}/pull/${pullNumber}/checks` };
}
