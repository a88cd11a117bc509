/**
 * advice.readOnlyRootFilesystem: set `readOnlyRootFilesystem: true` in every
 * container the advice names (flipping a `false`, or adding the field and
 * the securityContext when missing).
 */
import type { Fixer } from '../types.js';
import { setEach } from './common.js';

export const readOnlyRootFilesystemCaveat =
  'A process that writes outside its volumes (temporary files, caches, PID files) then fails: mount an `emptyDir` volume where it writes, such as `/tmp`.';

export const fixReadOnlyRootFilesystem: Fixer = ({ failure }) => ({ kind: 'edits', edits: setEach(failure.paths, true), caveat: readOnlyRootFilesystemCaveat });
