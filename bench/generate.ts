/**
 * Synthetic repositories of Kubernetes manifests, deterministic from a seed.
 *
 * A base revision of N files holding M documents on average: workloads
 * (Deployments, StatefulSets, CronJobs, a few DaemonSets and Jobs) with 1–4
 * containers, each followed by its Service (or, for CronJobs and Jobs, its
 * ConfigMap), comments, multi-document files, a Namespace manifest with
 * pod-security labels, and a mix of pod specs that pass restricted, that only
 * pass baseline, and that violate baseline.
 *
 * A head revision touches a given number of files: modifies some pod specs
 * (image bumps, new violations, fixes, sidecars, new workloads), reformats
 * some files without changing a value (indentation, sequence style,
 * quoting, flow maps, comments), makes changes the checks do not read
 * (replicas, Services), renames and deletes a few, and adds a few files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRng } from './prng.js';
import type { Rng } from './prng.js';
import { defaultStyle, emitDocument } from './yamlEmit.js';
import type { YamlMap, YamlStyle, YamlValue } from './yamlEmit.js';

export interface RepoSpec {
  readonly seed: number;
  /** Files at base (one of them holds the Namespace manifests). */
  readonly files: number;
  /** Documents per file on average (half workloads, half Services/ConfigMaps). */
  readonly docsPerFile: number;
  /** Files the head revision touches, added files included (0: no head revision). */
  readonly changedFiles: number;
}

type Posture = 'restricted' | 'baseline' | 'violating';
type Violation = 'privileged' | 'hostNetwork' | 'hostPID' | 'hostPath' | 'capabilities' | 'hostPort';
type WorkloadKind = 'Deployment' | 'StatefulSet' | 'CronJob' | 'DaemonSet' | 'Job';

interface ContainerModel {
  name: string;
  image: string;
  tag: string;
  port: number | null;
  hostPort: boolean;
  env: [string, string][];
  cpu: string;
  memory: string;
  probe: boolean;
  privileged: boolean;
  addCapabilities: string[];
  restricted: boolean;
  tmpMount: boolean;
  comment: string | null;
}

interface WorkloadModel {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  team: string;
  replicas: number;
  schedule: string;
  posture: Posture;
  containers: ContainerModel[];
  initContainer: ContainerModel | null;
  hostNetwork: boolean;
  hostPID: boolean;
  hostPathVolume: boolean;
  configVolume: boolean;
  podRestricted: boolean;
  serviceAccount: string;
  annotations: boolean;
  tolerations: boolean;
  teamLabel: boolean;
}

interface ServiceModel {
  name: string;
  namespace: string;
  team: string;
  port: number;
  targetPort: number;
  type: 'ClusterIP' | 'NodePort';
}

interface ConfigMapModel {
  name: string;
  namespace: string;
  entries: [string, string][];
}

type DocModel =
  | { readonly type: 'workload'; readonly workload: WorkloadModel; comment: string | null }
  | { readonly type: 'service'; readonly service: ServiceModel; comment: string | null }
  | { readonly type: 'configmap'; readonly configMap: ConfigMapModel; comment: string | null }
  | { readonly type: 'namespaces'; readonly teams: readonly string[]; comment: string | null };

interface FileModel {
  path: string;
  style: YamlStyle;
  header: string | null;
  leadingSeparator: boolean;
  docs: DocModel[];
}

export interface RepoStats {
  readonly files: number;
  readonly bytes: number;
  readonly documents: number;
  readonly kinds: Record<string, number>;
  /** Pod specs (one per workload). */
  readonly podSpecs: number;
  readonly containers: number;
  readonly postures: Record<Posture, number>;
}

export interface HeadStats {
  /** Files the head revision touches (as git diff lists them: a rename counts once). */
  readonly changedFiles: number;
  readonly byAction: Record<string, number>;
  /** Pod specs whose template changed in value (the diff evaluates these). */
  readonly modifiedPodSpecs: number;
  /** Pod specs without a counterpart at base. */
  readonly newPodSpecs: number;
  readonly bytes: number;
}

export interface GeneratedRepository {
  readonly spec: RepoSpec;
  readonly base: ReadonlyMap<string, string>;
  /** Empty when the spec asks for no head revision. */
  readonly head: ReadonlyMap<string, string>;
  readonly stats: RepoStats;
  readonly headStats: HeadStats | null;
}

const teams = ['payments', 'search', 'checkout', 'identity', 'catalog', 'platform', 'data', 'ml', 'web', 'mobile-api', 'notifications', 'billing'];
const nouns = ['api', 'worker', 'gateway', 'indexer', 'scheduler', 'cache', 'ingest', 'renderer', 'auth', 'ledger', 'router', 'exporter', 'sync', 'mailer', 'resizer', 'queue', 'store', 'feed', 'audit', 'report'];
const adjectives = ['blue', 'fast', 'core', 'edge', 'batch', 'live', 'async', 'legacy', 'public', 'internal', 'shadow', 'main'];
const sidecars = ['envoy', 'log-shipper', 'metrics-exporter', 'config-reloader'];
const envNames = ['LOG_LEVEL', 'PORT', 'DATABASE_URL', 'REDIS_HOST', 'FEATURE_FLAGS', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'JAVA_OPTS', 'GOMAXPROCS', 'REGION', 'ENABLE_TRACING', 'CACHE_TTL', 'WORKERS'];
const comments = [
  'Managed by the platform team; ask in #k8s before changing limits.',
  'TODO: pin the image by digest.',
  'Keep replicas in sync with the HPA minimum.',
  'Security context reviewed 2026-03.',
  'Probes tuned for slow JVM start-up.',
  'Do not remove: required by the service mesh.',
];

function pickName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const name = `${rng.pick(adjectives)}-${rng.pick(nouns)}-${rng.int(1, 9999)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function envValue(rng: Rng, name: string): string {
  switch (name) {
    case 'LOG_LEVEL':
      return rng.pick(['info', 'debug', 'warn']);
    case 'PORT':
      return String(rng.pick([8080, 8443, 9090]));
    case 'DATABASE_URL':
      return `postgres://db-${rng.int(1, 40)}.internal:5432/app`;
    case 'ENABLE_TRACING':
      return rng.pick(['true', 'false']);
    case 'JAVA_OPTS':
      return `-Xms${rng.int(1, 4)}g -Xmx${rng.int(4, 8)}g -XX:+UseG1GC`;
    default:
      return `${name.toLowerCase().replace(/_/g, '-')}-${rng.int(1, 999)}`;
  }
}

const mainEnvCounts: readonly (readonly [number, number])[] = [
  [0, 55],
  [1, 27],
  [2, 12],
  [3, 6],
];

function makeContainer(rng: Rng, name: string, team: string, restricted: boolean, main: boolean): ContainerModel {
  // The main container has 0–3 environment variables, sidecars rarely one.
  const envCount = main ? rng.weighted(mainEnvCounts) : rng.chance(0.2) ? 1 : 0;
  const start = rng.int(0, envNames.length - envCount);
  const env = envNames.slice(start, start + envCount).map((envName): [string, string] => [envName, envValue(rng, envName)]);
  return {
    name,
    image: `ghcr.io/${team}/${name}`,
    tag: `${rng.int(1, 4)}.${rng.int(0, 30)}.${rng.int(0, 12)}`,
    port: rng.chance(main ? 0.7 : 0.2) ? rng.pick([8080, 8443, 9090, 3000, 5000]) : null,
    hostPort: false,
    env,
    cpu: rng.chance(main ? 0.35 : 0.15) ? `${rng.pick([50, 100, 250, 500, 1000])}m` : '',
    memory: `${rng.pick([64, 128, 256, 512, 1024, 2048])}Mi`,
    probe: main && rng.chance(0.25),
    privileged: false,
    addCapabilities: [],
    restricted,
    tmpMount: rng.chance(0.4),
    comment: rng.chance(0.08) ? rng.pick(comments) : null,
  };
}

function applyViolation(rng: Rng, w: WorkloadModel, violation: Violation): void {
  const target = rng.pick(w.containers);
  switch (violation) {
    case 'privileged':
      target.privileged = true;
      target.restricted = false;
      break;
    case 'hostNetwork':
      w.hostNetwork = true;
      break;
    case 'hostPID':
      w.hostPID = true;
      break;
    case 'hostPath':
      w.hostPathVolume = true;
      break;
    case 'capabilities':
      target.addCapabilities = [rng.pick(['NET_ADMIN', 'SYS_ADMIN', 'SYS_PTRACE'])];
      target.restricted = false;
      break;
    case 'hostPort':
      if (target.port === null) target.port = 8080;
      target.hostPort = true;
      break;
  }
}

const violations: readonly Violation[] = ['privileged', 'hostNetwork', 'hostPID', 'hostPath', 'capabilities', 'hostPort'];

function makeWorkload(rng: Rng, team: string, used: Set<string>): WorkloadModel {
  const kind = rng.weighted<WorkloadKind>([
    ['Deployment', 66],
    ['StatefulSet', 14],
    ['CronJob', 12],
    ['DaemonSet', 4],
    ['Job', 4],
  ]);
  const posture = rng.weighted<Posture>([
    ['restricted', 40],
    ['baseline', 35],
    ['violating', 25],
  ]);
  const restricted = posture === 'restricted';
  const count = rng.weighted([
    [1, 68],
    [2, 22],
    [3, 7],
    [4, 3],
  ]);
  const containers = [makeContainer(rng, 'app', team, restricted, true)];
  for (let i = 1; i < count; i++) containers.push(makeContainer(rng, sidecars[i - 1]!, team, restricted, false));
  const w: WorkloadModel = {
    kind,
    name: pickName(rng, used),
    namespace: rng.chance(0.8) ? team : `${team}-staging`,
    team,
    replicas: rng.int(1, 6),
    schedule: `${rng.int(0, 59)} ${rng.int(0, 23)} * * *`,
    posture,
    containers,
    initContainer: rng.chance(0.1) ? { ...makeContainer(rng, 'migrate', team, restricted, false), port: null } : null,
    hostNetwork: false,
    hostPID: false,
    hostPathVolume: false,
    configVolume: rng.chance(0.3),
    podRestricted: restricted,
    serviceAccount: rng.chance(0.4) ? `${team}-${rng.pick(nouns)}` : '',
    annotations: rng.chance(0.2),
    tolerations: rng.chance(0.1),
    teamLabel: rng.chance(0.4),
  };
  if (posture === 'violating') {
    applyViolation(rng, w, rng.pick(violations));
    if (rng.chance(0.3)) applyViolation(rng, w, rng.pick(violations));
  }
  return w;
}

function containerYaml(c: ContainerModel): YamlMap {
  const out: Record<string, YamlValue> = { name: c.name, image: `${c.image}:${c.tag}` };
  if (c.comment !== null) out['#comment'] = c.comment;
  if (c.port !== null) out.ports = [{ containerPort: c.port, ...(c.hostPort ? { hostPort: c.port } : {}) }];
  if (c.env.length > 0) out.env = c.env.map(([name, value]) => ({ name, value }));
  if (c.cpu !== '') out.resources = { requests: { cpu: c.cpu, memory: c.memory }, limits: { memory: c.memory } };
  if (c.probe && c.port !== null) out.readinessProbe = { httpGet: { path: '/healthz', port: c.port } };
  const security: Record<string, YamlValue> = {};
  if (c.restricted) {
    security.allowPrivilegeEscalation = false;
    security.capabilities = { drop: ['ALL'] };
  }
  if (c.privileged) security.privileged = true;
  if (c.addCapabilities.length > 0) security.capabilities = { add: c.addCapabilities };
  if (Object.keys(security).length > 0) out.securityContext = security;
  if (c.restricted && c.tmpMount) out.volumeMounts = [{ name: 'tmp', mountPath: '/tmp' }];
  return out;
}

function labelsOf(w: { name: string; team: string }): YamlMap {
  return { app: w.name, team: w.team };
}

function selectorOf(w: { name: string }): YamlMap {
  return { app: w.name };
}

function podSpecYaml(w: WorkloadModel): YamlMap {
  const spec: Record<string, YamlValue> = w.serviceAccount === '' ? {} : { serviceAccountName: w.serviceAccount };
  if (w.hostNetwork) spec.hostNetwork = true;
  if (w.hostPID) spec.hostPID = true;
  if (w.podRestricted) {
    if (w.annotations) spec['#security'] = 'Restricted profile: non-root, default seccomp.';
    spec.securityContext = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
  }
  if (w.kind === 'CronJob' || w.kind === 'Job') spec.restartPolicy = 'OnFailure';
  if (w.initContainer) spec.initContainers = [containerYaml(w.initContainer)];
  spec.containers = w.containers.map(containerYaml);
  const volumes: YamlValue[] = w.containers.some((c) => c.restricted && c.tmpMount) ? [{ name: 'tmp', emptyDir: {} }] : [];
  if (w.configVolume) volumes.push({ name: 'config', configMap: { name: `${w.name}-config` } });
  if (w.hostPathVolume) volumes.push({ name: 'host-logs', hostPath: { path: '/var/log', type: 'Directory' } });
  if (volumes.length > 0) spec.volumes = volumes;
  if (w.tolerations) spec.tolerations = [{ key: 'dedicated', operator: 'Equal', value: w.team, effect: 'NoSchedule' }];
  return spec;
}

function workloadYaml(w: WorkloadModel): YamlMap {
  const metadata: Record<string, YamlValue> = { name: w.name, namespace: w.namespace, labels: w.teamLabel ? labelsOf(w) : selectorOf(w) };
  if (w.annotations) metadata.annotations = { 'example.com/runbook': `https://runbooks.example.com/${w.team}/${w.name}` };
  const template: YamlMap = { metadata: { labels: selectorOf(w) }, spec: podSpecYaml(w) };
  const apiVersion = w.kind === 'CronJob' || w.kind === 'Job' ? 'batch/v1' : 'apps/v1';
  let spec: YamlMap;
  switch (w.kind) {
    case 'Deployment':
      spec = { replicas: w.replicas, selector: { matchLabels: selectorOf(w) }, template };
      break;
    case 'StatefulSet':
      spec = {
        serviceName: w.name,
        replicas: w.replicas,
        selector: { matchLabels: selectorOf(w) },
        template,
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
      };
      break;
    case 'DaemonSet':
      spec = { selector: { matchLabels: selectorOf(w) }, template };
      break;
    case 'Job':
      spec = { backoffLimit: 2, template };
      break;
    case 'CronJob':
      spec = { schedule: w.schedule, concurrencyPolicy: 'Forbid', jobTemplate: { spec: { backoffLimit: 1, template } } };
      break;
  }
  return { apiVersion, kind: w.kind, metadata, spec };
}

function serviceYaml(s: ServiceModel): YamlMap {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name, namespace: s.namespace },
    spec: { ...(s.type === 'NodePort' ? { type: s.type } : {}), selector: selectorOf(s), ports: [{ port: s.port, targetPort: s.targetPort }] },
  };
}

function configMapYaml(c: ConfigMapModel): YamlMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: c.name, namespace: c.namespace }, data: Object.fromEntries(c.entries) };
}

function namespacesYaml(team: string, index: number): YamlMap {
  // Most namespaces enforce baseline and warn restricted; one is privileged, one restricted.
  const enforce = team === 'platform' ? 'privileged' : team === 'identity' ? 'restricted' : 'baseline';
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: team,
      labels: {
        'kubernetes.io/metadata.name': team,
        'pod-security.kubernetes.io/enforce': enforce,
        ...(index % 2 === 0 ? { 'pod-security.kubernetes.io/enforce-version': 'latest' } : {}),
        'pod-security.kubernetes.io/warn': 'restricted',
      },
    },
  };
}

function makeConfigMap(rng: Rng, w: WorkloadModel): ConfigMapModel {
  const entries: [string, string][] = [['LOG_FORMAT', 'json']];
  if (rng.chance(0.6)) entries.push(['settings.yaml', `server:\n  port: ${rng.int(3000, 9000)}\n  workers: ${rng.int(1, 16)}\nfeatures:\n  - ${rng.pick(nouns)}\n  - ${rng.pick(nouns)}\n`]);
  return { name: `${w.name}-config`, namespace: w.namespace, entries };
}

function companionOf(rng: Rng, w: WorkloadModel): DocModel {
  if (w.kind === 'CronJob' || w.kind === 'Job') return { type: 'configmap', configMap: makeConfigMap(rng, w), comment: null };
  const port = w.containers[0]!.port ?? 8080;
  return { type: 'service', service: { name: w.name, namespace: w.namespace, team: w.team, port: 80, targetPort: port, type: rng.chance(0.9) ? 'ClusterIP' : 'NodePort' }, comment: null };
}

function renderDoc(doc: DocModel, index: number): YamlMap {
  switch (doc.type) {
    case 'workload':
      return workloadYaml(doc.workload);
    case 'service':
      return serviceYaml(doc.service);
    case 'configmap':
      return configMapYaml(doc.configMap);
    case 'namespaces':
      return namespacesYaml(doc.teams[index] ?? 'default', index);
  }
}

export function renderFile(file: FileModel): string {
  const parts: string[] = [];
  if (file.header !== null) parts.push(`# ${file.header}\n`);
  file.docs.forEach((doc, i) => {
    const docs = doc.type === 'namespaces' ? doc.teams.map((_, j) => renderDoc(doc, j)) : [renderDoc(doc, i)];
    docs.forEach((map, j) => {
      if (i > 0 || j > 0 || file.leadingSeparator) parts.push('---\n');
      if (doc.comment !== null && j === 0) parts.push(`# ${doc.comment}\n`);
      parts.push(emitDocument(map, file.style));
    });
  });
  return parts.join('');
}

function randomStyle(rng: Rng): YamlStyle {
  return {
    indent: rng.chance(0.15) ? 4 : 2,
    indentSequences: rng.chance(0.35),
    quoting: rng.weighted<YamlStyle['quoting']>([
      ['minimal', 85],
      ['double', 10],
      ['single', 5],
    ]),
    flowLabels: rng.chance(0.1),
  };
}

/** Split `total` into `parts` counts that vary around the mean (largest remainders). */
function distribute(rng: Rng, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.4 + rng.next() * 1.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

function makeFile(rng: Rng, filePath: string, team: string, workloads: number, used: Set<string>): FileModel {
  const docs: DocModel[] = [];
  for (let j = 0; j < workloads; j++) {
    const w = makeWorkload(rng, team, used);
    docs.push({ type: 'workload', workload: w, comment: rng.chance(0.15) ? `${w.kind} ${w.name}: ${rng.pick(comments)}` : null });
    docs.push(companionOf(rng, w));
  }
  return {
    path: filePath,
    style: rng.chance(0.75) ? defaultStyle : randomStyle(rng),
    header: rng.chance(0.5) ? `${team}: generated for the benchmark; edited by hand since.` : null,
    leadingSeparator: rng.chance(0.3),
    docs,
  };
}

function fileStats(files: readonly FileModel[], rendered: ReadonlyMap<string, string>): RepoStats {
  const kinds: Record<string, number> = {};
  const postures: Record<Posture, number> = { restricted: 0, baseline: 0, violating: 0 };
  let documents = 0;
  let podSpecs = 0;
  let containers = 0;
  for (const file of files) {
    for (const doc of file.docs) {
      if (doc.type === 'namespaces') {
        documents += doc.teams.length;
        kinds.Namespace = (kinds.Namespace ?? 0) + doc.teams.length;
        continue;
      }
      documents++;
      const kind = doc.type === 'workload' ? doc.workload.kind : doc.type === 'service' ? 'Service' : 'ConfigMap';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (doc.type === 'workload') {
        podSpecs++;
        containers += doc.workload.containers.length + (doc.workload.initContainer ? 1 : 0);
        postures[doc.workload.posture]++;
      }
    }
  }
  let bytes = 0;
  for (const text of rendered.values()) bytes += Buffer.byteLength(text);
  return { files: files.length, bytes, documents, kinds, podSpecs, containers, postures };
}

const clone = <T>(value: T): T => structuredClone(value);

type Action = 'modify-pods' | 'reformat' | 'cosmetic' | 'rename' | 'delete' | 'reformat-and-modify';

/** Change the pod template of a workload (some changes may leave its value as it was: the stats compare values). */
function modifyWorkload(rng: Rng, w: WorkloadModel): void {
  const op = rng.weighted([
    ['bump-image', 40],
    ['add-violation', 25],
    ['fix-security', 15],
    ['add-sidecar', 10],
    ['env', 10],
  ] as const);
  switch (op) {
    case 'bump-image': {
      const c = rng.pick(w.containers);
      c.tag = `${rng.int(5, 9)}.${rng.int(0, 30)}.${rng.int(0, 12)}`;
      break;
    }
    case 'add-violation':
      applyViolation(rng, w, rng.pick(violations));
      w.posture = 'violating';
      break;
    case 'fix-security':
      w.podRestricted = true;
      w.hostNetwork = false;
      w.hostPID = false;
      w.hostPathVolume = false;
      for (const c of w.containers) {
        c.privileged = false;
        c.addCapabilities = [];
        c.hostPort = false;
        c.restricted = true;
      }
      w.posture = 'restricted';
      break;
    case 'add-sidecar':
      w.containers.push(makeContainer(rng, `${rng.pick(sidecars)}-${w.containers.length}`, w.team, w.podRestricted, false));
      break;
    case 'env': {
      const c = rng.pick(w.containers);
      c.env.push([`EXTRA_${rng.int(1, 99)}`, `value-${rng.int(1, 999)}`]);
      break;
    }
  }
}

function reformat(rng: Rng, file: FileModel): void {
  const style = randomStyle(rng);
  // Make sure something visibly changes.
  file.style = { ...style, indent: file.style.indent === 2 ? 4 : 2 };
  file.header = `${file.header ?? 'reformatted'} (reformatted)`;
  for (const doc of file.docs) if (rng.chance(0.2)) doc.comment = doc.comment === null ? rng.pick(comments) : null;
}

function cosmetic(rng: Rng, file: FileModel): void {
  for (const doc of file.docs) {
    if (doc.type === 'workload' && rng.chance(0.5)) doc.workload.replicas += 1;
    else if (doc.type === 'service' && rng.chance(0.3)) doc.service.port = doc.service.port === 80 ? 8080 : 80;
    else if (doc.type === 'configmap' && rng.chance(0.5)) doc.configMap.entries.push(['EXTRA', `x-${rng.int(1, 99)}`]);
  }
}

export function generateRepository(spec: RepoSpec): GeneratedRepository {
  const rng = createRng(spec.seed);
  const used = new Set<string>();
  const workloadFiles = Math.max(1, spec.files - 1);
  const totalWorkloads = Math.round((spec.files * spec.docsPerFile) / 2);
  const counts = distribute(rng.fork('distribution'), totalWorkloads, workloadFiles);
  const files: FileModel[] = [
    { path: 'cluster/namespaces.yaml', style: defaultStyle, header: 'Namespaces and their Pod Security Admission labels.', leadingSeparator: false, docs: [{ type: 'namespaces', teams, comment: null }] },
  ];
  const bodies = rng.fork('files');
  for (let i = 0; i < workloadFiles; i++) {
    const team = teams[i % teams.length]!;
    const group = bodies.pick(nouns);
    files.push(makeFile(bodies, `apps/${team}/${group}/${group}-${String(i).padStart(5, '0')}.yaml`, team, counts[i]!, used));
  }
  const base = new Map(files.map((f) => [f.path, renderFile(f)]));
  const stats = fileStats(files, base);
  if (spec.changedFiles <= 0) return { spec, base, head: new Map(), stats, headStats: null };

  // The head revision.
  const change = rng.fork('head');
  const headFiles = files.map(clone);
  const added = Math.max(1, Math.round(spec.changedFiles * 0.1));
  const touched = Math.min(workloadFiles, spec.changedFiles - added);
  const candidates = headFiles.slice(1);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = change.int(0, i);
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const byAction: Record<string, number> = {};
  const newPods = new Set<WorkloadModel>();
  const removed = new Set<FileModel>();
  const modifySome = (file: FileModel) => {
    const workloads = file.docs.flatMap((d) => (d.type === 'workload' ? [d.workload] : []));
    if (workloads.length === 0) return;
    const n = Math.min(workloads.length, change.int(1, 3));
    for (let k = 0; k < n; k++) modifyWorkload(change, change.pick(workloads));
    if (change.chance(0.15)) {
      // A new workload (and its Service) in an existing file.
      const w = makeWorkload(change, file.docs.find((d) => d.type === 'workload')?.workload.team ?? 'web', used);
      file.docs.push({ type: 'workload', workload: w, comment: null }, companionOf(change, w));
      newPods.add(w);
    }
  };
  const baseText = new Map(headFiles.map((f) => [f, base.get(f.path)!]));
  for (const file of candidates.slice(0, touched)) {
    const action = change.weighted<Action>([
      ['modify-pods', 45],
      ['reformat', 15],
      ['cosmetic', 15],
      ['rename', 10],
      ['delete', 5],
      ['reformat-and-modify', 10],
    ]);
    byAction[action] = (byAction[action] ?? 0) + 1;
    switch (action) {
      case 'modify-pods':
        modifySome(file);
        break;
      case 'reformat':
        reformat(change, file);
        break;
      case 'cosmetic':
        cosmetic(change, file);
        break;
      case 'rename':
        file.path = file.path.replace(/\.yaml$/, '-renamed.yaml');
        if (change.chance(0.5)) modifySome(file);
        break;
      case 'delete':
        removed.add(file);
        break;
      case 'reformat-and-modify':
        reformat(change, file);
        modifySome(file);
        break;
    }
    // Every touched file must differ (a change can happen to restore a value): fall back to a replicas change.
    if (!removed.has(file) && renderFile(file) === baseText.get(file)) {
      const workload = file.docs.find((d) => d.type === 'workload' && (d.workload.kind === 'Deployment' || d.workload.kind === 'StatefulSet'));
      if (workload?.type === 'workload') workload.workload.replicas += 1;
      else file.header = `${file.header ?? 'edited'} (touched)`;
    }
  }
  const additions: FileModel[] = [];
  for (let i = 0; i < added; i++) {
    const team = teams[(i * 5) % teams.length]!;
    const file = makeFile(change, `apps/${team}/new/new-service-${String(i).padStart(3, '0')}.yaml`, team, Math.max(1, Math.round(spec.docsPerFile / 2)), used);
    for (const doc of file.docs) if (doc.type === 'workload') newPods.add(doc.workload);
    additions.push(file);
  }
  byAction.add = added;
  const finalHead = [...headFiles.filter((f) => !removed.has(f)), ...additions];
  const head = new Map(finalHead.map((f) => [f.path, renderFile(f)]));
  let headBytes = 0;
  for (const text of head.values()) headBytes += Buffer.byteLength(text);
  // A pod spec is modified when what the checks read (its template) differs in value.
  const templateOf = (w: WorkloadModel) => JSON.stringify({ labels: selectorOf(w), spec: podSpecYaml(w) });
  const baseTemplates = new Map(files.flatMap((f) => f.docs.flatMap((d) => (d.type === 'workload' ? [[d.workload.name, templateOf(d.workload)] as const] : []))));
  let modifiedPodSpecs = 0;
  for (const file of finalHead) {
    for (const doc of file.docs) {
      if (doc.type !== 'workload' || newPods.has(doc.workload)) continue;
      if (baseTemplates.get(doc.workload.name) !== templateOf(doc.workload)) modifiedPodSpecs++;
    }
  }
  return {
    spec,
    base,
    head,
    stats,
    headStats: { changedFiles: touched + added, byAction, modifiedPodSpecs, newPodSpecs: newPods.size, bytes: headBytes },
  };
}

/** Write a tree of files under `dir`. */
export function writeTree(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [relative, text] of files) {
    const full = path.join(dir, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(repo: string, workTree: string | null, ...args: string[]): string {
  const prefix = workTree === null ? [] : ['--work-tree', workTree];
  return execFileSync('git', ['-C', repo, '-c', 'core.autocrlf=false', '-c', 'commit.gpgsign=false', ...prefix, ...args], { env: gitEnv, encoding: 'utf8', maxBuffer: 1 << 30 });
}

/**
 * A real git repository at `repo`: `baseDir` committed on `main`, `headDir`
 * on top of it on `head`. The work trees stay where they are.
 */
export function commitRepository(repo: string, baseDir: string, headDir: string): { base: string; head: string } {
  mkdirSync(repo, { recursive: true });
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', repo], { env: gitEnv });
  git(repo, baseDir, 'add', '--all');
  git(repo, baseDir, 'commit', '--quiet', '--allow-empty', '-m', 'base');
  const base = git(repo, null, 'rev-parse', 'HEAD').trim();
  git(repo, null, 'update-ref', 'refs/heads/head', base);
  git(repo, null, 'symbolic-ref', 'HEAD', 'refs/heads/head');
  git(repo, headDir, 'add', '--all');
  git(repo, headDir, 'commit', '--quiet', '--allow-empty', '-m', 'head');
  const head = git(repo, null, 'rev-parse', 'HEAD').trim();
  return { base, head };
}
