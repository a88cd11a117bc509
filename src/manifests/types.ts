/** Manifest files as the rest of the pipeline sees them. */
import type { Document, LineCounter } from 'yaml';
import type { FieldPath, JsonValue } from '../pss/types.js';
import type { Place } from './eventReader.js';

/**
 * Why a file or document could not be evaluated. A problem is a value: the
 * other documents and files are still evaluated.
 */
export type ProblemKind =
  | 'malformed' // not valid YAML or JSON
  | 'invalid' // valid YAML that the API server would reject (a field of the wrong type, …)
  | 'template' // a Go/Helm template: must be rendered first
  | 'binary' // a NUL byte (UTF-16 without a byte-order mark among them)
  | 'too-large' // over the size limit
  | 'alias-bomb' // aliases that expand without bound
  | 'unreadable' // the file could not be read
  // Warnings about files that were checked: reported, never failing the run.
  | 'namespace-conflict' // a Namespace defined twice with different pod-security labels
  | 'wrong-group' // a pod kind in an API group that does not serve it (the API server refuses the object)
  | 'skipped-document' // a document kubectl never reads (after a document end `...` with no `---`): not checked
  // Charts and overlays (src/render).
  | 'not-rendered' // not rendered (tool missing, remote base, missing dependency): not checked, never failing, never a silent green
  | 'render-failed' // its rendering failed at head
  | 'base-not-rendered' // its rendering failed at base only: every pod spec it renders at head is judged as new
  | 'dependency-stand-in' // a chart rendered with the repository's own chart in place of a dependency from a chart repository
  | 'schema-not-validated' // a chart rendered without its values.schema.json, which refers to remote schemas no rendering fetches
  | 'input-stand-in' // an overlay rendered with an empty stand-in for a generator's input the repository lacks (a `.env`)
  | 'dependency-left-out' // a chart rendered without dependencies it does not vendor, which a pull request editing only its own templates cannot reach
  | 'placement-failed' // an internal error left a rendering's findings on its root's file, with no fix (render/coarsePlacement.ts)
  | 'left-off'; // a file a kustomization names only in a comment (a patch it leaves off): a note, never a manifest of its own

/**
 * What a problem does to the run, by its kind: `invalid` input the API
 * server would refuse too fails it; a file `unchecked` (templates, charts or
 * overlays not rendered, files too large, unreadable or binary) is left to
 * the `unchecked` setting; a `warning` is about a file that was checked; a
 * `note` says why a file is left out on purpose. Every kind is classed here,
 * so a new one cannot be left out.
 */
export type ProblemClass = 'invalid' | 'unchecked' | 'warning' | 'note';

const classOfKind: Readonly<Record<ProblemKind, ProblemClass>> = {
  malformed: 'invalid',
  invalid: 'invalid',
  'alias-bomb': 'invalid',
  'render-failed': 'invalid',
  template: 'unchecked',
  binary: 'unchecked',
  'too-large': 'unchecked',
  unreadable: 'unchecked',
  'not-rendered': 'unchecked',
  'namespace-conflict': 'warning',
  'wrong-group': 'warning',
  'skipped-document': 'warning',
  'base-not-rendered': 'warning',
  'dependency-stand-in': 'warning',
  'schema-not-validated': 'warning',
  'input-stand-in': 'warning',
  'dependency-left-out': 'warning',
  'placement-failed': 'warning',
  'left-off': 'note',
};

/** A problem's class; a kind no release of this code knows (a report from a newer one) fails the run, as invalid input. */
export function problemClass(problem: { readonly kind: string }): ProblemClass {
  return classOfKind[problem.kind as ProblemKind] ?? 'invalid';
}

export function isWarning(problem: { readonly kind: string }): boolean {
  return problemClass(problem) === 'warning';
}

export function isUnchecked(problem: { readonly kind: string }): boolean {
  return problemClass(problem) === 'unchecked';
}

/** Whether a problem fails the run by itself: invalid input (not a file left unchecked, not a warning, not a note). */
export function failsRun(problem: { readonly kind: string }): boolean {
  return problemClass(problem) === 'invalid';
}

/** How many files some problems concern: a file can have several (a template's variables, field by field). */
export function fileCount(problems: readonly { readonly file: string }[]): number {
  return new Set(problems.map((problem) => problem.file)).size;
}

export interface LoadProblem {
  readonly file: string;
  /** 1-based line, or null when the problem concerns the whole file. */
  readonly line: number | null;
  readonly message: string;
  readonly kind: ProblemKind;
  /** The field of its document the problem is about (a field of the wrong type): where a rendering's problem is placed on its source. */
  readonly path?: FieldPath;
  /**
   * A root that rendered without some of its parts (a chart without the
   * dependencies its `charts/` lacks): its own pod specs were checked, what
   * it left out was not. Counted apart from the files not checked at all.
   */
  readonly renderedInPart?: true;
  /**
   * Why a root was not rendered, where that reason is its only detail and
   * many roots may share it (a library chart none of a repository's charts
   * vendors): the summaries name it once for them all.
   */
  readonly cause?: string;
}

/** The parsed source of one document, kept to map field paths to lines. */
export interface SourceDocument {
  /**
   * The document's `yaml` syntax tree, comments included, for the config
   * reader. When the event reader read the file, the tree is built on first
   * use, from the document's own segment of the stream.
   */
  readonly doc: Document;
  /**
   * The document's nodes as the fix engine reads them: kinds, styles, values
   * and source ranges, no comments. For a file the event reader read, they
   * are built from js-yaml's events when they can be (eventTree.ts), at a
   * fraction of the cost of `doc`; otherwise this is `doc`.
   */
  readonly layout: Document;
  /** Lines of the whole file: offsets in `doc` and `place` are offsets in the file. */
  readonly lineCounter: LineCounter;
  /** Where the document's content starts and ends in the file (without building `doc`). */
  readonly start: number;
  readonly end: number;
  /** Set when the event reader read the file: the locator walks it instead of `doc`. */
  readonly place?: Place;
}

/** One YAML document (or JSON file) decoded as the API server would see it. */
export interface ManifestDocument {
  readonly file: string;
  /** 0-based position of the document in its file. */
  readonly index: number;
  /** 1-based line where the document's content starts. */
  readonly line: number;
  readonly value: JsonValue;
  readonly source: SourceDocument;
}

export interface LoadedFile {
  readonly file: string;
  readonly documents: readonly ManifestDocument[];
  readonly problems: readonly LoadProblem[];
  /**
   * Let go of the events kept for the documents' layouts (LoadOptions.keepEvents)
   * once the caller has the layouts it needs: a layout built later reads its
   * document's segment again. Absent when no events were kept.
   */
  readonly releaseEvents?: () => void;
}
