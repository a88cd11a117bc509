/**
 * The terminal report: one line per finding, `file:line`, so editors and
 * terminals can jump to it, grouped by pod spec, then the problems and a
 * one-line summary.
 */
import type { Finding } from '../findings/types.js';
import { formatLevelVersion } from '../pss/levels.js';
import type { LevelVersion } from '../pss/types.js';
import type { ReportLike } from './json.js';

function subject(f: { kind: string; namespace: string | null; name: string }): string {
  const ns = f.namespace === null ? '' : `${f.namespace}/`;
  return `${f.kind} ${ns}${f.name === '' ? '(unnamed)' : f.name}`;
}

function findingLine(f: Finding & { status?: string; preexisting?: boolean }): string {
  // In a diff, say whether the change made the pod spec and whether the violation is old.
  const change = f.status === undefined ? '' : ` (${f.status}${f.preexisting ? ', already failing before' : ''})`;
  return `${f.file}:${f.line}: ${subject(f)}${change}: ${f.reason} (${f.detail}) [${f.check}]`;
}

export function renderText(report: ReportLike, policy: LevelVersion): string {
  const lines: string[] = [];
  for (const f of report.findings) lines.push(findingLine(f));
  for (const e of report.errors) lines.push(`${e.file}${e.line === null ? '' : `:${e.line}`}: error: ${e.message}`);
  const denied = report.podSpecs.filter((p) => !p.allowed).length;
  const total = report.podSpecs.length;
  const summary =
    `${formatLevelVersion(policy)}: ${total} pod ${total === 1 ? 'spec' : 'specs'} checked, ` +
    `${denied} violating (${report.findings.length} ${report.findings.length === 1 ? 'finding' : 'findings'})` +
    (report.errors.length > 0 ? `, ${report.errors.length} ${report.errors.length === 1 ? 'file problem' : 'file problems'}` : '') +
    (report.unchangedPodSpecs !== undefined ? `; ${report.unchangedPodSpecs} unchanged ${report.unchangedPodSpecs === 1 ? 'pod spec' : 'pod specs'} not checked` : '');
  lines.push(summary);
  return `${lines.join('\n')}\n`;
}
