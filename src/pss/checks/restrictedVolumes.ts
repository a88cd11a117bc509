/**
 * restrictedVolumes (restricted, v1.0+; overrides hostPathVolumes at every version)
 *
 * Restricted field: each entry of spec.volumes.
 * Allowed: a volume with any of these sources present: configMap, csi,
 * downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected,
 * secret. Any other volume is bad; its type is the first restricted source key
 * present, or "unknown" when none is (including a volume with no source: the
 * API server's defaulting to emptyDir happens before, elsewhere).
 */
import { plural, quoteJoin, sortedSet } from '../format.js';
import { isObject, obj, list, str } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

export const allowedVolumeSources = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
] as const;

/** In upstream precedence order: the first one present names the type. */
export const restrictedVolumeSources = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
] as const;

function restrictedVolumesV1_0(pod: PodInput): Violation | null {
  const badVolumes: string[] = [];
  const badTypes: string[] = [];
  const paths: FieldPath[] = [];
  list(pod.spec, 'volumes').forEach((volume, index) => {
    if (!isObject(volume)) return;
    if (allowedVolumeSources.some((key) => obj(volume, key) !== undefined)) return;
    badVolumes.push(str(volume, 'name'));
    const type = restrictedVolumeSources.find((key) => obj(volume, key) !== undefined);
    if (type === undefined) {
      badTypes.push('unknown');
      paths.push(['spec', 'volumes', index]);
    } else {
      badTypes.push(type);
      paths.push(['spec', 'volumes', index, type]);
    }
  });
  if (badVolumes.length === 0) return null;
  const types = sortedSet(badTypes);
  return {
    reason: 'restricted volume types',
    detail: [
      plural('volume', 'volumes', badVolumes.length),
      quoteJoin(badVolumes),
      plural('uses', 'use', badVolumes.length),
      plural('restricted volume type', 'restricted volume types', types.length),
      quoteJoin(types),
    ].join(' '),
    paths,
  };
}

export const restrictedVolumes: CheckDefinition = {
  id: 'restrictedVolumes',
  level: 'restricted',
  implementations: [{ minVersion: 0, overrides: ['hostPathVolumes'], evaluate: restrictedVolumesV1_0 }],
};
