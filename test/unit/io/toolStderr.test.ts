/** A rendering tool's stderr as a message shows it: kubectl's log headers off, paths in the temporary tree relative. */
import { describe, expect, it } from 'vitest';
import { readableStderr } from '../../../src/io/render/toolStderr.js';

describe('readableStderr', () => {
  it("shows kubectl kustomize's klog failure as kustomize build shows it, with no time or process ID", () => {
    const stderr =
      'E1204 20:16:34.752729   25487 run.go:72] "command failed" err="accumulating resources: accumulation err=\'accumulating resources from \'dir \\"q\\"\': ' +
      "lstat /tmp/psr-tree-1/overlays/prod/dir \\\"q\\\": no such file or directory'\"\n";
    expect(readableStderr(stderr, '/tmp/psr-tree-1')).toBe(
      "Error: accumulating resources: accumulation err='accumulating resources from 'dir \"q\"': lstat overlays/prod/dir \"q\": no such file or directory'",
    );
  });

  it('takes the header off other klog lines, and leaves lines without one as they are', () => {
    const stderr = 'W0102 03:04:05.000006  12 warnings.go:70] something odd\nError: accumulating resources: missing.yaml\n\n';
    expect(readableStderr(stderr, '/tmp/t')).toBe('something odd\nError: accumulating resources: missing.yaml');
  });

  it('keeps the first five lines, and says there were more', () => {
    const stderr = Array.from({ length: 8 }, (_, i) => `line ${i}`).join('\n');
    expect(readableStderr(stderr, '/tmp/t')).toBe('line 0\nline 1\nline 2\nline 3\nline 4\n…');
  });

  it('names the temporary tree itself as the repository', () => {
    expect(readableStderr('Error: no kustomization in /tmp/t\n', '/tmp/t')).toBe('Error: no kustomization in .');
  });
});
