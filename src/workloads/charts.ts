/**
 * Objects that have a GitOps controller install a Helm chart in the cluster:
 * a Flux `HelmRelease`, an Argo CD `Application` (or the Applications an
 * `ApplicationSet` makes) whose source is a chart. The pods they make come
 * from the chart and the object's own values, rendered by the controller;
 * the review renders neither (a chart repository is never fetched, and a
 * chart in this repository is rendered with its own values, not the
 * object's). So such an object is reported as not rendered, never passed
 * in silence: a change to its values may add a privileged pod.
 *
 * An Argo CD source without Helm (a directory or an overlay) is not one:
 * when it is in this repository, its files are checked as they are.
 */
import type { FieldPath, JsonObject, JsonValue } from '../pss/types.js';
import { isObject } from '../pss/pod.js';
import { apiGroup } from './kinds.js';

/** How an object names the chart it installs. */
export interface ChartReference {
  /** The program that renders the chart in the cluster. */
  readonly controller: 'Flux' | 'Argo CD';
  /** `podinfo from HelmRepository podinfo`; null when the object does not name it (a patch of a HelmRelease). */
  readonly chart: string | null;
  /** The field that names the chart, relative to the object (its `kind` when none does). */
  readonly path: FieldPath;
}

const text = (value: JsonValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A Flux object reference as a reader names it, `HelmRepository podinfo`; '' when it names nothing. */
const referenceName = (reference: JsonObject): string => [text(reference.kind), text(reference.name)].filter((part) => part !== null).join(' ');

/** The chart an object has a controller install, or null when it installs none. */
export function chartReferenceOf(apiVersion: string, kind: string, object: JsonObject): ChartReference | null {
  const group = apiGroup(apiVersion);
  if (group === 'helm.toolkit.fluxcd.io' && kind === 'HelmRelease') return helmReleaseChart(object);
  if (group !== 'argoproj.io') return null;
  if (kind === 'Application') return argoChart(object.spec, ['spec']);
  if (kind === 'ApplicationSet') {
    const template = isObject(object.spec) ? object.spec.template : undefined;
    return argoChart(isObject(template) ? template.spec : undefined, ['spec', 'template', 'spec']);
  }
  return null;
}

/** A HelmRelease names its chart in `spec.chart.spec` (a chart of a source), or a chart source in `spec.chartRef`. */
function helmReleaseChart(object: JsonObject): ChartReference {
  const spec = isObject(object.spec) ? object.spec : {};
  const chartRef = isObject(spec.chartRef) ? spec.chartRef : null;
  if (chartRef !== null) {
    const source = referenceName(chartRef);
    return { controller: 'Flux', chart: source === '' ? null : source, path: ['spec', 'chartRef'] };
  }
  const template = isObject(spec.chart) && isObject(spec.chart.spec) ? spec.chart.spec : null;
  const name = text(template?.chart);
  if (template === null || name === null) return { controller: 'Flux', chart: null, path: isObject(spec.chart) ? ['spec', 'chart'] : ['kind'] };
  const sourceRef = isObject(template.sourceRef) ? template.sourceRef : null;
  const source = sourceRef === null ? '' : referenceName(sourceRef);
  return { controller: 'Flux', chart: source === '' ? name : `${name} from ${source}`, path: ['spec', 'chart', 'spec', 'chart'] };
}

/**
 * An Argo CD application's first Helm source: one with a `chart` (from a
 * chart repository), or with `helm` settings (a chart at a path, rendered
 * with the application's values). `source` and `sources` are both read.
 */
function argoChart(spec: JsonValue | undefined, specPath: FieldPath): ChartReference | null {
  if (!isObject(spec)) return null;
  const sources: [JsonValue | undefined, FieldPath][] = [[spec.source, [...specPath, 'source']]];
  if (Array.isArray(spec.sources)) spec.sources.forEach((source, index) => sources.push([source, [...specPath, 'sources', index]]));
  for (const [source, path] of sources) {
    if (!isObject(source)) continue;
    const repository = text(source.repoURL);
    const chart = text(source.chart);
    if (chart !== null) return { controller: 'Argo CD', chart: repository === null ? chart : `${chart} from ${repository}`, path: [...path, 'chart'] };
    const at = text(source.path);
    if (isObject(source.helm)) return { controller: 'Argo CD', chart: at === null ? null : `at ${at}${repository === null ? '' : ` of ${repository}`}`, path: [...path, 'helm'] };
  }
  return null;
}

/** Why the object's pods are not checked, for the file problem that says so. */
export function chartMessage(kind: string, name: string, reference: ChartReference): string {
  const chart = reference.chart === null ? 'its chart' : `its chart (${reference.chart})`;
  return `${kind} ${name || '(unnamed)'} not rendered: ${reference.controller} renders ${chart} with its values in the cluster, so the pod specs it makes are not checked here`;
}
