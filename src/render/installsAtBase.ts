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
import type { JsonValue } from '../pss/types.js';
import { installerObject } from './applications.js';
import type { ApplicationChart, InstallAtBase, TextFile } from './applications.js';
import { atOldPlace } from './movedRoots.js';
import type { RenderRoot } from './types.js';

/** A root as its base side renders: with the base commit's install (HelmInvocation.atBase), or null when it had none. */
export function rootAtBase(headRoot: RenderRoot): RenderRoot | null {
  const root = atOldPlace(headRoot);
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
  // Each base text is read once, however many installers its file has.
  const documents = new Map<string, readonly JsonValue[] | null>();
  const holdsAtBase = (installer: ApplicationChart): boolean | undefined => {
    let values = documents.get(installer.file);
    if (values === undefined) {
      const text = texts.get(installer.file);
      documents.set(installer.file, (values = text === undefined ? null : loadManifestFile(installer.file, text).documents.map((document) => document.value)));
    }
    return values === null ? undefined : values.some((value) => installerObject(value, installer) !== null);
  };
  return head.map((installer) => {
    const atBase = installAtBase(installer, byKey.get(keyOf(installer)), installers, holdsAtBase);
    return atBase === undefined ? installer : { ...installer, atBase };
  });
}

/** The install at base of one installer (undefined: as at head, or not known). */
function installAtBase(
  installer: ApplicationChart,
  found: ApplicationChart | undefined,
  installers: ReadonlySet<string>,
  holdsAtBase: (installer: ApplicationChart) => boolean | undefined,
): InstallAtBase | null | undefined {
  if (found !== undefined) {
    if (found.chartDir !== installer.chartDir) return null;
    const atBase = settingsOf(found);
    return JSON.stringify(atBase) === JSON.stringify(settingsOf(installer)) ? undefined : atBase;
  }
  // A helmfile's releases are not told apart from those it renders elsewhere: left as they are.
  if (installer.kind === 'HelmfileRelease') return undefined;
  // The object is new in its file (undefined: the base commit's text of it is not read), or its set made its Applications at base and not this one.
  const held = holdsAtBase(installer);
  if (held === undefined) return undefined;
  if (!held) return null;
  return installers.has(installerKey(installer)) && installer.generated !== undefined ? null : undefined;
}

/** What an install gives helm besides the chart. */
function settingsOf({ release, namespace, valueFiles, capabilities, inlineFill }: ApplicationChart): InstallAtBase {
  return { release, namespace, valueFiles, ...(capabilities !== undefined ? { capabilities } : {}), ...(inlineFill !== undefined ? { inlineFill } : {}) };
}

function installerKey({ kind, file, name }: ApplicationChart): string {
  return `${kind}\u0000${file}\u0000${name}`;
}

function keyOf(installer: ApplicationChart): string {
  return `${installerKey(installer)}\u0000${installer.generated ?? ''}`;
}
