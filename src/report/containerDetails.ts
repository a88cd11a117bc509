/**
 * Upstream's details of one check that differ only in the containers they
 * name, as one (pure). A values line several workloads read gives each of
 * them a finding whose detail names its own container (`container "admission"
 * must not include "SYS_ADMIN" in securityContext.capabilities.add`); a
 * comment on that line says it once, naming them all the way upstream names
 * several containers of one pod: `containers "admission", "scheduler" must …`.
 */

import { andMore, firstOf } from '../firstFew.js';

/** A detail of one clause about containers: `pod or ` (if any), the quoted names, and what they must do. */
const containerClause = /^((?:pod or )?)containers? ((?:"[^"]*", )*"[^"]*") (must .*)$/;
const quotedName = /"[^"]*"/g;

/** The details, those alike but for their containers' names merged into the first of them, in order; past `maxNames` names, the rest counted. */
export function mergedByContainers(details: readonly string[], maxNames: number): string[] {
  const out: (string | { readonly lead: string; readonly names: string[]; readonly rest: string })[] = [];
  const byShape = new Map<string, { readonly lead: string; readonly names: string[]; readonly rest: string }>();
  for (const detail of details) {
    // A detail of several clauses (`…; container "b" must …`) is left as upstream wrote it.
    const clause = detail.includes('; ') ? null : containerClause.exec(detail);
    if (clause === null) {
      out.push(detail);
      continue;
    }
    const [, lead = '', names = '', rest = ''] = clause;
    const shape = `${lead}\u0000${rest}`;
    const known = byShape.get(shape);
    const named = names.match(quotedName) ?? [];
    if (known === undefined) {
      const entry = { lead, names: [...new Set(named)], rest };
      byShape.set(shape, entry);
      out.push(entry);
    } else for (const name of named) if (!known.names.includes(name)) known.names.push(name);
  }
  return out.map((entry) => (typeof entry === 'string' ? entry : `${entry.lead}${entry.names.length === 1 ? 'container' : 'containers'} ${namesText(entry.names, maxNames)} ${entry.rest}`));
}

function namesText(names: readonly string[], maxNames: number): string {
  const { first, more } = firstOf(names, maxNames);
  return `${first.join(', ')}${andMore(more)}`;
}
