import { describe, expect, it } from 'vitest';
import { formatFieldPath } from '../../../src/pss/paths.js';

describe('formatFieldPath', () => {
  it('joins keys with dots and writes list indexes in brackets', () => {
    expect(formatFieldPath(['spec', 'containers', 1, 'securityContext', 'privileged'])).toBe(
      'spec.containers[1].securityContext.privileged',
    );
  });

  it('brackets and quotes annotation keys with dots and slashes', () => {
    expect(formatFieldPath(['metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/x'])).toBe(
      'metadata.annotations["container.apparmor.security.beta.kubernetes.io/x"]',
    );
  });

  it('brackets the bare AppArmor prefix key (ends with a slash)', () => {
    expect(formatFieldPath(['metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/'])).toBe(
      'metadata.annotations["container.apparmor.security.beta.kubernetes.io/"]',
    );
  });

  it('brackets the legacy seccomp pod annotation key', () => {
    expect(formatFieldPath(['metadata', 'annotations', 'seccomp.security.alpha.kubernetes.io/pod'])).toBe(
      'metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]',
    );
  });

  it('gives the empty string for the empty path', () => {
    expect(formatFieldPath([])).toBe('');
  });

  it('formats a single key', () => {
    expect(formatFieldPath(['spec'])).toBe('spec');
  });

  it('writes consecutive indexes and index 0', () => {
    expect(formatFieldPath(['spec', 'securityContext', 'sysctls', 0, 'name'])).toBe('spec.securityContext.sysctls[0].name');
    expect(formatFieldPath(['spec', 'containers', 0, 'ports', 2, 'hostPort'])).toBe('spec.containers[0].ports[2].hostPort');
  });

  it('formats the deep paths the checks report', () => {
    expect(formatFieldPath(['spec', 'initContainers', 0, 'livenessProbe', 'httpGet', 'host'])).toBe(
      'spec.initContainers[0].livenessProbe.httpGet.host',
    );
    expect(formatFieldPath(['spec', 'ephemeralContainers', 3, 'securityContext', 'capabilities', 'add', 1])).toBe(
      'spec.ephemeralContainers[3].securityContext.capabilities.add[1]',
    );
  });

  it('escapes quotes inside a bracketed key so the path stays unambiguous', () => {
    expect(formatFieldPath(['metadata', 'annotations', 'a"b/c'])).toBe('metadata.annotations["a\\"b/c"]');
  });
});
