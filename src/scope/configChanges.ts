/**
 * The relaxations a change makes to the policy config file (pure). The
 * config judges a pull request as it is at the base commit, so a change to
 * it takes effect only once merged; but merging it lowers the bar for every
 * later change, so the relaxation is a `policy.relaxed` finding on the line
 * that relaxes it, like a lowered Namespace label: a default level lowered,
 * an exemption or a disable added, a rule that lowers its match's level,
 * a stricter rule removed, `strict` dropped, `opt-outs` or `policy-changes`
 * loosened, Namespace labels turned off.
 */
import type { DiffLines } from '../diff/lines.js';
import { noSubject, resolvePolicy } from '../policy/resolve.js';
import { isLaxer } from '../policy/stricter.js';
import type { OptOutsRule, PolicyChangesRule } from '../policy/stricter.js';
import type { ConfigLocation, DisableEntry, PolicyConfig, PolicyRule } from '../policy/types.js';
import { formatLevelVersion } from '../pss/levels.js';
import type { LevelVersion } from '../pss/types.js';
import { relaxationFinding, uniquePlaces } from './policyChanges.js';
import type { Place } from './policyChanges.js';
import type { DiffFinding } from './types.js';

/** The config's own default levels (flags aside: they are the run's, not the change's). */
function defaultsOf(config: PolicyConfig, today: string): { enforce: LevelVersion; warn: LevelVersion } {
  const policy = resolvePolicy({ subject: noSubject, config, overrides: {}, today });
  return { enforce: policy.enforce, warn: policy.warn };
}

/** The levels a rule gives what it matches, over its config's defaults. */
function ruleLevels(rule: PolicyRule, defaults: { enforce: LevelVersion; warn: LevelVersion }): { enforce: LevelVersion; warn: LevelVersion } {
  const version = rule.version?.value;
  return {
    enforce: { level: rule.level?.value ?? defaults.enforce.level, version: version ?? defaults.enforce.version },
    warn: { level: rule.warnLevel?.value ?? defaults.warn.level, version: rule.warnVersion?.value ?? version ?? defaults.warn.version },
  };
}

const matchOf = (rule: PolicyRule) => JSON.stringify([rule.namespaces, rule.files]);
const scopeOf = (entry: DisableEntry) => JSON.stringify([[...entry.checks].sort(), entry.namespaces, entry.files, entry.workloads, entry.images]);
const optOutsRank: Record<OptOutsRule, number> = { none: 0, 'base-only': 1, any: 2 };

export interface ConfigChangeOptions {
  readonly today: string;
  readonly rule: PolicyChangesRule;
  readonly linesOf: (file: string) => DiffLines | undefined;
  /** The config's path, for a config removed or one that sets nothing where a setting was dropped. */
  readonly path: string;
}

/** How the config at head is more lenient than at base (a removed file is the built-in defaults, `file` null). */
export function configRelaxations(base: PolicyConfig, head: PolicyConfig, options: ConfigChangeOptions): DiffFinding[] {
  if (base.file === null && head.file === null) return [];
  const file = head.file ?? options.path;
  const what: string[] = [];
  const places: Place[] = [];
  const add = (text: string, at: ConfigLocation | undefined) => {
    what.push(text);
    places.push({ file, path: [], line: head.file !== null ? (at?.line ?? 1) : 1 });
  };
  const was = defaultsOf(base, options.today);
  const is = defaultsOf(head, options.today);
  if (isLaxer(is.enforce, was.enforce)) add(`level ${formatLevelVersion(was.enforce)} becomes ${formatLevelVersion(is.enforce)}`, head.level?.at ?? head.version?.at);
  if (isLaxer(is.warn, was.warn)) add(`warn level ${formatLevelVersion(was.warn)} becomes ${formatLevelVersion(is.warn)}`, head.warnLevel?.at ?? head.warnVersion?.at ?? head.version?.at);
  for (const key of ['namespaces', 'runtimeClassNames'] as const) {
    const before = new Set(base.exemptions[key].map((e) => e.value));
    for (const entry of head.exemptions[key].filter((e) => !before.has(e.value))) add(`${key === 'namespaces' ? 'namespace' : 'runtimeClassName'} ${entry.value} becomes exempt`, entry.at);
  }
  const disabled = new Set(base.disable.map(scopeOf));
  for (const entry of head.disable.filter((e) => !disabled.has(scopeOf(e)))) add(`disable[${entry.index}] disables ${entry.checks.join(', ')}`, entry.at);
  const baseRules = new Map(base.rules.map((r) => [matchOf(r), r]));
  for (const rule of head.rules) {
    const before = baseRules.get(matchOf(rule));
    const from = before ? ruleLevels(before, was) : was;
    const to = ruleLevels(rule, is);
    const lowered = (['enforce', 'warn'] as const).filter((mode) => isLaxer(to[mode], from[mode]));
    if (lowered.length > 0) add(`rules[${rule.index}] ${before ? 'lowers' : 'is new and lowers'} the ${lowered.join(' and ')} level of what it matches to ${lowered.map((m) => formatLevelVersion(to[m])).join(' and ')}`, rule.at);
  }
  const headRules = new Set(head.rules.map(matchOf));
  for (const rule of base.rules.filter((r) => !headRules.has(matchOf(r)))) {
    const levels = ruleLevels(rule, was);
    if (isLaxer(is.enforce, levels.enforce)) add(`rules[${rule.index}] (${formatLevelVersion(levels.enforce)} for what it matched) is removed`, undefined);
  }
  if (base.strict?.value === true && head.strict?.value !== true) add('strict is no longer true', head.strict?.at);
  const optOuts = (c: PolicyConfig) => optOutsRank[c.optOuts?.value ?? 'base-only'];
  if (optOuts(head) > optOuts(base)) add(`opt-outs ${base.optOuts?.value ?? 'base-only'} becomes ${head.optOuts?.value ?? 'base-only'}`, head.optOuts?.at);
  if ((base.policyChanges?.value ?? 'block') === 'block' && head.policyChanges?.value === 'warn') add('policy-changes block becomes warn', head.policyChanges.at);
  if ((base.namespaceLabels?.value ?? true) && head.namespaceLabels?.value === false) add('namespace-labels becomes false: Namespace labels no longer judge', head.namespaceLabels.at);
  if (what.length === 0) return [];
  const subject = { file, apiVersion: '', kind: 'config', namespace: null, name: file, reason: `the pull request relaxes the policy config ${file}` };
  const source = { kind: 'config-default' as const, detail: base.file !== null ? `${base.file} at the base commit` : 'the built-in defaults, as the config file is new' };
  return [relaxationFinding(subject, what, was.enforce, source, uniquePlaces(places), base.file !== null ? 'modified' : 'new', options.rule, options.linesOf)];
}
