/**
 * The parameters an Argo CD ApplicationSet's git `files` generator reads
 * from JSON or YAML files of this repository (pure), as its controller
 * makes them without Go templates:
 * - the files are those its `files` patterns list (`exclude: true` ones
 *   taken out), in path order;
 * - each file is one object, or a list of objects, each making one
 *   Application;
 * - an object's fields are flattened with dots (`cluster.name`, `hosts.0`),
 *   each value printed as Go's `%v` prints it (`true`, `<nil>`, `1e+06`);
 * - then the file's place: `path` (its folder, `.` at the root),
 *   `path.basename`, `path.filename`, `path.basenameNormalized`,
 *   `path.filenameNormalized`, `path[n]`, behind `pathParamPrefix` when set.
 *
 * What the controller would do differently from this, or might, is refused
 * (null), and the set keeps its notice: a pattern whose files depend on
 * which of its two globbing modes the controller runs (`git ls-files`
 * pathspecs by default, doublestar globs with
 * `--enable-new-git-file-globbing`), a file that does not read as one object
 * or a list of them, a number `%v` would print otherwise than JavaScript,
 * two fields that flatten to one name.
 */
import { Minimatch } from 'minimatch';
import { loadManifestFile } from '../manifests/load.js';
import { isObject } from '../pss/pod.js';
import type { JsonObject, JsonValue } from '../pss/types.js';
import { goText } from './goText.js';
import { dirOf } from './paths.js';
import type { LineSpan } from './types.js';

/**
 * The parameters of one Application, and the files of the repository they
 * were read from. Without Go templates each is a string named with dots
 * (`path.basename`); with them each top-level name holds a value, nested
 * maps and lists included (`path` is a map of `path`, `basename`, …).
 */
export interface Parameters {
  readonly values: Map<string, JsonValue>;
  readonly files: readonly string[];
  /** The lines of the set's own file that gave them (a list element's), when some did. */
  readonly spans?: readonly LineSpan[];
}

/** How a set's template is filled: Argo CD's `{{name}}` substitution (flat parameters), or Go templates (`goTemplate: true`). */
export type TemplateMode = 'flat' | 'go';

/** Past this many files, a generator's Applications are not made here (the set keeps its notice). */
const maxGeneratorFiles = 100;

/**
 * The files a `files` generator reads, in the order the controller reads
 * them; null when they are not known here (a pattern the globbing modes
 * read apart, or past maxGeneratorFiles).
 */
export function generatorFiles(entries: JsonValue, paths: ReadonlySet<string>): string[] | null {
  if (!Array.isArray(entries) || entries.length === 0) return null;
  const listing = listingOf(paths);
  const taken = new Set<string>();
  const excluded = new Set<string>();
  for (const entry of entries) {
    if (!isObject(entry) || typeof entry.path !== 'string') return null;
    const matched = filesMatching(entry.path, listing);
    if (matched === null) return null;
    for (const file of matched) (entry.exclude === true ? excluded : taken).add(file);
  }
  const files = [...taken].filter((file) => !excluded.has(file)).sort();
  return files.length > maxGeneratorFiles ? null : files;
}

/**
 * The parameters of each Application a file makes (`text`: what it holds,
 * `prefix`: `pathParamPrefix`); null when the controller would refuse the
 * file or read it otherwise than here.
 */
export function fileParameters(file: string, text: string, prefix: string, mode: TemplateMode): Parameters[] | null {
  const objects = objectsOf(file, text);
  if (objects === null) return null;
  const all: Parameters[] = [];
  for (const object of objects) {
    const values = mode === 'go' ? new Map(Object.entries(object).map(([key, value]) => [key, value ?? null])) : flattened(object);
    if (values === null) return null;
    // The file's place is put in after its fields: a field of the same name gives way.
    const place = placeParameters(file, prefix, mode);
    for (const [key, value] of place) values.set(key, value);
    all.push({ values, files: [file] });
  }
  return all;
}

/**
 * Argo CD's parameters of a folder (`prefix`: `pathParamPrefix`, or ''):
 * the folder, its last name, that name as a Kubernetes name would have it,
 * and each of its names by position; `more` beside them (a file's name).
 * Flat, they are `path`, `path.basename`, … and `path[n]`; for Go
 * templates, one map `path` (under `prefix` when set) of `path`,
 * `basename`, … and the list `segments`.
 */
export function folderParameters(folder: string, prefix: string, mode: TemplateMode, more: Readonly<Record<string, string>> = {}): Map<string, JsonValue> {
  const named: Record<string, string> = { basename: baseOf(folder), basenameNormalized: sanitizedName(baseOf(folder)), ...more };
  const segments = folder.split('/');
  if (mode === 'go') {
    const place: JsonObject = { path: folder, ...named, segments };
    return new Map([prefix === '' ? ['path', place] : [prefix, { path: place }]]);
  }
  const name = prefix === '' ? 'path' : `${prefix}.path`;
  const params = new Map<string, JsonValue>([[name, folder], ...Object.entries(named).map(([key, value]) => [`${name}.${key}`, value] as const)]);
  segments.forEach((segment, n) => {
    if (segment !== '') params.set(`${name}[${n}]`, segment);
  });
  return params;
}

/** A file's place: its folder's parameters, and its own name. */
function placeParameters(file: string, prefix: string, mode: TemplateMode): Map<string, JsonValue> {
  const name = baseOf(file);
  return folderParameters(dirOf(file) === '' ? '.' : dirOf(file), prefix, mode, { filename: name, filenameNormalized: sanitizedName(name) });
}

/** Go's path.Base of a clean, relative path. */
function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Argo CD's SanitizeName: lower case, every character but `a-z`, `0-9`,
 * `-` and `.` a dash, at most 253 characters, no dash or dot at either end.
 */
export function sanitizedName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-a-z0-9.]/gu, '-')
    .slice(0, 253)
    .replace(/^[-.]+|[-.]+$/g, '');
}

// ---------------------------------------------------------------------------
// Which files a pattern lists.

/** What the two globbing modes may read apart (brackets, braces, escapes), a pathspec's magic (`:(glob)`), or a path that is not plain: empty, `.` or `..` segments, a leading or trailing slash. */
const unsure = /[[\]{}\\]|^:|(^|\/)\.{0,2}(\/|$)/;

/**
 * The files of the tree a pattern lists, when both of the controller's
 * modes list the same; else null. By default it runs `git ls-files --
 * <pattern>`: a pathspec, whose `*` and `?` match a slash too, and which
 * without wildcards lists a file or everything in a folder. With the new
 * globbing it runs doublestar, whose `*` stays within a folder, `**` spans
 * folders, and which lists folders too (reading one as a file fails).
 */
function filesMatching(pattern: string, listing: Listing): string[] | null {
  let matched = listing.matched.get(pattern);
  if (matched === undefined) listing.matched.set(pattern, (matched = matchedBoth(pattern, listing)));
  return matched;
}

function matchedBoth(pattern: string, listing: Listing): string[] | null {
  const { paths, all } = listing;
  if (pattern === '' || unsure.test(pattern)) return null;
  if (!/[*?]/.test(pattern)) {
    if (paths.has(pattern)) return [pattern];
    // A folder: all its files to git, the folder itself to doublestar.
    return all.some((path) => path.startsWith(`${pattern}/`)) ? null : [];
  }
  const pathspec = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')}$`);
  const doublestar = new Minimatch(pattern, { dot: true, nobrace: true, noext: true, nonegate: true, nocomment: true });
  const glob = (path: string) => doublestar.match(path);
  const byGit = all.filter((path) => pathspec.test(path));
  const byGlob = new Set(all.filter(glob));
  if (byGit.length !== byGlob.size || byGit.some((path) => !byGlob.has(path))) return null;
  return foldersOf(listing).some(glob) ? null : byGit;
}

/**
 * A tree's paths as patterns are matched against them, with what they
 * matched: a set's files are listed when the stage reads them and again
 * when it makes the set's Applications, for the change's files and the
 * standing ones alike.
 */
interface Listing {
  readonly paths: ReadonlySet<string>;
  readonly all: readonly string[];
  folders?: readonly string[];
  readonly matched: Map<string, string[] | null>;
}

const listings = new WeakMap<ReadonlySet<string>, Listing>();

function listingOf(paths: ReadonlySet<string>): Listing {
  let listing = listings.get(paths);
  if (listing === undefined) listings.set(paths, (listing = { paths, all: [...paths], matched: new Map() }));
  return listing;
}

/** Every folder of the tree, found once. */
function foldersOf(listing: Listing): readonly string[] {
  if (listing.folders === undefined) {
    const folders = new Set<string>();
    for (const path of listing.all) for (let dir = dirOf(path); dir !== '' && !folders.has(dir); dir = dirOf(dir)) folders.add(dir);
    listing.folders = [...folders];
  }
  return listing.folders;
}

// ---------------------------------------------------------------------------
// What a file holds.

/** A document marker after the first content: the controller reads the first document only. */
const laterDocument = /\n(?:---|\.\.\.)(?:[ \t\r]|$)/m;

/**
 * The objects a file holds as the controller reads it (sigs.k8s.io/yaml,
 * as kubectl reads a document): one object (none at all is an empty one),
 * or a list of objects (a null item is an empty one); null otherwise.
 */
function objectsOf(file: string, text: string): JsonObject[] | null {
  const { documents, problems } = loadManifestFile(file, text);
  if (problems.length > 0 || documents.length > 1 || laterDocument.test(withoutLeadingMarker(text))) return null;
  const value = documents[0]?.value ?? null;
  if (value === null) return [{}];
  if (isObject(value)) return [value];
  if (!Array.isArray(value)) return null;
  const objects: JsonObject[] = [];
  for (const item of value) {
    if (item === null) objects.push({});
    else if (isObject(item)) objects.push(item);
    else return null;
  }
  return objects;
}

/** The text after a `---` that starts its first document (after blank and comment lines). */
function withoutLeadingMarker(text: string): string {
  const start = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*---(?=[ \t\r\n]|$)/.exec(text);
  return start === null ? text : text.slice(start[0].length);
}

/** An object's fields flattened with dots, each printed as `%v` prints it; null when one would print otherwise, or two take one name. */
function flattened(object: JsonObject): Map<string, JsonValue> | null {
  const values = new Map<string, JsonValue>();
  // The top level's keys (`key` null) have no dot before them; an empty object or list adds nothing.
  const visit = (value: JsonValue, key: string | null): boolean => {
    const inner = (name: string | number) => (key === null ? String(name) : `${key}.${name}`);
    if (Array.isArray(value)) return value.every((item, i) => visit(item, inner(i)));
    if (isObject(value)) return Object.entries(value).every(([name, item]) => visit(item ?? null, inner(name)));
    const text = goText(value);
    if (key === null || text === null || values.has(key)) return false;
    values.set(key, text);
    return true;
  };
  return visit(object, null) ? values : null;
}
