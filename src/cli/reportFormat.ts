/** The report a command prints, in the format its --format names. */
import { renderJson } from '../report/json.js';
import type { PolicyHeader, ReportLike } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { version } from '../version.js';

export type ReportFormat = 'text' | 'json' | 'sarif';

export function renderReport(format: ReportFormat, report: ReportLike, header: PolicyHeader): string {
  switch (format) {
    case 'json':
      return renderJson(report, header);
    case 'sarif':
      return renderSarif(report.findings, report.errors, version);
    case 'text':
      return renderText(report, header);
  }
}
