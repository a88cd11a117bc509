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
  const blockingOf = new Map<string, boolean>();
  let plain = 0;
  let plainBlocking = 0;
  for (const f of findings) {
    if (f.rendered === undefined) {
      plain++;
      if (f.blocking) plainBlocking++;
      continue;
    }
    const key = [f.file, f.line, f.container ?? '', f.check, f.detail, f.rendered.exact].join('\u0000');
    blockingOf.set(key, (blockingOf.get(key) ?? false) || f.blocking);
  }
  let renderedBlocking = 0;
  for (const blocks of blockingOf.values()) if (blocks) renderedBlocking++;
  const total = plain + blockingOf.size;
  const blocking = plainBlocking + renderedBlocking;
  return { blocking, warnings: total - blocking, total };
}
