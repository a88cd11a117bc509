/**
 * Suggestions on source lines, verified (pure, with the render port
 * injected): the edited file is rendered again and the pod spec evaluated
 * again; the suggestion stands only when the finding's check no longer
 * fails for that object and no check fails that did not before.
 */
import { evaluateFiles } from '../findings/evaluateFiles.js';
import type { Finding } from '../findings/types.js';
import type { PolicyContext } from '../findings/policyContext.js';
import type { DiffFinding, DiffReport } from '../scope/types.js';
import type { MappedReport, SuggestionCandidate } from './mapReport.js';
import type { RenderPort } from './types.js';

const objectKey = (f: Pick<Finding, 'kind' | 'namespace' | 'name'>) => `${f.kind}\u0000${f.namespace ?? ''}\u0000${f.name}`;

/** The checks each object fails in a rendering. */
function failingChecks(text: string, policy: PolicyContext): Map<string, Set<string>> {
  const report = evaluateFiles([{ path: 'rendered.yaml', content: text }], { policy });
  const checks = new Map<string, Set<string>>();
  for (const f of report.findings) {
    const key = objectKey(f);
    checks.set(key, (checks.get(key) ?? new Set()).add(f.check));
  }
  return checks;
}

function replaceLines(text: string, { startLine, endLine, newLines }: SuggestionCandidate): string {
  const lines = text.split('\n');
  lines.splice(startLine - 1, endLine - startLine + 1, ...newLines);
  return lines.join('\n');
}

export async function verifySuggestions(mapped: MappedReport, port: RenderPort, policy: PolicyContext): Promise<DiffReport> {
  const findings: DiffFinding[] = [...mapped.report.findings];
  const outcomes = new Map<string, Promise<Map<string, Set<string>> | null>>();
  const before = new Map<string, Map<string, Set<string>>>();
  const verify = (candidate: SuggestionCandidate) => {
    const key = JSON.stringify([candidate.rendering.rendered.root.label, candidate.file, candidate.startLine, candidate.newLines]);
    let outcome = outcomes.get(key);
    if (outcome === undefined) {
      const text = mapped.sources.get(candidate.file);
      outcome =
        text === undefined
          ? Promise.resolve(null)
          : port.renderEdited(candidate.rendering.rendered.root, new Map([[candidate.file, replaceLines(text, candidate)]])).then((output) => (output.kind === 'rendered' ? failingChecks(output.text, policy) : null));
      outcomes.set(key, outcome);
    }
    return outcome;
  };
  // Every rendering asked for at once: the port runs as many side by side as it can.
  const outcomesInOrder = await Promise.all(mapped.candidates.map(verify));
  for (const [c, candidate] of mapped.candidates.entries()) {
    const finding = findings[candidate.finding]!;
    const after = outcomesInOrder[c] ?? null;
    if (after === null) continue;
    const label = candidate.rendering.rendered.root.label;
    if (!before.has(label)) before.set(label, failingChecks(candidate.rendering.text, policy));
    const was = before.get(label)!.get(objectKey(finding)) ?? new Set<string>();
    const now = after.get(objectKey(finding)) ?? new Set<string>();
    if (now.has(finding.check) || [...now].some((check) => !was.has(check))) continue;
    findings[candidate.finding] = {
      ...finding,
      fix: {
        startLine: candidate.startLine,
        endLine: candidate.endLine,
        replacement: `${candidate.newLines.join('\n')}\n`,
        attachable: mapped.inOneHunk(candidate.file, candidate.startLine, candidate.endLine),
      },
      fixNote: candidate.caveat,
    };
  }
  return { ...mapped.report, findings };
}
