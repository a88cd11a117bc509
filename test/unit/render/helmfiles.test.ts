/** Changed helmfile files that install a chart of this repository: a notice, never a silent pass. */
import { describe, expect, it } from 'vitest';
import { changedFile } from '../../helpers/changedFile.js';
import { unrenderedHelmfiles } from '../../../src/render/helmfiles.js';


const helmfile = [
  'repositories:',
  '  - name: bitnami',
  '    url: https://charts.bitnami.com/bitnami',
  'releases:',
  '  - name: cache',
  '    chart: bitnami/redis',
  '  - name: web',
  '    namespace: {{ .Environment.Name }}',
  '    chart: "./charts/web"   # ours',
  '    values:',
  '      - values/web-{{ .Environment.Name }}.yaml',
  '    set:',
  '      - name: hostNetwork',
  '        value: true',
  '  - chart: ../shared/charts/api/',
  '    name: api',
  '  - name: web-canary',
  '    chart: ./charts/web',
  '',
].join('\n');

describe('unrenderedHelmfiles', () => {
  it("gives a helmfile whose releases install local charts a notice on the first one's line, naming each chart once and how to render its values", () => {
    const [notice, ...more] = unrenderedHelmfiles({ files: [changedFile('deploy/helmfile.yaml', '', helmfile)] }, new Set());
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ file: 'deploy/helmfile.yaml', line: 9, kind: 'not-rendered' });
    expect(notice!.message).toBe(
      'helmfile releases are not rendered here, so what this file gives `./charts/web`, `../shared/charts/api` (values, `set`) is not checked: ' +
        'name the values files in `render.charts[].values` of the config file for each chart',
    );
  });

  it('reads helmfile.d folders and templated (.gotmpl) files; says nothing of remote charts, removed files, or other names', () => {
    const local = 'releases:\n- name: web\n  chart: ./charts/web\n';
    const files = [
      changedFile('helmfile.d/10-web.yaml.gotmpl', '', local),
      changedFile('helmfile.yml', '', 'releases:\n  - name: cache\n    chart: bitnami/redis\n'),
      changedFile('old/helmfile.yaml', '', null),
      changedFile('deploy/releases.yaml', '', local),
    ];
    expect(unrenderedHelmfiles({ files }, new Set()).map((notice) => [notice.file, notice.line])).toEqual([['helmfile.d/10-web.yaml.gotmpl', 3]]);
  });

  it('names the first three charts and counts the rest', () => {
    const text = ['a', 'b', 'c', 'd', 'e'].map((name) => `- name: ${name}\n  chart: ./charts/${name}\n`).join('');
    const [notice] = unrenderedHelmfiles({ files: [changedFile('helmfile.yaml', '', `releases:\n${text}`)] }, new Set());
    expect(notice!.message).toMatch(/gives `\.\/charts\/a`, `\.\/charts\/b`, `\.\/charts\/c` and 2 more \(values/);
  });

  it('names only the charts the config file does not render; for those it renders, only `set` entries keep a notice', () => {
    const files = [changedFile('deploy/helmfile.yaml', '', helmfile)];
    // ./charts/web of deploy/helmfile.yaml is deploy/charts/web; ../shared/charts/api is shared/charts/api.
    expect(unrenderedHelmfiles({ files }, new Set(['deploy/charts/web'])).map((notice) => [notice.line, notice.message.slice(0, 90)])).toEqual([
      [15, 'helmfile releases are not rendered here, so what this file gives `../shared/charts/api` (v'],
    ]);
    const [set] = unrenderedHelmfiles({ files }, new Set(['deploy/charts/web', 'shared/charts/api']));
    expect(set).toMatchObject({ file: 'deploy/helmfile.yaml', line: 9, kind: 'not-rendered' });
    expect(set!.message).toMatch(/^helmfile releases are not rendered here, so what the `set` entries of this file give its charts is not checked: write those values in a values file/);
    const withoutSet = [changedFile('helmfile.yaml', '', 'releases:\n- name: web\n  chart: ./charts/web\n  values: [values/web.yaml]\n')];
    expect(unrenderedHelmfiles({ files: withoutSet }, new Set(['charts/web']))).toEqual([]);
  });
});
