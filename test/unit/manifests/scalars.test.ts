import { describe, expect, it } from 'vitest';
import { plainIsString, resolvePlainScalar, resolveTaggedScalar, surelyString } from '../../../src/manifests/scalars.js';

// The real kubectl is the oracle in test/integration/kubectl-decoding.test.ts;
// this table documents the rules one by one.
describe('resolvePlainScalar (goyaml.v2 rules)', () => {
  it.each([
    ['', null], ['~', null], ['null', null], ['Null', null], ['NULL', null],
    ['y', true], ['Yes', true], ['ON', true], ['True', true],
    ['n', false], ['no', false], ['Off', false], ['FALSE', false],
    ['yEs', 'yEs'], ['nope', 'nope'],
    ['0', 0], ['-7', -7], ['+7', 7], ['0777', 511], ['0o17', 15], ['0x1F', 31], ['-0x1F', -31], ['0b101', 5], ['1_000', 1000],
    ['08', 8], ['09', 9], ['0x', '0x'], ['0b2', '0b2'],
    ['.5', 0.5], ['1.', 1], ['1e3', 1000], ['-1.5e-3', -0.0015], ['1e400', '1e400'], ['.5e999', '.5e999'],
    ['2001-12-14', '2001-12-14'], ['190:20:30', '190:20:30'], ['inf', 'inf'], ['0x1p3', '0x1p3'],
    // Beyond 2^53 the JSON number is the nearest double (no verdict depends on such values).
    ['9223372036854775807', Number('9223372036854775807')],
    ['18446744073709551615', Number('18446744073709551615')],
  ] as const)('%j → %j', (text, value) => {
    expect(resolvePlainScalar(text)).toMatchObject({ ok: true, value });
  });

  it('reads an integer below int64 as a float, like Go does after ParseInt fails', () => {
    expect(resolvePlainScalar('-9223372036854775809')).toEqual({ ok: true, value: Number('-9223372036854775809'), kind: 'float' });
  });

  it.each(['.inf', '-.Inf', '+.INF', '.nan', '.NaN'])('%s cannot be carried by JSON', (text) => {
    expect(resolvePlainScalar(text)).toEqual({ ok: false, message: `the value ${text} cannot be represented in JSON` });
  });
});

describe('goyaml.v2 types of scalars, for tags', () => {
  it.each([
    ['~', 'null'], ['yes', 'bool'], ['0x1F', 'int'], ['08', 'float'], ['1.5', 'float'], ['1e3', 'float'], ['1e400', 'str'], ['2001-12-14', 'str'],
  ] as const)('%j is a !!%s', (text, kind) => {
    expect(resolvePlainScalar(text)).toMatchObject({ ok: true, kind });
  });

  it.each([
    ['bool', 'true', true], ['bool', 'off', false], ['int', '0', 0], ['int', '0x10', 16], ['float', '1', 1], ['float', '2.5', 2.5],
    ['null', '', null], ['null', '~', null], ['str', '12', '12'], ['str', 'yes', 'yes'], ['binary', 'aGVs\nbG8=', 'hello'], ['timestamp', '2001-12-14', '2001-12-14'],
  ] as const)('!!%s %j is %j, quoted or not', (tag, text, value) => {
    expect(resolveTaggedScalar(tag, text.replace('\\n', '\n'))).toMatchObject({ ok: true, value });
  });

  it.each([
    ['bool', 'foo', 'cannot decode !!str `foo` as a !!bool'],
    ['int', '1.5', 'cannot decode !!float `1.5` as a !!int'],
    ['int', 'true', 'cannot decode !!bool `true` as a !!int'],
    ['null', '0', 'cannot decode !!int `0` as a !!null'],
    ['float', '.inf', 'the value .inf cannot be represented in JSON'],
    ['binary', 'aGVsbG8', '!!binary value contains invalid base64 data'],
  ] as const)('!!%s %j is refused: %s', (tag, text, message) => {
    expect(resolveTaggedScalar(tag, text)).toEqual({ ok: false, message });
  });
});

describe('plainIsString and surelyString', () => {
  /** What it shortens: resolving the text and looking at what it reads as. */
  const resolvesToString = (text: string) => {
    const resolved = resolvePlainScalar(text);
    return resolved.ok && typeof resolved.value === 'string';
  };

  it('agrees with resolving every text made of the characters that start a word or a number, and others', () => {
    const alphabet = [...'~nNyYtTfFoOuUlLeEsSaArR.+-0123456789xXbB_iI :#aZ/é'];
    let texts = [''];
    const all: string[] = [''];
    // Every text of up to 3 characters, and every word the rules name.
    for (let length = 1; length <= 3; length++) {
      texts = texts.flatMap((text) => alphabet.map((c) => text + c));
      for (const text of texts) all.push(text);
    }
    all.push('null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'yes', 'Yes', 'YES', 'off', 'Off', 'OFF', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '0x1F', '1_000', '1e400', 'nginx', 'RuntimeDefault', 'ALL');
    let strings = 0;
    for (const text of all) {
      expect(plainIsString(text), JSON.stringify(text)).toBe(resolvesToString(text));
      // What it knows from the first character is so.
      if (surelyString(text)) expect(resolvePlainScalar(text), JSON.stringify(text)).toEqual({ ok: true, value: text, kind: 'str' });
      if (resolvesToString(text)) strings++;
    }
    // Both answers are well represented.
    expect(strings).toBeGreaterThan(1000);
    expect(all.length - strings).toBeGreaterThan(100);
    expect(all.filter(surelyString).length).toBeGreaterThan(1000);
  });
});
