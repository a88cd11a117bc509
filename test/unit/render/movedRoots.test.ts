/** Charts and overlays a change moved to another folder: found by their root file's text, rendered at base where they were. */
import { describe, expect, it } from 'vitest';
import { atOldPlace, movedFolders } from '../../../src/render/movedRoots.js';
import type { RenderRoot } from '../../../src/render/types.js';

const chartYaml = (name: string) => `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`;

describe('movedFolders', () => {
  it('takes a folder the base lacks for the one the head lacks whose root file the base had with the same text', () => {
    const head = new Map([
      ['deploy/charts/web', chartYaml('web')],
      ['charts/api', chartYaml('api')],
      ['charts/new', chartYaml('new')],
    ]);
    const base = new Map([
      ['charts/web', chartYaml('web')],
      ['charts/api', chartYaml('api')],
      ['charts/old', chartYaml('old')],
    ]);
    expect(movedFolders(head, base)).toEqual(new Map([['deploy/charts/web', 'charts/web']]));
  });

  it('moves nothing that stays, is copied, or could come from either of two folders, or to or from the root', () => {
    // charts/web stays: its copy is new.
    expect(movedFolders(new Map([['charts/web', chartYaml('web')], ['copy/web', chartYaml('web')]]), new Map([['charts/web', chartYaml('web')]]))).toEqual(new Map());
    // One folder gone, two alike at head: neither is it.
    expect(movedFolders(new Map([['a/web', chartYaml('web')], ['b/web', chartYaml('web')]]), new Map([['charts/web', chartYaml('web')]]))).toEqual(new Map());
    // Two alike gone: which one moved is not known.
    expect(movedFolders(new Map([['a/web', chartYaml('web')]]), new Map([['b/web', chartYaml('web')], ['c/web', chartYaml('web')]]))).toEqual(new Map());
    expect(movedFolders(new Map([['', chartYaml('web')]]), new Map([['charts/web', chartYaml('web')]]))).toEqual(new Map());
    // A root file edited in the move: a new root.
    expect(movedFolders(new Map([['deploy/web', chartYaml('web').replace('1.0.0', '1.1.0')]]), new Map([['charts/web', chartYaml('web')]]))).toEqual(new Map());
  });
});

describe('atOldPlace', () => {
  const root: RenderRoot = {
    tool: 'helm',
    dir: 'deploy/charts/web',
    file: 'deploy/charts/web/Chart.yaml',
    label: 'deploy/charts/web (values-prod.yaml)',
    sources: [],
    baseSources: [],
    helm: { release: 'web', namespace: 'default', namespaceGiven: false, valuesFiles: ['deploy/charts/web/values-prod.yaml', 'env/prod.yaml'], localDependencies: [{ name: 'common', dir: 'deploy/charts/common' }] } as unknown as RenderRoot['helm'],
    inflateHelm: false,
    blocked: null,
    limits: { timeoutMs: 1, maxOutputBytes: 1 } as RenderRoot['limits'],
    movedFrom: { dir: 'charts/web', file: 'charts/web/Chart.yaml', dependencies: {} },
  };

  it('renders a moved chart in its old folder, with its values files there and its dependencies from there', () => {
    const old = atOldPlace(root);
    expect([old.dir, old.file, old.helm?.valuesFiles, old.helm?.localDependencies]).toEqual(['charts/web', 'charts/web/Chart.yaml', ['charts/web/values-prod.yaml', 'env/prod.yaml'], undefined]);
    const stayed: RenderRoot = { ...root, movedFrom: undefined };
    expect(atOldPlace(stayed)).toBe(stayed);
  });
});
