/**
 * The check registry: an explicit list of every check (no registration by
 * import side effect, which is fragile once bundled), validated once, and a
 * resolver from (level, version) to the implementations to run, in upstream
 * evaluation order (spec §1.3–§1.6).
 */
import { compareBytes } from './format.js';
import type { CheckDefinition, CheckId, CheckImplementation, Level, Version } from './types.js';
import { allowPrivilegeEscalation } from './checks/allowPrivilegeEscalation.js';
import { appArmorProfile } from './checks/appArmorProfile.js';
import { capabilitiesBaseline } from './checks/capabilitiesBaseline.js';
import { capabilitiesRestricted } from './checks/capabilitiesRestricted.js';
import { hostNamespaces } from './checks/hostNamespaces.js';
import { hostPathVolumes } from './checks/hostPathVolumes.js';
import { hostPorts } from './checks/hostPorts.js';
import { hostProbesAndHostLifecycle } from './checks/hostProbesAndHostLifecycle.js';
import { privileged } from './checks/privileged.js';
import { procMount } from './checks/procMount.js';
import { procMountRestricted } from './checks/procMountRestricted.js';
import { restrictedVolumes } from './checks/restrictedVolumes.js';
import { runAsNonRoot } from './checks/runAsNonRoot.js';
import { runAsUser } from './checks/runAsUser.js';
import { seLinuxOptions } from './checks/seLinuxOptions.js';
import { seccompProfileBaseline } from './checks/seccompProfileBaseline.js';
import { seccompProfileRestricted } from './checks/seccompProfileRestricted.js';
import { sysctls } from './checks/sysctls.js';
import { windowsHostProcess } from './checks/windowsHostProcess.js';

export const allChecks: readonly CheckDefinition[] = [
  allowPrivilegeEscalation,
  appArmorProfile,
  capabilitiesBaseline,
  capabilitiesRestricted,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seLinuxOptions,
  seccompProfileBaseline,
  seccompProfileRestricted,
  sysctls,
  windowsHostProcess,
];

/** A check implementation selected for one (level, version). */
export interface ActiveCheck {
  readonly id: CheckId;
  readonly level: 'baseline' | 'restricted';
  readonly implementation: CheckImplementation;
}

function validate(checks: readonly CheckDefinition[]): void {
  const ids = new Set<CheckId>();
  for (const check of checks) {
    if (ids.has(check.id)) throw new Error(`duplicate check ${check.id}`);
    ids.add(check.id);
    if (check.implementations.length === 0) throw new Error(`check ${check.id} has no implementation`);
    let previous = -1;
    for (const impl of check.implementations) {
      if (impl.minVersion <= previous) throw new Error(`check ${check.id}: implementations must be in increasing version order`);
      previous = impl.minVersion;
      if (impl.overrides && check.level !== 'restricted') throw new Error(`check ${check.id}: only restricted checks override`);
    }
  }
  for (const check of checks) {
    for (const impl of check.implementations) {
      for (const overridden of impl.overrides ?? []) {
        const target = checks.find((c) => c.id === overridden);
        if (target?.level !== 'baseline') throw new Error(`check ${check.id} overrides unknown baseline check ${overridden}`);
      }
    }
  }
}

validate(allChecks);

/** The highest minimum version of any implementation: `latest` and newer versions evaluate as this one. */
export const maxVersion: number = Math.max(...allChecks.flatMap((c) => c.implementations.map((i) => i.minVersion)));

/** Baseline IDs sorted byte-wise, then restricted IDs sorted byte-wise (spec §1.5). */
const evaluationOrder: readonly CheckDefinition[] = [
  ...allChecks.filter((c) => c.level === 'baseline').sort((a, b) => compareBytes(a.id, b.id)),
  ...allChecks.filter((c) => c.level === 'restricted').sort((a, b) => compareBytes(a.id, b.id)),
];

function implementationAt(check: CheckDefinition, minor: number): CheckImplementation | undefined {
  let chosen: CheckImplementation | undefined;
  for (const impl of check.implementations) {
    if (impl.minVersion <= minor) chosen = impl;
  }
  return chosen;
}

/** The effective minor version: `latest` and anything newer than the registry clamp to maxVersion. */
export function effectiveMinor(version: Version): number {
  return version === 'latest' || version > maxVersion ? maxVersion : Number(version);
}

function resolve(level: Level, minor: number): ActiveCheck[] {
  if (level === 'privileged') return [];
  const active = evaluationOrder
    .filter((check) => check.level === 'baseline' || level === 'restricted')
    .flatMap((check) => {
      const implementation = implementationAt(check, minor);
      return implementation ? [{ id: check.id, level: check.level, implementation }] : [];
    });
  if (level === 'baseline') return active;
  const overridden = new Set(active.flatMap((check) => check.implementation.overrides ?? []));
  return active.filter((check) => !overridden.has(check.id));
}

/** Precomputed check lists for every (level, minor) up to maxVersion. */
const cache = new Map<string, readonly ActiveCheck[]>();

/** The checks to run for a level and version, in evaluation order. */
export function checksFor(level: Level, version: Version): readonly ActiveCheck[] {
  const minor = effectiveMinor(version);
  const key = `${level}:${minor}`;
  let checks = cache.get(key);
  if (!checks) {
    checks = resolve(level, minor);
    cache.set(key, checks);
  }
  return checks;
}
