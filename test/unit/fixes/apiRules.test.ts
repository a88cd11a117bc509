import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/pss/types.js';
import { apiRuleViolations } from '../../../src/fixes/verify.js';

const rules = (spec: JsonObject): string[] => [...apiRuleViolations({ metadata: {}, spec })];

describe('the API-server rules a fix could break', () => {
  it('names none for a pod the API server accepts', () => {
    expect(rules({ containers: [{ name: 'app', securityContext: { allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } } }] })).toEqual([]);
  });

  it('names each profile whose localhostProfile disagrees with its type, at the pod and per container, in that order', () => {
    const spec = {
      securityContext: { seccompProfile: { type: 'Localhost' } },
      containers: [
        { name: 'app', securityContext: { appArmorProfile: { type: 'RuntimeDefault', localhostProfile: 'x' } } },
        { name: 'side', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'y' } } },
      ],
    };
    expect(rules(spec)).toEqual([
      'pod: seccompProfile.localhostProfile must be set exactly when type is Localhost',
      'container app: appArmorProfile.localhostProfile must be set exactly when type is Localhost',
    ]);
  });

  it('names escalation forbidden with privileged or SYS_ADMIN, and hostProcess without hostNetwork', () => {
    const spec = {
      containers: [
        { name: 'a', securityContext: { allowPrivilegeEscalation: false, privileged: true } },
        { name: 'b', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] }, windowsOptions: { hostProcess: true } } },
      ],
    };
    expect(rules(spec)).toEqual([
      'container a: allowPrivilegeEscalation false with privileged true',
      'container b: allowPrivilegeEscalation false with SYS_ADMIN',
      'pod: hostProcess requires hostNetwork',
    ]);
  });

  it('names the Linux-only fields a Windows pod sets, null ones aside', () => {
    const spec = {
      os: { name: 'windows' },
      securityContext: { runAsUser: 1000, sysctls: null },
      initContainers: [{ name: 'init', securityContext: { readOnlyRootFilesystem: true, runAsGroup: 1 } }],
    };
    expect(rules(spec)).toEqual([
      'pod: a Windows pod cannot set securityContext.runAsUser',
      'container init: a Windows pod cannot set securityContext.readOnlyRootFilesystem',
      'container init: a Windows pod cannot set securityContext.runAsGroup',
    ]);
  });
});
