/**
 * Check IDs as users write them in the config file (`disable[].checks`) and
 * in the `pod-security-review/ignore` annotation: the upstream IDs, exactly
 * as findings print them (`[hostPorts]`). A mistyped ID is a user mistake,
 * answered with the list of valid IDs and, when one is close, a suggestion.
 */
import { compareBytes } from '../pss/format.js';
import { allChecks } from '../pss/registry.js';
import type { CheckId } from '../pss/types.js';

/** Every check ID, sorted byte-wise (the order of the upstream evaluation within a level is not helpful in a list). */
export const checkIds: readonly CheckId[] = allChecks.map((check) => check.id).sort(compareBytes);

const known = new Set<string>(checkIds);

export function isCheckId(text: string): text is CheckId {
  return known.has(text);
}

/** Case, `-` and `_` are the usual slips (`host-ports`, `HostPorts`, `procmount_restricted`). */
function fold(text: string): string {
  return text.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The check IDs the user probably meant: an ID equal up to case and
 * separators, else every ID it is the stem of (`capabilities` is
 * `capabilities_baseline` or `capabilities_restricted`), else a near miss.
 */
export function suggestCheckIds(text: string): CheckId[] {
  const folded = fold(text);
  if (folded === '') return [];
  const exact = checkIds.find((id) => fold(id) === folded);
  if (exact) return [exact];
  const stems = checkIds.filter((id) => fold(id).startsWith(folded) && /^(baseline|restricted)$/.test(fold(id).slice(folded.length)));
  if (stems.length > 0) return stems;
  const near = closest(text, checkIds);
  return near ? [near] : [];
}

/** Why a string is not a check ID, when the string itself is already quoted in the message. */
export function unknownCheckText(text: string): string {
  const suggestions = suggestCheckIds(text);
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?)` : '';
  return `unknown check${hint}; valid checks: ${checkIds.join(', ')}`;
}

/** The error message for a string that is not a check ID. */
export function invalidCheckMessage(text: string): string {
  return `${JSON.stringify(text)}: ${unknownCheckText(text)}`;
}

/**
 * The candidate within a small edit distance of `text`, or null. Used for
 * "did you mean" hints only, so a tie or a far miss simply gives no hint.
 */
export function closest<T extends string>(text: string, candidates: readonly T[]): T | null {
  const limit = Math.max(1, Math.min(3, Math.floor(text.length / 4)));
  let best: T | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(text.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
