/**
 * The words shown instead of a fix (or next to one): why there is no safe
 * mechanical fix, what the options are, and an example that is explicitly
 * marked as not applicable as-is, because it needs a choice only the author
 * can make (which storage, which UID).
 */
import type { FixableCheck } from './types.js';

/** A fenced YAML example whose first line says it cannot be applied as it is. */
export function illustrative(yaml: string): string {
  return [
    'Illustrative example, not applicable as-is:',
    '```yaml',
    '# Illustrative only: adapt the names and values before using it.',
    yaml.trimEnd(),
    '```',
  ].join('\n');
}

/** What to do by hand, per check, with an example. */
const guidance: Record<FixableCheck, { readonly text: string; readonly example: string }> = {
  allowPrivilegeEscalation: {
    text: 'Set `securityContext.allowPrivilegeEscalation: false` in every container named in the finding.',
    example: 'containers:\n- name: app\n  securityContext:\n    allowPrivilegeEscalation: false',
  },
  appArmorProfile: {
    text: 'Use the runtime\'s default AppArmor profile (`appArmorProfile.type: RuntimeDefault`, or the annotation value `runtime/default`), or a profile loaded on the nodes (`Localhost`).',
    example: 'securityContext:\n  appArmorProfile:\n    type: RuntimeDefault',
  },
  capabilities_baseline: {
    text: 'Remove the capabilities outside the baseline set from `securityContext.capabilities.add`.',
    example: 'securityContext:\n  capabilities:\n    add: ["NET_BIND_SERVICE"]',
  },
  capabilities_restricted: {
    text: 'Drop every capability and add back at most `NET_BIND_SERVICE`.',
    example: 'securityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]   # only if the process binds a port below 1024',
  },
  hostNamespaces: {
    text: 'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to `false`). A workload that really needs the node\'s namespaces (a node agent) cannot meet this level: run it in a namespace labelled with a less strict Pod Security level.',
    // Names all three fields: the example must fit whichever namespace the finding is about.
    example: 'spec:\n  hostNetwork: false\n  hostPID: false\n  hostIPC: false',
  },
  hostPathVolumes: {
    text: 'Replace the hostPath volume with a volume type that does not expose the node\'s file system.',
    example: 'volumes:\n- name: data\n  emptyDir: {}',
  },
  hostPorts: {
    text: 'Remove `hostPort` and publish the port through a Service instead.',
    example: 'ports:\n- containerPort: 8080   # reach it through a Service, not the node\'s port',
  },
  hostProbesAndHostLifecycle: {
    text: 'Remove `host` from the probe or lifecycle handler: it then targets the pod\'s own IP address.',
    example: 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080',
  },
  privileged: {
    text: 'Remove `securityContext.privileged` or set it to `false`; grant only the capabilities the process needs.',
    example: 'securityContext:\n  privileged: false',
  },
  procMount: {
    text: 'Remove `securityContext.procMount` or set it to `Default`.',
    example: 'securityContext:\n  procMount: Default',
  },
  procMount_restricted: {
    text: 'Remove `securityContext.procMount` or set it to `Default`.',
    example: 'securityContext:\n  procMount: Default',
  },
  restrictedVolumes: {
    text: 'Use one of the allowed volume types: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret.',
    example: 'volumes:\n- name: data\n  persistentVolumeClaim:\n    claimName: data',
  },
  runAsNonRoot: {
    text: 'Set `securityContext.runAsNonRoot: true` (at pod level it covers every container) and make sure the image runs as a non-root user.',
    example: 'spec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001   # a UID the image supports',
  },
  runAsUser: {
    text: 'Remove `runAsUser: 0`, or set a non-zero UID that the image supports, and set `runAsNonRoot: true`.',
    example: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001   # a UID the image supports',
  },
  seLinuxOptions: {
    text: 'Remove `seLinuxOptions.user` and `.role`, and any `type` other than container_t, container_init_t, container_kvm_t (or container_engine_t from v1.31).',
    example: 'securityContext:\n  seLinuxOptions:\n    level: "s0:c123,c456"',
  },
  seccompProfile_baseline: {
    text: 'Use the runtime\'s default seccomp profile (`seccompProfile.type: RuntimeDefault`, or the annotation value `runtime/default`) or a `Localhost` profile.',
    example: 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault',
  },
  seccompProfile_restricted: {
    text: 'Set `securityContext.seccompProfile.type` to `RuntimeDefault` (or `Localhost`), at pod level to cover every container.',
    example: 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault',
  },
  sysctls: {
    text: 'Remove the sysctls outside the safe set; a workload that needs them cannot meet this level.',
    example: 'securityContext:\n  sysctls:\n  - name: net.ipv4.ip_local_port_range\n    value: "32768 60999"',
  },
  windowsHostProcess: {
    text: 'Remove `windowsOptions.hostProcess` or set it to `false`: HostProcess containers need the privileged level.',
    example: 'securityContext:\n  windowsOptions:\n    hostProcess: false',
  },
  'advice.readOnlyRootFilesystem': {
    text: 'Set `securityContext.readOnlyRootFilesystem: true` in every container named in the finding, and mount an `emptyDir` volume where the process writes.',
    example: 'containers:\n- name: app\n  securityContext:\n    readOnlyRootFilesystem: true\n  volumeMounts:\n  - name: tmp\n    mountPath: /tmp\nvolumes:\n- name: tmp\n  emptyDir: {}',
  },
  'advice.automountServiceAccountToken': {
    text: 'Set `automountServiceAccountToken: false` in the pod spec unless the pod calls the Kubernetes API.',
    example: 'spec:\n  automountServiceAccountToken: false',
  },
};

/** A note for a finding whose fix had to be withdrawn, with the reason and the manual way. */
export function noSafeFix(check: FixableCheck, reason: string): string {
  const { text, example } = guidance[check];
  return `No safe mechanical fix was found: ${reason}. ${text}\n\n${illustrative(example)}`;
}

/**
 * A note whose reason is its own first paragraph, then the check's guidance
 * and example: a reason the same for several checks (a shared node, the
 * whole file) is shown once by a review comment about them
 * (report/commentBody.ts).
 */
function noSuggestion(check: FixableCheck, reason: string): string {
  const { text, example } = guidance[check];
  return `No suggestion: ${reason}.\n\n${text}\n\n${illustrative(example)}`;
}

/**
 * Said instead of a suggestion whose fix reaches lines outside the pull
 * request's diff, set aside so that a fix of lines the change wrote gets a
 * suggestion of its own (fixFile.ts): `fix` on the file writes both.
 */
export function besideTheChange(check: FixableCheck, file: string): string {
  // The words a review comment says of any fix outside the diff (report/commentBody.ts), so that it says them once.
  return noSuggestion(check, `the fix changes lines outside this pull request's diff; \`pod-security-review fix ${file}\` applies it`);
}

/**
 * Said instead of a suggestion whose fix would join a blocking fix's into
 * one too long to read (FileFixer's besideBlocking): the blocking fix has a
 * short suggestion of its own, and `fix` applies this one.
 */
export function besideABlockingFix(check: FixableCheck, file: string, lines: number): string {
  return noSuggestion(check, `with the blocking fix, the suggestion would be ${lines} lines long, so the blocking fix has one of its own; \`pod-security-review fix ${file}\` applies this one`);
}

/**
 * Said of a warning whose fix removes whole what a blocking fix removes part
 * of (restricted's whole `capabilities.add` beside baseline's one item): the
 * blocking fix keeps the short one (a suggestion, or an example where a
 * chart's template writes the list), and the two cannot both be written.
 * Once the blocking one is made, nothing blocks, and this one is offered.
 */
export function besideABlockingRemoval(check: FixableCheck): string {
  return noSuggestion(check, 'the fix removes whole what the blocking fix on these lines removes part of, and the two cannot be written at once: the blocking fix comes first, and this one once that is made');
}

/** Said instead of a fix in a file read as kubectl reads it but not written in UTF-8 (UTF-16, bytes that are not UTF-8). */
export function notUtf8(check: FixableCheck): string {
  return noSuggestion(check, 'the file is not UTF-8 as written (it is UTF-16, or has bytes that are not UTF-8), and fixes are written into UTF-8 text only; save it as UTF-8 to get one');
}

/** Said instead of a fix in a file of several JSON objects one after another (kubectl reads each), whose fixes are not written. */
export function inJsonStream(check: FixableCheck): string {
  return noSuggestion(check, 'the file holds several JSON objects one after another, and fixes are not written into such a file; put each object in a file of its own, or in a List, to get one');
}

/**
 * A note for a fix that would have to edit a node shared with other places
 * (anchors, aliases, merge keys). Its first paragraph, the same for every
 * check failing on that node, says why; a review comment about several
 * checks shows it once (report/commentBody.ts).
 */
export function sharedNode(check: FixableCheck, reason: string): string {
  return noSuggestion(
    check,
    `the field to change is shared with another place (${reason}); an edit where it is defined changes every place that uses it. ` +
      'Edit it there if they all should change, or give this pod spec its own value',
  );
}

/** How the caveat of a fix that edits a shared node begins, for reporters that show only it. */
export const sharedCaveatLead = 'The edit is made where the value is defined';

/** Said with a fix that edits a shared node: the other users were checked. */
export function sharedCaveat(reason: string): string {
  return `${sharedCaveatLead} (${reason}); the other places that use it were checked and do not change.`;
}

/** The prefix of the note of a finding whose fix was not computed (the file's work budget was used up). */
export const notComputedLead = 'not computed:';

/** What the note of a fix the engine failed to compute (a bug in it) says: a run tells these from budgets that ran out. */
export const internalErrorWords = 'an internal error, please report it';

/**
 * Said of every finding of a file on which the fix engine threw (a bug in
 * it): the findings are reported whole, without fixes, and the other files
 * are fixed as usual.
 */
export function fixEngineFailed(message: string): string {
  return `${notComputedLead} the fix engine failed on this file (${internalErrorWords}: ${message}); the finding itself is complete.`;
}

/** Said of a finding of a rendering when verifying the suggestions of the renderings threw (a bug): none is offered. */
export function verificationFailed(message: string): string {
  return `${notComputedLead} verifying the suggestions of the renderings failed (${internalErrorWords}: ${message}); the finding itself is complete.`;
}

/** Said when the file's work budget for fixes ran out before this finding's fix was tried. */
export function notComputed(budget: number): string {
  return `${notComputedLead} the file's work budget for fixes (${budget.toLocaleString('en-US')} characters verified) ran out before this finding; the finding itself is complete. \`pod-security-review fix\` has no budget and computes it.`;
}

/** Said with a fix within a line too long to repeat in a suggestion (a single-line JSON document). */
export function longLineNote(edit: { readonly start: number; readonly end: number }, line: number): string {
  return `Line ${line} is too long to repeat in a suggestion: the fix replaces bytes ${edit.start}–${edit.end} of the file (\`fix.edit\` in the JSON report; \`pod-security-review fix\` applies it).`;
}

/** Said with a fix made at an anchor that several pod specs use, all of which fail the check. */
export function anchorCaveat(reason: string, podSpecs: number): string {
  return `${sharedCaveatLead} (${reason}); it fixes all ${podSpecs} pod specs that use it, which all fail this check, and was checked on each of them.`;
}

export interface VolumeInfo {
  readonly name: string;
  readonly type: string;
}

/**
 * Notes another check's note says for them when both are about one line:
 * the volume types restricted allows are allowed by hostPathVolumes too,
 * which forbids hostPath alone, so restrictedVolumes' options serve both.
 */
export const noteSaidBy: ReadonlyMap<string, FixableCheck> = new Map([['hostPathVolumes', 'restrictedVolumes']]);

/** Past this many volumes of one type, a note counts them rather than naming each. */
const manyVolumes = 3;

/** The note for volumes of a type the level forbids: only the author knows where the data should come from. */
export function volumeNote(check: 'hostPathVolumes' | 'restrictedVolumes', volumes: readonly VolumeInfo[]): string {
  // Many volumes of one type are counted: the message beside the note names each (node-feature-discovery's eight hostPaths).
  const types = new Set(volumes.map((v) => v.type));
  const named = `${volumes.length === 1 ? 'volume' : 'volumes'} ${volumes.map((v) => `"${v.name}" (${v.type})`).join(', ')}`;
  const which = volumes.length > manyVolumes && types.size === 1 ? `the ${volumes.length} ${[...types][0]!} volumes` : named;
  const first = volumes[0]?.name ?? 'data';
  const hostPath = volumes.some((v) => v.type === 'hostPath');
  const allowed =
    check === 'hostPathVolumes'
      ? 'any volume type other than hostPath'
      : 'configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret';
  const options = [
    `No suggestion: replacing ${which} needs a choice only you can make. Options:`,
    `- keep the data in the cluster with a volume type the level allows (${allowed}): a persistentVolumeClaim for durable data, emptyDir for scratch space, configMap or secret for configuration;`,
    ...(hostPath || check === 'restrictedVolumes'
      ? ['- for network or cloud storage, mount it through a PersistentVolume and a persistentVolumeClaim, or a CSI driver, instead of the in-line volume source;']
      : []),
    '- if the pod really needs the node\'s files or this storage in-line (a node agent, a log collector), it cannot meet this level: run it in a namespace labelled with a less strict Pod Security level.',
  ];
  const example = `volumes:\n- name: ${first}\n  persistentVolumeClaim:\n    claimName: ${first}-data   # a claim you create for this data`;
  return `${options.join('\n')}\n\n${illustrative(example)}`;
}
