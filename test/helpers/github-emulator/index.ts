// The local GitHub API emulator for integration tests. See README.md.
export { startEmulator } from './server.js';
export { pullRequestEvent, type PullRequestEventPayload, type PullRequestEventOptions } from './event.js';
export { REVIEW_TEXT } from './rules.js';
export type * from './types.js';
