/**
 * CustomResourceDefinitions cut down to what a kustomize rendering needs of
 * them (pure).
 *
 * An operator's install overlays list its CRDs among their resources:
 * megabytes of OpenAPI schemas (12 MB for Argo Workflows) that kustomize
 * reads, transforms and writes back, about five seconds of each rendering,
 * and that hold no pod spec. A review renders every affected overlay at base
 * and head, and again for the suggestions it verifies: a change to Argo
 * Workflows' controller Deployment took 45 renderings and four and a half
 * minutes. So the tree written for a kustomize rendering keeps, of each CRD
 * document in a resource file, its `apiVersion`, `kind` and `metadata`:
 * what kustomize's name, namespace, label and annotation transformers read
 * and write. It decides whether a kind is namespaced from its built-in
 * OpenAPI data, never from a CRD's `spec`, so every other object renders
 * byte for byte as with the whole CRDs.
 *
 * Only where nothing else could read a CRD's `spec`: no file in the tree but
 * the CRDs themselves names `CustomResourceDefinition` (a patch, replacement
 * or var that reaches a CRD by kind), no kustomization lists `crds` (whose
 * schemas decide how custom resources merge) or inflates a chart, and the
 * file is a resource of some kustomization and nothing else (a generator's
 * file is data). A patch that reaches a CRD by name or selector alone and
 * fails on the stub fails the rendering: the caller renders the whole tree
 * then (renderer.ts).
 */
import { segmentStarts } from '../manifests/segments.js';
import { isKustomizationFile, readKustomization } from './kustomization.js';

const crdKind = 'CustomResourceDefinition';
const crdApiVersion = /^apiVersion:[ \t]*(["']?)apiextensions\.k8s\.io\/v1(?:beta1)?\1[ \t]*(?:#.*)?$/;
const crdKindLine = /^kind:[ \t]*(["']?)CustomResourceDefinition\1[ \t]*(?:#.*)?$/;
/** A key of a document's top-level block mapping, as kubectl and operators write them (plain, at column 0). */
const topLevelKey = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|$)/;
/** A line a document marker opens with nothing after it but a comment. */
const bareMarker = /^---[ \t]*(?:#.*)?$/;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * The files with the CRDs of their resource files cut down to stubs, when
 * that is safe (see above); else `files` itself. Both map paths to bytes.
 */
export function withCrdStubs(files: ReadonlyMap<string, Uint8Array>): ReadonlyMap<string, Uint8Array> {
  const texts = new Map<string, string>();
  let named = false;
  for (const [path, data] of files) {
    const text = decoder.decode(data);
    texts.set(path, text);
    named ||= text.includes(crdKind);
  }
  // Most overlays have no CRD: their kustomizations are not read again for nothing.
  if (!named) return files;
  const candidates = resourceFilesOnly(texts);
  if (candidates === null) return files;
  const stubbed = new Map<string, string>();
  for (const [path, text] of texts) {
    if (!text.includes(crdKind)) continue;
    const stubs = candidates.has(path) ? stubsIn(text) : null;
    // A file that names the kind and is not all stubbed CRDs and other objects that do not name it may read a CRD.
    if (stubs === null) return files;
    stubbed.set(path, stubs);
  }
  if (stubbed.size === 0) return files;
  const tree = new Map(files);
  for (const [path, text] of stubbed) tree.set(path, encoder.encode(text));
  return tree;
}

/** The files that kustomizations of the tree read as resources and as nothing else; null when one of them lists `crds`, inflates a chart or does not read. */
function resourceFilesOnly(texts: ReadonlyMap<string, string>): Set<string> | null {
  const paths = new Set(texts.keys());
  const resources = new Set<string>();
  const read = new Set<string>();
  for (const [path, text] of texts) {
    if (!isKustomizationFile(path)) continue;
    const kustomization = readKustomization(path, text, paths);
    if (kustomization.problem !== null || kustomization.helmCharts || /^crds[ \t]*:/m.test(text)) return null;
    for (const file of kustomization.resourceFiles) resources.add(file);
    for (const file of kustomization.otherFiles) read.add(file);
    for (const patch of kustomization.patches) if (patch.path !== null) read.add(patch.path);
  }
  for (const file of read) resources.delete(file);
  return resources;
}

/**
 * The text with each CRD document cut to its marker line, `apiVersion`,
 * `kind` and `metadata`; null when a document that is not one names the
 * kind, or when the stream or a CRD is not written plainly enough to cut by
 * its lines (directives, `...`, a marker with content, top-level keys that
 * are not plain, anchors or aliases in its metadata).
 */
function stubsIn(text: string): string | null {
  const starts = segmentStarts(text);
  if (starts === null) return null;
  let out = '';
  for (let k = 0; k < starts.length; k++) {
    const segment = text.slice(starts[k], starts[k + 1] ?? text.length);
    if (!segment.includes(crdKind)) {
      out += segment;
      continue;
    }
    const stub = stubOf(segment, k > 0);
    if (stub === null) return null;
    out += stub;
  }
  return out;
}

/** A CRD document (a segment of the stream, opening with its marker after the first) as its stub; null when it is not one or not plain. */
function stubOf(segment: string, marked: boolean): string | null {
  const lines = segment.split(/(?<=\n)/);
  // The first segment may open with a marker too; a marker with content on its line (a tag, a flow node) is not cut.
  const first = marked || lines[0]!.startsWith('---') ? 1 : 0;
  if (first === 1 && !bareMarker.test(lines[0]!.trimEnd())) return null;
  const kept: string[] = [];
  const seen = new Set<string>();
  let keeping = false;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    const bare = line.trimEnd();
    if (bare !== '' && !/^[ \t#]/.test(bare)) {
      // In a block mapping at column 0, a line that starts there is a key: the value before it has ended.
      const key = topLevelKey.exec(bare)?.[1];
      if (key === undefined || seen.has(key)) return null;
      seen.add(key);
      if (key === 'apiVersion' && !crdApiVersion.test(bare)) return null;
      if (key === 'kind' && !crdKindLine.test(bare)) return null;
      keeping = key === 'apiVersion' || key === 'kind' || key === 'metadata';
    }
    if (keeping) kept.push(line);
  }
  if (!seen.has('apiVersion') || !seen.has('kind') || !seen.has('metadata')) return null;
  const body = kept.join('');
  // What the stub keeps must read alone as it did in the document: no anchor, alias or merge key (`&`, `*`, `<<`).
  if (/[&*<]/.test(body)) return null;
  return `${lines.slice(0, first).join('')}${body}${body.endsWith('\n') ? '' : '\n'}`;
}
