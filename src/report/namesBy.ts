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

/** The renderings of some findings as a reader names them: each tool once, with its roots (`helm from a; kustomize from b, c`). */
export function rootsByTool(rendered: readonly { readonly tool: string; readonly root: string; readonly label?: string }[], named: (root: string) => string = (root) => root): string {
  return namesBy(rendered, (r) => r.tool, (r) => named(r.label ?? r.root))
    .map(([tool, names]) => `${tool} from ${names.join(', ')}`)
    .join('; ');
}
