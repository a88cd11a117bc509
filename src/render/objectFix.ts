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
import { blockLines } from './kustomizeMap.js';
import type { ObjectDocument, PatchBlock } from './kustomizeMap.js';

/**
 * The document's fix of each of `checks` it fails, by check, on the lines of
 * its file. `text` is the file's text; a patch written in it as a block is
 * fixed on the block's text, and its lines are then the file's.
 */
export function objectFixes(written: ObjectDocument, text: string, checks: ReadonlySet<FindingCheck>, policy: LevelVersion): Map<FindingCheck, FindingFix> {
  const byCheck = new Map<FindingCheck, FindingFix>();
  const { pods } = extractPodSpecs(written.document);
  const [source] = pods;
  if (source === undefined || pods.length !== 1) return byCheck;
  const upstream = evaluatePod(source.pod, policy.level, policy.version).failures.filter((failure) => checks.has(failure.check));
  const advice = adviceFailures(source.pod, (check) => checks.has(check) && isFixableAdvice(check));
  const failures = [...upstream, ...advice] as FixFailure[];
  if (failures.length === 0) return byCheck;
  const { block } = written;
  const fixes = computeFixes({ file: written.file, text: block?.text ?? text, pods: [{ source, failures }], level: policy.level, version: policy.version, diff: null });
  failures.forEach((failure, i) => {
    const fix = fixes.pods[0]?.[i];
    if (fix !== undefined) byCheck.set(failure.check, block === undefined ? fix : inFile(fix, block));
  });
  return byCheck;
}

/** A fix of a block's text as the file's lines: moved down to the block, each line indented as the block is (an empty one left empty). */
function inFile(fix: FindingFix, block: PatchBlock): FindingFix {
  const suggestion = fix.fix;
  // A fix within a long line names bytes of the block's text, which are not the file's.
  if (suggestion === null || suggestion.replacement === null || suggestion.edit !== undefined) return { ...fix, fix: null };
  const { startLine, endLine, newLines } = blockLines(block, { ...suggestion, newLines: suggestion.replacement.replace(/\n$/, '').split('\n') });
  return { ...fix, fix: { ...suggestion, startLine, endLine, replacement: suggestion.replacement === '' ? '' : `${newLines.join('\n')}\n` } };
}
