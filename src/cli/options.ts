/** Options shared by the CLI commands, parsed into domain values or a UsageError. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { policyContext } from '../findings/policyContext.js';
import type { PolicyContext } from '../findings/policyContext.js';
import { defaultUnchecked, problemsVerdict, uncheckedPolicies } from '../findings/unchecked.js';
import type { UncheckedPolicy } from '../findings/unchecked.js';
import { collectFiles } from '../io/files.js';
import type { CollectedFiles } from '../io/files.js';
import { selectsPath } from '../scope/select.js';
import type { FileSelection } from '../scope/select.js';
import { defaultLoadOptions } from '../manifests/load.js';
import type { LoadProblem } from '../manifests/types.js';
import { defaultConfigPath, defaultPolicyConfig, formatConfigError, parsePolicyConfig } from '../policy/config.js';
import { extraChecksFor } from '../policy/sources/adviceConfig.js';
import { parsePolicySources, reads } from '../policy/sources/cluster.js';
import type { SourceOptions } from '../policy/sources/cluster.js';
import type { PolicyConfig, PolicyOverrides } from '../policy/types.js';
import { parseLevel, parseVersion } from '../pss/levels.js';
import type { Level, Version } from '../pss/types.js';
import { suggestLevel, suggestVersion } from './suggest.js';
import type { ReportFormat } from './reportFormat.js';

/** A mistake in the command line or the config file: reported with the usage text, exit status 2. */
export class UsageError extends Error {}

export interface CliIO {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The CLI bundle, which also serves as the worker script of `check` (absent: everything runs in this thread). */
  readonly workerScript?: URL;
  /** Cores available, for `check --jobs` (default: os.availableParallelism()). */
  readonly cores?: number;
  /** stdout and stderr are a terminal: colours (unless NO_COLOR is set). */
  readonly tty?: boolean;
  /** stderr is a terminal (default: tty): a progress line on large inputs, also when stdout is redirected. */
  readonly stderrTty?: boolean;
  /** The width of the terminal stderr writes to, when known. */
  readonly columns?: number;
  /** A clock in milliseconds, to throttle the progress line (default: performance.now). */
  readonly now?: () => number;
  /** The environment, for NO_COLOR. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Colours only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function colours(io: CliIO): boolean {
  return io.tty === true && (io.env?.NO_COLOR ?? '') === '';
}

/**
 * parseArgs option specs common to the commands that evaluate manifests.
 * Policy flags have no default here: only what the user sets overrides the
 * config file (the defaults are the policy's: enforce baseline, warn
 * restricted, version latest).
 */
export const policyOptions = {
  level: { type: 'string' },
  'warn-level': { type: 'string' },
  'policy-version': { type: 'string' },
  // The old spelling of --policy-version; `--version` alone prints the tool's version (see normalizeArgs).
  version: { type: 'string' },
  'warn-version': { type: 'string' },
  'preview-version': { type: 'string' },
  config: { type: 'string' },
  'namespace-labels': { type: 'string' },
  strict: { type: 'boolean' },
  // --strict=false, as normalizeArgs spells it for parseArgs.
  'no-strict': { type: 'boolean' },
  unchecked: { type: 'string', default: defaultUnchecked },
  'policy-sources': { type: 'string' },
  'admission-config': { type: 'string' },
  format: { type: 'string', default: 'text' },
  'max-file-size': { type: 'string', default: String(defaultLoadOptions.maxBytes) },
  help: { type: 'boolean', short: 'h' },
} as const;

export const policyOptionsHelp = `  --level L            enforced level, its violations fail: baseline, restricted or privileged [default: baseline]
  --warn-level L       level whose extra violations are reported, never failing [default: restricted]
  --policy-version V   policy version of both: latest or v1.N (v1.0 … v1.37) [default: latest]
                       (--version V, the old spelling, still works)
  --warn-version V     version of the warn level [default: --policy-version]
  --preview-version V  also report what would start failing at this version (an upgrade preview)
  --config PATH        policy config file [default: ${defaultConfigPath}, if it exists]
  --namespace-labels B true or false: judge workloads by the pod-security labels of Namespace manifests [default: true]
  --strict[=true|false] do not honour pod-security-review/ignore annotations
  --unchecked U        a file not checked (template, too large, binary, unreadable) with nothing
                       else failing: neutral or success exit 0, failure exits 1 [default: neutral]
  --policy-sources S   which policies to read, comma-separated: config, namespace-labels,
                       kyverno, admission-config [default: all of them]
  --admission-config P the file with the cluster's PodSecurityConfiguration [default: the
                       first one among the manifests read]
  --format F           text, json or sarif (SARIF 2.1.0, for code scanning) [default: text]
  --max-file-size N    skip files larger than N bytes [default: ${defaultLoadOptions.maxBytes}]
  -h, --help           show this help`;

export interface PolicyOptionValues {
  level?: string;
  'warn-level'?: string;
  version?: string;
  'policy-version'?: string;
  'warn-version'?: string;
  'preview-version'?: string;
  config?: string;
  'namespace-labels'?: string;
  strict?: boolean;
  'no-strict'?: boolean;
  unchecked: string;
  'policy-sources'?: string;
  'admission-config'?: string;
  format: string;
  'max-file-size': string;
}

export interface PolicyOptions {
  readonly overrides: PolicyOverrides;
  readonly configPath: string | undefined;
  /** Which policy sources are read; where the admission configuration is. */
  readonly sourceOptions: SourceOptions;
  readonly format: ReportFormat;
  readonly maxBytes: number;
  readonly unchecked: UncheckedPolicy;
}

function level(flag: string, text: string | undefined): Level | undefined {
  if (text === undefined) return undefined;
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new UsageError(`${flag} ${JSON.stringify(text)}: ${parsed.error}${suggestLevel(text)}`);
  return parsed.value;
}

function version(flag: string, text: string | undefined): Version | undefined {
  if (text === undefined) return undefined;
  const parsed = parseVersion(text);
  if (!parsed.ok) throw new UsageError(`${flag} ${JSON.stringify(text)}: ${parsed.error}${suggestVersion(text)}`);
  return parsed.value;
}

/** --policy-version, or its old spelling --version; not both. */
function policyVersion(values: PolicyOptionValues): Version | undefined {
  if (values['policy-version'] !== undefined && values.version !== undefined) throw new UsageError('--policy-version and --version: give one (--version V is the old spelling of --policy-version)');
  return values['policy-version'] !== undefined ? version('--policy-version', values['policy-version']) : version('--version', values.version);
}

/**
 * What parseArgs cannot spell: `--strict=true|false` (a boolean flag with
 * a value), and `--version` without a value, which asks for the tool's
 * version even after a command (with a value it is the policy version, as
 * before --policy-version). Returns the arguments to parse, or null when
 * the version is asked for.
 */
export function normalizeArgs(args: readonly string[]): string[] | null {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (arg === '--version' && (args[i + 1] === undefined || args[i + 1]!.startsWith('-'))) return null;
    const strict = /^--strict=(.*)$/.exec(arg);
    if (strict) {
      if (strict[1] !== 'true' && strict[1] !== 'false') throw new UsageError(`--strict=${strict[1]}: must be true or false`);
      out.push(strict[1] === 'true' ? '--strict' : '--no-strict');
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** Drop undefined values: an absent override must not be present as `undefined`. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

export function readPolicyOptions(values: PolicyOptionValues): PolicyOptions {
  const labels = values['namespace-labels'];
  if (labels !== undefined && labels !== 'true' && labels !== 'false') {
    throw new UsageError(`--namespace-labels ${JSON.stringify(labels)}: must be one of true, false`);
  }
  if (values.format !== 'text' && values.format !== 'json' && values.format !== 'sarif') {
    throw new UsageError(`--format ${JSON.stringify(values.format)}: must be one of text, json, sarif`);
  }
  if (!(uncheckedPolicies as readonly string[]).includes(values.unchecked)) {
    throw new UsageError(`--unchecked ${JSON.stringify(values.unchecked)}: must be one of ${uncheckedPolicies.join(', ')}`);
  }
  const maxBytes = Number(values['max-file-size']);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError('--max-file-size: must be a positive number of bytes');
  const overrides: PolicyOverrides = defined({
    level: level('--level', values.level),
    warnLevel: level('--warn-level', values['warn-level']),
    version: policyVersion(values),
    warnVersion: version('--warn-version', values['warn-version']),
    previewVersion: version('--preview-version', values['preview-version']),
    namespaceLabels: labels === undefined ? undefined : labels === 'true',
    strict: values['no-strict'] ? false : values.strict,
  });
  let sources: SourceOptions['sources'];
  if (values['policy-sources'] !== undefined) {
    const parsed = parsePolicySources(values['policy-sources']);
    if (!parsed.ok) throw new UsageError(`--policy-sources ${JSON.stringify(values['policy-sources'])}: ${parsed.error}`);
    sources = parsed.value;
  }
  const admissionConfigPath = values['admission-config'];
  const sourceOptions: SourceOptions = defined({ sources, admissionConfigPath });
  return { overrides, configPath: values.config, sourceOptions, format: values.format, maxBytes, unchecked: values.unchecked as UncheckedPolicy };
}

/** The config file: the one named, or the default path when it exists, or the built-in defaults. */
export function loadPolicyConfig(cwd: string, explicit: string | undefined): PolicyConfig {
  const file = explicit ?? defaultConfigPath;
  const absolute = path.resolve(cwd, file);
  if (!existsSync(absolute)) {
    if (explicit !== undefined) throw new UsageError(`--config ${explicit}: no such file`);
    return defaultPolicyConfig;
  }
  return parseConfigFile(readFileSync(absolute, 'utf8'), file);
}

/** A config file's text parsed, or a UsageError listing its mistakes (`where`: which version of the file, when not the working tree's). */
export function parseConfigFile(text: string, file: string, where = ''): PolicyConfig {
  const parsed = parsePolicyConfig(text, file.split(path.sep).join('/'));
  if (!parsed.ok) throw new UsageError(`invalid policy config${where}:\n${parsed.errors.map(formatConfigError).join('\n')}`);
  return parsed.config;
}

/** Today, as YYYY-MM-DD (UTC): opt-out annotations expire on a date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * `allAdvice`: `check --advice`, every advice.* check on (the config may
 * still disable some). `config`: the config file as read elsewhere (`diff`
 * reads it at the base commit); by default, from the working tree.
 */
export function contextFor(io: CliIO, options: PolicyOptions, allAdvice = false, config?: PolicyConfig): PolicyContext {
  // Without the config source, the file is not even read (its mistakes cannot fail the run).
  config ??= reads(options.sourceOptions, 'config') ? loadPolicyConfig(io.cwd, options.configPath) : defaultPolicyConfig;
  const extraChecks = extraChecksFor(config.advice, allAdvice);
  return policyContext(today(), { config, overrides: options.overrides, sourceOptions: options.sourceOptions, extraChecks });
}

/**
 * Exit 1 when something fails: a blocking finding, or input the cluster would
 * reject (malformed, invalid); a file not checked only with --unchecked failure.
 */
export function failureStatus(report: { findings: readonly { blocking: boolean }[]; errors: readonly LoadProblem[] }, unchecked: UncheckedPolicy): number {
  return report.findings.some((f) => f.blocking) || problemsVerdict(report.errors, unchecked) === 'failure' ? 1 : 0;
}

/**
 * Nothing to check is said, not passed over: with no manifest or no pod
 * spec found, the status is 1 unless --allow-empty. Null when there was
 * something to check, or files that could not be (reported, and judged by
 * --unchecked).
 */
export function emptyInputStatus(command: string, files: number, podSpecs: number, problems: number, allowEmpty: boolean, io: CliIO): number | null {
  if (podSpecs > 0 || problems > 0) return null;
  const what = files === 0 ? 'no manifest found (*.yaml, *.yml, *.json)' : `no pod spec found in ${files} ${files === 1 ? 'file' : 'files'}`;
  io.stderr(`pod-security-review ${command}: ${what}${allowEmpty ? '' : '; pass --allow-empty if that is expected'}\n`);
  return allowEmpty ? null : 1;
}

/** The manifest files named by a command's PATH arguments (`verb` says what the command does to them). */
export async function filesOfPaths(positionals: readonly string[], io: CliIO, maxBytes: number, verb: string, selection: FileSelection = everyFile): Promise<CollectedFiles> {
  if (positionals.length === 0) throw new UsageError(`no PATH given: name the manifest files or folders to ${verb}`);
  const collected = collectFiles(positionals, io.cwd, maxBytes);
  if ('missing' in collected) throw new UsageError(`${collected.missing}: no such file or directory`);
  if (selection.exclude.length === 0) return collected;
  return { ...collected, files: collected.files.filter((file) => selectsPath(selection, file.path)), problems: collected.problems.filter((problem) => selectsPath(selection, problem.file)) };
}

/** `--exclude GLOB` for the commands that read paths (`diff` has its own, with `--include`). */
export const excludeOption = { exclude: { type: 'string', multiple: true } } as const;

export const excludeOptionHelp = `  --exclude GLOB       files, charts and overlays under the paths to leave out (repeatable;
                       minimatch, on paths as shown: '**/testdata/**')`;

/** Every file the paths hold, but those `--exclude` names (charts and overlays by their Chart.yaml or kustomization). */
export function excludedBy(globs: readonly string[] | undefined): FileSelection {
  return globs === undefined || globs.length === 0 ? everyFile : { include: everyFile.include, exclude: globs };
}

const everyFile: FileSelection = { include: ['**'], exclude: [] };
