/**
 * A kustomize patch target's `kind` and `name` (pure): kustomize reads each
 * as a regular expression that must match the whole value (`name: web|api`
 * patches `web` and `api`, not `web-2`), so a patch file written for several
 * objects is found as the writer of each of them.
 *
 * kustomize compiles the patterns with Go's RE2; the ones manifests use
 * (alternation, `.*`, character classes) mean the same in JavaScript. A
 * pattern JavaScript cannot compile (RE2-only syntax such as `(?i)`) is
 * compared as plain text, which is what the mapping did before patterns
 * were read: the finding keeps the kustomization's line, never a wrong one.
 */

const compiled = new Map<string, RegExp | null>();

/** Whether the target's pattern selects `value`, as kustomize's selector does. */
export function selects(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = compile(pattern);
    compiled.set(pattern, regex);
  }
  return regex === null ? pattern === value : regex.test(value);
}

function compile(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}
