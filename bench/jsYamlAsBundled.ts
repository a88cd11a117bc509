/**
 * Preloaded into every benchmark child (`--import`, after tsx): js-yaml is
 * loaded with its object spreads lowered, as the bundles inline it
 * (scripts/jsYamlSpreads.ts says why), so that the stages that run the
 * sources time the parser users run, on Node 20 too. The hooks get what to
 * lower and how as data: modules that the hooks thread loads do not all go
 * through tsx.
 */
import { register } from 'node:module';
import { jsYamlModule, lowering } from '../scripts/jsYamlSpreads.js';
import type { JsYamlHooksData } from './jsYamlHooks.js';

const data: JsYamlHooksData = { module: jsYamlModule.source, lowering };
register('./jsYamlHooks.ts', { parentURL: import.meta.url, data });
