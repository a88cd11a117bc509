/**
 * Levels and versions (spec §1.1, §1.2): parsing, errors, fallbacks, printing.
 */
import { describe, expect, it } from 'vitest';
import {
  formatLevelVersion,
  formatVersion,
  levelRank,
  levels,
  parseLevel,
  parseVersion,
} from '../../../src/pss/levels.js';
import { maxVersion } from '../../../src/pss/registry.js';
import type { Level } from '../../../src/pss/types.js';

const levelError = 'must be one of privileged, baseline, restricted';
const versionError = 'must be "latest" or "v1.x"';

describe('parseLevel (§1.1)', () => {
  it.each(['privileged', 'baseline', 'restricted'] as const)('accepts %s exactly', (text) => {
    expect(parseLevel(text)).toEqual({ ok: true, value: text });
  });

  it.each([
    ['empty string', ''],
    ['capitalised', 'Restricted'],
    ['upper case', 'BASELINE'],
    ['leading space', ' baseline'],
    ['trailing space', 'privileged '],
    ['unknown name', 'foo'],
    ['a version instead of a level', 'v1.25'],
    ['level:version pair', 'restricted:latest'],
  ])('rejects %s (%j) with the upstream error and falls back to restricted', (_label, text) => {
    expect(parseLevel(text)).toEqual({ ok: false, error: levelError, fallback: 'restricted' });
  });

  it('lists the three levels in strictness order', () => {
    expect(levels).toEqual(['privileged', 'baseline', 'restricted']);
  });
});

describe('levelRank (§1.1 strictness order)', () => {
  it('orders privileged < baseline < restricted', () => {
    expect(levelRank('privileged')).toBeLessThan(levelRank('baseline'));
    expect(levelRank('baseline')).toBeLessThan(levelRank('restricted'));
  });

  it('gives every level a distinct non-negative rank', () => {
    const ranks = (['privileged', 'baseline', 'restricted'] as Level[]).map(levelRank);
    expect(new Set(ranks).size).toBe(3);
    for (const rank of ranks) expect(rank).toBeGreaterThanOrEqual(0);
  });
});

describe('parseVersion (§1.2)', () => {
  describe('accepted', () => {
    it('accepts "latest"', () => {
      expect(parseVersion('latest')).toEqual({ ok: true, value: 'latest' });
    });

    it.each([
      ['v1.0', 0],
      ['v1.1', 1],
      ['v1.8', 8],
      ['v1.25', 25],
      ['v1.37', 37],
      ['v1.38', 38],
      ['v1.99', 99],
      ['v1.10000', 10000],
    ])('accepts %s as minor %i', (text, minor) => {
      expect(parseVersion(text)).toEqual({ ok: true, value: minor });
    });

    it('accepts the largest signed 64-bit minor v1.9223372036854775807', () => {
      const parsed = parseVersion('v1.9223372036854775807');
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      // Beyond exact double precision, the minor is kept as a bigint.
      expect(parsed.value).toBe(9223372036854775807n);
      expect(parsed.value as bigint > BigInt(maxVersion)).toBe(true);
    });

    it('accepts 2^53 + 1 (beyond exact double precision but within int64)', () => {
      expect(parseVersion('v1.9007199254740993').ok).toBe(true);
    });
  });

  describe('rejected, with the upstream error and the latest fallback', () => {
    it.each([
      ['leading zero', 'v1.01'],
      ['double zero', 'v1.00'],
      ['leading zeros on a large minor', 'v1.0025'],
      ['missing v', '1.25'],
      ['no minor', 'v1'],
      ['no minor, trailing dot', 'v1.'],
      ['major 2', 'v2.0'],
      ['major 0', 'v0.25'],
      ['patch version', 'v1.25.0'],
      ['capital V', 'V1.25'],
      ['capitalised latest', 'Latest'],
      ['upper-case latest', 'LATEST'],
      ['empty string', ''],
      ['leading space', ' v1.2'],
      ['trailing space', 'v1.2 '],
      ['trailing newline', 'v1.2\n'],
      ['surrounding spaces on latest', ' latest '],
      ['negative minor', 'v1.-1'],
      ['plus sign', 'v1.+1'],
      ['non-digit minor', 'v1.x'],
      ['decimal minor', 'v1.2.5'],
      ['non-ASCII digits', 'v1.٢'],
      ['int64 overflow by one', 'v1.9223372036854775808'],
      ['int64 overflow, many digits', 'v1.99999999999999999999'],
    ])('rejects %s (%j)', (_label, text) => {
      expect(parseVersion(text)).toEqual({ ok: false, error: versionError, fallback: 'latest' });
    });
  });
});

describe('formatVersion and formatLevelVersion (§1.2)', () => {
  it.each([
    ['latest', 'latest'],
    [0, 'v1.0'],
    [23, 'v1.23'],
    [37, 'v1.37'],
    [99, 'v1.99'],
    [10000, 'v1.10000'],
  ] as const)('formats version %j as %s', (version, text) => {
    expect(formatVersion(version)).toBe(text);
  });

  it('formats restricted:latest', () => {
    expect(formatLevelVersion({ level: 'restricted', version: 'latest' })).toBe('restricted:latest');
  });

  it('formats baseline:v1.23', () => {
    expect(formatLevelVersion({ level: 'baseline', version: 23 })).toBe('baseline:v1.23');
  });

  it('formats privileged with its version too (the pair is printed as written)', () => {
    expect(formatLevelVersion({ level: 'privileged', version: 0 })).toBe('privileged:v1.0');
  });

  it.each(['latest', 'v1.0', 'v1.7', 'v1.25', 'v1.37', 'v1.10000'])('round-trips %s through parse and format', (text) => {
    const parsed = parseVersion(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(formatVersion(parsed.value)).toBe(text);
  });

  // Messages print the version that was asked for (§1.3), even for minors
  // beyond what a JS number holds exactly.
  it.each(['v1.9007199254740993', 'v1.9223372036854775807'])(
    'round-trips the int64-range minor %s exactly',
    (text) => {
      const parsed = parseVersion(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(formatVersion(parsed.value)).toBe(text);
    },
  );
});
