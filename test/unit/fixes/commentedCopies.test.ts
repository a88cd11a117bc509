import { describe, expect, it } from 'vitest';
import { commentedCopies } from '../../../src/fixes/commentedCopies.js';
import { lineStart, lineTable } from '../../../src/fixes/text.js';

const text = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('commentedCopies: the commented-out entries right below new lines that they write', () => {
  it("takes `helm create`'s commented capabilities, which the fix writes, and keeps the examples it does not", () => {
    const values = text('securityContext:', '  # capabilities:', '  #   drop:', '  #   - ALL', '  # readOnlyRootFilesystem: true', '  # runAsUser: 1000', '', 'service: {}');
    const table = lineTable(values);
    const written = ['  allowPrivilegeEscalation: false', '  capabilities:', '    drop:', '    - ALL'];
    // Lines 2–4 go; lines 5–6 stay (they are not copies, and lie after the last copy).
    expect(commentedCopies(table, 2, written)).toEqual({ end: lineStart(table, 5), kept: '' });
  });

  it('keeps a comment between two copies, byte for byte, and stops at a comment of another column or a blank line', () => {
    const values = text(
      '  securityContext:',
      '    # allowPrivilegeEscalation: false',
      '    # set by the platform team',
      '    # capabilities: {drop: [ALL]}',
      '  # capabilities:',
      '  #   drop: [ALL]',
    );
    const table = lineTable(values);
    const written = ['    allowPrivilegeEscalation: false', '    capabilities:', '      drop:', '        - ALL'];
    expect(commentedCopies(table, 2, written)).toEqual({ end: lineStart(table, 5), kept: '    # set by the platform team\n' });
  });

  it("reads nextcloud's layout too, a `# ` in the two columns before the entries, and keeps its examples the fix does not write", () => {
    const values = text('  podSecurityContext:', '  # runAsNonRoot: true', '  # seccompProfile:', '  #   type: RuntimeDefault', '', '  nginx: {}');
    const table = lineTable(values);
    expect(commentedCopies(table, 2, ['    seccompProfile:', '      type: RuntimeDefault'])).toEqual({ end: lineStart(table, 5), kept: '  # runAsNonRoot: true\n' });
    // A `#` at any other column is no copy of these entries.
    expect(commentedCopies(lineTable(text('x:', '   # seccompProfile: {type: RuntimeDefault}')), 2, ['    seccompProfile:', '      type: RuntimeDefault'])).toBeNull();
  });

  it('takes nothing whose value differs, nor prose, nor a line that is no comment', () => {
    const written = ['  runAsUser: 1001', '  runAsNonRoot: true'];
    expect(commentedCopies(lineTable(text('x:', '  # runAsUser: 1000', '  # note: run as a user the image knows')), 2, written)).toBeNull();
    expect(commentedCopies(lineTable(text('x:', '  runAsNonRoot: true')), 2, written)).toBeNull();
    expect(commentedCopies(lineTable(text('x:', '', '  # runAsNonRoot: true')), 2, written)).toBeNull();
  });
});
