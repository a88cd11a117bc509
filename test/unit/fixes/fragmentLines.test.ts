/**
 * Lines as the fragments see them (src/fixes/fragmentLines.ts): contentIndent
 * reads a line's characters in place, and must say what blankOrComment and
 * trimStart say of the line cut out, on every kind of character that can
 * start or follow an indentation.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../bench/prng.js';
import { blankOrComment, contentIndent } from '../../../src/fixes/fragmentLines.js';

/** What contentIndent stands for: the line cut out, tested by the regular expression, its indentation by trimStart. */
function byDefinition(line: string): number | null {
  return blankOrComment.test(line) ? null : line.length - line.trimStart().length;
}

describe('the indentation of a content line', () => {
  it('is what the line cut out says, blank and comment lines none', () => {
    const rng = createRng(14);
    const pieces = [' ', ' ', '  ', '#', '# x', 'a', 'key: 1', '-', '\r', '\t', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u3000', 'é', '{'];
    const cases = ['', ' ', '   ', '\r', '  \r', '#', '  # c', '  # c\r', '  # a\rb', '  #\u2028', '\t a', ' \u00a0a', '  key: 1', '  -', ' \r '];
    for (let n = 0; n < 3000; n++) cases.push(Array.from({ length: rng.int(0, 5) }, () => rng.pick(pieces)).join(''));
    for (const line of cases) {
      // Within a longer text, as the callers read it: the line's neighbours must not count.
      const text = `x: 1\n${line}\nafter`;
      expect(contentIndent(text, 5, 5 + line.length), JSON.stringify(line)).toBe(byDefinition(line));
    }
  });
});
