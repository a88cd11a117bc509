/**
 * The config file's `advice` key and the run's extra checks:
 *
 * ```yaml
 * advice:
 *   enable: [advice.readOnlyRootFilesystem, advice.imageDigest]   # or [all]
 *   disable: [psp.removed]
 *   blocking: [advice.imageDigest]                                # implies enable
 * ```
 *
 * Off by default except `psp.removed`; `check --advice` enables every
 * advice check.
 */
import type { FieldPath, JsonValue } from '../../pss/types.js';
import type { Reader } from '../config.js';
import { adviceCheckIds, pspCheckId } from './extraChecks.js';
import type { ExtraCheckId } from './extraChecks.js';
import type { ExtraChecks } from './settings.js';

export interface AdviceSettings {
  readonly enable: readonly ExtraCheckId[];
  readonly disable: readonly ExtraCheckId[];
  readonly blocking: readonly ExtraCheckId[];
}

/** What `advice` lists may name. */
export const configurable: readonly string[] = ['all', pspCheckId, ...adviceCheckIds];

export const adviceKeys = ['enable', 'disable', 'blocking'] as const;

export function parseAdvice(reader: Reader, value: JsonValue): AdviceSettings | undefined {
  const path: FieldPath = ['advice'];
  const map = reader.map(value, path, adviceKeys);
  if (!map) return undefined;
  const ids = (key: string): ExtraCheckId[] => {
    const entries = reader.strings(map, key, path, (item) => (configurable.includes(item) ? { ok: true } : { ok: false, message: `unknown check; valid: ${configurable.join(', ')}` }), true) ?? [];
    return [...new Set(entries.flatMap((e) => (e.value === 'all' ? [...adviceCheckIds] : [e.value as ExtraCheckId])))];
  };
  return { enable: ids('enable'), disable: ids('disable'), blocking: ids('blocking') };
}

/** The run's extra checks: the defaults, `--advice`, then the config's enable, blocking and disable. */
export function extraChecksFor(settings: AdviceSettings | undefined, allAdvice: boolean): ExtraChecks {
  const enabled = new Set<ExtraCheckId>([pspCheckId, ...(allAdvice ? adviceCheckIds : []), ...(settings?.enable ?? []), ...(settings?.blocking ?? [])]);
  for (const id of settings?.disable ?? []) enabled.delete(id);
  return { enabled, blocking: new Set((settings?.blocking ?? []).filter((id) => enabled.has(id))) };
}
