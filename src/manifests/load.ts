/**
 * Load a manifest file: bytes in, decoded documents and problems out (pure).
 *
 * Files that cannot be evaluated become problems naming the file and line:
 * binary or oversized files, Go/Helm templates (they must be rendered first),
 * malformed YAML, alias bombs. One broken document does not hide the others.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node } from 'yaml';
import { DecodeError, decodeDocument } from './decode.js';
import type { LoadProblem, LoadedFile, ManifestDocument } from './types.js';

export interface LoadOptions {
  /** Files larger than this are reported, not parsed. */
  readonly maxBytes: number;
}

export const defaultLoadOptions: LoadOptions = { maxBytes: 4 * 1024 * 1024 };

/**
 * Go template actions as Helm charts write them: `{{ .Values.x }}`,
 * `{{- if … }}`, `{{ include … }}`, template comments. Plain `{{name}}`
 * placeholders (Argo Workflows, Prometheus rules) are valid YAML strings and
 * are not templates for this purpose.
 */
const templateAction =
  /\{\{-?\s*(?:[.$]|\/\*|(?:if|else|end|range|with|define|template|block|include|tpl|toYaml|printf|required|default|quote|lookup)\b)/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function loadManifestFile(file: string, content: Uint8Array | string, options: LoadOptions = defaultLoadOptions): LoadedFile {
  const fail = (kind: LoadProblem['kind'], message: string, line: number | null = null): LoadedFile => ({
    file,
    documents: [],
    problems: [{ file, line, message, kind }],
  });

  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (size > options.maxBytes) {
    return fail('too-large', `file is ${size} bytes, over the limit of ${options.maxBytes} bytes; it was not checked`);
  }
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    // Like git, call a file binary when it has a NUL byte; also when it is not UTF-8.
    if (content.includes(0)) return fail('binary', 'binary file (it contains NUL bytes); it was not checked');
    try {
      text = utf8.decode(content);
    } catch {
      return fail('binary', 'file is not UTF-8 text; it was not checked');
    }
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);

  const templateMatch = templateAction.exec(text);
  if (templateMatch) {
    const line = text.slice(0, templateMatch.index).split('\n').length;
    return fail(
      'template',
      'looks like a Go/Helm template ({{ … }}); render it first (e.g. `helm template`) and check the output',
      line,
    );
  }

  const lineCounter = new LineCounter();
  let parsed: Document.Parsed[];
  try {
    // `failsafe` keeps every scalar a string: decode.ts resolves them with
    // Kubernetes' YAML 1.1 rules. Duplicate keys are allowed here because
    // Kubernetes lets the last one win.
    parsed = parseAllDocuments(text, { lineCounter, schema: 'failsafe', uniqueKeys: false, merge: false, prettyErrors: false });
  } catch (error) {
    return fail('malformed', `cannot parse: ${String(error)}`);
  }
  if (!Array.isArray(parsed)) parsed = [];

  const lineOf = (offset: number | undefined): number | null => (offset === undefined ? null : lineCounter.linePos(offset).line);
  const documents: ManifestDocument[] = [];
  const problems: LoadProblem[] = [];
  parsed.forEach((doc, index) => {
    const startLine = lineOf(doc.contents?.range[0] ?? doc.range[0]) ?? 1;
    const error = doc.errors[0];
    if (error) {
      problems.push({ file, line: lineOf(error.pos[0]), message: `malformed YAML: ${firstLine(error.message)}`, kind: 'malformed' });
      return;
    }
    if (doc.contents === null) return; // an empty document (e.g. a trailing `---`)
    try {
      const value = decodeDocument(doc);
      if (value === null) return; // only comments, or `---` with nothing after it
      documents.push({ file, index, line: startLine, value, source: { doc, lineCounter } });
    } catch (caught) {
      if (!(caught instanceof DecodeError)) throw caught;
      const node = caught.node as Node | null;
      const line = lineOf(node?.range?.[0]) ?? startLine;
      problems.push({ file, line, message: caught.message, kind: caught.kind === 'alias-bomb' ? 'alias-bomb' : 'invalid' });
    }
  });
  return { file, documents, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
