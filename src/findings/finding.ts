/** Turning a failed check of a pod spec into a Finding placed in its file. */
import { detached } from '../manifests/detached.js';
import { locate } from '../locate/locate.js';
import type { LevelSource, PolicyFinding } from '../policy/types.js';
import { formatVersion } from '../pss/levels.js';
import { formatFieldPath } from '../pss/paths.js';
import { containerListKeys, isObject, str } from '../pss/pod.js';
import type { FieldPath, PodInput } from '../pss/types.js';
import type { PodSpecSource } from '../workloads/extract.js';
import type { Finding, FindingLocation } from './types.js';

const containerAnnotationPrefixes = ['container.apparmor.security.beta.kubernetes.io/', 'container.seccomp.security.alpha.kubernetes.io/'];

/** The container a pod-relative field path belongs to, if any. */
export function containerOfPath(pod: PodInput, path: FieldPath): string | null {
  const [root, list, index] = [path[0], path[1], path[2]];
  if (root === 'spec' && typeof list === 'string' && (containerListKeys as readonly string[]).includes(list) && typeof index === 'number') {
    const entries = pod.spec[list];
    const entry = Array.isArray(entries) ? entries[index] : undefined;
    // A finding keeps it to the end of the run: a copy, not a view of the file's text.
    return isObject(entry) ? detached(str(entry, 'name')) : null;
  }
  if (root === 'metadata' && list === 'annotations' && typeof index === 'string') {
    const prefix = containerAnnotationPrefixes.find((p) => index.startsWith(p));
    if (prefix !== undefined && index.length > prefix.length) return index.slice(prefix.length);
  }
  return null;
}

/** `the --level flag`, `rules[2] in .github/pod-security.yaml:14`, … plus where the version came from. */
export function describeLevelSource(source: LevelSource): string {
  return source.detail;
}

/** Where a finding's pod-relative path lies in its document, and the container it concerns. */
export function locationOf(source: PodSpecSource, podPath: FieldPath): FindingLocation {
  const documentPath = source.templatePath.concat(podPath);
  const where = locate(source.document.source, documentPath);
  return { path: formatFieldPath(documentPath), line: where.line, column: where.column, exact: where.exact, container: containerOfPath(source.pod, podPath) };
}

/** Locations in the order of the text. */
export function byPlace(a: FindingLocation, b: FindingLocation): number {
  return a.line - b.line || a.column - b.column;
}

export function toFinding(source: PodSpecSource, placed: PolicyFinding): Finding {
  const { failure } = placed;
  // Loops, not callbacks: every finding comes this way, and a callback made per call is compiled again after each major collection.
  // Of its final length: findings are kept to the end of the run.
  const locations = new Array<FindingLocation>(failure.paths.length);
  const named = new Set<string>();
  let podLevel = false;
  for (let i = 0; i < failure.paths.length; i++) {
    const location = locationOf(source, failure.paths[i]!);
    locations[i] = location;
    if (location.container === null) podLevel = true;
    else named.add(location.container);
  }
  locations.sort(byPlace);
  const containers = [...named];
  return {
    file: source.document.file,
    apiVersion: source.apiVersion,
    kind: source.kind,
    namespace: source.namespace,
    name: source.name,
    container: containers.length === 1 && !podLevel ? (containers[0] ?? null) : null,
    containers,
    check: failure.check,
    reason: failure.reason,
    detail: failure.detail,
    level: placed.policy.level,
    version: formatVersion(placed.policy.version),
    line: locations[0]?.line ?? source.document.line,
    locations,
    mode: placed.mode,
    blocking: placed.mode === 'enforce',
    levelSource: { kind: placed.levelSource.kind, detail: describeLevelSource(placed.levelSource) },
    optOutNote: placed.optOut ? placed.optOut.message : null,
    fix: null,
    fixNote: null,
  };
}
