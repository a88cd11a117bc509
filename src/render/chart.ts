/**
 * A Helm chart read for discovery (pure): its name (the default release
 * name) and whether every dependency it declares is vendored in `charts/`,
 * since we render without fetching anything.
 */
import { parse } from 'yaml';
import { dirOf } from './paths.js';

export interface Chart {
  readonly file: string;
  readonly dir: string;
  readonly name: string;
  /** Declared dependencies that `charts/` does not hold (folder or archive). */
  readonly missingDependencies: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `files`: the paths inside the chart's folder. */
export function readChart(file: string, source: string, files: readonly string[]): Chart {
  const dir = dirOf(file);
  let raw: unknown = null;
  try {
    raw = parse(source);
  } catch {
    // helm names the problem when it renders: keep the folder's name here.
  }
  const chart = isRecord(raw) ? raw : {};
  const name = typeof chart.name === 'string' && chart.name !== '' ? chart.name : (dir.split('/').pop() ?? 'chart');
  const vendored = `${dir === '' ? '' : `${dir}/`}charts/`;
  const inCharts = files.filter((p) => p.startsWith(vendored)).map((p) => p.slice(vendored.length));
  const missingDependencies: string[] = [];
  for (const dependency of Array.isArray(chart.dependencies) ? chart.dependencies : []) {
    if (!isRecord(dependency) || typeof dependency.name !== 'string') continue;
    const dep = dependency.name;
    // A dependency is vendored as charts/<name>/Chart.yaml or charts/<name>-<version>.tgz.
    const present = inCharts.some((p) => p === `${dep}/Chart.yaml` || (p.startsWith(`${dep}-`) && p.endsWith('.tgz') && !p.includes('/')));
    if (!present) missingDependencies.push(typeof dependency.version === 'string' ? `${dep} ${dependency.version}` : dep);
  }
  return { file, dir, name, missingDependencies };
}
