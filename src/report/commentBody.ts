/**
 * The body of an inline review comment: the findings anchored at one place,
 * each with its check, the upstream message, why it matters, the level and
 * where it came from; then the suggestion when it can be applied; then the
 * hidden fingerprints.
 */
import { whyItMatters } from './explanations.js';
import { fingerprint, fingerprintMarker } from './fingerprint.js';
import { truncateChars } from './truncate.js';
import type { ReviewFinding, SuggestionLike } from './types.js';

/** GitHub's limit for a comment body, in characters. */
export const maxCommentChars = 65_536;

/**
 * A fence longer than any backtick run in the content (min 3). CommonMark
 * only closes a fence with a run at the start of a line, but GitHub has been
 * seen to end a suggestion early on such content; longer is always safe.
 */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const match of content.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

export function suggestionBlock(suggestion: SuggestionLike): string {
  // GitHub replaces the range with the block's lines; always LF inside the comment.
  const content = suggestion.replacement.replace(/\r\n/g, '\n').replace(/\n$/, '');
  const fence = fenceFor(content);
  // An empty block deletes the lines; a block with one empty line would leave one.
  if (suggestion.replacement === '') return `${fence}suggestion\n${fence}`;
  return `${fence}suggestion\n${content}\n${fence}`;
}

function findingText(f: ReviewFinding): string {
  const severity = f.blocking ? 'blocking' : f.mode === 'preview' ? 'upgrade preview, not blocking' : 'warning, not blocking';
  const already = f.preexisting ? ' (already failing before this change)' : '';
  const where = [`${f.kind} ${f.namespace === null ? '' : `${f.namespace}/`}${f.name}`, ...(f.containers.length > 0 ? [`container ${f.containers.map((c) => `\`${c}\``).join(', ')}`] : [])];
  return [
    `**Pod Security \`${f.level}:${f.version}\` — \`${f.check}\`** (${severity}${already})`,
    ...(f.optOutNote !== null ? ['', `_${f.optOutNote}_`] : []),
    '',
    `> ${f.reason} (${f.detail})`,
    '',
    `${whyItMatters[f.check]}`,
    '',
    `<sub>${where.join(' · ')} · level from ${f.levelSource.detail}</sub>`,
  ].join('\n');
}

export function commentBody(findings: readonly ReviewFinding[], suggestion: SuggestionLike | null): string {
  const parts = findings.map(findingText);
  if (suggestion) parts.push(`Suggested fix:\n\n${suggestionBlock(suggestion)}`);
  else {
    const notes = [...new Set(findings.map((f) => f.fixNote).filter((n): n is string => n !== null))];
    parts.push(...notes);
  }
  const markers = findings.map((f) => fingerprintMarker(fingerprint(f))).join('\n');
  // The markers must survive truncation: they are what makes re-runs quiet.
  return `${truncateChars(parts.join('\n\n---\n\n'), maxCommentChars - markers.length - 2)}\n\n${markers}`;
}
