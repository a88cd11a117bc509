/**
 * A Helm chart read for discovery (pure): its name (the default release
 * name) and whether every dependency it declares is vendored in `charts/`,
 * since we render without fetching anything.
 */
import { parse } from 'yaml';
import { dirOf, inDir } from './paths.js';

export interface Chart {
  readonly file: string;
  readonly dir: string;
  readonly name: string;
  /** Declared dependencies that `charts/` does not hold (folder or archive). */
  readonly missingDependencies: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A YAML text's top-level mapping, or {} (helm names the problem when it renders). */
function mappingOf(source: string | undefined): Record<string, unknown> {
  try {
    const raw: unknown = source === undefined ? null : parse(source);
    return isRecord(raw) ? raw : {};
  } catch {
    return {};
  }
}

/**
 * `files`: the paths inside the chart's folder; `requirements`: its
 * requirements.yaml, where a chart of apiVersion v1 (Helm 2's) declares its
 * dependencies, as helm still reads them.
 */
export function readChart(file: string, source: string, files: readonly string[], requirements?: string): Chart {
  const dir = dirOf(file);
  const chart = mappingOf(source);
  const dependencies = Array.isArray(chart.dependencies) ? chart.dependencies : mappingOf(requirements).dependencies;
  const name = typeof chart.name === 'string' && chart.name !== '' ? chart.name : (dir.split('/').pop() ?? 'chart');
  const vendored = inDir(dir, 'charts/');
  const inCharts = files.filter((p) => p.startsWith(vendored)).map((p) => p.slice(vendored.length));
  const missingDependencies: string[] = [];
  for (const dependency of Array.isArray(dependencies) ? dependencies : []) {
    if (!isRecord(dependency) || typeof dependency.name !== 'string') continue;
    const dep = dependency.name;
    // A dependency is vendored as charts/<name>/Chart.yaml or charts/<name>-<version>.tgz.
    const present = inCharts.some((p) => p === `${dep}/Chart.yaml` || (p.startsWith(`${dep}-`) && p.endsWith('.tgz') && !p.includes('/')));
    const named = typeof dependency.version === 'string' ? `${dep} ${dependency.version}` : dep;
    // A chart taken in twice under aliases (`alias: profiler`) is one archive to vendor: named once.
    if (!present && !missingDependencies.includes(named)) missingDependencies.push(named);
  }
  return { file, dir, name, missingDependencies };
}
