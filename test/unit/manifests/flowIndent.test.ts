import { describe, expect, it } from 'vitest';
import { originalOffset, reindentFlowContinuations } from '../../../src/manifests/flowIndent.js';

describe('reindentFlowContinuations', () => {
  it('indents the continuation lines of a quoted scalar past its opening column, and nothing else', () => {
    const text = 'a:\n  note: "x\n y\nz"\n  plain: it\'s "not" quoted\n  block: |\n    "no\n  k: v\n';
    const result = reindentFlowContinuations(text)!;
    // The quote opens at column 8: continuation lines go to column 9 (blanks the fold discards).
    const nine = ' '.repeat(9);
    expect(result.text).toBe(`a:\n  note: "x\n${nine}y\n${nine}z"\n  plain: it's "not" quoted\n  block: |\n    "no\n  k: v\n`);
    expect(result.at).toEqual([text.indexOf(' y'), text.indexOf('z"')]);
  });

  it('indents flow collections, quotes inside them, and leaves document markers at column 0', () => {
    const text = 'k: [a, "b\nc",\n d]\n---\nm: {x: 1,\n---\n}\n';
    expect(reindentFlowContinuations(text)!.text).toBe('k: [a, "b\n    c",\n    d]\n---\nm: {x: 1,\n---\n    }\n');
  });

  it('returns null when no line needs it', () => {
    expect(reindentFlowContinuations('a: "x\n      y"\nb: [1,\n    2]\n# "c\n')).toBeNull();
  });

  it('maps every offset of the indented text back to the original', () => {
    const text = 'a:\n  note: "x\n y\nz"\n';
    const result = reindentFlowContinuations(text)!;
    // Each original character is found at its place, and inserted blanks map to the start of their line.
    for (let i = 0; i < text.length; i++) {
      const before = result.at.filter((at) => at <= i).length;
      const expanded = i + (before === 0 ? 0 : result.inserted[before - 1]!);
      expect(result.text[expanded]).toBe(text[i]);
      expect(originalOffset(result, expanded)).toBe(i);
    }
    expect(originalOffset(result, result.text.indexOf('   y'))).toBe(text.indexOf(' y'));
  });
});
