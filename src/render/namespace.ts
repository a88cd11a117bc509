/**
 * The release namespace of a Helm rendering (pure). `helm template
 * --namespace NS` writes `metadata.namespace` only where a template says
 * `{{ .Release.Namespace }}`; `helm install` sends every other object to NS,
 * and the API server places it there. So a rendered pod-bearing object
 * without a namespace is given NS here, before it is judged: the Namespace
 * labels and the namespace rules of the policy then apply to it as they
 * will in the cluster, and base and head are matched in the same namespace.
 *
 * The text is edited, not re-serialised, so that everything else reads as
 * helm wrote it: a line `namespace: "NS"` is added to a block `metadata:`,
 * an empty `namespace:` gets the value on its own line, and a flow
 * `metadata: {…}` gets the key inside its braces.
 */
import { locate } from '../locate/locate.js';
import { loadManifestFile, renderedLoadOptions } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { JsonValue } from '../pss/types.js';
import { findWorkloadKind } from '../workloads/kinds.js';

type Edit = { readonly line: number; readonly apply: (lines: string[]) => void };

const isObject = (value: JsonValue | undefined): value is { [key: string]: JsonValue } => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How to give one document the namespace, or null (it has one, is not a pod-bearing kind, or its metadata is not where we can write). */
function editOf(document: ManifestDocument, lines: readonly string[], namespace: string): Edit | null {
  const value = document.value;
  if (!isObject(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return null;
  if (findWorkloadKind(value.apiVersion, value.kind) === undefined) return null;
  const metadata = value.metadata;
  if (!isObject(metadata)) return null;
  const written = JSON.stringify(namespace);
  if ('namespace' in metadata) {
    // `namespace:` with no value (a template's empty `{{ .Values.namespace }}`): the request's namespace applies.
    if (metadata.namespace !== null && metadata.namespace !== '') return null;
    const at = locate(document.source, ['metadata', 'namespace']);
    const line = lines[at.line - 1];
    if (!at.exact || line === undefined) return null;
    const empty = /^(\s*(?:"namespace"|'namespace'|namespace)\s*:)\s*(?:""|''|null|Null|NULL|~)?\s*(#.*)?$/.exec(line);
    if (empty === null) return null;
    return { line: at.line, apply: (all) => void (all[at.line - 1] = `${empty[1]} ${written}${empty[2] === undefined ? '' : ` ${empty[2]}`}`) };
  }
  const first = Object.keys(metadata)[0];
  if (first === undefined) return null;
  const at = locate(document.source, ['metadata', first]);
  const line = lines[at.line - 1];
  if (!at.exact || line === undefined) return null;
  const before = line.slice(0, at.column - 1);
  if (/^\s*$/.test(before)) {
    // A block mapping: a key line of its own, at the indentation of its first key.
    return { line: at.line, apply: (all) => void all.splice(at.line - 1, 0, `${before}namespace: ${written}`) };
  }
  if (/[{,]\s*$/.test(before)) {
    // A flow mapping (or JSON): the key goes in front of the first one, on the same line.
    return { line: at.line, apply: (all) => void (all[at.line - 1] = `${before}"namespace": ${written}, ${line.slice(at.column - 1)}`) };
  }
  return null;
}

/** `text` (helm's output) with `namespace` given to every pod-bearing object that has none. */
export function placeInNamespace(text: string, namespace: string): string {
  const { documents } = loadManifestFile('rendered.yaml', text, renderedLoadOptions());
  const lines = text.split('\n');
  const edits = documents.map((document) => editOf(document, lines, namespace)).filter((edit): edit is Edit => edit !== null);
  if (edits.length === 0) return text;
  // Last line first, so that an added line does not move the lines still to edit.
  for (const edit of edits.sort((a, b) => b.line - a.line)) edit.apply(lines);
  return lines.join('\n');
}
