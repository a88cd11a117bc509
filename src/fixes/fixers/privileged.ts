/** privileged: `securityContext.privileged: true` → `false`. */
import type { Fixer } from '../types.js';
import { setEach } from './common.js';

export const fixPrivileged: Fixer = ({ failure }) => ({ kind: 'edits', edits: setEach(failure.paths, false) });
