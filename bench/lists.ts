/**
 * One Kubernetes `List` of N Pods in one document, the shape of a
 * `kubectl get -o yaml` export or a generated bundle: the input on which a
 * fix engine that re-reads the whole document per fix goes quadratic.
 *
 * Three forms of the same Pods:
 * - `yaml`: a block-style YAML document;
 * - `json`: one line of JSON (`kubectl get -o json | jq -c`);
 * - `anchored`: YAML in which every tenth item defines its Pod under an
 *   anchor and the nine items after it are aliases of that anchor, so the
 *   document is about a tenth of the size it expands to.
 *
 * Each Pod fails eight checks at restricted that a fix can mend (privileged,
 * host network, host port, added capability, privilege escalation, dropped
 * capabilities, non-root, seccomp), with deterministic names.
 */

export const listForms = ['yaml', 'json', 'anchored'] as const;
export type ListForm = (typeof listForms)[number];

interface PodModel {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  readonly port: number;
}

function podModel(i: number): PodModel {
  return { name: `web-${i}`, namespace: `team-${i % 7}`, image: `registry.example.com/web:${1 + (i % 13)}.${i % 5}`, port: 8000 + (i % 100) };
}

/** The Pod as a JSON value (for the single-line JSON form). */
function podJson(p: PodModel): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace, labels: { app: p.name } },
    spec: {
      hostNetwork: true,
      containers: [
        {
          name: 'app',
          image: p.image,
          ports: [{ containerPort: p.port, hostPort: p.port }],
          securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } },
        },
        { name: 'sidecar', image: 'registry.example.com/proxy:2.1' },
      ],
    },
  };
}

/** The Pod's lines as a block mapping, each line indented by `indent` spaces, the first one after `first`. */
function podYaml(p: PodModel, first: string): string {
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${p.name}`,
    `  namespace: ${p.namespace}`,
    '  labels:',
    `    app: ${p.name}`,
    'spec:',
    '  hostNetwork: true',
    '  containers:',
    '  - name: app',
    `    image: ${p.image}`,
    '    ports:',
    `    - containerPort: ${p.port}`,
    `      hostPort: ${p.port}`,
    '    securityContext:',
    '      privileged: true',
    '      capabilities:',
    '        add: ["NET_ADMIN"]',
    '  - name: sidecar',
    '    image: registry.example.com/proxy:2.1',
  ];
  return lines.map((line, i) => (i === 0 ? `${first}${line}` : `    ${line}`)).join('\n');
}

/** The text of a List of `n` Pods in the given form (deterministic). */
export function listOfPods(n: number, form: ListForm): string {
  if (form === 'json') {
    return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: Array.from({ length: n }, (_, i) => podJson(podModel(i))) })}\n`;
  }
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    if (form === 'anchored' && i % 10 !== 0) items.push(`  - *pod${Math.floor(i / 10)}`);
    else items.push(podYaml(podModel(i), form === 'anchored' ? `  - &pod${i / 10}\n    ` : '  - '));
  }
  return ['apiVersion: v1', 'kind: List', 'metadata:', '  resourceVersion: ""', 'items:', ...items, ''].join('\n');
}

/** Least-squares slope of log(time) over log(size): the growth exponent (1 is linear, 2 quadratic). */
export function growthExponent(points: readonly { readonly n: number; readonly ms: number }[]): number | null {
  const usable = points.filter((p) => p.n > 0 && p.ms > 0);
  if (usable.length < 2) return null;
  const xs = usable.map((p) => Math.log(p.n));
  const ys = usable.map((p) => Math.log(p.ms));
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] ?? 0) - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? null : Math.round((num / den) * 100) / 100;
}
