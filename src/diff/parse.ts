/**
 * Unified diffs → hunks of the change-set model. The parsing itself is
 * jsdiff's `parsePatch` (handles quoted file names, `\ No newline at end of
 * file`, CRLF, header-less patches like GitHub's `patch` field); this module
 * numbers every line on its side, which is what anchoring comments needs.
 */
import { parsePatch } from 'diff';
import type { Hunk, HunkLine } from './types.js';

interface ParsedHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

function numberLines(hunk: ParsedHunk): Hunk {
  const lines: HunkLine[] = [];
  let baseLine = hunk.oldStart;
  let headLine = hunk.newStart;
  for (const raw of hunk.lines) {
    const marker = raw[0];
    const text = raw.slice(1);
    if (marker === ' ') lines.push({ kind: 'context', baseLine: baseLine++, headLine: headLine++, text });
    else if (marker === '+') lines.push({ kind: 'added', headLine: headLine++, text });
    else if (marker === '-') lines.push({ kind: 'removed', baseLine: baseLine++, text });
    // '\' ("No newline at end of file") describes the previous line; it has no number.
  }
  // A hunk of an empty side is written "-0,0" / "+0,0": its lines start at 1.
  return {
    baseStart: hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart,
    baseCount: hunk.oldLines,
    headStart: hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart,
    headCount: hunk.newLines,
    lines,
  };
}

/** The hunks of one file's patch (GitHub's `patch` field: hunks without file headers). */
export function parseFilePatch(patch: string): Hunk[] {
  const files = parsePatch(patch);
  return files.flatMap((file) => file.hunks.map(numberLines));
}

export interface FilePatch {
  /** Path at base and at head, without the a/ and b/ prefixes; null for /dev/null. */
  readonly basePath: string | null;
  readonly headPath: string | null;
  readonly hunks: Hunk[];
}

function stripPrefix(name: string | undefined, prefix: string): string | null {
  if (name === undefined || name === '/dev/null') return null;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/**
 * A multi-file `git diff` (with `--src-prefix=a/ --dst-prefix=b/`). Files
 * without hunks (binary, mode-only changes, pure renames) have none.
 */
export function parseGitDiff(diff: string): FilePatch[] {
  return parsePatch(diff).map((file) => ({
    basePath: stripPrefix(file.oldFileName, 'a/'),
    headPath: stripPrefix(file.newFileName, 'b/'),
    hunks: file.hunks.map(numberLines),
  }));
}
