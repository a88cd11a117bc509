/**
 * The policy sources a repository holds besides the config file and its
 * Namespace labels: the cluster's PodSecurityConfiguration (and, below,
 * Kyverno policies). They are read from the same documents as the
 * Namespace manifests (every file `check` reads; the head commit's files
 * for `diff` and the Action), once per run, into plain data that travels
 * with the policy context.
 */
import type { ManifestDocument } from '../../manifests/types.js';
import { findAdmissionConfig } from './admissionConfig.js';
import type { AdmissionConfig, SourceProblem } from './admissionConfig.js';
import { kyvernoRulesOf, policyKey } from './kyverno.js';
import type { KyvernoRule } from './kyverno.js';
import { kyvernoExceptionsOf } from './kyvernoException.js';
import type { KyvernoException } from './kyvernoException.js';
import { matchWildcard } from '../patterns.js';

export const policySourceNames = ['config', 'namespace-labels', 'kyverno', 'admission-config'] as const;
export type PolicySourceName = (typeof policySourceNames)[number];

/** Which sources are read (default: all of them) and where the admission configuration is, when pinned. */
export interface SourceOptions {
  readonly sources?: ReadonlySet<PolicySourceName>;
  /** Only this file may hold the PodSecurityConfiguration; null: the first one found. */
  readonly admissionConfigPath?: string | null;
}

export interface ClusterSources {
  readonly admission: AdmissionConfig | null;
  /** The validate.podSecurity rules of the repository's Kyverno policies. */
  readonly kyverno: readonly KyvernoRule[];
}

export const noClusterSources: ClusterSources = { admission: null, kyverno: [] };

export function reads(options: SourceOptions, source: PolicySourceName): boolean {
  return options.sources?.has(source) ?? true;
}

/** Whether any source read from the repository's documents besides Namespace labels is on. */
export function readsClusterSources(options: SourceOptions): boolean {
  return reads(options, 'admission-config') || reads(options, 'kyverno');
}

/** Parse `config,namespace-labels,kyverno,admission-config` (commas or spaces); an error names the valid ones. */
export function parsePolicySources(text: string): { ok: true; value: ReadonlySet<PolicySourceName> } | { ok: false; error: string } {
  const names = text.split(/[\s,]+/).filter((n) => n !== '');
  const unknown = names.filter((n) => !(policySourceNames as readonly string[]).includes(n));
  if (unknown.length > 0) return { ok: false, error: `unknown policy source ${unknown.map((n) => JSON.stringify(n)).join(', ')}; valid: ${policySourceNames.join(', ')}` };
  return { ok: true, value: new Set(names as PolicySourceName[]) };
}

export interface ClusterReading {
  readonly cluster: ClusterSources;
  /** Sources the cluster could not use (an invalid PodSecurityConfiguration): the run reports them as file problems. */
  readonly problems: readonly SourceProblem[];
  /** What the review notes about the sources but does not fail on. */
  readonly notices: readonly SourceProblem[];
}

const controllers = new Set(['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'CronJob']);

/**
 * What makes a PolicyException do nothing, said once: it names a policy the
 * repository does not hold, or it matches controllers but names only the
 * rule on Pods, not the rule Kyverno generates for them (`autogen-NAME`).
 */
function exceptionMistakes(exceptions: readonly KyvernoException[], rules: readonly KyvernoRule[]): SourceProblem[] {
  const notices: SourceProblem[] = [];
  for (const exception of exceptions) {
    const kinds = [...(exception.match.any ?? []), ...(exception.match.all ?? [])].flatMap((f) => f.kinds ?? []).map((k) => k.split('/').pop() ?? k);
    for (const target of exception.targets) {
      const named = rules.filter((r) => policyKey(r) === target.policyName);
      if (named.length === 0) {
        notices.push({ file: exception.file, line: exception.line, message: `PolicyException ${exception.name} names policy ${target.policyName}, which has no podSecurity rule in the repository` });
        continue;
      }
      const forControllers = kinds.filter((k) => controllers.has(k));
      const onPodsOnly = (r: KyvernoRule) => [...(r.match.any ?? []), ...(r.match.all ?? [])].every((f) => (f.kinds ?? []).every((k) => (k.split('/').pop() ?? k) === 'Pod'));
      const generated = named.filter((r) => onPodsOnly(r) && r.autogen.some((k) => forControllers.includes(k)));
      const missed = generated.filter((r) => !target.ruleNames.some((n) => matchWildcard(`autogen-${r.ruleName}`, [n]) !== null || matchWildcard(`autogen-cronjob-${r.ruleName}`, [n]) !== null));
      if (missed.length > 0 && forControllers.length > 0) {
        const names = missed.map((r) => `autogen-${r.ruleName}`).join(', ');
        notices.push({ file: exception.file, line: exception.line, message: `PolicyException ${exception.name} matches ${forControllers.join(', ')}, but for them Kyverno evaluates the rule it generates (${names}${forControllers.includes('CronJob') ? ', or autogen-cronjob-…' : ''}), which the exception does not name: it does not apply to them` });
      }
    }
  }
  return notices;
}

export function clusterSourcesOf(all: readonly ManifestDocument[], options: SourceOptions): ClusterReading {
  // A document may come twice (a changed file is also in the head tree that `diff` reads for Namespaces): read it once.
  const seen = new Set<string>();
  const documents = all.filter((d) => {
    const key = `${d.file}\u0000${d.index}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  const problems: SourceProblem[] = [];
  const notices: SourceProblem[] = [];
  let admission: AdmissionConfig | null = null;
  if (reads(options, 'admission-config')) {
    const path = options.admissionConfigPath ?? null;
    const found = findAdmissionConfig(documents, path);
    admission = found.config;
    problems.push(...found.problems);
    notices.push(...found.notices);
    if (path !== null && found.config === null && found.problems.length === 0) {
      problems.push({ file: path, line: 1, message: 'holds no PodSecurityConfiguration (alone or in an AdmissionConfiguration), or is not there; the built-in defaults apply' });
    }
  }
  const kyverno = reads(options, 'kyverno') ? kyvernoRulesOf(documents) : { rules: [], notices: [] };
  notices.push(...kyverno.notices);
  // Each rule carries the PolicyExceptions that name its policy: a change to them changes the rule (src/scope).
  const exceptions = kyverno.rules.length > 0 ? kyvernoExceptionsOf(documents) : { exceptions: [], notices: [] };
  notices.push(...exceptions.notices);
  const rules = kyverno.rules.map((rule) => {
    const naming = exceptions.exceptions.filter((e) => e.targets.some((t) => t.policyName === policyKey(rule)));
    return naming.length > 0 ? { ...rule, exceptions: naming } : rule;
  });
  notices.push(...exceptionMistakes(exceptions.exceptions, kyverno.rules));
  return { cluster: { admission, kyverno: rules }, problems, notices };
}
