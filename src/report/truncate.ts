/**
 * GitHub counts some limits in UTF-8 bytes (check-run summary and text:
 * 65,535) and others in characters (comment bodies: 65,536). Truncation
 * must not split a character, and says that it truncated.
 */

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Cut `text` so that it plus `marker` fits in `maxBytes` UTF-8 bytes; unchanged when it already fits. */
export function truncateUtf8(text: string, maxBytes: number, marker = '\n\n… (truncated)'): string {
  if (utf8Length(text) <= maxBytes) return text;
  const budget = maxBytes - utf8Length(marker);
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (bytes + size > budget) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end) + marker;
}

/** Cut `text` to at most `maxChars` code points, marker included. */
export function truncateChars(text: string, maxChars: number, marker = '\n\n… (truncated)'): string {
  const chars = [...text];
  if (chars.length <= maxChars) return text;
  return chars.slice(0, maxChars - [...marker].length).join('') + marker;
}
