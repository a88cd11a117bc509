/** The API reader's search of a tree for the files that name a GitOps object (io/render/api.ts). */
import { describe, expect, it } from 'vitest';
import type { BlobRead, BlobRequest, GitHubPort } from '../../../src/github/port.js';
import { apiTreeReader, maxSearchedFiles } from '../../../src/io/render/api.js';

/** A port that serves `texts` at any commit, and counts the blobs it is asked for. */
function portOf(texts: Record<string, string>): { port: GitHubPort; asked: string[] } {
  const asked: string[] = [];
  const port = {
    async readBlobs(_owner: string, _repo: string, requests: readonly BlobRequest[]) {
      const out = new Map<string, BlobRead>();
      for (const { commit, path } of requests) {
        asked.push(path);
        const text = texts[path];
        out.set(`${commit}:${path}`, text === undefined ? { kind: 'absent' } : { kind: 'text', text });
      }
      return out;
    },
  } as unknown as GitHubPort;
  return { port, asked };
}

const listingOf = (paths: readonly string[]) => new Map(paths.map((p, i) => [p, `sha${i}`] as const));

describe('apiTreeReader.filesNaming', () => {
  it('reads the YAML and JSON files of a tree and keeps those that name one of the words', async () => {
    const texts = { 'apps/web.yaml': 'kind: Application\n', 'clusters/sync.yml': 'kind: GitRepository\n', 'deploy/pod.yaml': 'kind: Pod\n', 'README.md': 'kind: Application\n', 'x.json': '{"kind":"HelmRelease"}' };
    const { port, asked } = portOf(texts);
    const reader = apiTreeReader(port, 'acme', 'shop');
    const found = await reader.filesNaming!('h', listingOf(Object.keys(texts)), ['Application', 'HelmRelease', 'GitRepository']);
    expect([...found.files.keys()].sort()).toEqual(['apps/web.yaml', 'clusters/sync.yml', 'x.json']);
    expect(found.unsearched).toBe(0);
    // A README is never read.
    expect(asked.sort()).toEqual(['apps/web.yaml', 'clusters/sync.yml', 'deploy/pod.yaml', 'x.json']);
  });

  it('reads none of a tree of more YAML and JSON files than it searches, and says how many it left', async () => {
    const paths = Array.from({ length: maxSearchedFiles + 1 }, (_, i) => `deploy/${i}.yaml`);
    const { port, asked } = portOf({});
    const found = await apiTreeReader(port, 'acme', 'shop').filesNaming!('h', listingOf(paths), ['Application']);
    expect(found).toEqual({ files: new Map(), unsearched: maxSearchedFiles + 1 });
    expect(asked).toEqual([]);
  });
});
