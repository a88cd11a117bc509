/** Upstream's details alike but for their containers' names, said once in a review comment. */
import { describe, expect, it } from 'vitest';
import { mergedByContainers } from '../../../src/report/containerDetails.js';

describe('mergedByContainers', () => {
  it("merges details that differ only in the containers they name, as upstream names several containers of one pod", () => {
    expect(
      mergedByContainers(
        [
          'container "admission" must not include "SYS_ADMIN" in securityContext.capabilities.add',
          'pod or container "admission" must set securityContext.runAsNonRoot=true',
          'containers "scheduler", "admission" must not include "SYS_ADMIN" in securityContext.capabilities.add',
          'pod or container "scheduler" must set securityContext.runAsNonRoot=true',
        ],
        5,
      ),
    ).toEqual([
      'containers "admission", "scheduler" must not include "SYS_ADMIN" in securityContext.capabilities.add',
      'pod or containers "admission", "scheduler" must set securityContext.runAsNonRoot=true',
    ]);
  });

  it('keeps apart details that say something else, those of several clauses, and those about no container', () => {
    const details = [
      'container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add',
      'container "b" must not include "NET_ADMIN" in securityContext.capabilities.add',
      'container "c" must set securityContext.capabilities.drop=["ALL"]; container "d" must not include "BPF" in securityContext.capabilities.add',
      'hostNetwork=true, hostPID=true',
    ];
    expect(mergedByContainers(details, 5)).toEqual(details);
  });

  it('names the first few containers and counts the rest, each name once', () => {
    const details = ['app', 'web', 'app', 'api', 'db', 'cache', 'queue', 'mail'].map((name) => `container "${name}" must set securityContext.allowPrivilegeEscalation=false`);
    expect(mergedByContainers(details, 5)).toEqual(['containers "app", "web", "api", "db", "cache" and 2 more must set securityContext.allowPrivilegeEscalation=false']);
  });
});
