/** The lines kubectl refuses while it cuts a file into documents (separators.ts); kubectl itself is asked in api-server-decoding.test.ts. */
import { describe, expect, it } from 'vitest';
import { kubectlCutError } from '../../../src/manifests/separators.js';

describe('kubectlCutError', () => {
  it('names the first line that starts with --- and goes on with more than blanks or a comment', () => {
    expect(kubectlCutError('a: 1\n---\nb: 2\n--- !!map\nc: 3\n----\n')).toEqual({ line: 4, message: expect.stringContaining('"--- !!map"') });
    expect(kubectlCutError('a: 1\n---\r\nb: 2\n--- # c\n---\t\n')).toBeNull();
  });

  it('leaves a template action after --- to the template rule', () => {
    expect(kubectlCutError('--- {{- if .Values.x }}\na: 1\n')).toBeNull();
  });

  it('names a directive that opens a piece, not one after a document end, nor a % inside a value', () => {
    expect(kubectlCutError('%YAML 1.1\n---\na: 1\n')?.line).toBe(1);
    expect(kubectlCutError('a: 1\n---\n# next\n\n%TAG ! tag:x,2000:\n---\nb: 2\n')?.line).toBe(5);
    expect(kubectlCutError('a: 1\n...\n%YAML 1.1\n---\nb: 2\n')).toBeNull();
    expect(kubectlCutError('a: |\n  %YAML 1.1\n')).toBeNull();
  });
});
