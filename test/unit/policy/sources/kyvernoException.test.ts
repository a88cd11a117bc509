/**
 * Kyverno PolicyExceptions and rule preconditions, as Kyverno's admission
 * controller applies them (src/policy/sources/kyvernoException.ts,
 * kyvernoConditions.ts): which exceptions apply to which pod spec, what
 * they exempt (listed as ignored, naming the exception), and which
 * preconditions are evaluated, the others noted.
 */
import { describe, expect, it } from 'vitest';
import { parseFilePatch } from '../../../../src/diff/parse.js';
import type { ChangedFile, FileContent } from '../../../../src/diff/types.js';
import { evaluateFiles } from '../../../../src/findings/evaluateFiles.js';
import { policyContext } from '../../../../src/findings/policyContext.js';
import { evaluateChangeSet } from '../../../../src/scope/scope.js';

const today = '2026-07-15';

const clusterPolicy = (rule = '', name = 'psa') => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: ${name}}
spec:
  rules:
  - name: restricted
    match: {any: [{resources: {kinds: [Pod]}}]}
${rule}    validate:
      failureAction: Enforce
      podSecurity: {level: restricted, version: latest}
`;

const exception = (spec: string, name = 'delta-exception') => `apiVersion: kyverno.io/v2
kind: PolicyException
metadata: {name: ${name}, namespace: policy-exceptions}
spec:
${spec}`;

// Passes baseline; fails restricted by runAsNonRoot only, in container "app".
const podSpec = `securityContext: {seccompProfile: {type: RuntimeDefault}}
containers:
- name: app
  image: nginx:1.27
  securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`;
const indent = (text: string, spaces: number) => text.replace(/^(?=.)/gm, ' '.repeat(spaces));

const pod = (metadata = '{name: tool, namespace: delta}', kind = 'Pod') => {
  if (kind === 'Pod') return `apiVersion: v1\nkind: Pod\nmetadata: ${metadata}\nspec:\n${indent(podSpec, 2)}`;
  const template = `template:\n  metadata: {labels: {app: tool}}\n  spec:\n${indent(podSpec, 4)}`;
  if (kind === 'CronJob') return `apiVersion: batch/v1\nkind: CronJob\nmetadata: ${metadata}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n${indent(template, 6)}`;
  return `apiVersion: apps/v1\nkind: ${kind}\nmetadata: ${metadata}\nspec:\n${indent(template, 2)}`;
};

function review(files: Record<string, string>) {
  const report = evaluateFiles(
    Object.entries(files).map(([path, content]) => ({ path, content })),
    { policy: policyContext(today, { overrides: { level: 'baseline', warnLevel: 'baseline' } }) },
  );
  return {
    findings: report.findings.map((f) => `${f.check} ${f.blocking ? 'block' : 'warn'}: ${f.levelSource.detail}`),
    ignored: report.ignored.map((f) => `${f.check}: ${f.why.join('; ')}`),
    notices: (report.notices ?? []).map((n) => `${n.file}:${n.line}: ${n.message}`),
  };
}

const kyvernoBlock = 'runAsNonRoot block: kyverno: ClusterPolicy/psa rule restricted (policies/psa.yaml:6)';

describe('PolicyException', () => {
  it('without podSecurity lets a matching pod spec skip the rule; what it exempts is listed as ignored, naming it', () => {
    const got = review({
      'apps/tool.yaml': pod(),
      'policies/psa.yaml': clusterPolicy(),
      'policies/exception.yaml': exception('  exceptions: [{policyName: psa, ruleNames: [restricted]}]\n  match: {any: [{resources: {kinds: [Pod], namespaces: [delta], names: ["tool*"]}}]}\n'),
    });
    expect(got.findings).toEqual([]);
    expect(got.ignored).toEqual(['runAsNonRoot: PolicyException policy-exceptions/delta-exception (policies/exception.yaml:2) exempts it from Kyverno ClusterPolicy/psa rule restricted']);
    expect(got.notices).toContain('policies/exception.yaml:2: PolicyException honoured as Kyverno does when it runs with PolicyExceptions enabled (--enablePolicyException) in the exceptions\' namespaces');
  });

  it.each([
    ['another namespace', '{name: tool, namespace: gamma}'],
    ['another name', '{name: web, namespace: delta}'],
  ])('does not apply to a pod spec in %s', (_, metadata) => {
    const got = review({
      'apps/tool.yaml': pod(metadata),
      'policies/psa.yaml': clusterPolicy(),
      'policies/exception.yaml': exception('  exceptions: [{policyName: psa, ruleNames: [restricted]}]\n  match: {any: [{resources: {kinds: [Pod], namespaces: [delta], names: ["tool*"]}}]}\n'),
    });
    expect(got.findings).toEqual([kyvernoBlock]);
    expect(got.ignored).toEqual([]);
  });

  it('with podSecurity exempts only the controls it names; the rest still fails, naming the exception', () => {
    const files = {
      'apps/tool.yaml': pod().replace('capabilities: {drop: [ALL]}', 'capabilities: {drop: [ALL], add: [NET_ADMIN]}'),
      'policies/psa.yaml': clusterPolicy(),
      'policies/exception.yaml': exception("  exceptions: [{policyName: psa, ruleNames: ['*']}]\n  match: {any: [{resources: {namespaces: [delta]}}]}\n  podSecurity:\n  - controlName: Running as Non-root\n"),
    };
    const got = review(files);
    expect(got.findings).toEqual([
      'capabilities_baseline block: --level baseline',
      'capabilities_restricted block: kyverno: ClusterPolicy/psa rule restricted (policies/psa.yaml:6); with PolicyException policy-exceptions/delta-exception (policies/exception.yaml:2)',
    ]);
    expect(got.ignored).toEqual(['runAsNonRoot: PolicyException policy-exceptions/delta-exception (policies/exception.yaml:2) exempts it from Kyverno ClusterPolicy/psa rule restricted']);
    // Container-level controls by image: only containers running a matching image.
    const byImage = (images: string) => ({ ...files, 'policies/exception.yaml': exception(`  exceptions: [{policyName: psa, ruleNames: [restricted]}]\n  match: {any: [{resources: {namespaces: [delta]}}]}\n  podSecurity:\n  - {controlName: Running as Non-root}\n  - {controlName: Capabilities, images: [${images}]}\n`) });
    expect(review(byImage('"nginx*"')).findings).toEqual(['capabilities_baseline block: --level baseline']);
    expect(review(byImage('"redis*"')).findings).toContain('capabilities_restricted block: kyverno: ClusterPolicy/psa rule restricted (policies/psa.yaml:6); with PolicyException policy-exceptions/delta-exception (policies/exception.yaml:2)');
  });

  it('must name the rule Kyverno generates for a controller, and match the controller itself', () => {
    const files = (ruleNames: string, kinds: string, kind: string) => ({
      'apps/tool.yaml': pod('{name: tool, namespace: delta}', kind),
      'policies/psa.yaml': clusterPolicy(),
      'policies/exception.yaml': exception(`  exceptions: [{policyName: psa, ruleNames: [${ruleNames}]}]\n  match: {any: [{resources: {kinds: [${kinds}], namespaces: [delta]}}]}\n`),
    });
    const deploymentBlock = kyvernoBlock;
    const plain = review(files('restricted', 'Pod, Deployment', 'Deployment'));
    expect(plain.findings).toEqual([deploymentBlock]);
    // Said once, where the exception is: it would do nothing for the Deployment.
    expect(plain.notices).toContain(
      'policies/exception.yaml:2: PolicyException policy-exceptions/delta-exception matches Deployment, but for them Kyverno evaluates the rule it generates (autogen-restricted), which the exception does not name: it does not apply to them',
    );
    expect(review(files('restricted, autogen-restricted', 'Pod', 'Deployment')).findings).toEqual([deploymentBlock]);
    expect(review(files('restricted, autogen-restricted', 'Pod, Deployment', 'Deployment')).findings).toEqual([]);
    expect(review(files('autogen-restricted', 'CronJob', 'CronJob')).findings).toEqual([deploymentBlock]);
    expect(review(files('autogen-cronjob-restricted', 'CronJob', 'CronJob')).findings).toEqual([]);
  });

  it('names a namespaced Policy as namespace/name', () => {
    const policy = clusterPolicy().replace('kind: ClusterPolicy\nmetadata: {name: psa}', 'kind: Policy\nmetadata: {name: psa, namespace: delta}');
    const files = (policyName: string) => ({
      'apps/tool.yaml': pod(),
      'policies/psa.yaml': policy,
      'policies/exception.yaml': exception(`  exceptions: [{policyName: ${policyName}, ruleNames: [restricted]}]\n  match: {any: [{resources: {kinds: [Pod]}}]}\n`),
    });
    expect(review(files('psa')).findings).toEqual(['runAsNonRoot block: kyverno: Policy/psa rule restricted (policies/psa.yaml:6)']);
    expect(review(files('psa')).notices).toContain('policies/exception.yaml:2: PolicyException policy-exceptions/delta-exception names policy psa, which has no podSecurity rule in the repository');
    expect(review(files('delta/psa')).findings).toEqual([]);
  });

  it('applies only when its conditions hold; conditions it cannot know are taken not to, and noted', () => {
    const files = (conditions: string) => ({
      'apps/tool.yaml': pod('{name: tool, namespace: delta, labels: {app: busybox}}'),
      'policies/psa.yaml': clusterPolicy(),
      'policies/exception.yaml': exception(`  exceptions: [{policyName: psa, ruleNames: [restricted]}]\n  match: {any: [{resources: {kinds: [Pod]}}]}\n  conditions:\n${conditions}`),
    });
    expect(review(files(`    any:\n    - {key: "{{ request.object.metadata.labels.app || '' }}", operator: Equals, value: busybox}\n`)).findings).toEqual([]);
    expect(review(files(`    any:\n    - {key: "{{ request.object.metadata.labels.app || '' }}", operator: Equals, value: nginx}\n`)).findings).toEqual([kyvernoBlock]);
    const unknown = review(files(`    all:\n    - {key: "{{ request.userInfo.username }}", operator: Equals, value: admin}\n`));
    expect(unknown.findings).toEqual([kyvernoBlock]);
    expect(unknown.notices).toContain('policies/exception.yaml:2: PolicyException policy-exceptions/delta-exception: conditions {{ request.userInfo.username }} Equals cannot be known at review time; where they decide, the exception is taken not to apply');
  });

  it('with conditions on the requesting user is taken not to apply, and noted', () => {
    const got = review({
      'apps/tool.yaml': pod(),
      'policies/psa.yaml': clusterPolicy(),
      'policies/exception.yaml': exception('  background: false\n  exceptions: [{policyName: psa, ruleNames: [restricted]}]\n  match: {any: [{resources: {kinds: [Pod]}, subjects: [{kind: User, name: alice}]}]}\n'),
    });
    expect(got.findings).toEqual([kyvernoBlock]);
    expect(got.notices).toContain('policies/exception.yaml:2: PolicyException policy-exceptions/delta-exception: conditions on the requesting user (subjects, roles) cannot be known at review time; where they decide, the exception is taken not to apply');
  });
});

describe('preconditions', () => {
  const withPreconditions = (conditions: string) => clusterPolicy(`    preconditions:\n${conditions}`);

  it('decide whether the rule applies when they read only the object', () => {
    const equals = (value: string) => withPreconditions(`      all:\n      - {key: "{{ request.object.metadata.labels.app || '' }}", operator: Equals, value: "${value}"}\n`);
    expect(review({ 'apps/tool.yaml': pod('{name: tool, namespace: delta, labels: {app: busybox}}'), 'policies/psa.yaml': equals('busy*') }).findings).toEqual([kyvernoBlock]);
    expect(review({ 'apps/tool.yaml': pod('{name: tool, namespace: delta, labels: {app: busybox}}'), 'policies/psa.yaml': equals('nginx') }).findings).toEqual([]);
    // A missing label reads as an empty string.
    expect(review({ 'apps/tool.yaml': pod(), 'policies/psa.yaml': withPreconditions(`      any:\n      - {key: "{{ request.object.metadata.labels.app }}", operator: Equals, value: ""}\n`) }).findings).toEqual([kyvernoBlock]);
    const namespaces = withPreconditions('      all:\n      - {key: "{{ request.namespace }}", operator: AnyNotIn, value: [kube-system, delta]}\n');
    expect(review({ 'apps/tool.yaml': pod(), 'policies/psa.yaml': namespaces }).findings).toEqual([]);
    expect(review({ 'apps/tool.yaml': pod('{name: tool, namespace: gamma}'), 'policies/psa.yaml': namespaces }).findings).toEqual([kyvernoBlock]);
  });

  it('of a rule generated for a controller read its pod template, as Kyverno rewrites them', () => {
    const policy = withPreconditions(`      all:\n      - {key: "{{ request.object.metadata.labels.app || '' }}", operator: Equals, value: tool}\n`);
    // The Deployment's own metadata has no label; its template has app: tool.
    expect(review({ 'apps/tool.yaml': pod('{name: tool, namespace: delta}', 'Deployment'), 'policies/psa.yaml': policy }).findings).toEqual([kyvernoBlock]);
    expect(review({ 'apps/tool.yaml': pod('{name: tool, namespace: delta}', 'CronJob'), 'policies/psa.yaml': policy }).findings).toEqual([kyvernoBlock]);
    expect(review({ 'apps/tool.yaml': pod('{name: tool, namespace: delta, labels: {app: tool}}'), 'policies/psa.yaml': policy }).findings).toEqual([kyvernoBlock]);
    expect(review({ 'apps/tool.yaml': pod('{name: tool, namespace: delta, labels: {app: other}}'), 'policies/psa.yaml': policy }).findings).toEqual([]);
  });

  it('that read the request are listed once as not evaluated, and the rule is applied as if they held, saying so', () => {
    const got = review({
      'apps/tool.yaml': pod(),
      'policies/psa.yaml': withPreconditions('      all:\n      - {key: "{{ request.operation }}", operator: AnyIn, value: [CREATE, UPDATE]}\n'),
    });
    expect(got.findings).toEqual([`${kyvernoBlock}; its preconditions could not be evaluated here and are taken to hold`]);
    expect(got.notices).toEqual([
      'policies/psa.yaml:6: ClusterPolicy/psa rule restricted: precondition {{ request.operation }} AnyIn cannot be evaluated at review time (only request.object and request.namespace with Equals, NotEquals, AnyIn, AllIn, AnyNotIn, AllNotIn are); where they decide, the rule is applied as if they held',
      'policies/psa.yaml:6: Kyverno podSecurity rule evaluated: ClusterPolicy/psa rule restricted (restricted:latest, Enforce)',
    ]);
  });
});

describe('a PolicyException a pull request adds', () => {
  it('does not let the changed pod spec through: the base commit has no exception, and its rule still judges it', () => {
    const content = (data: string): FileContent => ({ kind: 'content', data });
    const policyFile = clusterPolicy();
    const added = exception('  exceptions: [{policyName: psa, ruleNames: [restricted]}]\n  match: {any: [{resources: {kinds: [Pod]}}]}\n');
    const files: ChangedFile[] = [
      { path: 'policies/psa.yaml', status: 'modified', base: content(policyFile), head: content(policyFile), hunks: parseFilePatch('@@ -1,1 +1,1 @@\n-x\n+y') },
      { path: 'policies/exception.yaml', status: 'added', base: { kind: 'absent' }, head: content(added), hunks: parseFilePatch('@@ -0,0 +1,7 @@\n+a\n+b\n+c\n+d\n+e\n+f\n+g') },
      { path: 'apps/tool.yaml', status: 'modified', base: content(pod()), head: content(pod().replace('nginx:1.27', 'nginx:1.28')), hunks: parseFilePatch('@@ -9,1 +9,1 @@\n-x\n+y') },
    ];
    const report = evaluateChangeSet({ files }, { policy: policyContext(today, { overrides: { level: 'baseline', warnLevel: 'baseline' } }) });
    expect(report.findings.filter((f) => f.check === 'runAsNonRoot').map((f) => [f.blocking, f.levelSource.detail])).toEqual([
      [true, 'kyverno: ClusterPolicy/psa rule restricted (policies/psa.yaml:6, at the base commit)'],
    ]);
    // And the exception itself is a relaxation of the rule, for someone who may lower the bar to approve.
    expect(report.findings.filter((f) => f.check === 'policy.relaxed').map((f) => [f.file, f.line, f.blocking, f.detail])).toEqual([
      ['policies/psa.yaml', 6, true, expect.stringContaining('PolicyException policy-exceptions/delta-exception (policies/exception.yaml:2) exempts workloads from it')],
    ]);
  });
});

describe('allowExistingViolations', () => {
  const content = (data: string): FileContent => ({ kind: 'content', data });
  function change(rule: string, onlyNewViolations = false) {
    const policyFile = clusterPolicy().replace('      failureAction: Enforce\n', `      failureAction: Enforce\n${rule}`);
    const files: ChangedFile[] = [
      { path: 'policies/psa.yaml', status: 'modified', base: content(policyFile), head: content(policyFile), hunks: parseFilePatch('@@ -1,1 +1,1 @@\n-x\n+y') },
      { path: 'apps/tool.yaml', status: 'modified', base: content(pod()), head: content(pod().replace('nginx:1.27', 'nginx:1.28')), hunks: parseFilePatch('@@ -9,1 +9,1 @@\n-x\n+y') },
    ];
    const report = evaluateChangeSet({ files }, { policy: policyContext(today, { overrides: { level: 'baseline', warnLevel: 'baseline' } }), onlyNewViolations });
    return report.findings.filter((f) => f.check === 'runAsNonRoot').map((f) => [f.blocking, f.preexisting]);
  }

  it('on (Kyverno\'s default): a violation the base version already had under the rule is preexisting, which only-new-violations leaves out', () => {
    expect(change('')).toEqual([[true, true]]);
    expect(change('      allowExistingViolations: true\n')).toEqual([[true, true]]);
    expect(change('', true)).toEqual([]);
  });

  it('off: Kyverno refuses the update however old the violation is, so it is never preexisting', () => {
    expect(change('      allowExistingViolations: false\n')).toEqual([[true, false]]);
    expect(change('      allowExistingViolations: false\n', true)).toEqual([[true, false]]);
  });
});
