/** The values of a text kubectl reads as JSON (jsonStream.ts); kubectl itself is asked in api-server-decoding.test.ts. */
import { describe, expect, it } from 'vitest';
import { isJsonStream, jsonStreamError, jsonValueRanges } from '../../../src/manifests/jsonStream.js';

describe('jsonValueRanges', () => {
  it('gives each top-level value by its brackets, whatever strings and escapes hold', () => {
    const text = ' {"a": "}{"}\n\t{"b": ["\\"]", {}]}{"c": 1}\n';
    expect(jsonValueRanges(text).map(([start, end]) => text.slice(start, end))).toEqual(['{"a": "}{"}', '{"b": ["\\"]", {}]}', '{"c": 1}']);
  });

  it('gives none for blanks, and the rest of the text for a value that never closes', () => {
    expect(jsonValueRanges(' \n ')).toEqual([]);
    expect(jsonValueRanges('{"a": [1}')).toEqual([[0, 9]]);
  });
});

describe('isJsonStream', () => {
  it('is true for several objects only, in a text kubectl reads as JSON', () => {
    expect(isJsonStream('{"a": 1}\n{"b": 2}\n')).toBe(true);
    expect(isJsonStream('{"a": 1}\n')).toBe(false);
    expect(isJsonStream('a: {"b": 1}\nc: {"d": 2}\n')).toBe(false);
    expect(isJsonStream('\uFEFF{"a": 1}{"b": 2}')).toBe(false);
  });

  it('agrees with jsonStreamError: a stream of objects is valid JSON to kubectl', () => {
    expect(jsonStreamError('{"a": 1}{"b": 2}')).toBeNull();
    expect(jsonStreamError('{"a": 1} [2]')?.message).toBe('expected an object, found an array');
  });
});
