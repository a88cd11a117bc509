/**
 * JSON with comments or trailing commas ("JSONC"): the configuration files
 * of editors and build tools (`tsconfig.json`, `.vscode/settings.json`,
 * `.devcontainer/devcontainer.json`, `turbo.json`) that sit beside the
 * manifests of an application repository and match the default `**\/*.json`.
 *
 * kubectl reads a file that starts with `{` as strict JSON, so such a file
 * is malformed to it; but none of these is ever applied to a cluster, and
 * reporting it failed the check of every pull request that touched one.
 * A `.json` file that strict JSON refuses is left alone, like any other file
 * that holds no Kubernetes object, when it reads as JSONC and none of its
 * values names an `apiVersion` or a `kind`. One that does is a manifest that
 * kubectl would refuse: it stays malformed, with strict JSON's message.
 * So too a `.yaml` file written as a flow mapping that strict JSON refuses
 * (markdownlint's `.markdownlint.yaml`: `{ "MD013": false, }`, a bare
 * `one`): when it reads as YAML and names no object, it is configuration.
 */
import { parse } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { noYamlWarnings } from '../yamlWarnings.js';
import type { ParseError } from 'jsonc-parser';

/** What jsonc-parser reads: comments, trailing commas, one value. */
const jsoncOptions = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false } as const;

/** A `.json` file's name, and a text that starts (after blanks) as JSON or with a comment. */
const jsonName = /\.json$/i;
const jsoncStart = /^\s*(?:\{|\[|\/\/|\/\*)/;

/**
 * Whether a file that is not strict JSON is a JSONC configuration file: its
 * name ends in `.json`, it reads as one JSONC value, and that value holds no
 * Kubernetes object (no `apiVersion` or `kind` in it or in its items).
 */
export function isJsoncConfiguration(file: string, text: string): boolean {
  if (!jsonName.test(file) || !jsoncStart.test(text)) return false;
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, jsoncOptions);
  return errors.length === 0 && !namesAnObject(value);
}

/** An object with an `apiVersion` or a `kind`, or a list of values one of which is. */
function namesAnObject(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(namesAnObject);
  return typeof value === 'object' && value !== null && (Object.hasOwn(value, 'apiVersion') || Object.hasOwn(value, 'kind'));
}

/** A `.yaml` or `.yml` file's name. */
const yamlName = /\.ya?ml$/i;

/**
 * Whether a YAML file that opens as JSON and is not strict JSON is
 * configuration: it reads as YAML without an error, and none of its
 * documents holds a Kubernetes object.
 */
export function isYamlConfiguration(file: string, text: string): boolean {
  if (!yamlName.test(file)) return false;
  const documents = parseAllDocuments(text, noYamlWarnings);
  if (!Array.isArray(documents) || documents.some((document) => document.errors.length > 0)) return false;
  return !documents.some((document) => namesAnObject(document.toJS()));
}
