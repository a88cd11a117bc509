/**
 * The Node binaries to run the bundles with: this one, plus any listed in
 * PSR_EXTRA_NODES (colon-separated paths). .ci/run puts Node 24 there, the
 * runtime action.yml declares, so both supported majors are exercised.
 */
import { spawnSync } from 'node:child_process';

export interface NodeBinary {
  readonly path: string;
  readonly version: string;
}

export function nodeBinaries(): NodeBinary[] {
  const extra = (process.env.PSR_EXTRA_NODES ?? '').split(':').filter((p) => p !== '');
  return [process.execPath, ...extra].map((path) => {
    const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`PSR_EXTRA_NODES names ${path}, which does not run`);
    return { path, version: result.stdout.trim() };
  });
}
