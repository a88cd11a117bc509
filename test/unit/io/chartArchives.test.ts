/** The texts inside a chart's vendored dependency archive (io/render/archives.ts), and a subchart's values followed through them (helmMap.ts). */
import { gzipSync } from 'node:zlib';
import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import { chartArchiveTexts, isChartArchive } from '../../../src/io/render/archives.js';
import { helmLocator } from '../../../src/render/helmMap.js';

const pod = 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: {{ .Values.hostNetwork }}\n';
const archive = gzipSync(
  createTar([
    { name: 'cache/Chart.yaml', data: 'apiVersion: v2\nname: cache\nversion: 1.0.0\n' },
    { name: 'cache/values.yaml', data: 'hostNetwork: false\n' },
    { name: 'cache/templates/pod.yaml', data: pod },
    { name: 'cache/templates/_helpers.tpl', data: '{{- define "x" }}{{ end }}' },
    { name: 'cache/files/logo.png', data: new Uint8Array([0x89, 0x50]) },
    { name: '../escape.yaml', data: 'a: 1\n' },
  ]),
);

describe('chartArchiveTexts', () => {
  it('gives the text files under the paths they would have unpacked beside the archive', () => {
    const texts = chartArchiveTexts('web/charts/cache-1.0.0.tgz', archive);
    expect([...texts.keys()]).toEqual(['web/charts/cache/Chart.yaml', 'web/charts/cache/values.yaml', 'web/charts/cache/templates/pod.yaml', 'web/charts/cache/templates/_helpers.tpl']);
    expect(texts.get('web/charts/cache/templates/pod.yaml')).toBe(pod);
  });

  it('gives nothing for an archive that does not unpack', () => {
    expect(chartArchiveTexts('web/charts/cache-1.0.0.tgz', new Uint8Array([1, 2, 3]))).toEqual(new Map());
  });

  it('knows a dependency archive by its place in a charts/ folder', () => {
    expect(['web/charts/cache-1.0.0.tgz', 'charts/cache-1.0.0.tgz'].map(isChartArchive)).toEqual([true, true]);
    expect(['web/cache-1.0.0.tgz', 'web/charts/cache/x.tgz'].map(isChartArchive)).toEqual([false, false]);
  });
});

describe('helmLocator with a subchart inside an archive', () => {
  const locate = (values: string) =>
    helmLocator({ chartDir: 'web', valuesFiles: ['web/values.yaml'], texts: new Map([['web/values.yaml', values]]), archived: chartArchiveTexts('web/charts/cache-1.0.0.tgz', archive) });

  it('follows its template to the values line of the parent, and never points into the archive', () => {
    const hits = locate('cache:\n  hostNetwork: true\n')('charts/cache/templates/pod.yaml', ['spec', 'hostNetwork'], { spec: { hostNetwork: true } });
    expect(hits).toEqual({ template: null, values: { file: 'web/values.yaml', line: 2, column: 3 } });
    // A value only the archive's own values.yaml sets has no line to show.
    expect(locate('image: web:1\n')('charts/cache/templates/pod.yaml', ['spec', 'hostNetwork'], { spec: { hostNetwork: false } })).toEqual({ template: null, values: null });
  });
});
