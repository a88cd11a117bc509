/**
 * A flow map whose every key is removed and that gets new keys (render.ts):
 * written as one splice over its pairs, for the owners of the removals and
 * of the insertion alike, and refused where a comment sits between its pairs.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { remove, set } from '../../../src/fixes/edits.js';
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
