/**
 * hostPathVolumes (baseline, v1.0+; always overridden at restricted by
 * restrictedVolumes)
 *
 * Restricted field: spec.volumes[*].hostPath.
 * Allowed: absent or null. A present value, even `{}`, is bad.
 */
import { plural, quoteJoin } from '../format.js';
import { isObject, list, obj, str } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

function hostPathVolumesV1_0(pod: PodInput): Violation | null {
  const bad: string[] = [];
  const paths: FieldPath[] = [];
  list(pod.spec, 'volumes').forEach((volume, index) => {
    if (!isObject(volume)) return;
    if (obj(volume, 'hostPath')) {
      bad.push(str(volume, 'name'));
      paths.push(['spec', 'volumes', index, 'hostPath']);
    }
  });
  if (bad.length === 0) return null;
  return {
    reason: 'hostPath volumes',
    detail: `${plural('volume', 'volumes', bad.length)} ${quoteJoin(bad)}`,
    paths,
  };
}

export const hostPathVolumes: CheckDefinition = {
  id: 'hostPathVolumes',
  level: 'baseline',
  implementations: [{ minVersion: 0, evaluate: hostPathVolumesV1_0 }],
};
