/** Options shared by the CLI commands, parsed into domain values or a UsageError. */
import { defaultLoadOptions } from '../manifests/load.js';
import { parseLevel, parseVersion } from '../pss/levels.js';
import type { Level, Version } from '../pss/types.js';

/** A mistake in the command line: reported with the usage text, exit status 2. */
export class UsageError extends Error {}

export interface CliIO {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** parseArgs option specs common to the commands that evaluate manifests. */
export const policyOptions = {
  level: { type: 'string', default: 'restricted' },
  version: { type: 'string', default: 'latest' },
  format: { type: 'string', default: 'text' },
  'max-file-size': { type: 'string', default: String(defaultLoadOptions.maxBytes) },
  help: { type: 'boolean', short: 'h' },
} as const;

export const policyOptionsHelp = `  --level L          baseline or restricted (or privileged) [default: restricted]
  --version V        policy version: latest or v1.N (v1.0 … v1.37) [default: latest]
  --format F         text or json [default: text]
  --max-file-size N  skip files larger than N bytes [default: ${defaultLoadOptions.maxBytes}]
  -h, --help         show this help`;

export interface PolicyOptions {
  readonly level: Level;
  readonly version: Version;
  readonly format: 'text' | 'json';
  readonly maxBytes: number;
}

export function readPolicyOptions(values: { level: string; version: string; format: string; 'max-file-size': string }): PolicyOptions {
  const level = parseLevel(values.level);
  if (!level.ok) throw new UsageError(`--level ${JSON.stringify(values.level)}: ${level.error}`);
  const version = parseVersion(values.version);
  if (!version.ok) throw new UsageError(`--version ${JSON.stringify(values.version)}: ${version.error}`);
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format ${JSON.stringify(values.format)}: must be one of text, json`);
  }
  const maxBytes = Number(values['max-file-size']);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError('--max-file-size: must be a positive number of bytes');
  return { level: level.value, version: version.value, format: values.format, maxBytes };
}

/** Exit 1 when something fails: a finding, or a file that could not be checked (templates are only notices). */
export function failureStatus(report: { findings: readonly unknown[]; errors: readonly { kind: string }[] }): number {
  return report.findings.length > 0 || report.errors.some((e) => e.kind !== 'template') ? 1 : 0;
}
