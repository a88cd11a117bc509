/**
 * The terminal report: one line per finding in the compilers' shape,
 * `file:line:column: error|warning: message`, so editors, terminals and the
 * problem matcher (problem-matcher.json) can jump to it: blocking findings
 * are errors; warnings, audit warnings, upgrade previews, ignored findings,
 * notes and policy problems are marked as such; then file problems
 * (`file:line: error|warning|note:`, no column: a file not checked is a
 * note, as it is a notice in the check run, unless `--unchecked failure`
 * makes it fail) and a one-line summary.
 */
import type { Finding } from '../findings/types.js';
import { problemSeverity } from '../findings/unchecked.js';
import type { UncheckedPolicy } from '../findings/unchecked.js';
import type { PolicyHeader, ReportLike } from './json.js';
import { findingCounts, problemCounts } from './counts.js';
import { alikeRenderings, rootsByTool, workloadName, workloadsNamed } from './namesBy.js';

const subject = (f: { kind: string; namespace: string | null; name: string }) => `${f.kind} ${workloadName(f)}`;

/** Blocking findings are errors; the others say what they are (none of them fails the run). */
function label(f: Finding): string {
  if (f.blocking) return 'error: ';
  return f.mode === 'audit' ? 'audit warning: ' : f.mode === 'preview' ? 'upgrade preview: ' : 'warning: ';
}

/**
 * `file:line:column` of a finding's first field; no column when the line is
 * not that field's (a rendered finding's line is in the chart or overlay
 * source, its fields in the rendered output).
 */
function position(f: Finding): string {
  const first = f.locations[0];
  const column = f.rendered === undefined && first !== undefined && first.line === f.line ? `:${first.column}` : '';
  return `${f.file}:${f.line}${column}`;
}

type ReportedFinding = Finding & { status?: string; preexisting?: boolean };

/** A finding's line up to where it says what rendered it, but for its workload: before it, and after it. */
function findingText(f: ReportedFinding): { readonly head: string; readonly tail: string } {
  // In a diff, say whether the change made the pod spec and whether the violation is old.
  const change = f.status === undefined ? '' : ` (${f.status}${f.preexisting ? ', already failing before' : ''})`;
  // The level is named when it is not the run's default enforced level.
  const level = f.mode === 'enforce' && !['namespace-label', 'config-rule', 'kyverno', 'admission-config'].includes(f.levelSource.kind) ? '' : ` at ${f.level}:${f.version} (${f.levelSource.detail})`;
  return { head: `${position(f)}: ${label(f)}`, tail: `${change}: ${f.reason} (${f.detail}) [${f.check}]${level}` };
}

/**
 * One line per finding, but one for those several renderings make alike on
 * one source line (alikeRenderings): overlays that share a base, whatever
 * they name its workload, naming each workload and rendering, as the review
 * comments once on that line.
 */
function findingLines(findings: readonly ReportedFinding[]): string[] {
  return alikeRenderings(findings, findingText, ({ head, tail }, f) => `${head}\u0000${tail}\u0000${f.rendered!.exact}`).map(({ read: { head, tail }, rendered, findings: alike }) => {
    const text = `${head}${workloadsNamed(alike)}${tail}`;
    return rendered.length === 0 ? text : `${text} (rendered by ${rootsByTool(rendered)}${rendered[0]!.exact ? '' : ', no source line writes it'})`;
  });
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A message's later lines (a failed render's tool output), indented under
 * its first, so that each problem starts the only unindented line it has.
 */
const underFirst = (message: string) => message.split('\n').join('\n  ');

/** A file problem's word: what it does to the run, as the check run's annotation levels say. */
const problemWords = { error: 'error', warning: 'warning', notice: 'note' } as const;

export function renderText(report: ReportLike, header: PolicyHeader, unchecked: UncheckedPolicy): string {
  const lines: string[] = [];
  lines.push(...findingLines(report.findings));
  for (const f of report.ignored) lines.push(`${position(f)}: ignored: ${subject(f)}: ${f.reason} [${f.check}]: ${f.why.join('; ')}`);
  // A policy problem (an opt-out that does not count) fails nothing by itself: the finding it meant to silence still does.
  for (const p of report.policyProblems) lines.push(`${p.file}:${p.line}: warning: ${subject(p)}: ${p.message}`);
  for (const n of report.notices ?? []) lines.push(`${n.file}:${n.line}: note: ${n.message}`);
  for (const e of report.errors) lines.push(`${e.file}${e.line === null ? '' : `:${e.line}`}: ${problemWords[problemSeverity(e, unchecked)]}: ${underFirst(e.message)}`);
  const { blocking, warnings } = findingCounts(report.findings);
  const denied = report.podSpecs.filter((p) => !p.allowed).length;
  const parts = [
    `${header.enforce} (warn ${header.warn}): ${count(report.podSpecs.length, 'pod spec', 'pod specs')} checked, ${denied} violating`,
    `(${count(blocking, 'blocking finding', 'blocking findings')}, ${count(warnings, 'warning', 'warnings')}` +
      (report.ignored.length > 0 ? `, ${report.ignored.length} ignored` : '') +
      ')',
  ];
  let summary = parts.join(' ');
  // As the check run's title weighs them: a note of a chart not rendered is no error.
  for (const part of problemCounts(report.errors)) summary += `, ${part}`;
  if (report.unchangedPodSpecs !== undefined) summary += `; ${count(report.unchangedPodSpecs, 'unchanged pod spec', 'unchanged pod specs')} not checked`;
  lines.push(summary);
  return `${lines.join('\n')}\n`;
}
