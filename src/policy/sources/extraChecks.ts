/**
 * Checks that are not Pod Security Standards checks: the PodSecurityPolicy
 * leftover and the hardening advice (`advice.*`). They never change an
 * admission verdict; they are findings of their own, non-blocking unless
 * the config makes them blocking.
 */
import type { CheckId } from '../../pss/types.js';

export const pspCheckId = 'psp.removed';

/** A pull request that relaxes the policy judging it (issue 15): see src/policy/stricter.ts. */
export const policyChangeCheckId = 'policy.relaxed';

export const adviceCheckIds = [
  'advice.readOnlyRootFilesystem',
  'advice.automountServiceAccountToken',
  'advice.highUid',
  'advice.dropNetRaw',
  'advice.imageDigest',
  'advice.resourceLimits',
] as const;

export type AdviceCheckId = (typeof adviceCheckIds)[number];
export type ExtraCheckId = typeof pspCheckId | typeof policyChangeCheckId | AdviceCheckId;

/** What a finding can be about: an upstream check, or one of ours. */
export type FindingCheck = CheckId | ExtraCheckId;

export const extraCheckIds: readonly ExtraCheckId[] = [pspCheckId, policyChangeCheckId, ...adviceCheckIds];

export function isExtraCheckId(text: string): text is ExtraCheckId {
  return (extraCheckIds as readonly string[]).includes(text);
}

/** Why each extra check matters, in one sentence (the upstream checks' are in report/explanations.ts). */
export const extraWhyItMatters: Record<ExtraCheckId, string> = {
  'psp.removed':
    'The pods this policy was meant to restrict are checked by nothing until namespace labels (Pod Security Admission) or an admission policy take over.',
  'policy.relaxed':
    'A pull request that lowers the bar it is judged by must not pass on its own say-so: someone allowed to relax the policy approves the change explicitly.',
  'advice.readOnlyRootFilesystem': 'A writable root file system lets an intruder drop tools and persist changes inside the container.',
  'advice.automountServiceAccountToken': 'A mounted service account token lets anyone who gets into the container talk to the Kubernetes API as the pod.',
  'advice.highUid': 'A UID or GID above 10000 cannot collide with the accounts of the node, so an escape does not land on a real user.',
  'advice.dropNetRaw': 'NET_RAW lets a container forge packets and spoof addresses on the node network; the baseline level still allows it.',
  'advice.imageDigest': 'A tag can be moved to another image; only a digest pins what runs.',
  'advice.resourceLimits': 'Without CPU and memory limits one container can starve every other pod on its node.',
};
