/** The report a command prints, in the format its --format names. */
import type { UncheckedPolicy } from '../findings/unchecked.js';
import { renderJson } from '../report/json.js';
import type { PolicyHeader, ReportLike } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { version } from '../version.js';

export type ReportFormat = 'text' | 'json' | 'sarif';

/** `unchecked` says whether a file not checked fails the run: the text and SARIF reports call it an error then, a note otherwise. */
export function renderReport(format: ReportFormat, report: ReportLike, header: PolicyHeader, unchecked: UncheckedPolicy): string {
  switch (format) {
    case 'json':
      return renderJson(report, header);
    case 'sarif':
      return renderSarif(report.findings, report.errors, version, unchecked);
    case 'text':
      return renderText(report, header, unchecked);
  }
}
