/** windowsHostProcess: `windowsOptions.hostProcess: true` → `false` (pod and containers). */
import type { Fixer } from '../types.js';
import { setEach } from './common.js';

export const fixWindowsHostProcess: Fixer = ({ failure }) => ({
  kind: 'edits',
  edits: setEach(failure.paths, false),
  caveat: 'The containers then run as normal Windows containers, without access to the node.',
});
