/**
 * The check every fragment test makes (src/fixes/fragments.ts): what the
 * fragments say a fixed document decodes to is what loading the whole fixed
 * text gives, or they do not answer.
 */
import { expect } from 'vitest';
import { jsonEqual } from '../../src/fixes/edits.js';
import { fixedValueByFragments } from '../../src/fixes/fragments.js';
import { applySplices } from '../../src/fixes/text.js';
import type { Splice } from '../../src/fixes/text.js';
import { loadManifestFile } from '../../src/manifests/load.js';
import type { ManifestDocument } from '../../src/manifests/types.js';

const noLimit = { maxBytes: Number.MAX_SAFE_INTEGER };

/** The documents a fix engine would be given: read by events, keeping them for the layout trees. */
export function documentsOf(text: string, file = 'f.yaml'): readonly ManifestDocument[] {
  return loadManifestFile(file, text, { ...noLimit, keepEvents: true }).documents;
}

/**
 * Compare the fragments' answer for `document` under `splices` (its own
 * splices only) with a whole reading of the fixed text; true when the
 * fragments answered.
 */
export function agrees(text: string, document: ManifestDocument, splices: readonly Splice[], where: string, file = 'f.yaml'): boolean {
  const mine = splices.filter((splice) => splice.start >= document.source.start && splice.end <= document.source.end);
  if (mine.length === 0) return false;
  const byFragments = fixedValueByFragments(text, document, mine);
  if (byFragments === null) return false;
  const fixedText = applySplices(text, mine);
  const whole = loadManifestFile(file, fixedText, noLimit);
  const original = loadManifestFile(file, text, noLimit);
  const context = `${where}\n--- text ${JSON.stringify(text)}\n--- splices ${JSON.stringify(mine)}\n--- fixed text\n${fixedText}`;
  // The verifier's own rule (problem kinds, as lines move): the fix adds no problem. A clean text stays clean; one kubectl
  // refuses to cut (`--- {kind: Pod}`) is malformed before and after.
  expect(whole.problems.map((p) => p.kind), context).toEqual(original.problems.map((p) => p.kind));
  expect(whole.documents.map((d) => d.index), context).toEqual(original.documents.map((d) => d.index));
  const fixed = whole.documents.find((d) => d.index === document.index);
  expect(jsonEqual(fixed?.value, byFragments), `${context}\n--- whole\n${JSON.stringify(fixed?.value)}\n--- fragments\n${JSON.stringify(byFragments)}`).toBe(true);
  return true;
}
