/**
 * Files that were not checked, and what they do to the verdict.
 *
 * Two kinds of file problems. Input the cluster would reject too (malformed
 * YAML, invalid fields, alias bombs) fails the check like a violation. A
 * file that is simply not checked (a template outside a rendered chart, a
 * chart or overlay not rendered, too large, unreadable, binary under a
 * manifest's name) says nothing either
 * way: the check is never `success` because of it, `neutral` by default,
 * and `unchecked: failure` makes it a strict gate (`success` lets it pass,
 * still named in the title and summary).
 */
import { failsRun, isUnchecked, problemClass } from '../manifests/types.js';
import type { LoadProblem, ProblemKind } from '../manifests/types.js';

export { isUnchecked };

export type UncheckedPolicy = 'neutral' | 'failure' | 'success';

export const uncheckedPolicies: readonly UncheckedPolicy[] = ['neutral', 'failure', 'success'];

export const defaultUnchecked: UncheckedPolicy = 'neutral';

/**
 * How a file problem is shown (text report, check run annotations): input
 * the cluster would reject too is an error; a file not checked is a notice,
 * an error when `unchecked: failure` makes it fail; a file left out on
 * purpose is a notice too, whatever `unchecked` says; the rest are warnings.
 */
export function problemSeverity(problem: Pick<LoadProblem, 'kind'>, unchecked: UncheckedPolicy): 'error' | 'warning' | 'notice' {
  const kind = problemClass(problem);
  if (kind === 'invalid' || (kind === 'unchecked' && unchecked === 'failure')) return 'error';
  return kind === 'warning' ? 'warning' : 'notice';
}

/** What the file problems alone make of the verdict (warnings about checked files count for nothing). */
export function problemsVerdict(problems: readonly Pick<LoadProblem, 'kind'>[], unchecked: UncheckedPolicy): 'success' | 'neutral' | 'failure' {
  if (problems.some(failsRun)) return 'failure';
  return problems.some(isUnchecked) ? unchecked : 'success';
}

const kindNames: Partial<Record<ProblemKind, [string, string]>> = {
  template: ['template', 'templates'],
  'not-rendered': ['not rendered', 'not rendered'],
  'too-large': ['too large', 'too large'],
  binary: ['binary', 'binary'],
  unreadable: ['unreadable', 'unreadable'],
};

/** `1 chart rendered without dependencies`: how the files checked in part are counted. */
export function inPartText(charts: number): string {
  return `${charts} ${charts === 1 ? 'chart' : 'charts'} rendered without dependencies`;
}

type Counted = Pick<LoadProblem, 'kind' | 'file' | 'renderedInPart'>;

/**
 * The files of the problems `counted` takes: not checked at all (by kind,
 * and all of them), or checked in part (a chart rendered without some of
 * its dependencies, whose own pod specs were checked). A file with both is
 * not checked at all.
 */
export function filesNotChecked(problems: readonly Counted[], counted: (problem: Counted) => boolean = isUnchecked): { byKind: Map<ProblemKind, Set<string>>; whole: Set<string>; inPart: Set<string> } {
  const byKind = new Map<ProblemKind, Set<string>>();
  const partly = new Set<string>();
  for (const p of problems) {
    if (!counted(p)) continue;
    if (p.renderedInPart === true) partly.add(p.file);
    else byKind.set(p.kind, (byKind.get(p.kind) ?? new Set()).add(p.file));
  }
  const whole = new Set([...byKind.values()].flatMap((s) => [...s]));
  return { byKind, whole, inPart: new Set([...partly].filter((file) => !whole.has(file))) };
}

/**
 * `2 files not checked (1 template, 1 too large)`, counting files, not
 * problems; then the charts checked in part (inPartText); '' when none.
 */
export function uncheckedText(problems: readonly Counted[]): string {
  const { byKind, whole, inPart } = filesNotChecked(problems);
  const parts: string[] = [];
  if (whole.size > 0) {
    const kinds = [...byKind].map(([kind, set]) => {
      const [one, many] = kindNames[kind] ?? [kind, kind];
      return `${set.size} ${set.size === 1 ? one : many}`;
    });
    parts.push(`${whole.size} ${whole.size === 1 ? 'file' : 'files'} not checked (${kinds.join(', ')})`);
  }
  if (inPart.size > 0) parts.push(inPartText(inPart.size));
  return parts.join(', ');
}
