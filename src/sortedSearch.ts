/**
 * Binary search over keys in ascending order (offsets, line numbers, List
 * items): the one way the code finds where an offset or line falls among
 * many, so that many lookups cost n log n, not n².
 */

/**
 * The last index in [0, count) whose key is at most `value`, or -1 when
 * none is. `keyAt` must not decrease as the index grows.
 */
export function lastAtMost(count: number, keyAt: (index: number) => number, value: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (keyAt(middle) <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * lastAtMost over keys held in an array: no function to look each one up
 * (one made per call, as `(i) => keys[i]`, is compiled again after each
 * major collection, and the hottest searches are of arrays).
 */
export function lastAtMostIn(keys: readonly number[], value: number): number {
  let low = 0;
  let high = keys.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (keys[middle]! <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
