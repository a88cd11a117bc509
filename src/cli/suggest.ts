/**
 * "Did you mean" for the command line: the closest valid spelling of a
 * level, a version, a check or a flag, so a usage error fits on one line
 * and says how to fix it.
 */
import { levels } from '../pss/levels.js';

/** Edits (insert, delete, substitute, swap two neighbours) from a to b. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to `given` (case-insensitive), when it is close enough to be a typo. */
export function closest(given: string, candidates: readonly string[]): string | null {
  const lower = given.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const distance = c.startsWith(lower) && lower.length >= 3 ? 0.5 : editDistance(lower, c);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the word may be wrong, at least one edit, at most three.
  return best !== null && bestDistance <= Math.min(3, Math.max(1, Math.floor(best.length / 3))) ? best : null;
}

/** " (did you mean X?)", or "". */
export function didYouMean(given: string, candidates: readonly string[]): string {
  const match = closest(given, candidates);
  return match === null || match === given ? '' : ` (did you mean ${match}?)`;
}

export function suggestLevel(given: string): string {
  return didYouMean(given, levels);
}

/** `1.30` → v1.30, `V1.30` → v1.30, `v1,30` → v1.30, `lastest` → latest. */
export function suggestVersion(given: string): string {
  const numbers = /^[vV]?1[.,](\d+)$/.exec(given.trim());
  if (numbers) return ` (did you mean v1.${numbers[1]}?)`;
  return didYouMean(given, ['latest']);
}
