import { describe, expect, it } from 'vitest';
import { readEventContext } from '../../../src/event/context.js';

const pr = (action: string, headRepo = 'acme/shop') => ({
  action,
  number: 7,
  pull_request: { number: 7, base: { sha: 'b'.repeat(40), repo: { full_name: 'acme/shop' } }, head: { sha: 'h'.repeat(40), repo: { full_name: headRepo } } },
});

describe('readEventContext', () => {
  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])('reviews pull_request %s with the payload commits', (action) => {
    expect(readEventContext('pull_request', pr(action), 'acme/shop')).toEqual({
      kind: 'pull-request',
      eventName: 'pull_request',
      pr: { owner: 'acme', repo: 'shop', number: 7 },
      baseSha: 'b'.repeat(40),
      headSha: 'h'.repeat(40),
      fromFork: false,
    });
  });

  it('knows a fork pull request under pull_request_target', () => {
    expect(readEventContext('pull_request_target', pr('opened', 'someone/shop'), 'acme/shop')).toMatchObject({ kind: 'pull-request', fromFork: true });
  });

  it('ignores pull request actions that do not change code', () => {
    expect(readEventContext('pull_request', pr('labeled'), 'acme/shop')).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('"labeled"') });
  });

  it('checks merge groups and pushes', () => {
    expect(readEventContext('merge_group', { merge_group: { base_sha: 'a', head_sha: 'b' } }, 'acme/shop')).toEqual({ kind: 'push', eventName: 'merge_group', owner: 'acme', repo: 'shop', baseSha: 'a', headSha: 'b' });
    expect(readEventContext('push', { before: 'a', after: 'b' }, 'acme/shop')).toMatchObject({ kind: 'push', baseSha: 'a', headSha: 'b' });
    expect(readEventContext('push', { before: '0'.repeat(40), after: 'b' }, 'acme/shop')).toMatchObject({ kind: 'ignored' });
  });

  it('knows the branch the change lands on, and whether it is the default branch', () => {
    const based = (ref: string, defaultBranch?: string) => ({ ...pr('opened'), pull_request: { ...pr('opened').pull_request, base: { ...pr('opened').pull_request.base, ref } }, ...(defaultBranch ? { repository: { default_branch: defaultBranch } } : {}) });
    expect(readEventContext('pull_request', based('main', 'main'), 'acme/shop')).toMatchObject({ landsOn: { name: 'main', isDefault: true } });
    expect(readEventContext('pull_request', based('release-1.x', 'main'), 'acme/shop')).toMatchObject({ landsOn: { name: 'release-1.x', isDefault: false } });
    expect(readEventContext('pull_request', based('main'), 'acme/shop')).toMatchObject({ landsOn: { name: 'main', isDefault: null } });
    expect(readEventContext('merge_group', { merge_group: { base_sha: 'a', head_sha: 'b', base_ref: 'refs/heads/main' }, repository: { default_branch: 'main' } }, 'acme/shop')).toMatchObject({ landsOn: { name: 'main', isDefault: true } });
    expect(readEventContext('push', { before: 'a', after: 'b', ref: 'refs/heads/dev', repository: { default_branch: 'main' } }, 'acme/shop')).toMatchObject({ landsOn: { name: 'dev', isDefault: false } });
    // A tag pushed lands on no branch.
    expect(readEventContext('push', { before: 'a', after: 'b', ref: 'refs/tags/v1' }, 'acme/shop')).not.toHaveProperty('landsOn');
  });

  it('says why other events are ignored', () => {
    expect(readEventContext('schedule', {}, 'acme/shop')).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('schedule') });
  });
});
