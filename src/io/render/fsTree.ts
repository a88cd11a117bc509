/**
 * Trees to render for `check`, read from the file system: every regular
 * file under the folders given (not only manifests: templates, helpers and
 * values files are part of a chart), relative to the working directory,
 * and what their kustomizations reference outside them (`check
 * overlays/prod` renders with `../../base`), and for a file given alone the
 * kustomizations above it that use it. Links, .git and node_modules
 * are not followed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isKustomizationFile, kustomizationNames, readKustomization } from '../../render/kustomization.js';
import { readChart } from '../../render/chart.js';
import { leftOffFiles } from '../../render/leftOff.js';
import { dirOf, inDir, joinPath } from '../../render/paths.js';
import type { TreeReader } from './trees.js';

const skipped = new Set(['.git', 'node_modules']);

async function walk(root: string, directory: string, out: Map<string, string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return; // an unreadable folder: the manifest reader reports it
  }
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && !skipped.has(entry.name)) await walk(root, full, out);
    else if (entry.isFile()) out.set(path.relative(root, full).split(path.sep).join('/'), full);
  }
}

/** The regular files directly in a folder (a kustomization's folder: its own files, not its subfolders). */
async function filesIn(root: string, directory: string, out: Map<string, string>): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isFile()) out.set(path.relative(root, path.join(directory, entry.name)).split(path.sep).join('/'), path.join(directory, entry.name));
}

/**
 * Add what the listed kustomizations reference but the listing lacks (a
 * base beside the overlay given), transitively: a referenced folder's own
 * files, a referenced file. Only inside `cwd`; kustomize reports anything
 * still missing when it renders.
 */
async function addReferences(cwd: string, listing: Map<string, string>, maxBytes: number): Promise<void> {
  const done = new Set<string>();
  for (;;) {
    const pending = [...listing.keys()].filter((file) => isKustomizationFile(file) && !done.has(file));
    if (pending.length === 0) return;
    for (const file of pending) {
      done.add(file);
      const text = await readSmall(listing.get(file)!, maxBytes);
      if (text === null) continue;
      const k = readKustomization(file, text, new Set(listing.keys()));
      for (const reference of k.missing) {
        const target = joinPath(k.dir, reference);
        if (target === null || target === '') continue;
        const full = path.join(cwd, ...target.split('/'));
        const found = await stat(full).catch(() => null);
        if (found?.isDirectory()) await filesIn(cwd, full, listing);
        else if (found?.isFile()) listing.set(target, full);
      }
    }
  }
}

/** Whether a chart listed declares dependencies its `charts/` does not hold (the repository may: chart.ts). */
async function lacksDependencies(listing: ReadonlyMap<string, string>, maxBytes: number): Promise<boolean> {
  const paths = [...listing.keys()];
  for (const [file, absolute] of listing) {
    if (path.posix.basename(file) !== 'Chart.yaml') continue;
    const requirements = listing.get(inDir(dirOf(file), 'requirements.yaml'));
    const text = await readSmall(absolute, maxBytes);
    if (text === null || (!text.includes('dependencies') && requirements === undefined)) continue;
    const declared = requirements === undefined ? undefined : ((await readSmall(requirements, maxBytes)) ?? undefined);
    if (readChart(file, text, paths, declared).missingDependencies.length > 0) return true;
  }
  return false;
}

/** A file's text, or null when it cannot be read or is over `maxBytes` (the manifest reader reports it). */
async function readSmall(absolute: string, maxBytes: number): Promise<string | null> {
  const info = await stat(absolute).catch(() => null);
  return info === null || info.size > maxBytes ? null : readFile(absolute, 'utf8');
}

/** A folder's kustomization as read from disk (null: none, or too large to read). */
interface FolderKustomization {
  readonly file: string;
  readonly absolute: string;
  readonly text: string;
}

/** The kustomization of a folder, read once per run whatever the number of files given in it. */
async function kustomizationOf(cwd: string, dir: string, maxBytes: number, memo: Map<string, FolderKustomization | null>): Promise<FolderKustomization | null> {
  if (memo.has(dir)) return memo.get(dir)!;
  let found: FolderKustomization | null = null;
  for (const name of kustomizationNames) {
    const file = dir === '' ? name : `${dir}/${name}`;
    const absolute = path.join(cwd, ...file.split('/'));
    const info = await stat(absolute).catch(() => null);
    if (info === null || !info.isFile()) continue;
    // The first name found is the one kustomize reads, as kustomizationIn picks it.
    if (info.size <= maxBytes) found = { file, absolute, text: await readFile(absolute, 'utf8') };
    break;
  }
  memo.set(dir, found);
  return found;
}

/**
 * A file given alone (`check overlays/prod/debug.yaml`): the kustomizations
 * in the folders above it, up to `cwd`, that use it directly (a resource, a
 * patch, a generator's input) join the listing, so that it is judged through
 * their rendering, as a patch is never a manifest of its own. Components
 * are left out: they do not build alone, so such a file stays a plain one.
 * Those that name it only in a comment (a patch they leave off, leftOff.ts:
 * a pre-commit hook's staged Kubebuilder patch) go to `leftOffBy`: read for
 * that, never rendered.
 */
async function addOwners(
  cwd: string,
  file: string,
  listing: Map<string, string>,
  leftOffBy: Map<string, string>,
  maxBytes: number,
  memo: Map<string, FolderKustomization | null>,
): Promise<void> {
  for (let dir = dirOf(file); ; dir = dirOf(dir)) {
    const k = await kustomizationOf(cwd, dir, maxBytes, memo);
    if (k !== null && !/^kind:\s*Component\s*$/m.test(k.text)) {
      // Only the file matters here: its references resolve against it alone.
      const only = new Set([file]);
      const read = readKustomization(k.file, k.text, only);
      if ([...read.resourceFiles, ...read.otherFiles, ...read.patches.map((p) => p.path)].includes(file)) listing.set(k.file, k.absolute);
      else if (leftOffFiles([read], new Map([[k.file, k.text]]), only, new Set()).length > 0) leftOffBy.set(k.file, k.absolute);
    }
    if (dir === '') return;
  }
}

/** The files under `args` (inside `cwd` only: a rendering reads its root's folder, never above the working directory). */
export function fsTreeReader(cwd: string, args: readonly string[], maxBytes: number, { wholeTree = false }: { readonly wholeTree?: boolean } = {}): TreeReader {
  return {
    async list() {
      const listing = new Map<string, string>();
      const leftOffBy = new Map<string, string>();
      const kustomizations = new Map<string, FolderKustomization | null>();
      for (const arg of args) {
        const absolute = path.resolve(cwd, arg);
        const relative = path.relative(cwd, absolute);
        if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
        const info = await stat(absolute).catch(() => null);
        if (info?.isDirectory()) await walk(cwd, absolute, listing);
        else if (info?.isFile()) {
          const file = relative.split(path.sep).join('/');
          listing.set(file, absolute);
          await addOwners(cwd, file, listing, leftOffBy, maxBytes, kustomizations);
        }
      }
      await addReferences(cwd, listing, maxBytes);
      const whole = wholeTree || (await lacksDependencies(listing, maxBytes));
      if (!whole && leftOffBy.size === 0) return { files: listing, truncated: false };
      const given = new Set(listing.keys());
      // GitOps objects among them may install charts from anywhere in the working directory, and a chart's
      // dependencies may be charts of it (`file://../common`, or one of the name): it is listed whole, what was given named apart.
      if (whole) await walk(cwd, cwd, listing);
      // A kustomization that leaves a file given off is listed but not given: not taken in, so never rendered.
      for (const [file, absolute] of leftOffBy) listing.set(file, absolute);
      return { files: listing, truncated: false, given };
    },
    async read(_commit, listing, paths) {
      const files = new Map<string, Uint8Array>();
      for (const p of paths) {
        const absolute = listing.get(p);
        if (absolute === undefined) continue;
        const info = await stat(absolute).catch(() => null);
        if (info === null || info.size > maxBytes) continue;
        files.set(p, await readFile(absolute));
      }
      return files;
    },
  };
}
