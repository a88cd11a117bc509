/**
 * PodSecurityPolicy leftovers (pure). PSP was removed in Kubernetes v1.25:
 * an object of that kind in a repository protects nothing any more. Each
 * one a change adds or modifies gets a non-blocking finding on its `kind`
 * line that maps the policy to the closest Pod Security Standards level,
 * following Kubernetes' "Mapping PodSecurityPolicies to Pod Security
 * Standards" table field by field, and shows the namespace labels that
 * replace it.
 */
import type { Finding } from '../../findings/types.js';
import { locate } from '../../locate/locate.js';
import type { ManifestDocument } from '../../manifests/types.js';
import { allowedV1_0 as allowedCapabilities } from '../../pss/checks/capabilitiesBaseline.js';
import { allowedVolumeSources } from '../../pss/checks/restrictedVolumes.js';
import { allowedTypesV1_31 } from '../../pss/checks/seLinuxOptions.js';
import { allowedV1_37 } from '../../pss/checks/sysctls.js';
import { bool, isObject, list, obj, str } from '../../pss/pod.js';
import type { JsonObject, JsonValue, Level } from '../../pss/types.js';
import { pspCheckId } from './extraChecks.js';
import { objectsOf } from './objects.js';
import type { ExtraChecks } from './settings.js';

const pspApiVersions = new Set(['policy/v1beta1', 'extensions/v1beta1']);

/** The newest lists of the baseline and restricted checks: PSA replaces a PSP at its latest version. */
const baselineCapabilities = allowedCapabilities;
const restrictedVolumes = new Set<string>(allowedVolumeSources);
const baselineSeLinuxTypes = allowedTypesV1_31;
const restrictedSeccomp = /^(runtime\/default|docker\/default|localhost\/.+)$/;
const safeSysctls = allowedV1_37;

const strings = (value: JsonValue[]): string[] => value.map((v) => (typeof v === 'string' ? v : ''));

/** What the policy allows that a level forbids: the settings that keep it from that level. */
export interface PspMapping {
  readonly level: Level;
  /** Settings that keep it from baseline (empty unless privileged). */
  readonly beyondBaseline: readonly string[];
  /** Settings that keep it from restricted (empty when restricted). */
  readonly beyondRestricted: readonly string[];
}

export function mapPodSecurityPolicy(spec: JsonObject, annotations: Readonly<Record<string, string>>): PspMapping {
  const baseline: string[] = [];
  const restricted: string[] = [];
  if (bool(spec, 'privileged')) baseline.push('privileged: true');
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) if (bool(spec, key)) baseline.push(`${key}: true`);
  if (list(spec, 'hostPorts').length > 0) baseline.push('hostPorts');
  const capabilities = [...strings(list(spec, 'allowedCapabilities')), ...strings(list(spec, 'defaultAddCapabilities'))];
  const extraCapabilities = [...new Set(capabilities.filter((c) => !baselineCapabilities.has(c)))];
  if (extraCapabilities.length > 0) baseline.push(`allowedCapabilities ${extraCapabilities.join(', ')}`);
  else if (capabilities.some((c) => c !== 'NET_BIND_SERVICE')) restricted.push('allowedCapabilities beyond NET_BIND_SERVICE');
  if (!strings(list(spec, 'requiredDropCapabilities')).includes('ALL')) restricted.push('requiredDropCapabilities without ALL');
  // No `volumes` allows none; `*` allows every type.
  const volumes = strings(list(spec, 'volumes'));
  if (volumes.includes('*') || volumes.includes('hostPath')) baseline.push(`volumes ${volumes.includes('*') ? '*' : 'hostPath'}`);
  const otherVolumes = volumes.filter((v) => !restrictedVolumes.has(v) && v !== '*' && v !== 'hostPath');
  if (otherVolumes.length > 0 || volumes.includes('*') || volumes.includes('hostPath')) restricted.push(`volume types beyond ${allowedVolumeSources.join(', ')}`);
  const seLinux = obj(spec, 'seLinux');
  const seLinuxOptions = obj(seLinux, 'seLinuxOptions');
  if (str(seLinux, 'rule') === 'MustRunAs' && (str(seLinuxOptions, 'user') !== '' || str(seLinuxOptions, 'role') !== '' || !baselineSeLinuxTypes.has(str(seLinuxOptions, 'type')))) {
    baseline.push('seLinux options with a custom user, role or type');
  }
  const procMounts = strings(list(spec, 'allowedProcMountTypes'));
  if (procMounts.some((t) => t !== 'Default')) baseline.push('allowedProcMountTypes Unmasked');
  const unsafeSysctls = strings(list(spec, 'allowedUnsafeSysctls')).filter((s) => !safeSysctls.has(s));
  if (unsafeSysctls.length > 0) baseline.push(`allowedUnsafeSysctls ${unsafeSysctls.join(', ')}`);
  if (spec.allowPrivilegeEscalation !== false) restricted.push('allowPrivilegeEscalation not false');
  const runAsUser = obj(spec, 'runAsUser');
  const rule = str(runAsUser, 'rule');
  const ranges = list(runAsUser, 'ranges').filter(isObject);
  const nonRoot = rule === 'MustRunAsNonRoot' || (rule === 'MustRunAs' && ranges.length > 0 && ranges.every((r) => typeof r.min === 'number' && r.min > 0));
  if (!nonRoot) restricted.push(`runAsUser rule ${rule === '' ? '(none)' : rule} allows root`);
  const seccomp = annotations['seccomp.security.alpha.kubernetes.io/allowedProfileNames'];
  const profiles = seccomp === undefined ? [] : seccomp.split(',').map((p) => p.trim());
  if (profiles.includes('unconfined')) baseline.push('seccomp profile unconfined');
  if (profiles.length === 0 || !profiles.every((p) => restrictedSeccomp.test(p))) restricted.push('seccomp profiles other than runtime/default or localhost/*');
  const level: Level = baseline.length > 0 ? 'privileged' : restricted.length > 0 ? 'baseline' : 'restricted';
  return { level, beyondBaseline: baseline, beyondRestricted: level === 'restricted' ? [] : restricted };
}

/** The namespace labels that replace a PSP of this level (warn one level up, to see what restricted would need). */
export function replacementLabels(level: Level): string {
  const lines = ['metadata:', '  labels:', `    pod-security.kubernetes.io/enforce: ${level}`, '    pod-security.kubernetes.io/enforce-version: latest'];
  if (level !== 'restricted') lines.push('    pod-security.kubernetes.io/warn: restricted', '    pod-security.kubernetes.io/warn-version: latest');
  return lines.join('\n');
}

export interface PodSecurityPolicyObject {
  readonly name: string;
  readonly apiVersion: string;
  readonly spec: JsonObject;
  readonly annotations: Readonly<Record<string, string>>;
  readonly kindLine: number;
}

/** The PodSecurityPolicy objects of a document. */
export function podSecurityPolicies(document: ManifestDocument): PodSecurityPolicyObject[] {
  return objectsOf(document)
    .filter((o) => o.kind === 'PodSecurityPolicy' && pspApiVersions.has(o.apiVersion))
    .map((o) => {
      const metadata = obj(o.value, 'metadata');
      const annotations = Object.fromEntries(Object.entries(obj(metadata, 'annotations') ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return { name: str(metadata, 'name'), apiVersion: o.apiVersion, spec: obj(o.value, 'spec') ?? {}, annotations, kindLine: locate(document.source, [...o.path, 'kind']).line };
    });
}

/** The finding for one PSP; `blocking` when the config says so. */
export function pspFinding(file: string, psp: PodSecurityPolicyObject, blocking: boolean): Finding {
  const mapping = mapPodSecurityPolicy(psp.spec, psp.annotations);
  const why =
    mapping.level === 'privileged'
      ? ` (it allows ${mapping.beyondBaseline.join('; ')})`
      : mapping.level === 'baseline'
        ? ` (restricted would forbid ${mapping.beyondRestricted.join('; ')})`
        : '';
  return {
    file,
    apiVersion: psp.apiVersion,
    kind: 'PodSecurityPolicy',
    namespace: null,
    name: psp.name,
    container: null,
    containers: [],
    check: pspCheckId,
    reason: 'PodSecurityPolicy was removed in Kubernetes v1.25',
    detail: `no current cluster enforces it; the closest Pod Security level is ${mapping.level}${why}`,
    level: mapping.level,
    version: 'latest',
    line: psp.kindLine,
    locations: [{ path: 'kind', line: psp.kindLine, column: 1, exact: true, container: null }],
    mode: blocking ? 'enforce' : 'warn',
    blocking,
    levelSource: { kind: 'advisory', detail: `the settings of PodSecurityPolicy ${psp.name}, mapped to the Pod Security Standards` },
    optOutNote: null,
    fix: null,
    fixNote: `Delete it and label the namespaces whose pods it admitted instead:\n\n\`\`\`yaml\n${replacementLabels(mapping.level)}\n\`\`\``,
  };
}

/** Findings for every PodSecurityPolicy of the documents (`check`: every file counts as new). */
export function pspFindingsOf(documents: readonly ManifestDocument[], checks: ExtraChecks): Finding[] {
  if (!checks.enabled.has(pspCheckId)) return [];
  const blocking = checks.blocking.has(pspCheckId);
  return documents.flatMap((document) => podSecurityPolicies(document).map((psp) => pspFinding(document.file, psp, blocking)));
}

/**
 * Findings for the PodSecurityPolicies a change added or modified: a PSP
 * whose spec and annotations equal a base PSP of the same name (in any
 * changed file) is left alone, like an unchanged pod spec.
 */
export function changedPspFindings(
  head: readonly ManifestDocument[],
  base: readonly ManifestDocument[],
  checks: ExtraChecks,
  same: (a: JsonValue, b: JsonValue) => boolean,
): { finding: Finding; status: 'new' | 'modified' }[] {
  if (!checks.enabled.has(pspCheckId)) return [];
  const before = new Map(base.flatMap((document) => podSecurityPolicies(document).map((psp) => [psp.name, psp] as const)));
  const blocking = checks.blocking.has(pspCheckId);
  return head.flatMap((document) =>
    podSecurityPolicies(document).flatMap((psp) => {
      const old = before.get(psp.name);
      if (old && same(old.spec, psp.spec) && same(old.annotations, psp.annotations)) return [];
      return [{ finding: pspFinding(document.file, psp, blocking), status: old ? ('modified' as const) : ('new' as const) }];
    }),
  );
}
