/**
 * Decide what the review posts (pure). Keeps apart, like reviewdog does:
 * which findings can be inline (their anchor is in the diff), which are
 * new (no earlier comment carries their fingerprint), and which go to the
 * summary only (no anchor, or over the comment cap). Every finding ends up
 * somewhere: the check run and summary always list them all.
 *
 * Anchors are validated against the hunks here, because one bad anchor
 * makes GitHub reject the whole review.
 */
import type { DiffLines } from '../diff/lines.js';
import { failsRun } from '../manifests/types.js';
import type { LoadProblem } from '../manifests/types.js';
import { commentBody, problemCommentBody, readmeDocs } from './commentBody.js';
import { fingerprint, legacyFingerprint, problemFingerprint } from './fingerprint.js';
import { placeOnOffendingFields } from './placement.js';
import type { Anchor } from './placement.js';
import type { ReviewFinding } from './types.js';

export interface PlannedComment {
  readonly path: string;
  /** The last line of the range (GitHub's `line`). */
  readonly line: number;
  /** The first line of a multi-line range (GitHub's `start_line`), only when < line. */
  readonly startLine: number | null;
  readonly body: string;
  readonly findings: readonly ReviewFinding[];
  /** File problems that fail the check, on this line of the diff. */
  readonly problems: readonly LoadProblem[];
}

/** A comment this tool posted earlier, as read back from GitHub. */
export interface ExistingComment {
  readonly commentId: number;
  /** The review thread, when known (GraphQL), to resolve it. */
  readonly threadId: string | null;
  readonly resolved: boolean;
  readonly fingerprints: readonly string[];
  /** A reply saying the finding is fixed was already posted. */
  readonly markedFixed: boolean;
  /** The commit the comment was posted on (GitHub's original_commit_id), when known. */
  readonly commitId: string | null;
  /** The comment holds a suggestion block: false for one that could only say why there is none, or show an example. */
  readonly suggests: boolean;
}

export interface ReviewPlan {
  /** New inline comments, at most maxComments. */
  readonly comments: readonly PlannedComment[];
  /** Findings already commented on by an earlier run: left alone. */
  readonly alreadyCommented: readonly ReviewFinding[];
  /** Findings that could be inline but are over the cap, or whose head was already reviewed: summary and annotations. */
  readonly overflow: readonly ReviewFinding[];
  /** Findings whose lines are not in the diff: summary and annotations. */
  readonly outsideDiff: readonly ReviewFinding[];
  /** Earlier comments whose findings are all gone: resolve their thread, or reply once. */
  readonly fixed: readonly ExistingComment[];
  /** Failing file problems commented on now or by an earlier run. */
  readonly commentedProblems: readonly LoadProblem[];
}

/**
 * Where a finding can be commented on: its attachable suggestion's range,
 * else its first line in the diff (for an old warning, isOldWarning, only
 * a range that holds a line the change added, or its field's own line if
 * the change added it), else (a chart rendered for an Argo CD
 * Application or Flux HelmRelease the change adds or edits, with a value no
 * line of the diff writes, such as a values file the new Application names)
 * the object's line that names the chart, when the diff shows it, else the
 * first line the change added to what the chart or overlay was rendered
 * from (RenderedOrigin.changeLine: the object, a file its ApplicationSet
 * read its parameters from, the root's values files and other files); only
 * when the finding is the change's (a failure from before stays in the
 * summary).
 */
function anchorOf(finding: ReviewFinding, diffLinesOf: (path: string) => DiffLines): Anchor | null {
  const lines = diffLinesOf(finding.file);
  const fix = finding.fix;
  // An old warning is commented on only where the change wrote a line: on context lines it is debt the change did not touch;
  // and only on its own field's line, not on a line the change added near where a missing field belongs.
  const old = isOldWarning(finding);
  const onLine = old ? (line: number) => lines.added(line) : (line: number) => lines.has(line);
  if (fix?.attachable && lines.spansOneHunk(fix.startLine, fix.endLine) && addsAny(fix.startLine, fix.endLine, onLine)) {
    return { path: finding.file, start: fix.startLine, end: fix.endLine, suggestion: fix };
  }
  const inDiff = finding.locations.filter((l) => l.inDiff && onLine(l.line) && (l.exact || !old));
  const best = inDiff.find((l) => l.exact) ?? inDiff[0];
  if (best) return { path: finding.file, start: best.line, end: best.line, suggestion: null };
  const { application, applicationLine, changeLine } = finding.rendered ?? {};
  if (finding.preexisting) return null;
  if (application !== undefined && applicationLine !== undefined && diffLinesOf(application).has(applicationLine)) return { path: application, start: applicationLine, end: applicationLine, suggestion: null };
  if (changeLine !== undefined && diffLinesOf(changeLine.file).has(changeLine.line)) return { path: changeLine.file, start: changeLine.line, end: changeLine.line, suggestion: null };
  return null;
}

/**
 * A violation the pod spec already had before the change, of a level that
 * is reported but not enforced (a `warn-level` warning, an audit or preview
 * finding): reviewers asked about the change, not about old warnings of
 * the lines around it, which the check run and summary still list.
 * Enforced ones keep their comments: they fail the check.
 */
function isOldWarning(finding: ReviewFinding): boolean {
  return finding.preexisting && finding.mode !== 'enforce';
}

/** Whether some line from start to end (inclusive) satisfies `onLine`. */
function addsAny(start: number, end: number, onLine: (line: number) => boolean): boolean {
  for (let line = start; line <= end; line++) if (onLine(line)) return true;
  return false;
}

/**
 * `headSha`: the commit under review. When an earlier run already
 * commented on it, this run is a re-run of the same head and comments
 * nothing more: the findings the cap left out then stay in the summary
 * until the next push, instead of a re-run adding `maxComments` more.
 */
export function planReview(
  findings: readonly ReviewFinding[],
  diffLinesOf: (path: string) => DiffLines,
  existing: readonly ExistingComment[],
  maxComments: number,
  headSha: string | null = null,
  problems: readonly LoadProblem[] = [],
): ReviewPlan {
  const cap = headSha !== null && existing.some((c) => c.commitId === headSha) ? 0 : maxComments;
  const posted = new Set(existing.flatMap((c) => c.fingerprints));
  // Comments from before the short fingerprints carry the legacy ones.
  const carriedBy = (comments: ReadonlySet<string>) => (f: ReviewFinding) => comments.has(fingerprint(f)) || comments.has(legacyFingerprint(f));
  const isPosted = carriedBy(posted);
  const isSuggested = carriedBy(new Set(existing.filter((c) => c.suggests).flatMap((c) => c.fingerprints)));
  const current = new Set([...findings.flatMap((f) => [fingerprint(f), legacyFingerprint(f)]), ...problems.map(problemFingerprint)]);
  const alreadyCommented: ReviewFinding[] = [];
  const outsideDiff: ReviewFinding[] = [];
  // Group new findings by anchor: findings sharing a suggestion (or none) share one comment.
  const groups = new Map<string, { anchor: Anchor; findings: ReviewFinding[] }>();
  for (const finding of findings) {
    const commented = isPosted(finding);
    // A finding commented on without a suggestion that now has one (a push that switched on the map the
    // values write: the fix is now a line of them) gets it, once: the comment before could only show an example.
    const anchor = commented && isSuggested(finding) ? null : anchorOf(finding, diffLinesOf);
    if (commented && (anchor === null || anchor.suggestion === null)) {
      alreadyCommented.push(finding);
      continue;
    }
    if (!anchor) {
      outsideDiff.push(finding);
      continue;
    }
    // A finding without the suggestion keeps a comment of its own on the same lines: one comment shows one suggestion, which must fix all its findings.
    const key = `${anchor.path}\u0000${anchor.start}\u0000${anchor.end}\u0000${anchor.suggestion === null ? '' : JSON.stringify(anchor.suggestion.replacement)}`;
    const group = groups.get(key);
    if (group) group.findings.push(finding);
    else groups.set(key, { anchor, findings: [finding] });
  }
  // A file problem that fails the check, on a line of the diff, is a comment of its own (once).
  const commentedProblems: LoadProblem[] = [];
  const problemGroups = new Map<string, { anchor: Anchor; problems: LoadProblem[] }>();
  for (const problem of problems.filter(failsRun)) {
    if (posted.has(problemFingerprint(problem))) {
      commentedProblems.push(problem);
      continue;
    }
    if (problem.line === null || !diffLinesOf(problem.file).has(problem.line)) continue;
    const key = `${problem.file}\u0000${problem.line}`;
    const group = problemGroups.get(key) ?? { anchor: { path: problem.file, start: problem.line, end: problem.line, suggestion: null }, problems: [] };
    group.problems.push(problem);
    problemGroups.set(key, group);
  }
  // Blocking findings (and failing files) first, then in file order, so the cap keeps what matters most.
  const ordered = [...[...groups.values()].map((g) => ({ ...g, problems: [] as LoadProblem[] })), ...[...problemGroups.values()].map((g) => ({ ...g, findings: [] as ReviewFinding[] }))].sort(
    (a, b) =>
      Number(b.problems.length > 0 || b.findings.some((f) => f.blocking)) - Number(a.problems.length > 0 || a.findings.some((f) => f.blocking)) ||
      (a.anchor.path < b.anchor.path ? -1 : a.anchor.path > b.anchor.path ? 1 : a.anchor.start - b.anchor.start),
  );
  const overflow: ReviewFinding[] = [];
  const posting: typeof ordered = [];
  for (const group of ordered) {
    if (posting.length >= cap) overflow.push(...group.findings);
    else posting.push(group);
  }
  // Each suggestion reaches the line of the field it fixes, where GitHub allows (placement.ts).
  const anchors = placeOnOffendingFields(posting, diffLinesOf);
  const comments: PlannedComment[] = posting.map(({ findings: group, problems: failing }, i) => {
    const anchor = anchors[i]!;
    commentedProblems.push(...failing);
    return {
      path: anchor.path,
      line: anchor.end,
      startLine: anchor.start < anchor.end ? anchor.start : null,
      body: failing.length > 0 ? problemCommentBody(failing) : commentBody(group, anchor.suggestion, readmeDocs, anchor),
      findings: group,
      problems: failing,
    };
  });
  const fixed = existing.filter((c) => !c.resolved && !c.markedFixed && c.fingerprints.length > 0 && c.fingerprints.every((id) => !current.has(id)));
  return { comments, alreadyCommented, overflow, outsideDiff, fixed, commentedProblems };
}
