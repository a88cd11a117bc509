/**
 * What a chart's templates do to its values while helm renders them
 * (pure). Istio's charts keep their defaults under
 * `_internal_defaults_do_not_set` and merge them under `.Values` from a
 * template (`set $ "Values" (mustMergeOverwrite $defaults $.Values)`): a
 * key the values files do not set at the top is read in that map (the
 * values chain, helmMap.ts, reads it there). Falco sets
 * `.Values.falco.engine` from a helper: for such keys the files do not say
 * what an `if .Values.x` takes, so a branch they seem to rule out may well
 * be the one helm wrote.
 *
 * Read from the actions' text: `set X "k" …` and `unset X "k"` change
 * `X.k`, Sprig's merges (`merge`, `mergeOverwrite`, `mustMerge`,
 * `mustMergeOverwrite`) their first argument, where X is `.Values…`,
 * `$.Values…` or `$root.Values…`; `set <anything> "Values" …` replaces
 * every key, unless it is the merge of defaults above. A rewrite through a
 * variable that holds a part of the values (`{{- with .Values.a }}{{ set .
 * "b" 1 }}`) is not seen.
 */

/** Every key, or the keys under these prefixes (each a list of keys). */
export type Rewritten = 'all' | readonly (readonly string[])[];

export interface ValuesRewrites {
  /** The keys whose value may be other than the values files say. */
  readonly rewritten: Rewritten;
  /**
   * The values key a template merges under `.Values` as its defaults
   * (istio's `_internal_defaults_do_not_set`): a key the files do not set
   * at the top is read there. Null when none is.
   */
  readonly defaultsUnder: string | null;
}

/** A map of the values, as an action names it: `.Values.a.b`, `$.Values`, `$root.Values.a` (group 1: `.a.b`, or empty). */
const valuesMap = String.raw`(?:\$[A-Za-z0-9_]*)?\.Values((?:\.[A-Za-z0-9_]+)*)`;
const setKey = new RegExp(String.raw`\b(?:set|unset)\s+\(?\s*${valuesMap}\s+"([^"]*)"`, 'g');
const mergeInto = new RegExp(String.raw`\b(?:merge|mergeOverwrite|mustMerge|mustMergeOverwrite)\s+\(?\s*${valuesMap}(?![A-Za-z0-9_.])`, 'g');
const replacesValues = /\bset\s+(?:\$[A-Za-z0-9_]*|\.)\s+"Values"\s*(.*)/;
/** `$defaults := $.Values._internal_defaults_do_not_set` (groups: the variable, the key). */
const variableOfKey = /(\$[A-Za-z0-9_]+)\s*:?=\s*(?:\$[A-Za-z0-9_]*)?\.Values\.([A-Za-z0-9_]+)\s*(?:-?\}\})/g;

/** What the templates of one chart (the texts of its files under `templates/`) rewrite of its values. */
export function valuesRewrites(templates: Iterable<string>): ValuesRewrites {
  const prefixes: string[][] = [];
  let replaced = false;
  let defaultsUnder: string | null = null;
  for (const text of templates) {
    if (!text.includes('Values')) continue;
    const replacing = replacesValues.exec(text);
    if (replacing !== null) {
      const defaults = defaultsMerged(text, replacing[1]!);
      if (defaults === null) replaced = true;
      else defaultsUnder = defaults;
    }
    for (const match of text.matchAll(setKey)) prefixes.push([...keysOf(match[1]!), match[2]!]);
    for (const match of text.matchAll(mergeInto)) prefixes.push(keysOf(match[1]!));
  }
  return { rewritten: replaced ? 'all' : prefixes, defaultsUnder };
}

/**
 * The key whose map a replacement of `.Values` takes as defaults: `set $
 * "Values" (mustMergeOverwrite $defaults $.Values)` where `$defaults :=
 * $.Values.key` (the values then overwrite the defaults, maps merged);
 * null for any other replacement.
 */
function defaultsMerged(text: string, replacement: string): string | null {
  const merge = /^\(\s*(?:mustMergeOverwrite|mergeOverwrite)\s+(\$[A-Za-z0-9_]+)\s+(?:\$[A-Za-z0-9_]*)?\.Values\s*\)/.exec(replacement);
  if (merge === null) return null;
  const keys = [...text.matchAll(variableOfKey)].filter((match) => match[1] === merge[1]).map((match) => match[2]!);
  return keys.length === 1 ? keys[0]! : null;
}

/** Whether a key's value may be other than the values files say: it, a key inside it, or a key it is inside was rewritten. */
export function mayBeRewritten(rewritten: Rewritten, key: readonly string[]): boolean {
  if (rewritten === 'all') return true;
  return rewritten.some((prefix) => prefix.every((k, i) => i >= key.length || key[i] === k));
}

function keysOf(dotted: string): string[] {
  return dotted === '' ? [] : dotted.slice(1).split('.');
}
