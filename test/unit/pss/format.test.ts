/**
 * Message formatting helpers (spec §0.3, §0.4).
 */
import { describe, expect, it } from 'vitest';
import { compareBytes, containerList, goQuote, plural, quoteJoin, setters, sortedSet } from '../../../src/pss/format.js';

describe('goQuote (§0.3, Go %q)', () => {
  it.each([
    ['empty string', '', '""'],
    ['plain ASCII', 'unconfined', '"unconfined"'],
    ['printable ASCII with spaces and punctuation', 'localhost/my profile!', '"localhost/my profile!"'],
    ['double quote', 'a"b', '"a\\"b"'],
    ['backslash', 'a\\b', '"a\\\\b"'],
    ['quote and backslash together', '\\"', '"\\\\\\""'],
    ['single quote is not escaped', "it's", `"it's"`],
    ['BEL', '\x07', '"\\a"'],
    ['BS', '\b', '"\\b"'],
    ['FF', '\f', '"\\f"'],
    ['LF', '\n', '"\\n"'],
    ['CR', '\r', '"\\r"'],
    ['TAB', '\t', '"\\t"'],
    ['VT', '\v', '"\\v"'],
    ['all seven C escapes in a row', 'x\x07\b\f\n\r\t\vy', '"x\\a\\b\\f\\n\\r\\t\\vy"'],
    ['NUL', '\x00', '"\\x00"'],
    ['U+0001', '\x01', '"\\x01"'],
    ['ESC (lowercase hex)', '\x1b', '"\\x1b"'],
    ['U+001F', '\x1f', '"\\x1f"'],
    ['DEL U+007F', '\x7f', '"\\x7f"'],
    ['ASCII space is printable', ' ', '" "'],
    ['C1 control U+0085', '\u0085', '"\\u0085"'],
    ['NO-BREAK SPACE U+00A0', 'a\u00a0b', '"a\\u00a0b"'],
    ['SOFT HYPHEN U+00AD (Cf)', '\u00ad', '"\\u00ad"'],
    ['LINE SEPARATOR U+2028', '\u2028', '"\\u2028"'],
    ['PARAGRAPH SEPARATOR U+2029', '\u2029', '"\\u2029"'],
    ['ZERO WIDTH SPACE U+200B (Cf)', '\u200b', '"\\u200b"'],
    ['BOM U+FEFF', '\ufeff', '"\\ufeff"'],
    ['private use U+E000', '\ue000', '"\\ue000"'],
    ['astral non-printable U+E0001 (LANGUAGE TAG, Cf)', '\u{e0001}', '"\\U000e0001"'],
    ['astral private use U+F0000', '\u{f0000}', '"\\U000f0000"'],
    ['é is printable', 'é', '"é"'],
    ['CJK 日本 is printable', '日本', '"日本"'],
    ['emoji 😀 (So, astral) is printable', '😀', '"😀"'],
    ['combining acute U+0301 (Mn) is printable', 'e\u0301', '"e\u0301"'],
    ['currency sign € (Sc)', '€', '"€"'],
    ['Arabic-Indic digit (Nd)', '٣', '"٣"'],
    ['mixed printable and escaped', 'é\n😀\u00a0"', '"é\\n😀\\u00a0\\""'],
  ])('%s', (_label, input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });

  it('is not JSON.stringify (which keeps U+2028 and DEL, and uses \\u0007 for BEL)', () => {
    const s = '\x07\x7f\u2028';
    expect(goQuote(s)).toBe('"\\a\\x7f\\u2028"');
    expect(goQuote(s)).not.toBe(JSON.stringify(s));
  });

  it('leaves printable ASCII without " or \\ as "<s>"', () => {
    const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
      .filter((ch) => ch !== '"' && ch !== '\\')
      .join('');
    expect(goQuote(printable)).toBe(`"${printable}"`);
  });
});

describe('quoteJoin (§0.3)', () => {
  it('wraps each item in quotes and joins with ", "', () => {
    expect(quoteJoin(['a', 'b'])).toBe('"a", "b"');
  });

  it('gives "" for an empty list', () => {
    expect(quoteJoin([])).toBe('');
  });

  it('quotes a single item', () => {
    expect(quoteJoin(['nginx'])).toBe('"nginx"');
  });

  it('does not escape items: a key="value" entry just gets more quotes', () => {
    expect(quoteJoin(['k="v"', 'a\\b'])).toBe('"k="v"", "a\\b"');
  });

  it('quotes an empty item as ""', () => {
    expect(quoteJoin([''])).toBe('""');
  });
});

describe('plural (§0.3)', () => {
  it.each([
    [0, 'containers'],
    [1, 'container'],
    [2, 'containers'],
    [21, 'containers'],
  ])('n = %i → %s', (n, expected) => {
    expect(plural('container', 'containers', n)).toBe(expected);
  });

  it('uses the given irregular forms', () => {
    expect(plural('uses', 'use', 1)).toBe('uses');
    expect(plural('uses', 'use', 3)).toBe('use');
  });
});

describe('compareBytes and sortedSet (§0.3 sorted set)', () => {
  const byBytes = (values: string[]) => [...values].sort(compareBytes);
  const byLocale = (values: string[]) => [...values].sort((a, b) => a.localeCompare(b));

  it('returns 0 for equal strings and a sign for different ones', () => {
    expect(compareBytes('abc', 'abc')).toBe(0);
    expect(compareBytes('a', 'b')).toBeLessThan(0);
    expect(compareBytes('b', 'a')).toBeGreaterThan(0);
    expect(compareBytes('a', 'ab')).toBeLessThan(0);
    expect(compareBytes('', 'a')).toBeLessThan(0);
  });

  it('puts capital letters first, unlike localeCompare', () => {
    const values = ['b', 'B', 'a', 'A'];
    expect(byBytes(values)).toEqual(['A', 'B', 'a', 'b']);
    expect(byLocale(values)).not.toEqual(byBytes(values));
  });

  it('orders the check IDs as §1.5 says (hostNamespaces < hostPathVolumes < hostPorts; seLinuxOptions < seccompProfile_baseline)', () => {
    expect(byBytes(['hostPorts', 'hostPathVolumes', 'hostNamespaces'])).toEqual(['hostNamespaces', 'hostPathVolumes', 'hostPorts']);
    expect(byBytes(['seccompProfile_baseline', 'seLinuxOptions'])).toEqual(['seLinuxOptions', 'seccompProfile_baseline']);
    // localeCompare would ignore case and put seccomp first.
    expect(byLocale(['seccompProfile_baseline', 'seLinuxOptions'])).toEqual(['seccompProfile_baseline', 'seLinuxOptions']);
  });

  it('sorts numbers as strings: "10000" before "9"', () => {
    expect(byBytes(['9', '10000', '80', '443'])).toEqual(['10000', '443', '80', '9']);
    expect(compareBytes('10000', '9')).toBeLessThan(0);
  });

  it('differs from localeCompare with numeric collation', () => {
    const numeric = ['9', '10000'].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    expect(numeric).toEqual(['9', '10000']);
    expect(byBytes(['9', '10000'])).toEqual(['10000', '9']);
  });

  it('puts non-ASCII after all ASCII (UTF-8 byte order), unlike localeCompare', () => {
    expect(byBytes(['é', 'z', 'e', 'Z'])).toEqual(['Z', 'e', 'z', 'é']);
    expect(byLocale(['é', 'z', 'e', 'Z'])).not.toEqual(['Z', 'e', 'z', 'é']);
  });

  it('orders by UTF-8 bytes, not UTF-16 code units (U+FF61 before U+1F600)', () => {
    const halfwidth = '\uff61'; // EF BD A1 in UTF-8, 0xFF61 in UTF-16
    const emoji = '😀'; // F0 9F 98 80 in UTF-8, 0xD83D 0xDE00 in UTF-16
    expect(byBytes([emoji, halfwidth])).toEqual([halfwidth, emoji]);
    // The default JS sort compares UTF-16 code units and gets the opposite.
    expect([halfwidth, emoji].sort()).toEqual([emoji, halfwidth]);
  });

  it('sortedSet de-duplicates and sorts byte-wise', () => {
    expect(sortedSet(['b', 'a', 'B', 'a', 'b'])).toEqual(['B', 'a', 'b']);
    expect(sortedSet(['9', '10000', '9'])).toEqual(['10000', '9']);
    expect(sortedSet([])).toEqual([]);
  });

  it('sortedSet accepts any iterable', () => {
    expect(sortedSet(new Set(['Unmasked', 'other', 'Default']))).toEqual(['Default', 'Unmasked', 'other']);
  });
});

describe('setters and containerList (§0.4)', () => {
  it('builds "pod and containers "e", "f""', () => {
    expect(setters(true, ['e', 'f'])).toBe('pod and containers "e", "f"');
  });

  it('builds each part alone', () => {
    expect(setters(true, [])).toBe('pod');
    expect(setters(false, ['a'])).toBe('container "a"');
    expect(setters(false, [], ['annotations'])).toBe('annotations');
  });

  it('puts the AppArmor annotation part last', () => {
    expect(setters(true, ['a'], ['annotation'])).toBe('pod and container "a" and annotation');
  });

  it('containerList pluralises by count', () => {
    expect(containerList(['a'])).toBe('container "a"');
    expect(containerList(['a', 'b'])).toBe('containers "a", "b"');
  });
});
