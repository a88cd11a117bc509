/**
 * yamlKinds.ts reads yaml's guards and scalar types once, for the bundle's
 * sake: they must be yaml's very own, not look-alikes.
 */
import * as yaml from 'yaml';
import { describe, expect, it } from 'vitest';
import * as kinds from '../../../src/manifests/yamlKinds.js';

describe('yamlKinds', () => {
  it('hands out the guards of yaml itself', () => {
    for (const name of ['isAlias', 'isCollection', 'isMap', 'isPair', 'isScalar', 'isSeq'] as const) expect(kinds[name], name).toBe(yaml[name]);
  });

  it('hands out the scalar types of yaml itself', () => {
    for (const name of ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const) expect(kinds[name], name).toBe(yaml.Scalar[name]);
  });
});
