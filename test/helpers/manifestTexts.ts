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

/** Every YAML and JSON fixture that is text, named by its path under fixtures/. */
export function fixtureTexts(): NamedText[] {
  return filesUnder(fixturesDir)
    .map((file) => ({ name: path.relative(fixturesDir, file), text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => !text.includes('\0'));
}

/** A generated repository's files: the base, then the head revision's files named `head/…`. */
export function generatedTexts(options: RepoSpec): NamedText[] {
  const generated = generateRepository(options);
  return [...generated.base, ...[...generated.head].map(([name, text]) => [`head/${name}`, text] as const)].map(([name, text]) => ({ name, text }));
}
