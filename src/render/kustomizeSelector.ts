/**
 * A kustomize patch target's `kind` and `name` (pure): kustomize reads each
 * as a regular expression that must match the whole value (`name: web|api`
 * patches `web` and `api`, not `web-2`), so a patch file written for several
 * objects is found as the writer of each of them.
 *
 * kustomize compiles the patterns with Go's RE2, which runs in linear time;
 * JavaScript's engine backtracks, and a pattern such as `(a+)+$` takes time
 * exponential in the name it is matched against. So only patterns that
 * cannot backtrack far are read as patterns: at most one quantifier, never
 * on a group, no back-reference (what manifests write: alternatives,
 * `deploy.*`, `[a-z]+-api`). Any other, and one JavaScript cannot compile
 * (RE2's `(?i)`), is compared as plain text, as the mapping did before it
 * read patterns: the finding keeps the kustomization's line, never a wrong
 * one, and no pattern can stall a run.
 */

const compiled = new Map<string, RegExp | null>();

/** Whether the target's pattern selects `value`, as kustomize's selector does. */
export function selects(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = boundedPattern(pattern) ? compile(pattern) : null;
    compiled.set(pattern, regex);
  }
  return regex === null ? pattern === value : regex.test(value);
}

/** Quantifiers outside character classes and escapes (`(?:` and `(?i)` open groups, not quantifiers). */
function quantifiers(pattern: string): { readonly count: number; readonly onGroup: boolean; readonly backReference: boolean } {
  let count = 0;
  let onGroup = false;
  let backReference = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (!inClass && /[1-9k]/.test(pattern[i + 1] ?? '')) backReference = true;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if ((c === '*' || c === '+' || c === '{' || (c === '?' && pattern[i - 1] !== '(')) && pattern[i - 1] !== '\\') {
      // A lazy or possessive mark after a quantifier is part of it.
      if ((c === '?' || c === '+') && /[*+?}]/.test(pattern[i - 1] ?? '')) continue;
      count++;
      if (pattern[i - 1] === ')') onGroup = true;
    }
  }
  return { count, onGroup, backReference };
}

function boundedPattern(pattern: string): boolean {
  const { count, onGroup, backReference } = quantifiers(pattern);
  return count <= 1 && !onGroup && !backReference;
}

function compile(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}
