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
import { fixesOrFailure } from '../fixes/fixFile.js';
import type { PodFailures } from '../fixes/fixFile.js';
import { isFixableAdvice } from '../fixes/fixers/index.js';
import type { FindingFix, FixFailure } from '../fixes/types.js';
import type { FindingCheck } from '../policy/sources/extraChecks.js';
import { adviceFailures } from '../policy/sources/advice.js';
import { evaluatePod } from '../pss/evaluate.js';
import { checksFor } from '../pss/registry.js';
import type { LevelVersion, PodInput } from '../pss/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import { blockLines } from './kustomizeMap.js';
import type { ObjectDocument, PatchBlock } from './kustomizeMap.js';

/** A document to fix, for the checks a rendering of its object fails, at their strictest level. */
export interface ObjectRequest {
  readonly written: ObjectDocument;
  readonly checks: ReadonlySet<FindingCheck>;
  readonly policy: LevelVersion;
}

/**
 * Each request's fix of each of its checks its document fails, by check,
 * on the lines of its file. All requests are documents of one text, each
 * once: the file's `text`, or one block written in it (a patch in the
 * kustomization), fixed on the block's text with its lines then moved to
 * the file's. One run of the fix engine for the whole text, however many
 * of its objects the renderings fail (a bundle used as a resource).
 */
export function objectFixes(text: string, requests: readonly ObjectRequest[]): Map<FindingCheck, FindingFix>[] {
  const results = requests.map(() => new Map<FindingCheck, FindingFix>());
  const pods: (PodFailures & { readonly policy: LevelVersion; readonly request: number })[] = [];
  requests.forEach(({ written, checks, policy }, request) => {
    const extracted = extractPodSpecs(written.document).pods;
    const [source] = extracted;
    if (source === undefined || extracted.length !== 1) return;
    const upstream = failuresAsAsked(source.pod, checks, policy);
    const advice = adviceFailures(source.pod, (check) => checks.has(check) && isFixableAdvice(check));
    const failures = [...upstream, ...advice] as FixFailure[];
    if (failures.length > 0) pods.push({ source, failures, policy, request });
  });
  const [first] = pods;
  if (first === undefined) return results;
  const { file, block } = requests[first.request]!.written;
  const fixes = fixesOrFailure({ file, text: block?.text ?? text, pods, level: first.policy.level, version: first.policy.version, diff: null });
  pods.forEach(({ failures, request }, p) => {
    failures.forEach((failure, i) => {
      const fix = fixes.pods[p]?.[i];
      if (fix !== undefined) results[request]!.set(failure.check, block === undefined ? fix : inFile(fix, block));
    });
  });
  return results;
}

/**
 * The upstream failures of the checks asked for, each read at its own
 * level, as its finding was: at restricted, upstream runs only the
 * override of a baseline check (capabilities_restricted for
 * capabilities_baseline), so a baseline check asked for is read at
 * baseline too, as fixFindings gives the fix engine an enforced level's
 * failures beside the warn level's. A thanos Deployment's debug container
 * adding NET_ADMIN got no fix of its blocking baseline finding.
 */
function failuresAsAsked(pod: PodInput, checks: ReadonlySet<FindingCheck>, policy: LevelVersion): FixFailure[] {
  const failures = evaluatePod(pod, policy.level, policy.version).failures.filter((failure) => checks.has(failure.check));
  const overridden = new Set(checksFor(policy.level, policy.version).flatMap((check) => check.implementation.overrides ?? []));
  if (![...overridden].some((check) => checks.has(check))) return failures;
  return [...failures, ...evaluatePod(pod, 'baseline', policy.version).failures.filter((failure) => overridden.has(failure.check) && checks.has(failure.check))];
}

/** A fix of a block's text as the file's lines: moved down to the block, each line indented as the block is (an empty one left empty). */
function inFile(fix: FindingFix, block: PatchBlock): FindingFix {
  const suggestion = fix.fix;
  // A fix within a long line names bytes of the block's text, which are not the file's.
  if (suggestion === null || suggestion.replacement === null || suggestion.edit !== undefined) return { ...fix, fix: null };
  const { startLine, endLine, newLines } = blockLines(block, { ...suggestion, newLines: suggestion.replacement.replace(/\n$/, '').split('\n') });
  return { ...fix, fix: { ...suggestion, startLine, endLine, replacement: suggestion.replacement === '' ? '' : `${newLines.join('\n')}\n` } };
}
