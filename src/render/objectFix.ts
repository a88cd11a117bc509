/**
 * The fix of a rendered object written where a Kustomize source writes it
 * as an object (pure). A fix that adds lines (a `securityContext` the base
 * does not have) is no edit of a literal value on a source line, but a
 * resource file holds the whole object, and a strategic-merge patch file
 * an object that is merged into it: the fix engine fixes that document as
 * it fixes a plain manifest, for the checks the rendered object fails that
 * the document fails as written, at their level. Each such fix is only a
 * candidate: the stage renders the root again with it (verify.ts), as it
 * does the literal edits.
 */
import { computeFixes } from '../fixes/fixFile.js';
import { isFixableAdvice } from '../fixes/fixers/index.js';
import type { FindingFix, FixFailure } from '../fixes/types.js';
import type { FindingCheck } from '../policy/sources/extraChecks.js';
import { adviceFailures } from '../policy/sources/advice.js';
import { evaluatePod } from '../pss/evaluate.js';
import type { LevelVersion } from '../pss/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import type { ObjectDocument } from './kustomizeMap.js';

/** The document's fix of each of `checks` it fails, by check. `text` is its file's text, the one it was loaded from. */
export function objectFixes(written: ObjectDocument, text: string, checks: ReadonlySet<FindingCheck>, policy: LevelVersion): Map<FindingCheck, FindingFix> {
  const byCheck = new Map<FindingCheck, FindingFix>();
  const { pods } = extractPodSpecs(written.document);
  const [source] = pods;
  if (source === undefined || pods.length !== 1) return byCheck;
  const upstream = evaluatePod(source.pod, policy.level, policy.version).failures.filter((failure) => checks.has(failure.check));
  const advice = adviceFailures(source.pod, (check) => checks.has(check) && isFixableAdvice(check));
  const failures = [...upstream, ...advice] as FixFailure[];
  if (failures.length === 0) return byCheck;
  const fixes = computeFixes({ file: written.file, text, pods: [{ source, failures }], level: policy.level, version: policy.version, diff: null });
  failures.forEach((failure, i) => {
    const fix = fixes.pods[0]?.[i];
    if (fix !== undefined) byCheck.set(failure.check, fix);
  });
  return byCheck;
}
