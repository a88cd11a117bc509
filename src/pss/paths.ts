/** Printing field paths the way people write them in Kubernetes docs. */
import type { FieldPath } from './types.js';

const identifier = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * `['spec','containers',1,'securityContext','privileged']` →
 * `spec.containers[1].securityContext.privileged`; keys that are not plain
 * identifiers (annotation keys) are bracketed: `metadata.annotations["a.b/c"]`.
 */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (identifier.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
