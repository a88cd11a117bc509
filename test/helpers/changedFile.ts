/** A changed file of a change set, from its text at base and at head (null: absent there), without hunks. */
import type { ChangedFile } from '../../src/diff/types.js';

export function changedFile(path: string, base: string | null, head: string | null): ChangedFile {
  return {
    path,
    status: base === null ? 'added' : head === null ? 'removed' : 'modified',
    base: base === null ? { kind: 'absent' } : { kind: 'content', data: base },
    head: head === null ? { kind: 'absent' } : { kind: 'content', data: head },
    hunks: [],
  };
}
