/**
 * Which Namespaces a change relabels (pure): those whose
 * `pod-security.kubernetes.io/*` labels differ between base and head, more
 * strictly. Every pod spec in such a namespace has a policy that differs
 * between the two commits, so it is evaluated as modified even where its
 * file is not in the change (issue 15 item 6); the I/O layer reads those
 * files, and scope evaluates them with `relabelledFiles`.
 *
 * Only the changed files can relabel a Namespace, and only those that
 * mention `kind: Namespace` are loaded here, so the pass costs little more
 * than a text search.
 */
import type { ChangeSet, FileContent } from '../diff/types.js';
import { namespaceIndexOf } from '../findings/policyContext.js';
import type { PolicyContext } from '../findings/policyContext.js';
import { defaultLoadOptions, loadManifestFile, textToRead } from '../manifests/load.js';
import type { LoadOptions } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import { policyToEvaluate } from '../policy/namespaces.js';
import type { AdmissionPolicy } from '../policy/namespaces.js';
import { noSubject, resolvePolicy } from '../policy/resolve.js';
import { reads } from '../policy/sources/cluster.js';
import { isLaxer } from '../policy/stricter.js';
import { defaultSelection, selectsFile } from './select.js';
import type { FileSelection } from './select.js';

/** Every path a change touches, at head and at base (a renamed file's old path too): files outside it are the same at both commits. */
export function changedPaths(files: ChangeSet['files']): Set<string> {
  return new Set(files.flatMap((file) => [file.path, file.previousPath ?? file.path]));
}

const mentionsNamespace = /kind["']?\s*:\s*["']?Namespace\b/;

function namespaceDocuments(path: string, content: FileContent, load: LoadOptions): ManifestDocument[] {
  if (content.kind !== 'content') return [];
  const text = textToRead(content.data);
  if (text === null || !mentionsNamespace.test(text)) return [];
  return [...loadManifestFile(path, text, load).documents];
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

/**
 * The names of the Namespaces whose pod-security labels the change set
 * makes stricter in some mode (raised, added, or removed over more lenient
 * defaults), sorted. A relaxation is a finding of its own, and leaves the
 * workloads judged as before (under the base labels).
 */
export function relabelledNamespaces(changeSet: ChangeSet, options: { readonly policy: PolicyContext; readonly selection?: FileSelection; readonly load?: LoadOptions }): string[] {
  if (!reads(options.policy.sourceOptions ?? {}, 'namespace-labels')) return [];
  const load = options.load ?? defaultLoadOptions;
  const files = changeSet.files.filter((file) => file.rendered !== true && selectsFile(options.selection ?? defaultSelection, file));
  const base = namespaceIndexOf(files.flatMap((file) => namespaceDocuments(file.previousPath ?? file.path, file.base, load)), options.policy).index;
  const head = namespaceIndexOf(files.flatMap((file) => namespaceDocuments(file.path, file.head, load)), options.policy).index;
  const names = new Set([...base.byName.keys(), ...head.byName.keys()]);
  const run = resolvePolicy({ subject: noSubject, config: options.policy.config, overrides: options.policy.overrides, today: options.policy.today });
  const defaults = { enforce: run.enforce, warn: run.warn, audit: { level: 'privileged', version: 'latest' } as const };
  const stricter = (name: string) => {
    const [was, is] = [base, head].map((index) => policyToEvaluate(index.byName.get(name)?.podSecurityLabels ?? {}, defaults).policy) as [AdmissionPolicy, AdmissionPolicy];
    return (['enforce', 'warn', 'audit'] as const).some((mode) => isLaxer(was[mode], is[mode]));
  };
  return [...names].filter((name) => !sameLabels(base.byName.get(name)?.podSecurityLabels ?? {}, head.byName.get(name)?.podSecurityLabels ?? {}) && stricter(name)).sort();
}
