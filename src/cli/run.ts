/**
 * The command-line tool: the same engine as the Action, on files or a git range.
 *
 *   pod-security-review check [options] PATH...
 *   pod-security-review diff --base REF [options]
 *   pod-security-review fix [options] [--dry-run] PATH...
 *   pod-security-review init [--level L] [--force] [DIR]
 *
 * Exit status: 0 when nothing fails, 1 when something fails (a violation,
 * or a malformed or invalid file; a file not checked, such as a template,
 * only with --unchecked failure), 2 for usage errors. Each command's --help says more.
 */
import { version as packageVersion } from '../version.js';
import { checkCommand, checkUsage } from './check.js';
import { diffCommand, diffUsage } from './diff.js';
import { fixCommand, fixUsage } from './fix.js';
import { initCommand, initUsage } from './init.js';
import { UsageError } from './options.js';
import type { CliIO } from './options.js';

export type { CliIO } from './options.js';

const usage = `Usage: pod-security-review <command> [options]

Commands:
  check PATH...      evaluate every pod spec in files and folders
  diff --base REF    evaluate only the pod specs a git range introduced or modified
  fix PATH...        apply every verified fix in place (--dry-run: print a diff)
  init [DIR]         write a commented .github/pod-security.yaml and the workflow

Run \`pod-security-review <command> --help\` for the options of a command.
\`pod-security-review --version\` prints the version.
`;

const commands: Record<string, { run: (args: string[], io: CliIO) => Promise<number>; usage: string }> = {
  check: { run: checkCommand, usage: checkUsage },
  diff: { run: diffCommand, usage: diffUsage },
  fix: { run: fixCommand, usage: fixUsage },
  init: { run: initCommand, usage: initUsage },
};

/** Run the CLI with its arguments (without `node` and the script); returns the exit status. */
export async function runCli(args: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageVersion}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`pod-security-review: unknown command ${JSON.stringify(name)}\n\n${usage}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // parseArgs reports unknown or malformed options with an ERR_PARSE_ARGS_* code.
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`pod-security-review: ${(error as Error).message}\n\n${command.usage}`);
      return 2;
    }
    throw error;
  }
}
