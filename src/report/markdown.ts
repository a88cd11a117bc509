/**
 * Text from a manifest or a pull request (names, values, paths, messages
 * that quote them) put into GitHub markdown (pure). Whoever writes the
 * manifest must not be able to write markdown through us: no mention that
 * pings (`@org/team`), no issue or pull-request link (`#12`, `GH-12`), no
 * HTML, no code fence or span broken open, no fake fingerprint marker.
 *
 * Mentions and references are broken with a zero-width space after `@` or
 * `#`: GitHub matches them on the rendered text, so a backslash would not
 * stop them. Every body, summary and SARIF message runs manifest text
 * through one of these.
 */

/** Breaks mentions, issue references and HTML-comment openers; the text reads the same. */
function defuse(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/\b(GH)-(?=\d)/gi, '$1-\u200b')
    .replaceAll('<!--', '<\u200b!--');
}

/** For plain-text fields that GitHub may still link (SARIF messages): mentions and references broken. */
export function plainText(text: string): string {
  return defuse(text).replace(/[\r\n]+/g, ' ');
}

/** ASCII punctuation that CommonMark or GitHub gives a meaning inline (`!` needs the `[` escaped here). */
const inlineSyntax = /[\\`*_[\]~|]/g;

/** Manifest text as prose: every character shown as written, nothing interpreted. */
export function escapeText(text: string): string {
  return defuse(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(inlineSyntax, (c) => `\\${c}`);
}

/**
 * A message of ours that quotes names and commands in backticks (`helm
 * dependency build`, a file path), some of them the manifest's or a tool's
 * words: each quoted span an inline code span (inlineCode, safe for any
 * text), the rest prose (escapeText). A backtick left unpaired is prose.
 */
export function messageText(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(/`([^`\r\n]+)`/g)) {
    out += `${escapeText(text.slice(at, match.index))}${inlineCode(match[1]!)}`;
    at = match.index + match[0].length;
  }
  return out + escapeText(text.slice(at));
}

/**
 * Manifest text as an inline code span: delimited by a backtick run longer
 * than any inside it (padded when it starts or ends with one), on one line.
 * HTML is not interpreted in a code span; `|` still ends a table cell, so
 * tables escape it (GitHub then drops the backslash).
 */
export function inlineCode(text: string): string {
  const content = defuse(text).replace(/[\r\n]+/g, ' ');
  let longest = 0;
  for (const match of content.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || content === '' ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
