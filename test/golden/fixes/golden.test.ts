/**
 * Golden files for the fix engine: for each input manifest, the fixed file
 * and the suggestions (with each finding's fix or note) are compared with
 * files under fixtures/fixes/expected. Run with UPDATE_GOLDEN=1 to rewrite
 * them after a deliberate change, and review the diff.
 *
 * Independently of the golden files, every line outside the suggestions'
 * ranges must come out byte for byte as it went in (comments, blank lines,
 * key order, quoting, flow style, CRLF, indentation).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../../src/fixes/fixFile.js';
import type { Level, Version } from '../../../src/pss/types.js';
import { fixturesDir } from '../../helpers/paths.js';
import { expectOnlyRangesChanged } from '../../unit/fixes/onlyRanges.js';

interface GoldenCase {
  /** Relative to fixtures/. */
  readonly input: string;
  readonly level?: Level;
  readonly version?: Version;
}

const cases: GoldenCase[] = [
  { input: 'examples/log-agent.yaml' },
  { input: 'examples/migrate.yaml' },
  { input: 'examples/web.yaml' },
  { input: 'manifests/comments.yaml' },
  { input: 'manifests/crlf.yaml' },
  { input: 'manifests/flow-style.yaml' },
  { input: 'manifests/anchors-and-merge-keys.yaml' },
  { input: 'manifests/yaml11-booleans.yaml' },
  { input: 'manifests/list.yaml' },
  { input: 'manifests/all-kinds.yaml' },
  { input: 'manifests/deployment.json' },
  { input: 'manifests/all-kinds.yaml', level: 'baseline' },
  { input: 'fixes/input/indented-4.yaml' },
  { input: 'fixes/input/pretty.json' },
  { input: 'fixes/input/crlf-multi.yaml', level: 'baseline' },
  { input: 'fixes/input/crlf-multi.yaml' },
  { input: 'fixes/input/list-items.yaml', level: 'baseline' },
  { input: 'fixes/input/block-scalars.yaml' },
  { input: 'fixes/input/windows.yaml' },
  { input: 'fixes/input/ephemeral-and-nulls.yaml' },
  { input: 'fixes/input/volumes.yaml' },
];

const update = process.env.UPDATE_GOLDEN === '1';
const expectedDir = path.join(fixturesDir, 'fixes', 'expected');

function expectedName(c: GoldenCase): string {
  const base = c.input.replace(/^fixes\/input\//, '').replaceAll('/', '__');
  const policy = `${c.level ?? 'restricted'}-${c.version ?? 'latest'}`;
  const dot = base.lastIndexOf('.');
  return `${base.slice(0, dot)}.${policy}`;
}

function golden(file: string, actual: string): void {
  const full = path.join(expectedDir, file);
  if (update || !existsSync(full)) {
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(full, actual);
    if (!update) throw new Error(`${file} did not exist; it was written: review it and run again`);
  }
  expect(actual, file).toBe(readFileSync(full, 'utf8'));
}

describe('golden fixes', () => {
  it.each(cases.map((c) => ({ ...c, name: `${c.input} at ${c.level ?? 'restricted'}:${c.version ?? 'latest'}` })))('$name', (c) => {
    const text = readFileSync(path.join(fixturesDir, c.input), 'utf8');
    const fixed = fixText(c.input, text, { level: c.level ?? 'restricted', version: c.version ?? 'latest' });
    expectOnlyRangesChanged(text, fixed.text, fixed.suggestions);
    const name = expectedName(c);
    golden(`${name}${path.extname(c.input)}`, fixed.text);
    const report = {
      suggestions: fixed.suggestions,
      findings: fixed.pods.flatMap((pod) =>
        pod.failures.map((failure, i) => {
          const fix = pod.fixes[i];
          const suggestion = fix?.fix ? fixed.suggestions.indexOf(fix.fix) : null;
          return { pod: `${pod.source.kind}/${pod.source.name}`, check: failure.check, suggestion, fixNote: fix?.fixNote ?? null };
        }),
      ),
    };
    golden(`${name}.suggestions.json`, `${JSON.stringify(report, null, 2)}\n`);
  });
});
