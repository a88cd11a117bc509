/**
 * capabilities_baseline and capabilities_restricted: remove the forbidden
 * `capabilities.add` entries (the allowed ones stay); for restricted, also
 * drop ALL (added to an existing `drop` list, or a new one; an `all` or
 * `All` there, which the check does not take for `ALL`, is spelled `ALL`).
 */
import type { FieldPath } from '../../pss/types.js';
import type { Edit, Fixer } from '../types.js';
import { append, remove, set } from '../edits.js';
import { byList, removeItems, writtenAt } from './common.js';

function removeForbiddenAdds(context: Parameters<Fixer>[0]): Edit[] {
  const adds: FieldPath[] = [];
  for (const path of context.failure.paths) if (typeof path[path.length - 1] === 'number') adds.push(path);
  const edits: Edit[] = [];
  for (const { list, indices } of byList(adds).values()) for (const edit of removeItems(context, list, indices)) edits.push(edit);
  return edits;
}

export const fixCapabilitiesBaseline: Fixer = (context) => ({ kind: 'edits', edits: removeForbiddenAdds(context) });

export const fixCapabilitiesRestricted: Fixer = (context) => {
  const edits = removeForbiddenAdds(context);
  const drops: FieldPath[] = context.failure.paths.filter((path) => path[path.length - 1] === 'drop');
  for (const path of drops) {
    const written = writtenAt(context, path);
    if (!Array.isArray(written)) {
      edits.push(set(path, ['ALL']));
      continue;
    }
    // An item is removed rather than set (edits set map keys only): the list ends with `ALL` either way.
    const misspelt = written.findIndex((item) => typeof item === 'string' && item.toUpperCase() === 'ALL');
    if (misspelt !== -1) edits.push(remove([...path, misspelt]));
    edits.push(append(path, 'ALL'));
  }
  return {
    kind: 'edits',
    edits,
    caveat: 'If a process needs a capability, for example to bind a port below 1024, add back `NET_BIND_SERVICE`, the only one this level allows.',
  };
};
