/**
 * The JSON report: a contract other tools read. Field names and meanings
 * are documented in the README; add fields, never rename or remove them.
 * `diff` adds `status` and `preexisting` to findings, `inDiff` to locations,
 * `status` and `previousFile` to pod specs, and `unchanged` to the summary.
 */
import type { Finding, FindingLocation, PodSpecVerdict } from '../findings/types.js';
import type { LoadProblem } from '../manifests/types.js';
import { formatLevelVersion } from '../pss/levels.js';
import type { LevelVersion } from '../pss/types.js';

export interface ReportLike {
  readonly findings: readonly (Finding & { status?: string; preexisting?: boolean; locations: readonly (FindingLocation & { inDiff?: boolean })[] })[];
  readonly errors: readonly LoadProblem[];
  readonly podSpecs: readonly PodSpecVerdict[];
  readonly unchangedPodSpecs?: number;
}

export function renderJson(report: ReportLike, policy: LevelVersion): string {
  const body = {
    policy: formatLevelVersion(policy),
    summary: {
      podSpecs: report.podSpecs.length,
      denied: report.podSpecs.filter((p) => !p.allowed).length,
      findings: report.findings.length,
      errors: report.errors.length,
      ...(report.unchangedPodSpecs !== undefined ? { unchanged: report.unchangedPodSpecs } : {}),
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
      ...(f.status !== undefined ? { status: f.status, preexisting: f.preexisting } : {}),
      locations: f.locations.map((l: FindingLocation & { inDiff?: boolean }) => ({
        path: l.path,
        line: l.line,
        column: l.column,
        exact: l.exact,
        container: l.container,
        ...(l.inDiff !== undefined ? { inDiff: l.inDiff } : {}),
      })),
    })),
    errors: report.errors.map((e) => ({ file: e.file, line: e.line, message: e.message, kind: e.kind })),
    podSpecs: report.podSpecs,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
