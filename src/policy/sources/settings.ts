/**
 * Which of the checks beyond the Pod Security Standards run, and which of
 * them block: the PodSecurityPolicy leftover is on and non-blocking by
 * default, the advice checks off (the config's `advice` and `check
 * --advice` turn them on). Plain data: it travels to worker threads.
 */
import { pspCheckId } from './extraChecks.js';
import type { ExtraCheckId } from './extraChecks.js';

export interface ExtraChecks {
  readonly enabled: ReadonlySet<ExtraCheckId>;
  readonly blocking: ReadonlySet<ExtraCheckId>;
}

export const defaultExtraChecks: ExtraChecks = { enabled: new Set([pspCheckId]), blocking: new Set() };
