/**
 * A finding's fingerprint: what it is about, not where it is. File,
 * workload identity, containers and check, never line numbers, so a push
 * that moves lines does not re-post the comment. The fingerprints of a
 * comment's findings are hidden in its body in one HTML comment, readable
 * back from GitHub.
 *
 * A fingerprint is a 64-bit FNV-1a hash of that identity (11 base64url
 * characters): short enough that a comment about four checks spends 80
 * characters on its marker, not 470. Comments posted before carry one
 * marker per finding with the identity itself in base64url (the legacy
 * fingerprint); both are read, so an upgrade neither re-posts them nor
 * calls their findings fixed.
 */
import type { Finding } from '../findings/types.js';

type Identity = Pick<Finding, 'file' | 'kind' | 'namespace' | 'name' | 'containers' | 'check'>;

const markerPrefix = '<!-- pod-security-review:';
const markerPatternAll = /<!-- pod-security-review:([A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+)*) -->/g;
/** Marks our reply saying a finding was fixed, so it is posted once. */
export const fixedMarker = '<!-- pod-security-review-fixed -->';

const encoder = new TextEncoder();

function identityOf(finding: Identity): string {
  return [finding.file, finding.kind, finding.namespace ?? '', finding.name, finding.containers.join(','), finding.check].join('\u0000');
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** FNV-1a, 64 bits: fast, dependency-free, and plenty for the findings of one pull request. */
function fnv1a64(bytes: Uint8Array): Uint8Array {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  const out = new Uint8Array(8);
  for (let i = 7; i >= 0; i--) {
    out[i] = Number(hash & 0xffn);
    hash >>= 8n;
  }
  return out;
}

export function fingerprint(finding: Identity): string {
  return base64url(fnv1a64(encoder.encode(identityOf(finding))));
}

/** A file problem's fingerprint: the file and the kind of problem (a line or a message may change with any edit). */
export function problemFingerprint(problem: { readonly file: string; readonly kind: string }): string {
  return base64url(fnv1a64(encoder.encode(['problem', problem.file, problem.kind].join('\u0000'))));
}

/** The fingerprint comments carried before the short one: the identity itself. */
export function legacyFingerprint(finding: Identity): string {
  return base64url(encoder.encode(identityOf(finding)));
}

/** One hidden marker holding the fingerprints of a comment's findings. */
export function fingerprintMarker(ids: string | readonly string[]): string {
  return `${markerPrefix}${typeof ids === 'string' ? ids : ids.join(' ')} -->`;
}

/**
 * Every fingerprint in a comment body (a comment may carry several findings,
 * in one marker or, before, in several). Only the markers that end the body,
 * each on its own line, count: a marker quoted earlier (in a suggestion
 * copied from the manifest, in text a manifest put there) is not ours.
 */
export function readFingerprints(body: string): string[] {
  const lines = body.trimEnd().split('\n');
  const ids: string[][] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    const match = [...line.matchAll(markerPatternAll)][0];
    if (match === undefined || match[0] !== line) break;
    ids.unshift(match[1]!.split(' '));
  }
  return ids.flat();
}

/** The first fingerprint in a comment body, if the body is ours. */
export function readFingerprint(body: string): string | null {
  return readFingerprints(body)[0] ?? null;
}
