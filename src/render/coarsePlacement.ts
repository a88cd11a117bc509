/**
 * A rendered report placed on its renderings' root files alone (pure): what
 * the review gets when placing it on source lines fails (mapReport.ts, a bug
 * in reading a template). Every finding and verdict is kept, on its chart's
 * Chart.yaml or its overlay's kustomization, with no fix; a warning per root
 * names the error, and asks for it to be reported. A spire chart's template
 * once sent that reading round in a circle, and the whole review was lost:
 * no check run, no comment, only "internal error" in the log.
 */
import type { FindingFix } from '../fixes/types.js';
import type { Finding, IgnoredFinding } from '../findings/types.js';
import type { LoadProblem } from '../manifests/types.js';
import type { DiffFinding, DiffLocation, DiffReport } from '../scope/types.js';
import type { MappedReport, Rendering } from './mapReport.js';
import type { RenderedOrigin } from './types.js';
import { errorMessage } from '../errorMessage.js';

/** The first line of a root's file: where everything a rendering found is placed. */
const firstLine = 1;

export function coarsePlacement(report: DiffReport, renderings: ReadonlyMap<string, Rendering>, error: unknown): MappedReport {
  const rootOf = (file: string) => renderings.get(file)?.rendered.root;
  const originOf = (file: string): RenderedOrigin | undefined => {
    const root = rootOf(file);
    if (root === undefined) return undefined;
    const shown = root.dir === '' ? '.' : root.dir;
    return { tool: root.tool, root: shown, ...(root.label !== shown ? { label: root.label } : {}), sourceFile: root.file, sourceLine: firstLine, exact: false, snippet: null };
  };
  const placed = <F extends Finding & { readonly locations: readonly DiffLocation[] }>(finding: F): F => {
    const origin = originOf(finding.file);
    if (origin === undefined) return finding;
    const locations = finding.locations.map((location) => ({ ...location, line: firstLine, column: 1, exact: false, inDiff: false }));
    return { ...finding, file: origin.sourceFile, line: firstLine, locations, rendered: origin };
  };
  const unfixed = (finding: DiffFinding): DiffFinding => {
    if (rootOf(finding.file) === undefined) return finding;
    const fix: Pick<FindingFix, 'fix' | 'fixNote'> = { fix: null, fixNote: `No suggestion: ${unplacedWords}.` };
    return { ...placed(finding), ...fix };
  };
  const message = errorMessage(error);
  const roots = new Map<string, string>();
  for (const { rendered } of renderings.values()) roots.set(rendered.root.file, rendered.root.label);
  const warnings: LoadProblem[] = [...roots].map(([file, label]) => ({
    file,
    line: null,
    kind: 'placement-failed',
    message: `${label}: ${unplacedWords}, after an internal error (please report it): ${message}`,
  }));
  return {
    report: {
      ...report,
      findings: report.findings.map(unfixed),
      ignored: report.ignored.map((finding): IgnoredFinding => {
        const origin = originOf(finding.file);
        return origin === undefined ? finding : { ...finding, file: origin.sourceFile, line: firstLine, locations: finding.locations.map((l) => ({ ...l, line: firstLine })), rendered: origin };
      }),
      policyProblems: report.policyProblems.map((p) => (rootOf(p.file) === undefined ? p : { ...p, file: rootOf(p.file)!.file, line: firstLine })),
      podSpecs: report.podSpecs.map((spec) => {
        const root = rootOf(spec.file);
        return root === undefined ? spec : { ...spec, file: root.file, line: firstLine, rendering: root.label };
      }),
      errors: [
        ...report.errors.map((problem) => {
          const root = rootOf(problem.file);
          return root === undefined ? problem : { ...problem, file: root.file, line: null, message: `the rendering of ${root.label}: ${problem.message}` };
        }),
        ...warnings,
      ],
    },
    candidates: [],
    sources: new Map(),
    inOneHunk: () => false,
  };
}

/** What became of a rendering's findings. */
const unplacedWords = "its findings are placed on the chart's or overlay's own file, not on the lines that write them, and get no fix";
