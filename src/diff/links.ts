/**
 * A symbolic link in a change (git mode 120000), from either source: what it
 * points to is reported, and nothing is read through it. A link can point
 * outside the repository or at a file the review never sees, so its target
 * is not followed on the runner's disk, and through the API its target path
 * is not read as if it were the file's text.
 */
import type { FileContent } from './types.js';

export function linkContent(target: string): FileContent {
  return { kind: 'unavailable', reason: `is a symbolic link to ${target}; links are not followed, so it was not checked` };
}
