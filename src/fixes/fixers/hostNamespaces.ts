/** hostNamespaces: `hostNetwork`, `hostPID`, `hostIPC: true` → `false`. */
import type { Edit, Fixer } from '../types.js';
import { hostNetworkOff, setEach } from './common.js';

export const fixHostNamespaces: Fixer = (context) => {
  const edits: Edit[] = [];
  for (const path of context.failure.paths) {
    if (path[0] === 'spec' && path[1] === 'hostNetwork') edits.push(...hostNetworkOff(context));
    else edits.push(...setEach([path], false));
  }
  return {
    kind: 'edits',
    edits,
    caveat: 'The pod then gets its own network, process and IPC namespaces: anything it reached on the node through them (node ports, host processes) is no longer visible.',
  };
};
