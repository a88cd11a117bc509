/**
 * Disjoint sets of the indices 0 to size - 1 (union-find, with paths
 * shortened as they are walked): splices that must be suggested together
 * (suggestions.ts), List items that must be verified together (verify.ts).
 */
export class UnionFind {
  private readonly parent: number[] = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.parent.push(i);
  }

  /** The root of `i`'s set. */
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    this.parent[i] = root;
    return root;
  }

  /** One set of the sets of `a` and `b`. */
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}
