/**
 * Caches in two generations (pure). The fix engine takes a file's pod
 * specs in batches (batches.ts) and learns that a batch is complete only
 * once it has tried the fixes of the pod spec after it: what the
 * verifications kept before that pod spec (`age`) can then go (`forget`),
 * and what they kept for it stays.
 */

/**
 * The caches of one verifier, which age and forget together. Only the
 * caches that kept something since the last `age` age, and only those that
 * hold an old generation forget: a file of thousands of documents, each
 * with caches of its own, pays for the few a pod spec touched.
 */
export class Cohort {
  private young = new Set<Aging>();
  private old = new Set<Aging>();

  /** Told by a cache that it keeps something young. */
  kept(cache: Aging): void {
    this.young.add(cache);
  }

  age(): void {
    for (const cache of this.young) {
      cache.age();
      this.old.add(cache);
    }
    this.young = new Set();
  }

  forget(): void {
    for (const cache of this.old) cache.forget();
    this.old = new Set();
  }
}

/** What a cohort ages and forgets. */
interface Aging {
  age(): void;
  forget(): void;
}

export class Generations<K, V> implements Aging {
  private old = new Map<K, V>();
  private young = new Map<K, V>();

  /**
   * @param cohort the caches this one ages and forgets with (default: a cohort of its own).
   * @param join the value kept for a key both generations hold, when the young one joins the old (default: the young one).
   */
  constructor(
    private readonly cohort: Cohort = new Cohort(),
    private readonly join: (older: V, younger: V) => V = (_, younger) => younger,
  ) {}

  /** The young generation's value, else the old one's. */
  get(key: K): V | undefined {
    return this.young.has(key) ? this.young.get(key) : this.old.get(key);
  }

  /** Each generation's value apart, for values that are caches themselves (a young one does not hide an old one's entries). */
  inYoung(key: K): V | undefined {
    return this.young.get(key);
  }

  inOld(key: K): V | undefined {
    return this.old.get(key);
  }

  set(key: K, value: V): void {
    if (this.young.size === 0) this.cohort.kept(this);
    this.young.set(key, value);
  }

  /** The young generation's value, made when it has none (an old value is not looked at: `age` joins them). */
  youngValue(key: K, make: () => V): V {
    let value = this.young.get(key);
    if (value === undefined) this.set(key, (value = make()));
    return value;
  }

  /** Everything kept so far becomes old: the young generation joins it (a cost of its size, none when nothing is old). */
  age(): void {
    if (this.old.size === 0) {
      this.old = this.young;
      this.young = new Map();
      return;
    }
    for (const [key, value] of this.young) {
      const older = this.old.get(key);
      this.old.set(key, older === undefined ? value : this.join(older, value));
    }
    this.young = new Map();
  }

  /** Let go of the old generation. */
  forget(): void {
    this.old = new Map();
  }
}
