import type { Finding } from '../findings/types.js';
import { andMore, firstOf } from '../firstFew.js';

/** What rendered a finding: a chart or an overlay, and where its source line is. */
type RenderedOrigin = NonNullable<Finding['rendered']>;

/** Names grouped under a key (a kind, a tool), each once, keys and names in the order first seen. */
export function namesBy<T>(items: readonly T[], keyOf: (item: T) => string, named: (item: T) => string): [string, string[]][] {
  const byKey = new Map<string, Set<string>>();
  for (const item of items) {
    const key = keyOf(item);
    let names = byKey.get(key);
    if (names === undefined) byKey.set(key, (names = new Set()));
    names.add(named(item));
  }
  return [...byKey].map(([key, names]) => [key, [...names]]);
}

/** A workload's name as reports give it: `namespace/name`, `(unnamed)` for none. */
export const workloadName = (w: { readonly namespace: string | null; readonly name: string }) => `${w.namespace === null ? '' : `${w.namespace}/`}${w.name === '' ? '(unnamed)' : w.name}`;

/**
 * The workload part of a key that groups findings by source line: a plain
 * file's line is one workload's; a rendered line is every workload the
 * renderings name there (overlays that share a base), so none.
 */
export const lineWorkload = (f: { readonly kind: string; readonly namespace: string | null; readonly name: string; readonly rendered?: RenderedOrigin }) =>
  f.rendered === undefined ? [f.kind, f.namespace ?? '', f.name] : [];

/**
 * The workloads of some findings, each kind once with its names, each name
 * `shown` once: "Deployment shop/web", "Deployments dev/web, prod/web",
 * "Deployment a, CronJob b" (overlays that render one base under names of
 * their own, on one line).
 */
export function workloadsNamed(items: readonly { readonly kind: string; readonly namespace: string | null; readonly name: string }[], shown: (name: string) => string = (name) => name): string {
  return namesBy(items, (w) => w.kind, (w) => shown(workloadName(w)))
    .map(([kind, names]) => `${kind}${names.length > 1 ? 's' : ''} ${names.join(', ')}`)
    .join(', ');
}

/** The renderings of some findings as a reader names them: each tool once, with its roots (`helm from a; kustomize from b, c`). */
export function rootsByTool(rendered: readonly RootOf[], named: (root: string) => string = (root) => root): string {
  return namesBy(rendered, (r) => r.tool, (r) => named(r.label ?? r.root))
    .map(([tool, names]) => `${tool} from ${names.join(', ')}`)
    .join('; ');
}

/** What names a rendering's root. */
type RootOf = { readonly tool: string; readonly root: string; readonly label?: string };

/** As rootsByTool, the first `max` roots named and the others counted (`kustomize from a, b and 5 more roots`): a base many overlays render. */
export function firstRootsByTool(rendered: readonly RootOf[], max: number, named: (root: string) => string = (root) => root): string {
  const byRoot = new Map(rendered.map((r) => [`${r.tool} ${r.label ?? r.root}`, r]));
  const { first, more } = firstOf([...byRoot.values()], max);
  return `${rootsByTool(first, named)}${andMore(more, more === 1 ? 'root' : 'roots')}`;
}

/**
 * Findings as a report gives them (`read`), those of several renderings on
 * one source line (overlays that share a base, each rendering the same
 * Deployment) that read alike (the same `key`) as one, with every rendering,
 * in the order first seen; a plain file's finding is one of its own. The line
 * a reader fixes once, as a review comments on it once.
 */
export function alikeRenderings<F extends { readonly rendered?: RenderedOrigin }, R>(
  findings: readonly F[],
  read: (finding: F) => R,
  key: (read: R, finding: F) => string,
): { readonly read: R; readonly rendered: RenderedOrigin[]; readonly findings: F[] }[] {
  const out: { read: R; rendered: RenderedOrigin[]; findings: F[] }[] = [];
  const alike = new Map<string, { read: R; rendered: RenderedOrigin[]; findings: F[] }>();
  for (const finding of findings) {
    const item = { read: read(finding), rendered: finding.rendered === undefined ? [] : [finding.rendered], findings: [finding] };
    if (finding.rendered === undefined) {
      out.push(item);
      continue;
    }
    const k = key(item.read, finding);
    const known = alike.get(k);
    if (known !== undefined) {
      known.rendered.push(finding.rendered);
      known.findings.push(finding);
    } else {
      alike.set(k, item);
      out.push(item);
    }
  }
  return out;
}
