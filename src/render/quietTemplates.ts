/**
 * A change to a chart's template that no rendering writes (pure). DataDog's
 * agent DaemonSet renders only with an API key, which its values.yaml leaves
 * empty: a pull request that adds `hostNetwork: true` to
 * `templates/daemonset.yaml` renders the same as before, so every rendering
 * of the chart is unchanged and the review was green with nothing checked.
 * helm names each template that wrote something in a `# Source:` comment; a
 * changed template that writes a pod workload and that no rendering of its
 * chart names is said on the first line the change added to it, with how to
 * render the chart so that it is checked, and the run is never a silent
 * green (as quietValues.ts does for a values change).
 */
import type { ChangeSet, ChangedFile } from '../diff/types.js';
import { textOf } from '../manifests/load.js';
import { workloadKinds } from '../workloads/kinds.js';
import type { LoadProblem } from '../manifests/types.js';
import { renderAdvice, renderingsNamed } from './quietValues.js';
import type { RenderingOutcome } from './quietValues.js';

/** A line that writes a pod workload's kind, as a template writes one (its own line, maybe quoted). */
const writesWorkload = new RegExp(`^\\s*kind:\\s*["']?(?:${workloadKinds.map((k) => k.kind).join('|')})["']?\\s*(?:#.*)?$`, 'm');

/**
 * The notices of the chart templates a pull request changed that write a
 * pod workload and that none of the chart's renderings, all rendered at
 * head, wrote anything from. `paths`: the head tree's (for the chart's
 * ci/*-values.yaml files).
 */
export function quietTemplateChanges(changeSet: ChangeSet, renderings: readonly RenderingOutcome[], paths: Iterable<string>): LoadProblem[] {
  const notices: LoadProblem[] = [];
  for (const file of changeSet.files) {
    if (file.rendered === true || file.head.kind !== 'content') continue;
    const line = firstAddedLine(file);
    if (line === null) continue;
    const readers = renderings.filter(({ root }) => root.helm !== null && root.sources.includes(file.path) && templateOf(root.dir, file.path) !== null);
    if (readers.length === 0 || readers.some((r) => !r.headRendered || r.writes(templateOf(r.root.dir, file.path)!))) continue;
    const head = textOf(file.head.data);
    if (head === null || !writesWorkload.test(head)) continue;
    const { dirs, charts } = renderingsNamed(readers);
    const one = dirs.length === 1;
    notices.push({
      file: file.path,
      line,
      kind: 'not-rendered',
      message: `${charts} ${one ? 'writes' : 'write'} nothing from this template with the values ${one ? 'it is' : 'they are'} rendered with: the change to it is not checked; ${renderAdvice(dirs[0]!, paths, readers, 'it')}`,
    });
  }
  return notices;
}

/**
 * A file's path inside the chart at `dir`, as helm's `# Source:` comments
 * name it, when helm renders it as one of the chart's own templates: under
 * its `templates/` folder, not a helper (`_*.tpl`) nor the install notes;
 * else null. (A vendored subchart's are named by its alias, when it has one.)
 */
export function templateOf(dir: string, file: string): string | null {
  const inChart = dir === '' ? file : file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : null;
  if (inChart === null || !inChart.startsWith('templates/')) return null;
  const name = inChart.slice(inChart.lastIndexOf('/') + 1);
  return name.startsWith('_') || name === 'NOTES.txt' ? null : inChart;
}

/** The first line the change added to the file, at head; null when it added none (a deletion says nothing new). */
function firstAddedLine(file: ChangedFile): number | null {
  for (const hunk of file.hunks ?? []) for (const line of hunk.lines) if (line.kind === 'added') return line.headLine;
  return null;
}
