/** Files a kustomization names only in a comment: left off, a note in place of findings. */
import { describe, expect, it } from 'vitest';
import { discoverRoots, discoveryReads } from '../../../src/render/discover.js';
import { leftOffFiles } from '../../../src/render/leftOff.js';
import { readKustomization } from '../../../src/render/kustomization.js';
import type { TreeSnapshot } from '../../../src/render/types.js';

function tree(files: Record<string, string>): TreeSnapshot {
  const paths = new Set(Object.keys(files));
  return { paths, texts: new Map(discoveryReads(paths).map((p) => [p, files[p]!])) };
}

// Kubebuilder's config/default, with KServe's switched-off patch beside it.
const kustomization = [
  'resources:', // 1
  '- ../manager', // 2
  '#- ../prometheus', // 3
  'patches:', // 4
  '- path: manager_metrics_patch.yaml', // 5
  '# Only one of manager_metrics_patch.yaml and manager_auth_proxy_patch.yaml should be enabled.', // 6
  '#- path: manager_webhook_patch.yaml', // 7
  '#ENABLE_LOCALMODEL - path: agent_patch.yaml', // 8
  '# - "missing_patch.yaml"', // 9
  '',
].join('\n');
const files = {
  'config/default/kustomization.yaml': kustomization,
  'config/default/manager_metrics_patch.yaml': 'kind: Deployment\n',
  'config/default/manager_webhook_patch.yaml': 'kind: Deployment\n',
  'config/default/manager_auth_proxy_patch.yaml': 'kind: Deployment\n',
  'config/default/agent_patch.yaml': 'kind: DaemonSet\n',
  'config/manager/kustomization.yaml': 'resources: [manager.yaml]\n',
  'config/manager/manager.yaml': 'kind: Deployment\n',
  'config/prometheus/kustomization.yaml': 'resources: [monitor.yaml]\n',
  'config/prometheus/monitor.yaml': 'kind: ServiceMonitor\n',
};
const repo = tree(files);

describe('leftOffFiles', () => {
  const k = readKustomization('config/default/kustomization.yaml', kustomization, repo.paths);
  const used = new Set(['config/default/manager_metrics_patch.yaml']);

  it('is each file a commented list entry or path names, at that comment, in path order', () => {
    expect(leftOffFiles([k], repo.texts, repo.paths, used)).toEqual([
      { file: 'config/default/agent_patch.yaml', kustomization: 'config/default/kustomization.yaml', line: 8 },
      { file: 'config/default/manager_webhook_patch.yaml', kustomization: 'config/default/kustomization.yaml', line: 7 },
    ]);
  });

  it('is never a file a comment names in prose, one that is used, or one the tree lacks', () => {
    const left = leftOffFiles([k], repo.texts, repo.paths, used).map((l) => l.file);
    expect(left).not.toContain('config/default/manager_auth_proxy_patch.yaml');
    expect(left).not.toContain('config/default/manager_metrics_patch.yaml');
    expect(left).not.toContain('config/default/missing_patch.yaml');
  });
});

describe('discoverRoots and left-off files', () => {
  it('takes them out of the plain files, with a note for each the change touches', () => {
    const found = discoverRoots(repo, repo, ['config/default/manager_webhook_patch.yaml']);
    expect(found.consumed.has('config/default/manager_webhook_patch.yaml')).toBe(true);
    expect(found.consumed.has('config/default/agent_patch.yaml')).toBe(true);
    expect(found.problems).toEqual([
      {
        file: 'config/default/manager_webhook_patch.yaml',
        line: null,
        kind: 'left-off',
        message: expect.stringMatching(/^not checked as a manifest of its own: config\/default\/kustomization\.yaml:7 names it only in a comment/),
      },
    ]);
  });

  it('a file another kustomization uses is not left off', () => {
    const taken = tree({ ...files, 'config/other/kustomization.yaml': 'resources: [../manager]\npatches:\n  - path: ../default/manager_webhook_patch.yaml\n' });
    const found = discoverRoots(taken, taken, ['config/default/manager_webhook_patch.yaml']);
    expect(found.problems.filter((p) => p.kind === 'left-off')).toEqual([]);
  });
});
