/** Module hooks of bench/jsYamlAsBundled.ts: js-yaml's source, with its object spreads lowered. */
import type { LoadHook } from 'node:module';
import { jsYamlModule, lowerSpreads } from '../scripts/jsYamlSpreads.js';

export const load: LoadHook = async (url, context, nextLoad) => {
  const loaded = await nextLoad(url, context);
  if (!jsYamlModule.test(url) || loaded.source === undefined || loaded.source === null) return loaded;
  const source = typeof loaded.source === 'string' ? loaded.source : Buffer.from(loaded.source as Uint8Array).toString('utf8');
  return { ...loaded, source: await lowerSpreads(source) };
};
