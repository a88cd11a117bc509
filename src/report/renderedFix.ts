/**
 * How a reviewer applies the verified fix of a chart's or overlay's
 * finding when it cannot be a suggestion here (its line is outside the
 * diff). `pod-security-review fix` edits plain manifests and renders
 * nothing, so it cannot apply it; the fix is one line of a values file,
 * template or patch, so the line and its new text say it all.
 */
import { inlineCode } from './markdown.js';
import type { ReviewFinding } from './types.js';

/** `change line 9 of `values.yaml` to `hostNetwork: false``, or null for a finding of a plain file (or one without a fix). */
export function renderedFixWords(f: ReviewFinding): string | null {
  if (f.rendered === undefined || f.fix === null) return null;
  const line = f.fix.startLine === f.fix.endLine ? `line ${f.fix.startLine}` : `lines ${f.fix.startLine}–${f.fix.endLine}`;
  const replacement = f.fix.replacement;
  return `change ${line} of ${inlineCode(f.file)}${replacement === null ? '' : ` to ${inlineCode(replacement.trim())}`}`;
}
