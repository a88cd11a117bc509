/**
 * The `check` pipeline, pure: file contents in, findings and problems out.
 * files → documents → pod specs → evaluation → findings with lines.
 */
import { locate } from '../locate/locate.js';
import { loadManifestFile, defaultLoadOptions } from '../manifests/load.js';
import type { LoadOptions } from '../manifests/load.js';
import type { LoadProblem } from '../manifests/types.js';
import { enforceMessage, evaluatePod, warnMessage } from '../pss/evaluate.js';
import { formatVersion } from '../pss/levels.js';
import { formatFieldPath } from '../pss/paths.js';
import { containerListKeys, isObject, str } from '../pss/pod.js';
import type { CheckFailure, FieldPath, Level, PodInput, Version } from '../pss/types.js';
import { extractPodSpecs } from '../workloads/extract.js';
import type { PodSpecSource } from '../workloads/extract.js';
import type { Finding, FindingLocation, PodSpecVerdict } from './types.js';

export interface SourceFile {
  /** The path shown to users (relative to the working directory or repository root). */
  readonly path: string;
  readonly content: Uint8Array | string;
}

export interface CheckOptions {
  readonly level: Level;
  readonly version: Version;
  readonly load?: LoadOptions;
}

export interface CheckReport {
  readonly findings: readonly Finding[];
  readonly errors: readonly LoadProblem[];
  readonly podSpecs: readonly PodSpecVerdict[];
}

const containerAnnotationPrefixes = ['container.apparmor.security.beta.kubernetes.io/', 'container.seccomp.security.alpha.kubernetes.io/'];

/** The container a pod-relative field path belongs to, if any. */
export function containerOfPath(pod: PodInput, path: FieldPath): string | null {
  const [root, list, index, annotationKey] = [path[0], path[1], path[2], path[2]];
  if (root === 'spec' && typeof list === 'string' && (containerListKeys as readonly string[]).includes(list) && typeof index === 'number') {
    const entries = pod.spec[list];
    const entry = Array.isArray(entries) ? entries[index] : undefined;
    return isObject(entry) ? str(entry, 'name') : null;
  }
  if (root === 'metadata' && list === 'annotations' && typeof annotationKey === 'string') {
    const prefix = containerAnnotationPrefixes.find((p) => annotationKey.startsWith(p));
    if (prefix !== undefined && annotationKey.length > prefix.length) return annotationKey.slice(prefix.length);
  }
  return null;
}

function toFinding(source: PodSpecSource, failure: CheckFailure, level: Level, version: Version): Finding {
  const locations: FindingLocation[] = failure.paths
    .map((podPath) => {
      const documentPath = [...source.templatePath, ...podPath];
      const where = locate(source.document.source, documentPath);
      return {
        path: formatFieldPath(documentPath),
        line: where.line,
        column: where.column,
        exact: where.exact,
        container: containerOfPath(source.pod, podPath),
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  const containers = [...new Set(failure.paths.map((p) => containerOfPath(source.pod, p)).filter((c): c is string => c !== null))];
  const podLevel = failure.paths.some((p) => containerOfPath(source.pod, p) === null);
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
    level,
    version: formatVersion(version),
    line: locations[0]?.line ?? source.document.line,
    locations,
  };
}

function objectLine(source: PodSpecSource): number {
  return locate(source.document.source, source.objectPath).line;
}

/** One pod spec evaluated: its verdict, its findings, and the raw failures. */
export interface PodSpecEvaluation {
  readonly verdict: PodSpecVerdict;
  readonly findings: readonly Finding[];
  readonly failures: readonly CheckFailure[];
}

export function evaluatePodSpec(source: PodSpecSource, level: Level, version: Version): PodSpecEvaluation {
  const evaluation = evaluatePod(source.pod, level, version);
  const policy = { level, version };
  const message = evaluation.allowed
    ? null
    : source.kind === 'Pod'
      ? enforceMessage(source.name, policy, evaluation.failures)
      : warnMessage(policy, evaluation.failures);
  return {
    verdict: {
      file: source.document.file,
      apiVersion: source.apiVersion,
      kind: source.kind,
      namespace: source.namespace,
      name: source.name,
      line: objectLine(source),
      allowed: evaluation.allowed,
      message,
    },
    findings: evaluation.failures.map((failure) => toFinding(source, failure, level, version)),
    failures: evaluation.failures,
  };
}

/** Problems sorted by file, then line. */
export function sortProblems(problems: LoadProblem[]): LoadProblem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

export function evaluateFiles(files: readonly SourceFile[], options: CheckOptions): CheckReport {
  const findings: Finding[] = [];
  const errors: LoadProblem[] = [];
  const podSpecs: PodSpecVerdict[] = [];
  for (const file of files) {
    const loaded = loadManifestFile(file.path, file.content, options.load ?? defaultLoadOptions);
    errors.push(...loaded.problems);
    for (const document of loaded.documents) {
      const extraction = extractPodSpecs(document);
      errors.push(...extraction.problems);
      for (const source of extraction.pods) {
        const evaluated = evaluatePodSpec(source, options.level, options.version);
        podSpecs.push(evaluated.verdict);
        findings.push(...evaluated.findings);
      }
    }
  }
  sortProblems(errors);
  return { findings, errors, podSpecs };
}
