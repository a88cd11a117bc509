/**
 * sysctls: remove the entries outside the safe set (the allowed ones stay);
 * when none is left, remove `sysctls`.
 */
import type { FieldPath } from '../../pss/types.js';
import type { Fixer } from '../types.js';
import { byList, removeItems } from './common.js';

export const fixSysctls: Fixer = (context) => {
  // Paths name the `name` field of each entry: the entry is one level up.
  const entries: FieldPath[] = context.failure.paths.map((path) => path.slice(0, -1));
  return { kind: 'edits', edits: [...byList(entries).values()].flatMap(({ list, indices }) => removeItems(context, list, indices)) };
};
