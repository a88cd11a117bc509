/** Names grouped under a key (a kind, a tool), each once, keys and names in the order first seen. */
export function namesBy<T>(items: readonly T[], keyOf: (item: T) => string, named: (item: T) => string): [string, string[]][] {
  const byKey = new Map<string, Set<string>>();
  for (const item of items) {
    const key = keyOf(item);
    let names = byKey.get(key);
    if (names === undefined) byKey.set(key, (names = new Set()));
    names.add(named(item));
  }
  return [...byKey].map(([key, names]) => [key, [...names]]);
}
