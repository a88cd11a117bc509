/** procMount and procMount_restricted: any other value → `Default`. */
import type { Fixer } from '../types.js';
import { setEach } from './common.js';

export const fixProcMount: Fixer = ({ failure }) => ({ kind: 'edits', edits: setEach(failure.paths, 'Default') });
