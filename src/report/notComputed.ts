/**
 * What a run says once of the fixes it did not compute (pure): the findings
 * are whole, and each one's fix note says why.
 */
import { internalErrorWords, notComputedLead } from '../fixes/notes.js';
import { plural } from '../pss/format.js';

/**
 * What a run says of the findings whose fixes were not computed (a file's
 * fix work budget, or the renderings to verify a chart's or overlay's
 * suggestions, ran out; or the fix engine failed on a file): a line for
 * each cause, none when every fix was computed. The CLI writes them on
 * stderr, the Action among its notices.
 */
export function notComputedLines(findings: readonly { readonly file: string; readonly fixNote?: string | null }[]): string[] {
  const skipped = findings.filter((f) => f.fixNote?.startsWith(notComputedLead) === true);
  const failed = skipped.filter((f) => f.fixNote!.includes(internalErrorWords));
  const spent = skipped.filter((f) => !f.fixNote!.includes(internalErrorWords));
  const lines: string[] = [];
  if (spent.length > 0) {
    const files = fileCount(spent);
    lines.push(`the fixes of ${counted(spent.length, 'finding')} in ${counted(files, 'file')} were not computed (a work budget ran out; every finding is reported, each fix's note says which); \`pod-security-review fix\` computes them`);
  }
  if (failed.length > 0) {
    const files = fileCount(failed);
    lines.push(`internal error in the fix engine on ${counted(files, 'file')} (please report it; each fix's note has the error): ${files === 1 ? 'its' : 'their'} ${counted(failed.length, 'finding')} ${failed.length === 1 ? 'is' : 'are'} reported without fixes`);
  }
  return lines;
}

const fileCount = (findings: readonly { readonly file: string }[]): number => new Set(findings.map((f) => f.file)).size;
const counted = (n: number, noun: string): string => `${n} ${plural(noun, `${noun}s`, n)}`;
