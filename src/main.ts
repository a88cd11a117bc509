/**
 * The Action's orchestration. For now it checks the manifests under `paths`
 * in the workspace and reports every finding as an annotation and in the job
 * summary; the pull-request review (diff scoping, inline comments, check run)
 * builds on this.
 *
 * `run` does nothing on import and takes its dependencies, so tests and
 * @github/local-action can drive it.
 */
import * as core from '@actions/core';
import { evaluateFiles } from './findings/evaluateFiles.js';
import type { CheckReport } from './findings/evaluateFiles.js';
import { collectFiles } from './io/files.js';
import { defaultLoadOptions } from './manifests/load.js';
import { formatLevelVersion, parseLevel, parseVersion } from './pss/levels.js';
import type { LevelVersion } from './pss/types.js';

/** A user mistake in the inputs: reported as such, with the valid values. */
export class ConfigurationError extends Error {}

export interface ActionSettings {
  readonly paths: readonly string[];
  readonly policy: LevelVersion;
  readonly failOnViolations: boolean;
}

/** The only reader of inputs. */
export function readSettings(getInput: (name: string) => string): ActionSettings {
  const levelText = getInput('level') || 'restricted';
  const level = parseLevel(levelText);
  if (!level.ok) throw new ConfigurationError(`input level ${JSON.stringify(levelText)}: ${level.error}`);
  const versionText = getInput('version') || 'latest';
  const version = parseVersion(versionText);
  if (!version.ok) throw new ConfigurationError(`input version ${JSON.stringify(versionText)}: ${version.error}`);
  const failOn = getInput('fail-on') || 'violations';
  if (failOn !== 'violations' && failOn !== 'never') {
    throw new ConfigurationError(`input fail-on ${JSON.stringify(failOn)}: must be one of violations, never`);
  }
  const paths = (getInput('paths') || '.').split(/\s+/).filter((p) => p !== '');
  return { paths, policy: { level: level.value, version: version.value }, failOnViolations: failOn === 'violations' };
}

function summaryMarkdown(report: CheckReport, policy: LevelVersion): string {
  const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [
    `## Pod Security (${formatLevelVersion(policy)})`,
    '',
    `${report.podSpecs.length} pod specs checked, ${report.podSpecs.filter((p) => !p.allowed).length} violating, ${report.findings.length} findings, ${report.errors.length} file problems.`,
    '',
  ];
  if (report.findings.length > 0) {
    lines.push('| File | Workload | Check | Detail |', '| --- | --- | --- | --- |');
    for (const f of report.findings) {
      lines.push(`| ${escape(`${f.file}:${f.line}`)} | ${escape(`${f.kind} ${f.name}`)} | \`${f.check}\` | ${escape(`${f.reason}: ${f.detail}`)} |`);
    }
  }
  if (report.errors.length > 0) {
    lines.push('', '### Files that could not be checked', '');
    for (const e of report.errors) lines.push(`- \`${e.file}${e.line === null ? '' : `:${e.line}`}\`: ${escape(e.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface RunResult {
  readonly report: CheckReport;
  readonly failed: boolean;
}

export async function run(coreApi: typeof core = core, workspace: string = process.env.GITHUB_WORKSPACE ?? process.cwd()): Promise<RunResult | undefined> {
  try {
    const settings = readSettings((name) => coreApi.getInput(name));
    const collected = await collectFiles(settings.paths, workspace, defaultLoadOptions.maxBytes);
    if ('missing' in collected) throw new ConfigurationError(`input paths: ${collected.missing} does not exist in the workspace`);
    const evaluated = evaluateFiles(collected.files, settings.policy);
    const report: CheckReport = { ...evaluated, errors: [...collected.problems, ...evaluated.errors] };

    for (const f of report.findings) {
      coreApi.error(`${f.reason} (${f.detail})`, { title: `Pod Security: ${f.check}`, file: f.file, startLine: f.line });
    }
    for (const e of report.errors) {
      coreApi.warning(e.message, { title: 'Pod Security: file not checked', file: e.file, ...(e.line === null ? {} : { startLine: e.line }) });
    }
    coreApi.setOutput('violations', String(report.findings.length));
    await coreApi.summary.addRaw(summaryMarkdown(report, settings.policy)).write();

    const failed = settings.failOnViolations && report.findings.length > 0;
    if (failed) coreApi.setFailed(`${report.findings.length} Pod Security violations at ${formatLevelVersion(settings.policy)}`);
    return { report, failed };
  } catch (error) {
    // Fail the job on anything, not only Error instances.
    const message = error instanceof Error ? error.message : String(error);
    coreApi.setFailed(error instanceof ConfigurationError ? message : `internal error: ${message}`);
    return undefined;
  }
}
