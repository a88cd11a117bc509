import type { Finding } from '../findings/types.js';

/** What a count reads of a finding. */
type Counted = Pick<Finding, 'file' | 'line' | 'container' | 'check' | 'detail' | 'blocking' | 'rendered'>;

/** Findings by severity as a reader fixes them. */
export interface SeverityCounts {
  readonly blocking: number;
  readonly warnings: number;
  readonly total: number;
}

/**
 * The findings a reader has to fix, by severity. Overlays that share a base
 * each render its Deployment, and each rendering's finding on the base's line
 * is a finding of its own in the JSON report; the review comments once on
 * that line, naming every overlay's workload (`dev/web`, `prod/web`). They
 * count once too (same line, container, check and message), as blocking
 * when any rendering blocks: a line five overlays render is one thing to
 * fix, not five.
 */
export function findingCounts(findings: readonly Counted[]): SeverityCounts {
  // A plain file's finding is one of its own (its index); a rendering's, one per line, container, check and message.
  const blockingOf = new Map<number | string, boolean>();
  findings.forEach((f, i) => {
    const key = f.rendered === undefined ? i : [f.file, f.line, f.container ?? '', f.check, f.detail, f.rendered.exact].join('\u0000');
    blockingOf.set(key, (blockingOf.get(key) ?? false) || f.blocking);
  });
  let blocking = 0;
  for (const blocks of blockingOf.values()) if (blocks) blocking++;
  return { blocking, warnings: blockingOf.size - blocking, total: blockingOf.size };
}
