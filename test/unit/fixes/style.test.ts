/**
 * detectStyle reads every pair of a document in preorder: a pair, then the
 * pairs of its key, then those of its value, aliases not followed (the
 * first pair that tells a key's style wins, so the order is the style).
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { detectStyle } from '../../../src/fixes/style.js';
import { lineTable } from '../../../src/fixes/text.js';

function styleOf(text: string) {
  return detectStyle(parseDocument(text), lineTable(text));
}

describe('the style of a document', () => {
  it('takes a key from the first pair that tells it, a complex key before its value', () => {
    const style = styleOf(['? image: "in-the-key"', ": image: 'in-the-value'", 'name: plain', ''].join('\n'));
    expect(style.keys.get('image')).toEqual({ quote: 'double' });
    expect(style.keys.get('name')).toEqual({ quote: 'plain' });
  });

  it('reads pairs under sequences and in flow maps, but keys only from block maps', () => {
    const style = styleOf(['items:', '  - a: "x"', '    list: [one]', '  - {b: "y"}', 'flow: {c: {d: e}}', ''].join('\n'));
    expect(style.keys.get('a')).toEqual({ quote: 'double' });
    expect(style.keys.get('list')).toEqual({ flow: true, quote: 'plain' });
    expect(style.keys.has('b')).toBe(false);
    expect(style.keys.has('c')).toBe(false);
    expect(style.keys.get('items')).toEqual({ flow: false });
    expect(style.sequenceIndent).toBe(2);
  });

  it('does not follow aliases', () => {
    const style = styleOf(['first: &shared', '  q: "double"', 'second: *shared', 'q: plain', 'r: plain', ''].join('\n'));
    expect(style.keys.get('q')).toEqual({ quote: 'double' });
    // Counted once, where it is written: two plain strings win over one double-quoted (followed, it would tie and come first).
    expect(style.quote).toBe('plain');
  });
});
