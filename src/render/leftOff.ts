/**
 * Files a kustomization names only in a comment, outside its resources
 * (pure): the patches it leaves off. Kubebuilder scaffolds every operator's
 * `config/default/kustomization.yaml` so (`#- path: manager_webhook_patch.yaml`),
 * and KServe's release overlays switch patches on by uncommenting them. Such
 * a file is a fragment (a Deployment patch naming a container and its
 * ports), which read as a manifest of its own failed restricted on every
 * check of the repository. It is not read as a manifest: one that holds a
 * pod spec gets a note naming the comment that leaves it off (the others,
 * Kubebuilder's RBAC and CRD patches, lose nothing), and it is judged
 * through the rendering once a kustomization takes it in.
 */
import { loadManifestFile } from '../manifests/load.js';
import type { LoadProblem } from '../manifests/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import type { TextFile } from './applications.js';
import type { Kustomization } from './kustomization.js';
import { joinPath } from './paths.js';

export interface LeftOffFile {
  readonly file: string;
  /** The kustomization, and the line of the comment that names the file. */
  readonly kustomization: string;
  readonly line: number;
}

/** A YAML comment: `#` at the start of a line or after a blank. */
const comment = /(?:^|\s)#(.*)$/;
/**
 * A list entry or a `path:` naming a manifest by its relative path, as a
 * kustomization writes one (`- deploy.yaml`, `- path: patch.yaml`): a file
 * a comment only mentions in prose is not taken to be left off.
 */
const entry = /(?:(?:^|\s)-\s+(?:path:\s*)?|(?:^|\s)path:\s*)['"]?((?:\.{1,2}\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:ya?ml|json))['"]?(?![\w./-])/gi;

/** A top-level field of a kustomization, written or commented out (`#patchesStrategicMerge:`): the section the lines below it are in. */
const field = /^#?\s?([A-Za-z]\w*):(?:\s|$)/;
/**
 * Fields whose entries are whole objects. A resource left off is a whole
 * manifest (Knative's optional channels, `# - upstream/in-memory-channel.yaml`):
 * it stays a plain manifest, as a file no kustomization names does.
 */
const resourceFields = new Set(['resources', 'bases', 'components', 'crds']);
/** Every other top-level field kustomize reads: a comment under one of them names no resource. */
const otherFields = new Set([
  'patches', 'patchesStrategicMerge', 'patchesJson6902', 'apiVersion', 'kind', 'metadata', 'namespace', 'namePrefix', 'nameSuffix',
  'labels', 'commonLabels', 'commonAnnotations', 'images', 'replicas', 'replacements', 'vars', 'configurations', 'generators',
  'transformers', 'validators', 'configMapGenerator', 'secretGenerator', 'generatorOptions', 'helmCharts', 'helmGlobals', 'openapi', 'sortOptions', 'buildMetadata',
]);

/**
 * The files of the tree that some kustomization names in a comment, outside
 * its resources, and none uses (`used`: every file a kustomization or chart
 * takes in), each once, at its first such comment, in path order.
 */
export function leftOffFiles(kustomizations: Iterable<Kustomization>, texts: ReadonlyMap<string, string>, paths: ReadonlySet<string>, used: ReadonlySet<string>): LeftOffFile[] {
  const found = new Map<string, LeftOffFile>();
  for (const k of kustomizations) {
    const text = texts.get(k.file);
    if (text === undefined || k.problem !== null) continue;
    let inResources = false;
    text.split('\n').forEach((line, i) => {
      const key = field.exec(line)?.[1];
      if (key !== undefined && (resourceFields.has(key) || otherFields.has(key))) inResources = resourceFields.has(key);
      const remark = comment.exec(line)?.[1];
      if (remark === undefined || inResources) return;
      for (const [, reference] of remark.matchAll(entry)) {
        const file = joinPath(k.dir, reference!);
        if (file === null || file === k.file || !paths.has(file) || used.has(file) || found.has(file)) continue;
        found.set(file, { file, kustomization: k.file, line: i + 1 });
      }
    });
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The notes of the left-off files among `texts` (the files changed or given) that hold a pod spec, in place of their findings. */
export function leftOffNotes(leftOff: readonly LeftOffFile[], texts: readonly TextFile[]): LoadProblem[] {
  const textOf = new Map(texts.map((file) => [file.path, file.text]));
  const notes: LoadProblem[] = [];
  for (const left of leftOff) {
    const text = textOf.get(left.file);
    if (text !== undefined && holdsPodSpec(left.file, text)) notes.push(leftOffNote(left));
  }
  return notes;
}

function holdsPodSpec(file: string, text: string): boolean {
  return loadManifestFile(file, text).documents.some((document) => extractPodSpecs(document).pods.length > 0);
}

function leftOffNote({ file, kustomization, line }: LeftOffFile): LoadProblem {
  return {
    file,
    line: null,
    kind: 'left-off',
    message: `not checked as a manifest of its own: ${kustomization}:${line} names it only in a comment, so no rendering takes it in (it is judged through the rendering once a kustomization uses it)`,
  };
}
