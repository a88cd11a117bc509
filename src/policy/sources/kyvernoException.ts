/**
 * Kyverno `PolicyException` objects (kyverno.io/v2, v2beta1) as part of the
 * Kyverno policy source (pure), honoured as Kyverno's admission controller
 * honours them:
 *
 * - an exception names policies (`psa`, or `namespace/name` for a Policy)
 *   and rule names (wildcards allowed); for a controller, the rule Kyverno
 *   evaluates is the generated one (`autogen-…`), which the exception must
 *   name, and its `match` is read against the controller itself (kinds are
 *   not generated for exceptions);
 * - its `match` (`any`, else `all`) and `conditions` must hold; conditions
 *   on the requesting user, or conditions that cannot be evaluated at
 *   review time, are taken not to hold (the exception is not applied) and
 *   are noted;
 * - a matching exception without `podSecurity` lets the pod spec skip the
 *   rule; otherwise the `podSecurity` entries of every matching exception
 *   exempt controls exactly like the rule's own `podSecurity.exclude`.
 *
 * Kyverno applies exceptions only when it runs with PolicyExceptions
 * enabled (and in the namespaces it allows them in), which a repository
 * does not say: a run that reads one notes that it is honoured.
 */
import { locate } from '../../locate/locate.js';
import type { ManifestDocument } from '../../manifests/types.js';
import { isObject, list, obj, str } from '../../pss/pod.js';
import type { JsonObject, JsonValue } from '../../pss/types.js';
import { matchWildcard } from '../patterns.js';
import type { SourceProblem } from './admissionConfig.js';
import { filterHolds, filterOf } from './kyverno.js';
import type { Filters, KyvernoSubject } from './kyverno.js';
import { conditionsHold, conditionsOf, unevaluable } from './kyvernoConditions.js';
import type { Conditions } from './kyvernoConditions.js';
import { podSecurityExcludesOf } from './kyvernoEvaluate.js';
import type { PodSecurityExclude } from './kyvernoEvaluate.js';
import { objectsOf } from './objects.js';

const exceptionApiVersions = new Set(['kyverno.io/v2', 'kyverno.io/v2beta1']);

export interface KyvernoException {
  /** `namespace/name`, as Kyverno names it in its reports. */
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly targets: readonly { readonly policyName: string; readonly ruleNames: readonly string[] }[];
  readonly match: Filters;
  readonly conditions: Conditions | null;
  /** Empty: the rule is skipped altogether. */
  readonly podSecurity: readonly PodSecurityExclude[];
}

const strings = (value: JsonValue | undefined): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function matchOf(value: JsonObject | undefined): Filters {
  const any = list(value, 'any').filter(isObject).map(filterOf);
  const all = list(value, 'all').filter(isObject).map(filterOf);
  // Kyverno reads `any` when it has entries, else `all`.
  return any.length > 0 ? { any, all: null } : { any: null, all };
}

export interface ExceptionReading {
  readonly exceptions: readonly KyvernoException[];
  readonly notices: readonly SourceProblem[];
}

/** The PolicyExceptions among documents, with notes on what cannot be known at review time. */
export function kyvernoExceptionsOf(documents: readonly ManifestDocument[]): ExceptionReading {
  const exceptions: KyvernoException[] = [];
  const notices: SourceProblem[] = [];
  for (const document of documents) {
    for (const object of objectsOf(document)) {
      if (object.kind !== 'PolicyException' || !exceptionApiVersions.has(object.apiVersion)) continue;
      const metadata = obj(object.value, 'metadata');
      const spec = obj(object.value, 'spec') ?? {};
      const name = `${str(metadata, 'namespace') || 'default'}/${str(metadata, 'name')}`;
      const line = locate(document.source, [...object.path, 'kind']).line;
      // One object per name in a cluster: a document read twice counts once; two definitions, the first (which one is applied last cannot be known).
      const twin = exceptions.find((e) => e.name === name);
      if (twin) {
        if (twin.file !== document.file || twin.line !== line) {
          notices.push({ file: document.file, line, message: `PolicyException ${name} is also defined in ${twin.file}:${twin.line}; that one is used` });
        }
        continue;
      }
      const match = matchOf(obj(spec, 'match'));
      const conditions = conditionsOf(spec.conditions);
      const onUser = [...(match.any ?? []), ...(match.all ?? [])].some((f) => f.onUser);
      const unknown = conditions ? unevaluable(conditions) : [];
      if (onUser || unknown.length > 0) {
        const what = [...(onUser ? ['conditions on the requesting user (subjects, roles)'] : []), ...(unknown.length > 0 ? [`conditions ${unknown.join(', ')}`] : [])].join(' and ');
        notices.push({ file: document.file, line, message: `PolicyException ${name}: ${what} cannot be known at review time; where they decide, the exception is taken not to apply` });
      }
      exceptions.push({
        name,
        file: document.file,
        line,
        targets: list(spec, 'exceptions')
          .filter(isObject)
          .map((e) => ({ policyName: str(e, 'policyName'), ruleNames: strings(e.ruleNames) })),
        match,
        conditions,
        podSecurity: podSecurityExcludesOf(spec.podSecurity),
      });
    }
  }
  if (exceptions.length > 0) {
    const first = exceptions[0]!;
    notices.push({
      file: first.file,
      line: first.line,
      message: `${exceptions.length === 1 ? 'PolicyException' : `${exceptions.length} PolicyExceptions`} honoured as Kyverno does when it runs with PolicyExceptions enabled (--enablePolicyException) in the exceptions' namespaces`,
    });
  }
  return { exceptions, notices };
}

/** Whether an exception names the policy and rule. */
export function namesRule(exception: KyvernoException, policyKey: string, ruleName: string): boolean {
  return exception.targets.some((t) => t.policyName === policyKey && t.ruleNames.some((pattern) => matchWildcard(ruleName, [pattern]) !== null));
}

/** Whether an exception's match and conditions hold for the subject (unknowns taken not to). */
export function exceptionApplies(exception: KyvernoException, subject: KyvernoSubject, object: JsonValue): boolean {
  // Kinds are matched as written: no controllers are generated for an exception.
  const holds = (filters: readonly ReturnType<typeof filterOf>[] | null, every: boolean) =>
    filters !== null && filters.length > 0 && (every ? filters.every((f) => filterHolds(f, subject, [], false)) : filters.some((f) => filterHolds(f, subject, [], false)));
  const matched = exception.match.any !== null ? holds(exception.match.any, false) : holds(exception.match.all, true);
  if (!matched) return false;
  return exception.conditions === null || conditionsHold(exception.conditions, { object, namespace: subject.namespace, shape: 'object' }) === true;
}
