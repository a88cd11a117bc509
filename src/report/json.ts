/**
 * The JSON report: a contract other tools read. Field names and meanings
 * are documented in the README; add fields, never rename or remove them.
 * `diff` adds `status` and `preexisting` to findings, `inDiff` to locations,
 * `status` and `previousFile` to pod specs, and `unchanged` to the summary.
 * Findings of a rendered Helm chart or Kustomize overlay carry `rendered`
 * (tool, root folder, the source file and line they are placed on, and the
 * other lines the review may place them on).
 */
import type { Finding, FindingLocation, Report } from '../findings/types.js';
import type { RenderedOrigin } from '../render/types.js';

type ReportFinding = Finding & { status?: string; preexisting?: boolean; fix?: unknown; fixNote?: string | null; locations: readonly (FindingLocation & { inDiff?: boolean })[] };

/** Any report: check's, diff's, or the Action's (whose findings carry fixes). */
export type ReportLike = Report<ReportFinding>;

/** The run's default policies, for headers: `baseline:latest` and `restricted:latest`. */
export interface PolicyHeader {
  readonly enforce: string;
  readonly warn: string;
}

/** Where a rendered finding came from; the review's own placement data (the snippet) is left out. */
function renderedJson(r: RenderedOrigin) {
  return {
    tool: r.tool,
    root: r.root,
    sourceFile: r.sourceFile,
    sourceLine: r.sourceLine,
    exact: r.exact,
    ...(r.label !== undefined ? { rendering: r.label } : {}),
    ...(r.application !== undefined ? { application: r.application } : {}),
    ...(r.applicationLine !== undefined ? { applicationLine: r.applicationLine } : {}),
    ...(r.changeLine !== undefined ? { changeLine: { file: r.changeLine.file, line: r.changeLine.line } } : {}),
    ...(r.values !== undefined ? { values: { file: r.values.file, line: r.values.line } } : {}),
  };
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
    ...(f.rendered !== undefined ? { rendered: renderedJson(f.rendered) } : {}),
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
