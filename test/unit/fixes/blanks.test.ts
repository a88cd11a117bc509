/** isBlankAt (text.ts) reads white space as /\s/ does, on every UTF-16 code unit and past the text. */
import { describe, expect, it } from 'vitest';
import { isBlankAt, lastContentBefore } from '../../../src/fixes/text.js';

describe('isBlankAt', () => {
  it('agrees with /\\s/ on every code unit', () => {
    let blanks = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      expect(isBlankAt(char, 0), `U+${code.toString(16)}`).toBe(/\s/.test(char));
      if (isBlankAt(char, 0)) blanks++;
    }
    expect(blanks).toBeGreaterThan(20);
  });

  it('is false past either end of the text', () => {
    expect(isBlankAt(' ', 1)).toBe(false);
    expect(isBlankAt(' ', -1)).toBe(false);
  });

  it('lets lastContentBefore skip trailing blanks of every kind', () => {
    expect(lastContentBefore('key: v \t\u00a0\r\n\n', 12)).toBe(5);
  });
});
