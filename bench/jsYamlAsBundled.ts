/**
 * Preloaded into every benchmark child (`--import`, after tsx): js-yaml is
 * loaded with its object spreads lowered, as the bundles inline it
 * (scripts/jsYamlSpreads.ts says why), so that the stages that run the
 * sources time the parser users run, on Node 20 too.
 */
import { register } from 'node:module';

register('./jsYamlHooks.ts', import.meta.url);
