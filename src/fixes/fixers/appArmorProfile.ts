/**
 * appArmorProfile: a forbidden profile becomes the runtime's default, in
 * the form the manifest uses: `type: RuntimeDefault` for the field,
 * `runtime/default` for a legacy annotation.
 */
import type { Edit, Fixer } from '../types.js';
import { set } from '../edits.js';
import { runtimeDefaultProfile } from './common.js';

export const fixAppArmorProfile: Fixer = (context) => {
  const edits: Edit[] = [];
  for (const path of context.failure.paths) {
    if (path[0] === 'metadata') edits.push(set(path, 'runtime/default'));
    else edits.push(...runtimeDefaultProfile(context, path));
  }
  return { kind: 'edits', edits };
};
