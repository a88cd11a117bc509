/**
 * Batches of pod specs whose suggestions are made apart (pure).
 *
 * Step 4 of the fix engine (fixFile.ts) groups splices into suggestions:
 * splices whose lines overlap or touch become one suggestion. Two pod specs
 * whose fixes change lines far enough apart can never share one, so their
 * suggestions can be made and verified apart, a batch at a time, each
 * batch's work let go before the next: a List of thousands of Pods then
 * keeps one Pod's renderings and verdicts at a time, not all of them until
 * the end (which cost the JSON report of a 5,000-Pod List a third of its
 * time in garbage collection).
 */
import { lineOf } from './text.js';
import type { LineTable, Splice } from './text.js';

/** The first and last line a pod spec's splices touch. */
export interface LineSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * Lines between two pod specs' spans for their suggestions to stay apart: a
 * suggestion covers the lines its splices touch, or for an insertion the
 * line before it or after it (one more line each way), and two suggestions
 * join when their lines touch (one more).
 */
export const batchGap = 3;

/** The lines the splices touch, or null when there are none. */
export function spanOf(table: LineTable, splices: readonly Splice[]): LineSpan | null {
  if (splices.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const splice of splices) {
    if (splice.start < lo) lo = splice.start;
    if (splice.end > hi) hi = splice.end;
  }
  return { first: lineOf(table, lo), last: lineOf(table, hi) };
}

/** What adding a pod spec to the batches did: closed the batch before it (its pod specs), nothing, or found the spans tangled. */
export type BatchStep = { readonly closed: readonly number[] } | 'tangled' | null;

/**
 * Pod specs added in the order of the file close a batch when one starts
 * more than batchGap lines after every span before it. A pod spec whose
 * span reaches back to a closed batch (its fixes write outside its own
 * lines, or pod specs came out of order) makes the spans tangled: the
 * caller then makes every suggestion at once after all.
 */
export class Batches {
  private current: number[] = [];
  /** The last line of the current batch's spans, and of the closed batches' spans. */
  private last = -Infinity;
  private closedLast = -Infinity;

  /** Add pod spec `pod`, whose accepted fixes touch `span` (null: none). */
  add(pod: number, span: LineSpan | null): BatchStep {
    if (span === null) {
      this.current.push(pod);
      return null;
    }
    if (span.first <= this.closedLast + batchGap) return 'tangled';
    let step: BatchStep = null;
    if (this.current.length > 0 && this.last !== -Infinity && span.first > this.last + batchGap) {
      step = { closed: this.current };
      this.closedLast = this.last;
      this.current = [];
      this.last = -Infinity;
    }
    this.current.push(pod);
    this.last = Math.max(this.last, span.last);
    return step;
  }

  /** The pod specs of the batch still open. */
  close(): readonly number[] {
    const rest = this.current;
    this.current = [];
    return rest;
  }
}
