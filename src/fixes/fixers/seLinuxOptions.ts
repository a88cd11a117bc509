/**
 * seLinuxOptions: remove `user`, `role` and a custom `type` (an absent type
 * is allowed: the runtime picks its container type).
 */
import type { Fixer } from '../types.js';
import { remove } from '../edits.js';
import { writtenHas } from './common.js';

export const fixSeLinuxOptions: Fixer = (context) => ({
  kind: 'edits',
  edits: context.failure.paths.filter((path) => writtenHas(context, path)).map((path) => remove(path)),
});
