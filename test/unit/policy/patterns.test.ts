/**
 * Pattern matching of the config file, and check-ID hints.
 */
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../../src/pss/registry.js';
import { checkIds, isCheckId, suggestCheckIds, unknownCheckText } from '../../../src/policy/checkIds.js';
import { checkFileGlob, checkImagePattern, checkNamePattern, matchFile, matchImage, matchName } from '../../../src/policy/patterns.js';

describe('matchFile (minimatch, dot: true)', () => {
  it.each([
    ['deploy/prod/web.yaml', 'deploy/prod/**', true],
    ['deploy/prod/web.yaml', 'deploy/*/web.yaml', true],
    ['deploy/prod/web.yaml', 'deploy/*.yaml', false],
    ['deploy/prod/web.yaml', '**/web.yaml', true],
    ['web.yaml', '**/web.yaml', true],
    ['.github/k8s/a.yaml', '**/*.yaml', true],
    ['deploy/prod/web.yaml', './deploy/prod/**', true],
    ['./deploy/prod/web.yaml', 'deploy/prod/**', true],
    ['deploy/prod/web.yml', 'deploy/prod/*.{yaml,yml}', true],
    ['Deploy/prod/web.yaml', 'deploy/**', false],
  ])('%s against %s → %s', (path, pattern, expected) => {
    expect(matchFile(path, [pattern]) !== null).toBe(expected);
  });

  it('returns the pattern that matched', () => {
    expect(matchFile('a/b.yaml', ['x/**', 'a/**'])).toBe('a/**');
  });
});

describe('matchName', () => {
  it('matches globs on names, never an empty name', () => {
    expect(matchName('prod-eu', ['prod-*'])).toBe('prod-*');
    expect(matchName('prod', ['prod-*'])).toBeNull();
    expect(matchName('prod-us', ['prod-{eu,us}'])).toBe('prod-{eu,us}');
    expect(matchName('', ['*'])).toBeNull();
  });
});

describe('matchImage (Kyverno wildcards)', () => {
  it.each([
    ['registry.k8s.io/ingress-nginx/controller:v1.11.0', 'registry.k8s.io/ingress-nginx/*', true],
    ['registry.k8s.io/ingress-nginx/controller:v1.11.0', 'registry.k8s.io/ingress-nginx/controller', false],
    ['docker.io/library/nginx:1.27', '*nginx*', true],
    ['nginx:1.27', 'nginx:1.2?', true],
    ['nginx:1.27', 'nginx:1.2', false],
    ['nginx', 'docker.io/library/nginx', false], // as written, no registry expansion
    ['a.b/c', 'a?b/c', true],
    ['axb/c', 'a.b/c', false], // "." is literal
    ['', '*', false],
  ])('%s against %s → %s', (image, pattern, expected) => {
    expect(matchImage(image, [pattern]) !== null).toBe(expected);
  });
});

describe('pattern validation', () => {
  it('accepts ordinary globs', () => {
    for (const glob of ['deploy/**', '**/*.yaml', 'a/{b,c}/*.y?ml', 'k8s/[a-z]*/x.yaml', 'apps/+(web|api)/**']) expect(checkFileGlob(glob)).toEqual({ ok: true });
    for (const name of ['prod', 'prod-*', 'team-{a,b}', '?']) expect(checkNamePattern(name)).toEqual({ ok: true });
    expect(checkImagePattern('*')).toEqual({ ok: true });
  });

  it('refuses names that could never match', () => {
    expect(checkNamePattern('Prod')).toMatchObject({ ok: false });
    expect(checkNamePattern('a/b')).toMatchObject({ ok: false });
    expect(checkNamePattern('')).toMatchObject({ ok: false });
    expect(checkImagePattern('')).toMatchObject({ ok: false });
  });
});

describe('check IDs', () => {
  it('lists every registered check, sorted', () => {
    expect(new Set(checkIds)).toEqual(new Set(allChecks.map((c) => c.id)));
    expect(checkIds).toHaveLength(19);
    expect([...checkIds].sort()).toEqual(checkIds);
    expect(isCheckId('hostPorts')).toBe(true);
    expect(isCheckId('HostPorts')).toBe(false);
  });

  it.each([
    ['HostPorts', ['hostPorts']],
    ['host-ports', ['hostPorts']],
    ['procmount_restricted', ['procMount_restricted']],
    ['seccompProfile', ['seccompProfile_baseline', 'seccompProfile_restricted']],
    ['capabilities', ['capabilities_baseline', 'capabilities_restricted']],
    ['runAsNonroot', ['runAsNonRoot']],
    ['hostPort', ['hostPorts']],
    ['completely-unrelated', []],
    ['', []],
  ])('suggests %j → %j', (text, expected) => {
    expect(suggestCheckIds(text)).toEqual(expected);
  });

  it('offers every candidate in the message', () => {
    expect(unknownCheckText('capabilities')).toBe(
      `unknown check (did you mean "capabilities_baseline" or "capabilities_restricted"?); valid checks: ${checkIds.join(', ')}`,
    );
  });
});
