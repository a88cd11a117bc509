/**
 * SARIF 2.1.0, for github/codeql-action/upload-sarif: code scanning shows
 * the findings in the Security tab and on the PR.
 */
import { isUnchecked } from '../manifests/types.js';
import type { LoadProblem } from '../manifests/types.js';
import type { FindingCheck } from '../policy/sources/extraChecks.js';
import { whyItMatters } from './explanations.js';
import { fingerprint } from './fingerprint.js';
import { plainText } from './markdown.js';
import type { ReviewFinding } from './types.js';

export function renderSarif(findings: readonly ReviewFinding[], errors: readonly LoadProblem[], toolVersion: string): string {
  const rules = [...new Set(findings.map((f) => f.check))].sort() as FindingCheck[];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pod-security-review',
            version: toolVersion,
            informationUri: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
            rules: rules.map((id) => ({ id, name: id, shortDescription: { text: `Pod Security Standards: ${id}` }, fullDescription: { text: whyItMatters[id] } })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.check,
          level: f.blocking ? 'error' : 'warning',
          message: { text: plainText(`${f.reason} (${f.detail}) in ${f.kind} ${f.name} [${f.level}:${f.version}]${f.rendered ? `, rendered by ${f.rendered.tool} from ${f.rendered.root}` : ''}`) },
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
              level: isUnchecked(e) ? 'note' : 'warning',
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
