import { describe, expect, it } from 'vitest';
import { parseFieldPath } from '../../../src/pss/paths.js';
import { visitContainers } from '../../../src/pss/pod.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { extractPodSpecs, extractPodSpecsAfresh } from '../../../src/workloads/extract.js';

function extract(text: string) {
  const loaded = loadManifestFile('w.yaml', text);
  expect(loaded.problems).toEqual([]);
  const results = loaded.documents.map((d) => extractPodSpecs(d));
  return { pods: results.flatMap((r) => r.pods), problems: results.flatMap((r) => r.problems) };
}

const podSpec = 'containers:\n  - name: app\n    image: nginx';

describe('extractPodSpecs', () => {
  it.each([
    ['apps/v1', 'Deployment', true],
    ['apps/v1beta2', 'Deployment', true],
    ['extensions/v1beta1', 'Deployment', true],
    ['batch/v1', 'Job', true],
    ['batch.volcano.sh/v1alpha1', 'Job', false],
    ['example.com/v1', 'Deployment', false],
    ['apps/v1', 'Pod', false],
    ['argoproj.io/v1alpha1', 'Rollout', true],
    ['apps/v1', 'Rollout', false],
  ])('%s %s is a pod workload: %s', (apiVersion, kind, expected) => {
    const { pods } = extract(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: w}\nspec:\n  template:\n    spec:\n      ${podSpec.replaceAll('\n', '\n      ')}\n`);
    expect(pods.length === 1).toBe(expected);
  });

  it('records identity and the template path', () => {
    const { pods } = extract(`apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly, namespace: ops}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations: {a: b}\n        spec:\n          ${podSpec.replaceAll('\n', '\n          ')}\n`);
    expect(pods).toHaveLength(1);
    expect(pods[0]).toMatchObject({
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      namespace: 'ops',
      name: 'nightly',
      objectPath: [],
      templatePath: ['spec', 'jobTemplate', 'spec', 'template'],
    });
    expect(pods[0]!.pod.metadata).toEqual({ annotations: { a: 'b' } });
  });

  it('reads List items and typed lists, with item paths', () => {
    const { pods } = extract(`apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec: {containers: []}\n---\napiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: b}\n  spec: {template: {spec: {containers: []}}}\n`);
    expect(pods.map((p) => [p.kind, p.name, p.objectPath, p.templatePath])).toEqual([
      ['Pod', 'a', ['items', 0], ['items', 0]],
      ['Deployment', 'b', ['items', 0], ['items', 0, 'spec', 'template']],
    ]);
  });

  it("decodes an Argo Rollout's template as a pod template, and leaves its own fields to its CRD; one of a workloadRef makes no pods here", () => {
    const rollout = (strategy: string, securityContext: string) =>
      `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  strategy: ${strategy}\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n          securityContext: ${securityContext}\n`;
    // `steps` a string is the CRD's to refuse; the template's fields are the pod's.
    const own = extract(rollout('{canary: {steps: "x"}}', '{privileged: true}'));
    expect(own.problems).toEqual([]);
    expect(own.pods.map((p) => [p.kind, p.name, p.templatePath, visitContainers(p.pod)[0]?.container.securityContext])).toEqual([['Rollout', 'web', ['spec', 'template'], { privileged: true }]]);
    const wrongType = extract(rollout('{canary: {}}', '{privileged: "yes please"}'));
    expect(wrongType.pods).toEqual([]);
    expect(wrongType.problems.map((p) => p.message)).toEqual([expect.stringContaining('spec.template.spec.containers[0].securityContext.privileged: expected a boolean')]);
    expect(extract('apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n').pods).toEqual([]);
  });

  it('skips a ReplicationController without a template and non-Kubernetes documents', () => {
    expect(extract('apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec: {replicas: 1}\n').pods).toEqual([]);
    expect(extract('name: ci\non: [push]\n').pods).toEqual([]);
    expect(extract('- a\n- b\n').pods).toEqual([]);
  });

  it('applies API-server defaulting: a volume without a source is an emptyDir', () => {
    const { pods } = extract('apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - name: scratch\n  - name: cfg\n    configMap: {name: c}\n');
    expect(pods[0]!.pod.spec.volumes).toEqual([{ name: 'scratch', emptyDir: {} }, { name: 'cfg', configMap: { name: 'c' } }]);
  });

  it('defaults hostPort to containerPort in a hostNetwork Pod, not in a template', () => {
    const spec = 'hostNetwork: true\n  containers:\n  - name: a\n    ports: [{containerPort: 8080}]';
    const pod = extract(`apiVersion: v1\nkind: Pod\nspec:\n  ${spec}\n`).pods[0]!;
    expect(pod.pod.spec.containers).toEqual([{ name: 'a', ports: [{ containerPort: 8080, hostPort: 8080 }] }]);
    const template = extract(`apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      ${spec.replaceAll('\n', '\n    ')}\n`).pods[0]!;
    expect(template.pod.spec.containers).toEqual([{ name: 'a', ports: [{ containerPort: 8080 }] }]);
  });

  it('reads a null annotation as the empty string, as the API server does', () => {
    const { pods } = extract('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: ~\nspec: {}\n');
    expect(pods[0]!.pod.metadata.annotations).toEqual({ 'seccomp.security.alpha.kubernetes.io/pod': '' });
  });

  it.each([
    ['name: on', 'spec.containers[0].name: expected a string, found the boolean true (YAML 1.1 reads this unquoted value as a non-string; quote it)'],
    ['name: 123', 'spec.containers[0].name: expected a string, found the number 123 (YAML 1.1 reads this unquoted value as a non-string; quote it)'],
    ['securityContext: {privileged: "true"}', 'spec.containers[0].securityContext.privileged: expected a boolean, found the string "true" (remove the quotes)'],
    ['ports: [{hostPort: 80.5}]', 'spec.containers[0].ports[0].hostPort: expected a 32-bit integer, found the number 80.5'],
    ['ports: [{hostPort: 4294967296}]', 'spec.containers[0].ports[0].hostPort: expected a 32-bit integer, found the number 4294967296'],
    ['securityContext: {capabilities: {add: NET_ADMIN}}', 'spec.containers[0].securityContext.capabilities.add: expected a list, found the string "NET_ADMIN"'],
    ['securityContext: true', 'spec.containers[0].securityContext: expected a mapping, found the boolean true'],
  ])('reports a field of the wrong type (%s) with its line, and does not evaluate the pod', (field, message) => {
    const loaded = loadManifestFile('t.yaml', `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - image: nginx\n    ${field}\n`);
    const result = extractPodSpecs(loaded.documents[0]!);
    expect(result.pods).toEqual([]);
    // The field's path too: where a rendering's problem is placed on its source.
    const path = parseFieldPath(message.slice(0, message.indexOf(': ')));
    expect(result.problems).toEqual([{ file: 't.yaml', line: 7, kind: 'invalid', message: `${message}; the API server would reject this object`, path }]);
  });

  it.each([
    ['securityContext: {privileged: "${PRIVILEGED}"}', 'spec.containers[0].securityContext.privileged', '${PRIVILEGED}'],
    ['ports: [{containerPort: "${PORT:=8080}"}]', 'spec.containers[0].ports[0].containerPort', '${PORT:=8080}'],
    // drone/envsubst's other operators, as Flux substitutes them.
    ['securityContext: {runAsNonRoot: "${NON_ROOT,,}"}', 'spec.containers[0].securityContext.runAsNonRoot', '${NON_ROOT,,}'],
  ])("reads a field holding a variable substituted before the cluster reads it (%s) as a template, not an object the API server refuses", (field, path, variable) => {
    const loaded = loadManifestFile('t.yaml', `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - image: nginx\n    ${field}\n`);
    const result = extractPodSpecs(loaded.documents[0]!);
    expect(result.pods).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: 't.yaml',
        line: 7,
        kind: 'template',
        message: `${path} is \`${variable}\`, a variable substituted before the cluster reads the object (Flux's postBuild, envsubst): substitute it first, then check the output`,
        path: parseFieldPath(path),
      },
    ]);
  });

  it.each([
    // envsubst replaces `$PORT` as it replaces `${PORT}`.
    ['ports: [{containerPort: $PORT}]', 'spec.containers[0].ports[0].containerPort', '`$PORT`', 'is', "a variable substituted before the cluster reads the object (Flux's postBuild, envsubst): substitute it first"],
    // gatekeeper's helmify: a build step turns each HELMSUBST_ word into a Helm action.
    ['securityContext: {privileged: HELMSUBST_PRIVILEGED}', 'spec.containers[0].securityContext.privileged', '`HELMSUBST_PRIVILEGED`', 'holds', 'a placeholder that a build step fills in before the cluster reads the object: fill it in first'],
    ['ports: {HELMSUBST_PORTS: ""}', 'spec.containers[0].ports', '`HELMSUBST_PORTS`', 'holds', 'a placeholder that a build step fills in before the cluster reads the object: fill it in first'],
  ])('reads a field holding a placeholder filled in whole (%s) as a template', (field, path, placeholder, verb, why) => {
    const loaded = loadManifestFile('t.yaml', `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - image: nginx\n    ${field}\n`);
    const result = extractPodSpecs(loaded.documents[0]!);
    expect(result.pods).toEqual([]);
    expect(result.problems).toEqual([{ file: 't.yaml', line: 7, kind: 'template', message: `${path} ${verb} ${placeholder}, ${why}, then check the output`, path: parseFieldPath(path) }]);
  });

  it("names an object's placeholders in one note, and keeps each field that is simply of the wrong type", () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: HELMSUBST_HOST_NETWORK\n  priority: HELMSUBST_PRIORITY\n  containers:\n  - image: nginx\n    ports: [{containerPort: "${PORT}"}]\n    tty: "no"\n';
    const result = extractPodSpecs(loadManifestFile('t.yaml', pod).documents[0]!);
    expect(result.problems.map((p) => [p.line, p.kind, p.message.slice(0, p.message.indexOf(','))])).toEqual([
      [5, 'template', 'spec.hostNetwork holds `HELMSUBST_HOST_NETWORK` (and 2 more in this object)'],
      [10, 'invalid', 'spec.containers[0].tty: expected a boolean'],
    ]);
  });

  it.each([['hostNetwork: ENABLED'], ['hostNetwork: "$"'], ['hostNetwork: {ENABLED_NOW: "yes"}'], ['containers: [{image: nginx, securityContext: {capabilities: {drop: NET_RAW}}}]']])('takes no lone word, filled mapping or capability for a placeholder (%s): the field is of the wrong type', (field) => {
    const containers = field.startsWith('containers') ? '' : '  containers: [{image: nginx}]\n';
    const result = extractPodSpecs(loadManifestFile('t.yaml', `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${containers}  ${field}\n`).documents[0]!);
    expect(result.problems.map((p) => p.kind)).toEqual(['invalid']);
  });

  it('reports annotation values that are not strings', () => {
    const loaded = loadManifestFile('t.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    enabled: yes\nspec: {}\n');
    expect(extractPodSpecs(loaded.documents[0]!).problems).toMatchObject([{ line: 5, message: expect.stringContaining('metadata.annotations.enabled: expected a string, found the boolean true') }]);
  });

  it('is made once per document, and equals a fresh extraction', () => {
    const items = [
      '- {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: x, ports: [{hostPort: "80"}]}]}}',
      '- {apiVersion: apps/v1, kind: Deployment, metadata: {name: b}, spec: {template: {spec: {containers: [{name: app, image: nginx}]}}}}',
    ];
    const loaded = loadManifestFile('t.yaml', `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n`);
    const [document] = loaded.documents;
    const extraction = extractPodSpecs(document!);
    expect(extraction.pods.map((p) => p.name)).toEqual(['b']);
    expect(extraction.problems).toHaveLength(1);
    // The verifier's baseline reads the check's extraction of the same document.
    expect(extractPodSpecs(document!)).toBe(extraction);
    const fresh = extractPodSpecsAfresh(document!);
    expect(fresh).not.toBe(extraction);
    expect(fresh).toEqual(extraction);
    // A copy of the document (as verification makes of a fixed one) is another document.
    expect(extractPodSpecs({ ...document! })).not.toBe(extraction);
  });
});
