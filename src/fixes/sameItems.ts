/**
 * Whether two arrays hold the very same items (by identity), in the same
 * order: a pod spec's owners against its last rendering's, split splices
 * against the ones given. A loop, not `every` with a callback: both run
 * for every pod spec's fixes (see FileFixer in fixFile.ts).
 */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
