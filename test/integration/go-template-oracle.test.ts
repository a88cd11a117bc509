/**
 * The differential test of the Go templates ApplicationSets use
 * (src/render/goTemplate.ts) against Go itself: text/template with sprig's
 * functions (test/template-oracle). Seeded random templates made of what the
 * engine reads (and some of what it refuses) are rendered by both, under
 * missingkey=default and missingkey=error: wherever the engine prints
 * something, Go must print exactly that; where the engine refuses, the set
 * only keeps its notice. Skipped, saying so, where Go is not installed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../bench/prng.js';
import type { Rng } from '../../bench/prng.js';
import { renderGoTemplate } from '../../src/render/goTemplate.js';
import { goBinary } from '../helpers/oracle.js';

const oracle = goBinary('template-oracle', process.env.PSR_TEMPLATE_ORACLE);
if (oracle === null) console.warn('go-template-oracle.test: Go is not installed here; the differential test of Go templates is skipped');

const params = {
  env: 'Prod_EU',
  name: 'web.shop.example',
  empty: '',
  zero: 0,
  n: null,
  list: ['a', 'b'],
  path: { basename: 'Web', segments: ['apps', 'Web'], path: 'apps/Web' },
  num: 3,
  t: true,
  f: false,
  m: { z: '1', a: '2' },
  nested: [{ k: 'v1' }, { k: 'v2' }],
  p: 'apps/web/values.yaml',
};

const fields = ['.', '$', '.env', '.name', '.empty', '.zero', '.n', '.list', '.path', '.path.basename', '.path.segments', '.num', '.t', '.f', '.m', '.m.a', '.missing', '.missing.x', '.nested', '.p', '$.env', '$.t'];
const literals = ['"x"', '"Prod_EU"', '"a"', '"web."', '"/"', '""', '1', '0', 'true', 'false'];
const functions: readonly (readonly [string, number])[] = [
  ['eq', 2], ['ne', 2], ['not', 1], ['and', 2], ['or', 2], ['default', 2], ['lower', 1], ['upper', 1], ['normalize', 1], ['trunc', 2], ['replace', 3],
  ['printf "%s-%v"', 2], ['trim', 1], ['trimPrefix', 2], ['trimSuffix', 2], ['hasPrefix', 2], ['hasSuffix', 2], ['contains', 2], ['title', 1], ['quote', 1],
  ['squote', 1], ['cat', 2], ['len', 1], ['toString', 1], ['hasKey', 2], ['empty', 1], ['join', 2], ['splitList', 2], ['first', 1], ['last', 1],
  ['has', 2], ['list', 2], ['base', 1], ['dir', 1], ['ext', 1], ['index', 2], ['sha256sum', 1],
];

/** A random pipeline: an argument, a call, or an argument piped into a call. */
function expression(rng: Rng, depth: number): string {
  const argument = (): string => (rng.chance(0.55) ? rng.pick(fields) : depth < 2 && rng.chance(0.25) ? `(${expression(rng, depth + 1)})` : rng.pick(literals));
  if (rng.chance(0.3)) return argument();
  const [name, arity] = rng.pick(functions);
  const args = Array.from({ length: arity }, argument);
  return rng.chance(0.2) && arity > 1 ? `${args.slice(1).join(' ')} | ${name} ${args[0]}` : `${name} ${args.join(' ')}`;
}

/** A random template body: text, printed pipelines, declarations, if / with / range blocks, comments; trim markers anywhere. */
function body(rng: Rng, depth: number, outer: readonly string[]): string {
  let variables = [...outer];
  const open = () => (rng.chance(0.3) ? '{{- ' : '{{ ');
  const close = () => (rng.chance(0.3) ? ' -}}' : ' }}');
  const parts: string[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const kind = depth > 2 ? 0 : rng.int(0, 9);
    if (kind <= 2) parts.push(rng.pick(['x', ' ', '\n', '  y\n', '-']));
    else if (kind <= 4) parts.push(`${open()}${variables.length > 0 && rng.chance(0.3) ? rng.pick(variables) : expression(rng, 0)}${close()}`);
    else if (kind === 5) {
      const variable = rng.pick(['$x', '$y']);
      const declared = rng.chance(0.6);
      if (declared) variables = [...variables, variable];
      parts.push(`${open()}${variable} ${declared ? ':=' : '='} ${expression(rng, 0)}${close()}`);
    } else if (kind === 6) {
      const elseIf = rng.chance(0.3) ? `${open()}else if ${expression(rng, 0)}${close()}${body(rng, depth + 1, variables)}` : '';
      const otherwise = rng.chance(0.4) ? `${open()}else${close()}${body(rng, depth + 1, variables)}` : '';
      parts.push(`${open()}if ${expression(rng, 0)}${close()}${body(rng, depth + 1, variables)}${elseIf}${otherwise}${open()}end${close()}`);
    } else if (kind === 7) {
      const declaration = rng.pick(['', '$v := ', '$i, $v := ']);
      const inside = declaration === '' ? variables : declaration.includes('$i') ? [...variables, '$i', '$v'] : [...variables, '$v'];
      const otherwise = rng.chance(0.3) ? `${open()}else${close()}${body(rng, depth + 1, variables)}` : '';
      parts.push(`${open()}range ${declaration}${rng.pick(['.list', '.m', '.missing', '.nested', '.env', '.n', '.path'])}${close()}${body(rng, depth + 1, inside)}${otherwise}${open()}end${close()}`);
    } else if (kind === 8) parts.push(`${open()}with ${expression(rng, 0)}${close()}${body(rng, depth + 1, variables)}${open()}end${close()}`);
    else parts.push(`${open().trimEnd()}/* a comment */${close().trimStart()}`);
  }
  return parts.join('');
}

describe.skipIf(oracle === null)('Go templates against text/template with sprig', () => {
  it('print exactly what Go prints wherever they print, on 3,000 random templates, under both missingkey options', () => {
    const rng = createRng(45);
    const cases = Array.from({ length: 3000 }, () => body(rng, 0, []));
    const run = spawnSync(oracle!, { input: JSON.stringify({ params, cases }), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const go = JSON.parse(run.stdout) as [string | null, string | null][];
    const mismatches: string[] = [];
    let read = 0;
    cases.forEach((text, i) => {
      [false, true].forEach((missingKeyError, k) => {
        const ours = renderGoTemplate(text, params, { missingKeyError });
        if (ours === null) return;
        read++;
        if (ours !== go[i]![k]) mismatches.push(`${JSON.stringify(text)} (missingkey=${missingKeyError ? 'error' : 'default'}): ${JSON.stringify(ours)}, Go: ${JSON.stringify(go[i]![k])}`);
      });
    });
    expect(mismatches).toEqual([]);
    // Not vacuous: about a third of the 6,000 renderings are read (the rest fail in Go too, or use what is refused on purpose).
    expect(read).toBeGreaterThan(1500);
  });
});
