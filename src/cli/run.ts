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
import { normalizeArgs, UsageError } from './options.js';
import { didYouMean } from './suggest.js';
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
    io.stderr(`pod-security-review: unknown command ${JSON.stringify(name)}${didYouMean(name, Object.keys(commands))}; run \`pod-security-review --help\` for the commands\n`);
    return 2;
  }
  try {
    const args = normalizeArgs(rest);
    if (args === null) {
      io.stdout(`${packageVersion}\n`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    // parseArgs reports unknown or malformed options with an ERR_PARSE_ARGS_* code.
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      const message = error instanceof UsageError ? error.message : parseArgsMessage(error as Error, command.usage);
      io.stderr(`pod-security-review ${name}: ${message}\nRun \`pod-security-review ${name} --help\` for the options.\n`);
      return 2;
    }
    throw error;
  }
}

/** parseArgs' wording, in one line, with the flag the user probably meant (the flags are those of the command's usage). */
function parseArgsMessage(error: Error, commandUsage: string): string {
  const flags = [...new Set(commandUsage.match(/--[a-z][a-z-]*/g) ?? [])];
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `unknown option ${unknown[1]}${didYouMean(unknown[1]!, flags)}`;
  const missing = /^Option '(-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message);
  if (missing) return `${missing[2]} needs a value`;
  const noValue = /^Option '(-\w, )?(--[\w-]+)' does not take an argument/.exec(error.message);
  if (noValue) return `${noValue[2]} takes no value`;
  const positional = /^Unexpected argument '([^']+)'/.exec(error.message);
  // `diff main`, as `git diff main` takes it: the command names its base with a flag.
  if (positional && flags.includes('--base')) return `unexpected argument ${JSON.stringify(positional[1])}: give the base as \`--base ${positional[1]}\``;
  if (positional) return `unexpected argument ${JSON.stringify(positional[1])}: this command takes no PATH`;
  return error.message.split('\n')[0]!;
}
