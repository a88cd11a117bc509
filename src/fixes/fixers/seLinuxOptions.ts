/**
 * seLinuxOptions: remove `user`, `role` and a custom `type` (an absent type
 * is allowed: the runtime picks its container type); when nothing else is
 * left in the map (Intel's device plugins set only a `type`), remove
 * `seLinuxOptions` itself rather than leave `seLinuxOptions: {}`.
 */
import { isObject } from '../../pss/pod.js';
import type { FieldPath } from '../../pss/types.js';
import type { Fixer } from '../types.js';
import { remove } from '../edits.js';
import { writtenAt, writtenHas } from './common.js';

export const fixSeLinuxOptions: Fixer = (context) => {
  const written = context.failure.paths.filter((path) => writtenHas(context, path));
  // By the seLinuxOptions map each field is in: a pod's and each container's.
  const byMap = new Map<string, { map: FieldPath; fields: Set<string> }>();
  for (const path of written) {
    const map = path.slice(0, -1);
    const key = JSON.stringify(map);
    const entry = byMap.get(key) ?? { map, fields: new Set<string>() };
    entry.fields.add(String(path[path.length - 1]));
    byMap.set(key, entry);
  }
  const edits = [...byMap.values()].flatMap(({ map, fields }) => {
    const options = writtenAt(context, map);
    const emptied = isObject(options) && Object.keys(options).every((key) => fields.has(key));
    return emptied ? [remove(map)] : [...fields].map((field) => remove([...map, field]));
  });
  return { kind: 'edits', edits };
};
