/**
 * The terminal report: one line per finding, `file:line`, so editors and
 * terminals can jump to it, grouped by pod spec, then the problems and a
 * one-line summary.
 */
import type { CheckReport } from '../findings/evaluateFiles.js';
import type { Finding } from '../findings/types.js';
import { formatLevelVersion } from '../pss/levels.js';
import type { LevelVersion } from '../pss/types.js';

function subject(f: { kind: string; namespace: string | null; name: string }): string {
  const ns = f.namespace === null ? '' : `${f.namespace}/`;
  return `${f.kind} ${ns}${f.name === '' ? '(unnamed)' : f.name}`;
}

function findingLine(f: Finding): string {
  return `${f.file}:${f.line}: ${subject(f)}: ${f.reason} (${f.detail}) [${f.check}]`;
}

export function renderText(report: CheckReport, policy: LevelVersion): string {
  const lines: string[] = [];
  for (const f of report.findings) lines.push(findingLine(f));
  for (const e of report.errors) lines.push(`${e.file}${e.line === null ? '' : `:${e.line}`}: error: ${e.message}`);
  const denied = report.podSpecs.filter((p) => !p.allowed).length;
  const total = report.podSpecs.length;
  const summary =
    `${formatLevelVersion(policy)}: ${total} pod ${total === 1 ? 'spec' : 'specs'} checked, ` +
    `${denied} violating (${report.findings.length} ${report.findings.length === 1 ? 'finding' : 'findings'})` +
    (report.errors.length > 0 ? `, ${report.errors.length} ${report.errors.length === 1 ? 'file problem' : 'file problems'}` : '');
  lines.push(summary);
  return `${lines.join('\n')}\n`;
}
