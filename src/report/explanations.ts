/** Why each check matters, in one sentence a reviewer can act on. */
import { extraWhyItMatters } from '../policy/sources/extraChecks.js';
import type { FindingCheck } from '../policy/sources/extraChecks.js';

export const whyItMatters: Record<FindingCheck, string> = {
  ...extraWhyItMatters,
  allowPrivilegeEscalation: 'A process that can gain more privileges than its parent (setuid binaries, file capabilities) can turn a small compromise into root.',
  appArmorProfile: 'Without an AppArmor profile the container runs unconfined, losing a layer that limits what a compromised process can touch.',
  capabilities_baseline: 'Extra Linux capabilities hand a container pieces of root (network administration, raw sockets, kernel modules) beyond what ordinary workloads need.',
  capabilities_restricted: 'Every capability not dropped is a piece of root the container keeps; restricted pods drop ALL and add back at most NET_BIND_SERVICE.',
  hostNamespaces: "Sharing the node's network, process or IPC namespace lets the pod see and interfere with everything else on the node.",
  hostPathVolumes: "A hostPath volume exposes the node's file system to the pod, a common path to taking over the node.",
  hostPorts: 'A hostPort binds directly on the node, bypassing network policy and limiting where the pod can be scheduled.',
  hostProbesAndHostLifecycle: 'A probe or lifecycle handler with a host makes the kubelet connect to an address the pod chooses, which can be used to reach other services from the node.',
  privileged: 'A privileged container has all capabilities and device access: it is effectively root on the node.',
  procMount: 'An unmasked /proc exposes kernel interfaces that are hidden from containers for a reason.',
  procMount_restricted: 'An unmasked /proc exposes kernel interfaces that are hidden from containers for a reason, even in a user namespace at the restricted level.',
  restrictedVolumes: 'Only volume types that cannot reach node or network storage outside the pod’s control are allowed at the restricted level.',
  runAsNonRoot: 'A container that may run as root makes any escape or misconfiguration far more damaging.',
  runAsUser: 'Running as UID 0 is running as root, whatever the image says.',
  seLinuxOptions: 'Custom SELinux users, roles or types can lift the confinement SELinux gives containers.',
  seccompProfile_baseline: 'Without seccomp every system call is open to the container, including the rarely used ones most kernel exploits need.',
  seccompProfile_restricted: 'Without seccomp every system call is open to the container, including the rarely used ones most kernel exploits need.',
  sysctls: 'Unsafe sysctls change kernel settings shared by every pod on the node.',
  windowsHostProcess: 'A Windows HostProcess container runs directly on the node with its privileges.',
};

/**
 * Each check in words: `control`, the Pod Security Standards control it
 * belongs to (as upstream's documentation names it), and `problem`, what a
 * failing pod spec does, for headlines ("Container `api`: privilege
 * escalation allowed").
 */
export const checkTitles: Record<FindingCheck, { readonly control: string; readonly problem: string }> = {
  allowPrivilegeEscalation: { control: 'Privilege Escalation', problem: 'privilege escalation allowed' },
  appArmorProfile: { control: 'AppArmor', problem: 'AppArmor profile not allowed' },
  capabilities_baseline: { control: 'Capabilities (baseline)', problem: 'capabilities beyond the baseline set' },
  capabilities_restricted: { control: 'Capabilities (restricted)', problem: 'capabilities not dropped' },
  hostNamespaces: { control: 'Host Namespaces', problem: 'host namespaces' },
  hostPathVolumes: { control: 'HostPath Volumes', problem: 'hostPath volume' },
  hostPorts: { control: 'Host Ports', problem: 'host port' },
  hostProbesAndHostLifecycle: { control: 'Host Probes / Lifecycle Hooks', problem: 'probe or lifecycle hook aimed at another host' },
  privileged: { control: 'Privileged Containers', problem: 'privileged container' },
  procMount: { control: '/proc Mount Type', problem: 'unmasked /proc' },
  procMount_restricted: { control: '/proc Mount Type (restricted)', problem: 'unmasked /proc' },
  restrictedVolumes: { control: 'Volume Types', problem: 'volume type not allowed' },
  runAsNonRoot: { control: 'Running as Non-root', problem: 'root not ruled out' },
  runAsUser: { control: 'Running as Non-root user', problem: 'runs as root (UID 0)' },
  seLinuxOptions: { control: 'SELinux', problem: 'custom SELinux options' },
  seccompProfile_baseline: { control: 'Seccomp (baseline)', problem: 'unconfined seccomp profile' },
  seccompProfile_restricted: { control: 'Seccomp (restricted)', problem: 'no seccomp profile' },
  sysctls: { control: 'Sysctls', problem: 'unsafe sysctls' },
  windowsHostProcess: { control: 'HostProcess', problem: 'Windows HostProcess container' },
  'psp.removed': { control: 'PodSecurityPolicy leftover', problem: 'PodSecurityPolicy that nothing enforces' },
  'policy.relaxed': { control: 'Policy change', problem: 'the pull request relaxes the policy that judges it' },
  'advice.readOnlyRootFilesystem': { control: 'Read-only root file system (advice)', problem: 'writable root file system' },
  'advice.automountServiceAccountToken': { control: 'Service account token (advice)', problem: 'service account token mounted' },
  'advice.highUid': { control: 'High UID and GID (advice)', problem: 'UID or GID at most 10000' },
  'advice.dropNetRaw': { control: 'NET_RAW (advice)', problem: 'NET_RAW not dropped' },
  'advice.imageDigest': { control: 'Image digest (advice)', problem: 'image not pinned by digest' },
  'advice.resourceLimits': { control: 'Resource limits (advice)', problem: 'no CPU or memory limits' },
};

/** Upstream's guide from PodSecurityPolicy to Pod Security Admission. */
export const pspMigrationUrl = 'https://kubernetes.io/docs/tasks/configure-pod-container/migrate-from-psp/';

/** Upstream's description of the standards, whose sections cover every check. */
export const standardsUrl = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
