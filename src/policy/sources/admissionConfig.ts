/**
 * The cluster's Pod Security Admission configuration (pure): a
 * `PodSecurityConfiguration`, alone or as the `PodSecurity` plugin's
 * `configuration` inside an `AdmissionConfiguration`. Its `defaults` are
 * what the API server applies to a namespace without pod-security labels,
 * so when the repository holds one it replaces the built-in defaults; its
 * `exemptions` are the cluster's. `usernames` exemptions depend on who
 * creates the pod, which a review cannot know: they are noted, not applied.
 *
 * Decoded as the API server does (v1, v1beta1, v1alpha1 share the shape):
 * an unset level defaults to privileged, an unset version to latest; an
 * invalid one stops the API server, so the file is reported and not used.
 */
import { locate } from '../../locate/locate.js';
import type { ManifestDocument } from '../../manifests/types.js';
import { parseLevel, parseVersion } from '../../pss/levels.js';
import type { Parsed } from '../../pss/levels.js';
import { isObject, list, obj, str } from '../../pss/pod.js';
import type { FieldPath, JsonObject, Level, Version } from '../../pss/types.js';
import type { AdmissionPolicy, Mode } from '../namespaces.js';
import type { ConfigLocation, LevelSource, Located } from '../types.js';
import { objectsOf } from './objects.js';

const configApiVersions = new Set(['pod-security.admission.config.k8s.io/v1', 'pod-security.admission.config.k8s.io/v1beta1', 'pod-security.admission.config.k8s.io/v1alpha1']);
const admissionApiVersions = new Set(['apiserver.config.k8s.io/v1', 'apiserver.config.k8s.io/v1alpha1', 'apiserver.k8s.io/v1alpha1']);

export interface AdmissionConfig {
  readonly file: string;
  /** Line of the PodSecurityConfiguration (its `kind`). */
  readonly line: number;
  readonly defaults: AdmissionPolicy;
  /** Where each mode's level and version were written; absent: the API server's default (privileged, latest). */
  readonly written: Readonly<Record<Mode, { readonly level?: ConfigLocation; readonly version?: ConfigLocation }>>;
  readonly exemptions: {
    readonly namespaces: readonly Located<string>[];
    readonly runtimeClassNames: readonly Located<string>[];
    readonly usernames: readonly Located<string>[];
  };
}

export interface SourceProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export type AdmissionReading = { readonly ok: true; readonly config: AdmissionConfig } | { readonly ok: false; readonly problems: readonly SourceProblem[] };

/** The PodSecurityConfiguration objects of a document, each with its path. */
function configurationsOf(document: ManifestDocument): { value: JsonObject; path: FieldPath }[] {
  const out: { value: JsonObject; path: FieldPath }[] = [];
  for (const object of objectsOf(document)) {
    if (object.kind === 'PodSecurityConfiguration' && configApiVersions.has(object.apiVersion)) out.push({ value: object.value, path: object.path });
    if (object.kind !== 'AdmissionConfiguration' || !admissionApiVersions.has(object.apiVersion)) continue;
    list(object.value, 'plugins').forEach((plugin, index) => {
      if (!isObject(plugin) || str(plugin, 'name') !== 'PodSecurity') return;
      const configuration = obj(plugin, 'configuration');
      const path = [...object.path, 'plugins', index, 'configuration'];
      if (configuration && str(configuration, 'kind') === 'PodSecurityConfiguration') out.push({ value: configuration, path });
    });
  }
  return out;
}

/** Whether a document holds a PodSecurityConfiguration (standalone or in an AdmissionConfiguration). */
export function holdsAdmissionConfig(document: ManifestDocument): boolean {
  return configurationsOf(document).length > 0;
}

const modeKeys: Record<Mode, { level: string; version: string }> = {
  enforce: { level: 'enforce', version: 'enforce-version' },
  audit: { level: 'audit', version: 'audit-version' },
  warn: { level: 'warn', version: 'warn-version' },
};

function readConfiguration(document: ManifestDocument, value: JsonObject, path: FieldPath): AdmissionReading {
  const problems: SourceProblem[] = [];
  const at = (sub: FieldPath, key: string): ConfigLocation => ({ file: document.file, line: locate(document.source, [...path, ...sub]).line, key });
  const defaults = obj(value, 'defaults') ?? {};
  const policy = { enforce: { level: 'privileged' as Level, version: 'latest' as Version }, audit: { level: 'privileged' as Level, version: 'latest' as Version }, warn: { level: 'privileged' as Level, version: 'latest' as Version } };
  const written: Record<Mode, { level?: ConfigLocation; version?: ConfigLocation }> = { enforce: {}, audit: {}, warn: {} };
  // One setting: parsed with the upstream parser; unset keeps the API server's default.
  const read = <T>(key: string, parse: (text: string) => Parsed<T>, set: (value: T, where: ConfigLocation) => void) => {
    const text = str(defaults, key);
    if (text === '') return;
    const parsed = parse(text);
    const where = at(['defaults', key], `defaults.${key}`);
    if (parsed.ok) set(parsed.value, where);
    else problems.push({ file: document.file, line: where.line, message: `defaults.${key}: Invalid value: ${JSON.stringify(text)}: ${parsed.error}` });
  };
  for (const mode of ['enforce', 'audit', 'warn'] as const) {
    read(modeKeys[mode].level, parseLevel, (level, where) => {
      policy[mode].level = level;
      written[mode].level = where;
    });
    read(modeKeys[mode].version, parseVersion, (version, where) => {
      policy[mode].version = version;
      written[mode].version = where;
    });
  }
  const exemptions = obj(value, 'exemptions');
  const names = (key: string): Located<string>[] =>
    list(exemptions, key).flatMap((entry, index) =>
      typeof entry === 'string' && entry !== '' ? [{ value: entry, at: at(['exemptions', key, index], `exemptions.${key}[${index}]`) }] : [],
    );
  if (problems.length > 0) {
    const line = locate(document.source, [...path, 'kind']).line;
    problems.push({ file: document.file, line, message: 'the API server would refuse to start with this PodSecurityConfiguration; it is not used' });
    return { ok: false, problems };
  }
  return {
    ok: true,
    config: {
      file: document.file,
      line: locate(document.source, [...path, 'kind']).line,
      defaults: policy,
      written,
      exemptions: { namespaces: names('namespaces'), runtimeClassNames: names('runtimeClasses'), usernames: names('usernames') },
    },
  };
}

/**
 * The cluster's PodSecurityConfiguration among documents: the first found
 * (sort the files for a stable answer); another one is reported, since a
 * cluster has one. `path`, when set, admits only that file.
 */
export function findAdmissionConfig(
  documents: readonly ManifestDocument[],
  path: string | null,
): { config: AdmissionConfig | null; problems: SourceProblem[]; notices: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const notices: SourceProblem[] = [];
  let config: AdmissionConfig | null = null;
  for (const document of documents) {
    if (path !== null && document.file !== path) continue;
    for (const { value, path: objectPath } of configurationsOf(document)) {
      const reading = readConfiguration(document, value, objectPath);
      if (!reading.ok) {
        problems.push(...reading.problems);
        continue;
      }
      if (config === null) {
        config = reading.config;
        continue;
      }
      notices.push({
        file: reading.config.file,
        line: reading.config.line,
        message: `another PodSecurityConfiguration; the one in ${config.file}:${config.line} is used (set the admission config path to choose)`,
      });
    }
  }
  const note = config ? usernamesNote(config) : null;
  if (note) notices.push(note);
  return { config, problems, notices };
}

/** Where a mode's level or version came from: the key that set it, or the configuration whose default it is. */
export function admissionSource(config: AdmissionConfig, mode: Mode, part: 'level' | 'version'): LevelSource {
  const at = config.written[mode][part];
  if (at) return { kind: 'admission-config', detail: `PodSecurityConfiguration ${at.key} in ${at.file}:${at.line}`, file: at.file, line: at.line };
  // An unset version is latest, as with the built-in defaults: not worth naming.
  if (part === 'version') return { kind: 'default', detail: 'built-in default', file: null, line: null };
  const fallback = 'privileged';
  return { kind: 'admission-config', detail: `PodSecurityConfiguration in ${config.file}:${config.line} (${modeKeys[mode].level} unset: ${fallback})`, file: config.file, line: config.line };
}

/** The note for `usernames` exemptions, which depend on the requesting user: not applied at review time. */
export function usernamesNote(config: AdmissionConfig): SourceProblem | null {
  const [first] = config.exemptions.usernames;
  if (!first) return null;
  const names = config.exemptions.usernames.map((u) => u.value).join(', ');
  return {
    file: first.at.file,
    line: first.at.line,
    message: `exemptions.usernames (${names}) depend on who creates the pod, which a review cannot know; they are not applied, so pod specs are judged as any other user's`,
  };
}
