/**
 * applyEditsToJson: what verification expects a fixed document to decode to.
 * The input is deep-frozen, so any write to the document (instead of to the
 * copies along the edited paths) throws.
 */
import { describe, expect, it } from 'vitest';
import { append, applyEditsToJson, EditError, EditIndex, jsonEqual, remove, sameEdit, set } from '../../../src/fixes/edits.js';
import type { JsonValue } from '../../../src/pss/types.js';

function frozen<T extends JsonValue>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) frozen(item as JsonValue);
    Object.freeze(value);
  }
  return value;
}

const pod = () =>
  frozen({
    metadata: { name: 'p', labels: { app: 'a' } },
    spec: {
      hostPID: true,
      containers: [
        { name: 'a', securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } } },
        { name: 'b', image: 'x' },
      ],
      volumes: [{ name: 'v1' }, { name: 'v2' }, { name: 'v3' }],
    },
  });

describe('applyEditsToJson', () => {
  it('sets, creating the maps on the way, and leaves the document as it was', () => {
    const document = pod();
    const before = JSON.stringify(document);
    const result = applyEditsToJson(document, [
      set(['spec', 'hostPID'], false),
      set(['spec', 'containers', 1, 'securityContext', 'seccompProfile'], { type: 'RuntimeDefault' }),
    ]);
    expect(JSON.stringify(document)).toBe(before);
    expect(result).toEqual({
      ...document,
      spec: {
        ...document.spec,
        hostPID: false,
        containers: [document.spec.containers[0], { name: 'b', image: 'x', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }],
      },
    });
    // What no edit touched is shared, not copied.
    expect((result as typeof document).metadata).toBe(document.metadata);
    expect((result as typeof document).spec.volumes).toBe(document.spec.volumes);
  });

  it('removes list items by their original index and keys by name, and appends to lists old and new', () => {
    const document = pod();
    const result = applyEditsToJson(document, [
      remove(['spec', 'volumes', 0]),
      remove(['spec', 'volumes', 2]),
      remove(['spec', 'containers', 0, 'securityContext', 'privileged']),
      append(['spec', 'containers', 0, 'securityContext', 'capabilities', 'drop'], 'ALL'),
      append(['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'], 'CHOWN'),
      append(['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'], 'KILL'),
    ]) as ReturnType<typeof pod>;
    expect(result.spec.volumes).toEqual([{ name: 'v2' }]);
    expect(result.spec.containers[0]).toEqual({ name: 'a', securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_TIME', 'CHOWN', 'KILL'], drop: ['ALL'] } } });
    expect(document.spec.containers[0]).toEqual({ name: 'a', securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } } });
    expect(document.spec.volumes).toHaveLength(3);
  });

  it('counts identical edits once', () => {
    const result = applyEditsToJson(pod(), [remove(['spec', 'volumes', 1]), remove(['spec', 'volumes', 1])]) as ReturnType<typeof pod>;
    expect(result.spec.volumes).toEqual([{ name: 'v1' }, { name: 'v3' }]);
  });

  it('refuses edits with no container to land in', () => {
    expect(() => applyEditsToJson(pod(), [set(['spec', 'hostPID', 'x'], true)])).toThrow(EditError);
    expect(() => applyEditsToJson(pod(), [remove(['spec', 'missing', 'x'])])).toThrow(EditError);
    expect(() => applyEditsToJson(pod(), [set(['spec', 'volumes', 0], 'x')])).toThrow(EditError);
  });
});

describe('jsonEqual', () => {
  it('compares objects whatever their key order, a key with an undefined value as absent', () => {
    expect(jsonEqual({ a: 1, b: [true, null] }, { b: [true, null], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined } as unknown as JsonValue, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined } as unknown as JsonValue)).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(jsonEqual({ a: { b: 'x' } }, { a: { b: 'y' } })).toBe(false);
  });

  it('tells arrays, objects, null and scalars apart, and compares arrays in order', () => {
    expect(jsonEqual([1, 2], [1, 2])).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([1], [1, 1])).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({}, [])).toBe(false);
    expect(jsonEqual({}, null)).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual({ a: 1 }, undefined)).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
    expect(jsonEqual(undefined, undefined)).toBe(true);
  });

  it('reads own keys only', () => {
    const inherited = Object.create({ a: 1 }) as JsonValue;
    expect(jsonEqual(inherited, {})).toBe(true);
    expect(jsonEqual({}, inherited)).toBe(true);
    expect(jsonEqual(inherited, { a: 1 })).toBe(false);
  });
});

describe('sameEdit', () => {
  it('is the same operation on the same path with an equal value, whatever the objects and key order', () => {
    const path = ['spec', 'containers', 0, 'securityContext'];
    expect(sameEdit(set([...path], { a: true, b: ['x'] }), set([...path], { b: ['x'], a: true }))).toBe(true);
    expect(sameEdit(remove([...path]), remove([...path]))).toBe(true);
    expect(sameEdit(append(['a', 'b'], 'x'), append(['a', 'b'], 'x'))).toBe(true);
  });

  it('tells operations, paths (an index from a key) and values apart', () => {
    expect(sameEdit(set(['a', 0], 'x'), set(['a', '0'], 'x'))).toBe(false);
    expect(sameEdit(set(['a', 'b'], 'x'), set(['a', 'b', 'c'], 'x'))).toBe(false);
    expect(sameEdit(set(['a', 'b'], 'x'), set(['a', 'c'], 'x'))).toBe(false);
    expect(sameEdit(set(['a', 'b'], 'x'), append(['a', 'b'], 'x'))).toBe(false);
    expect(sameEdit(set(['a', 'b'], ['x']), set(['a', 'b'], ['x', 'y']))).toBe(false);
    expect(sameEdit(set(['a', 'b'], false), remove(['a', 'b']))).toBe(false);
  });
});

describe('EditIndex', () => {
  it('gives the entry of an equal edit, and adds the others', () => {
    const index = new EditIndex<{ id: string; edit: ReturnType<typeof set> }>();
    const a = { id: 'a', edit: set(['x', 0, 'y'], true) };
    expect(index.findOrAdd(a.edit, a)).toBeUndefined();
    // Equal (another object), found; an index and a key of the same spelling are not one path.
    expect(index.findOrAdd(set(['x', 0, 'y'], true), { ...a, id: 'b' })).toBe(a);
    const c = { id: 'c', edit: set(['x', '0', 'y'], true) };
    expect(index.findOrAdd(c.edit, c)).toBeUndefined();
    expect(index.findOrAdd(set(['x', '0', 'y'], true), { ...c, id: 'd' })).toBe(c);
    // Another value on the same path is another edit.
    expect(index.findOrAdd(set(['x', 0, 'y'], false), { ...a, id: 'g' })).toBeUndefined();
  });

  it('finds every edit it holds, before and after it holds too many to compare one by one', () => {
    type Entry = { id: number; edit: ReturnType<typeof set>; value: boolean };
    const index = new EditIndex<Entry>();
    const added: Entry[] = [];
    for (let id = 0; id < 40; id++) {
      // Pairs of edits on one path with different values, and paths that differ in their first segment only.
      const value = id % 4 < 2;
      const entry = { id, edit: set([id % 2 === 0 ? 'a' : 'b', Math.floor(id / 4), 'c'], value), value };
      expect(index.findOrAdd(entry.edit, entry), `entry ${id}`).toBeUndefined();
      added.push(entry);
      for (const known of added) expect(index.findOrAdd(set([...known.edit.path], known.value), { ...known, id: -1 })).toBe(known);
    }
    // An equal edit is the first one added.
    expect(index.findOrAdd(set(['a', 0, 'c'], true), { id: 40, edit: set(['a', 0, 'c'], true), value: true })).toBe(added[0]);
  });
});
