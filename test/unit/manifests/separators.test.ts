/** The lines kubectl refuses while it cuts a file into documents, and the documents it never reads (separators.ts); kubectl itself is asked in api-server-decoding.test.ts. */
import { describe, expect, it } from 'vitest';
import { documentsKubectlSkips, kubectlCutError } from '../../../src/manifests/separators.js';

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

  it('names a document end that opens a piece (nothing but blanks and comments before it since the last cut)', () => {
    expect(kubectlCutError('...\na: 1\n')?.line).toBe(1);
    expect(kubectlCutError('a: 1\n---\n# only a comment\n\n...\n')).toEqual({ line: 5, message: expect.stringContaining('a document end (...) with no document before it') });
    expect(kubectlCutError('a: 1\n...\n...\n')).toBeNull();
    expect(kubectlCutError('a: 1\n... # end\n---\nb: 2\n')).toBeNull();
    expect(kubectlCutError('a: |\n  ...\nb: ....\n')).toBeNull();
  });
});

describe('documentsKubectlSkips', () => {
  /** The documents of `text` as the loader gives them: where each one's content starts. */
  const starts = (text: string, ...contents: string[]) => contents.map((content) => ({ source: { start: text.indexOf(content) } }));

  it('names each document after a document end in the same piece, and none that a --- line opens', () => {
    const text = 'a: 1\n...\nb: 2\n...\r\nc: 3\n---\nd: 4\n... # end\n\n---\ne: 5\n';
    expect(documentsKubectlSkips(text, starts(text, 'a:', 'b:', 'c:', 'd:', 'e:'))).toEqual([1, 2]);
  });

  it('names none in a file without a document end, nor for three dots that are not one', () => {
    const text = 'a: 1\n---\nb: ...\n....\n---\nc: |\n  ...\n';
    expect(documentsKubectlSkips(text, starts(text, 'a:', 'b:', 'c:'))).toEqual([]);
  });
});
