/** A rendered fix shown as an example: the change it makes, not the lines it replaces. */
import { describe, expect, it } from 'vitest';
import { exampleDiff } from '../../../src/render/exampleDiff.js';

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
