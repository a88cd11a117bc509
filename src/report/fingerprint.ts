/**
 * A finding's fingerprint: what it is about, not where it is. File,
 * workload identity, containers and check, never line numbers, so a push
 * that moves lines does not re-post the comment. It is hidden in each
 * comment body as an HTML comment, readable back from GitHub.
 */
import type { Finding } from '../findings/types.js';

const markerPrefix = '<!-- pod-security-review:';
const markerPattern = /<!-- pod-security-review:([A-Za-z0-9_-]+) -->/;
const markerPatternAll = /<!-- pod-security-review:([A-Za-z0-9_-]+) -->/g;
/** Marks our reply saying a finding was fixed, so it is posted once. */
export const fixedMarker = '<!-- pod-security-review-fixed -->';

export function fingerprint(finding: Pick<Finding, 'file' | 'kind' | 'namespace' | 'name' | 'containers' | 'check'>): string {
  const identity = [finding.file, finding.kind, finding.namespace ?? '', finding.name, finding.containers.join(','), finding.check].join('\u0000');
  return Buffer.from(identity, 'utf8').toString('base64url');
}

export function fingerprintMarker(id: string): string {
  return `${markerPrefix}${id} -->`;
}

/** The fingerprint hidden in a comment body, if the body is ours. */
export function readFingerprint(body: string): string | null {
  return markerPattern.exec(body)?.[1] ?? null;
}

/** Every fingerprint in a comment body (a comment may carry several findings). */
export function readFingerprints(body: string): string[] {
  return [...body.matchAll(markerPatternAll)].map((m) => m[1]!);
}
