// What GitHub enforces beyond the OpenAPI schema, as pure functions. Texts
// come from real 422 responses (see docs/github-platform.md §1.2, §5.2);
// every text or rule that is a guess or an emulator policy says so in
// README.md.
import { diffHunkFor, locate, type DiffSide, type Hunk } from './patch.js';

export const REVIEW_TEXT = {
  pathInvalid: 'Pull request review thread path is invalid',
  lineNotInDiff: 'Pull request review thread line must be part of the diff',
  startNotInHunk: 'Pull request review thread start line must be part of the same hunk as the line.',
  hunkBlank: "Pull request review thread diff hunk can't be blank",
  startNotBefore: 'Pull request review thread start line must precede the end line.',
  // The wording reported since 2026 for the same two failures.
  pathUnresolved: 'Path could not be resolved',
  lineUnresolved: 'Line could not be resolved',
  onePending: 'User can only have one pending review per pull request',
  cannotApprove: 'GitHub Actions is not permitted to approve pull requests.',
  bodyTooLong: 'body is too long (maximum is 65536 characters)',
  // Guessed wordings (README.md, "Guesses").
  bodyBlank: "Body can't be blank",
  tooMany: 'was submitted too quickly',
  // Emulator policies: GitHub accepts these, but the result is useless, so
  // the emulator refuses them to make the Action's mistake visible.
  positionUsed: 'emulator policy: `position` is closing down; anchor comments with `line` and `side`',
  leftSuggestion: 'emulator policy: a suggestion on the LEFT side cannot be applied (GitHub shows "Applying suggestions on deleted lines is not supported.")',
} as const;

export const BODY_LIMIT = 65_536;

export type ReviewWording = 'classic' | 'resolved';

/** A file of the pull request as the review rules see it. */
export interface PullFile {
  readonly filename: string;
  /** null when GitHub sends no `patch` (binary, too large): such files take no line comments. */
  readonly hunks: readonly Hunk[] | null;
}

export interface CommentInput {
  readonly path: string;
  readonly body: string;
  readonly line: number | undefined;
  readonly side: string | undefined;
  readonly startLine: number | undefined;
  readonly startSide: string | undefined;
  readonly position: number | undefined;
}

export interface AnchoredComment {
  readonly path: string;
  readonly body: string;
  readonly line: number;
  readonly side: DiffSide;
  readonly startLine: number | null;
  readonly startSide: DiffSide | null;
  readonly diffHunk: string;
  /** Legacy position of the last line, as GitHub still reports it. */
  readonly position: number;
}

export type CommentCheck = { readonly ok: true; readonly comment: AnchoredComment } | { readonly ok: false; readonly messages: readonly string[] };

/** Rails' Array#to_sentence, which GitHub uses to join a record's errors. */
export function toSentence(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  if (parts.length === 2) return `${parts[0] ?? ''} and ${parts[1] ?? ''}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1] ?? ''}`;
}

export function codePointLength(s: string): number {
  // Strings iterate by code point, which is what GitHub counts.
  return Array.from(s).length;
}

/** A ```suggestion (or ~~~suggestion) fence anywhere in the body. */
export function hasSuggestion(body: string): boolean {
  return /^[ \t]*(`{3,}|~{3,})[ \t]*suggestion\b/m.test(body);
}

function asSide(value: string | undefined, fallback: DiffSide): DiffSide {
  return value === 'LEFT' || value === 'RIGHT' ? value : fallback;
}

/**
 * Checks one review comment against the pull request's diff. All failures of
 * the comment are reported together, in the order GitHub lists them.
 */
export function checkComment(input: CommentInput, files: ReadonlyMap<string, PullFile>, wording: ReviewWording): CommentCheck {
  if (input.position !== undefined) return { ok: false, messages: [REVIEW_TEXT.positionUsed] };
  if (input.body === '') return { ok: false, messages: [REVIEW_TEXT.bodyBlank] };
  if (codePointLength(input.body) > BODY_LIMIT) return { ok: false, messages: [REVIEW_TEXT.bodyTooLong] };
  const file = files.get(input.path);
  if (!file) return { ok: false, messages: [wording === 'resolved' ? REVIEW_TEXT.pathUnresolved : REVIEW_TEXT.pathInvalid] };
  // side defaults to RIGHT; start_side to the side of the last line.
  const side = asSide(input.side, 'RIGHT');
  const startSide = input.startLine === undefined ? null : asSide(input.startSide, side);
  const hunks = file.hunks ?? [];
  const end = input.line === undefined ? undefined : locate(hunks, side, input.line);
  const start = input.startLine === undefined || startSide === null ? undefined : locate(hunks, startSide, input.startLine);
  const messages: string[] = [];
  if (input.startLine !== undefined && input.line !== undefined) {
    // Same side: compare line numbers; across sides only the diff order means anything.
    const precedes = startSide === side ? input.startLine < input.line : start !== undefined && end !== undefined && start.line.position < end.line.position;
    if (!precedes && (startSide === side || (start !== undefined && end !== undefined))) messages.push(REVIEW_TEXT.startNotBefore);
  }
  // The newer wording reports an unanchorable line alone.
  if (!end && wording === 'resolved') return { ok: false, messages: [REVIEW_TEXT.lineUnresolved] };
  if (!end) messages.push(REVIEW_TEXT.lineNotInDiff);
  if (input.startLine !== undefined && (!end || !start || start.hunk !== end.hunk)) messages.push(REVIEW_TEXT.startNotInHunk);
  if (!end) messages.push(REVIEW_TEXT.hunkBlank);
  if (messages.length > 0 || !end || input.line === undefined) return { ok: false, messages };
  if (hasSuggestion(input.body) && (side === 'LEFT' || startSide === 'LEFT')) return { ok: false, messages: [REVIEW_TEXT.leftSuggestion] };
  return {
    ok: true,
    comment: {
      path: input.path,
      body: input.body,
      line: input.line,
      side,
      startLine: input.startLine ?? null,
      startSide,
      diffHunk: diffHunkFor(end),
      position: end.line.position,
    },
  };
}

// ---------------------------------------------------------------------------
// Check runs

export const CHECK_OUTPUT_BYTES = 65_535;
const ANNOTATION_TEXT_BYTES = 64 * 1024;
const ANNOTATION_TITLE_CHARS = 255;

export interface AnnotationInput {
  readonly start_line: number;
  readonly end_line: number;
  readonly start_column: number | undefined;
  readonly end_column: number | undefined;
  readonly message: string;
  readonly title: string | undefined;
  readonly raw_details: string | undefined;
}

/**
 * GitHub answers `{"resource":"CheckRun","code":"invalid","field":"annotations"}`
 * for annotations whose lines or columns make no sense: columns on a span of
 * several lines (octokit/octokit.js#1170), start after end, numbers below 1.
 */
export function annotationIsValid(a: AnnotationInput): boolean {
  if (a.start_line < 1 || a.end_line < a.start_line) return false;
  const hasColumns = a.start_column !== undefined || a.end_column !== undefined;
  if (hasColumns && a.start_line !== a.end_line) return false;
  if (a.start_column !== undefined && a.start_column < 1) return false;
  if (a.end_column !== undefined && a.end_column < 1) return false;
  if (a.start_column !== undefined && a.end_column !== undefined && a.start_column > a.end_column) return false;
  if (Buffer.byteLength(a.message, 'utf8') > ANNOTATION_TEXT_BYTES) return false;
  if (a.raw_details !== undefined && Buffer.byteLength(a.raw_details, 'utf8') > ANNOTATION_TEXT_BYTES) return false;
  if (a.title !== undefined && codePointLength(a.title) > ANNOTATION_TITLE_CHARS) return false;
  return true;
}

/** The byte-size check GitHub applies after the schema's character limit. */
export function outputByteViolations(output: { summary?: string | undefined; text?: string | undefined }): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const field of ['summary', 'text'] as const) {
    const value = output[field];
    if (value !== undefined && Buffer.byteLength(value, 'utf8') > CHECK_OUTPUT_BYTES) {
      out.push({ field, message: `${field} exceeds a maximum bytesize of ${CHECK_OUTPUT_BYTES}` });
    }
  }
  return out;
}
