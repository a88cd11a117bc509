/**
 * Evaluation and admission messages (spec §1.3–§1.8, §3, §6 checklist).
 */
import { describe, expect, it } from 'vitest';
import { detailString, enforceMessage, evaluatePod, warnMessage } from '../../../src/pss/evaluate.js';
import type { CheckFailure, CheckId, JsonObject, Level, PodInput, Version } from '../../../src/pss/types.js';

const pod = (spec: JsonObject, metadata: JsonObject = {}): PodInput => ({ metadata, spec });
const failedIds = (p: PodInput, level: Level, version: Version): CheckId[] => evaluatePod(p, level, version).failures.map((f) => f.check);
const details = (p: PodInput, level: Level, version: Version): string => detailString(evaluatePod(p, level, version).failures);

/** A container that satisfies every restricted check on its own. */
const goodContainer = (name: string, extra: JsonObject = {}): JsonObject => ({
  name,
  image: 'registry.k8s.io/pause',
  securityContext: {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    ...extra,
  },
});

/** A pod that passes restricted at every version. */
const restrictedPod = (containers: JsonObject[], podSecurityContext: JsonObject = {}, spec: JsonObject = {}): PodInput =>
  pod({
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, ...podSecurityContext },
    containers,
    ...spec,
  });

// ---------------------------------------------------------------------------
// §3.2 examples
// ---------------------------------------------------------------------------

const nginx = pod({ containers: [{ name: 'nginx', image: 'nginx' }] }, { name: 'nginx' });

const section32Pod = pod({
  hostNetwork: true,
  hostPID: true,
  containers: [
    {
      name: 'a',
      image: 'nginx',
      securityContext: { privileged: true },
      ports: [
        { containerPort: 80, hostPort: 80 },
        { containerPort: 9000, hostPort: 9000 },
      ],
    },
    {
      name: 'b',
      image: 'busybox',
      securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } },
    },
  ],
  volumes: [{ name: 'host', hostPath: { path: '/var/run' } }],
});

describe('§3.2 message examples', () => {
  it('(a) restricted:latest, single container nginx without securityContext: exact enforce message', () => {
    const result = evaluatePod(nginx, 'restricted', 'latest');
    expect(result.allowed).toBe(false);
    expect(result.failures.map((f) => f.check)).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
    expect(enforceMessage('nginx', { level: 'restricted', version: 'latest' }, result.failures)).toBe(
      'pods "nginx" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('(b) baseline: exact detail string', () => {
    const result = evaluatePod(section32Pod, 'baseline', 'latest');
    expect(result.allowed).toBe(false);
    expect(result.failures.map((f) => f.check)).toEqual(['capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'privileged']);
    expect(detailString(result.failures)).toBe(
      'non-default capabilities (container "b" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add), host namespaces (hostNetwork=true, hostPID=true), hostPath volumes (volume "host"), hostPort (container "a" uses hostPorts 80, 9000), privileged (container "a" must not set securityContext.privileged=true)',
    );
  });

  it('(c) the same pod at restricted:latest: hostPath becomes restricted volume types, capabilities merge', () => {
    const result = evaluatePod(section32Pod, 'restricted', 'latest');
    expect(result.allowed).toBe(false);
    expect(result.failures.map((f) => f.check)).toEqual([
      'hostNamespaces',
      'hostPorts',
      'privileged',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
    expect(detailString(result.failures)).toBe(
      'host namespaces (hostNetwork=true, hostPID=true), hostPort (container "a" uses hostPorts 80, 9000), privileged (container "a" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (containers "a", "b" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; container "b" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add), restricted volume types (volume "host" uses restricted volume type "hostPath"), runAsNonRoot != true (pod or containers "a", "b" must set securityContext.runAsNonRoot=true), seccompProfile (pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });
});

// ---------------------------------------------------------------------------
// §3.1 / §3.2 message assembly
// ---------------------------------------------------------------------------

describe('message assembly (§3.1, §3.2)', () => {
  const failures = evaluatePod(nginx, 'restricted', 'latest').failures;
  const nginxDetails =
    'allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

  it('warnMessage is "would violate PodSecurity ..." with the same detail string', () => {
    expect(warnMessage({ level: 'restricted', version: 'latest' }, failures)).toBe(`would violate PodSecurity "restricted:latest": ${nginxDetails}`);
  });

  it('warnMessage at baseline:v1.23', () => {
    const f = evaluatePod(section32Pod, 'baseline', 23).failures;
    expect(warnMessage({ level: 'baseline', version: 23 }, f)).toBe(
      'would violate PodSecurity "baseline:v1.23": non-default capabilities (container "b" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add), host namespaces (hostNetwork=true, hostPID=true), hostPath volumes (volume "host"), hostPort (container "a" uses hostPorts 80, 9000), privileged (container "a" must not set securityContext.privileged=true)',
    );
  });

  it('enforceMessage with an empty pod name starts with "pods is forbidden"', () => {
    expect(enforceMessage('', { level: 'restricted', version: 'latest' }, failures)).toBe(
      `pods is forbidden: violates PodSecurity "restricted:latest": ${nginxDetails}`,
    );
  });

  it('prints the requested version (restricted:v1.99) although evaluation clamps to v1.37', () => {
    const at99 = evaluatePod(nginx, 'restricted', 99);
    expect(at99).toEqual(evaluatePod(nginx, 'restricted', 37));
    const message = enforceMessage('nginx', { level: 'restricted', version: 99 }, at99.failures);
    expect(message).toBe(`pods "nginx" is forbidden: violates PodSecurity "restricted:v1.99": ${nginxDetails}`);
    expect(message).not.toContain('v1.37');
  });

  it('prints "latest", never the clamped v1.37', () => {
    const message = warnMessage({ level: 'baseline', version: 'latest' }, evaluatePod(section32Pod, 'baseline', 'latest').failures);
    expect(message.startsWith('would violate PodSecurity "baseline:latest": ')).toBe(true);
    expect(message).not.toContain('v1.37');
  });

  it('detailString: reason alone when the detail is empty, "unknown forbidden reason" for an empty reason', () => {
    const synthetic: CheckFailure[] = [
      { check: 'privileged', reason: 'privileged', detail: '', paths: [] },
      { check: 'hostPorts', reason: '', detail: 'x', paths: [] },
      { check: 'sysctls', reason: '', detail: '', paths: [] },
      { check: 'hostNamespaces', reason: 'host namespaces', detail: 'hostIPC=true', paths: [] },
    ];
    expect(detailString(synthetic)).toBe('privileged, unknown forbidden reason (x), unknown forbidden reason, host namespaces (hostIPC=true)');
  });

  it('detailString of no failures is empty', () => {
    expect(detailString([])).toBe('');
  });

  it('an allowed pod has no failures', () => {
    const ok = restrictedPod([goodContainer('app')]);
    for (const version of [0, 8, 19, 22, 23, 25, 34, 35, 37, 'latest'] as Version[]) {
      expect(evaluatePod(ok, 'restricted', version), `restricted:${String(version)}`).toEqual({ allowed: true, failures: [] });
      expect(evaluatePod(ok, 'baseline', version), `baseline:${String(version)}`).toEqual({ allowed: true, failures: [] });
    }
  });
});

// ---------------------------------------------------------------------------
// §1.5 evaluation order
// ---------------------------------------------------------------------------

/** A pod that fails every check of both levels at v1.35+. */
const failsEverything = pod(
  {
    hostIPC: true,
    securityContext: {
      appArmorProfile: { type: 'Unconfined' },
      seLinuxOptions: { user: 'root' },
      seccompProfile: { type: 'Unconfined' },
      sysctls: [{ name: 'kernel.msgmax', value: '1' }],
      windowsOptions: { hostProcess: true },
      runAsNonRoot: false,
      runAsUser: 0,
    },
    containers: [
      {
        name: 'c',
        image: 'nginx',
        ports: [{ containerPort: 80, hostPort: 8080 }],
        livenessProbe: { httpGet: { host: 'example.com', port: 80 } },
        securityContext: {
          privileged: true,
          procMount: 'Unmasked',
          capabilities: { add: ['SYS_ADMIN'] },
        },
      },
    ],
    volumes: [{ name: 'host', hostPath: { path: '/' } }],
  },
  { name: 'everything' },
);

describe('evaluation order (§1.5)', () => {
  it('baseline:latest lists all twelve baseline failures, IDs sorted byte-wise (capitals first)', () => {
    expect(failedIds(failsEverything, 'baseline', 'latest')).toEqual([
      'appArmorProfile',
      'capabilities_baseline',
      'hostNamespaces',
      'hostPathVolumes',
      'hostPorts',
      'hostProbesAndHostLifecycle',
      'privileged',
      'procMount',
      'seLinuxOptions',
      'seccompProfile_baseline',
      'sysctls',
      'windowsHostProcess',
    ]);
  });

  it('restricted:latest lists baseline block then restricted block, without overridden checks', () => {
    expect(failedIds(failsEverything, 'restricted', 'latest')).toEqual([
      'appArmorProfile',
      'hostNamespaces',
      'hostPorts',
      'hostProbesAndHostLifecycle',
      'privileged',
      'seLinuxOptions',
      'sysctls',
      'windowsHostProcess',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'procMount_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ]);
  });

  it('the reasons appear in that order in the detail string', () => {
    const reasons = evaluatePod(failsEverything, 'restricted', 'latest').failures.map((f) => f.reason);
    expect(reasons).toEqual([
      'forbidden AppArmor profile',
      'host namespaces',
      'hostPort',
      'probe or lifecycle host',
      'privileged',
      'seLinuxOptions',
      'forbidden sysctls',
      'hostProcess',
      'allowPrivilegeEscalation != false',
      'unrestricted capabilities',
      'procMount',
      'restricted volume types',
      'runAsNonRoot != true',
      'runAsUser=0',
      'seccompProfile',
    ]);
    const text = details(failsEverything, 'restricted', 'latest');
    let last = -1;
    for (const reason of reasons) {
      const index = text.indexOf(reason, last + 1);
      expect(index, reason).toBeGreaterThan(last);
      last = index;
    }
  });

  it('restricted v1.0 runs only the v1.0 checks, in order', () => {
    expect(failedIds(failsEverything, 'restricted', 0)).toEqual([
      'appArmorProfile',
      'capabilities_baseline',
      'hostNamespaces',
      'hostPorts',
      'privileged',
      'procMount',
      'seLinuxOptions',
      // seccompProfile_baseline v1.0 reads annotations only: the field does not fail it.
      'sysctls',
      'windowsHostProcess',
      'restrictedVolumes',
      'runAsNonRoot',
    ]);
  });

  describe('procMount moves between restricted v1.34 and v1.35', () => {
    const p = restrictedPod([
      {
        name: 'c',
        image: 'nginx',
        securityContext: { privileged: true, procMount: 'Unmasked', capabilities: { drop: ['ALL'] } },
      },
    ]);
    const procDetail = 'procMount (container "c" must not set securityContext.procMount to "Unmasked")';
    const apeDetail = 'allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false)';
    const privDetail = 'privileged (container "c" must not set securityContext.privileged=true)';

    it('v1.34: in the baseline block, right after privileged', () => {
      expect(failedIds(p, 'restricted', 34)).toEqual(['privileged', 'procMount', 'allowPrivilegeEscalation']);
      expect(details(p, 'restricted', 34)).toBe(`${privDetail}, ${procDetail}, ${apeDetail}`);
    });

    it('v1.35: after the restricted capabilities slot, as procMount_restricted, same reason text', () => {
      expect(failedIds(p, 'restricted', 35)).toEqual(['privileged', 'allowPrivilegeEscalation', 'procMount_restricted']);
      expect(details(p, 'restricted', 35)).toBe(`${privDetail}, ${apeDetail}, ${procDetail}`);
    });

    it('latest behaves like v1.35', () => {
      expect(details(p, 'restricted', 'latest')).toBe(details(p, 'restricted', 35));
    });
  });

  it('evaluates every check (no short-circuit): several failures from one container', () => {
    const p = pod({ containers: [{ name: 'x', securityContext: { privileged: true, capabilities: { add: ['NET_RAW', 'SYS_ADMIN'] } } }] });
    expect(details(p, 'baseline', 'latest')).toBe(
      'non-default capabilities (container "x" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add), privileged (container "x" must not set securityContext.privileged=true)',
    );
  });
});

// ---------------------------------------------------------------------------
// §1.1 privileged, §1.3 clamping, §1.4 overrides
// ---------------------------------------------------------------------------

describe('privileged level (§1.1)', () => {
  it.each([0, 19, 34, 35, 37, 99, 'latest'] as Version[])('allows anything at %s', (version) => {
    expect(evaluatePod(failsEverything, 'privileged', version)).toEqual({ allowed: true, failures: [] });
    expect(evaluatePod(section32Pod, 'privileged', version)).toEqual({ allowed: true, failures: [] });
  });
});

describe('clamping (§1.3)', () => {
  it.each(['latest', 38, 99, 10000] as Version[])('%s evaluates exactly like v1.37', (version) => {
    for (const level of ['baseline', 'restricted'] as const) {
      expect(evaluatePod(failsEverything, level, version)).toEqual(evaluatePod(failsEverything, level, 37));
      expect(evaluatePod(section32Pod, level, version)).toEqual(evaluatePod(section32Pod, level, 37));
    }
  });

  it('the v1.37 sysctls are allowed at latest and v1.99, but not at v1.36', () => {
    const p = pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }] }, containers: [{ name: 'a' }] });
    expect(evaluatePod(p, 'baseline', 'latest').allowed).toBe(true);
    expect(evaluatePod(p, 'baseline', 99).allowed).toBe(true);
    expect(details(p, 'baseline', 36)).toBe('forbidden sysctls (net.ipv4.tcp_notsent_lowat)');
  });
});

describe('overrides (§1.4)', () => {
  const hostPathPod = restrictedPod([goodContainer('app')], {}, { volumes: [{ name: 'data', hostPath: { path: '/data' } }] });

  it.each([0, 18, 35, 'latest'] as Version[])('hostPath at restricted:%s is reported by restrictedVolumes, not hostPathVolumes', (version) => {
    const result = evaluatePod(hostPathPod, 'restricted', version);
    expect(result.failures.map((f) => f.check)).toEqual(['restrictedVolumes']);
    expect(detailString(result.failures)).toBe('restricted volume types (volume "data" uses restricted volume type "hostPath")');
    expect(detailString(result.failures)).not.toContain('hostPath volumes');
  });

  it.each([0, 18, 35, 'latest'] as Version[])('hostPath at baseline:%s is reported by hostPathVolumes', (version) => {
    const result = evaluatePod(hostPathPod, 'baseline', version);
    expect(result.failures.map((f) => f.check)).toEqual(['hostPathVolumes']);
    expect(detailString(result.failures)).toBe('hostPath volumes (volume "data")');
  });

  it('capabilities: capabilities_baseline at restricted v1.21, capabilities_restricted from v1.22', () => {
    const p = restrictedPod([goodContainer('app', { capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } })]);
    expect(details(p, 'restricted', 21)).toBe(
      'non-default capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add)',
    );
    expect(details(p, 'restricted', 22)).toBe(
      'unrestricted capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add)',
    );
    expect(failedIds(p, 'baseline', 22)).toEqual(['capabilities_baseline']);
  });
});

// ---------------------------------------------------------------------------
// §6 checklist
// ---------------------------------------------------------------------------

describe('seccomp baseline: annotations up to v1.18, fields from v1.19 (§6)', () => {
  const fieldUnconfined = pod({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [{ name: 'a' }] });
  const annotationUnconfined = pod({ containers: [{ name: 'a' }] }, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } });

  it('baseline:v1.18 allows seccompProfile.type Unconfined', () => {
    expect(evaluatePod(fieldUnconfined, 'baseline', 18)).toEqual({ allowed: true, failures: [] });
  });

  it('baseline:v1.19 rejects seccompProfile.type Unconfined', () => {
    const result = evaluatePod(fieldUnconfined, 'baseline', 19);
    expect(result.failures.map((f) => f.check)).toEqual(['seccompProfile_baseline']);
    expect(detailString(result.failures)).toBe('seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")');
  });

  it('baseline:v1.18 rejects the unconfined pod annotation', () => {
    expect(details(annotationUnconfined, 'baseline', 18)).toBe(
      'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")',
    );
  });

  it('baseline:v1.19+ allows the unconfined pod annotation', () => {
    expect(evaluatePod(annotationUnconfined, 'baseline', 19).allowed).toBe(true);
    expect(evaluatePod(annotationUnconfined, 'baseline', 'latest').allowed).toBe(true);
  });

  it('restricted:v1.18 uses the annotation check, v1.19 the field-based restricted check', () => {
    const p = restrictedPod([goodContainer('a')], { seccompProfile: null }, {});
    const annotated: PodInput = { metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } }, spec: p.spec };
    expect(failedIds(annotated, 'restricted', 18)).toEqual(['seccompProfile_baseline']);
    expect(failedIds(annotated, 'restricted', 19)).toEqual(['seccompProfile_restricted']);
    expect(details(annotated, 'restricted', 19)).toBe(
      'seccompProfile (pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });
});

describe('Windows pods (§1.8, §6)', () => {
  const windows = (securityContext: JsonObject, osName = 'windows'): PodInput =>
    pod({ os: { name: osName }, securityContext, containers: [{ name: 'w', image: 'mcr.microsoft.com/windows/nanoserver' }] });

  it('restricted:v1.25 exempts a Windows pod from allowPrivilegeEscalation, capabilities_restricted and seccompProfile_restricted', () => {
    expect(evaluatePod(windows({ runAsNonRoot: true }), 'restricted', 25)).toEqual({ allowed: true, failures: [] });
    expect(evaluatePod(windows({ runAsNonRoot: true }), 'restricted', 'latest')).toEqual({ allowed: true, failures: [] });
  });

  it('restricted:v1.24 gives no Windows exemption', () => {
    expect(failedIds(windows({ runAsNonRoot: true }), 'restricted', 24)).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'seccompProfile_restricted',
    ]);
  });

  it('runAsNonRoot still applies to a Windows pod at v1.25+', () => {
    const result = evaluatePod(windows({}), 'restricted', 'latest');
    expect(result.failures.map((f) => f.check)).toEqual(['runAsNonRoot']);
    expect(detailString(result.failures)).toBe('runAsNonRoot != true (pod or container "w" must set securityContext.runAsNonRoot=true)');
  });

  it('runAsUser=0 still applies to a Windows pod', () => {
    expect(details(windows({ runAsNonRoot: true, runAsUser: 0 }), 'restricted', 'latest')).toBe('runAsUser=0 (pod must not set runAsUser=0)');
  });

  it('the OS name is case-sensitive: "Windows" is not exempt', () => {
    expect(failedIds(windows({ runAsNonRoot: true }, 'Windows'), 'restricted', 'latest')).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'seccompProfile_restricted',
    ]);
  });

  it('no baseline check looks at the OS: windowsHostProcess still fails for a Windows pod', () => {
    const p = windows({ windowsOptions: { hostProcess: true } });
    expect(details(p, 'baseline', 'latest')).toBe('hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)');
  });
});

describe('hostUsers: false (§1.8, §6)', () => {
  /** Fails runAsNonRoot (unset) and runAsUser (0) at restricted; procMount Unmasked. */
  const userns = (hostUsers: boolean | null | undefined, procMount?: string): PodInput => {
    const spec: JsonObject = {
      securityContext: { seccompProfile: { type: 'RuntimeDefault' }, runAsUser: 0 },
      containers: [goodContainer('u', procMount === undefined ? {} : { procMount })],
    };
    if (hostUsers !== undefined) spec.hostUsers = hostUsers;
    return pod(spec);
  };

  it('restricted v1.34: no relaxation, runAsNonRoot and runAsUser fail', () => {
    expect(details(userns(false), 'restricted', 34)).toBe(
      'runAsNonRoot != true (pod or container "u" must set securityContext.runAsNonRoot=true), runAsUser=0 (pod must not set runAsUser=0)',
    );
  });

  it('restricted v1.35 and latest: runAsNonRoot and runAsUser are relaxed', () => {
    expect(evaluatePod(userns(false), 'restricted', 35)).toEqual({ allowed: true, failures: [] });
    expect(evaluatePod(userns(false), 'restricted', 'latest')).toEqual({ allowed: true, failures: [] });
  });

  it.each([
    ['true', true],
    ['null', null],
    ['absent', undefined],
  ] as const)('hostUsers %s relaxes nothing at v1.35', (_label, value) => {
    expect(failedIds(userns(value), 'restricted', 35)).toEqual(['runAsNonRoot', 'runAsUser']);
  });

  it('baseline procMount Unmasked: rejected at v1.34, relaxed at v1.35 for hostUsers: false', () => {
    const p = userns(false, 'Unmasked');
    expect(details(p, 'baseline', 34)).toBe('procMount (container "u" must not set securityContext.procMount to "Unmasked")');
    expect(evaluatePod(p, 'baseline', 35)).toEqual({ allowed: true, failures: [] });
    expect(evaluatePod(p, 'baseline', 'latest')).toEqual({ allowed: true, failures: [] });
  });

  it('baseline procMount Unmasked with hostUsers: true is still rejected at v1.35', () => {
    expect(failedIds(userns(true, 'Unmasked'), 'baseline', 35)).toEqual(['procMount']);
  });

  it('restricted v1.35: procMount stays strict (procMount_restricted) even with hostUsers: false', () => {
    const p = userns(false, 'Unmasked');
    const result = evaluatePod(p, 'restricted', 35);
    expect(result.failures.map((f) => f.check)).toEqual(['procMount_restricted']);
    expect(detailString(result.failures)).toBe('procMount (container "u" must not set securityContext.procMount to "Unmasked")');
    expect(failedIds(p, 'restricted', 'latest')).toEqual(['procMount_restricted']);
  });

  it('restricted v1.34 with hostUsers: false reports procMount from the baseline block', () => {
    expect(failedIds(userns(false, 'Unmasked'), 'restricted', 34)).toEqual(['procMount', 'runAsNonRoot', 'runAsUser']);
  });
});
