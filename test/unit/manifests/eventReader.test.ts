/**
 * The event reader against the reference (`yaml` + decode.ts): on every input
 * either it gives the file back to the yaml path, or it decodes the same
 * documents (index, line, value, key order) and locates every field path on
 * the same line and column. Inputs: every fixture, the benchmark generator's
 * files (base and reformatted head), edge cases, and thousands of seeded
 * mutations of those files (where a lenient parser would read what `yaml`
 * refuses).
 */
import { describe, expect, it } from 'vitest';
import { isAlias, isDocument, isMap, isPair, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Document } from 'yaml';
import { createRng } from '../../../bench/prng.js';
import { locate } from '../../../src/locate/locate.js';
import { decodeDocument } from '../../../src/manifests/decode.js';
import { loadManifestFile, readByEvents } from '../../../src/manifests/load.js';
import { preorder } from '../../../src/manifests/preorder.js';
import type { LoadedFile, ManifestDocument } from '../../../src/manifests/types.js';
import type { FieldPath, JsonValue } from '../../../src/pss/types.js';
import { fixtureTexts, generatedTexts } from '../../helpers/manifestTexts.js';

const unlimited = Number.MAX_SAFE_INTEGER;

/** Every path of a value, and for each collection one child that does not exist. */
function pathsOf(value: JsonValue, prefix: FieldPath = []): FieldPath[] {
  const out: FieldPath[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...pathsOf(item, [...prefix, i])));
    out.push([...prefix, value.length], [...prefix, 'missing']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item ?? null, [...prefix, key]));
    out.push([...prefix, 'no-such-key'], [...prefix, 0]);
  }
  return out;
}

const shape = (loaded: LoadedFile) => ({
  problems: loaded.problems,
  documents: loaded.documents.map((d) => ({ index: d.index, line: d.line, value: d.value, keys: JSON.stringify(d.value) })),
});

function locations(document: ManifestDocument) {
  return pathsOf(document.value).map((p) => ({ path: p.join('.'), ...locate(document.source, p) }));
}

/** What the fix engine may read of a `yaml` tree: every node's kind, value, style, range and comments. */
function treeShape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const notes = (n: { range?: unknown; comment?: unknown; commentBefore?: unknown; spaceBefore?: unknown }) => ({
    range: n.range,
    comment: n.comment,
    commentBefore: n.commentBefore,
    spaceBefore: n.spaceBefore,
  });
  if (isDocument(node)) return { ...notes(node), start: node.directives?.docStart, end: node.directives?.docEnd, contents: treeShape(node.contents) };
  if (isScalar(node)) return { ...notes(node), value: node.value, type: node.type, source: node.source };
  if (isPair(node)) return { key: treeShape(node.key), value: treeShape(node.value) };
  if (isMap(node) || isSeq(node)) return { ...notes(node), kind: isMap(node) ? 'map' : 'seq', flow: node.flow, items: node.items.map(treeShape) };
  if (isAlias(node)) return { ...notes(node), alias: node.source };
  throw new Error('unknown yaml node');
}

/**
 * What the fix engine reads of a tree (render.ts, style.ts, walk.ts): kinds,
 * styles, scalar values and ranges. Not comments, and of a block collection
 * only its start (the engine finds its end from its last item).
 */
function layoutShape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isDocument(node)) return layoutShape(node.contents);
  if (isScalar(node)) return { value: node.value, type: node.type, range: node.range?.slice(0, 2), anchor: node.anchor, tag: node.tag };
  if (isPair(node)) return { key: layoutShape(node.key), value: layoutShape(node.value) };
  if (isMap(node) || isSeq(node)) {
    const range = node.flow ? node.range?.slice(0, 2) : node.range?.slice(0, 1);
    return { kind: isMap(node) ? 'map' : 'seq', flow: node.flow, range, anchor: node.anchor, tag: node.tag, items: node.items.map(layoutShape) };
  }
  if (isAlias(node)) return { alias: node.source };
  throw new Error('unknown yaml node');
}

/** Documents whose layout tree was built from events, and documents compared. */
const layouts = { fromEvents: 0, documents: 0, kept: 0, keptFromEvents: 0, released: 0 };

/** 'events' when the event reader read the text (and agreed), 'yaml' when it gave the text back. */
function compare(name: string, text: string): 'events' | 'yaml' {
  const reference = loadManifestFile(name, text, { maxBytes: unlimited, eventReader: false });
  if (readByEvents(text.startsWith('\uFEFF') ? text.slice(1) : text) === null) return 'yaml';
  const fast = loadManifestFile(name, text, { maxBytes: unlimited });
  expect(shape(fast), `${name}: documents\n${text}`).toEqual(shape(reference));
  fast.documents.forEach((document, i) => {
    const other = reference.documents[i]!;
    expect(locations(document), `${name}: locations of document ${document.index}\n${text}`).toEqual(locations(other));
    // The yaml tree built on demand from the document's segment is the reference's tree.
    expect(document.source.doc.contents?.range, `${name}: tree of document ${document.index}`).toEqual(other.source.doc.contents?.range);
    expect(treeShape(document.source.doc), `${name}: tree of document ${document.index}`).toEqual(treeShape(other.source.doc));
    expect(decodeDocument(document.source.doc)).toEqual(document.value);
    // The fix engine's tree, built from events where it can be, reads as the reference's.
    const { layout } = document.source;
    layouts.documents++;
    if (layout !== document.source.doc) layouts.fromEvents++;
    expect(layoutShape(layout), `${name}: layout of document ${document.index}\n${text}`).toEqual(layoutShape(other.source.doc));
    expect(decodeDocument(layout)).toEqual(document.value);
    expect(document.source.start).toBe(other.source.start);
  });
  // Built from the events of the first read (as `check --format json` loads), the layout is the one built from the segment.
  const kept = loadManifestFile(name, text, { maxBytes: unlimited, keepEvents: true });
  kept.documents.forEach((document, i) => {
    const { layout, doc } = fast.documents[i]!.source;
    layouts.kept++;
    if (document.source.layout !== document.source.doc) layouts.keptFromEvents++;
    // (Read alone, a segment nesting deeper than js-yaml's default depth is left to yaml; the first read allows more.)
    if (layout !== doc) expect(document.source.layout !== document.source.doc, `${name}: layout of document ${document.index} from kept events`).toBe(true);
    expect(layoutShape(document.source.layout), `${name}: layout of document ${document.index} from kept events\n${text}`).toEqual(layoutShape(layout));
  });
  // Events let go after the first document's layout (as `check --format json` does once it has the layouts it
  // edits): the others are read from their segments again, the same layouts.
  // (A JSON file keeps no events: its documents are read another way.)
  const released = loadManifestFile(name, text, { maxBytes: unlimited, keepEvents: true });
  if (released.releaseEvents === undefined) return 'events';
  void released.documents[0]?.source.layout;
  released.releaseEvents();
  released.documents.forEach((document, i) => {
    layouts.released++;
    expect(layoutShape(document.source.layout), `${name}: layout of document ${document.index} after the events went\n${text}`).toEqual(layoutShape(fast.documents[i]!.source.layout));
  });
  return 'events';
}

const fixtures = fixtureTexts();
const generated = generatedTexts({ seed: 11, files: 60, docsPerFile: 6, changedFiles: 30 });

const edgeCases: Record<string, string> = {
  yaml11Scalars: 'a: yes\nb: No\nc: on\nd: 0777\ne: 0x1F\nf: 1_000\ng: 1e3\nh: .5\ni: ~\nj: null\nk: 2001-12-14\nl: 190:20:30\nm: +12\nn: -0\no: 0o17\np: 0b101\nq: y\n',
  quotedScalars: 'a: "yes"\nb: \'0777\'\nc: "tab\\there \\u00e9 \\x41"\nd: \'it\'\'s\'\ne: "multi\n  line"\nf: \'\'\ng: ""\n',
  quotedKeys: '"a": 1\n\'b c\': 2\n"yes": 3\n? d\n: 4\n',
  nonStringKeys: 'yes: 1\n1: 2\n0x10: 3\n1.5: 4\nfalse: 5\n',
  duplicateKeys: 'a: 1\nb: 2\na: 3\nspec:\n  x: 1\n  x: {y: 2}\n',
  blockScalars: 'a: |\n  line 1\n\n  line 2\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\nd: |2\n    indented\ne: >\n\n  leading blank\n',
  blockScalarItems: 'args:\n- |\n  echo hi\n- plain\n',
  plainMultiline: 'a: this is\n  one plain\n  scalar\nb: [x,\n  y]\n',
  flowCollections: 'a: {b: 1, c: [2, 3], "d": {e: f}}\nitems: [ {name: x}, [1, 2], "q", \'r\' ]\n',
  flowEmpty: 'a: []\nb: {}\nc: [a, b, ]\n',
  emptyValues: 'a:\nb: ~\nc:\n  -\n  - x\nd: {e: }\n',
  documents: '---\n# c\n---\na: 1\n---\n\n---\nb: 2\n--- c\n---\n',
  documentEnd: '---\na: 1\n...\n...\n---\nb: 2\n',
  rootScalar: 'just a string\n',
  rootSequence: '- a: 1\n- b\n- [c]\n',
  nestedSequences: 'a:\n- - 1\n  - 2\n- - - 3\nb:\n  - name: x\n    ports:\n    - 80\n',
  compactSequence: 'containers:\n- name: a\n  image: b\n-   name: c\n    image: d\n',
  anchorsAndMerges: 'base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n',
  tags: 'a: !!str 1\nb: !custom x\nc: !!int "3"\n',
  directives: '%YAML 1.2\n---\na: 1\n',
  comments: '# head\na: 1 # trailing\n# between\nb:   # on key\n  - x # item\n  # inside\n  - y\n',
  crlf: 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\nc: |\r\n  t\r\n',
  loneCr: 'a: 1\rb: 2\n',
  bom: '\uFEFFa: 1\n',
  tabs: 'a:\tb\nc: "\t"\n',
  unicode: 'name: "café"\nemoji: 🚀\n"ключ": значение\n',
  infinity: 'a: .inf\nb: -.Inf\nc: .nan\n',
  bigNumbers: 'a: 9223372036854775807\nb: 18446744073709551615\nc: 18446744073709551616\nd: 1e400\n',
  nullKey: '~: 1\n',
  mergeLike: '"<<": 1\n',
  protoKey: 'a:\n  __proto__: 1\n  constructor: 2\n',
  longKey: `${'k'.repeat(1100)}: v\n`,
  longQuotedKey: `"${'k'.repeat(1100)}": v\n`,
  longFlowKey: `a: [${'k'.repeat(1100)}: v]\n`,
  longJsonKey: `a: [{"b": "${'x'.repeat(1100)}", "c":1}, "${'k'.repeat(1100)}":d]\n`,
  longValues: `a: ${'v'.repeat(1100)}\nb: "${'x'.repeat(1100)}:\\n${'y'.repeat(50)}"\nc:\n- regex: (${'z|'.repeat(600)}z)\n  d: 'e:f${'g'.repeat(1100)}'\n`,
  longFlowValues: `a: [${'x, '.repeat(400)}y]\nb: {c: ${'d'.repeat(1100)}}\n`,
  deep: `${Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} v\n`,
  explicitKeyComplex: '? [a, b]\n: c\n',
  malformed: 'a: [1, 2\nb: 3\n',
  indentationError: 'a:\n  b: 1\n c: 2\n',
  blockScalarLayouts: 'a: |-\n  t\n\n\nb: >+\n  u\n\n# c\nc: |\n  v\n   \n  \nd: |2\n   w\r\n\r\ne: x\n',
  emptyBlockScalar: 'a: |\n\n\nb: 1\n',
  blockHeaderBelowKey: 'a:\n  |\n  text\nb: # c\n  >\n  more\n',
  emptyValues2: 'a:   # c\nb:\t\nc: {d: , e: }\n',
  keyWithoutColon: 'a: {b, c: 1}\n',
  blankBlockScalar: 'd: |2\n    \n\ne: x\n',
  tabIndentedRoot: '\n\tjust a string\n',
  tabInBlockScalar: 'a: |\n  \tindented\n',
  flowEnds: 'a: [1, 2 ,\n  # c\n  ]\nb: {c: [ ], d: { }}\nc: [x: 1, {y: 2}]\n',
  json: '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"privileged": true}}]}}\n',
};

describe('the event reader decodes exactly what the yaml path decodes', () => {
  it('on every fixture, and reads nearly all of them itself', () => {
    const before = { ...layouts };
    const used = fixtures.map(({ name, text }) => compare(name, text));
    // The fix engine's trees of plain manifests come from events: a builder that always gave up would prove nothing.
    expect(layouts.fromEvents - before.fromEvents).toBeGreaterThan(0.95 * (layouts.documents - before.documents));
    // Every distinct fixture text: the corpus (380), the manifests, scenarios and fix cases, the charts' files.
    expect(fixtures.length).toBeGreaterThan(450);
    // The plain manifests among them (a chart's templates, with template actions, are the yaml path's
    // by design, and more chart fixtures would say nothing of the reader): a reader that gave
    // everything back would prove nothing.
    const plain = used.filter((_, i) => !fixtures[i]!.text.includes('{{'));
    expect(plain.length).toBeGreaterThan(450);
    expect(plain.filter((u) => u === 'events').length / plain.length).toBeGreaterThan(0.97);
  });

  it("on the benchmark generator's files, base and head (reformatted, re-quoted, flow style)", () => {
    const before = { ...layouts };
    const used = generated.map(({ name, text }) => compare(name, text));
    expect(used.every((u) => u === 'events')).toBe(true);
    expect(layouts.fromEvents - before.fromEvents).toBe(layouts.documents - before.documents);
    // Every layout was also built from the first read's events, not left to yaml.
    expect(layouts.keptFromEvents - before.keptFromEvents).toBe(layouts.kept - before.kept);
    expect(layouts.kept - before.kept).toBe(layouts.documents - before.documents);
    expect(layouts.released - before.released).toBe(layouts.documents - before.documents);
  });

  it.each(Object.entries(edgeCases))('on the edge case %s', (name, text) => {
    compare(name, text);
  });

  it('builds the layout of plain documents from events, and leaves doubtful ones to yaml', () => {
    const fromEvents = (name: string) => {
      const [document] = loadManifestFile(name, edgeCases[name]!, { maxBytes: unlimited }).documents;
      return document !== undefined && document.source.layout !== document.source.doc;
    };
    for (const name of ['blockScalars', 'blockScalarLayouts', 'blockHeaderBelowKey', 'flowCollections', 'flowEnds', 'emptyValues2', 'comments', 'crlf', 'json']) {
      expect(fromEvents(name), name).toBe(true);
    }
    for (const name of ['emptyBlockScalar', 'keyWithoutColon']) expect(fromEvents(name), name).toBe(false);
  });

  it("makes the layout's nodes without yaml's constructors, and yaml reads them as its own", () => {
    /** Each node and pair of a tree with its class, and whether it carries its kind itself (as yaml's constructors make it do). */
    const nodesOf = (doc: Document) => {
      const nodes: { node: object; kind: string; own: boolean }[] = [];
      const add = (node: object) => {
        const kind = isScalar(node) ? 'scalar' : isMap(node) ? 'map' : isSeq(node) ? 'seq' : isPair(node) ? 'pair' : 'other';
        const classes = { scalar: Scalar, map: YAMLMap, seq: YAMLSeq, pair: Pair, other: Object };
        expect(node instanceof classes[kind as keyof typeof classes], kind).toBe(true);
        nodes.push({ node, kind, own: Object.getOwnPropertySymbols(node).length > 0 });
      };
      preorder(doc, { node: add, pair: add });
      return nodes;
    };
    const texts = ['blockScalars', 'flowCollections', 'flowEnds', 'emptyValues2', 'comments', 'json'].map((name) => edgeCases[name]!);
    for (const text of [...texts, ...generated.slice(0, 10).map((g) => g.text)]) {
      for (const document of loadManifestFile('layout.yaml', text, { maxBytes: unlimited, keepEvents: true }).documents) {
        const { layout, doc } = document.source;
        expect(layout).not.toBe(doc);
        const nodes = nodesOf(layout);
        // Every kind is there, and none carries its kind itself: each was made from its kind's prototype.
        expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(['scalar', 'map', 'pair', ...(nodes.some((n) => n.kind === 'seq') ? ['seq'] : [])]));
        expect(nodes.filter((n) => n.own)).toEqual([]);
        expect(nodesOf(doc).every((n) => n.own)).toBe(true);
        // yaml's own reading of them (every value a string, as its failsafe schema reads the text) is that of its own tree.
        const failsafe = parseDocument(text.slice(document.source.start, document.source.end), { schema: 'failsafe' });
        expect(layout.toJS()).toEqual(failsafe.toJS());
      }
    }
  });

  it('reads the plain edge cases itself and leaves the rest to yaml', () => {
    const mode = (name: string) => (readByEvents(edgeCases[name]!) === null ? 'yaml' : 'events');
    for (const name of ['yaml11Scalars', 'quotedScalars', 'quotedKeys', 'nonStringKeys', 'duplicateKeys', 'blockScalars', 'flowCollections', 'comments', 'crlf', 'documents', 'longValues', 'longFlowValues']) {
      expect(mode(name), name).toBe('events');
    }
    for (const name of ['anchorsAndMerges', 'tags', 'directives', 'loneCr', 'infinity', 'nullKey', 'malformed', 'indentationError', 'blockScalarItems', 'documentEnd', 'longKey', 'longQuotedKey', 'longFlowKey', 'longJsonKey', 'blankBlockScalar', 'tabIndentedRoot', 'tabInBlockScalar']) {
      expect(mode(name), name).toBe('yaml');
    }
  });

  it('on seeded long lines: only a key that may be over 1024 characters long is left to yaml', () => {
    const rng = createRng(Number(process.env.MUTATION_SEED ?? 2026));
    const lines = [`a: ${'v'.repeat(1100)}`, `b: "${'x'.repeat(1100)}"`, `c: [${'y, '.repeat(400)}z]`, `- d: {e: ${'f'.repeat(1100)}}`, `${'k'.repeat(1100)}: g`];
    const inserts = [':', ': ', ':x', '":', "':", ']:', '"', "'", '[', ']', '{', '}', ',', ' ', '#', '\\n'];
    let byEvents = 0;
    for (let n = 0; n < 2000; n++) {
      let line = rng.pick(lines);
      for (let k = rng.int(1, 3); k > 0; k--) {
        const at = rng.int(900, line.length);
        line = line.slice(0, at) + rng.pick(inserts) + line.slice(at);
      }
      if (compare(`long line (${n})`, `top: 1\n${line}\nend: 2\n`) === 'events') byEvents++;
    }
    expect(byEvents).toBeGreaterThan(200);
  });

  it('on thousands of seeded mutations of real files', () => {
    const rng = createRng(Number(process.env.MUTATION_SEED ?? 2026));
    const pool = [...fixtures.filter(({ name }) => !name.startsWith('pss-conformance')), ...generated.slice(0, 40), ...Object.entries(edgeCases).map(([name, text]) => ({ name, text }))];
    const inserts = [' ', '  ', '\t', ':', ': ', '-', '- ', '#', ' #', '"', "'", '\n', '[', ']', '{', '}', ',', '?', '? ', '|', '>', '&a ', '*a', '!', '%', '@', '`', 'x', '0', '\r', '\\', '...', '---'];
    let byEvents = 0;
    const count = Number(process.env.MUTATIONS ?? 3000);
    for (let n = 0; n < count; n++) {
      const { name, text } = rng.pick(pool);
      let mutated = text;
      for (let k = rng.int(1, 3); k > 0; k--) mutated = mutate(mutated, rng, inserts);
      if (compare(`${name} (mutation ${n})`, mutated) === 'events') byEvents++;
    }
    // Most mutations still parse: the comparison ran on them, not only on failures.
    expect(byEvents).toBeGreaterThan(count / 4);
  });
});

function mutate(text: string, rng: ReturnType<typeof createRng>, inserts: readonly string[]): string {
  const lines = text.split('\n');
  const at = rng.int(0, Math.max(0, text.length - 1));
  const line = rng.int(0, lines.length - 1);
  switch (rng.int(0, 5)) {
    case 0:
      return text.slice(0, at) + rng.pick(inserts) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 3:
      lines.splice(line, 1);
      return lines.join('\n');
    case 4:
      lines[line] = rng.chance(0.5) ? ` ${lines[line] ?? ''}` : (lines[line] ?? '').replace(/^ {1,2}/, '');
      return lines.join('\n');
    default:
      if (line + 1 < lines.length) [lines[line], lines[line + 1]] = [lines[line + 1] ?? '', lines[line] ?? ''];
      return lines.join('\n');
  }
}
