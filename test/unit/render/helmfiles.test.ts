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
    const [notice, ...more] = unrenderedHelmfiles({ files: [changedFile('deploy/helmfile.yaml', '', helmfile)] });
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
    expect(unrenderedHelmfiles({ files }).map((notice) => [notice.file, notice.line])).toEqual([['helmfile.d/10-web.yaml.gotmpl', 3]]);
  });

  it('names the first three charts and counts the rest', () => {
    const text = ['a', 'b', 'c', 'd', 'e'].map((name) => `- name: ${name}\n  chart: ./charts/${name}\n`).join('');
    const [notice] = unrenderedHelmfiles({ files: [changedFile('helmfile.yaml', '', `releases:\n${text}`)] });
    expect(notice!.message).toMatch(/gives `\.\/charts\/a`, `\.\/charts\/b`, `\.\/charts\/c` and 2 more \(values/);
  });
});
