/**
 * The verifier module with a verifier that may refuse before the real one
 * decides: tests of the fix engine's rounds stand it in for a fix that only
 * verifies with others (the fixers avoid those). For `vi.mock` of
 * src/fixes/verify.js: `withRefusals(await importOriginal(), decide)`.
 */
import type * as VerifyModule from '../../src/fixes/verify.js';
import type { Expectation, Verifier } from '../../src/fixes/verify.js';
import type { Splice } from '../../src/fixes/text.js';

/** A reason to refuse with, or null to let the real verifier decide. */
export type Refusal = (splices: readonly Splice[], expectation: Expectation) => string | null;

export function withRefusals(real: typeof VerifyModule, decide: Refusal): typeof VerifyModule {
  return {
    ...real,
    verifierOf: (...args: Parameters<typeof real.verifierOf>): Verifier => {
      const verify = real.verifierOf(...args);
      return wrapped(verify, (splices, expectation) => decide(splices, expectation) ?? verify(splices, expectation));
    },
  };
}

/** A verifier that calls `call` instead of `verify`, and ages and forgets what `verify` keeps. */
export function wrapped(verify: Verifier, call: (splices: readonly Splice[], expectation: Expectation) => string | null): Verifier {
  return Object.assign(call, { age: () => verify.age(), forget: () => verify.forget() });
}
