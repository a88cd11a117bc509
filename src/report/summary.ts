/**
 * The markdown summary shared by the check run and the job summary: the
 * counts by severity on one line, notes, then one table row per workload
 * and fix (location, workload, what fails, status), so nothing is lost when
 * a comment cannot be posted; the full per-finding detail is the check
 * run's text (checkRunText), and collapsed in the job summary.
 */
import type { IgnoredFinding, PolicyProblemReport, RenderingSummary } from '../findings/types.js';
import { filesNotChecked, inPartText } from '../findings/unchecked.js';
import { problemClass } from '../manifests/types.js';
import type { LoadProblem } from '../manifests/types.js';
import { escapeText, inlineCode, messageText } from './markdown.js';
import { findingCounts } from './counts.js';
import { checkTitles } from './explanations.js';
import { firstRootsByTool, lineWorkload, workloadsNamed } from './namesBy.js';
import { addTo } from '../multiMap.js';
import { andMore, firstOf } from '../firstFew.js';
import type { ReviewFinding } from './types.js';

export interface SummaryInput {
  readonly policy: string;
  readonly findings: readonly ReviewFinding[];
  /** Findings the policy set aside (exemption, disable, opt-out), with why. */
  readonly ignored: readonly IgnoredFinding[];
  /** Opt-out annotations that are themselves wrong. */
  readonly policyProblems: readonly PolicyProblemReport[];
  readonly errors: readonly LoadProblem[];
  readonly podSpecs: number;
  readonly unchanged: number;
  /** Notes to show first (truncated file list, read-only token, …). */
  readonly notices: readonly string[];
  /** Fingerprints of findings that have an inline comment (new or earlier). */
  readonly inline?: ReadonlySet<ReviewFinding>;
  /** A link to a line of a file at the head commit, when there is one to link to. */
  readonly blob?: (path: string, line: number) => string;
  /** The charts and overlays rendered and checked. */
  readonly renderings?: readonly RenderingSummary[];
}

/** The renderings the summary names; the JSON report lists every one. */
const shownRenderings = 10;

/**
 * What was rendered and checked, by tool, on one line: a reader who sees no
 * finding for a chart or an Application sees that it was checked.
 */
export function renderingsLine(renderings: readonly RenderingSummary[]): string | null {
  if (renderings.length === 0) return null;
  const shown = renderings.slice(0, shownRenderings);
  const byTool = new Map<string, string[]>();
  for (const r of shown) addTo(byTool, r.tool, inlineCode(r.rendering));
  const parts = [...byTool].map(([tool, names]) => `${names.join(', ')} (${tool})`);
  const more = renderings.length - shown.length;
  return `Rendered and checked: ${parts.join('; ')}${more > 0 ? `, and ${more} more (the JSON report lists them all)` : ''}.`;
}

/** Manifest text in a table cell or a list line: escaped (report/markdown.ts), `|` included. */
const cell = (text: string) => escapeText(text);
const codeCell = (text: string) => inlineCode(text).replaceAll('|', '\\|');

const problemLine = (e: LoadProblem): string => `- ${codeCell(`${e.file}${e.line === null ? '' : `:${e.line}`}`)}: ${messageText(e.message)}`;

/** From how many files a cause they share is said once for them all. */
const sharedCauseAt = 3;
/** How many files a shared cause's line names. */
const namedWithCause = 10;

/**
 * A section's problems, one line each, but those that share a cause (a
 * pull request that bumps a library chart in 180 charts, none of which
 * vendors it) in one line naming the first files: the full messages filled
 * a check run's summary past its limit, and cut off the rest.
 */
function problemLines(problems: readonly LoadProblem[]): string[] {
  const byCause = new Map<string, LoadProblem[]>();
  for (const problem of problems) if (problem.cause !== undefined) addTo(byCause, problem.cause, problem);
  const lines: string[] = [];
  const said = new Set<string>();
  for (const problem of problems) {
    const { cause } = problem;
    const shared = cause === undefined ? undefined : byCause.get(cause);
    if (cause === undefined || shared === undefined || shared.length < sharedCauseAt) lines.push(problemLine(problem));
    else if (!said.has(cause)) {
      said.add(cause);
      const { first, more } = firstOf(shared, namedWithCause);
      const rest = more === 0 ? '' : `${andMore(more)} (the JSON report lists them all)`;
      lines.push(`- ${shared.length} files not rendered, each because ${messageText(cause)}: ${first.map((p) => codeCell(p.file)).join(', ')}${rest}`);
    }
  }
  return lines;
}

/** Invalid input, or a file not checked: neither a warning about a checked file nor a note on a file left out on purpose. */
const couldNotBeChecked = (e: Pick<LoadProblem, 'kind'>) => problemClass(e) === 'invalid' || problemClass(e) === 'unchecked';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The counts by severity, then what was checked, on one line. */
export function countsLine(input: SummaryInput): string {
  const { blocking, warnings } = findingCounts(input.findings);
  // Files, as the check run's title counts them: a chart rendered without dependencies apart.
  const { whole: notChecked, inPart } = filesNotChecked(input.errors, couldNotBeChecked);
  const severities = [`❌ **${blocking}** blocking`, `⚠️ **${warnings}** ${warnings === 1 ? 'warning' : 'warnings'}`];
  if (notChecked.size > 0) severities.push(`**${notChecked.size}** ${notChecked.size === 1 ? 'file' : 'files'} not checked`);
  if (inPart.size > 0) severities.push(inPartText(inPart.size));
  if (input.ignored.length > 0) severities.push(`${input.ignored.length} ignored by the policy`);
  return `${severities.join(' · ')} — ${plural(input.podSpecs, 'new or modified pod spec', 'new or modified pod specs')} checked (${input.unchanged} unchanged), policy \`${input.policy}\`.`;
}

/**
 * The rows of the table: one per workload and fix (findings without a fix:
 * per line); a rendered source line's, one for every workload the renderings
 * name there (overlays that share a base), as the review comments once.
 */
export function summaryRows(findings: readonly ReviewFinding[]): ReviewFinding[][] {
  const rows = new Map<string, ReviewFinding[]>();
  for (const f of findings) {
    const fix = f.fix ? `fix ${f.fix.startLine}-${f.fix.endLine}` : `line ${f.line}`;
    addTo(rows, [f.file, ...lineWorkload(f), fix].join('\u0000'), f);
  }
  return [...rows.values()];
}

/**
 * Where a row points: the first line its fix changes, where its review
 * comment and suggestion are (a container's findings may sit on its own
 * lines while the fix goes to the pod's); else its first finding's line.
 */
function rowLocation(row: readonly ReviewFinding[]): { file: string; line: number } {
  const first = row.reduce((a, b) => (b.line < a.line ? b : a));
  return { file: first.file, line: first.fix ? first.fix.startLine : first.line };
}

/** The roots a table row names; the details below it name them all. */
const rowRoots = 3;

function statusOf(row: readonly ReviewFinding[]): string {
  const old = row.filter((f) => f.preexisting).length;
  // Every rendering of the row (overlays that share a base make the row's findings each), each tool once.
  const rendered = row.flatMap((f) => (f.rendered ? [f.rendered] : []));
  return `${row[0]!.status}${old === row.length ? ', preexisting' : old > 0 ? ', partly preexisting' : ''}${rendered.length > 0 ? `, rendered by ${firstRootsByTool(rendered, rowRoots, inlineCode)}` : ''}`;
}

function whatFails(row: readonly ReviewFinding[]): string {
  const blocking = [...new Set(row.filter((f) => f.blocking).map((f) => checkTitles[f.check].problem))];
  const other = [...new Set(row.filter((f) => !f.blocking).map((f) => checkTitles[f.check].problem))].filter((p) => !blocking.includes(p));
  return [...(blocking.length > 0 ? [`❌ ${blocking.join(', ')}`] : []), ...(other.length > 0 ? [`⚠️ ${other.join(', ')}`] : [])].join('; ');
}

export function summaryMarkdown(input: SummaryInput): string {
  const lines: string[] = [countsLine(input), ''];
  const rendered = renderingsLine(input.renderings ?? []);
  if (rendered !== null) lines.push(rendered, '');
  for (const notice of input.notices) lines.push(`> [!NOTE]\n> ${notice}`, '');
  if (input.findings.length > 0) {
    lines.push('| Location | Workload | What fails | Status |', '| --- | --- | --- | --- |');
    // In the order of the files and lines they point at (findings come in the checks' order).
    const located = summaryRows(input.findings).map((row) => ({ row, ...rowLocation(row) }));
    located.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
    for (const { row, file, line } of located) {
      const location = codeCell(`${file}:${line}`);
      lines.push(`| ${input.blob ? `[${location}](${input.blob(file, line)})` : location} | ${cell(workloadsNamed(row))} | ${cell(whatFails(row))} | ${statusOf(row)} |`);
    }
    lines.push('');
  }
  if (input.ignored.length > 0) {
    lines.push('**Ignored by the policy**', '', '| File | Workload | Check | Why |', '| --- | --- | --- | --- |');
    for (const f of input.ignored) {
      const workload = `${f.kind} ${f.namespace === null ? '' : `${f.namespace}/`}${f.name}`;
      lines.push(`| ${codeCell(`${f.file}:${f.line}`)} | ${cell(workload)} | \`${f.check}\` | ${cell(f.why.join('; '))} |`);
    }
    lines.push('');
  }
  if (input.policyProblems.length > 0) {
    lines.push('**Opt-out annotations that do not count**', '');
    for (const p of input.policyProblems) lines.push(`- ${codeCell(`${p.file}:${p.line}`)} (${cell(`${p.kind} ${p.name}`)}): ${cell(p.message)}`);
    lines.push('');
  }
  const sections = [
    { title: '**Manifest warnings**', problems: input.errors.filter((e) => problemClass(e) === 'warning') },
    { title: '**Files that could not be checked**', problems: input.errors.filter(couldNotBeChecked) },
    { title: '**Files left off**', problems: input.errors.filter((e) => problemClass(e) === 'note') },
  ];
  for (const { title, problems } of sections) {
    if (problems.length === 0) continue;
    lines.push(title, '', ...problemLines(problems), '');
  }
  return lines.join('\n');
}

/** The job summary: a heading with the check run's title, the summary, and every finding in full, collapsed. */
export function jobSummary(checkName: string, title: string, input: SummaryInput, detail: string): string {
  const more = input.findings.length === 0 ? '' : `\n<details><summary>Every finding in full</summary>\n\n${detail}\n</details>\n`;
  return `## ${checkName}: ${title}\n\n${summaryMarkdown(input)}${more}`;
}
