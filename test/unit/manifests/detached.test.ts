import { describe, expect, it } from 'vitest';
import { detached } from '../../../src/manifests/detached.js';

describe('detached', () => {
  it('is the same text, short or long, cut from a file or not', () => {
    const file = `metadata:\n  name: payments-api-canary-eu-west-1\n  namespace: ns\n`;
    const name = file.slice(file.indexOf('payments'), file.indexOf('\n', file.indexOf('payments')));
    expect(detached(name)).toBe('payments-api-canary-eu-west-1');
    expect(detached('ns')).toBe('ns');
    expect(detached('')).toBe('');
    expect(detached('exactly13char')).toBe('exactly13char');
    expect(detached('ünïcödé-näme-🚀-with-astral')).toBe('ünïcödé-näme-🚀-with-astral');
  });
});
