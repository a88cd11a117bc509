/** Manifest texts that tests run over whole: the fixtures and the benchmark generator's files. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { generateRepository } from '../../bench/generate.js';
import type { RepoSpec } from '../../bench/generate.js';
import { fixturesDir } from './paths.js';

export interface NamedText {
  readonly name: string;
  readonly text: string;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(full);
  }
  return out;
}

/**
 * Every distinct YAML and JSON fixture text, named by the first path under
 * fixtures/ that holds it. The conformance corpus repeats each fixture in
 * every version folder it applies to (4,537 files, 380 distinct texts): the
 * tests that take these texts depend on the text alone, so one pass over
 * each distinct text proves what a pass over every copy would.
 */
export function fixtureTexts(): NamedText[] {
  const seen = new Set<string>();
  const out: NamedText[] = [];
  for (const file of filesUnder(fixturesDir)) {
    const text = readFileSync(file, 'utf8');
    if (text.includes('\0') || seen.has(text)) continue;
    seen.add(text);
    out.push({ name: path.relative(fixturesDir, file), text });
  }
  return out;
}

/** A generated repository's files: the base, then the head revision's files named `head/…`. */
export function generatedTexts(options: RepoSpec): NamedText[] {
  const generated = generateRepository(options);
  return [...generated.base, ...[...generated.head].map(([name, text]) => [`head/${name}`, text] as const)].map(([name, text]) => ({ name, text }));
}
