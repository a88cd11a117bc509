/** `pod-security-review diff`: only the pod specs a git range introduced or modified. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChangeSet, ChangedFile, LandingBranch } from '../diff/types.js';
import { readFileAt, repositoryPath } from '../git/files.js';
import { readNamespaceFiles, relabelledFilesCap } from '../git/namespaceWorkloads.js';
import { configChange, fileChange } from '../scope/configChange.js';
import { changedPaths, relabelledNamespaces } from '../scope/relabelled.js';
import type { FileSelection } from '../scope/select.js';
import { defaultConfigPath, defaultPolicyConfig, formatConfigError } from '../policy/config.js';
import { reads } from '../policy/sources/cluster.js';
import type { PolicyConfig } from '../policy/types.js';
import { git, GitError } from '../git/run.js';
import { landingBranch } from '../git/branches.js';
import { mergeBase, readGitChangeSet, resolveCommit } from '../git/changeSet.js';
import { gitRenderPort } from '../io/render/git.js';
import { evaluateWithRendering } from '../render/stage.js';
import { remoteUrls } from '../git/remotes.js';
import { readNamespaceDocuments } from '../git/namespaces.js';
import { defaultPolicies } from '../findings/policyContext.js';
import type { PolicyContext } from '../findings/policyContext.js';
import { optOutsRules, policyChangesRules } from '../policy/stricter.js';
import type { OptOutsRule, PolicyChangesRule } from '../policy/stricter.js';
import { defaultSelection } from '../scope/select.js';
import { renderReport } from './reportFormat.js';
import { contextFor, failureStatus, parseConfigFile, policyOptions, policyOptionsHelp, readPolicyOptions, UsageError } from './options.js';
import type { CliIO } from './options.js';
import { renderingProgress, stderrTerminal } from './progress.js';

export const diffUsage = `Usage: pod-security-review diff --base REF [options]

Evaluate only the pod specs that the commits from REF to --head introduced or
modified (like \`git diff REF...HEAD\`: from their merge base), in the git
repository of the working directory. The policy config file is read at REF, as
the Action reads it at the base commit: a change to it takes effect once merged.

Options:
  --base REF              the base branch or commit (required)
  --head REF              the head commit [default: HEAD]
  --only-new-violations   report only violations the change introduced
  --include GLOB          files to look at (repeatable) [default: **/*.yaml, **/*.yml, **/*.json]
  --exclude GLOB          files to skip (repeatable)
  --opt-outs R            which pod-security-review/ignore annotations count: base-only (those at
                          REF; one the change adds is a policy change), any, none [default: base-only]
  --policy-changes P      a change that relaxes the policy judging it (label lowered, opt-out added,
                          workload moved somewhere more lenient): block or warn [default: block]
  --render MODE           auto: render the Kustomize overlays and Helm charts the range
                          affects (kustomize or kubectl, helm, from PATH) at both
                          commits and review what the rendering changed; off: read
                          every file as a plain manifest [default: auto]
${policyOptionsHelp}

Exit status: 0 nothing blocks, 1 a blocking violation, a malformed or invalid
file, or (with --unchecked failure) a file not checked, 2 usage or config error.
`;

/** `--opt-outs` and `--policy-changes`, over the config file's. */
function withChangeRules(policy: PolicyContext, optOuts: string | undefined, policyChanges: string | undefined): PolicyContext {
  if (optOuts !== undefined && !(optOutsRules as readonly string[]).includes(optOuts)) {
    throw new UsageError(`--opt-outs ${JSON.stringify(optOuts)}: must be one of ${optOutsRules.join(', ')}`);
  }
  if (policyChanges !== undefined && !(policyChangesRules as readonly string[]).includes(policyChanges)) {
    throw new UsageError(`--policy-changes ${JSON.stringify(policyChanges)}: must be one of ${policyChangesRules.join(', ')}`);
  }
  const overrides = { ...policy.overrides, ...(optOuts ? { optOuts: optOuts as OptOutsRule } : {}), ...(policyChanges ? { policyChanges: policyChanges as PolicyChangesRule } : {}) };
  return { ...policy, overrides };
}

/** Whether `ref` names a commit here. */
async function resolves(repository: string, ref: string): Promise<boolean> {
  try {
    await git(repository, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * What went wrong with git, in one line that names the ref and says how to
 * get it: most often a CI checkout without the base branch or with a
 * shallow history.
 */
async function gitFailure(repository: string, base: string, head: string, error: GitError): Promise<string> {
  const fetchHint = 'in GitHub Actions, check out with fetch-depth: 0';
  try {
    await git(repository, ['rev-parse', '--git-dir']);
  } catch {
    return `${repository} is not in a git repository: run diff inside the repository to review`;
  }
  for (const [flag, ref] of [['--base', base], ['--head', head]] as const) {
    if (!(await resolves(repository, ref))) return `${flag} ${ref}: no such commit here; fetch it (git fetch origin ${ref.replace(/^origin\//, '')}), or ${fetchHint}`;
  }
  let shallow = false;
  try {
    shallow = (await git(repository, ['rev-parse', '--is-shallow-repository'])).toString('utf8').trim() === 'true';
  } catch {
    // Old git: say what git said.
  }
  if (shallow) return `no merge base between ${base} and ${head}: the history is shallow; fetch more (git fetch --unshallow), or ${fetchHint}`;
  return `${error.message.split('\n')[0]} (base ${base}, head ${head})`;
}

/**
 * The policy config at the base commit, as the Action reads it: the
 * change under review cannot relax the policy that judges it, so a change
 * to the config takes effect once merged (said on stderr when the range
 * changes it). The path is relative to the working directory, like check's.
 */
/** The branch `--base` names, as the render stage's option (none when it names a commit). */
async function landsOn(cwd: string, base: string): Promise<{ landsOn?: LandingBranch }> {
  const branch = await landingBranch(cwd, base);
  return branch === undefined ? {} : { landsOn: branch };
}

async function configAtBase(io: CliIO, explicit: string | undefined, base: string, changeSet: ChangeSet): Promise<{ base: PolicyConfig; change?: { base: PolicyConfig; head: PolicyConfig; path: string } }> {
  const file = explicit ?? defaultConfigPath;
  const inRepository = path.isAbsolute(file) ? path.relative(io.cwd, file) : file;
  const text = await readFileAt(io.cwd, base, `./${inRepository.split(path.sep).join('/')}`);
  const short = base.slice(0, 12);
  if (text === null && explicit !== undefined) throw new UsageError(`--config ${explicit}: not in the base commit ${short} (the config is read there, as the Action does)`);
  const judging = text === null ? defaultPolicyConfig : parseConfigFile(text, file, ` (at the base commit ${short})`);
  // What the range does to it (from the merge base) is reviewed: a relaxation is a policy change.
  const named = await repositoryPath(io.cwd, inRepository);
  const change = fileChange(changeSet, named);
  if (change.kind !== 'changed') return { base: judging };
  io.stderr(`pod-security-review diff: ${file} is read at the base commit ${short}; the change to it takes effect once merged\n`);
  const reviewed = configChange(change.base, change.head, named);
  if (reviewed.kind === 'invalid') {
    io.stderr(`pod-security-review diff: ${file} at --head is invalid, and would stop every run once merged:\n${reviewed.errors.map(formatConfigError).join('\n')}\n`);
  }
  return reviewed.kind === 'changed' ? { base: judging, change: reviewed } : { base: judging };
}

/**
 * The files outside the range with workloads in a Namespace whose
 * pod-security labels it changes, to be judged anew (up to a cap; what is
 * left out is said on stderr).
 */
async function relabelledWorkloads(io: CliIO, changeSet: ChangeSet, head: string, options: { policy: PolicyContext; selection: FileSelection; maxBytes: number }): Promise<readonly ChangedFile[]> {
  const namespaces = relabelledNamespaces(changeSet, { policy: options.policy, selection: options.selection, load: { maxBytes: options.maxBytes } });
  if (namespaces.length === 0) return [];
  const skip = changedPaths(changeSet.files);
  const found = await readNamespaceFiles(io.cwd, head, { namespaces, skip, selection: options.selection, maxBytes: options.maxBytes, maxFiles: relabelledFilesCap });
  for (const { path: file, reason } of found.omitted) {
    io.stderr(`pod-security-review diff: ${file}: not re-evaluated after the range raises the pod-security labels of ${namespaces.join(', ')} (${reason})\n`);
  }
  return found.files;
}

export async function diffCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      ...policyOptions,
      base: { type: 'string' },
      head: { type: 'string', default: 'HEAD' },
      'only-new-violations': { type: 'boolean', default: false },
      include: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      render: { type: 'string', default: 'auto' },
      'opt-outs': { type: 'string' },
      'policy-changes': { type: 'string' },
    },
  });
  if (values.help) {
    io.stdout(diffUsage);
    return 0;
  }
  const options = readPolicyOptions(values);
  if (values.base === undefined) throw new UsageError('--base REF is required');
  if (values.render !== 'auto' && values.render !== 'off') throw new UsageError(`--render ${JSON.stringify(values.render)}: must be one of auto, off`);
  let changeSet;
  try {
    changeSet = await readGitChangeSet({ repository: io.cwd, base: values.base, head: values.head, maxBytes: options.maxBytes });
  } catch (error) {
    // Unknown refs or not a repository are the user's to fix, not our bug.
    if (error instanceof GitError) throw new UsageError(await gitFailure(io.cwd, values.base, values.head, error));
    throw error;
  }
  const [baseCommit, headCommit] = [await resolveCommit(io.cwd, values.base), await resolveCommit(io.cwd, values.head)];
  const config = reads(options.sourceOptions, 'config') ? await configAtBase(io, options.configPath, baseCommit, changeSet) : undefined;
  const policy = withChangeRules(contextFor(io, options, false, config?.base), values['opt-outs'], values['policy-changes']);
  const tools = values.render === 'off' ? null : await gitRenderPort(io.cwd, await mergeBase(io.cwd, baseCommit, headCommit), headCommit, options.maxBytes);
  // On a terminal, a status line while the tools run (erased before the report).
  const terminal = stderrTerminal(io);
  const progress = tools !== null && terminal !== null ? renderingProgress(tools, terminal) : null;
  const port = progress?.port ?? tools;
  const selection = { include: values.include ?? defaultSelection.include, exclude: values.exclude ?? [] };
  const relabelledFiles = await relabelledWorkloads(io, changeSet, headCommit, { policy, selection, maxBytes: options.maxBytes });
  const evaluated = evaluateWithRendering(changeSet, {
    policy,
    relabelledFiles,
    ...(config?.change ? { configChange: config.change } : {}),
    headNamespaceDocuments: await readNamespaceDocuments(io.cwd, values.head, options.maxBytes),
    load: { maxBytes: options.maxBytes },
    selection,
    onlyNewViolations: values['only-new-violations'],
    // Fixes are part of the JSON contract; the text report does not show them.
    fixes: options.format === 'json',
    render: policy.config.render,
    repositoryUrls: await remoteUrls(io.cwd),
    ...(await landsOn(io.cwd, values.base)),
  }, port);
  const report = await evaluated.finally(() => progress?.end());
  const header = defaultPolicies(policy, report.cluster);
  io.stdout(renderReport(options.format, report, header, options.unchecked));
  return failureStatus(report, options.unchecked);
}
