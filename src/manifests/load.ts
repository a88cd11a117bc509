/**
 * Load a manifest file: bytes in, decoded documents and problems out (pure).
 *
 * Files that cannot be evaluated become problems naming the file and line:
 * binary or oversized files, Go/Helm templates (they must be rendered first;
 * only template actions in the YAML itself make one, never comments),
 * malformed YAML, alias bombs. One broken document does not hide the others.
 */
import { Composer, LineCounter, Parser, YAMLMap, YAMLSeq, parseAllDocuments, visit } from 'yaml';
import { isCollection, isPair } from './yamlKinds.js';
import type { Document, Node } from 'yaml';
import { DecodeError, decodeDocument, flowMappingHint } from './decode.js';
import { originalOffset, reindentFlowContinuations } from './flowIndent.js';
import type { Reindented } from './flowIndent.js';
import { asGoyamlReads } from './goyamlText.js';
import { jsonStreamError, jsonValueRanges, readAsJson } from './jsonStream.js';
import { isJsoncConfiguration, isYamlConfiguration } from './jsonc.js';
import { NestingTooDeep, nestingLimit, placeOffset, readEventDocuments } from './eventReader.js';
import { treeFromEvents, treeFromStreamEvents } from './eventTree.js';
import { documentsKubectlSkips, kubectlCutError } from './separators.js';
import { segmentAt, segmentStarts } from './segments.js';
import { templateAction, usesUndeclaredVariable } from './templateActions.js';
import type { EventRead, Place } from './eventReader.js';
import type { Event } from 'js-yaml';
import type { JsonValue } from '../pss/types.js';
import type { LoadProblem, LoadedFile, ManifestDocument, SourceDocument } from './types.js';

export interface LoadOptions {
  /** Files larger than this are reported, not parsed. */
  readonly maxBytes: number;
  /** False reads with `yaml` only (the reference the event reader is tested against). Default: true. */
  readonly eventReader?: boolean;
  /**
   * Keep the event reader's events with the documents, for their layout
   * trees (SourceDocument.layout), so that a file the fix engine edits is not
   * read twice. Only for a file whose fixes are computed soon after it is
   * loaded: the events cost about as much memory as the file's tree. Default: false.
   */
  readonly keepEvents?: boolean;
  /**
   * The text is a tool's output, a chart's or an overlay's rendering: final
   * (nothing renders it again), so template actions in it are data, such as
   * the sidecar templates istio's chart keeps in a ConfigMap, and never make
   * it a template. Default: false.
   */
  readonly rendered?: boolean;
  /**
   * Whether a decoded document holds no pod spec whatever its values say (an
   * object of a kind without a pod template): template actions in its values
   * do not make the file a template (workloads/podFree.ts, which the
   * evaluating callers pass). Default: any document may hold one.
   */
  readonly podFree?: (value: JsonValue) => boolean;
}

export const defaultLoadOptions: LoadOptions = { maxBytes: 4 * 1024 * 1024 };

/**
 * How a chart's or overlay's rendering is read, wherever it is evaluated
 * (scope, and again to verify a suggestion): final, so `{{ }}` in it is
 * data, and of any size. Its size was bounded when the tool wrote it
 * (render.max-output-size): the file size limit is for the files a
 * repository holds, each of which the rendering read within it, and a
 * rendering of many (all the CRDs of an operator: 12 MB for Argo
 * Workflows' cluster-install) may be larger.
 */
export function renderedLoadOptions(load: LoadOptions = defaultLoadOptions): LoadOptions {
  return { ...load, rendered: true, maxBytes: Number.MAX_SAFE_INTEGER };
}

// ignoreBOM: the BOM is kept, so that `fix` writes a file back as it was; the loader drops it below.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// A byte sequence that is not UTF-8 reads as U+FFFD, a truncated one once, as kubectl reads it (its test: api-server-decoding).
const replacing = new TextDecoder('utf-8', { ignoreBOM: true });
// These drop their byte-order mark, as kubectl's reader does.
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** A file's size in bytes (a string counts as its UTF-8 encoding). */
export function contentBytes(content: Uint8Array | string): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}

/**
 * A file's content as text, or why it is not text, read as kubectl reads a
 * file (cli-runtime's FileVisitor: golang.org/x/text's BOMOverride over a
 * UTF-8 decoder): UTF-16 with a byte-order mark is decoded, and bytes that
 * are not valid UTF-8 read as U+FFFD, so a Latin-1 comment does not hide
 * the pod spec below it. A file with a NUL byte (not UTF-16) is
 * binary, like git's rule, and a NUL character is one kubectl refuses too.
 * A leading UTF-8 BOM is kept.
 *
 * `exact` says the text is the file's bytes as they are (UTF-8): only then
 * can a fix be written back into it, byte for byte elsewhere.
 */
export function decodeContent(content: Uint8Array | string): { readonly text: string; readonly exact: boolean } | { readonly binary: string } {
  if (typeof content === 'string') return { text: content, exact: true };
  const utf16 = content[0] === 0xff && content[1] === 0xfe ? utf16le : content[0] === 0xfe && content[1] === 0xff ? utf16be : null;
  if (utf16 !== null) {
    const text = utf16.decode(content);
    return text.includes('\0') ? binaryFile : { text, exact: false };
  }
  if (content.includes(0)) return binaryFile;
  try {
    return { text: utf8.decode(content), exact: true };
  } catch {
    return { text: replacing.decode(content), exact: false };
  }
}

/** A file's text as kubectl reads it (decodeContent), or null when it is not text: for reading, never for writing back. */
export function textToRead(content: Uint8Array | string): string | null {
  const decoded = decodeContent(content);
  return 'text' in decoded ? decoded.text : null;
}

/**
 * A file's text as its bytes are written, for a fix to be written into, or
 * null when it is not text (the loader has already said why) or not UTF-8 as
 * written (UTF-16, bytes that are not UTF-8: read as kubectl reads them, but
 * a fix is written back byte for byte, so such a file gets none).
 */
export function textOf(content: Uint8Array | string): string | null {
  const decoded = decodeContent(content);
  return 'text' in decoded && decoded.exact ? decoded.text : null;
}

const binaryFile = { binary: 'binary file (it contains NUL bytes); it was not checked' } as const;

export function loadManifestFile(file: string, content: Uint8Array | string, options: LoadOptions = defaultLoadOptions): LoadedFile {
  const loaded = loadFile(file, content, options);
  const folder = loaded.problems.length > 0 ? testDataFolder.exec(file)?.[1] : undefined;
  return folder === undefined ? loaded : { ...loaded, problems: loaded.problems.map((problem) => withTestDataHint(problem, folder)) };
}

/** A folder of test inputs by its usual names (`testdata` for Go, `fixtures`, `__fixtures__`): what is malformed there may be so on purpose. */
const testDataFolder = /(?:^|\/)(testdata|test-data|__fixtures__|fixtures?)\//;

/** A malformed file among test inputs (a parser's test of a bad file) is most likely no manifest: the message says how to leave such files out. */
function withTestDataHint(problem: LoadProblem, folder: string): LoadProblem {
  if (problem.kind !== 'malformed') return problem;
  return { ...problem, message: `${problem.message} (test data? leave the folder out with the exclude input, or --exclude, as '**/${folder}/**')` };
}

function loadFile(file: string, content: Uint8Array | string, options: LoadOptions): LoadedFile {
  const fail = (kind: LoadProblem['kind'], message: string, line: number | null = null): LoadedFile => ({
    file,
    documents: [],
    problems: [{ file, line, message, kind }],
  });

  const size = contentBytes(content);
  if (size > options.maxBytes) {
    return fail('too-large', `file is ${size} bytes, over the limit of ${options.maxBytes} bytes; it was not checked`);
  }
  const decoded = decodeContent(content);
  if ('binary' in decoded) return fail('binary', decoded.binary);
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;

  // A BOM makes kubectl read the file as YAML; otherwise a leading `{` makes it JSON, strictly.
  const json = text === decoded.text && readAsJson(text);
  // Its values, each an object kubectl reads alone (jsonStream.ts): found once, for the check and the reading.
  const objects = json ? jsonValueRanges(text) : [];
  if (json) {
    const error = jsonStreamError(text, objects);
    if (error) {
      // A template that opens with `{{` is not JSON for its actions' sake.
      const action = usesUndeclaredVariable(text) ? null : actionLine(text, 0, text.length);
      if (action !== null) return fail('template', templateMessage, action);
      // So is one that opens with a Jinja or Liquid tag (`{% raw %}`, docs snippets and Ansible templates).
      const tag = actionLine(text, 0, text.length, tagAction);
      if (tag !== null) return fail('template', tagMessage, tag);
      if (isJsoncConfiguration(file, text) || isYamlConfiguration(file, text)) return noManifest(file);
      const message = `not valid JSON (kubectl reads a file that starts with "{" as JSON): ${error.message}`;
      return fail('malformed', message, problemLine(lineCounterOf(text), error.offset, lastContentOffset(text)));
    }
  }

  // Read as goyaml reads it (same offsets); lines are counted in the file's own text.
  const read = asGoyamlReads(text);
  let loaded: LoadedFile;
  try {
    // Several JSON objects one after another: kubectl reads each, a YAML reader takes them for one document.
    if (objects.length > 1) loaded = loadWithYaml(file, read, text, null, (readText) => jsonValueDocuments(readText, objects));
    else {
      const byEvents = options.eventReader === false ? null : readByEvents(read, text);
      loaded = byEvents === null ? loadWithYamlReindenting(file, read, text) : fromEvents(file, read, byEvents, options.keepEvents === true);
    }
  } catch (caught) {
    if (!(caught instanceof NestingTooDeep)) throw caught;
    return fail('too-large', tooDeep, lineCounterOf(text).linePos(caught.offset).line);
  }
  const malformed = loaded.problems.some((problem) => problem.kind === 'malformed');
  // A `.json` file that opens with a comment (or a byte-order mark) is read as YAML, which refuses JSONC too.
  if (malformed && isJsoncConfiguration(file, text)) return noManifest(file);
  // Lines that kubectl refuses while cutting the file into documents, which a YAML reader accepts (when it refuses one, it says why).
  const cut = malformed ? null : kubectlCutError(text);
  if (cut !== null) loaded = { ...loaded, problems: [...loaded.problems, { file, line: cut.line, kind: 'malformed', message: cut.message }] };
  else if (!malformed) loaded = withoutSkippedDocuments(loaded, text);
  if (options.rendered === true) return loaded;
  // Most files have no template action at all: one scan of the text decides.
  if (templateAction.test(text) && !usesUndeclaredVariable(text)) return markTemplate(loaded, text, options.podFree);
  // A placeholder can also decode to what no manifest holds (`{{ NAME }}` unquoted is a flow mapping, as a key).
  return malformed || loaded.problems.some((problem) => problem.kind === 'invalid') ? markFillInTemplate(loaded, text) : loaded;
}

/** The file without the documents kubectl never reads (separators.ts), each named by a warning. */
function withoutSkippedDocuments(loaded: LoadedFile, text: string): LoadedFile {
  const skipped = documentsKubectlSkips(text, loaded.documents);
  if (skipped.length === 0) return loaded;
  const problems: LoadProblem[] = [...loaded.problems];
  for (const i of skipped) {
    const { file, line } = loaded.documents[i]!;
    problems.push({ file, line, kind: 'skipped-document', message: skippedMessage });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const unread = new Set(skipped);
  return { ...loaded, documents: loaded.documents.filter((_, i) => !unread.has(i)), problems };
}

const skippedMessage =
  'kubectl never applies this document: it follows a document end (...) with no --- line, and kubectl (like kustomize) reads only the first document between --- lines; it was not checked (start it with --- to apply it)';

/** A file that holds no Kubernetes object: nothing to check and nothing to report. */
function noManifest(file: string): LoadedFile {
  return { file, documents: [], problems: [] };
}

/**
 * The keys whose values are a program's own words (a container's `command`
 * and `args`: `oc get … --template={{.spec.bucketName}}`, `docker ps
 * --format '{{.Names}}'`), which braces in are the program's, not a
 * template's that fills in the manifest.
 */
const programWords = new Set(['command', 'args']);

/**
 * The keys and string values of a decoded document with a template action
 * in them (comments are not in it): not in a program's own words, nor in a
 * string of several lines (a script, a config file), whose braces are
 * theirs.
 */
function templatedStrings(value: JsonValue): string[] {
  const found: string[] = [];
  const stack: JsonValue[] = [value];
  // Aliases decode to shared objects: each is looked at once.
  const seen = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      if (!item.includes('\n') && templateAction.test(item)) found.push(item);
      continue;
    }
    if (item === null || typeof item !== 'object' || seen.has(item)) continue;
    seen.add(item);
    if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
      continue;
    }
    for (const [key, child] of Object.entries(item)) {
      if (templateAction.test(key)) found.push(key);
      if (child !== undefined && !(programWords.has(key) && Array.isArray(child))) stack.push(child);
    }
  }
  return found;
}

const templateMessage = 'looks like a Go/Helm template ({{ … }}); render it first (e.g. `helm template`) and check the output';

/** A Jinja or Liquid statement tag (`{% raw %}`, `{%- if x %}`): Ansible, Salt and docs-site templates. */
const tagAction = /\{%-?\s*[a-z]+\b/;
const tagMessage = 'looks like a Jinja or Liquid template ({% … %}); render it first and check the output';

/**
 * Template syntaxes other than Go's that leave a file malformed YAML until
 * something fills them in: Jinja or Liquid tags, the `@NAME@` placeholders a
 * script substitutes with sed (longhorn's scale test writes
 * `name: @STS_NAME@`, which YAML refuses: `@` cannot start a plain value),
 * names in double braces (`{{CA_IMAGE}}`, a YAML flow mapping unquoted),
 * and shell variables in a flow list (`[${NAME}]`, a flow mapping there).
 */
const fillInTemplates: readonly { readonly pattern: RegExp; readonly message: string }[] = [
  { pattern: tagAction, message: tagMessage },
  { pattern: /@[A-Z][A-Z0-9_]*@/, message: placeholdersMessage('@NAME@') },
  // A name in double braces, no Go action (which starts with `.`, `$` or a keyword): cluster-autoscaler's e2e
  // template writes `{{CA_IMAGE}}` for its script to fill in, docs snippets `{{ Elastic-IP-address }}`.
  { pattern: /\{\{\s*[A-Za-z][\w-]*\s*\}\}/, message: placeholdersMessage('{{NAME}}') },
  // Shell variables `envsubst` fills in, in a flow list (clickhouse-operator's config template writes
  // `namespaces: [${WATCH_NAMESPACES}]`), where they open a flow mapping. In a plain value one is a
  // string (Flux's substitutions): a file broken elsewhere that has one stays malformed.
  { pattern: /\[[^\]\n]*\$\{[A-Za-z_][A-Za-z0-9_]*\}/, message: placeholdersMessage('${NAME}') },
];

/** The note of a file of placeholders a script fills in, written `shape`. */
function placeholdersMessage(shape: string): string {
  return `looks like a template with \`${shape}\` placeholders; fill them in first (the script that substitutes them) and check the output`;
}

/**
 * The first template action of `text[from, to)` (Go's, or those `pattern`
 * finds) that is not in a comment (`#` at the start of the line or after a
 * blank), as a 1-based line.
 */
function actionLine(text: string, from: number, to: number, pattern: RegExp = templateAction): number | null {
  const actions = new RegExp(pattern.source, 'g');
  actions.lastIndex = from;
  for (let match = actions.exec(text); match !== null && match.index < to; match = actions.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index - 1) + 1;
    if (/(?:^|\s)#/.test(text.slice(lineStart, match.index))) continue;
    return text.slice(0, match.index).split('\n').length;
  }
  return null;
}

/** The first line one of some keys or values is written on in a document's text, as they read (not quoted with escapes). */
function wordsLine(text: string, words: readonly string[], { start, end }: { readonly start: number; readonly end: number }): number | null {
  let first = end;
  for (const each of words) {
    const at = text.indexOf(each, start);
    if (at !== -1 && at < first) first = at;
  }
  return first === end ? null : lineCounterOf(text).linePos(first).line;
}

/**
 * A file with template actions: a template only where the actions are in
 * the YAML itself. Comments cannot hide a manifest: a file that parses, with
 * actions only in its comments, is checked like any other. Documents that
 * parse are always checked, even with actions in their values (their literal
 * settings are what the rendered manifest will hold); then the file is also
 * reported as a template, not checked whole. Parse errors in a file with
 * actions outside its comments are the template's syntax: one template
 * problem stands for them.
 */
function markTemplate(loaded: LoadedFile, text: string, podFree: ((value: JsonValue) => boolean) | undefined): LoadedFile {
  const broken = loaded.problems.filter((p) => p.kind === 'malformed' || p.kind === 'invalid');
  const codeLine = broken.length > 0 ? actionLine(text, 0, text.length) : null;
  // A file that parses is a template for the documents whose actions could reach a pod spec.
  let templated: { readonly document: ManifestDocument; readonly words: readonly string[] } | undefined;
  for (const document of loaded.documents) {
    const words = templatedStrings(document.value);
    if (words.length > 0 && podFree?.(document.value) !== true) {
      templated = { document, words };
      break;
    }
  }
  if (codeLine === null && templated === undefined) return loaded;
  const problems = codeLine === null ? [...loaded.problems] : loaded.problems.filter((p) => !broken.includes(p));
  if (codeLine !== null) {
    problems.push({ file: loaded.file, line: codeLine, kind: 'template', message: templateMessage });
  } else if (templated !== undefined) {
    problems.push({
      file: loaded.file,
      line: wordsLine(text, templated.words, templated.document.source) ?? actionLine(text, templated.document.source.start, templated.document.source.end) ?? templated.document.line,
      kind: 'template',
      message: 'has Go/Helm template actions ({{ … }}) in its values: only its literal settings were checked; render it (e.g. `helm template`) to check it whole',
    });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...loaded, problems };
}

/**
 * A file that does not parse or decode, with the syntax of a template that
 * is filled in (fillInTemplates) outside its comments: one template problem
 * stands for its parse errors (as for a Go template, markTemplate). A file that parses
 * keeps its verdicts: a tag or placeholder in a value is data.
 */
function markFillInTemplate(loaded: LoadedFile, text: string): LoadedFile {
  for (const { pattern, message } of fillInTemplates) {
    const line = actionLine(text, 0, text.length, pattern);
    if (line === null) continue;
    // A document the placeholders leave readable is checked as written (GKE's samples: a Deployment beside a Secret of `{{HF_TOKEN}}`).
    const checked = loaded.documents.length > 0 ? '; the documents that load were checked as written' : '';
    const template: LoadProblem = { file: loaded.file, line, kind: 'template', message: `${message}${checked}` };
    const problems = [...loaded.problems.filter((p) => p.kind !== 'malformed' && p.kind !== 'invalid'), template];
    return { ...loaded, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }
  return loaded;
}

/**
 * `yaml`'s documents of a text. `failsafe` keeps every scalar a string:
 * decode.ts resolves them with Kubernetes' YAML 1.1 rules. Duplicate keys are
 * allowed here because Kubernetes lets the last one win.
 */
function parseYamlDocuments(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text, { ...yamlOptions, prettyErrors: false });
  return Array.isArray(parsed) ? parsed : [];
}

/**
 * The documents of a JSON stream of several objects (jsonStream.ts), each
 * parsed alone with the offsets it has in the whole text: kubectl reads
 * `{…}{…}` and `{…}` lines as one object after another, which a YAML reader
 * refuses as one document.
 */
function jsonValueDocuments(text: string, values: readonly (readonly [number, number])[]): Document.Parsed[] {
  const documents: Document.Parsed[] = [];
  for (const [start, end] of values) documents.push(...parseSlice(text, start, end));
  return documents;
}

/** `yaml`'s documents of `text.slice(from, until)`, with the offsets they have in the whole text. */
function parseSlice(text: string, from: number, until: number): Document.Parsed[] {
  const parser = new Parser();
  parser.offset = from;
  return [...new Composer(yamlOptions).compose(parser.parse(text.slice(from, until)), true, until)];
}

/**
 * goyaml reads a tagged collection as the plain collection it is (`env:
 * !!omap [...]` is a list) and leaves every scalar to decode.ts: these tags
 * keep `yaml` from building its own classes (pairs, sets, dates, bytes).
 */
const plainCollection = (name: string, collection: 'map' | 'seq') => ({
  tag: `tag:yaml.org,2002:${name}`,
  collection,
  nodeClass: collection === 'seq' ? YAMLSeq : YAMLMap,
  resolve: <T>(value: T) => value,
});
const sourceText = (name: string) => ({ tag: `tag:yaml.org,2002:${name}`, resolve: (text: string) => text });
const customTags = [
  plainCollection('omap', 'seq'),
  plainCollection('pairs', 'seq'),
  plainCollection('set', 'map'),
  ...['binary', 'timestamp', 'bool', 'int', 'float', 'null'].map(sourceText),
];

const yamlOptions = { schema: 'failsafe', uniqueKeys: false, merge: false, customTags } as const;

/** The lines of a text, counted at `\n` only. */
function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/**
 * The line to report a problem found at `offset`: a reader that runs out of
 * text (an unclosed quote or bracket) reports the end of the file, which is
 * past the last line a reader can see; the last line with content is where
 * the reader stopped. `lastContent` is the offset of that content's last
 * character (computed once per file by `lastContentOffset`).
 */
function problemLine(lineCounter: LineCounter, offset: number, lastContent: number): number {
  return lineCounter.linePos(Math.min(offset, lastContent)).line;
}

function lastContentOffset(text: string): number {
  return Math.max(0, text.trimEnd().length - 1);
}

/**
 * The reference path: every YAML feature, and the wording and line of every
 * problem. `text` is read, `lineText` (of the same length) gives the lines.
 */
function loadWithYaml(
  file: string,
  text: string,
  lineText: string = text,
  reindented: Reindented | null = null,
  parse: (text: string) => Document.Parsed[] = parseYamlDocuments,
): LoadedFile {
  const lineCounter = lineCounterOf(lineText);
  let parsed: Document.Parsed[];
  try {
    parsed = parse(text);
    if (reindented) for (const doc of parsed) mapOffsets(doc, (offset) => originalOffset(reindented, offset));
  } catch (error) {
    const tooDeepToParse = error instanceof RangeError;
    const message = tooDeepToParse ? tooDeep : `cannot parse: ${String(error)}`;
    return { file, documents: [], problems: [{ file, line: null, message, kind: tooDeepToParse ? 'too-large' : 'malformed' }] };
  }

  const lineOf = (offset: number | undefined): number | null => (offset === undefined ? null : lineCounter.linePos(offset).line);
  let lastContent: number | undefined;
  const problemLineOf = (offset: number) => problemLine(lineCounter, offset, (lastContent ??= lastContentOffset(lineText)));
  const documents: ManifestDocument[] = [];
  const problems: LoadProblem[] = [];
  parsed.forEach((doc, index) => {
    const startLine = lineOf(doc.contents?.range[0] ?? doc.range[0]) ?? 1;
    const error = doc.errors[0];
    if (error) {
      const line = problemLineOf(error.pos[0]);
      const message = malformedMessage(error.message, lineTextAt(lineText, lineCounter, line));
      problems.push({ file, line, message, kind: message === tooDeep ? 'too-large' : 'malformed' });
      return;
    }
    if (doc.contents === null) return; // an empty document (e.g. a trailing `---`)
    // The same limit as the event reader's, wherever `yaml` itself still copes.
    const deep = nodeDeeperThan(doc.contents, nestingLimit);
    if (deep !== null) {
      problems.push({ file, line: lineOf(deep.range?.[0]) ?? startLine, message: tooDeep, kind: 'too-large' });
      return;
    }
    try {
      const value = decodeDocument(doc);
      if (value === null) return; // only comments, or `---` with nothing after it
      const [start, , end] = doc.contents.range;
      documents.push({ file, index, line: startLine, value, source: { doc, layout: doc, lineCounter, start, end } });
    } catch (caught) {
      if (!(caught instanceof DecodeError)) throw caught;
      const node = caught.node as Node | null;
      const line = lineOf(node?.range?.[0]) ?? startLine;
      problems.push({ file, line, message: caught.message, kind: caught.kind === 'alias-bomb' ? 'alias-bomb' : 'invalid' });
    }
  });
  return { file, documents, problems };
}

const malformedCount = (loaded: LoadedFile) => loaded.problems.filter((p) => p.kind === 'malformed').length;

/**
 * The `yaml` path, and when it finds malformed YAML, a second reading with
 * the continuation lines of quoted scalars and flow collections indented as
 * YAML 1.2 wants them (flowIndent.ts): goyaml does not ask for it. The second
 * reading wins when it leaves fewer documents malformed.
 */
function loadWithYamlReindenting(file: string, text: string, lineText: string): LoadedFile {
  const first = loadWithYaml(file, text, lineText);
  if (malformedCount(first) === 0) return first;
  const reindented = reindentFlowContinuations(text);
  if (reindented === null) return first;
  const second = loadWithYaml(file, reindented.text, lineText, reindented);
  return malformedCount(second) < malformedCount(first) ? second : first;
}

/** Move every offset of a parsed document (nodes, the document, its errors) through `map`. */
function mapOffsets(doc: Document.Parsed, map: (offset: number) => number): void {
  const mapRange = <T extends number[]>(range: T): T => range.map(map) as T;
  doc.range = mapRange(doc.range);
  for (const error of [...doc.errors, ...doc.warnings]) error.pos = mapRange(error.pos);
  visit(doc, {
    Node(_, node) {
      if (node.range) node.range = mapRange(node.range);
    },
  });
}

/** What the event reader read of a text, with the cut and the lines its documents need. */
export interface ReadByEvents {
  readonly read: EventRead;
  readonly starts: readonly number[];
  readonly lineCounter: LineCounter;
}

/**
 * The event reader's documents, or null when the text is for the `yaml` path.
 * `text` is read, `lineText` (of the same length) gives the lines.
 */
export function readByEvents(text: string, lineText: string = text): ReadByEvents | null {
  // A document's trees are built from its segment, so only streams that can be cut are read by events.
  const starts = segmentStarts(text);
  if (starts === null) return null;
  const lineCounter = lineCounterOf(lineText);
  const read = readEventDocuments(text, lineCounter.lineStarts);
  return read === null ? null : { read, starts, lineCounter };
}

/**
 * Documents the event reader decoded. Their trees, which only the fix engine
 * (`layout`) and the config reader (`doc`) need, are built on first use, each
 * from its own segment of the stream (a `---` at column 0 always starts a
 * document): `layout` from the segment's events, `doc` by `yaml`.
 */
function fromEvents(file: string, text: string, { read, starts, lineCounter }: ReadByEvents, keepEvents: boolean): LoadedFile {
  // Held only by the documents' sources, and let go with them or when released.
  const stream: EventStream = { file, text, starts, events: keepEvents ? read.events : null };
  const documents = read.documents.map(({ index, firstEvent, value, place }): ManifestDocument => {
    const source = new EventSourceDocument(stream, lineCounter, place, firstEvent);
    return { file, index, line: lineCounter.linePos(source.start).line, value, source };
  });
  return { file, documents, problems: [], ...(keepEvents ? { releaseEvents: () => (stream.events = null) } : {}) };
}

/** What the documents of one text the event reader read share: the text, its cut into segments, and its events while they are kept. */
interface EventStream {
  readonly file: string;
  readonly text: string;
  readonly starts: readonly number[];
  events: readonly Event[] | null;
}

/**
 * The source of a document the event reader read, with its trees built on
 * first use. A class, not an object literal with getters: V8 keeps each such
 * literal's getters in the old generation from the start, so whatever they
 * hold (the trees, the events, the text) outlived the document through every
 * young-generation collection until a full one. In the reference
 * repository's JSON report, which builds a layout for most documents, that
 * was most of what those collections copied.
 */
class EventSourceDocument implements SourceDocument {
  readonly start: number;
  readonly end: number;
  private readonly segment: number;
  private docTree: Document | undefined;
  private layoutTree: Document | undefined;

  constructor(
    private readonly stream: EventStream,
    readonly lineCounter: LineCounter,
    readonly place: Place,
    private readonly firstEvent: number,
  ) {
    this.start = placeOffset(place);
    this.segment = segmentAt(stream.starts, this.start);
    this.end = stream.starts[this.segment + 1] ?? stream.text.length;
  }

  get doc(): Document {
    const { file, text, starts } = this.stream;
    this.docTree ??= treeOfSegment(file, text, segmentFrom(text, starts, this.segment), this.end, this.start);
    return this.docTree;
  }

  get layout(): Document {
    const { text, starts, events } = this.stream;
    this.layoutTree ??=
      (events === null ? treeFromEvents(text, segmentFrom(text, starts, this.segment), this.end, this.start) : treeFromStreamEvents(text, events, this.firstEvent, this.start)) ??
      this.doc;
    return this.layoutTree;
  }
}

/**
 * Where the text of segment k's document starts: its `---`, or the start of
 * the file when only comments come before that (`yaml` gives them to the
 * first document, as a comment before it).
 */
function segmentFrom(text: string, starts: readonly number[], k: number): number {
  const from = starts[k] ?? 0;
  if (k !== 1 || text.startsWith('---')) return from;
  return /^(?:[ \t]*(?:#.*)?(?:\r?\n|$))*$/.test(text.slice(0, from)) ? 0 : from;
}

/**
 * The `yaml` tree of the document whose content starts at `contentStart`,
 * parsed from its segment [from, to) alone, with offsets counted from the
 * start of the file as a parse of the whole file would give them.
 */
function treeOfSegment(file: string, text: string, from: number, to: number, contentStart: number): Document {
  // With the next document's `---` in view, the document ends where it does in the whole stream
  // (at the end of the input, `yaml` stretches the last node over trailing comments).
  const trees = parseSlice(text, from, to < text.length ? to + 3 : to);
  const tree = trees.find((t) => t.contents !== null);
  // The event reader gave up on anything the yaml path reads otherwise (tested), so this is a bug.
  if (tree === undefined || tree.errors.length > 0 || tree.contents?.range[0] !== contentStart) {
    throw new Error(`${file}: yaml and the event reader disagree on the document at offset ${contentStart}`);
  }
  return tree;
}

/** A collection nested more than `limit` levels inside `node`, or null (aliases are not followed: decode.ts budgets them). */
function nodeDeeperThan(node: unknown, limit: number): Node | null {
  if (!isCollection(node)) return null;
  if (limit === 0) return node;
  for (const item of node.items) {
    const child = isPair(item) ? item.value : item;
    const deep = nodeDeeperThan(child, limit - 1) ?? (isPair(item) ? nodeDeeperThan(item.key, limit - 1) : null);
    if (deep !== null) return deep;
  }
  return null;
}

const tooDeep = `collections nest deeper than ${nestingLimit} levels, the most this reader reads (kubectl reads up to 10000); it was not checked`;

/**
 * The problem for a document error, in words: a stack overflow inside
 * `yaml` is the nesting limit; a `{NAME}` placeholder a script substitutes
 * before applying (`clusterIP: {SERVICE_IP_PREFIX}.16`) opens a flow
 * mapping, which is said with the line's placeholder.
 */
function malformedMessage(message: string, line: string): string {
  if (message.includes('Maximum call stack size exceeded')) return tooDeep;
  const placeholder = bracePlaceholder.exec(line)?.[1];
  const hint = placeholder === undefined ? '' : ` (${flowMappingHint(placeholder, 'quote the placeholder, or substitute it first')})`;
  return `malformed YAML: ${firstLine(message)}${hint}`;
}

/** A `{NAME}` placeholder where a value starts (after `key: ` or `- `); not a template's `{{ … }}`. */
const bracePlaceholder = /(?:^|:|-)\s+(\{[A-Za-z_][A-Za-z0-9_.-]*\})(?!\})/;

/** The text of a line (1-based) of `text`, whose lines `lineCounter` counted. */
function lineTextAt(text: string, lineCounter: LineCounter, line: number): string {
  const start = lineCounter.lineStarts[line - 1] ?? text.length;
  const end = lineCounter.lineStarts[line] ?? text.length;
  return text.slice(start, end);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
