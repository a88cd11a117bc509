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
import type { NamespaceIndex } from '../namespaces.js';
import type { PolicyFinding, PolicyOutcome } from '../types.js';
import { kyvernoSource, ruleAction, ruleMatches } from './kyverno.js';
import type { KyvernoRule, KyvernoSubject } from './kyverno.js';
import { evaluatePodSecurityRule } from './kyvernoEvaluate.js';

export interface KyvernoVerdict {
  readonly rule: KyvernoRule;
  readonly action: 'enforce' | 'audit';
  readonly failures: readonly CheckFailure[];
}

function stringMap(value: JsonObject | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(value ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function kyvernoSubjectOf(source: PodSpecSource, namespaces: NamespaceIndex): KyvernoSubject {
  let object: JsonValue | undefined = source.document.value;
  for (const segment of source.objectPath) {
    if (typeof segment === 'number') object = Array.isArray(object) ? object[segment] : undefined;
    else object = isObject(object) ? object[segment] : undefined;
  }
  const metadata = isObject(object) ? obj(object, 'metadata') : undefined;
  const entry = source.namespace === null ? undefined : namespaces.byName.get(source.namespace);
  return {
    kind: source.kind,
    name: source.name,
    namespace: source.namespace,
    labels: stringMap(obj(metadata, 'labels')),
    annotations: stringMap(obj(metadata, 'annotations')),
    namespaceLabels: entry ? entry.manifest.labels : null,
  };
}

/** Every matching rule's verdict on the pod spec (passing rules included, with no failures). */
export function kyvernoVerdicts(source: PodSpecSource, rules: readonly KyvernoRule[], namespaces: NamespaceIndex): KyvernoVerdict[] {
  if (rules.length === 0) return [];
  const subject = kyvernoSubjectOf(source, namespaces);
  return rules
    .filter((rule) => ruleMatches(rule, subject))
    .map((rule) => ({ rule, action: ruleAction(rule, subject), failures: evaluatePodSecurityRule(source.pod, rule.level, rule.version, rule.excludes).failures }));
}

/** The policy outcome with Kyverno's failures added in their most severe mode. */
export function withKyverno(outcome: PolicyOutcome, verdicts: readonly KyvernoVerdict[]): PolicyOutcome {
  if (verdicts.every((v) => v.failures.length === 0)) return outcome;
  const blocking = [...outcome.blocking];
  let warning = [...outcome.warning];
  const blocked = new Set(blocking.map((f) => f.failure.check));
  const warned = new Set(warning.map((f) => f.failure.check));
  const placed = (verdict: KyvernoVerdict, failure: CheckFailure, mode: 'enforce' | 'warn'): PolicyFinding => {
    const policy: LevelVersion = { level: verdict.rule.level, version: verdict.rule.version };
    return { mode, policy, levelSource: kyvernoSource(verdict.rule), failure, optOut: null };
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
  return { ...outcome, blocking, warning, allowed: blocking.length === 0 };
}
