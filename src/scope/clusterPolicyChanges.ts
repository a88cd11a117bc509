/**
 * The relaxations a change makes to the cluster's own policies, as findings
 * on the line that relaxes them (pure): the PodSecurityConfiguration's
 * defaults lowered or exemptions added, a Kyverno podSecurity rule removed,
 * lowered, turned from Enforce to Audit, given an exclusion, or matching
 * differently. Like a lowered Namespace label (policyChanges.ts), each is
 * blocking unless `policy-changes: warn`; the pod specs the change touches
 * are judged under the base commit's policies as well (scope.ts), so the
 * relaxation cannot let them through either.
 */
import type { DiffLines } from '../diff/lines.js';
import { locate } from '../locate/locate.js';
import { valueAt } from '../fixes/edits.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { NamespaceIndex } from '../policy/namespaces.js';
import type { AdmissionConfig } from '../policy/sources/admissionConfig.js';
import { exceptionLabel, kyvernoSource, ruleMatches } from '../policy/sources/kyverno.js';
import type { KyvernoRule } from '../policy/sources/kyverno.js';
import { isLaxer } from '../policy/stricter.js';
import type { PolicyChangesRule } from '../policy/stricter.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { formatLevelVersion } from '../pss/levels.js';
import { isObject, str } from '../pss/pod.js';
import type { FieldPath, LevelVersion } from '../pss/types.js';
import { labelPlace, relaxationFinding, uniquePlaces } from './policyChanges.js';
import type { Place } from './policyChanges.js';
import type { DiffFinding } from './types.js';

type LinesOf = (file: string) => DiffLines | undefined;

const exemptionKinds = [
  ['namespaces', 'namespace'],
  ['runtimeClassNames', 'runtimeClass'],
  ['usernames', 'username'],
] as const;

/**
 * How the PodSecurityConfiguration at head is more lenient than at base.
 * `defaults`: the run's default policy resolved with each (flags and the
 * config file may set the levels over it, and then its defaults do not
 * matter).
 */
export function admissionRelaxations(
  base: AdmissionConfig | null,
  head: AdmissionConfig | null,
  defaults: { readonly base: ResolvedPolicy; readonly head: ResolvedPolicy },
  rule: PolicyChangesRule,
  linesOf: LinesOf,
): DiffFinding[] {
  const config = head ?? base;
  if (config === null) return [];
  const what: string[] = [];
  const places: Place[] = [];
  // A removed configuration is reported where it was.
  const at = (line: number): Place => ({ file: config.file, path: [], line });
  const modes = [
    ['enforce', defaults.base.enforce, defaults.head.enforce],
    ['warn', defaults.base.warn, defaults.head.warn],
    ...(base && head ? [['audit', base.defaults.audit, head.defaults.audit] as const] : []),
  ] as const;
  for (const [mode, was, is] of modes) {
    if (!isLaxer(is, was)) continue;
    what.push(`${mode} ${formatLevelVersion(was)} becomes ${formatLevelVersion(is)}${head ? '' : ' (the PodSecurityConfiguration is removed)'}`);
    const written = head?.written[mode];
    places.push(at(written?.level?.line ?? written?.version?.line ?? config.line));
  }
  for (const [key, label] of exemptionKinds) {
    const before = new Set((base?.exemptions[key] ?? []).map((e) => e.value));
    for (const entry of head?.exemptions[key] ?? []) {
      if (before.has(entry.value)) continue;
      what.push(`${label} ${entry.value} becomes exempt`);
      places.push(at(entry.at.line));
    }
  }
  if (what.length === 0) return [];
  const subject = {
    file: config.file,
    apiVersion: 'pod-security.admission.config.k8s.io/v1',
    kind: 'PodSecurityConfiguration',
    namespace: null,
    name: 'PodSecurityConfiguration',
    reason: "the pull request relaxes the cluster's PodSecurityConfiguration",
  };
  const source = {
    kind: 'admission-config' as const,
    detail: base ? `the PodSecurityConfiguration at the base commit (${base.file}:${base.line})` : "the run's default levels, as the PodSecurityConfiguration is new",
  };
  return [relaxationFinding(subject, what, defaults.base.enforce, source, uniquePlaces(places), base ? 'modified' : 'new', rule, linesOf)];
}

const ruleKey = (r: KyvernoRule) => `${r.policyNamespace ?? ''}\u0000${r.policy}\u0000${r.ruleName}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The line of the first of `paths` the rule's document has (else the rule's own line). */
function placeOf(rule: KyvernoRule, documents: readonly ManifestDocument[], paths: readonly FieldPath[]): Place {
  const document = documents.find((d) => {
    const value = valueAt(d.value, rule.path);
    return d.file === rule.file && isObject(value) && str(value, 'name') === rule.ruleName;
  });
  if (document) {
    for (const path of paths) {
      const found = locate(document.source, path);
      if (found.exact) return { file: rule.file, path, line: found.line };
    }
  }
  return { file: rule.file, path: rule.path, line: rule.line };
}

const formatAction = (action: 'enforce' | 'audit') => (action === 'enforce' ? 'Enforce' : 'Audit');

/** How one rule at head is more lenient than at base, with the places that say so. */
function ruleRelaxations(before: KyvernoRule, after: KyvernoRule, documents: readonly ManifestDocument[]): { what: string[]; places: Place[] } {
  const what: string[] = [];
  const places: Place[] = [];
  const add = (text: string, ...paths: FieldPath[]) => {
    what.push(text);
    places.push(placeOf(after, documents, paths));
  };
  const rule = after.path;
  const policy = rule.slice(0, -3);
  const was: LevelVersion = { level: before.level, version: before.version };
  const is: LevelVersion = { level: after.level, version: after.version };
  if (isLaxer(is, was)) add(`level ${formatLevelVersion(was)} becomes ${formatLevelVersion(is)}`, [...rule, 'validate', 'podSecurity', 'level'], [...rule, 'validate', 'podSecurity', 'version']);
  if (before.action === 'enforce' && after.action === 'audit') {
    add(`failureAction ${formatAction(before.action)} becomes ${formatAction(after.action)}`, [...rule, 'validate', 'failureAction'], [...policy, 'spec', 'validationFailureAction']);
  }
  const audited = new Set(before.actionOverrides.filter((o) => o.action === 'audit').flatMap((o) => o.namespaces));
  const newlyAudited = after.actionOverrides.filter((o) => o.action === 'audit').flatMap((o) => o.namespaces.filter((n) => !audited.has(n)));
  if (newlyAudited.length > 0) {
    add(`Audit only in ${newlyAudited.join(', ')}`, [...rule, 'validate', 'failureActionOverrides'], [...policy, 'spec', 'validationFailureActionOverrides']);
  }
  after.excludes.forEach((exclude, index) => {
    if (before.excludes.some((e) => same(e, exclude))) return;
    const images = exclude.images.length > 0 ? ` for images ${exclude.images.join(', ')}` : '';
    add(`adds an exclusion of ${exclude.controlName}${images}`, [...rule, 'validate', 'podSecurity', 'exclude', index]);
  });
  // Which workloads a changed match or exclude leaves out is not worked out: the change is shown for a human to judge.
  if (!same(before.match, after.match)) add('its match changes, which may leave workloads out', [...rule, 'match']);
  if (after.exclude !== null && !same(before.exclude, after.exclude)) add('its exclude changes, which may leave workloads out', [...rule, 'exclude']);
  // A PolicyException that names the rule is a relaxation of it, made in another file (src/policy/sources/kyvernoException.ts).
  for (const exception of after.exceptions ?? []) {
    if ((before.exceptions ?? []).some((e) => same({ ...e, file: null, line: null }, { ...exception, file: null, line: null }))) continue;
    add(`${exceptionLabel(exception)} exempts workloads from it`, [...rule, 'name']);
  }
  const dropped = before.autogen.filter((kind) => !after.autogen.includes(kind));
  if (dropped.length > 0) add(`it no longer covers ${dropped.join(', ')} (autogen)`, [...policy, 'metadata', 'annotations']);
  return { what, places };
}

/** The Kyverno podSecurity rules the change removes or makes more lenient; a new rule only adds restrictions. */
export function kyvernoRelaxations(
  base: readonly KyvernoRule[],
  head: readonly KyvernoRule[],
  documents: { readonly base: readonly ManifestDocument[]; readonly head: readonly ManifestDocument[] },
  rule: PolicyChangesRule,
  linesOf: LinesOf,
): DiffFinding[] {
  const byKey = new Map(head.map((r) => [ruleKey(r), r]));
  const findings: DiffFinding[] = [];
  for (const before of base) {
    const after = byKey.get(ruleKey(before));
    const { what, places } = after
      ? ruleRelaxations(before, after, documents.head)
      : { what: [`rule ${before.ruleName} is removed`], places: [placeOf(before, documents.base, [[...before.path, 'name']])] };
    if (what.length === 0) continue;
    const [kind = '', name = ''] = before.policy.split('/');
    const subject = {
      file: after?.file ?? before.file,
      apiVersion: 'kyverno.io/v1',
      kind,
      namespace: before.policyNamespace,
      name,
      reason: `the pull request relaxes Kyverno ${before.policy} rule ${before.ruleName}`,
    };
    const source = kyvernoSource({ ...before, atBase: true });
    findings.push(relaxationFinding(subject, what, { level: before.level, version: before.version }, source, uniquePlaces(places), 'modified', rule, linesOf));
  }
  return findings;
}

/**
 * Namespaces whose labels the change alters so that a Kyverno rule's
 * `namespaceSelector` no longer takes them: the rule stops judging their
 * pods. Judged for a Pod with no labels of its own in the namespace (a rule
 * that also selects on the workload is not worked out further).
 */
export function kyvernoNamespaceRelaxations(
  rules: readonly KyvernoRule[],
  namespaces: { readonly base: NamespaceIndex; readonly head: NamespaceIndex },
  documents: { readonly head: readonly ManifestDocument[] },
  rule: PolicyChangesRule,
  linesOf: LinesOf,
): DiffFinding[] {
  const selecting = rules.filter((r) => [...(r.match.any ?? []), ...(r.match.all ?? [])].some((f) => f.namespaceSelector !== null));
  if (selecting.length === 0) return [];
  const findings: DiffFinding[] = [];
  for (const [name, after] of namespaces.head.byName) {
    const before = namespaces.base.byName.get(name);
    if (!before || same(before.manifest.labels, after.manifest.labels)) continue;
    const pod = (labels: Readonly<Record<string, string>>) => ({ kind: 'Pod', name: '', namespace: name, labels: {}, annotations: {}, namespaceLabels: labels });
    const left = selecting.filter((r) => ruleMatches(r, pod(before.manifest.labels)) && !ruleMatches(r, pod(after.manifest.labels)));
    if (left.length === 0) continue;
    const what = left.map((r) => `Kyverno ${r.policy} rule ${r.ruleName} no longer selects it`);
    const subject = { file: after.manifest.file, apiVersion: 'v1', kind: 'Namespace', namespace: null, name, reason: `the pull request relaxes the Kyverno rules that judge the pods of Namespace ${name}` };
    const source = kyvernoSource({ ...left[0]!, atBase: true });
    // On the first label that changed (a removed one: the labels).
    const [b, a] = [before.manifest.labels, after.manifest.labels];
    const changed = Object.keys(a).find((key) => a[key] !== b[key]) ?? '';
    findings.push(relaxationFinding(subject, what, { level: left[0]!.level, version: left[0]!.version }, source, [labelPlace(after, documents.head, changed)], 'modified', rule, linesOf));
  }
  return findings;
}
