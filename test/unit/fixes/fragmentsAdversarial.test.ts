/**
 * Trying to break the fragments' proof (src/fixes/fragments.ts): crafted
 * splices at the edges of its argument, and a seeded generator of documents
 * and splices aimed at them. Each case asserts that the fragments do not
 * answer, or answer what a whole reading of the fixed text decodes to
 * (test/helpers/fragmentAgreement.ts). Counterexamples found here are kept
 * as cases, with what they taught in a comment.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../bench/prng.js';
import type { Rng } from '../../../bench/prng.js';
import type { Splice } from '../../../src/fixes/text.js';
import { agrees, documentsOf } from '../../helpers/fragmentAgreement.js';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly splices: (text: string) => Splice[];
  readonly file?: string;
}

const at = (text: string, needle: string, plus = 0): number => {
  const offset = text.indexOf(needle);
  if (offset === -1) throw new Error(`no ${JSON.stringify(needle)} in the case's text`);
  return offset + plus;
};
/** New text at the start of the line that holds `needle`. */
const before = (needle: string, insert: string) => (text: string): Splice[] => [{ start: at(text, needle), end: at(text, needle), insert }];
/** `needle` replaced. */
const replace = (needle: string, insert: string) => (text: string): Splice[] => [{ start: at(text, needle), end: at(text, needle, needle.length), insert }];
/** New text at the very end. */
const atEnd = (insert: string) => (text: string): Splice[] => [{ start: text.length, end: text.length, insert }];

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

const cases: Case[] = [
  // Counterexamples (fixed): lines before a fragment's first key follow the value of the entry before it.
  { name: 'a deeper comment before new entries joins a block scalar before them', text: pod('  a: |\n    text\n  b: 1\n'), splices: before('  b:', '    # c\n  n: 1\n') },
  { name: 'a line of spaces before new entries joins a block scalar before them', text: pod('  a: |\n    text\n  b: 1\n'), splices: before('  b:', '        \n  n: 1\n') },
  { name: 'a blank line before new entries joins a kept block scalar', text: pod('  a: |+\n    text\n  b: 1\n'), splices: before('  b:', '\n  n: 1\n') },
  { name: 'a kept block scalar deeper in the entry before', text: pod('  a:\n    x: >+\n      text\n  b: 1\n'), splices: before('  b:', '\n  n: 1\n') },
  { name: 'an entry deleted, its comment left after a block scalar', text: pod('  a: |\n    text\n  b: 1\n    # about b\n  c: 2\n'), splices: replace('  b: 1\n', '') },
  // Counterexamples (fixed): lines after a mapping's last entry follow its value, which the fix may make a block scalar.
  { name: 'a deeper comment after the mapping becomes content of a new block scalar', text: pod('  k: 1\n    # c\nstatus: {}\n'), splices: replace('k: 1', 'k: |\n    new') },
  { name: 'a line of spaces after the mapping becomes content of a new block scalar', text: pod('  k: 1\n      \nstatus: {}\n'), splices: replace('k: 1', 'k: |\n    new') },
  { name: 'a deeper comment at the start of the next region', text: 'kind: Pod\nspec:\n  c:\n    k: 1\n  d: 2\n', splices: (text) => [...replace('k: 1', 'k: |\n      new')(text), ...before('  d:', '      # c\n  e: 3\n')(text)] },
  // Counterexample (fixed, seed 6): with the last entry deleted, the blank lines after the mapping follow a kept block scalar before it.
  { name: 'the last entry deleted after a kept block scalar', text: pod('  a: |+\n    text\n  b: 1\n\nstatus: {}\n'), splices: replace('  b: 1\n', '') },
  // Counterexample (fixed): at the end of a text with no final newline, new entries would join its last line.
  { name: 'new entries at the end of a text without a final newline', text: pod('  a: 1'), splices: atEnd('  b: 2\n') },
  { name: 'new entries at the end of a text without a final newline, after a line break', text: pod('  a: 1'), splices: atEnd('\n  b: 2\n') },
  // Counterexample (fixed): a `__proto__` key written by a fragment is a key, not the object's prototype.
  { name: 'a __proto__ mapping written', text: pod('  a: 1\n'), splices: atEnd('  __proto__: {x: 1}\n') },
  { name: 'a __proto__ scalar written', text: pod('  a: 1\n'), splices: atEnd('  __proto__: 1\n') },
  { name: 'a __proto__ entry in JSON', text: '{"kind":"Pod","spec":{"a":1}}\n', splices: replace('"a":1', '"__proto__":{"x":1}') },
  { name: 'below a __proto__ key', text: 'kind: Pod\n__proto__:\n  a: 1\n', splices: atEnd('  b: 1\n') },

  // Block scalars.
  { name: 'a literal block scalar written', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: |\n    x\n    b: 3\n\n    # not a comment') },
  { name: 'a folded block scalar, stripped', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: >-\n    one\n    two\n\n    three') },
  { name: 'a block scalar with an indentation indicator', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: |2\n     x') },
  { name: 'a block scalar before a kept one', text: pod('  a: |+\n    kept\n\n  b: 2\n'), splices: replace('b: 2', 'b: |\n    x') },
  { name: 'a block scalar whose lines look like keys', text: pod('  a: |\n    k: v\n  b: 2\n'), splices: before('  b:', '  c: |\n    d: e\n    - f\n') },
  { name: 'a block scalar ending the document', text: pod('  a: 1\n'), splices: replace('a: 1\n', 'a: |\n    x\n\n\n') },
  { name: 'a block scalar ending a text with no final newline', text: pod('  a: 1'), splices: replace('a: 1', 'a: |\n    x') },
  { name: 'an empty block scalar before the next key', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: |') },
  // Multi-line scalars.
  { name: 'a multi-line plain scalar before new entries', text: pod('  a: one\n    two\n  b: 2\n'), splices: before('  b:', '  # c\n  n: 1\n') },
  { name: 'a multi-line plain scalar written', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: one\n    two\n\n    three') },
  { name: 'a multi-line quoted scalar written', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: "one\n    two  \n\n  b: 3"') },
  { name: 'an unterminated quote', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: "one') },
  { name: 'a single-quoted scalar left open', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', "a: 'one") },
  // Comments, blank lines, whitespace.
  { name: 'a comment at column 0 between entries', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '# c\n  n: 1\n') },
  { name: 'a comment at the keys column before new entries', text: pod('  a: |\n    x\n  b: 2\n'), splices: before('  b:', '  # c\n  n: 1\n') },
  { name: 'a comment ends a key line', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: 1 # b: 3') },
  { name: 'a hash inside a plain scalar', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: x#y') },
  { name: 'trailing spaces', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: 1   ') },
  { name: 'a tab before a value', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a:\t1') },
  { name: 'a tab indenting a line', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a:\n\t  x: 1') },
  { name: 'a blank line only', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '\n') },
  { name: 'a deeper comment only', text: pod('  a: |\n    x\n  b: 2\n'), splices: before('  b:', '      # c\n') },
  // Line ends.
  { name: 'CRLF lines in an LF file', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '  n: 1\r\n') },
  { name: 'LF lines in a CRLF file', text: pod('  a: 1\n  b: 2\n').replace(/\n/g, '\r\n'), splices: before('  b:', '  n: 1\n') },
  { name: 'a lone CR', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '  n: 1\r  m: 2\n') },
  { name: 'a CR before the line break removed', text: pod('  a: 1\n  b: 2\n').replace(/\n/g, '\r\n'), splices: replace('1\r\n', '1\n') },
  { name: 'a line break removed', text: pod('  a: 1\n  b: 2\n'), splices: replace('1\n', '1 ') },
  // Sequences.
  { name: 'an entry before the first key of a sequence item', text: pod('  containers:\n  - name: a\n    image: x\n'), splices: before('  - name', '    n: 1\n') },
  { name: 'a second dash', text: pod('  containers:\n  - name: a\n    image: x\n'), splices: replace('name: a', '- name: a') },
  { name: 'a nested sequence item', text: pod('  c:\n  - - name: a\n      image: x\n'), splices: replace('image: x', 'image: y\n      tag: z') },
  { name: 'the dash blanked', text: pod('  containers:\n  - name: a\n    image: x\n'), splices: replace('- name', '  name') },
  { name: 'the first key of an item deleted', text: pod('  containers:\n  - name: a\n    image: x\n'), splices: replace('name: a\n    ', '') },
  { name: 'the first key line of an item deleted', text: pod('  containers:\n  - name: a\n    image: x\n'), splices: replace('name: a\n', '') },
  { name: 'a comment after the dash', text: pod('  containers:\n  - name: a\n    image: x\n'), splices: replace('name: a\n', '# c\n    name: a\n') },
  { name: 'an indentless sequence continued', text: pod('  containers:\n  - name: a\n  hostPID: true\n'), splices: before('  hostPID', '  - name: b\n') },
  { name: 'an indentless sequence as a new value', text: pod('  a:\n  b: 2\n'), splices: before('  b:', '  - x\n') },
  { name: 'an empty value followed by an indentless sequence', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a:\n  - x') },
  { name: 'two items rewritten side by side', text: pod('  c:\n  - name: a\n  - name: b\n'), splices: (text) => [...replace('name: a', 'name: a\n    x: 1')(text), ...replace('name: b', 'name: b\n    x: 2')(text)] },
  { name: 'a new entry after the last item', text: pod('  c:\n  - name: a\n    image: x\n'), splices: atEnd('    securityContext:\n      privileged: false\n') },
  { name: 'a new first key after the dash', text: pod('  containers:\n  - name: a\n    image: x\n'), splices: replace('name: a', 'n: 1\n    name: a') },
  { name: 'the first key moved below the dash', text: pod('  containers:\n  - name: a\n    image: x\n'), splices: replace('name: a', '\n    name: a') },
  { name: 'a block scalar with an indicator in a compact mapping, then entries', text: 'kind: List\nitems:\n- a: |1\n   x\n', splices: atEnd('  # c\n  n: 1\n') },
  // Empty values.
  { name: 'an empty value before a new entry', text: pod('  a:\n  b: 2\n'), splices: before('  b:', '  n: 1\n') },
  { name: 'a value emptied', text: pod('  a:\n    x: 1\n  b: 2\n'), splices: replace('    x: 1\n', '') },
  { name: 'a key without its colon', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a') },
  // Markers and directives.
  { name: 'a document marker written', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '---\n  n: 1\n') },
  { name: 'a document marker with content', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '--- x\n') },
  { name: 'an indented marker', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '  ---\n') },
  { name: 'a document end marker', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '...\n') },
  { name: 'a directive', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '%YAML 1.2\n') },
  { name: 'new entries at the end of a document before the next', text: `${pod('  a: 1\n')}---\nkind: B\n`, splices: before('---', '  b: 2\n') },
  { name: 'new entries before a marker with content', text: `${pod('  a: 1\n')}--- {kind: B}\n`, splices: before('---', '  b: 2\n') },
  { name: 'the last document ends without a line break', text: `${pod('  a: 1\n')}---\nkind: B\nspec:\n  a: 1`, splices: (text) => [{ start: text.length, end: text.length, insert: '\n  b: 2' }] },
  // Keys YAML 1.1 resolves.
  ...['yes', 'on', 'n', '0x1F', '0o17', '1.0', '1e3', '~', 'null', '1_000', '.inf', '2001-12-14', '"a"', "'b'", '? k\n  :'].map(
    (key): Case => ({ name: `a key written as ${key}`, text: pod('  true: 1\n  31: 2\n  "1": 3\n  b: 2\n'), splices: before('  b:', `  ${key}: 9\n`) }),
  ),
  { name: 'a key written twice in one fragment', text: pod('  a: 1\n  b: 2\n'), splices: before('  b:', '  n: 1\n  n: 2\n') },
  { name: 'a key written twice across fragments', text: pod('  a: 1\n  b: 2\n  c: 3\n'), splices: (text) => [...before('  b:', '  n: 1\n')(text), ...before('  c:', '  n: 2\n')(text)] },
  { name: 'a key renamed to another one', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'b: 1') },
  { name: 'keys swapped', text: pod('  a: 1\n  b: 2\n'), splices: (text) => [...replace('a: 1', 'b: 1')(text), ...replace('b: 2', 'a: 2')(text)] },
  // Anchors, tags, merge keys.
  { name: 'an anchor written', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: &x 1') },
  { name: 'an alias written', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: *x') },
  { name: 'a tag written', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', 'a: !!str 1') },
  { name: 'a merge key written', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', '<<: {c: 1}') },
  // Long lines and deep nesting.
  { name: 'a line over 1024 characters', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', `a: ${'x'.repeat(1100)}`) },
  { name: 'a key over 1024 characters', text: pod('  a: 1\n  b: 2\n'), splices: replace('a: 1', `${'k'.repeat(1030)}: 1`) },
  ...[496, 497, 498, 499, 500].flatMap((depth) => [
    { name: `a mapping nested ${depth} deep grows`, text: nested(depth), splices: (text: string) => [{ start: at(text, 'leaf: 1'), end: at(text, 'leaf: 1', 7), insert: 'leaf: {a: {b: 1}}' }] },
    { name: `a mapping nested ${depth} deep gains a sibling`, text: nested(depth), splices: (text: string) => [{ start: at(text, 'leaf: 1'), end: at(text, 'leaf: 1', 7), insert: 'leaf: 1\n' + ' '.repeat(text.indexOf('leaf') - text.lastIndexOf('\n', text.indexOf('leaf')) - 1) + 'more: [[1]]' }] },
  ]),
  // Splices that move text, meet, or come out of order.
  { name: 'several insertions at one offset', text: pod('  a: 1\n  b: 2\n'), splices: (text) => [...before('  b:', '  n: 1\n')(text), ...before('  b:', '  m: 2\n')(text), ...before('  b:', '    # c\n')(text)] },
  { name: 'splices out of order', text: pod('  a: 1\n  b: 2\n  c: 3\n'), splices: (text) => [...replace('c: 3', 'c: 4')(text), ...replace('a: 1', 'a: 0')(text)] },
  { name: 'an entry moved across another', text: pod('  a: 1\n  b: 2\n  c: 3\n'), splices: (text) => [...replace('  a: 1\n', '')(text), ...before('  c:', '  a: 1\n')(text)] },
  { name: 'a splice across two mappings', text: pod('  c:\n    x: 1\n  d: 2\n'), splices: replace('x: 1\n  d', 'x: 1\n    y') },
  { name: 'an insertion at the end of a line and one after it', text: pod('  a: 1\n  b: 2\n'), splices: (text) => [{ start: at(text, '1\n', 1), end: at(text, '1\n', 1), insert: '\n  n: 1' }, ...before('  b:', '  m: 1\n')(text)] },
  { name: 'new lines for two depths at one offset', text: pod('  c:\n  - name: a\n'), splices: atEnd('    x: 1\n  y: 2\n    z: 3\n') },
  { name: 'new lines for two depths, the deeper last', text: pod('  c:\n  - name: a\n'), splices: atEnd('  y: 2\n    x: 1\n') },
  // Flow collections in a block document.
  { name: 'a flow mapping item rewritten', text: pod('  c:\n  - {name: a, image: x}\n'), splices: replace('image: x', 'image: y, tag: z') },
  { name: 'a flow mapping item closed early', text: pod('  c:\n  - {name: a, image: x}\n'), splices: replace('image: x', 'image: x} #') },
  { name: 'a flow mapping item split over lines', text: pod('  c:\n  - {name: a, image: x}\n'), splices: replace('image: x', 'image:\n   x') },
  { name: 'a flow mapping item given a comment', text: pod('  c:\n  - {name: a, image: x}\n'), splices: replace('image: x', 'image: x #}') },
  { name: 'a flow mapping item given a trailing comma', text: pod('  c:\n  - {name: a, image: x}\n'), splices: replace('image: x', 'image: x,') },
  { name: 'a flow mapping item given a key without value', text: pod('  c:\n  - {name: a, image: x}\n'), splices: replace('image: x', 'image') },
  { name: 'a flow mapping item given a quoted key', text: pod('  c:\n  - {name: a, image: x}\n'), splices: replace('image: x', '"image": x, "a": 1') },
  { name: 'a flow value of a block mapping', text: pod('  c: {name: a, image: x}\n'), splices: replace('image: x', 'image: y') },
  // A YAML document whose root is a flow collection over several lines (a file that starts with `{` is JSON).
  ...['# c\n{kind: Pod,\nspec: {a: 1,\nb: 2}}\n', '[{kind: Pod,\nspec: {a: 1,\nb: 2}}]\n', '--- {kind: Pod,\n  spec: {a: 1,\n  b: 2}}\n'].flatMap((text) =>
    ['---', '...', '%YAML', '#', '- ', '\t'].flatMap((start): Case[] => [
      { name: `a flow root ${JSON.stringify(text.slice(0, 4))}: ${start} before a member`, text, splices: replace('b: 2', `${start} b: 2`) },
      { name: `a flow root ${JSON.stringify(text.slice(0, 4))}: ${start} starting a line`, text, splices: replace('b: 2', `b: 2,\n${start} c: 3`) },
      { name: `a flow root ${JSON.stringify(text.slice(0, 4))}: ${start} in a quoted value`, text, splices: replace('b: 2', `b: "x\n${start} c"`) },
    ]),
  ),
  // JSON.
  ...jsonCases(),
];

function jsonCases(): Case[] {
  const compact = '{"kind":"Pod","spec":{"a":1,"b":[1,{"c":2}],"d":{"e":3}}}';
  const pretty = `${JSON.stringify({ kind: 'Pod', spec: { a: 1, b: [1, { c: 2 }], d: { e: 3 } } }, null, 2)}\n`;
  const value = (insert: string): Case[] => [compact, pretty].map((text, i) => ({ name: `JSON ${i ? 'pretty' : 'compact'}: a value ${insert}`, text, splices: replace('1,', `${insert},`) }));
  return [
    ...['1E400', '-0', '1.0', '1e2', '12345678901234567890', '0x1F', '"\\ud800"', '"\\udc00\\ud800"', '"\\u0000"', '"a\\/b"', 'yes', "'x'", 'null', 'true', '[[1,[2]],{}]', '{"x":{"y":[]}}', '1 #c\n', '"{{ .Values.x }}"', '"\\u2028"', '\u2028 1'].flatMap(value),
    { name: 'JSON: a trailing comma', text: compact, splices: replace('{"e":3}', '{"e":3,}') },
    { name: 'JSON: a trailing comma in the run', text: compact, splices: replace('"e":3', '"e":3,') },
    { name: 'JSON: a comma removed', text: compact, splices: replace('"a":1,', '"a":1') },
    { name: 'JSON: a comma doubled', text: compact, splices: replace('"a":1,', '"a":1,,') },
    { name: 'JSON: a member deleted with its comma', text: compact, splices: replace('"a":1,', '') },
    { name: 'JSON: a bracket touched', text: compact, splices: replace('[1,', '[1,2,') },
    { name: 'JSON: a brace touched', text: compact, splices: replace('3}}', '3},"f":1}') },
    { name: 'JSON: a member after the closing brace', text: compact, splices: replace('3}}', '3}},"f":1') },
    { name: 'JSON: a duplicate key across members', text: compact, splices: replace('"a":1', '"d":1') },
    { name: 'JSON: a duplicate key in a member', text: compact, splices: replace('"a":1', '"x":1,"x":2') },
    { name: 'JSON: an escaped key equal to another', text: compact, splices: replace('"a":1', '"\\u0064":1') },
    { name: 'JSON: whitespace between members', text: compact, splices: replace('"a":1,', '"a" : 1 ,\n\t ') },
    { name: 'JSON: a new member at the start', text: compact, splices: (text) => [{ start: at(text, '"a"'), end: at(text, '"a"'), insert: '"z":0,' }] },
    { name: 'JSON: a new member at the end', text: compact, splices: (text) => [{ start: at(text, '}}'), end: at(text, '}}'), insert: ',"z":0' }] },
    { name: 'JSON: a new member at the end of the root', text: compact, splices: (text) => [{ start: text.length - 1, end: text.length - 1, insert: ',"z":0' }] },
    { name: 'JSON: a single quote', text: compact, splices: replace('"a":1', "'a':1") },
    { name: 'JSON: a plain key', text: compact, splices: replace('"a":1', 'a: 1') },
    { name: 'JSON: a BOM', text: `\uFEFF${compact}`, splices: replace('"a":1', '"a":2') },
    { name: 'JSON: two documents', text: `${compact}\n${compact}\n`, splices: replace('"a":1', '"a":2') },
    { name: 'JSON: a list root', text: `[${compact}]`, splices: replace('"a":1', '"a":2') },
    { name: 'JSON: CRLF', text: pretty.replace(/\n/g, '\r\n'), splices: replace('"a": 1', '"a": 2,\r\n    "z": 0') },
    { name: 'JSON: a lone CR', text: pretty, splices: replace('"a": 1', '"a": 2,\r    "z": 0') },
    { name: 'JSON file named .json', text: compact, file: 'f.json', splices: replace('"a":1', '"a":2') },
  ];
}

/** A document whose `leaf` lies `depth` mappings deep. */
function nested(depth: number): string {
  let text = '';
  for (let d = 0; d < depth - 1; d++) text += `${' '.repeat(d)}k${d}:\n`;
  return `${text}${' '.repeat(depth - 1)}leaf: 1\n`;
}

describe('the fragments under attack', () => {
  it.each(cases)('$name: no answer, or the whole reading', ({ name, text, splices, file }) => {
    for (const document of documentsOf(text, file)) agrees(text, document, splices(text), name, file);
  });

  it('answers on many of the crafted cases (the comparisons ran)', () => {
    let answered = 0;
    for (const { name, text, splices, file } of cases) for (const document of documentsOf(text, file)) if (agrees(text, document, splices(text), name, file)) answered++;
    expect(answered).toBeGreaterThan(cases.length / 3);
  });

  it('decodes as the whole fixed text does, or does not answer, on seeded documents and splices aimed at the edges', () => {
    const rng = createRng(Number(process.env.FRAGMENT_SEED ?? 14));
    const count = Number(process.env.FRAGMENT_SPLICES ?? 3000);
    let answered = 0;
    for (let n = 0; n < count; n++) {
      const text = seededDocument(rng.fork(`document ${n}`));
      const documents = documentsOf(text);
      if (documents.length === 0) continue;
      // Half the time all splices go around one line, so that their regions meet.
      const focus = rng.chance(0.5) ? rng.int(0, text.length) : undefined;
      const splices = Array.from({ length: rng.int(1, 3) }, () => edgeSplice(text, rng, focus)).sort((a, b) => a.start - b.start);
      const disjoint = splices.filter((splice, i) => splices.slice(0, i).every((kept) => splice.start >= kept.end || (splice.start === splice.end && splice.start === kept.start && kept.start === kept.end)));
      for (const document of documents) if (agrees(text, document, disjoint, `seeded ${n}`)) answered++;
    }
    // Many are proven, not only refused: the comparison ran on them.
    expect(answered).toBeGreaterThan(count / 10);
  });
});

// ---------------------------------------------------------------------------
// The seeded generator: documents full of the shapes the argument has to
// handle, and splices at their edges.

const keys = ['a', 'b', 'name', 'image', 'securityContext', 'yes', 'n', '0x1F', '1.0', '__proto__', '"q"', "'s'", 'x y'];
const comments = ['# c', '#', '# k: v', '# - x'];

function scalarLines(rng: Rng, indent: number): string[] {
  const pad = ' '.repeat(indent + 2);
  switch (rng.int(0, 9)) {
    case 0:
      return [`${rng.pick(['|', '>', '|-', '>-', '|+', '>+', '|2', '>1-'])}`, `${pad}line one`, ...(rng.chance(0.5) ? [''] : []), `${pad}${rng.pick(['k: v', '# not a comment', '- item', '  deeper'])}`, ...(rng.chance(0.3) ? ['', ''] : [])];
    case 1:
      return ['plain', `${pad}continued`];
    case 2:
      return ['"double', `${pad}quoted"`];
    case 3:
      return ["'single'"];
    case 4:
      return ['[a, {b: 1}]'];
    case 5:
      return ['{a: 1, b: [x]}'];
    case 6:
      return [''];
    default:
      return [rng.pick(['1', 'true', 'x', '"q"', '~', '0o17', 'x # c', 'x#y'])];
  }
}

/** The lines of a block mapping at `indent` (its first line's own indentation left to the caller). */
function mappingLines(rng: Rng, indent: number, depth: number): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  const used = new Set<string>();
  for (let i = 0, n = rng.int(1, 4); i < n; i++) {
    let key = rng.pick(keys);
    if (used.has(key) && rng.chance(0.9)) key = `${key}${i}`;
    used.add(key);
    const kind = depth > 3 ? 0 : rng.int(0, 5);
    if (kind <= 2) {
      const [first, ...rest] = scalarLines(rng, indent);
      lines.push(`${pad}${key}:${first === '' ? '' : ` ${first}`}`, ...rest);
    } else if (kind === 3) {
      lines.push(`${pad}${key}:`, ...mappingLines(rng, indent + 2, depth + 1));
    } else {
      // A sequence of mappings, indented or not.
      const itemIndent = rng.chance(0.5) ? indent : indent + 2;
      lines.push(`${pad}${key}:`);
      for (let j = 0, m = rng.int(1, 2); j < m; j++) {
        const item = mappingLines(rng, itemIndent + 2, depth + 1);
        item[0] = `${' '.repeat(itemIndent)}- ${item[0]!.trimStart()}`;
        lines.push(...item);
      }
    }
    // Between entries: comments at any depth, blank lines, lines of spaces.
    while (rng.chance(0.25)) lines.push(rng.pick([`${' '.repeat(rng.int(0, indent + 6))}${rng.pick(comments)}`, '', ' '.repeat(rng.int(1, indent + 6))]));
  }
  return lines;
}

function seededDocument(rng: Rng): string {
  const documents = Array.from({ length: rng.int(1, 2) }, () => ['kind: Pod', 'spec:', ...mappingLines(rng, 2, 0)].join('\n'));
  let text = documents.join(rng.pick(['\n---\n', '\n--- # c\n', '\n---\n# c\n'])) + rng.pick(['\n', '\n', '', '\n# end\n', '\n    # deep\n', '\n      \n']);
  if (rng.chance(0.15)) text = text.replace(/\n/g, '\r\n');
  return text;
}

/**
 * A splice at an edge: new lines at a line start (with comments, blank lines
 * or spaces before them), a line deleted, a value rewritten, the line before
 * rewritten, text at the very end. Near `focus` when given.
 */
function edgeSplice(text: string, rng: Rng, focus?: number): Splice {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const near = focus === undefined ? -1 : lineStarts.findIndex((start) => start > focus) - 1;
  const index = near >= 0 ? Math.min(lineStarts.length - 1, near + rng.int(0, 1)) : rng.int(0, lineStarts.length - 1);
  const lineStart = lineStarts[index]!;
  const previousStart = lineStarts[Math.max(0, index - 1)]!;
  const next = text.indexOf('\n', lineStart);
  const lineEnd = next === -1 ? text.length : next + 1;
  const line = text.slice(lineStart, lineEnd);
  const column = line.length - line.trimStart().length;
  const eol = text.includes('\r\n') && rng.chance(0.8) ? '\r\n' : '\n';
  const quiet = () => rng.pick([`${' '.repeat(rng.int(0, column + 6))}${rng.pick(comments)}`, '', ' '.repeat(rng.int(1, column + 6))]);
  const entry = () => `${' '.repeat(rng.chance(0.8) ? column : rng.int(0, column + 4))}${rng.pick(keys)}: ${rng.pick(['1', '|', '|\n' + ' '.repeat(column + 2) + 'x', '>-\n' + ' '.repeat(column + 4) + 'y', '{a: 1}', 'x\n' + ' '.repeat(column + 2) + 'y', ''])}`;
  const newLines = () => [...Array.from({ length: rng.int(0, 2) }, quiet), ...Array.from({ length: rng.int(1, 2) }, entry)].join(eol) + eol;
  const colon = line.indexOf(': ');
  switch (rng.int(0, 7)) {
    case 0:
      return { start: lineStart, end: lineStart, insert: newLines() };
    case 1:
      return { start: lineStart, end: lineEnd, insert: '' };
    case 7:
      // The line before rewritten or deleted: a splice that ends where another may start.
      return { start: previousStart, end: lineStart, insert: rng.chance(0.5) ? '' : newLines() };
    case 2:
      return { start: lineStart, end: lineStart, insert: quiet() + eol };
    case 3:
      // A value rewritten, perhaps into a block scalar.
      if (colon === -1) return { start: lineStart, end: lineEnd, insert: newLines() };
      return { start: lineStart + colon + 2, end: lineEnd - (line.endsWith('\r\n') ? 2 : line.endsWith('\n') ? 1 : 0), insert: rng.pick(['2', `|${eol}${' '.repeat(column + 2)}new`, `>${eol}${' '.repeat(column + 4)}new${eol}`, '', '"x', '[1]']) };
    case 4:
      return { start: text.length, end: text.length, insert: rng.chance(0.5) ? newLines() : eol + newLines() };
    case 5:
      // New lines at the end of a line, before its line break.
      return { start: lineEnd - (line.endsWith('\r\n') ? 2 : line.endsWith('\n') ? 1 : 0), end: lineEnd - (line.endsWith('\r\n') ? 2 : line.endsWith('\n') ? 1 : 0), insert: eol + newLines().slice(0, -eol.length) };
    default:
      return { start: lineStart, end: Math.min(text.length, lineEnd + rng.int(0, 20)), insert: newLines() };
  }
}
