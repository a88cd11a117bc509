/**
 * hostProbesAndHostLifecycle: remove `host` from probes and lifecycle
 * handlers; the kubelet then targets the pod's own IP address.
 */
import type { Fixer } from '../types.js';
import { remove } from '../edits.js';
import { writtenHas } from './common.js';

export const fixHostProbesAndHostLifecycle: Fixer = (context) => ({
  kind: 'edits',
  edits: context.failure.paths.filter((path) => writtenHas(context, path)).map((path) => remove(path)),
});
