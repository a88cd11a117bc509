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
import type { RenderedOrigin } from '../render/types.js';
import { isInside } from '../render/paths.js';

/**
 * The command that applies a finding's verified fix: `fix` on its file (a
 * file an overlay uses is rendered through the kustomizations above it),
 * but for a chart's finding on the chart's folder (a template or values
 * file given alone is read as a plain file, and fixes nothing), with the
 * Argo CD Application it was rendered for, and the file the fix is in when
 * the chart's folder does not hold it (`fix` writes only files under the
 * paths it is given).
 */
export function fixCommandLine(f: FixedFinding): string {
  return `pod-security-review fix ${fixPaths(f).join(' ')}`;
}

type FixedFinding = { readonly file: string; readonly rendered?: Pick<RenderedOrigin, 'tool' | 'root' | 'application'> };

/** The paths fixCommandLine gives `fix` for a finding. */
function fixPaths(f: FixedFinding): string[] {
  const { rendered } = f;
  if (rendered?.tool !== 'helm') return [f.file];
  const root = rendered.root === '.' ? '' : rendered.root;
  const paths = [rendered.root, ...(rendered.application === undefined ? [] : [rendered.application])];
  if (!isInside(f.file, root) && f.file !== rendered.application) paths.push(f.file);
  return paths;
}

/**
 * How a comment says to apply the verified fixes of its findings that
 * cannot be suggestions: the one line to change, when one fix changes one
 * line; else the one `fix` command that applies them all (the paths each
 * needs, each once).
 */
export function fixesWords(findings: readonly ReviewFinding[]): string | null {
  const fixed = findings.filter((f) => f.fix !== null);
  const [first] = fixed;
  if (first === undefined) return null;
  const words = fixed.map((f) => renderedFixWords(f));
  if (words[0] !== null && words.every((w) => w === words[0])) return words[0]!;
  const paths = [...new Set(fixed.flatMap(fixPaths))];
  // Findings a fix fixes together share it: one fix is `it`.
  const distinct = new Set(fixed.map((f) => JSON.stringify([f.file, f.fix])));
  return `${inlineCode(`pod-security-review fix ${paths.join(' ')}`)} applies ${distinct.size === 1 ? 'it' : 'them'}`;
}

/**
 * `change line 9 of `values.yaml` to `hostNetwork: false`` (`delete line 9 of
 * `values.yaml`` when the fix leaves nothing there), or null for a finding of
 * a plain file, or a fix of several lines.
 */
export function renderedFixWords(f: ReviewFinding): string | null {
  if (f.rendered === undefined || f.fix === null) return null;
  const replacement = f.fix.replacement;
  if (f.fix.startLine !== f.fix.endLine || (replacement !== null && replacement.trimEnd().includes('\n'))) return null;
  const line = `line ${f.fix.startLine} of ${inlineCode(f.file)}`;
  if (replacement === null) return `change ${line}`;
  return replacement.trim() === '' ? `delete ${line}` : `change ${line} to ${inlineCode(replacement.trim())}`;
}
