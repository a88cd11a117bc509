/**
 * hostPathVolumes and restrictedVolumes: no mechanical fix. Only the
 * author knows where the data should come from, so the note lists the
 * options instead.
 */
import { isObject } from '../../pss/pod.js';
import type { Fixer } from '../types.js';
import { volumeNote } from '../notes.js';
import type { VolumeInfo } from '../notes.js';
import { writtenAt } from './common.js';

function volumes(context: Parameters<Fixer>[0]): VolumeInfo[] {
  return context.failure.paths.map((path) => {
    const volume = writtenAt(context, path.slice(0, 3));
    const name = isObject(volume ?? null) && typeof (volume as { name?: unknown }).name === 'string' ? String((volume as { name: string }).name) : '';
    const type = typeof path[3] === 'string' ? path[3] : 'unknown';
    return { name, type };
  });
}

export const fixHostPathVolumes: Fixer = (context) => ({ kind: 'manual', note: volumeNote('hostPathVolumes', volumes(context)) });

export const fixRestrictedVolumes: Fixer = (context) => ({ kind: 'manual', note: volumeNote('restrictedVolumes', volumes(context)) });
