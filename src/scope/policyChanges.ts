/**
 * The relaxations a change makes to the policy that judges it, as findings
 * on the line that relaxes it (pure): a Namespace's pod-security label
 * lowered or removed, a Namespace added already lenient, a workload moved
 * into a more lenient namespace, path or name, an opt-out added. Blocking
 * unless `policy-changes: warn`, so someone allowed to lower the bar
 * approves the change explicitly.
 */
import type { DiffLines } from '../diff/lines.js';
import { locate } from '../locate/locate.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { NamespaceEntry, NamespaceIndex } from '../policy/namespaces.js';
import { namespaceLabels, policyToEvaluate } from '../policy/namespaces.js';
import { policyChangeCheckId } from '../policy/sources/extraChecks.js';
import { isLaxer } from '../policy/stricter.js';
import type { PolicyChangesRule } from '../policy/stricter.js';
import type { LevelSourceKind, ResolvedPolicy } from '../policy/types.js';
import { formatLevelVersion, formatVersion } from '../pss/levels.js';
import { isObject, obj, str } from '../pss/pod.js';
import { formatFieldPath } from '../pss/paths.js';
import type { FieldPath, LevelVersion } from '../pss/types.js';
import type { PodSpecSource } from '../workloads/extract.js';
import type { DiffFinding } from './types.js';

const approval =
  'Revert the relaxation, or have someone who may lower the bar approve it: a repository admin merges past the check, or the config at the base commit sets `policy-changes: warn`.';

export interface Place {
  readonly file: string;
  readonly path: FieldPath;
  readonly line: number;
}

/** What a relaxation is about: a Namespace, a workload, or a policy object (`reason` says which one it relaxes). */
export interface RelaxedSubject {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly reason?: string;
}

export function relaxationFinding(
  subject: RelaxedSubject,
  what: readonly string[],
  bar: LevelVersion,
  source: { kind: LevelSourceKind; detail: string },
  places: readonly Place[],
  status: DiffFinding['status'],
  rule: PolicyChangesRule,
  linesOf: (file: string) => DiffLines | undefined,
): DiffFinding {
  const blocking = rule === 'block';
  const locations = places
    .map((p) => ({ path: formatFieldPath(p.path), line: p.line, column: 1, exact: true, container: null, inDiff: linesOf(p.file)?.has(p.line) ?? false }))
    .sort((a, b) => a.line - b.line);
  const { reason, ...about } = subject;
  return {
    ...about,
    container: null,
    containers: [],
    check: policyChangeCheckId,
    reason:
      reason ??
      (subject.kind === 'Namespace'
        ? `the pull request relaxes the pod-security labels of Namespace ${subject.name}`
        : `the pull request relaxes the policy that judges ${subject.kind} ${subject.namespace === null ? '' : `${subject.namespace}/`}${subject.name}`),
    detail: what.join('; '),
    level: bar.level,
    version: formatVersion(bar.version),
    line: locations[0]?.line ?? 1,
    locations,
    mode: blocking ? 'enforce' : 'warn',
    blocking,
    levelSource: source,
    optOutNote: null,
    fix: null,
    fixNote: approval,
    status,
    preexisting: false,
  };
}

/** The line of a Namespace's label (or of its labels, or of the object) in the documents of its file. */
export function labelPlace(entry: NamespaceEntry, documents: readonly ManifestDocument[], label: string): Place {
  const { manifest } = entry;
  for (const document of documents) {
    if (document.file !== manifest.file || !isObject(document.value)) continue;
    if (document.value.kind !== 'Namespace' || str(obj(document.value, 'metadata'), 'name') !== manifest.name) continue;
    const labels = obj(obj(document.value, 'metadata'), 'labels') ?? {};
    const path: FieldPath = label in labels ? ['metadata', 'labels', label] : ['metadata', 'labels'];
    return { file: manifest.file, path, line: locate(document.source, path).line };
  }
  return { file: manifest.file, path: ['metadata', 'labels'], line: manifest.line };
}

/**
 * Namespaces whose pod-security labels are more lenient at head than at
 * base, judged on the run's default levels (`defaults`): a label lowered or
 * removed, a Namespace added with a lenient label, one removed whose label
 * was strict.
 */
export function namespaceRelaxations(
  base: NamespaceIndex,
  head: NamespaceIndex,
  defaults: { enforce: LevelVersion; warn: LevelVersion },
  documents: { base: readonly ManifestDocument[]; head: readonly ManifestDocument[] },
  rule: PolicyChangesRule,
  linesOf: (file: string) => DiffLines | undefined,
): DiffFinding[] {
  const admission = { ...defaults, audit: { level: 'privileged', version: 'latest' } as LevelVersion };
  const findings: DiffFinding[] = [];
  for (const name of new Set([...base.byName.keys(), ...head.byName.keys()])) {
    const before = base.byName.get(name);
    const after = head.byName.get(name);
    const was = policyToEvaluate(before?.podSecurityLabels ?? {}, admission).policy;
    const is = policyToEvaluate(after?.podSecurityLabels ?? {}, admission).policy;
    const what: string[] = [];
    const places: Place[] = [];
    for (const mode of ['enforce', 'warn', 'audit'] as const) {
      if (!isLaxer(is[mode], was[mode])) continue;
      const label = namespaceLabels[mode];
      // Warn and audit may only follow enforce (inheritance, defaults): then enforce says it all.
      if (mode !== 'enforce' && before?.podSecurityLabels[label] === undefined && after?.podSecurityLabels[label] === undefined) continue;
      const value = after?.podSecurityLabels[label];
      const how = after === undefined ? 'the Namespace is removed' : value === undefined ? `label ${label} removed` : `label ${label}=${value}`;
      what.push(`${mode} ${formatLevelVersion(was[mode])} becomes ${formatLevelVersion(is[mode])} (${how})`);
      if (after) places.push(labelPlace(after, documents.head, value === undefined && after.podSecurityLabels[`${label}-version`] !== undefined ? `${label}-version` : label));
    }
    if (what.length === 0) continue;
    const entry = after ?? before!;
    const where = after ? places : [labelPlace(before!, documents.base, namespaceLabels.enforce)];
    const subject = { file: entry.manifest.file, apiVersion: 'v1', kind: 'Namespace', namespace: null, name };
    const source = { kind: 'namespace-label' as const, detail: before ? `Namespace ${name}'s labels at the base commit (${before.manifest.file}:${before.manifest.line})` : 'the run\'s default levels, as the Namespace is new' };
    findings.push(relaxationFinding(subject, what, was.enforce, source, uniquePlaces(where), before ? 'modified' : 'new', rule, linesOf));
  }
  return findings;
}

export function uniquePlaces(places: readonly Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.file}:${p.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a workload's own change relaxes: a move (namespace, path, name), a runtime class that is exempt, and the opt-outs it adds. */
export interface WorkloadRelaxation {
  readonly pod: PodSpecSource;
  readonly base: PodSpecSource | null;
  /** The base policy the relaxation lowers (for the level it names). */
  readonly basePolicy: ResolvedPolicy;
  /** relaxationsOf(moved-from, moved-to), when the workload moved. */
  readonly moved: readonly string[];
  /** Opt-outs the change adds: the annotation's place and the checks. */
  readonly addedOptOuts: readonly { readonly path: FieldPath; readonly checks: readonly string[] }[];
  /** The exemption its new runtimeClassName gives it, when it was not exempt before the change. */
  readonly exemptRuntimeClass: string | null;
  readonly status: DiffFinding['status'];
}

/** One finding per workload for everything its own change relaxes; null when it relaxes nothing. */
export function workloadRelaxation(r: WorkloadRelaxation, rule: PolicyChangesRule, linesOf: (file: string) => DiffLines | undefined): DiffFinding | null {
  const { pod, base } = r;
  const what = [...r.moved];
  const places: Place[] = [];
  const at = (path: FieldPath): Place => ({ file: pod.document.file, path, line: locate(pod.document.source, path).line });
  if (r.moved.length > 0 && base) {
    const movedWhere = base.namespace !== pod.namespace ? 'namespace' : 'name';
    places.push(at([...pod.objectPath, 'metadata', movedWhere]));
    if (base.document.file !== pod.document.file) what.push(`moved from ${base.document.file}`);
  }
  if (r.exemptRuntimeClass !== null) {
    what.push(r.exemptRuntimeClass);
    places.push(at([...pod.templatePath, 'spec', 'runtimeClassName']));
  }
  for (const added of r.addedOptOuts) {
    what.push(`adds an opt-out of ${added.checks.join(', ')}`);
    places.push(at(added.path));
  }
  if (what.length === 0) return null;
  const subject = { file: pod.document.file, apiVersion: pod.apiVersion, kind: pod.kind, namespace: pod.namespace, name: pod.name };
  const source = { kind: r.basePolicy.levelSource.kind, detail: `${r.basePolicy.levelSource.detail} (the policy before the change)` };
  return relaxationFinding(subject, what, r.basePolicy.enforce, source, uniquePlaces(places), r.status, rule, linesOf);
}
