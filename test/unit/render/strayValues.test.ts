/** Changed Helm values files that no rendering reads: a notice, never a silent pass. */
import { describe, expect, it } from 'vitest';
import { changedFile } from '../../helpers/changedFile.js';
import { strayValuesFiles } from '../../../src/render/strayValues.js';


const privileged = 'hostNetwork: true\nsecurityContext:\n  privileged: true\n';

describe('strayValuesFiles', () => {
  it('gives a values file no rendering consumes a notice that leaves the run neutral, saying how to render it', () => {
    const [notice, ...more] = strayValuesFiles({ files: [changedFile('environments/prod/web-values.yaml', null, privileged)] }, new Set(), new Set(['environments/prod/web-values.yaml']));
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ file: 'environments/prod/web-values.yaml', line: null, kind: 'not-rendered' });
    expect(notice!.message).toMatch(/^Helm values that no chart here is rendered with .*: name the file in `render\.charts\[\]\.values` of the config file/);
  });

  it('knows a values file by a folder that says values too (helmfile lays them out so)', () => {
    const files = [changedFile('values/web.yaml', '', privileged), changedFile('helm-values/prod/web.yaml', '', privileged)];
    const notices = strayValuesFiles({ files }, new Set(), new Set(files.map((f) => f.path)));
    expect(notices.map((notice) => [notice.file, notice.kind])).toEqual([
      ['values/web.yaml', 'not-rendered'],
      ['helm-values/prod/web.yaml', 'not-rendered'],
    ]);
  });

  it('says nothing of a file a rendering reads, a manifest, a file of another name, or a removed one', () => {
    const files = [
      changedFile('charts/web/values-prod.yaml', '', privileged),
      changedFile('deploy/values.yaml', '', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: values\n'),
      changedFile('deploy/settings.yaml', '', privileged),
      changedFile('old/values.yaml', '', null),
      // A list, a scalar: no values a chart reads.
      changedFile('docs/values.yaml', '', '- a\n- b\n'),
    ];
    expect(strayValuesFiles({ files }, new Set(['charts/web/values-prod.yaml']), new Set(files.map((f) => f.path)))).toEqual([]);
  });

  it('leaves to other notices a file the tree listing left out, and one beside templates that no Chart.yaml makes a chart', () => {
    const files = [changedFile('environments/prod/web-values.yaml', '', privileged), changedFile('chart/values.yaml', '', privileged)];
    expect(strayValuesFiles({ files }, new Set(), new Set(['chart/values.yaml', 'chart/templates/deployment.yaml']))).toEqual([]);
  });
});
