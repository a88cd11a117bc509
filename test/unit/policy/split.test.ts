/**
 * From evaluations to blocking, warning, ignored and preview findings.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import { formatLevelVersion } from '../../../src/pss/levels.js';
import type { JsonObject, PodInput } from '../../../src/pss/types.js';
import { defaultConfigPath, formatConfigError, parsePolicyConfig } from '../../../src/policy/config.js';
import { indexNamespaces } from '../../../src/policy/namespaces.js';
import { resolvePolicy } from '../../../src/policy/resolve.js';
import type { ResolveInput } from '../../../src/policy/resolve.js';
import { evaluatePolicy, splitEvaluations } from '../../../src/policy/split.js';
import type { PolicyConfig, PolicyFinding, PolicyOutcome, PolicySubject } from '../../../src/policy/types.js';

const file = defaultConfigPath;
const today = '2026-07-15';

function config(text: string): PolicyConfig {
  const result = parsePolicyConfig(text, file);
  if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
  return result.config;
}

function pod(spec: JsonObject, annotations: Record<string, string> = {}): PodInput {
  return { metadata: { annotations }, spec };
}

/** A web server with a host port and no securityContext: baseline fails hostPorts, restricted four more. */
const webPod = pod({ containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, hostPort: 80 }] }] });

function subjectOf(p: PodInput, over: Partial<PolicySubject> = {}): PolicySubject {
  const containers = [...((p.spec.initContainers as JsonObject[] | undefined) ?? []), ...((p.spec.containers as JsonObject[] | undefined) ?? [])];
  return {
    file: 'deploy/web.yaml',
    namespace: 'shop',
    kind: 'Deployment',
    name: 'web',
    workloadAnnotations: {},
    templateAnnotations: {},
    runtimeClassName: null,
    images: containers.map((c) => String(c.image ?? '')),
    ...over,
  };
}

function outcome(p: PodInput, input: Partial<ResolveInput> = {}, over: Partial<PolicySubject> = {}): PolicyOutcome {
  return evaluatePolicy(p, resolvePolicy({ subject: subjectOf(p, over), today, ...input }));
}

const checks = (findings: readonly PolicyFinding[]) => findings.map((f) => f.failure.check);

describe('evaluatePolicy', () => {
  it('blocks on enforce failures and warns on checks that fail only at the warn level', () => {
    const result = outcome(webPod);
    expect(checks(result.blocking)).toEqual(['hostPorts']);
    expect(checks(result.warning)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(result.ignored).toEqual([]);
    expect(result.preview).toEqual([]);
    expect(result.allowed).toBe(false);
    const [blocking] = result.blocking;
    expect(blocking).toMatchObject({ mode: 'enforce', levelSource: { kind: 'default' }, optOut: null });
    expect(formatLevelVersion(blocking!.policy)).toBe('baseline:latest');
    expect(blocking!.failure).toEqual(evaluatePod(webPod, 'baseline', 'latest').failures[0]);
    expect(result.warning.every((f) => f.mode === 'warn' && formatLevelVersion(f.policy) === 'restricted:latest')).toBe(true);
    // The raw evaluations stay available for the admission messages.
    expect(result.evaluations.warn.failures.map((f) => f.check)).toContain('hostPorts');
  });

  it('carries the level source of the mode into each finding', () => {
    const cfg = config('rules:\n  - match: {files: ["deploy/**"]}\n    level: restricted\n');
    const result = outcome(webPod, { config: cfg });
    expect(checks(result.blocking)).toEqual(['hostPorts', 'allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(result.warning).toEqual([]);
    expect(new Set(result.blocking.map((f) => f.levelSource.detail))).toEqual(new Set([`rules[0] in ${file}:2`]));
  });

  it('allows what passes, and checks nothing at privileged', () => {
    expect(outcome(pod({ containers: [{ name: 'a', image: 'x' }] })).blocking).toEqual([]);
    const result = outcome(webPod, { overrides: { level: 'privileged', warnLevel: 'privileged' } });
    expect(result).toMatchObject({ blocking: [], warning: [], ignored: [], preview: [], allowed: true });
  });

  it('lists disabled checks as ignored, once, with the entry and reason', () => {
    const cfg = config('disable:\n  - checks: [hostPorts, runAsNonRoot]\n    namespaces: [shop]\n    reason: load balancer health checks\n');
    const result = outcome(webPod, { config: cfg });
    expect(result.blocking).toEqual([]);
    expect(result.allowed).toBe(true);
    expect(checks(result.warning)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
    expect(result.ignored.map((f) => [f.mode, f.failure.check, f.why.map((w) => w.message)])).toEqual([
      ['enforce', 'hostPorts', [`disabled by disable[0] in ${file}:2: load balancer health checks`]],
      ['warn', 'runAsNonRoot', [`disabled by disable[0] in ${file}:2: load balancer health checks`]],
    ]);
  });

  it('honours valid opt-outs and reports expired ones again, saying so', () => {
    const valid = outcome(webPod, {}, { workloadAnnotations: { 'pod-security-review/ignore': 'hostPorts', 'pod-security-review/reason': 'node port' } });
    expect(valid.blocking).toEqual([]);
    expect(valid.ignored.map((f) => [f.failure.check, f.why[0]?.kind, f.why[0]?.message])).toEqual([['hostPorts', 'annotation', 'ignored on the Deployment: node port']]);

    const expired = outcome(webPod, {}, {
      templateAnnotations: { 'pod-security-review/ignore': 'hostPorts', 'pod-security-review/reason': 'node port', 'pod-security-review/expires': '2026-07-01' },
    });
    expect(checks(expired.blocking)).toEqual(['hostPorts']);
    expect(expired.blocking[0]?.optOut).toMatchObject({ status: 'expired', message: 'the opt-out on the pod template of the Deployment expired on 2026-07-01 (reason was: node port)' });
    expect(expired.ignored).toEqual([]);
  });

  it('keeps findings of an opt-out without reason or in strict mode, with the note', () => {
    const noReason = outcome(webPod, {}, { workloadAnnotations: { 'pod-security-review/ignore': 'hostPorts' } });
    expect(checks(noReason.blocking)).toEqual(['hostPorts']);
    expect(noReason.blocking[0]?.optOut?.status).toBe('missing-reason');
    const strict = outcome(
      webPod,
      { config: config('strict: true\n') },
      { workloadAnnotations: { 'pod-security-review/ignore': 'hostPorts', 'pod-security-review/reason': 'x' } },
    );
    expect(checks(strict.blocking)).toEqual(['hostPorts']);
    expect(strict.blocking[0]?.optOut?.status).toBe('strict');
  });

  it('lists everything of an exempt pod spec as ignored, with the exemption', () => {
    const cfg = config('exemptions:\n  namespaces: [shop]\ndisable:\n  - checks: [hostPorts]\n');
    const result = outcome(webPod, { config: cfg });
    expect(result).toMatchObject({ blocking: [], warning: [], allowed: true });
    expect(result.ignored).toHaveLength(5);
    expect(result.ignored[0]!.why.map((w) => w.kind)).toEqual(['exemption', 'disabled']);
    expect(result.ignored[0]!.why[0]!.message).toBe(`namespace shop is exempt (exemptions.namespaces[0] in ${file}:2)`);
    expect(result.ignored.slice(1).every((f) => f.why.length === 1 && f.why[0]!.kind === 'exemption')).toBe(true);
  });

  describe('image-scoped disables (all containers concerned must match)', () => {
    const twoContainers = pod({
      containers: [
        { name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.11.0', ports: [{ containerPort: 80, hostPort: 80 }] },
        { name: 'sidecar', image: 'busybox:1.36', ports: [{ containerPort: 9000, hostPort: 9000 }] },
      ],
    });
    const cfg = config('disable:\n  - checks: [hostPorts, hostNamespaces]\n    images: ["registry.k8s.io/ingress-nginx/*"]\n');

    it('ignores a finding when every container it concerns runs a matching image', () => {
      const [controller] = twoContainers.spec.containers as JsonObject[];
      const onlyController = pod({ containers: [controller!, { name: 'sidecar', image: 'busybox:1.36' }] });
      const result = outcome(onlyController, { config: cfg });
      expect(result.blocking).toEqual([]);
      expect(result.ignored[0]?.why[0]?.message).toBe(`disabled for images registry.k8s.io/ingress-nginx/* by disable[0] in ${file}:2`);
    });

    it('keeps the finding when another container is concerned too', () => {
      expect(checks(outcome(twoContainers, { config: cfg }).blocking)).toEqual(['hostPorts']);
    });

    it('never covers pod-level fields', () => {
      const hostNetwork = pod({ hostNetwork: true, containers: [{ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1' }] });
      expect(checks(outcome(hostNetwork, { config: cfg }).blocking)).toEqual(['hostNamespaces']);
    });

    it('lets "*" cross "/" and ":" like Kyverno', () => {
      const any = config('disable:\n  - checks: [hostPorts]\n    images: ["*/ingress-nginx/controller:*"]\n');
      const single = pod({ containers: [{ name: 'c', image: 'registry.k8s.io/ingress-nginx/controller:v1.11.0@sha256:0f', ports: [{ hostPort: 80 }] }] });
      expect(outcome(single, { config: any }).blocking).toEqual([]);
    });
  });

  it('reports audit-label failures as warnings, once per check', () => {
    const namespaces = indexNamespaces([
      {
        name: 'shop',
        labels: { 'pod-security.kubernetes.io/warn': 'baseline', 'pod-security.kubernetes.io/audit': 'restricted' },
        file: 'ns.yaml',
        line: 3,
      },
    ]);
    const result = outcome(webPod, { namespaces });
    expect(checks(result.blocking)).toEqual(['hostPorts']);
    expect(result.warning.map((f) => [f.mode, f.failure.check])).toEqual([
      ['audit', 'allowPrivilegeEscalation'],
      ['audit', 'capabilities_restricted'],
      ['audit', 'runAsNonRoot'],
      ['audit', 'seccompProfile_restricted'],
    ]);
    expect(result.warning[0]?.levelSource.detail).toBe('Namespace shop label pod-security.kubernetes.io/audit=restricted (ns.yaml:3)');
  });

  it('previews what would newly fail at the preview version, without blocking', () => {
    const probed = pod({
      containers: [{ name: 'app', image: 'x', ports: [{ hostPort: 8080 }], livenessProbe: { httpGet: { host: '10.0.0.1', port: 8080 } } }],
    });
    const result = outcome(probed, { config: config('level: baseline\nversion: v1.33\nwarn-level: baseline\npreview-version: latest\n') });
    expect(checks(result.blocking)).toEqual(['hostPorts']);
    expect(result.warning).toEqual([]);
    expect(result.preview.map((f) => [f.mode, formatLevelVersion(f.policy), f.failure.check, f.levelSource.detail])).toEqual([
      ['preview', 'baseline:latest', 'hostProbesAndHostLifecycle', `preview-version in ${file}:4`],
    ]);
    expect(result.allowed).toBe(false);
    expect(result.evaluations.preview?.failures.map((f) => f.check)).toEqual(['hostPorts', 'hostProbesAndHostLifecycle']);
  });

  it('applies disables to preview findings too', () => {
    const probed = pod({ containers: [{ name: 'app', image: 'x', livenessProbe: { tcpSocket: { host: 'db', port: 5432 } } }] });
    const cfg = config('version: v1.33\npreview-version: latest\ndisable:\n  - checks: [hostProbesAndHostLifecycle]\n    reason: legacy probes\n');
    const result = outcome(probed, { config: cfg });
    expect(result.preview).toEqual([]);
    // `version` sets the warn mode too: at restricted:v1.33 the check does not exist yet, so only the preview sees it.
    expect(result.ignored.map((f) => [f.mode, f.failure.check, f.why[0]?.message])).toEqual([
      ['preview', 'hostProbesAndHostLifecycle', `disabled by disable[0] in ${file}:4: legacy probes`],
    ]);
  });
});

describe('splitEvaluations', () => {
  it('splits given evaluations without evaluating again', () => {
    const policy = resolvePolicy({ subject: subjectOf(webPod), today });
    const failure = { check: 'privileged' as const, reason: 'privileged', detail: 'container "x" must not set securityContext.privileged=true', paths: [] };
    const result = splitEvaluations(webPod, policy, {
      enforce: { allowed: false, failures: [failure] },
      warn: { allowed: false, failures: [failure, { ...failure, check: 'runAsUser' }] },
      audit: null,
      preview: null,
    });
    expect(checks(result.blocking)).toEqual(['privileged']);
    expect(checks(result.warning)).toEqual(['runAsUser']);
  });
});
