/** Render roots as discovery makes them, for tests of the stages after it. */
import type { RenderRoot } from '../../src/render/types.js';

/** A chart's rendering with helm: `label` as messages name it, the values files given after its values.yaml. */
export function helmRoot(dir: string, label: string, valuesFiles: string[] = []): RenderRoot {
  const name = dir.split('/').pop()!;
  return {
    tool: 'helm',
    dir,
    file: `${dir}/Chart.yaml`,
    label,
    sources: [],
    baseSources: [],
    helm: { release: name, namespace: 'default', namespaceGiven: false, valuesFiles },
    inflateHelm: false,
    blocked: null,
    limits: { timeoutMs: 1000, maxOutputBytes: 1000 },
  };
}
