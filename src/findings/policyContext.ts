/**
 * Evaluating a pod spec under the policy (src/policy): which level blocks,
 * which warns, what is exempt, disabled or opted out, and where each came
 * from. The context is built once per run: the config file, the values the
 * user set explicitly, the repository's Namespace manifests, and today's
 * date (for opt-outs that expire).
 */
import { locate } from '../locate/locate.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { defaultPolicyConfig } from '../policy/config.js';
import { emptyNamespaceIndex, indexNamespaces, namespacesFromDocument } from '../policy/namespaces.js';
import type { NamespaceIndex, NamespaceProblem } from '../policy/namespaces.js';
import { annotationPath, namespaceLabelsOn, noSubject, resolvePolicy, subjectFromPodSpec } from '../policy/resolve.js';
import { clusterSourcesOf, reads } from '../policy/sources/cluster.js';
import type { ClusterSources, SourceOptions } from '../policy/sources/cluster.js';
import type { KyvernoRule } from '../policy/sources/kyverno.js';
import type { ExtraChecks } from '../policy/sources/settings.js';
import { kyvernoVerdicts, withKyverno } from '../policy/sources/kyvernoOutcome.js';
import { evaluatePolicy } from '../policy/split.js';
import type { NamespaceManifest, PolicyConfig, PolicyOutcome, PolicyOverrides, PolicySubject, ResolvedPolicy } from '../policy/types.js';
import { enforceMessage, warnMessage } from '../pss/evaluate.js';
import { formatLevelVersion } from '../pss/levels.js';
import type { PodSpecSource } from '../workloads/extract.js';
import { toFinding } from './finding.js';
import type { Finding, IgnoredFinding, PodSpecVerdict, PolicyProblemReport, ReportNotice } from './types.js';

export interface PolicyContext {
  readonly config: PolicyConfig;
  /** Only values the user set: a flag's default must not hide the config file. */
  readonly overrides: PolicyOverrides;
  readonly namespaces: NamespaceIndex;
  /** YYYY-MM-DD. */
  readonly today: string;
  /** Checks beyond the Pod Security Standards (PSP leftovers, advice); default: defaultExtraChecks. */
  readonly extraChecks?: ExtraChecks;
  /** Which policy sources are read, and where the admission configuration is when pinned. */
  readonly sourceOptions?: SourceOptions;
  /** The cluster's own policies found in the repository (set by the namespace pass, like `namespaces`). */
  readonly cluster?: ClusterSources;
  /**
   * A change's Kyverno rules at its base commit that differ from the head's,
   * with the base commit's Namespaces: a changed pod spec must pass them too,
   * so that a pull request cannot relax the rules that judge it.
   */
  readonly kyvernoAtBase?: { readonly rules: readonly KyvernoRule[]; readonly namespaces: NamespaceIndex };
}

export function policyContext(today: string, parts: Partial<Omit<PolicyContext, 'today'>> = {}): PolicyContext {
  return {
    config: parts.config ?? defaultPolicyConfig,
    overrides: parts.overrides ?? {},
    namespaces: parts.namespaces ?? emptyNamespaceIndex,
    today,
    ...(parts.extraChecks ? { extraChecks: parts.extraChecks } : {}),
    ...(parts.sourceOptions ? { sourceOptions: parts.sourceOptions } : {}),
    ...(parts.cluster ? { cluster: parts.cluster } : {}),
  };
}

/** A Namespace's label problem (a value that is no string, an invalid value, a second definition with other labels) as a load problem, with what it is about. */
export interface LabelProblem {
  readonly problem: LoadProblem;
  readonly about: NamespaceProblem;
}

/**
 * What the repository's documents say about the policy: Namespace labels
 * and the cluster's own policies, as the context's sources allow; their
 * problems as load problems (the Namespaces' labels' apart: a review reports
 * only those that concern its change), their notes as notices.
 */
export function repositoryPolicy(
  documents: readonly ManifestDocument[],
  context: PolicyContext,
): { context: PolicyContext; problems: LoadProblem[]; labelProblems: LabelProblem[]; notices: ReportNotice[] } {
  const options = context.sourceOptions ?? {};
  const namespaces = reads(options, 'namespace-labels') ? namespaceIndexOf(documents, context) : { index: emptyNamespaceIndex, labelProblems: [] };
  const cluster = clusterSourcesOf(documents, options);
  const problems = cluster.problems.map((p): LoadProblem => ({ ...p, kind: 'invalid' }));
  return { context: { ...context, namespaces: namespaces.index, cluster: cluster.cluster }, problems, labelProblems: namespaces.labelProblems, notices: [...cluster.notices] };
}

/**
 * The Namespace manifests among documents, indexed; their problems (labels
 * that are not strings, invalid label values, conflicting duplicates) as
 * load problems, each with what it is about. With `namespace-labels` off,
 * Namespace manifests are not read at all.
 */
export function namespaceIndexOf(
  documents: readonly ManifestDocument[],
  context: Pick<PolicyContext, 'config' | 'overrides'>,
): { index: NamespaceIndex; labelProblems: LabelProblem[] } {
  if (!namespaceLabelsOn(context.config, context.overrides)) return { index: emptyNamespaceIndex, labelProblems: [] };
  const manifests: NamespaceManifest[] = [];
  const unread: NamespaceProblem[] = [];
  for (const document of documents) {
    const extraction = namespacesFromDocument(document, (path) => locate(document.source, path).line);
    manifests.push(...extraction.namespaces);
    for (const p of extraction.problems) unread.push({ file: p.file, line: locate(document.source, p.path).line, namespace: p.namespace, message: p.message, kind: 'invalid' });
  }
  const index = indexNamespaces(manifests);
  const labelProblems = [...unread, ...index.problems].map((about): LabelProblem => ({
    problem: { file: about.file, line: about.line, kind: about.kind === 'conflict' ? 'namespace-conflict' : 'invalid', message: about.message },
    about,
  }));
  return { index, labelProblems };
}

/** One pod spec evaluated under the policy. */
export interface PodSpecEvaluation {
  readonly source: PodSpecSource;
  readonly verdict: PodSpecVerdict;
  /** Blocking, warning and preview findings, in that order. */
  readonly findings: readonly Finding[];
  readonly ignored: readonly IgnoredFinding[];
  readonly problems: readonly PolicyProblemReport[];
  readonly policy: ResolvedPolicy;
  readonly outcome: PolicyOutcome;
}

/** `subject`: what resolution reads of the pod spec, when not all of it (a new pod spec at base has no opt-outs yet). */
export function resolveFor(source: PodSpecSource, context: PolicyContext, subject: PolicySubject = subjectFromPodSpec(source)): ResolvedPolicy {
  return resolvePolicy({
    subject,
    config: context.config,
    namespaces: context.namespaces,
    overrides: context.overrides,
    today: context.today,
    admission: context.cluster?.admission ?? null,
  });
}

export function evaluatePodSpec(source: PodSpecSource, context: PolicyContext, policy: ResolvedPolicy = resolveFor(source, context)): PodSpecEvaluation {
  // Kyverno's podSecurity rules, when the repository has them, add their verdicts to the admission controller's.
  const atBase = context.kyvernoAtBase ? kyvernoVerdicts(source, context.kyvernoAtBase.rules, context.kyvernoAtBase.namespaces) : [];
  const outcome = withKyverno(evaluatePolicy(source.pod, policy), [...kyvernoVerdicts(source, context.cluster?.kyverno ?? [], context.namespaces), ...atBase]);
  const enforce = outcome.evaluations.enforce;
  const kyvernoBlock = outcome.blocking.find((f) => f.levelSource.kind === 'kyverno');
  const message = enforce.allowed
    ? kyvernoBlock
      ? `${kyvernoBlock.levelSource.detail}: ${warnMessage(kyvernoBlock.policy, outcome.blocking.filter((f) => f.levelSource.detail === kyvernoBlock.levelSource.detail).map((f) => f.failure))}`
      : null
    : source.kind === 'Pod'
      ? enforceMessage(source.name, policy.enforce, enforce.failures)
      : warnMessage(policy.enforce, enforce.failures);
  const findings = [...outcome.blocking, ...outcome.warning, ...outcome.preview].map((placed) => toFinding(source, placed));
  const ignored = outcome.ignored.map((placed) => ({ ...toFinding(source, placed), blocking: false, why: placed.why.map((cause) => cause.message) }));
  const problems = policy.problems.map((problem) => ({
    file: source.document.file,
    line: locate(source.document.source, annotationPath(source, problem.place, problem.annotation)).line,
    kind: source.kind,
    namespace: source.namespace,
    name: source.name,
    annotation: problem.annotation,
    message: problem.message,
  }));
  return {
    source,
    verdict: {
      file: source.document.file,
      apiVersion: source.apiVersion,
      kind: source.kind,
      namespace: source.namespace,
      name: source.name,
      line: locate(source.document.source, source.objectPath).line,
      allowed: outcome.allowed,
      message: outcome.allowed ? null : message,
    },
    findings,
    ignored,
    problems,
    policy,
    outcome,
  };
}

/**
 * The run's default enforce and warn policies (what applies outside every
 * rule and labelled namespace); `cluster`: the cluster policies a run found,
 * whose PodSecurityConfiguration sets these defaults.
 */
export function defaultPolicies(context: PolicyContext, cluster: ClusterSources | undefined = context.cluster): { enforce: string; warn: string } {
  const policy = resolvePolicy({
    subject: noSubject,
    config: context.config,
    overrides: context.overrides,
    today: context.today,
    admission: cluster?.admission ?? null,
  });
  return { enforce: formatLevelVersion(policy.enforce), warn: formatLevelVersion(policy.warn) };
}
