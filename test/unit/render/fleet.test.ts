/** Rancher Fleet bundles: the kustomizations Fleet runs over a bundle's Helm chart, which are not rendered alone. */
import { describe, expect, it } from 'vitest';
import { fleetPostRenderers } from '../../../src/render/fleet.js';
import { discoverRoots, discoveryReads } from '../../../src/render/discover.js';

/** rancher/fleet-examples' multi-cluster/helm-kustomize, cut down. */
const bundle = [
  'namespace: guestbook',
  'helm:',
  '  chart: https://example.com/guestbook-0.0.1.tgz',
  'kustomize:',
  '  dir: ./overlays/all/',
  'targetCustomizations:',
  '- name: dev',
  '  kustomize:',
  '    dir: overlays/dev',
  '- name: prod',
  '  clusterSelector: {matchLabels: {env: prod}}',
  '',
].join('\n');

describe('fleetPostRenderers', () => {
  it("names the kustomizations of a bundle that installs a chart, from the fleet.yaml's folder", () => {
    expect([...fleetPostRenderers(new Map([['apps/guestbook/fleet.yaml', bundle]]))]).toEqual([
      ['apps/guestbook/overlays/all', 'apps/guestbook/fleet.yaml'],
      ['apps/guestbook/overlays/dev', 'apps/guestbook/fleet.yaml'],
    ]);
  });

  it('names none for a bundle without a chart (Fleet builds its kustomization as kustomize does), nor for a file that does not parse or is no bundle', () => {
    const kustomizeOnly = 'targetCustomizations:\n- name: dev\n  kustomize:\n    dir: overlays/dev\n';
    expect(fleetPostRenderers(new Map([['a/fleet.yaml', kustomizeOnly], ['b/fleet.yaml', 'helm: [\n'], ['c/not-fleet.yaml', bundle]])).size).toBe(0);
  });
});

describe('discoverRoots with a Fleet bundle', () => {
  const files: Record<string, string> = {
    'apps/guestbook/fleet.yaml': bundle,
    'apps/guestbook/overlays/dev/kustomization.yaml': 'patches:\n  - path: replicas.yaml\n',
    'apps/guestbook/overlays/dev/replicas.yaml': 'kind: Deployment\nmetadata: {name: frontend}\n',
    'apps/plain/kustomization.yaml': 'resources: [deployment.yaml]\n',
    'apps/plain/deployment.yaml': 'kind: Deployment\n',
  };
  const paths = new Set(Object.keys(files));
  const head = { paths, texts: new Map(discoveryReads(paths).map((p) => [p, files[p]!])) };

  it('reads the fleet.yaml, and keeps the overlay it runs over its chart from rendering alone, with a notice, its files consumed', () => {
    expect(discoveryReads(paths)).toContain('apps/guestbook/fleet.yaml');
    const discovery = discoverRoots(head, head, ['apps/guestbook/overlays/dev/replicas.yaml', 'apps/plain/deployment.yaml']);
    expect(discovery.roots.map((r) => [r.label, r.blocked])).toEqual([
      ['apps/guestbook/overlays/dev', 'Fleet runs it over the Helm chart `apps/guestbook/fleet.yaml` installs (a post-renderer), never alone'],
      ['apps/plain', null],
    ]);
    expect(discovery.consumed.has('apps/guestbook/overlays/dev/replicas.yaml')).toBe(true);
  });
});
