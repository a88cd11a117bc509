/**
 * Lists by key, grown one value at a time: the one way the code groups
 * findings, candidates and edits by file, object or rendering.
 */

/** Appends `value` to the list of `key`, which starts empty. */
export function addTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
