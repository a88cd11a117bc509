/**
 * The README's check reference is generated from the check tables the
 * comments use, so it is in sync with them; every check a finding can name
 * has its own anchor there, and the comments link it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../../src/pss/registry.js';
import { checkAnchor, checkDocsUrl, checksSectionHeading, checksSectionUrl, documentedChecks, withCheckReference } from '../../../src/report/checkDocs.js';
import { commentBody } from '../../../src/report/commentBody.js';
import { checkTitles, whyItMatters } from '../../../src/report/explanations.js';
import { renderSarif } from '../../../src/report/sarif.js';
import { actionRepository } from '../../../src/version.js';
import { headingsOf } from '../../helpers/actionDocs.js';
import { reviewFinding } from '../../helpers/findings.js';
import { repoRoot } from '../../helpers/paths.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('the check reference', () => {
  it('in the README is what the check tables generate (npx tsx scripts/readme-inputs.ts rewrites it)', () => {
    expect(withCheckReference(readme)).toBe(readme);
  });

  it('has one heading per check a finding can name, each with its own anchor, under its own heading', () => {
    expect(documentedChecks).toEqual(expect.arrayContaining(allChecks.map((c) => c.id)));
    expect(new Set(documentedChecks)).toEqual(new Set(Object.keys(whyItMatters)));
    const headings = headingsOf(readme);
    for (const check of documentedChecks) {
      const found = headings.filter((h) => h.text === `\`${check}\``);
      expect(found, check).toHaveLength(1);
      expect(found[0]!.anchor, check).toBe(checkAnchor(check));
      expect(checkDocsUrl(check)).toBe(`https://github.com/${actionRepository}#${checkAnchor(check)}`);
    }
    // No other heading of the README takes a check's anchor.
    const anchors = headings.map((h) => h.anchor);
    for (const check of documentedChecks) expect(anchors.filter((a) => a === checkAnchor(check)), check).toHaveLength(1);
    expect(headings.find((h) => h.text === checksSectionHeading)?.anchor).toBe(checksSectionUrl.split('#')[1]);
  });

  it('says for each check what fails and why it matters', () => {
    const entry = (check: string) => readme.slice(readme.indexOf(`#### \`${check}\``)).split('\n#### ')[0]!;
    for (const check of documentedChecks) {
      expect(entry(check)).toContain(`**${checkTitles[check].control}**`);
      expect(entry(check)).toContain(whyItMatters[check]);
    }
  });

  it('is where a comment links its check, and SARIF its rule', () => {
    expect(commentBody([reviewFinding()], null)).toContain(`[privileged container](${checkDocsUrl('privileged')})`);
    expect(commentBody([reviewFinding(), reviewFinding({ check: 'hostPorts' })], null)).toContain(`[checks](${checksSectionUrl})`);
    const sarif = JSON.parse(renderSarif([reviewFinding()], [], '0.0.0')) as { runs: { tool: { driver: { rules: { helpUri: string }[] } } }[] };
    expect(sarif.runs[0]!.tool.driver.rules[0]!.helpUri).toBe(checkDocsUrl('privileged'));
  });
});
