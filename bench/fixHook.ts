/**
 * ============================ STAGE 3 HOOK ============================
 *
 * Stage 3 measures the `check` path plus the fix engine (src/fixes). This
 * file is the only place the benchmark touches the fix engine: each
 * function below runs one pass with fixes, or the hook is `null` and
 * stage 3 is reported as "not measured yet (fix engine not wired)" rather
 * than with a made-up number.
 *
 * Today the engine is reached through the pipelines' own switch
 * (`fixes: true` on evaluateFiles and evaluateChangeSet, as the CLI's
 * `check`, `diff` and the Action use it). If the engine's entry point
 * changes, rewire `check` and `diff` here; to take stage 3 out, export
 * `fixHook = null`.
 * =====================================================================
 */
import type { ChangeSet } from '../src/diff/types.js';
import { evaluateFiles } from '../src/findings/evaluateFiles.js';
import type { CheckReport, SourceFile } from '../src/findings/evaluateFiles.js';
import type { PolicyContext } from '../src/findings/policyContext.js';
import type { ManifestDocument } from '../src/manifests/types.js';
import { evaluateChangeSet } from '../src/scope/scope.js';
import type { DiffReport } from '../src/scope/types.js';

export interface FixHook {
  /** The `check` pipeline with a verified fix (or a note) computed for every finding. */
  check(files: readonly SourceFile[], policy: PolicyContext): CheckReport;
  /** The `diff` pipeline with fixes, as the CLI's `diff` and the Action run it. */
  diff(changeSet: ChangeSet, policy: PolicyContext, headNamespaceDocuments: readonly ManifestDocument[]): DiffReport;
}

export const fixHook: FixHook | null = {
  check: (files, policy) => evaluateFiles(files, { policy, fixes: true }),
  diff: (changeSet, policy, headNamespaceDocuments) => evaluateChangeSet(changeSet, { policy, headNamespaceDocuments, fixes: true }),
};

export const notWiredReason = 'not measured yet (fix engine not wired)';
