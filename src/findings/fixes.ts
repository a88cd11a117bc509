/**
 * Fixes for the findings of one file: the fix engine (src/fixes) run on
 * the pod specs' blocking and warning findings and their fixable advice, each pod spec verified at
 * the stricter of its enforce and warn levels (a fix must not break the
 * level the team is heading to). Preview findings and ignored ones get no
 * fix. With the file's diff lines, a suggestion is attachable only inside
 * one hunk.
 */
import type { DiffLines } from '../diff/lines.js';
import { fixesOrFailure, withoutFixes } from '../fixes/fixFile.js';
import type { PodFailures } from '../fixes/fixFile.js';
import { notUtf8 } from '../fixes/notes.js';
import { isFixableAdvice } from '../fixes/fixers/index.js';
import type { FindingFix, FixableCheck, FixFailure, Suggestion } from '../fixes/types.js';
import { adviceFailures } from '../policy/sources/advice.js';
import { levelRank } from '../pss/levels.js';
import type { LevelVersion } from '../pss/types.js';
import type { PodSpecEvaluation } from './policyContext.js';
import type { Finding } from './types.js';

function stricter(a: LevelVersion, b: LevelVersion): LevelVersion {
  return levelRank(b.level) > levelRank(a.level) ? b : a;
}

export interface FixedFindings<F extends Finding> {
  /** Each evaluation's findings with `fix` and `fixNote` filled in, in the same order. */
  readonly findings: readonly (readonly F[])[];
  /** Each evaluation's advice findings, the fixable ones with `fix` and `fixNote` filled in. */
  readonly advice: readonly (readonly F[])[];
  /** Every suggestion of the file, by line, never overlapping: applying them all is safe. */
  readonly suggestions: readonly Suggestion[];
}

/**
 * `evaluations[i].findings` are blocking, then warning, then preview
 * findings (evaluatePodSpec's order); `findings[i]` are those findings as
 * the caller holds them (possibly extended, e.g. with diff fields).
 * `advice[i]` are the pod spec's advice findings (adviceFindings): those
 * with a fixer are fixed with the rest, so that suggestions never overlap.
 */
export function fixFindings<F extends Finding>(
  file: string,
  text: string | null,
  evaluations: readonly PodSpecEvaluation[],
  findings: readonly (readonly F[])[],
  diff: DiffLines | null,
  /** Which checks to fix (`fix --only/--skip`); the others get no fix and are not touched. Default: all. */
  selected: (check: FixableCheck) => boolean = () => true,
  advice: readonly (readonly F[])[] = [],
): FixedFindings<F> {
  // Loops, not callbacks: a callback made per file is compiled again after each major collection (see FileFixer).
  const advices: (readonly F[])[] = [];
  const wantedAdvice: Set<string>[] = [];
  let fixable = false;
  for (let i = 0; i < evaluations.length; i++) {
    const podAdvice = advice[i] ?? [];
    advices.push(podAdvice);
    const wanted = new Set<string>();
    for (const finding of podAdvice) if (isFixableAdvice(finding.check) && selected(finding.check)) wanted.add(finding.check);
    wantedAdvice.push(wanted);
    const { blocking, warning } = evaluations[i]!.outcome;
    if (blocking.length + warning.length > 0 || wanted.size > 0) fixable = true;
  }
  if (!fixable) return { findings, advice: advices, suggestions: [] };
  const pods: (PodFailures & { readonly policy: LevelVersion; readonly upstream: number })[] = [];
  for (let i = 0; i < evaluations.length; i++) {
    const evaluation = evaluations[i]!;
    const upstream: FixFailure[] = [];
    // In a review, a blocking failure says so: its fix keeps a suggestion of its own beside long ones of warnings.
    for (const placed of evaluation.outcome.blocking) if (selected(placed.failure.check)) upstream.push(diff === null ? placed.failure : { ...placed.failure, blocking: true });
    for (const placed of evaluation.outcome.warning) if (selected(placed.failure.check)) upstream.push(placed.failure);
    const wanted = wantedAdvice[i]!;
    const advised = adviceFailures(evaluation.source.pod, wanted.has.bind(wanted));
    pods.push({ source: evaluation.source, failures: [...upstream, ...advised] as FixFailure[], policy: stricter(evaluation.policy.enforce, evaluation.policy.warn), upstream: upstream.length });
  }
  const first = pods[0]!.policy;
  // A file read but not UTF-8 as written (textOf) gets no fix: each failure has a note that says why.
  const fixes = text === null ? withoutFixes(pods, notUtf8) : fixesOrFailure({ file, text, pods, level: first.level, version: first.version, diff });
  const fixedFindings: F[][] = [];
  for (let i = 0; i < findings.length; i++) fixedFindings.push(withUpstreamFixes(findings[i]!, fixes.pods[i] ?? [], pods[i]!.upstream, selected));
  const fixedAdvice: F[][] = [];
  for (let i = 0; i < evaluations.length; i++) fixedAdvice.push(withAdviceFixes(advices[i]!, fixes.pods[i] ?? [], pods[i]!.failures, pods[i]!.upstream));
  return { suggestions: fixes.suggestions, findings: fixedFindings, advice: fixedAdvice };
}

/** A pod spec's findings with the fixes of its selected upstream failures, in order: the others are skipped when counting. */
function withUpstreamFixes<F extends Finding>(podFindings: readonly F[], podFixes: readonly FindingFix[], upstream: number, selected: (check: FixableCheck) => boolean): F[] {
  const out: F[] = [];
  let k = 0;
  for (const finding of podFindings) {
    if (!selected(finding.check as FixableCheck)) {
      out.push(finding);
      continue;
    }
    out.push(withFix(finding, k < upstream ? podFixes[k] : undefined));
    k++;
  }
  return out;
}

/** A pod spec's advice findings with their fixes: the advice failures follow the upstream ones, one per check. */
function withAdviceFixes<F extends Finding>(podAdvice: readonly F[], podFixes: readonly FindingFix[], failures: readonly FixFailure[], upstream: number): F[] {
  const out: F[] = [];
  for (const finding of podAdvice) {
    let k = -1;
    for (let index = upstream; index < failures.length; index++) {
      if (failures[index]!.check === finding.check) {
        k = index;
        break;
      }
    }
    out.push(withFix(finding, k < 0 ? undefined : podFixes[k]));
  }
  return out;
}

function withFix<F extends Finding>(finding: F, fix: FindingFix | undefined): F {
  return fix ? { ...finding, fix: fix.fix, fixNote: fix.fixNote } : finding;
}
