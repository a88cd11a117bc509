/** A rendered fix shown as an example: the change it makes, not the lines it replaces. */
import { describe, expect, it } from 'vitest';
import { exampleDiff, sourceChangesDiff } from '../../../src/render/exampleDiff.js';

describe('exampleDiff', () => {
  it('gives each change with a line of context, and @@ between changes apart', () => {
    const replaced = ['      securityContext:', '        allowPrivilegeEscalation: true', '        capabilities:', '          drop: [ALL]', '      command: [app]', '      ports:', '        - containerPort: 80', '          hostPort: 80', '      env: []'];
    const replacement = ['      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]', '      command: [app]', '      ports:', '        - containerPort: 80', '      env: []', ''].join('\n');
    expect(exampleDiff(replaced, replacement)).toBe(
      ['       securityContext:', '-        allowPrivilegeEscalation: true', '+        allowPrivilegeEscalation: false', '         capabilities:', '@@', '         - containerPort: 80', '-          hostPort: 80', '       env: []'].join('\n'),
    );
  });

  it('gives lines added where nothing was, and lines removed to nothing', () => {
    expect(exampleDiff([], '  securityContext:\n    runAsNonRoot: true\n')).toBe('+  securityContext:\n+    runAsNonRoot: true');
    expect(exampleDiff(['  hostPID: true'], '')).toBe('-  hostPID: true');
  });
});

describe('sourceChangesDiff', () => {
  const values = ['reload:', '  containerSecurityContext: {}', 'server:', '  image: prom', '  containerSecurityContext: {}', ''].join('\n');
  const map = (indent: string) => [`${indent}containerSecurityContext:`, `${indent}  allowPrivilegeEscalation: false`];

  it('gives each change under its file and line, in file order, with a line of context either side', () => {
    const changes = [
      { file: 'web/values.yaml', startLine: 5, endLine: 5, newLines: map('  ') },
      { file: 'web/values.yaml', startLine: 2, endLine: 2, newLines: map('  ') },
    ];
    expect(sourceChangesDiff(changes, (file) => (file === 'web/values.yaml' ? values : undefined))).toBe(
      [
        '@@ web/values.yaml:2 @@',
        ' reload:',
        '-  containerSecurityContext: {}',
        '+  containerSecurityContext:',
        '+    allowPrivilegeEscalation: false',
        ' server:',
        '@@ web/values.yaml:5 @@',
        '   image: prom',
        '-  containerSecurityContext: {}',
        '+  containerSecurityContext:',
        '+    allowPrivilegeEscalation: false',
        ' ',
      ].join('\n'),
    );
  });

  it('is null when a file is not known', () => {
    expect(sourceChangesDiff([{ file: 'other.yaml', startLine: 1, endLine: 1, newLines: [] }], () => undefined)).toBeNull();
  });
});
