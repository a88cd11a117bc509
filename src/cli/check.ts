/** `pod-security-review check`: every pod spec in the given files and folders. */
import { parseArgs } from 'node:util';
import { evaluateFiles } from '../findings/evaluateFiles.js';
import type { CheckReport } from '../findings/evaluateFiles.js';
import { collectFiles } from '../io/files.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import { failureStatus, policyOptions, policyOptionsHelp, readPolicyOptions, UsageError } from './options.js';
import type { CliIO } from './options.js';

export const checkUsage = `Usage: pod-security-review check [options] PATH...

Evaluate the pod specs in Kubernetes manifests (files, or folders searched for
*.yaml, *.yml and *.json) against a Pod Security Standards level, with the
verdicts of the Pod Security Admission controller.

Options:
${policyOptionsHelp}

Exit status: 0 nothing fails, 1 something fails, 2 usage error.
`;

export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: policyOptions });
  if (values.help) {
    io.stdout(checkUsage);
    return 0;
  }
  const options = readPolicyOptions(values);
  if (positionals.length === 0) throw new UsageError('no PATH given: name the manifest files or folders to check');
  const collected = await collectFiles(positionals, io.cwd, options.maxBytes);
  if ('missing' in collected) throw new UsageError(`${collected.missing}: no such file or directory`);
  const evaluated = evaluateFiles(collected.files, { level: options.level, version: options.version, load: { maxBytes: options.maxBytes } });
  const report: CheckReport = { ...evaluated, errors: [...collected.problems, ...evaluated.errors] };
  const policy = { level: options.level, version: options.version };
  io.stdout(options.format === 'json' ? renderJson(report, policy) : renderText(report, policy));
  return failureStatus(report);
}
