/** The render port on a local git repository: both commits read as data, never checked out. */
import type { RenderPort } from '../../render/types.js';
import { openRenderer } from './renderer.js';
import { gitTreeReader } from './trees.js';

export async function gitRenderPort(repository: string, base: string, head: string, maxBytes: number): Promise<RenderPort | null> {
  return openRenderer({ reader: gitTreeReader(repository, maxBytes), base, head });
}
