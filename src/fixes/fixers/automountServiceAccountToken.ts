/**
 * advice.automountServiceAccountToken: `automountServiceAccountToken: false`
 * on the pod spec, which wins over the service account's own setting.
 */
import type { Fixer } from '../types.js';
import { set } from '../edits.js';

export const automountCaveat =
  'Apply it only if the pod does not call the Kubernetes API: without the token, a client in the pod (an operator, a controller, `kubectl`) can no longer authenticate.';

export const fixAutomountServiceAccountToken: Fixer = () => ({ kind: 'edits', edits: [set(['spec', 'automountServiceAccountToken'], false)], caveat: automountCaveat });
