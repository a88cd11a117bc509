/** Files a kustomization names only in a comment: left off, a note in place of findings. */
import { describe, expect, it } from 'vitest';
import { discoverRoots, discoveryReads } from '../../../src/render/discover.js';
import { leftOffFiles, leftOffNotes } from '../../../src/render/leftOff.js';
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
  '# Uncomment to install the optional channel:', // 4
  '# - optional-channel.yaml', // 5
  'patches:', // 6
  '- path: manager_metrics_patch.yaml', // 7
  '# Only one of manager_metrics_patch.yaml and manager_auth_proxy_patch.yaml should be enabled.', // 8
  '#- path: manager_webhook_patch.yaml', // 9
  '#ENABLE_LOCALMODEL - path: agent_patch.yaml', // 10
  '# - "missing_patch.yaml"', // 11
  '',
].join('\n');
const files = {
  'config/default/kustomization.yaml': kustomization,
  'config/default/manager_metrics_patch.yaml': 'kind: Deployment\n',
  'config/default/manager_webhook_patch.yaml': 'kind: Deployment\n',
  'config/default/manager_auth_proxy_patch.yaml': 'kind: Deployment\n',
  'config/default/agent_patch.yaml': 'kind: DaemonSet\n',
  'config/default/optional-channel.yaml': 'kind: Deployment\n',
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
      { file: 'config/default/agent_patch.yaml', kustomization: 'config/default/kustomization.yaml', line: 10 },
      { file: 'config/default/manager_webhook_patch.yaml', kustomization: 'config/default/kustomization.yaml', line: 9 },
    ]);
  });

  it('is never a resource left off (a whole manifest), a file a comment names in prose, one that is used, or one the tree lacks', () => {
    const left = leftOffFiles([k], repo.texts, repo.paths, used).map((l) => l.file);
    expect(left).not.toContain('config/default/optional-channel.yaml');
    expect(left).not.toContain('config/default/manager_auth_proxy_patch.yaml');
    expect(left).not.toContain('config/default/manager_metrics_patch.yaml');
    expect(left).not.toContain('config/default/missing_patch.yaml');
  });
});

describe('leftOffFiles, in the section a commented-out field opens', () => {
  it('a patch under `#patchesStrategicMerge:` after the bases is left off (Kubeflow\'s notebook controller)', () => {
    const text = 'bases:\n- ../manager\n#- ../webhook\n\n#patchesStrategicMerge:\n#- manager_image_patch.yaml\n  # Protect the /metrics endpoint.\n#- manager_auth_proxy_patch.yaml\n';
    const paths = new Set(['default/kustomization.yaml', 'default/manager_image_patch.yaml', 'default/manager_auth_proxy_patch.yaml']);
    const k = readKustomization('default/kustomization.yaml', text, paths);
    expect(leftOffFiles([k], new Map([['default/kustomization.yaml', text]]), paths, new Set()).map((l) => [l.file, l.line])).toEqual([
      ['default/manager_auth_proxy_patch.yaml', 8],
      ['default/manager_image_patch.yaml', 6],
    ]);
  });
});

describe('discoverRoots and left-off files', () => {
  it('takes them out of the plain files, and names them with the comment that leaves them off', () => {
    const found = discoverRoots(repo, repo, ['config/default/manager_webhook_patch.yaml']);
    expect(found.consumed.has('config/default/manager_webhook_patch.yaml')).toBe(true);
    expect(found.consumed.has('config/default/optional-channel.yaml')).toBe(false);
    expect(found.consumed.has('config/default/agent_patch.yaml')).toBe(true);
    expect(found.leftOff.map((l) => [l.file, l.line])).toEqual([
      ['config/default/agent_patch.yaml', 10],
      ['config/default/manager_webhook_patch.yaml', 9],
    ]);
  });

  it('a file another kustomization uses is not left off', () => {
    const taken = tree({ ...files, 'config/other/kustomization.yaml': 'resources: [../manager]\npatches:\n  - path: ../default/manager_webhook_patch.yaml\n' });
    expect(discoverRoots(taken, taken, []).leftOff.map((l) => l.file)).toEqual(['config/default/agent_patch.yaml']);
  });
});

describe('leftOffNotes', () => {
  const leftOff = [
    { file: 'config/default/manager_webhook_patch.yaml', kustomization: 'config/default/kustomization.yaml', line: 7 },
    { file: 'config/rbac/auth_proxy_role.yaml', kustomization: 'config/rbac/kustomization.yaml', line: 3 },
    { file: 'config/default/agent_patch.yaml', kustomization: 'config/default/kustomization.yaml', line: 8 },
  ];
  const fragment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: controller-manager\nspec:\n  template:\n    spec:\n      containers:\n        - name: manager\n';

  it('notes a file among the texts given that holds a pod spec; one without any loses nothing by being left off', () => {
    const texts = [
      { path: 'config/default/manager_webhook_patch.yaml', text: fragment },
      { path: 'config/rbac/auth_proxy_role.yaml', text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: proxy\n' },
    ];
    expect(leftOffNotes(leftOff, texts)).toEqual([
      {
        file: 'config/default/manager_webhook_patch.yaml',
        line: null,
        kind: 'left-off',
        message: expect.stringMatching(/^not checked as a manifest of its own: config\/default\/kustomization\.yaml:7 names it only in a comment/),
      },
    ]);
  });
});
