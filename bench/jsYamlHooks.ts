/** Module hooks of bench/jsYamlAsBundled.ts: js-yaml's source, transformed as it says. */
import { transform } from 'esbuild';
import type { TransformOptions } from 'esbuild';
import type { InitializeHook, LoadHook } from 'node:module';

export interface JsYamlHooksData {
  /** The source of the regular expression that js-yaml's module URLs match. */
  readonly module: string;
  readonly lowering: TransformOptions;
}

let module: RegExp | undefined;
let lowering: TransformOptions = {};

export const initialize: InitializeHook<JsYamlHooksData> = (data) => {
  module = new RegExp(data.module);
  lowering = data.lowering;
};

export const load: LoadHook = async (url, context, nextLoad) => {
  const loaded = await nextLoad(url, context);
  if (module?.test(url) !== true || loaded.source === undefined || loaded.source === null) return loaded;
  const source = typeof loaded.source === 'string' ? loaded.source : Buffer.from(loaded.source as Uint8Array).toString('utf8');
  return { ...loaded, source: (await transform(source, lowering)).code };
};
