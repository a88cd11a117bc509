/** Summaries of repeated measurements. */

export interface Summary {
  /** Median of the runs (the mean of the two middle ones for an even count). */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Every run, in order (the first one is the cold one). */
  readonly runs: readonly number[];
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: round(medianOf(sorted)), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), runs: samples.map(round) };
}

/** The median of sorted values (the mean of the two middle ones for an even count). */
export function medianOf(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds (or megabytes) to 0.1. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count / ms) * 1000) : 0;
}
