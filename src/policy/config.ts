/**
 * The policy config file (default `.github/pod-security.yaml`): text in, a
 * typed PolicyConfig or the list of every mistake out, each naming its key
 * and line.
 *
 * ```yaml
 * level: baseline            # enforce: violations block
 * warn-level: restricted     # reported, never blocking
 * version: latest            # both modes; warn-version overrides the warn mode's
 * namespace-labels: true     # judge by the repository's Namespace labels
 * strict: false              # true: annotation opt-outs are not honoured
 * opt-outs: base-only        # opt-outs a pull request adds count only with `any`
 * policy-changes: block      # a pull request that relaxes the policy is blocked
 * preview-version: latest    # also report what would newly fail at this version
 * exemptions:                # as Pod Security Admission: exact names
 *   namespaces: [kube-system]
 *   runtimeClassNames: [kata]
 * rules:                     # first match wins
 *   - match: { namespaces: [prod-*], files: ["deploy/prod/**"] }
 *     level: restricted
 * disable:                   # per-check disables, every given scope must match
 *   - checks: [hostPorts]
 *     namespaces: [ingress]
 *     reason: ingress needs host ports
 * ```
 *
 * The file is read with the same YAML decoder as the manifests (YAML 1.1
 * scalars, as Kubernetes users expect: `strict: yes` is true), so a value of
 * the wrong type (`version: 1.30` is the number 1.3, `namespaces: [no]` is a
 * boolean) is reported rather than guessed. Validation is strict on purpose:
 * a typo that silently fell back to a default would make the check pass
 * where the author meant it to block.
 */
import { isAlias, isMap, isScalar, isSeq } from '../manifests/yamlKinds.js';
import type { Node } from 'yaml';
import { locate } from '../locate/locate.js';
import { loadManifestFile } from '../manifests/load.js';
import type { SourceDocument } from '../manifests/types.js';
import { goQuote } from '../pss/format.js';
import { parseLevel, parseVersion } from '../pss/levels.js';
import type { Parsed } from '../pss/levels.js';
import { formatFieldPath } from '../pss/paths.js';
import { isObject } from '../pss/pod.js';
import type { CheckId, FieldPath, JsonObject, JsonValue, Level, Version } from '../pss/types.js';
import { closest, isCheckId, unknownCheckText } from './checkIds.js';
import { parseAdvice } from './sources/adviceConfig.js';
import { optOutsRules, policyChangesRules } from './stricter.js';
import { checkFileGlob, checkImagePattern, checkNamePattern } from './patterns.js';
import type { PatternCheck } from './patterns.js';
import type { ChartSettings, RenderSettings } from '../render/discover.js';
import type { Capabilities } from '../render/types.js';
import type { ConfigError, ConfigLocation, DisableEntry, Located, ModeSettings, ParseConfigResult, PolicyConfig, PolicyRule } from './types.js';

export const defaultConfigPath = '.github/pod-security.yaml';

/** The config when there is no file: every setting at its default. */
export const defaultPolicyConfig: PolicyConfig = {
  file: null,
  exemptions: { namespaces: [], runtimeClassNames: [] },
  rules: [],
  disable: [],
};

/**
 * A configuration mistake, for callers that stop on it: the message lists
 * every error as `file:line: key: message`, so the run fails loudly and
 * says where to look.
 */
export class ConfigurationError extends Error {
  constructor(readonly errors: readonly ConfigError[]) {
    super(errors.map(formatConfigError).join('\n'));
    this.name = 'ConfigurationError';
  }
}

export function formatConfigError(error: ConfigError): string {
  return `${error.file}:${error.line}: ${error.key}: ${error.message}`;
}

/** The keys each mapping of the file may have; the JSON Schema (src/policy/schema.ts) is built from them. */
export const topLevelKeys = [
  'level',
  'warn-level',
  'version',
  'warn-version',
  'namespace-labels',
  'strict',
  'opt-outs',
  'policy-changes',
  'preview-version',
  'exemptions',
  'rules',
  'disable',
  'render',
  'advice',
] as const;
export const exemptionKeys = ['namespaces', 'runtimeClassNames'] as const;
export const ruleKeys = ['match', 'level', 'warn-level', 'version', 'warn-version'] as const;
export const matchKeys = ['namespaces', 'files'] as const;
export const disableKeys = ['checks', 'namespaces', 'files', 'workloads', 'images', 'reason'] as const;
export const renderKeys = ['charts', 'timeout', 'max-output-size', 'kustomize', 'kube-version', 'api-versions'] as const;
export const renderKustomizeKeys = ['helm'] as const;
/** `render.timeout`: seconds per run of a tool; past an hour a render is stuck, and Node's timers stop at about 24 days. */
export const renderTimeoutBounds: NumberBounds = { unit: 'seconds', integer: false, above: 0, max: 3600 };
/** `render.max-output-size`: bytes of output per run of a tool, held in memory, so at most 1 GiB. */
export const renderOutputBounds: NumberBounds = { unit: 'bytes', integer: true, above: 0, max: 1024 * 1024 * 1024 };
export const chartKeys = ['chart', 'release', 'namespace', 'values', 'ci-values'] as const;

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function errorOf(parsed: Parsed<unknown>): string {
  return parsed.ok ? '' : parsed.error;
}

/** The upstream texts, for values that are not even strings. */
const levelError = errorOf(parseLevel(''));
const versionError = errorOf(parseVersion(''));

function describe(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** The value as it would be quoted in a message. */
function shown(value: JsonValue): string {
  return typeof value === 'string' ? goQuote(value) : JSON.stringify(value);
}

export class Reader {
  readonly errors: ConfigError[] = [];

  constructor(
    readonly file: string,
    readonly source: SourceDocument,
  ) {}

  line(path: FieldPath): number {
    return locate(this.source, path).line;
  }

  at(path: FieldPath): ConfigLocation {
    return { file: this.file, line: this.line(path), key: formatFieldPath(path) };
  }

  error(path: FieldPath, message: string): void {
    this.errors.push({ file: this.file, line: this.line(path), key: formatFieldPath(path), message });
  }

  /** A mapping with only the allowed keys; unknown keys are errors, with a hint when one is close. */
  map(value: JsonValue | undefined, path: FieldPath, allowed: readonly string[]): JsonObject | undefined {
    if (!isObject(value)) {
      this.error(path, `must be a mapping (key: value), not ${describe(value)}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const near = closest(key, allowed) ?? allowed.find((k) => k.replace(/-/g, '').toLowerCase() === key.replace(/[-_]/g, '').toLowerCase());
      const hint = near ? ` (did you mean "${near}"?)` : '';
      this.error([...path, key], `unknown key "${key}"${hint}; valid keys: ${allowed.join(', ')}`);
    }
    return value;
  }

  /**
   * A present key's value, or undefined when absent. A key written with no
   * value (`level:`) is an error rather than "use the default": it is
   * usually a half-finished edit.
   */
  present(map: JsonObject, key: string, path: FieldPath): JsonValue | undefined {
    if (!(key in map)) return undefined;
    const value = map[key];
    if (value === null || value === undefined) {
      this.error([...path, key], 'has no value; give one or remove the key');
      return undefined;
    }
    return value;
  }

  level(map: JsonObject, key: string, path: FieldPath): Located<Level> | undefined {
    const value = this.present(map, key, path);
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      const parsed = parseLevel(value);
      if (parsed.ok) return { value: parsed.value, at: this.at([...path, key]) };
      this.error([...path, key], `Invalid value: ${goQuote(value)}: ${parsed.error}`);
      return undefined;
    }
    this.error([...path, key], `Invalid value: ${shown(value)} (${describe(value)}): ${levelError}`);
    return undefined;
  }

  version(map: JsonObject, key: string, path: FieldPath): Located<Version> | undefined {
    const value = this.present(map, key, path);
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      const parsed = parseVersion(value);
      if (parsed.ok) return { value: parsed.value, at: this.at([...path, key]) };
      this.error([...path, key], `Invalid value: ${shown(value)}: ${parsed.error}`);
      return undefined;
    }
    const hint = typeof value === 'number' ? ' (a number: write versions as the string "v1.N")' : ` (${describe(value)})`;
    this.error([...path, key], `Invalid value: ${shown(value)}${hint}: ${versionError}`);
    return undefined;
  }

  bool(map: JsonObject, key: string, path: FieldPath): Located<boolean> | undefined {
    const value = this.present(map, key, path);
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return { value, at: this.at([...path, key]) };
    this.error([...path, key], `Invalid value: ${shown(value)}: must be true or false`);
    return undefined;
  }

  /**
   * A number within bounds (`timeout: 30`). A quoted number or one with a
   * unit (`"30"`, `30s`) is refused rather than guessed: the message says
   * the form to write.
   */
  number(map: JsonObject, key: string, path: FieldPath, bounds: NumberBounds): Located<number> | undefined {
    const value = this.present(map, key, path);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && withinBounds(value, bounds)) return { value, at: this.at([...path, key]) };
    const written = typeof value === 'number' ? String(value) : shown(value);
    const hint = typeof value === 'string' ? ` (${describe(value)}: write the number alone, unquoted)` : '';
    this.error([...path, key], `Invalid value: ${written}: must be ${boundsText(bounds)}${hint}`);
    return undefined;
  }

  /** One of a few words. */
  oneOf<T extends string>(map: JsonObject, key: string, path: FieldPath, allowed: readonly T[]): Located<T> | undefined {
    const value = this.present(map, key, path);
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return { value: value as T, at: this.at([...path, key]) };
    this.error([...path, key], `Invalid value: ${shown(value)}: must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  string(map: JsonObject, key: string, path: FieldPath): Located<string> | undefined {
    const value = this.present(map, key, path);
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return { value, at: this.at([...path, key]) };
    this.error([...path, key], typeof value === 'string' ? 'must not be empty' : `must be a string, not ${describe(value)}`);
    return undefined;
  }

  /**
   * A list of strings, each checked by `check`. `allowEmpty` is false where
   * an empty list would be ambiguous (does `namespaces: []` match nothing or
   * everything?). The valid items are returned even when others are not, so
   * that checks across items (duplicates) still run; the errors decide.
   */
  strings(
    map: JsonObject,
    key: string,
    path: FieldPath,
    check: (item: string) => PatternCheck,
    allowEmpty: boolean,
  ): Located<string>[] | undefined {
    const value = this.present(map, key, path);
    if (value === undefined) return undefined;
    const listPath = [...path, key];
    if (!Array.isArray(value)) {
      this.error(listPath, `must be a list, not ${describe(value)} (write [${typeof value === 'string' ? value : '…'}])`);
      return undefined;
    }
    if (value.length === 0 && !allowEmpty) {
      this.error(listPath, 'must not be empty: remove the key instead');
      return undefined;
    }
    const out: Located<string>[] = [];
    value.forEach((item, index) => {
      const itemPath = [...listPath, index];
      if (typeof item !== 'string') {
        const hint = typeof item === 'boolean' || typeof item === 'number' ? ' (quote it)' : '';
        this.error(itemPath, `Invalid value: ${shown(item)}: must be a string, not ${describe(item)}${hint}`);
        return;
      }
      const result = check(item);
      if (!result.ok) {
        this.error(itemPath, `Invalid value: ${goQuote(item)}: ${result.message}`);
        return;
      }
      out.push({ value: item, at: this.at(itemPath) });
    });
    return out;
  }

  /** A list of maps. */
  list(map: JsonObject, key: string, path: FieldPath): JsonValue[] | undefined {
    const value = this.present(map, key, path);
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value;
    this.error([...path, key], `must be a list, not ${describe(value)}`);
    return undefined;
  }

  modeSettings(map: JsonObject, path: FieldPath): ModeSettings {
    return dropUndefined({
      level: this.level(map, 'level', path),
      warnLevel: this.level(map, 'warn-level', path),
      version: this.version(map, 'version', path),
      warnVersion: this.version(map, 'warn-version', path),
    });
  }
}

/** The numbers a key takes: greater than `above`, at most `max`, whole or not (the schema is built from the same bounds). */
export interface NumberBounds {
  readonly unit: string;
  readonly integer: boolean;
  /** Exclusive lower bound. */
  readonly above: number;
  readonly max: number;
}

function withinBounds(value: number, bounds: NumberBounds): boolean {
  return Number.isFinite(value) && value > bounds.above && value <= bounds.max && (!bounds.integer || Number.isInteger(value));
}

function boundsText(bounds: NumberBounds): string {
  return `${bounds.integer ? 'a whole number' : 'a number'} of ${bounds.unit} greater than ${bounds.above} and at most ${bounds.max}`;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function exactName(kind: 'namespace' | 'runtimeClass') {
  return (name: string): PatternCheck => {
    if (kind === 'namespace') {
      if (name.length <= 63 && dns1123Label.test(name)) return { ok: true };
      return {
        ok: false,
        message:
          'a namespace name must be a lowercase RFC 1123 label (lowercase letters, digits and "-", starting and ending ' +
          'with a letter or digit, at most 63 characters); exemptions are exact names, not patterns',
      };
    }
    if (name.length <= 253 && dns1123Subdomain.test(name)) return { ok: true };
    return {
      ok: false,
      message:
        'a RuntimeClass name must be a lowercase RFC 1123 subdomain (lowercase letters, digits, "-" and ".", ' +
        'at most 253 characters); exemptions are exact names, not patterns',
    };
  };
}

function checkId(name: string): PatternCheck {
  return isCheckId(name) ? { ok: true } : { ok: false, message: unknownCheckText(name) };
}

/** Duplicate entries make Pod Security Admission's exemptions invalid; the same here. */
function noDuplicates(reader: Reader, entries: readonly Located<string>[] | undefined): Located<string>[] {
  const seen = new Set<string>();
  const out: Located<string>[] = [];
  for (const entry of entries ?? []) {
    if (seen.has(entry.value)) reader.errors.push({ ...entry.at, message: `Duplicate value: ${goQuote(entry.value)}` });
    else out.push(entry);
    seen.add(entry.value);
  }
  return out;
}

/**
 * Duplicate keys: the decoder lets the last one win (as Kubernetes does for
 * manifests), but in a config file a repeated key means one of the two is
 * silently ignored.
 */
function duplicateKeys(reader: Reader, node: unknown, path: FieldPath): void {
  if (isAlias(node)) return;
  if (isSeq(node)) {
    node.items.forEach((item, index) => duplicateKeys(reader, item, [...path, index]));
    return;
  }
  if (!isMap(node)) return;
  const seen = new Set<string>();
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (key === '<<') continue;
    if (seen.has(key)) {
      const range = (pair.key as Node).range;
      const line = range ? reader.source.lineCounter.linePos(range[0]).line : reader.line(path);
      reader.errors.push({ file: reader.file, line, key: formatFieldPath([...path, key]), message: `duplicate key "${key}"; write each key once` });
    }
    seen.add(key);
    duplicateKeys(reader, pair.value, [...path, key]);
  }
}

function parseRule(reader: Reader, value: JsonValue, index: number): PolicyRule | undefined {
  const path: FieldPath = ['rules', index];
  const before = reader.errors.length;
  const map = reader.map(value, path, ruleKeys);
  if (!map) return undefined;
  let namespaces: readonly string[] | null = null;
  let files: readonly string[] | null = null;
  if (!('match' in map)) {
    reader.error(path, 'missing key "match" (with namespaces and/or files); a rule without conditions would be the top-level settings');
  }
  const matchValue = reader.present(map, 'match', path);
  if (matchValue !== undefined) {
    const matchPath = [...path, 'match'];
    const match = reader.map(matchValue, matchPath, matchKeys);
    if (match) {
      namespaces = reader.strings(match, 'namespaces', matchPath, checkNamePattern, false)?.map((e) => e.value) ?? null;
      files = reader.strings(match, 'files', matchPath, checkFileGlob, false)?.map((e) => e.value) ?? null;
      if (!('namespaces' in match) && !('files' in match)) reader.error(matchPath, 'must have namespaces and/or files');
    }
  }
  const settings = reader.modeSettings(map, path);
  if (reader.errors.length > before) return undefined;
  if (Object.keys(settings).length === 0) {
    reader.error(path, 'sets nothing: give level, warn-level, version or warn-version');
    return undefined;
  }
  return { ...settings, index, at: reader.at(path), namespaces, files };
}

function parseDisable(reader: Reader, value: JsonValue, index: number): DisableEntry | undefined {
  const path: FieldPath = ['disable', index];
  const map = reader.map(value, path, disableKeys);
  if (!map) return undefined;
  const before = reader.errors.length;
  if (!('checks' in map)) reader.error(path, 'missing key "checks" (the check IDs to disable, e.g. [hostPorts])');
  const checks = reader.strings(map, 'checks', path, checkId, false);
  const scope = (key: string, check: (item: string) => PatternCheck) => reader.strings(map, key, path, check, false)?.map((e) => e.value) ?? null;
  const namespaces = scope('namespaces', checkNamePattern);
  const files = scope('files', checkFileGlob);
  const workloads = scope('workloads', checkNamePattern);
  const images = scope('images', checkImagePattern);
  const reason = reader.string(map, 'reason', path);
  if (reader.errors.length > before || !checks) return undefined;
  return {
    index,
    at: reader.at(path),
    checks: [...new Set(checks.map((c) => c.value as CheckId))],
    namespaces,
    files,
    workloads,
    images,
    reason: reason?.value ?? null,
  };
}

const anyPath = (): PatternCheck => ({ ok: true });

/** `render:` how charts are rendered (release name, namespace, values files, ci values), and each tool's limits. */
function parseRender(reader: Reader, value: JsonValue): RenderSettings | undefined {
  const map = reader.map(value, ['render'], renderKeys);
  if (!map) return undefined;
  const charts = (reader.list(map, 'charts', ['render']) ?? []).flatMap((entry, index): ChartSettings[] => {
    const path: FieldPath = ['render', 'charts', index];
    const chart = reader.map(entry, path, chartKeys);
    if (!chart) return [];
    if (!('chart' in chart)) reader.error(path, 'missing key "chart" (the chart\'s folder, e.g. charts/web)');
    const folder = reader.string(chart, 'chart', path);
    const release = reader.string(chart, 'release', path);
    const namespace = reader.string(chart, 'namespace', path);
    const values = reader.strings(chart, 'values', path, anyPath, true);
    const ciValues = reader.bool(chart, 'ci-values', path);
    if (!folder) return [];
    return [
      dropUndefined({
        chart: folder.value.replace(/^\.\/|\/+$/g, ''),
        release: release?.value,
        namespace: namespace?.value,
        values: values?.map((v) => v.value.replace(/^\.\//, '')),
        ciValues: ciValues?.value,
      }),
    ];
  });
  const timeout = reader.number(map, 'timeout', ['render'], renderTimeoutBounds);
  const maxOutputSize = reader.number(map, 'max-output-size', ['render'], renderOutputBounds);
  const kustomizeValue = reader.present(map, 'kustomize', ['render']);
  const kustomize = kustomizeValue === undefined ? undefined : reader.map(kustomizeValue, ['render', 'kustomize'], renderKustomizeKeys);
  const kustomizeHelm = kustomize ? reader.bool(kustomize, 'helm', ['render', 'kustomize']) : undefined;
  const capabilities = parseCapabilities(reader, map);
  return dropUndefined({ charts, timeout: timeout?.value, maxOutputSize: maxOutputSize?.value, kustomizeHelm: kustomizeHelm?.value, capabilities });
}

/** A Kubernetes version as helm's `--kube-version` takes it: `1.31`, `v1.31.2`. */
const kubeVersionPattern = /^v?\d+\.\d+(?:\.\d+)?$/;
/** An API version as helm's `--api-versions` takes it: `v1`, `policy/v1`, `monitoring.coreos.com/v1/ServiceMonitor`. */
const apiVersionPattern = /^(?:[a-z0-9.-]+\/)?v\d+[a-z0-9]*(?:\/[A-Za-z][A-Za-z0-9]*)?$/;

/** `render.kube-version` and `render.api-versions`: what the cluster runs, for charts no installer names a version for. */
function parseCapabilities(reader: Reader, map: JsonObject): Capabilities | undefined {
  const path: FieldPath = ['render'];
  const version = reader.string(map, 'kube-version', path);
  if (version !== undefined && !kubeVersionPattern.test(version.value)) reader.error([...path, 'kube-version'], `Invalid value: ${JSON.stringify(version.value)}: must be a Kubernetes version such as 1.31 or v1.31.2`);
  const check = (item: string): PatternCheck => (apiVersionPattern.test(item) ? { ok: true } : { ok: false, message: 'must be an API version such as policy/v1 or monitoring.coreos.com/v1/ServiceMonitor' });
  const apiVersions = reader.strings(map, 'api-versions', path, check, false)?.map((item) => item.value);
  const kubeVersion = version !== undefined && kubeVersionPattern.test(version.value) ? version.value : null;
  return kubeVersion === null && apiVersions === undefined ? undefined : { kubeVersion, apiVersions: apiVersions ?? [] };
}

/**
 * Parse and validate the config file. `file` is the path to name in errors
 * and level sources. An empty file (or only comments) is the defaults.
 */
export function parsePolicyConfig(text: string, file: string): ParseConfigResult {
  const loaded = loadManifestFile(file, text);
  if (loaded.problems.length > 0) {
    return { ok: false, errors: loaded.problems.map((p) => ({ file, line: p.line ?? 1, key: '(file)', message: p.message })) };
  }
  const [document, ...extra] = loaded.documents;
  if (!document) return { ok: true, config: { ...defaultPolicyConfig, file } };
  if (extra[0]) {
    const message = 'must hold one YAML document; remove the extra "---" and what follows';
    return { ok: false, errors: [{ file, line: extra[0].line, key: '(file)', message }] };
  }

  const reader = new Reader(file, document.source);
  duplicateKeys(reader, document.source.doc.contents, []);
  const root = reader.map(document.value, [], topLevelKeys);
  if (!root) {
    // formatFieldPath([]) is '', which names nothing; say what is wrong instead.
    return { ok: false, errors: reader.errors.map((e) => (e.key === '' ? { ...e, key: '(top level)' } : e)) };
  }

  const settings = reader.modeSettings(root, []);
  const namespaceLabels = reader.bool(root, 'namespace-labels', []);
  const strict = reader.bool(root, 'strict', []);
  const optOuts = reader.oneOf(root, 'opt-outs', [], optOutsRules);
  const policyChanges = reader.oneOf(root, 'policy-changes', [], policyChangesRules);
  const previewVersion = reader.version(root, 'preview-version', []);

  let exemptions: PolicyConfig['exemptions'] = { namespaces: [], runtimeClassNames: [] };
  const exemptionsValue = reader.present(root, 'exemptions', []);
  if (exemptionsValue !== undefined) {
    const map = reader.map(exemptionsValue, ['exemptions'], exemptionKeys);
    if (map) {
      const path: FieldPath = ['exemptions'];
      exemptions = {
        namespaces: noDuplicates(reader, reader.strings(map, 'namespaces', path, exactName('namespace'), true)),
        runtimeClassNames: noDuplicates(reader, reader.strings(map, 'runtimeClassNames', path, exactName('runtimeClass'), true)),
      };
    }
  }

  const rules = (reader.list(root, 'rules', []) ?? []).flatMap((value, index) => parseRule(reader, value, index) ?? []);
  const disable = (reader.list(root, 'disable', []) ?? []).flatMap((value, index) => parseDisable(reader, value, index) ?? []);
  const renderValue = reader.present(root, 'render', []);
  const render = renderValue === undefined ? undefined : parseRender(reader, renderValue);
  const adviceValue = reader.present(root, 'advice', []);
  const advice = adviceValue === undefined ? undefined : parseAdvice(reader, adviceValue);

  if (reader.errors.length > 0) {
    const errors = [...reader.errors].sort((a, b) => a.line - b.line);
    return { ok: false, errors };
  }
  return {
    ok: true,
    config: dropUndefined({ ...settings, file, namespaceLabels, strict, optOuts, policyChanges, previewVersion, exemptions, rules, disable, render, advice }),
  };
}
