/** `pod-security-review check`: every pod spec in the given files and folders. */
import { parseArgs } from 'node:util';
import { evaluateFiles } from '../findings/evaluateFiles.js';
import type { CheckReport } from '../findings/evaluateFiles.js';
import { defaultPolicies } from '../findings/policyContext.js';
import { collectFiles } from '../io/files.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import { contextFor, failureStatus, policyOptions, policyOptionsHelp, readPolicyOptions, UsageError } from './options.js';
import type { CliIO } from './options.js';

export const checkUsage = `Usage: pod-security-review check [options] PATH...

Evaluate the pod specs in Kubernetes manifests (files, or folders searched for
*.yaml, *.yml and *.json) against the Pod Security Standards, with the
verdicts of the Pod Security Admission controller. Namespace manifests among
them set their workloads' levels, as in the cluster.

Options:
${policyOptionsHelp}

Exit status: 0 nothing blocks, 1 a blocking violation or a file that could not be
checked, 2 usage or config error.
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
  const policy = contextFor(io, options);
  const header = defaultPolicies(policy);
  // Fixes are part of the JSON contract; the text report does not show them, so it does not pay for them.
  const evaluated = evaluateFiles(collected.files, { policy, load: { maxBytes: options.maxBytes }, fixes: options.format === 'json' });
  const report: CheckReport = { ...evaluated, errors: [...collected.problems, ...evaluated.errors] };
  io.stdout(options.format === 'json' ? renderJson(report, header) : renderText(report, header));
  return failureStatus(report);
}
