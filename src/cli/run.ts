/**
 * The command-line tool: the same engine as the Action, on files.
 *
 *   pod-security-review check [--level L] [--version V] [--format text|json] PATH...
 *
 * Exit status: 0 when every pod spec is allowed and every file could be
 * checked, 1 when something fails (a violation, or a file that could not be
 * checked, except templates, which are skipped with a notice), 2 for usage
 * errors.
 */
import { parseArgs } from 'node:util';
import { evaluateFiles } from '../findings/evaluateFiles.js';
import type { CheckReport } from '../findings/evaluateFiles.js';
import { collectFiles } from '../io/files.js';
import { defaultLoadOptions } from '../manifests/load.js';
import { parseLevel, parseVersion } from '../pss/levels.js';
import type { Level, Version } from '../pss/types.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import { version as packageVersion } from '../version.js';

const usage = `Usage: pod-security-review check [options] PATH...

Evaluate the pod specs in Kubernetes manifests (files, or folders searched for
*.yaml, *.yml and *.json) against a Pod Security Standards level, with the
verdicts of the Pod Security Admission controller.

Options:
  --level L          baseline or restricted (or privileged) [default: restricted]
  --version V        policy version: latest or v1.N (v1.0 … v1.37) [default: latest]
  --format F         text or json [default: text]
  --max-file-size N  skip files larger than N bytes [default: ${defaultLoadOptions.maxBytes}]
  -h, --help         show this help
  --version          with no command: print the tool's version

Exit status: 0 nothing fails, 1 something fails, 2 usage error.
`;

export interface CliIO {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

class UsageError extends Error {}

function parseLevelFlag(text: string): Level {
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new UsageError(`--level ${JSON.stringify(text)}: ${parsed.error}`);
  return parsed.value;
}

function parseVersionFlag(text: string): Version {
  const parsed = parseVersion(text);
  if (!parsed.ok) throw new UsageError(`--version ${JSON.stringify(text)}: ${parsed.error}`);
  return parsed.value;
}

function exitStatus(report: CheckReport): number {
  const failing = report.findings.length > 0 || report.errors.some((e) => e.kind !== 'template');
  return failing ? 1 : 0;
}

async function check(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      level: { type: 'string', default: 'restricted' },
      version: { type: 'string', default: 'latest' },
      format: { type: 'string', default: 'text' },
      'max-file-size': { type: 'string', default: String(defaultLoadOptions.maxBytes) },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  const level = parseLevelFlag(values.level);
  const version = parseVersionFlag(values.version);
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format ${JSON.stringify(values.format)}: must be one of text, json`);
  }
  const maxBytes = Number(values['max-file-size']);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError('--max-file-size: must be a positive number of bytes');
  if (positionals.length === 0) throw new UsageError('no PATH given: name the manifest files or folders to check');

  const collected = await collectFiles(positionals, io.cwd, maxBytes);
  if ('missing' in collected) throw new UsageError(`${collected.missing}: no such file or directory`);
  const evaluated = evaluateFiles(collected.files, { level, version, load: { maxBytes } });
  const report: CheckReport = { ...evaluated, errors: [...collected.problems, ...evaluated.errors] };
  const policy = { level, version };
  io.stdout(values.format === 'json' ? renderJson(report, policy) : renderText(report, policy));
  return exitStatus(report);
}

/** Run the CLI with its arguments (without `node` and the script); returns the exit status. */
export async function runCli(args: string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === '--version' || command === '-v') {
      io.stdout(`${packageVersion}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(usage);
      return command === undefined ? 2 : 0;
    }
    if (command === 'check') return await check(rest, io);
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (error) {
    // parseArgs reports unknown or malformed options with a TypeError whose code says so.
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`pod-security-review: ${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}
