/**
 * The JSON report: a contract other tools read. Field names and meanings
 * are documented in the README; add fields, never rename or remove them.
 */
import type { CheckReport } from '../findings/evaluateFiles.js';
import { formatLevelVersion } from '../pss/levels.js';
import type { LevelVersion } from '../pss/types.js';

export function renderJson(report: CheckReport, policy: LevelVersion): string {
  const body = {
    policy: formatLevelVersion(policy),
    summary: {
      podSpecs: report.podSpecs.length,
      denied: report.podSpecs.filter((p) => !p.allowed).length,
      findings: report.findings.length,
      errors: report.errors.length,
    },
    findings: report.findings.map((f) => ({
      file: f.file,
      line: f.line,
      apiVersion: f.apiVersion,
      kind: f.kind,
      namespace: f.namespace,
      name: f.name,
      container: f.container,
      containers: f.containers,
      check: f.check,
      reason: f.reason,
      detail: f.detail,
      level: f.level,
      version: f.version,
      locations: f.locations.map((l) => ({ path: l.path, line: l.line, column: l.column, exact: l.exact, container: l.container })),
    })),
    errors: report.errors.map((e) => ({ file: e.file, line: e.line, message: e.message, kind: e.kind })),
    podSpecs: report.podSpecs,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
