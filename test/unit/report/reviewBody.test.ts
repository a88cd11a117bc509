import { describe, expect, it } from 'vitest';
import { reviewBody } from '../../../src/report/reviewBody.js';
import type { ReviewPlan } from '../../../src/report/reviewPlan.js';
import { reviewFinding } from '../../helpers/findings.js';

const links = { blob: (path: string, line: number | null) => `https://x/${path}#L${line}`, checks: 'https://x/checks' };
const noComments: ReviewPlan = { comments: [], alreadyCommented: [], overflow: [], outsideDiff: [], fixed: [], commentedProblems: [] };

describe('reviewBody', () => {
  it('lists a blocker the renderings of a chart give on one line once, saying in how many, its long detail cut', () => {
    const volumes = (n: number) => Array.from({ length: n }, (_, i) => `"volume-${i}"`).join(', ');
    const hostPath = (n: number) => reviewFinding({ file: 'charts/agent/templates/daemonset.yaml', line: 24, kind: 'DaemonSet', name: 'agent', check: 'hostPathVolumes', reason: 'hostPath volumes', detail: `volumes ${volumes(n)}` });
    const other = reviewFinding({ file: 'charts/agent/templates/daemonset.yaml', line: 30, kind: 'DaemonSet', name: 'agent', check: 'hostNamespaces', reason: 'host namespaces', detail: 'hostPID=true' });
    const body = reviewBody({ plan: noComments, findings: [hostPath(20), hostPath(22), hostPath(3), other], errors: [], policy: 'baseline:latest', links });
    const listed = body.split('\n').filter((line) => line.startsWith('- '));
    // Counted as listed: the intel GPU plugin's base, rendered by seven overlays, was "16 blockers" over 3 lines beside "6 blocking".
    expect(body).toContain('> 2 blockers have no inline comment');
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(/^- \[`charts\/agent\/templates\/daemonset\.yaml:24`\]\(https:\/\/x\/charts\/agent\/templates\/daemonset\.yaml#L24\) DaemonSet shop\/agent: hostPath volumes \(volumes "volume-0", .*"volume-\d+", …\) \(in 3 renderings\)$/);
    expect(listed[0]!.length).toBeLessThan(330);
    expect(listed[1]).toMatch(/DaemonSet shop\/agent: host namespaces \(hostPID=true\)$/);
  });
});
