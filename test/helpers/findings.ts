/** Building ReviewFindings for reporter tests. */
import type { ReviewFinding } from '../../src/report/types.js';

export function reviewFinding(overrides: Partial<ReviewFinding> = {}): ReviewFinding {
  return {
    file: 'deploy/web.yaml',
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    namespace: 'shop',
    name: 'web',
    container: 'web',
    containers: ['web'],
    check: 'privileged',
    reason: 'privileged',
    detail: 'container "web" must not set securityContext.privileged=true',
    level: 'baseline',
    version: 'latest',
    line: 20,
    locations: [{ path: 'spec.template.spec.containers[0].securityContext.privileged', line: 20, column: 11, exact: true, container: 'web', inDiff: true }],
    status: 'new',
    preexisting: false,
    mode: 'enforce',
    blocking: true,
    levelSource: { kind: 'flag', detail: 'the level input' },
    optOutNote: null,
    fix: null,
    fixNote: null,
    ...overrides,
  };
}
