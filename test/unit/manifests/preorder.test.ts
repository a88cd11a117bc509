/**
 * preorder() walks a tree as `yaml`'s visit() does, without its ancestor
 * paths; usedAnchorsIn() skips the walk for a document without a `*`.
 * Both must give the answers of the slow ways, on every fixture (yaml trees
 * and trees built from events) and on documents where the shortcut must not
 * be taken.
 */
import { describe, expect, it } from 'vitest';
import { isPair, parseAllDocuments, visit } from 'yaml';
import type { Document } from 'yaml';
import { usedAnchors, usedAnchorsIn } from '../../../src/manifests/anchors.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { preorder } from '../../../src/manifests/preorder.js';
import type { SourceDocument } from '../../../src/manifests/types.js';
import { fixtureTexts, generatedTexts } from '../../helpers/manifestTexts.js';

/** What a walk met, in order: each node, and each pair with its parent. */
function byVisit(doc: Document): unknown[] {
  const met: unknown[] = [];
  visit(doc, {
    Node(_, node) {
      met.push(node);
    },
    Pair(_, pair, path) {
      met.push(pair, path[path.length - 1]);
    },
  });
  return met;
}

function byPreorder(doc: Document): unknown[] {
  const met: unknown[] = [];
  preorder(doc, { node: (node) => met.push(node), pair: (pair, parent) => met.push(pair, parent) });
  return met;
}

/** The number of steps where the two walks differ (0: the same nodes in the same order). */
function differences(doc: Document): number {
  const expected = byVisit(doc);
  const actual = byPreorder(doc);
  let count = Math.abs(expected.length - actual.length);
  expected.forEach((item, i) => {
    if (actual[i] !== item) count++;
  });
  return count;
}

/** Each loaded document's trees: the layout (from events when it could be) and yaml's own. */
function sourcesOf(name: string, text: string): SourceDocument[] {
  return loadManifestFile(name, text, { maxBytes: Number.MAX_SAFE_INTEGER }).documents.map((d) => d.source);
}

const inputs = () => [...fixtureTexts(), ...generatedTexts({ seed: 3, files: 10, docsPerFile: 4, changedFiles: 5 })];

describe('preorder', () => {
  it("meets every node and pair in visit's order, with the same parents, on every fixture", () => {
    let pairs = 0;
    for (const { name, text } of inputs()) {
      for (const source of sourcesOf(name, text)) {
        for (const doc of new Set([source.layout, source.doc])) {
          expect(differences(doc), name).toBe(0);
          pairs += byPreorder(doc).filter(isPair).length;
        }
      }
    }
    expect(pairs).toBeGreaterThan(10_000);
  });

  it('walks into complex keys and flow pairs, and not through aliases', () => {
    const [doc] = parseAllDocuments('? {a: &x 1, b: [c: 2]}\n: *x\nlist: [d: 3, *x]\n') as Document[];
    expect(differences(doc!)).toBe(0);
    expect(byPreorder(doc!).length).toBeGreaterThan(12);
  });
});

describe('usedAnchorsIn', () => {
  it("gives usedAnchors' answer on every fixture", () => {
    let withAliases = 0;
    for (const { name, text } of inputs()) {
      const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
      for (const source of sourcesOf(name, text)) {
        const expected = usedAnchors(source.doc);
        if (expected.size > 0) withAliases++;
        expect([...usedAnchorsIn(source.doc, body, source.start, source.end)], name).toEqual([...expected]);
      }
    }
    expect(withAliases).toBeGreaterThan(0);
  });

  it('walks a document with a `*` in it, and only the aliases of its own text count', () => {
    const text = ['host: "*.example.com"', '---', 'a: &x 1', 'b: *x', '---', 'c: [*y]', '---', 'plain: 1', ''].join('\n');
    const docs = parseAllDocuments(text) as Document[];
    const used = docs.map((doc) => {
      const [start, , end] = doc.contents?.range ?? [0, 0, 0];
      return [...usedAnchorsIn(doc, text, start, end)];
    });
    // A star in a string is no alias; an alias to an unknown anchor still names it.
    expect(used).toEqual([[], ['x'], ['y'], []]);
    expect(used).toEqual(docs.map((doc) => [...usedAnchors(doc)]));
  });
});
