/**
 * The README's check reference: one heading per check id, with what fails,
 * why it matters and where upstream describes it. Generated from the tables
 * the comments use (checkTitles, whyItMatters) and the registry's levels,
 * so a comment can link the check it is about and the page cannot drift:
 * test/unit/report/checkDocs.test.ts fails when the README's block differs
 * (`npx tsx scripts/readme-inputs.ts` rewrites it).
 */
import { allChecks } from '../pss/registry.js';
import type { FindingCheck } from '../policy/sources/extraChecks.js';
import { actionRepository } from '../version.js';
import { checkTitles, pspMigrationUrl, standardsUrl, whyItMatters } from './explanations.js';

const readmeUrl = `https://github.com/${actionRepository}`;
/** The README's section on the checks (their table, then this reference): where a comment about several checks links. */
export const checksSectionHeading = 'The checks';
export const checksSectionUrl = `${readmeUrl}#the-checks`;

/** Every check a finding can name, in the reference's order: upstream's, then this tool's own. */
export const documentedChecks = Object.keys(checkTitles) as FindingCheck[];

/** GitHub's anchor of the heading `` `id` ``: lower case, the dots dropped. */
export const checkAnchor = (check: FindingCheck): string => check.toLowerCase().replace(/[^a-z0-9_-]/g, '');

/** Where a comment links a check: its entry in the README. */
export const checkDocsUrl = (check: FindingCheck): string => `${readmeUrl}#${checkAnchor(check)}`;

const upstreamLevel = new Map(allChecks.map((c) => [c.id as FindingCheck, c.level]));

/** Where the check comes from, and where to read more. */
function origin(check: FindingCheck): string {
  const level = upstreamLevel.get(check);
  if (level !== undefined) return `Pod Security Standards, ${level} level ([upstream](${standardsUrl}#${level})).`;
  if (check === 'psp.removed') return `This tool's own check: PodSecurityPolicy was removed in Kubernetes v1.25 ([migration guide](${pspMigrationUrl})).`;
  if (check === 'policy.relaxed') return "This tool's own check (the `policy-changes` input says whether it blocks; see [Policy](#policy)).";
  return "This tool's hardening advice, off by default (`check --advice`, the config's `advice`).";
}

/** The markdown between the README's `<!-- checks -->` markers. */
export function checkReference(): string {
  return documentedChecks
    .map((check) => {
      const { control, problem } = checkTitles[check];
      // "Host Namespaces: host namespaces" says it once.
      const title = control.toLowerCase() === problem.toLowerCase() ? `**${control}**.` : `**${control}**: ${problem}.`;
      return `#### \`${check}\`\n\n${title} ${whyItMatters[check]} ${origin(check)}`;
    })
    .join('\n\n');
}

/** The README with its check reference rewritten. */
export function withCheckReference(readme: string): string {
  const pattern = /(<!-- checks -->\n)[\s\S]*?(<!-- \/checks -->)/;
  if (!pattern.test(readme)) throw new Error('README.md has no <!-- checks --> … <!-- /checks --> block');
  return readme.replace(pattern, (_match, open: string, close: string) => `${open}${checkReference()}\n${close}`);
}
