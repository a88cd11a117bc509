/**
 * What the Action renders for a bundled scenario (fixtures/scenarios/<name>),
 * computed in-process with the same pure stages main.ts runs: a real git
 * repository with the base and head trees, the change set read by git (a
 * checkout with fetch-depth: 0), the policy config at the base commit, the
 * head's Namespace manifests, the review plan on a pull request without
 * earlier comments. The emulator end-to-end tests cover the posting.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { diffLines } from '../../src/diff/lines.js';
import { readGitChangeSet } from '../../src/git/changeSet.js';
import { readNamespaceDocuments } from '../../src/git/namespaces.js';
import { defaultPolicies, policyContext } from '../../src/findings/policyContext.js';
import { checkRunOutput, checkRunText } from '../../src/report/checkRun.js';
import type { CheckRunOutput } from '../../src/report/checkRun.js';
import { githubLinks, reviewBody } from '../../src/report/reviewBody.js';
import { jobSummary } from '../../src/report/summary.js';
import type { SummaryInput } from '../../src/report/summary.js';
import { defaultConfigPath, defaultPolicyConfig, parsePolicyConfig } from '../../src/policy/config.js';
import { extraChecksFor } from '../../src/policy/sources/adviceConfig.js';
import { planReview } from '../../src/report/reviewPlan.js';
import type { ReviewPlan } from '../../src/report/reviewPlan.js';
import type { ReviewFinding } from '../../src/report/types.js';
import { evaluateChangeSet } from '../../src/scope/scope.js';
import type { DiffReport } from '../../src/scope/types.js';
import type { ChangeSet } from '../../src/diff/types.js';
import { makeScenarioRepo } from './gitRepo.js';
import { fixturesDir } from './paths.js';

export const scenarioNames = (): string[] =>
  readdirSync(path.join(fixturesDir, 'scenarios'))
    .filter((n) => existsSync(path.join(fixturesDir, 'scenarios', n, 'head')))
    .sort();

export interface ScenarioReview {
  readonly changeSet: ChangeSet;
  readonly report: DiffReport;
  readonly findings: readonly ReviewFinding[];
  readonly plan: ReviewPlan;
  /** The review's body (posted only with new comments). */
  readonly reviewBody: string;
  readonly checkRun: CheckRunOutput;
  readonly jobSummary: string;
}

/** Links as on github.com, with `head` for the head commit so the golden files do not depend on it. */
const links = githubLinks('https://github.com', 'acme', 'shop', 1, 'head');

const maxBytes = 1024 * 1024;

export async function reviewScenario(name: string, maxComments = 30): Promise<ScenarioReview> {
  const repo = makeScenarioRepo(name);
  try {
    const changeSet = await readGitChangeSet({ repository: repo, base: 'main', head: 'feature', maxBytes });
    const configFile = path.join(fixturesDir, 'scenarios', name, 'base', defaultConfigPath);
    const parsed = existsSync(configFile) ? parsePolicyConfig(readFileSync(configFile, 'utf8'), defaultConfigPath) : null;
    if (parsed && !parsed.ok) throw new Error(`scenario ${name}: invalid config`);
    const config = parsed?.ok ? parsed.config : defaultPolicyConfig;
    // As the Action: the config's advice settings decide the checks beyond the Pod Security Standards.
    const context = policyContext('2026-06-01', { config, overrides: {}, extraChecks: extraChecksFor(config.advice, false) });
    const defaults = defaultPolicies(context);
    const report = evaluateChangeSet(changeSet, {
      policy: context,
      headNamespaceDocuments: await readNamespaceDocuments(repo, 'feature', maxBytes),
      load: { maxBytes },
      fixes: true,
    });
    const findings = report.findings;
    const filesByPath = new Map(changeSet.files.map((f) => [f.path, f]));
    const plan = planReview(findings, (p) => diffLines(filesByPath.get(p)?.hunks ?? null), [], maxComments, 'head', report.errors);
    const policy = `${defaults.enforce}, warn ${defaults.warn}`;
    const inline = new Set(plan.comments.flatMap((c) => c.findings));
    const summaryInput: SummaryInput = {
      policy,
      findings,
      ignored: report.ignored,
      policyProblems: report.policyProblems,
      errors: report.errors,
      podSpecs: report.podSpecs.length,
      unchanged: report.unchangedPodSpecs,
      notices: [],
      inline,
      blob: links.blob,
    };
    const checkRun = checkRunOutput(summaryInput, 'enforce', 'neutral', { findings: inline, problems: new Set(plan.commentedProblems) });
    return {
      changeSet,
      report,
      findings,
      plan,
      reviewBody: reviewBody({ plan, findings, errors: report.errors, policy, links }),
      checkRun,
      jobSummary: jobSummary('Pod Security', checkRun.title, summaryInput, checkRunText(findings, inline)),
    };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
