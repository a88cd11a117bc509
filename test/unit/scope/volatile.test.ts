/** The fields a rendering writes anew each time, found by comparing two renderings of one head. */
import { describe, expect, it } from 'vitest';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { differingPaths, nullAt, sameJson } from '../../../src/scope/sameJson.js';
import { volatileFields, withoutFields } from '../../../src/scope/volatile.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';

const podsOf = (text: string) => loadManifestFile('r.yaml', text, { maxBytes: 1e6 }).documents.flatMap((d) => extractPodSpecs(d).pods);

const deployment = (name: string, stamp: string, image = 'app:1') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    metadata:\n      annotations:\n        rollme: "${stamp}"\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;

describe('sameJson and differingPaths', () => {
  it('take an absent key and a null value as the same, and name the deepest keys and items that differ', () => {
    expect(sameJson({ a: null }, {})).toBe(true);
    expect(differingPaths({ a: { b: 1, c: [1, 2] }, d: 'x' }, { a: { b: 2, c: [1, 3] }, d: 'x' })).toEqual([
      ['a', 'b'],
      ['a', 'c', 1],
    ]);
    // A list that changed length, or a value that changed type, is one path.
    expect(differingPaths({ c: [1] }, { c: [1, 2] })).toEqual([['c']]);
    expect(differingPaths({ c: 'x' }, { c: { y: 1 } })).toEqual([['c']]);
    expect(differingPaths(1, 1)).toEqual([]);
  });

  it('nullAt writes null along a path that exists, copying only that path, and leaves any other value as it was', () => {
    const value = { a: { b: 1, keep: { k: 1 } }, l: [{ x: 1 }, { x: 2 }] };
    const masked = nullAt(value, ['a', 'b']) as typeof value;
    expect(masked).toEqual({ a: { b: null, keep: { k: 1 } }, l: value.l });
    expect(masked.a.keep).toBe(value.a.keep);
    expect(value.a.b).toBe(1);
    expect(nullAt(value, ['l', 1, 'x'])).toEqual({ a: value.a, l: [{ x: 1 }, { x: null }] });
    expect(nullAt(value, ['missing', 'x'])).toBe(value);
    expect(nullAt(value, ['l', 5])).toBe(value);
  });
});

describe('volatileFields', () => {
  it('pairs the pod specs of two renderings by place and lists the fields where they differ', () => {
    const head = podsOf(`${deployment('api', 'aaaaa')}---\n${deployment('worker', 'bbbbb')}`);
    const again = podsOf(`${deployment('api', 'ccccc')}---\n${deployment('worker', 'bbbbb')}`);
    const fields = volatileFields(head, again);
    expect([...fields].map(([pod, paths]) => [pod.name, paths])).toEqual([['api', [['metadata', 'annotations', 'rollme']]]]);
    // Without those fields, the pod spec is the same whatever the stamp.
    const [api] = head;
    const base = podsOf(deployment('api', 'zzzzz'))[0]!;
    expect(withoutFields(api!.pod, fields.get(api!)!)).toEqual(withoutFields(base.pod, fields.get(api!)!));
    // A pod spec the second rendering does not have at that place has none.
    expect(volatileFields(head, podsOf(deployment('api', 'ccccc', 'app:2')).slice(0, 0)).size).toBe(0);
  });
});
