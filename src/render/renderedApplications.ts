/**
 * Argo CD Applications that a chart or overlay renders (pure): an "app of
 * apps", a chart whose templates are Applications of this repository's
 * charts, each with values of its own. The change renders the parent; here
 * its output at each side is read for the Applications that install a
 * chart of this repository (applications.ts), so that their charts are
 * rendered too, with the inline values each side's rendering gives them.
 * Each is found with where its parent's rendering has its notice
 * (extract.ts: what an Application installs is not checked), to be dropped
 * once its chart is rendered.
 */
import { locate } from '../locate/locate.js';
import { loadManifestFile, renderedLoadOptions } from '../manifests/load.js';
import type { ManifestDocument } from '../manifests/types.js';
import type { JsonObject } from '../pss/types.js';
import { argoHelmSource, inlineValuesText, nameOf, objectOfKind } from './applications.js';
import type { ApplicationChart } from './applications.js';
import { namesKind } from './installers.js';
import { shownDir } from './paths.js';
import type { RenderedApplication } from './discover.js';
import type { RenderedRoot } from './types.js';

const namesApplication = namesKind('Application');

/** The Application objects of a rendering's text, by name. */
function applicationsIn(path: string, text: string): Map<string, { object: JsonObject; document: ManifestDocument }> {
  const byName = new Map<string, { object: JsonObject; document: ManifestDocument }>();
  for (const document of loadManifestFile(path, text, renderedLoadOptions()).documents) {
    const object = objectOfKind(document.value, 'argoproj.io', 'Application');
    const name = object === null ? '' : nameOf(object);
    if (object !== null && name !== '' && !byName.has(name)) byName.set(name, { object, document });
  }
  return byName;
}

/**
 * The Applications the renderings render at head that install a chart of
 * this repository and sync what the change makes (`synced`); `pathOf`
 * names each rendering's file as the scope reads it.
 */
export function applicationsRendered(
  rendered: readonly RenderedRoot[],
  pathOf: (index: number) => string,
  repository: ReadonlySet<string>,
  paths: ReadonlySet<string>,
  synced: (application: ApplicationChart) => boolean,
): RenderedApplication[] {
  const found: RenderedApplication[] = [];
  rendered.forEach(({ root, head, base }, index) => {
    if (head.kind !== 'rendered' || !namesApplication.test(head.text)) return;
    const path = pathOf(index);
    const atBase = base.kind === 'rendered' ? applicationsIn(path, base.text) : new Map<string, { object: JsonObject }>();
    for (const [name, { object, document }] of applicationsIn(path, head.text)) {
      const source = argoHelmSource(object, repository, paths);
      if (source === null) continue;
      const noticeLine = locate(document.source, source.reference).line;
      // Its "file" is the parent's folder: what `fix` is given to render it again (report/renderedFix.ts).
      const application: ApplicationChart = { ...source.chart, kind: 'Application', file: shownDir(root.dir), name, noticeLine, inline: source.inline };
      if (!synced(application)) continue;
      const before = atBase.get(name)?.object;
      const values = { head: inlineValuesText(object, source.inline), base: before === undefined ? null : inlineValuesText(before, source.inline) };
      found.push({ application, parent: root.label, renderedAs: path, values });
    }
  });
  return found;
}
