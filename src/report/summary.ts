/**
 * The markdown summary shared by the check run, the job summary and the
 * review body: counts, the policy, and a table of every finding, so nothing
 * is lost when a comment cannot be posted.
 */
import type { IgnoredFinding, PolicyProblemReport } from '../findings/types.js';
import { isWarning } from '../manifests/types.js';
import type { LoadProblem } from '../manifests/types.js';
import { escapeText, inlineCode } from './markdown.js';
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
}

/** Manifest text in a table cell or a list line: escaped (report/markdown.ts), `|` included. */
const cell = (text: string) => escapeText(text);
const codeCell = (text: string) => inlineCode(text).replaceAll('|', '\\|');

const problemLine = (e: LoadProblem): string => `- ${codeCell(`${e.file}${e.line === null ? '' : `:${e.line}`}`)}: ${cell(e.message)}`;

export function countsLine(input: SummaryInput): string {
  const blocking = input.findings.filter((f) => f.blocking).length;
  const warnings = input.findings.length - blocking;
  const notChecked = input.errors.filter((e) => !isWarning(e)).length;
  return (
    `**${blocking}** blocking, **${warnings}** non-blocking ${input.findings.length === 1 ? 'finding' : 'findings'} ` +
    `in ${input.podSpecs} new or modified pod ${input.podSpecs === 1 ? 'spec' : 'specs'} ` +
    `(${input.unchanged} unchanged not checked); ${input.ignored.length} ignored by the policy; ${notChecked} ${notChecked === 1 ? 'file' : 'files'} could not be checked.`
  );
}

export function summaryMarkdown(input: SummaryInput): string {
  const lines: string[] = [`Policy: \`${input.policy}\`. ${countsLine(input)}`, ''];
  for (const notice of input.notices) lines.push(`> [!NOTE]\n> ${notice}`, '');
  if (input.findings.length > 0) {
    lines.push('| | File | Workload | Check | Message | Change |', '| --- | --- | --- | --- | --- | --- |');
    for (const f of input.findings) {
      const icon = f.blocking ? '❌' : '⚠️';
      const workload = `${f.kind} ${f.namespace === null ? '' : `${f.namespace}/`}${f.name}`;
      const change = `${f.status}${f.preexisting ? ', preexisting' : ''}${input.inline?.has(f) ? ', commented' : ''}`;
      lines.push(`| ${icon} | ${codeCell(`${f.file}:${f.line}`)} | ${cell(workload)} | \`${f.check}\` | ${cell(`${f.reason} (${f.detail})`)} | ${change} |`);
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
    { title: '**Manifest warnings**', problems: input.errors.filter(isWarning) },
    { title: '**Files that could not be checked**', problems: input.errors.filter((e) => !isWarning(e)) },
  ];
  for (const { title, problems } of sections) {
    if (problems.length === 0) continue;
    lines.push(title, '', ...problems.map(problemLine), '');
  }
  return lines.join('\n');
}
