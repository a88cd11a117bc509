/** Entry point of the CLI bundle (dist/cli.js): runs the command and sets the exit status. */
import { runCli } from './cli/run.js';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    // A bug, not a user mistake: say so loudly, with a distinct status.
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`pod-security-review: internal error (please report it): ${text}\n`);
    process.exitCode = 3;
  },
);
