/**
 * Entry point of the CLI bundle (dist/cli.js): runs the command and sets the
 * exit status. The bundle is also the worker script of `check` on large
 * inputs (src/io/checkWorkers.ts): started as one of its workers, it serves
 * it instead.
 */
import { runCli } from './cli/run.js';
import { isCheckWorker, serveCheckWorker } from './io/checkWorkers.js';

if (isCheckWorker()) {
  serveCheckWorker();
} else {
  // A reader that stops early (`check . | head`) closes the pipe: the rest of the report has nowhere
  // to go, which is no error of ours. End quietly, with the run's status when it is known, else as a
  // process killed by SIGPIPE would (128 + 13).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 141);
  });
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    tty: process.stdout.isTTY === true && process.stderr.isTTY === true,
    stderrTty: process.stderr.isTTY === true,
    ...(process.stderr.columns === undefined ? {} : { columns: process.stderr.columns }),
    env: process.env,
    // Only a bundle can be started as a worker as it is (the sources need a TypeScript loader).
    ...(import.meta.url.endsWith('.js') ? { workerScript: new URL(import.meta.url) } : {}),
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
}
