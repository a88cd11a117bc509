/**
 * How a reviewer applies the verified fix of a chart's or overlay's
 * finding when it cannot be a suggestion here (its line is outside the
 * diff). A fix of one line (a values line, a patch's value) is said best
 * by the line and its new text; one of several lines (the securityContext
 * a base's container lacks) would be unreadable folded into one, and is
 * `pod-security-review fix`'s to apply, which renders charts and overlays
 * as the review does.
 */
import { inlineCode } from './markdown.js';
import type { ReviewFinding } from './types.js';

/** `change line 9 of `values.yaml` to `hostNetwork: false``, or null for a finding of a plain file, or a fix of several lines. */
export function renderedFixWords(f: ReviewFinding): string | null {
  if (f.rendered === undefined || f.fix === null) return null;
  const replacement = f.fix.replacement;
  if (f.fix.startLine !== f.fix.endLine || (replacement !== null && replacement.trimEnd().includes('\n'))) return null;
  return `change line ${f.fix.startLine} of ${inlineCode(f.file)}${replacement === null ? '' : ` to ${inlineCode(replacement.trim())}`}`;
}
