/**
 * Kyverno's verdicts joined to Pod Security Admission's (pure). Both
 * admission controllers must let a pod in, so a failed Kyverno rule adds
 * to what the policy reports: an `Enforce` rule's failures block, an
 * `Audit` rule's warn. A check is still reported once per pod spec, in its
 * most severe mode (a Kyverno block replaces a mere warning of the same
 * check); each finding names the policy and rule. Kyverno's own excludes
 * are its only exemptions: the review's exemptions, disables and opt-outs
 * concern Pod Security Admission.
 */
import { isObject, obj } from '../../pss/pod.js';
import type { CheckFailure, JsonObject, JsonValue, LevelVersion } from '../../pss/types.js';
import type { PodSpecSource } from '../../workloads/extract.js';
import { namespaceEntryOf } from '../namespaces.js';
import type { NamespaceIndex } from '../namespaces.js';
import type { PolicyFinding, PolicyOutcome } from '../types.js';
import { exceptionLabel, kyvernoSource, policyKey, ruleAction, ruleMatches, ruleNameFor } from './kyverno.js';
import type { KyvernoRule, KyvernoSubject } from './kyverno.js';
import { conditionsHold } from './kyvernoConditions.js';
import { evaluatePodSecurityRule } from './kyvernoEvaluate.js';
import { exceptionApplies, namesRule } from './kyvernoException.js';
import type { KyvernoException } from './kyvernoException.js';

export interface KyvernoVerdict {
  readonly rule: KyvernoRule;
  readonly action: 'enforce' | 'audit';
  readonly failures: readonly CheckFailure[];
  /** The failures that matching PolicyExceptions exempt (listed as ignored, never dropped). */
  readonly excepted: readonly CheckFailure[];
  /** The PolicyExceptions that matched the pod spec for this rule. */
  readonly exceptions: readonly KyvernoException[];
  /** The rule's preconditions could not be evaluated for this pod spec, and were taken to hold. */
  readonly preconditionsAssumed: boolean;
}

function stringMap(value: JsonObject | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(value ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The object holding the pod spec, as written (what Kyverno's `request.object` is). */
function objectOf(source: PodSpecSource): JsonValue {
  let object: JsonValue | undefined = source.document.value;
  for (const segment of source.objectPath) {
    if (typeof segment === 'number') object = Array.isArray(object) ? object[segment] : undefined;
    else object = isObject(object) ? object[segment] : undefined;
  }
  return object ?? null;
}

export function kyvernoSubjectOf(source: PodSpecSource, namespaces: NamespaceIndex): KyvernoSubject {
  const object = objectOf(source);
  const metadata = isObject(object) ? obj(object, 'metadata') : undefined;
  // Its namespace's labels at admission: the definition its own file or rendering applies with it, else the first (namespaceEntryOf).
  const entry = source.namespace === null ? undefined : namespaceEntryOf(namespaces, source.document.file, source.namespace);
  return {
    kind: source.kind,
    name: source.name,
    namespace: source.namespace,
    labels: stringMap(obj(metadata, 'labels')),
    annotations: stringMap(obj(metadata, 'annotations')),
    namespaceLabels: entry ? entry.manifest.labels : null,
  };
}

/**
 * Every matching rule's verdict on the pod spec (passing rules included,
 * with no failures). A rule whose preconditions are false does not apply;
 * the PolicyExceptions that name the rule and match the pod spec exempt it
 * from the rule, or from the controls their `podSecurity` entries name.
 */
export function kyvernoVerdicts(source: PodSpecSource, rules: readonly KyvernoRule[], namespaces: NamespaceIndex): KyvernoVerdict[] {
  if (rules.length === 0) return [];
  const subject = kyvernoSubjectOf(source, namespaces);
  const object = objectOf(source);
  return rules
    .filter((rule) => ruleMatches(rule, subject))
    .flatMap((rule): KyvernoVerdict[] => {
      const { name, shape } = ruleNameFor(rule, subject);
      const preconditions = rule.preconditions ? conditionsHold(rule.preconditions, { object, namespace: subject.namespace, shape }) : true;
      if (preconditions === false) return [];
      const failures = evaluatePodSecurityRule(source.pod, rule.level, rule.version, rule.excludes).failures;
      const exceptions = (rule.exceptions ?? []).filter((e) => namesRule(e, policyKey(rule), name) && exceptionApplies(e, subject, object));
      const verdict = { rule, action: ruleAction(rule, subject), preconditionsAssumed: preconditions === null, exceptions };
      if (exceptions.length === 0 || failures.length === 0) return [{ ...verdict, failures, excepted: [] }];
      // An exception without podSecurity entries skips the rule; the others' entries exempt controls like the rule's own.
      if (exceptions.some((e) => e.podSecurity.length === 0)) return [{ ...verdict, failures: [], excepted: failures }];
      const left = evaluatePodSecurityRule(source.pod, rule.level, rule.version, [...rule.excludes, ...exceptions.flatMap((e) => e.podSecurity)]).failures;
      const still = new Set(left.map((f) => f.check));
      return [{ ...verdict, failures: left, excepted: failures.filter((f) => !still.has(f.check)) }];
    });
}

/** The policy outcome with Kyverno's failures added in their most severe mode, and those its PolicyExceptions exempt as ignored. */
export function withKyverno(outcome: PolicyOutcome, verdicts: readonly KyvernoVerdict[]): PolicyOutcome {
  if (verdicts.every((v) => v.failures.length === 0 && v.excepted.length === 0)) return outcome;
  const blocking = [...outcome.blocking];
  let warning = [...outcome.warning];
  const blocked = new Set(blocking.map((f) => f.failure.check));
  const warned = new Set(warning.map((f) => f.failure.check));
  const placed = (verdict: KyvernoVerdict, failure: CheckFailure, mode: 'enforce' | 'warn'): PolicyFinding => {
    const policy: LevelVersion = { level: verdict.rule.level, version: verdict.rule.version };
    return { mode, policy, levelSource: kyvernoSource(verdict.rule, verdict), failure, optOut: null, kyvernoRule: verdict.rule };
  };
  for (const verdict of verdicts.filter((v) => v.action === 'enforce')) {
    for (const failure of verdict.failures) {
      if (blocked.has(failure.check)) continue;
      blocked.add(failure.check);
      warning = warning.filter((f) => f.failure.check !== failure.check);
      blocking.push(placed(verdict, failure, 'enforce'));
    }
  }
  for (const verdict of verdicts.filter((v) => v.action === 'audit')) {
    for (const failure of verdict.failures) {
      if (blocked.has(failure.check) || warned.has(failure.check)) continue;
      warned.add(failure.check);
      warning.push(placed(verdict, failure, 'warn'));
    }
  }
  // What an exception exempts is listed as ignored, once per check, unless the check is reported anyway (by the admission controller or another rule).
  const ignored = [...outcome.ignored];
  const reported = new Set([...blocking, ...warning, ...ignored].map((f) => f.failure.check));
  for (const verdict of verdicts) {
    for (const failure of verdict.excepted) {
      if (reported.has(failure.check)) continue;
      reported.add(failure.check);
      const message = `${verdict.exceptions.map(exceptionLabel).join(', ')} exempts it from Kyverno ${verdict.rule.policy} rule ${verdict.rule.ruleName}`;
      ignored.push({ ...placed(verdict, failure, verdict.action === 'enforce' ? 'enforce' : 'warn'), why: [{ kind: 'kyverno-exception', message }] });
    }
  }
  return { ...outcome, blocking, warning, ignored, allowed: blocking.length === 0 };
}
