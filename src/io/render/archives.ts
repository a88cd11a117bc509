/**
 * The texts inside a chart's vendored dependency archive
 * (`charts/web/charts/redis-1.2.3.tgz`, what `helm dependency build`
 * leaves), under the paths they would have as a folder
 * (`charts/web/charts/redis/templates/x.yaml`), so that a finding in the
 * subchart can be followed to the parent's values line that sets it
 * (helmMap.ts). They are read, never written: no fix edits an archive.
 *
 * nanotar reads the tar (zero dependencies, in memory, synchronously);
 * node:zlib unpacks the gzip. An archive that does not unpack gives none.
 */
import { gunzipSync } from 'node:zlib';
import { parseTar } from 'nanotar';

/** Whether a path is a chart dependency archive in a `charts/` folder. */
export function isChartArchive(path: string): boolean {
  return /(?:^|\/)charts\/[^/]+\.tgz$/.test(path);
}

/** The archive's text files (templates, values, Chart.yaml) by the path they would have unpacked beside it. */
export function chartArchiveTexts(path: string, data: Uint8Array): Map<string, string> {
  const texts = new Map<string, string>();
  const folder = path.slice(0, path.lastIndexOf('/'));
  let entries;
  try {
    entries = parseTar(gunzipSync(data));
  } catch {
    return texts;
  }
  for (const entry of entries) {
    // Entries are `<chart>/…`; anything else (climbing out, or beside the chart's folder) is not a chart's file.
    const parts = entry.name.split('/');
    if (entry.type !== 'file' || parts.length < 2 || parts.includes('..') || !/\.(?:ya?ml|tpl|json)$/.test(entry.name)) continue;
    texts.set(`${folder}/${entry.name}`, entry.text);
  }
  return texts;
}
