/**
 * Kyverno policies as a policy source (pure): the `validate.podSecurity`
 * rules of `ClusterPolicy` and `Policy` objects (kyverno.io/v1, v2beta1)
 * found in the repository, and which pod specs each one matches.
 *
 * Matching follows Kyverno's `match` / `exclude` (`any`, `all`, or the
 * legacy `resources`): kinds (a rule on Pods also covers the controllers
 * Kyverno generates rules for, unless the policy's autogen annotation says
 * otherwise), names and namespaces with wildcards, label selectors on the
 * workload, namespace selectors on the labels of the repository's
 * Namespace manifests, annotations, operations (a change creates or
 * updates). Who makes the request (subjects, roles) is unknown at review
 * time: a match is assumed to hold for them, an exclude not to, and the
 * rule is noted. `Enforce` blocks, `Audit` warns (per-namespace overrides
 * included); `spec.background` does not matter here. Rules of any other
 * kind are listed once as not evaluated.
 */
import { locate } from '../../locate/locate.js';
import type { ManifestDocument } from '../../manifests/types.js';
import { parseLevel, parseVersion } from '../../pss/levels.js';
import { isObject, list, obj, str } from '../../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue, Level, Version } from '../../pss/types.js';
import { matchWildcard } from '../patterns.js';
import type { LevelSource } from '../types.js';
import type { SourceProblem } from './admissionConfig.js';
import { conditionsOf, unevaluable } from './kyvernoConditions.js';
import type { Conditions, ObjectShape } from './kyvernoConditions.js';
import { podSecurityExcludesOf } from './kyvernoEvaluate.js';
import type { PodSecurityExclude } from './kyvernoEvaluate.js';
import type { KyvernoException } from './kyvernoException.js';
import { objectsOf } from './objects.js';

const kyvernoApiVersions = new Set(['kyverno.io/v1', 'kyverno.io/v2beta1']);
const autogenAnnotation = 'pod-policies.kyverno.io/autogen-controllers';
const defaultAutogen = ['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'CronJob'];

type Labels = Readonly<Record<string, string>>;

interface Selector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly { key: string; operator: string; values: readonly string[] }[];
}

interface ResourceFilter {
  readonly kinds: readonly string[] | null;
  readonly names: readonly string[] | null;
  readonly namespaces: readonly string[] | null;
  readonly selector: Selector | null;
  readonly namespaceSelector: Selector | null;
  readonly annotations: Labels | null;
  readonly operations: readonly string[] | null;
  /** Conditions on the requesting user (subjects, roles, clusterRoles): unknown at review time. */
  readonly onUser: boolean;
}

export interface Filters {
  readonly any: readonly ResourceFilter[] | null;
  readonly all: readonly ResourceFilter[] | null;
}

export interface KyvernoRule {
  readonly policy: string;
  readonly ruleName: string;
  readonly file: string;
  readonly line: number;
  /** The rule's path in its document, to find the line of each of its settings. */
  readonly path: FieldPath;
  /** Read from the base commit, which judges a pull request as well as its head (src/policy/stricter.ts). */
  readonly atBase?: boolean;
  /** Namespace of a `Policy` (it applies there only); null for a ClusterPolicy. */
  readonly policyNamespace: string | null;
  readonly level: Level;
  readonly version: Version;
  readonly excludes: readonly PodSecurityExclude[];
  readonly action: 'enforce' | 'audit';
  readonly actionOverrides: readonly { readonly action: 'enforce' | 'audit'; readonly namespaces: readonly string[] }[];
  readonly match: Filters;
  readonly exclude: Filters | null;
  /** Controllers a rule on Pods also covers (Kyverno's autogen). */
  readonly autogen: readonly string[];
  /** The rule's `preconditions` (kyvernoConditions.ts); absent or null when it has none. */
  readonly preconditions?: Conditions | null;
  /** `validate.allowExistingViolations` (Kyverno's default: true): an update of an object that already failed the rule is let in. */
  readonly allowExistingViolations?: boolean;
  /** The repository's PolicyExceptions that name this rule's policy (kyvernoException.ts). */
  readonly exceptions?: readonly KyvernoException[];
}

/** What a rule is matched against. */
export interface KyvernoSubject {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | null;
  readonly labels: Labels;
  readonly annotations: Labels;
  /** The labels of the subject's Namespace manifest in the repository, if any. */
  readonly namespaceLabels: Labels | null;
}

const strings = (value: JsonValue | undefined): string[] | null => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null);

function labelsOf(value: JsonObject | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(value ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function selectorOf(value: JsonValue | undefined): Selector | null {
  if (!isObject(value)) return null;
  const matchExpressions = list(value, 'matchExpressions')
    .filter(isObject)
    .map((e) => ({ key: str(e, 'key'), operator: str(e, 'operator'), values: strings(e.values) ?? [] }));
  return { matchLabels: labelsOf(obj(value, 'matchLabels')), matchExpressions };
}

export function filterOf(value: JsonObject): ResourceFilter {
  const resources = obj(value, 'resources') ?? {};
  const names = strings(resources.names) ?? (str(resources, 'name') !== '' ? [str(resources, 'name')] : null);
  return {
    kinds: strings(resources.kinds),
    names,
    namespaces: strings(resources.namespaces),
    selector: selectorOf(resources.selector),
    namespaceSelector: selectorOf(resources.namespaceSelector),
    annotations: isObject(resources.annotations) ? labelsOf(resources.annotations) : null,
    operations: strings(resources.operations),
    onUser: ['subjects', 'roles', 'clusterRoles'].some((key) => Array.isArray(value[key]) && value[key].length > 0),
  };
}

function filtersOf(value: JsonValue | undefined): Filters | null {
  if (!isObject(value)) return null;
  const any = Array.isArray(value.any) ? value.any.filter(isObject).map(filterOf) : null;
  const all = Array.isArray(value.all) ? value.all.filter(isObject).map(filterOf) : null;
  // The legacy form: one filter at the top.
  if (!any && !all) return { any: [filterOf(value)], all: null };
  return { any, all };
}

function actionOf(value: JsonValue | undefined): 'enforce' | 'audit' | null {
  if (typeof value !== 'string') return null;
  const lower = value.toLowerCase();
  return lower === 'enforce' ? 'enforce' : lower === 'audit' ? 'audit' : null;
}

function describeOtherRule(rule: JsonObject): string {
  const validate = obj(rule, 'validate');
  if (validate) {
    const kind = ['pattern', 'anyPattern', 'deny', 'cel', 'foreach', 'manifests', 'assert'].find((k) => k in validate);
    return kind === 'cel' ? 'CEL' : kind === 'anyPattern' ? 'pattern' : (kind ?? 'validate');
  }
  return ['mutate', 'generate', 'verifyImages'].find((k) => k in rule) ?? 'unknown';
}

export interface KyvernoReading {
  readonly rules: readonly KyvernoRule[];
  readonly notices: readonly SourceProblem[];
}

/** The podSecurity rules of the Kyverno policies among documents, and notes on what is not evaluated. */
export function kyvernoRulesOf(documents: readonly ManifestDocument[]): KyvernoReading {
  const rules: KyvernoRule[] = [];
  const notices: SourceProblem[] = [];
  for (const document of documents) {
    for (const object of objectsOf(document)) {
      if ((object.kind !== 'ClusterPolicy' && object.kind !== 'Policy') || !kyvernoApiVersions.has(object.apiVersion)) continue;
      const lineOf = (path: FieldPath) => locate(document.source, [...object.path, ...path]).line;
      const metadata = obj(object.value, 'metadata');
      const spec = obj(object.value, 'spec') ?? {};
      const policy = `${object.kind}/${str(metadata, 'name')}`;
      const policyNamespace = object.kind === 'Policy' ? str(metadata, 'namespace') || 'default' : null;
      const annotation = labelsOf(obj(metadata, 'annotations'))[autogenAnnotation];
      const autogen = annotation === undefined ? defaultAutogen : annotation.trim() === 'none' ? [] : annotation.split(',').map((k) => k.trim());
      const specAction = actionOf(spec.validationFailureAction) ?? 'audit';
      const others: string[] = [];
      list(spec, 'rules').forEach((value, index) => {
        if (!isObject(value)) return;
        const ruleName = str(value, 'name');
        const validate = obj(value, 'validate');
        const podSecurity = obj(validate, 'podSecurity');
        if (!podSecurity) {
          others.push(`${ruleName} (${describeOtherRule(value)})`);
          return;
        }
        const line = lineOf(['spec', 'rules', index]);
        const level = parseLevel(str(podSecurity, 'level'));
        const version = parseVersion(str(podSecurity, 'version') || 'latest');
        if (!level.ok || !version.ok) {
          notices.push({ file: document.file, line, message: `${policy} rule ${ruleName}: podSecurity level or version is invalid; the rule is not evaluated` });
          return;
        }
        if (level.value === 'privileged') {
          notices.push({
            file: document.file,
            line,
            message: `${policy} rule ${ruleName}: level privileged is evaluated as Kyverno evaluates it, with every check of the restricted profile (Kyverno leaves checks out for baseline only), unlike a privileged namespace label; remove the rule to allow everything`,
          });
        }
        const overrides = (Array.isArray(validate?.failureActionOverrides) ? validate.failureActionOverrides : list(spec, 'validationFailureActionOverrides'))
          .filter(isObject)
          .flatMap((o) => {
            const action = actionOf(o.action);
            return action ? [{ action, namespaces: strings(o.namespaces) ?? [] }] : [];
          });
        const match = filtersOf(value.match) ?? { any: null, all: null };
        const exclude = filtersOf(value.exclude);
        const onUser = [...(match.any ?? []), ...(match.all ?? []), ...(exclude?.any ?? []), ...(exclude?.all ?? [])].some((f) => f.onUser);
        if (onUser) {
          notices.push({ file: document.file, line, message: `${policy} rule ${ruleName}: conditions on the requesting user (subjects, roles) cannot be known at review time; its match is assumed to hold and its exclude not to` });
        }
        const preconditions = conditionsOf(value.preconditions);
        const unknown = preconditions ? unevaluable(preconditions) : [];
        if (unknown.length > 0) {
          notices.push({
            file: document.file,
            line,
            message: `${policy} rule ${ruleName}: ${unknown.length === 1 ? 'precondition' : 'preconditions'} ${unknown.join(', ')} cannot be evaluated at review time (only request.object and request.namespace with Equals, NotEquals, AnyIn, AllIn, AnyNotIn, AllNotIn are); where they decide, the rule is applied as if they held`,
          });
        }
        rules.push({
          policy,
          ruleName,
          file: document.file,
          line,
          path: [...object.path, 'spec', 'rules', index],
          policyNamespace,
          level: level.value,
          version: version.value,
          excludes: podSecurityExcludesOf(podSecurity.exclude),
          action: actionOf(validate?.failureAction) ?? specAction,
          actionOverrides: overrides,
          match,
          exclude,
          autogen,
          preconditions,
          allowExistingViolations: validate?.allowExistingViolations !== false,
        });
      });
      if (others.length > 0) {
        notices.push({
          file: document.file,
          line: lineOf(['kind']),
          message: `${policy}: ${others.length === 1 ? 'rule' : 'rules'} ${others.join(', ')} not evaluated (only validate.podSecurity rules are)`,
        });
      }
    }
  }
  // The rules evaluated, listed once, so that a rule that fails nothing (or matches nothing) is seen to have been read.
  const [first] = rules;
  if (first) {
    const described = rules.map((r) => `${r.policy} rule ${r.ruleName} (${r.level}:${r.version}, ${r.action === 'enforce' ? 'Enforce' : 'Audit'})`);
    notices.push({ file: first.file, line: first.line, message: `Kyverno podSecurity ${rules.length === 1 ? 'rule' : 'rules'} evaluated: ${described.join(', ')}` });
  }
  return { rules, notices };
}

function selects(selector: Selector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key) || matchWildcard(labels[key] ?? '', [value]) === null) return false;
  }
  return selector.matchExpressions.every(({ key, operator, values }) => {
    const has = Object.hasOwn(labels, key);
    const value = labels[key] ?? '';
    if (operator === 'In') return has && values.includes(value);
    if (operator === 'NotIn') return !has || !values.includes(value);
    if (operator === 'Exists') return has;
    if (operator === 'DoesNotExist') return !has;
    return false;
  });
}

function kindMatches(patterns: readonly string[], subject: KyvernoSubject, autogen: readonly string[]): boolean {
  // `Pod`, `v1/Pod`, `apps/v1/Deployment`, wildcards: the kind is the last part.
  const kinds = patterns.map((p) => p.split('/').pop() ?? p);
  if (matchWildcard(subject.kind, kinds) !== null) return true;
  // A rule on Pods only is generated for the controllers too.
  return kinds.every((k) => k === 'Pod') && autogen.includes(subject.kind);
}

/** Whether one filter's conditions all hold; `whenUnknown` for those on the requesting user. */
export function filterHolds(filter: ResourceFilter, subject: KyvernoSubject, autogen: readonly string[], whenUnknown: boolean): boolean {
  if (filter.onUser && !whenUnknown) return false;
  if (filter.kinds && !kindMatches(filter.kinds, subject, autogen)) return false;
  if (filter.names && matchWildcard(subject.name, filter.names) === null) return false;
  if (filter.namespaces && (subject.namespace === null || matchWildcard(subject.namespace, filter.namespaces) === null)) return false;
  if (filter.selector && !selects(filter.selector, subject.labels)) return false;
  if (filter.namespaceSelector && (subject.namespaceLabels === null || !selects(filter.namespaceSelector, subject.namespaceLabels))) return false;
  if (filter.annotations && !Object.entries(filter.annotations).every(([k, v]) => Object.hasOwn(subject.annotations, k) && matchWildcard(subject.annotations[k] ?? '', [v]) !== null)) return false;
  if (filter.operations && !filter.operations.some((o) => o === 'CREATE' || o === 'UPDATE')) return false;
  return true;
}

function filtersHold(filters: Filters, subject: KyvernoSubject, autogen: readonly string[], whenUnknown: boolean): boolean {
  if (filters.any && !filters.any.some((f) => filterHolds(f, subject, autogen, whenUnknown))) return false;
  if (filters.all && !filters.all.every((f) => filterHolds(f, subject, autogen, whenUnknown))) return false;
  return filters.any !== null || filters.all !== null;
}

/**
 * The name of the rule Kyverno evaluates for the subject: the rule's own, or
 * for a controller the rule on Pods was generated for, the generated one
 * (`autogen-NAME`, `autogen-cronjob-NAME`, at most 63 characters), which is
 * what a PolicyException must name; with how that rule reads the object.
 */
export function ruleNameFor(rule: KyvernoRule, subject: KyvernoSubject): { name: string; shape: ObjectShape } {
  const filters = [...(rule.match.any ?? []), ...(rule.match.all ?? [])];
  const direct = subject.kind === 'Pod' || filters.some((f) => f.kinds !== null && matchWildcard(subject.kind, f.kinds.map((k) => k.split('/').pop() ?? k)) !== null);
  if (direct) return { name: rule.ruleName, shape: 'object' };
  const cronJob = subject.kind === 'CronJob';
  return { name: `${cronJob ? 'autogen-cronjob' : 'autogen'}-${rule.ruleName}`.slice(0, 63), shape: cronJob ? 'cronJobTemplate' : 'template' };
}

/** `psa` for a ClusterPolicy, `team-a/psa` for a Policy: how a PolicyException names a policy. */
export function policyKey(rule: KyvernoRule): string {
  const name = rule.policy.slice(rule.policy.indexOf('/') + 1);
  return rule.policyNamespace === null ? name : `${rule.policyNamespace}/${name}`;
}

/** Whether a rule applies to the subject: its policy's namespace, its match, and not its exclude. */
export function ruleMatches(rule: KyvernoRule, subject: KyvernoSubject): boolean {
  if (rule.policyNamespace !== null && subject.namespace !== rule.policyNamespace) return false;
  if (!filtersHold(rule.match, subject, rule.autogen, true)) return false;
  return !(rule.exclude && filtersHold(rule.exclude, subject, rule.autogen, false));
}

/** The rule's action for the subject's namespace. */
export function ruleAction(rule: KyvernoRule, subject: KyvernoSubject): 'enforce' | 'audit' {
  const override = rule.actionOverrides.find((o) => subject.namespace !== null && matchWildcard(subject.namespace, o.namespaces) !== null);
  return override?.action ?? rule.action;
}

/** What else decided a rule's verdict on one pod spec, for its level source. */
export interface KyvernoVerdictNotes {
  /** PolicyExceptions that matched the pod spec (their podSecurity entries applied). */
  readonly exceptions?: readonly KyvernoException[];
  /** The rule's preconditions could not be evaluated for this pod spec: it was applied as if they held. */
  readonly preconditionsAssumed?: boolean;
}

/** A PolicyException as a level source names it: `PolicyException delta/psa-exception (exceptions/delta.yaml:2)`. */
export const exceptionLabel = (exception: KyvernoException) => `PolicyException ${exception.name} (${exception.file}:${exception.line})`;

/** `kyverno: ClusterPolicy/psa rule restricted (policies/psa.yaml:12)`, and what else decided the verdict. */
export function kyvernoSource(rule: KyvernoRule, notes: KyvernoVerdictNotes = {}): LevelSource {
  const where = `${rule.file}:${rule.line}${rule.atBase ? ', at the base commit' : ''}`;
  const extra = [
    ...(notes.exceptions && notes.exceptions.length > 0 ? [`with ${notes.exceptions.map(exceptionLabel).join(', ')}`] : []),
    ...(notes.preconditionsAssumed ? ['its preconditions could not be evaluated here and are taken to hold'] : []),
  ];
  return { kind: 'kyverno', detail: `kyverno: ${rule.policy} rule ${rule.ruleName} (${where})${extra.length > 0 ? `; ${extra.join('; ')}` : ''}`, file: rule.file, line: rule.line };
}
