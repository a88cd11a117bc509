/**
 * One fixer per check, mirroring src/pss/checks, and one per advice check
 * with a mechanical fix (src/policy/sources/advice.ts). A fixer reads the failure's
 * field paths and proposes edits (or says why it cannot); the engine
 * renders, groups and verifies them.
 */
import type { FixableAdviceCheck, FixableCheck, Fixer } from '../types.js';
import { fixAllowPrivilegeEscalation } from './allowPrivilegeEscalation.js';
import { fixAppArmorProfile } from './appArmorProfile.js';
import { fixAutomountServiceAccountToken } from './automountServiceAccountToken.js';
import { fixCapabilitiesBaseline, fixCapabilitiesRestricted } from './capabilities.js';
import { fixHostNamespaces } from './hostNamespaces.js';
import { fixHostPorts } from './hostPorts.js';
import { fixHostProbesAndHostLifecycle } from './hostProbesAndHostLifecycle.js';
import { fixPrivileged } from './privileged.js';
import { fixProcMount } from './procMount.js';
import { fixReadOnlyRootFilesystem } from './readOnlyRootFilesystem.js';
import { fixRunAsNonRoot } from './runAsNonRoot.js';
import { fixRunAsUser } from './runAsUser.js';
import { fixSeccompProfileBaseline, fixSeccompProfileRestricted } from './seccompProfile.js';
import { fixSeLinuxOptions } from './seLinuxOptions.js';
import { fixSysctls } from './sysctls.js';
import { fixHostPathVolumes, fixRestrictedVolumes } from './volumes.js';
import { fixWindowsHostProcess } from './windowsHostProcess.js';

export const fixers: Readonly<Record<FixableCheck, Fixer>> = {
  allowPrivilegeEscalation: fixAllowPrivilegeEscalation,
  appArmorProfile: fixAppArmorProfile,
  capabilities_baseline: fixCapabilitiesBaseline,
  capabilities_restricted: fixCapabilitiesRestricted,
  hostNamespaces: fixHostNamespaces,
  hostPathVolumes: fixHostPathVolumes,
  hostPorts: fixHostPorts,
  hostProbesAndHostLifecycle: fixHostProbesAndHostLifecycle,
  privileged: fixPrivileged,
  procMount: fixProcMount,
  procMount_restricted: fixProcMount,
  restrictedVolumes: fixRestrictedVolumes,
  runAsNonRoot: fixRunAsNonRoot,
  runAsUser: fixRunAsUser,
  seLinuxOptions: fixSeLinuxOptions,
  seccompProfile_baseline: fixSeccompProfileBaseline,
  seccompProfile_restricted: fixSeccompProfileRestricted,
  sysctls: fixSysctls,
  windowsHostProcess: fixWindowsHostProcess,
  'advice.readOnlyRootFilesystem': fixReadOnlyRootFilesystem,
  'advice.automountServiceAccountToken': fixAutomountServiceAccountToken,
};

/** The advice checks with a fixer (the others' findings get no fix and no note). */
export const fixableAdviceChecks: readonly FixableAdviceCheck[] = ['advice.readOnlyRootFilesystem', 'advice.automountServiceAccountToken'];

export function isFixableAdvice(check: string): check is FixableAdviceCheck {
  return (fixableAdviceChecks as readonly string[]).includes(check);
}
