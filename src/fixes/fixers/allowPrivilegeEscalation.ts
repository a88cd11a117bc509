/**
 * allowPrivilegeEscalation: set `false` in every failing container, flipping
 * a `true` or adding the field (and the securityContext when missing).
 */
import type { Fixer } from '../types.js';
import { setEach } from './common.js';

export const fixAllowPrivilegeEscalation: Fixer = ({ failure }) => ({ kind: 'edits', edits: setEach(failure.paths, false) });
