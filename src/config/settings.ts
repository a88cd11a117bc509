/**
 * The Action's settings: the only place that reads inputs. Every value is
 * validated here; a mistake is a ConfigurationError that names the input
 * and lists the valid values.
 */
import { defaultUnchecked, uncheckedPolicies } from '../findings/unchecked.js';
import type { UncheckedPolicy } from '../findings/unchecked.js';
import { defaultConfigPath } from '../policy/config.js';
import { parsePolicySources } from '../policy/sources/cluster.js';
import type { SourceOptions } from '../policy/sources/cluster.js';
import { optOutsRules, policyChangesRules } from '../policy/stricter.js';
import type { PolicyOverrides } from '../policy/types.js';
import { parseLevel, parseVersion } from '../pss/levels.js';
import type { Parsed } from '../pss/levels.js';
import { defaultSelection } from '../scope/select.js';
import type { FileSelection } from '../scope/select.js';

/** A user's configuration mistake (as opposed to a bug). */
export class ConfigurationError extends Error {}

export interface Settings {
  /** Token for the GitHub API. */
  readonly token: string;
  /**
   * Policy values the workflow set explicitly (level, warn-level, version,
   * warn-version, preview-version, namespace-labels, strict). Unset inputs
   * leave the config file and the defaults (enforce baseline, warn
   * restricted, latest) in charge.
   */
  readonly overrides: PolicyOverrides;
  /** The policy config file, read at the pull request's base commit. */
  readonly configPath: string;
  /** The config path was set explicitly: a missing file is then an error. */
  readonly configExplicit: boolean;
  /** Which changed files are manifests. */
  readonly selection: FileSelection;
  /** Report only violations the pull request introduced. */
  readonly onlyNewViolations: boolean;
  /** At most this many new inline comments per run; the rest go to the summary. */
  readonly maxComments: number;
  readonly reviewEvent: 'COMMENT' | 'REQUEST_CHANGES';
  readonly checkName: string;
  /** enforce: blocking findings fail the check; warn: the check is neutral at worst. */
  readonly mode: 'enforce' | 'warn';
  /** violations: the job fails on blocking findings; never: the job always succeeds. */
  readonly failOn: 'violations' | 'never';
  /** Where base and head contents come from. */
  readonly source: 'auto' | 'api' | 'git';
  /** Post suggested fixes as GitHub suggestions. */
  readonly suggestions: boolean;
  /** Files larger than this are reported, not read. */
  readonly maxFileBytes: number;
  /** auto: render the Helm charts and Kustomize overlays a change affects (with the tools on PATH); off: plain files only. */
  readonly render: 'auto' | 'off';
  /** The check run's conclusion when a file was not checked (template, too large, unreadable, binary) and nothing else fails. */
  readonly unchecked: UncheckedPolicy;
  /** Which policy sources are read, and where the cluster's admission configuration is (policy/sources). */
  readonly sourceOptions: SourceOptions;
}

type Inputs = (name: string) => string;

function oneOf<T extends string>(inputs: Inputs, name: string, allowed: readonly T[], fallback: T): T {
  const value = inputs(name).trim() || fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(`input ${name}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function boolean(inputs: Inputs, name: string, fallback: boolean): boolean {
  const value = inputs(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigurationError(`input ${name}: ${JSON.stringify(value)} is not one of true, false`);
}

function integer(inputs: Inputs, name: string, fallback: number, min: number): number {
  const value = inputs(name).trim();
  if (value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ConfigurationError(`input ${name}: ${JSON.stringify(value)} is not a whole number ≥ ${min}`);
  return n;
}

/** Globs separated by new lines or commas. */
function globs(inputs: Inputs, name: string, fallback: readonly string[]): readonly string[] {
  const list = inputs(name)
    .split(/[\n,]/)
    .map((g) => g.trim())
    .filter((g) => g !== '');
  return list.length > 0 ? list : fallback;
}

/** An input read with one of the engine's parsers (level, version); undefined when not set. */
function optionalParsed<T>(inputs: Inputs, name: string, parse: (text: string) => Parsed<T>): T | undefined {
  const text = inputs(name).trim();
  if (text === '') return undefined;
  const parsed = parse(text);
  if (!parsed.ok) throw new ConfigurationError(`input ${name}: ${JSON.stringify(text)}: ${parsed.error}`);
  return parsed.value;
}

function optionalOneOf<T extends string>(inputs: Inputs, name: string, allowed: readonly T[]): T | undefined {
  return inputs(name).trim() === '' ? undefined : oneOf(inputs, name, allowed, allowed[0]!);
}

function optionalBoolean(inputs: Inputs, name: string): boolean | undefined {
  return inputs(name).trim() === '' ? undefined : boolean(inputs, name, false);
}

const inputNames = {
  level: 'input "level"',
  warnLevel: 'input "warn-level"',
  version: 'input "version"',
  warnVersion: 'input "warn-version"',
  previewVersion: 'input "preview-version"',
  namespaceLabels: 'input "namespace-labels"',
  strict: 'input "strict"',
  optOuts: 'input "opt-outs"',
  policyChanges: 'input "policy-changes"',
} as const;

function sourceOptions(inputs: Inputs): SourceOptions {
  const text = inputs('policy-sources').trim();
  const parsed = text === '' ? null : parsePolicySources(text);
  if (parsed && !parsed.ok) throw new ConfigurationError(`input policy-sources: ${JSON.stringify(text)}: ${parsed.error}`);
  const path = inputs('admission-config').trim();
  return { ...(parsed ? { sources: parsed.value } : {}), ...(path !== '' ? { admissionConfigPath: path } : {}) };
}

export function readSettings(inputs: Inputs): Settings {
  const overrides = Object.fromEntries(
    Object.entries({
      level: optionalParsed(inputs, 'level', parseLevel),
      warnLevel: optionalParsed(inputs, 'warn-level', parseLevel),
      version: optionalParsed(inputs, 'version', parseVersion),
      warnVersion: optionalParsed(inputs, 'warn-version', parseVersion),
      previewVersion: optionalParsed(inputs, 'preview-version', parseVersion),
      namespaceLabels: optionalBoolean(inputs, 'namespace-labels'),
      strict: optionalBoolean(inputs, 'strict'),
      optOuts: optionalOneOf(inputs, 'opt-outs', optOutsRules),
      policyChanges: optionalOneOf(inputs, 'policy-changes', policyChangesRules),
    }).filter(([, value]) => value !== undefined),
  ) as PolicyOverrides;
  const token = inputs('token').trim();
  if (token === '') throw new ConfigurationError('input token: empty; the default is ${{ github.token }}');
  const configText = inputs('config').trim();
  return {
    token,
    overrides: { ...overrides, names: inputNames },
    configPath: configText || defaultConfigPath,
    configExplicit: configText !== '',
    selection: { include: globs(inputs, 'include', defaultSelection.include), exclude: globs(inputs, 'exclude', []) },
    onlyNewViolations: boolean(inputs, 'only-new-violations', false),
    maxComments: integer(inputs, 'max-comments', 30, 0),
    reviewEvent: oneOf(inputs, 'review-event', ['COMMENT', 'REQUEST_CHANGES'] as const, 'COMMENT'),
    checkName: inputs('check-name').trim() || 'Pod Security',
    mode: oneOf(inputs, 'mode', ['enforce', 'warn'] as const, 'enforce'),
    failOn: oneOf(inputs, 'fail-on', ['violations', 'never'] as const, 'violations'),
    source: oneOf(inputs, 'source', ['auto', 'api', 'git'] as const, 'auto'),
    suggestions: boolean(inputs, 'suggestions', true),
    maxFileBytes: integer(inputs, 'max-file-size', 4 * 1024 * 1024, 1),
    render: oneOf(inputs, 'render', ['auto', 'off'] as const, 'auto'),
    unchecked: oneOf(inputs, 'unchecked', uncheckedPolicies, defaultUnchecked),
    sourceOptions: sourceOptions(inputs),
  };
}

/**
 * The environment variable that replaces the spacing of GitHub API writes
 * (README, "Self-hosted runners and GitHub Enterprise Server"). An
 * environment variable, not an input: it describes the server, not the
 * review, and only a server without secondary rate limits may use it.
 */
export const writeIntervalVariable = 'POD_SECURITY_REVIEW_WRITE_INTERVAL_MS';

/** Milliseconds between two writes to GitHub, when the environment sets it; undefined: GitHub's advice. */
export function readWriteInterval(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const text = env[writeIntervalVariable]?.trim() ?? '';
  if (text === '') return undefined;
  if (!/^\d{1,6}$/.test(text)) throw new ConfigurationError(`${writeIntervalVariable}: ${JSON.stringify(text)} is not a whole number of milliseconds from 0 to 999999`);
  return Number(text);
}
