/**
 * The source-agnostic model of a change set: what changed between two
 * versions of a repository, file by file. Two sources feed it: local git
 * (src/git) and the GitHub API (the Action). Everything after it (scoping,
 * fixes, review comments) reads only this model.
 */

export type FileStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'removed';

/** One line of a hunk. Line numbers are 1-based in their own version of the file. */
export type HunkLine =
  | { readonly kind: 'context'; readonly baseLine: number; readonly headLine: number; readonly text: string }
  | { readonly kind: 'added'; readonly headLine: number; readonly text: string }
  | { readonly kind: 'removed'; readonly baseLine: number; readonly text: string };

/** A unified-diff hunk: `@@ -baseStart,baseCount +headStart,headCount @@`. */
export interface Hunk {
  readonly baseStart: number;
  readonly baseCount: number;
  readonly headStart: number;
  readonly headCount: number;
  readonly lines: readonly HunkLine[];
}

/** File contents as read: bytes (or text), or why they are not there. */
export type FileContent =
  | { readonly kind: 'content'; readonly data: Uint8Array | string }
  | { readonly kind: 'absent' } // the file does not exist in this version
  | { readonly kind: 'unavailable'; readonly reason: string }; // too large, binary, could not be read

export interface ChangedFile {
  /** Path at head (for a removed file, its path at base). Forward slashes, relative to the repository root. */
  readonly path: string;
  /** Path at base, for renames and copies. */
  readonly previousPath?: string;
  readonly status: FileStatus;
  readonly base: FileContent;
  readonly head: FileContent;
  /**
   * The hunks of the diff, or null when the source has none (binary file, a
   * patch the API left out because it is too large). Null means no line of
   * the file can carry an inline comment.
   */
  readonly hunks: readonly Hunk[] | null;
  /**
   * The file is the output of a rendering (src/render), not a file of the
   * repository: it is evaluated whatever the file selection, and the
   * rendering stage maps its findings back to the source lines.
   */
  readonly rendered?: boolean;
  /**
   * For a rendering whose tool says where each document comes from (helm's
   * `# Source:` comments): that source, for a line of the base and of the
   * head text. A template that names its pod anew at each rendering
   * (`randAlphaNum`, as many charts' test pods) renders the same pod spec
   * under another name; scope pairs such pod specs by their source.
   */
  readonly documentSources?: { readonly base: (line: number) => string | null; readonly head: (line: number) => string | null };
  /**
   * For a rendering whose tool may write a value anew each time (a chart's
   * `rollme: {{ randAlphaNum 5 }}`): the head rendered once more. Where a
   * pod spec differs between the two, base and head differ by chance, not by
   * the change: scope compares them without those fields.
   */
  readonly headAgain?: string;
}

/**
 * The branch a change lands on (a pull request's base, a merge queue's,
 * the branch pushed to), and whether it is the repository's default branch
 * (null: not known): a GitOps object that syncs another branch or a tag
 * does not install what the change makes.
 */
export interface LandingBranch {
  readonly name: string;
  readonly isDefault: boolean | null;
}

export interface ChangeSet {
  readonly files: readonly ChangedFile[];
  /**
   * Changed paths the source left out of `files` because the file selection
   * does not take them (a chart's `_helpers.tpl`): charts and overlays they
   * belong to are still rendered.
   */
  readonly unselectedPaths?: readonly string[];
  /**
   * The diff hunks of those files, where the source read them (GitHub's
   * list of a pull request's files gives every file's patch): a chart's
   * helper template is no manifest, but a finding it writes is placed, and
   * commented, on its lines.
   */
  readonly unselectedHunks?: ReadonlyMap<string, readonly Hunk[]>;
  /** Why the list of files may be incomplete (e.g. the API's 3,000-file cap), if it may be. */
  readonly incomplete?: string;
}
