/**
 * A long list named in part, the rest counted (pure): a comment on a line
 * a hundred workloads share, a chart that stands in for a hundred others.
 */

/** The first `max` items, and how many more there are. */
export function firstOf<T>(items: readonly T[], max: number): { readonly first: readonly T[]; readonly more: number } {
  return { first: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** What follows the items named: " and 3 more workloads" (`what` may be left out); nothing when none was left out. */
export function andMore(more: number, what = ''): string {
  return more === 0 ? '' : ` and ${more} more${what === '' ? '' : ` ${what}`}`;
}
