/** Printing field paths the way people write them in Kubernetes docs. */
import type { FieldPath } from './types.js';

const identifier = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * `['spec','containers',1,'securityContext','privileged']` →
 * `spec.containers[1].securityContext.privileged`; keys that are not plain
 * identifiers (annotation keys) are bracketed: `metadata.annotations["a.b/c"]`.
 */
export function formatFieldPath(path: FieldPath): string {
  // Joined, not added up: a string made by `+=` is a chain of pieces, and findings keep their paths.
  const parts = new Array<string>(path.length);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (typeof segment === 'number') parts[i] = `[${segment}]`;
    else if (identifier.test(segment)) parts[i] = i === 0 ? segment : `.${segment}`;
    else parts[i] = `[${JSON.stringify(segment)}]`;
  }
  return parts.join('');
}

/** The inverse of formatFieldPath: `spec.containers[1]["a.b"]` → `['spec','containers',1,'a.b']`. */
export function parseFieldPath(text: string): FieldPath {
  const path: (string | number)[] = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[]+)/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[1] !== undefined) path.push(Number(match[1]));
    else if (match[2] !== undefined) path.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) path.push(match[3]);
  }
  return path;
}
