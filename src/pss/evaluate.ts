/**
 * Evaluate one pod at one level and version, and assemble the admission
 * message exactly as the API server prints it (spec §3).
 */
import { formatLevelVersion } from './levels.js';
import { checksFor } from './registry.js';
import type { CheckFailure, CheckId, Evaluation, Level, LevelVersion, PodInput, Version, Violation } from './types.js';

export function evaluatePod(pod: PodInput, level: Level, version: Version): Evaluation {
  const failures: CheckFailure[] = [];
  // Every check runs; nothing short-circuits (the message lists them all).
  for (const check of checksFor(level, version)) {
    const violation = check.implementation.evaluate(pod);
    if (violation) failures.push(failureOf(check.id, violation));
  }
  return { allowed: failures.length === 0, failures };
}

/**
 * A check's violation as a failure. Its paths are copied to their length: a
 * check pushes them one by one (which leaves room for more), and findings
 * keep them to the end of the run.
 */
export function failureOf(check: CheckId, violation: Violation): CheckFailure {
  return { check, reason: violation.reason, detail: violation.detail, paths: violation.paths.slice() };
}

/** `reason (detail), reason (detail), …` in evaluation order (spec §3.1). */
export function detailString(failures: readonly CheckFailure[]): string {
  return failures
    .map((f) => {
      const reason = f.reason === '' ? 'unknown forbidden reason' : f.reason;
      return f.detail === '' ? reason : `${reason} (${f.detail})`;
    })
    .join(', ');
}

/**
 * The enforce error text for a Pod, as `kubectl` shows it after
 * `Error from server (Forbidden): error when creating "x.yaml": `:
 * `pods "<name>" is forbidden: violates PodSecurity "<level>:<version>": <details>`.
 * The level/version is printed as requested (`latest`, never the clamped version).
 */
export function enforceMessage(podName: string, policy: LevelVersion, failures: readonly CheckFailure[]): string {
  const subject = podName === '' ? 'pods' : `pods "${podName}"`;
  return `${subject} is forbidden: violates PodSecurity "${formatLevelVersion(policy)}": ${detailString(failures)}`;
}

/** The warning text (`would violate PodSecurity …`), used for controllers and warn mode. */
export function warnMessage(policy: LevelVersion, failures: readonly CheckFailure[]): string {
  return `would violate PodSecurity "${formatLevelVersion(policy)}": ${detailString(failures)}`;
}
