import type { Finding } from '../findings/types.js';
import { uncheckedText } from '../findings/unchecked.js';
import { failsRun, fileCount, isWarning } from '../manifests/types.js';
import type { LoadProblem } from '../manifests/types.js';

/** What a count reads of a finding. */
type Counted = Pick<Finding, 'file' | 'line' | 'container' | 'check' | 'detail' | 'blocking' | 'rendered'>;

/** Findings by severity as a reader fixes them. */
export interface SeverityCounts {
  readonly blocking: number;
  readonly warnings: number;
  readonly total: number;
}

/**
 * The findings a reader has to fix, by severity. Overlays that share a base
 * each render its Deployment, and each rendering's finding on the base's line
 * is a finding of its own in the JSON report; the review comments once on
 * that line, naming every overlay's workload (`dev/web`, `prod/web`). They
 * count once too (same line, container, check and message), as blocking
 * when any rendering blocks: a line five overlays render is one thing to
 * fix, not five.
 */
export function findingCounts(findings: readonly Counted[]): SeverityCounts {
  const blockingOf = new Map<number | string, boolean>();
  findings.forEach((f, i) => {
    const key = countedAs(f, i);
    blockingOf.set(key, (blockingOf.get(key) ?? false) || f.blocking);
  });
  let blocking = 0;
  for (const blocks of blockingOf.values()) if (blocks) blocking++;
  return { blocking, warnings: blockingOf.size - blocking, total: blockingOf.size };
}

/** What a finding counts as: a plain file's, one of its own (its index); a rendering's, one per line, container, check and message. */
function countedAs(f: Counted, index: number): number | string {
  return f.rendered === undefined ? index : [f.file, f.line, f.container ?? '', f.check, f.detail, f.rendered.exact].join('\u0000');
}

/** What a finding is about, whatever line it is placed on: its object (in its file, or its rendering's root), container and check. */
type Identified = Counted & Pick<Finding, 'kind' | 'namespace' | 'name'>;
const aboutOf = (f: Identified) => [f.rendered === undefined ? f.file : `\u0001${f.rendered.root}`, f.kind, f.namespace ?? '', f.name, f.container ?? '', f.check].join('\u0000');

/**
 * How many of the findings counted in `before` (findingCounts) are gone from
 * `after`: those none of whose objects still fails the check. Not the
 * difference of the two counts: a rendering's findings move to the lines
 * their fixes write, and merge or part there (temporal's services, on one
 * template line before, each on its own values line after).
 */
export function goneCount(before: readonly Identified[], after: readonly Identified[]): number {
  const left = new Set(after.map(aboutOf));
  const stays = new Map<number | string, boolean>();
  before.forEach((f, i) => {
    const key = countedAs(f, i);
    stays.set(key, (stays.get(key) ?? false) || left.has(aboutOf(f)));
  });
  return [...stays.values()].filter((stayed) => !stayed).length;
}

/**
 * File problems as a reader weighs them, in the words of the check run's
 * title: files the cluster would refuse (they fail the run), files not
 * checked by why (`2 files not checked (2 not rendered)`), then warnings
 * about checked files; only the parts that have some.
 */
export function problemCounts(problems: readonly LoadProblem[]): string[] {
  const parts: string[] = [];
  const invalid = fileCount(problems.filter(failsRun));
  if (invalid > 0) parts.push(`${invalid} invalid ${invalid === 1 ? 'file' : 'files'}`);
  const notChecked = uncheckedText(problems);
  if (notChecked !== '') parts.push(notChecked);
  const warnings = problems.filter(isWarning).length;
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'manifest warning' : 'manifest warnings'}`);
  return parts;
}
