/** A chart rendered without the dependencies its `charts/` lacks: which are on, and its Chart.yaml without them. */
import { describe, expect, it } from 'vitest';
import { readChart, switchedOn, switchesOf, withoutDependencies } from '../../../src/render/chart.js';
import type { RepositoryChartOf } from '../../../src/render/chart.js';

describe('withoutDependencies', () => {
  const chart = [
    'apiVersion: v2',
    'name: app # the application',
    'version: 1.0.0',
    'dependencies:',
    '  - name: postgresql',
    '    version: 15.0.0',
    '    condition: postgresql.enabled',
    '  # vendored in charts/common',
    '  - name: common',
    '    version: 2.0.0',
    '  - name: postgresql',
    '    alias: replica',
    '    version: 15.0.0',
    '',
  ].join('\n');

  it('drops every entry of the names given, aliases included, and keeps the rest as written', () => {
    expect(withoutDependencies(chart, new Set(['postgresql']))).toBe(
      ['apiVersion: v2', 'name: app # the application', 'version: 1.0.0', 'dependencies:', '  # vendored in charts/common', '  - name: common', '    version: 2.0.0', ''].join('\n'),
    );
  });

  it('is null when there is nothing to drop, or no list to drop it from', () => {
    expect(withoutDependencies(chart, new Set(['redis']))).toBeNull();
    expect(withoutDependencies('apiVersion: v2\nname: app\n', new Set(['redis']))).toBeNull();
    expect(withoutDependencies('name: [unclosed\n', new Set(['redis']))).toBeNull();
  });
});

describe('switchedOn', () => {
  const dependency = switchesOf({ name: 'db', condition: 'db.enabled, global.db.enabled', tags: ['storage', 'extra'] });
  const on = (...values: Record<string, unknown>[]) => switchedOn(dependency, values);

  it('reads the first condition path that holds a boolean, then tags (on when any is), else on', () => {
    expect(on({})).toBe(true);
    expect(on({ db: { enabled: false } })).toBe(false);
    expect(on({ db: { enabled: 'no' }, global: { db: { enabled: false } } })).toBe(false);
    expect(on({ tags: { storage: false, extra: false } })).toBe(false);
    expect(on({ tags: { storage: false, extra: true } })).toBe(true);
    // The condition wins over the tags.
    expect(on({ db: { enabled: true }, tags: { storage: false } })).toBe(true);
  });

  it('reads each path in the last values file that sets it, as helm merges values.yaml and the files given after it', () => {
    expect(on({ db: { enabled: false } }, { db: { enabled: true } })).toBe(true);
    expect(on({ db: { enabled: true } }, { db: { image: 'db:2' } })).toBe(true);
    expect(on({ db: { enabled: true } }, { global: { db: { enabled: false } } })).toBe(true);
    expect(on({ tags: { storage: true } }, { tags: { storage: false } })).toBe(false);
  });
});

describe('readChart', () => {
  const chart = 'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 1.0.0\n    repository: file://../common\n  - name: redis\n    version: 19.0.0\n    repository: https://charts.example\n  - name: gone\n    version: 1.0.0\n    repository: file://../gone\n';

  it('takes a dependency from a folder of the repository that holds a chart, as `helm dependency build` would; the others are missing', () => {
    const read = readChart('charts/web/Chart.yaml', chart, ['charts/web/Chart.yaml'], undefined, { has: (dir) => dir === 'charts/common', named: () => [] });
    expect(read.localDependencies).toEqual([{ name: 'common', dir: 'charts/common' }]);
    expect(read.missingDependencies.map((d) => d.name)).toEqual(['redis', 'gone']);
    expect(read.library).toBe(false);
  });

  it("takes a dependency from a chart repository from the repository's own chart of its name, at the highest version its range allows", () => {
    const charts: Record<string, RepositoryChartOf[]> = {
      common: [
        { dir: 'bitnami/common', version: '2.31.10', library: true },
        { dir: 'legacy/common', version: '1.9.0', library: true },
        { dir: 'next/common', version: '3.0.0', library: true },
      ],
      redis: [{ dir: 'bitnami/redis', version: '20.1.0', library: false }],
      web: [{ dir: 'charts/web', version: '1.0.0', library: false }],
    };
    const repository = { has: () => false, named: (name: string) => charts[name] ?? [] };
    const declaring = (deps: string) => readChart('charts/web/Chart.yaml', `apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n${deps}`, ['charts/web/Chart.yaml'], undefined, repository);
    const oci = 'oci://registry-1.docker.io/bitnamicharts';
    const read = declaring(`  - {name: common, version: 2.x.x, repository: "${oci}"}\n  - {name: redis, version: "~19.6", repository: "${oci}"}\n  - {name: web, version: "*", repository: "${oci}"}\n`);
    expect(read.localDependencies).toEqual([{ name: 'common', dir: 'bitnami/common', standIn: { declared: 'common 2.x.x', repository: oci, version: '2.31.10', library: true } }]);
    // No version its range allows (redis 20.1.0 for ~19.6: said with it), and never the chart itself.
    expect(read.missingDependencies).toEqual([
      { name: 'redis', shown: 'redis ~19.6', switches: [{ condition: [], tags: [] }], keys: ['redis'], outOfRange: { dir: 'bitnami/redis', version: '20.1.0' } },
      { name: 'web', shown: 'web *', switches: [{ condition: [], tags: [] }], keys: ['web'] },
    ]);
    // Helm's ranges: `,` joins comparators; none (or an empty one) allows any, the highest wins.
    expect(declaring('  - {name: common, version: ">= 1.0, < 3.0", repository: "https://x"}\n').localDependencies.map((d) => d.dir)).toEqual(['bitnami/common']);
    expect(declaring('  - {name: common, repository: "https://x"}\n').localDependencies.map((d) => d.dir)).toEqual(['next/common']);
    // The version a Chart.lock pins is kept when it is not the one that stands in.
    const locked = readChart('charts/web/Chart.yaml', `apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - {name: common, version: 2.x.x, repository: "${oci}"}\n`, [], undefined, repository, `dependencies:\n- name: common\n  repository: ${oci}\n  version: 2.31.4\n`);
    expect(locked.localDependencies[0]!.standIn).toEqual({ declared: 'common 2.x.x', repository: oci, version: '2.31.10', library: true, locked: '2.31.4' });
    const current = readChart('charts/web/Chart.yaml', `apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - {name: common, version: 2.x.x, repository: "${oci}"}\n`, [], undefined, repository, 'dependencies:\n- name: common\n  version: 2.31.10\n');
    expect(current.localDependencies[0]!.standIn!.locked).toBeUndefined();
    // Vendored in charts/, it is helm's own: nothing stands in.
    const vendored = readChart('charts/web/Chart.yaml', `apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - {name: common, version: 2.x.x, repository: "${oci}"}\n`, ['charts/web/charts/common-2.31.4.tgz'], undefined, repository);
    expect([vendored.localDependencies, vendored.missingDependencies]).toEqual([[], []]);
  });

  it('knows a library chart', () => {
    expect(readChart('charts/common/Chart.yaml', 'apiVersion: v2\nname: common\nversion: 1.0.0\ntype: library\n', []).library).toBe(true);
  });
});
