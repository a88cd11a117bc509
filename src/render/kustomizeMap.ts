/**
 * Kustomize: the file and line that literally write a rendered field
 * (pure). The overlay's patches are the last writers, then the resources
 * and the bases' own patches, so they are searched in that order:
 * strategic-merge patches and resources by kind, name (through the
 * name prefixes and suffixes of each level) and field path, JSON 6902
 * operations by their target and JSON pointer. For a fix that must be
 * written whole, the index also names the document of a file that writes
 * an object (documentIn) and the operation whose value writes a map
 * (operationsIn).
 */
import { locate } from '../locate/locate.js';
import { isAlias, isCollection, isScalar, isSeq } from '../manifests/yamlKinds.js';
import { loadManifestFile } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { FieldPath, JsonValue } from '../pss/types.js';
import { readKustomization } from './kustomization.js';
import { selects } from './kustomizeSelector.js';
import type { InlinePatch, Kustomization, PatchReference } from './kustomization.js';
import { translatePath, valueAt } from './walk.js';
import type { MapSource } from './mapWriters.js';

export interface SourceHit {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** False when the value is written on no line of its own that we can name (an inline patch in a quoted string): the line is the patch's entry. */
  readonly exact?: boolean;
  /** For a field a JSON 6902 `remove` took away (removedAt): the lines of that operation in the file, to delete. */
  readonly removal?: OperationLines;
}

/** The lines of a JSON 6902 operation, and whether its patch's target can be no other rendered object than the one it was found for. */
export interface OperationLines {
  readonly startLine: number;
  readonly endLine: number;
  /** Its deletion changes that object alone: it may share a verifying rendering with other such edits (render/verify.ts batchesOf). */
  readonly ownObject: boolean;
}

/** The rendered object a field belongs to. */
export interface RenderedObject {
  readonly kind: string;
  readonly name: string;
  readonly value: JsonValue;
}

interface Candidate {
  readonly file: string;
  readonly role: 'resource' | 'patch';
  readonly patch: PatchReference | null;
  /** Set when the patch is written in the kustomization (`file`) itself. */
  readonly inline: InlinePatch | null;
  /** The kustomizations from the root down to the one that lists the file. */
  readonly chain: readonly Kustomization[];
}

const isObject = (value: JsonValue | undefined): value is { [key: string]: JsonValue } => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether the rendered object's name, less the name transforms of some of
 * the levels above it, is one `written` accepts (a name as written, or a
 * patch target's pattern).
 */
function nameMatches(rendered: string, written: (name: string) => boolean, chain: readonly Kustomization[]): boolean {
  for (let levels = 0; levels <= chain.length; levels++) {
    const applied = chain.slice(0, levels);
    const prefix = applied.map((k) => k.namePrefix).join('');
    const suffix = applied.map((k) => k.nameSuffix).reverse().join('');
    if (rendered.length < prefix.length + suffix.length || !rendered.startsWith(prefix) || !rendered.endsWith(suffix)) continue;
    if (written(rendered.slice(prefix.length, rendered.length - suffix.length))) return true;
  }
  return false;
}

/** How many ways down to one kustomization, each naming its objects apart, are followed (a base several overlays of one root use). */
const maxChainsPerDir = 16;

/**
 * Later writers first: a level's patches (last first), then what it uses
 * (last first). A kustomization reached by several ways that name objects
 * apart (a base under `dev-` and under `staging-`) is a candidate for each
 * of them: each names the objects it writes differently.
 */
function candidatesOf(rootDir: string, kustomizations: ReadonlyMap<string, Kustomization>): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Map<string, Set<string>>();
  const visit = (dir: string, above: readonly Kustomization[]) => {
    const k = kustomizations.get(dir);
    if (!k) return;
    const naming = above.map((a) => `${a.namePrefix}\u0000${a.nameSuffix}`).join('\u0001');
    const ways = seen.get(dir) ?? new Set<string>();
    if (ways.has(naming) || ways.size >= maxChainsPerDir) return;
    seen.set(dir, ways.add(naming));
    const chain = [...above, k];
    for (const patch of [...k.patches].reverse()) {
      if (patch.path !== null) out.push({ file: patch.path, role: 'patch', patch, inline: null, chain });
      else if (patch.inline !== null) out.push({ file: k.file, role: 'patch', patch, inline: patch.inline, chain });
    }
    for (const child of [...k.kustomizations].reverse()) visit(child, chain);
    for (const file of [...k.resourceFiles].reverse()) out.push({ file, role: 'resource', patch: null, inline: null, chain });
  };
  visit(rootDir, []);
  return out;
}

function pointerTokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** A JSON 6902 operation list: the operation that writes the path, and where inside its value. */
function inOperations(document: ManifestDocument, object: RenderedObject, path: FieldPath, anyValue: boolean): FieldPath | null {
  const operations = document.value;
  if (!Array.isArray(operations)) return null;
  for (let i = operations.length - 1; i >= 0; i--) {
    const op = operations[i];
    if (!isObject(op) || (op.op !== 'add' && op.op !== 'replace') || typeof op.path !== 'string' || !('value' in op)) continue;
    const tokens = pointerTokens(op.path);
    if (tokens.length > path.length) continue;
    const prefixMatches = tokens.every((token, t) => token === String(path[t]) || (token === '-' && t === tokens.length - 1 && typeof path[t] === 'number'));
    if (!prefixMatches) continue;
    const rest = path.slice(tokens.length);
    const inside = translatePath(valueAt(object.value, path.slice(0, tokens.length)) ?? null, op.value ?? null, rest, true, anyValue);
    if (inside !== null) return [i, 'value', ...inside];
  }
  return null;
}

/** A line of an inline patch as a line of its kustomization: the same line of a literal block, else the patch's entry (not exact). */
function inlineHit(file: string, inline: InlinePatch, where: { line: number; column: number }, fileLines: readonly string[], patchLines: readonly string[]): SourceHit {
  const line = fileLineOf(inline, where.line);
  if (line === null) return { file, line: inline.entryLine, column: 1, exact: false };
  // The block's indentation: what the file's line has before the patch's line.
  const indent = (fileLines[line - 1] ?? '').length - (patchLines[where.line - 1] ?? '').length;
  return { file, line, column: where.column + Math.max(0, indent) };
}

/** A line of an inline patch's text as the kustomization's line (a literal block's line n is the file's firstLine + n - 1); null for a patch in a quoted string. */
function fileLineOf(inline: InlinePatch, line: number): number | null {
  return inline.firstLine === null ? null : inline.firstLine + line - 1;
}

export interface KustomizeSources {
  readonly rootDir: string;
  /** Head texts of the root's files. */
  readonly texts: ReadonlyMap<string, string>;
  /** Every path of the head tree (to resolve references). */
  readonly paths: ReadonlySet<string>;
  /** The rendering's objects, when known: a patch whose target matches one of them alone changes no other. */
  readonly objects?: readonly RenderedObject[];
}

/** A document of a source file that writes a rendered object as an object: a resource, or a strategic-merge patch. */
export interface ObjectDocument {
  readonly file: string;
  readonly document: ManifestDocument;
  /** A patch with a target, which may write other objects too; else the document writes this object only. */
  readonly targeted: boolean;
  /** A patch written in the kustomization as a literal block: its text (`document` was read from it), and where its lines are in `file`. */
  readonly block?: PatchBlock;
}

/** A patch's text written as a literal block: its line n is the file's line `firstLine + n - 1`, indented `indent` more. */
export interface PatchBlock {
  readonly text: string;
  readonly firstLine: number;
  readonly indent: number;
}

export interface KustomizeIndex {
  /**
   * The file and line that write a rendered field. `anyValue`: find the
   * last writer that holds the path at all (where a missing field belongs),
   * not the one that writes its value.
   */
  locate(object: RenderedObject, path: FieldPath, anyValue?: boolean): SourceHit | null;
  /** The document of `file` that writes the object as an object of its own (a resource, a patch file), or null. */
  documentIn(object: RenderedObject, file: string): ObjectDocument | null;
  /** The JSON 6902 operations of `file` that patch the object, and which of them writes a rendered map whole; or null. */
  operationsIn(object: RenderedObject, file: string): OperationsDocument | null;
  /**
   * The `remove` operation that took a missing field away (a dev overlay
   * that drops its base's securityContext): the line of its `path`, when it
   * is the last operation on the field's path past the part the rendered
   * object has (`present`); else null.
   */
  removedAt(object: RenderedObject, present: FieldPath, missing: FieldPath): SourceHit | null;
}

/** A list of JSON 6902 operations: its document (of the block's text, for one written in the kustomization) and the node that writes a map. */
export interface OperationsDocument {
  readonly file: string;
  readonly document: ManifestDocument;
  readonly block?: PatchBlock;
  /** The value that writes the rendered map at `path` whole (`[2, 'value']` of `file`), or null. */
  writerOf(path: FieldPath): MapSource | null;
}

/** The index's `locate` alone. */
export function kustomizeLocator(sources: KustomizeSources): KustomizeIndex['locate'] {
  return kustomizeIndex(sources).locate;
}

/** A reusable index of a root's sources: kustomizations read once, files loaded once. */
export function kustomizeIndex(sources: KustomizeSources): KustomizeIndex {
  const kustomizations = new Map<string, Kustomization>();
  for (const [file, text] of sources.texts) {
    if (!/(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(file)) continue;
    const k = readKustomization(file, text, sources.paths);
    kustomizations.set(k.dir, k);
  }
  const candidates = candidatesOf(sources.rootDir, kustomizations);
  const loaded = new Map<string | InlinePatch, readonly ManifestDocument[]>();
  const documentsOf = (candidate: Candidate) => {
    const key = candidate.inline ?? candidate.file;
    let documents = loaded.get(key);
    if (documents === undefined) {
      const text = candidate.inline?.text ?? sources.texts.get(candidate.file);
      documents = text === undefined ? [] : loadManifestFile(candidate.file, text).documents;
      loaded.set(key, documents);
    }
    return documents;
  };
  const split = new Map<string, readonly string[]>();
  const linesOf = (text: string) => {
    let lines = split.get(text);
    if (lines === undefined) split.set(text, (lines = text.split('\n')));
    return lines;
  };
  /**
   * Whether a candidate's text may hold a document that writes the object.
   * One without a target names the object in a document of its own, whose
   * `kind` is written out: a file that never spells the kind is not read
   * (an overlay's CRDs, its other workloads), which is most of them.
   */
  const mayWrite = (candidate: Candidate, object: RenderedObject): boolean => {
    if (!targets(candidate, object)) return false;
    if ((candidate.patch?.target ?? null) !== null) return true;
    const text = candidate.inline?.text ?? sources.texts.get(candidate.file);
    return text === undefined || text.includes(object.kind);
  };
  /** A place in a candidate's text as a place in its file (an inline patch's line in the kustomization). */
  const hitIn = (candidate: Candidate, where: { line: number; column: number }): SourceHit =>
    candidate.inline === null ? { file: candidate.file, line: where.line, column: where.column } : inlineHit(candidate.file, candidate.inline, where, linesOf(sources.texts.get(candidate.file) ?? ''), linesOf(candidate.inline.text));
  // Where a missing field belongs, the resource that defines the container or pod spec comes before the
  // patches that name it (each environment's env vars): one fix there serves every overlay of the base.
  const resourcesFirst = [...candidates.filter((c) => c.role === 'resource'), ...candidates.filter((c) => c.role !== 'resource')];
  const lastWriter: KustomizeIndex['locate'] = (object, path, anyValue = false) => {
    for (const candidate of anyValue ? resourcesFirst : candidates) {
      if (!mayWrite(candidate, object)) continue;
      const target = candidate.patch?.target ?? null;
      for (const document of documentsOf(candidate)) {
        let found: FieldPath | null;
        if (Array.isArray(document.value)) {
          if (target === null) continue;
          found = inOperations(document, object, path, anyValue);
        } else {
          const value = document.value;
          if (!isObject(value) || (target === null && !writesObject(document, object, candidate.chain))) continue;
          found = translatePath(object.value, value, path, candidate.role === 'resource', anyValue);
        }
        if (found === null) continue;
        const where = locate(document.source, found);
        if (!where.exact) continue;
        return hitIn(candidate, where);
      }
    }
    return null;
  };
  const documentIn: KustomizeIndex['documentIn'] = (object, file) => {
    for (const candidate of candidates) {
      if (candidate.file !== file || !targets(candidate, object)) continue;
      // A patch written in the kustomization is a string there: a document of the file only as a literal block.
      const block = candidate.inline === null ? undefined : blockOf(candidate.inline, linesOf(sources.texts.get(file) ?? ''));
      if (block === null) continue;
      const targeted = (candidate.patch?.target ?? null) !== null;
      for (const document of documentsOf(candidate)) {
        if (isObject(document.value) && (targeted || writesObject(document, object, candidate.chain))) return { file, document, targeted, ...(block ? { block } : {}) };
      }
    }
    return null;
  };
  const operationsIn: KustomizeIndex['operationsIn'] = (object, file) => {
    for (const candidate of candidates) {
      if (candidate.file !== file || (candidate.patch?.target ?? null) === null || !targets(candidate, object)) continue;
      const block = candidate.inline === null ? undefined : blockOf(candidate.inline, linesOf(sources.texts.get(file) ?? ''));
      if (block === null) continue;
      const document = documentsOf(candidate).find((d) => Array.isArray(d.value));
      if (document === undefined) continue;
      const operations = document.value as JsonValue[];
      const writerOf = (path: FieldPath): MapSource | null => {
        const written = operationWriting(operations, path);
        return written === null ? null : { file, path: written };
      };
      return { file, document, ...(block ? { block } : {}), writerOf };
    }
    return null;
  };
  // Whether a patch can reach one rendered object only, counted once per patch: a List of a thousand objects asks it of each.
  const reach = new Map<Candidate, boolean>();
  const reachesOne = (candidate: Candidate): boolean => {
    let one = reach.get(candidate);
    if (one === undefined) {
      // Kind and name only (a target's group, namespace and selectors narrow it further): one object matched is one at most.
      let matched = 0;
      for (const other of sources.objects ?? []) if (targets(candidate, other) && ++matched > 1) break;
      reach.set(candidate, (one = sources.objects !== undefined && matched === 1));
    }
    return one;
  };
  const removedAt: KustomizeIndex['removedAt'] = (object, present, missing) => {
    for (const candidate of candidates) {
      if ((candidate.patch?.target ?? null) === null || !targets(candidate, object)) continue;
      for (const document of documentsOf(candidate)) {
        if (!Array.isArray(document.value)) continue;
        const removal = removalIn(document.value, present, missing);
        if (removal === undefined) continue;
        if (removal === null) return null;
        const where = locate(document.source, [removal, 'path']);
        if (!where.exact) return null;
        const lines = itemLines(document, removal);
        const [startLine, endLine] = lines === null ? [null, null] : candidate.inline === null ? [lines.startLine, lines.endLine] : [fileLineOf(candidate.inline, lines.startLine), fileLineOf(candidate.inline, lines.endLine)];
        const hit = hitIn(candidate, where);
        return startLine === null || endLine === null ? hit : { ...hit, removal: { startLine, endLine, ownObject: reachesOne(candidate) } };
      }
    }
    return null;
  };
  return { locate: lastWriter, documentIn, operationsIn, removedAt };
}

/** The first and last line a node of a document takes, or null for none (a missing node). */
function nodeLines(document: ManifestDocument, node: unknown): { startLine: number; endLine: number } | null {
  if (!isCollection(node) && !isScalar(node) && !isAlias(node)) return null;
  const range = node.range;
  if (range === undefined || range === null) return null;
  const { lineCounter } = document.source;
  return { startLine: lineCounter.linePos(range[0]).line, endLine: lineCounter.linePos(Math.max(range[0], range[1] - 1)).line };
}

/** The lines an item of a block sequence document takes (its dash to its last value), or null when it shares one with another item. */
function itemLines(document: ManifestDocument, index: number): { startLine: number; endLine: number } | null {
  const list = document.source.doc.contents;
  if (!isSeq(list) || list.flow === true) return null;
  const lines = nodeLines(document, list.items[index]);
  if (lines === null) return null;
  const shared = list.items.some((other, j) => {
    const them = j === index ? null : nodeLines(document, other);
    return them !== null && them.startLine <= lines.endLine && them.endLine >= lines.startLine;
  });
  return shared ? null : lines;
}

/**
 * Of a list of operations, the last one on the missing path past the
 * `present` part: its index when it removes, null when it writes there
 * (the field is missing for another reason), undefined when none is there.
 */
function removalIn(operations: readonly JsonValue[], present: FieldPath, missing: FieldPath): number | null | undefined {
  for (let i = operations.length - 1; i >= 0; i--) {
    const op = operations[i];
    if (!isObject(op) || typeof op.path !== 'string') continue;
    const tokens = pointerTokens(op.path);
    if (tokens.length <= present.length || tokens.length > missing.length || !tokens.every((token, t) => token === String(missing[t]))) continue;
    return op.op === 'remove' ? i : null;
  }
  return undefined;
}

/**
 * The value of the last operation that writes the map at `path`: one that
 * adds or replaces it, or an ancestor whose value holds it as a map. Null
 * when the last operation on the path does not (a removal, a scalar).
 */
function operationWriting(operations: readonly JsonValue[], path: FieldPath): FieldPath | null {
  for (let i = operations.length - 1; i >= 0; i--) {
    const op = operations[i];
    if (!isObject(op) || typeof op.path !== 'string') continue;
    const tokens = pointerTokens(op.path);
    const onPath = tokens.length <= path.length ? tokens.every((token, t) => token === String(path[t])) : path.every((segment, t) => String(segment) === tokens[t]);
    if (!onPath) continue;
    const rest = path.slice(tokens.length);
    if ((op.op !== 'add' && op.op !== 'replace') || tokens.length > path.length || !isObject(valueAt(op.value ?? null, rest) ?? null)) return null;
    return [i, 'value', ...rest];
  }
  return null;
}

/** Lines replaced in a block's text, as the file's lines: moved down to the block, each indented as it is (an empty one left empty). */
export function blockLines(block: PatchBlock, change: { startLine: number; endLine: number; newLines: readonly string[] }): { startLine: number; endLine: number; newLines: string[] } {
  const indent = ' '.repeat(block.indent);
  return {
    startLine: change.startLine + block.firstLine - 1,
    endLine: change.endLine + block.firstLine - 1,
    newLines: change.newLines.map((line) => (line === '' ? line : `${indent}${line}`)),
  };
}

/** An inline patch's lines in its kustomization, or null when they are not the file's (a quoted string, a folded block). */
function blockOf(inline: InlinePatch, fileLines: readonly string[]): PatchBlock | null {
  if (inline.firstLine === null) return null;
  const patchLines = inline.text.split('\n');
  const first = patchLines.findIndex((line) => line.trim() !== '');
  if (first < 0) return null;
  return { text: inline.text, firstLine: inline.firstLine, indent: (fileLines[inline.firstLine - 1 + first] ?? '').length - patchLines[first]!.length };
}

/** Whether a candidate may write the object: any resource, a patch whose target (if it has one) selects it. */
function targets(candidate: Candidate, object: RenderedObject): boolean {
  const target = candidate.patch?.target ?? null;
  if (target === null) return true;
  const { kind, name } = target;
  return (kind === null || selects(kind, object.kind)) && (name === null || nameMatches(object.name, (n) => selects(name, n), candidate.chain));
}

/** Whether a resource document is the rendered object as written (its kind, and its name through the levels' name transforms). */
function writesObject(document: ManifestDocument, object: RenderedObject, chain: readonly Kustomization[]): boolean {
  const value = document.value;
  if (!isObject(value) || value.kind !== object.kind) return false;
  const metadata = value.metadata;
  const name = isObject(metadata) ? metadata.name : undefined;
  return typeof name === 'string' && nameMatches(object.name, (n) => n === name, chain);
}
