/**
 * Message formatting helpers with the exact semantics of the upstream
 * library (spec §0.3): the user-facing strings must match byte for byte.
 */

/** Wrap each item in `"` and join with `", "`; items are not escaped. */
export function quoteJoin(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

/** The singular form when n is 1, the plural otherwise (including 0). */
export function plural(singular: string, pluralForm: string, n: number): string {
  return n === 1 ? singular : pluralForm;
}

/** Byte-wise (UTF-8) comparison, like Go's `<` on strings. Never localeCompare. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ab, bb);
}

/** The distinct values, sorted byte-wise. */
export function sortedSet(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareBytes);
}

const goEscapes: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/** Go counts as printable the Unicode categories L, M, N, P, S and the ASCII space. */
const goPrintable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `%q` formatting of a string, as used for annotation values in messages. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const escaped = goEscapes[ch];
    if (escaped !== undefined) {
      out += escaped;
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) {
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    } else if (goPrintable.test(ch)) {
      out += ch;
    } else if (code > 0xffff) {
      out += `\\U${code.toString(16).padStart(8, '0')}`;
    } else {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    }
  }
  return `${out}"`;
}

/**
 * The "setters" list of several checks (spec §0.4): `pod`, then
 * `container "x"` / `containers "x", "y"`, then extra entries (AppArmor's
 * `annotation(s)`), joined with `" and "`.
 */
export function setters(podIsBad: boolean, badContainers: readonly string[], extra: readonly string[] = []): string {
  const parts: string[] = [];
  if (podIsBad) parts.push('pod');
  if (badContainers.length > 0) {
    parts.push(`${plural('container', 'containers', badContainers.length)} ${quoteJoin(badContainers)}`);
  }
  parts.push(...extra);
  return parts.join(' and ');
}

/** `container "a"` / `containers "a", "b"`. */
export function containerList(names: readonly string[]): string {
  return `${plural('container', 'containers', names.length)} ${quoteJoin(names)}`;
}
