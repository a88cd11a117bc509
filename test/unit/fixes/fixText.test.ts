/**
 * What a fix writes, on small manifests: the exact fixed text for each kind
 * of edit (flip, addition, removal) in each style a manifest may use, and
 * that everything around the edit stays byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { fixText } from '../../../src/fixes/fixFile.js';
import type { Level } from '../../../src/pss/types.js';

/** A Pod that passes restricted, to which a case adds its one problem. */
const lines = (...l: string[]) => `${l.join('\n')}\n`;

interface Case {
  readonly name: string;
  readonly level?: Level;
  readonly version?: number;
  readonly before: string;
  readonly after: string;
}

/** A Pod that passes restricted but for the capabilities line it ends with. */
const podWithCapabilities = (line: string) =>
  lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}', '  containers:', '  - name: app', '    image: x', '    securityContext:', '      allowPrivilegeEscalation: false', line);

/** A Pod whose first two containers lack a seccomp profile and the third has its own, with `podContext` as its pod's securityContext line. */
const twoWithoutProfile = (podContext: string) =>
  lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    podContext,
    '  containers:',
    '  - name: a',
    '    image: x',
    '    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    '  - name: b',
    '    image: x',
    '    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    '  - name: c',
    '    image: x',
    '    securityContext:',
    '      allowPrivilegeEscalation: false',
    '      capabilities: {drop: [ALL]}',
    '      seccompProfile: {type: Localhost, localhostProfile: c.json}',
  );

/** A Pod whose containers' resources end with commented-out limits, with `added` (or nothing) after each container's resources. */
const withCommentedLimits = (added: string) =>
  lines(
    ...['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}', '  containers:'],
    ...['  - name: app', '    image: x', '    resources:', '      requests: {cpu: 1}', '      # limits:', '      #   cpu: 2', ...(added ? [added] : []), '    # the sidecar'],
    ...['  - name: sidecar', '    image: z', '    resources:', '      requests: {cpu: 1}', ...(added ? [added] : []), '', '      # limits: {cpu: 2}'],
  );

/** The same as pretty-printed JSON, its capabilities one key per line. */
const prettyJsonWithCapabilities = (line: string) =>
  lines(
    '{',
    '  "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},',
    '  "spec": {',
    '    "securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},',
    '    "containers": [{"name": "app", "image": "x", "securityContext": {',
    '      "allowPrivilegeEscalation": false,',
    '      "capabilities": {',
    line,
    '      }',
    '    }}]',
    '  }',
    '}',
  );

const cases: Case[] = [
  {
    name: 'flips a YAML 1.1 boolean in its own spelling, keeping the comment and its spacing',
    level: 'baseline',
    before: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: app', '    image: x', '    securityContext:', '      privileged: Yes   # for now'),
    after: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: app', '    image: x', '    securityContext:', '      privileged: No   # for now'),
  },
  {
    name: 'flips a quoted string and keeps the quotes',
    level: 'baseline',
    before: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', "    securityContext: {procMount: 'Unmasked'}"),
    after: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', "    securityContext: {procMount: 'Default'}"),
  },
  {
    name: 'turns the host namespaces off',
    level: 'baseline',
    before: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostPID: true', '  hostIPC: on', '  containers:', '  - {name: app, image: x}'),
    after: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostPID: false', '  hostIPC: off', '  containers:', '  - {name: app, image: x}'),
  },
  {
    name: 'adds to an existing securityContext with 4-space indentation and indented sequences',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '    name: p',
      'spec:',
      '    securityContext:',
      '        runAsNonRoot: true',
      '        seccompProfile:',
      '            type: RuntimeDefault',
      '    containers:',
      '        - name: app',
      '          image: x',
      '          securityContext:',
      '              allowPrivilegeEscalation: false',
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '    name: p',
      'spec:',
      '    securityContext:',
      '        runAsNonRoot: true',
      '        seccompProfile:',
      '            type: RuntimeDefault',
      '    containers:',
      '        - name: app',
      '          image: x',
      '          securityContext:',
      '              allowPrivilegeEscalation: false',
      '              capabilities:',
      '                  drop:',
      '                      - ALL',
    ),
  },
  {
    name: 'creates a securityContext like the ones beside it (flow list, double quotes)',
    before: lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  template:',
      '    spec:',
      '      securityContext:',
      '        runAsNonRoot: true',
      '        seccompProfile:',
      '          type: RuntimeDefault',
      '      containers:',
      '      - name: web',
      '        image: web:1',
      '        securityContext:',
      '          allowPrivilegeEscalation: false',
      '          capabilities:',
      '            drop: ["ALL"]',
      '      - name: sidecar',
      '        image: sidecar:1',
      '',
      '      # volumes below',
      '      volumes:',
      '      - name: data',
      '        emptyDir: {}',
    ),
    after: lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  template:',
      '    spec:',
      '      securityContext:',
      '        runAsNonRoot: true',
      '        seccompProfile:',
      '          type: RuntimeDefault',
      '      containers:',
      '      - name: web',
      '        image: web:1',
      '        securityContext:',
      '          allowPrivilegeEscalation: false',
      '          capabilities:',
      '            drop: ["ALL"]',
      '      - name: sidecar',
      '        image: sidecar:1',
      '        securityContext:',
      '          allowPrivilegeEscalation: false',
      '          capabilities:',
      '            drop: ["ALL"]',
      '',
      '      # volumes below',
      '      volumes:',
      '      - name: data',
      '        emptyDir: {}',
    ),
  },
  {
    name: 'fills an empty `{}` and an empty value as block maps',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  securityContext: {}',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext:   # to do',
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  securityContext:',
      '    runAsNonRoot: true',
      '    seccompProfile:',
      '      type: RuntimeDefault',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext:   # to do',
      '      allowPrivilegeEscalation: false',
      '      capabilities:',
      '        drop:',
      '        - ALL',
    ),
  },
  {
    // What `securityContext:` + `{{- toYaml .Values.securityContext | nindent 12 }}` renders for an empty map.
    name: 'fills an empty `{}` on the line under its key as block maps, in place of that line',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  securityContext:',
      '    {}',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext:',
      '      {} # from values',
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  securityContext:',
      '    runAsNonRoot: true',
      '    seccompProfile:',
      '      type: RuntimeDefault',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext: # from values',
      '      allowPrivilegeEscalation: false',
      '      capabilities:',
      '        drop:',
      '        - ALL',
    ),
  },
  {
    name: 'writes into flow collections in flow style',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: flow}',
      'spec:',
      '  securityContext: {runAsNonRoot: true}',
      '  containers: [{name: app, image: "x", securityContext: {privileged: true}},',
      '    {name: sidecar, image: "y", ports: [{containerPort: 8080, hostPort: 8080}]}]',
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: flow}',
      'spec:',
      '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
      '  containers: [{name: app, image: "x", securityContext: {privileged: false, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}},',
      '    {name: sidecar, image: "y", ports: [{containerPort: 8080}], securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]',
    ),
  },
  {
    name: 'removes host ports: the next key moves up after the dash',
    level: 'baseline',
    before: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', '    ports:', '    - hostPort: 80  # the node port', '      containerPort: 80', '    - containerPort: 81', '      hostPort: 81'),
    after: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', '    ports:', '    - containerPort: 80', '    - containerPort: 81'),
  },
  {
    name: 'removes forbidden capabilities and keeps the allowed ones; a list left empty goes',
    level: 'baseline',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '  - name: a',
      '    image: x',
      '    securityContext:',
      '      capabilities:',
      '        add: [NET_ADMIN, CHOWN, SYS_TIME]',
      '  - name: b',
      '    image: x',
      '    securityContext:',
      '      capabilities:',
      '        add:',
      '        - SYS_ADMIN',
      '        drop: [NET_RAW]',
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '  - name: a',
      '    image: x',
      '    securityContext:',
      '      capabilities:',
      '        add: [CHOWN]',
      '  - name: b',
      '    image: x',
      '    securityContext:',
      '      capabilities:',
      '        drop: [NET_RAW]',
    ),
  },
  {
    name: 'drops ALL next to an existing drop list, quoted like its items',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
      '  containers:',
      '  - name: a',
      '    image: x',
      '    securityContext:',
      '      allowPrivilegeEscalation: false',
      '      capabilities:',
      "        add: ['NET_BIND_SERVICE']",
      '        drop:',
      "        - 'NET_RAW'",
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
      '  containers:',
      '  - name: a',
      '    image: x',
      '    securityContext:',
      '      allowPrivilegeEscalation: false',
      '      capabilities:',
      "        add: ['NET_BIND_SERVICE']",
      '        drop:',
      "        - 'NET_RAW'",
      "        - 'ALL'",
    ),
  },
  {
    name: 'removes unsafe sysctls, custom SELinux options and probe hosts',
    level: 'baseline',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext:',
      '    seLinuxOptions:',
      '      user: system_u',
      '      level: "s0:c1,c2"',
      '    sysctls:',
      '    - name: kernel.msgmax',
      '      value: "65536"',
      '    - name: net.ipv4.tcp_syncookies',
      '      value: "1"',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    readinessProbe:',
      '      httpGet:',
      '        host: 10.0.0.1',
      '        port: 8080',
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext:',
      '    seLinuxOptions:',
      '      level: "s0:c1,c2"',
      '    sysctls:',
      '    - name: net.ipv4.tcp_syncookies',
      '      value: "1"',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    readinessProbe:',
      '      httpGet:',
      '        port: 8080',
    ),
  },
  {
    name: 'leaves `{}` where every key of a map is removed',
    level: 'baseline',
    before: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', '    securityContext:', '      capabilities:', '        add: [SYS_ADMIN]'),
    after: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', '    securityContext:', '      capabilities: {}'),
  },
  {
    // Intel's device plugins set only a custom type: the options go whole, not as `seLinuxOptions: {}`.
    name: 'removes seLinuxOptions whole when every option in it is forbidden',
    level: 'baseline',
    before: lines(
      ...['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  securityContext:', '    seLinuxOptions:', '      role: sysadm_r', '  containers:', '  - name: app', '    image: x'],
      ...['    securityContext:', '      seLinuxOptions:', '        type: "container_device_plugin_t"', '      readOnlyRootFilesystem: true'],
    ),
    after: lines(
      ...['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  securityContext: {}', '  containers:', '  - name: app', '    image: x'],
      ...['    securityContext:', '      readOnlyRootFilesystem: true'],
    ),
  },
  {
    name: 'replaces runAsUser: 0 with runAsNonRoot: true',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext:',
      '    runAsUser: 0',
      '    seccompProfile: {type: RuntimeDefault}',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext:',
      '    seccompProfile: {type: RuntimeDefault}',
      '    runAsNonRoot: true',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    ),
  },
  {
    name: 'fixes AppArmor in the form the manifest uses: annotation or field',
    level: 'baseline',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  annotations:',
      '    container.apparmor.security.beta.kubernetes.io/app: unconfined',
      'spec:',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext:',
      '      appArmorProfile:',
      '        type: Unconfined',
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  annotations:',
      '    container.apparmor.security.beta.kubernetes.io/app: runtime/default',
      'spec:',
      '  containers:',
      '  - name: app',
      '    image: x',
      '    securityContext:',
      '      appArmorProfile:',
      '        type: RuntimeDefault',
    ),
  },
  {
    name: 'fixes legacy seccomp annotations at the versions that read them',
    level: 'baseline',
    version: 18,
    before: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  annotations:', '    seccomp.security.alpha.kubernetes.io/pod: "unconfined"', 'spec:', '  containers:', '  - {name: app, image: x}'),
    after: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  annotations:', '    seccomp.security.alpha.kubernetes.io/pod: "runtime/default"', 'spec:', '  containers:', '  - {name: app, image: x}'),
  },
  {
    name: 'sets seccomp per container when another container has its own profile',
    before: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext: {runAsNonRoot: true}',
      '  containers:',
      '  - name: a',
      '    image: x',
      '    securityContext:',
      '      allowPrivilegeEscalation: false',
      '      capabilities: {drop: [ALL]}',
      '      seccompProfile: {type: Localhost, localhostProfile: a.json}',
      '  - name: b',
      '    image: x',
      '    securityContext:',
      '      allowPrivilegeEscalation: false',
      '      capabilities: {drop: [ALL]}',
    ),
    after: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext: {runAsNonRoot: true}',
      '  containers:',
      '  - name: a',
      '    image: x',
      '    securityContext:',
      '      allowPrivilegeEscalation: false',
      '      capabilities: {drop: [ALL]}',
      '      seccompProfile: {type: Localhost, localhostProfile: a.json}',
      '  - name: b',
      '    image: x',
      '    securityContext:',
      '      allowPrivilegeEscalation: false',
      '      capabilities: {drop: [ALL]}',
      '      seccompProfile: {type: RuntimeDefault}',
    ),
  },
  {
    // One short change where the pod's securityContext is, not one suggestion across every container between them (kube-prometheus's blackbox-exporter).
    name: 'sets seccomp once for the pod when more than one container lacks a profile, leaving a container its own',
    before: twoWithoutProfile('  securityContext: {runAsNonRoot: true}'),
    after: twoWithoutProfile('  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}'),
  },
  {
    name: 'turns Windows HostProcess off together with the host network it requires',
    level: 'baseline',
    before: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: true', '  securityContext:', '    windowsOptions: {hostProcess: true}', '  containers:', '  - {name: app, image: x}'),
    after: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: false', '  securityContext:', '    windowsOptions: {hostProcess: false}', '  containers:', '  - {name: app, image: x}'),
  },
  {
    // bank-of-anthos drops `all`: the check reads `ALL` only, and `- all` then `- ALL` reads as a mistake kept.
    name: 'spells a lower-case `all` in the drop list `ALL`, rather than adding `ALL` beside it',
    before: podWithCapabilities('      capabilities:\n        drop:\n          - all'),
    after: podWithCapabilities('      capabilities:\n        drop:\n          - ALL'),
  },
  {
    // prometheus-rabbitmq-exporter: the flow list's only item goes and `ALL` comes, in its place.
    name: 'spells the only item of a flow drop list, `"all"`, `"ALL"`',
    before: podWithCapabilities('      capabilities:\n        drop: ["all"]'),
    after: podWithCapabilities('      capabilities:\n        drop: ["ALL"]'),
  },
  {
    name: 'keeps the other items of a flow drop list when it spells `All` as `ALL`',
    before: podWithCapabilities('      capabilities: {drop: [All, NET_RAW]}'),
    after: podWithCapabilities('      capabilities: {drop: [NET_RAW, ALL]}'),
  },
  {
    name: 'refills a flow map whose every key goes: `add` becomes `drop: [ALL]`, the comment after it stays',
    before: podWithCapabilities('      capabilities: {add: [NET_ADMIN, SYS_TIME]}   # for the VPN'),
    after: podWithCapabilities('      capabilities: {drop: [ALL]}   # for the VPN'),
  },
  {
    name: 'refills a flow map whose every key goes: `runAsUser: 0` becomes `runAsNonRoot: true`',
    before: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  securityContext: {runAsUser: 0}', '  containers:', '  - name: app', '    image: x', '    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}'),
    after: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  securityContext: {runAsNonRoot: true}', '  containers:', '  - name: app', '    image: x', '    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}'),
  },
  {
    name: 'refills a flow map in single-line JSON with JSON',
    before: lines(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},"containers":[{"name":"app","image":"x","securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"add":["NET_ADMIN"]}}}]}}',
    ),
    after: lines(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},"containers":[{"name":"app","image":"x","securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop": ["ALL"]}}}]}}',
    ),
  },
  {
    // openfaas' pro-builder values: a commented-out `# limits:` under `resources` stays with it.
    name: "writes a new key after the comment lines that the last value's indentation holds, before a blank line or a comment of its own",
    before: withCommentedLimits(''),
    after: withCommentedLimits('    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'),
  },
  {
    // `helm create`'s values keep the secure settings as comments: the fix writes them, and their commented copies go.
    name: 'writes new entries in place of commented-out copies of them right below, keeping the other comments',
    before: lines(
      ...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  securityContext:', '    runAsNonRoot: true'],
      ...['    # seccompProfile:', '    #   type: RuntimeDefault', '    # fsGroup: 2000', '  containers:', '    - name: app', '      image: x'],
      ...['      securityContext: {}', '        # allowPrivilegeEscalation: false', '        # capabilities:', '        #   drop:', '        #   - ALL'],
    ),
    after: lines(
      ...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  securityContext:', '    runAsNonRoot: true'],
      ...['    seccompProfile:', '      type: RuntimeDefault', '    # fsGroup: 2000', '  containers:', '    - name: app', '      image: x'],
      ...['      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop:', '            - ALL'],
    ),
  },
  {
    name: 'refills a flow map of pretty-printed JSON one key per line',
    before: prettyJsonWithCapabilities('        "add": ["NET_ADMIN", "SYS_TIME"]'),
    after: prettyJsonWithCapabilities('        "drop": ["ALL"]'),
  },
];

describe('fixed text', () => {
  it.each(cases)('$name', ({ level = 'restricted', version = 37, before, after }) => {
    const fixed = fixText('case.yaml', before, { level, version });
    expect(fixed.problems).toEqual([]);
    for (const pod of fixed.pods) expect(pod.fixes.map((f) => [f.check, f.fix !== null])).toEqual(pod.failures.map((f) => [f.check, true]));
    expect(fixed.text).toBe(after);
    // The fix is complete: a second run finds nothing to do.
    const again = fixText('case.yaml', fixed.text, { level, version });
    expect(again.pods.flatMap((p) => p.failures)).toEqual([]);
  });
});

describe('line endings, BOM and the end of the file', () => {
  const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: app', '    image: x'];
  const fixedPod = [...pod, '    securityContext:', '      allowPrivilegeEscalation: false', '      capabilities:', '        drop:', '        - ALL', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault'];

  it('writes new lines with CRLF in a CRLF file, and leaves the other lines as they were', () => {
    const fixed = fixText('crlf.yaml', `${pod.join('\r\n')}\r\n`, { level: 'restricted', version: 'latest' });
    expect(fixed.text).toBe(`${fixedPod.join('\r\n')}\r\n`);
  });

  it('adds lines at the end of a file without a final newline, and keeps it without one', () => {
    const fixed = fixText('eof.yaml', pod.join('\n'), { level: 'restricted', version: 'latest' });
    expect(fixed.text).toBe(fixedPod.join('\n'));
    // GitHub's handling of a suggestion on such a last line is unknown: never attachable.
    expect(fixed.suggestions.every((s) => !s.attachable)).toBe(true);
  });

  it('keeps a byte order mark', () => {
    const fixed = fixText('bom.yaml', `\uFEFF${pod.join('\n')}\n`, { level: 'restricted', version: 'latest' });
    expect(fixed.text).toBe(`\uFEFF${fixedPod.join('\n')}\n`);
  });

  it('suggestions carry LF line breaks, even in a CRLF file', () => {
    const fixed = fixText('crlf.yaml', `${pod.join('\r\n')}\r\n`, { level: 'restricted', version: 'latest' });
    expect(fixed.suggestions.map((s) => s.replacement).join('')).not.toContain('\r');
  });
});

describe('several documents', () => {
  it('fixes the documents that need it and leaves the others byte for byte', () => {
    const first = lines('# config', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  privileged: "true"');
    const second = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', '    securityContext: {privileged: true}');
    const fixed = fixText('multi.yaml', `${first}---\n${second}`, { level: 'baseline', version: 'latest' });
    expect(fixed.text).toBe(`${first}---\n${second.replace('privileged: true', 'privileged: false')}`);
  });

  it('leaves a malformed document alone and fixes the others', () => {
    const broken = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: broken', 'spec: {}');
    const pod = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: true', '  containers: [{name: app, image: x}]');
    const fixed = fixText('mixed.yaml', `${broken}---\n${pod}`, { level: 'baseline', version: 'latest' });
    expect(fixed.problems.map((p) => p.kind)).toEqual(['malformed']);
    expect(fixed.text).toBe(`${broken}---\n${pod.replace('hostNetwork: true', 'hostNetwork: false')}`);
  });
});
