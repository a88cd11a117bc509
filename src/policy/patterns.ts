/**
 * The patterns of the config file, validated once when the config is parsed
 * and matched many times during resolution.
 *
 * - File globs are minimatch patterns on repository-relative paths with `/`
 *   separators (`deploy/prod/**`). `dot: true`, so `**` also walks hidden
 *   folders: a manifest under `.deploy/` is as much in scope as any other.
 * - Namespace and workload name patterns are minimatch patterns too
 *   (`prod-*`, `prod-{eu,us}`); names have no `/`, so `*` is simply "any".
 * - Image patterns follow Kyverno's `images` wildcards: `*` matches any run
 *   of characters *including* `/` and `:`, `?` one character. Images are
 *   matched as written in the manifest (no `docker.io/library/` expansion),
 *   as Kyverno does, because that is what reviewers see.
 *
 * minimatch accepts almost anything and quietly matches nothing; a pattern
 * that can never match a repository path is a configuration mistake, so it
 * is refused here with a reason.
 */
import { Minimatch } from 'minimatch';

const minimatchOptions = { dot: true, nocomment: true, nonegate: true, nocase: false } as const;

export type PatternCheck = { ok: true } | { ok: false; message: string };

/** Unbalanced `[`, `{` or `(` make minimatch read the pattern literally, which is never what was meant. */
function balanced(pattern: string): string | null {
  let inClass = false;
  let braces = 0;
  let parens = 0;
  for (const ch of pattern) {
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '{') braces++;
    else if (ch === '}') braces--;
    else if (ch === '(') parens++;
    else if (ch === ')') parens--;
    if (braces < 0) return 'has a "}" without its "{"';
    if (parens < 0) return 'has a ")" without its "("';
  }
  if (inClass) return 'has a "[" without its "]"';
  if (braces > 0) return 'has a "{" without its "}"';
  if (parens > 0) return 'has a "(" without its ")"';
  return null;
}

function commonChecks(pattern: string): string | null {
  if (pattern === '') return 'must not be empty';
  if (pattern.trim() !== pattern) return 'must not start or end with spaces';
  if (pattern.startsWith('!')) return 'negation ("!") is not supported: list the patterns that should match';
  if (pattern.includes('\\')) return 'must not contain "\\" (use "/" between folders; "\\" escapes in globs)';
  return balanced(pattern);
}

/** A repository-relative file glob. */
export function checkFileGlob(pattern: string): PatternCheck {
  const common = commonChecks(pattern);
  if (common) return { ok: false, message: common };
  if (pattern.startsWith('/')) return { ok: false, message: 'must be relative to the repository root (no leading "/")' };
  if (pattern.split('/').includes('..')) return { ok: false, message: 'must not contain ".." (paths are inside the repository)' };
  return { ok: true };
}

/** A namespace or workload name pattern: no `/`, lowercase (Kubernetes names are). */
export function checkNamePattern(pattern: string): PatternCheck {
  const common = commonChecks(pattern);
  if (common) return { ok: false, message: common };
  if (pattern.includes('/')) return { ok: false, message: 'must not contain "/" (it is a name, not a path)' };
  if (pattern !== pattern.toLowerCase()) return { ok: false, message: 'must be lowercase (Kubernetes names are, so it could never match)' };
  return { ok: true };
}

/** A container image pattern. */
export function checkImagePattern(pattern: string): PatternCheck {
  if (pattern === '') return { ok: false, message: 'must not be empty' };
  if (/\s/.test(pattern)) return { ok: false, message: 'must not contain spaces' };
  return { ok: true };
}

/** `./deploy/**` and `deploy/**` mean the same to people; minimatch disagrees, so both sides are normalised. */
export function normalisePath(path: string): string {
  let out = path;
  while (out.startsWith('./')) out = out.slice(2);
  return out;
}

const compiled = new Map<string, Minimatch>();

function matcher(pattern: string): Minimatch {
  let m = compiled.get(pattern);
  if (!m) {
    m = new Minimatch(pattern, minimatchOptions);
    compiled.set(pattern, m);
  }
  return m;
}

export function matchFile(path: string, patterns: readonly string[]): string | null {
  const normalised = normalisePath(path);
  return patterns.find((p) => matcher(normalisePath(p)).match(normalised)) ?? null;
}

export function matchName(name: string, patterns: readonly string[]): string | null {
  // An empty name (no namespace, unnamed object) never matches, like PSA's
  // exemptions: "the namespace is unknown" must not mean "any namespace".
  if (name === '') return null;
  return patterns.find((p) => matcher(p).match(name)) ?? null;
}

function imageRegExp(pattern: string): RegExp {
  const body = [...pattern].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

export function matchImage(image: string, patterns: readonly string[]): string | null {
  if (image === '') return null;
  return patterns.find((p) => imageRegExp(p).test(image)) ?? null;
}

/** Kyverno's wildcards (`*`, `?`) on any value, the empty one included: names, namespaces, images, excluded values. */
export function matchWildcard(value: string, patterns: readonly string[]): string | null {
  return patterns.find((p) => imageRegExp(p).test(value)) ?? null;
}
