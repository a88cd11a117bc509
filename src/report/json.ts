/**
 * The JSON report: a contract other tools read. Field names and meanings
 * are documented in the README; add fields, never rename or remove them.
 * `diff` adds `status` and `preexisting` to findings, `inDiff` to locations,
 * `status` and `previousFile` to pod specs, and `unchanged` to the summary.
 * Findings of a rendered Helm chart or Kustomize overlay carry `rendered`
 * (tool, root folder, and the source file and line they are placed on).
 */
import type { Finding, FindingLocation, Report } from '../findings/types.js';

type ReportFinding = Finding & { status?: string; preexisting?: boolean; fix?: unknown; fixNote?: string | null; locations: readonly (FindingLocation & { inDiff?: boolean })[] };

/** Any report: check's, diff's, or the Action's (whose findings carry fixes). */
export type ReportLike = Report<ReportFinding>;

/** The run's default policies, for headers: `baseline:latest` and `restricted:latest`. */
export interface PolicyHeader {
  readonly enforce: string;
  readonly warn: string;
}

function findingJson(f: ReportFinding) {
  return {
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
    mode: f.mode,
    blocking: f.blocking,
    levelSource: f.levelSource,
    ...(f.optOutNote !== null ? { optOutNote: f.optOutNote } : {}),
    ...(f.status !== undefined ? { status: f.status, preexisting: f.preexisting } : {}),
    ...(f.fix !== undefined ? { fix: f.fix, fixNote: f.fixNote ?? null } : {}),
    ...(f.fixParts !== undefined ? { fixParts: f.fixParts } : {}),
    ...(f.rendered !== undefined ? { rendered: { tool: f.rendered.tool, root: f.rendered.root, sourceFile: f.rendered.sourceFile, sourceLine: f.rendered.sourceLine, exact: f.rendered.exact, ...(f.rendered.label !== undefined ? { rendering: f.rendered.label } : {}), ...(f.rendered.application !== undefined ? { application: f.rendered.application } : {}) } } : {}),
    locations: f.locations.map((l: FindingLocation & { inDiff?: boolean }) => ({
      path: l.path,
      line: l.line,
      column: l.column,
      exact: l.exact,
      container: l.container,
      ...(l.inDiff !== undefined ? { inDiff: l.inDiff } : {}),
    })),
  };
}

export function renderJson(report: ReportLike, header: PolicyHeader): string {
  const body = {
    policy: header.enforce,
    warnPolicy: header.warn,
    summary: {
      podSpecs: report.podSpecs.length,
      denied: report.podSpecs.filter((p) => !p.allowed).length,
      findings: report.findings.length,
      blocking: report.findings.filter((f) => f.blocking).length,
      ignored: report.ignored.length,
      errors: report.errors.length,
      ...(report.unchangedPodSpecs !== undefined ? { unchanged: report.unchangedPodSpecs } : {}),
    },
    findings: report.findings.map(findingJson),
    ignored: report.ignored.map((f) => ({ ...findingJson(f), why: f.why })),
    policyProblems: report.policyProblems,
    errors: report.errors.map((e) => ({ file: e.file, line: e.line, message: e.message, kind: e.kind })),
    podSpecs: report.podSpecs,
    ...(report.notices && report.notices.length > 0 ? { notices: report.notices } : {}),
    ...(report.renderings && report.renderings.length > 0 ? { renderings: report.renderings } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
