/**
 * Find the pod specs in a decoded document: the pod of a Pod, the pod
 * template of a workload, and those of `List` items (spec §4.1). Each comes
 * with its identity (kind, namespace, name) and the path of its template in
 * the document, so that the engine's pod-relative field paths can be mapped
 * back to lines.
 *
 * Documents that are not Kubernetes objects (no `apiVersion`/`kind`) and
 * objects of other kinds are skipped silently: a repository holds plenty of
 * YAML that is none of our business.
 */
import { locate } from '../locate/locate.js';
import { detached } from '../manifests/detached.js';
import type { LoadProblem, ManifestDocument } from '../manifests/types.js';
import { formatFieldPath } from '../pss/paths.js';
import { isObject, obj, str } from '../pss/pod.js';
import type { FieldPath, JsonObject, JsonValue, PodInput } from '../pss/types.js';
import { applyApiServerDefaults } from './defaults.js';
import { chartMessage, chartReferenceOf } from './charts.js';
import type { ChartReference } from './charts.js';
import { findWorkloadKind, misplacedWorkloadKind } from './kinds.js';
import { validateObject, validateTemplate } from './validate.js';
import type { FieldTypeError } from './validate.js';

/** One pod spec found in a manifest. */
export interface PodSpecSource {
  readonly document: ManifestDocument;
  readonly apiVersion: string;
  readonly kind: string;
  /** The workload's own namespace and name (not the template's). Null when not set. */
  readonly namespace: string | null;
  readonly name: string;
  /** Path of the workload object in the document: [] or ['items', 3]. */
  readonly objectPath: FieldPath;
  /** Path of the pod template (the object holding `metadata` and `spec`) in the document. */
  readonly templatePath: FieldPath;
  /** What the checks see: template metadata and the defaulted spec. */
  readonly pod: PodInput;
}

/**
 * An object that has a GitOps controller install a Helm chart (charts.ts):
 * its pod specs are made in the cluster, so it is reported as not checked.
 */
export interface ChartInstall {
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
  /** The object as written: a change compares it with the base's. */
  readonly object: JsonObject;
  readonly problem: LoadProblem;
}

export interface Extraction {
  readonly pods: readonly PodSpecSource[];
  readonly problems: readonly LoadProblem[];
  readonly charts: readonly ChartInstall[];
}

/** Most documents install no chart: they share one empty list. */
const noCharts: readonly ChartInstall[] = [];

function at(value: JsonValue | undefined, path: FieldPath): JsonValue | undefined {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isObject(current) ? current[segment] : undefined;
  }
  return current;
}

/**
 * In a Go `map[string]string`, a JSON null becomes "": `key: ~` is an empty
 * annotation to the API server (which AppArmor allows and legacy seccomp
 * forbids), not an absent one.
 */
function withDecodedAnnotations(metadata: JsonObject): JsonObject {
  const annotations = obj(metadata, 'annotations');
  if (!annotations) return metadata;
  const decoded = Object.fromEntries(Object.entries(annotations).map(([key, value]) => [key, value ?? '']));
  return { ...metadata, annotations: decoded };
}

/**
 * A loaded document is never changed and extraction depends on it alone, so
 * a document's extraction is made once: the check extracts every document,
 * and the fix verifier's baseline reads the same documents as the check
 * loaded them.
 *
 * The extraction is kept on the document itself, under a key of this
 * module's own, not in a WeakMap: its pod specs refer to their document, and
 * V8's young-generation collections keep a WeakMap entry whose value refers
 * to its key (only a full collection frees such a cycle). Every file's
 * documents, layouts and extractions then lived on, copied by each of those
 * collections, until the next full one: in the reference repository's JSON
 * report, most of what they copied. It is not enumerable: a copy of the
 * document (`{ ...document, value }`, as verification makes of a fixed one)
 * is another document, with an extraction of its own.
 */
const extractionOf = Symbol('extraction');

type Extracted = ManifestDocument & { readonly [extractionOf]?: Extraction };

/** The pod specs of a document, made once per document (the result is shared: never change it). */
export function extractPodSpecs(document: ManifestDocument): Extraction {
  const known = (document as Extracted)[extractionOf];
  if (known !== undefined) return known;
  const extraction = extractPodSpecsAfresh(document);
  Object.defineProperty(document, extractionOf, { value: extraction });
  return extraction;
}

/**
 * For a fixed document: the pod spec found in the original document at the
 * original of an object path, if any. Found means its object validated
 * without error; when it is of the same apiVersion and kind, whatever the
 * fix left as it was (the very same values) is not validated again.
 */
export type OriginalPodSpec = (objectPath: FieldPath) => PodSpecSource | undefined;

/**
 * The pod specs of a document read only once (a fixed text being verified):
 * as extractPodSpecs, but not kept, for the thousands of short-lived
 * documents a file's fixes are verified on.
 */
export function extractPodSpecsAfresh(document: ManifestDocument, originalOf?: OriginalPodSpec): Extraction {
  const extraction: Extracting = { document, originalOf, pods: [], problems: [], charts: null };
  if (isObject(document.value)) visitObject(extraction, document.value, []);
  return { pods: extraction.pods, problems: extraction.problems, charts: extraction.charts ?? noCharts };
}

/**
 * What a visit of one document's objects shares. The visit is a function of
 * the module, not a closure made per document: a closure's optimized code
 * goes with it (see FileFixer in fixes/fixFile.ts), and a run verifies
 * thousands of documents.
 */
interface Extracting {
  readonly document: ManifestDocument;
  readonly originalOf: OriginalPodSpec | undefined;
  readonly pods: PodSpecSource[];
  readonly problems: LoadProblem[];
  charts: ChartInstall[] | null;
}

/**
 * An object's own namespace, null when not set. Findings and verdicts keep it
 * (and the name) to the end of the run: copies, not views of the file's text.
 */
function namespaceOf(metadata: JsonObject | undefined): string | null {
  const namespace = metadata?.namespace;
  return typeof namespace === 'string' && namespace !== '' ? detached(namespace) : null;
}

function chartInstall(document: ManifestDocument, object: JsonObject, objectPath: FieldPath, kind: string, chart: ChartReference): ChartInstall {
  const metadata = obj(object, 'metadata');
  const name = str(metadata, 'name');
  return {
    kind: detached(kind),
    namespace: namespaceOf(metadata),
    name: detached(name),
    object,
    problem: { file: document.file, line: locate(document.source, [...objectPath, ...chart.path]).line, message: chartMessage(kind, name, chart), kind: 'not-rendered' },
  };
}

/** Why a field holding a variable or placeholder (substitution.ts) is not checked. */
function placeholderMessage(field: string, placeholder: string, more: string): string {
  if (placeholder.startsWith('$')) {
    return `${field} is \`${placeholder}\`${more}, a variable substituted before the cluster reads the object (Flux's postBuild, envsubst): substitute it first, then check the output`;
  }
  return `${field} holds \`${placeholder}\`${more}, a placeholder that a build step fills in before the cluster reads the object: fill it in first, then check the output`;
}

/**
 * A field of the wrong type, for which the API server would refuse the
 * object; or a variable or placeholder filled in before the cluster reads
 * it (Flux's `postBuild`, envsubst, a build step's), which makes the object
 * as written a template, not checked, rather than one the API server would
 * refuse (`morePlaceholders`: how many more the object holds).
 */
function fieldProblem({ document, problems }: Extracting, error: FieldTypeError, morePlaceholders = 0): void {
  const field = formatFieldPath(error.path);
  const more = morePlaceholders === 0 ? '' : ` (and ${morePlaceholders} more in this object)`;
  problems.push({
    file: document.file,
    line: locate(document.source, error.path).line,
    ...(error.variable === undefined
      ? { message: `${field}: ${error.message}; the API server would reject this object`, kind: 'invalid' as const }
      : { message: placeholderMessage(field, error.variable, more), kind: 'template' as const }),
    path: error.path,
  });
}

/**
 * An object's field problems: each field of the wrong type, and its
 * variables and placeholders as one note (one template, not checked: a
 * build step's template holds dozens of them).
 */
function fieldProblems(extraction: Extracting, errors: readonly FieldTypeError[]): void {
  // Every object of every file comes here, nearly all without an error.
  if (errors.length === 0) return;
  const placeholders = errors.filter((error) => error.variable !== undefined);
  for (const error of errors) {
    if (error.variable === undefined) fieldProblem(extraction, error);
    else if (error === placeholders[0]) fieldProblem(extraction, error, placeholders.length - 1);
  }
}

function visitObject(extraction: Extracting, object: JsonObject, objectPath: FieldPath, inheritedKind?: string, inheritedApiVersion?: string): void {
  const { document, originalOf, pods, problems } = extraction;
  const kind = typeof object.kind === 'string' ? object.kind : inheritedKind;
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : inheritedApiVersion;
  if (kind === undefined || apiVersion === undefined) return;

  // `kind: List` and typed lists (`DeploymentList`) hold objects in `items`.
  if (kind.endsWith('List') && Array.isArray(object.items)) {
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    for (let index = 0; index < object.items.length; index++) {
      const item = object.items[index];
      if (isObject(item)) visitObject(extraction, item, [...objectPath, 'items', index], itemKind, itemKind ? apiVersion : undefined);
    }
    return;
  }

  const workload = findWorkloadKind(apiVersion, kind);
  if (!workload) {
    const chart = chartReferenceOf(apiVersion, kind, object);
    if (chart !== null) (extraction.charts ??= []).push(chartInstall(document, object, objectPath, kind, chart));
    const home = misplacedWorkloadKind(apiVersion, kind);
    if (home !== undefined) {
      problems.push({
        file: document.file,
        line: locate(document.source, [...objectPath, 'apiVersion']).line,
        message: `kind ${kind} is not served by apiVersion ${apiVersion} (it is in ${home}); the API server would refuse this object, and it was not checked`,
        kind: 'wrong-group',
      });
    }
    return;
  }
  const template = at(object, workload.template);
  // A ReplicationController without a template creates no pods; a missing
  // template elsewhere reads as an empty pod spec, which passes every check.
  if (!isObject(template)) return;
  const templatePath = [...objectPath, ...workload.template];

  // The whole object, as the API server decodes it: a wrong type anywhere makes it refuse the object.
  const original = originalOf?.(objectPath);
  const valid = original !== undefined && original.apiVersion === apiVersion && original.kind === kind ? at(original.document.value, original.objectPath) : undefined;
  // A custom resource's own fields are its CRD's: its template is decoded as a pod template.
  const errors = workload.custom ? validateTemplate(template, templatePath, valid === undefined ? undefined : at(valid, workload.template)) : validateObject(object, workload.kind, objectPath, valid);
  fieldProblems(extraction, errors);
  if (errors.length > 0) return;

  const metadata = obj(object, 'metadata');
  // Findings and verdicts keep these to the end of the run: copies, not views of the file's text.
  pods.push({
    document,
    apiVersion: detached(apiVersion),
    kind: detached(kind),
    namespace: namespaceOf(metadata),
    name: detached(str(metadata, 'name')),
    objectPath,
    templatePath,
    pod: {
      metadata: withDecodedAnnotations(obj(template, 'metadata') ?? {}),
      spec: applyApiServerDefaults(obj(template, 'spec') ?? {}, workload.kind === 'Pod'),
    },
  });
}
