/**
 * `yaml`'s node guards and scalar types, read from the package once.
 *
 * The bundles (dist/, esbuild) reach each named import of a CommonJS
 * package through a getter, on every use: the fix engine asks a node's kind
 * at every node of the documents it edits (style.ts reads them all), and
 * those getters took a fifth of that walk. Modules that walk trees import
 * the guards from here instead.
 */
// The one place that reads them from the package (eslint.config.ts sends every other module here).
// eslint-disable-next-line no-restricted-imports
import * as yaml from 'yaml';

export const { isAlias, isCollection, isMap, isPair, isScalar, isSeq } = yaml;

/** Scalar.PLAIN and its siblings: a scalar's `type`. */
export const { PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED } = yaml.Scalar;
