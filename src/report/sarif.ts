/**
 * SARIF 2.1.0, for github/codeql-action/upload-sarif: code scanning shows
 * the findings in the Security tab and on the PR. Each rule carries what
 * code scanning shows a reader (a title, why it matters, help, a link) and
 * a `security-severity`, which is how code scanning ranks security alerts.
 */
import { defaultUnchecked, problemSeverity } from '../findings/unchecked.js';
import type { UncheckedPolicy } from '../findings/unchecked.js';
import type { LoadProblem } from '../manifests/types.js';
import type { Finding } from '../findings/types.js';
import type { FindingCheck } from '../policy/sources/extraChecks.js';
import { checkDocsUrl } from './checkDocs.js';
import { checkTitles, standardsUrl, whyItMatters } from './explanations.js';
import { fingerprint } from './fingerprint.js';
import { plainText } from './markdown.js';

/**
 * Code scanning's bands: 7.0-8.9 is "high", 4.0-6.9 "medium", 0.1-3.9
 * "low". A check that blocks in this run is high; a Pod Security check that
 * only warns is medium; advice and PodSecurityPolicy leftovers, low.
 */
const severity = { blocking: '8.0', standard: '5.0', advisory: '3.0' } as const;

/** SARIF's name for each severity of a file problem (problemSeverity: the check run's and the text report's). */
const notificationLevels = { error: 'error', warning: 'warning', notice: 'note' } as const;

/**
 * `unchecked` says whether a file not checked fails the run: its
 * notification is an error then, a note otherwise, as in the check run.
 */
export function renderSarif(findings: readonly Finding[], errors: readonly LoadProblem[], toolVersion: string, unchecked: UncheckedPolicy = defaultUnchecked): string {
  const checks = [...new Set(findings.map((f) => f.check))].sort() as FindingCheck[];
  const blockingChecks = new Set(findings.filter((f) => f.blocking).map((f) => f.check));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pod-security-review',
            version: toolVersion,
            informationUri: standardsUrl,
            rules: checks.map((id) => sarifRule(id, blockingChecks.has(id))),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.check,
          level: f.blocking ? 'error' : 'warning',
          message: { text: plainText(`${f.reason} (${f.detail}) in ${f.kind} ${f.name} [${f.level}:${f.version}]${f.rendered ? `, rendered by ${f.rendered.tool} from ${f.rendered.label ?? f.rendered.root}` : ''}`) },
          locations: f.locations.map((l) => ({
            physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: l.line, startColumn: l.column } },
          })),
          partialFingerprints: { podSecurityReview: fingerprint(f) },
          ...(f.rendered ? { properties: { rendered: { tool: f.rendered.tool, root: f.rendered.root, exact: f.rendered.exact } } } : {}),
        })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: errors.map((e) => ({
              level: notificationLevels[problemSeverity(e, unchecked)],
              message: { text: plainText(e.message) },
              locations: [{ physicalLocation: { artifactLocation: { uri: e.file }, ...(e.line === null ? {} : { region: { startLine: e.line } }) } }],
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** One rule as code scanning shows it: its title, why it matters, and where to read more. */
function sarifRule(id: FindingCheck, blocking: boolean) {
  const { control, problem } = checkTitles[id];
  const advisory = id.startsWith('advice.') || id === 'psp.removed' || id === 'policy.relaxed';
  // The check's entry in the README's reference, which links upstream's page.
  const helpUri = checkDocsUrl(id);
  const why = whyItMatters[id];
  return {
    id,
    name: control,
    shortDescription: { text: `${control}: ${problem}` },
    fullDescription: { text: why },
    help: {
      text: `${why} See ${helpUri}`,
      markdown: `**${control}** (\`${id}\`): ${problem}.\n\n${why}\n\n[Read more](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: blocking ? 'error' : 'warning' },
    properties: {
      tags: advisory ? ['security', 'kubernetes'] : ['security', 'kubernetes', 'pod-security-standards'],
      'security-severity': blocking ? severity.blocking : advisory ? severity.advisory : severity.standard,
    },
  };
}
