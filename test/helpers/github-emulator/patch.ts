// Hunks of a GitHub `patch` string (the hunk part of a unified diff, as in
// `pulls/{n}/files`), indexed the way GitHub anchors review comments: by
// (side, line) and by diff position. Kept separate from src/diff on purpose:
// the emulator must not share code with the Action it checks, or a parser bug
// would be invisible to the tests.

export type DiffSide = 'LEFT' | 'RIGHT';

export interface PatchLine {
  /** ' ' context, '+' added, '-' removed, '\\' "No newline at end of file". */
  readonly kind: ' ' | '+' | '-' | '\\';
  readonly text: string;
  /** Line in the base file (LEFT side); null for added lines and markers. */
  readonly oldLine: number | null;
  /** Line in the head file (RIGHT side); null for removed lines and markers. */
  readonly newLine: number | null;
  /** Legacy diff position: 1 for the line under the first `@@`, counting on through later headers. */
  readonly position: number;
}

export interface Hunk {
  readonly index: number;
  readonly header: string;
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
  /** Position of the `@@` header line itself (0 for the first hunk). */
  readonly headerPosition: number;
  readonly lines: readonly PatchLine[];
}

export interface Anchor {
  readonly hunk: Hunk;
  readonly line: PatchLine;
}

const HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses hunks; throws on text that is not a hunk sequence (an emulator bug, not a client error). */
export function parsePatch(patch: string): Hunk[] {
  if (patch === '') return [];
  const hunks: Hunk[] = [];
  let current: { header: string; oldStart: number; oldCount: number; newStart: number; newCount: number; headerPosition: number; lines: PatchLine[] } | undefined;
  let oldLine = 0;
  let newLine = 0;
  let position = -1;
  for (const text of patch.split('\n')) {
    position += 1;
    const header = HEADER.exec(text);
    if (header) {
      if (current) hunks.push({ index: hunks.length, ...current });
      const oldStart = Number(header[1]);
      const newStart = Number(header[3]);
      current = {
        header: text,
        oldStart,
        // GNU unified format: a missing count means 1.
        oldCount: header[2] === undefined ? 1 : Number(header[2]),
        newStart,
        newCount: header[4] === undefined ? 1 : Number(header[4]),
        headerPosition: position,
        lines: [],
      };
      oldLine = oldStart;
      newLine = newStart;
      continue;
    }
    if (!current) throw new Error(`patch does not start with a hunk header: ${JSON.stringify(text.slice(0, 80))}`);
    const kind = text[0];
    const body = text.slice(1);
    if (kind === ' ') {
      current.lines.push({ kind, text: body, oldLine, newLine, position });
      oldLine += 1;
      newLine += 1;
    } else if (kind === '+') {
      current.lines.push({ kind, text: body, oldLine: null, newLine, position });
      newLine += 1;
    } else if (kind === '-') {
      current.lines.push({ kind, text: body, oldLine, newLine: null, position });
      oldLine += 1;
    } else if (kind === '\\') {
      // Belongs to the previous line and advances no counter (GNU "Incomplete Lines").
      current.lines.push({ kind, text: body, oldLine: null, newLine: null, position });
    } else {
      throw new Error(`unexpected patch line: ${JSON.stringify(text.slice(0, 80))}`);
    }
  }
  if (current) hunks.push({ index: hunks.length, ...current });
  return hunks;
}

/** The hunk line a comment on (side, line) attaches to: context lines exist on both sides. */
export function locate(hunks: readonly Hunk[], side: DiffSide, line: number): Anchor | undefined {
  for (const hunk of hunks) {
    for (const l of hunk.lines) {
      if (l.kind === '\\') continue;
      if (side === 'RIGHT' && l.newLine === line) return { hunk, line: l };
      if (side === 'LEFT' && l.oldLine === line) return { hunk, line: l };
    }
  }
  return undefined;
}

/**
 * GitHub's `diff_hunk` for a comment: the hunk header and every hunk line up
 * to and including the commented one.
 */
export function diffHunkFor(anchor: Anchor): string {
  const lines = [anchor.hunk.header];
  for (const l of anchor.hunk.lines) {
    lines.push(`${l.kind}${l.text}`);
    if (l === anchor.line) break;
  }
  return lines.join('\n');
}

export function countChanges(hunks: readonly Hunk[]): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const h of hunks) {
    for (const l of h.lines) {
      if (l.kind === '+') additions += 1;
      else if (l.kind === '-') deletions += 1;
    }
  }
  return { additions, deletions };
}
