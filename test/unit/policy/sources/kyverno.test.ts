/**
 * Kyverno policies as a policy source: which rules are read, which pod
 * specs they match, and how their verdicts join Pod Security Admission's.
 * (The verdict of a rule with exclusions: test/conformance/kyverno-podsecurity.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../../../src/findings/evaluateFiles.js';
import { policyContext } from '../../../../src/findings/policyContext.js';
import { loadManifestFile } from '../../../../src/manifests/load.js';
import { kyvernoRulesOf, ruleAction, ruleMatches } from '../../../../src/policy/sources/kyverno.js';
import type { KyvernoSubject } from '../../../../src/policy/sources/kyverno.js';
import { kyvernoSubjectOf } from '../../../../src/policy/sources/kyvernoOutcome.js';
import { indexNamespaces, namespacesFromDocument } from '../../../../src/policy/namespaces.js';
import { extractPodSpecs } from '../../../../src/workloads/extract.js';

const today = '2026-07-15';

function rules(text: string) {
  return kyvernoRulesOf(loadManifestFile('policies/p.yaml', text).documents);
}

const policy = (rule: string, extra = '') => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: psa${extra}
spec:
  rules:
${rule}`;

const podSecurityRule = (match: string, more = '') => `  - name: restricted
    match:
${match}
${more}    validate:
      failureAction: Enforce
      podSecurity: {level: restricted, version: latest}
`;

const subject = (over: Partial<KyvernoSubject> = {}): KyvernoSubject => ({
  kind: 'Deployment',
  name: 'web',
  namespace: 'shop',
  labels: { app: 'web' },
  annotations: {},
  namespaceLabels: { env: 'prod' },
  ...over,
});

describe('kyvernoRulesOf', () => {
  it('reads podSecurity rules with their level, version, excludes, action and place; lists the other rules once', () => {
    const text = `${policy(podSecurityRule('      any: [{resources: {kinds: [Pod]}}]'))}  - name: labels
    match: {any: [{resources: {kinds: [Pod]}}]}
    validate: {pattern: {metadata: {labels: {team: "?*"}}}}
  - name: cel
    match: {any: [{resources: {kinds: [Pod]}}]}
    validate: {cel: {expressions: [{expression: "true"}]}}
  - name: add-label
    match: {any: [{resources: {kinds: [Pod]}}]}
    mutate: {patchStrategicMerge: {metadata: {labels: {a: b}}}}
`;
    const { rules: read, notices } = rules(text);
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ policy: 'ClusterPolicy/psa', ruleName: 'restricted', file: 'policies/p.yaml', line: 7, level: 'restricted', version: 'latest', action: 'enforce', policyNamespace: null });
    expect(notices).toEqual([
      { file: 'policies/p.yaml', line: 2, message: 'ClusterPolicy/psa: rules labels (pattern), cel (CEL), add-label (mutate) not evaluated (only validate.podSecurity rules are)' },
      { file: 'policies/p.yaml', line: 7, message: 'Kyverno podSecurity rule evaluated: ClusterPolicy/psa rule restricted (restricted:latest, Enforce)' },
    ]);
  });

  it('takes the action from the rule, else the deprecated spec.validationFailureAction, else Audit', () => {
    const legacy = `apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: p}\nspec:\n  validationFailureAction: enforce\n  rules:\n  - name: r\n    match: {resources: {kinds: [Pod]}}\n    validate: {podSecurity: {level: baseline}}\n`;
    expect(rules(legacy).rules[0]).toMatchObject({ action: 'enforce', version: 'latest' });
    expect(rules(legacy.replace('  validationFailureAction: enforce\n', '')).rules[0]?.action).toBe('audit');
  });

  it('ignores other API groups and kinds', () => {
    expect(rules(policy(podSecurityRule('      any: [{resources: {kinds: [Pod]}}]')).replace('kyverno.io/v1', 'example.com/v1')).rules).toEqual([]);
  });
});

describe('ruleMatches', () => {
  const rule = (match: string, more = '', extra = '') => {
    const [read] = rules(policy(podSecurityRule(match, more), extra)).rules;
    if (!read) throw new Error('no rule');
    return read;
  };

  it.each([
    ['a rule on Pods covers the controllers (autogen)', '      any: [{resources: {kinds: [Pod]}}]', {}, true],
    ['and Pods', '      any: [{resources: {kinds: [Pod]}}]', { kind: 'Pod' }, true],
    ['a rule on Deployments only', '      any: [{resources: {kinds: [apps/v1/Deployment]}}]', { kind: 'StatefulSet' }, false],
    ['kinds with a group and version', '      any: [{resources: {kinds: [apps/v1/Deployment]}}]', {}, true],
    ['names with wildcards', '      any: [{resources: {kinds: [Pod], names: ["we?"]}}]', {}, true],
    ['names that do not match', '      any: [{resources: {kinds: [Pod], names: ["api-*"]}}]', {}, false],
    ['namespaces with wildcards', '      any: [{resources: {kinds: [Pod], namespaces: ["sh*"]}}]', {}, true],
    ['an unknown namespace never matches a namespace condition', '      any: [{resources: {kinds: [Pod], namespaces: ["*"]}}]', { namespace: null }, false],
    ['a namespace selector on the Namespace manifest', '      any: [{resources: {kinds: [Pod], namespaceSelector: {matchLabels: {env: prod}}}}]', {}, true],
    ['a namespace selector, other labels', '      any: [{resources: {kinds: [Pod], namespaceSelector: {matchLabels: {env: prod}}}}]', { namespaceLabels: { env: 'dev' } }, false],
    ['a namespace selector without the Namespace manifest', '      any: [{resources: {kinds: [Pod], namespaceSelector: {matchExpressions: [{key: env, operator: Exists}]}}}]', { namespaceLabels: null }, false],
    ['a label selector on the workload', '      any: [{resources: {kinds: [Pod], selector: {matchExpressions: [{key: app, operator: In, values: [web]}]}}}]', {}, true],
    ['all filters must hold', '      all: [{resources: {kinds: [Pod]}}, {resources: {namespaces: [other]}}]', {}, false],
    ['any filter may hold', '      any: [{resources: {kinds: [Job]}}, {resources: {namespaces: [shop]}}]', {}, true],
    ['the legacy form', '      resources: {kinds: [Pod]}', {}, true],
    ['operations of a change', '      any: [{resources: {kinds: [Pod], operations: [DELETE]}}]', {}, false],
    ['subjects are assumed to hold in match', '      any: [{resources: {kinds: [Pod]}, subjects: [{kind: User, name: alice}]}]', {}, true],
  ] as const)('%s', (_, match, over, expected) => {
    expect(ruleMatches(rule(match), subject(over))).toBe(expected);
  });

  it('an exclude (by name, or not by an unknown user) takes the pod spec out', () => {
    const match = '      any: [{resources: {kinds: [Pod]}}]';
    expect(ruleMatches(rule(match, '    exclude: {any: [{resources: {names: [web]}}]}\n'), subject())).toBe(false);
    expect(ruleMatches(rule(match, '    exclude: {any: [{subjects: [{kind: Group, name: admins}]}]}\n'), subject())).toBe(true);
  });

  it('the autogen annotation limits the controllers', () => {
    const match = '      any: [{resources: {kinds: [Pod]}}]';
    const none = policy(podSecurityRule(match)).replace('  name: psa', '  name: psa\n  annotations: {pod-policies.kyverno.io/autogen-controllers: none}');
    expect(ruleMatches(rules(none).rules[0]!, subject())).toBe(false);
    const some = none.replace('controllers: none', 'controllers: "Deployment,Job"');
    expect(ruleMatches(rules(some).rules[0]!, subject())).toBe(true);
    expect(ruleMatches(rules(some).rules[0]!, subject({ kind: 'DaemonSet' }))).toBe(false);
  });

  it('a namespaced Policy applies in its namespace only', () => {
    const text = policy(podSecurityRule('      any: [{resources: {kinds: [Pod]}}]')).replace('kind: ClusterPolicy', 'kind: Policy').replace('  name: psa', '  name: psa\n  namespace: shop');
    const [read] = rules(text).rules;
    expect(read?.policy).toBe('Policy/psa');
    expect(ruleMatches(read!, subject())).toBe(true);
    expect(ruleMatches(read!, subject({ namespace: 'other' }))).toBe(false);
  });

  it('failure action overrides per namespace', () => {
    const text = policy(podSecurityRule('      any: [{resources: {kinds: [Pod]}}]')).replace('      failureAction: Enforce\n', '      failureAction: Audit\n      failureActionOverrides: [{action: Enforce, namespaces: ["sh*"]}]\n');
    const [read] = rules(text).rules;
    expect(ruleAction(read!, subject())).toBe('enforce');
    expect(ruleAction(read!, subject({ namespace: 'dev' }))).toBe('audit');
  });
});

/**
 * Precedence between the sources, as a table: the Pod Security Admission
 * layers (built-in defaults < PodSecurityConfiguration < config file <
 * flags < config rules < namespace labels) decide one enforce and one warn
 * level; Kyverno rules are a second admission controller, so their
 * failures add to those, each check reported once in its most severe mode.
 */
describe('precedence between sources', () => {
  const admission = 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\ndefaults: {enforce: baseline, warn: baseline}\n';
  const namespace = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {env: prod${labels}}\n`;
  const kyverno = (level: string, action: string, preconditions = '') =>
    `apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: psa}\nspec:\n  rules:\n  - name: r\n    match: {any: [{resources: {kinds: [Pod]}}]}\n${preconditions}    validate:\n      failureAction: ${action}\n      podSecurity: {level: ${level}}\n`;
  // Names the rule Kyverno generates for Deployments, and the Deployment: it exempts web from rule r.
  const exception = (podSecurity = '') =>
    `apiVersion: kyverno.io/v2\nkind: PolicyException\nmetadata: {name: web, namespace: kyverno}\nspec:\n  exceptions: [{policyName: psa, ruleNames: [autogen-r]}]\n  match: {any: [{resources: {kinds: [Deployment], names: [web]}}]}\n${podSecurity}`;
  const onlyFor = (app: string) => `    preconditions:\n      all: [{key: "{{ request.object.metadata.labels.app || '' }}", operator: Equals, value: ${app}}]\n`;
  // hostPID fails baseline; runAsNonRoot fails restricted only.
  const workload = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      hostPID: true\n      securityContext: {seccompProfile: {type: RuntimeDefault}}\n      containers:\n      - name: web\n        image: nginx\n        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n`;

  const privileged = ', pod-security.kubernetes.io/enforce: privileged, pod-security.kubernetes.io/warn: privileged';
  type Row = [string, { admission?: boolean; labels?: string; kyverno?: string; exception?: string; level?: 'privileged' | 'baseline' | 'restricted' }, Record<string, string>];
  const table: Row[] = [
    ['built-in defaults: baseline blocks, restricted warns', {}, { hostNamespaces: 'block default', runAsNonRoot: 'warn default' }],
    ['the PodSecurityConfiguration replaces the defaults', { admission: true }, { hostNamespaces: 'block admission-config' }],
    ['a flag replaces the PodSecurityConfiguration (only what it sets)', { admission: true, level: 'privileged' }, { hostNamespaces: 'warn admission-config' }],
    ['namespace labels win over flags and the configuration', { admission: true, level: 'privileged', labels: ', pod-security.kubernetes.io/enforce: restricted' }, { hostNamespaces: 'block namespace-label', runAsNonRoot: 'block namespace-label' }],
    ['an Enforce Kyverno rule blocks what the admission controller only warns about', { kyverno: kyverno('restricted', 'Enforce') }, { hostNamespaces: 'block default', runAsNonRoot: 'block kyverno' }],
    ['an Audit Kyverno rule warns, never blocks', { labels: privileged, kyverno: kyverno('restricted', 'Audit') }, { hostNamespaces: 'warn kyverno', runAsNonRoot: 'warn kyverno' }],
    ['an Audit rule adds nothing to what already warns', { kyverno: kyverno('restricted', 'Audit') }, { hostNamespaces: 'block default', runAsNonRoot: 'warn default' }],
    ['Kyverno also gates what labels relax', { labels: privileged, kyverno: kyverno('baseline', 'Enforce') }, { hostNamespaces: 'block kyverno' }],
    // Kyverno leaves checks out for baseline only: its privileged runs every check, unlike a privileged label.
    ['a Kyverno rule at level privileged judges like restricted, as Kyverno evaluates it', { labels: privileged, kyverno: kyverno('privileged', 'Enforce') }, { hostNamespaces: 'block kyverno', runAsNonRoot: 'block kyverno' }],
    ['a PolicyException takes the workload out of the Kyverno rule, not out of Pod Security Admission', { kyverno: kyverno('restricted', 'Enforce'), exception: exception() }, { hostNamespaces: 'block default', runAsNonRoot: 'warn default' }],
    ['a PolicyException with podSecurity exempts the controls it names only', { labels: privileged, kyverno: kyverno('restricted', 'Enforce'), exception: exception('  podSecurity: [{controlName: Host Namespaces}]\n') }, { runAsNonRoot: 'block kyverno' }],
    ['a rule whose preconditions do not hold does not apply', { labels: privileged, kyverno: kyverno('restricted', 'Enforce', onlyFor('api')) }, {}],
    ['a rule whose preconditions hold applies (a controller: its pod template)', { labels: privileged, kyverno: kyverno('restricted', 'Enforce', onlyFor('web')) }, { hostNamespaces: 'block kyverno', runAsNonRoot: 'block kyverno' }],
  ];

  it.each(table)('%s', (_, row, expected) => {
    const files = [
      { path: 'apps/web.yaml', content: workload },
      { path: 'cluster/ns.yaml', content: namespace(row.labels ?? '') },
      ...(row.admission ? [{ path: 'cluster/admission.yaml', content: admission }] : []),
      ...(row.kyverno ? [{ path: 'policies/psa.yaml', content: row.kyverno }] : []),
      ...(row.exception ? [{ path: 'policies/exception.yaml', content: row.exception }] : []),
    ];
    const report = evaluateFiles(files, { policy: policyContext(today, { overrides: row.level ? { level: row.level } : {} }) });
    const got = Object.fromEntries(report.findings.map((f) => [f.check, `${f.blocking ? 'block' : 'warn'} ${f.levelSource.kind}`]));
    expect(got).toEqual(expected);
  });
});

describe('kyvernoSubjectOf', () => {
  it("reads the labels of the Namespace the pod spec's own file defines, before the first one of the repository", () => {
    const namespace = (env: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {env: ${env}}\n`;
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n    - name: web\n      image: web:1\n';
    const files = [loadManifestFile('a/namespace.yaml', namespace('prod')), loadManifestFile('b/all.yaml', `${namespace('dev')}---\n${pod}`), loadManifestFile('c/pod.yaml', pod)];
    const documents = files.flatMap((f) => f.documents);
    const index = indexNamespaces(documents.flatMap((d) => namespacesFromDocument(d, () => 1).namespaces));
    const labelsOf = (file: string) => {
      const source = documents.filter((d) => d.file === file).flatMap((d) => extractPodSpecs(d).pods)[0]!;
      return kyvernoSubjectOf(source, index).namespaceLabels;
    };
    expect(labelsOf('b/all.yaml')).toEqual({ env: 'dev' });
    expect(labelsOf('c/pod.yaml')).toEqual({ env: 'prod' });
  });
});
