/**
 * Fixes for the findings of one file: the fix engine (src/fixes) run on
 * the pod specs' blocking and warning findings and their fixable advice, each pod spec verified at
 * the stricter of its enforce and warn levels (a fix must not break the
 * level the team is heading to). Preview findings and ignored ones get no
 * fix. With the file's diff lines, a suggestion is attachable only inside
 * one hunk.
 */
import type { DiffLines } from '../diff/lines.js';
import { computeFixes } from '../fixes/fixFile.js';
import { decodeContent } from '../manifests/load.js';
import { isFixableAdvice } from '../fixes/fixers/index.js';
import type { FindingFix, FixableCheck, FixFailure, Suggestion } from '../fixes/types.js';
import { adviceFailures } from '../policy/sources/advice.js';
import { levelRank } from '../pss/levels.js';
import type { LevelVersion } from '../pss/types.js';
import type { PodSpecEvaluation } from './policyContext.js';
import type { Finding } from './types.js';

/** The text of a file, or null when it is not text (the loader has already said why). */
export function textOf(content: Uint8Array | string): string | null {
  const decoded = decodeContent(content);
  return 'text' in decoded ? decoded.text : null;
}

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
  const adviceOf = (i: number) => advice[i] ?? [];
  const wantedAdvice = evaluations.map((_, i) => new Set(adviceOf(i).map((f) => f.check).filter((check) => isFixableAdvice(check) && selected(check))));
  if (text === null || evaluations.every((e, i) => e.outcome.blocking.length + e.outcome.warning.length === 0 && wantedAdvice[i]!.size === 0)) {
    return { findings, advice: evaluations.map((_, i) => adviceOf(i)), suggestions: [] };
  }
  const pods = evaluations.map((evaluation, i) => {
    const upstream = [...evaluation.outcome.blocking, ...evaluation.outcome.warning].map((placed) => placed.failure).filter((failure) => selected(failure.check));
    const advised = adviceFailures(evaluation.source.pod, (id) => wantedAdvice[i]!.has(id));
    return {
      source: evaluation.source,
      failures: [...upstream, ...advised] as FixFailure[],
      policy: stricter(evaluation.policy.enforce, evaluation.policy.warn),
      upstream: upstream.length,
    };
  });
  const isSelected = (check: Finding['check']) => selected(check as FixableCheck);
  const first = pods[0]!.policy;
  const fixes = computeFixes({ file, text, pods, level: first.level, version: first.version, diff });
  const withFix = (finding: F, fix: FindingFix | undefined): F => (fix ? { ...finding, fix: fix.fix, fixNote: fix.fixNote } : finding);
  return {
    suggestions: fixes.suggestions,
    findings: findings.map((podFindings, i) =>
      podFindings.map((finding, j) => {
        // The fixes are those of the selected failures, in order: skip the others when counting.
        const k = podFindings.slice(0, j).filter((f) => isSelected(f.check)).length;
        return withFix(finding, isSelected(finding.check) && k < pods[i]!.upstream ? fixes.pods[i]?.[k] : undefined);
      }),
    ),
    // The advice failures follow the upstream ones, one per check.
    advice: evaluations.map((_, i) =>
      adviceOf(i).map((finding) => {
        const k = pods[i]!.failures.findIndex((failure, index) => index >= pods[i]!.upstream && failure.check === finding.check);
        return withFix(finding, k < 0 ? undefined : fixes.pods[i]?.[k]);
      }),
    ),
  };
}
