/**
 * A flow map whose every key is removed and that gets new keys, and a flow
 * list whose every item is removed and that gets new items (render.ts):
 * written as one splice over its pairs or items, for the owners of the
 * removals and of the addition alike, and refused where a comment sits
 * between them.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { append, remove, set } from '../../../src/fixes/edits.js';
import { RenderError, renderEdits } from '../../../src/fixes/render.js';
import type { OwnedEdit } from '../../../src/fixes/render.js';
import { detectStyle } from '../../../src/fixes/style.js';
import { applySplices, lineTable } from '../../../src/fixes/text.js';
import type { Edit } from '../../../src/fixes/types.js';

function render(text: string, edits: readonly Edit[]) {
  const doc = parseDocument(text);
  const table = lineTable(text);
  const context = { doc, table, style: detectStyle(doc, table), anchors: new Set<string>() };
  const owned: OwnedEdit[] = edits.map((edit, i) => ({ edit, owners: new Set([`o${i}`]), areas: new Set(['a']) }));
  return renderEdits(context, owned);
}

const emptyAndRefill = [remove(['m', 'x']), remove(['m', 'v']), set(['m', 'z'], 'new')];

describe('a flow map emptied and refilled', () => {
  it('is one splice over its pairs, owned by every edit, keeping the braces and what surrounds them', () => {
    const text = 'm: { x: 1, v: [2] }  # kept\nn: 3\n';
    const { splices } = render(text, emptyAndRefill);
    expect(splices).toHaveLength(1);
    expect([...(splices[0]?.owners ?? [])].sort()).toEqual(['o0', 'o1', 'o2']);
    expect(applySplices(text, splices)).toBe('m: { z: new }  # kept\nn: 3\n');
  });

  it('keeps one key per line where the map is written so', () => {
    const text = '{\n  "m": {\n    "x": 1,\n    "v": 2\n  }\n}\n';
    const { splices } = render(text, [...emptyAndRefill, set(['m', 'w'], ['a'])]);
    expect(applySplices(text, splices)).toBe('{\n  "m": {\n    "z": "new",\n    "w": ["a"]\n  }\n}\n');
  });

  it('is refused where a comment sits between its pairs, which the splice would remove unseen', () => {
    const text = 'm: {x: 1, # why\n  v: 2}\n';
    expect(() => render(text, emptyAndRefill)).toThrow(RenderError);
    expect(() => render(text, emptyAndRefill)).toThrow('the fix cannot be written in this layout (a flow map emptied and refilled, with a comment inside)');
  });
});

// The capabilities fix of `drop: ["all"]` (lower case: PSA reads no capability `all` as ALL): the item goes, ALL comes.
const dropRefilled = [remove(['drop', 0]), append(['drop'], 'ALL')];

describe('a flow list emptied and refilled', () => {
  it('is one splice over its items, owned by every edit, keeping the brackets and what surrounds them', () => {
    const text = 'drop: ["all"]  # kept\nn: 3\n';
    const { splices } = render(text, dropRefilled);
    expect(splices).toHaveLength(1);
    expect([...(splices[0]?.owners ?? [])].sort()).toEqual(['o0', 'o1']);
    expect(applySplices(text, splices)).toBe('drop: ["ALL"]  # kept\nn: 3\n');
  });

  it('keeps the brackets on their lines where the list is written over several', () => {
    const text = '{\n  "drop": [\n    "all",\n    "all"\n  ]\n}\n';
    const { splices } = render(text, [remove(['drop', 0]), remove(['drop', 1]), append(['drop'], 'ALL')]);
    expect(applySplices(text, splices)).toBe('{\n  "drop": [\n    "ALL"\n  ]\n}\n');
  });

  it('is refused where a comment sits between its items, which the splice would remove unseen', () => {
    const text = 'drop: [all, # why\n  all]\n';
    const edits = [remove(['drop', 0]), remove(['drop', 1]), append(['drop'], 'ALL')];
    expect(() => render(text, edits)).toThrow('the fix cannot be written in this layout (a flow list emptied and refilled, with a comment inside)');
  });

  it('leaves a list that keeps an item to the removal and the addition apart', () => {
    const text = 'drop: [all, NET_RAW]\n';
    expect(applySplices(text, render(text, dropRefilled).splices)).toBe('drop: [NET_RAW, ALL]\n');
  });
});
