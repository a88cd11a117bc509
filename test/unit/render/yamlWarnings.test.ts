/**
 * Readers of charts, kustomizations and JSON-like YAML take a text whose
 * keys `yaml` can only stringify (a Chart.yaml template's
 * `version: {{ .Version }}`) without writing a warning to the process's
 * stderr: cockroachdb's report had "(node:986) Warning: Keys with
 * collection values will be stringified…" in its middle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chartIdentity } from '../../../src/render/chart.js';
import { readKustomization } from '../../../src/render/kustomization.js';
import { flowCollectionValue } from '../../../src/render/templateLines.js';
import { isYamlConfiguration } from '../../../src/manifests/jsonc.js';

const warnings: string[] = [];
const listen = (warning: Error) => warnings.push(warning.message);
beforeEach(() => {
  warnings.length = 0;
  process.on('warning', listen);
});
afterEach(() => {
  process.off('warning', listen);
});

/** After the warnings a reading emitted (process.emitWarning emits them on the next tick). */
const emitted = () => new Promise<string[]>((resolve) => setImmediate(() => resolve([...warnings])));

describe('reading YAML whose keys are collections', () => {
  it("says nothing on stderr, and reads what it can: a templated Chart.yaml's name", async () => {
    expect(chartIdentity('apiVersion: v1\nname: cockroachdb\nversion: {{ .Version }}\nappVersion: {{ .AppVersion }}\n')).toEqual({ name: 'cockroachdb', version: null, library: false });
    expect(readKustomization('k/kustomization.yaml', 'resources: [a.yaml]\nnamePrefix: {{ .Prefix }}\n', new Set(['k/a.yaml'])).resourceFiles).toEqual(['k/a.yaml']);
    expect(flowCollectionValue('{ {a: 1}: b }')).toEqual({ '{ a: 1 }': 'b' });
    expect(isYamlConfiguration('values.yaml', '{ {a: 1}: b }')).toBe(true);
    expect(await emitted()).toEqual([]);
  });
});
