/**
 * How the base commit installed what each installer of the head commit
 * installs (pure): an Argo CD Application, the Applications of an
 * ApplicationSet, a Flux HelmRelease or a helmfile release, found again in
 * the base tree by kind, file, name and the name of the Application a set
 * makes.
 *
 * A change that edits an Application's values files, release name,
 * namespace or capabilities, or the file an ApplicationSet reads its
 * parameters from, changes what the cluster runs though the chart and its
 * values files stay as they were: the base side of its rendering must be
 * what the base commit installed, or both sides render alike and the
 * change passes unreported. An installer the base commit does not have
 * (a new Application, a new list element, a chart moved to another folder)
 * renders nothing at base: all it installs is new.
 */
import { loadManifestFile } from '../manifests/load.js';
import { isObject } from '../pss/pod.js';
import type { ApplicationChart, InstallAtBase, TextFile } from './applications.js';
import type { RenderRoot } from './types.js';

/** A root as its base side renders: with the base commit's install (HelmInvocation.atBase), or null when it had none. */
export function rootAtBase(root: RenderRoot): RenderRoot | null {
  const atBase = root.helm?.atBase;
  if (atBase === undefined || root.helm === null) return root;
  return atBase === null ? null : { ...root, helm: { ...root.helm, ...atBase } };
}

/**
 * `head` with each installer's install at base, where it differs from head
 * (`atBase`): its settings there, or null when the base commit has no such
 * install. `base` holds the installers the base texts make (`baseTexts`,
 * named by their paths at head); an installer whose file the base commit
 * has but whose installs there are not known (a set kept to its notice)
 * is left as it is, rendered with its head settings at both sides.
 */
export function withInstallsAtBase(head: readonly ApplicationChart[], base: readonly ApplicationChart[], baseTexts: readonly TextFile[]): ApplicationChart[] {
  const byKey = new Map(base.map((installer) => [keyOf(installer), installer]));
  const installers = new Set(base.map(installerKey));
  const texts = new Map(baseTexts.map((file) => [file.path, file.text]));
  const objects = new Map<string, ReadonlySet<string>>();
  const objectsIn = (file: string, text: string) => {
    let found = objects.get(file);
    if (found === undefined) objects.set(file, (found = objectsOf(file, text)));
    return found;
  };
  return head.map((installer) => {
    const atBase = installAtBase(installer, byKey.get(keyOf(installer)), installers, texts.get(installer.file), objectsIn);
    return atBase === undefined ? installer : { ...installer, atBase };
  });
}

/** The install at base of one installer (undefined: as at head, or not known). */
function installAtBase(
  installer: ApplicationChart,
  found: ApplicationChart | undefined,
  installers: ReadonlySet<string>,
  baseText: string | undefined,
  objectsIn: (file: string, text: string) => ReadonlySet<string>,
): InstallAtBase | null | undefined {
  if (found !== undefined) {
    if (found.chartDir !== installer.chartDir) return null;
    const atBase = settingsOf(found);
    return JSON.stringify(atBase) === JSON.stringify(settingsOf(installer)) ? undefined : atBase;
  }
  // A helmfile's releases are not told apart from those it renders elsewhere: left as they are.
  if (installer.kind === 'HelmfileRelease' || baseText === undefined) return undefined;
  // The object is new in its file, or its set made its Applications at base and not this one.
  if (!objectsIn(installer.file, baseText).has(`${installer.kind}\u0000${installer.name}`)) return null;
  return installers.has(installerKey(installer)) && installer.generated !== undefined ? null : undefined;
}

/** What an install gives helm besides the chart. */
function settingsOf({ release, namespace, valueFiles, capabilities }: ApplicationChart): InstallAtBase {
  return { release, namespace, valueFiles, ...(capabilities !== undefined ? { capabilities } : {}) };
}

function installerKey({ kind, file, name }: ApplicationChart): string {
  return `${kind}\u0000${file}\u0000${name}`;
}

function keyOf(installer: ApplicationChart): string {
  return `${installerKey(installer)}\u0000${installer.generated ?? ''}`;
}

/** The Argo CD and Flux objects of a file, as `kind\0name`. */
function objectsOf(file: string, text: string): Set<string> {
  const found = new Set<string>();
  for (const { value } of loadManifestFile(file, text).documents) {
    if (!isObject(value) || typeof value.kind !== 'string' || !isObject(value.metadata)) continue;
    found.add(`${value.kind}\u0000${String(value.metadata.name ?? '')}`);
  }
  return found;
}
