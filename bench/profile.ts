/**
 * A V8 CPU profile (.cpuprofile, as `node --cpu-prof` or the inspector's
 * Profiler.stop give it) reduced to what a reader needs: the functions with
 * the most self time, the project's functions with the most inclusive time,
 * and self time by area (the yaml package, each src/ folder, GC, node).
 */
import path from 'node:path';
import { round } from './stats.js';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileEntry {
  readonly name: string;
  readonly where: string;
  readonly ms: number;
  readonly percent: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly topSelf: readonly ProfileEntry[];
  readonly topInclusive: readonly ProfileEntry[];
  readonly byArea: readonly { readonly area: string; readonly ms: number; readonly percent: number }[];
}

function where(frame: CallFrame, root: string): string {
  if (frame.url === '') return '';
  let file = frame.url.replace(/^file:\/\//, '');
  if (file.startsWith(root)) file = path.relative(root, file);
  file = file.replace(/^.*node_modules\//, 'node_modules/');
  // tsx's transpiled sources report every frame on their first line: the file alone is the truth.
  return frame.lineNumber <= 0 ? file : `${file}:${frame.lineNumber + 1}`;
}

function areaOf(frame: CallFrame, root: string): string {
  if (frame.functionName === '(garbage collector)') return 'GC';
  if (frame.functionName === '(program)' || frame.functionName === '(idle)') return frame.functionName;
  const file = frame.url.replace(/^file:\/\//, '');
  const nodeModule = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (nodeModule) return nodeModule[1]!;
  if (file.startsWith(root)) {
    const relative = path.relative(root, file).split(path.sep);
    return relative[0] === 'src' && relative.length > 2 ? `src/${relative[1]}` : relative.slice(0, 2).join('/');
  }
  return file === '' ? '(native)' : 'node';
}

export function summarizeProfile(profile: CpuProfile, root: string, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const key = (f: CallFrame) => `${f.functionName || '(anonymous)'}\u0000${where(f, root)}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || delta <= 0) return;
    total += delta;
    self.set(key(node.callFrame), (self.get(key(node.callFrame)) ?? 0) + delta);
    const area = areaOf(node.callFrame, root);
    areas.set(area, (areas.get(area) ?? 0) + delta);
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const k = key(byId.get(current)!.callFrame);
      if (!seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + delta);
      }
    }
  });
  const entries = (map: Map<string, number>, filter: (k: string) => boolean = () => true): ProfileEntry[] =>
    [...map]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => {
        const [name = '', at = ''] = k.split('\u0000');
        return { name, where: at, ms: round(ms), percent: round((ms / total) * 100) };
      });
  // Inclusive time of the project's own functions, below the benchmark's own frames.
  const isProject = (k: string) => (k.split('\u0000')[1] ?? '').startsWith('src/');
  return {
    totalMs: round(total),
    topSelf: entries(self),
    topInclusive: entries(inclusive, isProject),
    byArea: [...areas].sort((a, b) => b[1] - a[1]).map(([area, ms]) => ({ area, ms: round(ms), percent: round((ms / total) * 100) })),
  };
}
