/**
 * From evaluations to what the review says: blocking (enforce level),
 * warning (extra at the warn or audit level), ignored (with why), preview
 * (newly failing at the preview version).
 *
 * A check is reported once per pod spec, in the most severe mode it fails
 * in: a warn-level failure of a check that already fails at enforce adds
 * nothing. Ignoring is decided per finding, after that, so a disabled check
 * is listed once among the ignored, not once per mode. Preview findings are
 * compared with the enforce evaluation only: they answer "what would the
 * upgrade start to block", which warnings do not change.
 */
import { evaluatePod } from '../pss/evaluate.js';
import { formatLevelVersion } from '../pss/levels.js';
import { containerListKeys, isObject, list, str } from '../pss/pod.js';
import type { CheckFailure, CheckId, Evaluation, LevelVersion, PodInput } from '../pss/types.js';
import { matchImage } from './patterns.js';
import type {
  AnnotationOptOut,
  FindingMode,
  IgnoreCause,
  IgnoredFinding,
  LevelSource,
  PolicyEvaluations,
  PolicyFinding,
  PolicyOutcome,
  ResolvedPolicy,
} from './types.js';

/** Evaluate the pod at every level/version the policy needs (once per distinct pair), then split. */
export function evaluatePolicy(pod: PodInput, policy: ResolvedPolicy): PolicyOutcome {
  const cache = new Map<string, Evaluation>();
  const at = (lv: LevelVersion): Evaluation => {
    const key = formatLevelVersion(lv);
    let evaluation = cache.get(key);
    if (!evaluation) {
      evaluation = evaluatePod(pod, lv.level, lv.version);
      cache.set(key, evaluation);
    }
    return evaluation;
  };
  return splitEvaluations(pod, policy, {
    enforce: at(policy.enforce),
    warn: at(policy.warn),
    audit: policy.audit ? at(policy.audit) : null,
    preview: policy.preview ? at({ level: policy.enforce.level, version: policy.preview.version }) : null,
  });
}

/**
 * The images of the containers a failure concerns, or null when some of its
 * paths are pod-level (hostNetwork, volumes, pod securityContext): those
 * are not any image's doing, so an image-scoped disable cannot cover them.
 */
function imagesConcerned(failure: CheckFailure, pod: PodInput): string[] | null {
  if (failure.paths.length === 0) return null;
  const images: string[] = [];
  for (const path of failure.paths) {
    const [root, key, index] = path;
    if (root !== 'spec' || typeof index !== 'number' || !(containerListKeys as readonly unknown[]).includes(key)) return null;
    const container = list(pod.spec, key as string)[index];
    if (!isObject(container)) return null;
    images.push(str(container, 'image'));
  }
  return images;
}

function ignoreCauses(failure: CheckFailure, pod: PodInput, policy: ResolvedPolicy): IgnoreCause[] {
  const causes: IgnoreCause[] = [];
  if (policy.exemption) causes.push({ kind: 'exemption', exemption: policy.exemption, message: policy.exemption.message });
  for (const disabled of policy.disabled) {
    if (disabled.check !== failure.check) continue;
    if (disabled.images) {
      // All or nothing: a finding is one upstream message; it cannot be cut
      // down to the containers whose images are not disabled.
      const images = imagesConcerned(failure, pod);
      if (!images?.every((image) => matchImage(image, disabled.images ?? []) !== null)) continue;
    }
    const scope = disabled.images ? ` for images ${disabled.images.join(', ')}` : '';
    const reason = disabled.reason ? `: ${disabled.reason}` : '';
    const message = `disabled${scope} by ${disabled.at.key} in ${disabled.at.file}:${disabled.at.line}${reason}`;
    causes.push({ kind: 'disabled', disabled, message });
  }
  for (const optOut of policy.optOuts) {
    if (optOut.status === 'honoured' && optOut.checks.includes(failure.check)) causes.push({ kind: 'annotation', optOut, message: optOut.message });
  }
  return causes;
}

/** An opt-out that names the check but does not count, to say so with the finding. */
function unhonouredOptOut(check: CheckId, policy: ResolvedPolicy): AnnotationOptOut | null {
  return policy.optOuts.find((o) => o.status !== 'honoured' && o.checks.includes(check)) ?? null;
}

export function splitEvaluations(pod: PodInput, policy: ResolvedPolicy, evaluations: PolicyEvaluations): PolicyOutcome {
  const blocking: PolicyFinding[] = [];
  const warning: PolicyFinding[] = [];
  const ignored: IgnoredFinding[] = [];
  const preview: PolicyFinding[] = [];

  const place = (mode: FindingMode, lv: LevelVersion, levelSource: LevelSource, failure: CheckFailure, into: PolicyFinding[]) => {
    const finding: PolicyFinding = { mode, policy: lv, levelSource, failure, optOut: unhonouredOptOut(failure.check, policy) };
    const why = ignoreCauses(failure, pod, policy);
    if (why.length > 0) ignored.push({ ...finding, why });
    else into.push(finding);
  };

  const reported = new Set<CheckId>();
  const modes: [FindingMode, LevelVersion, LevelSource, Evaluation | null, PolicyFinding[]][] = [
    ['enforce', policy.enforce, policy.levelSource, evaluations.enforce, blocking],
    ['warn', policy.warn, policy.warnSource, evaluations.warn, warning],
  ];
  if (policy.audit && policy.auditSource) modes.push(['audit', policy.audit, policy.auditSource, evaluations.audit, warning]);
  for (const [mode, lv, source, evaluation, into] of modes) {
    for (const failure of evaluation?.failures ?? []) {
      if (reported.has(failure.check)) continue;
      reported.add(failure.check);
      place(mode, lv, source, failure, into);
    }
  }

  if (policy.preview && evaluations.preview) {
    const failingToday = new Set(evaluations.enforce.failures.map((f) => f.check));
    const lv: LevelVersion = { level: policy.enforce.level, version: policy.preview.version };
    for (const failure of evaluations.preview.failures) {
      if (!failingToday.has(failure.check)) place('preview', lv, policy.preview.source, failure, preview);
    }
  }

  return { evaluations, blocking, warning, ignored, preview, allowed: blocking.length === 0 };
}
